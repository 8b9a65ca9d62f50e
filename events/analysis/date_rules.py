"""The temporal tagger's rules: one precompiled pattern and one resolver per kind of expression.

Each ``@_rule(pattern)`` function receives a match and the resolution :class:`Context` (the
text, the document creation time and what was resolved before) and returns a
:class:`Resolved` value, or None to reject the candidate. The extraction loop that selects
and orders the candidates is in :mod:`events.analysis.dates`; the calendar arithmetic is in
:mod:`events.analysis.date_calendar` and the words in ``languages/en/lexicon.toml`` (read by
:mod:`events.analysis.date_lexicon`).

``dateparser`` is used only for numeric dates whose field order is unusual (see
:func:`_parse_numeric_date`), never for scanning text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from dateutil.easter import easter
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from events.analysis import date_calendar as cal
from events.analysis.date_calendar import CalendarValue
from events.analysis.date_lexicon import (
    COMMA_RE,
    DASH_RE,
    DAY_RE,
    DECADE_WORDS,
    DIRECTIONS,
    FORWARD_PARTICIPLES,
    FREQUENCIES,
    HALF_UNITS,
    HOLIDAYS,
    HOUR_WORDS,
    IRREGULAR_PAST,
    KIND_OF_DAY_RE,
    MONTH_FULL_RE,
    MONTH_RE,
    MONTHS,
    NUMBER_WORD_RE,
    ORDINAL_RE,
    ORDINALS,
    PART_OF_DAY_RE,
    PARTS_OF_DAY,
    QUANTITY_RE,
    REFERENCES,
    RELATIVE_DAYS,
    SEASON_RE,
    SEASONS,
    SPELLED_NUMBERS,
    TEEN_WORDS,
    TENS_WORDS,
    TIMEZONE_RE,
    UNIT_RE,
    UNIT_WORDS,
    UNITS,
    WEEKDAY_RE,
    WEEKDAYS,
    YEAR_RE,
    parse_quantity,
    unit_key,
)
from events.analysis.text import SentenceStarts
from events.analysis.types import Precision, Resolution, TimexType

__all__ = ["RULES", "Candidate", "Context", "Resolved", "Rule", "forget"]


# How far (in characters) a mention of a quarter keeps "a year earlier" and "year-ago" about
# that quarter: about two short paragraphs of an earnings report.
QUARTER_REACH = 1200


# "eight trading days", "three business days": still days.
_KIND_OF_DAY = KIND_OF_DAY_RE


@dataclass(slots=True)
class Context:
    """What a resolver may look at: the text, the DCT and the last date resolved so far."""

    text: str
    dct: date
    anchor: CalendarValue | None = None  # the last dated expression, for "the next day"
    quarter: CalendarValue | None = None  # the quarter under discussion (earnings news)
    quarter_end: int = -(10**9)  # where it was last mentioned
    quarter_fiscal: bool = False  # whether it was named as a fiscal quarter
    named_quarter: CalendarValue | None = None  # the quarter named last, for "that quarter"
    named_quarter_end: int = -(10**9)  # where it was named

    def recent_quarter(self, position: int) -> CalendarValue | None:
        """The quarter under discussion, if it was mentioned shortly before ``position``."""
        if self.quarter is not None and position - self.quarter_end <= QUARTER_REACH:
            return self.quarter
        return None

    def name_quarter(self, cv: CalendarValue, end: int) -> None:
        """Record ``cv`` as the quarter named last, reported on or not ("that quarter")."""
        self.named_quarter, self.named_quarter_end = cv, end

    def last_named_quarter(self, position: int) -> CalendarValue | None:
        """The quarter named last, if it was named shortly before ``position``: like the
        quarter under discussion, it is forgotten after a few paragraphs."""
        if position - self.named_quarter_end <= QUARTER_REACH:
            return self.named_quarter
        return None

    def report_quarter(self, cv: CalendarValue, start: int, end: int, fiscal: bool = False) -> None:
        """Make ``cv`` the quarter under discussion, unless it is earlier than the current one:
        "after a flat second quarter" in a third-quarter report is a look back. A fiscal
        quarter ("the fiscal first quarter") takes over a calendar one: its number counts from
        the company's own year start, so comparing the two says nothing about being earlier.
        Two fiscal quarters count from the same start: "after a loss in the fiscal second
        quarter" in a fiscal third-quarter report is a look back."""
        current = self.recent_quarter(start)
        takes_over = fiscal and not self.quarter_fiscal
        if current is None or takes_over or cv.earliest >= current.earliest:
            self.quarter, self.quarter_end, self.quarter_fiscal = cv, end, fiscal
        else:
            self.quarter_end = end

    @property
    def reference(self) -> date:
        """The day relative expressions anchored in the text count from."""
        return self.anchor.earliest if self.anchor is not None else self.dct


@dataclass(slots=True)
class Resolved:
    type: TimexType
    value: str
    cal: CalendarValue | None = None
    resolution: Resolution | None = Resolution.RELATIVE
    rule: str = ""
    anchors: bool = True  # whether later expressions may anchor on this one
    span: tuple[int, int] | None = None  # a narrower span than the match (minimal extent)


Resolver = Callable[[re.Match[str], Context], "Resolved | None"]


