"""The message on review in "Tell the others": its channel, two facts, subject, message and
call script, and what to do with it (copy, mail, mark as sent)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bowout.core.advice import channel_note
from bowout.gui.utf16 import to_qt_span
from bowout.gui.widgets.list_actions import list_button
from bowout.gui.widgets.message_line import alarm_style, plain_label

if TYPE_CHECKING:
    from bowout.gui.views.batch_items import BatchItem


class BatchReview(QWidget):
    """Shows one :class:`~bowout.gui.views.batch_items.BatchItem`; says when the user changes
    a fact or the text (the buttons' ``clicked`` are the batch view's to connect)."""

    #: "We built a real connection" or "Keep the door open" was ticked or unticked.
    facts_changed = Signal()
    #: The subject or the message was edited.
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._showing = False
        self.channel_label = QLabel(self)
        self.channel_label.setObjectName("batch_channel_label")
        self.channel_label.setWordWrap(True)
        self.rapport_check = QCheckBox("We built a real &connection", self)
        self.rapport_check.setObjectName("batch_rapport_check")
        self.door_check = QCheckBox("&Keep the door open", self)
        self.door_check.setObjectName("batch_door_check")
        for check in (self.rapport_check, self.door_check):
            check.toggled.connect(lambda _on: self._emit(self.facts_changed))
        self.fill_label = plain_label(QLabel(self))
        self.fill_label.setObjectName("batch_fill_label")
        self.fill_label.setAccessibleName("Details to fill in")
        self.fill_label.setWordWrap(True)
        self.fill_label.setStyleSheet(alarm_style(self.fill_label, bold=False))
        self.subject_edit = QLineEdit(self)
        self.subject_edit.setObjectName("batch_subject_edit")
        self.subject_edit.setAccessibleName("Subject")
        self.subject_edit.textEdited.connect(lambda _t: self._emit(self.edited))
        self.body_edit = QPlainTextEdit(self)
        self.body_edit.setObjectName("batch_body_edit")
        self.body_edit.setAccessibleName("Message")
        self.body_edit.textChanged.connect(lambda: self._emit(self.edited))
        self.script_view = QPlainTextEdit(self)
        self.script_view.setObjectName("batch_script_view")
        self.script_view.setAccessibleName("Call script")
        self.script_view.setReadOnly(True)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("batch_tabs")
        self.tabs.setAccessibleName("Message and call script")
        self.tabs.addTab(self.body_edit, "&Message")
        self.tabs.addTab(self.script_view, "Call scrip&t")
        self.copy_button = list_button(self, "batch_copy_button", "C&opy", "Copy this message")
        self.mail_button = list_button(self, "batch_mail_button", "Send by &mail…",
                                       "Open this message in your mail app")  # fmt: skip
        self.sent_button = list_button(
            self, "batch_sent_button", "Mark as s&ent", "Keep it as sent, then go to the next"
        )
        self._lay_out()

    def _lay_out(self) -> None:
        facts = QVBoxLayout()
        facts.addWidget(self.rapport_check)
        facts.addWidget(self.door_check)
        buttons = QHBoxLayout()  # "Mark as sent" under them: the step after sending
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.mail_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.channel_label)
        layout.addLayout(facts)
        layout.addWidget(self.fill_label)
        layout.addWidget(self.subject_edit)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.sent_button)

    def _emit(self, signal: SignalInstance) -> None:
        if not self._showing:  # the program filling the fields in is no change of the user's
            signal.emit()

    def show_item(self, item: BatchItem | None) -> None:
        """Show ``item`` (None: nothing to review); a kept one is read only."""
        self._showing = True
        has = item is not None and item.draft is not None
        for widget in (self.rapport_check, self.door_check, self.subject_edit, self.tabs,
                       self.copy_button, self.mail_button, self.sent_button):  # fmt: skip
            widget.setEnabled(has and not (item and item.record_id))
        if item is None or item.draft is None:
            self.channel_label.setText("")
            self.subject_edit.clear()
            self.body_edit.clear()
            self.script_view.clear()
        else:
            draft = item.draft
            note = channel_note(item.situation.stage, draft.channel)
            self.channel_label.setText(f"<b>{draft.channel.label}</b> — {note}")
            self.rapport_check.setChecked(item.situation.rapport)
            self.door_check.setChecked(item.situation.keep_door_open)
            self.subject_edit.setText(item.subject)
            self.body_edit.setPlainText(item.body)
            self.script_view.setPlainText(draft.phone_script or "")
            self.tabs.setTabEnabled(1, bool(draft.phone_script))
            self.tabs.setCurrentIndex(1 if draft.phone_script and not item.record_id else 0)
        self._showing = False

    def show_fill_ins(self, missing: str) -> None:
        """Say what is still to fill in (empty: nothing, and the line hides)."""
        self.fill_label.setText(missing)
        self.fill_label.setHidden(not missing)

    def facts(self) -> tuple[bool, bool]:
        """(a real connection was built, keep the door open), as ticked."""
        return self.rapport_check.isChecked(), self.door_check.isChecked()

    def ready_to_send(self, item: BatchItem, action: str) -> bool:
        """No "[placeholder]" left in ``item``'s message, or "Send anyway" chosen; else the
        first one is selected for filling in (see
        :mod:`bowout.gui.dialogs.placeholder_check`). ``action``: "copy it", "send it"..."""
        from bowout.gui.dialogs.placeholder_check import PlaceholderDialog
        from bowout.gui.dialogs.placeholder_check import unfilled as placeholders_in

        names = placeholders_in(item.subject, item.body)
        if not names or PlaceholderDialog.ask(self, names, action):
            return True
        self.select_placeholder(names[0])
        return False

    def select_placeholder(self, name: str) -> None:
        """Select the first ``name`` ("[Recruiter]") in the subject, else in the message,
        and put the cursor there for typing over it."""
        subject = self.subject_edit.text()
        in_subject = name in subject
        text = subject if in_subject else self.body_edit.toPlainText()
        found = text.index(name)
        start, length = to_qt_span(text, found, found + len(name))
        if in_subject:
            self.subject_edit.setFocus()
            self.subject_edit.setSelection(start, length)
            return
        cursor = self.body_edit.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
        self.body_edit.setTextCursor(cursor)
        self.body_edit.setFocus()
