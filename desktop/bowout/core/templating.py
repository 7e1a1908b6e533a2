"""The Jinja2 environment: immutable sandbox with limits, strict undefined, autoescaped HTML.

User input only ever reaches templates as data (context values), never as template source;
custom templates from the user's folders run in the same sandbox, within
:class:`~bowout.core.sandbox.Limits` (time, intermediate sizes, output). A custom template
that fails is reported once, naming its file and line, and the built-in one is used instead.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import logging
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import jinja2
import jinja2.meta
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path

from bowout import paths, readfile
from bowout.core.errors import TemplateError
from bowout.core.sandbox import (
    CODE_VERSION,
    DataSandbox,
    LimitedEnvironment,
    LimitExceeded,
    Limits,
    RenderTimeout,
    render_limited,
)
from bowout.private import make_private_dir

logger = logging.getLogger(__name__)

#: Largest output one template may produce (characters); guards runaway custom templates.
MAX_OUTPUT_CHARS = Limits().output

#: The templates the composer renders, by role. Custom templates override them by name.
TEMPLATE_NAMES = (
    "email.txt.j2",
    "email.html.j2",
    "phone_script.txt.j2",
    "linkedin.txt.j2",
    "negotiate.txt.j2",
    "talking_points.txt.j2",
    "reply.txt.j2",
)

#: Every name a template may use (what :func:`template_context` provides).
CONTEXT_NAMES = frozenset(
    {
        "stage", "reason", "channel", "voice", "contact", "contact_given", "role", "role_given",
        "company", "company_name", "company_given", "recruiter", "recruiter_given", "your_name",
        "your_email", "your_phone", "addressee", "spoken_addressee", "recruiter_addressee",
        "manager", "start_date", "paid_money", "point", "decide_by", "kind", "reply",
        "signature_extra", "paragraphs", "html_paragraphs", "say", "br",
    }
)  # fmt: skip


def long_date(value: dt.date, language: str = paths.DEFAULT_LANGUAGE) -> str:
    """12 January 2027: the ``language`` pack's date, from CLDR data, never the OS locale."""
    from bowout.core.pack import long_date

    return long_date(value, language)


def language_dirs(user_dirs: Sequence[Path], language: str) -> list[Path]:
    """Where a user's folders hold the templates and wording of ``language``: each
    folder's ``<language>/`` subfolder, and for English the folder itself after it (a
    custom folder made before there were languages keeps working)."""
    found: list[Path] = []
    for folder in user_dirs:
        found.append(folder / language)
        if language == paths.DEFAULT_LANGUAGE:
            found.append(folder)
    return found


#: The environment's options; part of the compiled-template cache's folder name, so code
#: compiled under other options (or another Jinja2) is never reused.
_OPTIONS: dict[str, Any] = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "keep_trailing_newline": False,
    "auto_reload": False,
}
_AUTOESCAPED = ("html", "html.j2", "htm", "xml")


def bytecode_folder(cache_root: Path, *, trusted: bool = False) -> Path:
    """The folder for compiled templates under ``cache_root`` for this Jinja2 and these
    options (the trusted environment compiles without the limits' checks: its own folder)."""
    key = repr((jinja2.__version__, sorted(_OPTIONS.items()), _AUTOESCAPED, CODE_VERSION,
                "trusted" if trusted else "limited"))  # fmt: skip
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    return cache_root / f"templates-{digest}"


#: UTF-8 with or without a byte-order mark: Notepad and other editors save one, and a BOM
#: left in a template would start every subject with an invisible U+FEFF (issue 11).
TEMPLATE_ENCODING = "utf-8-sig"


def read_template_source(path: Path) -> str:
    """The text of a template file, a leading byte-order mark removed (the rule of
    :mod:`bowout.readfile`: a regular file, at most ``TEXT_LIMIT`` bytes, UTF-8).

    Raises OSError when the file cannot be read and UnreadableFile when it is not a
    regular UTF-8 file within the bound.
    """
    return readfile.read_text(path, readfile.TEXT_LIMIT)


class BoundedLoader(jinja2.FileSystemLoader):
    """Jinja2's folder loader, reading through :mod:`bowout.readfile`.

    A name that is a folder, a device, a FIFO or a loop of links in a user's folder is
    reported (Jinja2 would skip it silently, or block on a FIFO), and a file that is not
    UTF-8 (Notepad's "Unicode" is UTF-16) or too large is a :class:`TemplateError`, so a
    custom file gives way to the built-in one with a warning instead of a traceback.
    """

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        """(source, file name, is-up-to-date) for ``template``; raises TemplateNotFound
        when no folder has it, TemplateError when the one found cannot be used."""
        pieces = split_template_path(template)
        for folder in self.searchpath:
            path = Path(folder, *pieces)
            kind = readfile.kind_of(path)
            if kind is not None:
                raise TemplateError(f"{path}: it is {kind}, not a file")
            if not path.is_file():
                continue
            try:
                source = readfile.read_text(path, readfile.TEXT_LIMIT)
                mtime = path.stat().st_mtime
            except readfile.UnreadableFile as exc:
                raise TemplateError(str(exc), reason=exc.why) from None
            except OSError as exc:
                why = exc.strerror or type(exc).__name__
                raise TemplateError(f"{path}: cannot be read ({why})") from None

            def uptodate(path: Path = path, mtime: float = mtime) -> bool:
                try:
                    return path.stat().st_mtime == mtime
                except OSError:
                    return False

            return source, str(path), uptodate
        raise jinja2.TemplateNotFound(template)


