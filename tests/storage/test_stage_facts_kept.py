"""A kept or imported withdrawal with a fact its stage cannot have (issue 21: money paid
before an offer, say, from an older Bow Out) loads and exports whole; only the texts drafted
from it again leave the fact out (``bowout.core.stage_facts.within_stage``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bowout.core.composer import Composer
from bowout.core.situation import Money, Profile, Situation, Stage
from bowout.storage import History, Record

TOLD = Situation(
    stage=Stage.APPLIED,
    language="de",
    company="Nordwind",
    contact="Jana Weber",
    relocation_assistance=Money.PAID,
    signing_bonus=Money.PROMISED,
    visa_petition_started=True,
    start_date=dt.date(2027, 3, 1),
)


def test_an_imported_record_keeps_every_fact_and_redrafts_without_them(
    history: History, tmp_path: Path
) -> None:
    composer = Composer(today=lambda: dt.date(2026, 12, 6))
    kept = history.add(Record.from_draft(composer.compose(TOLD, Profile(name="Sam"))))
    out = tmp_path / "export.json"
    history.transfer.export_json(out)
    other = History.open(tmp_path / "other")
    try:
        assert other.transfer.import_json(out).added == 1
        loaded = other.get(kept.id).situation()
    finally:
        other.close()
    assert loaded == TOLD  # nothing lost
    draft = composer.compose(loaded, Profile(name="Sam"))
    said = " ".join([draft.subject, draft.body_text, *(i.text for i in draft.checklist)])
    for word in ("Vereinbarung", "Umzug", "Visum", "Prämie", "repay", "petition", "2027"):
        assert word not in said, word
