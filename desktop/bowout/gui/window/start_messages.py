"""What the end of the start says: the welcome on a first run, and what start-up found.

Kept out of :class:`~bowout.gui.window.shell.MainWindow` so the shell only wires; each
function takes the collaborators it speaks through.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bowout.gui.context import AppContext
    from bowout.gui.views.draft import DraftView
    from bowout.gui.window.drafting import Drafting
    from bowout.gui.window.feedback import Feedback
    from bowout.gui.window.open_record import OpenRecord
    from bowout.gui.window.preferences import Preferences
    from bowout.gui.window.questions import Questions


def welcome(
    ask: Questions,
    preferences: Preferences,
    drafting: Drafting,
    session: OpenRecord,
    view: DraftView,
) -> None:
    """The welcome, once: keep the profile the user gave (and that it was shown), then draft
    what the user says happened, in the voice chosen in ``view``'s wording bar."""
    context = preferences.context
    answer = ask.ask_welcome(context.settings.profile)
    preferences.apply_settings(
        dataclasses.replace(context.settings, profile=answer.profile, welcomed=True)
    )
    if answer.situation is not None:
        voice = view.form.wording_bar.voice()
        drafting.start_over(dataclasses.replace(answer.situation, voice=voice))
        view.tone_list.group_fill_ins()
        session.settle("Your draft is ready: add the company and the people, then read it over.")


def show_start_messages(
    context: AppContext, session: OpenRecord, feedback: Feedback, drafting: Drafting
) -> None:
    """Offer to restore an unsaved draft first; otherwise say what loading the settings and
    the history found. The fresh draft then counts as saved (nothing to autosave)."""
    if not session.offer_restore() and (context.history_message or context.settings_notices):
        said = [*context.settings_notices, context.history_message or ""]
        feedback.offer("\n".join(line for line in said if line))
    if context.history is None and context.history_message:
        feedback.say("History unavailable: " + context.history_message, 0)
    drafting.set_saved()
    session.clean_state.mark()
    session.autosaver.timer.stop()  # a fresh, untouched draft is not worth autosaving
