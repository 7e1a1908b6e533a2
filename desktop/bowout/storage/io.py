"""Export and import files: a JSON document of records, validated completely before use."""

from __future__ import annotations

import codecs
import dataclasses
from collections.abc import Mapping
from pathlib import Path

import orjson

from bowout.storage.errors import HistoryError
from bowout.storage.records import Record
from bowout.storage.schema import SCHEMA_VERSION, now

#: The ``format`` marker of an export file.
EXPORT_FORMAT = "bowout-history"


@dataclasses.dataclass(frozen=True)
class ImportReport:
    """What an import did: records added, records updated, records left as they were."""

    added: int = 0
    updated: int = 0
    skipped: int = 0
    #: Applications, follow-up states (ticks, settle-by dates) and CSV column mappings
    #: that came in with a whole-data export (see :mod:`bowout.storage.transfer`).
    applications: int = 0
    follow_ups: int = 0
    mappings: int = 0


def export_bytes(records: list[Record], extras: Mapping[str, object] | None = None) -> bytes:
    """An indented, human-readable export of ``records`` (and ``extras``: the other
    tables' documents by key, see :mod:`bowout.storage.transfer`)."""
    payload = {
        "format": EXPORT_FORMAT,
        "schema_version": SCHEMA_VERSION,
        "exported": now(),
        "records": [record.to_dict() for record in records],
        **(extras or {}),
    }
    return orjson.dumps(payload, option=orjson.OPT_INDENT_2) + b"\n"


def parse_import(raw: bytes, path: Path) -> list[Record]:
    """Validate a whole import file (an export, or a bare list of records) or raise."""
    return parse_export(raw, path)[0]


def parse_export(raw: bytes, path: Path) -> tuple[list[Record], object]:
    """The checked records of an import file, and the parsed file itself (for the other
    tables it may carry). Raises HistoryError naming what is wrong."""

    def bad(why: str) -> HistoryError:
        return HistoryError(f"{path.name} cannot be imported ({why}); the history was not changed.")

    try:
        data = orjson.loads(raw.removeprefix(codecs.BOM_UTF8))  # a file re-saved in Notepad
    except orjson.JSONDecodeError:
        raise bad("it is not valid JSON") from None
    if isinstance(data, dict):
        if data.get("format") != EXPORT_FORMAT or not isinstance(data.get("records"), list):
            raise bad("it is not a Bow Out history export")
        items = data["records"]
    elif isinstance(data, list):
        items = data
    else:
        raise bad("it is not a Bow Out history export")
    records: list[Record] = []
    seen: set[str] = set()
    for index, item in enumerate(items, start=1):
        try:
            record = Record.from_dict(item)
        except HistoryError as exc:
            raise bad(f"record {index}: {exc}") from None
        if record.id and record.id in seen:
            raise bad(f"record {index} repeats the id {record.id}")
        seen.add(record.id)
        records.append(record)
    return records, data
