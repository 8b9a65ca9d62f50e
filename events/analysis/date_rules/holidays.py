"""Holidays, each the occurrence nearest the document date ("Christmas", "Easter", "the
Fourth of July"), from the definitions of the lexicon."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from dateutil.easter import easter
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from events.analysis import date_calendar as cal
from events.analysis.date_lexicon import COMMA_RE, HOLIDAYS, YEAR_RE
from events.analysis.date_rules.base import Context, Resolved, _rule
from events.analysis.date_rules.tense import (
    _past_clause_before,
    _past_tense_governs,
    _points_forward,
)
from events.analysis.date_rules.values import _date
from events.analysis.types import Resolution

# A holiday's definition in the lexicon: "12-25", "easter", "easter-2", "11-01 TH+4" (the
# fourth Thursday on or after November 1), "05-31 MO-1" (the last Monday on or before May 31).
_HOLIDAY_DEFINITION = re.compile(
    r"(?P<easter>easter)(?P<shift>[+-]\d+)?"
    r"|(?P<month>\d\d)-(?P<day>\d\d)(?:\s+(?P<wd>MO|TU|WE|TH|FR|SA|SU)(?P<n>[+-]\d+))?"
)
_WEEKDAYS_BY_CODE = {"MO": MO, "TU": TU, "WE": WE, "TH": TH, "FR": FR, "SA": SA, "SU": SU}


def _holiday_in(definition: str) -> Callable[[int], date]:
    """A holiday's day in a given year, from its definition. The movable ones are weekdays
    counted from a day (dateutil's relativedelta: MO(+1) is the first Monday on or after the
    day, MO(-1) the last on or before it) and Easter (dateutil's Western, Gregorian computus)."""
    found = _HOLIDAY_DEFINITION.fullmatch(definition)
    if found is None:
        raise ValueError(f"en/lexicon.toml [holiday]: cannot read {definition!r}")
    if found["easter"]:
        shift = timedelta(days=int(found["shift"] or 0))
        return lambda year: easter(year) + shift
    month, day = int(found["month"]), int(found["day"])
    if found["wd"] is None:
        return lambda year: date(year, month, day)
    step = relativedelta(weekday=_WEEKDAYS_BY_CODE[found["wd"]](int(found["n"])))
    return lambda year: date(year, month, day) + step


# Holidays by (lower-cased) name: their day in a given year.
_HOLIDAYS: dict[str, Callable[[int], date]] = {
    name.lower(): _holiday_in(definition) for name, definition in HOLIDAYS.items()
}


@_rule(
    r"(?:(?P<rel>last|this|next|this\s+past|this\s+coming)\s+)?"
    # The names as written (capitalised), in the lexicon's order: "Christmas Eve" before
    # "Christmas".
    r"(?-i:(?P<name>" + "|".join(HOLIDAYS) + r"))(?P<week>\s+week(?!end))?"
    r"(?P<weekend>(?:\s+holiday)?\s+weekend)?"
    # "the Good Friday Agreement", "Easter Island", "Christmas tree": names, not days.
    r"(?!\s+(?:Agreement|agreement|[Aa]ccords?|Island|Rising|Uprising|[Oo]ffensive|eggs?|"
    r"Bunny|bunny|trees?|cards?|[Cc]arols?)\b)"
    rf"(?:{COMMA_RE}(?P<year>{YEAR_RE}))?"
)
def _holiday(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "Thanksgiving Day", "Christmas 2024", "Easter week": fixed and movable holidays (US
    ones, Easter); "<holiday> week" is the ISO week holding the day."""
    out = _holiday_day(m, ctx)
    if out is not None and m["weekend"] and out.cal is not None:
        # "the Labor Day weekend": the weekend next to the holiday (before a Monday one).
        return _date(
            cal.weekend_value(_weekend_next_to(out.cal.earliest)), f"the weekend of {out.rule}"
        )
    if out is not None and m["week"] and out.cal is not None:
        this_year = cal.week_value(_HOLIDAYS[m["name"].lower()](ctx.dct.year))
        if not m["year"] and this_year.earliest <= ctx.dct <= this_year.latest:
            return _date(this_year, "the week of the holiday, which holds the document date")
        return _date(cal.week_value(out.cal.earliest), f"the week of {out.rule}")
    return out


def _weekend_next_to(day: date) -> date:
    """A day of the weekend next to ``day``: the one before a Monday holiday, the one after a
    Friday one, and for a holiday in the middle of the week (or on a weekend) the weekend of its
    own ISO week, the one after it."""
    if day.weekday() == 0:
        return day - timedelta(days=2)
    if day.weekday() == 4:
        return day + timedelta(days=1)
    return day


def _holiday_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    name = m["name"].lower()
    fn = _HOLIDAYS[name]
    if m["year"]:
        return _date(cal.day_value(fn(int(m["year"]))), f"{name} of the year written",
                     Resolution.EXPLICIT)  # fmt: skip
    d = fn(ctx.dct.year)
    rel = " ".join((m["rel"] or "").lower().split())
    if rel in ("last", "this past"):
        d = d if d < ctx.dct else fn(ctx.dct.year - 1)
    elif rel in ("next", "this coming"):
        d = d if d > ctx.dct else fn(ctx.dct.year + 1)
    elif rel == "this":
        pass
    elif (
        d > ctx.dct
        and not _points_forward(ctx, m)
        # A holiday a few days ahead is the coming one, unless a past tense tells of it ("as
        # the Labor Day weekend begins"; "sales rose over Christmas").
        and not (
            (d - ctx.dct).days <= 7
            and not _past_tense_governs(ctx, m)
            and not _past_clause_before(ctx, m)
        )
    ):
        d = fn(ctx.dct.year - 1)
    elif d < ctx.dct and _points_forward(ctx, m) and (ctx.dct - d).days > 7:
        d = fn(ctx.dct.year + 1)
    return _date(cal.day_value(d), f"{name}: the occurrence nearest the document date")
