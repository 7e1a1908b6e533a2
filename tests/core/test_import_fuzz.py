"""Any bytes given to the importer end in rows or in one clear message, never a traceback."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from cli_import_helpers import import_bytes
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bowout.core.csv_import import ImportResult, read_applications
from bowout.core.errors import BowOutError
from bowout.storage import History

MAGIC = [b"", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\xff\xfe", b"\xfe\xff",
         b"\xef\xbb\xbf", b"%PDF-", b"sep=;\n", b"Company,Role,Status,Applied\n"]  # fmt: skip
CSVISH = st.lists(
    st.sampled_from(['"', ",", ";", "\t", "\r", "\n", "Acme", "Offer", "11/2/2026", "46329",
                     "Sam <s@x.example>", "é", "e\u0301", "\ud800", "\x00", " "]),
    max_size=60,
).map(lambda parts: "".join(parts).encode("utf-8", errors="surrogatepass"))  # fmt: skip
ANY_BYTES = st.one_of(
    st.binary(max_size=3000),
    st.tuples(st.sampled_from(MAGIC), st.binary(max_size=2000)).map(b"".join),
    st.tuples(st.sampled_from(MAGIC), CSVISH).map(b"".join),
)


def _outcome(data: bytes) -> ImportResult | BowOutError:
    try:
        return read_applications(data, date_order="dmy")
    except BowOutError as exc:
        return exc


@settings(max_examples=400, deadline=None)
@given(ANY_BYTES)
def test_any_bytes_end_in_rows_or_one_clear_message(data: bytes) -> None:
    outcome = _outcome(data)
    if isinstance(outcome, BowOutError):
        message = str(outcome)
        assert message and "\n" not in message and "Traceback" not in message
    else:
        assert len(outcome.applications) == len(outcome.states)
        assert all(a.company for a in outcome.applications)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(ANY_BYTES)
def test_through_the_command_line_nothing_is_written_unless_rows_are_imported(
    capsys: pytest.CaptureFixture[str], data: bytes
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        code, out, err = import_bytes(capsys, Path(folder), data)
        assert code in (0, 2) and "Traceback" not in err
        with History.open(Path(folder) / "d") as history:
            kept = history.applications.list()
            mapping = history.applications.mapping(["Company", "Role", "Status", "Applied"])
        if code == 2:
            assert err.count("\n") == 1 and out == ""
            assert kept == [] and mapping is None
        else:
            assert out.startswith(f"Imported {len(kept)} application(s)")
