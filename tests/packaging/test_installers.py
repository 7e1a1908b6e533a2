"""The installer steps on a stand-in bundle: the .deb tree, the tarball, the .dmg commands."""

from __future__ import annotations

import argparse
import stat
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import build  # noqa: E402
import debian  # noqa: E402
import macos  # noqa: E402


@pytest.fixture
def fake_bundle(tmp_path: Path) -> Path:
    """A one-folder app with the real layout and a runnable launcher."""
    folder = tmp_path / "dist" / "bowout"
    (folder / "_internal" / "templates").mkdir(parents=True)
    (folder / "_internal" / "templates" / "email.txt.j2").write_text("hi\n")
    launcher = folder / "bowout"
    launcher.write_text("#!/bin/sh\necho frozen\n")
    launcher.chmod(0o755)
    return folder


def test_deb_tree_has_app_command_menu_entry_and_icons(fake_bundle: Path, tmp_path: Path) -> None:
    root = debian.stage(fake_bundle, ROOT / "resources", tmp_path / "deb", "9.8.7")
    assert (root / "opt/bowout/_internal/templates/email.txt.j2").is_file()
    wrapper = root / "usr/bin/bowout"
    assert "exec /opt/bowout/bowout" in wrapper.read_text()
    assert wrapper.stat().st_mode & stat.S_IXOTH
    assert (root / "usr/share/applications/bowout.desktop").is_file()
    for size in (16, 48, 256, 512):
        assert (root / f"usr/share/icons/hicolor/{size}x{size}/apps/bowout.png").is_file()
    assert (root / "usr/share/icons/hicolor/scalable/apps/bowout.svg").is_file()
    control = (root / "DEBIAN/control").read_text()
    assert "Version: 9.8.7\n" in control and "Architecture: amd64\n" in control
    installed = int(control.split("Installed-Size: ")[1].split("\n")[0])
    assert (
        installed
        >= 1 + (ROOT / "resources/icons/hicolor/512x512/apps/bowout.png").stat().st_size // 1024
    )


def test_restaging_starts_clean(fake_bundle: Path, tmp_path: Path) -> None:
    stale = tmp_path / "deb" / "opt" / "bowout" / "stale.so"
    stale.parent.mkdir(parents=True)
    stale.write_text("old")
    debian.stage(fake_bundle, ROOT / "resources", tmp_path / "deb", "1.0")
    assert not stale.exists()


def test_tarball_unpacks_to_a_runnable_folder(
    fake_bundle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build, "DIST", fake_bundle.parent)
    out = build.cmd_tarball(argparse.Namespace())
    assert out.name == f"bowout-{build.version()}-linux-x86_64.tar.gz"
    with tarfile.open(out) as tar:
        members = {m.name: m for m in tar.getmembers()}
    top = f"bowout-{build.version()}"
    launcher = members[f"{top}/bowout"]
    assert launcher.mode & 0o111 and launcher.uid == 0 and launcher.uname == ""
    assert f"{top}/_internal/templates/email.txt.j2" in members
    assert f"{top}/bowout.desktop" in members


def test_deb_and_tarball_refuse_without_a_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build, "DIST", tmp_path)
    with pytest.raises(SystemExit, match=r"run `build\.py bundle` first"):
        build.cmd_tarball(argparse.Namespace())


@pytest.mark.skipif(sys.platform == "win32", reason="the .dmg step symlinks /Applications")
@pytest.mark.parametrize(
    ("secrets", "signed", "notarised"),
    [
        ({}, False, False),
        ({"MACOS_SIGN_IDENTITY": "Developer ID Application: X"}, True, False),
        (
            {
                "MACOS_SIGN_IDENTITY": "Developer ID Application: X",
                "APPLE_ID": "a@example.org",
                "APPLE_TEAM_ID": "T",
                "APPLE_APP_PASSWORD": "p",
            },
            True,
            True,
        ),
    ],
)
def test_dmg_signs_and_notarises_only_with_secrets(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    secrets: dict[str, str],
    signed: bool,
    notarised: bool,
) -> None:
    for name in ("MACOS_SIGN_IDENTITY", *macos.NOTARY_VARS):
        monkeypatch.delenv(name, raising=False)
    for name, value in secrets.items():
        monkeypatch.setenv(name, value)
    from test_macos import fake_app

    app = fake_app(tmp_path)
    calls: list[list[str]] = []
    macos.make_dmg(app, tmp_path / "out.dmg", ROOT / "packaging" / "macos", calls.append)
    tools = [call[0] if call[0] != "xcrun" else call[1] for call in calls]
    assert "hdiutil" in tools
    assert ("codesign" in tools) is signed
    assert ("notarytool" in tools) is notarised
    if signed:  # the app is signed before it is packed, the image after
        assert tools.index("codesign") < tools.index("hdiutil") < len(tools) - 1
        assert any("--entitlements" in call for call in calls)
