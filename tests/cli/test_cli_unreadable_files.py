"""Files Bow Out reads that are not what it expects: one line or a fallback, never a
traceback or a hang (issue 23). Each command runs in a subprocess with its own folders."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bowout.storage import History, Record

POSIX = pytest.mark.skipif(os.name != "posix", reason="FIFOs and devices are POSIX")


def bowout(*argv: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """``python -m bowout ARGV`` with the test's own data, config and cache folders (set by
    the autouse fixture in tests/conftest.py)."""
    return subprocess.run(
        [sys.executable, "-m", "bowout", *argv],
        capture_output=True, text=True, timeout=timeout, check=False, env=dict(os.environ),
    )  # fmt: skip


def data() -> Path:
    folder = Path(os.environ["BOWOUT_DATA_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def assert_no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    assert "Error:" not in result.stderr.replace("bowout: error:", ""), result.stderr


# -- settings.json, field by field ------------------------------------------------------------

BAD_SETTINGS = [
    ({"profile": [1, 2]}, "profile"),
    ({"profile": "Aiko"}, "profile"),
    ({"dismissed_observations": 5}, "dismissed_observations"),
    ({"personal_words": {"a": 1}}, "personal_words"),
    ({"theme": ["dark"]}, "theme"),
    ({"reply_days": "5"}, "reply_days"),
    ({"profile": {"name": "Aiko", "email": "aiko@example.com\nBcc: x@example.com"}}, "email"),
    ({"profile": {"name": "Aiko\nTanaka"}}, "name"),
]


@pytest.mark.parametrize(("content", "field"), BAD_SETTINGS)
@pytest.mark.parametrize(
    "argv",
    [
        (
            "draft",
            "--stage",
            "applied",
            "--format",
            "eml",
            "--company",
            "Contoso",
            "--with-placeholders",
        ),
        ("reminders", "list"),
        ("batch", "--reason", "other-offer"),
    ],
    ids=["draft", "reminders", "batch"],
)
def test_a_wrong_settings_field_falls_back_with_one_notice(
    content: dict[str, object], field: str, argv: tuple[str, ...]
) -> None:
    (data() / "settings.json").write_text(json.dumps(content), encoding="utf-8")
    result = bowout(*argv)
    assert_no_traceback(result)
    notices = [line for line in result.stderr.splitlines() if "settings.json" in line]
    assert len(notices) == 1, result.stderr
    assert field in notices[0] and "default" in notices[0]
    if argv[0] == "draft":
        assert result.returncode == 0, result.stderr
        headers = result.stdout.split("\n\n", 1)[0]
        assert "Bcc" not in headers and "Tanaka" not in headers
    if argv[0] == "reminders":
        assert result.returncode == 0, result.stderr


def test_settings_nested_very_deep_give_the_defaults_in_one_line() -> None:
    (data() / "settings.json").write_text('{"a":' * 100_000 + "1" + "}" * 100_000)
    result = bowout("reminders", "list")
    assert result.returncode == 0, result.stderr
    assert_no_traceback(result)
    assert result.stderr.count("settings.json") == 1
    assert "nested too deeply" in result.stderr


def test_the_good_fields_of_a_partly_wrong_settings_file_are_kept() -> None:
    content = {"profile": {"name": "Aiko Tanaka", "email": "aiko@example.com"}, "reply_days": []}
    (data() / "settings.json").write_text(json.dumps(content), encoding="utf-8")
    result = bowout("draft", "--stage", "applied", "--company", "Contoso")
    assert result.returncode == 0, result.stderr
    assert "Aiko Tanaka" in result.stdout
    assert "reply_days" in result.stderr


@POSIX
@pytest.mark.timeout(60)
def test_a_settings_fifo_is_named_not_waited_on() -> None:
    os.mkfifo(data() / "settings.json")
    result = bowout("reminders", "list", timeout=30)
    assert result.returncode == 0, result.stderr
    assert "named pipe" in result.stderr and result.stderr.count("\n") == 1


# -- custom wording ----------------------------------------------------------------------------

WARM = '[[thanks]]\nsay = "Many warm thanks, {{ addressee }}."\n'


def custom_wording(content: bytes) -> Path:
    folder = data() / "templates" / "wording"
    folder.mkdir(parents=True)
    (folder / "warm.toml").write_bytes(content)
    return folder / "warm.toml"


BROKEN_WORDING = {
    "utf16": WARM.encode("utf-16"),
    "stray-byte": WARM.encode("utf-8").replace(b"warm", b"w\xe9rm"),
    "nested": b"[[thanks]]\nsay = " + b"[" * 100_000 + b"]" * 100_000 + b"\n",
}
WHY = {
    "utf16": "UTF-16",
    "stray-byte": "not UTF-8",
    "nested": "nested too deeply",
}


@pytest.mark.parametrize("kind", BROKEN_WORDING)
def test_a_broken_custom_wording_gives_a_warning_and_the_built_in(kind: str) -> None:
    custom_wording(BROKEN_WORDING[kind])
    result = bowout("draft", "--stage", "screening", "--tone", "warm", "--contact", "Ana")
    assert result.returncode == 0, result.stderr
    assert_no_traceback(result)
    assert WHY[kind] in result.stderr, result.stderr
    assert "own wording" in result.stderr
    assert "Many warm thanks" not in result.stdout and "Ana" in result.stdout


@pytest.mark.parametrize("kind", BROKEN_WORDING)
def test_templates_check_names_a_broken_wording_file(kind: str) -> None:
    custom_wording(BROKEN_WORDING[kind])
    result = bowout("templates", "check")
    assert result.returncode == 1, result.stderr
    assert_no_traceback(result)
    assert WHY[kind] in result.stdout, result.stdout


@POSIX
@pytest.mark.timeout(60)
def test_a_wording_fifo_is_named_and_the_built_in_used() -> None:
    folder = data() / "templates" / "wording"
    folder.mkdir(parents=True)
    os.mkfifo(folder / "warm.toml")
    result = bowout("draft", "--stage", "screening", "--tone", "warm", timeout=30)
    assert result.returncode == 0, result.stderr
    assert "named pipe" in result.stderr


# -- the data folder and its pointer -----------------------------------------------------------


def test_a_data_folder_on_a_loop_of_links_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    result = bowout("--data-dir", str(tmp_path / "a"), "history", "list")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "loop of symbolic links" in result.stderr


@POSIX
@pytest.mark.timeout(60)
def test_a_data_folder_pointer_that_is_a_fifo_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BOWOUT_DATA_DIR")
    config = Path(os.environ["BOWOUT_CONFIG_DIR"])
    config.mkdir(parents=True)
    os.mkfifo(config / "data-dir.txt")
    result = bowout("history", "list", timeout=30)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "named pipe" in result.stderr


def test_nothing_is_written_to_the_history_by_a_bad_settings_file() -> None:
    with History.open(data()) as history:
        history.add(Record(company="Northwind"))
    before = (data() / "history.json").read_bytes()
    (data() / "settings.json").write_bytes(b"\xff\xfe{")
    result = bowout("history", "list")
    assert result.returncode == 0 and "Northwind" in result.stdout
    assert (data() / "history.json").read_bytes() == before


# -- history.json and its backups --------------------------------------------------------------


@POSIX
@pytest.mark.timeout(60)
@pytest.mark.parametrize("target", ["loop", "folder", "/dev/zero", "fifo"])
def test_history_list_says_what_a_linked_history_is(tmp_path: Path, target: str) -> None:
    link = data() / "history.json"
    if target == "loop":
        link.symlink_to(data() / "again.json")
        (data() / "again.json").symlink_to(link)
        said = "loop of symbolic links"
    elif target == "folder":
        (tmp_path / "folder").mkdir()
        link.symlink_to(tmp_path / "folder")
        said = "which is a folder"
    elif target == "fifo":
        os.mkfifo(tmp_path / "pipe")
        link.symlink_to(tmp_path / "pipe")
        said = "which is a named pipe"
    else:
        link.symlink_to(target)
        said = "which is a device"
    result = bowout("history", "list", timeout=30)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and said in result.stderr
    assert "missing" not in result.stderr


def test_a_history_with_a_bom_keeps_its_newest_version() -> None:
    with History.open(data()) as history:
        history.add(Record(company="Northwind"))
    path = data() / "history.json"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"Northwind", b"Edited Co"))
    result = bowout("history", "list")
    assert result.returncode == 0, result.stderr
    assert "Edited Co" in result.stdout and result.stderr == ""
    assert not list(data().glob("history-damaged-*"))


@POSIX
def test_a_backups_loop_is_said_by_history_list() -> None:
    (data() / "backups").symlink_to(data() / "backups")
    with History.open(data()) as history:
        history.add(Record(company="Northwind"))
    result = bowout("history", "list")
    assert result.returncode == 0
    assert "without a backup" in result.stderr


def test_a_data_folder_chosen_in_settings_on_a_loop_of_links_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BOWOUT_DATA_DIR")
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    config = Path(os.environ["BOWOUT_CONFIG_DIR"])
    config.mkdir(parents=True)
    (config / "data-dir.txt").write_text(str(tmp_path / "a"), encoding="utf-8")
    result = bowout("history", "list")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "loop of symbolic links" in result.stderr
