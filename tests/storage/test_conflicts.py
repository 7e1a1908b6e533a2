"""Two windows saving one record: the second save never overwrites the first quietly."""

from __future__ import annotations

from pathlib import Path

import pytest
from storage_helpers import make_record

from bowout.cli import main
from bowout.storage import History
from bowout.storage.conflicts import SaveConflict


def test_a_stale_save_keeps_both_versions_and_says_so(data_dir: Path) -> None:
    with History.open(data_dir) as window_a, History.open(data_dir) as window_b:
        kept = window_a.add(make_record())
        b_copy = window_b.get(kept.id)  # window B opened the record earlier
        a_copy = window_a.get(kept.id)
        a_copy.notes = "Called Jordan; all fine."
        window_a.update(a_copy)
        window_a.lifecycle.mark_sent(kept.id)
        b_copy.subject = "Withdrawing my application (edited in B)"
        with pytest.raises(SaveConflict) as caught:
            window_b.update(b_copy)
        conflict = caught.value
        assert "changed elsewhere" in str(conflict) and "notes" in str(conflict)
        assert "status" in str(conflict) and conflict.kept.id[:8] in str(conflict)
    with History.open(data_dir) as reopened:
        stored = reopened.get(kept.id)  # A's version is untouched
        assert stored.notes == "Called Jordan; all fine." and stored.status == "sent"
        copy = reopened.get(conflict.kept.id)  # B's version is kept beside it
        assert copy.subject == "Withdrawing my application (edited in B)"
        assert copy.notes == "" and copy.status == "draft"
        assert len(reopened.list()) == 2


def test_an_up_to_date_save_still_updates_in_place(data_dir: Path) -> None:
    with History.open(data_dir) as history:
        kept = history.add(make_record())
        kept.notes = "first"
        kept = history.update(kept)
        kept.notes = "second"
        history.update(kept)  # carries the version it got back: no conflict
        assert [r.notes for r in history.list()] == ["second"]


def test_cli_compares_the_two_versions(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with History.open(data_dir) as history:
        first = history.add(make_record())
        second = history.add(make_record(notes="kept from window B"))
    code = main(["--data-dir", str(data_dir), "history", "compare", first.id[:8], second.id])
    out = capsys.readouterr().out
    assert code == 0
    assert "notes:" in out and "'kept from window B'" in out and "company:" not in out
