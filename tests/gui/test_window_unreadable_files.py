"""The window starts on a wrong settings file or a broken custom wording file, says so in
the banner and uses the defaults or the built-in wording (issue 23)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from bowout.gui import app as gui_app
from conftest import close_quietly


def start(qtbot: QtBot, data_dir: Path) -> tuple[object, list[str]]:
    window = gui_app.show_window(data_dir)
    qtbot.addWidget(window)
    shown: list[str] = []
    original = window.banner.show_message

    def keep(text: str, *args: object) -> None:
        shown.append(text)
        original(text, *args)  # type: ignore[arg-type]

    window.banner.show_message = keep  # type: ignore[method-assign]
    with qtbot.waitSignal(window.ready, timeout=20000):
        pass
    return window, shown


@pytest.mark.parametrize(
    "content",
    [{"profile": [1, 2]}, {"profile": "Aiko"}, {"dismissed_observations": 5}],
    ids=["list", "text", "number"],
)
def test_the_window_starts_on_a_wrong_settings_field(
    qtbot: QtBot, data_dir: Path, content: dict[str, object]
) -> None:
    (data_dir / "settings.json").write_text(json.dumps(content), encoding="utf-8")
    window = gui_app.show_window(data_dir)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=20000):
        pass
    assert window.banner.isVisible()
    field = next(iter(content))
    assert field in window.banner.label.text() and "default" in window.banner.label.text()
    assert window.editor.toPlainText().strip()
    close_quietly(window)


def test_the_window_starts_on_settings_nested_very_deep(qtbot: QtBot, data_dir: Path) -> None:
    (data_dir / "settings.json").write_text('{"a":' * 100_000 + "1" + "}" * 100_000)
    window = gui_app.show_window(data_dir)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=20000):
        pass
    assert "nested too deeply" in window.banner.label.text()
    close_quietly(window)


@pytest.mark.parametrize(
    "content",
    [
        '[[thanks]]\nsay = "Many warm thanks."\n'.encode("utf-16"),
        b'[[thanks]]\nsay = "Many w\xe9rm thanks."\n',
    ],
    ids=["utf16", "stray-byte"],
)
def test_the_window_starts_on_a_broken_custom_wording(
    qtbot: QtBot, data_dir: Path, content: bytes
) -> None:
    folder = data_dir / "templates" / "wording"
    folder.mkdir(parents=True)
    (folder / "warm.toml").write_bytes(content)
    window, shown = start(qtbot, data_dir)
    qtbot.keyClicks(window.form.company_edit, "Contoso")
    assert window.editor.toPlainText().strip()
    assert "Many warm thanks" not in window.editor.toPlainText()
    assert any("warm.toml" in text and "own wording" in text for text in shown), shown
    close_quietly(window)
