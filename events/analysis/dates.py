"""Temporal expression extraction and normalisation (TimeML TIMEX3), resolved against the DCT.

Public entry point: :func:`extract_temporal_expressions`.

How it works, and why:

1. **Candidates.** Every rule is a precompiled regular expression over the raw text plus a
   resolver. Patterns are specific (capitalised month names, a weekday list, number words with
   a time unit...), so counts and figures ("-38 arrests", "1,400", "86 individuals"), pronouns
   ("We") and modal verbs ("may") never become candidates at all. No general-purpose date
   parser runs on the hot path.
2. **Selection.** Overlapping candidates are resolved longest-first, so "August 28-29, 2025"
   beats "August 28" and "last week" beats "week". Spans are minimal in the TimeML sense:
   prepositions ("on Friday") are never part of a pattern.
3. **Resolution** happens in text order with a small context: the document creation time
   (DCT) and the last date resolved in the text, which anchors "the next day" and "two weeks
   later" as the TimeML guidelines do. Conventions (issue 2 and TimeBank):

   * a bare weekday is the most recent such day on or before the DCT (the same weekday is the
     DCT itself), the nearest one after it when the sentence points forward ("will", "plans
     to"); tomorrow's weekday is tomorrow unless a past tense governs it; "Friday night" is
     a DATE with the day's value, as TimeBank/AQUAINT mostly annotate it;
   * a month (and day) without a year takes the year that puts it nearest the DCT without
     being after it, unless the sentence points forward or it is next month's name (then
     the coming one); "Monday, Oct. 26" takes the year in which the weekday fits; a date
     naming an event ("the Aug. 7 blasts") has happened; a deadline is the nearest date;
   * parts of a day in focus ("the next morning", "later that night", "in the morning") take
     that day; "the day before last Tuesday" is one expression; "that same day" after a month
     is a day of it written ``1998-10-XX``; "midnight Friday" is ``T24:00`` of Friday;
   * "now", "currently" are ``PRESENT_REF``; "recently", "the past" ``PAST_REF``; "the future"
     ``FUTURE_REF`` (TimeBank leaves "soon" and "previously" untagged): these have no interval;
   * durations ("three days", "decades", "the next decade") carry a ``P...`` value and no
     interval; spans leave "about" and "over" out ("about [five hours]").

The rules live in :mod:`events.analysis.date_rules`, the calendar arithmetic in
:mod:`events.analysis.date_calendar`, the word lists in ``languages/en/lexicon.toml`` (read by
:mod:`events.analysis.date_lexicon`).
``dateparser`` parses only the rare compact dates ("30.08.2025", "30-Aug-2025") that a
cheap pattern has already found, never for scanning text.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache
from operator import attrgetter

from events.analysis.date_calendar import CalendarValue, day_value
from events.analysis.date_lexicon import (
    DECADE_WORDS,
    FREQUENCIES,
    MONTH_PREFIXES,
    MONTHS_IN_CAPITALS,
    PARTS_OF_DAY,
    RELATIVE_DAYS,
    SEASONS,
    UNIT_ABBREVIATIONS,
    WEEKDAY_PREFIXES,
)
from events.analysis.date_rules import RULES, Candidate, Context, Resolved, forget
from events.analysis.date_rules.days import PROGRAMME_AFTER
from events.analysis.date_scan import MultiScanner
from events.analysis.types import Precision, Resolution, TemporalExpression, TimexType

__all__ = ["extract_temporal_expressions"]


# --------------------------------------------------------------------------------------------
# Modifiers and the extraction loop
# --------------------------------------------------------------------------------------------

# "early", "the end of": kept in the span (TimeML records them as the TIMEX3 "mod").
_DAY_EDGE = re.compile(r"\b(?:early|late)\s+$", re.IGNORECASE)
_LEFT_MODIFIER = re.compile(
    r"(?:\b(?:(?:the\s+)?(?:very\s+)?(?:early|late|mid|middle|end|beginning|start|close|turn|rest)"
    r"(?:\s+of(?:\s+the)?)?|post|pre)[\s-]*)$",
    re.IGNORECASE,
)


# Speed: every pattern contains at least one trigger word of a known kind (a month name, a
# weekday, a digit, a time unit...). One cheap pass over the words finds where each kind
# occurs; a rule's pattern then runs only in windows around the triggers it needs, which
# skips most of an ordinary news text.
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9']*|\d+")
_MONTH_PREFIXES = frozenset(MONTH_PREFIXES)
_WEEKDAY_PREFIXES = frozenset(WEEKDAY_PREFIXES)
_MONTHS_IN_CAPITALS = frozenset(MONTHS_IN_CAPITALS)
# Lower-cased trigger word -> the kinds it signals (see _NEEDS). Where a rule's words are a
# table of the lexicon (seasons, frequencies, decades, parts of the day), the table's words
# are its triggers; a holiday's name must hold one of the "H" words (tests/test_date_lexicon).
_WORD_KINDS: dict[str, str] = {
    **dict.fromkeys(
        "second seconds minute minutes hour hours days weeks fortnight fortnights months "
        "years decades centuries weekends".split(),
        "U",
    ),
    **dict.fromkeys([*UNIT_ABBREVIATIONS, *(word + "s" for word in UNIT_ABBREVIATIONS)], "U"),
    # Finer kinds for the rules that need one particular word: in a text dense with dates
    # (every window merged into one), such a rule still runs only near its own words.
    **dict.fromkeys("day week weekend month year decade".split(), "UT"),
    "year's": "UHT",
    "century": "UC",
    **dict.fromkeys("quarter quarters period".split(), "UK"),
    "half": "UA",
    **dict.fromkeys("long ahead date hourlong daylong weeklong monthlong yearlong".split(), "L"),
    "while": "V",
    # The lexicon's parts of the day and days named from today ("tonight"), and the hours.
    **dict.fromkeys(
        [*"noon midnight midday o'clock".split(), *PARTS_OF_DAY]
        + [day for day in RELATIVE_DAYS if " " not in day],
        "P",
    ),
    **dict.fromkeys(
        # A word of every phrase the "reference" rule takes ("these days", "the near term").
        "now current currently recently past future present these nowadays term time".split(),
        "R",
    ),
    **dict.fromkeys(SEASONS, "S"),
    **dict.fromkeys(
        "christmas thanksgiving independence fourth halloween valentine's veterans labor "
        "memorial martin election easter good".split(),
        "H",
    ),
    **dict.fromkeys([*FREQUENCIES, "every", "each", "per"], "X"),
    # Spelled years ("nineteen ninety-six", "two thousand") and the lexicon's decade words.
    **dict.fromkeys(["nineteen", "eighteen", "thousand", *DECADE_WORDS], "Y"),
    # "Q3", and "3Q" (a digit, then the word "Q").
    **dict.fromkeys("q1 q2 q3 q4 q".split(), "Q"),
}
_MARGIN = 64  # characters scanned on each side of a trigger: longer than any gap in a pattern

# The trigger kinds each rule needs (any one of them).
_NEEDS: dict[str, str] = {
    "month_day_range": "M", "day_month_range": "M", "month_day": "M", "month_year": "M",
    "month_alone": "M", "iso_date": "D", "slash_date": "D", "compact_date": "D", "year": "D",
    "year_range": "D",
    "year_in_words": "Y", "decade": "DY", "century": "C", "quarter": "KQ",
    "quarter_reference": "K", "year_earlier_adjective": "T", "full_year": "T", "half": "AK",
    "season": "S", "weekday_expr": "W", "weekday_of_week": "W", "deictic_day": "P",
    "overnight": "P",
    "relative_unit": "T", "units_ago": "U", "next_day": "UP", "the_unit": "T",
    "the_weekend": "T", "duration": "U", "vague_duration": "U", "recent_units": "U",
    "time": "DP", "date_and_time": "M", "reference": "R", "set": "X", "holiday": "HM",
    "week_of": "M", "first_day": "M",
    "that_unit": "UP", "second_day": "D", "half_a_unit": "A", "nth_day_of": "T",
    "before_last": "T", "the_part_of_day": "P", "ahead": "L", "nth_week_of": "T",
    "shared_quarters": "K", "unit_long": "L", "unit_or_two": "T", "a_while": "RVK",
    "time_of_year": "R",
}  # fmt: skip


def _regions(text: str) -> dict[str, list[tuple[int, int]]]:
    """Per trigger kind, the merged [start, end) windows around its occurrences.

    One pass of a trivial word pattern plus a dictionary look-up per word: much cheaper than
    one big alternation of trigger words.
    """
    regions: dict[str, list[tuple[int, int]]] = {}
    n = len(text)
    known = _known_kinds
    if len(known) > _KINDS_KEPT:
        known.clear()
    for token in _TOKEN.finditer(text):
        word = token.group()
        kinds = known.get(word)
        if kinds is None:
            kinds = _kinds(word)
            # Only short words are kept: one "word" may be a whole 2 MB text.
            if len(word) <= _LONGEST_CACHED:
                known[word] = kinds
        if not kinds:
            continue
        start, end = max(0, token.start() - _MARGIN), min(n, token.end() + _MARGIN)
        for kind in kinds:
            spans = regions.setdefault(kind, [])
            if spans and start <= spans[-1][1]:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
    return regions


def _kinds(word: str) -> str:
    """The trigger kinds a word signals ("" for most words)."""
    first = word[0]
    if first.isdigit():
        return "D"
    lower = word.lower().rstrip("'")  # "days''" (a closing quote), "today's"
    kinds = _WORD_KINDS.get(lower) or _WORD_KINDS.get(lower.removesuffix("'s"), "")
    if not kinds and first.isupper():
        prefix = word[:3]
        if prefix in _MONTH_PREFIXES or word in _MONTHS_IN_CAPITALS:
            kinds = "M"
        elif prefix in _WEEKDAY_PREFIXES:
            kinds = "W"
    return kinds


# Kept for words up to this long: a text repeats its words, and the trigger pass looks at
# every one of them (a dictionary, not lru_cache: the look-up is most of the pass's time per
# word, and a dictionary's is a third of lru_cache's call). Emptied between texts once it
# holds this many words (what a word signals never changes).
_LONGEST_CACHED = 40
_KINDS_KEPT = 65536
_known_kinds: dict[str, str] = {}


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _rule_regions(text: str) -> dict[str, list[tuple[int, int]]]:
    """Per rule name, the windows of ``text`` its pattern runs in."""
    by_kind = _regions(text)
    out: dict[str, list[tuple[int, int]]] = {}
    for rule in RULES:
        kinds = _NEEDS[rule.name]
        if len(kinds) == 1:
            out[rule.name] = by_kind.get(kinds, [])
        else:
            out[rule.name] = _merge([span for kind in kinds for span in by_kind.get(kind, [])])
    return out


@cache
def _scanner() -> MultiScanner:
    """The rules' patterns with their prefilters, built on first use (not at import)."""
    return MultiScanner([rule.pattern for rule in RULES])


