"""Where Bow Out's own files are (templates, resources) and where the user's data goes.

One rule per way of running: a PyInstaller bundle, an installed wheel, a source checkout.
In each, ``templates/`` and ``resources/`` sit side by side under one root.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

APP_NAME = "BowOut"
APP_AUTHOR = "BowOut"
#: Environment variable that overrides the data folder (after --data-dir, before Settings).
DATA_DIR_ENV = "BOWOUT_DATA_DIR"
#: Environment variable that overrides the configuration folder (tests use it).
CONFIG_DIR_ENV = "BOWOUT_CONFIG_DIR"
#: Environment variable that overrides the cache folder (compiled templates; tests use it).
CACHE_DIR_ENV = "BOWOUT_CACHE_DIR"


def app_root() -> Path:
    """The folder that holds ``templates/`` and ``resources/`` for this way of running."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and frozen_root:
        return Path(frozen_root)  # PyInstaller bundle: mirrored beside the code
    package = Path(__file__).resolve().parent
    if (package / "templates").is_dir():
        return package  # installed wheel: hatch force-includes them into the package
    return package.parents[1]  # source checkout: desktop/bowout -> repository root


def templates_dir() -> Path:
    """The built-in language packs, one folder each (``templates/en/``)."""
    return app_root() / "templates"


#: The language drafts are written in unless a situation names another (the English pack).
DEFAULT_LANGUAGE = "en"


def pack_dir(language: str = DEFAULT_LANGUAGE) -> Path:
    """One built-in language pack: its message templates and ``wording/`` TOML files."""
    return templates_dir() / language


def available_languages() -> tuple[str, ...]:
    """The language packs found: each folder of :func:`templates_dir` holding a
    ``pack.toml``, by name ("de", "en", ...), English first, the rest sorted."""
    try:
        found = [p.name for p in templates_dir().iterdir() if (p / "pack.toml").is_file()]
    except OSError:
        found = []
    return tuple(sorted(found, key=lambda name: (name != DEFAULT_LANGUAGE, name)))


def check_language(language: str) -> str:
    """``language`` when a pack of that name is found; InputError (one line) naming the
    packs there are otherwise."""
    known = available_languages()
    if language not in known:
        from bowout.core.errors import InputError

        raise InputError(
            f"no language pack {language!r}: the languages are {', '.join(known) or 'none'}"
        )
    return language


def resources_dir() -> Path:
    """Icons, the .desktop file and other things the window shows."""
    return app_root() / "resources"


def config_dir(env: Mapping[str, str] | None = None) -> Path:
    """Where the pointer to a user-chosen data folder lives (never the history itself), and
    the window's state when ``BOWOUT_CONFIG_DIR`` names the folder."""
    env = os.environ if env is None else env
    if env.get(CONFIG_DIR_ENV):
        return Path(env[CONFIG_DIR_ENV]).expanduser()
    import platformdirs  # 5 ms; only needed when no folder is given

    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def cache_dir(env: Mapping[str, str] | None = None) -> Path:
    """Where rebuildable things go (compiled templates): never anything the user needs."""
    env = os.environ if env is None else env
    if env.get(CACHE_DIR_ENV):
        return Path(env[CACHE_DIR_ENV]).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR))


def default_data_dir() -> Path:
    """The platform's conventional per-user data folder."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def log_dir(data_dir: Path) -> Path:
    """Logs live beside the data so that a custom data folder keeps everything together."""
    return data_dir / "logs"


def resolve_data_dir(
    cli_value: str | os.PathLike[str] | None = None,
    env: Mapping[str, str] | None = None,
) -> Path:
    """``--data-dir`` wins, then ``BOWOUT_DATA_DIR``, then the folder chosen in Settings,
    then the platform default.

    Raises InputError (one line) for a folder named on a loop of symbolic links or a
    pointer holding a NUL character, and UnreadableFile for a pointer file that is not a
    small UTF-8 text file.
    """
    env = os.environ if env is None else env
    if cli_value:
        return _resolved(Path(cli_value).expanduser())
    if env.get(DATA_DIR_ENV):
        return _resolved(Path(env[DATA_DIR_ENV]).expanduser())
    from bowout import readfile

    pointer = config_dir(env) / "data-dir.txt"
    try:
        chosen = readfile.read_text(pointer, readfile.SMALL_LIMIT).strip()
    except FileNotFoundError:
        chosen = ""
    except OSError:
        chosen = ""  # unreadable (permissions): the default folder, as before
    if "\x00" in chosen:  # no file system takes a NUL in a path (os.stat: ValueError)
        from bowout.core.errors import InputError

        raise InputError(
            f"{pointer} does not name a folder (it holds a NUL character); "
            "choose the data folder again in Settings, or pass --data-dir"
        )
    if chosen:
        folder = Path(chosen).expanduser()
        if readfile.kind_of(folder) == "a loop of symbolic links":
            _resolved(folder)  # raises the one-line InputError
        return folder
    return default_data_dir()


def _resolved(folder: Path) -> Path:
    """``folder`` made absolute with links followed; InputError for a loop of links
    (``resolve()`` raises RuntimeError on Python 3.11-3.12, OSError on 3.13)."""
    try:
        return folder.resolve()
    except (RuntimeError, OSError):
        from bowout.core.errors import InputError

        raise InputError(
            f"cannot use {folder} as the data folder: it is a loop of symbolic links"
        ) from None


def remember_data_dir(data_dir: Path | None, env: Mapping[str, str] | None = None) -> None:
    """Record the data folder chosen in Settings (``None`` returns to the default)."""
    pointer = config_dir(env) / "data-dir.txt"
    if data_dir is None:
        pointer.unlink(missing_ok=True)
        return
    from bowout.private import make_private_dir

    make_private_dir(pointer.parent)
    pointer.write_text(str(data_dir), encoding="utf-8")


def check_data_dir(data_dir: Path) -> None:
    """Make sure ``data_dir`` is, or can become, a folder; create it if it is missing.

    Raises InputError with one sentence that names the folder (never a file inside it),
    e.g. when ``--data-dir`` points at a file or a place that cannot hold a folder, or
    at a folder that cannot be read. A read-only folder is accepted: reading works.
    """
    from bowout.core.errors import InputError

    if data_dir.exists() and not data_dir.is_dir():
        raise InputError(f"cannot use {data_dir} as the data folder: it is a file, not a folder")
    try:
        data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise InputError(f"cannot use {data_dir} as the data folder: {reason}") from None
    if not os.access(data_dir, os.R_OK | os.X_OK):
        raise InputError(f"cannot use {data_dir} as the data folder: it is not readable")
    # A read-only folder is fine for reading (history list, export, draft): a write is
    # refused when it is tried, in one line that says read-only (storage/errors.py).
