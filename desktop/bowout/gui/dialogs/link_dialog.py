"""The "Insert link" dialog: the address, the text shown, and a line on which links a
message may hold (those :func:`bowout.core.links.is_safe_link` accepts), wide enough that
its title is never cut."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

__all__ = ["LINKS_ALLOWED", "LinkDialog"]

#: What the dialog says about the links a message may hold (the schemes of
#: ``core.links.SAFE_SCHEMES``: a mail client opens nothing else safely).
LINKS_ALLOWED = "Web (https://, http://), mailto: and tel: links can go in a message."
#: The dialog is never narrower than this many average characters (its title, the note).
DIALOG_CHARS = 56


class LinkDialog(QDialog):
    """Address and text; OK is enabled once an address is typed."""

    def __init__(self, selected: str = "", parent: QWidget | None = None) -> None:
        """``selected``: the editor's selected text, shown (and kept) as the link's text."""
        super().__init__(parent)
        self.setObjectName("link_dialog")
        self.setWindowTitle("Insert link")
        self.url_edit = QLineEdit(self)
        self.url_edit.setObjectName("link_url_edit")
        self.url_edit.setPlaceholderText("https://example.com")
        self.text_edit = QLineEdit(selected, self)
        self.text_edit.setObjectName("link_text_edit")
        self.text_edit.setPlaceholderText("The address itself")
        note = QLabel(LINKS_ALLOWED, self)
        note.setObjectName("link_allowed_note")
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Link &address:", self.url_edit)
        form.addRow("&Text shown:", self.text_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.url_edit.textChanged.connect(self._address_typed)
        self._address_typed("")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(DIALOG_CHARS * self.fontMetrics().averageCharWidth())

    def _address_typed(self, text: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(text.strip()))

    def answer(self) -> tuple[str, str]:
        """(address, text shown): the text falls back to the address."""
        url = self.url_edit.text().strip()
        return url, self.text_edit.text().strip() or url

    @classmethod
    def ask(cls, parent: QWidget | None, selected: str) -> tuple[str, str] | None:
        """Show the dialog; (address, text) or None when cancelled."""
        dialog = cls(selected, parent)
        try:
            return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
