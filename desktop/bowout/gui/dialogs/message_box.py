"""Message boxes in the window's own look: the toolbar's icon set (Material Design Icons,
drawn in the theme's colours) instead of the platform's, and the unsaved-changes question
with Save, Discard and Cancel (the three answers every document app offers on close)."""

from __future__ import annotations

import enum
import logging

from PySide6.QtWidgets import QMessageBox, QStyle, QWidget

__all__ = ["BOX_ICONS", "Unsaved", "ask_unsaved", "use_app_icons"]

logger = logging.getLogger(__name__)

#: A message box's kind → its icon in the toolbar's set.
BOX_ICONS = {
    QMessageBox.Icon.Question: "mdi6.help-circle-outline",
    QMessageBox.Icon.Information: "mdi6.information-outline",
    QMessageBox.Icon.Warning: "mdi6.alert-outline",
    QMessageBox.Icon.Critical: "mdi6.alert-octagon-outline",
}
UNSAVED_TEXT = "This draft has changes that are not saved in your history."
UNSAVED_QUESTION = "Save them before going on?"


class Unsaved(enum.Enum):
    """The answer to the unsaved-changes question."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def use_app_icons(box: QMessageBox) -> QMessageBox:
    """Give ``box`` the icon of its kind from the app's icon set, at the style's message-box
    icon size; returns ``box``. A box without an icon is left alone; if the icon font cannot
    load, the platform's icon stays (logged: a box must still show)."""
    name = BOX_ICONS.get(box.icon())
    if name is None:
        return box
    try:
        from bowout.gui.icon_font import icon

        size = box.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize, None, box)
        box.setIconPixmap(icon(name).pixmap(size, size))
    except Exception:  # the icon font is a nicety; never lose the question over it
        logger.exception("message box icon %s not drawn", name)
    return box


def ask_unsaved(parent: QWidget | None, title: str, *, can_save: bool = True) -> Unsaved:
    """Ask what to do with unsaved changes: Save (default), Discard or Cancel (Esc).

    ``can_save`` False (no history to save into) leaves out Save.
    """
    buttons = QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
    if can_save:
        buttons |= QMessageBox.StandardButton.Save
    box = QMessageBox(QMessageBox.Icon.Question, title, UNSAVED_TEXT, buttons, parent)
    box.setObjectName("unsaved_changes_box")
    box.setInformativeText(UNSAVED_QUESTION if can_save else "Discard them?")
    box.setDefaultButton(
        QMessageBox.StandardButton.Save if can_save else QMessageBox.StandardButton.Cancel
    )
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    use_app_icons(box)
    try:
        answer = box.exec()
    finally:
        box.deleteLater()
    if answer == QMessageBox.StandardButton.Save:
        return Unsaved.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return Unsaved.DISCARD
    return Unsaved.CANCEL
