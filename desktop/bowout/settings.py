"""The user's settings (profile, theme, templates folder, spelling), kept in the data folder."""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bowout import readfile
from bowout.core.errors import InputError
from bowout.core.situation import (
    DEFAULT_REPLY_DAYS,
    MAX_FIELD_CHARS,
    Profile,
    check_email_address,
)
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
        """Settings from a parsed file; each field that is wrong gets its default."""
        return read_fields(data)[0]


#: Longest list of personal words or dismissed observations kept (a hand-edited file could
#: hold millions; the spell checker and the summary only ever need a few hundred).
MAX_LIST = 10_000


def _text(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{name} must be text")
    if len(value) > 4096:
        raise ValueError(f"{name} is too long")
    return value


def _words(value: object, name: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise ValueError(f"{name} must be a list of texts")
    if len(value) > MAX_LIST:
        raise ValueError(f"{name} holds more than {MAX_LIST} entries")
    return tuple(value)


def _profile(value: object, name: str) -> Profile:
    """The profile; a line break in the name or email (which would break the From: line),
    a value that is not text, or an email that is not one address is refused."""
    if not isinstance(value, dict):
        raise ValueError(f"{name} must be an object with name, email, phone and signature")
    fields: dict[str, str] = {}
    for key in ("name", "email", "phone", "signature"):
        item = value.get(key, "")
        if item is None:
            item = ""
        if not isinstance(item, str):
            raise ValueError(f"{name} {key} must be text")
        if key != "signature":
            if any(ch in item for ch in "\r\n\v\f\x85\u2028\u2029"):
                raise ValueError(f"{name} {key} holds a line break")
            if len(item) > MAX_FIELD_CHARS:
                raise ValueError(f"{name} {key} is longer than {MAX_FIELD_CHARS} characters")
        elif len(item) > 4096:
            raise ValueError(f"{name} signature is too long")
        fields[key] = item
    try:
        check_email_address(fields["email"], "profile email")
    except InputError as exc:
        raise ValueError(str(exc)) from None
    return Profile(**fields)


def _theme(value: object, name: str) -> str:
    if value not in THEMES:
        raise ValueError(f"{name} must be one of {', '.join(THEMES)}")
    return str(value)


def _flag(value: object, name: str) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"{name} must be true or false")
    return value


def _reply_days(value: object, name: str) -> int:
    low, high = REPLY_DAYS_RANGE
    if type(value) is not int or not low <= value <= high:
        raise ValueError(f"{name} must be a whole number from {low} to {high}")
    return value


#: Each field's check: it returns the typed value or raises ValueError saying what is wrong.
_FIELDS: dict[str, Callable[[object, str], Any]] = {
    "profile": _profile,
    "theme": _theme,
    "templates_dir": _text,
    "spell_language": _text,
    "personal_words": _words,
    "welcomed": _flag,
    "reply_days": _reply_days,
    "dismissed_observations": _words,
}


def read_fields(data: dict[str, Any]) -> tuple[Settings, list[str]]:
    """Settings from a parsed file, checked field by field, and one notice per bad field.

    A field that is missing, or null, gets its default quietly; one of the wrong type or
    value gets its default and a notice ("profile must be an object ...; using the default").
    Keys this version does not know are ignored (a newer Bow Out may have written them).
    """
    values: dict[str, Any] = {}
    notices: list[str] = []
    for name, check in _FIELDS.items():
        value = data.get(name)
        if value is None:
            continue
        try:
            values[name] = check(value, name)
        except ValueError as exc:
            notices.append(f"settings.json: {exc}; using the default")
    if "welcomed" not in values:
        # Settings from before the welcome existed: someone with a name set has started.
        profile = values.get("profile")
        values["welcomed"] = "welcomed" not in data and bool(profile and profile.name)
    return Settings(**values), notices


def settings_path(data_dir: Path) -> Path:
    return data_dir / "settings.json"


def read_settings(data_dir: Path) -> tuple[Settings, list[str]]:
    """The settings and what was wrong with them (one line each; [] when all is well).

    A missing file gives the defaults quietly. A file that is not a regular file, is
    too large, is not UTF-8 JSON or not an object gives the defaults and one notice; a
    wrong field gets its default and a notice of its own (see :func:`read_fields`).
    """
    path = settings_path(data_dir)
    try:
        raw = readfile.read_json(path, readfile.SMALL_LIMIT)
    except FileNotFoundError:
        return Settings(), []
    except readfile.UnreadableFile as exc:
        return Settings(), [f"{path.name} cannot be used ({exc.why}); using the default settings"]
    except OSError as exc:
        why = exc.strerror or type(exc).__name__
        return Settings(), [f"{path.name} cannot be read ({why}); using the default settings"]
    if not isinstance(raw, dict):
        return Settings(), [f"{path.name} is not a JSON object; using the default settings"]
    return read_fields(raw)


def load_settings(data_dir: Path) -> Settings:
    """Read the settings; anything wrong gives the defaults for it (and a log line)."""
    settings, notices = read_settings(data_dir)
    for notice in notices:
        logger.warning("%s (in %s)", notice, data_dir)
    return settings


def save_settings(data_dir: Path, settings: Settings) -> None:
    """Write the settings durably, readable by the owner only."""
    make_private_dir(data_dir)
    payload = json.dumps(settings.to_dict(), indent=2, ensure_ascii=False).encode("utf-8")
    atomic_write_bytes(settings_path(data_dir), payload)
