"""What lintian and software centres look for in the .deb tree, checked on a stand-in bundle."""

from __future__ import annotations

import email.parser
import gzip
import hashlib
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import debian  # noqa: E402
import debian_docs  # noqa: E402
import metainfo  # noqa: E402
import tidy  # noqa: E402

EPOCH = 1_767_225_600  # 2026-01-01 00:00:00 UTC


@pytest.fixture
def staged(tmp_path: Path) -> Path:
    """The .deb tree of a bundle that has PyInstaller's habits: executable libraries and a
    gzip file with a time stamp."""
    bundle = tmp_path / "bowout"
    internal = bundle / "_internal"
    (internal / "PySide6" / "Qt" / "lib").mkdir(parents=True)
    for lib in ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "_json.cpython-311.so"):
        path = internal / lib
        path.write_bytes(b"\x7fELF")
        path.chmod(0o755)
    (internal / "en.json.gz").write_bytes(gzip.compress(b"{}", mtime=1_700_000_000))
    (internal / "data.txt").write_text("x")
    (internal / "data.txt").chmod(0o600)  # a build user's umask
    launcher = bundle / "bowout"
    launcher.write_text("#!/bin/sh\n")
    launcher.chmod(0o700)
    return debian.stage(bundle, ROOT / "resources", tmp_path / "deb", "9.8.7-1", EPOCH)


def files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and not p.is_symlink()]


def test_shared_libraries_are_not_executable_and_programs_are(staged: Path) -> None:
    libraries = [p for p in files(staged) if tidy.is_shared_library(p)]
    assert len(libraries) == 3
    assert {oct(p.stat().st_mode & 0o777) for p in libraries} == {"0o644"}
    assert staged.joinpath("opt/bowout/bowout").stat().st_mode & 0o777 == 0o755
    assert staged.joinpath("usr/bin/bowout").stat().st_mode & 0o777 == 0o755
    assert staged.joinpath("opt/bowout/_internal/data.txt").stat().st_mode & 0o777 == 0o644


def test_every_gzip_file_is_without_a_time_stamp(staged: Path) -> None:
    zipped = [p for p in files(staged) if p.suffix == ".gz"]
    assert len(zipped) == 4  # the bundle's, two changelogs, the man page
    assert [p for p in zipped if p.read_bytes()[4:8] != b"\0\0\0\0"] == []


def test_every_file_is_dated_by_the_commit(staged: Path) -> None:
    assert {int(p.lstat().st_mtime) for p in [staged, *staged.rglob("*")]} == {EPOCH}


def test_changelogs_for_a_non_native_package(staged: Path) -> None:
    docs = staged / "usr/share/doc/bowout"
    entry = gzip.decompress((docs / "changelog.Debian.gz").read_bytes()).decode()
    assert entry.startswith("bowout (9.8.7-1) unstable; urgency=medium\n")
    assert re.search(r"\n -- .+ <.+>  Thu, 01 Jan 2026 00:00:00 \+0000\n$", entry)
    upstream = gzip.decompress((docs / "changelog.gz").read_bytes()).decode()
    assert upstream.startswith("## [Unreleased]")
    control = (staged / "DEBIAN/control").read_text()
    assert "\nVersion: 9.8.7-1\n" in control


def test_copyright_is_machine_readable_with_a_notice_and_every_licence(staged: Path) -> None:
    text = (staged / "usr/share/doc/bowout/copyright").read_text()
    paragraphs = [email.parser.Parser().parsestr(p) for p in text.strip().split("\n\n")]
    assert paragraphs[0]["Format"].startswith("https://www.debian.org/doc/packaging-manuals/")
    stanzas = [p for p in paragraphs if p["Files"]]
    assert stanzas[0]["Files"] == "*"
    assert stanzas[0]["Copyright"] == "2026 The Bow Out team"
    standalone = {p["License"].split("\n")[0] for p in paragraphs[1:] if not p["Files"]}
    for stanza in stanzas:
        assert stanza["Copyright"], stanza["Files"]
        licence = stanza["License"]
        # A short name alone needs its text in a stand-alone License paragraph.
        assert "\n" in licence or licence in standalone, stanza["Files"]


