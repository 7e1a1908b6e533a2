"""The menu bar and the main toolbar, made from the command table: no list of their own."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QToolButton

from bowout.gui.window.action_table import COMMANDS, SUBMENUS
from bowout.gui.window.actions import Actions


def build_menus(window: QMainWindow, a: Actions) -> dict[str, QMenu]:
    """One menu per table ``menu`` in the order of the table (submenus where their first
    command is); a command with ``group`` gets a separator before it. Returns the menus by
    path ("File", "File/Export", ...)."""
    bar = window.menuBar()
    menus: dict[str, QMenu] = {}
    for command in COMMANDS:
        for path in filter(None, (command.menu, command.also_in)):
            if path not in menus:
                top = path.split("/")[0]
                if top not in menus:
                    menus[top] = bar.addMenu(f"&{top}")
                    menus[top].setObjectName(f"{top.lower()}_menu")
                if path != top:
                    menus[path] = menus[top].addMenu(SUBMENUS[path][0])
                    menus[path].setObjectName(f"{path.split('/')[1].lower()}_menu")
            menu = menus[path]
            if command.group and menu.actions():
                menu.addSeparator()
            menu.addAction(a.get(command.name))
    themes = QActionGroup(window)  # one theme at a time
    for command in COMMANDS:
        if command.menu == "View/Theme":
            themes.addAction(a.get(command.name))
    return menus


def build_toolbar(window: QMainWindow, a: Actions, menus: dict[str, QMenu]) -> QToolBar:
    """The commands with a toolbar label, icon and short label each, and the submenus with
    one (Export); everything else is in the menus."""
    toolbar = QToolBar("Main", window)
    toolbar.setObjectName("main_toolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    placed: set[str] = set()
    for command in COMMANDS:
        submenu = SUBMENUS.get(command.menu)
        if submenu is not None and submenu[1] and command.menu not in placed:
            placed.add(command.menu)
            _add_submenu(toolbar, menus[command.menu], submenu[1], submenu[2])
        if not command.toolbar:
            continue
        if command.group and toolbar.actions():
            toolbar.addSeparator()
        action = a.get(command.name)
        action.setIconText(command.toolbar)
        toolbar.addAction(action)
    window.addToolBar(toolbar)
    return toolbar


def _add_submenu(toolbar: QToolBar, menu: QMenu, label: str, tip: str) -> None:
    menu.menuAction().setIconText(label)
    menu.menuAction().setToolTip(tip)
    toolbar.addAction(menu.menuAction())
    button = toolbar.widgetForAction(menu.menuAction())
    if isinstance(button, QToolButton):
        name = menu.objectName().removesuffix("_menu")
        button.setObjectName(f"{name}_button")
        button.setAccessibleName(label)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
