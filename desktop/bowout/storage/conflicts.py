"""Two copies of Bow Out changing one record: detect it, keep both, say what differs."""

from __future__ import annotations

from bowout.storage.errors import HistoryError
from bowout.storage.records import Record

#: Fields compared for the user (times and ids always differ between the two versions).
COMPARED = (
    "status", "sent", "company", "role", "contact", "recruiter", "stage", "reason", "channel",
    "subject", "body_text", "phone_script", "checklist", "notes", "relationship", "visa",
    "timeline",
)  # fmt: skip


class SaveConflict(HistoryError):
    """The record changed on disk after this copy was loaded; both versions are kept.

    ``current`` is the version another window saved (left as it is), ``kept`` the one this
    save carried, stored as a new record with its own id.
    """

    def __init__(self, current: Record, kept: Record) -> None:
        self.current = current
        self.kept = kept
        changed = ", ".join(differences(current, kept)) or "nothing but the time"
        who = " — ".join(part for part in (current.company, current.role) if part)
        super().__init__(
            f"The withdrawal{f' for {who}' if who else ''} was changed elsewhere (another "
            f"window or copy of Bow Out) after you opened it, so your version was kept as a "
            f"separate record ({kept.id[:8]}) beside it ({current.id[:8]}); they differ in: "
            f"{changed}. Compare them in History (or: bowout history compare "
            f"{current.id[:8]} {kept.id[:8]})."
        )


def differences(a: Record, b: Record) -> list[str]:
    """The names of the fields (of :data:`COMPARED`) whose values differ between a and b."""
    return [name for name in COMPARED if getattr(a, name) != getattr(b, name)]


def compare_text(a: Record, b: Record) -> str:
    """A readable field-by-field comparison of two records (what ``history compare`` prints)."""
    lines = [f"--- {a.id} (updated {a.updated})", f"+++ {b.id} (updated {b.updated})"]
    for name in differences(a, b):
        lines += [f"{name}:", f"  - {getattr(a, name)!r}", f"  + {getattr(b, name)!r}"]
    if len(lines) == 2:
        lines.append("The two records hold the same withdrawal.")
    return "\n".join(lines) + "\n"
