"""Open applications from the CSV files spreadsheets and job trackers write."""

from __future__ import annotations

import datetime as dt

import pytest

from bowout.core.applications import Application
from bowout.core.csv_import import guess_mapping, read_applications
from bowout.core.errors import InputError
from bowout.core.import_dates import parse_date
from bowout.core.situation import Stage
from bowout.core.statuses import ACCEPTED_OFFER, answer_for

TABLE = [
    ["Company", "Position", "Contact", "Email", "Status", "Date applied"],
    ["Northwind", "Data Analyst", "Jordan Lee", "jordan@northwind.example", "Phone screen",
     "2026-10-02"],
    ["Contoso", "QA Lead", "Zoë Ørsted", "", "Final interview", "2026-10-05"],
    ["Fabrikam", "Designer", "", "", "Offer", "2026-10-09"],
]  # fmt: skip


def encoded(sep: str, encoding: str) -> bytes:
    text = "\r\n".join(sep.join(row) for row in TABLE) + "\r\n"
    if encoding == "utf-8-sig":
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    return text.encode(encoding)


@pytest.mark.parametrize("sep", [",", ";", "\t"], ids=["comma", "semicolon", "tab"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_every_encoding_and_separator_imports(sep: str, encoding: str) -> None:
    result = read_applications(encoded(sep, encoding))
    assert [a.company for a in result.applications] == ["Northwind", "Contoso", "Fabrikam"]
    assert [a.stage for a in result.applications] == [Stage.SCREENING, Stage.FINAL, Stage.OFFER]
    assert result.applications[1].contact == "Zoë Ørsted"
    assert result.applications[0].contact_email == "jordan@northwind.example"
    assert result.applications[0].applied == dt.date(2026, 10, 2)
    assert result.skipped == [] and result.unknown_statuses == {}


MESSY = """My job search 2026,,,,
,,,,
Employer;Job title;Status;Applied on;Notes
Northwind;Data Analyst;Applied;03/14/2026;via referral
;;;;
Contoso;QA Lead;Technical interview;14 Mar 2026;
Litware;Designer;Rejected;2026-03-01;
Tailspin;;Take-home;Mar 20, 2026;
Adatum;PM;Talking to CEO;2026-03-22;
northwind;data  analyst;Phone screen;2026-03-23;duplicate
Initech;Engineer;Applied;31/31/2026;
"""


def test_a_messy_real_world_file() -> None:
    result = read_applications(MESSY.encode("utf-8"))
    companies = [a.company for a in result.applications]
    assert companies == ["Northwind", "Contoso", "Tailspin", "Initech"]
    assert result.applications[0].applied == dt.date(2026, 3, 14)  # month first: 03/14
    assert result.applications[1].applied == dt.date(2026, 3, 14)
    assert result.applications[2].applied == dt.date(2026, 3, 20)
    assert result.applications[0].notes == "via referral"
    skipped = dict(result.skipped)
    assert skipped[7] == "closed (Rejected)"
    assert skipped[10] == "already listed"
    assert result.notes == [(11, "not a date: '31/31/2026'; imported without the date")]
    assert 11 not in skipped and result.applications[3].applied is None
    assert result.unknown_statuses == {"Talking to CEO": [9]}
    answered = read_applications(MESSY.encode(), statuses={"Talking to CEO": "final"})
    assert next(a for a in answered.applications if a.company == "Adatum").stage is Stage.FINAL


def test_the_mapping_can_be_corrected_and_duplicates_of_kept_ones_skip() -> None:
    data = b"Org,Thing,Who\nNorthwind,Analyst,Jo\n"
    with pytest.raises(InputError, match="--map COLUMN=company"):
        read_applications(data)
    result = read_applications(data, overrides={"Org": "company", "Thing": "role",
                                                "Who": "contact"})  # fmt: skip
    assert result.applications == [Application("Northwind", "Analyst", "Jo")]
    assert result.mapping == {"Org": "company", "Thing": "role", "Who": "contact"}
    kept = read_applications(data, overrides={"Org": "company", "Thing": "role"},
                             existing=[Application("NORTHWIND", "analyst")])  # fmt: skip
    assert kept.applications == [] and kept.skipped == [(2, "already listed")]
    with pytest.raises(InputError, match="no column named 'Nope'"):
        read_applications(data, overrides={"Nope": "company"})
    with pytest.raises(InputError, match="not a field"):
        read_applications(data, overrides={"Org": "salary"})


def test_guessing_and_status_words() -> None:
    assert guess_mapping(["Company Name", "Job Title", "E-mail", "Application Status"]) == {
        "Company Name": "company", "Job Title": "role", "E-mail": "contact_email",
        "Application Status": "stage",
    }  # fmt: skip
    assert answer_for("  3. Onsite ") == "interviewing"
    assert answer_for("Offer Accepted") == ACCEPTED_OFFER  # never the stage by itself
    assert answer_for("Vibes") is None
    assert parse_date("02/03/2026", "dmy") == dt.date(2026, 3, 2)
    assert parse_date("02/03/26", "mdy") == dt.date(2026, 2, 3)
    with pytest.raises(ValueError):
        parse_date("next week", "dmy")
    with pytest.raises(InputError, match="bytes"):
        read_applications(b"x" * 70_000_000)


@pytest.mark.parametrize("cell", ["31/31/2026", "2026-02-30", "Foo 2, 2026", "2 Smarch 2026"])
def test_a_date_that_cannot_be_one_is_named_and_the_row_kept_without_it(cell: str) -> None:
    data = f'Company,Applied\nNorthwind,"{cell}"\nContoso,2026-03-02\n'.encode()
    result = read_applications(data)
    assert result.skipped == []
    assert result.notes == [(2, f"not a date: {cell!r}; imported without the date")]
    assert [(a.company, a.applied) for a in result.applications] == [
        ("Northwind", None),
        ("Contoso", dt.date(2026, 3, 2)),
    ]
