"""``bowout batch`` follows the decision: the accepted offer is never drafted to, and each
application's withdrawal is one atomic, resumable write (killed at every save point)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bowout.core.applications import Application
from bowout.core.situation import Stage
from bowout.storage import History

THREE = [
    Application(company="Northwind", role="Data Analyst", contact="Jordan Lee", stage=Stage.FINAL),
    Application(company="Contoso", role="QA Lead", stage=Stage.SCREENING),
    Application(company="Fabrikam", role="Designer", contact="Ana Ruiz", stage=Stage.INTERVIEWING),
]

#: Runs ``bowout.cli.main(argv)`` or the batch use case the window calls, killed with
#: os._exit at the N-th write of history.json, just before it or just after it.
HARNESS = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from bowout.storage import atomic
    real, count = atomic.atomic_write_bytes, [0]
    stop, after = int(sys.argv[1]), sys.argv[2] == "after"
    def write(path, payload, *a, **k):
        if Path(path).name == "history.json":
            count[0] += 1
            if count[0] == stop and not after:
                os._exit(9)
            real(path, payload, *a, **k)
            if count[0] == stop and after:
                os._exit(9)
            return None
        return real(path, payload, *a, **k)
    atomic.atomic_write_bytes = write
    data = sys.argv[3]
    if sys.argv[4] == "window":
        from bowout.core import Composer, Profile, Reason
        from bowout.core.batch import situation_for
        from bowout.services import batch
        from bowout.storage import History, Record
        with History.open(Path(data)) as history:
            for stored in batch.plan(history).others:
                situation = situation_for(stored.application, Reason.PERSONAL)
                draft = Composer().compose(situation, Profile("Maya"))
                edited = draft.body_text + " (edited)"
                batch.keep_sent(history, stored, Record.from_draft(draft, body_text=edited))
    else:
        from bowout.cli import main
        sys.exit(main(["--data-dir", data, *sys.argv[4:]]))
    """
)


def _run(data: Path, stop: int, when: str, *argv: str) -> int:
    result = subprocess.run(
        [sys.executable, "-c", HARNESS, str(stop), when, str(data), *argv],
        capture_output=True, text=True, timeout=120, check=False, env=dict(os.environ),
    )  # fmt: skip
    return result.returncode


def _three(data: Path) -> None:
    with History.open(data) as history:
        for application in THREE:
            history.applications.add(application)


def _check(data: Path, *, sent: bool, finished: bool) -> None:
    """Each application untouched, or with exactly one linked record (sent and withdrawn
    for the window's batch); no record linked to nothing, none twice."""
    with History.open(data) as history:
        records = {r.id: r for r in history.list()}
        linked: list[str] = []
        for stored in history.applications.list():
            linked += stored.record_ids
            if not stored.record_ids:
                assert not finished and stored.state == "open"
                continue
            [record_id] = stored.record_ids
            record = records[record_id]
            assert record.company == stored.application.company
            if sent:
                assert stored.state == "withdrawn" and record.status == "sent"
                assert (
                    record.body_text.endswith("(edited)")
                    and record.timeline[-1]["kind"] == "message-sent"
                )
            else:
                assert stored.state == "open" and record.status == "draft"
        assert sorted(linked) == sorted(records)  # nothing unlinked, nothing doubled


@pytest.mark.parametrize("when", ["before", "after"])
@pytest.mark.parametrize("stop", range(1, len(THREE) + 1))
@pytest.mark.parametrize("front", ["cli", "window"])
def test_a_batch_killed_at_every_save_point_resumes_without_duplicates(
    tmp_path: Path, front: str, stop: int, when: str
) -> None:
    """Killed before or after each save of history.json (one per application)."""
    argv = ["batch", "--reason", "personal", "--save"] if front == "cli" else ["window"]
    data = tmp_path / "data"
    _three(data)
    assert _run(data, stop, when, *argv) == 9  # killed
    _check(data, sent=front == "window", finished=False)
    assert _run(data, 0, "never", *argv) == 0  # run again: finishes what was left
    _check(data, sent=front == "window", finished=True)
    assert _run(data, 0, "never", *argv) == 0  # and once more: nothing new
    _check(data, sent=front == "window", finished=True)


def _bowout(data: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bowout", "--data-dir", str(data), *argv],
        capture_output=True, text=True, timeout=60, check=False, env=dict(os.environ),
    )  # fmt: skip


def test_the_accepted_offer_is_named_marked_and_never_drafted_to(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _three(data)
    with History.open(data) as history:
        taken = history.applications.add(
            Application(company="Tailspin", role="Engineer", stage=Stage.ACCEPTED)
        )
    result = _bowout(data, "batch", "--reason", "other-offer", "--format", "json")
    assert result.returncode == 2 and result.stdout == ""
    [line] = result.stderr.splitlines()
    assert "Tailspin — Engineer is at stage accepted" in line and f"--accepted {taken[:8]}" in line
    result = _bowout(data, "batch", "--reason", "other-offer", "--accepted", "tailspin")
    assert result.returncode == 0, result.stderr
    assert "Marked accepted: Tailspin — Engineer" in result.stdout
    assert "Tailspin" not in result.stdout.split("\n", 2)[2]  # no message to it
    assert result.stdout.count("\n=== ") + result.stdout.startswith("=== ") == 3
    with History.open(data) as history:
        assert history.applications.get(taken).state == "accepted"
        assert taken not in {s.id for s in history.applications.list("open")}
    again = _bowout(data, "batch", "--reason", "other-offer", "--format", "json")
    assert again.returncode == 0 and "Tailspin" not in again.stdout  # stays out of every batch
    unknown = _bowout(data, "batch", "--reason", "other-offer", "--accepted", "Initech")
    assert unknown.returncode == 2 and "no application matches 'Initech'" in unknown.stderr


def test_an_offer_accepted_in_the_tracker_is_never_rescinded_by_a_batch(tmp_path: Path) -> None:
    """A tracker row saying the offer was accepted is kept as the offer taken (the state
    ``accepted``), never at the stage ``accepted``: the batch leaves it out."""
    data = tmp_path / "data"
    sheet = tmp_path / "tracker.csv"
    sheet.write_text(
        "Company,Status\nNorthwind,Offer accepted\nContoso,Applied\n", encoding="utf-8"
    )
    assert _bowout(data, "applications", "import", str(sheet), "--yes").returncode == 0
    result = _bowout(data, "batch", "--reason", "other-offer")
    assert result.returncode == 0, result.stderr
    assert "Northwind" not in result.stdout and "=== 1/1: Contoso" in result.stdout
    assert "Declining" not in result.stdout and "rescind" not in result.stdout.lower()
