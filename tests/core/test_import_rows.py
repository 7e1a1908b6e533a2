"""The importer's column-at-a-time path gives what the checked, row-by-row path gives.

``bowout.core.import_rows`` makes :class:`Application`'s checks once per column and builds
applications with :meth:`Application.trusted`; these properties hold it, value for value
and message for message, to ``Application(...)`` and to the row-by-row reading the
importer did before (written out below as the reference).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bowout.core import csv_import
from bowout.core.applications import FIELDS, Application, clean_name
from bowout.core.csv_import import ImportResult, read_applications
from bowout.core.errors import InputError
from bowout.core.import_dates import parse_date
from bowout.core.import_rows import TEXT_FIELDS, build_applications, clean_names, key_text
from bowout.core.situation import Stage
from bowout.core.statuses import (
    ACCEPTED_OFFER,
    ACCEPTED_STATE,
    CLOSED,
    SAVED,
    SKIP,
    answer_for,
    status_key,
)
from bowout.core.tabular import Table

#: Pieces that reach every branch of the checks: spaces of every kind, controls, line
#: breaks, decomposed accents, "Name <address>", address punctuation, bidi and zero-width
#: characters.
PIECES = ["Acme", "ä", "a\u0308", " ", "  ", "\t", "\n", "\r", "\x00", "\x1c", "\x0b",
          "\u2028", "\u202e", "\u200d", "<", ">", "@", ".", ",", '"', "sam@x.example",
          "Sam Ortiz <sam@x.example>", "x@y", "é", "\u00a0", "a@b@c.d", "ß"]  # fmt: skip
CELL = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=6).map("".join),
    st.text(max_size=8),
    st.integers(190, 215).map(lambda n: "Ab " * (n // 3) + "c" * (n % 3)),  # near the limit
)
STRIPPED = CELL.map(str.strip)
# Per field, values that are mostly plain (so that whole columns take the fast path) with
# the one fault each column check exists for, and any text at all.
NAMES = ["Acme", "Acme Corp", "Dev", "", "A  B", "Ab\tc", "x\x00y", "Schäfer", "O'Brien"]
CONTACTS = ["Sam", "", "Sam Ortiz <sam@x.example>", "<x@y.example>", "Ann <bad>", "Jo Lee"]
EMAILS = ["sam@x.example", "", "a.b@c.d.e", "a,b@x.example", "s am@x.example", "x@y", "@x.y",
          "a@b@c.d", "a@b.", "\u00e4@x.example", "a" * 195 + "@x.example", "a\x1c@b.c",
          "a@b\tc.d", "a@b,c.d"]  # fmt: skip
NOTES = ["", "met twice", "line\nbreak", "cr\rhere", "tab\there", "bell\x07", "v\x0bt", "ä"]


def field(values: list[str]) -> st.SearchStrategy[str]:
    targeted = st.sampled_from(values)
    return st.one_of(targeted, targeted, targeted, STRIPPED)


ROW_CELLS = st.tuples(field(NAMES), field(NAMES), field(CONTACTS), field(EMAILS), field(NAMES),
                      field(NOTES))  # fmt: skip


def _checked(row: Sequence[object]) -> Application | str:
    try:
        return Application(*row)  # type: ignore[arg-type]
    except (InputError, ValueError) as exc:
        return str(exc)


@settings(max_examples=300, deadline=None)
@given(st.lists(ROW_CELLS, max_size=6), st.sampled_from(list(Stage)))
def test_column_checks_build_what_the_checked_constructor_builds(
    rows: list[tuple[str, str, str, str, str, str]], stage: Stage
) -> None:
    cells = {name: [row[i] for row in rows] for i, name in enumerate(TEXT_FIELDS)}
    stages = [stage] * len(rows)
    applied: list[dt.date | None] = [
        dt.date(2026, 11, 3) if i % 2 else None for i in range(len(rows))
    ]
    built = build_applications(cells, stages, applied)
    for i, row in enumerate(rows):
        values = (*row[:5], stages[i], applied[i], row[5])
        expected = _checked(values)
        assert built.applications[i] == expected
        if isinstance(expected, str):
            assert built.keys[i] is None and i in built.failed
        else:
            assert built.keys[i] == key_text(expected.key()) and i not in built.failed


@given(st.lists(field(NAMES), max_size=6))
def test_a_plain_column_is_passed_through_and_any_other_cleaned_cell_by_cell(
    cells: list[str],
) -> None:
    cleaned = clean_names(cells)
    assert cleaned == [clean_name(cell) for cell in cells]
    joined = "".join(cells)
    assert (cleaned is cells) == (joined.isascii() and joined.isprintable() and "  " not in joined)


def test_trusted_applications_equal_checked_ones_and_refuse_ragged_columns() -> None:
    checked = Application("Contoso", "Analyst", "Sam", "sam@x.example", "", Stage.FINAL,
                          dt.date(2026, 11, 3), "met twice")  # fmt: skip
    columns = tuple([getattr(checked, f)] for f in FIELDS)
    assert Application.trusted(columns) == [checked]  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="differ in length"):
        Application.trusted((["a", "b"], *columns[1:]))  # type: ignore[arg-type]


def test_a_failing_address_column_is_checked_in_linear_time() -> None:
    # Each address reads one way only; an ambiguous pattern would try 2**20,000 ways here.
    emails = ["a.b@c.d.e.f"] * 20_000 + ["not an address"]
    count = len(emails)
    built = build_applications(
        {f: (emails if f == "contact_email" else ["Acme"] * count) for f in TEXT_FIELDS},
        [Stage.APPLIED] * count,
        [None] * count,
    )
    assert built.failed == {count - 1}
    assert "does not look like one email address" in str(built.applications[-1])


# -- the whole reading, against the row-by-row reading it replaced ----------------------
def _reference(
    rows: list[tuple[str, ...]],
    index: dict[str, int],
    answers: dict[str, str],
    accepted: bool,
    existing: Sequence[Application],
) -> ImportResult:
    """The importer's row loop as it was: one row at a time, ``Application(...)`` each."""
    result = ImportResult([], [], [], {}, {})
    seen = {a.key() for a in existing}
    answers = {status_key(word): answer for word, answer in answers.items()}
    for line, row in enumerate(rows[1:], start=2):
        if not "".join(row).strip():
            continue
        cells = {f: row[i].strip() for f, i in index.items() if i < len(row)}
        status = cells.get("stage", "")
        mine = answers.get(status_key(status)) if status else None
        answer = (mine or answer_for(status)) if status else Stage.APPLIED.value
        if mine is not None:
            result.answered_statuses.setdefault(status, []).append(line)
        state = "open"
        if answer == ACCEPTED_OFFER:
            if not accepted:
                result.accepted_words.add(status)
                answer = None
            else:
                answer, state = Stage.OFFER.value, ACCEPTED_STATE
        if answer is None:
            result.unknown_statuses.setdefault(status, []).append(line)
            continue
        if answer == CLOSED:
            result.skipped.append((line, f"closed ({status})"))
            continue
        if answer == SKIP:
            result.skipped.append((line, f"status {status!r} skipped"))
            continue
        if answer == SAVED:
            answer, state = Stage.APPLIED.value, "saved"
        try:
            applied = parse_date(cells.get("applied", ""), "dmy")
        except ValueError as exc:
            result.notes.append((line, f"{exc}; imported without the date"))
            applied = None
        get = cells.get
        try:
            application = Application(
                get("company", ""), get("role", ""), get("contact", ""), get("contact_email", ""),
                get("recruiter", ""), Stage(answer), applied, get("notes", ""),
            )  # fmt: skip
        except (InputError, ValueError) as exc:
            result.skipped.append((line, str(exc)))
            continue
        if application.key() in seen:
            result.skipped.append((line, "already listed"))
            continue
        seen.add(application.key())
        result.applications.append(application)
        result.states.append(state)
    return result


