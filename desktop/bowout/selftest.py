"""``bowout self-test``: a headless smoke test of this installation, used by the installers.

Each step prints one line (``ok  compose`` or ``FAIL storage: ...``); the exit status is 0
when every step passed, else 1. Everything happens in a temporary folder: the user's real
data folder is never opened.
"""

from __future__ import annotations

import contextlib
import email
import email.policy
import faulthandler
import io
import logging
import os
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from bowout import __version__

logger = logging.getLogger(__name__)

#: The situation the self-test drafts for; the role must appear in every body.
COMPANY = "Selftest Ltd"
ROLE = "Release Checker"


@dataclass
class State:
    """What the steps hand on to each other."""

    work: Path
    values: dict[str, Any] = field(default_factory=dict)


Step = Callable[[State], str]


class StepFailed(Exception):
    """A step's check did not hold (its message says which)."""


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise StepFailed(message)


def step_resources(state: State) -> str:
    """The templates and the app icon are where paths.py says they are."""
    from bowout import paths

    templates = paths.pack_dir()
    _check(templates.is_dir(), f"no templates folder at {templates}")
    found = sorted(p.name for p in templates.glob("*.j2"))
    _check(bool(found), f"no templates in {templates}")
    icon = paths.resources_dir() / "icons" / "bowout.svg"
    _check(icon.is_file(), f"no app icon at {icon}")
    return f"{len(found)} templates"


def step_qt(state: State) -> str:
    """Qt loads, with a platform plugin and the image formats the icons need."""
    from PySide6.QtGui import QIcon, QImageReader
    from PySide6.QtWidgets import QApplication

    from bowout import paths
    from bowout.gui.app import make_application

    app = make_application([sys.argv[0] if sys.argv else "bowout"])
    _check(isinstance(app, QApplication), "no QApplication")
    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    missing = {"png", "svg", "ico"} - formats
    _check(not missing, f"image formats missing: {', '.join(sorted(missing))}")
    icon = QIcon(str(paths.resources_dir() / "icons" / "bowout.svg"))
    _check(not icon.pixmap(32, 32).isNull(), "the app icon does not render")
    state.values["app"] = app
    return f"Qt {_qt_version()} on {QApplication.platformName()}"


def _qt_version() -> str:
    from PySide6 import QtCore

    return str(QtCore.qVersion())


def step_window(state: State) -> str:
    """The window starts as ``bowout`` starts it: shown first, then draft and history."""
    import time

    from bowout import paths
    from bowout.gui.app import show_window

    # The window keeps its state in the configuration folder and compiled templates in a
    # cache: point both away from the user's own.
    os.environ[paths.CONFIG_DIR_ENV] = str(state.work / "config")
    os.environ[paths.CACHE_DIR_ENV] = str(state.work / "cache")
    app = state.values["app"]
    window = show_window(state.work / "window-data")
    window.ask.confirm_discard = lambda title: True  # type: ignore[method-assign]
    ready: list[bool] = []
    window.ready.connect(lambda: ready.append(True))  # the history loads in the background
    try:
        deadline = time.monotonic() + 20
        while not ready and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.005)
        _check(window.isVisible(), "the window did not show")
        _check(window.started, "the window did not finish starting")
        _check(bool(window.editor.toPlainText().strip()), "the window shows no draft")
        _check(window.context.history is not None, "the window did not open the history")
        _check(not window.actions_.save.icon().isNull(), "no toolbar icons (icon font missing)")
        title = window.windowTitle().replace("[*]", "").strip()
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
    return title or "main window"


def step_compose(state: State) -> str:
    """The composer drafts a letter from the built-in templates."""
    from bowout.core.composer import Composer
    from bowout.core.situation import Profile, Reason, Situation, Stage

    situation = Situation(
        stage=Stage.FINAL, reason=Reason.OTHER_OFFER, company=COMPANY, role=ROLE, rapport=True
    )
    profile = Profile(name="Sam Tester", email="sam@example.org", phone="+1 555 0100")
    draft = Composer().compose(situation, profile)
    _check(bool(draft.subject.strip()), "empty subject")
    _check(ROLE in draft.body_text, "the role is missing from the body")
    _check(profile.email in draft.body_text, "the signature is missing from the body")
    state.values["draft"] = draft
    return f"{len(draft.body_text.split())} words, channel {draft.channel.value}"


def step_storage(state: State) -> str:
    """A record is written durably to a temporary history and read back unchanged."""
    from bowout.storage.history import History
    from bowout.storage.records import Record

    draft = state.values["draft"]
    folder = state.work / "history-data"
    with History.open(folder) as history:
        saved = history.add(Record.from_draft(draft))
        _check(bool(saved.id), "the saved record has no id")
    with History.open(folder) as history:
        again = history.get(saved.id)
    _check(again.body_text == draft.body_text, "the record read back differs")
    _check(again.company == COMPANY, "the company read back differs")
    return f"record {saved.id}"


def step_export(state: State) -> str:
    """An .eml export parses back with the subject and both bodies."""
    from bowout.core.exports import to_eml

    draft = state.values["draft"]
    path = state.work / "draft.eml"
    path.write_bytes(to_eml(draft.subject, draft.body_text, draft.body_html, draft.profile))
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    # Unfolding a long header keeps the folding space, so compare words, not characters.
    subject = " ".join(str(message["Subject"]).split())
    _check(subject == " ".join(draft.subject.split()), "the subject does not round-trip")
    plain = message.get_body(preferencelist=("plain",))
    rich = message.get_body(preferencelist=("html",))
    _check(plain is not None and rich is not None, "the message lacks a text or html part")
    assert plain is not None and rich is not None  # for the type checker
    _check(ROLE in plain.get_content(), "the plain body does not round-trip")
    _check(ROLE in rich.get_content(), "the html body does not round-trip")
    return f"{path.stat().st_size} bytes"


