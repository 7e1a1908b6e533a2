"""What a change in Settings does to the draft on screen: never rewrite the user's words.

Only a change of situation regenerates the draft (SPEC, "The window"). Theme, spelling and
folder changes leave the text alone. A profile change (name, email, phone, signature lines)
rewrites an untouched draft, but in an edited one it only swaps the signature lines under
the sign-off, as one undoable step (issue 11, case 6).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument

from bowout.core.errors import BowOutError
from bowout.gui.utf16 import qt_length

if TYPE_CHECKING:
    from bowout.core.draft import Draft
    from bowout.gui.window.drafting import Drafting
    from bowout.settings import Settings

#: Qt's line separator: a ``<br>`` inside a paragraph.
_LINE_BREAK = "\u2028"


def signature_lines(draft: Draft) -> list[str]:
    """The lines under the sign-off of ``draft``'s email (name, extra lines, email, phone)."""
    paragraphs = [p for p in draft.body_text.split("\n\n") if p.strip()]
    if not paragraphs:
        return []
    return paragraphs[-1].split("\n")[1:]


def _last_block(document: QTextDocument) -> QTextBlock | None:
    block = document.lastBlock()
    while block.isValid() and not block.text().strip():
        block = block.previous()
    return block if block.isValid() else None


def swap_signature(document: QTextDocument, old: list[str], new: list[str]) -> bool:
    """Replace the signature lines ``old`` at the end of ``document`` with ``new``.

    Only the last paragraph is looked at, and only when it still ends with exactly ``old``
    (the user may have rewritten it: then nothing changes). The swap is one undo step.
    Returns True when the document was changed.
    """
    if not old or old == new:
        return False
    block = _last_block(document)
    if block is None:
        return False
    lines = block.text().split(_LINE_BREAK)
    if len(lines) < len(old) or lines[-len(old) :] != old:
        return False
    kept = _LINE_BREAK.join(lines[: -len(old)])
    # Qt positions: code units of the kept text plus the separator before the signature.
    start = block.position() + qt_length(kept) + (1 if kept else 0)
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    cursor.setPosition(start)
    cursor.setPosition(block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(_LINE_BREAK.join(new))
    cursor.endEditBlock()
    return True


def is_untouched(drafting: Drafting) -> bool:
    """True while the window shows exactly the composed draft (nothing of the user's)."""
    draft, v = drafting.draft, drafting.view
    return draft is not None and (
        v.editor.message_text() == draft.body_text
        and v.phone_editor.message_text() == (draft.phone_script or "")
        and v.subject_edit.text() == draft.subject
    )


def apply_to_draft(drafting: Drafting, old: Settings, new: Settings) -> None:
    """Bring the draft in line with ``new`` settings without rewriting the user's words.

    An untouched draft is simply composed again; an edited one keeps its text and gets only
    the new signature lines. Errors while composing are shown in the window.
    """
    wording_changed = new.templates_dir != old.templates_dir
    if new.profile == old.profile and not wording_changed:
        return  # theme, spelling, folders: nothing in the draft depends on them
    if drafting.draft is None or (is_untouched(drafting) and not drafting.closed):
        drafting.regenerate()
        return
    previous, v, say = drafting.draft, drafting.view, drafting.feedback.say
    try:
        draft = drafting.context.composer.compose(v.form.situation(), new.profile)
    except BowOutError as exc:
        drafting.feedback.error(str(exc))
        return
    if drafting.basis is previous:  # the message followed the old draft: it follows this one
        drafting.basis = draft
    drafting.draft = draft
    drafting.accept_user_names()
    if drafting.closed:  # a sent message keeps the signature it went out with
        say("Your profile is saved; the message you sent stays as it went out.", 10000)
        return
    if v.phone_editor.message_text() == (previous.phone_script or ""):
        with drafting.quietly():  # an untouched script follows along; not an edit
            v.phone_editor.replace_text(draft.phone_script or "")
    message = "Your edits are kept; the new templates apply when the situation changes."
    if new.profile != old.profile:
        if swap_signature(v.editor.document(), signature_lines(previous), signature_lines(draft)):
            message = "Signature updated; the rest of your text is as you wrote it."
        else:
            message = "Your profile is saved; the signature you edited in this draft stays."
    say(message, 10000)
