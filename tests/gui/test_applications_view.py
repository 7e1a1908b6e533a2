"""The applications view and its dialogs, driven with the keyboard and mouse over a real history."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QTableView
from pytestqt.qtbot import QtBot

from bowout.core.applications import Application
from bowout.core.situation import Stage
from bowout.core.tabular import Table, read_table
from bowout.gui import build_window
from bowout.gui.dialogs.application_dialog import ApplicationDialog
from bowout.gui.dialogs.import_dialog import ImportChoice, ImportDialog
from bowout.gui.views.applications import SEARCH_DELAY_MS, ApplicationsView
from bowout.storage import History, ImportMapping
from conftest import close_quietly

CSV = (
    "Employer;Job title;Status;Applied on;Notes\r\n"
    "Northwind;Data Analyst;Applied;03/14/2026;via referral\r\n"
    "Contoso;QA Lead;Panel;14 Mar 2026;\r\n"
    "Litware;Designer;Rejected;2026-03-01;\r\n"
    "Tailspin;Engineer;Final interview;2026-03-20;\r\n"
    "Initech;Engineer;Applied;31/31/2026;\r\n"
).encode("cp1252")


@pytest.fixture
def history(data_dir: Path) -> Iterator[History]:
    h = History.open(data_dir)
    h.applications.add(
        Application(company="Globex", role="Analyst", stage=Stage.FINAL, contact="Ana Ruiz")
    )
    h.applications.add(Application(company="Acme", role="Engineer", notes="Met the CTO"))
    withdrawn = h.applications.add(Application(company="Umbrella", stage=Stage.OFFER))
    h.applications.set_state(withdrawn, "withdrawn")
    yield h
    h.close()


@pytest.fixture
def view(qtbot: QtBot, history: History) -> ApplicationsView:
    widget = ApplicationsView(history)
    qtbot.addWidget(widget)
    widget.resize(520, 640)
    widget.show()
    widget.view_shown()
    return widget


def import_file(qtbot: QtBot, view: ApplicationsView) -> None:
    """Click Import and wait until the file is read and the import is done."""
    qtbot.mouseClick(view.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.reading.running, timeout=20_000)


def rows(view: ApplicationsView) -> list[str]:
    table = view.view
    return [table.model().index(r, 0).data() for r in range(table.model().rowCount())]


def filling(qtbot: QtBot, **fields: str) -> Callable[[Application | None], Application | None]:
    """An ask_application that types into the real dialog and clicks its OK button."""

    def ask(application: Application | None) -> Application | None:
        dialog = ApplicationDialog(application)
        qtbot.addWidget(dialog)
        for name, text in fields.items():
            if name == "stage":
                dialog.stage_combo.setCurrentIndex(dialog.stage_combo.findData(text))
            else:
                edit = dialog.edits.get(name) or dialog.applied_edit
                edit.clear()
                qtbot.keyClicks(edit, text)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.application() if dialog.result() else None

    return ask


def test_the_window_lists_applications_beside_the_draft(qtbot: QtBot, history: History) -> None:
    win = build_window(history.data_dir)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    win.editor.setFocus()
    qtbot.keyClick(win.editor, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    panel = win.views["applications"]
    assert panel.isVisible() and win.editor.isVisible()
    table = win.findChild(QTableView, "applications_table")
    assert [table.model().index(r, 0).data() for r in range(2)] == ["Acme", "Globex"]
    close_quietly(win)


def test_search_and_state_filter(qtbot: QtBot, view: ApplicationsView) -> None:
    assert rows(view) == ["Acme", "Globex"] and view.count_label.text() == "2 of 3 applications"
    qtbot.keyClicks(view.search_edit, "cto")  # notes are searched too
    qtbot.wait(SEARCH_DELAY_MS + 50)
    assert rows(view) == ["Acme"]
    view.search_edit.clear()
    view.state_combo.setCurrentIndex(view.state_combo.findData(""))
    assert rows(view) == ["Acme", "Globex", "Umbrella"]
    view.state_combo.setCurrentIndex(view.state_combo.findData("withdrawn"))
    assert rows(view) == ["Umbrella"]


def test_the_offer_taken_is_listed_as_accepted(
    qtbot: QtBot, view: ApplicationsView, history: History
) -> None:
    globex = next(s for s in history.applications.list() if s.application.company == "Globex")
    history.applications.set_state(globex.id, "accepted")
    view.state_combo.setCurrentIndex(view.state_combo.findText("Offer accepted"))
    view.refresh()
    assert rows(view) == ["Globex"]
    table = view.view
    states = [table.model().index(0, c).data() for c in range(table.model().columnCount())]
    assert "Offer accepted" in states and "Withdrawn" not in states


def test_add_edit_and_a_refused_duplicate(
    qtbot: QtBot, view: ApplicationsView, history: History
) -> None:
    view.ask_application = filling(
        qtbot,
        company="Initech",
        role="Dev",  # type: ignore[method-assign]
        contact_email="kim@initech.example",
        stage="screening",
        applied="2026-03-02",
    )
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    assert rows(view) == ["Acme", "Globex", "Initech"]
    assert view.selected().application.company == "Initech"  # type: ignore[union-attr]
    kept = [s for s in history.applications.list() if s.application.company == "Initech"]
    assert kept[0].application.stage is Stage.SCREENING
    assert kept[0].application.applied.isoformat() == "2026-03-02"  # type: ignore[union-attr]
    view.ask_application = filling(qtbot, role="Staff Dev", stage="offer")  # type: ignore[method-assign]
    qtbot.mouseClick(view.edit_button, Qt.MouseButton.LeftButton)
    edited = history.applications.get(kept[0].id)
    assert edited.application.role == "Staff Dev" and edited.application.stage is Stage.OFFER
    assert "Staff Dev" in view.details.text()
    view.ask_application = filling(qtbot, company="acme", role="engineer")  # type: ignore[method-assign]
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    assert "Acme (Engineer) is already in your applications" in view.message_label.text()
    assert len(history.applications.list()) == 4


def test_the_dialog_says_what_is_wrong_and_stays_open(qtbot: QtBot) -> None:
    dialog = ApplicationDialog()
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == "An application needs the company."
    assert not dialog.result()
    qtbot.keyClicks(dialog.edits["company"], "Northwind")
    qtbot.keyClicks(dialog.applied_edit, "March 2")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "YYYY-MM-DD" in dialog.error_label.text() and not dialog.result()


def test_remove_and_undo_keep_the_id(
    qtbot: QtBot, view: ApplicationsView, history: History
) -> None:
    view.view.setFocus()
    before = view.selected()
    assert before is not None and before.application.company == "Acme"
    qtbot.keyClick(view.view, Qt.Key.Key_Delete)
    assert rows(view) == ["Globex"] and "Removed Acme" in view.message_label.text()
    qtbot.keySequence(view.view, QKeySequence.StandardKey.Undo)
    assert rows(view) == ["Acme", "Globex"]
    assert history.applications.get(before.id) == before


def settle(qtbot: QtBot, dialog: ImportDialog) -> None:
    """Wait until the dialog shows the result of its current choices."""
    qtbot.waitUntil(lambda: dialog.ready, timeout=10_000)


def test_the_import_dialog_maps_columns_asks_about_statuses_and_previews(qtbot: QtBot) -> None:
    dialog = ImportDialog(
        read_table(CSV), "jobs.csv", None, [Application(company="Tailspin", role="Engineer")]
    )
    qtbot.addWidget(dialog)
    settle(qtbot, dialog)
    combos = dialog.column_combos
    assert {h: c.currentData() for h, c in combos.items()} == {
        "Employer": "company",
        "Job title": "role",
        "Status": "stage",
        "Applied on": "applied",
        "Notes": "notes",
    }
    assert dialog.preview.rowCount() == 2  # Northwind, Initech; Contoso waits for "Panel"
    assert not dialog.import_button.isEnabled()
    summary = dialog.summary_label.text()
    assert "line 4: closed (Rejected)" in summary and "line 5: already listed" in summary
    assert "kept without a date that could not be read (first: line 6)" in summary
    assert "Place each status word" in summary
    status = dialog.findChild(QComboBox, "status_combo_0")
    assert status is not None and status.accessibleName() == "Stage for status Panel"
    status.setCurrentIndex(status.findData("interviewing"))
    settle(qtbot, dialog)
    assert dialog.import_button.isEnabled() and dialog.import_button.text() == "Import 3"
    assert [dialog.preview.item(r, 0).text() for r in range(3)] == [
        "Northwind", "Contoso", "Initech"
    ]  # fmt: skip
    assert dialog.preview.item(1, 5).text() == "Between interview rounds"
    combos["Notes"].setCurrentIndex(0)  # (ignore)
    settle(qtbot, dialog)
    assert dialog.preview.item(0, 7).text() == ""
    combos["Job title"].setCurrentIndex(combos["Job title"].findData("company"))
    settle(qtbot, dialog)
    assert combos["Employer"].currentData() == ""  # a field comes from one column
    assert dialog.preview.item(0, 0).text() == "Data Analyst"
    combos["Employer"].setCurrentIndex(combos["Employer"].findData("company"))
    combos["Job title"].setCurrentIndex(combos["Job title"].findData("role"))
    settle(qtbot, dialog)
    choice = dialog.choice()
    assert [a.company for a in choice.applications] == ["Northwind", "Contoso", "Initech"]
    assert choice.mapping.statuses == {"Panel": "interviewing"}
    assert choice.mapping.columns["Notes"] == "" and choice.mapping.columns["Employer"] == "company"
    status = dialog.findChild(QComboBox, "status_combo_0")
    status.setCurrentIndex(status.findData("skip"))
    settle(qtbot, dialog)
    assert "line 3: status 'Panel' skipped" in dialog.summary_label.text()
    assert dialog.choice().mapping.statuses == {"Panel": "skip"}  # remembered too


def test_importing_in_the_view_stores_reports_and_remembers(
    qtbot: QtBot, view: ApplicationsView, history: History, tmp_path: Path
) -> None:
    csv = tmp_path / "jobs.csv"
    csv.write_bytes(CSV)
    seen: list[ImportMapping | None] = []
    summaries: list[str] = []

    def ask_import(
        table: Table, name: str, remembered: ImportMapping | None, existing: list[Application]
    ) -> ImportChoice | None:
        seen.append(remembered)
        dialog = ImportDialog(table, name, remembered, existing)
        qtbot.addWidget(dialog)
        settle(qtbot, dialog)
        status = dialog.findChild(QComboBox, "status_combo_0")
        if status is not None and not status.currentData():
            status.setCurrentIndex(status.findData("final"))
        dialog.column_combos["Notes"].setCurrentIndex(0)
        settle(qtbot, dialog)
        summaries.append(dialog.summary_label.text())
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        return dialog.choice() if dialog.result() else None

    view.choose_csv = lambda: csv  # type: ignore[method-assign]
    view.ask_import = ask_import  # type: ignore[method-assign]
    import_file(qtbot, view)
    message = view.message_label.text()
    assert message.startswith("Imported 4 applications from jobs.csv. Skipped line 4: closed")
    assert "1 row kept without an unreadable date" in message
    stages = {s.application.company: s.application.stage for s in history.applications.list()}
    assert stages["Contoso"] is Stage.FINAL and stages["Tailspin"] is Stage.FINAL
    assert rows(view) == ["Acme", "Contoso", "Globex", "Initech", "Northwind", "Tailspin"]
    assert (
        next(
            s for s in history.applications.list() if s.application.company == "Northwind"
        ).application.notes
        == ""
    )
    import_file(qtbot, view)
    assert seen[0] is None and seen[1] is not None
    assert seen[1].columns["Notes"] == "" and seen[1].statuses == {"Panel": "final"}
    assert summaries[1].startswith("0 applications to import. Skipped: line 2: already listed;")
    assert view.message_label.text().startswith("Imported 4 applications")  # nothing new


def test_an_unreadable_file_is_one_message(
    qtbot: QtBot, view: ApplicationsView, tmp_path: Path
) -> None:
    view.choose_csv = lambda: tmp_path / "gone.csv"  # type: ignore[method-assign]
    import_file(qtbot, view)
    assert view.message_label.text().startswith("Could not import gone.csv: cannot read")
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"\n\n")
    view.choose_csv = lambda: empty  # type: ignore[method-assign]
    import_file(qtbot, view)
    assert "Could not import empty.csv: no header row" in view.message_label.text()
