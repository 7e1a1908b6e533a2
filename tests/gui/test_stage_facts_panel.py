"""The visa and relocation panel offers only the facts the chosen stage can have (issue 21):
the others are disabled with a tooltip saying why, keep their values for a later stage, and
the draft leaves them out meanwhile."""

from __future__ import annotations

from gui_helpers import email_text, pick
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from pytestqt.qtbot import QtBot

from bowout.core.situation import Money, Stage
from bowout.gui.window.shell import MainWindow


def test_facts_beyond_the_stage_are_disabled_and_kept(qtbot: QtBot, window: MainWindow) -> None:
    form, panel = window.form, window.form.visa_panel
    pick(form.stage_combo, Stage.ACCEPTED.value)
    panel.toggle.click()
    petition, money = panel.boxes["visa_petition_started"], panel.money_combos["signing_bonus"]
    petition.setChecked(True)
    pick(money, Money.PAID.value)
    panel.start_check.setChecked(True)
    assert petition.isEnabled() and money.isEnabled() and panel.start_edit.isEnabled()
    assert "signing bonus" in email_text(window)

    pick(form.stage_combo, Stage.APPLIED.value)
    for widget in (petition, money, panel.start_check, panel.start_edit):
        assert not widget.isEnabled(), widget.objectName()
        assert "offer" in widget.toolTip() and "kept" in widget.toolTip()
    assert "accepted" in petition.toolTip()
    assert "signing bonus" not in email_text(window)  # the draft leaves them out
    situation = form.situation()  # ... but they are kept, as set
    assert situation.visa_petition_started and situation.signing_bonus is Money.PAID
    assert situation.start_date is not None

    pick(form.stage_combo, Stage.OFFER.value)  # an offer promises, but pays nothing yet
    assert money.isEnabled() and panel.start_check.isEnabled() and not petition.isEnabled()
    model = money.model()
    assert isinstance(model, QStandardItemModel)
    paid = model.item(money.findData(Money.PAID.value))
    assert not paid.isEnabled()
    assert "accepted" in str(paid.data(Qt.ItemDataRole.ToolTipRole))
    assert model.item(money.findData(Money.PROMISED.value)).isEnabled()

    pick(form.stage_combo, Stage.ACCEPTED.value)  # back: everything as it was
    assert petition.isEnabled() and petition.isChecked() and paid.isEnabled()
    assert money.currentData() == Money.PAID.value and panel.start_edit.isEnabled()
    assert not petition.toolTip()
    assert "signing bonus" in email_text(window)


def test_a_saved_situation_shows_its_facts_disabled_at_its_stage(
    qtbot: QtBot, window: MainWindow
) -> None:
    from bowout.core.situation import Situation

    told = Situation(stage=Stage.SCREENING, relocation_assistance=Money.PAID, company="Nordwind")
    window.form.set_situation(told)
    combo = window.form.visa_panel.money_combos["relocation_assistance"]
    assert combo.currentData() == Money.PAID.value and not combo.isEnabled()
    assert window.form.situation().relocation_assistance is Money.PAID
    assert "relocation" not in email_text(window).lower()
