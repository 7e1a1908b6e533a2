"""Dates come from the language pack's CLDR locale (Babel), never from the process locale
(issue 21: under a German system locale the window's English draft said "5 März 2027")."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from bowout.core.pack import load_pack, long_date

SCRIPT = """
import datetime as dt, locale
from PySide6.QtWidgets import QApplication
app = QApplication([])  # Qt sets the C library's locale to the system's, as the window does
print(locale.setlocale(locale.LC_TIME))
from bowout.core import Composer, Profile, Situation, Stage
from bowout.core.situation import Kind, Reason, DealBreaker
from bowout.core.goodwill import Goodwill
start = dt.date(2027, 3, 5)
# The start date is no cause the user gave (issue 21, round 10): the message may leave it out;
# the checklist and the negotiate request's decide-by date still write their months.
s = Situation(stage=Stage.ACCEPTED, reason=Reason.RELOCATION, start_date=start,
              relocation_timeline_changed=True,
              goodwill=tuple(Goodwill), role="Analyst", company="Northwind")
draft = Composer(today=lambda: dt.date(2027, 2, 20)).compose(s, Profile("Riley"))
print(draft.body_text)
print("\\n".join(item.text for item in draft.checklist))
ask = Situation(stage=Stage.OFFER, reason=Reason.RELOCATION, kind=Kind.NEGOTIATE,
                deal_breaker=DealBreaker.RELOCATION, decide_by=start)
print(Composer(today=lambda: dt.date(2027, 2, 20)).compose(ask, Profile("Riley")).body_text)
"""


def german_locale(folder: Path) -> dict[str, str]:
    """An environment whose C library locale is German (compiled into ``folder``)."""
    localedef = shutil.which("localedef")
    assert localedef, "this test needs glibc's localedef to make a German locale"
    subprocess.run(
        [localedef, "-i", "de_DE", "-f", "UTF-8", str(folder / "de_DE.UTF-8")],
        check=False, capture_output=True,
    )  # fmt: skip
    assert (folder / "de_DE.UTF-8").is_dir(), "localedef made no German locale"
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    return {**env, "LOCPATH": str(folder), "LANG": "de_DE.UTF-8", "LC_ALL": "de_DE.UTF-8",
            "QT_QPA_PLATFORM": "offscreen"}  # fmt: skip


def test_an_english_draft_keeps_english_months_under_a_german_system_locale(
    tmp_path: Path,
) -> None:
    env = german_locale(tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("de_DE"), lines[0]  # the process really runs in German
    out = "\n".join(lines[1:])
    assert "5 March 2027" in out and "März" not in out and not re.search(r"\bFebruar\b", out)
    assert "February 2027" in out  # the checklist


def test_the_pack_names_its_locale_and_writes_its_dates() -> None:
    pack = load_pack("en")
    assert pack.locale == "en_GB"
    assert long_date(dt.date(2027, 1, 12)) == "12 January 2027"
    assert pack.long_date(dt.date(2026, 12, 1)) == "1 December 2026"


UI_SCRIPT = """
import datetime as dt, locale
from PySide6.QtWidgets import QApplication
app = QApplication([])
print(locale.setlocale(locale.LC_TIME))
from bowout.core import ui_dates
from bowout.core.history_summary import Summary, describe
from bowout.core.situation import Reason, Stage
from collections import Counter
day = dt.date(2027, 3, 5)
print(ui_dates.day_month_year(day), ui_dates.month_year(day), ui_dates.weekday_day_month(day),
      ui_dates.month_initial(day))
months = (dt.date(2027, 2, 1), dt.date(2027, 3, 1))
summary = Summary(months, (Counter({Stage.OFFER: 1}), Counter({Stage.FINAL: 2})),
                  (Counter({Reason.OTHER_OFFER: 1}), Counter({Reason.NOT_A_FIT: 2})), 0, 3)
print(describe(summary))
from bowout.cli.applications import date_order_message
from bowout.core.csv_import import DateOrderNeeded
print(date_order_message(DateOrderNeeded("Applied", "11/02/2026")))
"""


def test_the_window_and_cli_write_english_dates_under_a_german_system_locale(
    tmp_path: Path,
) -> None:
    """The history summary, Coming up and the date-order question wrote "März" and "Fr"
    (``strftime`` after Qt set the C library's locale to the system's)."""
    env = german_locale(tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", UI_SCRIPT], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("de_DE"), lines[0]
    assert lines[1] == "5 March 2027 March 2027 Fri 5 Mar M"
    assert "February 2027 to March 2027" in lines[2] and "Busiest: March 2027 (2)" in lines[2]
    assert "11 February 2026" in lines[3] and "2 November 2026" in lines[3]
    assert not re.search(r"März|Februar\b|Fr\b", "\n".join(lines[1:]))
