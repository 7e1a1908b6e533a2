"""The list views of issue 15 for the screenshots: "Tell the others", "Coming up" and the
history summary, over a data folder filled here (open applications, sent withdrawals)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from bowout.core import Composer, Profile
from bowout.core.applications import Application
from bowout.core.situation import Money, Reason, Situation, Stage
from bowout.gui import build_window
from bowout.gui.theme import apply_theme
from bowout.services import records
from bowout.storage import History, Record

PROFILE = Profile("Maya Okafor", "maya@example.com", "+44 20 7946 0000")
#: Open applications: the accepted offer first, then the five others to tell.
APPLICATIONS = [
    Application(company="Globex", role="Data Analyst", contact="Ruth Adler", stage=Stage.OFFER),
    Application(company="Contoso", role="QA Lead", stage=Stage.SCREENING, recruiter="Sam Hill"),
    Application(company="Fabrikam", role="Designer", contact="Ana Ruiz",
                contact_email="ana@fabrikam.example", stage=Stage.INTERVIEWING),
    Application(company="Litware", role="Product Manager", contact="Jordan Lee",
                stage=Stage.FINAL),
    Application(company="Northwind", role="Data Analyst", stage=Stage.APPLIED),
    Application(company="Tailspin", role="Engineer", contact="Kim Park", stage=Stage.ACCEPTED),
]  # fmt: skip
#: Past withdrawals: (company, stage, reason, days before today it was sent, facts).
SENT: list[tuple[str, Stage, Reason, int, dict[str, object]]] = [
    ("Adatum", Stage.FINAL, Reason.OTHER_OFFER, 9, {}),
    ("Woodgrove", Stage.ACCEPTED, Reason.RELOCATION, 6, {"signing_bonus": Money.PAID}),
    ("Proseware", Stage.FINAL, Reason.COMPENSATION, 40, {}),
    ("Wingtip", Stage.SCREENING, Reason.NOT_A_FIT, 75, {}),
    ("Fourth Coffee", Stage.FINAL, Reason.PERSONAL, 130, {}),
    ("Margie's Travel", Stage.INTERVIEWING, Reason.OTHER_OFFER, 200, {}),
]


def fill_data(data_dir: Path, today: dt.date) -> None:
    """Open applications and sent withdrawals, as someone mid-search would have them."""
    composer = Composer()
    with History.open(data_dir) as history:
        for application in APPLICATIONS:
            history.applications.add(application)
        for company, stage, reason, days, facts in SENT:
            situation = Situation(stage=stage, reason=reason, company=company,
                                  role="Analyst", **facts)  # type: ignore[arg-type]  # fmt: skip
            record = history.add(Record.from_draft(composer.compose(situation, PROFILE)))
            when = dt.datetime.combine(today - dt.timedelta(days=days), dt.time(10),
                                       tzinfo=dt.timezone.utc)  # fmt: skip
            records.mark_sent(history, record.id, when)
        done = next(r for r in history.reminders.due() if r.company == "Adatum")
        history.reminders.set_done(done.uid)


def render_lists(
    out: Path, data_dir: Path, save: Callable[[QWidget, Path, str], Path]
) -> list[Path]:
    """batch.png, coming-up.png, history-summary.png (light) and history-summary-dark.png."""
    fill_data(data_dir, dt.date.today())
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = build_window(data_dir)
    window.ask.confirm_discard = lambda title: True  # type: ignore[method-assign]
    window.context.settings = window.context.settings.__class__(profile=PROFILE)
    window.resize(1366, 768)
    window.show()
    shots = []
    apply_theme(app, "light")
    window.apply_icons()

    window.show_view("batch")
    window.shell_splitter.setSizes([520, 846])
    batch = window.views["batch"]
    combo = batch.accepted_combo
    combo.setCurrentIndex(
        next(i for i in range(combo.count()) if combo.itemText(i).startswith("Globex"))
    )
    batch.draft_all()
    batch.item_list.setCurrentRow(2)  # Litware: the final interview, a real connection
    batch.rapport_check.click()
    batch.item_list.setCurrentRow(0)
    batch.mark_current_sent()
    shots.append(save(window, out, "batch"))

    window.show_view("coming_up")
    window.shell_splitter.setSizes([520, 846])
    coming = window.views["coming_up"]
    row = next(i for i, r in enumerate(coming.items) if r.rule == "settle")
    coming.table.selectRow(row)
    shots.append(save(window, out, "coming-up"))

    window.show_history()
    window.shell_splitter.setSizes([520, 846])
    shots.append(save(window, out, "history-summary"))
    apply_theme(app, "dark")
    window.apply_icons()
    shots.append(save(window, out, "history-summary-dark"))
    apply_theme(app, "light")
    window.close()
    return shots
