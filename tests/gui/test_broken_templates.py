"""The window starts, drafts and reports once even when every custom template is broken."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from bowout.core.templating import TEMPLATE_NAMES
from bowout.gui import app as gui_app
from bowout.gui.widgets.banner import Banner
from conftest import close_quietly

_BROKEN = [
    "{{ 1/0 }}",
    "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}",
    "{{ 'a' * 10**9 }}",
    "{% if %}",
    "{{ salary }}",
    "{{ ''.__class__.__mro__ }}",
]


def test_window_starts_when_every_custom_template_is_broken(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = data_dir / "templates"
    folder.mkdir()
    for name, source in zip(TEMPLATE_NAMES, itertools.cycle(_BROKEN)):
        (folder / name).write_text(source, encoding="utf-8")
    shown: list[str] = []
    show = Banner.show_message

    def spy(banner: Banner, text: str, *args: object, **kwargs: object) -> None:
        shown.append(text)
        show(banner, text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Banner, "show_message", spy)  # the first draft is made before show
    window = gui_app.show_window(data_dir)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=20000):
        pass
    assert window.editor.toPlainText().strip()  # the built-in draft
    assert window.subject_edit.text()
    assert len(shown) == 1  # one message for all of them
    for name in ("email.txt.j2", "email.html.j2"):  # the two a fresh email draft renders
        assert f"{name}, line 1: " in shown[0]
    assert "ZeroDivisionError" in shown[0] and "time limit" in shown[0]
    count = len(shown)
    for _ in range(4):  # four keystrokes: no new messages, no dialogs
        qtbot.keyClicks(window.form.company_edit, "x")
    assert len(shown) == count
    close_quietly(window)
