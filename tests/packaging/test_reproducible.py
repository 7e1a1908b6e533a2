"""Verifiable downloads: byte-identical archives from one commit, and SHA256SUMS."""

from __future__ import annotations

import argparse
import gzip
import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import build  # noqa: E402
import reproducible  # noqa: E402

EPOCH = 1_767_225_600  # 2026-01-01 00:00:00 UTC


def make_bundle(folder: Path, mtime: int, mode_bits: int) -> Path:
    """A stand-in bundle whose files carry the given time and permission bits."""
    (folder / "_internal" / "templates").mkdir(parents=True)
    (folder / "_internal" / "templates" / "email.txt.j2").write_text("hi\n")
    (folder / "_internal" / "libfoo.so.1").write_bytes(b"\x7fELF stand-in")
    (folder / "_internal" / "words.json.gz").write_bytes(
        # A time-stamped gzip as pyspellchecker ships it (the same bytes in every build).
        gzip.compress(b'{"a": 1}', mtime=1_700_000_000)
    )
    launcher = folder / "bowout"
    launcher.write_text("#!/bin/sh\necho frozen\n")
    launcher.chmod(0o755 & mode_bits)
    for path in [folder, *folder.rglob("*")]:
        os.utime(path, (mtime, mtime))
    return folder


@pytest.fixture
def epoch(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    return EPOCH


def test_source_date_epoch_is_the_commit_time_unless_given(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    commit_time = subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True
    ).stdout
    assert reproducible.source_date_epoch(ROOT) == int(commit_time)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "12345")
    assert reproducible.source_date_epoch(ROOT) == 12345


def test_source_date_epoch_outside_git_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    with pytest.raises(SystemExit, match="set SOURCE_DATE_EPOCH"):
        reproducible.source_date_epoch(tmp_path)


def test_tarballs_of_two_builds_are_byte_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, epoch: int
) -> None:
    # Two builds of one commit at different times: file times differ, and so would the
    # build user's umask; the archives must not.
    one = make_bundle(tmp_path / "one" / "bowout", 1_800_000_000, 0o777)
    two = make_bundle(tmp_path / "two" / "bowout", 1_800_086_400, 0o777)
    monkeypatch.setattr(build, "DIST", one.parent)
    first = build.cmd_tarball(argparse.Namespace())
    monkeypatch.setattr(build, "DIST", two.parent)
    second = build.cmd_tarball(argparse.Namespace())
    assert first.read_bytes() == second.read_bytes()
    with tarfile.open(first) as tar:
        members = tar.getmembers()
    assert [m.name for m in members] == sorted(m.name for m in members)
    assert {m.mtime for m in members} == {epoch}
    assert {(m.uid, m.gid, m.uname, m.gname) for m in members} == {(0, 0, "", "")}
    assert first.read_bytes()[4:8] == b"\0\0\0\0"  # gzip header without a time


def test_gzip_time_stamps_are_cleared_and_the_data_kept(tmp_path: Path) -> None:
    stamped = tmp_path / "a.json.gz"
    stamped.write_bytes(gzip.compress(b"payload" * 100, mtime=1_700_000_000))
    plain = tmp_path / "b.gz"
    plain.write_bytes(gzip.compress(b"x", mtime=0))
    assert reproducible.zero_gzip_timestamps(tmp_path) == [stamped]
    assert stamped.read_bytes()[4:8] == b"\0\0\0\0"
    assert gzip.decompress(stamped.read_bytes()) == b"payload" * 100
    assert reproducible.gzip_bytes(b"same") == reproducible.gzip_bytes(b"same")
    assert reproducible.gzip_bytes(b"same")[4:8] == b"\0\0\0\0"


def test_sha256sums_lists_every_installer_in_sha256sum_format(tmp_path: Path) -> None:
    names = ["bowout_1.0-1_amd64.deb", "bowout-1.0-linux-x86_64.tar.gz", "b-setup.exe", "B.dmg"]
    for index, name in enumerate(names):
        (tmp_path / name).write_bytes(bytes([index]) * 1000)
    (tmp_path / "screenshot.xwd").write_bytes(b"not an artefact")
    out = build.cmd_checksums(argparse.Namespace(dir=str(tmp_path)))
    lines = out.read_text().splitlines()
    assert len(lines) == 4
    for line in lines:
        digest, name = line.split("  ", 1)
        assert digest == hashlib.sha256((tmp_path / name).read_bytes()).hexdigest()
    assert [line.split("  ")[1] for line in lines] == sorted(names)


def test_sha256sums_refuses_an_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="no release artefacts"):
        build.cmd_checksums(argparse.Namespace(dir=str(tmp_path)))


def test_tree_comparison_names_what_differs(tmp_path: Path) -> None:
    one = make_bundle(tmp_path / "one", 1, 0o777)
    two = make_bundle(tmp_path / "two", 2, 0o777)
    (two / "_internal" / "extra.txt").write_text("x")
    (two / "_internal" / "templates" / "email.txt.j2").write_text("changed\n")
    lines = reproducible.explain_difference(
        reproducible.tree_digest(one), reproducible.tree_digest(two)
    )
    assert lines[0] == "only in the second build: _internal/extra.txt"
    assert lines[1].startswith("differs: _internal/templates/email.txt.j2 (")
    assert len(lines) == 2


@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="needs dpkg-deb (Debian)")
def test_debs_of_two_builds_are_byte_identical(tmp_path: Path, epoch: int) -> None:
    one = make_bundle(tmp_path / "one" / "bowout", 1_800_000_000, 0o777)
    two = make_bundle(tmp_path / "two" / "bowout", 1_800_086_400, 0o777)
    first = build.pack_deb(one, tmp_path / "one.deb", "9.8.7-1", tmp_path / "w1", "gzip")
    second = build.pack_deb(two, tmp_path / "two.deb", "9.8.7-1", tmp_path / "w2", "gzip")
    assert reproducible.sha256(first) == reproducible.sha256(second)


@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="needs dpkg-deb (Debian)")
@pytest.mark.parametrize("tamper", [False, True])
def test_verify_reproducible_compares_two_builds_and_names_the_difference(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    epoch: int,
    tamper: bool,
) -> None:
    first = make_bundle(tmp_path / "dist" / "bowout", 1_800_000_000, 0o777)

    def second_build(dist: Path, work: Path, floor: bool = False) -> Path:
        # Stands in for PyInstaller: the same files frozen later, or with one byte changed.
        out = make_bundle(dist / "bowout", 1_800_086_400, 0o777)
        if tamper:
            (out / "_internal" / "templates" / "email.txt.j2").write_text("hj\n")
        return out

    monkeypatch.setattr(build, "DIST", tmp_path / "dist")
    monkeypatch.setattr(build, "WORK", tmp_path / "build")
    monkeypatch.setattr(build, "freeze", second_build)
    args = argparse.Namespace(deb_only=False)
    if tamper:
        with pytest.raises(SystemExit) as stopped:
            build.cmd_verify_reproducible(args)
        assert stopped.value.code == 1
        assert "differs: _internal/templates/email.txt.j2" in capsys.readouterr().err
    else:
        out = build.cmd_verify_reproducible(args)
        assert out.parent == first.parent
        log = capsys.readouterr().err
        assert "reproducible: both builds are byte-identical" in log
        assert log.count(reproducible.sha256(out)) == 2
