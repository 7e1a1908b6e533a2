"""The voice picker, "Another wording", the greeting and contact email, money and dates."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

from gui_helpers import email_text, pick, type_into
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from bowout.core.situation import Money, Stage, Voice
from bowout.gui import mail_link
from bowout.gui.window.shell import MainWindow


def fill(qtbot: QtBot, window: MainWindow) -> None:
    pick(window.stage_combo, Stage.INTERVIEWING.value)
    pick(window.form.reason_combo, "other-offer")
    type_into(qtbot, window.form.contact_edit, "Priya Raman")
    type_into(qtbot, window.form.role_edit, "Data Analyst")
    type_into(qtbot, window.form.company_edit, "Northwind")


def test_the_voice_picker_changes_how_the_draft_sounds(qtbot: QtBot, window: MainWindow) -> None:
    fill(qtbot, window)
    bar = window.form.wording_bar
    assert bar.voice_combo.currentData() == "warm"
    warm = email_text(window)
    assert warm.startswith(("Dear Priya,", "Hello Priya,"))
    pick(bar.voice_combo, "formal")
    formal = email_text(window)
    assert formal.startswith("Dear Priya,") and "Yours sincerely," in formal
    pick(bar.voice_combo, "brief")
    brief = email_text(window)
    assert brief.startswith("Hi Priya,")
    assert len(brief.split()) < len(warm.split())
    assert window.form.situation().voice is Voice.BRIEF


def test_another_wording_cycles_and_keeps_edits_one_undo_away(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show()
    qtbot.waitExposed(window)
    fill(qtbot, window)
    bar = window.form.wording_bar
    count = int(bar.count_label.text().split(" of ")[1])
    assert count >= 2 and bar.count_label.text() == f"1 of {count}"
    first = email_text(window)
    window.editor.setFocus()
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(window.editor, " My own words.")
    edited = email_text(window)
    qtbot.mouseClick(bar.another_button, Qt.MouseButton.LeftButton)
    assert email_text(window) == edited  # the user's words stay until they choose
    qtbot.mouseClick(window.draft_view.redraft_bar.use_button, Qt.MouseButton.LeftButton)
    second = email_text(window)
    assert second != first and "My own words." not in second
    assert bar.count_label.text() == f"2 of {count}"
    assert "Ctrl+Z" in window.statusBar().currentMessage()
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert email_text(window) == edited
    for _ in range(count - 1):  # round the cycle back to the first wording
        bar.another_button.click()
    assert email_text(window) == edited  # still the user's, until they choose
    window.draft_view.redraft_bar.use_button.click()
    assert email_text(window) == first and bar.count_label.text() == f"1 of {count}"


def test_how_to_address_them(qtbot: QtBot, window: MainWindow) -> None:
    fill(qtbot, window)
    assert window.form.greeting_edit.placeholderText() == "Priya"
    pick(window.form.wording_bar.voice_combo, "formal")
    assert window.form.greeting_edit.placeholderText() == "Priya"
    # A title in the formal voice is how they are greeted, unless there is rapport.
    window.form.contact_edit.setText("Dr. Priya Raman")
    assert window.form.greeting_edit.placeholderText() == "Dr Raman"
    window.form.fact_checks["rapport"].click()
    assert window.form.greeting_edit.placeholderText() == "Priya"
    window.form.fact_checks["rapport"].click()
    pick(window.form.wording_bar.voice_combo, "warm")
    type_into(qtbot, window.form.greeting_edit, "Dr. Raman")
    assert email_text(window).split("\n", 1)[0] in ("Dear Dr. Raman,", "Hello Dr. Raman,")


def test_contact_email_fills_to_and_a_bad_one_is_marked(
    qtbot: QtBot, window: MainWindow, monkeypatch: Any
) -> None:
    fill(qtbot, window)
    edit = window.form.contact_email_edit
    qtbot.keyClicks(edit, "priya at northwind")
    assert window.form.email_problem and "email address" in edit.toolTip()
    assert window.form.situation().contact_email == ""
    edit.clear()
    qtbot.keyClicks(edit, "priya@northwind.example")
    assert not window.form.email_problem and not edit.toolTip()
    opened: list[str] = []
    monkeypatch.setattr(mail_link, "open_mail_link", lambda url: opened.append(url) or True)
    window.actions_.mail.trigger()
    assert urlsplit(opened[0]).path == "priya@northwind.example"
    assert parse_qs(urlsplit(opened[0]).query)["subject"]


def test_money_pickers_bring_repayment_only_for_money_received(
    qtbot: QtBot, window: MainWindow
) -> None:
    fill(qtbot, window)
    pick(window.stage_combo, Stage.ACCEPTED.value)
    panel = window.form.visa_panel
    pick(panel.money_combos["signing_bonus"], Money.PROMISED.value)
    assert "signing bonus" not in email_text(window) and "repay" not in email_text(window)
    pick(panel.money_combos["signing_bonus"], Money.PAID.value)
    assert "signing bonus" in email_text(window)
    keys = window.checklist_view.key_rows()
    assert "logistics.repayment-clause" in keys and "logistics.settlement" in keys
    assert window.form.situation().signing_bonus is Money.PAID


def test_a_new_draft_cannot_take_a_past_start_date(window: MainWindow) -> None:
    panel = window.form.visa_panel
    panel.start_check.setChecked(True)
    panel.start_edit.setDate(QDate.currentDate().addDays(-10))
    assert panel.start_edit.date() == QDate.currentDate()  # clamped to today
    assert not panel.start_edit.property("invalid")


def test_checklist_is_grouped_by_phase(qtbot: QtBot, window: MainWindow) -> None:
    fill(qtbot, window)
    view = window.checklist_view
    titles = [view.item(i).text() for i in range(view.count()) if not view.item(i).data(
        Qt.ItemDataRole.UserRole + 1)]  # fmt: skip
    assert titles == [
        "Before you get in touch", "The message", "Afterwards", "In the weeks that follow",
    ]  # fmt: skip


def test_voice_wording_greeting_email_and_money_are_saved_and_reopened(
    qtbot: QtBot, window: MainWindow
) -> None:
    fill(qtbot, window)
    pick(window.stage_combo, Stage.ACCEPTED.value)
    pick(window.form.wording_bar.voice_combo, "formal")
    window.form.wording_bar.another_button.click()
    type_into(qtbot, window.form.greeting_edit, "Ms. Raman")
    type_into(qtbot, window.form.contact_email_edit, "priya@northwind.example")
    pick(window.form.visa_panel.money_combos["relocation_assistance"], Money.PAID.value)
    window.actions_.save.trigger()
    assert window.session.record is not None
    saved = window.context.history.get(window.session.record.id)  # type: ignore[union-attr]
    assert (saved.voice, saved.wording, saved.greeting) == ("formal", 2, "Ms. Raman")
    assert saved.contact_email == "priya@northwind.example"
    assert saved.visa["relocation_assistance"] == "paid"
    assert all("phase" in item for item in saved.checklist)
    text = email_text(window)
    window.actions_.new.trigger()
    assert window.form.greeting_edit.text() == ""
    window.session.open_record(saved)
    assert window.form.wording_bar.voice() is Voice.FORMAL
    assert window.form.wording_bar.count_label.text().startswith("2 of")
    assert window.form.contact_email_edit.text() == "priya@northwind.example"
    assert window.form.situation().relocation_assistance is Money.PAID
    assert email_text(window) == text
