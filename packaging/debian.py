"""The Debian package's tree: /opt/bowout, /usr/bin/bowout, the menu entry, hicolor icons."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

logger = logging.getLogger(__name__)

#: System libraries Qt's xcb/wayland plugins and fontconfig load at run time. PyInstaller
#: copies some of them in, but the GL/EGL drivers and the X/Wayland client stack must match the
#: machine, and a fresh install needs at least one font so text renders.
DEPENDS = (
    "libc6 (>= 2.35)",
    "libgl1",
    "libegl1",
    "libfontconfig1",
    "libfreetype6",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libdbus-1-3",
    "libglib2.0-0 | libglib2.0-0t64",
    "libx11-6",
    "libx11-xcb1",
    "libxcb1",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-shm0",
    "libxcb-sync1",
    "libxcb-xfixes0",
    "libxcb-xinerama0",
    "libxcb-xkb1",
    "libwayland-client0",
    "libwayland-cursor0",
    "libwayland-egl1",
    "fonts-dejavu-core | fonts-liberation2 | fonts-noto-core",
)

WRAPPER = """#!/bin/sh
# Bow Out lives in /opt/bowout; exec keeps the process name and exit status.
exec /opt/bowout/bowout "$@"
"""


def deb_control(version: str, arch: str, installed_kb: int) -> str:
    """The DEBIAN/control file's text."""
    fields = {
        "Package": "bowout",
        "Version": version,
        "Architecture": arch,
        "Maintainer": "Bow Out maintainers <bowout@example.org>",
        "Installed-Size": str(installed_kb),
        "Depends": ", ".join(DEPENDS),
        "Section": "utils",
        "Priority": "optional",
        "Homepage": "https://example.org/bowout",
        "Description": "write a polite withdrawal from a job application\n"
        " Bow Out is an offline desktop app that drafts the message you send when you\n"
        " withdraw from a job application or interview process, and keeps a private\n"
        " history of what you sent.",
    }
    return "".join(f"{key}: {value}\n" for key, value in fields.items())


def _kib(folder: Path) -> int:
    return (
        sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
        // 1024
        + 1
    )


def stage(bundle: Path, resources: Path, root: Path, version: str) -> Path:
    """Lay out the package tree under ``root`` (emptied first); returns ``root``."""
    if root.exists():
        shutil.rmtree(root)
    opt = root / "opt" / "bowout"
    shutil.copytree(bundle, opt, symlinks=True)
    usr = root / "usr"
    (usr / "bin").mkdir(parents=True)
    wrapper = usr / "bin" / "bowout"
    wrapper.write_text(WRAPPER, encoding="utf-8")
    wrapper.chmod(0o755)
    apps = usr / "share" / "applications"
    apps.mkdir(parents=True)
    shutil.copy2(resources / "linux" / "bowout.desktop", apps / "bowout.desktop")
    icons = usr / "share" / "icons" / "hicolor"
    shutil.copytree(resources / "icons" / "hicolor", icons)
    (icons / "scalable" / "apps").mkdir(parents=True)
    shutil.copy2(resources / "icons" / "bowout.svg", icons / "scalable" / "apps" / "bowout.svg")
    docs = usr / "share" / "doc" / "bowout"
    docs.mkdir(parents=True)
    (docs / "copyright").write_text(
        "Bow Out, packaged with its Python runtime and Qt (LGPLv3) from PySide6.\n",
        encoding="utf-8",
    )
    installed_kb = _kib(root)
    debian = root / "DEBIAN"
    debian.mkdir()
    (debian / "control").write_text(deb_control(version, "amd64", installed_kb), encoding="utf-8")
    # Menus and icon caches refresh through dpkg triggers (desktop-file-utils, hicolor theme).
    for path in root.rglob("*"):
        if path.is_dir():
            path.chmod(0o755)
    logger.info("deb tree staged in %s", root)
    return root
