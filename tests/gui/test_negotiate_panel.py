"""Try to resolve it first in the window: offered where it fits, kept when saved."""

from __future__ import annotations

import re

from gui_helpers import email_text, pick, type_into
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from bowout.core.situation import DealBreaker, Kind
from bowout.gui.views.draft import PHONE_TAB
from bowout.gui.window.shell import MainWindow


def test_negotiate_then_not_resolved_then_saved(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.form.negotiate_panel
    assert not panel.isVisibleTo(window)  # applied, no reason: nothing to negotiate
    pick(window.stage_combo, "offer")
    pick(window.form.reason_combo, "red-flags")
    assert not panel.isVisibleTo(window)  # concerns about the process are not negotiable
    pick(window.form.reason_combo, "compensation")
    assert panel.isVisibleTo(window)
    assert panel.breaker_combo.currentData() == "pay"  # the likely point for the reason
    type_into(qtbot, window.form.contact_edit, "Jordan Lee")
    panel.negotiate_check.setChecked(True)
    asking = email_text(window)
    assert "talk about the salary" in asking and "declin" not in asking.lower()
    assert "salary" in window.subject_edit.text()
    assert "Ask:" in window.phone_editor.message_text()  # the talking points
    assert window.tabs.isTabVisible(PHONE_TAB) and window.tabs.tabText(PHONE_TAB) == (
        "Talking points"
    )
    panel.decide_check.setChecked(True)
    panel.decide_edit.setDate(QDate.currentDate().addDays(3))
    # The date they decide by: within a week, by its weekday and without the year, saying
    # what it is for (issue 21, round 10), stated as when, not bargained (round 14).
    decide_by = r"my decision on the offer by \w+day \d{1,2} [A-Z][a-z]+\."
    assert re.search(decide_by, email_text(window))
    keys = window.checklist_view.key_rows()
    assert "negotiate.decide" in keys and "roadmap.channel" not in keys
    panel.not_resolved_button.click()
    after = email_text(window)
    assert "agree on the salary" in after
    assert "declin" in after.lower() and not panel.negotiate_check.isChecked()
    assert not window.tabs.isTabVisible(PHONE_TAB)  # an email withdrawal: no call
    situation = window.form.situation()
    assert situation.kind is Kind.WITHDRAW and situation.negotiated
    assert situation.deal_breaker is DealBreaker.PAY
    window.actions_.save.trigger()
    assert (
        window.session.record is not None
        and window.session.record.negotiation["negotiated"] is True
    )
    saved = window.session.record
    window.actions_.new.trigger()
    assert not window.form.situation().negotiated
    window.session.open_record(saved)
    assert window.form.situation().negotiated
    assert "agree on the salary" in email_text(window)
