"""They replied: pick what they said, note their words and date, adjust the short answer."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QSize, Slot
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bowout.core.counting import counted
from bowout.core.draft import REPLY_KINDS, Reply
from bowout.core.errors import BowOutError
from bowout.core.situation import Channel
from bowout.core.textclean import clean_line, clean_text
from bowout.gui.screen_fit import fit_dialog
from bowout.gui.widgets.dates import DayFirstDateEdit, qdate

#: The kind for silence: no reply received, so no date or words of theirs to note.
NO_REPLY = "no-reply"


@dataclasses.dataclass(frozen=True)
class ReplyEntry:
    """What the user noted: their reply (none for silence) and the answer, sent or not."""

    kind: str
    #: The day they replied (None for "no reply").
    received: dt.date | None
    #: How they replied (a record channel value).
    channel: str
    their_words: str
    subject: str
    answer: str
    #: True when the user sent the answer ("Mark answer as sent"); False: only their reply.
    answer_sent: bool


class ReplyDialog(QDialog):
    """Their reply and the drafted answer; :meth:`entry` says what to keep."""

    def __init__(
        self,
        draft_answer: Callable[[str], Reply],
        *,
        channel: str,
        sent: dt.date,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        """``draft_answer(kind)`` composes the answer to a reply kind; ``sent`` is the day
        the message went, ``today`` the latest day a reply can have come."""
        super().__init__(parent)
        self.setObjectName("reply_dialog")
        self.setWindowTitle("They replied")
        self._draft_answer = draft_answer
        self.sent_answer = False
        self._build_choices(channel, sent, today)
        self._build_answer()
        self._lay_out()
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.copy_button.clicked.connect(self.copy_answer)
        self.sent_button.clicked.connect(self._answer_sent)
        self.keep_button.clicked.connect(self._keep_reply)
        self.buttons.rejected.connect(self.reject)
        self._kind_changed()
        fit_dialog(self, QSize(560, 620))  # an 800×600 screen keeps its buttons

    def _build_choices(self, channel: str, sent: dt.date, today: dt.date) -> None:
        """What they said, how, on which day, and their words."""
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("reply_kind_combo")
        self.kind_combo.setAccessibleName("What they said")
        days = (today - sent).days
        # Not "after 0 days": on the day of sending there is no silence to speak of yet.
        silence = f"No reply after {counted(days, 'day')}" if days > 0 else "No reply yet"
        for kind, label in REPLY_KINDS.items():
            self.kind_combo.addItem(silence if kind == NO_REPLY else label, kind)
        self.channel_combo = QComboBox(self)
        self.channel_combo.setObjectName("reply_channel_combo")
        self.channel_combo.setAccessibleName("How they replied")
        for option in Channel:
            self.channel_combo.addItem(option.label, option.value)
        self.channel_combo.setCurrentIndex(max(0, self.channel_combo.findData(channel)))
        self.received_edit = DayFirstDateEdit(self)
        self.received_edit.setObjectName("reply_received_edit")
        self.received_edit.setAccessibleName("The day they replied")
        self.received_edit.setDateRange(qdate(sent), qdate(today))
        self.received_edit.setDate(qdate(today))
        self.words_edit = QPlainTextEdit(self)
        self.words_edit.setObjectName("reply_words_edit")
        self.words_edit.setAccessibleName("Their words (optional)")
        self.words_edit.setPlaceholderText("Paste what they wrote or said (optional)")
        self.words_edit.setTabChangesFocus(True)
        self.words_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)

    def _build_answer(self) -> None:
        """The answer's subject and text, and the buttons that keep it."""
        self.subject_edit = QLineEdit(self)
        self.subject_edit.setObjectName("answer_subject_edit")
        self.subject_edit.setAccessibleName("Subject of your answer")
        self.answer_edit = QPlainTextEdit(self)
        self.answer_edit.setObjectName("answer_edit")
        self.answer_edit.setAccessibleName("Your answer")
        self.answer_edit.setTabChangesFocus(True)
        self.copy_button = QPushButton("&Copy answer", self)
        self.copy_button.setObjectName("copy_answer_button")
        self.copy_button.setAccessibleName("Copy the answer")
        self.buttons = QDialogButtonBox(self)
        self.sent_button = self.buttons.addButton(
            "Mark answer as &sent", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sent_button.setObjectName("answer_sent_button")
        self.keep_button = self.buttons.addButton(
            "&Keep their reply only", QDialogButtonBox.ButtonRole.ApplyRole
        )
        self.keep_button.setObjectName("keep_reply_button")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(_label("&What they said:", self.kind_combo), self.kind_combo)
        self.channel_label = _label("&How:", self.channel_combo)
        form.addRow(self.channel_label, self.channel_combo)
        self.received_label = _label("&On:", self.received_edit)
        form.addRow(self.received_label, self.received_edit)
        self.words_label = _label("Their wo&rds:", self.words_edit)
        form.addRow(self.words_label, self.words_edit)
        form.addRow(_label("Su&bject:", self.subject_edit), self.subject_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_label("Your &answer (edit it as you like):", self.answer_edit))
        layout.addWidget(self.answer_edit, 1)
        layout.addWidget(self.copy_button)
        layout.addWidget(self.buttons)

    def kind(self) -> str:
        """The reply kind chosen (a key of REPLY_KINDS)."""
        return str(self.kind_combo.currentData())

    def choose(self, kind: str) -> None:
        """Pick a reply kind (as the user would in the list)."""
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))

    @Slot()
    def _kind_changed(self) -> None:
        """Draft the answer for the kind; silence has no date or words of theirs."""
        try:
            reply = self._draft_answer(self.kind())
        except BowOutError as exc:  # a broken custom template: say so, keep the dialog
            self.answer_edit.setPlainText(f"No answer could be drafted: {exc}")
        else:
            self.subject_edit.setText(reply.subject)
            self.answer_edit.setPlainText(reply.body_text)
        silent = self.kind() == NO_REPLY
        for widget in (self.received_label, self.received_edit, self.words_label,
                       self.words_edit, self.channel_label, self.channel_combo):  # fmt: skip
            widget.setVisible(not silent)
        self.keep_button.setVisible(not silent)
        self.sent_button.setText("Mark follow-up as &sent" if silent else "Mark answer as &sent")

    @Slot()
    def copy_answer(self) -> None:
        """Put the answer on the clipboard as plain text."""
        QApplication.clipboard().setText(self.answer_edit.toPlainText())

    @Slot()
    def _answer_sent(self) -> None:
        self.sent_answer = True
        self.accept()

    @Slot()
    def _keep_reply(self) -> None:
        self.sent_answer = False
        self.accept()

    def entry(self) -> ReplyEntry:
        """What to keep in the timeline (read after the dialog was accepted); text pasted
        from other programs is kept, its line breaks as line breaks and other control
        characters dropped (:mod:`bowout.core.textclean`)."""
        silent = self.kind() == NO_REPLY
        return ReplyEntry(
            kind=self.kind(),
            received=None if silent else self.received_edit.date().toPython(),  # type: ignore[arg-type]
            channel=str(self.channel_combo.currentData()),
            their_words="" if silent else clean_text(self.words_edit.toPlainText()).strip(),
            subject=clean_line(self.subject_edit.text()),
            answer=clean_text(self.answer_edit.toPlainText()),
            answer_sent=self.sent_answer or silent,
        )


