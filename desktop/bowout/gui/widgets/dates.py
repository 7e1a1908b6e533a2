"""Date fields as people correct them: ``yyyy-MM-dd`` with the day selected on focus (the
part most often changed; with the year selected, typing "2027-01-04" could land in the
wrong year), and a past date marked with the reason instead of quietly kept."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QLineEdit, QWidget

from bowout.gui.widgets.message_line import alarm_colour

__all__ = ["DayFirstDateEdit", "local_day", "mark_past", "qdate", "show_date"]


def qdate(day: dt.date) -> QDate:
    """``day`` as a QDate."""
    return QDate(day.year, day.month, day.day)


def local_day(stamp: str) -> dt.date | None:
    """The local calendar day of an ISO 8601 time stamp ("…Z" for UTC); None if unreadable."""
    try:
        return dt.datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone().date()
    except ValueError:
        return None


#: What a person typing a whole ISO date has typed so far ("2027", "2027-0", "2027-01-04").
_ISO_PREFIX = re.compile(r"\d{1,4}(-(\d{1,2}(-\d{0,2})?)?)?")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class DayFirstDateEdit(QDateEdit):
    """A calendar-popup date field, ISO order, whose day is selected when it gets focus.

    A whole date typed into it ("2027-01-04", whichever part was selected) is the date it
    keeps: Qt's sections take the keys one part at a time and, with the year or the day
    selected, a typed date landed in the wrong year or month (issue 25)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setCurrentSection(QDateTimeEdit.Section.DaySection)
        self._typed = ""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Keys go to the sections as usual; once they spell a whole date, it is set."""
        text = event.text()
        typed = self._typed + text
        if text and _ISO_PREFIX.fullmatch(typed):
            self._typed = typed
        else:
            self._typed = text if text and _ISO_PREFIX.fullmatch(text) else ""
        super().keyPressEvent(event)
        if _ISO_DATE.fullmatch(self._typed):
            day = QDate.fromString(self._typed, "yyyy-MM-dd")
            self._typed = ""
            if day.isValid():
                self.setDate(day)  # held in the field's range, as any date is
                self.setSelectedSection(QDateTimeEdit.Section.DaySection)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A click starts the typing over (it may pick another part)."""
        self._typed = ""
        super().mousePressEvent(event)

    def setAccessibleName(self, name: str) -> None:
        """Name the field and its inner text box alike (a screen reader may land on either)."""
        super().setAccessibleName(name)
        inner = self.findChild(QLineEdit)
        if inner is not None:
            inner.setAccessibleName(name)

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Focus (a click, Tab, a dialog opening): select the day."""
        self._typed = ""
        super().focusInEvent(event)
        self.setSelectedSection(QDateTimeEdit.Section.DaySection)


def show_date(edit: QDateEdit, date: QDate, floor: QDate, ceiling: QDate) -> None:
    """Set ``edit``'s range to ``floor``..``ceiling``, widened to hold ``date`` (a saved
    date outside it is shown as saved, never moved), then show ``date``."""
    edit.setDateRange(min(date, floor), max(date, ceiling))
    edit.setDate(date)


def mark_past(edit: QDateEdit, today: QDate, why: str) -> bool:
    """Border ``edit`` in the alarm red with ``why`` as its tooltip while its date is
    before ``today``; returns True when it is."""
    past = edit.date() < today
    edit.setProperty("invalid", past)
    edit.setToolTip(why if past else "")
    border = alarm_colour(edit.palette()).name()
    edit.setStyleSheet(f"QDateEdit {{ border: 2px solid {border}; }}" if past else "")
    return past
