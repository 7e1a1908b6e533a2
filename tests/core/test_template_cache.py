"""Compiled templates kept between runs: used when fresh, ignored when stale or unwritable."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from bowout import paths
from bowout.core import Composer, Profile, Situation, Stage
from bowout.core.templating import bytecode_folder

SITUATION = Situation(stage=Stage.OFFER, company="Northwind", role="Data Analyst")
PROFILE = Profile("Maya Okafor", "maya@example.com")


def test_cached_composer_writes_the_same_draft(tmp_path: Path) -> None:
    plain = Composer().compose(SITUATION, PROFILE)
    cached = Composer(cache_root=tmp_path).compose(SITUATION, PROFILE)
    assert cached == plain
    assert list(bytecode_folder(tmp_path, trusted=True).glob("*.cache"))  # built-ins


def test_a_second_start_loads_code_instead_of_compiling(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = Composer(cache_root=tmp_path).compose(SITUATION, PROFILE)

    def refuse(*args: object, **kwargs: object) -> object:
        raise AssertionError("compiled although the cache holds the template")

    monkeypatch.setattr(jinja2.Environment, "compile", refuse)
    assert Composer(cache_root=tmp_path).compose(SITUATION, PROFILE) == first


def test_an_edited_template_is_compiled_again(tmp_path: Path) -> None:
    custom = tmp_path / "custom"
    custom.mkdir()
    body = custom / "email.txt.j2"
    body.write_text("First body for {{ company }}", encoding="utf-8")
    cache = tmp_path / "cache"
    assert Composer([custom], cache_root=cache).compose(SITUATION, PROFILE).body_text == (
        "First body for Northwind"
    )
    body.write_text("Second body for {{ company }}", encoding="utf-8")
    assert Composer([custom], cache_root=cache).compose(SITUATION, PROFILE).body_text == (
        "Second body for Northwind"
    )


def test_an_unusable_cache_folder_is_skipped(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go", encoding="utf-8")
    draft = Composer(cache_root=blocker).compose(SITUATION, PROFILE)
    assert draft == Composer().compose(SITUATION, PROFILE)


def test_a_damaged_cache_file_is_replaced(tmp_path: Path) -> None:
    expected = Composer(cache_root=tmp_path).compose(SITUATION, PROFILE)
    damaged = [*bytecode_folder(tmp_path).glob("*.cache"),
               *bytecode_folder(tmp_path, trusted=True).glob("*.cache")]  # fmt: skip
    assert damaged
    for cached in damaged:
        cached.write_bytes(b"\x00garbage")
    assert Composer(cache_root=tmp_path).compose(SITUATION, PROFILE) == expected


def test_cache_folder_follows_the_environment(tmp_path: Path) -> None:
    assert paths.cache_dir({paths.CACHE_DIR_ENV: str(tmp_path)}) == tmp_path
    assert paths.cache_dir({}).name  # the platform's per-user cache folder otherwise
