"""The domain of Bow Out: situations, channel advice, drafting, tone, checklist, exports.

Pure Python: this package never imports PySide6. Its names load on first use (PEP 562),
so importing one light module (``bowout.core.situation``) does not pull in Jinja2 and the
tone rules: the window shows before it needs them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bowout.core.advice import Advice, recommend_channel
    from bowout.core.composer import Composer
    from bowout.core.draft import Draft
    from bowout.core.errors import BowOutError, InputError, TemplateError
    from bowout.core.situation import Channel, Profile, Reason, Situation, Stage

_HOMES = {
    "Advice": "advice",
    "recommend_channel": "advice",
    "Composer": "composer",
    "Draft": "draft",
    "BowOutError": "errors",
    "InputError": "errors",
    "TemplateError": "errors",
    "Channel": "situation",
    "Profile": "situation",
    "Reason": "situation",
    "Situation": "situation",
    "Stage": "situation",
}


def __getattr__(name: str) -> object:
    """Import the module that defines ``name`` the first time it is asked for."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


__all__ = [
    "Advice",
    "BowOutError",
    "Channel",
    "Composer",
    "Draft",
    "InputError",
    "Profile",
    "Reason",
    "Situation",
    "Stage",
    "TemplateError",
    "recommend_channel",
]
