"""An import's Language column: each employer's language by code or name (issue 26)."""

from __future__ import annotations

import pytest

from bowout.core.csv_import import guess_mapping, read_applications
from bowout.core.errors import InputError
from bowout.core.import_rows import language_codes

TABLE = (
    "Company,Role,Language\r\n"
    "Schäfer GmbH,Analyst,German\r\n"
    "Müller AG,Engineer,Deutsch\r\n"
    "Dupont,Designer,français\r\n"
    "García,PM,Spanish\r\n"
    "Contoso,QA,\r\n"
    "Litware,Ops,ES\r\n"
).encode()


def test_a_language_column_is_guessed_and_read_by_code_or_name() -> None:
    assert guess_mapping(["Company", "Sprache"])["Sprache"] == "language"
    result = read_applications(TABLE)
    languages = {a.company: a.language for a in result.applications}
    assert languages == {
        "Schäfer GmbH": "de", "Müller AG": "de", "Dupont": "fr", "García": "es",
        "Contoso": "en", "Litware": "es",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("cell", "code"),
    [("de", "de"), ("German", "de"), ("deutsch", "de"), ("allemand", "de"),
     ("Alemán", "de"), ("French", "fr"), ("Französisch", "fr"), ("espanol", "es"),
     ("English", "en"), ("anglais", "en"), ("", "en")],
)  # fmt: skip
def test_names_in_each_language_bow_out_writes(cell: str, code: str) -> None:
    assert language_codes([cell], first_line=2) == [code]


def test_an_unknown_language_refuses_the_import_naming_the_row() -> None:
    table = b"Company,Language\r\nAcme,German\r\nInitech,Klingon\r\n"
    with pytest.raises(InputError, match=r"^line 3: 'Klingon' is not a language") as info:
        read_applications(table)
    assert "\n" not in str(info.value) and "en, de, es, fr" in str(info.value)
