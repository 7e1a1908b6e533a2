"""A format-1 history (written by Bow Out before open applications) opens and gains them.

``data/history-format1.json`` was written by the History of format 1: three records, one
sent, one in the trash.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson

from bowout.core.applications import Application
from bowout.storage import History
from bowout.storage.jsonstore import APPLICATIONS, FORMAT_VERSION, IMPORT_MAPPINGS
from bowout.storage.schema import migrate

FIXTURE = Path(__file__).parent / "data" / "history-format1.json"


def test_a_format_1_file_opens_unchanged_and_gains_the_tables_on_the_next_write(
    data_dir: Path,
) -> None:
    original = orjson.loads(FIXTURE.read_bytes())
    assert original["meta"] == {"format_version": 1} and APPLICATIONS not in original
    shutil.copy(FIXTURE, data_dir / "history.json")
    with History.open(data_dir) as history:
        assert history.recovery_message is None
        assert history.applications.list() == []
        records = {r.id: r.to_dict() for r in history.list()}
        assert (data_dir / "history.json").read_bytes() == FIXTURE.read_bytes()  # read only
        # Read as today's records (a later schema fills in its new fields), nothing lost.
        assert records == {key: migrate(dict(doc)) for key, doc in original["records"].items()}
        assert [r.id for r in history.trash()] == list(original["trash"])
        app_id = history.applications.add(Application(company="Globex", role="Analyst"))
    data = orjson.loads((data_dir / "history.json").read_bytes())
    assert data["meta"] == {"format_version": FORMAT_VERSION} and FORMAT_VERSION == 2
    assert data["records"] == original["records"]  # every record intact, byte for byte
    assert data["trash"] == original["trash"]
    assert list(data[APPLICATIONS]) == [app_id] and data[IMPORT_MAPPINGS] == {}
    with History.open(data_dir) as history:
        sent = [r for r in history.list() if r.status == "sent"]
        assert [r.company for r in sent] == ["Contoso"] and sent[0].sent
        assert history.applications.get(app_id).application.company == "Globex"


def test_a_format_1_file_gains_the_tables_when_a_record_is_saved(data_dir: Path) -> None:
    shutil.copy(FIXTURE, data_dir / "history.json")
    with History.open(data_dir) as history:
        victim = history.list()[0]
        history.delete(victim.id)
    data = orjson.loads((data_dir / "history.json").read_bytes())
    assert data[APPLICATIONS] == {} and data["meta"]["format_version"] == FORMAT_VERSION
    assert victim.id in data["trash"]
