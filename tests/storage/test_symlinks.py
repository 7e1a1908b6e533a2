"""A history.json that is a symbolic link is written through, and a dangling one refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from storage_helpers import disk_ids, make_record

from bowout.storage import History, HistoryError

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")


def test_saves_go_through_the_link_to_its_target(data_dir: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "synced"
    with History.open(elsewhere) as real:
        first = real.add(make_record("First"))
    link = data_dir / "history.json"
    link.symlink_to(elsewhere / "history.json")
    with History.open(data_dir) as history:
        second = history.add(make_record("Second"))
        history.add(make_record("Third"))
    assert link.is_symlink()  # still a link, not a plain file beside it
    assert disk_ids(elsewhere / "history.json") == {first.id, second.id} | disk_ids(link)
    assert len(disk_ids(elsewhere / "history.json")) == 3
    assert not [n for n in os.listdir(data_dir) if n.endswith(".tmp")]


def test_a_dangling_link_is_refused_not_replaced_by_an_empty_history(
    data_dir: Path, tmp_path: Path
) -> None:
    link = data_dir / "history.json"
    link.symlink_to(tmp_path / "unmounted" / "history.json")
    with pytest.raises(HistoryError, match=r"is a link to .*, which is missing"):
        History.open(data_dir)
    assert link.is_symlink() and not (tmp_path / "unmounted").exists()


def test_a_link_that_breaks_while_open_is_refused(data_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "drive" / "history.json"
    with History.open(target.parent) as real:
        real.add(make_record())
    (data_dir / "history.json").symlink_to(target)
    with History.open(data_dir) as history:
        target.rename(target.with_name("moved.json"))
        with pytest.raises(HistoryError, match="missing"):
            history.add(make_record("Lost?"))
    assert not target.exists()


def test_every_atomic_write_keeps_a_link(tmp_path: Path) -> None:
    from bowout.settings import Settings, load_settings, save_settings

    data, store = tmp_path / "data", tmp_path / "store"
    data.mkdir()
    store.mkdir()
    (store / "settings.json").write_text("{}", encoding="utf-8")
    (data / "settings.json").symlink_to(store / "settings.json")
    save_settings(data, Settings(templates_dir="my-templates"))
    assert (data / "settings.json").is_symlink()
    assert load_settings(data).templates_dir == "my-templates"
    assert "my-templates" in (store / "settings.json").read_text(encoding="utf-8")
