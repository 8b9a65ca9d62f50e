"""Calendar dates written with a month name: "August 28-29", "28-29 August", "Aug. 7",
"March 2010", a month alone ("in October")."""

from __future__ import annotations

import re
from datetime import date, timedelta

from events.analysis import date_calendar as cal
from events.analysis.date_lexicon import (
    COMMA_RE,
    DASH_RE,
    DAY_RE,
    DIRECTIONS,
    MONTH_FULL_RE,
    MONTH_RE,
    ORDINALS,
    SENTENCE_OPENER_RE,
    WEEKDAY_RE,
    YEAR_RE,
)
from events.analysis.date_rules.base import Context, Resolved, _rule
from events.analysis.date_rules.tense import _month_tense
from events.analysis.date_rules.values import _date, _day, _month, _weekday
from events.analysis.types import Precision, Resolution

# The words that join two dates ("April 24 and 25", "June 3 to 6", "between March and April
# 1997", "June or July"); each date is a TIMEX3 of its own, as TimeBank writes them.
_JOINING_WORD = r"(?:and|or|to|through|until|till)"

# The year written once, after the last of two dates joined by "and", "or", "to", "through",
# "until" or a dash: "between March and April 1997", "from May 5 to June 10, 2009", "in
# June or July 1998" (each is its own expression in TimeML, and the first takes the year too).
# Read within ``_JOINED_REACH`` characters (every part of the pattern is bounded there).
_DATE_WITH_YEAR_AFTER = re.compile(
    rf"(?:\s{{1,3}}{_JOINING_WORD}\s{{1,3}}|\s?[-\u2013\u2014]\s?)"
    r"(?:(?:early|mid|late)[\s-]+)?"
    rf"(?:(?P<day1>{DAY_RE})\s+(?:of\s+)?)?(?P<mon>{MONTH_RE})(?:\s*(?P<day2>{DAY_RE}))?"
    rf"{COMMA_RE}(?P<year>{YEAR_RE})",
    re.IGNORECASE,
)

_JOINED_REACH = 60  # characters: the joined date is a few words away


def _year_written_after(ctx: Context, m: re.Match[str], month: int) -> int | None:
    """The year of the date joined to the one matched (see ``_DATE_WITH_YEAR_AFTER``), a year
    earlier if its month comes first ("between December and February 2009": December 2008)."""
    joined = _DATE_WITH_YEAR_AFTER.match(ctx.text, m.end(), m.end() + _JOINED_REACH)
    if joined is None:
        return None
    year = int(joined["year"])
    return year - 1 if _month(joined["mon"]) < month else year


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
    elif (written := _year_written_after(ctx, m, month)) is not None:
        year, resolution, how = written, Resolution.RELATIVE, "the year of the date joined to it"
    else:
        forward = _month_tense(ctx, m, month, d1)
        year = cal.nearest_year_for(month, d1, ctx.dct, forward)
        resolution = Resolution.RELATIVE
        how = "year nearest the document date" + (" (text points forward)" if forward else "")
    first, last = cal.clamp_day(year, month, d1), cal.clamp_day(year, month, d2)
    if first is None or last is None:
        return None
    return _date(cal.range_value(first, last), f"{what}: {how}", resolution)


# A day of the month written as an ordinal word, "the first of June" (the digits, "the 1st of
# June", are DAY_RE's).
_ORDINAL_DAY_RE = "|".join(word for word in ORDINALS if not word[0].isdigit())


# The word or dash between the two dates of a range ("22 April - 15 May", "from Dec. 20 to
# Jan. 5"), read back from the second; the joined date is a few characters away. Two months
# are also joined by "and", "or" ("in December and January", "by late August or early
# September"), an edge of the second coming between.
_RANGE_JOINER_BEFORE = re.compile(rf"(?:{DASH_RE}|\s+(?:to|through|until|till)\s+)$")
_MONTHS_JOINER_BEFORE = re.compile(
    rf"(?:{DASH_RE}|\s+{_JOINING_WORD}\s+)(?:(?:early|mid|late)[\s-]+)?$",
    re.IGNORECASE,
)
_JOINER_REACH = 16
# "moved from June 10 to June 3": a date changed for another, not a range; either may come first.
_CHANGED_FROM = re.compile(
    r"\b(?:moved|changed|postponed|rescheduled|delayed|pushed\s+back|brought\s+forward|"
    r"advanced|shifted|switched)\b[^.;]{0,30}\bfrom\s+",
    re.IGNORECASE,
)


