"""The bundle's fix-ups: library modes and search paths that name the build machine."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import tidy  # noqa: E402


@pytest.mark.parametrize(
    ("name", "library"),
    [
        ("libQt6Core.so.6", True),
        ("_json.cpython-311-x86_64-linux-gnu.so", True),
        ("libbz2.so.1.0", True),
        ("libpython3.11.so.1.0", True),
        ("bowout", False),
        ("notes.so.txt", False),
        ("base_library.zip", False),
    ],
)
def test_shared_library_names(name: str, library: bool) -> None:
    assert tidy.is_shared_library(Path(name)) is library


@pytest.mark.parametrize(
    ("runpath", "kept"),
    [
        ("/opt/python-build/3.11.7/lib", ""),
        ("$ORIGIN", "$ORIGIN"),
        ("$ORIGIN/../lib:/opt/build/lib", "$ORIGIN/../lib"),
        ("${ORIGIN}/x:/usr/lib:$ORIGIN", "${ORIGIN}/x:$ORIGIN"),
        ("", ""),
    ],
)
def test_only_runpaths_relative_to_the_library_are_kept(runpath: str, kept: str) -> None:
    assert tidy.kept_runpath(runpath) == kept


def _an_elf_library() -> Path:
    """A real shared object of this Python (an extension module), to patch a copy of."""
    import _ctypes

    return Path(_ctypes.__file__)


@pytest.mark.skipif(shutil.which("patchelf") is None, reason="needs patchelf (Linux)")
def test_absolute_runpaths_are_stripped_from_elf_files(tmp_path: Path) -> None:
    foreign = tmp_path / "foreign.so"
    mixed = tmp_path / "sub" / "mixed.so"
    mixed.parent.mkdir()
    for path, runpath in ((foreign, "/home/builder/lib"), (mixed, "$ORIGIN/lib:/usr/local/lib")):
        shutil.copyfile(_an_elf_library(), path)
        subprocess.run(["patchelf", "--set-rpath", runpath, str(path)], check=True)
    (tmp_path / "script.so").write_text("not an ELF file")
    changed = tidy.strip_foreign_runpaths(tmp_path)
    assert changed == [foreign, mixed]

    def runpath(path: Path) -> str:
        return subprocess.run(
            ["patchelf", "--print-rpath", str(path)], check=True, capture_output=True, text=True
        ).stdout.strip()

    assert runpath(foreign) == ""
    assert runpath(mixed) == "$ORIGIN/lib"
    assert tidy.strip_foreign_runpaths(tmp_path) == []


def test_missing_patchelf_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(SystemExit, match=r"patchelf not found \(apt-get install patchelf\)"):
        tidy.strip_foreign_runpaths(tmp_path)
