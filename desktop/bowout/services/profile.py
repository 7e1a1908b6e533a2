"""The user's profile (name, email, phone: the signature), read and set the same way by both
fronts, and the signer of a kept withdrawal when no profile is set."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import TYPE_CHECKING

from bowout.core.errors import InputError
from bowout.core.situation import MAX_FIELD_CHARS, Profile

if TYPE_CHECKING:
    from bowout.storage import Record

_PHONE = re.compile(r"\+?[\d ()./-]{5,}")


def load_profile(data_dir: Path) -> Profile:
    """The saved profile (empty when none is saved)."""
    from bowout.settings import load_settings

    return load_settings(data_dir).profile


def set_profile(
    data_dir: Path, *, name: str | None = None, email: str | None = None, phone: str | None = None
) -> Profile:
    """Change the given parts of the saved profile ("" clears one) and save it durably;
    returns the profile. InputError for a value too long or an email without "@"."""
    from bowout.settings import load_settings, save_settings

    changes = {k: v.strip() for k, v in (("name", name), ("email", email), ("phone", phone))
               if v is not None}  # fmt: skip
    for key, value in changes.items():
        if len(value) > MAX_FIELD_CHARS:
            raise InputError(f"the {key} is longer than {MAX_FIELD_CHARS} characters")
    if changes.get("email") and "@" not in changes["email"]:
        raise InputError(f"not an email address: {changes['email']!r}")
    settings = load_settings(data_dir)
    profile = dataclasses.replace(settings.profile, **changes)
    save_settings(data_dir, dataclasses.replace(settings, profile=profile))
    return profile


def signer(profile: Profile, record: Record) -> Profile:
    """``profile`` with its empty parts taken from how the kept ``record`` was signed (the
    lines under the sign-off of its message), so that an answer to it is signed the same
    way. Bracketed placeholders are never taken."""
    closing = record.body_text.strip().split("\n\n")[-1].splitlines()[1:]
    lines = [line.strip() for line in closing if line.strip() and "[" not in line]
    if not lines:
        return profile
    email = next((line for line in lines[1:] if "@" in line), "")
    phone = next((line for line in lines[1:] if _PHONE.fullmatch(line)), "")
    return dataclasses.replace(
        profile,
        name=profile.name or lines[0],
        email=profile.email or email,
        phone=profile.phone or phone,
    )