def test_manual_page_is_generated_from_the_command_line(staged: Path) -> None:
    from bowout.cli import build_parser

    page = gzip.decompress((staged / "usr/share/man/man1/bowout.1.gz").read_bytes()).decode()
    assert page.startswith('.TH BOWOUT "1" "2026\\-01\\-01" "bowout 9.8.7"')
    commands = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert set(commands) == {
        "draft", "reply", "history", "reminders", "applications", "batch", "profile",
        "templates", "self-test",
    }  # fmt: skip
    for command in commands:
        assert command.replace("-", "\\-") in page
    for lifecycle in ("\\-\\-accepted", "\\-\\-with\\-placeholders", "\\-\\-kind KIND"):
        assert lifecycle in page  # the record's life: history sent|reply|note, batch
    assert "\\-\\-data\\-dir" in page


def test_a_help_line_starting_with_a_quote_is_not_a_roff_request() -> None:
    import argparse

    guarded = 0
    for words in range(5, 20):  # one of these lengths wraps "'visa')" to a line's start
        parser = argparse.ArgumentParser(prog="bowout")
        parser.add_argument("--country", help="words " * words + "('Buen día', 'visa')")
        lines = debian_docs.manual_page(parser, "1.0", 0).splitlines()
        assert not [line for line in lines if line.startswith("'")], words
        guarded += any(line.startswith("\\&'") for line in lines)  # the text kept
    assert guarded


def test_md5sums_cover_every_file_outside_debian(staged: Path) -> None:
    listed = dict(
        reversed(line.split("  ", 1))
        for line in (staged / "DEBIAN/md5sums").read_text().splitlines()
    )
    shipped = [p for p in files(staged) if p.relative_to(staged).parts[0] != "DEBIAN"]
    assert sorted(listed) == sorted(p.relative_to(staged).as_posix() for p in shipped)
    for rel, digest in listed.items():
        assert hashlib.md5((staged / rel).read_bytes()).hexdigest() == digest


def test_lintian_overrides_each_have_a_reason_and_stay_within_the_bundle(staged: Path) -> None:
    lines = (staged / "usr/share/lintian/overrides/bowout").read_text().splitlines()
    overrides = [(i, line) for i, line in enumerate(lines) if not line.startswith("#")]
    assert len(overrides) == 6
    for index, line in overrides:
        above = [text for text in lines[:index] if not text.startswith("bowout: ")]
        assert above and above[-1].startswith("# "), line  # a reason above each group
        tag, pointer = re.fullmatch(r"bowout: ([a-z0-9-]+) .*\[(.+)\]", line).groups()  # type: ignore[union-attr]
        if tag != "initial-upload-closes-no-bugs":
            assert pointer.startswith("opt/bowout/"), line


def test_metainfo_is_installed_and_names_the_menu_entry(staged: Path) -> None:
    path = staged / "usr/share/metainfo/org.bowout.BowOut.metainfo.xml"
    component = ET.parse(path).getroot()
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == metainfo.APP_ID
    launchable = component.findtext("launchable")
    assert (staged / "usr/share/applications" / str(launchable)).is_file()
    assert component.findtext("project_license") == "MIT"
    assert component.find("content_rating") is not None
    for tag in ("name", "summary"):
        assert component.findtext(tag)
    assert len(component.findall("description/p")) >= 2
    assert [r.attrib for r in component.findall("releases/release")] == [
        {"version": "9.8.7", "date": "2026-01-01"}
    ]


def test_metainfo_screenshots_are_the_ones_in_docs() -> None:
    source = ROOT / "resources/linux" / metainfo.FILENAME
    images = [e.text or "" for e in ET.parse(source).getroot().iter("image")]
    # A software centre shows a handful: each one listed is a real screenshot of the app.
    assert 5 <= len(images) == len(set(images))
    for url in images:
        assert url.startswith("https://")
        assert (ROOT / "docs/screenshots" / url.rsplit("/", 1)[1]).is_file(), url


def test_releases_follow_the_changelog() -> None:
    changelog = (
        "# Changelog\n\n## [Unreleased]\n\n- new\n\n## [1.1.0] - 2026-05-02\n\n- x\n\n"
        "## [1.0.0] - 2026-01-10\n"
    )
    assert metainfo.releases(changelog, "1.2.0", EPOCH) == [
        ("1.2.0", "2026-01-01"),
        ("1.1.0", "2026-05-02"),
        ("1.0.0", "2026-01-10"),
    ]
    with pytest.raises(ValueError, match=r"release 1\.0\.0 has no date"):
        metainfo.releases("## [1.0.0]\n", "1.0.0", EPOCH)


def test_the_copyright_year_and_changelog_date_come_from_the_commit() -> None:
    assert "Copyright: 2031 The Bow Out team" in debian_docs.copyright_text(1_924_992_000)
    assert "Wed, 01 Jan 2031" in debian_docs.debian_changelog("1.0-1", 1_924_992_000)
