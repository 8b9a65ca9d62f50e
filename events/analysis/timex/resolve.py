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
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date, timedelta

from events.analysis.date_calendar import (
    CalendarValue,
    add_months,
    century_value,
    clamp_day,
    day_value,
    decades_in_years,
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

_REF = re.compile(
    r"^(REF|ANCHOR)([+-])(\d+)(D|W|M|Y|C)(-[QH]\d|-SP|-SU|-FA|-WI|-WE|-\d\d|T[\w:]+)?$"
)
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
# Characters searched on each side of an expression for its verb or its sentence's start, so
# that text without punctuation cannot make the search quadratic.
_REACH = 400
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
    if unit == "C":  # a century: TimeML writes 2000-2099 as "20"
        return century_value(anchor.year // 100 + n)
    return year_value(anchor.year + n)


@dataclass(frozen=True)
class _Layout:
    """A text's clause ends, commas, quotes and tensed verbs, found once per text so that each
    expression's governing verb is looked up by bisection (linear time over the whole text)."""

    clause_ends: list[int]  # positions just after each clause end
    commas: list[int]  # positions of ", "
    quotes: list[tuple[int, int]]
    quote_starts: list[int]
    verbs: list[tuple[int, int, str]]  # (start, end, "past" or "future"), by start
    verb_starts: list[int]

    @classmethod
    def of(cls, text: str, language: Language) -> _Layout:
        quotes = [(m.start(), m.end()) for m in _QUOTES.finditer(text)]
        verbs = sorted(
            (m.start(), m.end(), name)
            for name, pattern in (("past", language.past), ("future", language.future))
            for m in pattern.finditer(text)
        )
        return cls(
            clause_ends=[m.end() for m in _CLAUSE_END.finditer(text)],
            commas=[m.start() for m in _COMMA.finditer(text)],
            quotes=quotes,
            quote_starts=[s for s, _ in quotes],
            verbs=verbs,
            verb_starts=[v[0] for v in verbs],
        )

    def quote_at(self, position: int) -> tuple[int, int] | None:
        i = bisect_right(self.quote_starts, position) - 1
        if i >= 0 and position < self.quotes[i][1]:
            return self.quotes[i]
        return None

    def clause(self, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
        """The clause around [start, end), within [lo, hi) and at most _REACH either side."""
        i = bisect_right(self.clause_ends, start) - 1
        left = max(self.clause_ends[i] if i >= 0 else 0, lo, start - _REACH)
        j = bisect_left(self.clause_ends, end + 1)
        right = min(self.clause_ends[j] - 1 if j < len(self.clause_ends) else hi, hi, end + _REACH)
        return left, max(right, end)

    def segment(self, start: int, end: int, left: int, right: int) -> tuple[int, int]:
        """The comma-delimited part of the clause [left, right) that holds [start, end)."""
        i = bisect_left(self.commas, start) - 1
        seg_left = self.commas[i] + 2 if i >= 0 and self.commas[i] >= left else left
        j = bisect_left(self.commas, end)
        seg_right = self.commas[j] if j < len(self.commas) and self.commas[j] < right else right
        return seg_left, seg_right


def _tense(timex: OpenTimex, layout: _Layout) -> str:
    """``past``, ``future`` or ``""``: the tense of the verb nearest the expression in its own
    comma segment, else in its clause. Quoted speech is a clause of its own: outside quotes,
    the verbs inside them do not count."""
    inside = layout.quote_at(timex.start)
    lo, hi = inside or (0, timex.end + _REACH)
    left, right = layout.clause(timex.start, timex.end, lo, hi)
    verbs = []
    for k in range(bisect_left(layout.verb_starts, left), len(layout.verbs)):
        s, e, tense = layout.verbs[k]
        if s >= right:
            break
        if e > right or (s < timex.end and timex.start < e):
            continue  # past the clause, or a word of the expression itself
        if inside is None and layout.quote_at(s) is not None:
            continue
        verbs.append((s, e, tense))
    for span in (layout.segment(timex.start, timex.end, left, right), (left, right)):
        near = [
            (timex.start - e if e <= timex.start else s - timex.end, tense)
            for s, e, tense in verbs
            if span[0] <= s and e <= span[1]
        ]
        if near:
            return min(near, key=lambda v: v[0])[1]
    return ""


def _sentence_start(text: str, position: int) -> int:
    """Start of the sentence around ``position`` (after the last sentence end before it)."""
    lo = max(0, position - _REACH)
    return max(lo - 1, *(text.rfind(mark, lo, position) for mark in (". ", "\n", "? ", "! "))) + 1


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
        if m[1] == "REF" and m[5] == "-WE" and m[3] == "0" and m[4] == "W":
            # "el fin de semana" with no "este"/"pasado": the weekend in the tense's direction
            if tense == "past" and dct.weekday() < 5:
                anchor = dct - timedelta(days=7)
            elif tense == "future" and dct.weekday() == 6:
                anchor = dct + timedelta(days=7)
        cv = _shift(anchor, m[2], int(m[3]), m[4])
        if m[5] and m[5][0] == "-":  # a part of the week or year: "este verano", "2004-Q1", a month
            return _interval(cv.value + m[5]) or cv, cv.value + m[5]
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
        clamped = clamp_day(month.year, month.month, day)
        if clamped is None:
            return None, value
        return day_value(clamped), clamped.isoformat() + (m[2] or "")
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
        month_number, day_number = int(m[1]), int(m[2]) if m[2] else None
        forward = {"past": False, "future": True}.get({"-": "past", "+": "future"}.get(m[4], tense))
        year = nearest_year_for(month_number, day_number, dct, forward)
        final = f"{year:04d}-{m[1]}" + (f"-{m[2]}" if m[2] else "") + (m[3] or "")
        return _interval(final), final
    if _TIME_UNITS.match(value):
        return None, "PT" + value[1:].replace("MIN", "M")
    value = decades_in_years(value)
    return _interval(value), value


def resolve(
    text: str, found: list[OpenTimex], document_date: date, language: Language
) -> list[TemporalExpression]:
    """Turn the engine's open expressions into final TIMEX3 values and day intervals."""
    layout = _Layout.of(text, language)
    narrative = _Narrative(document_date, document_date.replace(day=1))
    out: list[TemporalExpression] = []
    for timex in found:
        quoted = layout.quote_at(timex.start) is not None
        tense = _tense(timex, layout)
        view = _Narrative(document_date, document_date.replace(day=1)) if quoted else narrative
        sentence = _sentence_start(text, timex.start)
        cv, value = _open(timex, document_date, view, tense, sentence)
        if _STILL_OPEN.match(value) and timex.type != "SET":
            continue  # the rule's parts did not resolve (day 31 of a short month, "REF-XY");
            # a SET's "XXXX-WXX-WE" (every weekend) is open by what it means
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
