"""No import circle in bowout (issue 25): each module's imports, drawn as a graph, form none.

The graph is read from the source with :mod:`ast` (every ``import``, also the ones inside
functions, which run later, and the ones under ``if TYPE_CHECKING:``, which name a type:
either is a dependency a reader follows) and checked with the standard library's
:class:`graphlib.TopologicalSorter`, whose ``CycleError`` names a circle. grimp, the
maintained import-graph library, answers "is this package layered" per package (children
squashed); the question here is one circle anywhere, between any two modules.
"""

from __future__ import annotations

import ast
import graphlib
from pathlib import Path

import pytest

import bowout

PACKAGE = Path(bowout.__file__).parent


def modules(root: Path) -> dict[str, Path]:
    """Dotted module name -> file, for the package in ``root`` (a folder with __init__.py)."""
    found = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def import_graph(root: Path) -> dict[str, set[str]]:
    """Module -> the modules of the same package it imports (anywhere in its source)."""
    known = modules(root)

    def resolve(name: str) -> str | None:
        while name and name not in known:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {name: set() for name in known}
    for name, path in known.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                    base = ".".join([*up, *([node.module] if node.module else [])])
                # "from bowout.gui import app": the module bowout.gui.app, else the package.
                targets = [f"{base}.{alias.name}" for alias in node.names]
            for target in targets:
                module = resolve(target)
                if module is not None and module != name:
                    graph[name].add(module)
    return graph


def first_cycle(graph: dict[str, set[str]]) -> list[str]:
    """A circle of imports (its first module repeated at the end), or [] for none."""
    try:
        tuple(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError as exc:
        return list(exc.args[1])
    return []


def test_bowout_has_no_import_circle() -> None:
    graph = import_graph(PACKAGE)
    assert len(graph) > 100  # the whole package was read
    assert first_cycle(graph) == []


@pytest.mark.parametrize(
    ("files", "circle"),
    [
        ({"a.py": "from pkg import b\n", "b.py": "import pkg.a\n"}, {"pkg.a", "pkg.b"}),
        (  # inside a function, and type-only: still a circle for the reader
            {
                "a.py": "def f():\n    from pkg.b import x\n",
                "b.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                "    from .a import f\nx = 1\n",
            },
            {"pkg.a", "pkg.b"},
        ),
        ({"a.py": "from pkg import b\n", "b.py": "import os\n"}, set()),
    ],
)
def test_the_check_sees_a_circle(tmp_path: Path, files: dict[str, str], circle: set[str]) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    for name, text in files.items():
        (package / name).write_text(text)
    assert set(first_cycle(import_graph(package))) == circle
