"""The composer: from a situation and a profile to a complete :class:`Draft`."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from bowout.core.draft import Draft
from bowout.core.situation import Profile, Situation


class Composer:
    """Renders the message templates (built-in, overridable by name from user folders)."""

    def __init__(self, user_template_dirs: Sequence[Path] = ()) -> None:
        self.user_template_dirs = tuple(user_template_dirs)

    def compose(self, situation: Situation, profile: Profile) -> Draft:
        """Every output for ``situation``: subject, bodies, scripts, checklist, findings."""
        raise NotImplementedError("composer under construction")
