"""Render the Bow Out window in several states to docs/screenshots/*.png.

Run under a real (virtual) display for faithful fonts, e.g.
``xvfb-run -a -s "-screen 0 1400x900x24" python scripts/screenshots.py``.
The 200 % shots are drawn by a second run of this script (``--scale 2``) on an offscreen
screen of 1366×768 logical pixels, since QT_SCALE_FACTOR is read once per process.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from bowout import paths
from bowout.core.situation import Channel, Money, Reason, Situation, Stage, Voice
from bowout.gui import build_window
from bowout.gui.app import make_application
from bowout.gui.dialogs.welcome import WelcomeDialog
from bowout.gui.theme import apply_theme
from bowout.gui.window.shell import MainWindow

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1280, 800)
SIZES = ((800, 600), (1366, 768))


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
    window.session.new_draft()
    window.form.set_situation(situation)


def shown_window(data_dir: Path) -> tuple[QApplication, MainWindow]:
    """The application in the light theme and a window on ``data_dir`` at :data:`SIZE`,
    shown, that discards without asking when a new situation replaces its draft."""
    app = make_application()
    apply_theme(app, "light")
    window = build_window(data_dir)
    window.ask.confirm_discard = lambda title: True  # type: ignore[method-assign]
    window.resize(*SIZE)
    window.show()
    window.show_view("draft")  # not the view an earlier group left in the remembered state
    return app, window


def render(out: Path, data_dir: Path) -> list[Path]:
    """Every state the README shows."""
    app, window = shown_window(data_dir)
    shots = [save(window, out, "fresh")]

    fill(window, Situation(stage=Stage.ACCEPTED, reason=Reason.OTHER_OFFER, rapport=True,
                           contact="Dana Whitfield", role="Platform Engineer",
                           company="Northwind Traders"))  # fmt: skip
    window.tabs.setCurrentWidget(window.phone_editor)
    shots.append(save(window, out, "rescind-phone-script"))
    branches = window.draft_view.call_branches
    branches.toggles[0].click()
    branches.toggles[-1].click()
    shots.append(save(window, out, "phone-branches"))
    branches.toggles[0].click()
    branches.toggles[-1].click()

    window.tabs.setCurrentWidget(window.editor)
    fill(window, Situation(stage=Stage.OFFER, reason=Reason.RELOCATION, contact="Lena Brandt",
                           role="Data Scientist", company="Contoso", sponsorship_required=True,
                           relocation_assistance=Money.PROMISED,
                           channel=Channel.EMAIL))  # fmt: skip
    window.form.visa_panel.set_expanded(True)
    settle()
    window.draft_view.form_scroll.ensureWidgetVisible(window.form.visa_panel)
    shots.append(save(window, out, "visa-panel"))
    window.session.save_to_history()

    window.form.visa_panel.set_expanded(False)
    fill(window, Situation(stage=Stage.OFFER, reason=Reason.COMPENSATION, contact="Jordan Lee",
                           role="Data Analyst", company="Northwind"))  # fmt: skip
    window.form.negotiate_panel.negotiate_check.setChecked(True)
    shots.append(save(window, out, "negotiate"))
    window.form.negotiate_panel.negotiate_check.setChecked(False)

    fill(window, Situation(stage=Stage.FINAL, reason=Reason.NOT_A_FIT, contact="Priya Raman",
                           role="Data Analyst", company="Northwind", keep_door_open=True,
                           voice=Voice.FORMAL))  # fmt: skip
    window.form.wording_bar.another_button.click()
    shots.append(save(window, out, "voice-and-wording"))

    fill(window, Situation(stage=Stage.SCREENING, reason=Reason.NOT_A_FIT, contact="Omar Haddad",
                           role="QA Lead", company="Fabrikam"))  # fmt: skip
    window.session.save_to_history()
    window.session.mark_sent()
    fill(window, Situation(stage=Stage.INTERVIEWING, reason=Reason.PERSONAL, role="Designer",
                           company="Litware"))  # fmt: skip
    window.session.save_to_history()
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


def render_timeline(out: Path, data_dir: Path) -> list[Path]:
    """ "They replied" with its drafted answer, and a record's timeline in the history view."""
    import datetime as dt

    from PySide6.QtWidgets import QDialog

    from bowout.core.situation import DealBreaker
    from bowout.gui.dialogs.reply_dialog import ReplyDialog
    from bowout.services import records
    from bowout.storage.timeline import make_event

    _, window = shown_window(data_dir)
    history = window.context.history
    assert history is not None
    fill(window, Situation(stage=Stage.FINAL, reason=Reason.NOT_A_FIT, contact="Ana Díaz",
                           role="Analyst", company="Fabrikam"))  # fmt: skip
    window.form.negotiate_panel.negotiate_check.setChecked(True)
    window.timeline.mark_resolved()
    fill(window, Situation(stage=Stage.OFFER, reason=Reason.COMPENSATION, contact="Jordan Lee",
                           role="Data Analyst", company="Northwind", negotiated=True,
                           deal_breaker=DealBreaker.PAY))  # fmt: skip
    window.session.save_to_history()
    assert window.session.record is not None
    record_id = window.session.record.id
    sent = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=6)
    records.mark_sent(history, record_id, sent)
    window.session.record = records.add_events(history, record_id, [
        make_event("call-note", _shot_time(sent, 1), "phone",
                   "Jordan called: asked if a higher base would change my mind."),
    ])  # fmt: skip
    window.session.show_follow_up()

    def answer(dialog: QDialog) -> int:
        assert isinstance(dialog, ReplyDialog)
        dialog.choose("counter-offer")
        dialog.words_edit.setPlainText("We could raise the base salary. Would you reconsider?")
        dialog.received_edit.setDate(dialog.received_edit.date().addDays(-4))
        dialog.show()
        shots.append(save(dialog, out, "they-replied"))
        dialog.close()
        dialog.sent_answer = True  # as "Mark answer as sent" does
        return QDialog.DialogCode.Accepted.value

    shots: list[Path] = []
    window.ask.run_dialog = answer  # type: ignore[method-assign]
    window.timeline.they_replied()
    window.show_history()
    view = window.history_view
    assert view is not None
    view.refresh(select_id=record_id)
    settle()
    bar = view.details_scroll.verticalScrollBar()
    bar.setValue(bar.maximum())  # the timeline, at the end of the details
    shots.append(save(window, out, "timeline"))
    window.close()
    return shots


