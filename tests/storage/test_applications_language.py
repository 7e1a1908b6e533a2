"""Applications remember the employer's language and form of address (issue 26), and a
history written before they did keeps working: nothing in it is lost."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import orjson
import pytest

from bowout.core.applications import Application
from bowout.core.errors import InputError
from bowout.core.vocabulary import Address
from bowout.storage import History, HistoryError
from bowout.storage.applications import StoredApplication, migrate_application

#: An application document as Bow Out kept it before issue 26 (file format 2): no
#: ``language``, no ``address``.
OLD_DOC = {
    "id": "0123456789abcdef0123456789abcdef",
    "company": "Schäfer GmbH",
    "role": "Analyst",
    "contact": "Frau Schäfer",
    "contact_email": "schaefer@example.de",
    "recruiter": "",
    "stage": "interviewing",
    "applied": "2026-10-01",
    "notes": "Met twice",
    "state": "open",
    "record_ids": ["fedcba9876543210fedcba9876543210"],
    "created": "2026-10-01T09:00:00.000000Z",
    "updated": "2026-10-02T09:00:00.000000Z",
}


def write_old_history(data_dir: Path) -> Path:
    """A history file of the previous application schema (format 2, no language)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "history.json"
    tables = {
        "meta": {"format_version": 2},
        "records": {},
        "trash": {},
        "applications": {OLD_DOC["id"]: OLD_DOC},
        "import_mappings": {},
        "reminders": {},
    }
    path.write_bytes(orjson.dumps(tables))
    return path


def test_an_application_of_the_previous_schema_reads_as_english_and_formal(
    tmp_path: Path,
) -> None:
    write_old_history(tmp_path / "data")
    with History.open(tmp_path / "data") as history:
        [stored] = history.applications.list()
        assert history.applications.damaged() == []
    assert stored.application.language == "en"
    assert stored.application.address is Address.FORMAL
    # Nothing else changed: every field of the old document is read back as it was.
    assert {k: v for k, v in stored.to_dict().items() if k in OLD_DOC} == OLD_DOC


def test_changing_an_old_application_keeps_every_field_and_adds_its_language(
    tmp_path: Path,
) -> None:
    path = write_old_history(tmp_path / "data")
    with History.open(tmp_path / "data") as history:
        old = history.applications.get(OLD_DOC["id"])
        changed = dataclasses.replace(old.application, language="de", address=Address.INFORMAL)
        history.applications.update(old.id, changed)
    doc = orjson.loads(path.read_bytes())["applications"][OLD_DOC["id"]]
    assert doc["language"] == "de" and doc["address"] == "informal"
    kept = {k: v for k, v in doc.items() if k not in ("language", "address", "updated")}
    assert kept == {k: v for k, v in OLD_DOC.items() if k != "updated"}
    with History.open(tmp_path / "data") as history:
        again = history.applications.get(OLD_DOC["id"])
    assert (again.application.language, again.application.address) == ("de", Address.INFORMAL)
    assert again.record_ids == tuple(OLD_DOC["record_ids"])


def test_the_language_and_address_survive_a_save_and_an_export(tmp_path: Path) -> None:
    application = Application(company="Dupont", language="fr", address=Address.INFORMAL)
    with History.open(tmp_path / "a") as history:
        app_id = history.applications.add(application)
        history.transfer.export_json(tmp_path / "all.json")
    with History.open(tmp_path / "b") as other:
        other.transfer.import_json(tmp_path / "all.json")
        moved = other.applications.get(app_id).application
    assert moved == application


def test_a_language_without_a_pack_here_is_kept_as_it_is(tmp_path: Path) -> None:
    """A newer Bow Out may write Italian: this one keeps it rather than calling it damage."""
    with History.open(tmp_path) as history:
        app_id = history.applications.add(Application(company="Rossi", language="it"))
        stored = history.applications.get(app_id)
        history.applications.update(app_id, dataclasses.replace(stored.application, role="PM"))
        assert history.applications.get(app_id).application.language == "it"


def test_a_language_that_is_no_code_is_damage_and_said(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="language must be a language code"):
        Application(company="Acme", language="German!")
    with pytest.raises(HistoryError, match="language must be a language code"):
        StoredApplication.from_dict({**OLD_DOC, "language": "German!"})
    with pytest.raises(HistoryError, match="damaged"):
        StoredApplication.from_dict({**OLD_DOC, "address": "royal"})


def test_the_migration_fills_only_what_is_missing() -> None:
    assert migrate_application(OLD_DOC) == {**OLD_DOC, "language": "en", "address": "formal"}
    newer = {**OLD_DOC, "language": "es", "address": "informal"}
    assert migrate_application(newer) == newer
