"""The Debian package's tree: /opt/bowout, /usr/bin/bowout, menu entry, icons, metainfo, docs.

Laid out so that lintian reports nothing beyond the overrides in debian_docs.py, and so that
two builds of one commit give the same bytes (every time stamp is the commit's).
"""

from __future__ import annotations

import argparse
import logging
import shutil
from pathlib import Path

import debian_docs
import metainfo
import reproducible
import tidy

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

#: Fonts for what DejaVu lacks, so a PDF prints emoji and Indic, Arabic or CJK names instead
#: of empty boxes (Qt falls back through fontconfig): recommended, not required, as a
#: desktop usually has some already.
RECOMMENDS = (
    "fonts-noto-core",
    "fonts-noto-cjk",
    "fonts-noto-color-emoji",
    "fonts-symbola",
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
        "Maintainer": debian_docs.MAINTAINER,
        "Installed-Size": str(installed_kb),
        "Depends": ", ".join(DEPENDS),
        "Recommends": ", ".join(RECOMMENDS),
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


def _write(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)


def _docs(root: Path, repo: Path, version: str, epoch: int) -> None:
    """copyright, both changelogs, the man page, the metainfo and the lintian overrides."""
    from bowout.cli import build_parser

    upstream = version.split("-", 1)[0]
    usr = root / "usr" / "share"
    docs = usr / "doc" / "bowout"
    _write(docs / "copyright", debian_docs.copyright_text(epoch))
    _write(
        docs / "changelog.Debian.gz",
        reproducible.gzip_bytes(debian_docs.debian_changelog(version, epoch).encode()),
    )
    changes = (repo / "CHANGELOG.md").read_text(encoding="utf-8")
    _write(
        docs / "changelog.gz",
        reproducible.gzip_bytes(debian_docs.upstream_changelog(changes).encode()),
    )
    parser: argparse.ArgumentParser = build_parser()
    _write(
        usr / "man" / "man1" / "bowout.1.gz",
        reproducible.gzip_bytes(debian_docs.manual_page(parser, upstream, epoch).encode()),
    )
    _write(
        usr / "metainfo" / metainfo.FILENAME,
        metainfo.render(repo / "resources" / "linux" / metainfo.FILENAME, changes, upstream, epoch),
    )
    _write(usr / "lintian" / "overrides" / "bowout", debian_docs.LINTIAN_OVERRIDES)


def stage(bundle: Path, resources: Path, root: Path, version: str, epoch: int = 0) -> Path:
    """Lay out the package tree under ``root`` (emptied first); returns ``root``.

    ``bundle`` is the one-folder app, ``resources`` the repository's resources/ folder (its
    parent holds CHANGELOG.md), ``version`` the Debian version (``0.1.0-1``) and ``epoch``
    the time stamp every file gets (SOURCE_DATE_EPOCH).
    """
    if root.exists():
        shutil.rmtree(root)
    opt = root / "opt" / "bowout"
    shutil.copytree(bundle, opt, symlinks=True)
    usr = root / "usr"
    (usr / "bin").mkdir(parents=True)
    wrapper = usr / "bin" / "bowout"
    wrapper.write_text(WRAPPER, encoding="utf-8")
    apps = usr / "share" / "applications"
    apps.mkdir(parents=True)
    shutil.copyfile(resources / "linux" / "bowout.desktop", apps / "bowout.desktop")
    icons = usr / "share" / "icons" / "hicolor"
    shutil.copytree(resources / "icons" / "hicolor", icons)
    (icons / "scalable" / "apps").mkdir(parents=True)
    shutil.copyfile(resources / "icons" / "bowout.svg", icons / "scalable" / "apps" / "bowout.svg")
    _docs(root, resources.parent, version, epoch)
    reproducible.zero_gzip_timestamps(root)
    tidy.fix_modes(root)
    wrapper.chmod(0o755)
    installed_kb = _kib(root)
    control = root / "DEBIAN" / "control"
    _write(control, deb_control(version, "amd64", installed_kb))
    _write(control.parent / "md5sums", debian_docs.md5sums(root))
    tidy.fix_modes(control.parent)
    # Menus and icon caches refresh through dpkg triggers (desktop-file-utils, hicolor theme).
    reproducible.clamp_mtimes(root, epoch)
    logger.info("deb tree staged in %s", root)
    return root
