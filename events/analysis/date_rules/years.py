"""Years ("1998", "fiscal 1989", "2009-2010", "nineteen ninety-eight"), decades and
centuries."""

from __future__ import annotations

import re
from datetime import date

from events.analysis import date_calendar as cal
from events.analysis.date_calendar import CalendarValue
from events.analysis.date_lexicon import (
    DECADE_WORDS,
    DIRECTIONS,
    MONTH_FULL_RE,
    ORDINAL_RE,
    ORDINALS,
    SPELLED_NUMBERS,
    TEEN_WORDS,
    TENS_WORDS,
    UNIT_WORDS,
    YEAR_RE,
)
from events.analysis.date_rules.base import Context, Resolved, _rule
from events.analysis.date_rules.values import _date, _month
from events.analysis.types import Precision, Resolution

_NOT_A_YEAR_AFTER = re.compile(
    r"\s*(?:%|percent|per\s*cent|people|persons|men|women|troops|soldiers|workers|jobs|"
    r"employees|shares|units|cars|homes|acres|miles|tons|barrels|feet|meters|votes|points|"
    r"dollars|pounds|euros|yen|cases|deaths|arrests|students|members|residents|of\s+(?:the|them|"
    r"these|those)|-(?:year|day|month|hour|mile|foot)|hours|"
    # "(1545 GMT)": a time of day on the 24-hour clock, as wire stories give it.
    r"(?-i:GMT|UTC|Z|[ECMP][SD]T))\b",
    re.IGNORECASE,
)


# A number that names one of a numbered series ("UN resolution 1973", "Flight 1549", "Route
# 1800", "page 1999"): no year.
_NUMBERED_BEFORE = re.compile(
    r"\b(?:resolution|flight|route|highway|interstate|article|section|chapter|paragraph|room|"
    r"page|bill|model|version|channel|exit|item|number|volume|psalm|verse)\s+$",
    re.IGNORECASE,
)


@_rule(
    rf"(?:(?P<fiscal>fiscal(?:\s+year)?|FY|calendar(?:\s+year)?|(?:the\s+)?year)\s*)?"
    rf"(?P<year>{YEAR_RE})(?!\s*[-\u2013]\s*\d)(?!'?s\b)"
    # "until 1994 or later", "for 1990 and beyond": the open end belongs to the expression.
    r"(?:\s+(?:or\s+later|or\s+earlier|and\s+beyond|or\s+so))?"
)
def _year(m: re.Match[str], ctx: Context) -> Resolved | None:
    """A year written alone ("1998", "fiscal 1989"); figures such as "2000 people" are not."""
    if _NOT_A_YEAR_AFTER.match(ctx.text, m.end()):
        return None
    before = ctx.text[max(0, m.start() - 3) : m.start()]
    if re.search(r"[$€£#]|\d[.,]?\s*$|No\.\s*$", before):
        return None
    if not m["fiscal"] and _NUMBERED_BEFORE.search(ctx.text, max(0, m.start() - 14), m.start()):
        return None
    year = int(m["year"])
    return _date(cal.year_value(year), "year written in the text", Resolution.EXPLICIT)