def _candidates(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    by_rule = _rule_regions(text)
    # Per rule, the matches of its pattern.finditer(text, start, end) over its windows, each
    # tried only where a match can start; all rules found in one pass over the text.
    per_rule = _scanner().matches(text, [by_rule[rule.name] for rule in RULES])
    for rule, matches in zip(RULES, per_rule, strict=True):
        for match in matches:
            found.append(Candidate(match.start(), match.end(), rule.priority, rule, match))
    return found


def _resolve(cand: Candidate, ctx: Context) -> Resolved | None:
    """Run a candidate's resolver; arithmetic that leaves the calendar (year 0 or 10000,
    relative to an extreme document date) rejects the candidate instead of failing."""
    try:
        return cand.rule.resolve(cand.match, ctx)
    except (OverflowError, ValueError):
        return None


def _select(cands: list[Candidate], text: str, dct: date) -> list[Candidate]:
    """Keep the longest non-overlapping candidates (earlier start, then rule order on ties).

    A candidate whose resolver rejects it ("over an hour later" is not a date) does not
    block the shorter ones inside it ("over an hour", a duration). Validity is checked on a
    scratch context: resolution proper happens afterwards, in text order.
    """
    order = sorted(cands, key=lambda c: (-(c.end - c.start), c.priority, c.start))
    taken: list[Candidate] = []
    # One byte per character of the text, set where a kept candidate lies: testing a
    # candidate costs its own length, not the number of candidates kept so far.
    occupied = bytearray(len(text))
    # The scratch context has an anchor so that "that day" or "the next day" are not rejected
    # for want of one; the real anchor is known only when resolving in text order.
    scratch = Context(text, dct, anchor=day_value(dct))
    for cand in order:
        if occupied.find(1, cand.start, cand.end) != -1:
            continue
        if _resolve(cand, scratch) is None:
            continue
        taken.append(cand)
        occupied[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
    # Text order: the candidates' own order (start, end, priority), read in C rather than by
    # the dataclass's ``__lt__`` at every comparison.
    taken.sort(key=_ORDER)
    return taken


_ORDER = attrgetter("start", "end", "priority")


# A quoted title: a show, a film, a rally ("This Week With David Brinkley", ``60 Minutes'',
# "Midnight Train", the "March of the Striking Mothers"). Its temporal words name nothing in time.
# The title hugs its opening quote: a closing quote followed by a space does not open one.
# Tokenised text opens every quotation with `` and a space, speech as well as titles: there a
# title is one that a broadcaster's possessive or a verb of appearing introduces ("NBC 's ``
# Today '' show", "appeared on `` Fox News Sunday ''"), or that "show" follows; `` On Friday ,
# '' he said is speech.
_QUOTED = re.compile(
    r"(?:(?P<spaced>``\s)|``|\"|\u201c|'')([^\s\"`'][^\"\n`']{0,59}?)(?:''|\"|\u201d)"
)
_TITLE_CUE_BEFORE = re.compile(
    r"(?:'s|\b(?:on|told|called|titled|entitled|programme|program|show))\s+$", re.IGNORECASE
)
_TITLE_WORD = re.compile(r"[\w']+")
_MINOR_WORDS = frozenset("a an and at for in of on the to with".split())


def _in_quoted_title(text: str, start: int, end: int) -> bool:
    offset, stop = max(0, start - 60), min(len(text), end + 60)
    # Every quotation _QUOTED reads opens with one of these: most dates have none near them,
    # and four searches of the window cost less than the pattern's scan of it.
    window = text[offset:stop]
    if not ('"' in window or "\u201c" in window or "``" in window or "''" in window):
        return False
    for quoted in _QUOTED.finditer(text, offset, stop):
        if quoted.start(2) <= start and end <= quoted.end(2):
            words = _TITLE_WORD.findall(quoted.group(2))
            show_after = bool(PROGRAMME_AFTER.match(text, quoted.end()))
            if quoted["spaced"] and not (
                show_after
                or _TITLE_CUE_BEFORE.search(text, max(0, quoted.start() - 12), quoted.start())
            ):
                return False
            # One word is a title when a show or programme follows: NBC's "Today" show.
            long_enough = len(words) >= 2 or show_after
            return (
                long_enough
                and len(words) <= 6
                and all(
                    w[0].isupper() or w[0].isdigit() or w.lower() in _MINOR_WORDS for w in words
                )
            )
    return False


_DAY_AROUND = re.compile(r"\b(?:the|a|one)\s+day\s+(?P<dir>before|after)\s+$", re.IGNORECASE)


# A lowercase word after the expression that makes it an adjective ("the mid-March deadline"),
# not a function word or verb ("the mid-1990s, when", "by the mid-1990s and").
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:and|or|but|to|of|in|on|at|by|for|with|from|as|than|that|which|when|while|is|"
    r"are|was|were|be|been|has|have|had|will|would|could|should|may|might|can|did|do|does|"
    r"saw|brought|came|began|ended)\b)[a-z]{3,}\b"
)


def _extend_left(text: str, start: int, end: int, resolved: Resolved) -> int:
    """Take "early", "mid-", "the end of" into a month/year/decade expression's span."""
    if resolved.type != TimexType.DATE or resolved.cal is None:
        return start
    if resolved.cal.precision == Precision.DAY:
        # "late April 20", as "late Monday" and "late yesterday": the edge of a day is the
        # day's expression (but "late on April 20" leaves it out with its preposition).
        edge = _DAY_EDGE.search(text, max(0, start - 7), start)
        return edge.start() if edge else start
    window = text[max(0, start - 30) : start]
    m = _LEFT_MODIFIER.search(window)
    if not m:
        return start
    new_start = start - (len(window) - m.start())
    if (
        m.group().lower().startswith("the")
        and m.group().endswith("-")
        and _NOUN_AFTER.match(text, end)
    ):
        # "the late-November trip": an adjective; "the" is the noun phrase's (TimeBank).
        article = re.match(r"the\s+", m.group(), re.IGNORECASE)
        new_start += len(article.group()) if article else 0
    return new_start


def extract_temporal_expressions(text: str, document_date: date) -> list[TemporalExpression]:
    """Find and normalise the temporal expressions in ``text`` (TimeML TIMEX3 conventions).

    ``document_date`` is the document creation time (DCT): the reference for relative
    expressions. The result is sorted by start, non-overlapping, and every expression's
    ``text`` equals ``text[start:end]``.
    """
    try:
        return _extract(text, document_date)
    finally:
        forget()  # the rules' caches hold this text


# A list page's items carry time stamps of their own ("updated: Wed Aug 10 2011 10:52:00"):
# what follows one is told as of its day, until the next (a page's date is when it was saved).
_STAMP_CUE = re.compile(r"\b(?:updated|posted|published)\s*:?\s*$", re.IGNORECASE)


def _stamped_day(
    text: str,
    start: int,
    cv: CalendarValue | None,
    resolution: Resolution | None,
    document_date: date,
) -> date | None:
    """The day of an item's time stamp written at ``start`` (after "updated:") with its full
    date (not "Updated: 1:38 a.m. Monday", itself read from the document date), if it is one
    and not later than the document date."""
    if cv is None or cv.precision != Precision.DAY or resolution != Resolution.EXPLICIT:
        return None
    if not _STAMP_CUE.search(text, max(0, start - 16), start) or cv.earliest > document_date:
        return None
    return cv.earliest


def _extract(text: str, document_date: date) -> list[TemporalExpression]:
    ctx = Context(text, document_date)
    out: list[TemporalExpression] = []
    last_end = 0
    for cand in _select(_candidates(text), text, document_date):
        if cand.start < last_end:
            continue
        if _in_quoted_title(text, cand.start, cand.end):
            continue
        resolved = _resolve(cand, ctx)
        if resolved is None:
            continue
        start, end = resolved.span or (cand.start, cand.end)
        start = max(_extend_left(text, start, end, resolved), last_end)
        cv = resolved.cal
        value, rule = resolved.value, resolved.rule
        around = _DAY_AROUND.search(text, max(last_end, start - 20), start)
        if around and cv is not None and cv.precision == Precision.DAY and "T" not in value:
            # "the day before Tuesday's hearing", "the day after Christmas": one expression.
            step = 1 if around["dir"].lower() == "after" else -1
            try:
                shifted = day_value(cv.earliest + timedelta(days=step))
            except OverflowError:  # the first or last day of the calendar: keep the date
                shifted = None
            if shifted is not None:
                cv, value, start = shifted, shifted.value, around.start()
                rule = f"{rule}; the day {around['dir'].lower()}"
        out.append(
            TemporalExpression(
                start=start,
                end=end,
                text=text[start:end],
                type=resolved.type,
                value=value,
                earliest=cv.earliest if cv else None,
                latest=cv.latest if cv else None,
                precision=cv.precision if cv else None,
                resolution=resolved.resolution if cv else None,
                rule=rule,
            )
        )
        last_end = end
        if cv is not None and resolved.anchors:
            ctx.set_anchor(cv, end)
        if (
            stamped := _stamped_day(text, start, cv, resolved.resolution, document_date)
        ) is not None:
            ctx.dct = stamped
    return out
