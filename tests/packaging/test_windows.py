"""The Windows installer's build steps, Wine stand-ins and checks, on stand-in inputs.

packaging/windows_ci.sh runs the real chain under Wine in CI; these tests pin each rule.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import struct
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import build  # noqa: E402
import trim  # noqa: E402
import windows_check  # noqa: E402
import wine_standins  # noqa: E402

NSI = (ROOT / "packaging" / "windows" / "bowout.nsi").read_text(encoding="utf-8")
#: IMAGE_FILE_MACHINE_AMD64 and _I386 in a PE file header.
AMD64, I386 = 0x8664, 0x014C


def pe_machine(path: Path) -> int:
    """The machine field of a PE file's header."""
    data = path.read_bytes()
    offset = struct.unpack("<I", data[0x3C:0x40])[0]
    assert data[:2] == b"MZ" and data[offset : offset + 4] == b"PE\0\0"
    return int(struct.unpack("<H", data[offset + 4 : offset + 6])[0])


@pytest.fixture
def windows_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """dist/bowout as PyInstaller leaves it on Windows: bowout.exe, no ``bowout``."""
    monkeypatch.setattr(build, "DIST", tmp_path / "dist")
    folder = tmp_path / "dist" / "bowout"
    (folder / "_internal" / "templates").mkdir(parents=True)
    (folder / "_internal" / "templates" / "email.txt.j2").write_text("hi\n")
    (folder / "bowout.exe").write_bytes(b"MZ a frozen app stands here\n")
    return folder


def test_nsis_builds_the_installer_from_a_windows_bundle(windows_bundle: Path) -> None:
    # The release's "Installer (Windows)" step: the bundle's launcher is bowout.exe.
    out = build.cmd_nsis(argparse.Namespace(check=False))
    assert out == windows_bundle.parent / f"bowout-{build.version()}-windows-x64-setup.exe"
    assert out.stat().st_size > 30_000


def test_the_installer_is_64_bit(windows_bundle: Path) -> None:
    assert pe_machine(build.cmd_nsis(argparse.Namespace(check=False))) == AMD64


def test_the_installer_manifest_lets_windows_10_say_its_version(windows_bundle: Path) -> None:
    # Without Windows 10's GUID in supportedOS, Windows 10 reports 6.2 and would be refused.
    data = build.cmd_nsis(argparse.Namespace(check=False)).read_bytes()
    assert b'<supportedOS Id="{8e0f7a12-bfb3-4fe8-b9a5-48fd50a15a9a}"/>' in data


def test_nsis_says_which_launcher_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build, "DIST", tmp_path)
    (tmp_path / "bowout").mkdir()
    (tmp_path / "bowout" / "bowout").write_text("a Linux launcher")
    with pytest.raises(SystemExit, match=r"no dist/bowout/bowout\.exe"):
        build.cmd_nsis(argparse.Namespace(check=False))


def test_deb_and_tarball_still_need_the_linux_launcher(windows_bundle: Path) -> None:
    with pytest.raises(SystemExit, match=r"no dist/bowout/bowout;"):
        build.cmd_tarball(argparse.Namespace())


@pytest.mark.parametrize("name", ["icuuc.dll", "bcryptprimitives.dll", "ICUUC.DLL"])
def test_nsis_refuses_a_bundle_holding_a_wine_stand_in(windows_bundle: Path, name: str) -> None:
    (windows_bundle / "_internal" / name).write_bytes(b"MZ")
    with pytest.raises(SystemExit, match="test-only stand-in DLL: _internal"):
        build.cmd_nsis(argparse.Namespace(check=False))
    assert not list(windows_bundle.parent.glob("*-setup.exe"))


