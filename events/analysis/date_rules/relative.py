"""Weeks, months and years relative to the document date or to the date last named:
"last week", "two years ago", "the next day", "that month", "the week of ..."."""

from __future__ import annotations

import re
from datetime import date, timedelta

from events.analysis import date_calendar as cal
from events.analysis.date_calendar import CalendarValue
from events.analysis.date_lexicon import (
    COMMA_RE,
    COUNTED_UNIT_RE,
    DAY_RE,
    DIRECTIONS,
    KIND_OF_DAY_RE,
    MONTH_FULL_RE,
    MONTH_RE,
    PARTS_OF_DAY,
    QUANTITY_RE,
    YEAR_RE,
    parse_quantity,
    shortened_unit,
    unit_key,
)
from events.analysis.date_rules.base import Context, Resolved, _rule
from events.analysis.date_rules.days import _AWAITED, NAME_BEFORE, PROGRAMME_AFTER
from events.analysis.date_rules.tense import (
    _past_clause_before,
    _past_tense_governs,
    _points_forward,
    _year_written_or_nearest,
)
from events.analysis.date_rules.values import (
    _current,
    _date,
    _day,
    _duration_value,
    _month,
    _ref,
    _relative_to_dct,
    _shift,
)
from events.analysis.types import Precision, TimexType

# A comparison with an earlier figure: "compared with $3 million last year", "from ...".
# Not "from" before a name: "oil from Varnia last year" compares nothing.
_COMPARISON_BEFORE = re.compile(
    r"\b(?:compared\s+with|from(?!\s+(?-i:[A-Z][a-z]))|than|versus|vs\.|against|"
    r"corresponding\s+period|same\s+period)\s+(?:[^\s,.;]+\s+){0,6}$",
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
    r"coming|next|current|following|preceding))\s+"
    # "the current fiscal year", "the current academic year": a year of accounts or of teaching.
    r"(?:(?:fiscal|financial|academic|school|budget|tax|marketing)\s+(?=year))?"
    r"(?P<unit>week|weekend|month|year|decade)(?:\s+or\s+so)?"
    # Not "this year-end", "last year-long": a hyphen, not a dash ("this year -- perhaps").
    r"(?!-(?!-))(?!'s\s+(?:\w+\s+)?(?:average|level|total)s?\b)"
)
def _relative_unit(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "last week", "this month", "next year", "earlier this month", "the following week"."""
    if m.group()[0].isupper() and PROGRAMME_AFTER.match(ctx.text, m.end()):
        return None  # "ABC's This Week program": a broadcast's name
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
        if (
            rel == "this"
            and ctx.dct.weekday() < 5
            and (_past_tense_governs(ctx, m) or _past_clause_before(ctx, m))
        ):
            # "Norvik responded this weekend", "he told me at a cafe this weekend" on a Tuesday:
            # the weekend just past, not the one ahead in the document date's ISO week.
            step = -1
        day = ctx.dct + timedelta(days=7 * step)
        return _date(cal.weekend_value(day), f"{rel} weekend relative to the document date")
    if unit == "week" and rel == "this" and ctx.dct.weekday() == 6 and _points_forward(ctx, m):
        # A Sunday paper's "will announce it this week" is the week that starts the next day
        # (a Sunday ends its ISO week).
        cv = _relative_to_dct(ctx.dct, 1, unit)
        return _date(cv, "this week, ahead, written on a Sunday: the week starting the next day")
    cv = _relative_to_dct(ctx.dct, step, unit)
    return _date(cv, f"{rel} {unit}: relative to the document date")


# "two years earlier than planned", "a week later that day": a comparison, not a date.
_NOT_A_STEP_AFTER = re.compile(r"\s+(?:than|that|this|in)\b")


@_rule(
    r"(?:(?P<approx>about|around|nearly|almost|roughly|approximately|some|more\s+than|"
    r"less\s+than|over|at\s+least)\s+)?"
    rf"(?P<n>{QUANTITY_RE})[-\s]+(?:{KIND_OF_DAY_RE}\s+)?(?P<unit>{COUNTED_UNIT_RE})(?:\s+or\s+so)?\s+"
    r"(?P<dir>ago|earlier|later|before|after|"
    r"hence|from\s+now|since)"
)
def _units_ago(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "two days ago", "a year earlier", "two weeks later" (anchored to the previous date)."""
    amount = parse_quantity(m["n"])
    unit = unit_key(m["unit"])
    direction = m["dir"].lower()
    if shortened_unit(m["unit"]) and not m["n"][0].isdigit():
        return None
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
    if unit in ("second", "minute", "hour") and direction == "ago" and amount is not None:
        # "3 hrs ago" under a headline, "two hours ago": hours before publication, whose clock
        # time is not written: the document date, less the whole days ("48 hours ago").
        days = timedelta(**{f"{unit}s": amount}).days
        d = ctx.dct - timedelta(days=days)
        return _date(cal.day_value(d), f"{m['n']} {unit}(s) ago: {days} whole day(s) before "
                     "the document date")  # fmt: skip
    if unit in ("second", "minute", "hour") or amount is None or amount != int(amount):
        return None
    n = int(amount)
    if direction in ("ago", "hence", "from now"):
        if n == 1 and unit == "year" and (quarter := ctx.recent_quarter(m.start())) is not None:
            # "from $5 million a year ago": the year-ago quarter; "three years ago" is no
            # comparison of quarterly figures.
            cv = _shift(quarter, sign * n, unit)
            how = f"{m['n']} {unit}(s) before the quarter under discussion"
        elif unit == "decade":
            # "a decade ago" is the year ten years back (TimeBank: 1989 in 1999), not the
            # decade before this one.
            cv = cal.year_value(ctx.dct.year + sign * 10 * n)
            how = f"{n} decade(s) {'before' if sign < 0 else 'after'} the document date's year"
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


_BEFORE_OR_AFTER = re.compile(r"\b(?:before|after)\s+$", re.IGNORECASE)


@_rule(r"(?:the\s+)?weekend")
def _the_weekend(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "the weekend": the most recent weekend (the current one on a weekend DCT)."""
    if m.group() == "Weekend" and NAME_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start()):
        return None  # "the Harbour Arts Weekend": a festival's name
    base = ctx.dct if ctx.dct.weekday() >= 5 else ctx.dct - timedelta(days=7)
    if _points_forward(ctx, m) or _AWAITED.search(ctx.text, max(0, m.start() - 20), m.start()):
        base = ctx.dct  # "positions squared ahead of the weekend": the coming one
    elif ctx.dct.weekday() in (3, 4) and _BEFORE_OR_AFTER.search(
        ctx.text, max(0, m.start() - 8), m.start()
    ):
        # On a Thursday or Friday, "before the weekend", "to return after the weekend" tell of
        # the one at hand, whatever the tense ("spurred buying before the weekend").
        base = ctx.dct
    return _date(cal.weekend_value(base), "the weekend nearest the document date")
