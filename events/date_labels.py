"""Dates in words: the one place that turns an interval of days and its precision into text.

Used by the web pages (``templatetags/timeline_tags.py``), the exports (``exports.py``) and the
admin, so an event's date reads the same wherever it is shown. English month and day names are
spelled out here rather than taken from the locale, so a date reads the same on every server.
"""

import calendar
from datetime import date

from events.analysis.types import Precision

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = (
    "January February March April May June July August September October November December"
).split()
MONTHS_SHORT = tuple(name[:3] for name in MONTHS)
EN_DASH = "\N{EN DASH}"


def day_text(day: date, weekday: bool = False) -> str:
    """A day as "30 Aug 2025", or as "Sat 30 Aug 2025" with the weekday."""
    text = f"{day.day} {MONTHS_SHORT[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[day.weekday()]} {text}" if weekday else text


def range_text(earliest: date, latest: date) -> str:
    """An interval of days, sharing what both ends share: "28\N{EN DASH}29 Aug 2025",
    "30 Aug \N{EN DASH} 2 Sep 2025", "30 Dec 2024 \N{EN DASH} 2 Jan 2025"."""
    if earliest == latest:
        return day_text(earliest, weekday=True)
    if (earliest.year, earliest.month) == (latest.year, latest.month):
        return f"{earliest.day}{EN_DASH}{latest.day} {MONTHS_SHORT[latest.month - 1]} {latest.year}"
    if earliest.year == latest.year:
        start = f"{earliest.day} {MONTHS_SHORT[earliest.month - 1]}"
        return f"{start} {EN_DASH} {day_text(latest)}"
    return f"{day_text(earliest)} {EN_DASH} {day_text(latest)}"


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _is_months(earliest: date, latest: date) -> bool:
    """Whether the interval is whole months (first day of one to last day of another)."""
    return earliest.day == 1 and latest == _month_end(latest.year, latest.month)


def _ordinal(number: int) -> str:
    suffix = (
        "th" if 11 <= number % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def date_text(earliest: date, latest: date, precision: str) -> str:
    """An event's interval as a reader says it, by precision: "Sat 30 Aug 2025",
    "28\N{EN DASH}29 Aug 2025", "August 2025", "Q3 2025", "2025", "2020s", "20th century",
    "undated, before 30 Aug 2025". An interval that does not fit its precision's shape (a
    "month" that is not a whole month) is written as the range it is, never rounded."""
    one_year = earliest.year == latest.year
    months = _is_months(earliest, latest)
    whole_year = months and one_year and (earliest.month, latest.month) == (1, 12)
    if precision == Precision.UNDATED:
        return f"undated, before {day_text(latest)}"
    if precision == Precision.WEEK and (latest - earliest).days == 6:
        return f"week of {day_text(earliest, weekday=True)}"
    if (
        precision == Precision.MONTH
        and months
        and (earliest.year, earliest.month)
        == (
            latest.year,
            latest.month,
        )
    ):
        return f"{MONTHS[earliest.month - 1]} {earliest.year}"
    quarter = months and one_year and earliest.month % 3 == 1
    if precision == Precision.QUARTER and quarter and latest.month == earliest.month + 2:
        return f"Q{earliest.month // 3 + 1} {earliest.year}"
    if precision in (Precision.SEASON, Precision.QUARTER) and months:
        start, end = MONTHS_SHORT[earliest.month - 1], MONTHS_SHORT[latest.month - 1]
        if one_year:
            return f"{start}{EN_DASH}{end} {latest.year}"
        return f"{start} {earliest.year} {EN_DASH} {end} {latest.year}"
    if precision == Precision.YEAR and whole_year:
        return str(earliest.year)
    decade = earliest.year % 10 == 0 and latest.year == earliest.year + 9
    if precision == Precision.DECADE and months and decade:
        return f"{earliest.year}s"
    # TimeML's centuries run 1900-1999 for "the 20th century".
    century = earliest.year % 100 == 0 and latest.year == earliest.year + 99
    if precision == Precision.CENTURY and months and century:
        return f"{_ordinal(earliest.year // 100 + 1)} century"
    # Whole years, whatever the precision says: "1957-1958", not "1 Jan 1957 -
    # 31 Dec 1958" (exact either way, and the years are how a reader says it).
    if months and (earliest.month, latest.month) == (1, 12):
        years = (earliest.year, latest.year)
        return str(earliest.year) if one_year else EN_DASH.join(map(str, years))
    return range_text(earliest, latest)


def machine_date(earliest: date, latest: date) -> str:
    """A valid HTML ``<time datetime>`` value for the interval: a day, a month or a year."""
    if earliest == latest:
        return earliest.isoformat()
    if (earliest.year, earliest.month) == (latest.year, latest.month) and _is_months(
        earliest, latest
    ):
        return f"{earliest.year:04d}-{earliest.month:02d}"
    if earliest == date(earliest.year, 1, 1) and latest == date(latest.year, 12, 31):
        return f"{earliest.year:04d}"  # a year, or the first of several (HTML has no ranges)
    return earliest.isoformat()
