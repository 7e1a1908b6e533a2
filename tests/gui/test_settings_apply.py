"""Settings never wipe the user's words (issue 11, case 6)."""

from __future__ import annotations

import dataclasses

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from bowout.core.situation import Profile
from bowout.gui.window.shell import MainWindow

SENTENCE = "I enjoyed meeting the whole team. "


def type_sentence(qtbot: QtBot, window: MainWindow) -> None:
    cursor = QTextCursor(window.editor.document().findBlockByNumber(1))
    window.editor.setTextCursor(cursor)
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, SENTENCE)
    assert SENTENCE.strip() in window.editor.message_text()


def test_theme_change_keeps_the_typed_sentence(qtbot: QtBot, window: MainWindow) -> None:
    type_sentence(qtbot, window)
    before = window.editor.message_text()
    old = window.context.settings
    try:
        window.preferences.apply_settings(dataclasses.replace(old, theme="dark"))
        window.preferences.apply_settings(
            dataclasses.replace(old, spell_language="en", theme="light")
        )
    finally:
        QApplication.instance().setPalette(QApplication.style().standardPalette())  # type: ignore[union-attr]
    assert window.editor.message_text() == before
    assert "rewritten" not in window.statusBar().currentMessage()


def test_profile_change_swaps_only_the_signature(qtbot: QtBot, window: MainWindow) -> None:
    old = window.context.settings
    window.preferences.apply_settings(
        dataclasses.replace(old, profile=Profile(name="Ana Ruiz", email="ana@example.org"))
    )
    type_sentence(qtbot, window)
    window.preferences.apply_settings(
        dataclasses.replace(old, profile=Profile(name="Ana Ruiz-Ortega", phone="+34 600"))
    )
    text = window.editor.message_text()
    assert SENTENCE.strip() in text
    last = text.split("\n\n")[-1].split("\n")
    assert last[1:] == ["Ana Ruiz-Ortega", "+34 600"]  # no email: no line (issue 20)
    assert "ana@example.org" not in text
    window.editor.undo()  # the swap is one step; the typed sentence survives it
    assert "ana@example.org" in window.editor.message_text()
    assert SENTENCE.strip() in window.editor.message_text()


def test_untouched_phone_script_follows_an_edited_email(qtbot: QtBot, window: MainWindow) -> None:
    from gui_helpers import pick

    pick(window.stage_combo, "accepted")  # a call is advised: there is a phone script
    assert window.phone_editor.message_text()
    type_sentence(qtbot, window)
    old = window.context.settings
    window.preferences.apply_settings(dataclasses.replace(old, profile=Profile(name="Ana Ruiz")))
    assert "Ana Ruiz" in window.phone_editor.message_text()
    assert SENTENCE.strip() in window.editor.message_text()


def test_profile_change_leaves_a_rewritten_signature(qtbot: QtBot, window: MainWindow) -> None:
    window.editor.replace_html("<p>Dear Dana,</p><p>I withdraw.</p><p>Cheers,<br>Ana</p>")
    window.editor.document().setModified(True)
    before = window.editor.message_text()
    old = window.context.settings
    window.preferences.apply_settings(dataclasses.replace(old, profile=Profile(name="Bo")))
    assert window.editor.message_text() == before
    assert "stays" in window.statusBar().currentMessage()


def test_untouched_draft_follows_the_profile(window: MainWindow) -> None:
    old = window.context.settings
    window.preferences.apply_settings(dataclasses.replace(old, profile=Profile(name="Ana Ruiz")))
    assert "Ana Ruiz" in window.editor.message_text()
    assert "rewritten" not in window.statusBar().currentMessage()


def wavy_words(window: MainWindow) -> list[str]:
    """Words the person sees underlined in the email (UTF-16 ranges decoded back)."""
    from PySide6.QtGui import QTextCharFormat

    wavy = QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    words = []
    block = window.editor.document().begin()
    while block.isValid():
        units = block.text().encode("utf-16-le")
        for rng in block.layout().formats():
            if rng.format.underlineStyle() == wavy:
                words.append(
                    units[rng.start * 2 : (rng.start + rng.length) * 2].decode("utf-16-le")
                )
        block = block.next()
    return words


def test_the_users_own_name_is_not_misspelt(qtbot: QtBot, window: MainWindow) -> None:
    window.editor.highlighter._load_now()  # the dictionary, as after the first paint
    old = window.context.settings
    profile = Profile(name="Zorblat Quenby", signature="Hexlify Vantrobe")
    window.preferences.apply_settings(dataclasses.replace(old, profile=profile))
    window.form.contact_edit.setText("Dana Krzyzewski")
    window.form.greeting_edit.setText("Ms Krzyzewski")
    text = window.editor.message_text()
    assert "Krzyzewski" in text
    assert wavy_words(window) == []
    with qtbot.waitSignal(window.form.situation_changed):  # as the clear button: a pause
        window.form.greeting_edit.clear()
    text = window.editor.message_text()
    assert "Zorblat Quenby" in text and "Dear Dana," in text
    assert wavy_words(window) == []
    assert window.editor.highlighter.is_misspelled("Zorblaat")  # the checker still checks


def test_reopened_draft_follows_the_advice_again(window: MainWindow) -> None:
    from gui_helpers import pick

    from bowout.core.situation import Channel

    assert window.drafting.draft is not None and window.drafting.draft.channel is Channel.EMAIL
    assert window.session.save_to_history() and window.session.record is not None
    window.session.open_record(window.session.record)
    pick(window.stage_combo, "accepted")
    assert window.drafting.draft.channel is Channel.PHONE  # the advice for rescinding: call
    assert window.form.situation().channel is None
