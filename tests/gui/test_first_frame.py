"""The first frame the user sees holds the drafted message (issue 25), from the start cache
when nothing it is made from changed; what the first frame leaves for later (the tone
coach, the word count, the spelling) still comes, and works."""

from __future__ import annotations

import dataclasses
import os
import pickle
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QTextEdit
from pytestqt.qtbot import QtBot

from bowout import paths
from bowout.core import Profile
from bowout.gui import app as gui_app
from bowout.gui.start_cache import CACHE_FILE, StartCache, first_draft_key, stamps
from bowout.gui.window.first_draft import FIRST_DRAFT
from bowout.gui.window.shell import MainWindow
from bowout.settings import load_settings, save_settings
from conftest import close_quietly

WAVY = QTextCharFormat.UnderlineStyle.SpellCheckUnderline


def underlined(editor: QTextEdit) -> list[str]:
    """The words shown with a wavy underline, in order."""
    words = []
    block = editor.document().begin()
    while block.isValid():
        text = block.text()
        for rng in block.layout().formats():
            if rng.format.underlineStyle() == WAVY:
                words.append(text[rng.start : rng.start + rng.length])
        block = block.next()
    return words


class FirstPaint(QObject):
    """Notes what the window shows when it first paints."""

    def __init__(self) -> None:
        super().__init__()
        self.message: str | None = None
        self.subject: str | None = None
        self.words: str | None = None
        self.remarks: int | None = None
        self.window: MainWindow | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.message is None and self.window:
            self.message = self.window.editor.toPlainText()
            self.subject = self.window.subject_edit.text()
            self.words = self.window.word_label.text()
            self.remarks = self.window.tone_list.count()
        return False


def start(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[MainWindow, FirstPaint]:
    """``show_window`` as ``bowout`` runs it, with a spy on the window's first paint."""
    spy = FirstPaint()
    show = MainWindow.show

    def watched(window: MainWindow) -> None:
        spy.window = window
        window.installEventFilter(spy)  # nothing paints before show
        show(window)

    monkeypatch.setattr(MainWindow, "show", watched)
    window = gui_app.show_window(data_dir)
    monkeypatch.setattr(MainWindow, "show", show)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: spy.message is not None, timeout=5000)
    return window, spy


def ready(qtbot: QtBot, window: MainWindow) -> None:
    if not window.started or window.history_view is None:
        with qtbot.waitSignal(window.ready, timeout=10000):
            pass


def cache_file() -> Path:
    return paths.cache_dir() / CACHE_FILE


@pytest.mark.parametrize("kept", [False, True], ids=["first start", "kept from a start"])
def test_first_frame_holds_the_draft(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch, kept: bool
) -> None:
    if kept:
        window, _ = start(qtbot, data_dir, monkeypatch)
        ready(qtbot, window)
        close_quietly(window)
        assert cache_file().is_file()
    else:
        assert not cache_file().exists()
    window, first = start(qtbot, data_dir, monkeypatch)
    assert first.message and "withdrawing my application" in first.message
    assert first.subject
    # The tone coach reads the message after the paint: nothing it says is shown unread.
    assert (first.remarks, first.words) == (0, "")
    ready(qtbot, window)
    assert window.tone_list.count() > 0 and "words" in window.word_label.text()
    assert not window.isWindowModified()
    close_quietly(window)


