"""The command line's words for what the core says in the window's terms, and the refusal
of a message to send that still holds fill-ins (shared by ``draft``, ``batch``, ``history``).

Its output never sends a person to a window they are not using (issue 20).
"""

from __future__ import annotations

from typing import Any

from bowout.core.draft import Draft
from bowout.core.errors import InputError

#: How the command line fills what the window's fields fill (keys of the tone coach's
#: ``FIELD_LABELS``): its output never sends a person to a window they are not using.
CLI_FIELDS = {
    "contact": "--contact",
    "role": "--role",
    "company": "--company",
    "recruiter": "--recruiter",
    "your_name": "your profile (bowout profile set --name N, or --your-name)",
    "your_email": "your profile (bowout profile set --email E, or --your-email)",
    "your_phone": "your profile (bowout profile set --phone P, or --your-phone)",
}


def for_cli(message: str) -> str:
    """A tone-coach message with the window's field names put the command line's way."""
    from bowout.core.tone_findings import FIELD_LABELS, WILL_CALL_CHOICE

    if WILL_CALL_CHOICE in message:  # the call advice: the flag, not the window's box
        return message.replace(WILL_CALL_CHOICE, "pass --will-call")

    # The placeholder quoted may be any language pack's ("[Role]", "[Funktion]").
    for key, label in FIELD_LABELS.items():
        if message.startswith(f"Fill in {label}: “"):
            flag = CLI_FIELDS[key]
            verb = "Give" if flag.startswith("--") else "Fill in"
            return message.replace(f"Fill in {label}:", f"{verb} {flag}:", 1)
    return message


def refuse_placeholders(subject: str, body: str, *, fix: str) -> None:
    """A message to send goes out whole: InputError naming the ``[fill-ins]`` left in its
    subject or body, saying how to ``fix`` it or to go on with ``--with-placeholders``
    (issue 20, "Nothing goes out half-filled")."""
    from bowout.core.tone_findings import placeholder_findings

    texts = {"subject": subject, "body": body}
    found = placeholder_findings([(text, target) for target, text in texts.items()])
    if found:
        quoted = ", ".join(f"“{texts[f.target][f.start : f.end]}”" for f in found)
        raise InputError(
            f"the message still holds {quoted}; {fix}, or give --with-placeholders to go on "
            "with them"
        )


def draft_json(draft: Draft) -> dict[str, Any]:
    """``draft --format json`` (the SPEC's object), its warnings put the CLI's way."""
    payload = draft.to_json_dict()
    payload["warnings"] = [{**w, "message": for_cli(w["message"])} for w in payload["warnings"]]
    return payload
