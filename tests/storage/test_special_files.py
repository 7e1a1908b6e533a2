"""history.json, its backups and import files that are not regular files, and a history
re-saved with a byte-order mark (issue 23): said as what they are, never a hang."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest
from storage_helpers import disk_ids, make_record

from bowout.storage import History, HistoryError

pytestmark = [
    pytest.mark.skipif(os.name != "posix", reason="links, FIFOs and devices are POSIX"),
    pytest.mark.timeout(60),
]


def test_a_history_that_is_a_loop_of_links_is_said_as_such(data_dir: Path) -> None:
    (data_dir / "history.json").symlink_to(data_dir / "other.json")
    (data_dir / "other.json").symlink_to(data_dir / "history.json")
    with pytest.raises(HistoryError, match="loop of symbolic links") as caught:
        History.open(data_dir)
    assert "missing" not in str(caught.value)


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (lambda target: target.mkdir(), "which is a folder"),
        (os.mkfifo, "which is a named pipe"),
        (None, "which is a device"),
    ],
    ids=["folder", "fifo", "device"],
)
def test_a_history_linked_to_a_special_file_is_said_as_what_it_is(
    data_dir: Path, tmp_path: Path, make: object, said: str
) -> None:
    if make is None:
        target = Path("/dev/zero")
    else:
        target = tmp_path / "special"
        make(target)  # type: ignore[operator]
    (data_dir / "history.json").symlink_to(target)
    with pytest.raises(HistoryError, match=said) as caught:
        History.open(data_dir)
    assert "missing" not in str(caught.value)
    assert not [n for n in os.listdir(data_dir) if n.startswith("history-damaged")]


def test_a_history_that_is_a_fifo_is_refused_without_waiting(data_dir: Path) -> None:
    os.mkfifo(data_dir / "history.json")
    with pytest.raises(HistoryError, match="named pipe"):
        History.open(data_dir)


def test_a_history_re_saved_with_a_bom_is_read_as_it_is(data_dir: Path) -> None:
    with History.open(data_dir) as history:
        history.add(make_record("Older"))
        newest = history.add(make_record("Newest"))
    path = data_dir / "history.json"
    path.write_bytes(codecs.BOM_UTF8 + path.read_bytes())
    with History.open(data_dir) as history:
        assert history.recovery_message is None
        assert {r.company for r in history.list()} == {"Older", "Newest"}
        history.add(make_record("After"))
    assert newest.id in disk_ids(path)
    assert not [n for n in os.listdir(data_dir) if n.startswith("history-damaged")]


def test_backups_on_a_loop_of_links_are_said_and_saves_still_work(data_dir: Path) -> None:
    (data_dir / "backups").symlink_to(data_dir / "backups2")
    (data_dir / "backups2").symlink_to(data_dir / "backups")
    with History.open(data_dir) as history:
        history.add(make_record("First"))
    with History.open(data_dir) as history:
        message = history.recovery_message or ""
        assert "backups" in message and "without a backup" in message
        assert "loop of symbolic links" in message
        saved = history.add(make_record("Second"))
    assert saved.id in disk_ids(data_dir / "history.json")


@pytest.mark.parametrize("special", ["/dev/zero", "fifo", "folder"])
def test_importing_a_special_file_is_one_line(
    history: History, tmp_path: Path, special: str
) -> None:
    path = Path(special)
    if special == "fifo":
        path = tmp_path / "pipe.json"
        os.mkfifo(path)
    elif special == "folder":
        path = tmp_path / "folder.json"
        path.mkdir()
    with pytest.raises(HistoryError, match=r"cannot be imported .*the history was not changed"):
        history.transfer.import_json(path)
    assert history.list() == []