def _shot_time(start: object, days: int) -> str:
    import datetime as dt

    from bowout.storage.schema import format_time

    assert isinstance(start, dt.datetime)
    return format_time(start + dt.timedelta(days=days))


def render_goodwill(out: Path, data_dir: Path) -> list[Path]:
    """Rescinding with every goodwill choice ticked: the form's "After rescinding" group and
    a draft that uses all three, at the usual size and at 800×600 (issue 14, item 4)."""
    from bowout.core.goodwill import Goodwill

    app = make_application()
    apply_theme(app, "light")
    window = build_window(data_dir)
    window.ask.confirm_discard = lambda title: True  # type: ignore[method-assign]
    shots: list[Path] = []
    for (width, height), name in ((SIZE, "goodwill"), ((800, 600), "goodwill-800x600")):
        window.resize(width, height)
        window.show()
        window.show_view("draft")  # not the view an earlier group left in the remembered state
        fill(window, Situation(stage=Stage.ACCEPTED, reason=Reason.PERSONAL,
                               contact="Dana Whitfield", role="Platform Engineer",
                               company="Northwind Traders", channel=Channel.EMAIL,
                               goodwill=tuple(Goodwill)))  # fmt: skip
        settle()
        scroll = window.findChild(QScrollArea, "scenario_scroll")
        if scroll is not None:
            scroll.ensureWidgetVisible(window.form.goodwill_panel)
        shots.append(save(window, out, name))
    window.resize(*SIZE)
    window.tabs.setCurrentWidget(window.checklist_view)  # a dated step for each offer
    shots.append(save(window, out, "goodwill-checklist"))
    window.tabs.setCurrentWidget(window.editor)
    window.close()
    return shots