def _joined_start(
    ctx: Context, start: int, joiner: re.Pattern[str], precisions: tuple[Precision, ...]
) -> date | None:
    """The first day of the date resolved just before ``start`` when ``joiner`` alone stands
    between them (the first date of a range or pair), if it has one of ``precisions``."""
    if ctx.anchor is None or ctx.anchor.precision not in precisions:
        return None
    if start - ctx.anchor_end > _JOINER_REACH:
        return None
    joined = joiner.search(ctx.text, ctx.anchor_end, start)
    if joined is None or joined.start() != ctx.anchor_end:
        return None
    if _CHANGED_FROM.search(ctx.text, max(0, ctx.anchor_end - 80), ctx.anchor_end):
        return None
    return ctx.anchor.earliest


def _range_end(ctx: Context, start: int, month: int, day: int) -> date | None:
    """The date of a month and day without a year that ends a range: the first one on or after
    the range's start (the end of a range never comes before its start, whatever the tense
    says of each)."""
    first = _joined_start(ctx, start, _RANGE_JOINER_BEFORE, (Precision.DAY,))
    if first is None:
        return None
    d = cal.clamp_day(first.year, month, day)
    if d is not None and d < first:
        d = cal.clamp_day(first.year + 1, month, day)
    return d


def _joined_month_year(ctx: Context, start: int, month: int) -> int | None:
    """The year of a month without one joined to a month before it: that one's year, or the
    next if the month comes earlier in the calendar ("December and January"; not "a revision
    Friday to December's figures")."""
    first = _joined_start(ctx, start, _MONTHS_JOINER_BEFORE, (Precision.MONTH,))
    if first is None:
        return None
    return first.year + 1 if month < first.month else first.year


@_rule(
    rf"(?:(?P<wd>{WEEKDAY_RE}){COMMA_RE})?(?:(?P<mon>{MONTH_RE})\s*(?P<day>{DAY_RE})"
    rf"|(?:the\s+)?(?P<day2>{DAY_RE})\s+(?:of\s+)?(?P<mon2>{MONTH_RE})"
    # "the first of June", not "a third of May's budget", "first of June's graduates".
    rf"|the\s+(?P<dayw>{_ORDINAL_DAY_RE})\s+of\s+(?P<mon3>{MONTH_RE})(?!\s?'s\b))"
    rf"(?:{COMMA_RE}(?P<year>{YEAR_RE})|\s+(?P<yrel>this|last|next)\s+year)?"
)
def _month_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "August 29, 2025", "Aug. 29", "29 August 2025", "Friday, Aug. 29", "March 31 this
    year", "the first of June"."""
    month = _month(m["mon"] or m["mon2"] or m["mon3"])
    day = ORDINALS[m["dayw"].lower()] if m["dayw"] else _day(m["day"] or m["day2"])
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
    if (joined_year := _year_written_after(ctx, m, month)) is not None:
        d = cal.clamp_day(joined_year, month, day)
        if d is None:
            return None
        return _date(cal.day_value(d), "month and day: the year of the date joined to it")
    if (after_start := _range_end(ctx, m.start(), month, day)) is not None:
        return _date(cal.day_value(after_start), "month and day ending a range: the first such "
                     "date after the range's start")  # fmt: skip
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
           None: "no tense decides (a deadline, a chronology's entry): the such date nearest "
                 "the document date"}[forward]  # fmt: skip
    return _date(cal.day_value(d), f"month and day without a year: {how}")


_MONTH_DAY_BEFORE = re.compile(rf"(?P<mon>{MONTH_RE})\s*(?P<day>{DAY_RE})\s+$")


