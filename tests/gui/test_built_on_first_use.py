"""Parts of the window hidden at start are built when first needed, not before the first paint
(issue 25: the start users see), and each works the first time it is used."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from gui_helpers import pick, type_into
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractButton, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from bowout.core.situation import Kind, Money, Reason, Situation, Stage
from bowout.gui import app as gui_app
from bowout.gui.window.shell import MainWindow
from conftest import close_quietly

#: Hidden in the first frame, built on first use (object names).
LATER_WIDGETS = (
    "visa_body",
    "country_combo",
    "start_date_edit",
    "negotiate_panel",
    "redraft_changes",
)


class FirstPaint(QObject):
    """Notes which of the later parts exist when the window first paints."""

    def __init__(self) -> None:
        super().__init__()
        self.window: MainWindow | None = None
        self.built: list[str] | None = None
        self.clear_buttons: bool | None = None
        self.checklist_rows: int | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        window = self.window
        if event.type() == QEvent.Type.Paint and self.built is None and window is not None:
            self.built = [n for n in LATER_WIDGETS if window.findChild(QWidget, n) is not None]
            self.clear_buttons = window.form.contact_edit.isClearButtonEnabled()
            self.checklist_rows = window.checklist_view.count()
        return False


def test_first_frame_leaves_hidden_parts_for_later(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = FirstPaint()
    show = MainWindow.show

    def watched(window: MainWindow) -> None:
        spy.window = window
        window.installEventFilter(spy)
        show(window)

    monkeypatch.setattr(MainWindow, "show", watched)
    window = gui_app.show_window(data_dir)
    monkeypatch.setattr(MainWindow, "show", show)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: spy.built is not None, timeout=5000)
    assert spy.built == [] and spy.clear_buttons is False and spy.checklist_rows == 0
    assert window.editor.toPlainText()  # the first frame still holds the draft
    if not window.started or window.history_view is None:
        with qtbot.waitSignal(window.ready, timeout=10000):
            pass
    # After the paint: the checklist, a tab not shown in the first frame.
    window.tabs.setCurrentWidget(window.checklist_view)
    assert window.drafting.draft is not None
    assert list(window.checklist_view.key_rows()) == [
        i.key for i in window.drafting.draft.checklist
    ]
    assert not window.isWindowModified()
    # After the paint: the clear buttons, in every text field of the form.
    edits = [*window.form.name_edits.values(), window.form.contact_email_edit]
    assert all(edit.isClearButtonEnabled() for edit in edits)
    assert not window.form.visa_panel.is_built()  # still folded: still not built
    close_quietly(window)


def test_opening_the_visa_panel_builds_its_fields_bound_to_the_situation(
    qtbot: QtBot, window: MainWindow
) -> None:
    panel = window.form.visa_panel
    assert not panel.is_built()
    assert window.form.situation().signing_bonus is Money.NONE  # the defaults, unbuilt
    window.show()
    qtbot.waitExposed(window)
    panel.toggle.click()
    assert panel.is_built() and panel.body.isVisible()
    assert panel.country_combo.isVisible() and panel.country_combo.count() > 1
    pick(window.form.stage_combo, "accepted")  # money paid and a petition need it (issue 21)
    with qtbot.waitSignal(window.form.situation_changed):
        panel.boxes["visa_petition_started"].setChecked(True)
    pick(panel.money_combos["signing_bonus"], Money.PAID.value)
    situation = window.form.situation()
    assert situation.visa_petition_started and situation.signing_bonus is Money.PAID
    assert any(key.startswith("logistics") for key in window.checklist_view.key_rows())
    panel.toggle.click()
    assert not panel.body.isVisible() and window.form.situation().visa_petition_started


def test_a_saved_situation_with_visa_facts_builds_and_opens_the_panel(window: MainWindow) -> None:
    panel = window.form.visa_panel
    window.form.set_situation(Situation(stage=Stage.FINAL, company="Contoso"))
    assert not panel.is_built()  # nothing to show: left unbuilt
    start = dt.date.today() + dt.timedelta(days=30)
    window.form.set_situation(
        Situation(stage=Stage.ACCEPTED, sponsorship_required=True, start_date=start)
    )
    assert panel.is_built() and panel.is_expanded()
    assert panel.boxes["sponsorship_required"].isChecked()
    assert window.form.situation().start_date == start
    window.form.set_situation(Situation(stage=Stage.FINAL))
    assert window.form.situation().start_date is None  # built: set back to the defaults


def test_negotiation_panel_is_built_when_a_conversation_first_fits(
    qtbot: QtBot, window: MainWindow
) -> None:
    form = window.form
    assert form.findChild(QWidget, "negotiate_panel") is None  # applied, no reason
    assert form.situation().kind is Kind.WITHDRAW
    pick(window.stage_combo, Stage.OFFER.value)
    pick(form.reason_combo, Reason.COMPENSATION.value)
    panel = form.findChild(QWidget, "negotiate_panel")
    assert panel is form.negotiate_panel and panel.isVisibleTo(window)
    with qtbot.waitSignal(form.situation_changed):
        form.negotiate_panel.negotiate_check.setChecked(True)
    assert form.situation().kind is Kind.NEGOTIATE
    assert "salary" in window.subject_edit.text()
    with qtbot.waitSignal(form.resolved_requested):  # the window keeps it as resolved
        form.negotiate_panel.resolved_button.click()


def test_clear_button_clears_the_field_and_the_draft_follows(
    qtbot: QtBot, window: MainWindow
) -> None:
    edit = window.form.company_edit
    type_into(qtbot, edit, "Fabrikam")
    assert "Fabrikam" in window.editor.toPlainText()
    buttons = edit.findChildren(QAbstractButton)  # Qt's own clear button
    assert [b.metaObject().className() for b in buttons] == ["QLineEditIconButton"]
    with qtbot.waitSignal(window.form.situation_changed, timeout=5000):
        buttons[0].click()
    assert edit.text() == "" and "Fabrikam" not in window.editor.toPlainText()


def test_show_changes_builds_the_changes_view_with_the_paragraphs(
    qtbot: QtBot, window: MainWindow
) -> None:
    bar = window.draft_view.redraft_bar
    assert bar.findChild(QWidget, "redraft_changes") is None
    window.editor.insertPlainText("My own opening line. ")  # the user's words
    pick(window.stage_combo, Stage.FINAL.value)  # the form changes under them
    assert bar.isVisibleTo(window)
    bar.changes_button.click()
    view = bar.findChild(QPlainTextEdit, "redraft_changes")
    assert view is bar.changes_view and view.isVisibleTo(window)
    assert "My own opening line." in view.toPlainText()  # the paragraph that would go
    bar.changes_button.click()
    assert not view.isVisibleTo(window)
