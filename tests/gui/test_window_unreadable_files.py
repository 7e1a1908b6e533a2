"""The window starts on a wrong settings file or a broken custom wording file, says so in
the banner and uses the defaults or the built-in wording (issue 23)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from bowout.gui import app as gui_app
from bowout.gui.widgets.banner import Banner
from conftest import close_quietly


def start(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[object, list[str]]:
    """Start the window on ``data_dir``; what its banner said, from the first draft on (the
    first draft is made while the window is built, before ``show_window`` returns)."""
    shown: list[str] = []
    show = Banner.show_message

    def spy(banner: Banner, text: str, *args: object, **kwargs: object) -> None:
        shown.append(text)
        show(banner, text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Banner, "show_message", spy)
    window = gui_app.show_window(data_dir)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=20000):
        pass
    return window, shown


@pytest.mark.parametrize(
    "content",
    [{"profile": [1, 2]}, {"profile": "Aiko"}, {"dismissed_observations": 5}],
    ids=["list", "text", "number"],
)
def test_the_window_starts_on_a_wrong_settings_field(
    qtbot: QtBot, data_dir: Path, content: dict[str, object], monkeypatch: pytest.MonkeyPatch
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
    qtbot: QtBot, data_dir: Path, content: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = data_dir / "templates" / "wording"
    folder.mkdir(parents=True)
    (folder / "warm.toml").write_bytes(content)
    window, shown = start(qtbot, data_dir, monkeypatch)
    qtbot.keyClicks(window.form.company_edit, "Contoso")
    assert window.editor.toPlainText().strip()
    assert "Many warm thanks" not in window.editor.toPlainText()
    assert any("warm.toml" in text and "own wording" in text for text in shown), shown
    close_quietly(window)