def test_kept_draft_is_the_draft_the_composer_makes(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, _ = start(qtbot, data_dir, monkeypatch)
    ready(qtbot, window)
    close_quietly(window)
    window, first = start(qtbot, data_dir, monkeypatch)
    kept = window.drafting.draft
    assert kept is not None
    ready(qtbot, window)
    made = window.context.composer.compose(window.form.situation(), window.context.settings.profile)
    assert (kept.subject, kept.body_html, kept.phone_script, kept.checklist) == (
        made.subject,
        made.body_html,
        made.phone_script,
        made.checklist,
    )
    assert first.message == window.editor.toPlainText()
    close_quietly(window)


def test_a_changed_profile_is_drafted_anew(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, _ = start(qtbot, data_dir, monkeypatch)
    ready(qtbot, window)
    close_quietly(window)
    settings = load_settings(data_dir)
    save_settings(data_dir, dataclasses.replace(settings, profile=Profile("Aiko Tanaka")))
    window, first = start(qtbot, data_dir, monkeypatch)
    assert first.message and "Aiko Tanaka" in first.message
    close_quietly(window)


def test_a_changed_template_file_changes_the_key(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    template = folder / "email.txt.j2"
    template.write_text("one", encoding="utf-8")
    situation_profile = load_settings(tmp_path).profile
    from bowout.core import Situation, Stage

    situation = Situation(stage=Stage.FINAL)
    before = first_draft_key(situation, situation_profile, [folder])
    assert first_draft_key(situation, situation_profile, [folder]) == before
    template.write_text("two!", encoding="utf-8")
    assert first_draft_key(situation, situation_profile, [folder]) != before
    (folder / "linkedin.txt.j2").write_text("new", encoding="utf-8")
    assert len(stamps([folder])) == 2


@pytest.mark.parametrize(
    "damage",
    [b"", b"not a pickle", pickle.dumps({"format": (0, "old"), "entries": {}}), b"\x80\x04K"],
    ids=["empty", "garbage", "older format", "cut short"],
)
def test_a_damaged_cache_is_ignored_and_made_again(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch, damage: bytes
) -> None:
    cache_file().parent.mkdir(parents=True, exist_ok=True)
    cache_file().write_bytes(damage)
    window, first = start(qtbot, data_dir, monkeypatch)
    assert first.message and "withdrawing my application" in first.message
    ready(qtbot, window)
    close_quietly(window)
    again = StartCache(paths.cache_dir())
    assert again.get("language_names", paths.available_languages()) is not None


def test_a_damaged_kept_draft_is_composed(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, _ = start(qtbot, data_dir, monkeypatch)
    ready(qtbot, window)
    key = first_draft_key(
        window.form.situation(), window.context.settings.profile, window.context.template_dirs()
    )
    close_quietly(window)
    cache = StartCache(paths.cache_dir())
    cache.put(FIRST_DRAFT, key, "not a draft")
    cache.save()
    window, first = start(qtbot, data_dir, monkeypatch)
    assert first.message and "withdrawing my application" in first.message
    close_quietly(window)


def test_an_unwritable_cache_folder_costs_nothing_but_the_cache(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocked = tmp_path / "a file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv(paths.CACHE_DIR_ENV, str(blocked / "cache"))
    window, first = start(qtbot, data_dir, monkeypatch)
    assert first.message and "withdrawing my application" in first.message
    ready(qtbot, window)
    close_quietly(window)
    assert not (blocked / "cache").exists()


def test_language_names_are_kept(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bowout.gui.widgets.language_picker import language_label

    window, _ = start(qtbot, data_dir, monkeypatch)
    ready(qtbot, window)
    combo = window.form.language_picker.language_combo
    shown = [combo.itemText(i) for i in range(combo.count())]
    assert shown == [language_label(code) for code in paths.available_languages()]
    assert "German" in shown
    close_quietly(window)
    kept = StartCache(paths.cache_dir()).get("language_names", paths.available_languages())
    assert isinstance(kept, dict) and list(kept.values()) == shown


def test_spelling_is_underlined_after_the_paint(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, _ = start(qtbot, data_dir, monkeypatch)
    ready(qtbot, window)
    editor = window.editor
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, " I recieve")
    qtbot.waitUntil(lambda: "recieve" in underlined(editor), timeout=10000)
    close_quietly(window)


def test_a_change_before_the_composer_is_made_waits_for_it(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, _ = start(qtbot, data_dir, monkeypatch)
    ready(qtbot, window)
    close_quietly(window)
    window, first = start(qtbot, data_dir, monkeypatch)
    assert first.message
    # At once, while the composer is made in the worker: the form asks for a new draft.
    window.form.stage_combo.setCurrentIndex(window.form.stage_combo.findData("accepted"))
    window.drafting.regenerate()
    assert window.drafting.draft is not None
    assert window.drafting.draft.situation.stage.value == "accepted"
    assert window.editor.toPlainText() != first.message
    ready(qtbot, window)
    close_quietly(window)


def test_the_cache_is_private(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, _ = start(qtbot, data_dir, monkeypatch)
    ready(qtbot, window)
    close_quietly(window)
    if os.name == "posix":
        assert cache_file().stat().st_mode & 0o077 == 0
