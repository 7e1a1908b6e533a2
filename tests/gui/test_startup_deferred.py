"""What the first frame leaves for later (dialogs, the checklist's and the tone coach's domain
modules, the editor's link rules and plain-text twin), and that each of those parts still
works the first time it is needed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from bowout.core import Composer, Profile, Situation, Stage
from bowout.gui.window.questions import Questions
from bowout.gui.window.shell import MainWindow

# Enum types Python builds the first time each class is touched (one per class): none of
# these classes is on screen in the first frame.
LATER_ENUMS = {
    "QFileDialog": "FileMode",
    "QInputDialog": "InputDialogOption",
    "QDialog": "DialogCode",
    "QMessageBox": "ButtonRole",
    "QUrl": "ParsingMode",
}
# The first frame holds the draft (kept from an earlier start): its composer, Jinja2 and the
# tone coach load after the paint; the reminders with the views that list them (the
# settings read at start take only their default from the situation).
LATER_MODULES = (
    "bowout.core.composer",
    "bowout.core.tone",
    "jinja2",
    "bowout.gui.widgets.plaintext",
    "bowout.core.reminders",
)


def test_first_frame_leaves_dialogs_and_draft_modules_for_later(tmp_path: Path) -> None:
    """Measured: together these cost about 6 ms of every start (min of 11-15 runs)."""
    code = (
        "import enum, sys\n"
        "from pathlib import Path\n"
        "made = []\n"
        "create = enum.EnumType.__dict__['_create_']\n"
        "create = getattr(create, '__func__', create)\n"
        "def spy(cls, name, *args, **kwargs):\n"
        "    made.append(name)\n"
        "    return create(cls, name, *args, **kwargs)\n"
        "enum.EnumType._create_ = spy\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from bowout.gui.app import show_window\n"
        "from bowout.gui.window.shell import MainWindow\n"
        f"later = {sorted(LATER_ENUMS.values())!r}\n"
        f"modules = {list(LATER_MODULES)!r}\n"
        "def painted(self):\n"
        "    print(len(made), sorted(set(later) & set(made)),\n"
        "          [name for name in modules if name in sys.modules])\n"
        "    QApplication.instance().quit()\n"
        "MainWindow.finish_start = painted\n"
        "window = show_window(Path(sys.argv[1]))\n"
        "QApplication.instance().exec()\n"
    )
    for _ in range(2):  # the first start keeps its draft in the start cache for the second
        out = subprocess.run(
            [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True
        ).stdout.strip()
    count, rest = out.split(" ", 1)
    assert int(count) > 50  # the spy saw Qt's enums being made
    assert rest == "[] []"


def answer_next_dialog(reply: str) -> None:
    """Answer the modal dialog that the next call opens, once it is on screen."""

    from bowout.gui.dialogs.link_dialog import LinkDialog

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, answer)
        elif isinstance(dialog, QMessageBox):
            dialog.button(QMessageBox.StandardButton[reply]).click()
        elif isinstance(dialog, QInputDialog):
            dialog.setTextValue(reply)
            dialog.accept()
        elif isinstance(dialog, LinkDialog):
            dialog.url_edit.setText(reply)
            dialog.accept()
        else:
            dialog.reject()

    QTimer.singleShot(0, answer)


def test_deferred_dialogs_work_when_first_needed(window: MainWindow, tmp_path: Path) -> None:
    answer_next_dialog("Discard")
    assert Questions.confirm_discard(window.ask, "Close Bow Out") is True
    answer_next_dialog("Cancel")
    assert Questions.confirm_discard(window.ask, "Close Bow Out") is False
    answer_next_dialog("https://example.org/jobs")
    assert type(window.editor).ask_link(window.editor, "the posting") == (
        "https://example.org/jobs",
        "the posting",
    )
    answer_next_dialog("")  # the save dialog: cancelled
    assert Questions.ask_save_path(window.ask, "Export", "draft.eml", "Email (*.eml)") is None


def test_checklist_and_tone_coach_load_their_modules_on_first_use(
    qtbot: QtBot, window: MainWindow
) -> None:
    situation = Situation(stage=Stage.FINAL, company="Northwind", role="Analyst")
    draft = Composer().compose(situation, Profile("Maya Okafor"))
    window.checklist_view.set_items(draft.checklist)
    titles = [window.checklist_view.item(i).text() for i in range(window.checklist_view.count())]
    assert len(titles) > len(draft.checklist)  # a phase title before each phase
    assert all(item.text in titles for item in draft.checklist)
    window.tone_list.grouping = False
    window.tone_list.set_findings(draft.findings)
    assert draft.findings, "the draft needs a finding to activate"
    with qtbot.waitSignal(window.tone_list.finding_activated) as signal:
        window.tone_list.itemActivated.emit(window.tone_list.item(0))
    assert signal.args == [draft.findings[0]]


def test_editor_loads_links_and_twin_on_first_use(window: MainWindow) -> None:
    editor = window.editor
    editor.replace_html('<p>Hello <a href="javascript:alert(1)">there</a></p>')
    assert "javascript" not in editor.body_html()  # sanitised on the way in
    assert editor.twin().text.strip() == "Hello there"
    editor.ask_link = lambda selected: ("javascript:alert(1)", "x")  # type: ignore[method-assign]
    refused: list[str] = []
    editor.refuse_link = refused.append  # type: ignore[method-assign]
    editor.insert_link()
    assert refused == ["javascript:alert(1)"]
