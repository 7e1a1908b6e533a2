"""The menu bar and the main toolbar: where the window's actions are shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QToolButton

from bowout.gui.actions import Actions
from bowout.gui.editor import FormatToolBar

#: Action attribute -> the short label its toolbar button shows (menus keep the full text).
TOOLBAR_TEXTS = {
    "new": "New",
    "save": "Save",
    "mark_sent": "Mark as sent",
    "copy": "Copy",
    "mail": "Send by mail",
}


def build_menus(window: QMainWindow, a: Actions, fmt: FormatToolBar) -> QMenu:
    """File, Record, Edit, View and Help menus; returns the Export submenu (on the toolbar)."""
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addActions([a.new, a.save, a.mark_sent])
    file_menu.addSeparator()
    file_menu.addActions([a.copy, a.mail])
    export_menu = file_menu.addMenu("E&xport")
    export_menu.setObjectName("export_menu")
    export_menu.addActions([a.export_eml, a.export_pdf, a.export_txt, a.export_html])
    file_menu.addActions([a.export_all, a.import_all])
    file_menu.addSeparator()
    file_menu.addAction(a.settings)
    file_menu.addSeparator()
    file_menu.addAction(a.quit)

    record_menu = bar.addMenu("&Record")
    record_menu.setObjectName("record_menu")
    record_menu.addActions([a.mark_sent, a.they_replied, a.call_note])
    record_menu.addSeparator()
    record_menu.addActions([a.new_version, a.resolved])

    edit_menu = bar.addMenu("&Edit")
    edit_menu.addActions([fmt.undo, fmt.redo])
    edit_menu.addSeparator()
    edit_menu.addAction(a.paste_rich)
    edit_menu.addSeparator()
    edit_menu.addActions([fmt.bold, fmt.italic, fmt.underline, fmt.bullets, fmt.link])

    view_menu = bar.addMenu("&View")
    view_menu.addActions([a.view_draft, a.history, a.find])

    help_menu = bar.addMenu("&Help")
    help_menu.addActions([a.commands, a.help])
    help_menu.addSeparator()
    help_menu.addAction(a.about)
    return export_menu


def build_toolbar(window: QMainWindow, a: Actions, export_menu: QMenu) -> QToolBar:
    """The few primary actions, icon and short label each; everything else is in the menus."""
    toolbar = QToolBar("Main", window)
    toolbar.setObjectName("main_toolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for action, short in TOOLBAR_TEXTS.items():
        getattr(a, action).setIconText(short)
    toolbar.addActions([a.new, a.save, a.mark_sent])
    toolbar.addSeparator()
    toolbar.addActions([a.copy, a.mail])
    export_menu.menuAction().setIconText("Export")
    export_menu.menuAction().setToolTip("Export as an email file, PDF, text or web page")
    toolbar.addAction(export_menu.menuAction())
    export_button = toolbar.widgetForAction(export_menu.menuAction())
    if isinstance(export_button, QToolButton):
        export_button.setObjectName("export_button")
        export_button.setAccessibleName("Export")
        export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    window.addToolBar(toolbar)
    return toolbar
