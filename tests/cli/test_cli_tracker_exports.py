"""A round trip through the CSV each common tracker exports: its columns and status words.

What a public source confirms, and what it does not (the README says the same):
- JobSync: confirmed by its source, Gsync/jobsync src/app/api/jobs/export/route.ts (the
  FIELDS list, "N/A" for a missing date, Papa.unparse per chunk of jobs) and its seeded
  JobStatus labels, with the 2026 offer outcomes.
- Huntr: its status words, the default lists of a board (wishlist, applied, interview,
  offer, rejected), are confirmed by mattmck/huntr-cli docs/API-ENDPOINTS.md, which
  documents Huntr's API. No public source gives the columns of a CSV export: the header
  below is a person's export of those fields, not Huntr's own.
- Teal and Notion: no public documentation or source was found for either's export or
  status words; the files below hold the words their users report, unconfirmed.
- A spreadsheet template's words, as such templates write them.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from cli_helpers import run

from bowout.storage import History


def _csv(rows: list[list[str]], *, bom: bool = False, newline: str = "\r\n") -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator=newline).writerows(rows)
    return (b"\xef\xbb\xbf" if bom else b"") + out.getvalue().encode("utf-8")


# JobSync: src/app/api/jobs/export/route.ts (its FIELDS, Papa.unparse: CRLF, "N/A" for a
# missing date).
JOBSYNC = _csv([
    ["index", "createdAt", "applied", "appliedDate", "Company", "JobTitle", "jobType",
     "Location", "JobSource", "Status"],
    ["1", "2026-09-01", "No", "N/A", "Contoso", "Analyst", "Full Time", "Remote", "LinkedIn",
     "Draft"],
    ["2", "2026-09-02", "Yes", "2026-09-03", "Northwind", "Engineer", "Full Time", "Berlin",
     "Indeed", "Applied"],
    ["3", "2026-09-02", "Yes", "2026-09-04", "Fabrikam", "Designer", "Contract", "Paris",
     "Company Career Page", "Interview"],
    ["4", "2026-09-05", "Yes", "2026-09-06", "Tailspin", "Lead", "Full Time", "Oslo",
     "Google", "Offer"],
    ["5", "2026-09-05", "Yes", "2026-09-06", "Litware", "Tester", "Part Time", "Rome",
     "Indeed", "Offer Declined"],
    ["6", "2026-09-07", "Yes", "2026-09-08", "Adatum", "Writer", "Full Time", "Lyon",
     "Indeed", "Expired"],
    ["7", "2026-09-07", "Yes", "2026-09-08", "Proseware", "Analyst", "Full Time", "Linz",
     "Indeed", "Rejected"],
    ["8", "2026-09-07", "Yes", "2026-09-08", "Wingtip", "Analyst", "Full Time", "Graz",
     "Indeed", "Archived"],
])  # fmt: skip
# Huntr: a board's default lists are the status (mattmck/huntr-cli docs/API-ENDPOINTS.md:
# names wishlist, applied, interview, offer, rejected); the columns are not documented.
HUNTR = _csv([
    ["Company", "Job Title", "List", "Date Applied", "Location", "URL"],
    ["Contoso", "Analyst", "Wishlist", "", "Remote", "https://contoso.example/jobs/1"],
    ["Northwind", "Engineer", "Applied", "10/02/2026", "Berlin", ""],
    ["Fabrikam", "Designer", "Interview", "10/14/2026", "Paris", ""],
    ["Tailspin", "Lead", "Offer", "10/20/2026", "Oslo", ""],
    ["Litware", "Tester", "Rejected", "09/30/2026", "Rome", ""],
], newline="\n")  # fmt: skip
# Teal: statuses and archive reasons as its users report them (no public source found).
TEAL = _csv([
    ["Company", "Job Position", "Status", "Date Saved", "Date Applied", "Excitement",
     "Job Location", "Notes"],
    ["Contoso", "Analyst", "Bookmarked", "2026-09-01", "", "4", "Remote", ""],
    ["Wingtip", "Analyst", "Applying", "2026-09-01", "", "3", "Graz", "cover letter, CV"],
    ["Northwind", "Engineer", "Applied", "2026-09-01", "2026-09-03", "5", "Berlin", ""],
    ["Fabrikam", "Designer", "Interviewing", "2026-09-01", "2026-09-04", "5", "Paris", ""],
    ["Tailspin", "Lead", "Negotiating", "2026-09-01", "2026-09-05", "5", "Oslo", ""],
    ["Litware", "Tester", "I Withdrew", "2026-09-01", "2026-09-05", "1", "Rome", ""],
    ["Adatum", "Writer", "Not Selected", "2026-09-01", "2026-09-05", "2", "Lyon", ""],
    ["Proseware", "Analyst", "No Response", "2026-09-01", "2026-09-05", "2", "Linz", ""],
])  # fmt: skip
# Notion: a job-application database exported as CSV (UTF-8 with a BOM, dates written out
# in English), as its users report it (no public source found for the template's words).
NOTION = _csv([
    ["Company", "Position", "Status", "Date Applied", "Contact", "Notes"],
    ["Contoso", "Analyst", "Not started", "", "", ""],
    ["Northwind", "Engineer", "Applied", "September 3, 2026",
     "Jordan Lee <jordan@northwind.example>", ""],
    ["Fabrikam", "Designer", "In progress", "September 4, 2026 2:30 PM", "", ""],
    ["Tailspin", "Lead", "Offer", "September 5, 2026", "", ""],
    ["Litware", "Tester", "Rejected", "September 6, 2026", "", ""],
], bom=True)  # fmt: skip
# A spreadsheet job-tracker template (Google Sheets / Excel), exported as CSV.
TEMPLATE = _csv([
    ["Company Name", "Position", "Application Status", "Date Applied", "Contact Person",
     "Contact Email", "Notes"],
    ["Contoso", "Analyst", "Not Applied", "", "", "", ""],
    ["Northwind", "Engineer", "Applied", "2026-09-03", "Jordan Lee", "jordan@northwind.example",
     ""],
    ["Fabrikam", "Designer", "Phone Screen", "2026-09-04", "", "", ""],
    ["Tailspin", "Lead", "Interview Scheduled", "2026-09-05", "", "", ""],
    ["Wingtip", "Analyst", "Final Round", "2026-09-05", "", "", ""],
    ["Adatum", "Writer", "Offer", "2026-09-06", "", "", ""],
    ["Litware", "Tester", "No Response", "2026-09-01", "", "", ""],
])  # fmt: skip

EXPECTED = {
    # tracker: (file, {company: (state, stage)}, lines skipped as closed)
    "jobsync": (JOBSYNC, {"Contoso": ("saved", "applied"), "Northwind": ("open", "applied"),
                          "Fabrikam": ("open", "interviewing"), "Tailspin": ("open", "offer")},
                [6, 7, 8, 9]),
    "huntr": (HUNTR, {"Contoso": ("saved", "applied"), "Northwind": ("open", "applied"),
                      "Fabrikam": ("open", "interviewing"), "Tailspin": ("open", "offer")},
              [6]),
    "teal": (TEAL, {"Contoso": ("saved", "applied"), "Wingtip": ("saved", "applied"),
                    "Northwind": ("open", "applied"), "Fabrikam": ("open", "interviewing"),
                    "Tailspin": ("open", "offer")},
             [7, 8, 9]),
    "notion": (NOTION, {"Contoso": ("saved", "applied"), "Northwind": ("open", "applied"),
                        "Fabrikam": ("open", "interviewing"), "Tailspin": ("open", "offer")},
               [6]),
    "template": (TEMPLATE, {"Contoso": ("saved", "applied"), "Northwind": ("open", "applied"),
                            "Fabrikam": ("open", "screening"),
                            "Tailspin": ("open", "interviewing"),
                            "Wingtip": ("open", "final"), "Adatum": ("open", "offer")},
                 [8]),
}  # fmt: skip


def _kept(capsys: pytest.CaptureFixture[str], data_dir: Path) -> dict[str, dict[str, object]]:
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "applications", "list", "--json")
    assert code == 0
    return {str(a["company"]): a for a in json.loads(out)}


@pytest.mark.parametrize("tracker", list(EXPECTED))
def test_a_trackers_export_round_trips(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, tracker: str
) -> None:
    data, expected, closed = EXPECTED[tracker]
    path = tmp_path / f"{tracker}.csv"
    path.write_bytes(data)
    code, out, err = run(capsys, "--data-dir", str(tmp_path / "d"), "applications", "import",
                         str(path), "--yes", "--date-order", "mdy")  # fmt: skip
    assert (code, err) == (0, ""), err
    assert out.startswith(f"Imported {len(expected)} application(s) from {path.name}")
    assert [int(line.split()[2].rstrip(":")) for line in out.splitlines()
            if line.startswith("Skipped line")] == closed  # fmt: skip
    assert all("closed (" in line for line in out.splitlines() if line.startswith("Skipped"))
    kept = _kept(capsys, tmp_path / "d")
    assert {c: (a["state"], a["stage"]) for c, a in kept.items()} == expected
    assert kept["Northwind"]["applied"] in ("2026-09-03", "2026-10-02")
    if tracker in ("notion", "template"):
        assert (kept["Northwind"]["contact"], kept["Northwind"]["contact_email"]) == (
            "Jordan Lee",
            "jordan@northwind.example",
        )


def test_an_accepted_offer_is_kept_accepted_never_imported_as_rescinding(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """With the ``accepted`` application state (issue 20), the offer taken is kept as such:
    never at the stage ``accepted`` (rescinding), never drafted to by a batch."""
    path = tmp_path / "jobsync.csv"
    path.write_bytes(JOBSYNC + b'9,2026-09-09,Yes,2026-09-10,Globex,Lead,Full Time,Ulm,'
                     b'Indeed,Offer Accepted\r\n')  # fmt: skip
    dd = str(tmp_path / "d")
    code, out, err = run(capsys, "--data-dir", dd, "applications", "import", str(path), "--yes")
    assert code == 0, err
    globex = _kept(capsys, tmp_path / "d")["Globex"]
    assert (globex["state"], globex["stage"]) == ("accepted", "offer")
    code, out, _ = run(capsys, "--data-dir", dd, "batch", "--reason", "other-offer")
    assert code == 0 and "Globex" not in out
    fresh = str(tmp_path / "fresh")
    code, out, err = run(capsys, "--data-dir", fresh, "applications", "import", str(path),
                         "--yes", "--status", "Offer Accepted=closed")  # fmt: skip
    assert (code, err) == (0, "") and "Skipped line 10: closed (Offer Accepted)" in out
    assert "Globex" not in _kept(capsys, tmp_path / "fresh")


@pytest.mark.parametrize(
    ("answer", "state", "skipped"),
    [("skip", None, "status 'Absage' skipped"), ("Closed", None, "closed (Absage)"),
     ("saved", "saved", ""), ("final", "open", "")],
)  # fmt: skip
def test_any_status_word_can_be_answered_with_a_stage_closed_saved_or_skip(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    answer: str,
    state: str | None,
    skipped: str,
) -> None:
    path = tmp_path / "de.csv"
    path.write_text("Firma;Stelle;Status\nAcme;Analyst;Absage\nGlobex;Lead;Applied\n",
                    encoding="utf-8")  # fmt: skip
    code, out, err = run(capsys, "--data-dir", str(tmp_path / "d"), "applications", "import",
                         str(path), "--yes", "--map", "Firma=company", "--map", "Stelle=role",
                         "--map", "Status=stage", "--status", f"Absage={answer}")  # fmt: skip
    assert (code, err) == (0, ""), err
    kept = _kept(capsys, tmp_path / "d")
    assert (kept["Acme"]["state"] if "Acme" in kept else None) == state
    if skipped:
        assert f"Skipped line 2: {skipped}" in out
    if answer == "final":
        assert kept["Acme"]["stage"] == "final"
    with History.open(tmp_path / "d") as history:
        remembered = history.applications.mapping(["Firma", "Stelle", "Status"])
    assert remembered is not None and remembered.statuses == {"Absage": answer.casefold()}


def test_saved_jobs_are_never_drafted_to_by_batch(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "huntr.csv"
    path.write_bytes(HUNTR)
    dd = str(tmp_path / "d")
    code, _, err = run(capsys, "--data-dir", dd, "applications", "import", str(path), "--yes",
                       "--date-order", "mdy")  # fmt: skip
    assert (code, err) == (0, "")
    code, out, _ = run(capsys, "--data-dir", dd, "batch", "--reason", "other-offer",
                       "--format", "json", "--your-name", "Ana")  # fmt: skip
    assert code == 0
    assert sorted(d["company"] for d in json.loads(out)) == ["Fabrikam", "Northwind", "Tailspin"]
    code, out, _ = run(capsys, "--data-dir", dd, "applications", "list", "--open")
    assert "Contoso" not in out


def test_jobsync_writes_each_chunk_of_jobs_with_crlf_and_joins_chunks_with_lf(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """route.ts writes each chunk with Papa.unparse (CRLF rows) and puts a bare "\\n" between
    chunks: one file, both line endings."""
    first = _csv([["index", "createdAt", "applied", "appliedDate", "Company", "JobTitle",
                   "jobType", "Location", "JobSource", "Status"],
                  ["1", "2026-09-01", "Yes", "2026-09-02", "Contoso", "Analyst", "Full Time",
                   "Remote", "Indeed", "Applied"]]).rstrip(b"\r\n")  # fmt: skip
    second = _csv([["2", "2026-09-03", "No", "N/A", "Northwind", "Engineer", "Unknown", "N/A",
                    "N/A", "Interview"]]).rstrip(b"\r\n")  # fmt: skip
    path = tmp_path / "jobs.csv"
    path.write_bytes(first + b"\n" + second)
    code, out, err = run(capsys, "--data-dir", str(tmp_path / "d"), "applications", "import",
                         str(path), "--yes")  # fmt: skip
    assert (code, err) == (0, ""), err
    assert out.startswith("Imported 2 application(s)")
    kept = _kept(capsys, tmp_path / "d")
    assert {c: a["stage"] for c, a in kept.items()} == {
        "Contoso": "applied",
        "Northwind": "interviewing",
    }
    assert kept["Contoso"]["applied"] == "2026-09-02" and kept["Northwind"]["applied"] is None


@pytest.mark.parametrize("write", [str.lower, str.title])
def test_huntrs_default_lists_as_its_api_names_them(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, write: object
) -> None:
    """The five default lists of a Huntr board, spelt as its API gives them (lowercase) and
    as its board shows them."""
    lists = ["wishlist", "applied", "interview", "offer", "rejected"]
    rows = [["Company", "Title", "List"]] + [
        [f"Co {i}", "Analyst", write(name)]  # type: ignore[operator]
        for i, name in enumerate(lists)
    ]
    path = tmp_path / "huntr.csv"
    path.write_bytes(_csv(rows))
    code, out, err = run(capsys, "--data-dir", str(tmp_path / "d"), "applications", "import",
                         str(path), "--yes")  # fmt: skip
    assert (code, err) == (0, ""), err
    kept = _kept(capsys, tmp_path / "d")
    assert {c: (a["state"], a["stage"]) for c, a in kept.items()} == {
        "Co 0": ("saved", "applied"),
        "Co 1": ("open", "applied"),
        "Co 2": ("open", "interviewing"),
        "Co 3": ("open", "offer"),
    }
    assert "Skipped line 6: closed (" in out
