"""Tidy a one-folder bundle before it is packed: file modes, library search paths, gzip stamps.

PyInstaller copies files with the modes and ELF ``RUNPATH`` entries they had on the build
machine: shared libraries arrive executable (Debian Policy 8.1 wants 0644), and a Python
built by pyenv leaves its own lib folder (a path of the build machine) in every extension
module. These fix-ups make the bundle the same wherever it is built.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

_SHARED_LIBRARY = re.compile(r"\.so(\.\d+)*$")
_ELF_MAGIC = b"\x7fELF"


def is_shared_library(path: Path) -> bool:
    """Whether ``path``'s name is a shared object's (``x.so``, ``libx.so.6``, ``x.so.1.0``)."""
    return bool(_SHARED_LIBRARY.search(path.name))


def fix_modes(root: Path) -> None:
    """Folders 0755, shared libraries 0644, programs 0755, every other file 0644.

    A file counts as a program when any execute bit is set and it is not a shared library;
    this also undoes a build user's umask.
    """
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        elif is_shared_library(path) or not path.stat().st_mode & 0o111:
            path.chmod(0o644)
        else:
            path.chmod(0o755)


def kept_runpath(runpath: str) -> str:
    """The ``RUNPATH`` entries worth keeping: those relative to the library (``$ORIGIN``).

    An absolute entry names a folder of the build machine; at run time it is at best
    useless and at worst a place another package could put a library.
    """
    return ":".join(e for e in runpath.split(":") if e.startswith(("$ORIGIN", "${ORIGIN}")))


def strip_foreign_runpaths(root: Path) -> list[Path]:
    """Drop absolute ``RUNPATH`` entries from every ELF file under ``root`` with patchelf.

    Returns the files changed. Raises SystemExit with one line when patchelf is missing.
    """
    patchelf = shutil.which("patchelf")
    if not patchelf:
        raise SystemExit("build.py: patchelf not found (apt-get install patchelf)")
    changed = []
    for path in sorted(root.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as data:
            if data.read(4) != _ELF_MAGIC:
                continue
        runpath = subprocess.run(
            [patchelf, "--print-rpath", str(path)], check=True, capture_output=True, text=True
        ).stdout.strip()
        kept = kept_runpath(runpath)
        if kept == runpath:
            continue
        if kept:
            subprocess.run([patchelf, "--set-rpath", kept, str(path)], check=True)
        else:
            subprocess.run([patchelf, "--remove-rpath", str(path)], check=True)
        changed.append(path)
    return changed
