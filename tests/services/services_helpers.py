"""Records and applications for the use-case tests, composed by the real composer."""

from __future__ import annotations

from typing import Any

from bowout.core import Composer, Profile, Reason, Situation, Stage
from bowout.storage import Record

PROFILE = Profile("Maya Okafor", "maya@example.com", "555 0100")


def make_record(company: str = "Northwind", **changes: Any) -> Record:
    """An unsaved withdrawal to Jordan Lee <jordan@example.com> by email."""
    situation = Situation(
        stage=Stage.FINAL, reason=Reason.OTHER_OFFER, company=company, role="Data Analyst",
        contact="Jordan Lee", contact_email="jordan@example.com", keep_door_open=True,
    )  # fmt: skip
    record = Record.from_draft(Composer().compose(situation, PROFILE))
    for key, value in changes.items():
        setattr(record, key, value)
    return record
