"""The draft the window opens with: in its first frame, and quick.

Composing needs Jinja2, the voicebooks and the tone rules: about three times what the rest
of the window costs before its first paint (``benchmarks/bench_gui_start.py``). The first
draft is therefore kept in the start cache (:mod:`bowout.gui.start_cache`) and shown from
there when nothing it is made from changed; otherwise it is composed in-line and kept.
Either way the first frame holds the message. The composer and the tone coach then load in
a worker thread after the paint (:class:`ComposerWarmup`), and the remarks and the
spelling's language follow.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from bowout.core.errors import BowOutError
from bowout.gui.start_cache import StartCache, first_draft_key

if TYPE_CHECKING:
    from bowout.gui.context import AppContext
    from bowout.gui.window.drafting import Drafting

logger = logging.getLogger(__name__)

#: The start cache's name for the first draft.
FIRST_DRAFT = "first_draft"


def language_names(cache: StartCache) -> dict[str, str]:
    """The language packs named in English ("de" -> "German"), kept in ``cache`` between
    runs: Babel's CLDR data takes about 30 ms to load, a tenth of a start."""
    from bowout import paths
    from bowout.gui.widgets.language_picker import language_label

    codes = paths.available_languages()
    return cache.remembered(
        "language_names", codes, lambda: {code: language_label(code) for code in codes}
    )


def open_first_draft(drafting: Drafting, cache: StartCache) -> bool:
    """Put the first draft in ``drafting``'s view before the window is shown; True when it
    came from ``cache`` (False: composed now and kept there for :meth:`StartCache.save`,
    or composing failed: the message is then empty and the error shown)."""
    from bowout.core.draft import Draft

    context = drafting.context
    situation = drafting.view.form.situation()
    profile = context.settings.profile
    key = first_draft_key(situation, profile, context.template_dirs())
    kept = cache.get(FIRST_DRAFT, key)
    if isinstance(kept, Draft):
        drafting.show_first(kept)
        return True
    logger.info("first draft composed (not in the start cache)")
    try:
        draft = context.composer.compose(situation, profile)
    except BowOutError as exc:
        drafting.feedback.error(str(exc))
        return False
    problems = context.composer.take_template_problems()
    if problems:  # a broken custom template: say so each start, never keep its fallback
        drafting.feedback.error(" ".join(problems))
    else:
        # The tone check is a call into the composer's modules: the window runs its own.
        cache.put(FIRST_DRAFT, key, dataclasses.replace(draft, tone_check=None))
    drafting.show_first(draft)
    return False


def finish_first_draft(drafting: Drafting) -> None:
    """Once the composer is made (after the paint): the first draft's tone remarks, the
    fill-ins as one line at first sight, and its spelling language; when composing before
    the paint failed, one more try (it says why again if it fails)."""
    drafting.view.tone_list.group_fill_ins()
    if drafting.draft is None:
        drafting.regenerate()
        return
    with drafting.quietly():  # re-underlining changes formats, never the words
        drafting.follow_language()
    drafting.recheck_tone()


class ComposerWarmup(QObject):
    """Makes the composer and loads the tone coach in a worker thread; ``warmed`` fires in
    the UI thread when done. The window stays responsive meanwhile: a change to the form
    that needs the composer waits for the worker (:attr:`AppContext.composer` is locked)."""

    warmed = Signal()

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.worker: threading.Thread | None = None

    def start(self) -> None:
        """Start the worker."""
        self.worker = threading.Thread(target=self._run, name="composer-warmup", daemon=True)
        self.worker.start()

    def _run(self) -> None:
        try:
            import bowout.core.tone  # noqa: F401 - the tone rules: the bulk of the wait

            _ = self.context.composer
        except BowOutError as exc:  # e.g. a broken template folder: regenerate says so
            logger.warning("composer not made ahead: %s", exc)
        except BaseException:  # a bug: logged here, and the window's first use raises it
            logger.exception("making the composer failed")
        try:
            self.warmed.emit()  # queued into the UI thread
        except RuntimeError:  # the window closed meanwhile
            logger.info("composer made after the window closed")
