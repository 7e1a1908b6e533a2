"""Dialogs in the window's look and words (issue 25): Insert link sized to its title and
saying which links are allowed; message boxes in the app's icon set and theme; the close
question with Save; Undo back to the saved text clears the star; links readable when dark."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from gui_helpers import type_into
from PySide6.QtCore import QTimer
from PySide6.QtGui import QPalette, QTextCursor
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QStyle, QWidget
from pytestqt.qtbot import QtBot

from bowout.gui import build_window
from bowout.gui.theme import AA_TEXT, apply_theme, contrast_ratio, is_dark
from bowout.gui.window.shell import MainWindow
from bowout.storage import History
from conftest import close_quietly


@pytest.fixture
def dark(qapp: QApplication) -> Iterator[QApplication]:
    apply_theme(qapp, "dark")
    yield qapp
    apply_theme(qapp, "system")


def answer_modal(qtbot: QtBot, act: Callable[[QWidget], None], seen: list[QWidget]) -> None:
    """Once a modal dialog is up, note it and let ``act`` answer it."""

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, poll)
            return
        seen.append(box)
        act(box)

    QTimer.singleShot(20, poll)


def shown(qtbot: QtBot, data_dir: Path) -> MainWindow:
    win = build_window(data_dir)
    qtbot.addWidget(win)  # the real close question: each test answers or closes quietly
    win.resize(1280, 760)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_insert_link_is_sized_to_its_title_and_says_what_is_allowed(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.editor.setFocus()
    seen: list[QWidget] = []
    answer_modal(qtbot, lambda box: box.close(), seen)
    window.format_bar.link.trigger()
    assert seen, "no dialog"
    dialog = seen[0]
    title = dialog.fontMetrics().horizontalAdvance(dialog.windowTitle())
    assert dialog.width() >= max(320, title + 120)  # room for the title and its buttons
    notes = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "https" in notes and "mailto" in notes and "tel" in notes


def test_the_close_question_offers_save_in_the_apps_look(
    qtbot: QtBot, data_dir: Path, dark: QApplication
) -> None:
    from bowout.gui.icon_font import icon

    win = shown(qtbot, data_dir)
    type_into(qtbot, win.form.company_edit, "Northwind")
    assert win.isWindowModified()
    seen: list[QWidget] = []
    looks: dict[str, object] = {}

    def save(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        looks["buttons"] = {box.standardButton(b) for b in box.buttons()}
        looks["dark"] = is_dark(box.palette())
        size = box.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize, None, box)
        ours = icon("mdi6.help-circle-outline").pixmap(size, size).toImage()
        looks["our_icon"] = box.iconPixmap().toImage() == ours
        button = box.button(QMessageBox.StandardButton.Save)
        if button is None:  # no Save: answer Cancel, and the assertions below say so
            box.reject()
        else:
            button.click()

    answer_modal(qtbot, save, seen)
    win.close()
    if win.isVisible():
        close_quietly(win)
    assert seen
    assert looks["buttons"] == {
        QMessageBox.StandardButton.Save,
        QMessageBox.StandardButton.Discard,
        QMessageBox.StandardButton.Cancel,
    }
    assert looks["dark"] and looks["our_icon"]
    assert not win.isVisible()  # saved, then closed
    with History.open(data_dir) as history:
        assert [r.company for r in history.list()] == ["Northwind"]


def test_cancel_keeps_the_window_open(qtbot: QtBot, data_dir: Path) -> None:
    win = shown(qtbot, data_dir)
    type_into(qtbot, win.form.company_edit, "Northwind")
    seen: list[QWidget] = []
    answer_modal(qtbot, lambda box: box.button(QMessageBox.StandardButton.Cancel).click(), seen)
    win.close()
    assert seen and win.isVisible() and win.isWindowModified()
    close_quietly(win)


def test_undo_back_to_the_saved_text_clears_the_star(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)
    type_into(qtbot, window.form.company_edit, "Northwind")
    assert window.session.save_to_history()
    assert not window.isWindowModified()
    editor = window.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, " Thanks")
    assert window.isWindowModified()
    for _ in range(len(" Thanks")):
        if not editor.document().isUndoAvailable() or not window.isWindowModified():
            break
        editor.undo()
    assert not window.isWindowModified()
    assert "[*]" in window.windowTitle()  # the mark is there to show again on the next edit
    qtbot.keyClicks(editor, "!")
    assert window.isWindowModified()


def link_colours(window: MainWindow) -> list[float]:
    """The contrast of every link's text against the editor's background."""
    editor = window.editor
    base = editor.palette().color(QPalette.ColorRole.Base)
    ratios = []
    block = editor.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            style = it.fragment().charFormat()
            if style.isAnchor():
                ratios.append(contrast_ratio(style.foreground().color(), base))
            it += 1
        block = block.next()
    return ratios


def test_links_kept_in_light_read_in_the_dark_editor(
    qtbot: QtBot, window: MainWindow, dark: QApplication
) -> None:
    # As a message kept in the light theme comes back from the history.
    window.editor.replace_html(
        '<p>My work: <a href="https://example.com"><span style="color:#0000ff;">'
        "example.com</span></a></p>"
    )
    ratios = link_colours(window)
    assert ratios and min(ratios) >= AA_TEXT


def test_links_follow_a_switch_to_dark(
    qtbot: QtBot, window: MainWindow, qapp: QApplication
) -> None:
    apply_theme(qapp, "light")
    try:
        link = ("https://example.com", "example")
        window.editor.ask_link = lambda selected: link  # type: ignore[method-assign]
        window.editor.moveCursor(QTextCursor.MoveOperation.End)
        window.editor.insert_link()
        modified = window.editor.document().isModified()
        apply_theme(qapp, "dark")
        qtbot.wait(20)
        ratios = link_colours(window)
        assert ratios and min(ratios) >= AA_TEXT
        assert window.editor.document().isModified() == modified  # a colour is not an edit
    finally:
        apply_theme(qapp, "system")


def test_a_dark_system_palette_gets_readable_links() -> None:
    from bowout.gui.theme import dark_palette, readable

    palette = dark_palette()
    palette.setColor(QPalette.ColorRole.Link, "#0000ff")  # Qt's default link blue
    fixed = readable(palette)
    base = fixed.color(QPalette.ColorRole.Base)
    assert contrast_ratio(fixed.color(QPalette.ColorRole.Link), base) >= AA_TEXT