def test_installer_refuses_windows_older_than_10_1903() -> None:
    on_init = NSI.split("Function .onInit", 1)[1].split("FunctionEnd", 1)[0]
    assert "${IfNot} ${AtLeastWin10}" in on_init
    assert "${OrIfNot} ${AtLeastBuild} ${MIN_WINDOWS_BUILD}" in on_init
    assert "!define MIN_WINDOWS_BUILD 18362" in NSI  # Windows 10 version 1903
    assert "Quit" in on_init and "/SD IDOK" in on_init  # silent installs refuse too
    message = on_init.split('MessageBox MB_OK|MB_ICONSTOP "', 1)[1]
    assert "${MIN_WINDOWS_NAME} or later" in message and "was not installed" in message


def test_opengl_software_renderer_is_trimmed() -> None:
    assert not trim.keep("PySide6/opengl32sw.dll")
    assert not trim.keep("PySide6\\opengl32sw.dll")
    assert trim.keep("PySide6/Qt6Gui.dll") and trim.keep("PySide6/Qt6Widgets.dll")


@pytest.mark.parametrize("dest", ["PySide6/QtOpenGL.pyd", "PySide6/QtOpenGL.abi3.so"])
def test_the_unused_opengl_module_is_trimmed(dest: str) -> None:
    assert not trim.keep(dest)
    spec = (ROOT / "packaging" / "bowout.spec").read_text(encoding="utf-8")
    assert '"PySide6.QtOpenGL",' in spec.split("EXCLUDES = [", 1)[1].split("]", 1)[0]


# ---------------------------------------------------------------- Wine stand-ins

OBJDUMP = """\
\tDLL Name: KERNEL32.dll
\tvma:  Hint/Ord Member-Name Bound-To
\t9989e8\t  263  GetTickCount
\tDLL Name: icuuc.dll
\tvma:  Hint/Ord Member-Name Bound-To
\t9989e8\t  263  ucnv_open
\t9989f4\t  225  ucnv_close
\t9989a6\t    3  UCNV_FROM_U_CALLBACK_SUBSTITUTE

 00996864\t00997000 00000000 00000000 00998f12 003d5648

\tDLL Name: MSVCP140.dll
\t998b4a\t  224  something_else
"""


def test_standin_exports_what_qt_imports_from_icu() -> None:
    names = wine_standins.imported_names(OBJDUMP, "ICUUC.dll")
    assert names == ["ucnv_open", "ucnv_close", "UCNV_FROM_U_CALLBACK_SUBSTITUTE"]
    definition = wine_standins.def_file("icuuc.dll", names)
    assert definition.splitlines()[:2] == ["LIBRARY icuuc.dll", "EXPORTS"]
    assert set(definition.splitlines()[2:]) == set(names)


def test_standin_icu_fails_to_open_converters_and_returns_zero_elsewhere() -> None:
    source = wine_standins.icuuc_source(["ucnv_open", "ucnv_close"])
    opener = source.split("ucnv_open:\n", 1)[1].split(".globl", 1)[0]
    # UErrorCode* is the second argument (rdx); U_FILE_ACCESS_ERROR makes Qt fall back.
    assert "movl $4, (%rdx)" in opener and "xorl %eax, %eax" in opener
    closer = source.split("ucnv_close:\n", 1)[1].split(".globl", 1)[0]
    assert closer.split() == ["xorl", "%eax,", "%eax", "ret"]


def test_standin_process_prng_fills_from_rtlgenrandom_and_returns_true() -> None:
    source = wine_standins.bcryptprimitives_source()
    body = source.split("ProcessPrng:\n", 1)[1]
    assert "call *__imp_SystemFunction036(%rip)" in body
    assert body.index("call") < body.index("movl $1, %eax") < body.index("ret")
    assert "subq $40, %rsp" in body  # shadow space and alignment for the call


# ---------------------------------------------------------------- windows_check

REG_QUERY = """\

HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\BowOut
    QuietUninstallString    REG_SZ    "C:\\Users\\a b\\BowOut\\uninstall.exe" /S
    EstimatedSize    REG_DWORD    0x1a2b

"""


def test_reg_query_output_is_read_by_name() -> None:
    assert (
        windows_check.parse_reg_query(REG_QUERY, "quietuninstallstring")
        == '"C:\\Users\\a b\\BowOut\\uninstall.exe" /S'
    )
    assert windows_check.parse_reg_query(REG_QUERY, "EstimatedSize") == "0x1a2b"
    assert windows_check.parse_reg_query(REG_QUERY, "DisplayName") is None


