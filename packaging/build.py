"""Build Bow Out's installers: ``python packaging/build.py bundle|deb|tarball|nsis|dmg|...``.

bundle   the one-folder PyInstaller app in dist/bowout (``--floor``: the bare QMainWindow floor)
deb      dist/bowout_<version>-1_amd64.deb from dist/bowout (Linux)
tarball  dist/bowout-<version>-linux-x86_64.tar.gz from dist/bowout (Linux)
nsis     dist/bowout-<version>-windows-x64-setup.exe (Windows); ``--check`` on any OS with
         makensis compiles the script against a stand-in payload instead
dmg      dist/BowOut-<version>-macos-<arch>.dmg from dist/Bow Out.app, signed and notarised
         only when the signing secrets are in the environment (macOS)
checksums  dist/SHA256SUMS over every installer in dist/
verify-reproducible  freeze a second bundle from scratch, pack its .deb and tarball, and
         fail unless both are byte-identical to the ones packed from dist/bowout (Linux)

Every time stamp is SOURCE_DATE_EPOCH (default: the last commit's time). Progress goes to
stderr; each subcommand prints the path of what it built as the last line on stdout.
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
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import debian
import macos
import reproducible
import tidy
from debian import deb_control

logger = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DIST = ROOT / "dist"
WORK = ROOT / "build"
#: The Debian revision: the .deb is a non-native package of the upstream version.
DEB_REVISION = "1"
#: What `checksums` lists: every installer a release publishes.
ARTEFACTS = ("*.deb", "*.tar.gz", "*-setup.exe", "*.dmg")


def version() -> str:
    """The package version, read from the source so building never imports the app."""
    text = (ROOT / "desktop" / "bowout" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'__version__ = "([^"]+)"', text)
    if not found:
        raise SystemExit("build.py: no __version__ in desktop/bowout/__init__.py")
    return found.group(1)


def deb_version() -> str:
    """The Debian package version: upstream version and Debian revision (``0.1.0-1``)."""
    return f"{version()}-{DEB_REVISION}"


def tree_size(folder: Path) -> int:
    """Bytes on disk of every regular file under ``folder`` (symlinks not followed)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def mib(size: int) -> str:
    """A size in MiB with one decimal, for the build log."""
    return f"{size / 1024 / 1024:.1f} MiB"


def run(cmd: list[str], **kwargs: object) -> None:
    """Run a build tool, echoing it, failing the build when it fails."""
    print("+ " + " ".join(cmd), file=sys.stderr, flush=True)
    try:
        log: int | None = sys.stderr.fileno()  # the tool's output joins the build log
    except (AttributeError, OSError):  # stderr is not a file (captured): relay the text
        log = None
    done = subprocess.run(
        cmd,
        check=True,
        stdout=subprocess.PIPE if log is None else log,
        **kwargs,  # type: ignore[arg-type]
    )
    if log is None and done.stdout:
        sys.stderr.write(done.stdout.decode(errors="replace"))


def say(line: str) -> None:
    """A progress line for the build log (stderr, so stdout carries only the result)."""
    print(line, file=sys.stderr, flush=True)


def bundle_dir() -> Path:
    """Where ``bundle`` leaves the one-folder app."""
    return DIST / "bowout"


def freeze(dist: Path, work: Path, floor: bool = False) -> Path:
    """Freeze the app (or the floor) with bowout.spec into ``dist``; returns the folder.

    PYTHONHASHSEED is fixed because PyInstaller lists base_library.zip from a set of module
    names: with a random seed the zip's member order, and so its bytes, change every build.
    On Linux the bundle is then tidied (tidy.py): library modes, RUNPATHs, gzip stamps.
    """
    name = "floor" if floor else "bowout"
    env = dict(
        os.environ,
        BOWOUT_BUNDLE_FLOOR="1" if floor else "0",
        PYTHONHASHSEED="0",
        SOURCE_DATE_EPOCH=str(reproducible.source_date_epoch(ROOT)),
    )
    started = time.monotonic()
    run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level=WARN",
            f"--distpath={dist}",
            f"--workpath={work / ('pyinstaller-' + name)}",
            str(HERE / "bowout.spec"),
        ],
        env=env,
    )
    out = dist / name
    if sys.platform.startswith("linux"):
        tidy.strip_foreign_runpaths(out)
        tidy.fix_modes(out)
        reproducible.zero_gzip_timestamps(out)
    say(f"bundle: {out.name} {mib(tree_size(out))} in {time.monotonic() - started:.0f} s")
    return out


