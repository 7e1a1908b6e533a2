"""Build Bow Out's installers: ``python packaging/build.py bundle|deb|tarball|nsis|dmg``.

bundle   the one-folder PyInstaller app in dist/bowout (``--floor``: the bare QMainWindow floor)
deb      dist/bowout_<version>_amd64.deb from dist/bowout (Linux)
tarball  dist/bowout-<version>-linux-x86_64.tar.gz from dist/bowout (Linux)
nsis     dist/bowout-<version>-windows-x64-setup.exe (Windows); ``--check`` on any OS with
         makensis compiles the script against a stand-in payload instead
dmg      dist/BowOut-<version>-macos-<arch>.dmg from dist/Bow Out.app, signed and notarised
         only when the signing secrets are in the environment (macOS)
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import debian
import macos
from debian import deb_control

logger = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DIST = ROOT / "dist"
WORK = ROOT / "build"


def version() -> str:
    """The package version, read from the source so building never imports the app."""
    text = (ROOT / "desktop" / "bowout" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'__version__ = "([^"]+)"', text)
    if not found:
        raise SystemExit("build.py: no __version__ in desktop/bowout/__init__.py")
    return found.group(1)


def tree_size(folder: Path) -> int:
    """Bytes on disk of every regular file under ``folder`` (symlinks not followed)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def mib(size: int) -> str:
    """A size in MiB with one decimal, for the build log."""
    return f"{size / 1024 / 1024:.1f} MiB"


def run(cmd: list[str], **kwargs: object) -> None:
    """Run a build tool, echoing it, failing the build when it fails."""
    print("+ " + " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, **kwargs)  # type: ignore[call-overload]


def bundle_dir() -> Path:
    """Where ``bundle`` leaves the one-folder app."""
    return DIST / "bowout"


def cmd_bundle(args: argparse.Namespace) -> Path:
    """Freeze the app (or the floor) with bowout.spec; returns the one-folder output."""
    name = "floor" if args.floor else "bowout"
    env = dict(os.environ, BOWOUT_BUNDLE_FLOOR="1" if args.floor else "0")
    started = time.monotonic()
    run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level=WARN",
            f"--distpath={DIST}",
            f"--workpath={WORK / ('pyinstaller-' + name)}",
            str(HERE / "bowout.spec"),
        ],
        env=env,
    )
    out = DIST / name
    print(f"bundle: {out.name} {mib(tree_size(out))} in {time.monotonic() - started:.0f} s")
    return out


def _require_bundle() -> Path:
    folder = bundle_dir()
    if not (folder / "bowout").is_file():
        raise SystemExit("build.py: no dist/bowout/bowout; run `build.py bundle` first")
    return folder


def cmd_deb(args: argparse.Namespace) -> Path:
    """The Debian package: /opt/bowout, /usr/bin/bowout, menu entry, hicolor icons."""
    out = DIST / f"bowout_{version()}_amd64.deb"
    stage = WORK / "deb"
    debian.stage(_require_bundle(), ROOT / "resources", stage, version())
    run(["dpkg-deb", "--root-owner-group", f"-Z{args.compress}", "--build", str(stage), str(out)])
    print(f"deb: {out.name} {mib(out.stat().st_size)}")
    return out


def _tar_filter(info: tarfile.TarInfo) -> tarfile.TarInfo:
    # Owned by root with no user names, like a release archive, whoever built it.
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def cmd_tarball(args: argparse.Namespace) -> Path:
    """A tar.gz whose bowout-<version>/bowout runs where it is extracted."""
    folder = _require_bundle()
    top = f"bowout-{version()}"
    out = DIST / f"{top}-linux-x86_64.tar.gz"
    with tarfile.open(out, "w:gz", compresslevel=6) as tar:
        tar.add(folder, arcname=top, filter=_tar_filter)
        # Users who want a menu entry copy these two (the README inside the .deb does it).
        tar.add(ROOT / "resources" / "linux" / "bowout.desktop", f"{top}/bowout.desktop")
        tar.add(ROOT / "resources" / "icons" / "bowout.png", f"{top}/bowout.png")
    print(f"tarball: {out.name} {mib(out.stat().st_size)}")
    return out


