"""Check the Windows app and installer the way a user meets them, on Windows or under Wine.

``python packaging/windows_check.py bundle`` runs dist/bowout/bowout.exe (``--version``,
``self-test``); ``installer SETUP [--previous OLD_SETUP]`` installs SETUP silently (over
OLD_SETUP's copy with a saved record, when given), runs the installed ``self-test`` and a
``draft --save``, then uninstalls it both ways: ``/S _?=<folder>`` as scripts do, and the
registry's QuietUninstallString as Windows' "Installed apps" runs it (the uninstaller copies
itself to a temporary folder and returns at once, so this waits for the program to go).
After each it checks that the program, its registry entry and Start-menu shortcuts are gone
and that the user's data (history, backups, settings, window state) is byte-identical.
``refuse-old SETUP`` (Wine only) has Wine report Windows 7 and checks that the installer
refuses to install. The release workflow runs this same script on a Windows runner; CI
runs it under Wine (packaging/windows_ci.sh). Exits 1 with the first failed check.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import build  # noqa: E402
import trim  # noqa: E402

UNINSTALL_KEY = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\BowOut"
APP_KEY = r"HKCU\Software\BowOut"
START_MENU = r"Microsoft\Windows\Start Menu\Programs\Bow Out"
#: How long a detached uninstaller may take to remove the program (seconds).
UNINSTALL_WAIT = 120


class CheckFailed(Exception):
    """One check did not hold; its message says which and what was seen."""


def check(condition: bool, message: str) -> None:
    """Raise CheckFailed with ``message`` unless ``condition``."""
    if not condition:
        raise CheckFailed(message)


@dataclass(frozen=True)
class Done:
    """A finished Windows program: its exit status and what it printed (both streams)."""

    status: int
    output: str


class Host:
    """Runs Windows programs and maps Windows paths to this machine's paths."""

    def command(self, argv: list[str]) -> list[str]:
        """The command line that starts ``argv`` (a Windows program and its arguments)."""
        return argv

    def run(self, argv: list[str], env: Mapping[str, str] | None = None) -> Done:
        """Run ``argv`` to its end with its output in a pipe (a file kills Python on Wine)."""
        print("+ " + " ".join(argv), flush=True)
        done = subprocess.run(
            self.command(argv),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env=dict(os.environ, **(env or {})),
            timeout=600,
            check=False,
        )
        return Done(done.returncode, done.stdout.decode("utf-8", errors="replace"))

    def to_local(self, windows_path: str) -> Path:
        """This machine's path for a Windows path."""
        return Path(windows_path)

    def to_windows(self, path: Path) -> str:
        """The Windows path for a path on this machine."""
        return str(path)

    def windows_env(self, name: str) -> str:
        """A variable of the Windows environment (LOCALAPPDATA, APPDATA, TEMP)."""
        value = os.environ.get(name, "")
        check(bool(value), f"{name} is not set")
        return value

    def settle(self) -> None:
        """Wait until programs started in the background have ended (Wine can tell)."""


class Wine(Host):
    """Windows programs under Wine, in the prefix WINEPREFIX names."""

    def command(self, argv: list[str]) -> list[str]:
        return ["wine", *argv]

    def to_local(self, windows_path: str) -> Path:
        return Path(self.winepath("-u", windows_path))

    def to_windows(self, path: Path) -> str:
        return self.winepath("-w", str(path))

    def winepath(self, flag: str, path: str, attempts: int = 3) -> str:
        """``winepath FLAG PATH``'s answer. Just after ``winecfg -v`` changes the reported
        Windows, the wineserver restarts and winepath can exit 1 once (seen in CI): wait for
        the server and ask again, up to ``attempts`` times.

        Raises:
            CheckFailed: winepath failed every time (its last stderr in the message).
        """
        error = ""
        for _ in range(attempts):
            done = subprocess.run(
                ["winepath", flag, path], check=False, capture_output=True, text=True
            )
            if done.returncode == 0 and done.stdout.strip():
                return done.stdout.strip()
            error = done.stderr.strip() or f"exit {done.returncode}"
            self.settle()
        raise CheckFailed(f"winepath {flag} {path} failed {attempts} times: {error}")

    def windows_env(self, name: str) -> str:
        done = self.run(["cmd", "/c", f"echo %{name}%"])
        value = done.output.strip().splitlines()[-1].strip() if done.output.strip() else ""
        check(bool(value) and "%" not in value, f"{name} is not set in the Wine prefix")
        return value

    def settle(self) -> None:
        subprocess.run(["wineserver", "-w"], check=False)


