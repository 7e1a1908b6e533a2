"""The window calls the same use cases as the command line (bowout.services): what it marks
sent is kept whole, and a record the command line changed reads the same in the window."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from gui_helpers import pick, type_into
from pytestqt.qtbot import QtBot

from bowout.gui.window.shell import MainWindow
from bowout.services.records import state_of
from bowout.storage import History
from bowout.storage.lifecycle import sent_messages


def test_the_window_keeps_the_whole_message_it_marked_sent(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    window.show()
    qtbot.waitExposed(window)
    pick(window.stage_combo, "final")
    type_into(qtbot, window.form.contact_edit, "Jordan Lee")
    type_into(qtbot, window.form.company_edit, "Northwind")
    window.actions_.mark_sent.trigger()
    record = window.session.record
    assert record is not None and record.status == "sent"
    with History.open(data_dir) as history:
        [message] = sent_messages(history.get(record.id))
    assert message.subject == record.subject and message.to == "Jordan Lee"
    assert message.text == record.body_text and message.text.startswith("Dear Jordan")
    # The command line records their reply on the record the window keeps.
    result = subprocess.run(
        [sys.executable, "-m", "bowout", "--data-dir", str(data_dir), "history", "reply",
         record.id[:8], "--kind", "accepted", "--text", "Thank you for telling us"],
        capture_output=True, text=True, timeout=60, check=False, env=dict(os.environ),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    with History.open(data_dir) as history:
        kept = history.get(record.id)
    assert state_of(kept) == "replied" and sent_messages(kept) == [message]
