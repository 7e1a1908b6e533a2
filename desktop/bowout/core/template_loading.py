"""Where templates come from: the user's folders over a language's built-in pack, read
through :mod:`bowout.readfile`, compiled into the sandbox (:mod:`bowout.core.sandbox`),
with a cache of compiled code. :mod:`bowout.core.templating` names what they may use.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import jinja2
from jinja2.loaders import split_template_path

from bowout import paths, readfile
from bowout.core.errors import TemplateError
from bowout.core.sandbox import CODE_VERSION, DataSandbox, LimitedEnvironment, Limits
from bowout.private import make_private_dir

logger = logging.getLogger(__name__)


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

    The environment has the ``elide`` filter of ``language``'s pack (:meth:`Pack.elide
    <bowout.core.pack.Pack.elide>`): ``{{ role | elide("de") }}``.

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
    env: DataSandbox
    if trusted:
        env = DataSandbox(
            loader=BoundedLoader(search, encoding=TEMPLATE_ENCODING),
            undefined=jinja2.StrictUndefined,
            autoescape=jinja2.select_autoescape(list(_AUTOESCAPED)),
            bytecode_cache=cache,
            **_OPTIONS,
        )
    else:
        env = LimitedEnvironment(
            limits=limits,
            loader=BoundedLoader(search, encoding=TEMPLATE_ENCODING),
            undefined=jinja2.StrictUndefined,
            autoescape=jinja2.select_autoescape(list(_AUTOESCAPED)),
            bytecode_cache=cache,
            **_OPTIONS,
        )
    # The pack's grammar as filters: ``{{ role | elide("de") }}`` (pack.Pack.elide),
    # ``{{ say.decision | joined(say.reason) }}`` (pack.Pack.joined).
    from bowout.core.pack import load_pack

    pack = load_pack(language)
    env.filters["elide"] = pack.elide
    env.filters["joined"] = pack.joined
    return env
