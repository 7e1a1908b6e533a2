"""What the status words of job trackers and spreadsheets mean to Bow Out.

Every answer a status word can have is here, in one place: a stage (the application is in
play, that far along), :data:`CLOSED` (it is over: rejected, withdrawn, expired; nothing to
withdraw from), :data:`SAVED` (a job saved but not applied to: kept, with nothing to
withdraw, and never drafted to by Tell the others or ``bowout batch``) or :data:`SKIP`
(leave these rows out of this import). A word meaning the offer was *accepted* is
:data:`ACCEPTED_OFFER`: importing it as the stage ``accepted`` would mean rescinding, so it
is imported as an accepted application only where the history can keep one
(``accepted`` among the application states), and is asked about otherwise.

The words come from the trackers' own lists (see ``TRACKER_WORDS``) and the usual
spreadsheet templates; a word not here is asked about, once, and the answer is remembered
with the file's columns.
"""

from __future__ import annotations

import re
import unicodedata

from bowout.core.situation import Stage

#: Answers besides the stages (the identifiers the CLI's ``--status WORD=ANSWER`` takes).
CLOSED = "closed"
SAVED = "saved"
SKIP = "skip"
#: The table's own answer for "offer accepted": never given by a person, never a stage.
ACCEPTED_OFFER = "accepted-offer"
#: The application state an accepted offer is kept in, where the history has it.
ACCEPTED_STATE = "accepted"
#: What a person may answer for a status word: a stage identifier or one of these.
ANSWERS = (*(s.value for s in Stage), CLOSED, SAVED, SKIP)

_STAGE = {s: s.value for s in Stage}
#: Status words of known trackers, each with its answer. Confirmed by a public source:
#: JobSync (its seeded JobStatus table and the 2026 offer outcomes, in Gsync/jobsync) and
#: Huntr (a board's default lists, as mattmck/huntr-cli's docs/API-ENDPOINTS.md documents
#: Huntr's API). Teal and Notion: no public documentation or source was found; their words
#: here are the ones their users report, and any other word is asked about.
TRACKER_WORDS: dict[str, dict[str, str]] = {
    "JobSync": {
        "Draft": SAVED, "Applied": _STAGE[Stage.APPLIED], "Interview": _STAGE[Stage.INTERVIEWING],
        "Offer": _STAGE[Stage.OFFER], "Offer Accepted": ACCEPTED_OFFER,
        "Offer Declined": CLOSED, "Rejected": CLOSED, "Expired": CLOSED, "Archived": CLOSED,
    },
    "Huntr": {
        "Wishlist": SAVED, "Applied": _STAGE[Stage.APPLIED],
        "Interview": _STAGE[Stage.INTERVIEWING], "Offer": _STAGE[Stage.OFFER],
        "Rejected": CLOSED,
    },
    "Teal": {
        "Bookmarked": SAVED, "Applying": SAVED, "Applied": _STAGE[Stage.APPLIED],
        "Interviewing": _STAGE[Stage.INTERVIEWING], "Negotiating": _STAGE[Stage.OFFER],
        "Accepted": ACCEPTED_OFFER, "I Withdrew": CLOSED, "Not Selected": CLOSED,
        "No Response": CLOSED,
    },
    "Notion": {
        "Not started": SAVED, "To apply": SAVED, "Applied": _STAGE[Stage.APPLIED],
        "In progress": _STAGE[Stage.INTERVIEWING], "Interviewing": _STAGE[Stage.INTERVIEWING],
        "Offer": _STAGE[Stage.OFFER], "Rejected": CLOSED,
    },
}  # fmt: skip

#: Other words, lowercased, by answer: spreadsheet templates and the words people type.
_WORDS: dict[str, tuple[str, ...]] = {
    SAVED: ("saved", "wishlist", "wish list", "bookmarked", "to apply", "draft", "interested",
            "not applied", "not applied yet", "not yet applied", "prospect", "prospective",
            "researching", "planned", "watchlist", "want to apply", "applying", "favorite"),
    Stage.APPLIED.value: ("applied", "application sent", "application submitted", "submitted",
                          "sent", "new", "in review", "under review", "awaiting response",
                          "waiting", "pending"),
    Stage.SCREENING.value: ("phone screen", "screen", "screening", "recruiter call",
                            "recruiter screen", "hr screen", "hr call", "first interview",
                            "intro call", "initial call", "phone interview"),
    Stage.INTERVIEWING.value: ("interview", "interviewing", "interviews", "second interview",
                               "second round", "technical interview", "tech interview",
                               "onsite", "on site", "take home", "assessment", "in progress",
                               "interview scheduled", "interviewed"),
    Stage.FINAL.value: ("final", "final interview", "final round", "final stage"),
    Stage.OFFER.value: ("offer", "offer received", "offered", "negotiating", "negotiation"),
    ACCEPTED_OFFER: ("accepted", "offer accepted", "hired", "signed", "offer signed"),
    CLOSED: ("rejected", "declined", "withdrawn", "closed", "no response", "ghosted",
             "not selected", "archived", "position filled", "offer declined",
             "declined offer", "expired", "i withdrew", "withdrew", "no longer interested",
             "not interested", "no offer", "unsuccessful", "cancelled", "canceled",
             "job closed", "posting closed", "lost", "turned down"),
}  # fmt: skip


def status_key(word: str) -> str:
    """How a status word is looked up: NFC, case-folded, numbering ("3. "), emoji and
    punctuation around it dropped, hyphens and underscores as spaces."""
    key = unicodedata.normalize("NFC", word).casefold()
    key = re.sub(r"[\s_\-]+", " ", key).strip()
    key = re.sub(r"^[^\w]+|[^\w]+$", "", key)  # "🟢 Applied", "Offer!"
    key = re.sub(r"^\d+\s*[.):]?\s*", "", key)  # "3. Interview" in numbered pipelines
    return key


STATUS_ANSWERS: dict[str, str] = {
    **{status_key(word): answer for answer, words in _WORDS.items() for word in words},
    **{
        status_key(word): answer
        for words in TRACKER_WORDS.values()
        for word, answer in words.items()
    },
}


def answer_for(word: str) -> str | None:
    """The answer the table gives for a status word (a stage identifier, CLOSED, SAVED or
    ACCEPTED_OFFER), or None when the word is not known."""
    return STATUS_ANSWERS.get(status_key(word))


def check_answer(word: str, answer: str) -> str:
    """A person's answer for ``word``, checked: one of :data:`ANSWERS` (ValueError with the
    list otherwise). "accepted" is the stage: rescinding an accepted offer."""
    answer = answer.strip().casefold()
    if answer not in ANSWERS:
        raise ValueError(
            f"{answer!r} (for {word!r}) is not a stage or answer; use one of {', '.join(ANSWERS)}"
        )
    return answer
