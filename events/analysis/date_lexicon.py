"""Word lists and regular-expression fragments shared by the temporal tagger's patterns.

The words are English's resource file, ``events/analysis/languages/en/lexicon.toml`` (read
once per process by :func:`events.analysis.timex.resources.read_lexicon`); what is built here
from them (the patterns, the tables in the shape the rules use) is the tagger's logic.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

from events.analysis.timex.resources import read_lexicon

_LEXICON = read_lexicon("en")  # parsed once per process


def _table(name: str) -> dict[str, Any]:
    """A table of the English lexicon, in the file's order."""
    return dict(_LEXICON[name])


MONTHS: dict[str, int] = _table("month")
# Monday = 0, as ``date.weekday()`` counts (the lexicon gives ISO numbers, Monday = 1).
WEEKDAYS: dict[str, int] = {word: number - 1 for word, number in _table("weekday").items()}

# The number words, defined once: quantities ("three days"), spelled years ("nineteen
# ninety-six") and hours ("ten o'clock") are all read from these.
# "one" -> 1 ... "nineteen" -> 19, "twenty" -> 20 ... "ninety" -> 90.
SPELLED_NUMBERS: dict[str, int] = _table("numeral")
UNIT_WORDS = tuple(word for word, number in SPELLED_NUMBERS.items() if number < 10)  # 1-9
TEEN_WORDS = tuple(word for word, number in SPELLED_NUMBERS.items() if 10 <= number < 20)
TENS_WORDS = tuple(word for word, number in SPELLED_NUMBERS.items() if number >= 20)
# The hours written as words: "one" to "twelve".
HOUR_WORDS = tuple(word for word, number in SPELLED_NUMBERS.items() if number <= 12)

_QUANTITIES: dict[str, int | str] = _table("quantity")
NUMBER_WORDS: dict[str, int] = {
    **SPELLED_NUMBERS,
    **{word: n for word, n in _QUANTITIES.items() if isinstance(n, int)},
}
# Vague quantities give an unspecified count ("X" in a TIMEX3 value: "several years" = PXY).
VAGUE_QUANTITIES = tuple(word for word, n in _QUANTITIES.items() if n == "X")

ORDINALS: dict[str, int] = _table("ordinal")

# Duration units: the TIMEX3 unit letter and whether it is a time-of-day unit (PT...).
UNITS: dict[str, tuple[str, bool]] = {
    word: (letter.removeprefix("T"), letter.startswith("T"))
    for word, letter in _table("unit").items()
}
# The units from the longest (the lexicon lists them from the shortest).
UNITS_LONGEST_FIRST = tuple(reversed(UNITS))
# Shortened units ("yrs", "hrs") -> the unit: counted only (see ``COUNTED_UNIT_RE``).
UNIT_ABBREVIATIONS: dict[str, str] = _table("unit_abbreviation")
# Half a unit ("half an hour") as a duration.
HALF_UNITS: dict[str, str] = _table("half_unit")

SEASONS: dict[str, str] = _table("season")
PARTS_OF_DAY: dict[str, str] = _table("part_of_day")
# Days named relative to the document date ("yesterday") -> days from it.
RELATIVE_DAYS: dict[str, int] = _table("relative_day")
# "last", "this", "next" (year, month...) -> units from the document date's.
DIRECTIONS: dict[str, int] = _table("direction")
# "now", "the past", "the future" -> TimeML's PRESENT_REF, PAST_REF, FUTURE_REF.
REFERENCES: dict[str, str] = _table("reference")
# "daily", "weekly" -> a SET's value.
FREQUENCIES: dict[str, str] = _table("frequency")
# "the sixties" -> 1960.
DECADE_WORDS: dict[str, int] = _table("decade")
# Holiday names as written ("Christmas Eve") -> their definition (see the lexicon).
HOLIDAYS: dict[str, str] = _table("holiday")
# Past tenses not written "-ed" ("said", "met"), and "-ed" participles that point forward.
IRREGULAR_PAST = tuple(_LEXICON["tense"]["irregular_past"].split())
FORWARD_PARTICIPLES = frozenset(_LEXICON["tense"]["forward_participles"].split())
# "trading", "business": kinds of day ("eight trading days" are still days), a pattern.
KIND_OF_DAY_RE = f"(?:{_LEXICON['pattern']['kind_of_day']})"


def _raw_pattern(name: str) -> str:
    """A raw pattern of the lexicon as a group, a space in it standing for any white space."""
    return "(?:" + _LEXICON["pattern"][name].replace(" ", r"\s+") + ")"


