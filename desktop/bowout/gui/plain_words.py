"""What the window says about a stored thing: its company and date, never an internal id.

The history's messages name records and applications by id, which the command line needs
(``bowout history show ID``). A person at the window never sees an id (issue 20), so every
message the window shows passes through :func:`plain_words` first.
"""

from __future__ import annotations

import re

from PySide6.QtGui import Qt as QtGuiNamespace

#: Storage messages about something that is gone -> what the window says instead.
_GONE = (
    (re.compile(r"No record with id '?[0-9a-f]+'? in the history to update\."),
     "This withdrawal is no longer in your history (it was deleted)."),
    (re.compile(r"No record with id '?[0-9a-f]+'? in the history\."),
     "This withdrawal is no longer in your history (it was deleted, perhaps in another "
     "window)."),
    (re.compile(r"No record with id '?[0-9a-f]+'? in the trash\."),
     "This withdrawal is no longer in the trash (it was restored, or the trash emptied, "
     "perhaps in another window)."),
    (re.compile(r"No application with id '?[0-9a-f]+'? in the history\."),
     "This application is no longer in your history (it was deleted, perhaps in another "
     "window)."),
    (re.compile(r"A record with id [0-9a-f]+ is already kept; update it\."),
     "This withdrawal is already in your history."),
    (re.compile(r"The application [0-9a-f]+ is already kept\."),
     "This application is already in your history."),
)  # fmt: skip
#: Any other id left in a message: a record's, an application's, or its 8-character start.
_ID = re.compile(r" ?\(?'?\b(?=[0-9a-f]*[0-9])(?=[0-9a-f]*[a-f])[0-9a-f]{8,32}\b'?\)?")


def plain_words(text: str) -> str:
    """``text`` with internal ids replaced by plain words (or left out)."""
    for pattern, words in _GONE:
        text = pattern.sub(words, text)
    return _ID.sub("", text)


def conflict_words(current: object, kept: object, changed: list[str]) -> str:
    """The window's words for a save over another window's change: the company and when
    each version was saved (the CLI's message names the ids to compare)."""
    from bowout.gui.models.history_model import local_time_text

    company = str(getattr(current, "company", "") or "")
    role = str(getattr(current, "role", "") or "")
    who = " — ".join(part for part in (company, role) if part)
    what = ", ".join(changed) or "nothing but the time"
    theirs = local_time_text(str(getattr(current, "updated", "") or ""))
    return (
        f"The withdrawal{f' to {who}' if who else ''} was changed elsewhere (another window "
        f"or copy of Bow Out{f', at {theirs}' if theirs else ''}) after you opened it, so "
        f"your version is kept as a separate record beside it; they differ in: {what}. Both "
        "are in History."
    )


def plain_tip(text: str) -> str:
    """``text`` for a tooltip, shown as typed (tooltips guess rich text as labels do)."""
    if not QtGuiNamespace.mightBeRichText(text):
        return text
    return QtGuiNamespace.convertFromPlainText(text)