def make_environment(
    user_dirs: Sequence[Path] = (),
    *,
    cache_root: Path | None = None,
    limits: Limits | None = None,
    trusted: bool = False,
    language: str = paths.DEFAULT_LANGUAGE,
) -> DataSandbox:
    """An environment whose loader looks in the user's folders first, then the built-in
    pack of ``language`` (``templates/<language>/``).

    ``user_dirs`` are searched as given (:func:`language_dirs` gives a language's folders).

    With ``cache_root``, compiled templates are kept there (Jinja2's bytecode cache,
    checked against each template's source): a start then loads code instead of parsing
    and compiling every template again (about 50 ms). A cache that cannot be written is
    simply not used.

    ``trusted``: the built-in templates alone (``user_dirs`` is ignored), in the immutable
    sandbox without the limits' checks. They ship with Bow Out and only ever render the
    situation's values (one line each, at most MAX_FIELD_CHARS), so their output is small;
    the checks are for custom templates, which may loop or build anything.
    """
    search = [] if trusted else [str(d) for d in user_dirs if d.is_dir()]
    search.append(str(paths.pack_dir(language)))
    cache: jinja2.BytecodeCache | None = None
    if cache_root is not None:
        folder = bytecode_folder(cache_root, trusted=trusted)
        try:
            make_private_dir(folder)
            cache = jinja2.FileSystemBytecodeCache(str(folder))
        except OSError as exc:
            logger.info("no compiled-template cache in %s: %s", folder, exc)
    if trusted:
        return DataSandbox(
            loader=BoundedLoader(search, encoding=TEMPLATE_ENCODING),
            undefined=jinja2.StrictUndefined,
            autoescape=jinja2.select_autoescape(list(_AUTOESCAPED)),
            bytecode_cache=cache,
            **_OPTIONS,
        )
    return LimitedEnvironment(
        limits=limits,
        loader=BoundedLoader(search, encoding=TEMPLATE_ENCODING),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(list(_AUTOESCAPED)),
        bytecode_cache=cache,
        **_OPTIONS,
    )


def render(env: jinja2.Environment, name: str, context: Mapping[str, Any]) -> str:
    """Render one template by name; every failure becomes one :class:`TemplateError`.

    The message names the template's file and line when they are known.
    """
    try:
        template = env.get_template(name)
    except jinja2.TemplateSyntaxError as exc:
        where, why = exc.filename or name, f"syntax error: {exc.message}"
        raise TemplateError(
            f"{where}, line {exc.lineno}: {why}", line=exc.lineno, reason=why
        ) from None
    except jinja2.TemplateNotFound:
        raise TemplateError(f"template {name!r} was not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(f"cannot read template {name}: {exc}") from None
    return render_template(flat_globals(template), context, template.filename or name)


def flat_globals(template: jinja2.Template) -> jinja2.Template:
    """``template`` with its globals as one plain dict instead of Jinja2's ChainMap.

    Every render copies the globals into a new context; from a ChainMap that copy walks
    both maps key by key, a tenth of a draft's time while the user types. The environment's
    globals never change once it is made, so a snapshot is the same mapping.
    """
    if type(template.globals) is not dict:
        template.globals = dict(template.globals)
    return template


def render_template(template: jinja2.Template, context: Mapping[str, Any], name: str) -> str:
    """Render a loaded template within its environment's limits, with readable errors.

    ``name`` is the file named in messages. Raises :class:`TemplateError` for anything the
    template does wrong: an error it raises, a limit it breaks, a render that runs too long.
    """
    env = template.environment
    if not isinstance(env, LimitedEnvironment):  # a built-in template (make_environment)
        try:
            return template.render(context)
        except Exception as exc:
            why = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            raise _error(template, name, exc, why) from None
    limits = env.limits
    try:
        return render_limited(template, context, limits)
    except RenderTimeout as exc:
        why = f"it ran longer than the time limit ({limits.seconds:g} s)"
        raise _error(template, name, exc, why) from None
    except jinja2.UndefinedError as exc:
        raise _error(template, name, exc, exc.message or str(exc)) from None
    except (LimitExceeded, SecurityError) as exc:
        raise _error(template, name, exc, f"not allowed in a template: {exc}") from None
    except Exception as exc:
        why = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        raise _error(template, name, exc, why) from None


def _error(template: jinja2.Template, name: str, exc: BaseException, why: str) -> TemplateError:
    """One message, "FILE, line N: why", for the template line running when ``exc`` rose."""
    line = None
    filename = template.filename or "<template>"
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename in (filename, "<template>"):
            line = tb.tb_lineno
        tb = tb.tb_next
    where = f"{name}, line {line}" if line else name
    return TemplateError(f"{where}: {why}", line=line, reason=why)


def load_file_template(env: jinja2.Environment, path: Path) -> jinja2.Template:
    """Compile a template file given on the command line (``--template PATH``)."""
    try:
        source = read_template_source(path)
    except readfile.UnreadableFile as exc:
        raise TemplateError(f"cannot read template {path}: {exc.why}") from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise TemplateError(f"cannot read template {path}: {reason}") from None
    try:
        return env.from_string(source)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"{path}, line {exc.lineno}: {exc.message}") from None


