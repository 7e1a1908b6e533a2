"""A record keeps the language its message is written in and its form of address (schema
4, issue 26); the timeline's "message sent" says the language it went out in."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from storage_helpers import make_record

from bowout.core import Composer, Profile, Situation, Stage
from bowout.core.vocabulary import Address
from bowout.storage import SCHEMA_VERSION, History, HistoryError, Record
from bowout.storage.lifecycle import sent_messages
from fixture_packs import forget_packs, install_packs


@pytest.fixture
def packs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    yield install_packs(tmp_path / "templates", monkeypatch)
    forget_packs()


def _saved(**changes: Any) -> dict[str, Any]:
    data = make_record().to_dict()
    data.update(id="0" * 32, created="2026-01-31T09:00:00.000000Z")
    data["updated"] = data["created"]
    data.update(changes)
    return data


def test_a_record_keeps_the_language_and_address(packs: Path, data_dir: Path) -> None:
    situation = Situation(stage=Stage.OFFER, company="Northwind", contact="Jo Lee",
                          language="xx", address=Address.INFORMAL)  # fmt: skip
    draft = Composer().compose(situation, Profile("Maya"))
    record = Record.from_draft(draft)
    assert (record.language, record.address) == ("xx", "informal")
    with History.open(data_dir) as history:
        kept = history.add(record)
        sent = history.lifecycle.mark_sent(kept.id)
    with History.open(data_dir) as history:
        again = history.get(sent.id)
    assert (again.language, again.address) == ("xx", "informal")
    rebuilt = again.situation()
    assert (rebuilt.language, rebuilt.address) == ("xx", Address.INFORMAL)
    (message,) = sent_messages(again)
    assert message.language == "xx" and message.text == draft.body_text
    assert "Content-Language: xx" in again.timeline[0]["text"]
    # Once sent, the language is part of what went out.
    with History.open(data_dir) as history, pytest.raises(HistoryError, match="language"):
        history.update(dataclasses.replace(again, language="en"))


def test_an_english_sent_message_reads_as_english(data_dir: Path) -> None:
    with History.open(data_dir) as history:
        sent = history.lifecycle.mark_sent(history.add(make_record()).id)
    (message,) = sent_messages(sent)
    assert message.language == "en" and "Content-Language" not in sent.timeline[0]["text"]


def test_a_schema_3_record_is_english_and_formal() -> None:
    old = _saved(schema_version=3)
    del old["language"], old["address"]
    record = Record.from_dict(old)
    assert (record.language, record.address) == ("en", "formal")
    assert record.schema_version == SCHEMA_VERSION >= 4
    assert record.country == ""


def test_the_country_of_the_job_is_kept(data_dir: Path) -> None:
    situation = Situation(stage=Stage.ACCEPTED, company="Northwind", country="CH")
    record = Record.from_draft(Composer().compose(situation, Profile("Maya")))
    with History.open(data_dir) as history:
        kept = history.add(record)
    with History.open(data_dir) as history:
        assert history.get(kept.id).situation().country == "CH"
    with pytest.raises(HistoryError, match="country"):
        Record.from_dict(_saved(country="Schweiz"))


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("language", "German"),
        ("language", ""),
        ("language", 3),
        ("address", "Sie"),
        ("address", None),
    ],
)
def test_a_wrong_language_or_address_is_refused(field: str, value: object) -> None:
    with pytest.raises(HistoryError, match=field):
        Record.from_dict(_saved(**{field: value}))


def test_a_language_without_a_pack_here_is_kept_and_drafts_in_english() -> None:
    record = Record.from_dict(_saved(language="it", address="honorific"))
    assert record.language == "it" and record.to_dict()["language"] == "it"
    assert set(record.not_understood) >= {"language 'it'", "form of address 'honorific'"}
    situation = record.situation()
    assert (situation.language, situation.address) == ("en", Address.FORMAL)