def render_shell(out: Path, data_dir: Path, suffix: str = "") -> list[Path]:
    """First run and every view beside the draft (draft, history, applications, coming up,
    tell the others), light and dark, at 800×600 and 1366×768 (issues 13 and 25)."""
    from bowout.core.situation import Profile
    from bowout.gui.window.shell import VIEWS

    app = make_application()
    shots: list[Path] = []
    window = build_window(data_dir)
    window.ask.confirm_discard = lambda title: True  # type: ignore[method-assign]
    for company, stage, sent in (("Fabrikam", Stage.SCREENING, True),
                                 ("Litware", Stage.INTERVIEWING, False),
                                 ("Contoso", Stage.OFFER, False)):  # fmt: skip
        fill(window, Situation(stage=stage, reason=Reason.NOT_A_FIT, contact="Omar Haddad",
                               role="QA Lead", company=company))  # fmt: skip
        window.session.save_to_history()
        if sent:
            window.session.mark_sent()
    # Open applications, so that the lists and Tell the others show what they are for.
    from bowout.core.applications import Application

    history = window.context.history
    assert history is not None
    for company, role, stage in (("Globex", "Data Analyst", Stage.OFFER),
                                 ("Northwind Traders", "BI Developer", Stage.SCREENING),
                                 ("Tailspin", "Engineer", Stage.INTERVIEWING),
                                 ("Wayne Enterprises", "Analyst", Stage.FINAL)):  # fmt: skip
        history.applications.add(Application(company=company, role=role, stage=stage))
    batch = window.views["batch"]
    batch.load_applications()
    accepted = batch.accepted_combo
    accepted.setCurrentIndex(next(i for i in range(accepted.count())
                                  if accepted.itemText(i).startswith("Globex")))  # fmt: skip
    batch.draft_all()
    for theme in ("light", "dark"):
        apply_theme(app, theme)
        window.apply_icons()
        welcome = WelcomeDialog(Profile())
        welcome.show()
        shots.append(save(welcome, out, f"first-run-{theme}{suffix}"))
        welcome.show_page(1)
        shots.append(save(welcome, out, f"first-run-what-happened-{theme}{suffix}"))
        welcome.close()
        for width, height in SIZES:
            window.resize(width, height)
            window.show()
            window.session.new_draft()  # a fresh draft: the grouped fill-in line
            for spec in VIEWS:
                window.show_view(spec.key)
                # "applications-…" names the CSV import's own shots (render_applications).
                name = "applications-list" if spec.key == "applications" else spec.key
                name = name.replace("_", "-")
                shots.append(save(window, out, f"{name}-{width}x{height}-{theme}{suffix}"))
    apply_theme(app, "light")
    window.close()
    return shots


#: A tracker's export as a spreadsheet saves it (semicolons, Windows-1252, a status word
#: Bow Out does not know, a closed row, a date it cannot read).
TRACKER_CSV = (
    "Employer;Job title;Hiring manager;Status;Applied on;Link\r\n"
    "Northwind;Data Analyst;Jordan Lee;Phone screen;03/14/2026;northwind.example/jobs/17\r\n"
    "Contoso;QA Lead;Zoë Ørsted;Panel;14 Mar 2026;\r\n"
    "Litware;Designer;;Rejected;2026-03-01;\r\n"
    "Tailspin;Engineer;Kim Park;Final interview;2026-03-20;\r\n"
    "Initech;Engineer;;Applied;31/31/2026;\r\n"
    "Fabrikam;UX Researcher;Ana Ruiz;Offer;2026-03-22;\r\n"
).encode("cp1252")


def render_applications(out: Path, data_dir: Path) -> list[Path]:
    """The applications view beside the draft (light, dark) and the CSV import dialog."""
    from bowout.core.applications import Application
    from bowout.gui.dialogs.import_dialog import ImportDialog
    from bowout.storage import History

    with History.open(data_dir) as history:
        for company, role, contact, stage in (
            ("Globex", "Data Analyst", "Priya Shah", Stage.FINAL),
            ("Acme", "Analytics Engineer", "", Stage.SCREENING),
            ("Umbrella", "BI Developer", "Lee Park", Stage.INTERVIEWING),
            ("Hooli", "Data Scientist", "", Stage.APPLIED),
            ("Wayne Enterprises", "Analyst", "Ana Ruiz", Stage.OFFER),
        ):
            history.applications.add(Application(company=company, role=role, contact=contact,
                                                stage=stage, notes="Referred by Sam"))  # fmt: skip
    app = make_application()
    shots: list[Path] = []
    window = build_window(data_dir)
    window.ask.confirm_discard = lambda title: True  # type: ignore[method-assign]
    for theme, (width, height) in (("light", (1366, 768)), ("dark", (800, 600))):
        apply_theme(app, theme)
        window.apply_icons()
        window.resize(width, height)
        window.show()
        window.show_view("applications")
        shots.append(save(window, out, f"applications-{width}x{height}-{theme}"))
    apply_theme(app, "light")
    assert window.context.history is not None
    existing = [s.application for s in window.context.history.applications.list()]
    from bowout.core.tabular import read_table

    dialog = ImportDialog(read_table(TRACKER_CSV), "job-tracker.csv", None, existing, window)
    dialog.show()
    while not dialog.ready:  # the preview is made in a worker thread
        app.processEvents()
    shots.append(save(dialog, out, "import-csv-dialog"))
    dialog.close()
    window.close()
    return shots


