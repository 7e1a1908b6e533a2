"""The macOS disk image: sign the .app (if a certificate is given), pack it, notarise it.

Secrets come from the environment, so a build without them still produces an unsigned .dmg:
MACOS_SIGN_IDENTITY (a "Developer ID Application: ..." name already in the keychain) turns on
signing; APPLE_ID, APPLE_TEAM_ID and APPLE_APP_PASSWORD additionally turn on notarisation.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

logger = logging.getLogger(__name__)

Runner = Callable[[list[str]], None]
NOTARY_VARS = ("APPLE_ID", "APPLE_TEAM_ID", "APPLE_APP_PASSWORD")


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
