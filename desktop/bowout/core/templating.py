"""The Jinja2 environment: immutable sandbox, strict undefined, autoescaped HTML.

User input only ever reaches templates as data (context values), never as template source;
custom templates from the user's folders run in the same sandbox.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import jinja2
import jinja2.meta
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from bowout import paths
from bowout.core.errors import TemplateError

logger = logging.getLogger(__name__)

#: Largest output one template may produce (characters); guards runaway custom templates.
MAX_OUTPUT_CHARS = 20_000

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
#: The wording files (one per voice) and the consistency rules, overridable the same way.
WORDING_NAMES = ("wording/brief.toml", "wording/warm.toml", "wording/formal.toml")

#: Every name a template may use (what :func:`template_context` provides).
CONTEXT_NAMES = frozenset(
    {
        "stage", "reason", "channel", "voice", "contact", "contact_given", "role", "role_given",
        "company", "company_given", "recruiter", "recruiter_given", "your_name", "your_email",
        "your_phone", "addressee", "spoken_addressee", "recruiter_addressee", "manager",
        "start_date", "paid_money", "point", "decide_by", "kind", "reply",
        "signature_extra", "paragraphs", "say", "br",
    }
)  # fmt: skip


def long_date(value: dt.date) -> str:
    """12 January 2027: unambiguous in every English-speaking country."""
    return f"{value.day} {value:%B %Y}"


#: The environment's options; part of the compiled-template cache's folder name, so code
#: compiled under other options (or another Jinja2) is never reused.
_OPTIONS: dict[str, Any] = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "keep_trailing_newline": False,
    "auto_reload": False,
}
_AUTOESCAPED = ("html", "html.j2", "htm", "xml")


def bytecode_folder(cache_root: Path) -> Path:
    """The folder for compiled templates under ``cache_root`` for this Jinja2 and these options."""
    key = repr((jinja2.__version__, sorted(_OPTIONS.items()), _AUTOESCAPED, "immutable-sandbox"))
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    return cache_root / f"templates-{digest}"


#: UTF-8 with or without a byte-order mark: Notepad and other editors save one, and a BOM
#: left in a template would start every subject with an invisible U+FEFF (issue 11).
TEMPLATE_ENCODING = "utf-8-sig"


def read_template_source(path: Path) -> str:
    """The text of a template file, a leading byte-order mark removed.

    Raises OSError when the file cannot be read and UnicodeDecodeError when it is not UTF-8.
    """
    return path.read_text(encoding=TEMPLATE_ENCODING)


def make_environment(
    user_dirs: Sequence[Path] = (), *, cache_root: Path | None = None
) -> ImmutableSandboxedEnvironment:
    """An environment whose loader looks in the user's folders first, then the built-ins.

    With ``cache_root``, compiled templates are kept there (Jinja2's bytecode cache,
    checked against each template's source): a start then loads code instead of parsing
    and compiling every template again (about 50 ms). A cache that cannot be written is
    simply not used.
    """
    search = [str(d) for d in user_dirs if d.is_dir()] + [str(paths.templates_dir())]
    cache: jinja2.BytecodeCache | None = None
    if cache_root is not None:
        folder = bytecode_folder(cache_root)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            cache = jinja2.FileSystemBytecodeCache(str(folder))
        except OSError as exc:
            logger.info("no compiled-template cache in %s: %s", folder, exc)
    return ImmutableSandboxedEnvironment(
        loader=jinja2.FileSystemLoader(search, encoding=TEMPLATE_ENCODING),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(list(_AUTOESCAPED)),
        bytecode_cache=cache,
        **_OPTIONS,
    )


def render(env: jinja2.Environment, name: str, context: Mapping[str, Any]) -> str:
    """Render one template by name, turning every failure into a :class:`TemplateError`."""
    try:
        template = env.get_template(name)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"{exc.filename or name}, line {exc.lineno}: {exc.message}") from None
    except jinja2.TemplateNotFound:
        raise TemplateError(f"template {name!r} was not found") from None
    return render_template(template, context, name)


def render_template(template: jinja2.Template, context: Mapping[str, Any], name: str) -> str:
    """Render a loaded template with the output size cap and readable errors."""
    try:
        text = template.render(context)
    except jinja2.UndefinedError as exc:
        raise TemplateError(f"{name}: {exc.message}") from None
    except SecurityError as exc:
        raise TemplateError(f"{name}: not allowed in a template: {exc}") from None
    except jinja2.TemplateError as exc:
        raise TemplateError(f"{name}: {exc}") from None
    if len(text) > MAX_OUTPUT_CHARS:
        raise TemplateError(
            f"{name}: output is {len(text):,} characters; the limit is {MAX_OUTPUT_CHARS:,}"
        )
    return text


def load_file_template(env: jinja2.Environment, path: Path) -> jinja2.Template:
    """Compile a template file given on the command line (``--template PATH``)."""
    try:
        source = read_template_source(path)
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
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


def check_templates(folder: Path, contexts: Sequence[Mapping[str, Any]]) -> list[TemplateProblem]:
    """Validate every ``*.j2`` in ``folder``: syntax, unknown variables, render, size cap."""
    env = make_environment([folder])
    problems: list[TemplateProblem] = []
    for path in sorted(folder.glob("*.j2")):
        try:
            source = read_template_source(path)
        except (OSError, UnicodeDecodeError) as exc:
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
                problems.append(TemplateProblem(path, None, str(exc)))
                break
    return problems