HEADER = ("Company", "Role", "Contact", "Email", "Status", "Date Applied", "Notes")
INDEX = {"company": 0, "role": 1, "contact": 2, "contact_email": 3, "stage": 4, "applied": 5,
         "notes": 6}  # fmt: skip
STATUS = st.sampled_from(["", "Applied", "Interview", "Offer Accepted", "Rejected", "Wishlist",
                          "Talking to CEO", "Ghosted", " applied ", "Final round"])  # fmt: skip
DATE = st.sampled_from(["", "2026-11-03", "3 Nov 2026", "N/A", "soon", "46329", "31/12/2026"])
COMPANY = st.sampled_from(["Acme", "acme", "Schäfer", "Scha\u0308fer", "", " ", "Globex"])
ROW = st.tuples(COMPANY, st.sampled_from(["", "Analyst", "analyst ", "Dev"]), field(CONTACTS),
                field(EMAILS), STATUS, DATE, field(NOTES))  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    rows=st.lists(ROW | st.just(("", "", "", "", "", "", "")) | st.tuples(COMPANY), max_size=14),
    answers=st.dictionaries(st.sampled_from(["Talking to CEO", "ghosted", "Applied"]),
                            st.sampled_from(["final", "closed", "skip", "saved"]), max_size=2),
    accepted=st.booleans(),
    existing=st.lists(st.sampled_from([Application("Acme", "Analyst"), Application("Globex")]),
                      max_size=2),
    block=st.sampled_from([1, 3, 2_000]),
)  # fmt: skip
def test_reading_a_table_gives_what_reading_it_row_by_row_gave(
    rows: list[tuple[str, ...]],
    answers: dict[str, str],
    accepted: bool,
    existing: list[Application],
    block: int,
) -> None:
    table = Table([HEADER, *rows], "CSV")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(csv_import, "PROGRESS_EVERY", block)  # blocks of every size
        result = read_applications(
            table, statuses=answers, existing=existing, date_order="dmy", accepted_state=accepted
        )
    expected = _reference([HEADER, *rows], INDEX, answers, accepted, existing)
    for name in ("applications", "states", "skipped", "unknown_statuses", "notes",
                 "accepted_words", "answered_statuses"):  # fmt: skip
        assert getattr(result, name) == getattr(expected, name), name
