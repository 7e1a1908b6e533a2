"""Tell the others: when no mail app answers a mailto: link, the .eml is offered instead,
as the main window does (a faked mail launcher stands in for xdg-open and the OS)."""

from __future__ import annotations

import email
import email.policy
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_batch_view import open_batch

from bowout.gui.mail_link import NO_MAIL_APP
from bowout.gui.views.batch import BatchView


def drafted(qtbot: QtBot, data_dir: Path) -> BatchView:
    _, view, ids = open_batch(qtbot, data_dir)
    view.accepted_combo.setCurrentIndex(view.accepted_combo.findData(ids["Globex"]))
    qtbot.mouseClick(view.draft_button, Qt.MouseButton.LeftButton)
    view.item_list.setCurrentRow(1)  # Fabrikam: an email to ana@fabrikam.example
    return view


@pytest.mark.parametrize("save", [True, False])
def test_no_mail_app_is_said_and_the_eml_offered(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, save: bool
) -> None:
    view = drafted(qtbot, data_dir)
    launched: list[str] = []
    offered: list[str] = []
    view.mail.launch_mail_link = lambda url: launched.append(url) or False  # type: ignore[method-assign]
    view.mail.ask_save_eml = lambda: offered.append(view.message_label.text()) or save  # type: ignore[method-assign]
    view.mail.ask_save_path = lambda title, name, kind: tmp_path / "fabrikam"  # type: ignore[method-assign]
    qtbot.mouseClick(view.mail_button, Qt.MouseButton.LeftButton)

    assert len(launched) == 1 and launched[0].startswith("mailto:ana@fabrikam.example?")
    assert offered == [NO_MAIL_APP]  # said plainly before the offer, never "Opened"
    saved = tmp_path / "fabrikam.eml"
    assert saved.exists() is save
    if not save:
        assert view.message_label.text() == NO_MAIL_APP
        return
    item = view.current()
    assert item is not None
    draft = email.message_from_bytes(saved.read_bytes(), policy=email.policy.default)
    assert draft["To"] == "ana@fabrikam.example" and draft["Subject"] == item.subject
    assert draft["X-Unsent"] == "1"  # Outlook's draft marker, with the others' (exports)
    assert "Ana" in draft.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
    assert view.message_label.text().startswith("Saved fabrikam.eml")


def test_a_mail_app_that_answers_gets_the_message_and_no_offer(
    qtbot: QtBot, data_dir: Path
) -> None:
    view = drafted(qtbot, data_dir)
    view.mail.launch_mail_link = lambda url: True  # type: ignore[method-assign]
    view.mail.ask_save_eml = lambda: pytest.fail("no offer when a mail app answered")  # type: ignore[method-assign]
    qtbot.mouseClick(view.mail_button, Qt.MouseButton.LeftButton)
    assert view.message_label.text() == "Opened in your mail app."


def test_a_folder_that_cannot_be_written_is_said_in_the_view(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    view = drafted(qtbot, data_dir)
    view.mail.launch_mail_link = lambda url: False  # type: ignore[method-assign]
    view.mail.ask_save_eml = lambda: True  # type: ignore[method-assign]
    missing = tmp_path / "no-such-folder" / "fabrikam.eml"
    view.mail.ask_save_path = lambda title, name, kind: missing  # type: ignore[method-assign]
    qtbot.mouseClick(view.mail_button, Qt.MouseButton.LeftButton)
    assert view.message_label.text().startswith(f"Could not save {missing}")
    assert not missing.exists()
