"""The first run: who you are, what Bow Out does, what happened — then a draft to start from."""

from __future__ import annotations

import dataclasses
import itertools

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from bowout.core.situation import Profile, Reason, Situation, Stage

#: What the user says happened -> the stage and the reason those words say, and nothing
#: more: a draft never claims what the user did not choose (issue 20, "Honest defaults").
#: Rescinding says the stage, not why ("Accepted another offer" would invent an offer);
#: where the words say no stage (None), the stage picker beside the list decides, and
#: until the user picks one it stays at "applied", the one stage that claims no interview.
CHOICES: tuple[tuple[str, Stage | None, Reason], ...] = (
    ("I accepted another offer", None, Reason.OTHER_OFFER),
    ("It's not the right fit", None, Reason.NOT_A_FIT),
    ("I'm rescinding an offer I accepted", Stage.ACCEPTED, Reason.NONE),
    ("I'm turning down an offer", Stage.OFFER, Reason.NONE),
    ("The pay or terms don't work for me", None, Reason.COMPENSATION),
    ("Something changed in my life", None, Reason.PERSONAL),
    ("I'm taking a different path", None, Reason.DIFFERENT_PATH),
)
#: The stage when neither the choice nor the user named one: it claims no interview.
UNSAID_STAGE = Stage.APPLIED

INTRO = (
    "Bow Out helps you step back from a job application or an offer with a kind, clear "
    "message, a phone script when a call is better, and a checklist of what to do next. "
    "Everything stays on this computer: nothing you write leaves it unless you send it."
)


@dataclasses.dataclass(frozen=True)
class WelcomeAnswer:
    """What the first run collected: the profile, and the situation to draft (or None)."""

    profile: Profile
    situation: Situation | None


