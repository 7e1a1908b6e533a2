"""``bowout reply`` and the timeline in ``bowout history show`` (issue 14, item 5)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from cli_helpers import run

from bowout.core import Composer, Profile, Situation, Stage
from bowout.core.draft import REPLY_KINDS
from bowout.core.situation import Money, Reason
from bowout.storage import History, Record
from bowout.storage.timeline import make_event

NAMES = ("--contact", "Jordan Lee", "--role", "Data Analyst", "--company", "Northwind")


def _kept_and_sent(data_dir: Path) -> Record:
    situation = Situation(stage=Stage.ACCEPTED, reason=Reason.OTHER_OFFER,
                          signing_bonus=Money.PAID, company="Northwind", role="Data Analyst",
                          contact="Jordan Lee")  # fmt: skip
    with History.open(data_dir) as history:
        record = history.add(Record.from_draft(Composer().compose(situation, Profile("Maya"))))
        history.lifecycle.mark_sent(record.id, dt.datetime(2026, 11, 20, 9, tzinfo=dt.timezone.utc))
        return history.timeline.add_events(record.id, [
            make_event("reply-received", "2026-11-23T10:00:00Z", "email",
                       "Please repay the signing bonus.\nThanks, HR", "repayment"),
        ])  # fmt: skip


def test_reply_for_a_kept_record_answers_its_subject(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = _kept_and_sent(data_dir)
    code, out, err = run(capsys, "--data-dir", str(data_dir), "reply", "--kind", "repayment",
                         "--record", record.id[:8])  # fmt: skip
    assert (code, err) == (0, "")
    assert out.startswith(f"Subject: Re: {record.subject}\n\nDear Jordan,")
    assert "signing bonus" in out and "in writing" in out


@pytest.mark.parametrize("kind", list(REPLY_KINDS))
def test_reply_from_draft_flags_as_json(capsys: pytest.CaptureFixture[str], kind: str) -> None:
    flags = ("--stage", "offer", "--reason", "compensation", "--deal-breaker", "pay", *NAMES)
    code, out, _ = run(capsys, "reply", "--kind", kind, *flags, "--format", "json")
    assert code == 0
    payload = json.loads(out)
    assert payload["kind"] == kind and payload["kind_label"] == REPLY_KINDS[kind]
    assert payload["subject"].startswith("Re: ") and "Dear Jordan" in payload["body_text"]


def test_reply_needs_a_record_or_a_stage(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "reply", "--kind", "accepted")
    assert code == 2 and out == ""
    assert (
        err
        == "bowout: error: say which withdrawal to answer for: --record ID, or --stage STAGE ...\n"
    )
    code, _, err = run(capsys, "reply", "--kind", "shrugged", "--stage", "offer")
    assert code == 2 and "invalid choice: 'shrugged'" in err


def test_reply_help_lists_every_kind_with_its_meaning(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "reply", "--help")
    assert code == 0
    listed = out.split("reply kinds (--kind):", 1)[1]
    for kind, said in REPLY_KINDS.items():
        assert f"  {kind} " in listed and said.split()[-1] in listed
    _, top, _ = run(capsys, "--help")
    assert "reply" in top


def test_history_show_prints_the_timeline_oldest_first(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = _kept_and_sent(data_dir)
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "history", "show", record.id)
    assert code == 0
    timeline = out.split("--- Timeline ---\n", 1)[1]
    lines = timeline.splitlines()
    assert lines[:2] == [
        f"2026-11-20 09:00 UTC  Message sent  [{record.channel}]",
        f"    Subject: {record.subject}",  # then the whole message as it went out
    ]
    assert "    " + record.body_text.splitlines()[0] in lines
    assert lines[-3:] == [
        "2026-11-23 10:00 UTC  Reply received (repayment)  [email]",
        "    Please repay the signing bonus.",
        "    Thanks, HR",
    ]
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "history", "show", record.id, "--json")
    assert [e["kind"] for e in json.loads(out)["timeline"]] == ["message-sent", "reply-received"]


def test_a_resolved_request_says_so_in_list_and_show(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bowout.core.situation import DealBreaker, Kind

    asked = Situation(stage=Stage.OFFER, reason=Reason.COMPENSATION, kind=Kind.NEGOTIATE,
                      deal_breaker=DealBreaker.PAY, company="Contoso")  # fmt: skip
    with History.open(data_dir) as history:
        record = history.add(Record.from_draft(Composer().compose(asked, Profile("Maya"))))
        history.timeline.set_outcome(record.id, "resolved")
    _, out, _ = run(capsys, "--data-dir", str(data_dir), "history", "list")
    assert f"{record.id[:8]}  {record.created[:10]}  resolved  offer " in out
    _, out, _ = run(capsys, "--data-dir", str(data_dir), "history", "show", record.id)
    assert "Resolved — stayed in the process; no withdrawal sent" in out
    assert "Outcome:   resolved (of the conversation about pay)" in out