def _stand_in_payload(folder: Path) -> Path:
    """A tiny fake one-folder app with the real layout, so makensis can compile on Linux."""
    (folder / "_internal" / "templates").mkdir(parents=True, exist_ok=True)
    (folder / "bowout.exe").write_bytes(b"MZ stand-in for the frozen app\n")
    (folder / "_internal" / "templates" / "stand-in.j2").write_text("stand-in\n")
    return folder


def cmd_nsis(args: argparse.Namespace) -> Path:
    """Compile packaging/windows/bowout.nsi (the per-user installer)."""
    makensis = shutil.which("makensis")
    if not makensis:
        raise SystemExit("build.py: makensis not found (apt-get install nsis / choco install nsis)")
    with tempfile.TemporaryDirectory(prefix="bowout-nsis-") as tmp:
        if args.check:
            payload = _stand_in_payload(Path(tmp) / "payload")
            out = Path(tmp) / "setup-check.exe"
        else:
            payload = _require_bundle()
            out = DIST / f"bowout-{version()}-windows-x64-setup.exe"
        run(
            [
                makensis,
                "-V2",
                "-WX",  # warnings are errors: a script that only warns here breaks on Windows
                f"-DVERSION={version()}",
                f"-DPAYLOAD={payload}",
                f"-DOUTFILE={out}",
                f"-DICON={ROOT / 'resources' / 'icons' / 'bowout.ico'}",
                str(HERE / "windows" / "bowout.nsi"),
            ]
        )
        print(f"nsis: {'compile check passed' if args.check else out.name}")
        if args.check:
            _check_nsis_output(out)
        return out


def _check_nsis_output(out: Path) -> None:
    data = out.read_bytes()
    if not data.startswith(b"MZ") or len(data) < 30_000:
        raise SystemExit(f"build.py: makensis produced no plausible installer ({len(data)} bytes)")


def cmd_dmg(args: argparse.Namespace) -> Path:
    """The macOS disk image, with optional signing and notarisation."""
    if sys.platform != "darwin":
        raise SystemExit("build.py: dmg needs macOS (hdiutil, codesign)")
    arch = {"arm64": "arm64", "x86_64": "x86_64"}.get(platform.machine(), platform.machine())
    out = DIST / f"BowOut-{version()}-macos-{arch}.dmg"
    macos.make_dmg(DIST / "Bow Out.app", out, HERE / "macos", run)
    print(f"dmg: {out.name} {mib(out.stat().st_size)}")
    return out


def main(argv: list[str] | None = None) -> int:
    """Parse the subcommand and build it."""
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    parser = argparse.ArgumentParser(prog="build.py", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    bundle = sub.add_parser("bundle", help="the one-folder PyInstaller app")
    bundle.add_argument("--floor", action="store_true", help="bare QMainWindow, same options")
    deb = sub.add_parser("deb", help="Debian package from dist/bowout")
    deb.add_argument("--compress", default="xz", choices=("xz", "gzip", "zstd"))
    sub.add_parser("tarball", help="Linux tar.gz from dist/bowout")
    nsis = sub.add_parser("nsis", help="Windows per-user installer")
    nsis.add_argument("--check", action="store_true", help="compile against a stand-in payload")
    sub.add_parser("dmg", help="macOS disk image")
    args = parser.parse_args(argv)
    DIST.mkdir(exist_ok=True)
    commands = {
        "bundle": cmd_bundle,
        "deb": cmd_deb,
        "tarball": cmd_tarball,
        "nsis": cmd_nsis,
        "dmg": cmd_dmg,
    }
    commands[args.command](args)
    return 0


__all__ = ["deb_control", "main", "version"]

if __name__ == "__main__":
    sys.exit(main())