class WelcomeDialog(QDialog):
    """Two short pages: the profile and the intro, then "What happened?"."""

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome_dialog")
        self.setWindowTitle("Welcome to Bow Out")
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._profile_page(profile))
        self.pages.addWidget(self._choice_page())
        self.skip_button = self._button("skip_button", "&Skip", "Skip the welcome")
        self.back_button = self._button("back_button", "&Back", "Back to your details")
        self.next_button = self._button("next_button", "&Next", "Next: what happened")
        self.start_button = self._button("start_button", "S&tart my draft", "Start the draft")
        self.skip_button.clicked.connect(self.reject)
        self.back_button.clicked.connect(lambda: self.show_page(0))
        self.next_button.clicked.connect(lambda: self.show_page(1))
        self.start_button.clicked.connect(self.accept)
        # The way on first, then Skip at the end of the row (as a wizard's Cancel): Tab
        # from the last field reaches Next, and runs left to right as the row reads.
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        chain = (self.back_button, self.next_button, self.start_button, self.skip_button)
        for button in chain:
            buttons.addWidget(button)
        fields = (self.name_edit, self.email_edit, self.phone_edit, self.choice_list,
                  self.stage_combo)  # fmt: skip
        for before, after in itertools.pairwise((*fields, *chain)):
            QWidget.setTabOrder(before, after)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self.show_page(0)
        self.resize(560, 440)

    def _profile_page(self, profile: Profile) -> QWidget:
        page = QWidget()
        title = QLabel("<h2>Welcome</h2>", page)
        intro = QLabel(INTRO, page)
        intro.setObjectName("welcome_intro")
        intro.setWordWrap(True)
        ask = QLabel("Your name and how to reach you go under each message:", page)
        ask.setWordWrap(True)
        self.name_edit = self._edit("welcome_name_edit", "Your name", profile.name, "Sam Rivera")
        self.email_edit = self._edit(
            "welcome_email_edit", "Your email", profile.email, "sam@example.org"
        )
        self.phone_edit = self._edit("welcome_phone_edit", "Your phone", profile.phone, "Optional")
        form = QFormLayout()
        for label, edit in (("&Name:", self.name_edit), ("&Email:", self.email_edit),
                            ("&Phone:", self.phone_edit)):  # fmt: skip
            buddy = QLabel(label, page)
            buddy.setBuddy(edit)
            form.addRow(buddy, edit)
        layout = QVBoxLayout(page)
        for widget in (title, intro, ask):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    def _choice_page(self) -> QWidget:
        page = QWidget()
        title = QLabel("<h2>What happened?</h2>", page)
        hint = QLabel("Pick the closest; you can change every detail in the draft.", page)
        hint.setWordWrap(True)
        self.choice_list = QListWidget(page)
        self.choice_list.setObjectName("welcome_choices")
        self.choice_list.setAccessibleName("What happened")
        self.choice_list.setSpacing(4)  # room to aim at each choice, like a short stack of cards
        for text, _stage, reason in CHOICES:
            item = QListWidgetItem(text, self.choice_list)
            item.setData(Qt.ItemDataRole.UserRole, reason.value)
        self.stage_combo = QComboBox(page)
        self.stage_combo.setObjectName("welcome_stage_combo")
        self.stage_combo.setAccessibleName("How far the application got")
        for stage in Stage:
            self.stage_combo.addItem(stage.label, stage.value)
        self.stage_combo.setCurrentIndex(self.stage_combo.findData(UNSAID_STAGE.value))
        self._stage_picked = False  # by the user, in the picker
        self.stage_combo.activated.connect(self._stage_activated)
        stage_label = QLabel("How far did it &get?", page)
        stage_label.setBuddy(self.stage_combo)
        stage_row = QHBoxLayout()
        stage_row.addWidget(stage_label)
        stage_row.addWidget(self.stage_combo, 1)
        self.choice_list.currentRowChanged.connect(self._choice_changed)
        self.choice_list.setCurrentRow(0)
        self.choice_list.itemActivated.connect(lambda _item: self.accept())
        layout = QVBoxLayout(page)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self.choice_list, 1)
        layout.addLayout(stage_row)
        return page

    @Slot(int)
    def _stage_activated(self, _index: int) -> None:
        self._stage_picked = True

    @Slot(int)
    def _choice_changed(self, row: int) -> None:
        """A choice that names a stage shows it; one that does not leaves the user's pick
        (or the stage that claims nothing)."""
        if row < 0:
            return
        stage = CHOICES[row][1]
        if stage is None and self._stage_picked:
            return
        shown = stage or UNSAID_STAGE
        self.stage_combo.setCurrentIndex(self.stage_combo.findData(shown.value))

    def _edit(self, name: str, accessible: str, text: str, hint: str) -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setPlaceholderText(hint)
        return edit

    def _button(self, name: str, text: str, accessible: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        return button

    @Slot(int)
    def show_page(self, index: int) -> None:
        """Page 0 (profile) or 1 (what happened); the buttons fit the page."""
        self.pages.setCurrentIndex(index)
        self.back_button.setVisible(index == 1)
        self.next_button.setVisible(index == 0)
        self.start_button.setVisible(index == 1)
        (self.next_button if index == 0 else self.start_button).setDefault(True)
        (self.name_edit if index == 0 else self.choice_list).setFocus()

    def profile(self, base: Profile) -> Profile:
        """``base`` with the name, email and phone typed here."""
        return dataclasses.replace(
            base,
            name=self.name_edit.text().strip(),
            email=self.email_edit.text().strip(),
            phone=self.phone_edit.text().strip(),
        )

    def situation(self) -> Situation | None:
        """The picked situation (None if nothing is picked)."""
        item = self.choice_list.currentItem()
        if item is None:
            return None
        reason = Reason(item.data(Qt.ItemDataRole.UserRole))
        return Situation(stage=Stage(self.stage_combo.currentData()), reason=reason)

    @classmethod
    def ask(cls, parent: QWidget | None, profile: Profile) -> WelcomeAnswer:
        """Run the welcome. Skipped (Skip, Esc, closed): no situation, but the details
        typed so far are kept — nothing typed is lost."""
        dialog = cls(profile, parent)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            situation = dialog.situation() if accepted else None
            return WelcomeAnswer(dialog.profile(profile), situation)
        finally:
            dialog.deleteLater()