@dataclass(slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    resolve: Resolver
    priority: int = 0  # lower wins between candidates of the same length


@dataclass(slots=True, order=True)
class Candidate:
    start: int
    end: int
    priority: int
    rule: Rule = field(compare=False)
    match: re.Match[str] = field(compare=False)


RULES: list[Rule] = []

# A candidate must not start inside a word, a handle, a path or a figure; a hyphen is fine
# only after a modifier prefix ("mid-1996", "late-November", "post-1959").
_NOT_INSIDE_A_WORD = (
    r"(?<![\w@#/$])(?:(?<!-)|(?<=mid-)|(?<=late-)|(?<=early-)|(?<=post-)|(?<=pre-))"
)


def _rule(pattern: str, priority: int = 0) -> Callable[[Resolver], Resolver]:
    """Register a resolver with its pattern (compiled once, at import)."""

    def register(fn: Resolver) -> Resolver:
        compiled = re.compile(_NOT_INSIDE_A_WORD + pattern + r"(?![\w@])", re.IGNORECASE)
        RULES.append(Rule(fn.__name__.lstrip("_"), compiled, fn, priority))
        return fn

    return register


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------

# Cues that the sentence is about what is still to come: used to pick the next weekday or
# month occurrence instead of the last one.
# Tense cues. A date written without a year (or a bare weekday) is in the past unless the
# clause points forward; the cue nearest to the expression decides, so that "she said she
# would help the victims of the Aug. 7 blasts, which killed..." stays in the past.
_FORWARD_CUE = re.compile(
    # "would not comment": a refusal reported, not a plan.
    r"\b(?:will|won't|would(?!\s+not\b)|shall|'ll|must|going\s+to|scheduled|slated|"
    r"set\s+to|due\s+(?:to|in(?!\s+(?:part|large|no))|on|by|out|back)|expected\s+to|expects?\s+to|plans?\s+to|planning|planned\s+(?:to|for)|"
    # An agreement, a decision, a promise to do something: the deed is still to come.
    r"(?:agree(?:d|s|ment)?|decided|decision|intends?|hopes?|aims?|vow(?:ed|s)?|"
    r"pledged?|promised?|offered|proposed?)\s+to|upcoming|forthcoming|next(?!\s+to\b)|"
    r"coming|starting|effective|payable|of\s+record|record\s+date|expires?|takes\s+effect|"
    # A scheduled event in the present tense: "the trial begins in June".
    r"(?:begins?|starts|opens|reopens?|resumes?|convenes?|kicks\s+off|takes\s+place|"
    r"plays|hosts|meets|(?<!\bto\s)(?<!\bnot\s)meet|travels|arrives|departs|falls\s+on|"
    # A present progressive for an arrangement: "is calling for a redemption on Dec. 7".
    r"(?:is|are)\s+(?:calling|planning|preparing|holding|sending|going|launching)|"
    r"goes\s+into\s+effect|comes\s+into\s+force)|"
    r"extended\s+to|set\s+for|is\s+to|are\s+to|to\s+be\s+(?:held|completed|paid|heard)|"
    r"reconvenes?|as\s+(?:soon|early)\s+as|might)\b",
    re.IGNORECASE,
)
# Irregular past tenses (the regular ones end in "-ed").
_IRREGULAR_PAST = "|".join(IRREGULAR_PAST)
_PAST_CUE = re.compile(
    rf"\b(?:was|were|had|did|ago|last|earlier|since|ended|reported|announced|killed|died|"
    rf"occurred|happened|hit|{_IRREGULAR_PAST})\b",
    re.IGNORECASE,
)
_GOVERNING_VERB = re.compile(
    rf"\b(?P<verb>(?![a-z]*(?<![agr])eed\b)[a-z]{{2,}}ed|{_IRREGULAR_PAST}|hit|left|led|"
    r"announced|died|was|were)"
    r"(?:\s+(?:on|at|in|late|early|until|since|last))?\s+$",
    re.IGNORECASE,
)
# The finite verb right after the expression, in lower case (a capitalised "-ed" word there
# is a name: "in May United ..."): "the company on Thursday agreed to buy ...".
_FOLLOWING_VERB = re.compile(
    rf"\s+(?P<verb>(?![a-z]*(?<![agr])eed\b)[a-z]{{2,}}ed|(?i:{_IRREGULAR_PAST})|hit|left|led)\b"
)
_CLAUSE_BREAK = re.compile(
    r",|\b(?:that|saying|which|who|when|where|because|after|while|if|but|and)\b", re.I
)
# "-ed" words, but not present-tense verbs spelt "-eed" ("succeed", "proceed", "need";
# "agreed" and "freed" are past all the same).
# A present tense that names when something is or takes place.
_PRESENT_CUE = re.compile(
    r"\b(?:is|are|(?:opens|begins|starts|runs|ends|closes|falls|takes\s+place))\b", re.IGNORECASE
)
_PAST_ED = re.compile(r"\b(?![a-z]*(?<![agr])eed\b)[a-z]{3,}ed\b", re.IGNORECASE)
# "by mid-November", "until the end of March": an edge of the month may come in between.
_EDGE = r"(?:(?:early|mid|late|(?:the\s+)?(?:end|middle|beginning|start)\s+of)[\s-]*)?"
# "the year ending June 30" too: ended or still to end, the nearest one.
_DEADLINE_BEFORE = re.compile(
    rf"\b(?:by|until|till|through|before|ending|ends?\s+on)\s+(?:the\s+)?{_EDGE}$", re.I
)
# "the Nov. 1 deadline", "set Nov. 10 as the deadline", "a Jan. 14 return date".
_DEADLINE_AFTER = re.compile(
    r"\s+(?:as\s+(?:the|a)\s+)?(?:deadline|(?:return|due|expiration|target|closing)\s+date)\b",
    re.IGNORECASE,
)
# "had been due to expire": a plan seen from the past.
_PAST_PERFECT = re.compile(r"\bhad\s+(?:[a-z]+\s+){0,3}$", re.IGNORECASE)
# Past-participle words that nevertheless point forward ("scheduled for Tuesday").
_FORWARD_ED = FORWARD_PARTICIPLES
# "will be held", "is heard": a participle after "be" (or a present "is") has no tense of
# its own.
_PASSIVE_BE = re.compile(r"\b(?:be|being|is|are)\s+$", re.IGNORECASE)
# "starting Monday", "until Jan. 14": the preposition right before the date decides.
_FORWARD_PREPOSITION = re.compile(
    rf"\b(?:starting|until|from\s+now\s+(?:to|until|through))\s+(?:the\s+)?{_EDGE}$", re.I
)


# The past perfect of the clause right after "until <date>".
_HAD_UNTIL = re.compile(r",?\s+(?:[A-Za-z]+\s+){0,3}?had\b", re.IGNORECASE)


# (text, position) -> where the sentence holding the position starts, for the text being
# tagged. Every candidate's resolver runs twice, when candidates are selected (longest first)
# and then in text order, and several tense checks read the sentence: the first pass's order
# made a small LRU cache miss on the second, so the start is kept for every position asked
# about (an int per candidate; the key costs nothing: a string caches its hash) until the
# text is done (:func:`forget`). Keyed on positions, not on sentence text: a text that
# repeats itself is no faster for it.
_sentence_starts: dict[tuple[str, int], int] = {}


# The sentence ends of the text being tagged, found once for all its candidates (see
# SentenceStarts); dropped with the text.
_sentence_index: SentenceStarts | None = None


def _sentence_before(text: str, start: int) -> str:
    """The part of the sentence that precedes ``start`` (at most 200 characters)."""
    global _sentence_index
    key = (text, start)
    cut = _sentence_starts.get(key)
    if cut is None:
        # Read once into a local: another thread's forget() may reset the global meanwhile.
        index = _sentence_index
        if index is None or index.text is not text:
            index = _sentence_index = SentenceStarts(text, 200)
        cut = _sentence_starts[key] = index.start(start)
    return text[cut:start]


def forget() -> None:
    """Drop the cached sentence starts and tense cues (they hold the analysed text): call
    when a text is done."""
    global _sentence_index
    _sentence_starts.clear()
    _sentence_index = None
    _clause_tense.cache_clear()


def _sentence_after(text: str, end: int) -> str:
    """The rest of the sentence after ``end`` (at most 80 characters)."""
    piece = text[end : end + 80]
    stop = _SENTENCE_STOP.search(piece)  # precompiled: every tense check reads it
    return piece[: stop.start()] if stop else piece


_SENTENCE_STOP = re.compile(r"[.!?;\n]")


def _points_forward(ctx: Context, m: re.Match[str]) -> bool:
    """Whether the clause around the expression talks about the future."""
    return _tense(ctx, m) is True


def _tense(ctx: Context, m: re.Match[str]) -> bool | None:
    """True if the clause points forward, False if it is about the past, None for a deadline.

    The nearest modal or auxiliary cue decides ("said it will redeem the shares on Oct. 31":
    "will" is nearer than "said"). Past-tense "-ed" words count only when no such cue is
    found, since many are adjectives ("preferred shares"). Deadlines ("by Jan. 14", "the
    Nov. 1 deadline") may lie on either side of the document date: the nearest one is meant.
    """
    before = _sentence_before(ctx.text, m.start())
    after = _sentence_after(ctx.text, m.end())
    forward_preposition = _FORWARD_PREPOSITION.search(before[-40:])
    if forward_preposition:
        # "Until Thursday, they had not called him a suspect": a limit now past.
        until = forward_preposition.group().lower().startswith("until")
        return not (until and _HAD_UNTIL.match(after))
    if _DEADLINE_BEFORE.search(before[-30:]) or _DEADLINE_AFTER.match(after):
        # "will double its flights by August" is ahead; "had to leave by Jan. 14", or a
        # deadline without a tense cue, may lie on either side: the nearest one is meant.
        return True if _clause_tense(before, after) is True else None
    return _clause_tense(before, after)


@lru_cache(maxsize=4096)
def _clause_tense(before: str, after: str) -> bool | None:
    """The tense cues of :func:`_tense`, read in the sentence ``before`` and ``after`` it.
    Cached (a pure function of two short strings) until the text is done: each candidate
    is resolved twice, and a text repeats its phrasing around dates ("said on Monday")."""
    # The verb right before the expression governs it: "ruled Wednesday that he must go".
    governing = _GOVERNING_VERB.search(before)
    if governing:
        word = governing["verb"].lower()
        if word in _FORWARD_ED or _FORWARD_CUE.fullmatch(word):
            return True
        if not _PASSIVE_BE.search(before, 0, governing.start("verb")):
            return False
    # The finite verb right after it governs it just as well: "on Thursday agreed to sell"
    # dates the agreeing, done, not the selling (an infinitive's deed is still to come, and
    # its date unsaid).
    following = _FOLLOWING_VERB.match(after)
    if (
        following
        and following["verb"].lower() not in _FORWARD_ED  # "in June expected to ...": a plan
        and not re.search(r"\bto\s+$", before)
    ):
        return False
    # A reported clause after the expression has its own tense: "said Friday that it will".
    after = _CLAUSE_BREAK.split(after, maxsplit=1)[0]
    best: tuple[int, bool] | None = None
    for cue in _FORWARD_CUE.finditer(before):
        if _PAST_PERFECT.search(before, 0, cue.start()):
            # "had been due to expire Friday": a former plan, its date on either side of the
            # document date; like a deadline, the nearest one is meant.
            return None
        best = _closer(best, len(before) - cue.end(), True)
    for cue in _PAST_CUE.finditer(before):
        if not _PASSIVE_BE.search(before, 0, cue.start()):  # "will be paid Dec. 14"
            best = _closer(best, len(before) - cue.end(), False)
    for cue in _FORWARD_CUE.finditer(after):
        best = _closer(best, cue.start(), True)
    for cue in _PAST_CUE.finditer(after):
        best = _closer(best, cue.start(), False)
    if best is not None:
        return best[1]
    for text in (before, after):
        for cue in _PAST_ED.finditer(text):
            if (
                not _PASSIVE_BE.search(text, 0, cue.start())
                and cue.group().lower() not in _FORWARD_ED
            ):
                return False
    if _PRESENT_CUE.search(before) or _PRESENT_CUE.search(after):
        # "The festival is in October", "the market opens on March 3": a present tense points
        # to neither side, and the nearest such date is meant, not the one just past.
        return None
    return False


_SENTENCE_HEAD = re.compile(
    r"[\s\"'`]*(?:(?:on|in|and|but|also|then|late|early|by|since)\s+)*", re.IGNORECASE
)


def _past_tense_governs(ctx: Context, m: re.Match[str]) -> bool:
    """Whether a past-tense verb governs the expression: the verb right before it ("was told
    Tuesday", "sales fell in January") or the clause right after it ("the rally Tuesday drew
    300", "On Tuesday, police arrested...", "In January, prices fell")."""
    before = _sentence_before(ctx.text, m.start())
    governing = _GOVERNING_VERB.search(before)
    if governing and not _PASSIVE_BE.search(before, 0, governing.start("verb")):
        return True  # but "a rally is planned on Tuesday" is to come
    after = _sentence_after(ctx.text, m.end())
    if _SENTENCE_HEAD.fullmatch(before):
        after = after.lstrip(" ,")  # "On Tuesday, ...": the main clause after the comma
    clause = _CLAUSE_BREAK.split(after, maxsplit=1)[0]
    return bool(_PAST_CUE.search(clause) or _PAST_ED.search(clause))


_EVENT_NAME_BEFORE = re.compile(r"\b(?:the|its|their|his|her)\s+$", re.IGNORECASE)


def _month_tense(ctx: Context, m: re.Match[str], month: int, day: int | None) -> bool | None:
    """:func:`_tense` for a month (and day) written without a year.

    Next month's name is next month unless a past-tense verb governs it ("sales fell in
    January" in a December article): news about eleven months back says "last November" or
    gives the year, while our tense cues often miss a plan ("invited them to a ceremony on
    March 12"). TimeBank annotates it so throughout.
    """
    next_month = (month - ctx.dct.month) % 12 == 1
    if (
        day is not None
        and _EVENT_NAME_BEFORE.search(ctx.text, max(0, m.start() - 5), m.start())
        and re.match(r"\s+(?:[a-z]+\s+)?[a-z]{3,}", ctx.text[m.end() : m.end() + 30])
    ):
        # "the Aug. 7 blasts", "the Oct. 23 sniper shooting": a date naming an event that
        # has happened, whatever the tense of the sentence ("she would help the victims of
        # the Aug. 7 blasts"); "the Nov. 1 deadline", "the Sept. 2 meeting" in an August
        # article may lie on either side: the nearest.
        return None if next_month or _DEADLINE_AFTER.match(ctx.text, m.end()) else False
    forward = _tense(ctx, m)
    if forward is False and next_month and not _past_tense_governs(ctx, m):
        return True
    if forward is True and _PAST_AGREEMENT.search(_sentence_before(ctx.text, m.start())):
        # "agreed to sell the unit in October": the agreeing is past and the month may date it
        # or the sale; a month named without its year is within the news's reach either way,
        # so the nearest October is meant, not one up to a year ahead.
        before = _sentence_before(ctx.text, m.start())
        agreement = list(_PAST_AGREEMENT.finditer(before))[-1]
        if not _FORWARD_CUE.search(before, agreement.end()):
            return None
    return forward


# A past agreement or decision to do something, the deed to come but the date unsaid.
_PAST_AGREEMENT = re.compile(
    r"\b(?:agreed|decided|vowed|pledged|promised|offered|proposed)\s+to\b", re.IGNORECASE
)


def _closer(best: tuple[int, bool] | None, distance: int, forward: bool) -> tuple[int, bool]:
    """Keep the cue nearest to the expression (ties go to the forward cue)."""
    if best is None or distance < best[0] or (distance == best[0] and forward):
        return (distance, forward)
    return best


def _year_written_or_nearest(
    ctx: Context, m: re.Match[str], year: str | None, month: int, day: int | None
) -> int:
    """The year written, else the one that puts the month (and day) nearest the DCT, in the
    direction the clause's tense points."""
    if year:
        return int(year)
    return cal.nearest_year_for(month, day, ctx.dct, _month_tense(ctx, m, month, day))


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


# --------------------------------------------------------------------------------------------
# Calendar dates written with a month name
# --------------------------------------------------------------------------------------------


@_rule(
    rf"(?:(?P<wd>{WEEKDAY_RE}){COMMA_RE})?(?P<mon>{MONTH_RE})\s*(?P<d1>{DAY_RE})(?:{DASH_RE})"
    rf"(?P<d2>{DAY_RE})(?:{COMMA_RE}(?P<year>{YEAR_RE}))?"
)
def _month_day_range(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "August 28-29", "Aug. 28-29, 2025": a two-day (or longer) interval."""
    return _day_range(m, ctx, "month-day range")


@_rule(
    rf"(?P<d1>{DAY_RE})(?:{DASH_RE})(?P<d2>{DAY_RE})\s+(?:of\s+)?(?P<mon>{MONTH_RE})"
    rf"(?:{COMMA_RE}(?P<year>{YEAR_RE}))?"
)
def _day_month_range(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "28-29 August": the day-first spelling of a range."""
    return _day_range(m, ctx, "day-month range")


def _day_range(m: re.Match[str], ctx: Context, what: str) -> Resolved | None:
    month = _month(m["mon"])
    d1, d2 = _day(m["d1"]), _day(m["d2"])
    if d2 <= d1:
        return None
    if m["year"]:
        year = int(m["year"])
        resolution, how = Resolution.EXPLICIT, "year written"
    else:
        forward = _month_tense(ctx, m, month, d1)
        year = cal.nearest_year_for(month, d1, ctx.dct, forward)
        resolution = Resolution.RELATIVE
        how = "year nearest the document date" + (" (text points forward)" if forward else "")
    first, last = cal.clamp_day(year, month, d1), cal.clamp_day(year, month, d2)
    if first is None or last is None:
        return None
    return _date(cal.range_value(first, last), f"{what}: {how}", resolution)


@_rule(
    rf"(?:(?P<wd>{WEEKDAY_RE}){COMMA_RE})?(?:(?P<mon>{MONTH_RE})\s*(?P<day>{DAY_RE})"
    rf"|(?:the\s+)?(?P<day2>{DAY_RE})\s+(?:of\s+)?(?P<mon2>{MONTH_RE}))"
    rf"(?:{COMMA_RE}(?P<year>{YEAR_RE})|\s+(?P<yrel>this|last|next)\s+year)?"
)
def _month_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "August 29, 2025", "Aug. 29", "29 August 2025", "Friday, Aug. 29", "March 31 this
    year"."""
    month = _month(m["mon"] or m["mon2"])
    day = _day(m["day"] or m["day2"])
    if m["yrel"] and not (m["mon2"] and not m["day2"]):
        year = ctx.dct.year + DIRECTIONS[m["yrel"].lower()]
        d = cal.clamp_day(year, month, day)
        if d is None:
            return None
        return _date(cal.day_value(d), f"month and day of {m['yrel'].lower()} year")
    if m["year"]:
        d = cal.clamp_day(int(m["year"]), month, day)
        if d is None:
            return None
        return _date(cal.day_value(d), "full date written in the text", Resolution.EXPLICIT)
    if m["mon2"] and not m["day2"]:
        return None
    if m["wd"]:
        # "Monday, Oct. 26": the weekday tells the year (the nearest one it fits).
        wd = _weekday(m["wd"])
        fits = [
            d
            for y in (ctx.dct.year, ctx.dct.year - 1, ctx.dct.year + 1)
            if (d := cal.clamp_day(y, month, day)) is not None and d.weekday() == wd
        ]
        if fits:
            return _date(cal.day_value(fits[0]), "month and day without a year: the year in "
                         "which the weekday written fits")  # fmt: skip
    forward = _month_tense(ctx, m, month, day)
    year = cal.nearest_year_for(month, day, ctx.dct, forward)
    if forward and year > ctx.dct.year:
        last = cal.clamp_day(year - 1, month, day)
        if last is not None and timedelta(0) < ctx.dct - last <= timedelta(days=14):
            # "would look for ways to stop it by Jan. 14" on Jan. 15: the date just past, not
            # the one a year away.
            year -= 1
    d = cal.clamp_day(year, month, day)
    if d is None:
        return None
    how = {True: "the text points forward: the next such date on or after the document date",
           False: "the most recent such date on or before the document date",
           None: "a deadline: the such date nearest the document date"}[forward]  # fmt: skip
    return _date(cal.day_value(d), f"month and day without a year: {how}")


_MONTH_DAY_BEFORE = re.compile(rf"(?P<mon>{MONTH_RE})\s*(?P<day>{DAY_RE})\s+$")


@_rule(rf"(?:and|or)\s+(?P<day>{DAY_RE})(?:{COMMA_RE}(?P<year>{YEAR_RE}))?(?!\s*(?:%|[A-Za-z]))")
def _second_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "April 24 and 25": the second day is a TIMEX3 of its own, in the same month."""
    before = _MONTH_DAY_BEFORE.search(ctx.text, max(0, m.start() - 16), m.start())
    if before is None:
        return None
    month, first = _month(before["mon"]), _day(before["day"])
    if _day(m["day"]) <= first:
        return None
    if m["year"]:
        year = int(m["year"])
    else:  # the year the first day takes (see _month_day), which the second shares
        year = cal.nearest_year_for(month, first, ctx.dct, _month_tense(ctx, before, month, first))
    d = cal.clamp_day(year, month, _day(m["day"]))
    if d is None:
        return None
    resolution = Resolution.EXPLICIT if m["year"] else Resolution.RELATIVE
    out = _date(cal.day_value(d), "a second day after a month and day", resolution)
    out.span = (m.start("day"), m.end())
    return out


@_rule(rf"(?P<mon>{MONTH_RE}){COMMA_RE}(?:of\s+)?(?P<year>{YEAR_RE})")
def _month_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "August 2025", "Aug. of 2025"."""
    cv = cal.month_value(int(m["year"]), _month(m["mon"]))
    return _date(cv, "month and year written in the text", Resolution.EXPLICIT)


@_rule(
    rf"(?:(?P<rel>last|this|next|past|coming|(?:the\s+)?(?:previous|following))\s+)?"
    rf"(?P<mon>{MONTH_FULL_RE}|(?-i:Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.)"
    rf"(?:\s+(?P<yrel>last|this|next)\s+year)?"
    rf"(?!\s*\d)(?!\s+(?-i:[A-Z][a-z]))(?!-)"
)
def _month_alone(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "August", "last December": the whole month, in the year nearest the DCT."""
    month = _month(m["mon"])
    rel = (m["rel"] or "").lower().split()[-1] if m["rel"] else ""
    word = m["mon"]
    if (
        not rel
        and re.search(r"\b(?:the|annual|a)\s+$", ctx.text[max(0, m.start() - 8) : m.start()])
        and re.match(r"\s+(?:for|of|on|against)\s+(?-i:[A-Z])", ctx.text[m.end() : m.end() + 14])
    ):
        return None  # "the annual March for Life", "a March on Washington": an event's name
    if not rel and word.rstrip(".").lower() == "may":
        # "May" opens many sentences as a modal verb; only take it with a cue around it.
        before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
        if not re.search(
            r"\b(?:in|since|until|by|of|from|to|through|between|and|early|late|mid|last|next|"
            r"this)\s*-?$",
            before,
        ):
            return None
    if m["yrel"]:
        year = ctx.dct.year + DIRECTIONS[m["yrel"].lower()]
        how = f"that month of {m['yrel'].lower()} year"
    elif rel in ("last", "past", "previous"):
        year = ctx.dct.year if month < ctx.dct.month else ctx.dct.year - 1
        how = "the most recent such month before the document date"
    elif rel in ("next", "coming", "following"):
        year = ctx.dct.year if month > ctx.dct.month else ctx.dct.year + 1
        how = "the next such month after the document date"
    elif rel == "this":
        year = ctx.dct.year
        how = "that month of the document's year"
    else:
        forward = _month_tense(ctx, m, month, None)
        year = cal.nearest_year_for(month, None, ctx.dct, forward)
        how = {True: "the next such month (the text points forward)",
               False: "the most recent such month (on or before the document date)",
               None: "the such month nearest the document date (a deadline)"}[forward]  # fmt: skip
    return _date(cal.month_value(year, month), f"month without a year: {how}")


# --------------------------------------------------------------------------------------------
# Numeric dates
# --------------------------------------------------------------------------------------------


@_rule(r"(?P<y>1[5-9]\d\d|20\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?!\d)")
def _iso_date(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "2025-08-30" (ISO 8601)."""
    d = cal.clamp_day(int(m["y"]), int(m["m"]), int(m["d"]))
    if d is None:
        return None
    return _date(cal.day_value(d), "ISO date written in the text", Resolution.EXPLICIT)


@_rule(r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![/\d])")
def _slash_date(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "8/30/2025", "08/30/98": US month/day/year (day/month when the month cannot be)."""
    d = _parse_numeric_date(m.group(0), ctx.dct)
    if d is None:
        return None
    return _date(cal.day_value(d), "numeric date (month/day/year)", Resolution.EXPLICIT)


def _parse_numeric_date(text: str, dct: date) -> date | None:
    """Parse m/d/y by plain arithmetic: US field order, day first when the month cannot be."""
    a, b, y = (int(p) for p in text.split("/"))
    if y < 100:
        y += 1900 if y > (dct.year % 100) + 10 else 2000
    return cal.clamp_day(y, a, b) or cal.clamp_day(y, b, a)


@_rule(
    r"(?P<dmy>(?:[12]\d|3[01]|0?[1-9])\.(?:1[0-2]|0?[1-9])\.(?:1[5-9]|20)\d\d)(?![.\d])"
    r"|(?P<ymd>(?:1[5-9]|20)\d\d/(?:1[0-2]|0?[1-9])/(?:[12]\d|3[01]|0?[1-9]))(?![/\d])"
    rf"|(?P<hyphen>(?:[12]\d|3[01]|0?[1-9])-{MONTH_RE}-(?:1[5-9]|20)\d\d"
    rf"|{MONTH_RE}-(?:[12]\d|3[01]|0?[1-9])-(?:1[5-9]|20)\d\d)(?![-\d])"
)
def _compact_date(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "30.08.2025", "2025/08/30", "30-Aug-2025": compact forms, parsed by dateparser.

    These are rare in news, and their field order depends on the convention (a dotted date is
    day first), which dateparser knows; it runs only on the few candidates found here.
    """
    import dateparser  # imported lazily: it is slow to import and rarely needed

    text = m.group(0)
    order = "YMD" if m["ymd"] else ("MDY" if text[0].isalpha() else "DMY")
    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"DATE_ORDER": order, "STRICT_PARSING": True},
    )
    if parsed is None:
        return None
    d = parsed.date()
    return _date(cal.day_value(d), f"compact date ({order.lower()}) parsed by dateparser",
                 Resolution.EXPLICIT)  # fmt: skip


# --------------------------------------------------------------------------------------------
# Years, decades, centuries
# --------------------------------------------------------------------------------------------

_NOT_A_YEAR_AFTER = re.compile(
    r"\s*(?:%|percent|per\s*cent|people|persons|men|women|troops|soldiers|workers|jobs|"
    r"employees|shares|units|cars|homes|acres|miles|tons|barrels|feet|meters|votes|points|"
    r"dollars|pounds|euros|yen|cases|deaths|arrests|students|members|residents|of\s+(?:the|them|"
    r"these|those)|-(?:year|day|month|hour|mile|foot)|hours|"
    # "(1545 GMT)": a time of day on the 24-hour clock, as wire stories give it.
    r"(?-i:GMT|UTC|Z|[ECMP][SD]T))\b",
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
    year = int(m["year"])
    return _date(cal.year_value(year), "year written in the text", Resolution.EXPLICIT)


@_rule(rf"(?P<y1>{YEAR_RE})\s*(?:-|\u2013|\u2014)\s*(?P<y2>\d{{4}}|\d\d)(?!\d)(?![\w%])")
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
    """ "the 1990s", "the late '70s", "the sixties": ``199X``-style decade values."""
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


# --------------------------------------------------------------------------------------------
# Quarters, halves, seasons
# --------------------------------------------------------------------------------------------


_YEAR_SHIFT = r"year-earlier|year-ago|year\s+earlier|year\s+ago"


@_rule(
    r"(?:(?P<det>the|its|their|a|this|that)\s+)?"
    r"(?:(?P<shift>" + _YEAR_SHIFT + r"|comparable|same)\s+)?"
    r"(?:(?P<yrel>this|last|next)\s+year's\s+)?"
    r"(?:(?P<fis>fiscal|calendar)[-\s]+)?(?:(?P<yr>1[5-9]\d\d|20\d\d)\s+)?"
    r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)(?P<sep>[-\s]+)(?:fiscal[-\s]+)?"
    r"quarter(?P<plural>s)?(?:(?:\s+of)?(?:\s+(?:fiscal\s+)?(?P<year>1[5-9]\d\d|20\d\d)))?"
    r"|(?P<q>Q[1-4])(?:\s+(?P<qyear>1[5-9]\d\d|20\d\d))?"
)
def _quarter(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "the third quarter", "third-quarter", "Q3 2025": the most recent such quarter."""
    span = None
    det = (m["det"] or "").lower()
    if det and (det != "the" or ("-" in (m["sep"] or "") and not m["shift"])):
        # "a third-quarter loss", "its fourth quarter": the determiner is the noun phrase's.
        span = (m.end("det") + 1, m.end())
    if m["q"]:
        q = int(m["q"][1])
        year_text = m["qyear"]
    else:
        q = ORDINALS[m["ord"].lower()]
        year_text = m["year"] or m["yr"]
    if m["plural"]:
        return Resolved(TimexType.SET, f"XXXX-Q{q}", None, None, "every such quarter",
                         anchors=False, span=span)  # fmt: skip
    if year_text:
        cv = cal.quarter_value(int(year_text), q)
        ctx.name_quarter(cv, m.end())
        if cv.earliest <= ctx.dct:  # a quarter still to come is not the one being reported
            ctx.report_quarter(cv, m.start(), m.end(), _is_fiscal(m))
        out = _date(cv, "quarter and year written", Resolution.EXPLICIT)
        out.span = span
        return out
    current = cal.quarter_of(ctx.dct)
    ended = None if m["shift"] or m["yrel"] else _ENDED_ON.match(ctx.text, m.end())
    if m["yrel"]:
        year = ctx.dct.year + DIRECTIONS[m["yrel"].lower()]
    elif ended:
        year = _ended_quarter_year(ended, q, ctx.dct)
    else:
        year = ctx.dct.year if q <= current else ctx.dct.year - 1
        if _points_forward(ctx, m) and q > current:
            year = ctx.dct.year
    cv = cal.quarter_value(year, q)
    how = "quarter without a year: the most recent such quarter"
    if ended:
        how = "the quarter labelled by the year it ended in"
    if m["shift"] and "year" in m["shift"].lower():
        cv = _shift(cv, -1, "year")
        how = "the same quarter a year earlier"
    elif cv.latest < ctx.dct:
        # Only a finished quarter can be the one reported on: "a fourth-quarter charge" in an
        # October report is a forecast, and "the latest quarter" is still the third.
        ctx.report_quarter(cv, m.start(), m.end(), _is_fiscal(m))
    elif _results_reported(ctx, m):
        # "The company reported lower fourth-quarter earnings" in November, "its fourth
        # quarter ended Sept. 30": a quarter still running by the calendar whose results are
        # out is a fiscal one, and the report is about it. Being only inferred, it is not
        # marked fiscal: "the quarter ended Sept. 30" after it keeps its calendar reading.
        ctx.report_quarter(cv, m.start(), m.end(), _is_fiscal(m))
    # After "the year-earlier third quarter", "that quarter" is the year-earlier one.
    ctx.name_quarter(cv, m.end())
    out = _date(cv, how)
    out.span = span
    return out


@_rule(
    r"(?P<ord>first|second|third|fourth)(?=\s+(?:and|or)\s+(?:first|second|third|fourth)"
    r"[-\s]+quarters\b)"
)
def _shared_quarters(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "in the second and fourth quarters": the first ordinal shares the plural (a SET, as
    "fourth quarters" is)."""
    q = ORDINALS[m["ord"].lower()]
    return Resolved(TimexType.SET, f"XXXX-Q{q}", None, None, "every such quarter", anchors=False)


_ENDED_ON = re.compile(
    rf"\s+(?:that\s+|which\s+)?ended\s+(?P<mon>{MONTH_RE})\.?(?:\s+(?P<day>\d{{1,2}})\b)?"
)
_ENDED_AFTER = re.compile(r"\s+(?:that\s+|which\s+)?ended\b")


def _ended_quarter_year(ended: re.Match[str], q: int, dct: date) -> int:
    """The year of a (fiscal) quarter "ended" on a day: the last such day before the document
    date ends it, and it is labelled by the calendar year holding most of its three months,
    as "the quarter ended Sept. 30" is. "The second quarter ended Nov. 30" (September to
    November) is that year's; "the fourth quarter ended Jan. 31" (November to January, a
    retailer's year) is the year before's. A quarter that has ended cannot start after the
    document date: "the fourth quarter ended Feb. 28" read in March is last year's."""
    month = _month(ended["mon"])
    day = int(ended["day"]) if ended["day"] else None
    year = cal.nearest_year_for(month, day, dct, False)
    if month == 1:  # its middle month is the December before
        year -= 1
    if cal.quarter_value(year, q).earliest > dct:
        year -= 1
    return year


# "reported a fourth-quarter loss", "posted net income of $3 million in the fourth quarter".
_REPORTED = re.compile(r"\b(?:reported|posted|recorded)\b", re.IGNORECASE)
# A result still to come, by what precedes the verb: "a charge will be recorded", "expects
# to post", "could have reported". ("May" the month is no modal.)
_NOT_YET_BEFORE = re.compile(
    r"\b(?:will|would|(?-i:may)|might|could|should|must|shall|to)"
    r"\s+(?:have\s+)?(?:be\s+|been\s+)?$",
    re.IGNORECASE,
)
# ... or by what follows it: "reported that it expects a fourth-quarter charge".
_NOT_YET_AFTER = re.compile(
    r"\b(?:expect\w*|estimat\w*|forecast\w*|anticipat\w*|project(?:s|ed|ing)?|predict\w*|"
    r"will|would|(?-i:may)|might|could|should)\b",
    re.IGNORECASE,
)
# What a company reports for a quarter; "she posted 20 points in the fourth quarter" is
# about a game.
_RESULTS_WORDS = re.compile(
    r"\b(?:earnings|net|income|profits?|loss(?:es)?|sales|results|revenues?|deficit|"
    r"margins?|charges?|write-?(?:offs?|downs?)|per\s+share|a\s+share)\b",
    re.IGNORECASE,
)


def _results_reported(ctx: Context, m: re.Match[str]) -> bool:
    """Whether the text says a quarter is over: "its fourth quarter ended Sept. 30", or its
    results were reported ("posted a fourth-quarter loss"). A plan or forecast ("a charge will
    be recorded in the fourth quarter") says nothing of the kind, nor do points in a game."""
    before = _sentence_before(ctx.text, m.start())[-60:]
    near = before + " " + _sentence_after(ctx.text, m.end())
    if _ENDED_ON.match(ctx.text, m.end()):
        return True  # ended on a day of the calendar: a fiscal quarter
    if _ENDED_AFTER.match(ctx.text, m.end()):
        return bool(_RESULTS_WORDS.search(near))
    verbs = list(_REPORTED.finditer(before))
    if not verbs:
        return False
    verb = verbs[-1]  # the verb nearest the quarter governs it
    return not (
        _NOT_YET_BEFORE.search(before, 0, verb.start()) or _NOT_YET_AFTER.search(before, verb.end())
    ) and bool(_RESULTS_WORDS.search(near))


def _is_fiscal(m: re.Match[str]) -> bool:
    """Whether a quarter is named as a fiscal one ("fiscal second-quarter", "the first fiscal
    quarter")."""
    return "fiscal" in m.group(0).lower()


_QUARTER_ENDED = re.compile(rf"\s+(?:that\s+)?(?:ended|ending|ends|through)\s+(?P<mon>{MONTH_RE})")


def _reported_quarter(ctx: Context) -> CalendarValue:
    """The quarter earnings news is about: the one named last, else the last complete one."""
    if ctx.quarter is not None:
        return ctx.quarter
    current = cal.quarter_value(ctx.dct.year, cal.quarter_of(ctx.dct))
    return _shift(current, -1, "quarter")


@_rule(
    r"(?P<det>the|this|last|next|that|the\s+latest|the\s+current|the\s+previous|the\s+past|"
    r"the\s+latest\s+fiscal|the\s+fiscal|the\s+same|the\s+comparable|the\s+corresponding|"
    r"(?:the\s+)?(?:comparable\s+)?(?:" + _YEAR_SHIFT + r")|(?:this|last|next)\s+year's|"
    r"the\s+(?P<yr>1[5-9]\d\d|20\d\d))\s+(?P<noun>quarter|period)(?!s|-to-)"
    r"(?P<ago>\s+a\s+year\s+(?:ago|earlier))?"
)
def _quarter_reference(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "the quarter", "the latest period", "the year-ago quarter": the quarter reported on.
    A quarter it resolves to is the quarter named last ("...the quarter ended Sept. 30. In
    that quarter...")."""
    out = _refer_to_quarter(m, ctx)
    if out is not None and out.cal is not None and out.cal.precision == Precision.QUARTER:
        ctx.name_quarter(out.cal, m.end())
    return out


def _refer_to_quarter(m: re.Match[str], ctx: Context) -> Resolved | None:
    """The value of :func:`_quarter_reference`'s expression."""
    det = " ".join(m["det"].lower().split())
    noun = m["noun"].lower()
    current = cal.quarter_value(ctx.dct.year, cal.quarter_of(ctx.dct))
    if noun == "period" and not (
        m["yr"] or re.search(r"latest|year|comparable|corresponding|same", det)
    ):
        return None
    if det == "this" and noun == "quarter" and ctx.recent_quarter(m.start()) is not None:
        # "This quarter's loss includes..." in a report on a finished quarter: that quarter
        # ("the current quarter" stays the document date's).
        return _date(_reported_quarter(ctx), "this quarter: the quarter under discussion")
    if det in ("this", "the current"):
        return _date(current, "the document date's quarter")
    if det == "next":
        return _date(_shift(current, 1, "quarter"), "the quarter after the document date's")
    reported = _reported_quarter(ctx)
    if m["ago"]:
        if det != "the":
            return None
        # "for the quarter a year ago": one expression, the reported quarter a year back.
        return _date(_shift(reported, -1, "year"), "the quarter under discussion, a year ago")
    ended = _QUARTER_ENDED.match(ctx.text, m.end())
    fiscal = ctx.quarter_fiscal and ctx.recent_quarter(m.start()) is not None
    if ended and not m["yr"] and "year" not in det and fiscal:
        # "a loss in the fiscal first quarter ... for the quarter ended Sept. 30": the end
        # date tells when that fiscal quarter closed, not which calendar quarter is meant.
        ctx.quarter_end = m.end()
        return _date(reported, "the fiscal quarter under discussion, ending then")
    if ended and not m["yr"] and "year" not in det:
        # "the quarter ended Sept. 30": the calendar quarter holding most of the three months
        # that end then (its middle month), in the most recent such year.
        middle = (_month(ended["mon"]) - 2) % 12 + 1
        year = cal.nearest_year_for(middle, None, ctx.dct, False)
        cv = cal.quarter_value(year, (middle - 1) // 3 + 1)
        ctx.quarter, ctx.quarter_end, ctx.quarter_fiscal = cv, m.end(), False
        return _date(cv, "the quarter ending in the month named after it")
    if m["yr"]:
        year = int(m["yr"])
        if noun == "period":
            quarter = ctx.recent_quarter(m.start())
            if quarter is not None:
                # "net rose in the third quarter ... in the 1988 period": that quarter of 1988.
                cv = cal.quarter_value(year, int(quarter.value[-1]))
                return _date(cv, "the quarter under discussion, in the year written")
            return _date(cal.year_value(year), "the period of the year written")
        return _date(cal.quarter_value(year, int(reported.value[-1])), "that quarter of the year")
    if "year" in det:
        if det.startswith("last year"):
            return _date(_shift(reported, -1, "year"), "the same quarter last year")
        if det.startswith(("this year", "next year")):
            return _date(reported, "the quarter of this year")
        return _date(_shift(reported, -1, "year"), "the same quarter a year before")
    if det in ("the corresponding", "the comparable", "the same"):
        return None
    named = ctx.last_named_quarter(m.start())
    if det == "that" and noun == "quarter" and named is not None:
        # "After a loss in the second quarter, ... Results for that quarter included a
        # charge": the quarter just named, even when it is not the one reported on.
        return _date(named, "that quarter: the quarter named last")
    if ctx.quarter is not None and reported is ctx.quarter:
        ctx.quarter_end = m.end()  # "the latest quarter": still the quarter under discussion
    return _date(reported, "the quarter being reported (the last one named, else the last one)")


@_rule(r"(?P<adj>year-earlier|year-ago)")
def _year_earlier_adjective(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "year-earlier profit": the reported quarter (or year) a year before."""
    if (quarter := ctx.recent_quarter(m.start())) is not None:
        out = _date(_shift(quarter, -1, "year"), "the quarter under discussion, a year earlier")
    else:
        out = _date(cal.year_value(ctx.dct.year - 1), "a year before the document date's year")
    out.anchors = False  # a comparison: the next "a year earlier" compares with the same period
    return out


@_rule(r"(?:the\s+)?(?:full|whole|entire)\s+year|(?P<end>(?:the\s+)?year(?:-|\s+|'s\s+)end)")
def _full_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "the full year", "by year-end": the document date's year; "since year-end": the last
    day of the year before (a change measured from the last year-end)."""
    if m["end"] and re.search(r"\bsince\s+$", ctx.text[max(0, m.start() - 8) : m.start()], re.I):
        return _date(cal.day_value(date(ctx.dct.year - 1, 12, 31)), "the last year-end")
    return _date(cal.year_value(ctx.dct.year), "the document date's year")


@_rule(
    r"(?:the\s+)?(?:(?P<ord>first|second|1st|2nd|last|latter)[-\s]+half"
    r"|(?P<two>first|last)\s+two\s+quarters)"
    r"(?:(?:\s+of)?\s+(?P<year>1[5-9]\d\d|20\d\d)|\s+of\s+(?P<yrel>the|this|last|next)\s+year)?"
)
def _half(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "the first half (of 2025)", "the last half of 2025", "the first two quarters of 2026"."""
    word = (m["ord"] or m["two"]).lower()
    half = 1 if word in ("first", "1st") else 2
    if m["yrel"]:
        # "the second half of the year", "of next year": the year is the document's (or next)
        yrel = m["yrel"].lower()
        year = ctx.dct.year + (0 if yrel == "the" else DIRECTIONS[yrel])
        return _date(cal.half_value(year, half), f"half of {m['yrel'].lower()} year")
    if (m["two"] or word in ("last", "latter")) and not m["year"]:
        return None  # "the last half" alone: of what is not said
    if m["year"]:
        return _date(cal.half_value(int(m["year"]), half), "half-year written", Resolution.EXPLICIT)
    year = ctx.dct.year if half == 1 or ctx.dct.month > 6 else ctx.dct.year - 1
    return _date(cal.half_value(year, half), "half-year: the most recent such half")


_FALL_AS_NOUN = re.compile(r"-[a-z]|\s+(?:in|of)\s+(?:the\s+)?[a-z$0-9]")
_SEASON_CUE_BEFORE = re.compile(
    r"\b(?:in|during|by|until|since|through)\s+(?:the\s+)?$", re.IGNORECASE
)


@_rule(
    rf"(?:(?P<rel>last|this|next|past|coming|the|this\s+past|this\s+coming|"
    rf"(?:the\s+)?(?:early|late|mid))[-\s]+)?"
    rf"(?P<season>{SEASON_RE})"
    rf"(?:(?:\s+of)?\s+(?P<year>{YEAR_RE}|" + _SPELLED_YEAR + r"))?"
)
def _season(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "this summer", "last fall", "spring 2025": ``2025-SU``-style values."""
    season = SEASONS[m["season"].lower()]
    rel = (m["rel"] or "").lower().split()[-1] if m["rel"] else ""
    if m["year"]:
        year_text = m["year"]
        year = int(year_text) if year_text.isdigit() else _spelled_year(year_text)
        return _date(cal.season_value(year, season), "season and year written")
    if not m["year"] and re.match(
        r"\s+of\s+(?!(?:this|last|next|that)\b)[A-Za-z]", ctx.text[m.end() : m.end() + 12]
    ):
        return None  # "the fall of Rome", "the spring of discontent": not the season
    if (
        m["season"].lower() == "fall"
        and not m["year"]
        and rel in ("", "the")
        and _FALL_AS_NOUN.match(ctx.text, m.end())
        and not _SEASON_CUE_BEFORE.search(ctx.text, max(0, m.start() - 10), m.start())
    ):
        # "The fall in prices", "the fall-out": a drop, not the season, unless the season
        # is named with "in"/"this"/"last" ("in the fall in Washington", "last fall").
        return None
    if not rel:
        # A bare "fall" / "spring" is too often a verb or noun; take it only after "in".
        before = ctx.text[max(0, m.start() - 4) : m.start()].lower()
        if not re.search(r"\b(?:in|of)\s+$", before):
            return None
    start_month = cal.SEASON_START_MONTH[season]
    # The season (by the year it starts in) that is current or most recently begun.
    year = ctx.dct.year if start_month <= ctx.dct.month else ctx.dct.year - 1
    if season == "WI" and ctx.dct.month <= 2:
        year = ctx.dct.year - 1
    recent = cal.season_value(year, season)
    if rel in ("next", "coming"):
        cv = cal.season_value(year + 1, season)
    elif rel in ("last", "past"):
        cv = recent if recent.latest < ctx.dct else cal.season_value(year - 1, season)
    elif rel == "this":
        # "this summer" in March is the coming summer: the season of the document's year.
        cv = cal.season_value(ctx.dct.year if season != "WI" or ctx.dct.month > 2 else year, season)
    else:
        tense = _tense(ctx, m)
        coming = cal.season_value(year + 1, season)
        if tense is None and recent.latest < ctx.dct:
            # A deadline: the coming season when the clause looks ahead ("should close by the
            # fall"), else the nearer of the last and the next ("not before the summer").
            past_gap = (ctx.dct - recent.latest).days
            ahead = _FORWARD_CUE.search(_sentence_before(ctx.text, m.start())) or re.search(
                r"\bshould\b", _sentence_before(ctx.text, m.start()), re.IGNORECASE
            )
            cv = coming if ahead or (coming.earliest - ctx.dct).days < past_gap else recent
        else:
            cv = coming if tense and recent.latest < ctx.dct else recent
    return _date(cv, "season: resolved against the document date")


# --------------------------------------------------------------------------------------------
# Weekdays and days relative to the DCT
# --------------------------------------------------------------------------------------------


@_rule(
    rf"(?:(?P<edge>late|early)\s+)?"
    rf"(?:(?P<rel>last|this|next|this\s+past|this\s+coming|(?:the\s+)?following|"
    rf"(?:the\s+)?previous)\s+)?"
    rf"(?P<wd>{WEEKDAY_RE})(?:(?P<s>s)\b)?(?:[\s,]+(?P<pod>{PART_OF_DAY_RE}|overnight)(?P<ps>s)?)?"
    rf"(?!\s*,?\s*(?:{MONTH_RE})\s*\d)"
)
def _weekday_expr(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "Saturday", "last Friday", "Friday morning": days around the DCT."""
    wd = _weekday(m["wd"])
    name = m["wd"].rstrip(".").capitalize()
    if (
        m["wd"].endswith(".")
        and not (m["rel"] or m["pod"] or m["edge"])
        and not re.search(
            r"\b(?:on|by|until|since|from|through)\s+$",
            ctx.text[max(0, m.start() - 8) : m.start()],
            re.I,
        )
        and not re.match(r"\s*,?\s*\d", ctx.text[m.end() : m.end() + 4])
    ):
        return None  # "the Baltimore Sun.": a name; an abbreviated day comes with a cue
    if ctx.text.endswith("Good ", max(0, m.start() - 5), m.start()):
        return None  # "the Good Friday Agreement" (Good Friday itself is a holiday rule's)
    shared = _SHARED_PLURAL.match(ctx.text, m.end()) if not (m["s"] or m["pod"]) else None
    if shared:
        # "on Monday and Tuesday nights": the plural (and the part of the day) is shared.
        pod = PARTS_OF_DAY.get((shared["pod"] or "").lower(), "")
        return Resolved(TimexType.SET, f"XXXX-WXX-{wd + 1}{'T' + pod if pod else ''}", None, None,
                         f"every {name}", anchors=False)  # fmt: skip
    if m["s"] or m["ps"]:
        pod = PARTS_OF_DAY.get((m["pod"] or "").lower(), "")
        return Resolved(TimexType.SET, f"XXXX-WXX-{wd + 1}{'T' + pod if pod else ''}", None, None,
                         f"every {name}", anchors=False)  # fmt: skip
    rel = " ".join((m["rel"] or "").lower().split())
    dct = ctx.dct
    if rel in ("following", "the following"):
        d = cal.weekday_on_or_after(ctx.reference + timedelta(days=1), wd)
        how = f"following {name}: the first {name} after the previous date in the text"
    elif rel in ("previous", "the previous"):
        d = cal.weekday_on_or_before(ctx.reference - timedelta(days=1), wd)
        how = f"previous {name}: the last {name} before the previous date in the text"
    elif rel in ("last", "this past"):
        d = cal.weekday_on_or_before(dct - timedelta(days=1), wd)
        how = f"last {name}: the most recent {name} before the document date"
    elif rel in ("next", "this coming"):
        d = cal.weekday_on_or_after(dct + timedelta(days=1), wd)
        how = f"next {name}: the first {name} after the document date"
    elif rel == "this":
        d = cal.week_value(dct).earliest + timedelta(days=wd)
        how = f"this {name}: the {name} of the document date's week"
    elif (
        _points_forward(ctx, m)
        and wd != dct.weekday()
        # "Wednesday's ruling": news names an event by its weekday once it has happened,
        # unless it is awaited ("ahead of Tuesday's vote", "await Monday's report").
        and not ctx.text.startswith("'s", m.end())
    ) or (
        ctx.text.startswith("'s", m.end())
        and wd != dct.weekday()
        and _AWAITED.search(ctx.text, max(0, m.start() - 20), m.start())
    ):
        d = cal.weekday_on_or_after(dct, wd)
        how = f"bare weekday, future context: the next {name} after the document date"
    elif _means_tomorrow(ctx, m, wd):
        d = dct + timedelta(days=1)
        how = f"bare weekday: {name} is tomorrow, and no past tense governs it"
    else:
        d = cal.weekday_on_or_before(dct, wd)
        how = f"bare weekday: most recent {name} on or before the document date"
    if m["pod"]:
        pod = m["pod"].lower()
        if pod in ("evening", "afternoon"):
            # "Friday evening", "Friday afternoon": a TIME of that day, as the TimeML guidelines
            # write a part of a named day (and every TimeBank/AQUAINT annotation of "<weekday>
            # evening"), unlike "Friday night"/"Friday morning" (below)
            return Resolved(TimexType.TIME, f"{d.isoformat()}T{PARTS_OF_DAY[pod]}",
                            cal.day_value(d), Resolution.RELATIVE, f"{how}; {pod}")  # fmt: skip
        # "Friday night": TimeBank/AQUAINT annotators mostly tag the day (a DATE whose value is
        # the day) rather than a TIME with a part-of-day value; "this morning" stays a TIME.
        return _date(cal.day_value(d), f"{how}; {pod}")
    return _date(cal.day_value(d), how)


_SHARED_PLURAL = re.compile(
    rf"\s+(?:and|or)\s+(?:{WEEKDAY_RE})(?:s\b|\s+(?P<pod>{PART_OF_DAY_RE})s\b)"
)
_AWAITED = re.compile(r"\b(?:ahead\s+of|await(?:s|ing)?)\s+$", re.IGNORECASE)
_GENERIC_AGE = re.compile(
    r"(?:'s|\u2019s)\s+(?:world|youth|young|society|generation|children|kids|economy|"
    r"technology|standards|culture|market(?:place)?|politics|(?:\w+\s+)?computers)\b",
    re.IGNORECASE,
)


# "the people of tomorrow" (but "as of today" is the day itself).
_GENERIC_OF = re.compile(r"\bthe\s+[a-z]+\s+of\s+$")
# A capitalised "Today" right after a capitalised word, within a sentence: a title.
_NAME_BEFORE = re.compile(r"(?<![.!?:\"'`]\s)(?<!^)\b[A-Z][A-Za-z]*\s+$")


def _means_tomorrow(ctx: Context, m: re.Match[str], wd: int) -> bool:
    """Whether a bare weekday that is tomorrow's weekday means tomorrow, not six days ago.

    Past news names the day with a past-tense verb ("was told Tuesday", "On Tuesday, police
    arrested..."); without one, tomorrow is meant ("a demonstration on Saturday", "On
    Tuesday, the league plans to..."), as TimeBank annotates it.
    """
    if (wd - ctx.dct.weekday()) % 7 != 1 or ctx.text.startswith("'s", m.end()):
        return False
    return not _past_tense_governs(ctx, m)


@_rule(
    r"(?P<word>"
    + "|".join(word.replace(" ", r"\s+") for word in RELATIVE_DAYS)
    + r")(?:\s+(?P<pod>"
    + PART_OF_DAY_RE
    + r"))?"
    r"|(?:(?:earlier|later)\s+)?(?P<this>this|last|tomorrow|yesterday)\s+(?P<pod2>"
    + PART_OF_DAY_RE
    + r")"
    r"|(?P<early>early|late)\s+(?P<word2>today|yesterday|tomorrow)"
    # "mid-afternoon", "mid-morning yesterday": a part of the day named before the day.
    r"|mid[-\s]?(?P<pod3>morning|afternoon)(?:\s+(?P<word3>today|yesterday|tomorrow))?"
)
def _deictic_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "today", "yesterday", "tonight", "this morning", "last night"."""
    word = " ".join((m["word"] or m["word2"] or m["word3"] or "").lower().split())
    pod = (m["pod"] or m["pod2"] or m["pod3"] or "").lower()
    if m["pod3"] and not word:
        word = "today"  # "by mid-afternoon": of the document date
    if word:
        offset = RELATIVE_DAYS[word]
        if word == "today" and _GENERIC_AGE.match(ctx.text, m.end()):
            # "today's youth", "in today's world": an age, not a day (TimeBank leaves these
            # untagged, and nothing happens on the document date because of them).
            return None
        if (
            word == "tomorrow"
            and not pod
            and _GENERIC_OF.search(ctx.text, max(0, m.start() - 30), m.start())
        ):
            return None  # "the people of tomorrow", "the cars of tomorrow": an age again
        if (
            word == "today"
            and m["word"] == "Today"
            and _NAME_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start())
        ):
            return None  # "USA Today", "This is VOA Today": a title, not the day
    else:
        this = m["this"].lower()
        offset = RELATIVE_DAYS[this] if this in RELATIVE_DAYS else DIRECTIONS[this]
        if this == "last" and pod != "night":
            return None
    d = ctx.dct + timedelta(days=offset)
    cv = cal.day_value(d)
    if word == "tonight":
        pod = "night"
    if pod:
        value = f"{d.isoformat()}T{PARTS_OF_DAY[pod]}"
        day_word = word or m["this"].lower()
        part = f"mid-{pod} {day_word}" if m["pod3"] else f"{day_word} {pod}"
        how = f"{part}: part of a day relative to the document date"
        return Resolved(TimexType.TIME, value, cv, Resolution.RELATIVE, how)
    return _date(cv, f"{word}: relative to the document date")


@_rule(r"overnight")
def _overnight(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "overnight": the night before the day in focus (the previous date in the text, as
    for a time of day, else the DCT): "stocks fell Friday after overnight losses in New York"
    is the night before that Friday. A day further back than a week is background, not the
    day in focus; with yesterday or today in focus it is last night."""
    if (
        ctx.anchor is not None
        and ctx.anchor.precision == Precision.DAY
        # Yesterday or today in focus: "overnight" is still last night, as in most wire copy.
        and timedelta(days=2) <= ctx.dct - ctx.anchor.earliest <= timedelta(days=7)
    ):
        d = ctx.anchor.earliest - timedelta(days=1)
        how = "overnight: the night before the previous date in the text"
    else:
        d = ctx.dct - timedelta(days=1)
        how = "overnight: the night before the document date"
    return Resolved(TimexType.TIME, f"{d.isoformat()}TNI", cal.day_value(d), Resolution.RELATIVE,
                     how)  # fmt: skip


# --------------------------------------------------------------------------------------------
# Weeks, months, years relative to the DCT
# --------------------------------------------------------------------------------------------


# A comparison with an earlier figure: "compared with $3 million last year", "from ...".
_COMPARISON_BEFORE = re.compile(
    r"\b(?:compared\s+with|from|than|versus|vs\.|against|corresponding\s+period|"
    r"same\s+period)\s+(?:[^\s,.;]+\s+){0,6}$",
    re.IGNORECASE,
)
# How far back _COMPARISON_BEFORE is searched: its cue and up to six words ("compared with
# net of $3.5 million, or 12 cents a share, last year" stays well inside). Searching from
# the start of the text instead costs a scan of the whole prefix for every "last year".
_COMPARISON_REACH = 300


# "last year's results", "last year's net": the figures being compared.
# Not "last year's annual sales", "last year's total revenue": the whole year's figures.
_RESULTS_AFTER = re.compile(
    r"'s\s+(?!(?:annual|total|full|yearly|fiscal|calendar|twelve|12)\b)(?:\w+\s+)?"
    r"(?:results|earnings|net|profits?|loss(?:es)?|sales|revenues?|figures)\b",
    re.IGNORECASE,
)


@_rule(
    r"(?:(?P<pre>earlier|later|early|late|(?:the\s+)?(?:end|beginning|start|middle)\s+of)\s+)?"
    r"(?P<rel>last|this|next|past|coming|previous|current|(?:the\s+)?(?:past|last|previous|"
    r"coming|next|current|following|preceding))\s+(?:fiscal\s+)?"
    r"(?P<unit>week|weekend|month|year|decade)(?:\s+or\s+so)?"
    r"(?!\s*-)(?!'s\s+(?:\w+\s+)?(?:average|level|total)s?\b)"
)
def _relative_unit(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "last week", "this month", "next year", "earlier this month", "the following week"."""
    rel = m["rel"].lower().split()[-1]
    unit = m["unit"].lower()
    has_the = m["rel"].lower().startswith("the")
    if rel in ("following", "preceding") or (
        has_the and rel in ("next", "previous") and ctx.anchor is not None
    ):
        # Anchored on the previous date in the text ("the following week").
        base = ctx.anchor if ctx.anchor is not None else cal.day_value(ctx.dct)
        step = 1 if rel in ("following", "next") else -1
        if unit == "weekend":
            return _date(cal.weekend_value(base.earliest + timedelta(days=7 * step)),
                         f"the {rel} weekend after the previous date in the text")  # fmt: skip
        cv = _relative_to_dct(base.earliest, step, unit)
        return _date(cv, f"the {rel} {unit}: relative to the previous date in the text")
    if has_the and unit == "decade" and rel in ("past", "last", "next", "coming"):
        # "over the next decade", "the past decade": ten years from or up to now, a DURATION
        # like "the next two years" (TimeBank writes "past decade" P10Y).
        return Resolved(TimexType.DURATION, "P10Y", None, None, f"the {rel} decade: ten years",
                         anchors=False)  # fmt: skip
    # "the past year" is valued as the preceding calendar unit (a DATE), like "last year", as
    # the TimeML guidelines value it: no case of its own.
    step = DIRECTIONS[rel]
    if unit == "year" and m["rel"].lower() == "last" and not m["pre"]:
        quarter = ctx.recent_quarter(m.start())
        if quarter is not None and (
            _COMPARISON_BEFORE.search(ctx.text, max(0, m.start() - _COMPARISON_REACH), m.start())
            or _RESULTS_AFTER.match(ctx.text, m.end())
        ):
            # "compared with $3 million last year", "last year's results were hurt by..." in
            # a quarterly report: the same quarter.
            out = _date(_shift(quarter, -1, "year"), "last year: the quarter under discussion")
            out.anchors = False
            return out
    if unit == "weekend":
        day = ctx.dct + timedelta(days=7 * step)
        return _date(cal.weekend_value(day), f"{rel} weekend relative to the document date")
    cv = _relative_to_dct(ctx.dct, step, unit)
    return _date(cv, f"{rel} {unit}: relative to the document date")


# "two years earlier than planned", "a week later that day": a comparison, not a date.
_NOT_A_STEP_AFTER = re.compile(r"\s+(?:than|that|this|in)\b")


@_rule(
    r"(?:(?P<approx>about|around|nearly|almost|roughly|approximately|some|more\s+than|"
    r"less\s+than|over|at\s+least)\s+)?"
    rf"(?P<n>{QUANTITY_RE})[-\s]+(?:{_KIND_OF_DAY}\s+)?(?P<unit>{UNIT_RE})(?:\s+or\s+so)?\s+"
    r"(?P<dir>ago|earlier|later|before|after|"
    r"hence|from\s+now|since)"
)
def _units_ago(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "two days ago", "a year earlier", "two weeks later" (anchored to the previous date)."""
    amount = parse_quantity(m["n"])
    unit = unit_key(m["unit"])
    direction = m["dir"].lower()
    if direction == "since":
        return None
    if direction in ("later", "earlier") and _NOT_A_STEP_AFTER.match(ctx.text, m.end()):
        return None
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    if amount is None and direction in ("ago", "hence", "from now"):
        return _ref("PAST_REF" if sign < 0 else "FUTURE_REF", "vague distance from now")
    if direction in ("before", "after") or amount is None:
        # "A few days later" cannot be dated either: like "13 days after the bombings", a
        # DURATION, "later" being a SIGNAL (TimeBank).
        # "13 days after the bombings": in TimeML a DURATION, the preposition being a SIGNAL.
        span = (m.start("approx") if m["approx"] else m.start("n"), m.end("unit"))
        return Resolved(TimexType.DURATION, _duration_value(amount, unit), None, None,
                         f"duration of {m['n']} {unit}(s)", anchors=False, span=span)  # fmt: skip
    if unit in ("second", "minute", "hour") or amount is None or amount != int(amount):
        return None
    n = int(amount)
    if direction in ("ago", "hence", "from now"):
        if unit == "year" and (quarter := ctx.recent_quarter(m.start())) is not None:
            cv = _shift(quarter, sign * n, unit)
            how = f"{m['n']} {unit}(s) before the quarter under discussion"
        else:
            cv = _relative_to_dct(ctx.dct, sign * n, unit)
            how = f"{n} {unit}(s) {'before' if sign < 0 else 'after'} the document date"
        out = _date(cv, how)
        out.anchors = unit != "year"  # "from $5 million a year ago": a comparison (see below)
        return out
    base = ctx.anchor or cal.day_value(ctx.dct)
    if unit == "year" and (quarter := ctx.recent_quarter(m.start())) is not None:
        base = quarter  # earnings news compares with the same quarter a year earlier
    cv = _shift(base, sign * n, unit)
    if unit == "year" and base.precision in (Precision.DAY, Precision.WEEK, Precision.MONTH):
        # TimeBank: "a year earlier" after a day is that year, not the same day a year back;
        # so after a month ("wages rose in January, 3% more than a year earlier").
        cv = cal.year_value(cv.earliest.year)
    out = _date(cv, f"{n} {unit}(s) {direction} the previous date in the text ({base.value})")
    # "up from $5 million a year earlier" is a comparison, not a step in a narrative: a
    # second "a year earlier" compares with the same period, not with the first one.
    out.anchors = unit != "year"
    return out


@_rule(
    r"the\s+(?P<dir>next|following|previous|preceding)\s+(?P<unit>day|morning|night|evening|"
    r"afternoon)|(?P<dir2>a|one|the)\s+day\s+"
    r"(?:(?P<when>later|earlier)|(?P<when2>before|after)(?=\s*[,.;:)]))"
)
def _next_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "the next day", "the previous night": anchored to the previous date in the text."""
    word = (m["dir"] or m["when"] or m["when2"]).lower()
    step = 1 if word in ("next", "following", "later", "after") else -1
    d = ctx.reference + timedelta(days=step)
    unit = (m["unit"] or "day").lower()
    how = f"the day {'after' if step > 0 else 'before'} the previous date in the text"
    if unit != "day":
        # "the next morning": like "Friday night", a part of a named day is a DATE whose
        # value is the day (as TimeBank/AQUAINT mostly annotate it).
        how += f" ({unit})"
    return _date(cal.day_value(d), how)


@_rule(
    r"the\s+(?:(?P<fiscal>fiscal)\s+)?(?P<unit>year|month|week)(?!\s*-)"
    r"(?!\s+(?:before|after|earlier|later|ago|of|in)\b)"
)
def _the_unit(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "the year" in news = the document's year (TimeBank annotates it as a DATE)."""
    unit = m["unit"].lower()
    if m["fiscal"] and unit != "year":
        return None
    if unit != "year":
        # "the end of the month": only with such an edge is "the month" the DCT's month.
        before = ctx.text[max(0, m.start() - 24) : m.start()]
        if not re.search(r"\b(?:end|beginning|start|middle|rest)\s+of\s+$", before, re.I):
            return None
        cv = _current(ctx.dct, unit)
        return _date(cv, f"the {unit} of the document date (with its edge)")
    if re.match(r"\s+(?:ended|ending|to|through)\b", ctx.text[m.end() : m.end() + 12]):
        # "the year ended March 31": a twelve-month period (a DURATION in TimeBank).
        return Resolved(TimexType.DURATION, "P1Y", None, None, "a year-long period",
                         anchors=False)  # fmt: skip
    return _date(_current(ctx.dct, "year"), "the year: the document date's year")


@_rule(
    r"(?:(?P<edge>earlier|later|early|late)\s+(?:in\s+)?)?(?:that\s+same|that|the\s+same)\s+"
    r"(?P<unit>day|week|month|year|morning|afternoon|evening|night)(?!\s*-)"
)
def _that_unit(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "that year", "later that day", "the same month": the unit of the previous date."""
    anchor = ctx.anchor
    if anchor is None:
        return None
    unit = m["unit"].lower()
    if unit in PARTS_OF_DAY:
        # "later that night": a part of the day in focus, a DATE with the day's value like
        # "Friday night" and "the next morning".
        if anchor.precision != Precision.DAY:
            return None
        return _date(cal.day_value(anchor.earliest), f"that {unit}: of the previous date")
    order = [Precision.DAY, Precision.WEEK, Precision.MONTH, Precision.QUARTER,
             Precision.SEASON, Precision.YEAR]  # fmt: skip
    wanted = {"day": Precision.DAY, "week": Precision.WEEK, "month": Precision.MONTH,
              "year": Precision.YEAR}[unit]  # fmt: skip
    if (
        unit == "day"
        and anchor.precision == Precision.MONTH
        and m["unit"].lower() == "day"
        and re.match(r"that\s+same|the\s+same", m.group(0)[len(m["edge"] or "") :].strip(), re.I)
    ):
        # "crossed out that same day" after "last October": a day of that month, unknown
        # (TimeML writes the unknown part as X: 1998-10-XX).
        cv = CalendarValue(anchor.value + "-XX", anchor.earliest, anchor.latest, anchor.precision)
        return _date(cv, f"that day: an unknown day of the previous date ({anchor.value})")
    if anchor.precision not in order or order.index(anchor.precision) > order.index(wanted):
        return None  # "that week" after "in 1998": too vague to say which week
    d = anchor.earliest
    cv = {
        "day": lambda: cal.day_value(d),
        "week": lambda: cal.week_value(d),
        "month": lambda: cal.month_value(d.year, d.month),
        "year": lambda: cal.year_value(d.year),
    }[unit]()
    return _date(cv, f"that {unit}: the {unit} of the previous date in the text ({anchor.value})")


@_rule(
    rf"the\s+week\s+of\s+(?P<mon>{MONTH_RE})\s*(?P<day>{DAY_RE})(?:{COMMA_RE}(?P<year>{YEAR_RE}))?"
)
def _week_of(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "the week of March 6": the ISO week holding that day."""
    month, day = _month(m["mon"]), _day(m["day"])
    d = cal.clamp_day(_year_written_or_nearest(ctx, m, m["year"], month, day), month, day)
    if d is None:
        return None
    return _date(cal.week_value(d), "the week holding the day written")


@_rule(
    rf"the\s+(?P<ord>first|last|final)\s+week\s+of\s+(?:(?P<mon>{MONTH_FULL_RE})"
    rf"(?:{COMMA_RE}(?P<myear>{YEAR_RE}))?|(?P<year>{YEAR_RE}))"
)
def _nth_week_of(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "the first week of March", "the last week of 2012": the ISO week that has most of its
    days in the month or year (as ISO 8601 picks a year's first week: the one with the 4th)."""
    last = m["ord"].lower() != "first"
    if m["year"]:
        year = int(m["year"])
        d = date(year, 12, 28) if last else date(year, 1, 4)
    else:
        month = _month(m["mon"])
        first = date(_year_written_or_nearest(ctx, m, m["myear"], month, None), month, 1)
        d = cal.add_months(first, 1) - timedelta(days=4) if last else first + timedelta(days=3)
    return _date(cal.week_value(d), f"the {m['ord'].lower()} week of the month or year written")


@_rule(r"(?:the\s+)?weekend")
def _the_weekend(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "the weekend": the most recent weekend (the current one on a weekend DCT)."""
    base = ctx.dct if ctx.dct.weekday() >= 5 else ctx.dct - timedelta(days=7)
    if _points_forward(ctx, m) or _AWAITED.search(ctx.text, max(0, m.start() - 20), m.start()):
        base = ctx.dct  # "positions squared ahead of the weekend": the coming one
    return _date(cal.weekend_value(base), "the weekend nearest the document date")


# --------------------------------------------------------------------------------------------
# Durations
# --------------------------------------------------------------------------------------------

# Quantifiers kept in a duration's span ("nearly five months", "more than two years"), as
# TimeBank/AQUAINT annotate them; "about" and "over" are left out there more often than not
# ("spent about [five hours]", "evolved over [several years]").
_DURATION_APPROX = (
    r"(?:(?:around|nearly|almost|roughly|approximately|some|more\s+than|less\s+than|"
    r"fewer\s+than|under|at\s+least|at\s+most|up\s+to|no\s+more\s+than|another|"
    r"an\s+additional)\s+)?"
)


@_rule(
    r"(?:(?P<the>the|a|its|their|his|her)\s+)?(?:(?P<span>past|last|next|first|coming|final|"
    r"previous|following|initial|latest|remaining|prior|year-earlier|year-ago)\s+)?"
    + _DURATION_APPROX
    # "two to three weeks", "12 to 18 months": one expression.
    + rf"(?:(?P<low>\d+|{NUMBER_WORD_RE})\s+(?:to|or)\s+)?"
    + rf"(?P<n>{QUANTITY_RE})(?:\s+(?:more|additional|full|straight|consecutive))?"
    rf"(?P<sep>[-\s]+)(?:{_KIND_OF_DAY}\s+)?(?P<unit>{UNIT_RE})(?P<long>-long|-old)?"
    r"(?P<half>\s+and\s+a\s+half)?"  # "a year and a half"
    r"(?:\s+or\s+so)?"  # "the next two years or so": the approximation is the expression's
)  # fmt: skip
def _duration(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "three days", "the past three years", "five-year", "several decades"."""
    unit = unit_key(m["unit"])
    quantity = m["n"].lower()
    if m["long"] and m["long"].lower() == "-old":
        return None
    if (
        m["the"]
        and (m["span"] or "").lower() in ("past", "last")
        and quantity in ("few", "several")
        and not re.search(r"\bfor\s+$", ctx.text[max(0, m.start() - 5) : m.start()], re.I)
    ):
        # "in the last few months", "over the past several quarters": a vague stretch up to
        # now, PAST_REF like "recent months" (left to the rule below); after "for" ("for the
        # past few weeks") the length of time is the point, a DURATION (PXW).
        return None
    after = ctx.text[m.end() : m.end() + 12]
    if re.match(r"\s+old\b|\s+of\s+age\b", after, re.IGNORECASE):
        return None  # an age ("52 years old")
    if re.match(r"-(?:on|over|to)-", after):
        return None  # "year-on-year", "week-over-week": a comparison, not a duration
    if unit == "quarter" and (
        # "several quarters of losses" is time; "three quarters of the votes" a fraction.
        (re.match(r"\s+of\b", after) and parse_quantity(quantity) is not None)
        or ("-" in m["sep"] and m["unit"].lower().endswith("s"))
    ):
        return None  # a fraction ("three-quarters", "a quarter of the market")
    if quantity in ("a", "an") and m["sep"].strip() == "":
        # "a year" alone: a duration, but a SET after an amount ("$5 a year", "twice a day").
        before = ctx.text[max(0, m.start() - 25) : m.start()]
        if re.search(r"\b(?:twice|once|times)\s+$", before, re.IGNORECASE):
            return Resolved(TimexType.SET, _duration_value(1, unit), None, None,
                             f"once a {unit}", anchors=False)  # fmt: skip
        if _RATE_BEFORE.search(before):
            # A rate ("$2 million a year", "four flights a week"): TimeBank leaves it out.
            return None
    if (
        quantity == "one"
        and unit == "day"
        and not m["the"]
        and not m["span"]
        and _MODAL_BEFORE.search(ctx.text, max(0, m.start() - 16), m.start())
    ):
        # "Islam will one day be...": some day in the future, not a day-long duration.
        return _ref("FUTURE_REF", "one day after a modal verb: TimeML FUTURE_REF")
    # A range ("two to three weeks") has no single length; TimeBank values its lower bound.
    amount = parse_quantity(m["low"] or m["n"])
    if m["half"] and amount is not None:
        if "and a half" in quantity or "1/2" in quantity:
            return None  # "two and a half years and a half" is no English
        amount += 0.5
    if m["unit"].lower() == "second" or (
        quantity in ("some",) and not m["unit"].lower().endswith("s")
    ):
        return None
    if amount is not None and amount > 10000:
        return None
    if unit == "month" and amount in (6, 9) and ctx.recent_quarter(m.start()) is not None:
        # "For the nine months, net rose 5% from a year earlier": the report has moved from
        # the quarter to the year to date, so comparisons are now with the previous year.
        ctx.anchor = cal.year_value(ctx.quarter.earliest.year)  # type: ignore[union-attr]
        ctx.quarter_end = -(10**9)
    if (
        amount is not None
        and amount == int(amount)
        and unit in ("day", "week", "month", "year")
        and not (m["span"] or m["low"] or m["half"] or "-" in m["sep"])
        and (not m["the"] or quantity in ("a", "an"))
        and re.search(r"\bin\s+$", ctx.text[max(0, m.start() - 4) : m.start()], re.I)
        # "the first time in five years", "the highest level in two years": looking back.
        and not re.search(
            r"\b(?:time|times|level|\w+est|most|least|first|high|low)\s+in\s+$",
            ctx.text[max(0, m.start() - 20) : m.start()],
            re.I,
        )
        and _MODAL_FORWARD.search(_sentence_before(ctx.text, m.start()))
    ):
        # "the stock would be redeemed in five years": a point that far from now (TimeBank
        # annotates it as a DATE), where a plan or forecast speaks.
        return _date(
            _relative_to_dct(ctx.dct, int(amount), unit), f"in {m['n']} {unit}(s) from now"
        )
    span = None
    a_few = m["the"] and m["the"].lower() == "a" and re.match(r"few|couple", quantity)
    if (
        m["the"]
        and (m["the"].lower() != "the" or "-" in m["sep"])
        and quantity not in ("a", "an")
        and not a_few  # "a few days", "a couple of years": the article is the quantity's
    ):
        # "a 16-hour flight", "its two-year plan": the determiner belongs to the noun phrase.
        span = (m.start("span") if m["span"] else _approx_start(m), m.end())
    return Resolved(TimexType.DURATION, _duration_value(amount, unit), None, None,
                     f"duration of {m['n']} {unit}(s)", anchors=False, span=span)  # fmt: skip


@_rule(rf"the\s+(?P<ord>{ORDINAL_RE})\s+(?:straight\s+|consecutive\s+)?day(?=\s+(?:of|in)\b)")
def _nth_day_of(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "Today is the eighth day of the operation", "it's the second day of the offensive": the
    document date (the present tense says so); in other tenses the day is unknown."""
    if not re.search(r"\b(?:is|'s)\s+$", ctx.text[max(0, m.start() - 6) : m.start()], re.I):
        return None
    return _date(cal.day_value(ctx.dct), "the n-th day of something, said in the present tense")


@_rule(r"the\s+(?P<unit>week|month|year)\s+before\s+last")
def _before_last(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "the week before last", "the year before last": two units before the document's."""
    unit = m["unit"].lower()
    return _date(_relative_to_dct(ctx.dct, -2, unit), f"the {unit} before last")


@_rule(r"(?P<unit>hour|day|week|month|year|decade|century)-long")
def _unit_long(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "a day-long meeting": one unit (like "a year-long probe", "decades-long")."""
    return Resolved(TimexType.DURATION, _duration_value(1, unit_key(m["unit"])), None, None,
                     f"{m['unit'].lower()}-long", anchors=False)  # fmt: skip


@_rule(r"(?:half\s+an?\s+|an?\s+half[-\s]?)(?P<unit>" + "|".join(HALF_UNITS) + ")")
def _half_a_unit(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "half an hour", "a half-hour" (PT30M), "half a century" (P50Y): half the unit."""
    return Resolved(TimexType.DURATION, HALF_UNITS[m["unit"].lower()], None, None,
                     f"half a {m['unit'].lower()}", anchors=False)  # fmt: skip


# A modal or plan that puts "in five years" ahead of the document date.
_MODAL_FORWARD = re.compile(
    r"\b(?:will|would|shall|'ll|expects?\s+to|expected\s+to|plans?\s+to|is\s+to|are\s+to)\b",
    re.IGNORECASE,
)
_MODAL_BEFORE = re.compile(
    r"\b(?:will|would|could|may|might|can|shall|should|must)(?:\s+not)?\s+$", re.IGNORECASE
)
_RATE_BEFORE = re.compile(
    r"(?:\d|percent|%|million|billion|dollars?|cents?|\b(?:"
    + "|".join(word for word, number in SPELLED_NUMBERS.items() if 2 <= number <= 10)
    # ... within the sentence: "three thousand.\n\nBut a minute later" is no rate.
    + r"|dozen|hundred|thousand|several|many|few))\b(?:[\w ,]|\.(?!\s)){0,14}$",
    re.IGNORECASE,
)


def _approx_start(m: re.Match[str]) -> int:
    """Where a duration starts once a leading determiner is dropped."""
    after_the = m.end("the")
    text = m.string
    while after_the < len(text) and text[after_the].isspace():
        after_the += 1
    return after_the


@_rule(r"(?:a|an|one)\s+(?P<unit>day|week|month|year|decade)\s+or\s+two")
def _unit_or_two(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "a year or two": one vague stretch. "in a year or two" where the clause speaks of
    what may come is some time ahead (FUTURE_REF); otherwise a DURATION valued by its lower
    bound, like "two to three weeks"."""
    unit = unit_key(m["unit"])
    if re.search(r"\bin\s+$", ctx.text[max(0, m.start() - 4) : m.start()], re.I) and (
        _MODAL_FORWARD.search(_sentence_before(ctx.text, m.start()))
        or re.search(r"\b(?:may|might|could|should|can)\b", _sentence_before(ctx.text, m.start()),
                     re.I)
    ):  # fmt: skip
        return _ref("FUTURE_REF", f"in a {unit} or two, looking ahead: TimeML FUTURE_REF")
    return Resolved(TimexType.DURATION, _duration_value(1, unit), None, None,
                     f"a {unit} or two: valued by its lower bound", anchors=False)  # fmt: skip


@_rule(
    r"(?:(?P<the>the)\s+)?(?P<unit>years|decades|centuries|months|weeks|days|hours|minutes)"
    # "within weeks or months": one vague stretch, valued by its first unit.
    r"(?:\s+or\s+(?:years|decades|months|weeks|days|hours))?"
    r"(?P<long>-long)?(?!\s+(?:ago|old|of\s+age)\b)"
)
def _vague_duration(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "decades", "for years": an unspecified number of units (``PXDE``, ``PXY``)."""
    if m["the"]:
        return None
    unit = unit_key(m["unit"])
    before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
    # Only where the plural is used as an amount of time, not as "the days of", "days when".
    if not (m["long"] or re.search(r"\b(?:for|in|over|within|after|takes?|took|last(?:ed)?|"
                                   r"spent|spend|recent|coming|past)\s+$", before)):  # fmt: skip
        return None
    if re.search(r"\brecent\s+$", before):
        return None
    return Resolved(TimexType.DURATION, _duration_value(None, unit), None, None,
                     f"an unspecified number of {m['unit'].lower()}", anchors=False)  # fmt: skip


@_rule(r"the\s+(?P<unit>years|months|weeks|days)\s+ahead|(?:a|an)\s+(?:later|future)\s+date")
def _ahead(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "in the weeks ahead": an unspecified number of weeks from now (a DURATION, TimeBank);
    "at a later date": FUTURE_REF."""
    if not m["unit"]:
        return _ref("FUTURE_REF", "a later date: TimeML FUTURE_REF")
    unit = unit_key(m["unit"])
    return Resolved(TimexType.DURATION, _duration_value(None, unit), None, None,
                     f"the {m['unit'].lower()} ahead: an unspecified number of them",
                     anchors=False)  # fmt: skip


@_rule(
    r"(?:the\s+)?(?P<what>recent|coming|future|past|next\s+few|last\s+few|past\s+few|"
    r"past\s+several|last\s+several)\s+(?P<unit>years|decades|months|weeks|days|quarters)"
    r"(?:\s+(?:and|or)\s+(?:years|decades|months|weeks|days))?"  # "recent weeks and months"
)
def _recent_units(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "recent years" = PAST_REF, "the coming months" = FUTURE_REF (TimeBank convention)."""
    what = " ".join(m["what"].lower().split())
    if what.startswith("next"):
        unit = unit_key(m["unit"])
        return Resolved(TimexType.DURATION, _duration_value(None, unit), None, None,
                         f"{what} {m['unit'].lower()}: an unspecified number of them",
                         anchors=False)  # fmt: skip
    before = ctx.text[max(0, m.start() - 8) : m.start()]
    if what in ("recent", "coming") and re.search(
        r"\b(?:in|over|during)\s+$", before, re.IGNORECASE
    ):
        # "in recent years" reads as "in the past few years": a stretch of time up to now,
        # which TimeBank annotates as a DURATION of an unspecified number of years; so is
        # "in (the) coming weeks" (2 of 3 annotations), like "in the weeks ahead".
        unit = unit_key(m["unit"])
        return Resolved(TimexType.DURATION, _duration_value(None, unit), None, None,
                         f"in {what} {m['unit'].lower()}: an unspecified number of them",
                         anchors=False)  # fmt: skip
    value = "FUTURE_REF" if what in ("coming", "future") else "PAST_REF"
    return _ref(value, f"{what} {m['unit'].lower()}: TimeML {value}")


# --------------------------------------------------------------------------------------------
# Times of day
# --------------------------------------------------------------------------------------------


@_rule(
    r"(?:(?P<approx>around|approximately|shortly\s+(?:before|after)|"
    r"just\s+(?:before|after))\s+)?"
    r"(?:(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ampm>a\.?\s?m\b\.?|p\.?\s?m\b\.?)"
    r"|(?P<h24>[01]?\d|2[0-3]):(?P<min24>[0-5]\d)(?!\s*[ap]\.?m)"
    r"|(?P<word>noon|midnight|midday)"
    r"|(?P<oc>1[0-2]|[1-9]|" + "|".join(HOUR_WORDS) + ")"
    r"\s+o'clock)"
    rf"(?:\s+(?P<tz>{TIMEZONE_RE}))?"
    rf"(?:,?\s+(?:on\s+)?(?:(?P<wd>{WEEKDAY_RE})|(?P<dw>today|yesterday|tomorrow)"
    rf"|(?P<mon>{MONTH_RE})\s*(?P<mday>{DAY_RE})(?:{COMMA_RE}(?P<year>{YEAR_RE}))?))?"
)
def _time(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "3 p.m. EDT", "10:35 a.m.", "noon Thursday": a time on the day in focus."""
    if m["h"]:
        hour, minute = int(m["h"]) % 12, int(m["min"] or 0)
        if m["ampm"].lower().startswith("p"):
            hour += 12
    elif m["h24"]:
        hour, minute = int(m["h24"]), int(m["min24"])
        before = ctx.text[max(0, m.start() - 6) : m.start()]
        if not m["tz"] and not re.search(r"\b(?:at|by|until|from)\s+$", before, re.IGNORECASE):
            return None  # "3:2" scores, "10:30" verses: only times with a cue
    elif m["word"]:
        word = m["word"].lower()
        if word == "noon" and re.search(
            r"\bhigh\s+$", ctx.text[max(0, m.start() - 6) : m.start()], re.I
        ):
            return None  # "high noon": a decisive moment, not twelve o'clock
        hour, minute = (0, 0) if word == "midnight" else (12, 0)
    else:
        oc = m["oc"].lower()
        hour = int(oc) if oc.isdigit() else SPELLED_NUMBERS[oc]
        minute = 0
    if m["mon"]:
        month, mday = _month(m["mon"]), _day(m["mday"])
        found = cal.clamp_day(_year_written_or_nearest(ctx, m, m["year"], month, mday), month, mday)
        if found is None:
            return None
        day = found
        how = "time on the date written"
    elif m["wd"]:
        wd = _weekday(m["wd"])
        if _points_forward(ctx, m) and wd != ctx.dct.weekday():
            day = cal.weekday_on_or_after(ctx.dct, wd)
            how = "time on the weekday written (the next one: the text points forward)"
        else:
            day = cal.weekday_on_or_before(ctx.dct, wd)
            how = "time on the weekday written (most recent on or before the document date)"
    elif m["dw"]:
        day = ctx.dct + timedelta(days=RELATIVE_DAYS[m["dw"].lower()])
        how = f"time {m['dw'].lower()}"
    elif ctx.anchor is not None and ctx.anchor.precision == Precision.DAY:
        day = ctx.anchor.earliest
        how = "time of day on the previous date in the text"
    else:
        day = ctx.dct
        how = "time of day on the document date"
    value = f"{day.isoformat()}T{hour:02d}:{minute:02d}"
    if m["word"] and m["word"].lower() == "midnight":
        # "midnight Friday" ends Friday: TimeML writes it T24:00 of that day, not T00:00
        # (which would be the night before).
        value = f"{day.isoformat()}T24:00"
    if m["tz"]:
        how += f" ({m['tz']}; the TIMEX3 value keeps local time)"
    return Resolved(TimexType.TIME, value, cal.day_value(day), Resolution.RELATIVE, how)


@_rule(
    r"(?:(?P<h>1[0-2]|[1-9]|" + "|".join(HOUR_WORDS) + ")"
    r"(?::(?P<min>[0-5]\d))?\s+(?:o'clock\s+)?in\s+)?"
    r"the\s+(?P<pod>morning|afternoon|evening|night)(?![\w-])"
)
def _the_part_of_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "(orders placed) in the morning", "at 4 in the morning": that part (or hour) of the
    day in focus (the previous date in the text, else the document date)."""
    before = ctx.text[max(0, m.start() - 10) : m.start()]
    if not m["h"] and not re.search(r"\b(?:in|during)\s+$", before, re.IGNORECASE):
        return None  # "the night of the fire", "the morning papers"
    after = ctx.text[m.end() : m.end() + 4]
    if re.match(r"\s+of\b|'s", after):
        return None
    if ctx.anchor is not None and ctx.anchor.precision == Precision.DAY:
        d, how = ctx.anchor.earliest, "of the previous date in the text"
    else:
        d, how = ctx.dct, "of the document date"
    pod = m["pod"].lower()
    if m["h"]:
        hour = int(m["h"]) if m["h"].isdigit() else SPELLED_NUMBERS[m["h"].lower()]
        if pod != "morning" and hour < 12:
            hour += 12  # "8 in the evening" is 20:00 ("12 at night" stays noon's hour)
        elif pod == "morning" and hour == 12:
            hour = 0
        time = f"{hour:02d}:{int(m['min'] or 0):02d}"
        return Resolved(TimexType.TIME, f"{d.isoformat()}T{time}", cal.day_value(d),
                         Resolution.RELATIVE, f"{time} {how}")  # fmt: skip
    return Resolved(TimexType.TIME, f"{d.isoformat()}T{PARTS_OF_DAY[pod]}", cal.day_value(d),
                     Resolution.RELATIVE, f"the {pod} {how}")  # fmt: skip


# --------------------------------------------------------------------------------------------
# References to the present, past and future; sets
# --------------------------------------------------------------------------------------------

# The words that name a time in every use ("now", "the past"): the lexicon's [reference]
# table (REFERENCES).
# "at the time" refers to a time past only on its own: "at the time of the attack" names the
# attack's time, "at the time it takes" a duration.
_AT_BEFORE = re.compile(r"\bat\s+$", re.IGNORECASE)
_NOT_THEN_AFTER = re.compile(r"\s+(?:of|for|it|needed|required|being|allotted|allowed)\b")


# Electric "current", an "ocean current": not the present. Searched in the few characters
# before the word, never the whole text before it.
_PHYSICAL_CURRENT = re.compile(r"\b(?:electric|alternating|direct|ocean|strong)\s+$")


@_rule(
    r"(?P<ref>"
    + "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(REFERENCES, key=len, reverse=True)
    )
    + r")(?!-)"
)
def _reference(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "now" = PRESENT_REF, "recently" and "(at) the time" = PAST_REF, "the future" =
    FUTURE_REF (no interval)."""
    word = " ".join(m["ref"].lower().split())
    after = ctx.text[m.end() : m.end() + 12].lower()
    if word == "current" and (
        re.match(r"[\s-]+(?:accounts?|affairs|events|flows?|density|events)\b", after)
        or _PHYSICAL_CURRENT.search(ctx.text, max(0, m.start() - 20), m.start())
    ):
        return None  # "current account", electric "current": not temporal
    if (
        m["ref"] == "Now"
        and after.startswith(",")
        and _SENTENCE_HEAD.fullmatch(_sentence_before(ctx.text, m.start()))
    ):
        return None  # "Now, he says, ...": a discourse marker opening the sentence (TimeBank)
    if word in ("recently", "more recently") and re.match(r"\s+(?:last|this)\s", after):
        return None  # "most recently last October": the date that follows says when
    if word == "the future" and re.match(r"\s+of\b", after):
        return None  # "the future of our peoples": their fate, not a time (TimeBank)
    if word == "the past" and re.match(
        rf"\s+(?:{QUANTITY_RE}|\d+)\s+[a-z]", ctx.text[m.end() : m.end() + 30], re.IGNORECASE
    ):
        return None  # "the past three summers": "past" qualifies what follows
    if word == "the time" and not (
        _AT_BEFORE.search(ctx.text, max(0, m.start() - 6), m.start())
        and not _NOT_THEN_AFTER.match(ctx.text, m.end())
    ):
        return None  # "the time" alone: "it is the time to act", "at the time of the vote"
    value = REFERENCES[word]
    window = max(0, m.start() - 8)
    then = re.search(r"\bthen[\s-]+$", ctx.text[window : m.start()], re.IGNORECASE)
    if word == "current" and then:
        # "the then current price": current at a time in the past.
        out = _ref("PAST_REF", "then current: TimeML PAST_REF (no calendar interval)")
        out.span = (window + then.start(), m.end())
        return out
    return _ref(value, f"{word}: TimeML {value} (no calendar interval)")


@_rule(
    r"(?P<adv>" + "|".join(FREQUENCIES) + ")"
    r"|(?P<q>every|each|per)\s+(?:(?P<n>other|two|three|four|five|six|\d+)\s+)?"
    rf"(?P<unit>day|week|month|year|quarter|hour|minute|decade|night|morning|evening|"
    rf"weekend|(?P<wd>{WEEKDAY_RE})|(?P<mon>{MONTH_FULL_RE})|(?P<season>{SEASON_RE}))s?"
)
def _set(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "daily", "every week", "each Thursday", "each July": TIMEX3 SETs."""
    if m["adv"]:
        adv = m["adv"].lower()
        after = ctx.text[m.end() : m.end() + 20].lower()
        # "daily newspaper", "weekly magazine": adjectives naming a publication, not a set.
        if re.match(r"\s+(?:newspaper|paper|magazine|news|journal|publication|bulletin)", after):
            return None
        if re.search(r"\baverage\s+$", ctx.text[max(0, m.start() - 9) : m.start()], re.I):
            return None  # "average daily volume": a measure, not a recurrence
        value = FREQUENCIES[adv]
        return Resolved(TimexType.SET, value, None, None, f"{adv}: a set of times", False)
    if m["wd"]:
        value = f"XXXX-WXX-{_weekday(m['wd']) + 1}"
    elif m["mon"]:
        value = f"XXXX-{_month(m['mon']):02d}"
    elif m["season"]:
        value = f"XXXX-{SEASONS[m['season'].lower()]}"
    else:
        unit = m["unit"].lower()
        n_word = (m["n"] or "").lower()
        n = 2 if n_word == "other" else (parse_quantity(n_word) if n_word else 1)
        base = {"night": "day", "morning": "day", "evening": "day", "weekend": "week"}.get(
            unit, unit
        )
        value = _duration_value(n, base)
    return Resolved(TimexType.SET, value, None, None, f"{m.group(0).lower()}: a set of times",
                     anchors=False)  # fmt: skip


# --------------------------------------------------------------------------------------------
# Holidays
# --------------------------------------------------------------------------------------------


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
    # "the Good Friday Agreement", "Easter Island", "Christmas tree": names, not days.
    r"(?!\s+(?:Agreement|agreement|[Aa]ccords?|Island|Rising|Uprising|[Oo]ffensive|eggs?|"
    r"Bunny|bunny|trees?|cards?|[Cc]arols?)\b)"
    rf"(?:{COMMA_RE}(?P<year>{YEAR_RE}))?"
)
def _holiday(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "Thanksgiving Day", "Christmas 2024", "Easter week": fixed and movable holidays (US
    ones, Easter); "<holiday> week" is the ISO week holding the day."""
    out = _holiday_day(m, ctx)
    if out is not None and m["week"] and out.cal is not None:
        this_year = cal.week_value(_HOLIDAYS[m["name"].lower()](ctx.dct.year))
        if not m["year"] and this_year.earliest <= ctx.dct <= this_year.latest:
            return _date(this_year, "the week of the holiday, which holds the document date")
        return _date(cal.week_value(out.cal.earliest), f"the week of {out.rule}")
    return out


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
    elif d > ctx.dct and not _points_forward(ctx, m):
        d = fn(ctx.dct.year - 1)
    elif d < ctx.dct and _points_forward(ctx, m) and (ctx.dct - d).days > 7:
        d = fn(ctx.dct.year + 1)
    return _date(cal.day_value(d), f"{name}: the occurrence nearest the document date")
