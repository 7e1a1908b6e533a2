"""Moving to another computer: everything the user keeps, in one export, and its merge.

An export (``format: bowout-history``) has always carried the records; it now also holds
the applications still in play, the follow-ups' ticks and settle-by dates (the
``reminders`` table) and the remembered CSV column mappings. Older Bow Outs read such a
file as before (they look at ``records`` only), and a file without the new keys imports
as before. Everything in a file is checked before anything changes.

Merging never overwrites what the user decided on this computer: an application comes in
when its id is new (or its copy here is older), a tick or settle-by date only where this
computer has none, and a column mapping only for headers it has not seen.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bowout import readfile
from bowout.storage import atomic
from bowout.storage.applications import ImportMapping, StoredApplication
from bowout.storage.errors import HistoryError, os_error
from bowout.storage.io import ImportReport, export_bytes, parse_export
from bowout.storage.jsonstore import Docs
from bowout.storage.lifecycle import rewrites_sent
from bowout.storage.records import Record
from bowout.storage.reminder_store import MAX_UID_CHARS, ReminderState
from bowout.storage.schema import now

if TYPE_CHECKING:
    from bowout.storage.application_store import ApplicationStore
    from bowout.storage.record_docs import RecordDocs
    from bowout.storage.reminder_store import ReminderStore

#: The keys of an export beside ``records`` (each a list of documents).
EXTRA_KEYS = ("applications", "reminders", "import_mappings")


@dataclasses.dataclass(frozen=True)
class Extras:
    """The documents of an export beside its records, each checked."""

    applications: tuple[StoredApplication, ...] = ()
    reminders: tuple[ReminderState, ...] = ()
    mappings: tuple[ImportMapping, ...] = ()


@dataclasses.dataclass(frozen=True)
class ExtrasMerged:
    """How many of each came in (new here, or newer than the copy here)."""

    applications: int = 0
    follow_ups: int = 0
    mappings: int = 0


def extras_payload(
    applications: Iterable[StoredApplication],
    reminders: Iterable[ReminderState],
    mappings: Iterable[ImportMapping],
) -> dict[str, list[dict[str, Any]]]:
    """The export's keys beside ``records`` (JSON-ready)."""
    return {
        "applications": [a.to_dict() for a in applications],
        "reminders": [r.to_dict() for r in reminders],
        "import_mappings": [m.to_dict() for m in mappings],
    }


def parse_extras(data: object, path: Path) -> Extras:
    """Check the applications, follow-up states and mappings of a parsed export (absent
    keys are empty). Raises HistoryError naming the first damaged entry; nothing changed."""

    def bad(why: str) -> HistoryError:
        return HistoryError(f"{path.name} cannot be imported ({why}); the history was not changed.")

    if not isinstance(data, Mapping):
        return Extras()  # a bare list of records
    lists: dict[str, list[Any]] = {}
    for key in EXTRA_KEYS:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(d, Mapping) for d in value):
            raise bad(f"its {key.replace('_', ' ')} are not a list of objects")
        lists[key] = value
    applications = []
    for index, doc in enumerate(lists["applications"], start=1):
        try:
            applications.append(StoredApplication.from_dict(doc))
        except HistoryError as exc:
            raise bad(f"application {index}: {exc}") from None
    reminders = []
    for index, doc in enumerate(lists["reminders"], start=1):
        uid = doc.get("id")
        if not isinstance(uid, str) or not uid.strip() or len(uid) > MAX_UID_CHARS:
            raise bad(f"follow-up {index} has no usable id")
        reminders.append(ReminderState.from_dict(dict(doc)))
    mappings = []
    for index, doc in enumerate(lists["import_mappings"], start=1):
        try:
            mappings.append(ImportMapping.from_dict(doc))
        except HistoryError as exc:
            raise bad(f"column mapping {index}: {exc}") from None
    return Extras(tuple(applications), tuple(reminders), tuple(mappings))


