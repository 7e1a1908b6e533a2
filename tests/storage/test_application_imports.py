"""Imports kept in one save, with each application's state, and undone in one save."""

from __future__ import annotations

from pathlib import Path

import pytest

from bowout.core.applications import Application
from bowout.storage import History, HistoryError, ImportMapping


def test_states_are_kept_and_a_whole_import_is_removed_and_restored_in_one_save(
    tmp_path: Path,
) -> None:
    with History.open(tmp_path) as history:
        history.applications.add(Application("Kept before"))
        apps = [Application(f"Company {i}") for i in range(300)]
        states = ["saved" if i % 3 == 0 else "open" for i in range(300)]
        answers = {"Absage": "closed", "Idee": "saved", "Egal": "skip"}
        mapping = ImportMapping(("Company", "Status"), {"Company": "company"}, answers, "mdy")
        report = history.applications.import_many(apps, mapping, states)
        by_id = {s.id: s for s in history.applications.list()}
        assert [by_id[i].state for i in report.added] == states
        assert history.applications.mapping(["Status", "Company"]) == mapping
        removed = history.applications.remove_many(report.added)
        assert len(removed) == 300
        assert [s.application.company for s in history.applications.list()] == ["Kept before"]
        history.applications.restore_many(removed)
        assert {s.id for s in history.applications.list()} >= set(report.added)
        assert {s.id: s for s in history.applications.list()}[report.added[0]].state == "saved"
        with pytest.raises(ValueError, match="not an application state"):
            history.applications.import_many([Application("X")], None, ["hired"])


def test_a_remembered_mapping_with_an_unknown_answer_is_damaged(tmp_path: Path) -> None:
    with pytest.raises(HistoryError, match="damaged"):
        ImportMapping.from_dict({"headers": ["A"], "columns": {}, "statuses": {"x": "nope"}})
    with pytest.raises(HistoryError, match="damaged"):
        ImportMapping.from_dict(
            {"headers": ["A"], "columns": {}, "statuses": {}, "date_order": "ymd"}
        )