class NoteDialog(QDialog):
    """A call note for the timeline: the day and what was said."""

    def __init__(self, *, sent: dt.date, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("note_dialog")
        self.setWindowTitle("Add a call note")
        self.day_edit = DayFirstDateEdit(self)
        self.day_edit.setObjectName("note_day_edit")
        self.day_edit.setAccessibleName("The day of the call")
        self.day_edit.setDateRange(qdate(min(sent, today)), qdate(today))
        self.day_edit.setDate(qdate(today))
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setObjectName("note_edit")
        self.note_edit.setAccessibleName("What was said")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setPlaceholderText("Who you spoke to, what was said, what was agreed")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("&Add to the timeline")
        self.ok_button.setObjectName("add_note_button")
        form = QFormLayout(self)
        form.addRow(_label("&Day:", self.day_edit), self.day_edit)
        form.addRow(_label("&Note:", self.note_edit), self.note_edit)
        form.addRow(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.note_edit.textChanged.connect(self._sync)
        self._sync()

    @Slot()
    def _sync(self) -> None:
        self.ok_button.setEnabled(bool(self.note_edit.toPlainText().strip()))

    def note(self) -> tuple[dt.date, str]:
        """The day and the note's text."""
        text = clean_text(self.note_edit.toPlainText()).strip()
        return self.day_edit.date().toPython(), text  # type: ignore[return-value]


def _label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    return label
