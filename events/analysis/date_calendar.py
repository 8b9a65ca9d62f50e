"""Calendar arithmetic for the temporal tagger: TIMEX3 values and the day intervals they cover.

Everything here is plain date arithmetic (no regexes, no parsing) so that the conventions are
easy to test on their own. Values follow the TimeML TIMEX3 guidelines: ``2025-08-30``,
``2025-08``, ``2025``, ``2025-W35``, ``2025-Q3``, ``2025-SU``, ``199`` (a decade) and ``19``
(a century).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from events.analysis.types import Precision

# Seasons as TimeML writes them, with the months they start in (northern meteorological
# seasons; winter starts in December and runs into the next year).
SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(frozen=True, slots=True)
class CalendarValue:
    """A TIMEX3 value together with the inclusive day interval it covers."""

    value: str
    earliest: date
    latest: date
    precision: Precision


def clamp_day(year: int, month: int, day: int) -> date | None:
    """Return the date, or None if it does not exist (Feb 30)."""
    if not 1 <= month <= 12 or not 1 <= year <= 9999:
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def add_months(d: date, months: int) -> date:
    """Shift by whole months, clamping the day to the target month's length."""
    index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(d.day, last))


def day_value(d: date) -> CalendarValue:
    return CalendarValue(d.isoformat(), d, d, Precision.DAY)


def range_value(first: date, last: date) -> CalendarValue:
    """An explicit span such as "August 28-29": TimeML gives the first day as the value.

    A TIMEX3 value cannot express an interval, so the value is the span's first day (as
    TimeBank annotates "August 28-29" when it is one expression) and the interval carries the
    whole range.
    """
    return CalendarValue(first.isoformat(), first, last, Precision.RANGE)


def month_value(year: int, month: int) -> CalendarValue:
    last = calendar.monthrange(year, month)[1]
    return CalendarValue(
        f"{year:04d}-{month:02d}", date(year, month, 1), date(year, month, last), Precision.MONTH
    )


def year_value(year: int) -> CalendarValue:
    return CalendarValue(f"{year:04d}", date(year, 1, 1), date(year, 12, 31), Precision.YEAR)


def week_value(d: date) -> CalendarValue:
    """The ISO week containing ``d`` (Monday to Sunday), written ``2025-W35``."""
    iso_year, iso_week, weekday = d.isocalendar()
    monday = d - timedelta(days=weekday - 1)
    return CalendarValue(
        f"{iso_year:04d}-W{iso_week:02d}", monday, monday + timedelta(days=6), Precision.WEEK
    )


def weekend_value(d: date) -> CalendarValue:
    """The weekend (Saturday and Sunday) of the ISO week containing ``d``: ``2025-W35-WE``."""
    week = week_value(d)
    saturday = week.earliest + timedelta(days=5)
    return CalendarValue(f"{week.value}-WE", saturday, week.latest, Precision.RANGE)


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def _months_value(
    value: str, year: int, first_month: int, months: int, precision: Precision
) -> CalendarValue:
    """``months`` whole months of ``year`` from ``first_month``."""
    last_month = first_month + months - 1
    last = calendar.monthrange(year, last_month)[1]
    return CalendarValue(value, date(year, first_month, 1), date(year, last_month, last), precision)


def quarter_value(year: int, quarter: int) -> CalendarValue:
    return _months_value(
        f"{year:04d}-Q{quarter}", year, 3 * (quarter - 1) + 1, 3, Precision.QUARTER
    )


def half_value(year: int, half: int) -> CalendarValue:
    return _months_value(f"{year:04d}-H{half}", year, 1 if half == 1 else 7, 6, Precision.RANGE)


def season_value(year: int, season: str) -> CalendarValue:
    """``year`` is the year the season starts in (winter 2025 = Dec 2025 to Feb 2026)."""
    start = date(year, SEASON_START_MONTH[season], 1)
    end = add_months(start, 3) - timedelta(days=1)
    return CalendarValue(f"{year:04d}-{season}", start, end, Precision.SEASON)


def decade_value(first_year: int) -> CalendarValue:
    """The decade starting in ``first_year`` (1990 -> ``199``). TempEval-3 writes a decade
    with no ``X`` after it, as it writes a century (``19``); TimeBank has both forms."""
    return CalendarValue(
        f"{first_year // 10:03d}",
        date(first_year, 1, 1),
        date(first_year + 9, 12, 31),
        Precision.DECADE,
    )


def century_value(hundreds: int) -> CalendarValue:
    """TimeML writes the 20th century (1900-1999) as ``19``."""
    first = max(hundreds * 100, 1)
    return CalendarValue(
        f"{hundreds:02d}", date(first, 1, 1), date(hundreds * 100 + 99, 12, 31), Precision.CENTURY
    )


_DECADES = re.compile(r"P(\d+|X)DE")


def decades_in_years(value: str) -> str:
    """A duration in decades written in years, as the TimeML corpora write it ("two decades"
    P20Y, "decades" PXY, not P2DE and PXDE); any other value as it is."""
    found = _DECADES.fullmatch(value)
    if found is None:
        return value
    return "PXY" if found[1] == "X" else f"P{int(found[1]) * 10}Y"


def nearest_year_for(month: int, day: int | None, dct: date, forward: bool | None) -> int:
    """Choose the year for a month (and day) written without one.

    The rule (issue 2): the occurrence nearest the document date that is not after it; when
    the sentence points forward (``forward=True``: "will", "payable", "scheduled"...), the
    nearest one that is not before it; with ``forward=None`` (a deadline such as "by Jan. 14",
    which may have just passed or be coming), simply the nearest one. A "December" in a
    January article is therefore last December, and a "January" in a December article is this
    year's January unless the text points forward, in which case it is the coming January.
    """
    if day is None:
        # A whole month: the current month counts as both "not after" and "not before".
        past = dct.year if month <= dct.month else dct.year - 1
        future = dct.year if month >= dct.month else dct.year + 1
        if forward is None:
            gap_past = (dct.year * 12 + dct.month) - (past * 12 + month)
            gap_future = (future * 12 + month) - (dct.year * 12 + dct.month)
            return past if gap_past <= gap_future else future
        return future if forward else past
    candidate = clamp_day(dct.year, month, min(day, 28 if month == 2 else day))
    if candidate is None:
        return dct.year
    past = dct.year if candidate <= dct else dct.year - 1
    future = dct.year if candidate >= dct else dct.year + 1
    if forward is None:
        p = clamp_day(past, month, min(day, 28 if month == 2 else day)) or dct
        f = clamp_day(future, month, min(day, 28 if month == 2 else day)) or dct
        return past if (dct - p) <= (f - dct) else future
    return future if forward else past


# Both by plain day arithmetic, what ``relativedelta(weekday=MO(-1))`` computes (and the same
# OverflowError at the calendar's ends), at a tenth of its cost: every weekday asks.


def weekday_on_or_before(dct: date, weekday: int) -> date:
    """Most recent ``weekday`` (Monday = 0) on or before ``dct`` (the same weekday is ``dct``)."""
    return dct - timedelta(days=(dct.weekday() - weekday) % 7)


def weekday_on_or_after(dct: date, weekday: int) -> date:
    """The first ``weekday`` (Monday = 0) on or after ``dct`` (the same weekday is ``dct``)."""
    return dct + timedelta(days=(weekday - dct.weekday()) % 7)
