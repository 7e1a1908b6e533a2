"""The user's settings (profile, theme, templates folder, spelling), kept in the data folder."""

from __future__ import annotations

import dataclasses
import json
import logging
from pathlib import Path
from typing import Any

from bowout.core.reminders import DEFAULT_REPLY_DAYS
from bowout.core.situation import Profile
from bowout.private import make_private_dir
from bowout.storage.atomic import atomic_write_bytes

logger = logging.getLogger(__name__)

THEMES = ("system", "light", "dark")
#: The range of work days of silence before a follow-up is due (the Settings dialog's box).
REPLY_DAYS_RANGE = (1, 30)


@dataclasses.dataclass(frozen=True)
class Settings:
    """Everything the user sets in the Settings dialog that is not window geometry."""

    profile: Profile = dataclasses.field(default_factory=Profile)
    theme: str = "system"
    #: Extra folder of custom templates (besides ``<data folder>/templates``); "" for none.
    templates_dir: str = ""
    spell_language: str = "en"
    personal_words: tuple[str, ...] = ()
    #: The first-run welcome was done or skipped: it is never shown again.
    welcomed: bool = False
    #: Work days without a reply before "Coming up" suggests a follow-up.
    reply_days: int = DEFAULT_REPLY_DAYS
    #: History observations the user dismissed, by key (never shown again).
    dismissed_observations: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "profile": self.profile.to_dict(),
            "theme": self.theme,
            "templates_dir": self.templates_dir,
            "spell_language": self.spell_language,
            "personal_words": list(self.personal_words),
            "welcomed": self.welcomed,
            "reply_days": self.reply_days,
            "dismissed_observations": list(self.dismissed_observations),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        theme = str(data.get("theme") or "system")
        words = data.get("personal_words") or []
        profile = Profile.from_dict(data.get("profile") or {})
        # Settings from before the welcome existed: someone with a name set has started.
        welcomed = data.get("welcomed", bool(profile.name))
        reply_days = data.get("reply_days", DEFAULT_REPLY_DAYS)
        low, high = REPLY_DAYS_RANGE
        if type(reply_days) is not int or not low <= reply_days <= high:
            reply_days = DEFAULT_REPLY_DAYS
        dismissed = data.get("dismissed_observations") or []
        return cls(
            profile=profile,
            theme=theme if theme in THEMES else "system",
            templates_dir=str(data.get("templates_dir") or ""),
            spell_language=str(data.get("spell_language") or "en"),
            personal_words=tuple(str(w) for w in words if isinstance(w, str)),
            welcomed=welcomed is True,
            reply_days=reply_days,
            dismissed_observations=tuple(d for d in dismissed if isinstance(d, str)),
        )


def settings_path(data_dir: Path) -> Path:
    return data_dir / "settings.json"


def load_settings(data_dir: Path) -> Settings:
    """Read the settings; a missing or unreadable file gives the defaults (and a log line)."""
    path = settings_path(data_dir)
    try:
        raw = json.loads(path.read_text(encoding="utf-8-sig"))  # a BOM if edited in Notepad
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as exc:
        logger.warning("settings file %s unreadable, using defaults: %s", path, exc)
        return Settings()
    if not isinstance(raw, dict):
        logger.warning("settings file %s is not an object, using defaults", path)
        return Settings()
    return Settings.from_dict(raw)


def save_settings(data_dir: Path, settings: Settings) -> None:
    """Write the settings durably, readable by the owner only."""
    make_private_dir(data_dir)
    payload = json.dumps(settings.to_dict(), indent=2, ensure_ascii=False).encode("utf-8")
    atomic_write_bytes(settings_path(data_dir), payload)