def render_scaled(out: Path, scale: str) -> None:
    """Run this script again at ``QT_SCALE_FACTOR=scale`` on a 1366×768 logical screen."""
    factor = float(scale)
    screen = {
        "name": "shot",
        "x": 0,
        "y": 0,
        "width": round(1366 * factor),
        "height": round(768 * factor),
        "logicalDpi": 96,
        "logicalBaseDpi": 96,
        "dpr": 1,
    }
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "screens.json"
        config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
        env = dict(os.environ, QT_SCALE_FACTOR=scale,
                   QT_QPA_PLATFORM=f"offscreen:configfile={config}")  # fmt: skip
        subprocess.run([sys.executable, __file__, "--out", str(out), "--only-scaled", scale],
                       env=env, check=True)  # fmt: skip


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


#: The shot groups ``--only`` renders by themselves, by name.
def render_lists(out: Path, data_dir: Path) -> list[Path]:
    """Tell the others, Coming up and the history summary (see screenshots_lists.py)."""
    from screenshots_lists import render_lists as render

    make_application()
    return render(out, data_dir, save)


def render_languages(out: Path, data_dir: Path) -> list[Path]:
    """A German rescind (email and phone script) and a French withdrawal (issue 26)."""
    _, window = shown_window(data_dir)
    fill(window, Situation(stage=Stage.ACCEPTED, reason=Reason.RELOCATION, rapport=True,
                           contact="Frau Anna Schäfer", role="Data Analyst",
                           company="Northwind GmbH", channel=Channel.PHONE,
                           relocation_timeline_changed=True, language="de"))  # fmt: skip
    shots = [save(window, out, "language-de-rescind")]
    window.tabs.setCurrentWidget(window.phone_editor)
    shots.append(save(window, out, "language-de-rescind-phone"))
    window.tabs.setCurrentWidget(window.editor)
    fill(window, Situation(stage=Stage.FINAL, reason=Reason.OTHER_OFFER, keep_door_open=True,
                           contact="Mme Claire Dupont", role="Cheffe de projet",
                           company="Contoso Santé", voice=Voice.FORMAL,
                           language="fr"))  # fmt: skip
    shots.append(save(window, out, "language-fr-withdrawal"))
    window.close()
    return shots


ONLY = {
    "shell": render_shell,
    "languages": render_languages,
    "applications": render_applications,
    "goodwill": render_goodwill,
    "timeline": render_timeline,
    "lists": render_lists,
}


def main(argv: list[str] | None = None) -> int:
    """Write the PNGs; prints their paths."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--only-scaled", metavar="FACTOR", help=argparse.SUPPRESS)
    parser.add_argument(
        "--only", choices=sorted(ONLY), help="render only these shots (the rest stay as they are)"
    )
    args = parser.parse_args(argv)
    # The sample drafts keep a "[Your name]": marking them sent must not wait on a question.
    from bowout.gui.dialogs.placeholder_check import PlaceholderDialog

    PlaceholderDialog.ask = classmethod(lambda cls, parent, names, action: True)  # type: ignore[method-assign,assignment]
    args.out.mkdir(parents=True, exist_ok=True)
    # Window state (geometry, splitters, the view) in a scratch folder, not the user's.
    os.environ[paths.CONFIG_DIR_ENV] = tempfile.mkdtemp(prefix="bowout-shots-")
    if args.only_scaled:
        percent = round(float(args.only_scaled) * 100)
        with tempfile.TemporaryDirectory() as tmp:
            render_shell(args.out, Path(tmp), f"-{percent}pct")
        return 0
    if args.only:
        with tempfile.TemporaryDirectory() as tmp:
            ONLY[args.only](args.out, Path(tmp))
        if args.only == "shell":
            render_scaled(args.out, "2")
        return 0
    for group in (render, *ONLY.values()):
        with tempfile.TemporaryDirectory() as tmp:
            group(args.out, Path(tmp))
    render_scaled(args.out, "2")
    app = QApplication.instance()
    if app is not None:
        app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
