"""Small builders the resolvers share: month, weekday and day numbers from words, a date
or reference as a :class:`~events.analysis.date_rules.base.Resolved`, durations as TIMEX3
values, and shifts of a calendar value by units."""

from __future__ import annotations

import re
from datetime import date, timedelta

from events.analysis import date_calendar as cal
from events.analysis.date_calendar import CalendarValue
from events.analysis.date_lexicon import MONTHS, UNITS, WEEKDAYS
from events.analysis.date_rules.base import Resolved
from events.analysis.types import Precision, Resolution, TimexType


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _weekday(word: str) -> int:
    return WEEKDAYS[word.lower().rstrip(".")]


def _day(word: str) -> int:
    return int(_DIGITS.match(word).group())  # type: ignore[union-attr]


_DIGITS = re.compile(r"\d+")


def _date(cv: CalendarValue, rule: str, resolution: Resolution = Resolution.RELATIVE) -> Resolved:
    return Resolved(TimexType.DATE, cv.value, cv, resolution, rule)


def _ref(value: str, rule: str) -> Resolved:
    return Resolved(TimexType.DATE, value, None, None, rule, anchors=False)


def _duration_value(amount: float | None, unit: str) -> str:
    letter, is_time = UNITS[unit]
    if unit == "fortnight" and amount is not None:
        amount *= 2
    if amount is None:
        number = "X"
    elif amount == int(amount):
        number = str(int(amount))
    else:
        # Half units go one level down, as TimeML writes "2 1/2 years" = P2Y6M.
        whole = int(amount)
        sub = {"Y": ("M", 6), "D": ("H", 12), "H": ("M", 30), "W": ("D", 3), "M": ("D", 15)}
        if is_time and letter == "M":
            sub["M"] = ("S", 30)  # minutes, not months
        if letter in sub:
            extra_letter, extra = sub[letter]
            prefix = "PT" if is_time or extra_letter == "H" else "P"
            head = f"{whole}{letter}" if whole else ""
            if extra_letter == "H" and not is_time:
                return f"P{head}T{extra}H" if head else f"PT{extra}H"
            return f"{prefix}{head}{extra}{extra_letter}"
        number = str(amount)
    return cal.decades_in_years(("PT" if is_time else "P") + number + letter)


def _shift(cv: CalendarValue, amount: int, unit: str) -> CalendarValue:
    """Move a calendar value by ``amount`` units, keeping the coarser of the two granularities.

    "a year earlier" after "the third quarter" is that quarter a year before (TimeBank's
    convention for financial comparisons); after a day it is the same day a year before.
    """
    d = cv.earliest
    p = cv.precision
    if unit == "day":
        return cal.day_value(d + timedelta(days=amount))
    if unit in ("week", "fortnight"):
        days = 7 * amount * (2 if unit == "fortnight" else 1)
        shifted = d + timedelta(days=days)
        return cal.day_value(shifted) if p == Precision.DAY else cal.week_value(shifted)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[unit] * amount
    shifted = cal.add_months(d, months)
    if p == Precision.DAY:
        return cal.day_value(shifted)
    if p == Precision.QUARTER and unit in ("quarter", "year"):
        return cal.quarter_value(shifted.year, cal.quarter_of(shifted))
    if p == Precision.MONTH and unit in ("month", "quarter", "year"):
        return cal.month_value(shifted.year, shifted.month)
    return _unit_value(shifted, unit)


def _relative_to_dct(dct: date, amount: int, unit: str) -> CalendarValue:
    """``amount`` units from the DCT at the unit's own granularity ("two weeks ago" = a week)."""
    if unit == "day":
        return cal.day_value(dct + timedelta(days=amount))
    if unit in ("week", "fortnight"):
        return cal.week_value(dct + timedelta(days=7 * amount * (2 if unit == "fortnight" else 1)))
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[unit] * amount
    shifted = cal.add_months(dct, months)
    return _unit_value(shifted, unit)


def _unit_value(day: date, unit: str) -> CalendarValue:
    """The calendar unit of that name containing ``day`` (a year for any other unit)."""
    if unit == "month":
        return cal.month_value(day.year, day.month)
    if unit == "quarter":
        return cal.quarter_value(day.year, cal.quarter_of(day))
    if unit == "decade":
        return cal.decade_value(day.year // 10 * 10)
    if unit == "century":
        return cal.century_value(day.year // 100)
    return cal.year_value(day.year)


def _current(dct: date, unit: str) -> CalendarValue:
    return _relative_to_dct(dct, 0, unit)
