"""The macOS parts that can be checked on Linux: Info.plist, entitlements, the .app layout
make_dmg accepts, and what goes into the disk image. The README lists what is untested."""

from __future__ import annotations

import os
import plistlib
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import build  # noqa: E402
import macos  # noqa: E402
import metainfo  # noqa: E402

SPEC = (ROOT / "packaging" / "bowout.spec").read_text(encoding="utf-8")


def test_info_plist_is_a_valid_plist_naming_the_app_version_and_minimum() -> None:
    info = plistlib.loads(plistlib.dumps(macos.info_plist("9.8.7")))
    assert info["CFBundleIdentifier"] == metainfo.APP_ID  # one id on every store
    assert info["CFBundleShortVersionString"] == info["CFBundleVersion"] == "9.8.7"
    assert info["CFBundleName"] == info["CFBundleDisplayName"] == "Bow Out"
    # PySide6-Essentials 6.11's wheels are built for macOS 13 (macosx_13_0): 12 cannot run it.
    assert info["LSMinimumSystemVersion"] == "13.0"
    assert info["NSHighResolutionCapable"] is True
    assert info["NSRequiresAquaSystemAppearance"] is False


def test_spec_builds_the_app_from_those_keys() -> None:
    bundle = SPEC.split("app = BUNDLE(", 1)[1]
    assert 'name="Bow Out.app"' in bundle
    assert "bundle_identifier=macos.BUNDLE_ID" in bundle
    assert "info_plist=macos.info_plist(VERSION)" in bundle
    assert 'ICON = str(ROOT / "resources" / "icons" / "bowout.icns")' in SPEC


def test_entitlements_allow_only_what_the_frozen_python_needs() -> None:
    path = ROOT / "packaging" / "macos" / "entitlements.plist"
    entitlements = plistlib.loads(path.read_bytes())
    assert entitlements == {
        "com.apple.security.cs.allow-unsigned-executable-memory": True,
        "com.apple.security.cs.disable-library-validation": True,
    }


def fake_app(folder: Path) -> Path:
    """Bow Out.app as PyInstaller 6 lays it out: data in Resources, linked from Frameworks."""
    app = folder / "Bow Out.app"
    contents = app / "Contents"
    (contents / "MacOS").mkdir(parents=True)
    (contents / "Resources" / "templates").mkdir(parents=True)
    (contents / "Frameworks").mkdir()
    (contents / "Resources" / "templates" / "email.txt.j2").write_text("hi\n")
    (contents / "Frameworks" / "templates").symlink_to("../Resources/templates")
    (contents / "Resources" / "bowout.icns").write_bytes(b"icns")
    executable = contents / "MacOS" / "bowout"
    executable.write_text("")
    executable.chmod(0o755)
    info = macos.info_plist(build.version())
    info |= {"CFBundleExecutable": "bowout", "CFBundleIconFile": "bowout.icns"}
    (contents / "Info.plist").write_bytes(plistlib.dumps(info))
    return app


def test_a_whole_app_has_no_problems(tmp_path: Path) -> None:
    assert macos.app_problems(fake_app(tmp_path)) == []


@pytest.mark.parametrize(
    ("damage", "problem"),
    [
        (lambda c: (c / "Info.plist").unlink(), "no readable Contents/Info.plist"),
        (lambda c: (c / "MacOS" / "bowout").chmod(0o644), "not an executable file"),
        (lambda c: (c / "Resources" / "bowout.icns").unlink(), "CFBundleIconFile"),
        (lambda c: (c / "Frameworks" / "templates").unlink(), "no templates"),
    ],
)
def test_make_dmg_refuses_an_app_that_is_not_whole(
    tmp_path: Path, damage: Callable[[Path], object], problem: str
) -> None:
    app = fake_app(tmp_path)
    damage(app / "Contents")
    with pytest.raises(SystemExit, match=problem):
        macos.make_dmg(app, tmp_path / "out.dmg", ROOT / "packaging" / "macos", lambda c: None)


def test_disk_image_holds_the_app_beside_an_applications_shortcut(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MACOS_SIGN_IDENTITY", raising=False)
    app = fake_app(tmp_path)
    seen: dict[str, object] = {}

    def hdiutil(cmd: list[str]) -> None:
        staging = Path(cmd[cmd.index("-srcfolder") + 1])
        seen["volume"] = cmd[cmd.index("-volname") + 1]
        seen["top"] = sorted(p.name for p in staging.iterdir())
        seen["link"] = os.readlink(staging / "Applications")
        seen["app"] = macos.app_problems(staging / "Bow Out.app")
        seen["format"] = cmd[cmd.index("-format") + 1]

    macos.make_dmg(app, tmp_path / "out.dmg", ROOT / "packaging" / "macos", hdiutil)
    assert seen == {
        "volume": "Bow Out",
        "top": ["Applications", "Bow Out.app"],
        "link": "/Applications",
        "app": [],  # copied whole, the Frameworks -> Resources links kept as links
        "format": "UDZO",
    }
