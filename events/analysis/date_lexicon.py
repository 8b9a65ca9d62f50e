"""Word lists and regular-expression fragments shared by the temporal tagger's patterns."""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip

# The number words, defined once: quantities ("three days"), spelled years ("nineteen
# ninety-six") and hours ("ten o'clock") are all read from these.
UNIT_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")  # 1-9
TEEN_WORDS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
              "seventeen", "eighteen", "nineteen")  # 10-19  # fmt: skip
TENS_WORDS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
# "one" -> 1 ... "nineteen" -> 19, "twenty" -> 20 ... "ninety" -> 90.
SPELLED_NUMBERS: dict[str, int] = {
    **dict(zip(UNIT_WORDS, range(1, 10), strict=True)),
    **dict(zip(TEEN_WORDS, range(10, 20), strict=True)),
    **dict(zip(TENS_WORDS, range(20, 100, 10), strict=True)),
}
# The hours written as words: "one" to "twelve".
HOUR_WORDS = tuple(word for word, number in SPELLED_NUMBERS.items() if number <= 12)

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, **SPELLED_NUMBERS, "hundred": 100,
    "a hundred": 100, "one hundred": 100, "dozen": 12, "a dozen": 12, "half a": 0,
    "a couple of": 2, "couple of": 2, "a couple": 2, "single": 1,
}  # fmt: skip

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
    "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21,
}  # fmt: skip

# Vague quantities give an unspecified count ("X" in a TIMEX3 value: "several years" = PXY).
VAGUE_QUANTITIES = ("several", "a few", "few", "many", "some", "a number of", "numerous")

# Duration units: the TIMEX3 unit letter and whether it is a time-of-day unit (PT...).
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "week": ("W", False), "month": ("M", False), "year": ("Y", False),
    "decade": ("DE", False), "century": ("CE", False), "quarter": ("Q", False),
    "fortnight": ("W", False),
}  # fmt: skip

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}  # fmt: skip

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
}  # fmt: skip


def _alt(words: list[str] | tuple[str, ...]) -> str:
    """A regex alternation, longest first so that "September" wins over "Sep"."""
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


# Month names must be capitalised: "may", "march" and "sun" are ordinary words. Headlines,
# datelines and fact boxes write them in capitals ("APRIL 6, 2010"): full names only ("MAY"
# and "MARCH" are too often shouted words).
MONTHS_IN_CAPITALS = (
    "JANUARY FEBRUARY APRIL JUNE JULY AUGUST SEPTEMBER OCTOBER NOVEMBER DECEMBER".split()
)
MONTH_RE = (
    r"(?-i:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|Jun(?:e|\.)?|"
    r"Jul(?:y|\.)?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|"
    rf"Dec(?:ember|\.)?|{'|'.join(MONTHS_IN_CAPITALS)})(?![A-Za-z])"
)
# Full month names only (for bare months, where "Mar" or "Dec" alone would be too risky).
MONTH_FULL_RE = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)(?![A-Za-z])"
)
WEEKDAY_RE = (
    r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon\.|Tue\.|Tues\.|"
    r"Wed\.|Thu\.|Thur\.|Thurs\.|Fri\.|Sat\.|Sun\.)"
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
UNIT_RE = (
    r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|"
    r"centur(?:y|ies)|quarters?)"
)
ORDINAL_RE = _alt(list(ORDINALS))
SEASON_RE = r"(?:spring|summer|fall|autumn|winter)"
PART_OF_DAY_RE = r"(?:morning|afternoon|evening|night)"
TIMEZONE_RE = (
    r"(?-i:[ECMP][SD]?T|GMT|UTC|Z|BST|CET|CEST|EET|JST|IST|AEST|AEDT)(?:[+-]\d{1,2}(?::?\d\d)?)?"
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


def unit_key(text: str) -> str:
    """Normalise "Centuries" -> "century", "days" -> "day"."""
    t = text.lower()
    if t.startswith("centur"):
        return "century"
    return t[:-1] if t.endswith("s") else t
