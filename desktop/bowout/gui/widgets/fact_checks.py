"""Yes/no facts of the situation as check boxes, the visa and relocation facts' names, and
the name fields of the scenario form.

The names live here, apart from the panel's fields (:mod:`bowout.gui.widgets.visa_facts`),
so the form can read and write a situation without building fields the user has not opened.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QBoxLayout, QCheckBox, QFormLayout, QWidget

#: Situation field -> check-box text (with mnemonic) and accessible name.
RELATIONSHIP_FACTS = {
    "rapport": ("We &built real rapport", "Real rapport with the contact"),
    "via_recruiter": ("&Came in through a recruiter", "Applied through a recruiter"),
    "linkedin_main": ("&LinkedIn was our main channel", "LinkedIn was the main channel"),
    "keep_door_open": ("&Keep the door open", "Keep the door open for later"),
    # Shown only where it changes the draft (bowout.core.advice.call_choice_fits).
    "will_call": (
        "I'll also call &the hiring manager myself",
        "I will also call the hiring manager myself",
    ),
}
#: The visa facts, as :data:`RELATIONSHIP_FACTS`.
VISA_FACTS = {
    "visa_petition_started": ("Visa &petition already started", "Visa petition started"),
    "sponsorship_required": ("&I need visa sponsorship", "Sponsorship required"),
    "relocation_timeline_changed": (
        "Relocation timeline change&d",
        "Relocation timeline changed",
    ),
}

#: Name fields: object name, label (with mnemonic), Situation field, placeholder.
NAME_FIELDS = (
    ("contact_edit", "Contact na&me:", "contact", "Who you have been talking to"),
    ("role_edit", "R&ole:", "role", "The job title"),
    ("company_edit", "Compan&y:", "company", "The employer"),
    ("recruiter_edit", "Recr&uiter:", "recruiter", "Recruiter's name, if any"),
    # The greeting's hint is the message language's ([hints] of its pack.toml).
    ("greeting_edit", "How to address t&hem:", "greeting", "First name unless you say otherwise"),
)
#: What a refusal calls each name field ("that company name is 5,002 characters long").
FIELD_WORDS = {"contact": "contact name", "role": "role", "company": "company name",
               "recruiter": "recruiter's name", "greeting": "greeting"}  # fmt: skip
#: Money facts: Situation field -> label (with mnemonic) and accessible name. Only money
#: received is owed back, so the picker asks what happened rather than offering a tick.
MONEY_FACTS = {
    "signing_bonus": ("Si&gning bonus:", "Signing bonus"),
    "relocation_assistance": ("Relocation &assistance:", "Relocation assistance"),
}


def add_fact_checks(
    facts: dict[str, tuple[str, str]],
    parent: QWidget,
    layout: QBoxLayout | QFormLayout,
    changed: Callable[[], object] | SignalInstance,
) -> dict[str, QCheckBox]:
    """One check box per Situation fact (named ``<fact>_check``), added to ``layout``."""
    boxes: dict[str, QCheckBox] = {}
    for name, (text, accessible) in facts.items():
        box = QCheckBox(text, parent)
        box.setObjectName(f"{name}_check")
        box.setAccessibleName(accessible)
        box.toggled.connect(changed)
        boxes[name] = box
        layout.addWidget(box)
    return boxes
