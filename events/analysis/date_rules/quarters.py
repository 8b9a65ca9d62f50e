"""Quarters, halves and seasons, and the quarter an earnings report is about ("the third
quarter", "a year earlier", "year-ago")."""

from __future__ import annotations

import re
from datetime import date

from events.analysis import date_calendar as cal
from events.analysis.date_calendar import CalendarValue
from events.analysis.date_lexicon import DIRECTIONS, MONTH_RE, ORDINALS, SEASON_RE, SEASONS, YEAR_RE
from events.analysis.date_rules.base import Context, Resolved, _rule
from events.analysis.date_rules.tense import (
    _FORWARD_CUE,
    _points_forward,
    _sentence_after,
    _sentence_before,
    _tense,
)
from events.analysis.date_rules.values import _date, _month, _shift
from events.analysis.date_rules.years import _SPELLED_YEAR, _spelled_year
from events.analysis.types import Precision, Resolution, TimexType

_YEAR_SHIFT = r"year-earlier|year-ago|year\s+earlier|year\s+ago"


# The final or last quarter of a year is its fourth ("the final quarter of 2009"); the ordinal
# words of a quarter are the lexicon's.
_LAST_QUARTER = {"final": 4, "last": 4}
_QUARTER_ORDINAL = "|".join([*(w for w, n in ORDINALS.items() if n <= 4), *_LAST_QUARTER])


@_rule(
    r"(?:(?P<det>the|its|their|a|this|that)\s+)?"
    r"(?:(?P<shift>" + _YEAR_SHIFT + r"|comparable|same)\s+)?"
    r"(?:(?P<yrel>this|last|next)\s+year's\s+)?"
    r"(?:(?P<fis>fiscal|calendar)[-\s]+)?(?:(?P<yr>1[5-9]\d\d|20\d\d)\s+)?"
    rf"(?P<ord>{_QUARTER_ORDINAL})(?P<sep>[-\s]+)"
    r"(?:fiscal[-\s]+)?quarter(?P<plural>s)?"
    # "the final quarter in 2010", but not "in 2009's playoff opener".
    r"(?:(?:\s+(?:of|in))?(?:\s+(?:fiscal\s+)?(?P<year>1[5-9]\d\d|20\d\d))(?!\s?'s\b)"
    # "the third quarter of the year": one expression, the year being the one in play;
    # "the fourth quarter of last year" (or this year): the year named relative to the
    # document date's.
    r"|(?P<ofyear>\s+of\s+the\s+year)|\s+of\s+(?P<yrel2>this|last|next)\s+year)?"
    # "Q3 2025", and analysts' "3Q 2025".
    r"|(?P<q>Q[1-4]|[1-4]Q)(?:\s+(?P<qyear>1[5-9]\d\d|20\d\d))?"
)
def _quarter(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "the third quarter", "third-quarter", "Q3 2025": the most recent such quarter."""
    span = None
    det = (m["det"] or "").lower()
    if det and (det != "the" or ("-" in (m["sep"] or "") and not m["shift"])):
        # "a third-quarter loss", "its fourth quarter": the determiner is the noun phrase's.
        span = (m.end("det") + 1, m.end())
    if m["q"]:
        q = int(m["q"].strip("Qq"))
        year_text = m["qyear"]
    else:
        # The final (or last) quarter of a year named is its fourth; "the last quarter" alone
        # is the one before the present (``_quarter_reference``).
        q = _LAST_QUARTER.get(m["ord"].lower()) or ORDINALS[m["ord"].lower()]
        year_text = m["year"] or m["yr"]
        if m["yrel2"]:
            year_text = str(ctx.dct.year + DIRECTIONS[m["yrel2"].lower()])
        if m["ord"].lower() in _LAST_QUARTER and not (year_text or m["ofyear"]):
            return None
    if m["plural"] and not year_text:
        # "fourth quarters": every such quarter; "the third quarters of 2015" (after a shared
        # ordinal) is that year's.
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
    r"[-\s]+quarters\b(?:\s+(?:of|in)\s+(?:(?P<year>1[5-9]\d\d|20\d\d)\b"
    r"|(?P<yrel>this|last|next)\s+year\b))?)"
)
def _shared_quarters(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "in the second and fourth quarters": the first ordinal shares the plural (a SET, as
    "fourth quarters" is); "the second and third quarters of 2015" shares the year too."""
    q = ORDINALS[m["ord"].lower()]
    if m["year"]:
        return _date(cal.quarter_value(int(m["year"]), q), "quarter and year written",
                     Resolution.EXPLICIT)  # fmt: skip
    if m["yrel"]:
        year = ctx.dct.year + DIRECTIONS[m["yrel"].lower()]
        return _date(cal.quarter_value(year, q), f"that quarter of {m['yrel'].lower()} year")
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
_BARE_SEASON_CUE = re.compile(rf"(?:\b(?:in|of)|\b{SEASON_RE}\s+(?:and|or))\s+$", re.IGNORECASE)
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
    if m["season"].lower() == "fall" and re.search(
        r"\ban?\s+(?:[a-z]+\s+)?(?:late\s+|early\s+)?$",
        ctx.text[max(0, m.start() - 20) : m.start("season")],
        re.IGNORECASE,
    ):
        return None  # "in a late fall on the exchange", "a sharp fall": a drop
    # A bare "fall" / "spring" is too often a verb or noun; take it only after "in", or after
    # a season and "and" ("in the fall and winter").
    if not rel and not _BARE_SEASON_CUE.search(ctx.text, max(0, m.start() - 12), m.start()):
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
