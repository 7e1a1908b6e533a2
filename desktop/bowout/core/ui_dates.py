"""Dates as the window and the command line write them: in English, whatever the system.

The window's own words are English whatever the system's language, so its dates are too.
``strftime`` cannot write them: once Qt has started, the C library's locale is the
system's, and ``f"{day:%B}"`` writes "März" beside English words. The names below are the
window's English, like its labels (a message's dates come from its language pack's CLDR
locale instead: :mod:`bowout.core.pack`). Babel is not used here because these dates show
as the window opens, and loading its CLDR data would cost the start about 25 ms.
"""

from __future__ import annotations

import datetime as dt

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def day_month_year(value: dt.date) -> str:
    """``value`` as "5 March 2027"."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def month_year(value: dt.date) -> str:
    """``value``'s month as "March 2027"."""
    return f"{MONTHS[value.month - 1]} {value.year}"


def weekday_day_month(value: dt.date) -> str:
    """``value`` as a short list entry writes it: "Fri 5 Mar"."""
    return f"{WEEKDAYS[value.weekday()]} {value.day} {MONTHS[value.month - 1][:3]}"


def month_initial(value: dt.date) -> str:
    """The month's initial letter, for a chart's axis ("M" for March)."""
    return MONTHS[value.month - 1][0]
