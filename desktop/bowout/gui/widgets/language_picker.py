"""The "Message language" picker and, for a language that has two, the form of address
(issue 26). The window's own labels stay English; only the message changes language."""

from __future__ import annotations

import functools
from collections.abc import Mapping

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from bowout import paths
from bowout.core.vocabulary import Address

#: What each form of address is, shown beside the choice (the pronouns of the languages
#: Bow Out writes that have two forms).
ADDRESS_LABELS = {
    Address.FORMAL: "Formal (Sie, vous, usted)",
    Address.INFORMAL: "Informal (du, tu, tú)",
}


#: Characters each picker shows at its narrowest (two share one row of the form).
MIN_CHARS = 7


@functools.cache
def language_label(code: str) -> str:
    """A pack's language named in English ("German" for "de"), from Babel's CLDR data;
    the code itself when CLDR does not know it."""
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(code).get_display_name("en")
    except (ValueError, UnknownLocaleError):
        return code
    return str(name) if name else code


@functools.cache
def has_two_forms(language: str) -> bool:
    """Whether the pack of ``language`` tells a formal from an informal address (its
    tone.toml lists words of both); English does not."""
    from bowout.core.errors import BowOutError
    from bowout.core.tone_words import load_tone_words

    try:
        words = load_tone_words(language)
    except BowOutError:
        return False
    return words is not None and all(words.patterns.get(f) for f in ("formal", "informal"))


class LanguagePicker(QWidget):
    """The message language (English first, then each pack found) and the form of address,
    shown only for a language that has two. Emits ``changed`` when the user picks either.

    ``own_choice``: the label of a first choice that names no language, for messages to
    several employers each written in its own (Tell the others: each application keeps
    its language); :meth:`chosen_language` is None while it is picked."""

    changed = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        names: Mapping[str, str] | None = None,
        *,
        own_choice: str = "",
    ) -> None:
        """``names``: each pack's language named in English, when known already (the
        window keeps them between runs); :func:`language_label` names the others."""
        super().__init__(parent)
        self.setObjectName("language_picker")
        names = names or {}
        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("language_combo")
        self.language_combo.setAccessibleName("Message language")
        self.language_combo.setToolTip(
            "The language the message is written in. The checklist and advice stay English."
        )
        if own_choice:
            self.language_combo.addItem(own_choice, "")
        for code in paths.available_languages():
            self.language_combo.addItem(names.get(code) or language_label(code), code)
        self.address_combo = QComboBox(self)
        self.address_combo.setObjectName("address_combo")
        self.address_combo.setAccessibleName("Form of address")
        self.address_combo.setToolTip(
            "Formal unless you and the employer already write to each other informally."
        )
        for address, label in ADDRESS_LABELS.items():
            self.address_combo.addItem(label, address.value)
        self.address_label = QLabel("Addr&ess:", self)
        self.address_label.setBuddy(self.address_combo)
        for combo in (self.language_combo, self.address_combo):
            # As the form's other pickers: never wider than the panel on a small screen.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(MIN_CHARS)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.language_combo, 1)
        layout.addWidget(self.address_label)
        layout.addWidget(self.address_combo, 1)
        self.language_combo.currentIndexChanged.connect(self._language_changed)
        self.address_combo.currentIndexChanged.connect(self.changed)
        self._show_address()

    def language(self) -> str:
        """The chosen language pack ("en", "de", ...)."""
        return str(self.language_combo.currentData() or paths.DEFAULT_LANGUAGE)

    def chosen_language(self) -> str | None:
        """The chosen language pack, or None for the ``own_choice`` (each its own)."""
        return str(self.language_combo.currentData() or "") or None

    def address(self) -> Address:
        """The chosen form of address (formal where the language has only one)."""
        if not has_two_forms(self.language()):
            return Address.FORMAL
        return Address(self.address_combo.currentData())

    def set_choice(self, language: str, address: Address) -> None:
        """Show a saved language and form of address without emitting ``changed``; a
        language with no pack here shows English (as it drafts)."""
        self.blockSignals(True)
        try:
            index = self.language_combo.findData(language)
            self.language_combo.setCurrentIndex(max(index, 0))
            self.address_combo.setCurrentIndex(self.address_combo.findData(address.value))
        finally:
            self.blockSignals(False)
        self._show_address()

    @Slot(int)
    def _language_changed(self, _index: int) -> None:
        self._show_address()
        self.changed.emit()

    def _show_address(self) -> None:
        two = has_two_forms(self.language())
        self.address_label.setVisible(two)
        self.address_combo.setVisible(two)