# ------------------------------------------------------------------ what is checked


def registry_value(host: Host, key: str, name: str) -> str | None:
    """The REG_SZ/REG_DWORD ``name`` under ``key``, or None when the key or value is absent."""
    done = host.run(["reg", "query", key, "/v", name])
    return parse_reg_query(done.output, name) if done.status == 0 else None


def parse_reg_query(output: str, name: str) -> str | None:
    """The data of ``name`` in ``reg query`` output (``    name    REG_SZ    data``)."""
    for line in output.splitlines():
        parts = line.strip().split(None, 2)
        if len(parts) >= 2 and parts[0].lower() == name.lower() and parts[1].startswith("REG_"):
            return parts[2].strip() if len(parts) == 3 else ""
    return None


def snapshot(folders: list[Path]) -> dict[str, str]:
    """SHA-256 of every file under ``folders``, by path: what "byte-identical" compares."""
    sums: dict[str, str] = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                sums[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return sums


def differences(before: Mapping[str, str], after: Mapping[str, str]) -> list[str]:
    """What changed between two snapshots, one line per file, sorted."""
    lines = [f"removed {p}" for p in before if p not in after]
    lines += [f"added {p}" for p in after if p not in before]
    lines += [f"changed {p}" for p in before if p in after and before[p] != after[p]]
    return sorted(lines)


@dataclass
class Layout:
    """Where the installer puts things and where the user's data lives, on this machine."""

    install: Path
    install_windows: str
    data: list[Path]
    start_menu: Path

    @property
    def exe(self) -> str:
        """The installed app as Windows names it."""
        return str(PureWindowsPath(self.install_windows) / "bowout.exe")


def layout(host: Host) -> Layout:
    """The per-user install folder, the data folders and the Start-menu folder."""
    local = host.windows_env("LOCALAPPDATA")
    roaming = host.windows_env("APPDATA")
    install = str(PureWindowsPath(local) / "Programs" / "BowOut")
    return Layout(
        install=host.to_local(install),
        install_windows=install,
        # The history, backups, settings and logs (platformdirs), the window state (QSettings).
        data=[
            host.to_local(str(PureWindowsPath(local) / "BowOut")),
            host.to_local(str(PureWindowsPath(roaming) / "BowOut")),
        ],
        start_menu=host.to_local(str(PureWindowsPath(roaming) / START_MENU)),
    )


def run_app(host: Host, exe: str, *args: str) -> Done:
    """Run the app with ``args``; fail with its output unless it exits 0."""
    done = host.run([exe, *args])
    check(done.status == 0, f"{exe} {' '.join(args)} exited {done.status}:\n{done.output}")
    return done


def self_test_once(host: Host, exe: str, work: Path) -> Done:
    """Run ``bowout self-test`` once and print its report, read from a file (a windowed .exe
    has no console to print on); the report as ``output``, else what the process printed."""
    report = work / "selftest.txt"
    report.unlink(missing_ok=True)
    done = host.run([exe, "self-test"], env={"BOWOUT_SELFTEST_OUT": host.to_windows(report)})
    text = report.read_text(encoding="utf-8") if report.is_file() else done.output
    print(text, end="", flush=True)
    return Done(done.status, text)


def failed_steps(report: str) -> list[str]:
    """The self-test steps the report says failed (``FAIL compose: ...``), not counting a
    failure outside the steps (``FAIL self-test: ...``) or a report cut short by a crash."""
    found = (re.match(r"FAIL (\w+):", line) for line in report.splitlines())
    return [m.group(1) for m in found if m and m.group(1) != "self-test"]


def self_test(host: Host, exe: str, work: Path) -> None:
    """``bowout self-test`` passes, and its report says so.

    A run that failed with no failed step (the process died, or failed before its steps
    began) is run once more, and says so: CI saw one such exit under Wine, status 1 with an
    empty report, on a tree whose bundle passed when built again here. A failed step is never run
    again: that is a fault of the bundle.
    """
    done = self_test_once(host, exe, work)
    if done.status != 0 and not failed_steps(done.output):
        print(
            f"windows_check: self-test exited {done.status} with no failed step"
            " (its report is above); running it once more",
            flush=True,
        )
        done = self_test_once(host, exe, work)
    check(done.status == 0, f"self-test exited {done.status}")
    check("self-test: passed" in done.output, "the self-test report does not say it passed")


def check_bundle(host: Host, bundle: Path, work: Path) -> None:
    """The frozen app in ``bundle`` starts, says its version and passes its self-test."""
    exe = host.to_windows(bundle / build.LAUNCHER["win32"])
    stand_ins = build.test_only_dlls(bundle)
    check(not stand_ins, f"the bundle holds test-only stand-ins: {stand_ins}")
    inside = bundle / "_internal"
    names = [p.relative_to(inside).as_posix() for p in inside.rglob("*") if p.is_file()]
    trimmed = [name for name in names if not trim.keep(name)]
    check(not trimmed, f"the bundle holds what trim.py drops: {trimmed}")
    done = run_app(host, exe, "--version")
    check(done.output.strip() == f"bowout {build.version()}", f"--version said {done.output!r}")
    self_test(host, exe, work)


def install(host: Host, setup: Path, where: Layout, version: str | None) -> None:
    """Install ``setup`` silently and check the program, registry entry (its version, when
    given) and shortcuts."""
    done = host.run([host.to_windows(setup), "/S"])
    check(done.status == 0, f"the installer exited {done.status}:\n{done.output}")
    host.settle()
    check((where.install / "bowout.exe").is_file(), f"no bowout.exe in {where.install}")
    check(not build.test_only_dlls(where.install), "the installed copy holds a stand-in DLL")
    shown = registry_value(host, UNINSTALL_KEY, "DisplayVersion")
    check(shown is not None, "Installed apps does not list Bow Out")
    check(version is None or shown == version, f"Installed apps lists {shown!r}, not {version}")
    check((where.start_menu / "Bow Out.lnk").is_file(), "no Start-menu shortcut")


def check_same_files(installed: Path, bundle: Path) -> None:
    """After an upgrade the folder holds exactly the new bundle (and the uninstaller): no
    file of the previous version lingers, none of the new one is missing or different."""
    have = {p.relative_to(installed).as_posix(): p for p in installed.rglob("*") if p.is_file()}
    want = {p.relative_to(bundle).as_posix(): p for p in bundle.rglob("*") if p.is_file()}
    have.pop("uninstall.exe", None)
    extra, missing = sorted(set(have) - set(want)), sorted(set(want) - set(have))
    check(not extra, f"files of the previous version linger: {extra[:10]}")
    check(not missing, f"files of the new version are missing: {missing[:10]}")
    for name in ("bowout.exe", "_internal/base_library.zip"):
        check(have[name].read_bytes() == want[name].read_bytes(), f"{name} is not the new one")


def save_record(host: Host, exe: str, company: str) -> str:
    """``bowout draft --save`` for ``company``; returns the saved record's id."""
    done = run_app(
        host, exe, "draft", "--stage", "final", "--reason", "other-offer",
        "--company", company, "--role", "Data Analyst", "--save", "--format", "json",
    )  # fmt: skip
    start = done.output.find("{")
    check(start >= 0, f"draft --save printed no JSON:\n{done.output}")
    record_id = str(json.loads(done.output[start:])["id"])
    check(bool(record_id), "draft --save printed no id")
    return record_id


def find_record(host: Host, exe: str, record_id: str, company: str) -> None:
    """``bowout history show ID`` shows the record with its company."""
    done = run_app(host, exe, "history", "show", record_id)
    check(company in done.output, f"history show {record_id} lacks {company}:\n{done.output}")


def check_removed(host: Host, where: Layout, data_before: Mapping[str, str]) -> None:
    """The program, its registry entries and shortcuts are gone; the data is untouched."""
    check(not (where.install / "bowout.exe").exists(), "the uninstaller left bowout.exe")
    check(not (where.install / "_internal").exists(), "the uninstaller left _internal")
    check(registry_value(host, UNINSTALL_KEY, "DisplayName") is None, "the registry entry stays")
    check(registry_value(host, APP_KEY, "InstallDir") is None, "HKCU\\Software\\BowOut stays")
    check(not where.start_menu.exists(), f"the Start-menu folder stays: {where.start_menu}")
    changed = differences(data_before, snapshot(where.data))
    check(not changed, "uninstalling changed the user's data:\n" + "\n".join(changed))


def uninstall_in_place(host: Host, where: Layout) -> None:
    """``uninstall.exe /S _?=<folder>``: runs in place and waits (scripts' way). It cannot
    delete itself then (NSIS), so the leftover uninstall.exe and folder go afterwards."""
    uninstaller = str(PureWindowsPath(where.install_windows) / "uninstall.exe")
    done = host.run([uninstaller, "/S", f"_?={where.install_windows}"])
    check(done.status == 0, f"the uninstaller exited {done.status}:\n{done.output}")
    host.settle()
    (where.install / "uninstall.exe").unlink()
    where.install.rmdir()  # fails if anything else was left behind


def uninstall_as_windows_does(host: Host, where: Layout) -> None:
    """Run the registry's QuietUninstallString as Windows' "Installed apps" does; the
    uninstaller copies itself to a temporary folder and returns at once, so wait."""
    command = registry_value(host, UNINSTALL_KEY, "QuietUninstallString")
    check(bool(command), "the registry has no QuietUninstallString")
    assert command is not None
    program, _, args = command.partition('" ')
    done = host.run([program.strip('"'), *args.split()])
    check(done.status == 0, f"the uninstaller exited {done.status}:\n{done.output}")
    host.settle()
    deadline = time.monotonic() + UNINSTALL_WAIT
    while where.install.exists() and time.monotonic() < deadline:
        time.sleep(0.5)
    check(not where.install.exists(), f"the uninstaller left {where.install}")


def make_user_data(host: Host, exe: str, where: Layout) -> str:
    """Two records (the second save leaves a backup), settings with a profile, and the
    window's state, as a user leaves them; returns the first record's id."""
    from bowout.core.situation import Profile
    from bowout.settings import Settings, save_settings

    record_id = save_record(host, exe, "Northwind")
    save_record(host, exe, "Contoso")
    data = where.data[0] / "BowOut"
    check((data / "history.json").is_file(), f"no history.json in {data}")
    backups = data / "backups"
    check(backups.is_dir() and any(backups.iterdir()), f"no backup of the history in {backups}")
    # Settings as the Settings dialog saves them; the installed app must read them.
    save_settings(data, Settings(profile=Profile(name="Aiko Tanaka"), theme="dark"))
    done = run_app(host, exe, "draft", "--stage", "applied")
    check("Aiko Tanaka" in done.output, f"the draft ignores the saved profile:\n{done.output}")
    ini = where.data[1] / "BowOut.ini"
    if not ini.exists():  # the window writes it on closing; a user's copy has one
        ini.parent.mkdir(parents=True, exist_ok=True)
        ini.write_text("[window]\nview=history\n", encoding="utf-8")
    return record_id


def check_installer(host: Host, setup: Path, previous: Path | None, work: Path) -> None:
    """Install (over ``previous`` when given), use, uninstall both ways; see the module."""
    where = layout(host)
    version = build.version()
    if previous is not None:
        install(host, previous, where, None)
        old_id = save_record(host, where.exe, "Fabrikam")
        install(host, setup, where, version)
        check_same_files(where.install, build.bundle_dir())
        find_record(host, where.exe, old_id, "Fabrikam")
        print(f"upgrade from {previous.name}: record {old_id} found", flush=True)
    else:
        install(host, setup, where, version)
    self_test(host, where.exe, work)
    make_user_data(host, where.exe, where)
    before = snapshot(where.data)
    check(bool(before), "no user data to compare")
    uninstall_in_place(host, where)
    check_removed(host, where, before)
    print(f"uninstall /S _?=: program gone, {len(before)} data files unchanged", flush=True)
    install(host, setup, where, version)
    uninstall_as_windows_does(host, where)
    check_removed(host, where, before)
    print(f"uninstall as Windows runs it: program gone, {len(before)} data files unchanged")


#: What Wine is told to report (a winecfg name, a build number) for the refusal check:
#: Windows 7, 8.1 and Windows 10 1809 (build 17763, the last before 1903). Wine's "win10"
#: reports 1903 itself (build 18362), where windows_ci.sh runs the installer check.
REFUSED_WINDOWS = (("win7", None), ("win81", None), ("win10", "17763"))
CURRENT_VERSION_KEY = r"HKLM\Software\Microsoft\Windows NT\CurrentVersion"


def report_windows(host: Host, version: str, build_number: str | None) -> str:
    """Have Wine report ``version`` (a winecfg name) and build; returns ``ver``'s words."""
    subprocess.run(["winecfg", "-v", version], check=True)
    if build_number is not None:  # Wine reads the build from the registry, as Windows does
        for name in ("CurrentBuild", "CurrentBuildNumber"):
            host.run(["reg", "add", CURRENT_VERSION_KEY, "/v", name, "/d", build_number, "/f"])
    host.settle()
    return host.run(["cmd", "/c", "ver"]).output.strip()


def refuse_old_windows(host: Host, setup: Path) -> None:
    """The installer refuses every Windows older than 10 version 1903 and installs nothing
    (Wine only: it can be told which version to report)."""
    check(isinstance(host, Wine), "refuse-old needs Wine (it changes the reported version)")
    where = layout(host)
    windows_setup = host.to_windows(setup)  # once, before the reported version changes
    try:
        for version, build_number in REFUSED_WINDOWS:
            reported = report_windows(host, version, build_number)
            done = host.run([windows_setup, "/S"])
            host.settle()
            check(done.status != 0, f"{reported}: the installer did not refuse")
            check(not where.install.exists(), f"{reported}: the installer installed")
            print(f"{reported}: refused (exit {done.status}), nothing installed", flush=True)
    finally:
        print(report_windows(host, "win10", None), flush=True)


def screenshot(out: Path, timeout: float = 90) -> None:
    """Save the screen to ``out`` (PNG) once a window has painted on it: the screen then
    shows more than a few colours (an empty X display is one)."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(["windows_check"])
    screen = app.primaryScreen()  # type: ignore[attr-defined]
    deadline = time.monotonic() + timeout
    colours = 0
    while time.monotonic() < deadline:
        image = screen.grabWindow(0).toImage()
        step = max(1, image.width() // 160)
        colours = len(
            {image.pixel(x, y) for x in range(0, image.width(), step)
             for y in range(0, image.height(), step)}
        )  # fmt: skip
        if colours >= 16:
            time.sleep(3)  # the history loads after the first paint
            check(screen.grabWindow(0).save(str(out), "PNG"), f"could not write {out}")
            print(f"screenshot: {out} ({image.width()}x{image.height()}, {colours} colours)")
            return
        time.sleep(1)
    raise CheckFailed(f"no window painted in {timeout:.0f} s ({colours} colours on screen)")


def main(argv: list[str] | None = None) -> int:
    """Parse the check to run; 0 when it passed, 1 with the failed check on stderr."""
    parser = argparse.ArgumentParser(prog="windows_check.py", description=__doc__.splitlines()[0])
    parser.add_argument("--wine", action="store_true", help="run the programs under Wine")
    sub = parser.add_subparsers(dest="check", required=True)
    sub.add_parser("bundle", help="dist/bowout/bowout.exe --version and self-test")
    one = sub.add_parser("installer", help="install, use, uninstall both ways")
    one.add_argument("setup", type=Path)
    one.add_argument("--previous", type=Path, help="an earlier installer to upgrade from")
    old = sub.add_parser("refuse-old", help="the installer refuses old Windows (Wine)")
    old.add_argument("setup", type=Path)
    shot = sub.add_parser("screenshot", help="save the screen once a window shows on it")
    shot.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    host: Host = Wine() if args.wine else Host()
    with tempfile.TemporaryDirectory(prefix="bowout-wincheck-") as tmp:
        try:
            if args.check == "bundle":
                check_bundle(host, build.bundle_dir(), Path(tmp))
            elif args.check == "installer":
                check_installer(host, args.setup.resolve(), args.previous, Path(tmp))
            elif args.check == "refuse-old":
                refuse_old_windows(host, args.setup.resolve())
            else:
                screenshot(args.out)
        except CheckFailed as failed:
            print(f"windows_check: {failed}", file=sys.stderr)
            return 1
    print(f"windows_check {args.check}: passed")
    return 0


__all__ = ["differences", "main", "parse_reg_query", "snapshot"]

if __name__ == "__main__":
    sys.exit(main())
