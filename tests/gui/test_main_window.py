"""The main window as a person uses it: pick a situation, type names, edit, undo."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import email_text, pick, type_into
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QListWidget,
    QTableView,
    QTextEdit,
)
from pytestqt.qtbot import QtBot

from bowout.core.situation import Channel, Stage
from bowout.gui import build_window
from bowout.gui.window.shell import MainWindow

CONTRACT_NAMES = {
    "stage_combo": QComboBox,
    "reason_combo": QComboBox,
    "channel_combo": QComboBox,
    "contact_edit": QLineEdit,
    "role_edit": QLineEdit,
    "company_edit": QLineEdit,
    "subject_edit": QLineEdit,
    "editor": QTextEdit,
    "phone_editor": QTextEdit,
    "tone_list": QListWidget,
    "checklist_view": QListWidget,
    "history_view": QTableView,
    "history_search": QLineEdit,
}


def test_build_window_returns_hidden_window_with_contract_names(
    qtbot: QtBot, data_dir: Path
) -> None:
    win = build_window(data_dir)
    win.ask.confirm_discard = lambda title: True  # type: ignore[method-assign]
    qtbot.addWidget(win)
    assert isinstance(win, MainWindow)
    assert not win.isVisible()
    for name, kind in CONTRACT_NAMES.items():
        assert win.findChild(kind, name) is not None, name


def test_fresh_window_shows_a_draft_with_placeholders(window: MainWindow) -> None:
    text = email_text(window)
    assert "withdraw" in text.lower()
    assert "[Company]" in text
    assert window.subject_edit.text()
    assert "words" in window.word_label.text()
    codes = [window.tone_list.item(i).text() for i in range(window.tone_list.count())]
    assert any("fill in" in line.lower() for line in codes)  # one line for them all (issue 13)


def test_names_typed_in_the_form_appear_in_the_draft(qtbot: QtBot, window: MainWindow) -> None:
    pick(window.stage_combo, Stage.INTERVIEWING.value)
    pick(window.form.reason_combo, "other-offer")
    type_into(qtbot, window.form.contact_edit, "Priya Raman")
    type_into(qtbot, window.form.role_edit, "Data Analyst")
    type_into(qtbot, window.form.company_edit, "Northwind")
    text = email_text(window)
    assert "Dear Priya," in text
    assert "Data Analyst" in text
    assert "Northwind" in window.subject_edit.text() or "Northwind" in text
    assert "[Company]" not in text
    assert window.drafting.dirty


def test_channel_combo_marks_the_recommendation_and_shows_why(
    qtbot: QtBot, window: MainWindow
) -> None:
    pick(window.stage_combo, Stage.ACCEPTED.value)
    phone_index = window.channel_combo.findData(Channel.PHONE.value)
    assert window.channel_combo.itemText(phone_index).endswith("(recommended)")
    email_index = window.channel_combo.findData(Channel.EMAIL.value)
    assert "recommended" not in window.channel_combo.itemText(email_index)
    assert "call" in window.form.rationale_label.text().lower()
    # Rescinding by phone: the phone tab appears with a script.
    assert window.tabs.isTabVisible(1)
    assert window.phone_editor.toPlainText().strip()
    pick(window.channel_combo, Channel.EMAIL.value)
    assert not window.tabs.isTabVisible(1)


def test_regeneration_after_edits_asks_and_is_one_undo_step(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.editor.setFocus()
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(window.editor, " My own closing words.")
    edited = email_text(window)
    assert "My own closing words." in edited
    pick(window.stage_combo, Stage.FINAL.value)
    bar = window.draft_view.redraft_bar
    assert email_text(window) == edited and bar.isVisibleTo(window)  # nothing replaced
    qtbot.mouseClick(bar.use_button, Qt.MouseButton.LeftButton)
    assert "My own closing words." not in email_text(window)
    assert "Ctrl+Z" in window.statusBar().currentMessage()
    assert not bar.isVisibleTo(window)
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert email_text(window) == edited
    assert bar.isVisibleTo(window)  # the form and the message differ, and it says so
    # Redo brings the new draft back, in step with the form again.
    window.format_bar.redo.trigger()
    assert "My own closing words." not in email_text(window)
    assert not bar.isVisibleTo(window)


def test_regeneration_without_edits_says_nothing(window: MainWindow) -> None:
    window.statusBar().clearMessage()
    pick(window.stage_combo, Stage.SCREENING.value)
    assert "Ctrl+Z" not in window.statusBar().currentMessage()


def test_clicking_a_tone_remark_selects_its_words(qtbot: QtBot, window: MainWindow) -> None:
    findings = window.tone_list.findings()
    placeholder = next(f for f in findings if f.code == "placeholder" and f.target == "body")
    window.show()
    qtbot.waitExposed(window)
    # At first sight the fill-ins are one line; clicking it selects the first of them and
    # lists them one by one.
    assert window.tone_list.grouping
    first = window.tone_list.item(0)
    rect = window.tone_list.visualItemRect(first)
    qtbot.mouseClick(window.tone_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.editor.textCursor().selectedText() in placeholder.message
    qtbot.waitUntil(lambda: placeholder.message in window.tone_list.rows())
    placeholder = [f for f in findings if f.code == "placeholder" and f.target == "body"][-1]
    row = next(
        window.tone_list.item(i)
        for i in range(window.tone_list.count())
        if window.tone_list.item(i).text() == placeholder.message
    )
    window.tone_list.scrollToItem(row)
    rect = window.tone_list.visualItemRect(row)
    qtbot.mouseClick(window.tone_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    selected = window.editor.textCursor().selectedText()
    assert selected.startswith("[") and selected.endswith("]")
    assert selected in placeholder.message


def test_tone_coach_rereads_edited_text(qtbot: QtBot, window: MainWindow) -> None:
    cursor = window.editor.textCursor()
    cursor.setPosition(window.editor.document().begin().next().position())
    cursor.insertText("THIS PROCESS WAS A COMPLETE DISASTER AND A JOKE. ")
    with qtbot.waitSignal(window.drafting.coach.timer.timeout, timeout=3000):
        pass
    messages = " ".join(f.code for f in window.tone_list.findings())
    assert "shouting" in messages or "criticism" in messages or "venting" in messages


def test_paste_is_plain_text_by_default(window: MainWindow) -> None:
    mime = QMimeData()
    mime.setHtml("<b style='color:red'>Loud</b>")
    mime.setText("Loud")
    window.editor.replace_html("<p></p>")
    window.editor.insertFromMimeData(mime)
    assert "color" not in window.editor.body_html()
    assert "font-weight" not in window.editor.body_html()
    assert window.editor.toPlainText() == "Loud"


def test_formatting_buttons_and_undo_with_spell_highlighter(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.editor.replace_html("<p>Thnak you</p>")
    window.editor.selectAll()
    window.format_bar.bold.trigger()
    assert "font-weight" in window.editor.body_html()
    window.format_bar.undo.trigger()
    assert "font-weight" not in window.editor.body_html()
    window.format_bar.redo.trigger()
    assert "font-weight" in window.editor.body_html()
    assert window.editor.highlighter.is_misspelled("Thnak")


def test_link_and_bullets(window: MainWindow) -> None:
    window.editor.replace_html("<p>see portfolio</p>")
    window.editor.selectAll()
    window.editor.ask_link = lambda selected: ("https://example.org", selected)  # type: ignore[method-assign]
    window.format_bar.link.trigger()
    assert 'href="https://example.org"' in window.editor.body_html()
    window.format_bar.bullets.trigger()
    assert window.editor.textCursor().currentList() is not None
    window.format_bar.bullets.trigger()
    assert window.editor.textCursor().currentList() is None


def test_checklist_ticks_survive_regeneration(window: MainWindow) -> None:
    rows = window.checklist_view.key_rows()
    key, row = next(iter(rows.items()))
    row.setCheckState(Qt.CheckState.Checked)
    assert window.checklist_view.tick_state()[key]
    pick(window.form.reason_combo, "personal")
    assert window.checklist_view.tick_state()[key]


def test_every_control_has_an_accessible_name(window: MainWindow) -> None:
    kinds = (QAbstractButton, QLineEdit, QComboBox, QTextEdit, QListWidget, QDateEdit)
    missing = [
        widget.objectName() or type(widget).__name__
        for kind in kinds
        for widget in window.findChildren(kind)
        if widget.window() is window
        and widget.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not widget.accessibleName()
        and not (isinstance(widget, QAbstractButton) and widget.text())
        and widget.parent() is not None
        and type(widget.parent()).__name__ not in {"QComboBox", "QDateEdit", "QLineEdit"}
    ]
    assert missing == []


def test_shortcuts_reach_the_main_actions(window: MainWindow) -> None:
    a = window.actions_
    assert a.new.shortcut().toString() == "Ctrl+N"
    assert a.save.shortcut().toString() == "Ctrl+S"
    assert a.export_eml.shortcut().toString() == "Ctrl+E"
    assert a.find.shortcut().toString() == "Ctrl+F"
    assert a.view_history.shortcut().toString() == "Ctrl+2"
    assert a.copy.shortcut().toString() == "Ctrl+Shift+C"


def test_visa_panel_folds_and_feeds_the_situation(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.form.visa_panel
    assert not panel.is_expanded()
    panel.toggle.click()
    assert panel.is_expanded()
    panel.boxes["sponsorship_required"].setChecked(True)
    panel.start_check.setChecked(True)
    situation = window.form.situation()
    assert situation.sponsorship_required
    assert situation.start_date is not None
    keys = window.checklist_view.key_rows()
    assert any(key.startswith("logistics") for key in keys)


def test_spell_check_repaint_is_not_an_edit(qtbot: QtBot, window: MainWindow) -> None:
    window.editor.highlighter.rehighlight()
    window.phone_editor.highlighter.rehighlight()
    assert not window.drafting.dirty
    assert not window.session.autosaver.timer.isActive()
    window.editor.insertPlainText("x")
    assert window.drafting.dirty


def test_formatting_rests_while_the_checklist_or_notes_show(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show()
    qtbot.waitExposed(window)
    before = window.editor.toHtml()
    for tab in (window.checklist_view, window.notes_edit):
        window.tabs.setCurrentWidget(tab)
        assert not window.format_bar.bold.isEnabled()
        assert not window.format_bar.undo.isEnabled()
        window.format_bar.bold.trigger()  # a disabled action does nothing
        window.drafting.regenerate()  # the email changes behind the tab: undo stays off here
        assert not window.format_bar.undo.isEnabled()
        before = window.editor.toHtml()
    assert window.editor.toHtml() == before
    window.tabs.setCurrentWidget(window.editor)
    assert window.format_bar.bold.isEnabled()
    assert window.format_bar.undo.isEnabled()


def test_insert_link_refuses_unsafe_addresses(window: MainWindow) -> None:
    window.editor.replace_html("<p>see portfolio</p>")
    refused: list[str] = []
    window.editor.refuse_link = refused.append  # type: ignore[method-assign]
    for url in ("javascript:alert(1)", "data:text/html,x", "file:///tmp/x"):
        window.editor.selectAll()
        window.editor.ask_link = lambda selected, url=url: (url, selected)  # type: ignore[method-assign]
        window.format_bar.link.trigger()
        assert "href" not in window.editor.body_html()
    assert len(refused) == 3
    type(window.editor).refuse_link(window.editor, "javascript:alert(1)")  # the real tooltip


def test_unsafe_links_never_enter_the_editor(window: MainWindow) -> None:
    from PySide6.QtCore import QMimeData

    window.editor.replace_html('<p>Hi <a href="javascript:alert(1)">there</a></p>')
    assert "javascript" not in window.editor.body_html()
    assert "there" in window.editor.toPlainText()
    mime = QMimeData()
    mime.setHtml('<a href="javascript:alert(2)">pasted</a> <a href="https://example.org">ok</a>')
    mime.setText("pasted ok")
    window.editor.paste_rich = True
    window.editor.insertFromMimeData(mime)
    html = window.editor.body_html()
    assert "javascript" not in html and 'href="https://example.org"' in html