# Two days of one month: "April 24 and 25", "June 3 to 6", "between 11 and 15 August".
@_rule(
    rf"{_JOINING_WORD}\s+(?P<day>{DAY_RE})(?:{COMMA_RE}(?P<year>{YEAR_RE}))?(?!\s*(?:%|[A-Za-z]))"
)
def _second_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "April 24 and 25", "June 3 to 6": the second day is a TIMEX3 of its own, in the same
    month."""
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


_DAY_MONTH_AFTER = re.compile(
    rf"\s+{_JOINING_WORD}\s+(?P<day>{DAY_RE})\s+(?:of\s+)?(?P<mon>{MONTH_RE})"
    rf"(?:{COMMA_RE}(?P<year>{YEAR_RE}))?",
    re.IGNORECASE,
)


@_rule(rf"(?P<first>{DAY_RE})(?={_DAY_MONTH_AFTER.pattern})")
def _first_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "between 11 and 15 August", "from 3 to 6 June": the first day, written without its
    month, is in the month (and year) of the second."""
    after = _DAY_MONTH_AFTER.match(ctx.text, m.end())
    if after is None:
        return None
    month, first, second = _month(after["mon"]), _day(m["first"]), _day(after["day"])
    if first >= second:
        return None
    if after["year"]:
        year = int(after["year"])
    else:  # the year the second day takes (see _month_day), which the first shares
        year = cal.nearest_year_for(month, second, ctx.dct, _month_tense(ctx, after, month, second))
    d = cal.clamp_day(year, month, first)
    if d is None:
        return None
    resolution = Resolution.EXPLICIT if after["year"] else Resolution.RELATIVE
    return _date(cal.day_value(d), "a first day before a day and month", resolution)


@_rule(rf"(?P<mon>{MONTH_RE}){COMMA_RE}(?:of\s+)?(?P<year>{YEAR_RE})")
def _month_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "August 2025", "Aug. of 2025"."""
    cv = cal.month_value(int(m["year"]), _month(m["mon"]))
    return _date(cv, "month and year written in the text", Resolution.EXPLICIT)


# A given name right before a month's name, and after the month what goes on after a person's
# name (a speech verb, an apposition, a possessive): the month is a surname ("Hannah August
# said", "Ellen June, a spokeswoman"; not "Brent October crude", "Starting June, fares rise").
_WORD_BEFORE_MONTH = re.compile(r"(?<![\w.'’-])(?P<word>[A-Z][a-z]+)[ \t]+$")


def _is_given_name(word: str) -> bool:
    """The actors' list of given names, imported when first asked: importing the actors'
    package compiles their patterns (0.7 s), which the tagger alone must not pay at start-up."""
    from events.analysis.actors.wordlists import is_given_name

    return is_given_name(word)


_SPEAKER_GOES_ON = re.compile(r"\s*(?:,|['’]s\b)|\s+(?:said|says|told|added|wrote|asked|who|of)\b")


@_rule(
    rf"(?:(?P<rel>last|this|next|past|coming|(?:the\s+)?(?:previous|following))\s+)?"
    rf"(?P<mon>{MONTH_FULL_RE}|(?-i:Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.)"
    rf"(?:\s+(?P<yrel>last|this|next)\s+year)?"
    # Not before a capitalised word ("August Wilson"), unless a headline runs into the story
    # without a stop ("since his death last June The estate of ...").
    rf"(?!\s*\d)(?!\s+(?-i:(?!{SENTENCE_OPENER_RE}\b)[A-Z][a-z]))(?!-)"
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
    if (
        not rel
        and not m["yrel"]
        and word[-1] != "."
        and _SPEAKER_GOES_ON.match(ctx.text, m.end())
        and (name := _WORD_BEFORE_MONTH.search(ctx.text, max(0, m.start() - 30), m.start()))
        and _is_given_name(name["word"])
    ):
        return None  # "spokeswoman Hannah August said": a given name's surname
    if not rel and word.rstrip(".").lower() == "may":
        # "May" opens many sentences as a modal verb; only take it with a cue around it.
        before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
        if not re.search(
            r"\b(?:in|since|until|by|of|for|from|to|through|between|and|early|late|mid|last|next|"
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
    elif not rel and (written := _year_written_after(ctx, m, month)) is not None:
        year, how = written, "the year of the date joined to it"
    elif not rel and (joined := _joined_month_year(ctx, m.start(), month)) is not None:
        year, how = joined, "the year of the date before it, or the next (a pair or a range)"
    else:
        forward = _month_tense(ctx, m, month, None)
        year = cal.nearest_year_for(month, None, ctx.dct, forward)
        how = {True: "the next such month (the text points forward)",
               False: "the most recent such month (on or before the document date)",
               None: "the such month nearest the document date (a deadline)"}[forward]  # fmt: skip
    return _date(cal.month_value(year, month), f"month without a year: {how}")