def merge_extras(
    extras: Extras, applications: Docs, reminders: Docs, mappings: Docs
) -> ExtrasMerged:
    """Merge ``extras`` into the tables (inside the caller's transaction; see the module's
    rules). An application whose company and role is already kept under another id is
    left out: the user has it already."""
    kept_keys: dict[tuple[str, str], str] = {}
    for doc in applications.all():
        try:
            stored = StoredApplication.from_dict(doc)
        except HistoryError:
            continue
        kept_keys[stored.application.key()] = stored.id
    incoming: dict[str, dict[str, Any]] = {}
    for stored in extras.applications:
        here = applications.get(stored.id)
        owner = kept_keys.get(stored.application.key(), stored.id)
        if owner != stored.id:
            continue
        if here is None or stored.updated > str(here.get("updated", "")):
            incoming[stored.id] = stored.to_dict()
            kept_keys[stored.application.key()] = stored.id
    if incoming:
        applications.put_many(incoming)
    states: dict[str, dict[str, Any]] = {}
    for state in extras.reminders:
        here = reminders.get(state.uid)
        if here is None or not (here.get("done") or here.get("settle_by")):
            states[state.uid] = state.to_dict()
    if states:
        reminders.put_many(states)
    columns = {m.key: m.to_dict() for m in extras.mappings if not mappings.has(m.key)}
    if columns:
        mappings.put_many(columns)
    return ExtrasMerged(len(incoming), len(states), len(columns))


class Transfer:
    """Export and import of everything kept (``History.transfer``): the records ``docs``,
    the ``applications`` and the follow-ups' state in ``reminders``, of one file."""

    def __init__(
        self, docs: RecordDocs, applications: ApplicationStore, reminders: ReminderStore
    ) -> None:
        self._docs = docs
        self._file = docs.file
        self._applications = applications
        self._reminders = reminders

    def export_json(self, path: Path) -> int:
        """Write everything the user keeps to ``path`` as JSON, to move to another computer:
        every record (not the trash), the applications, the follow-ups' ticks and settle-by
        dates and the remembered CSV column mappings. Returns the count of records."""
        records = self._docs.newest_first()
        extras = extras_payload(
            self._applications.list(), self._reminders.states().values(),
            self._applications.mappings(),
        )  # fmt: skip
        if path.resolve() == self._file.path.resolve():
            raise HistoryError("Choose another file to export to than the history itself.")
        try:
            atomic.atomic_write_bytes(path, export_bytes(records, extras))
        except OSError as exc:
            raise os_error(exc, f"export to {path.name}", path) from exc
        return len(records)

    def import_json(self, path: Path) -> ImportReport:
        """Merge records from an export by id: new ones added, newer versions applied."""
        try:
            raw = readfile.read_bytes(path, readfile.DATA_LIMIT)
        except readfile.UnreadableFile as exc:
            raise HistoryError(
                f"{path.name} cannot be imported ({exc.why}); the history was not changed."
            ) from None
        except OSError as exc:
            raise os_error(exc, f"read {path.name}", path) from exc
        # Everything is checked before anything changes.
        incoming, data = parse_export(raw, path)
        extras = parse_extras(data, path)
        added = updated = skipped = 0
        with self._file.transaction():
            file = self._file
            merged = merge_extras(extras, file.applications, file.reminders, file.mappings)
            changes: dict[str, dict[str, Any]] = {}
            for record in incoming:
                existing = self._file.records.get(record.id)
                if record.id and self._file.trash.has(record.id):
                    skipped += 1  # the user deleted it here; they can restore it from the trash
                elif existing is None:
                    stamp = now()
                    record.id = record.id or uuid.uuid4().hex
                    record.created = record.created or stamp
                    record.updated = record.updated or stamp
                    changes[record.id] = _owned_dict(record)
                    added += 1
                elif record.updated > str(existing["updated"]):
                    if rewrites_sent(self._docs.to_record(existing, strict=True), record):
                        record.id = uuid.uuid4().hex  # kept beside it: what was sent stays
                        added += 1
                    else:
                        updated += 1
                    changes[record.id] = _owned_dict(record)
                else:
                    skipped += 1
            if changes:
                self._file.records.put_many(changes)  # one batch: a 10k import was quadratic
        return ImportReport(
            added=added, updated=updated, skipped=skipped, applications=merged.applications,
            follow_ups=merged.follow_ups, mappings=merged.mappings,
        )  # fmt: skip


def _owned_dict(record: Record) -> dict[str, Any]:
    """The dict form of a record parsed for this import alone (nothing else holds its
    nested values, so they are not copied again: 10,000 records, 100,000 dicts)."""
    return dict(vars(record))