def test_snapshot_sees_every_changed_added_and_removed_file(tmp_path: Path) -> None:
    data = tmp_path / "BowOut"
    (data / "backups").mkdir(parents=True)
    (data / "history.json").write_text("{}")
    (data / "backups" / "history-1.json").write_text("{}")
    before = windows_check.snapshot([data, tmp_path / "absent"])
    assert len(before) == 2
    assert windows_check.differences(before, windows_check.snapshot([data])) == []
    (data / "history.json").write_text("{ }")
    (data / "backups" / "history-1.json").unlink()
    (data / "settings.json").write_text("{}")
    changed = windows_check.differences(before, windows_check.snapshot([data]))
    assert [line.split()[0] for line in changed] == ["added", "changed", "removed"]


def test_upgrade_check_finds_a_lingering_file_of_the_previous_version(tmp_path: Path) -> None:
    bundle, installed = tmp_path / "bundle", tmp_path / "installed"
    for folder in (bundle, installed):
        (folder / "_internal").mkdir(parents=True)
        (folder / "bowout.exe").write_bytes(b"MZ new")
        (folder / "_internal" / "base_library.zip").write_bytes(b"PK new")
    (installed / "uninstall.exe").write_bytes(b"MZ")
    windows_check.check_same_files(installed, bundle)
    (installed / "_internal" / "old.pyd").write_bytes(b"MZ old")
    with pytest.raises(windows_check.CheckFailed, match="previous version linger"):
        windows_check.check_same_files(installed, bundle)
    (installed / "_internal" / "old.pyd").unlink()
    (installed / "bowout.exe").write_bytes(b"MZ old")
    with pytest.raises(windows_check.CheckFailed, match=r"bowout\.exe is not the new one"):
        windows_check.check_same_files(installed, bundle)