STEPS: tuple[tuple[str, Step], ...] = (
    ("resources", step_resources),
    ("qt", step_qt),
    ("window", step_window),
    ("compose", step_compose),
    ("storage", step_storage),
    ("export", step_export),
)

#: Steps that cannot run once an earlier one failed (they need its result).
NEEDS = {"window": "qt", "storage": "compose", "export": "compose"}


def run_steps(steps: Sequence[tuple[str, Step]], work: Path, out: TextIO) -> int:
    """Run ``steps`` in order, printing one line each; 0 if all passed, else 1."""
    state = State(work=work)
    failed: set[str] = set()
    for name, step in steps:
        needed = NEEDS.get(name)
        if needed in failed:
            failed.add(name)
            print(f"FAIL {name}: skipped because {needed} failed", file=out)
            continue
        try:
            detail = step(state)
        except Exception as exc:  # a self-test reports every failure, whatever it is
            failed.add(name)
            logger.debug("self-test step %s failed", name, exc_info=True)
            first = (str(exc).splitlines() or [""])[0]
            print(f"FAIL {name}: {type(exc).__name__}: {first}", file=out)
            if os.environ.get("BOWOUT_SELFTEST_TRACEBACK"):
                traceback.print_exc(file=out)
            continue
        print(f"ok  {name}" + (f" ({detail})" if detail else ""), file=out)
    print(f"bowout {__version__} self-test: " + ("FAILED" if failed else "passed"), file=out)
    return 1 if failed else 0


#: A file to copy the report to: a windowed Windows build has no console to print on.
OUT_ENV = "BOWOUT_SELFTEST_OUT"


class _Tee(io.StringIO):
    """Keeps the report and writes it to each of ``streams`` as it goes, flushing every
    write, so a process that dies mid-run (a crash in Qt under Wine) leaves its lines."""

    def __init__(self, streams: Sequence[TextIO]) -> None:
        super().__init__()
        self.streams = tuple(streams)

    def write(self, text: str) -> int:
        """Keep ``text`` and pass it on to every stream, flushed; returns ``len(text)``."""
        for stream in self.streams:
            stream.write(text)
            stream.flush()
        return super().write(text)


def run(out: TextIO | None = None) -> int:
    """The ``bowout self-test`` command: headless, in a temporary folder; 0 or 1.

    The report goes to ``out`` (default: ``sys.stdout``, which is None in a windowed Windows
    build) and, when the environment names one in ``BOWOUT_SELFTEST_OUT``, to that file as
    each line is printed. With that file, a fatal error (an access violation in a Qt DLL, an
    abort) also writes Python's traceback of every thread there (:mod:`faulthandler`), unless
    the host already set a fault handler (pytest does). A failure outside the steps (the
    temporary folder, Qt's message handler) is reported with its traceback and gives 1.
    """
    # Always offscreen: the check must behave the same on a desktop and on a build server.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    console = sys.stdout if out is None else out
    with contextlib.ExitStack() as stack:
        streams = [console] if console is not None else []
        report_file = os.environ.get(OUT_ENV)
        if report_file:
            report = stack.enter_context(open(report_file, "w", encoding="utf-8"))
            streams.append(report)
            if not faulthandler.is_enabled():
                faulthandler.enable(file=report)
                stack.callback(faulthandler.disable)
        tee = _Tee(streams)
        try:
            return _run(tee)
        except Exception as exc:  # outside the steps: still a report, never a silent exit
            logger.exception("self-test failed outside its steps")
            print(f"FAIL self-test: {type(exc).__name__}: {exc}", file=tee)
            traceback.print_exc(file=tee)
            print(f"bowout {__version__} self-test: FAILED", file=tee)
            return 1


@contextlib.contextmanager
def qt_messages_to_log() -> Iterator[None]:
    """Send Qt's own messages (e.g. the offscreen plugin's "This plugin does not support
    propagateSizeHints()") to the log instead of the terminal, so the report is only ours.

    Qt's warnings are logged at INFO (they are about Qt's plugins, not about this
    installation: a real fault fails a step), critical and fatal ones at WARNING, the rest at
    DEBUG; the previous handler comes back afterwards.
    """
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.DEBUG,
        QtMsgType.QtWarningMsg: logging.INFO,
    }

    def handler(kind: QtMsgType, context: object, message: str) -> None:
        logger.log(levels.get(kind, logging.WARNING), "Qt: %s", message)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def _run(stream: TextIO) -> int:
    with tempfile.TemporaryDirectory(prefix="bowout-selftest-") as tmp:
        work = Path(tmp)
        # Anything that falls back to the environment lands in the temporary folder too.
        saved = {k: os.environ.get(k) for k in ("BOWOUT_DATA_DIR", "BOWOUT_CONFIG_DIR")}
        os.environ["BOWOUT_DATA_DIR"] = str(work / "data")
        os.environ["BOWOUT_CONFIG_DIR"] = str(work / "config")
        try:
            with qt_messages_to_log():
                return run_steps(STEPS, work, stream)
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
