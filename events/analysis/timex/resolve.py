"""Stage 2: fill in what the text left open, from the document date and the narrative.

Conventions of news writing this stage applies (the same in every language; what differs,
the verb forms that mark tense, comes from the language's ``[tense]`` resource):

* deictic words ("hoy", "ayer", "la semana pasada": ``REF...``) count from the document date;
* a weekday or a month without a year takes its direction from the tense of the verb nearest
  to it in its clause: past tense, the last one on or before the document date; future, the
  next one on or after it; neither (a present tense, a headline), the nearest one;
* "al día siguiente", "ese día", "el día 12" (``ANCHOR...``) count from the date the text
  mentioned last, as a reader follows the narrative; outside any, from the document date;
* quoted speech is its own clause: a verb outside the quotes does not give a date inside
  them its tense (nor the other way round), and a quote does not move the narrative anchor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from events.analysis.date_calendar import (
    CalendarValue,
    add_months,
    clamp_day,
    day_value,
    half_value,
    month_value,
    nearest_year_for,
    quarter_value,
    season_value,
    week_value,
    weekday_on_or_after,
    weekday_on_or_before,
    year_value,
)
from events.analysis.timex.engine import OpenTimex
from events.analysis.timex.resources import Language
from events.analysis.types import Precision, Resolution, TemporalExpression, TimexType

_REF = re.compile(r"^(REF|ANCHOR)([+-])(\d+)(D|W|M|Y)(-[QH]\d|T[\w:]+)?$")
_DAY = re.compile(r"^DAY(T[\w:]+)$")
_ANCHOR_DAY = re.compile(r"^ANCHOR-XX-(\d\d)(T[\w:]+)?$")
_WEEKDAY = re.compile(r"^WD([1-7])([+-]?)(T[\w:]+)?$")
_NO_YEAR = re.compile(r"^XXXX-(\d\d)(?:-(\d\d))?(T[\w:]+)?([+-]?)$")
_CONCRETE = re.compile(
    r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?|-W(\d\d)|-Q([1-4])|-(SP|SU|FA|WI)|-H([12]))?(T[\w:]+)?$"
)
_STILL_OPEN = re.compile(r"^(?:REF|ANCHOR|WD|XXXX)")
_TIME_UNITS = re.compile(r"^P(?:[\dX.]+(?:H|MIN|S))+$")
# Clause boundaries for the governing verb: sentence ends, semicolons, line breaks; within a
# clause, a verb in the expression's own comma-delimited segment comes first.
_CLAUSE_END = re.compile(r"[.;!?\n](?=\s|$)|\n")
_COMMA = re.compile(r",\s")
# Quoted speech: typographic quotes, straight quotes, and the `` '' of tokenised text.
_QUOTES = re.compile(
    r"«[^»]{0,2000}»|“[^”]{0,2000}”|\"[^\"\n]{1,2000}\"|``[^`'\n]{1,2000}(?:''|``)"
)


@dataclass
class _Narrative:
    """The dates a reader keeps in mind while reading: the last day and month mentioned."""

    day: date
    month: date
    sentence: int = -1  # where the sentence in which ``day`` was mentioned starts


def _interval(value: str) -> CalendarValue | None:
    """The day interval of a final value (``2004-05``, ``2004-W20``, ``2004-05-12T10:30``)."""
    m = _CONCRETE.match(value)
    if not m:
        return None
    year = int(m[1])
    try:
        if m[3]:
            d = clamp_day(year, int(m[2]), int(m[3]))
            return None if d is None else CalendarValue(value, d, d, Precision.DAY)
        if m[2]:
            return month_value(year, int(m[2])) if 1 <= int(m[2]) <= 12 else None
        if m[4]:
            return week_value(date.fromisocalendar(year, int(m[4]), 1))
        if m[5]:
            return quarter_value(year, int(m[5]))
        if m[6]:
            return season_value(year, m[6])
        if m[7]:
            return half_value(year, int(m[7]))
        return year_value(year)
    except ValueError:
        return None


def _shift(anchor: date, sign: str, amount: int, unit: str) -> CalendarValue:
    n = amount if sign == "+" else -amount
    if unit == "D":
        return day_value(anchor + timedelta(days=n))
    if unit == "W":
        return week_value(anchor + timedelta(weeks=n))
    if unit == "M":
        shifted = add_months(anchor, n)
        return month_value(shifted.year, shifted.month)
    return year_value(anchor.year + n)


def _tense(text: str, timex: OpenTimex, quotes: list[tuple[int, int]], language: Language) -> str:
    """``past``, ``future`` or ``""``: the tense of the verb nearest the expression (its clause)."""
    inside = next(((s, e) for s, e in quotes if s <= timex.start < e), None)
    lo, hi = inside or (0, len(text))
    starts = [m.end() for m in _CLAUSE_END.finditer(text, lo, timex.start)]
    left = starts[-1] if starts else lo
    m = _CLAUSE_END.search(text, timex.end, hi)
    right = m.start() if m else hi
    # Outside quotes, the quoted words are someone else's clause: blank them out.
    clause = list(text[left:right])
    if inside is None:
        for s, e in quotes:
            for i in range(max(s, left), min(e, right)):
                clause[i - left] = " "
    window = "".join(clause)
    start, end = timex.start - left, timex.end - left
    commas = [m.end() for m in _COMMA.finditer(window, 0, start)]
    m = _COMMA.search(window, end)
    segment = (commas[-1] if commas else 0, m.start() if m else len(window))
    return _nearest_tense(window, segment, start, end, language) or _nearest_tense(
        window, (0, len(window)), start, end, language
    )


def _nearest_tense(
    window: str, span: tuple[int, int], start: int, end: int, language: Language
) -> str:
    best, tense = len(window), ""
    for name, pattern in (("past", language.past), ("future", language.future)):
        for verb in pattern.finditer(window, *span):
            s, e = verb.start(), verb.end()
            if s < end and start < e:
                continue  # a word of the expression itself
            distance = start - e if e <= start else s - end
            if distance < best:
                best, tense = distance, name
    return tense


def _sentence_start(text: str, position: int) -> int:
    """Start of the sentence around ``position`` (after the last sentence end before it)."""
    return max(text.rfind(mark, 0, position) for mark in (". ", "\n", "? ", "! ")) + 1


def _weekday(dct: date, weekday: int, direction: str) -> date:
    if direction == "past":
        return weekday_on_or_before(dct, weekday)
    if direction == "future":
        return weekday_on_or_after(dct, weekday)
    before, after = weekday_on_or_before(dct, weekday), weekday_on_or_after(dct, weekday)
    return before if dct - before <= after - dct else after


def _open(
    timex: OpenTimex, dct: date, narrative: _Narrative, tense: str, sentence: int
) -> tuple[CalendarValue | None, str]:
    """Resolve an open value: the interval and the final value (which may add a time)."""
    value = timex.value
    if m := _REF.match(value):
        anchor = dct if m[1] == "REF" else narrative.day
        cv = _shift(anchor, m[2], int(m[3]), m[4])
        return cv, cv.value + (m[5] or "")
    if m := _DAY.match(value):
        d = narrative.day if narrative.sentence == sentence else dct
        return day_value(d), d.isoformat() + m[1]
    if m := _ANCHOR_DAY.match(value):
        day = int(m[1])
        month = narrative.month
        if month == dct.replace(day=1):  # no month mentioned yet: the tense decides
            if tense == "past" and day > dct.day:
                month = add_months(month, -1)
            elif tense == "future" and day < dct.day:
                month = add_months(month, 1)
        d = clamp_day(month.year, month.month, day)
        return (day_value(d), d.isoformat() + (m[2] or "")) if d else (None, value)
    if m := _WEEKDAY.match(value):
        weekday = int(m[1]) - 1
        if m[2] == "-":
            d = weekday_on_or_before(dct - timedelta(days=1), weekday)
        elif m[2] == "+":
            d = weekday_on_or_after(dct + timedelta(days=1), weekday)
        else:
            d = _weekday(dct, weekday, tense)
        return day_value(d), d.isoformat() + (m[3] or "")
    if m := _NO_YEAR.match(value):
        month, day = int(m[1]), int(m[2]) if m[2] else None
        forward = {"past": False, "future": True}.get({"-": "past", "+": "future"}.get(m[4], tense))
        year = nearest_year_for(month, day, dct, forward)
        final = f"{year:04d}-{m[1]}" + (f"-{m[2]}" if m[2] else "") + (m[3] or "")
        return _interval(final), final
    if _TIME_UNITS.match(value):
        return None, "PT" + value[1:].replace("MIN", "M")
    return _interval(value), value


def resolve(
    text: str, found: list[OpenTimex], document_date: date, language: Language
) -> list[TemporalExpression]:
    """Turn the engine's open expressions into final TIMEX3 values and day intervals."""
    quotes = [(m.start(), m.end()) for m in _QUOTES.finditer(text)]
    narrative = _Narrative(document_date, document_date.replace(day=1))
    out: list[TemporalExpression] = []
    for timex in found:
        quoted = any(s <= timex.start < e for s, e in quotes)
        tense = _tense(text, timex, quotes, language)
        view = _Narrative(document_date, document_date.replace(day=1)) if quoted else narrative
        sentence = _sentence_start(text, timex.start)
        cv, value = _open(timex, document_date, view, tense, sentence)
        if _STILL_OPEN.match(value):
            continue  # the rule's parts did not resolve (day 31 of a short month, "REF-XY")
        final = value == timex.value
        if cv is not None and not quoted and timex.type in ("DATE", "TIME"):
            if cv.precision == Precision.DAY:
                narrative.day, narrative.sentence = cv.earliest, sentence
            if cv.precision in (Precision.DAY, Precision.MONTH):
                narrative.month = cv.earliest.replace(day=1)
        out.append(
            TemporalExpression(
                start=timex.start,
                end=timex.end,
                text=text[timex.start : timex.end],
                type=TimexType(timex.type),
                value=value,
                earliest=cv.earliest if cv else None,
                latest=cv.latest if cv else None,
                precision=cv.precision if cv else None,
                resolution=(Resolution.EXPLICIT if final else Resolution.RELATIVE) if cv else None,
                rule=f"{language.code}:{timex.rule}" + (f" ({tense} tense)" if tense else ""),
            )
        )
    return out