# Not "2009 - 17:54" (a year, then a clock time).
@_rule(rf"(?P<y1>{YEAR_RE})\s*(?:-|\u2013|\u2014)\s*(?P<y2>\d{{4}}|\d\d)(?!\d)(?![\w%])(?!:\d)")
def _year_range(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "1990-95", "1990 to 1995": a span of years (the interval covers both ends)."""
    y1 = int(m["y1"])
    y2 = int(m["y2"]) if len(m["y2"]) == 4 else y1 // 100 * 100 + int(m["y2"])
    if not y1 < y2 <= y1 + 100:
        return None
    cv = CalendarValue(str(y1), date(y1, 1, 1), date(y2, 12, 31), Precision.RANGE)
    return _date(cv, "range of years written in the text", Resolution.EXPLICIT)


_SPELLED_TWO_DIGITS = (
    r"(?:(?:" + "|".join(TENS_WORDS) + r")(?:[-\s](?:" + "|".join(UNIT_WORDS) + r"))?|"
    + "|".join(TEEN_WORDS) + r"|oh[-\s](?:" + "|".join(UNIT_WORDS) + r"))"
)  # fmt: skip
_SPELLED_YEAR = (
    r"(?:(?:nineteen|eighteen)(?:\s+hundred(?:\s+and)?)?[-\s]+" + _SPELLED_TWO_DIGITS
    + r"|two\s+thousand(?:(?:\s+and)?[-\s]+(?:" + "|".join(TEEN_WORDS + UNIT_WORDS)
    + r"|twenty(?:[-\s](?:" + "|".join(UNIT_WORDS) + r"))?))?)"
)  # fmt: skip


def _spelled_number(words: str) -> int:
    """ "ninety-six" -> 96, "oh five" -> 5 (for spelled-out years)."""
    return sum(SPELLED_NUMBERS.get(word, 0) for word in re.split(r"[-\s]+", words.lower()))


def _spelled_year(text: str) -> int:
    t = " ".join(text.lower().replace("-", " ").split())
    if t.startswith("two thousand"):
        return 2000 + _spelled_number(t[len("two thousand") :].replace("and", ""))
    century = 1900 if t.startswith("nineteen") else 1800
    rest = t.split(" ", 1)[1].replace("hundred", "").replace("and", "")
    return century + _spelled_number(rest)


@_rule(rf"(?:(?P<the>the\s+year)\s+|(?P<mon>{MONTH_FULL_RE})\s+)?(?P<year>" + _SPELLED_YEAR + r")")
def _year_in_words(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "nineteen ninety-six", "the year two thousand", "January nineteen ninety-seven"."""
    if not (m["the"] or m["mon"]):
        # Without "the year" or a month, only in a context that expects a year.
        before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
        after = ctx.text[m.end() : m.end() + 2]
        if not (re.search(r"\b(?:in|of|since|until|by|from|to|and|a|the)\s+$", before)
                or re.match(r"\s*[.]", after) or m.start() == 0
                or re.search(r"[.\n]\s*$", before)):  # fmt: skip
            return None
    year = _spelled_year(m["year"])
    if m["mon"]:
        cv = cal.month_value(year, _month(m["mon"]))
        return _date(cv, "month and year written in words", Resolution.EXPLICIT)
    return _date(cal.year_value(year), "year written in words", Resolution.EXPLICIT)


@_rule(
    r"(?:(?P<the>the)\s+)?(?:(?P<mod>early|mid|late)[-\s]+)?"
    r"(?:(?P<dec>1[5-9]\d0|20\d0|'\d0)'?s|(?P<word>" + "|".join(DECADE_WORDS) + "))"
)
def _decade(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "the 1990s", "the late '70s", "the sixties": ``199``-style decade values."""
    if m["dec"]:
        digits = m["dec"]
        if digits.startswith("'"):
            # "the '80s": the most recent such decade that has begun by the document date,
            # or the one about to begin ("the '90s" in a 1989 article).
            first = ctx.dct.year // 100 * 100 + int(digits[1:])
            if first > ctx.dct.year + 2:
                first -= 100
        else:
            first = int(digits)
            if first % 100 == 0 and not (
                first == ctx.dct.year // 100 * 100 and ctx.dct.year - first < 50
            ):
                # "the 1800s", "the 1900s": a hundred's year in the plural names its century,
                # as news writes it; the document's own century's first decade is a decade in
                # its first half ("the 2000s" in 2010 or 2025; "the 1900s" in 1998 is the
                # century).
                return _date(cal.century_value(first // 100), "century written as its years")
    else:
        first = DECADE_WORDS[m["word"].lower()]
    return _date(cal.decade_value(first), "decade")


@_rule(
    r"(?:the\s+)?(?:(?P<mod>early|mid|late)[-\s]+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|"
    + ORDINAL_RE
    + r"|this|last|next|past)[-\s]+century"
)
def _century(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "the 20th century" = ``19``; "this century" = the DCT's century."""
    word = m["ord"].lower()
    if word in ("this", "last", "next", "past"):
        hundreds = ctx.dct.year // 100 + DIRECTIONS[word]
    else:
        n = int(word[:-2]) if word[0].isdigit() else ORDINALS.get(word)
        if not n:
            return None
        hundreds = n - 1
    return _date(cal.century_value(hundreds), "century (TimeML: 19 = the 1900s)")
