"""The batch view: "I accepted an offer — tell the others" (or any reason, for all of them).

Pick the accepted application (or another reason, such as pausing the search); Bow Out
drafts a withdrawal for every other open application, each on the channel its own stage,
recruiter and relationship call for (:func:`bowout.core.batch.situation_for`). The user
reviews and edits each, copies it or opens it in the mail app, and marks it sent: it
becomes a sent withdrawal record whose notes name the batch, linked to its application,
which is marked withdrawn.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import uuid
from collections.abc import Callable, Mapping
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from bowout.core.counting import counted
from bowout.core.errors import BowOutError
from bowout.core.situation import Reason
from bowout.gui.mail_link import copy_rich
from bowout.gui.plain_words import plain_words
from bowout.gui.views.batch_choices import EACH_OWN_LANGUAGE, NOT_LISTED, BatchChoices
from bowout.gui.views.batch_items import (
    NOTHING_OPEN,
    BatchItem,
    batch_note,
    blocked,
    item_text,
    keep_sent,
    text_html,
    unfilled,
    wrapping_list,
)
from bowout.gui.views.batch_mail import BatchMail
from bowout.gui.views.batch_review import BatchReview
from bowout.gui.widgets.message_line import MessageLine, plain_label

if TYPE_CHECKING:
    from bowout.gui.context import AppContext
    from bowout.gui.views import ViewHost
    from bowout.storage import History

#: What a storage call returns.
T = TypeVar("T")
logger = logging.getLogger(__name__)
__all__ = ["EACH_OWN_LANGUAGE", "BatchView", "make"]


class BatchView(QWidget):
    """One draft per open application, reviewed, sent and marked sent in turn; a
    :class:`~bowout.gui.views.MessageView`: the window's Copy, Mark as sent, Send by mail and
    Export act on the message selected here."""

    #: Another message is selected, or the one selected was kept as sent.
    commands_changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        """``context``: the history (open applications in, records out), the composer and
        the profile (the signature) of the window."""
        super().__init__(parent)
        self.setObjectName("batch_panel")
        self.setAccessibleName("Tell the others")
        self.context = context
        self.items: list[BatchItem] = []
        #: The open applications listed in "Accepted", by id.
        self.open_applications: dict[str, Any] = {}
        self.batch_id = ""
        self.drafted_on = dt.date.today()
        self._loading = self._split = False
        #: Sending by mail (its dialogs are what tests replace).
        self.mail = BatchMail(self, context, self.show_message)
        self._build()
        self._lay_out()
        self._show_item()

    def _build(self) -> None:
        self.choices = c = BatchChoices(self)
        # The choices by name (tests and the batch's notes reach them here).
        self.reason_combo, self.accepted_combo, self.voice_combo = (
            c.reason_combo, c.accepted_combo, c.voice_combo)  # fmt: skip
        self.language_picker, self.draft_button = c.language_picker, c.draft_button
        self.draft_button.clicked.connect(self.draft_all)
        self._build_review()

    def _build_review(self) -> None:
        self.item_list = wrapping_list(self, "batch_list", "Messages to send")
        self.item_list.currentRowChanged.connect(lambda _r: self._show_item())
        self.review = r = BatchReview(self)
        # The review's parts by name (tests and the focus chain reach them here).
        self.channel_label, self.fill_label = r.channel_label, r.fill_label
        self.rapport_check, self.door_check = r.rapport_check, r.door_check
        self.subject_edit, self.body_edit, self.script_view, self.tabs = (
            r.subject_edit, r.body_edit, r.script_view, r.tabs)  # fmt: skip
        self.copy_button, self.mail_button, self.sent_button = (
            r.copy_button, r.mail_button, r.sent_button)  # fmt: skip
        r.facts_changed.connect(self._facts_changed)
        r.edited.connect(self._edited)
        self.copy_button.clicked.connect(self.copy_current)
        self.mail_button.clicked.connect(self.mail_current)
        self.sent_button.clicked.connect(self.mark_current_sent)
        self.progress_label = plain_label(QLabel(self))
        self.progress_label.setObjectName("batch_progress")
        self.message_label = MessageLine("batch_message", "Batch message", self)
        self.message_label.show()

    def _lay_out(self) -> None:
        # The choices and the list on the left, the message on review on the right: in the
        # draft's place, the view has the window's width (stacked when that is narrow).
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.choices)
        column.addWidget(self.message_label)
        column.addWidget(self.item_list, 1)
        column.addWidget(self.progress_label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("batch_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.columns = (left, self.review)
        self.splitter.addWidget(self.review)
        self.splitter.setStretchFactor(0, 2)  # a window made smaller narrows both columns
        self.splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.splitter)

    def minimumSizeHint(self) -> QSize:
        """The columns' least size stacked: the other views share the window's stack,
        whose least width is its widest page's (see :meth:`resizeEvent`)."""
        parts = [column.minimumSizeHint() for column in self.columns]
        return QSize(max(p.width() for p in parts) + 8, max(p.height() for p in parts))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Side by side when both columns fit, else the message under the list; the
        message has the larger share at first (the divider then stays where put)."""
        super().resizeEvent(event)
        width = event.size().width()
        across = width >= sum(c.minimumSizeHint().width() for c in self.columns) + 16
        turn = Qt.Orientation
        self.splitter.setOrientation(turn.Horizontal if across else turn.Vertical)
        if across and not self._split:
            self._split = True
            self.splitter.setSizes([width * 2 // 5, width - width * 2 // 5])

    def focus_chain(self) -> list[QWidget]:
        """Tab follows the eye: the choices, the list, the facts, the message, the buttons."""
        return [*self.choices.focus_chain(), self.item_list, self.rapport_check,
                self.door_check, self.subject_edit, self.tabs, self.copy_button,
                self.mail_button, self.sent_button]  # fmt: skip

    def reason(self) -> Reason:
        """The batch's reason."""
        return self.choices.reason()

    def load_applications(self) -> None:
        """List the open applications in "Accepted" (keeps the choice when still open)."""
        chosen = self.accepted_combo.currentData()
        self.accepted_combo.clear()
        self.accepted_combo.addItem(NOT_LISTED, "")
        listed = self._run(lambda: self._history().applications.list("open")) or []
        self.open_applications = {stored.id: stored for stored in listed}
        for stored in listed:
            app = stored.application
            role = f" — {app.role}" if app.role else ""
            self.accepted_combo.addItem(f"{app.company}{role} ({app.stage.label})", stored.id)
        found = self.accepted_combo.findData(chosen)
        self.accepted_combo.setCurrentIndex(max(found, 0))
        self.draft_button.setEnabled(bool(listed))
        if not listed:
            self.show_message(NOTHING_OPEN)
        elif not self.items:
            self.show_message(
                f"{counted(len(listed), 'open application')}. Pick the offer you accepted "
                "(or another reason), then draft the messages."
            )

    def _history(self) -> History:
        history = self.context.history
        if history is None:  # make() gives no view without a history
            raise RuntimeError("the batch view needs a history")
        return history

    def _run(self, call: Callable[[], T]) -> T | None:
        """A storage call; a user-world error is shown here (None returned)."""
        try:
            return call()
        except BowOutError as exc:
            logger.warning("batch: %s", exc)
            self.show_message(plain_words(str(exc)), error=True)
            return None

    def show_message(self, text: str, *, error: bool = False) -> None:
        """A note above the list (an error in the theme's alarm red)."""
        self.message_label.show_text(text, error=error)

    # -- drafting -------------------------------------------------------------------------

    @Slot()
    def draft_all(self) -> None:
        """Draft one message per open application but the accepted one."""
        accepted = self.choices.accepted_id()
        others = [s for s in self._run(lambda: self._history().applications.list("open")) or []
                  if s.id != accepted]  # fmt: skip
        from bowout.core.batch import situation_for  # the composer: only when drafting

        voice = self.choices.voice()
        picker = self.language_picker
        self.batch_id = uuid.uuid4().hex[:8]
        self.drafted_on = dt.date.today()
        self.items = [
            self._compose(
                BatchItem(
                    stored,
                    situation_for(
                        stored.application,
                        self.reason(),
                        voice,
                        language=picker.chosen_language(),
                        address=picker.address() if picker.chosen_language() else None,
                    ),
                )
            )
            for stored in others
        ]
        self._fill_list(0)
        if not self.items:
            self.show_message(NOTHING_OPEN)
        else:
            self.show_message(f"{counted(len(self.items), 'message')} to review; each goes on "
                              "its own channel. Edit, send, then mark each as sent.")  # fmt: skip

    def _compose(self, item: BatchItem) -> BatchItem:
        draft = self.context.composer.compose(item.situation, self.context.settings.profile)
        return dataclasses.replace(item, draft=draft, subject=draft.subject, body=draft.body_text)

    def _fill_list(self, row: int) -> None:
        self._loading = True
        self.item_list.clear()
        for item in self.items:
            self.item_list.addItem(item_text(item))
            self.item_list.item(self.item_list.count() - 1).setToolTip(item_text(item))
        self._loading = False
        self.item_list.setCurrentRow(min(row, len(self.items) - 1))
        sent = sum(1 for item in self.items if item.record_id)
        self.progress_label.setText(f"{sent} of {len(self.items)} sent" if self.items else "")
        self._show_item()

    def current(self) -> BatchItem | None:
        """The item being reviewed, or None."""
        row = self.item_list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    @Slot()
    def _show_item(self) -> None:
        if self._loading:
            return
        self._loading = True
        self.review.show_item(self.current())
        self._loading = False
        self._check_fill_ins()
        self.commands_changed.emit()

    def message_commands(self) -> Mapping[str, Callable[[], object]]:
        """The window's commands run on the message selected (see :class:`MessageView`)."""
        exports = {f"export_{x}": partial(self.export_current, f".{x}")
                   for x in ("eml", "pdf", "txt", "html")}  # fmt: skip
        return {"copy": self.copy_current, "mail": self.mail_current,
                "mark_sent": self.mark_current_sent, **exports}  # fmt: skip

    def command_blocked(self, name: str) -> str:
        """Why the window's command ``name`` cannot run on the selection ("" when it can)."""
        return blocked(self.current(), name)

    def _check_fill_ins(self) -> None:
        item = self.current()
        missing = unfilled(item.subject, item.body) if item and not item.record_id else ""
        self.review.show_fill_ins(missing)

    @Slot()
    def _facts_changed(self) -> None:
        item = self.current()
        if self._loading or item is None or item.record_id:
            return
        rapport, door = self.review.facts()
        situation = dataclasses.replace(item.situation, rapport=rapport, keep_door_open=door)
        row = self.item_list.currentRow()
        self.items[row] = self._compose(dataclasses.replace(item, situation=situation))
        self._fill_list(row)

    @Slot()
    def _edited(self) -> None:
        item = self.current()
        if self._loading or item is None:
            return
        row = self.item_list.currentRow()
        self.items[row] = dataclasses.replace(
            item, subject=self.subject_edit.text(), body=self.body_edit.toPlainText()
        )
        self._check_fill_ins()

    # -- sending --------------------------------------------------------------------------

    @Slot()
    def copy_current(self) -> None:
        """Copy the message on review (rich and plain text)."""
        item = self.current()
        if item is not None and self.review.ready_to_send(item, "copy it"):
            copy_rich(text_html(item.body), item.body)
            self.show_message(f"Copied the message to {item.stored.application.company}.")

    @Slot()
    def mail_current(self) -> None:
        """Open the message on review in the mail app (mailto), or offer it as an .eml
        when no mail app answers (:class:`~bowout.gui.views.batch_mail.BatchMail`)."""
        item = self.current()
        if item is None or not self.review.ready_to_send(item, "open it in your mail app"):
            return
        self.mail.send(item)

    def export_current(self, extension: str) -> None:
        """Ask where, then write the message on review as ``extension`` (".eml", ".pdf",
        ".txt", ".html"); an .eml or .pdf only once no "[placeholder]" is left (or the user
        sends it anyway), as for the draft."""
        item = self.current()
        if item is None or item.draft is None:
            return
        if extension in (".eml", ".pdf") and not self.review.ready_to_send(item, "export it"):
            return
        self.mail.export(item, extension)

    @Slot()
    def mark_current_sent(self) -> None:
        """Keep the message on review as a sent withdrawal linked to its application (which
        is marked withdrawn), then go to the next one not sent."""
        item = self.current()
        if item is None or item.draft is None or item.record_id:
            return
        if not self.review.ready_to_send(item, "mark it as sent"):
            return
        history, row = self._history(), self.item_list.currentRow()
        if self._run(self._mark_accepted) is None:
            return
        record_id = self._run(lambda: keep_sent(history, item, self.batch_note()))
        if record_id is None:
            return
        self.items[row] = dataclasses.replace(item, record_id=record_id)
        waiting = [i for i, it in enumerate(self.items) if not it.record_id]
        self._fill_list(next((i for i in waiting if i > row), waiting[0] if waiting else row))
        company = item.stored.application.company
        if waiting:
            self.show_message(f"{company}: kept as sent. Next: {len(waiting)} to go.")
        else:
            self.show_message(f"All {len(self.items)} sent and kept in your history; their "
                              "follow-ups are in Coming up.")  # fmt: skip

    def _mark_accepted(self) -> bool:
        """The offer chosen as accepted is marked accepted (once the first message goes
        out), so that no later batch drafts to it."""
        chosen = self.choices.accepted_id()
        if chosen and chosen in self.open_applications:
            from bowout.services.batch import mark_accepted

            stored = mark_accepted(self._history(), chosen)
            self.open_applications[stored.id] = stored
        return True

    def batch_note(self) -> str:
        """The notes of each record of this batch (see :func:`batch_note`)."""
        accepted = self.open_applications.get(self.accepted_combo.currentData() or "")
        offer = self.reason() is Reason.OTHER_OFFER
        return batch_note(self.drafted_on, self.reason_combo.currentText(),
                          accepted.application if offer and accepted else None)  # fmt: skip

    @Slot(str)
    def history_changed(self, _record_id: str) -> None:
        """The history changed elsewhere: list again now if in sight (else on showing)."""
        if self.isVisible():
            self.view_shown()

    def view_shown(self) -> None:
        """The view came into sight: list the open applications."""
        self.load_applications()


def make(host: ViewHost) -> BatchView | None:
    """The batch view (None without a history: there would be no applications to tell)."""
    if host.context.history is None:
        return None
    view = BatchView(host.context)
    host.events.changed.connect(view.history_changed)
    return view