def cmd_bundle(args: argparse.Namespace) -> Path:
    """Freeze the app (or the floor) into dist/; returns the one-folder output."""
    return freeze(DIST, WORK, args.floor)


#: The frozen app's launcher in the one-folder bundle, per target: a Windows bundle's is an
#: .exe (PyInstaller names it so), the Linux and macOS ones have no suffix.
LAUNCHER = {"linux": "bowout", "darwin": "bowout", "win32": "bowout.exe"}

#: Stand-ins the Wine test prefix gets for what Windows 10 1903+ has and Wine 8 lacks
#: (packaging/wine_standins.py). They must never reach a bundle or an installer.
TEST_ONLY_DLLS = frozenset({"icuuc.dll", "bcryptprimitives.dll"})


def _require_bundle(target: str = "linux") -> Path:
    """dist/bowout, holding the launcher a ``target`` (a sys.platform value) bundle has."""
    folder = bundle_dir()
    launcher = LAUNCHER[target]
    if not (folder / launcher).is_file():
        raise SystemExit(f"build.py: no dist/bowout/{launcher}; run `build.py bundle` first")
    return folder


def test_only_dlls(folder: Path) -> list[Path]:
    """Files under ``folder`` named like the Wine test prefix's stand-ins (any case)."""
    return sorted(p for p in folder.rglob("*") if p.name.lower() in TEST_ONLY_DLLS)


def pack_deb(bundle: Path, out: Path, deb_ver: str, work: Path, compress: str = "xz") -> Path:
    """The Debian package of ``bundle`` at ``out``: /opt/bowout, /usr/bin/bowout, menu entry,
    icons, metainfo, man page; dpkg-deb dates and orders its members reproducibly.
    """
    epoch = reproducible.source_date_epoch(ROOT)
    stage = debian.stage(bundle, ROOT / "resources", work / "deb", deb_ver, epoch)
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(epoch))
    out.parent.mkdir(parents=True, exist_ok=True)
    run(
        ["dpkg-deb", "--root-owner-group", f"-Z{compress}", "--build", str(stage), str(out)],
        env=env,
    )
    say(f"deb: {out.name} {mib(out.stat().st_size)}")
    return out


def cmd_deb(args: argparse.Namespace) -> Path:
    """The Debian package of dist/bowout (``--deb-version``/``--out`` for the upgrade test)."""
    deb_ver = args.deb_version or deb_version()
    out = Path(args.out) if args.out else DIST / f"bowout_{deb_ver}_amd64.deb"
    return pack_deb(_require_bundle(), out, deb_ver, WORK, args.compress)


def pack_tarball(bundle: Path, out: Path) -> Path:
    """A reproducible tar.gz whose bowout-<version>/bowout runs where it is extracted."""
    top = f"bowout-{version()}"
    reproducible.write_tar_gz(
        out,
        [
            (bundle, top),
            # Users who want a menu entry copy these two (the README says how).
            (ROOT / "resources" / "linux" / "bowout.desktop", f"{top}/bowout.desktop"),
            (ROOT / "resources" / "icons" / "bowout.png", f"{top}/bowout.png"),
        ],
        reproducible.source_date_epoch(ROOT),
    )
    say(f"tarball: {out.name} {mib(out.stat().st_size)}")
    return out


def cmd_tarball(args: argparse.Namespace) -> Path:
    """dist/bowout-<version>-linux-x86_64.tar.gz from dist/bowout."""
    return pack_tarball(_require_bundle(), DIST / f"bowout-{version()}-linux-x86_64.tar.gz")


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
            payload = _require_bundle("win32")  # built on Windows, or under Wine in CI
            out = DIST / f"bowout-{version()}-windows-x64-setup.exe"
        stand_ins = test_only_dlls(payload)
        if stand_ins:
            raise SystemExit(
                "build.py: the bundle holds a test-only stand-in DLL: "
                + ", ".join(str(p.relative_to(payload)) for p in stand_ins)
            )
        run(
            [
                makensis,
                "-V2",
                # 64-bit installer for the 64-bit app: it writes to the 64-bit registry view
                # and needs no 32-bit subsystem (WoW64) to run.
                "-XTarget amd64-unicode",
                "-WX",  # warnings are errors: a script that only warns here breaks on Windows
                f"-DVERSION={version()}",
                f"-DPAYLOAD={payload}",
                f"-DOUTFILE={out}",
                f"-DICON={ROOT / 'resources' / 'icons' / 'bowout.ico'}",
                str(HERE / "windows" / "bowout.nsi"),
            ]
        )
        say(f"nsis: {'compile check passed' if args.check else out.name}")
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
    say(f"dmg: {out.name} {mib(out.stat().st_size)}")
    return out