class FakeWindows(windows_check.Host):
    """A host whose programs are Python callables: enough to drive the uninstall logic."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.registry: dict[str, dict[str, str]] = {}
        self.calls: list[list[str]] = []

    def to_local(self, windows_path: str) -> Path:
        return self.root / windows_path.replace("\\", "/").lstrip("/")

    def windows_env(self, name: str) -> str:
        return {"LOCALAPPDATA": "local", "APPDATA": "roaming"}[name]

    def run(self, argv: list[str], env: object = None) -> windows_check.Done:
        self.calls.append(argv)
        if argv[:2] == ["reg", "query"]:
            values = self.registry.get(argv[2], {})
            if argv[4] not in values:
                return windows_check.Done(1, "ERROR: not found")
            return windows_check.Done(
                0, f"{argv[2]}\n    {argv[4]}    REG_SZ    {values[argv[4]]}\n"
            )
        if argv[0].endswith("uninstall.exe"):
            where = windows_check.layout(self)
            shutil.rmtree(where.install / "_internal")
            (where.install / "bowout.exe").unlink()
            shutil.rmtree(where.start_menu)
            self.registry.clear()
            if not any(a.startswith("_?=") for a in argv):  # the temp copy removes it all
                shutil.rmtree(where.install)
            return windows_check.Done(0, "")
        raise AssertionError(argv)


def installed(host: FakeWindows) -> windows_check.Layout:
    where = windows_check.layout(host)
    (where.install / "_internal").mkdir(parents=True)
    (where.install / "bowout.exe").write_bytes(b"MZ")
    (where.install / "uninstall.exe").write_bytes(b"MZ")
    where.start_menu.mkdir(parents=True)
    (where.start_menu / "Bow Out.lnk").write_bytes(b"L")
    quiet = f'"{where.install_windows}\\uninstall.exe" /S'
    host.registry[windows_check.UNINSTALL_KEY] = {
        "DisplayName": "Bow Out",
        "QuietUninstallString": quiet,
    }
    host.registry[windows_check.APP_KEY] = {"InstallDir": where.install_windows}
    data = where.data[0] / "BowOut"
    data.mkdir(parents=True)
    (data / "history.json").write_text(json.dumps({"records": {}}))
    return where


@pytest.mark.parametrize("way", ["in_place", "as_windows_does"])
def test_both_uninstall_ways_leave_the_data_and_remove_the_rest(tmp_path: Path, way: str) -> None:
    host = FakeWindows(tmp_path)
    where = installed(host)
    before = windows_check.snapshot(where.data)
    getattr(windows_check, f"uninstall_{way}")(host, where)
    windows_check.check_removed(host, where, before)
    assert not where.install.exists()
    if way == "as_windows_does":  # the registry's own command line, quotes and all
        assert host.calls[-3][:2] == [f"{where.install_windows}\\uninstall.exe", "/S"]


def test_removal_check_fails_when_the_uninstaller_touches_the_data(tmp_path: Path) -> None:
    host = FakeWindows(tmp_path)
    where = installed(host)
    before = windows_check.snapshot(where.data)
    windows_check.uninstall_in_place(host, where)
    (where.data[0] / "BowOut" / "history.json").unlink()
    with pytest.raises(windows_check.CheckFailed, match="changed the user's data"):
        windows_check.check_removed(host, where, before)


def test_removal_check_fails_when_the_registry_entry_stays(tmp_path: Path) -> None:
    host = FakeWindows(tmp_path)
    where = installed(host)
    before = windows_check.snapshot(where.data)
    entry = dict(host.registry[windows_check.UNINSTALL_KEY])
    windows_check.uninstall_in_place(host, where)
    host.registry[windows_check.UNINSTALL_KEY] = entry
    with pytest.raises(windows_check.CheckFailed, match="registry entry stays"):
        windows_check.check_removed(host, where, before)


class SelfTestRuns(windows_check.Host):
    """A host whose ``bowout self-test`` runs give the (status, report) pairs in turn."""

    def __init__(self, runs: list[tuple[int, str | None]]) -> None:
        self.runs = runs
        self.count = 0

    def run(self, argv: list[str], env: Mapping[str, str] | None = None) -> windows_check.Done:
        assert argv[1:] == ["self-test"] and env is not None
        status, report = self.runs[self.count]
        self.count += 1
        if report is not None:
            Path(env["BOWOUT_SELFTEST_OUT"]).write_text(report, encoding="utf-8")
        return windows_check.Done(status, "")


PASSED = "ok  resources\nbowout 0.1.0 self-test: passed\n"


@pytest.mark.parametrize(
    "first",
    [
        (1, None),  # died before it wrote a line (what CI saw under Wine)
        (3, "ok  resources\nFatal Python error: Aborted\n"),  # died within a step
        (1, "FAIL self-test: ImportError: DLL load failed\nbowout 0.1.0 self-test: FAILED\n"),
    ],
)
def test_a_self_test_that_failed_outside_its_steps_runs_once_more(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], first: tuple[int, str | None]
) -> None:
    host = SelfTestRuns([first, (0, PASSED)])
    windows_check.self_test(host, "bowout.exe", tmp_path)
    assert host.count == 2
    assert "with no failed step (its report is above); running it once more" in (
        capsys.readouterr().out
    )


def test_a_failed_step_is_never_run_again(tmp_path: Path) -> None:
    failed = "ok  resources\nFAIL window: StepFailed: the window did not show\n"
    host = SelfTestRuns([(1, failed + "bowout 0.1.0 self-test: FAILED\n"), (0, PASSED)])
    with pytest.raises(windows_check.CheckFailed, match="self-test exited 1"):
        windows_check.self_test(host, "bowout.exe", tmp_path)
    assert host.count == 1


def test_a_second_failure_outside_the_steps_fails_the_check(tmp_path: Path) -> None:
    host = SelfTestRuns([(1, None), (1, "")])
    with pytest.raises(windows_check.CheckFailed, match="self-test exited 1"):
        windows_check.self_test(host, "bowout.exe", tmp_path)
    assert host.count == 2


# ---------------------------------------------------------------- CI and release wiring


def test_ci_runs_the_windows_stage_after_the_linux_packaging() -> None:
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert lines.index("bash packaging/windows_ci.sh") > lines.index("bash packaging/ci.sh")


def test_windows_stage_script_is_shellcheck_clean() -> None:
    shellcheck = shutil.which("shellcheck")
    assert shellcheck, ".ci/run installs shellcheck before the tests"
    done = subprocess.run(
        [shellcheck, "-x", "packaging/windows_ci.sh"], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout


# ---------------------------------------------------------------- README


def delete_data_lines() -> dict[str, str]:
    """The README's "delete your data for good" commands, by the platform they name."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("To delete your data for good", 1)[1].split("\n\n", 2)[1]
    commands = block.replace("\\\n", " ").splitlines()
    return {line.rsplit("#", 1)[1].strip(): line.rsplit("#", 1)[0] for line in commands}


