"""Importing in the window: real files read off the UI thread, questions asked once, one
undo for the whole import, and large files that never freeze the dialog."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

import spreadsheets
from bowout.core.applications import Application
from bowout.core.tabular import Table, read_table
from bowout.gui.dialogs.import_dialog import MAX_COLUMN_COMBOS, ImportChoice, ImportDialog
from bowout.gui.views.applications import ApplicationsView
from bowout.storage import History, ImportMapping
from conftest import close_quietly


@pytest.fixture
def history(data_dir: Path) -> Iterator[History]:
    h = History.open(data_dir)
    h.applications.add(Application(company="Globex", role="Analyst"))
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


def settle(qtbot: QtBot, dialog: ImportDialog) -> None:
    qtbot.waitUntil(lambda: dialog.ready, timeout=20_000)


def accept_all(qtbot: QtBot, seen: list[ImportDialog] | None = None):  # type: ignore[no-untyped-def]
    """An ask_import that shows the real dialog and clicks Import once it can."""

    def ask(
        table: Table, name: str, remembered: ImportMapping | None, existing: list[Application]
    ) -> ImportChoice | None:
        dialog = ImportDialog(table, name, remembered, existing)
        qtbot.addWidget(dialog)
        if seen is not None:
            seen.append(dialog)
        settle(qtbot, dialog)
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        return dialog.choice() if dialog.result() else None

    return ask


def import_path(qtbot: QtBot, view: ApplicationsView, path: Path) -> None:
    view.choose_csv = lambda: path  # type: ignore[method-assign]
    qtbot.mouseClick(view.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.reading.running, timeout=30_000)


def companies(history: History) -> list[str]:
    return sorted(s.application.company for s in history.applications.list())


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xff\xfe" + "Company,Role\r\nAcme,X\r\n".encode("utf-16-le") + b"\x00",
         "ends halfway through a character"),
        (b'Company,Role\nAcme,"never closed\n', "never closed"),
        (b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\n", "PDF"),
        (bytes(range(256)) * 20, "binary data"),
    ],
    ids=["utf16-odd", "unclosed-quote", "pdf", "random"],
)  # fmt: skip
def test_a_broken_file_is_one_message_in_the_window(
    qtbot: QtBot,
    view: ApplicationsView,
    history: History,
    tmp_path: Path,
    data: bytes,
    message: str,
) -> None:
    path = tmp_path / "jobs.csv"
    path.write_bytes(data)
    view.ask_import = accept_all(qtbot)  # type: ignore[method-assign]
    import_path(qtbot, view, path)
    shown = view.message_label.text()
    assert shown.startswith("Could not import jobs.csv: ") and message in shown
    assert view.message_label.property("error") is True
    assert companies(history) == ["Globex"]


@pytest.mark.parametrize("kind", ["csv-cr", "xlsx", "xls", "ods"])
def test_excel_for_mac_csv_and_workbooks_import_in_the_window(
    qtbot: QtBot, view: ApplicationsView, history: History, tmp_path: Path, kind: str
) -> None:
    rows = [["Company", "Role", "Status"], ["Schäfer", "Analyst", "Interview"],
            ["Northwind", "Lead", "Wishlist"]]  # fmt: skip
    if kind == "csv-cr":
        path = tmp_path / "mac.csv"
        path.write_bytes("\r".join(",".join(r) for r in rows).encode("cp1252"))
    else:
        path = spreadsheets.write(tmp_path / f"jobs.{kind}", rows)  # type: ignore[arg-type]
    view.ask_import = accept_all(qtbot)  # type: ignore[method-assign]
    import_path(qtbot, view, path)
    assert view.message_label.text().startswith(f"Imported 2 applications from {path.name}.")
    states = {s.application.company: s.state for s in history.applications.list()}
    assert states == {"Globex": "open", "Schäfer": "open", "Northwind": "saved"}
    view.state_combo.setCurrentIndex(view.state_combo.findData("saved"))
    assert [view.model.index(r, 0).data() for r in range(view.model.rowCount())] == ["Northwind"]


def test_the_file_is_read_once_off_the_ui_thread_and_never_again(
    qtbot: QtBot, view: ApplicationsView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bowout.core.csv_import as csv_import
    import bowout.gui.views.applications_import as flow

    threads: list[str] = []

    def read_once(data: bytes, progress: object = None) -> Table:
        threads.append(threading.current_thread().name)
        return read_table(data, progress)  # type: ignore[arg-type]

    def never(*_args: object) -> Table:
        raise AssertionError("the table was read again")

    monkeypatch.setattr(flow, "read_table", read_once)
    monkeypatch.setattr(csv_import, "read_table", never)
    path = tmp_path / "jobs.csv"
    path.write_text("Company;Role;Notes\n" + "".join(f"C{i};R;n\n" for i in range(5000)))
    dialogs: list[ImportDialog] = []

    def ask(table: Table, name: str, remembered: object, existing: list[Application]):  # type: ignore[no-untyped-def]
        path.unlink()  # choices work from the table read once
        dialog = ImportDialog(table, name, None, existing)
        qtbot.addWidget(dialog)
        dialogs.append(dialog)
        for field in ("notes", "", "role", "notes"):
            combo = dialog.column_combos["Notes"]
            combo.setCurrentIndex(combo.findData(field))
        settle(qtbot, dialog)
        return None

    view.ask_import = ask  # type: ignore[method-assign]
    import_path(qtbot, view, path)
    assert threads == ["import-reader"] and threading.current_thread().name == "MainThread"
    assert dialogs[0].import_button.text() == "Import 5,000"
    assert dialogs[0].mapping()["Notes"] == "notes"


def test_reading_shows_progress_and_cancel_stops_it(
    qtbot: QtBot, view: ApplicationsView, history: History, tmp_path: Path
) -> None:
    path = tmp_path / "big.csv"
    path.write_text("Company,Role\n" + "".join(f"C{i},R\n" for i in range(50_000)))
    asked: list[Table] = []
    view.ask_import = lambda table, *_a: asked.append(table)  # type: ignore[assignment,method-assign,return-value]
    view.choose_csv = lambda: path  # type: ignore[method-assign]
    qtbot.mouseClick(view.import_button, Qt.MouseButton.LeftButton)
    assert view.reading.isVisible() and not view.import_button.isEnabled()
    qtbot.mouseClick(view.reading.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.reading.running, timeout=30_000)
    assert view.message_label.text() == "Stopped reading big.csv."
    assert asked == [] and not view.reading.isVisible() and view.import_button.isEnabled()
    values: list[int] = []
    view.choose_csv = lambda: path  # type: ignore[method-assign]
    qtbot.mouseClick(view.import_button, Qt.MouseButton.LeftButton)
    view.reading.progress.valueChanged.connect(values.append)
    qtbot.waitUntil(lambda: not view.reading.running, timeout=30_000)
    assert len(asked) == 1 and len(asked[0].rows) == 50_001
    assert values and values[-1] == view.reading.progress.maximum()
    assert companies(history) == ["Globex"]


def test_more_rows_than_the_cap_says_what_the_cap_is_and_how_to_split(
    qtbot: QtBot, view: ApplicationsView, tmp_path: Path
) -> None:
    path = tmp_path / "huge.csv"
    path.write_text("Company,Role\n" + "".join(f"C{i},R\n" for i in range(100_001)))
    view.ask_import = accept_all(qtbot)  # type: ignore[method-assign]
    import_path(qtbot, view, path)
    text = view.message_label.text()
    assert (
        "more than 100,000 rows" in text and "split it into files of at most 100,000 rows" in text
    )


def test_a_file_of_twenty_thousand_columns_opens_with_a_short_list(qtbot: QtBot) -> None:
    headers = [f"Field {i}" for i in range(20_000)]
    headers[15_000], headers[15_001] = "Company", "Status"
    row = [""] * 20_000
    row[15_000], row[15_001] = "Contoso", "Interview"
    table = read_table((",".join(headers) + "\n" + ",".join(row) + "\n").encode())
    dialog = ImportDialog(table, "wide.csv")
    qtbot.addWidget(dialog)
    settle(qtbot, dialog)
    assert len(dialog.column_combos) == MAX_COLUMN_COMBOS + 2
    assert dialog.column_combos["Company"].currentData() == "company"
    assert "19,938 more columns are ignored" in dialog.columns_note.text()
    assert dialog.import_button.isEnabled() and dialog.import_button.text() == "Import 1"
    assert dialog.preview.item(0, 0).text() == "Contoso"


def test_one_undo_takes_a_whole_import_back(
    qtbot: QtBot, view: ApplicationsView, history: History, tmp_path: Path
) -> None:
    path = tmp_path / "many.csv"
    path.write_text("Company,Role\n" + "".join(f"Company {i:03},R\n" for i in range(300)))
    view.ask_import = accept_all(qtbot)  # type: ignore[method-assign]
    import_path(qtbot, view, path)
    assert len(history.applications.list()) == 301
    assert "Ctrl+Z takes the whole import back" in view.message_label.text()
    ids = {s.id for s in history.applications.list()}
    view.view.setFocus()
    qtbot.keySequence(view.view, QKeySequence.StandardKey.Undo)
    assert companies(history) == ["Globex"]
    assert (
        view.message_label.text() == "Took back the import from many.csv: 300 applications removed."
    )
    qtbot.keySequence(view.view, QKeySequence.StandardKey.Redo)
    assert {s.id for s in history.applications.list()} == ids


def test_ambiguous_dates_are_asked_once_and_skip_answers_are_remembered(
    qtbot: QtBot, view: ApplicationsView, history: History, tmp_path: Path
) -> None:
    path = tmp_path / "us.csv"
    path.write_text("Company,Applied,Status\nAcme,11/2/2026,Panel\nInitech,3/4/2026,Applied\n")
    asked: list[tuple[str, str]] = []
    dialogs: list[ImportDialog] = []

    def ask(table: Table, name: str, remembered: ImportMapping | None, existing: list[Application]):  # type: ignore[no-untyped-def]
        dialog = ImportDialog(table, name, remembered, existing)
        dialog.ask_date_order = lambda column, example: asked.append((column, example)) or "mdy"  # type: ignore[method-assign]
        qtbot.addWidget(dialog)
        dialogs.append(dialog)
        settle(qtbot, dialog)
        if remembered is None:
            status = dialog.findChild(QComboBox, "status_combo_0")
            assert status is not None
            status.setCurrentIndex(status.findData("skip"))
            dialog.column_combos["Status"].setCurrentIndex(0)  # another run: no new question
            dialog.column_combos["Status"].setCurrentIndex(
                dialog.column_combos["Status"].findData("stage")
            )
            settle(qtbot, dialog)
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        return dialog.choice() if dialog.result() else None

    view.ask_import = ask  # type: ignore[method-assign]
    import_path(qtbot, view, path)
    assert asked == [("Applied", "11/2/2026")]
    applied = {s.application.company: s.application.applied for s in history.applications.list()}
    assert str(applied["Initech"]) == "2026-03-04" and "Acme" not in applied
    assert dialogs[0].date_combo.currentData() == "mdy"
    path.write_text("Status,Company,Applied\nPanel,Hooli,5/6/2026\nApplied,Umbrella,7/8/2026\n")
    import_path(qtbot, view, path)
    assert len(asked) == 1  # the order and the skip were remembered with the columns
    remembered = history.applications.mapping(["Company", "Applied", "Status"])
    assert remembered is not None
    assert remembered.statuses == {"Panel": "skip"} and remembered.date_order == "mdy"
    assert dialogs[1].status_combos["Panel"].currentData() == "skip"
    assert "Hooli" not in companies(history) and "Umbrella" in companies(history)


def test_a_bug_in_a_background_job_is_logged_and_raised_in_the_ui_thread(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    import gc

    from PySide6.QtCore import QObject

    from bowout.gui.background import BackgroundJob

    owner = QObject()
    seen: list[str] = []

    def work(progress: object) -> None:
        raise ValueError("a bug")

    job = BackgroundJob(work, "probe", owner)
    job.finished.connect(lambda: seen.append(threading.current_thread().name))
    with qtbot.captureExceptions() as exceptions:
        job.start()
        qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert [str(e[1]) for e in exceptions] == ["a bug"] and seen == ["MainThread"]
    assert "probe failed" in caplog.text and "ValueError: a bug" in caplog.text
    assert gc.isenabled() and gc.get_threshold()[2] < 1000  # put off only while it ran


def test_tell_the_others_never_drafts_to_a_saved_job(qtbot: QtBot, data_dir: Path) -> None:
    from bowout.gui import build_window
    from bowout.gui.views.batch import BatchView

    with History.open(data_dir) as history:
        history.applications.import_many(
            [Application("Contoso", "Analyst"), Application("Northwind", "Engineer")],
            None,
            ["saved", "open"],
        )
    win = build_window(data_dir)
    win.ask.confirm_discard = lambda title: True  # type: ignore[method-assign]
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    view = win.views["batch"]
    assert isinstance(view, BatchView)
    win.show_view("batch")
    qtbot.waitUntil(lambda: view.width() > 0)
    listed = [view.accepted_combo.itemText(i) for i in range(view.accepted_combo.count())]
    assert any("Northwind" in text for text in listed)
    assert not any("Contoso" in text for text in listed)
    view.accepted_combo.setCurrentIndex(0)  # not listed: draft to every open one
    qtbot.mouseClick(view.draft_button, Qt.MouseButton.LeftButton)
    assert [item.stored.application.company for item in view.items] == ["Northwind"]
    close_quietly(win)
