"""Render the Bow Out window in several states to docs/screenshots/*.png.

Run under a real (virtual) display for faithful fonts, e.g.
``xvfb-run -a -s "-screen 0 1400x900x24" python scripts/screenshots.py``.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from bowout.core.situation import Channel, Money, Reason, Situation, Stage, Voice
from bowout.gui import build_window
from bowout.gui.app import make_application
from bowout.gui.shell import MainWindow
from bowout.gui.theme import apply_theme

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1280, 800)


def settle(milliseconds: int = 150) -> None:
    """Let layouts, the deferred spell check and repaints finish."""
    app = QCoreApplication.instance()
    assert app is not None
    end = [False]
    QTimer.singleShot(milliseconds, lambda: end.__setitem__(0, True))
    while not end[0]:
        app.processEvents()


def save(widget: QWidget, folder: Path, name: str) -> Path:
    """Grab ``widget`` to ``folder/name.png``."""
    settle(600)
    path = folder / f"{name}.png"
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(path)
    return path


def fill(window: MainWindow, situation: Situation) -> None:
    """A new withdrawal for ``situation`` (saving later adds a record, not an update)."""
    window.new_draft()
    window.form.set_situation(situation)


def render(out: Path, data_dir: Path) -> list[Path]:
    """Every state the README shows."""
    app = make_application()
    apply_theme(app, "light")
    window = build_window(data_dir)
    window.confirm_discard = lambda title: True  # type: ignore[method-assign]
    window.resize(*SIZE)
    window.show()
    shots = [save(window, out, "fresh")]

    fill(window, Situation(stage=Stage.ACCEPTED, reason=Reason.OTHER_OFFER, rapport=True,
                           contact="Dana Whitfield", role="Platform Engineer",
                           company="Northwind Traders"))  # fmt: skip
    window.tabs.setCurrentWidget(window.phone_editor)
    shots.append(save(window, out, "rescind-phone-script"))

    window.tabs.setCurrentWidget(window.editor)
    fill(window, Situation(stage=Stage.OFFER, reason=Reason.RELOCATION, contact="Lena Brandt",
                           role="Data Scientist", company="Contoso", sponsorship_required=True,
                           relocation_assistance=Money.PROMISED, visa_petition_started=True,
                           channel=Channel.EMAIL))  # fmt: skip
    window.form.visa_panel.set_expanded(True)
    shots.append(save(window, out, "visa-panel"))
    window.save_to_history()

    window.form.visa_panel.set_expanded(False)
    fill(window, Situation(stage=Stage.FINAL, reason=Reason.NOT_A_FIT, contact="Priya Raman",
                           role="Data Analyst", company="Northwind", keep_door_open=True,
                           voice=Voice.FORMAL))  # fmt: skip
    window.form.wording_bar.another_button.click()
    shots.append(save(window, out, "voice-and-wording"))

    fill(window, Situation(stage=Stage.SCREENING, reason=Reason.NOT_A_FIT, contact="Omar Haddad",
                           role="QA Lead", company="Fabrikam"))  # fmt: skip
    window.save_to_history()
    window.mark_sent()
    fill(window, Situation(stage=Stage.INTERVIEWING, reason=Reason.PERSONAL, role="Designer",
                           company="Litware"))  # fmt: skip
    window.save_to_history()
    window.show_history()
    shots.append(save(window, out, "history"))
    window.show_view("draft")

    apply_theme(app, "dark")
    window.form.visa_panel.set_expanded(False)
    # No contact name: the dark shot shows a highlighted [placeholder] and its contrast.
    fill(window, Situation(stage=Stage.FINAL, reason=Reason.OTHER_OFFER, role="Data Analyst",
                           company="Adatum"))  # fmt: skip
    shots.append(save(window, out, "dark-mode"))

    apply_theme(app, "light")
    window.resize(800, 600)
    fill(window, Situation(stage=Stage.OFFER, reason=Reason.COMPENSATION, contact="Sam Ortiz",
                           role="Backend Engineer", company="Tailspin"))  # fmt: skip
    shots.append(save(window, out, "small-screen-800x600"))

    paste_list(window)
    shots.append(save(window, out, "pasted-list"))
    window.close()
    return shots


def paste_list(window: MainWindow) -> None:
    """Paste three lines after the first paragraph and make them a list with the toolbar."""
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QTextCursor

    editor = window.editor
    cursor = QTextCursor(editor.document().findBlockByNumber(1))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    cursor.insertBlock()
    editor.setTextCursor(cursor)
    mime = QMimeData()
    mime.setText("Return the laptop\n\nSign the leaving form\n\nHand over the notes")
    editor.insertFromMimeData(mime)
    cursor = editor.textCursor()
    end = cursor.position()
    cursor.setPosition(editor.document().findBlockByNumber(2).position())
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    window.format_bar.bullets.trigger()
    cursor.clearSelection()
    editor.setTextCursor(cursor)


def main(argv: list[str] | None = None) -> int:
    """Write the PNGs; prints their paths."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        render(args.out, Path(tmp))
    app = QApplication.instance()
    if app is not None:
        app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
