"""The domain of Bow Out: situations, channel advice, drafting, tone, checklist, exports.

Pure Python: this package never imports PySide6.
"""

from bowout.core.advice import Advice, recommend_channel
from bowout.core.composer import Composer
from bowout.core.draft import Draft
from bowout.core.errors import BowOutError, InputError, TemplateError
from bowout.core.situation import Channel, Profile, Reason, Situation, Stage

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
