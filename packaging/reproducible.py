"""Byte-identical release artefacts: one timestamp, fixed owners and order, checksums.

The rules follow reproducible-builds.org: every time stamp is ``SOURCE_DATE_EPOCH`` (the
commit's time, from ``git log -1 --format=%ct``), archives list their members in name order
and owned by root, and gzip headers carry no time or file name. Kept free of PyInstaller
imports so tests can call everything directly.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import subprocess
import tarfile
from collections.abc import Iterable
from pathlib import Path

#: gzip's header: magic (2 bytes), method, flags, then the 4-byte MTIME field (RFC 1952).
_GZIP_MAGIC = b"\x1f\x8b"
_GZIP_MTIME = slice(4, 8)


def source_date_epoch(repo: Path) -> int:
    """Seconds since 1970 for every time stamp in a build: ``SOURCE_DATE_EPOCH`` if set,
    else the last commit's time in ``repo``.

    Raises SystemExit with one line when neither is available (not a git checkout).
    """
    given = os.environ.get("SOURCE_DATE_EPOCH")
    if given:
        return int(given)
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],
            cwd=repo,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError) as error:
        raise SystemExit(
            f"build.py: set SOURCE_DATE_EPOCH or build from a git checkout ({error})"
        ) from error
    return int(out)


def clamp_mtimes(root: Path, epoch: int) -> None:
    """Set the modification time of ``root`` and everything under it to ``epoch``."""
    for path in [root, *root.rglob("*")]:
        os.utime(path, (epoch, epoch), follow_symlinks=False)


def gzip_bytes(data: bytes) -> bytes:
    """``data`` gzip-compressed at level 9 with no name and a zero time stamp (``gzip -9n``)."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as out:
        out.write(data)
    return buffer.getvalue()


def zero_gzip_timestamps(root: Path) -> list[Path]:
    """Clear the MTIME field of every ``*.gz`` file under ``root``; returns those changed.

    Only the header field is rewritten, so the compressed data and its CRC stay valid (the
    optional header CRC is never set by Python's or GNU gzip).
    """
    changed = []
    for path in sorted(root.rglob("*.gz")):
        if path.is_symlink() or not path.is_file():
            continue
        data = bytearray(path.read_bytes())
        if data[:2] == _GZIP_MAGIC and data[_GZIP_MTIME] != b"\0\0\0\0":
            data[_GZIP_MTIME] = b"\0\0\0\0"
            path.write_bytes(bytes(data))
            changed.append(path)
    return changed


def write_tar_gz(out: Path, members: Iterable[tuple[Path, str]], epoch: int) -> Path:
    """A .tar.gz of ``(source, name in archive)`` pairs (folders recursively), reproducibly.

    Members are sorted by name, owned by root with no user names, dated ``epoch``; the gzip
    header has no time or name. Returns ``out``.
    """
    entries: list[tuple[str, Path]] = []
    for source, name in members:
        entries.append((name, source))
        if source.is_dir() and not source.is_symlink():
            for child in source.rglob("*"):
                entries.append((f"{name}/{child.relative_to(source).as_posix()}", child))
    entries.sort(key=lambda entry: entry[0])
    with (
        out.open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=6, mtime=0) as gz,
        tarfile.open(fileobj=gz, mode="w", format=tarfile.GNU_FORMAT) as tar,
    ):
        for name, source in entries:
            info = tar.gettarinfo(str(source), arcname=name)
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            info.mtime = epoch
            if info.isfile():
                with source.open("rb") as data:
                    tar.addfile(info, data)
            else:
                tar.addfile(info)
    return out


def sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, as 64 lowercase hex digits."""
    digest = hashlib.sha256()
    with path.open("rb") as data:
        for block in iter(lambda: data.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_sha256sums(folder: Path, patterns: Iterable[str]) -> Path:
    """``folder/SHA256SUMS`` for the files matching ``patterns``, in the format ``sha256sum -c``
    reads (hash, two spaces, name), sorted by name. Raises SystemExit when none match.
    """
    files = sorted({p for pattern in patterns for p in folder.glob(pattern) if p.is_file()})
    if not files:
        raise SystemExit(f"build.py: no release artefacts in {folder} to checksum")
    out = folder / "SHA256SUMS"
    out.write_text("".join(f"{sha256(p)}  {p.name}\n" for p in files), encoding="utf-8")
    return out


def tree_digest(root: Path) -> dict[str, str]:
    """Relative path -> SHA-256 (files), ``-> target`` (symlinks) or ``dir`` for a tree."""
    found: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_symlink():
            found[rel] = "-> " + os.readlink(path)
        elif path.is_dir():
            found[rel] = "dir"
        else:
            found[rel] = f"{sha256(path)} {path.stat().st_mode & 0o7777:o}"
    return found


def explain_difference(first: dict[str, str], second: dict[str, str]) -> list[str]:
    """One line per path that is missing from one tree or differs between the two."""
    lines = []
    for rel in sorted(first.keys() | second.keys()):
        a, b = first.get(rel), second.get(rel)
        if a == b:
            continue
        if a is None or b is None:
            lines.append(f"only in the {'second' if a is None else 'first'} build: {rel}")
        else:
            lines.append(f"differs: {rel} ({a} vs {b})")
    return lines
