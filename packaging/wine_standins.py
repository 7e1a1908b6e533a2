"""Stand-in DLLs for a Wine test prefix: what Windows 10 1903+ has and Wine 8.0 lacks.

Qt 6 (Qt6Core.dll) imports ICU's converters from ``icuuc.dll``, which Windows ships since
Windows 10 version 1903; nh3's Rust code imports ``ProcessPrng`` from
``bcryptprimitives.dll``. Debian's Wine 8.0 has neither, so the frozen app cannot start in a
fresh prefix. The stand-ins are the smallest DLLs that let it start:

- ``icuuc.dll`` exports every name Qt imports; ``ucnv_open`` fails with ICU's
  U_FILE_ACCESS_ERROR (so Qt keeps to its built-in UTF-8/UTF-16/Latin-1 codecs, which are
  all Bow Out uses) and every other function returns 0.
- ``bcryptprimitives.dll`` exports ``ProcessPrng``, which fills the buffer from Wine's
  ``RtlGenRandom`` (advapi32 ``SystemFunction036``) and returns TRUE, as documented.

They go into the test prefix's ``system32`` only; build.py refuses a bundle that holds one,
and packaging/windows_ci.sh checks the installed copy. Built with binutils-mingw-w64 (the
assembler and linker; no C compiler): ``python wine_standins.py QT6CORE NH3_PYD OUT_DIR``.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

PREFIX = "x86_64-w64-mingw32-"
#: ICU's UErrorCode U_FILE_ACCESS_ERROR: "the requested file cannot be found".
U_FILE_ACCESS_ERROR = 4
#: Functions that get ICU's failure; the rest return 0 (NULL, FALSE, count 0).
FAILING_OPENERS = frozenset({"ucnv_open"})


def imported_names(objdump_text: str, dll: str) -> list[str]:
    """The names one DLL imports from ``dll``, read from ``objdump -p`` output."""
    names: list[str] = []
    inside = False
    for line in objdump_text.splitlines():
        found = re.match(r"\s*DLL Name: (\S+)", line)
        if found:
            inside = found.group(1).lower() == dll.lower()
            continue
        entry = re.match(r"\s*[0-9a-f]+\s+\d+\s+(\w+)\s*$", line)
        if inside and entry:
            names.append(entry.group(1))
    return names


def _function(name: str, body: list[str]) -> list[str]:
    return [f"\t.globl {name}", f"{name}:", *(f"\t{line}" for line in body)]


def icuuc_source(names: list[str]) -> str:
    """GNU assembler text (x64 Windows calling convention) for the ICU stand-in."""
    lines = ["\t.text", *_function("DllMain", ["movl $1, %eax", "ret"])]
    for name in sorted(set(names)):
        if name in FAILING_OPENERS:  # (const char *name, UErrorCode *err): err in rdx
            body = [f"movl ${U_FILE_ACCESS_ERROR}, (%rdx)", "xorl %eax, %eax", "ret"]
        else:
            body = ["xorl %eax, %eax", "ret"]
        lines += _function(name, body)
    return "\n".join(lines) + "\n"


def bcryptprimitives_source() -> str:
    """``BOOL ProcessPrng(PBYTE data, SIZE_T len)``: RtlGenRandom(data, len), then TRUE."""
    body = [
        "subq $40, %rsp",  # 32 bytes of shadow space, and 16-byte alignment for the call
        "call *__imp_SystemFunction036(%rip)",
        "addq $40, %rsp",
        "movl $1, %eax",
        "ret",
    ]
    lines = ["\t.text", *_function("DllMain", ["movl $1, %eax", "ret"])]
    return "\n".join([*lines, *_function("ProcessPrng", body)]) + "\n"


def def_file(dll: str, names: list[str]) -> str:
    """A module-definition file exporting ``names`` from ``dll``."""
    return f"LIBRARY {dll}\nEXPORTS\n" + "".join(f"{n}\n" for n in sorted(set(names)))


def link(dll: str, source: str, exports: list[str], out_dir: Path, libs: list[Path]) -> Path:
    """Assemble and link ``source`` into ``out_dir/dll``; returns its path."""
    out = out_dir / dll
    with tempfile.TemporaryDirectory(prefix="bowout-standin-") as tmp:
        work = Path(tmp)
        (work / "dll.s").write_text(source, encoding="ascii")
        (work / "dll.def").write_text(def_file(dll, exports), encoding="ascii")
        subprocess.run([PREFIX + "as", "-o", str(work / "dll.o"), str(work / "dll.s")], check=True)
        subprocess.run(
            [
                PREFIX + "ld",
                "-shared",
                "--entry=DllMain",
                "-o",
                str(out),
                str(work / "dll.o"),
                str(work / "dll.def"),
                *map(str, libs),
            ],
            check=True,
        )
    return out


def import_library(dll: str, names: list[str], out_dir: Path) -> Path:
    """An import library for ``names`` of a system DLL (dlltool; no SDK needed)."""
    spec = out_dir / f"{dll}.def"
    spec.write_text(def_file(dll, names), encoding="ascii")
    lib = out_dir / f"lib{dll.removesuffix('.dll')}.a"
    subprocess.run([PREFIX + "dlltool", "-d", str(spec), "-l", str(lib)], check=True)
    return lib


def build(qt6core: Path, out_dir: Path) -> list[Path]:
    """Both stand-ins in ``out_dir``, icuuc.dll exporting what ``qt6core`` imports."""
    dump = subprocess.run(
        [PREFIX + "objdump", "-p", str(qt6core)], check=True, capture_output=True, text=True
    ).stdout
    icu = imported_names(dump, "icuuc.dll")
    if not icu:
        raise SystemExit(f"wine_standins: {qt6core.name} imports nothing from icuuc.dll")
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bowout-implib-") as tmp:
        advapi = import_library("advapi32.dll", ["SystemFunction036"], Path(tmp))
        return [
            link("icuuc.dll", icuuc_source(icu), icu, out_dir, []),
            link(
                "bcryptprimitives.dll",
                bcryptprimitives_source(),
                ["ProcessPrng"],
                out_dir,
                [advapi],
            ),
        ]


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("usage: wine_standins.py QT6CORE_DLL OUT_DIR")
    for made in build(Path(sys.argv[1]), Path(sys.argv[2])):
        print(made)