def cmd_checksums(args: argparse.Namespace) -> Path:
    """SHA256SUMS in ``--dir`` (default dist/) over every installer there."""
    out = reproducible.write_sha256sums(Path(args.dir) if args.dir else DIST, ARTEFACTS)
    say(out.read_text(encoding="utf-8").rstrip())
    return out


def cmd_verify_reproducible(args: argparse.Namespace) -> Path:
    """Build a second bundle, .deb and tarball from scratch and compare them byte for byte.

    The first set is packed from dist/bowout into dist/; the second is frozen in
    build/second/. Exits 1 with the files that differ when any artefact is not identical.
    """
    first_bundle = _require_bundle()
    second = WORK / "second"
    if second.exists():
        shutil.rmtree(second)
    second_bundle = freeze(second / "dist", second / "work")
    pairs = []
    name = f"bowout_{deb_version()}_amd64.deb"
    pairs.append(
        (
            pack_deb(first_bundle, DIST / name, deb_version(), WORK),
            pack_deb(second_bundle, second / name, deb_version(), second / "work"),
        )
    )
    if not args.deb_only:
        name = f"bowout-{version()}-linux-x86_64.tar.gz"
        pairs.append(
            (pack_tarball(first_bundle, DIST / name), pack_tarball(second_bundle, second / name))
        )
    same = True
    for one, two in pairs:
        sums = reproducible.sha256(one), reproducible.sha256(two)
        say(f"{one.name}\n  first  {sums[0]}\n  second {sums[1]}")
        same = same and sums[0] == sums[1]
    if not same:
        diff = reproducible.explain_difference(
            reproducible.tree_digest(first_bundle), reproducible.tree_digest(second_bundle)
        )
        say("not reproducible; bundle differences:\n" + "\n".join(diff or ["(none)"]))
        raise SystemExit(1)
    say("reproducible: both builds are byte-identical")
    return pairs[0][0]


def main(argv: list[str] | None = None) -> int:
    """Parse the subcommand and build it."""
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    parser = argparse.ArgumentParser(prog="build.py", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    bundle = sub.add_parser("bundle", help="the one-folder PyInstaller app")
    bundle.add_argument("--floor", action="store_true", help="bare QMainWindow, same options")
    deb = sub.add_parser("deb", help="Debian package from dist/bowout")
    deb.add_argument("--compress", default="xz", choices=("xz", "gzip", "zstd"))
    deb.add_argument("--deb-version", help="package version (default: <version>-1)")
    deb.add_argument("--out", help="where to write the .deb")
    sub.add_parser("tarball", help="Linux tar.gz from dist/bowout")
    nsis = sub.add_parser("nsis", help="Windows per-user installer")
    nsis.add_argument("--check", action="store_true", help="compile against a stand-in payload")
    sub.add_parser("dmg", help="macOS disk image")
    sums = sub.add_parser("checksums", help="SHA256SUMS over the installers in dist/")
    sums.add_argument("--dir", help="folder holding the installers (default: dist/)")
    verify = sub.add_parser("verify-reproducible", help="build twice, compare the bytes")
    verify.add_argument("--deb-only", action="store_true", help="skip the tarball")
    args = parser.parse_args(argv)
    DIST.mkdir(exist_ok=True)
    commands = {
        "bundle": cmd_bundle,
        "deb": cmd_deb,
        "tarball": cmd_tarball,
        "nsis": cmd_nsis,
        "dmg": cmd_dmg,
        "checksums": cmd_checksums,
        "verify-reproducible": cmd_verify_reproducible,
    }
    print(commands[args.command](args))
    return 0


__all__ = ["deb_control", "deb_version", "main", "version"]

if __name__ == "__main__":
    sys.exit(main())
