"""The questions an import may ask: what each status word means, how dates are written.

Both are answered once and remembered with the file's columns (see
:class:`~bowout.storage.applications.ImportMapping`). The answers a status word can have
are those of :mod:`bowout.core.statuses`: a stage, closed, saved or skip.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QMessageBox, QWidget

from bowout.core.import_dates import DMY, MDY, parse_date
from bowout.core.situation import Stage
from bowout.core.statuses import CLOSED, SAVED, SKIP
from bowout.core.ui_dates import day_month_year
from bowout.gui.dialogs.message_box import use_app_icons

#: The answers besides the stages, as the combo shows them.
OTHER_ANSWERS = (
    (CLOSED, "Closed: over, leave these rows out"),
    (SAVED, "Saved: not applied to yet"),
    (SKIP, "Skip these rows"),
)


def reading(example: str, order: str) -> str:
    """ "11 February 2026": how ``example`` reads in ``order`` ("" when it does not)."""
    try:
        day = parse_date(example, order)
    except ValueError:
        return ""
    return day_month_year(day) if day else ""


def ask_date_order(parent: QWidget | None, column: str, example: str) -> str | None:
    """Ask how the dates of ``column`` are written: "dmy", "mdy", or None (not answered)."""
    box = QMessageBox(parent)
    box.setObjectName("date_order_question")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("How are the dates written?")
    box.setText(
        f"Every date in the column “{column}” can be read day first or month first, "
        f"for example {example}. Which is it?"
    )
    day_first = box.addButton(
        f"Day first ({reading(example, DMY)})", QMessageBox.ButtonRole.AcceptRole
    )
    month_first = box.addButton(
        f"Month first ({reading(example, MDY)})", QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    use_app_icons(box).exec()
    clicked = box.clickedButton()
    return DMY if clicked is day_first else MDY if clicked is month_first else None


class StatusAnswers(QGroupBox):
    """A combo per status word to place, each with the stages and the other answers."""

    def __init__(self, on_change: Callable[[str, str], None], parent: QWidget) -> None:
        super().__init__("Status words to place", parent)
        self.setObjectName("status_answers")
        self._form = QFormLayout(self)
        self._on_change = on_change
        self.combos: dict[str, QComboBox] = {}
        self.hide()

    def show_words(
        self, words: dict[str, list[int]], answers: dict[str, str], accepted: set[str]
    ) -> None:
        """One combo per word (with its lines), set to the answer given; rebuilt only when
        the words change."""
        if list(self.combos) == list(words):
            return
        while self._form.rowCount():
            self._form.removeRow(0)
        self.combos = {}
        for i, (word, lines) in enumerate(words.items()):
            combo = QComboBox(self)
            combo.setObjectName(f"status_combo_{i}")
            combo.setAccessibleName(f"Stage for status {word}")
            combo.addItem("Choose…", "")
            for stage in Stage:
                combo.addItem(stage.label, stage.value)
            for answer, label in OTHER_ANSWERS:
                combo.addItem(label, answer)
            combo.setCurrentIndex(max(combo.findData(answers.get(word, "")), 0))
            combo.currentIndexChanged.connect(
                lambda _i, w=word, c=combo: self._on_change(w, str(c.currentData()))
            )
            self.combos[word] = combo
            shown = ", ".join(map(str, lines[:8])) + (" …" if len(lines) > 8 else "")
            note = " — you accepted this offer" if word in accepted else ""
            self._form.addRow(
                f"“{word}” (line{'s' if len(lines) > 1 else ''} {shown}){note}:", combo
            )
        self.setVisible(bool(words))
