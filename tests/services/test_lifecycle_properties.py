"""Random sequences of a record's life (draft, edit, send, reply, note, delete, undo, batch,
conflict): a sent message never changes, and no record is lost or hidden."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import tempfile
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from services_helpers import make_record

from bowout.core.applications import Application
from bowout.core.errors import BowOutError
from bowout.core.situation import Stage
from bowout.services import batch as batches
from bowout.services import records
from bowout.storage import History, HistoryError, Record
from bowout.storage.conflicts import SaveConflict
from bowout.storage.lifecycle import SentMessage, sent_messages

texts = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=40)
picks = st.integers(min_value=0, max_value=1_000)


class Lifecycle(RuleBasedStateMachine):
    """The history against a model: which ids are live or in the trash, and what each one's
    sent messages are (only marking sent adds one, only undoing it takes it away)."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="bowout-life-"))
        self.history = History.open(self.folder)
        self.live: set[str] = set()
        self.trashed: set[str] = set()
        self.sent: dict[str, list[SentMessage]] = {}
        self.stale: dict[str, Record] = {}
        #: Versions kept beside the one another window saved (what that window had).
        self.copies: set[str] = set()

    def teardown(self) -> None:
        self.history.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _pick(self, pool: set[str], index: int) -> str:
        # In the order they were made: ids are random, so sorting them would let the same
        # draws pick different records from one run to the next.
        ordered = [record_id for record_id in self.sent if record_id in pool]
        return ordered[index % len(ordered)]

    def _kept(self, record_id: str) -> None:
        self.sent[record_id] = sent_messages(self.history.get(record_id))

    @rule(company=texts)
    def draft(self, company: str) -> None:
        record = records.save_draft(self.history, make_record(company.strip()[:60] or "Acme"))
        self.live.add(record.id)
        self.sent[record.id] = []

    @precondition(lambda self: self.live)
    @rule(index=picks, body=texts, subject=texts)
    def edit(self, index: int, body: str, subject: str) -> None:
        record = self.history.get(self._pick(self.live, index))
        self.stale.setdefault(record.id, record)
        changed = dataclasses.replace(record, body_text=body, subject=subject.replace("\n", " "))
        try:
            records.save_draft(self.history, changed)
        except HistoryError:
            assert record.status == "sent" and (
                body != record.body_text or changed.subject != record.subject
            )

    @precondition(lambda self: self.live)
    @rule(index=picks)
    def send(self, index: int) -> None:
        record_id = self._pick(self.live, index)
        was_sent = bool(self.sent[record_id])
        try:
            records.mark_sent(self.history, record_id)
        except HistoryError:
            assert was_sent  # only a second sending is refused
            return
        assert not was_sent
        self._kept(record_id)

    @precondition(lambda self: self.live)
    @rule(index=picks)
    def undo_sent(self, index: int) -> None:
        record_id = self._pick(self.live, index)
        try:
            records.undo_sent(self.history, record_id)
        except HistoryError:
            return  # not sent, or a reply is kept: nothing changed
        self.sent[record_id] = []

    @precondition(lambda self: self.live)
    @rule(index=picks, words=texts, kind=st.sampled_from(["accepted", "asked-why", "repayment"]))
    def reply(self, index: int, words: str, kind: str) -> None:
        record_id = self._pick(self.live, index)
        try:
            records.record_reply(self.history, record_id, kind, text=words)
        except BowOutError:
            assert not self.sent[record_id]

    @precondition(lambda self: self.live)
    @rule(index=picks, words=texts.filter(str.strip))
    def note(self, index: int, words: str) -> None:
        records.record_call_note(self.history, self._pick(self.live, index), words)

    @precondition(lambda self: self.live)
    @rule(index=picks)
    def delete(self, index: int) -> None:
        record_id = self._pick(self.live, index)
        self.history.delete(record_id)
        self.live.discard(record_id)
        self.trashed.add(record_id)

    @precondition(lambda self: self.trashed)
    @rule(index=picks)
    def undo_delete(self, index: int) -> None:
        record_id = self._pick(self.trashed, index)
        self.history.restore(record_id)
        self.trashed.discard(record_id)
        self.live.add(record_id)

    @rule(company=texts, stage=st.sampled_from([Stage.SCREENING, Stage.FINAL]), again=st.booleans())
    def batch(self, company: str, stage: Stage, again: bool) -> None:
        name = f"Batch {company.strip()[:40]}"
        try:
            app_id = self.history.applications.add(Application(company=name, stage=stage))
        except HistoryError:
            return  # already kept under that name
        stored = self.history.applications.get(app_id)
        kept = batches.keep_sent(self.history, stored, make_record(name))
        if again:  # a re-run after a kill: the same withdrawal, never a second one
            assert batches.keep_sent(self.history, stored, make_record(name)).id == kept.id
        self.live.add(kept.id)
        self._kept(kept.id)
        assert self.history.applications.get(app_id).record_ids == (kept.id,)

    @precondition(lambda self: any(i in self.live for i in self.stale))
    @rule(index=picks, body=texts)
    def conflict(self, index: int, body: str) -> None:
        record_id = self._pick({i for i in self.stale if i in self.live}, index)
        old = self.stale.pop(record_id)
        try:
            saved = records.save_draft(self.history, dataclasses.replace(old, body_text=body))
        except SaveConflict as exc:  # another window saved first: both are kept
            self.live.add(exc.kept.id)
            self.copies.add(exc.kept.id)
            self._kept(exc.kept.id)
            return
        except HistoryError:
            return  # the stored one is sent: its message stays
        assert saved.id == record_id

    @invariant()
    def nothing_lost_or_hidden(self) -> None:
        assert {r.id for r in self.history.list()} == self.live
        assert {r.id for r in self.history.trash()} == self.trashed

    @invariant()
    def a_sent_message_never_changes(self) -> None:
        for record in [*self.history.list(), *self.history.trash()]:
            assert sent_messages(record) == self.sent[record.id]
            assert (record.status == "sent") == bool(self.sent[record.id])
            if (
                record.status == "sent" and record.id not in self.copies
            ):  # nothing revises: the record is what went out
                last = self.sent[record.id][-1]
                assert (record.subject, record.body_text) == (last.subject, last.text)


Lifecycle.TestCase.settings = settings(max_examples=30, stateful_step_count=20, deadline=None)
TestLifecycle = Lifecycle.TestCase


def test_the_sent_time_is_the_one_given() -> None:
    folder = Path(tempfile.mkdtemp(prefix="bowout-life-"))
    try:
        with History.open(folder) as history:
            record = records.save_draft(history, make_record())
            when = dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.timezone.utc)
            assert sent_messages(records.mark_sent(history, record.id, when))[0].at.startswith(
                "2026-01-02T03:04"
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
