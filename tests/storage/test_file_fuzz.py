"""Random bytes as each file Bow Out reads (issue 23): every reader answers with one line or
falls back to its default, and nothing is written to the history by reading.

The files: settings.json, the data-folder pointer, a custom wording file, a custom
template, history.json, a backup, and an import file.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from storage_helpers import make_record

from bowout import paths, readfile
from bowout.core.composer import Composer
from bowout.core.errors import BowOutError
from bowout.core.situation import Profile, Situation, Stage, Voice
from bowout.settings import Settings, read_settings
from bowout.storage import History, HistoryError

#: JSON-shaped values: most random bytes are not JSON, and the shape checks need JSON.
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
BYTES = (
    st.binary(max_size=600)
    | JSON.map(lambda v: json.dumps(v).encode())
    | st.dictionaries(
        st.sampled_from(["profile", "theme", "reply_days", "personal_words", "records", "trash",
                         "dismissed_observations", "welcomed", "applications", "meta"]),
        JSON, max_size=5,
    ).map(lambda v: json.dumps(v).encode())
    | st.text(max_size=300).map(lambda t: t.encode("utf-16"))
)  # fmt: skip
TOML = BYTES | st.text(max_size=300).map(lambda t: f"[[thanks]]\nsay = {json.dumps(t)}\n".encode())
TEMPLATE = BYTES | st.text(max_size=200).map(str.encode)
FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@contextlib.contextmanager
def folder() -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix="bowout-fuzz-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def one_line(error: BaseException) -> None:
    assert "\n" not in str(error) and str(error).strip(), repr(error)


def kept_history(base: Path) -> tuple[Path, bytes]:
    data = base / "data"
    with History.open(data) as history:
        history.add(make_record("Northwind"))
    return data, (data / "history.json").read_bytes()


@FUZZ
@given(raw=BYTES)
def test_settings_json(raw: bytes) -> None:
    with folder() as base:
        data, before = kept_history(base)
        (data / "settings.json").write_bytes(raw)
        loaded, notices = read_settings(data)
        assert isinstance(loaded, Settings)
        assert all("\n" not in notice for notice in notices)
        if loaded.profile.email:  # whatever was read is one address on one line
            assert "\n" not in loaded.profile.email and "@" in loaded.profile.email
        assert (data / "history.json").read_bytes() == before


@FUZZ
@given(raw=BYTES)
def test_the_data_folder_pointer(raw: bytes) -> None:
    with folder() as base:
        config = base / "config"
        config.mkdir()
        (config / "data-dir.txt").write_bytes(raw)
        env = {paths.CONFIG_DIR_ENV: str(config)}
        try:
            chosen = paths.resolve_data_dir(None, env)
        except BowOutError as exc:
            one_line(exc)
        else:
            assert isinstance(chosen, Path)


def test_a_data_folder_pointer_holding_a_nul_is_one_line() -> None:
    """Hypothesis found it: os.stat raised ValueError ("embedded null byte"), a traceback."""
    with folder() as base:
        config = base / "config"
        config.mkdir()
        (config / "data-dir.txt").write_bytes(b"/home/sam/Bow\x00Out\n")
        with pytest.raises(BowOutError) as caught:
            paths.resolve_data_dir(None, {paths.CONFIG_DIR_ENV: str(config)})
        one_line(caught.value)
        assert "NUL" in str(caught.value)


COMPOSER_CASES = [
    Situation(stage=Stage.SCREENING, voice=Voice.WARM, contact="Ana Lima", company="Contoso"),
    Situation(stage=Stage.ACCEPTED, voice=Voice.WARM, company="Contoso"),
]


@FUZZ
@given(raw=TOML)
def test_a_custom_wording_file(raw: bytes) -> None:
    with folder() as base:
        (base / "wording").mkdir()
        (base / "wording" / "warm.toml").write_bytes(raw)
        composer = Composer([base])
        for situation in COMPOSER_CASES:
            draft = composer.compose(situation, Profile(name="Sam"))  # never raises
            assert draft.body_text.strip()
        assert all("\n" not in problem for problem in composer.take_template_problems())


@FUZZ
@given(raw=TEMPLATE)
def test_a_custom_template(raw: bytes) -> None:
    with folder() as base:
        (base / "email.txt.j2").write_bytes(raw)
        composer = Composer([base])
        draft = composer.compose(COMPOSER_CASES[0], Profile(name="Sam"))  # never raises
        assert draft.subject.strip()  # an empty template may give an empty body: its choice
        assert all("\n" not in problem for problem in composer.take_template_problems())


@FUZZ
@given(raw=BYTES)
def test_history_json(raw: bytes) -> None:
    with folder() as base:
        data, _ = kept_history(base)
        (data / "history.json").write_bytes(raw)
        try:
            history = History.open(data)
        except HistoryError as exc:
            one_line(exc)
            return
        with history:
            history.list()
            aside = list(data.glob("history-damaged-*.json"))
            if aside:  # set aside as it was, never changed
                assert aside[0].read_bytes() == raw
                assert history.recovery_message and "\n" not in history.recovery_message


@FUZZ
@given(raw=BYTES)
def test_a_backup(raw: bytes) -> None:
    with folder() as base:
        data, _ = kept_history(base)
        backups = data / "backups"
        for old in backups.iterdir():
            old.write_bytes(raw)
        (data / "backups" / "history-29990101T000000000000Z.json").write_bytes(raw)
        (data / "history.json").write_bytes(b"{")  # damaged: the backups are tried
        with History.open(data) as history:
            records = history.list()
            assert history.recovery_message and "\n" not in history.recovery_message
            assert len(records) <= 1


@FUZZ
@given(raw=BYTES)
def test_an_import_file(raw: bytes) -> None:
    with folder() as base:
        data, before = kept_history(base)
        source = base / "import.json"
        source.write_bytes(raw)
        with History.open(data) as history:
            try:
                history.transfer.import_json(source)
            except HistoryError as exc:
                one_line(exc)
                assert (data / "history.json").read_bytes() == before
            assert any(r.company == "Northwind" for r in history.list())


@pytest.mark.skipif(os.name != "posix", reason="FIFOs are POSIX")
@pytest.mark.timeout(30)
def test_every_reader_refuses_a_fifo_without_waiting(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    for limit in (readfile.SMALL_LIMIT, readfile.DATA_LIMIT):
        with pytest.raises(readfile.UnreadableFile, match="named pipe"):
            readfile.read_bytes(pipe, limit)
