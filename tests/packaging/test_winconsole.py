"""The windowed Windows build attaches to its terminal's console for subcommands."""

from __future__ import annotations

import io
import sys
from typing import Any, TextIO

import pytest

from bowout.winconsole import ATTACH_PARENT_PROCESS, attach_parent_console


class FakeKernel32:
    def __init__(self, attaches: bool) -> None:
        self.attaches = attaches
        self.calls: list[int] = []

    def AttachConsole(self, pid: int) -> int:
        self.calls.append(pid)
        return 1 if self.attaches else 0


def opened(log: list[str]) -> Any:
    def opener(name: str, mode: str) -> TextIO:
        log.append(f"{name}:{mode}")
        return io.StringIO()

    return opener


def go_windowed(monkeypatch: pytest.MonkeyPatch) -> None:
    """As in a windowed build: no stdout, no stderr (set in the test: capture resets them)."""
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)


def test_subcommand_in_a_windowed_build_gets_the_parent_console(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    go_windowed(monkeypatch)
    kernel = FakeKernel32(attaches=True)
    log: list[str] = []
    assert attach_parent_console(
        ["bowout", "draft"], platform="win32", kernel32=lambda: kernel, opener=opened(log)
    )
    assert kernel.calls == [ATTACH_PARENT_PROCESS]
    assert log == ["CONOUT$:w", "CONOUT$:w"]
    assert isinstance(sys.stdout, io.StringIO)
    assert isinstance(sys.stderr, io.StringIO)


def test_started_from_explorer_there_is_nothing_to_attach(monkeypatch: pytest.MonkeyPatch) -> None:
    go_windowed(monkeypatch)
    kernel = FakeKernel32(attaches=False)
    log: list[str] = []
    assert not attach_parent_console(
        ["bowout", "self-test"], platform="win32", kernel32=lambda: kernel, opener=opened(log)
    )
    assert log == []
    assert sys.stdout is None


@pytest.mark.parametrize(
    ("argv", "platform"),
    [(["bowout"], "win32"), (["bowout", "draft"], "linux"), (["bowout", "draft"], "darwin")],
)
def test_no_console_needed(monkeypatch: pytest.MonkeyPatch, argv: list[str], platform: str) -> None:
    go_windowed(monkeypatch)
    kernel = FakeKernel32(attaches=True)
    assert not attach_parent_console(argv, platform=platform, kernel32=lambda: kernel)
    assert kernel.calls == []


def test_a_console_build_keeps_its_stdout() -> None:
    kernel = FakeKernel32(attaches=True)
    before = sys.stdout
    assert not attach_parent_console(["bowout", "draft"], platform="win32", kernel32=lambda: kernel)
    assert sys.stdout is before
    assert kernel.calls == []
