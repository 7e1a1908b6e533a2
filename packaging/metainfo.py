"""The AppStream metainfo the .deb installs: resources/linux's file plus releases.

The ``<releases>`` element is filled from CHANGELOG.md (Keep a Changelog): each
``## [X.Y.Z] - YYYY-MM-DD`` section is a release of that date, and ``## [Unreleased]`` is the
version being built, dated by ``SOURCE_DATE_EPOCH`` (the commit's time).
"""

from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ET
from pathlib import Path

APP_ID = "org.bowout.BowOut"
FILENAME = f"{APP_ID}.metainfo.xml"

_HEADING = re.compile(r"^## \[(?P<version>[^\]]+)\](?: - (?P<date>\d{4}-\d{2}-\d{2}))?", re.M)


def releases(changelog: str, version: str, epoch: int) -> list[tuple[str, str]]:
    """(version, ISO date) for each CHANGELOG section, newest first.

    ``Unreleased`` becomes ``version`` dated ``epoch`` (UTC). Raises ValueError for a
    released section without a date, which Keep a Changelog requires.
    """
    found = []
    for match in _HEADING.finditer(changelog):
        name, date = match.group("version"), match.group("date")
        if name == "Unreleased":
            found.append((version, time.strftime("%Y-%m-%d", time.gmtime(epoch))))
        elif date:
            found.append((name, date))
        else:
            raise ValueError(f"CHANGELOG.md: release {name} has no date")
    return found


def render(template: Path, changelog: str, version: str, epoch: int) -> str:
    """The metainfo XML text: ``template`` with its ``<releases/>`` filled in."""
    tree = ET.parse(template)
    element = tree.getroot().find("releases")
    if element is None:
        raise ValueError(f"{template.name}: no <releases/> element to fill")
    element.clear()
    for number, date in releases(changelog, version, epoch):
        ET.SubElement(element, "release", version=number, date=date)
    ET.indent(tree, space="  ")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        + ET.tostring(tree.getroot(), encoding="unicode")
        + "\n"
    )
