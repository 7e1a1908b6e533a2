"""Settings from the window: the dialog, the theme, the personal dictionary.

What a change does to the draft on screen is :mod:`bowout.gui.window.settings_apply`'s (the
user's words are never rewritten).
"""

from __future__ import annotations

import dataclasses
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QApplication

from bowout import paths
from bowout.settings import Settings, save_settings

if TYPE_CHECKING:
    from bowout.gui.window.drafting import Drafting
    from bowout.gui.window.shared import WindowShared

logger = logging.getLogger(__name__)


class Preferences(QObject):
    """Settings…, View › Theme, and words added to the dictionary."""

    #: The theme in use now ("system", "light", "dark"): the icons are drawn again in it.
    theme_changed = Signal(str)

    def __init__(
        self, shared: WindowShared, drafting: Drafting, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.context, self.feedback, self.ask = shared.context, shared.feedback, shared.ask
        self.events = shared.events
        self.drafting = drafting

    @Slot()
    def show_settings(self) -> None:
        """Edit profile, theme, folders and spelling; apply what changed."""
        from bowout.gui.dialogs.settings_dialog import SettingsDialog

        answer = SettingsDialog.ask(self.ask.window, self.context.settings, self.context.data_dir)
        if answer is None:
            return
        settings, data_dir = answer
        self.apply_settings(settings)
        if data_dir != self.context.data_dir:
            paths.remember_data_dir(data_dir)
            self.feedback.say(f"Bow Out will use {data_dir} from the next start.", 15000)

    def set_theme(self, theme: str) -> None:
        """Use the theme ``theme`` ("system", "light", "dark") from now on."""
        self.apply_settings(dataclasses.replace(self.context.settings, theme=theme))

    def apply_settings(self, settings: Settings) -> None:
        """Save and apply new settings; the user's words are never rewritten (only a
        profile change touches the draft, and then only its signature lines)."""
        from bowout.gui.context import make_composer
        from bowout.gui.theme import apply_theme
        from bowout.gui.window.settings_apply import apply_to_draft

        try:
            save_settings(self.context.data_dir, settings)
        except OSError as exc:
            self.feedback.error(f"Could not save the settings: {exc.strerror or exc}.")
        previous = self.context.settings
        self.context.settings = settings
        self.context.composer = make_composer(self.context.data_dir, settings)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, settings.theme)
        self.theme_changed.emit(settings.theme)  # icons drawn in the theme's text colour
        from bowout.gui.widgets.spellcheck import spell_language_for

        view = self.drafting.view
        spell = spell_language_for(view.form.situation().language, settings.spell_language)
        for editor in (view.editor, view.phone_editor):
            editor.highlighter.set_language(spell)
        apply_to_draft(self.drafting, previous, settings)

    @Slot(list)
    def save_personal_words(self, words: list[str]) -> None:
        """Keep words added to the dictionary in the settings."""
        settings = dataclasses.replace(self.context.settings, personal_words=tuple(words))
        self.context.settings = settings
        try:
            save_settings(self.context.data_dir, settings)
        except OSError as exc:
            self.feedback.error(f"Could not save your word list: {exc.strerror or exc}.")