# The words of a market's contract and its commodities (a month they name is traded ahead).
MARKET_CONTRACT_RE = _raw_pattern("market_contract")
MARKET_COMMODITY_RE = _raw_pattern("market_commodity")
# Events held on a date ("a board meeting", "a vigil").
SCHEDULED_EVENT_RE = _raw_pattern("scheduled_event")
# Words that open a sentence and never continue a name.
SENTENCE_OPENER_RE = _raw_pattern("sentence_opener")
# Prepositions that open sentences ("After talks ...", "Like Nick Corran, ..."), which a title
# also capitalises ("a March For Peace"): they end what comes before, but no month's name.
OPENING_PREPOSITION_RE = _raw_pattern("opening_preposition")
OPENING_PREPOSITIONS = frozenset(_LEXICON["pattern"]["opening_preposition"].split("|"))
# A newspaper's title that holds a weekday: the words after it ("Sunday Times") and before it
# ("Mail on Sunday"), capitalised.
NEWSPAPER_AFTER_RE = _raw_pattern("newspaper_after")
NEWSPAPER_BEFORE_RE = _raw_pattern("newspaper_before")
# Words of length that make "a ... period" a stretch of time ("a fairly lengthy period").
LENGTH_OF_PERIOD_RE = _raw_pattern("length_of_period")
# A time zone spelled out ("Eastern time", "local time"), after a clock time.
SPELLED_TIME_ZONE_RE = _raw_pattern("spelled_time_zone")


def _names_by_number(table: dict[str, int]) -> list[list[str]]:
    """A month's (or weekday's) names, shortest first: its abbreviations, then its full name."""
    names: dict[int, list[str]] = {}
    for word, number in table.items():
        names.setdefault(number, []).append(word)
    return [sorted(words, key=len) for _, words in sorted(names.items())]


_MONTH_NAMES = _names_by_number(MONTHS)
_WEEKDAY_NAMES = _names_by_number(WEEKDAYS)
# Full names and abbreviations, capitalised as written in text.
MONTH_FULL_NAMES = tuple(names[-1].capitalize() for names in _MONTH_NAMES)
MONTH_ABBREVIATIONS = tuple(n.capitalize() for names in _MONTH_NAMES for n in names[:-1])
WEEKDAY_FULL_NAMES = tuple(names[-1].capitalize() for names in _WEEKDAY_NAMES)
WEEKDAY_ABBREVIATIONS = tuple(n.capitalize() for names in _WEEKDAY_NAMES for n in names[:-1])
# The first letters every name of a month (weekday) starts with: "Jan", "Sep", "Mon".
MONTH_PREFIXES = tuple(names[0].capitalize() for names in _MONTH_NAMES)
WEEKDAY_PREFIXES = tuple(names[0][:3].capitalize() for names in _WEEKDAY_NAMES)


def _alt(words: list[str] | tuple[str, ...]) -> str:
    """A regex alternation, longest first so that "September" wins over "Sep"."""
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


def _abbreviated(names: list[str]) -> str:
    """A month's names as one pattern, capitalised: "Jan(?:uary|\\.)?" (the abbreviation, with
    a full stop or the rest of the full name), "Sept?(?:ember|\\.)?" (each abbreviation the one
    before and more), "May" (no abbreviation)."""
    *abbreviations, full = names
    if not abbreviations:
        return full.capitalize()
    if not all(b.startswith(a) for a, b in pairwise(names)):  # not one word cut shorter
        dotted = (rf"{re.escape(a.capitalize())}\.?" for a in reversed(abbreviations))
        return f"(?:{full.capitalize()}|{'|'.join(dotted)})"
    pattern = abbreviations[0].capitalize()
    for shorter, longer in pairwise(abbreviations):
        more = longer[len(shorter) :]
        pattern += f"{more}?" if len(more) == 1 else f"(?:{more})?"
    return pattern + rf"(?:{full[len(abbreviations[-1]) :]}|\.)?"


