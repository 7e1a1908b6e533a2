"""The macOS disk image: sign the .app (if a certificate is given), pack it, notarise it.

Secrets come from the environment, so a build without them still produces an unsigned .dmg:
MACOS_SIGN_IDENTITY (a "Developer ID Application: ..." name already in the keychain) turns on
signing; APPLE_ID, APPLE_TEAM_ID and APPLE_APP_PASSWORD additionally turn on notarisation.
"""

from __future__ import annotations

import logging
import os
import plistlib
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

logger = logging.getLogger(__name__)

Runner = Callable[[list[str]], None]
NOTARY_VARS = ("APPLE_ID", "APPLE_TEAM_ID", "APPLE_APP_PASSWORD")
#: The bundle identifier: the same reverse-DNS id as the AppStream metainfo's.
BUNDLE_ID = "org.bowout.BowOut"
#: The oldest macOS the app runs on: PySide6-Essentials 6.11's wheels are built for macOS 13
#: (tagged macosx_13_0); packaging/windows_ci.sh checks the tag still allows it.
MIN_MACOS = "13.0"


def info_plist(version: str) -> dict[str, object]:
    """The Info.plist keys bowout.spec gives PyInstaller's BUNDLE (which adds the
    executable, icon and package type)."""
    return {
        "CFBundleName": "Bow Out",
        "CFBundleDisplayName": "Bow Out",
        "CFBundleIdentifier": BUNDLE_ID,
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "LSMinimumSystemVersion": MIN_MACOS,
        "NSHighResolutionCapable": True,
        "NSRequiresAquaSystemAppearance": False,  # follow the system's dark mode
        "LSApplicationCategoryType": "public.app-category.productivity",
    }


def app_problems(app: Path) -> list[str]:
    """What is wrong with a built ``Bow Out.app`` (empty when nothing): its Info.plist, the
    executable it names, the icon, and the templates where the frozen app looks for them
    (``sys._MEIPASS`` is Contents/Frameworks; PyInstaller links data there from Resources).
    """
    contents = app / "Contents"
    try:
        info = plistlib.loads((contents / "Info.plist").read_bytes())
    except (OSError, plistlib.InvalidFileException) as exc:
        return [f"no readable Contents/Info.plist ({exc})"]
    problems = []
    if info.get("CFBundleIdentifier") != BUNDLE_ID:
        problems.append(f"CFBundleIdentifier is {info.get('CFBundleIdentifier')!r}")
    if info.get("LSMinimumSystemVersion") != MIN_MACOS:
        problems.append(f"LSMinimumSystemVersion is {info.get('LSMinimumSystemVersion')!r}")
    executable = contents / "MacOS" / str(info.get("CFBundleExecutable", ""))
    if not executable.is_file() or not os.access(executable, os.X_OK):
        problems.append(f"CFBundleExecutable {executable.name!r} is not an executable file")
    icon = str(info.get("CFBundleIconFile", ""))
    if not icon or not (contents / "Resources" / icon).is_file():
        problems.append(f"CFBundleIconFile {icon!r} is not in Contents/Resources")
    if not any((contents / "Frameworks" / "templates").glob("*.j2")):
        problems.append("no templates in Contents/Frameworks/templates (sys._MEIPASS)")
    return problems


def sign(app: Path, entitlements: Path, identity: str, run: Runner) -> None:
    """Sign every binary inside ``app`` with the hardened runtime, then the app itself."""
    # Inside-out: nested libraries first, as codesign --deep is deprecated for signing.
    inner = [
        p
        for p in app.rglob("*")
        if p.is_file()
        and not p.is_symlink()
        and (p.suffix in {".so", ".dylib"} or os.access(p, os.X_OK))
    ]
    base = ["codesign", "--force", "--timestamp", "--options", "runtime", "--sign", identity]
    for path in sorted(inner, key=lambda p: len(p.parts), reverse=True):
        run([*base, str(path)])
    run([*base, "--entitlements", str(entitlements), str(app)])
    run(["codesign", "--verify", "--deep", "--strict", "--verbose=2", str(app)])


def notarise(dmg: Path, run: Runner) -> None:
    """Submit the image to Apple's notary service, wait, and staple the ticket to it."""
    apple_id, team, password = (os.environ[name] for name in NOTARY_VARS)
    run(
        [
            "xcrun",
            "notarytool",
            "submit",
            str(dmg),
            "--apple-id",
            apple_id,
            "--team-id",
            team,
            "--password",
            password,
            "--wait",
        ]
    )
    run(["xcrun", "stapler", "staple", str(dmg)])


def make_dmg(app: Path, out: Path, macos_dir: Path, run: Runner) -> Path:
    """Pack ``app`` with an /Applications shortcut into a compressed ``out`` image."""
    if not app.is_dir():
        raise SystemExit(f"build.py: no {app.name} in dist; run `build.py bundle` on macOS")
    problems = app_problems(app)
    if problems:
        raise SystemExit(f"build.py: {app.name} is not whole: " + "; ".join(problems))
    identity = os.environ.get("MACOS_SIGN_IDENTITY", "")
    if identity:
        sign(app, macos_dir / "entitlements.plist", identity, run)
    else:
        logger.warning("MACOS_SIGN_IDENTITY not set: the .dmg is unsigned (Gatekeeper warns)")
    with tempfile.TemporaryDirectory(prefix="bowout-dmg-") as tmp:
        staging = Path(tmp) / "Bow Out"
        staging.mkdir()
        shutil.copytree(app, staging / app.name, symlinks=True)
        (staging / "Applications").symlink_to("/Applications")
        out.unlink(missing_ok=True)
        run(
            [
                "hdiutil",
                "create",
                "-volname",
                "Bow Out",
                "-srcfolder",
                str(staging),
                "-fs",
                "HFS+",
                "-format",
                "UDZO",
                "-ov",
                str(out),
            ]
        )
    if identity:
        run(["codesign", "--force", "--timestamp", "--sign", identity, str(out)])
    if identity and all(os.environ.get(name) for name in NOTARY_VARS):
        notarise(out, run)
    elif identity:
        logger.warning("notarisation secrets not set: the .dmg is signed but not notarised")
    return out