def test_readme_deletes_the_window_state_on_every_platform() -> None:
    lines = delete_data_lines()
    assert set(lines) == {"Linux", "macOS", "Windows"}
    # QSettings' IniFormat, UserScope: %APPDATA% on Windows, $HOME/.config on Unix and macOS.
    assert '"$env:APPDATA\\BowOut"' in lines["Windows"]
    assert '"$env:LOCALAPPDATA\\BowOut"' in lines["Windows"]  # history, settings, logs, cache
    assert "~/.config/BowOut" in lines["macOS"].split()
    assert "~/.config/BowOut" in lines["Linux"].split()


def test_readme_deletes_the_macos_folders_platformdirs_uses(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from platformdirs.macos import MacOS

    from bowout import paths

    monkeypatch.setenv("HOME", "/Users/aiko")
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    dirs = MacOS(paths.APP_NAME, paths.APP_AUTHOR)
    command = delete_data_lines()["macOS"].replace("\\ ", " ")
    for folder in (dirs.user_data_dir, dirs.user_config_dir, dirs.user_cache_dir):
        assert folder.replace("/Users/aiko", "~", 1) in command, folder


def test_readme_says_which_windows_is_supported() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "**Windows** 10 version 1903 or later, 64-bit" in readme
    assert "the installer says so\nand installs nothing" in readme


def fake_wine_tools(folder: Path, failures: int) -> Path:
    """``winepath`` that exits 1 ``failures`` times, then answers; ``wineserver`` that
    counts its waits (one line per call in ``waits``)."""
    folder.mkdir()
    count = folder / "count"
    count.write_text("0")
    (folder / "winepath").write_text(
        "#!/bin/sh\n"
        f'n=$(cat "{count}"); echo $((n + 1)) > "{count}"\n'
        f'if [ "$n" -lt {failures} ]; then echo "could not connect" >&2; exit 1; fi\n'
        'echo "Z:\\\\setup.exe"\n'
    )
    (folder / "wineserver").write_text(f'#!/bin/sh\necho wait >> "{folder / "waits"}"\n')
    for name in ("winepath", "wineserver"):
        (folder / name).chmod(0o755)
    return folder


def test_winepath_is_asked_again_after_the_wineserver_restarts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CI once saw ``winepath -w`` exit 1 just after ``winecfg -v`` changed the reported
    Windows: the check waits for the server and asks again."""
    tools = fake_wine_tools(tmp_path / "bin", failures=1)
    monkeypatch.setenv("PATH", f"{tools}{os.pathsep}{os.environ['PATH']}")
    assert windows_check.Wine().to_windows(Path("/setup.exe")) == "Z:\\setup.exe"
    assert (tools / "waits").read_text().count("wait") == 1


def test_winepath_failing_every_time_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tools = fake_wine_tools(tmp_path / "bin", failures=99)
    monkeypatch.setenv("PATH", f"{tools}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(windows_check.CheckFailed, match="failed 3 times: could not connect"):
        windows_check.Wine().to_windows(Path("/setup.exe"))
