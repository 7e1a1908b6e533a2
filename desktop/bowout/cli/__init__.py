"""The front door: ``bowout`` opens the window; subcommands draft, keep history, self-test."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from typing import TYPE_CHECKING

from bowout import __version__

if TYPE_CHECKING:  # ``bowout --version`` loads as little as a bare argparse script
    from collections.abc import Callable, Sequence
    from pathlib import Path
    from types import ModuleType

#: Exit status for bad input or a problem in the user's world (SPEC: one line, no traceback).
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse that exits 2 with one line (argparse prints usage plus the line)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"bowout: error: {message}\n")


#: The subcommands, in the order ``--help`` lists them: each is a module of this package with
#: ``add_parser(subparsers)`` and ``run(args, data_dir) -> int``.
SUBCOMMANDS = (
    "draft", "reply", "history", "reminders", "applications", "batch", "profile", "templates",
)  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    """The whole command-line contract (see SPEC, "Command line")."""
    parser = _Parser(
        prog="bowout",
        description="Withdraw from a job application without burning bridges.",
    )
    parser.add_argument("--version", action="version", version=f"bowout {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="use DIR for history and settings")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in SUBCOMMANDS:
        _subcommand(name).add_parser(sub)
    sub.add_parser("self-test", help="headless smoke test of this installation")
    return parser


def _subcommand(name: str) -> ModuleType:
    """The module ``bowout.cli.<name>`` that adds and runs one subcommand."""
    return importlib.import_module(f"{__name__}.{name}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    given = list(sys.argv[1:] if argv is None else argv)
    args = _front(given)
    if args is not None and args.version:
        print(f"bowout {__version__}")
        return 0

    from bowout import paths
    from bowout.core.errors import BowOutError
    from bowout.private import restrict_umask

    restrict_umask()  # whatever creates a file first (Qt, logging, a library), it is private
    if args is None:  # a subcommand, --help or a mistake: the whole contract decides
        args = build_parser().parse_args(given)
    try:
        data_dir = paths.resolve_data_dir(args.data_dir)
        if args.data_dir or os.environ.get(paths.DATA_DIR_ENV):  # a folder the user named
            paths.check_data_dir(data_dir)
        if args.command is None:
            return _open_window(data_dir)
        _log_to_file(data_dir)
        if args.command in SUBCOMMANDS:
            _warn_about_settings(data_dir)
            result: int = _subcommand(args.command).run(args, data_dir)
            return result
        if args.command == "self-test":
            from bowout import selftest

            return selftest.run()
    except BowOutError as exc:
        print(f"bowout: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return 0
    build_parser().error(f"unknown command {args.command!r}")
    return EXIT_USAGE  # pragma: no cover - parser.error exits


class _NotFront(Exception):
    """The command line is more than the front door's two options."""


class _FrontParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _NotFront(message)


def _front(argv: list[str]) -> argparse.Namespace | None:
    """``bowout [--data-dir DIR]`` and ``bowout --version``, parsed without loading any
    subcommand; None for anything else (then :func:`build_parser` parses it).

    Building the whole parser imports every subcommand and through ``draft`` the composer and
    the tone coach: about 0.1 s before the window could start (issue 25 measures the start
    from exec to the painted window, ``benchmarks/bench_start_x11.py``).
    """
    front = _FrontParser(prog="bowout", add_help=False, allow_abbrev=False)
    front.add_argument("--version", action="store_true")
    front.add_argument("--data-dir")
    try:
        args, rest = front.parse_known_args(argv)
    except _NotFront:
        return None
    if rest:
        return None
    args.command = None
    return args


def _log_to_file(data_dir: Path) -> None:
    """Warnings go to the log in an existing data folder, never raw to stderr."""
    from bowout import logsetup

    logsetup.quiet_stderr()
    if data_dir.is_dir():
        logsetup.setup_logging(data_dir)


def _warn_about_settings(data_dir: Path) -> None:
    """One warning line on stderr per settings field that fell back to its default (the
    subcommands read the settings quietly; this says it once per command)."""
    from bowout.settings import read_settings

    if not data_dir.is_dir():
        return
    for notice in read_settings(data_dir)[1]:
        print(f"bowout: warning: {notice}", file=sys.stderr)


def _open_window(data_dir: Path) -> int:
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
        and os.environ.get("QT_QPA_PLATFORM", "") not in ("offscreen", "minimal", "vnc")
    ):
        print(
            "bowout: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set); "
            "to draft from the command line, run: bowout draft --stage STAGE (see bowout --help)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    # No garbage collection until the first frame is painted (``show_window`` turns it back
    # on): nearly all the start allocates lives on, and collecting among it took some 60
    # passes, a few per cent of the start, to free a few hundred objects.
    import gc

    gc.disable()
    return window_entry()(data_dir)


def window_entry() -> Callable[[Path], int]:
    """The window's modules, loaded in the order the start wants; ``run_app``.

    The Qt-free modules come before PySide6, and PySide6's import hook then answers from
    each module's bytes (:mod:`bowout.gui.feature_scan`): it asks of every module imported
    after PySide6 whether it names PySide6, and reading the parsed source took about 0.1 ms
    a module, 100 modules on the way to the window (issue 25).
    """
    import bowout.gui.qt_free  # noqa: F401
    from bowout.gui.feature_scan import use_quick_scan

    use_quick_scan()
    from bowout.gui.app import run_app

    return run_app