# Month names must be capitalised: "may", "march" and "sun" are ordinary words. Headlines,
# datelines and fact boxes write them in capitals ("APRIL 6, 2010"): full names only ("MAY"
# and "MARCH" are too often shouted words).
_SHOUTED = frozenset(_LEXICON["month_in_capitals"]["excluded"].split())
MONTHS_IN_CAPITALS = [names[-1].upper() for names in _MONTH_NAMES if names[-1] not in _SHOUTED]
MONTH_RE = (
    "(?-i:"
    + "|".join(_abbreviated(names) for names in _MONTH_NAMES)
    + f"|{'|'.join(MONTHS_IN_CAPITALS)})(?![A-Za-z])"
)
# Full month names only (for bare months, where "Mar" or "Dec" alone would be too risky).
MONTH_FULL_RE = f"(?-i:{'|'.join(MONTH_FULL_NAMES)})(?![A-Za-z])"
# A weekday's abbreviation only with its full stop ("Wed."; "Sun" and "Sat" are words).
WEEKDAY_RE = (
    f"(?-i:{'|'.join(WEEKDAY_FULL_NAMES)}|"
    + "|".join(rf"{re.escape(a)}\." for a in WEEKDAY_ABBREVIATIONS)
    + ")"
)
DAY_RE = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
YEAR_RE = r"(?:1[5-9]\d\d|20\d\d)(?![\d,.]\d)"
# Between the parts of a written date ("Friday, June 5, 2008"): a comma or not, and a space
# before the comma as tokenised text writes it ("June 5 , 2008").
COMMA_RE = r"\s?,?\s+"
# Only a dash joins two days into one expression; "24 and 25" are two TIMEX3s in TimeML.
DASH_RE = r"\s*(?:-|\u2013|\u2014)\s*"
NUMBER_WORD_RE = (
    r"(?:(?:" + "|".join(TENS_WORDS) + r")(?:[-\s](?:" + "|".join(UNIT_WORDS) + r"))?|"
    + _alt([w for w in NUMBER_WORDS if w != "half a"]) + ")"
)  # fmt: skip
# "3", "1,000", "2.5", "2 1/2", "three", "twenty-five", "a couple of", "several".
QUANTITY_RE = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+1/2)?|" + NUMBER_WORD_RE + r"(?:\s+and\s+a\s+half)?"
    r"|" + _alt(list(VAGUE_QUANTITIES)) + r")"
)
# A unit, singular or plural: "days?", "centur(?:y|ies)".
UNIT_RE = (
    "(?:"
    + "|".join(
        f"{u[:-1]}(?:y|ies)" if u.endswith("y") and u[-2] not in "aeiou" else f"{u}s?"
        for u in UNITS
    )
    + ")"
)
# A unit after a number, written out or shortened: "5 years", "5 yrs".
COUNTED_UNIT_RE = f"(?:{UNIT_RE}|(?:{'|'.join(UNIT_ABBREVIATIONS)})s?)"
ORDINAL_RE = _alt(list(ORDINALS))
SEASON_RE = f"(?:{'|'.join(SEASONS)})"
# "overnight" is no part of a day named alone ("this overnight"): a rule of its own.
PART_OF_DAY_RE = f"(?:{'|'.join(p for p in PARTS_OF_DAY if p != 'overnight')})"
TIMEZONE_RE = (
    # "UK" ("15:47 UK", "10:39 UK time"), as British pages stamp the local hour.
    r"(?-i:[ECMP][SD]?T|GMT|UTC|Z|BST|CET|CEST|EET|JST|IST|AEST|AEDT|UK(?:\s+time)?)"
    r"(?:[+-]\d{1,2}(?::?\d\d)?)?"
)


def parse_quantity(text: str) -> float | None:
    """The number a quantity phrase denotes, or None for a vague one ("several")."""
    t = " ".join(text.lower().replace("-", " ").split())
    if t in VAGUE_QUANTITIES:
        return None
    half = 0.0
    if t.endswith(" and a half"):
        t, half = t[: -len(" and a half")], 0.5
    if t.endswith(" 1/2"):
        t, half = t[:-4], 0.5
    t = t.replace(",", "")
    try:
        return float(t) + half
    except ValueError:
        pass
    if t in NUMBER_WORDS:
        return NUMBER_WORDS[t] + half
    parts = t.split()
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]] + half
    return None


def shortened_unit(text: str) -> bool:
    """Whether a unit is written short ("yrs", "hr"): read only after digits ("5 yrs"), as
    web copy writes it ("a min of staff" is no minute)."""
    return text.lower().removesuffix("s") in UNIT_ABBREVIATIONS


def unit_key(text: str) -> str:
    """Normalise "Centuries" -> "century", "days" -> "day", "yrs" -> "year"."""
    t = text.lower()
    if t.startswith("centur"):
        return "century"
    t = t[:-1] if t.endswith("s") else t
    return UNIT_ABBREVIATIONS.get(t, t)