@dataclasses.dataclass(frozen=True)
class TemplateProblem:
    """One problem found by :func:`check_templates`."""

    path: Path
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.message}"


def check_templates(
    folder: Path, contexts: Sequence[Mapping[str, Any]], language: str = paths.DEFAULT_LANGUAGE
) -> list[TemplateProblem]:
    """Validate every ``*.j2`` in ``folder`` (custom templates of ``language``, over its
    built-in pack): syntax, unknown variables, render, size cap."""
    env = make_environment([folder], language=language)
    problems: list[TemplateProblem] = []
    for path in sorted(folder.glob("*.j2")):
        try:
            source = read_template_source(path)
        except readfile.UnreadableFile as exc:
            problems.append(TemplateProblem(path, None, f"unreadable: {exc.why}"))
            continue
        except OSError as exc:
            problems.append(TemplateProblem(path, None, f"unreadable: {exc}"))
            continue
        try:
            ast = env.parse(source, path.name, str(path))
        except jinja2.TemplateSyntaxError as exc:
            problems.append(TemplateProblem(path, exc.lineno, f"syntax error: {exc.message}"))
            continue
        unknown = sorted(jinja2.meta.find_undeclared_variables(ast) - CONTEXT_NAMES)
        if unknown:
            problems.append(TemplateProblem(path, None, f"unknown variables: {', '.join(unknown)}"))
            continue
        if path.name not in TEMPLATE_NAMES:
            problems.append(
                TemplateProblem(
                    path,
                    None,
                    f"not used: the names Bow Out renders are {', '.join(TEMPLATE_NAMES)}",
                )
            )
        for context in contexts:
            try:
                render(env, path.name, context)
            except TemplateError as exc:
                problems.append(TemplateProblem(path, exc.line, exc.reason))
                break
    return problems


class FallbackRenderer:
    """Renders templates by name; a broken custom one gives way to the built-in.

    The first failure of a custom template (from ``user_dirs``) is logged and kept for
    :meth:`take_problems`; that name then renders from the built-in templates for the rest
    of this renderer's life, so a template that loops for seconds costs that once, and the
    user sees one message instead of one per keystroke. A failing built-in template raises
    (it is shipped with the app, so that is a bug to report).
    """

    def __init__(
        self,
        env: jinja2.Environment,
        user_dirs: Sequence[Path],
        make_builtin: Callable[[], jinja2.Environment],
    ) -> None:
        self.env = env
        self.user_dirs = tuple(user_dirs)
        self._make_builtin = make_builtin
        self._builtin: jinja2.Environment | None = None
        #: The message for each custom template name that failed, by name.
        self.broken: dict[str, str] = {}
        self._unreported: list[str] = []
        #: Whether a user folder holds each template name (looked up once per name, as
        #: the environment loads each template once).
        self._custom: dict[str, bool] = {}

    def render(self, name: str, context: Mapping[str, Any]) -> str:
        """The rendered template ``name``; raises TemplateError only for a built-in one."""
        custom = self._custom.get(name)
        if custom is None:
            custom = self._custom[name] = any(
                (folder / name).is_file() for folder in self.user_dirs
            )
        if custom and name not in self.broken:
            try:
                return render(self.env, name, context)
            except TemplateError as exc:
                if not self.is_custom(name):
                    raise
                message = f"{str(exc).rstrip('.')}. Bow Out uses its own {name} until it is fixed."
                self.broken[name] = message
                self._unreported.append(message)
                logger.warning("custom template failed: %s", message)
        if self._builtin is None:
            self._builtin = self._make_builtin()
        return render(self._builtin, name, context)

    def builtin_environment(self) -> jinja2.Environment:
        """The environment of the built-in templates alone (made on first use)."""
        if self._builtin is None:
            self._builtin = self._make_builtin()
        return self._builtin

    def note(self, message: str) -> None:
        """Keep a message about a custom file that failed for :meth:`take_problems`."""
        logger.warning("custom wording failed: %s", message)
        self._unreported.append(message)

    def is_custom(self, name: str) -> bool:
        """Can a user folder be at fault for ``name`` (it or a template it imports)?"""
        return any(any(folder.glob("*.j2")) for folder in self.user_dirs if folder.is_dir())

    def take_problems(self) -> list[str]:
        """The messages not yet shown (each broken template once), and forget them."""
        taken, self._unreported = self._unreported, []
        return taken
