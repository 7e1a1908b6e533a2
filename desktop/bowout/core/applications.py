"""Open applications: the ones still in play, each of which may get its own withdrawal."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any

from bowout.core.errors import InputError
from bowout.core.situation import MAX_FIELD_CHARS, Stage, check_email_address, single_line
from bowout.core.textclean import clean_text

#: Fields an application has, in the order a table shows them.
FIELDS = ("company", "role", "contact", "contact_email", "recruiter", "stage", "applied", "notes")

#: Status words that job trackers and spreadsheets use, lowercased, by stage. A status that
#: is not here is asked about; CLOSED ones are not open applications at all.
STATUS_WORDS: dict[str, Stage] = {
    **dict.fromkeys(
        ("applied", "application sent", "submitted", "sent", "new", "saved", "bookmarked",
         "wishlist", "to apply"),
        Stage.APPLIED,
    ),
    **dict.fromkeys(
        ("phone screen", "screen", "screening", "recruiter call", "recruiter screen",
         "hr screen", "hr call", "first interview", "intro call", "initial call"),
        Stage.SCREENING,
    ),
    **dict.fromkeys(
        ("interview", "interviewing", "interviews", "second interview", "second round",
         "technical interview", "tech interview", "onsite", "on-site", "take-home",
         "assessment", "in progress"),
        Stage.INTERVIEWING,
    ),
    **dict.fromkeys(("final", "final interview", "final round", "final stage"), Stage.FINAL),
    **dict.fromkeys(("offer", "offer received", "offered", "negotiating"), Stage.OFFER),
    **dict.fromkeys(("accepted", "offer accepted", "hired", "signed"), Stage.ACCEPTED),
}  # fmt: skip
CLOSED = frozenset(
    {"rejected", "declined", "withdrawn", "closed", "no response", "ghosted", "not selected",
     "archived", "position filled"}
)  # fmt: skip


def stage_for_status(status: str) -> Stage | None:
    """The stage a tracker's status word means, or None when it is not known."""
    key = re.sub(r"[\s_]+", " ", status.strip().casefold())
    key = re.sub(r"^\d+[.)]?\s*", "", key)  # "3. Interview" in numbered pipelines
    return STATUS_WORDS.get(key)


@dataclasses.dataclass(frozen=True)
class Application:
    """One application in play. ``applied`` is when the user applied, if known."""

    company: str
    role: str = ""
    contact: str = ""
    contact_email: str = ""
    recruiter: str = ""
    stage: Stage = Stage.APPLIED
    applied: dt.date | None = None
    notes: str = ""

    def __post_init__(self) -> None:
        for name in ("company", "role", "contact", "recruiter"):
            value = single_line(getattr(self, name))
            if len(value) > MAX_FIELD_CHARS:
                raise InputError(f"{name} is longer than {MAX_FIELD_CHARS} characters")
            object.__setattr__(self, name, value)
        if not self.company:
            raise InputError("an application needs the company")
        object.__setattr__(self, "contact_email", check_email_address(self.contact_email))
        object.__setattr__(self, "notes", clean_text(self.notes))  # pasted from anywhere

    def key(self) -> tuple[str, str]:
        """What makes two rows the same application: company and role, case and spaces
        aside."""
        return (self.company.casefold(), " ".join(self.role.casefold().split()))

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (stage as its identifier, date as YYYY-MM-DD)."""
        data = dataclasses.asdict(self)
        data["stage"] = self.stage.value
        data["applied"] = self.applied.isoformat() if self.applied else None
        return data
