"""Tell the others: which applications a batch writes to, and keeping each one atomically.

The offer the user accepted is marked ``accepted`` (an application state, see
:data:`bowout.storage.applications.STATES`) and never drafted to. A batch refuses, in one
line, when an open application looks accepted (its stage is ``accepted``) but the batch was
not told it is the one taken: drafting to it would rescind the offer just accepted.
Each application's withdrawal is one atomic write (``History.withdrawals.keep``), and
running the batch again finishes what an interrupted run left, never keeping a second one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from bowout.core.errors import InputError
from bowout.core.situation import Stage
from bowout.storage.applications import ACCEPTED, OPEN

if TYPE_CHECKING:
    from bowout.core.draft import Draft
    from bowout.storage import History, Record, StoredApplication


@dataclasses.dataclass(frozen=True)
class BatchPlan:
    """Who a batch writes to (``others``, open applications, by company) and the accepted
    application (None when the batch's reason is not an accepted offer in this list)."""

    accepted: StoredApplication | None
    others: tuple[StoredApplication, ...]


def label(stored: StoredApplication) -> str:
    """``Company — Role`` as a person reads an application."""
    app = stored.application
    return " — ".join(part for part in (app.company, app.role) if part)


def find_application(history: History, given: str) -> StoredApplication:
    """The one kept application whose id starts with ``given`` or whose company (or
    ``Company — Role``) is ``given``, ignoring case; InputError when none or several are."""
    wanted = given.strip().casefold()
    kept = history.applications.list()
    found = [s for s in kept if wanted and s.id.startswith(wanted)]
    if not found:
        found = [s for s in kept if wanted in (s.application.company.casefold(),
                                               label(s).casefold())]  # fmt: skip
    if len(found) == 1:
        return found[0]
    if found:
        names = "; ".join(f"{s.id[:8]} {label(s)}" for s in found)
        raise InputError(f"{given!r} matches {len(found)} applications ({names}); give its id")
    raise InputError(f"no application matches {given!r} (see: bowout applications list)")


def plan(history: History, accepted: str | None = None) -> BatchPlan:
    """Mark the application named by ``accepted`` (an id start or company) as the accepted
    offer, in one save, and return who to tell: every other open application.

    InputError when ``accepted`` matches no application or several, or when an open
    application at stage ``accepted`` is left to be told (see the module docstring).
    """
    taken = find_application(history, accepted) if accepted else None
    if taken is not None and taken.state != ACCEPTED:
        if taken.state != OPEN:
            raise InputError(f"{label(taken)} is {taken.state}, not open; name the offer taken")
        taken = history.applications.set_state(taken.id, ACCEPTED)
    others = tuple(s for s in history.applications.list(OPEN) if taken is None or s.id != taken.id)
    looks = [s for s in others if s.application.stage is Stage.ACCEPTED]
    if looks:
        first = looks[0]
        raise InputError(
            f"{label(first)} is at stage accepted: is that the offer you took? Name it with "
            f"--accepted {first.id[:8]}; if you are rescinding it, draft that one on its own "
            "(bowout draft --stage accepted); nothing was drafted"
        )
    return BatchPlan(taken, others)


def mark_accepted(history: History, application_id: str) -> StoredApplication:
    """Mark the application whose offer the user took as ``accepted`` (never drafted to
    again); one already accepted, withdrawn or in another state is returned as it is."""
    stored = history.applications.get(application_id)
    if stored.state != OPEN:
        return stored
    return history.applications.set_state(application_id, ACCEPTED)


def keep_sent_message(
    history: History, stored: StoredApplication, draft: Draft, *, subject: str, body_text: str,
    body_html: str | None, notes: str,
) -> Record:  # fmt: skip
    """Keep the message the user sent for ``stored`` (``draft`` with their subject and text;
    ``body_html`` None: the draft's own) as its sent withdrawal: see :func:`keep_sent`."""
    from bowout.storage import Record

    record = Record.from_draft(
        draft, notes=notes, subject=subject, body_text=body_text, body_html=body_html
    )
    return keep_sent(history, stored, record)


def keep_draft(history: History, stored: StoredApplication, draft: Draft) -> Record:
    """Keep ``draft`` as the application's withdrawal draft, linked, in one write (a draft
    kept for it by an earlier run is refreshed, not doubled)."""
    from bowout.storage import Record

    return history.withdrawals.keep(stored.id, Record.from_draft(draft))


def keep_sent(
    history: History, stored: StoredApplication, record: Record, when: dt.datetime | None = None
) -> Record:
    """Keep ``record`` (the message as the user sent it) as the application's sent
    withdrawal, linked, and the application withdrawn: one write. Already kept: returned."""
    return history.withdrawals.keep(
        stored.id, record, sent=when or dt.datetime.now(dt.timezone.utc)
    )
