"""Times of day ("10:30 a.m.", "noon Thursday", "the morning"), and a date written with its
clock time, as web pages and wire copy stamp a story ("Sat Oct 3, 2009 7:15 pm EDT")."""

from __future__ import annotations

import re
from datetime import date, timedelta

from events.analysis import date_calendar as cal
from events.analysis import text as textlib
from events.analysis.date_lexicon import (
    COMMA_RE,
    DAY_RE,
    HOUR_WORDS,
    MONTH_RE,
    PARTS_OF_DAY,
    RELATIVE_DAYS,
    SPELLED_NUMBERS,
    SPELLED_TIME_ZONE_RE,
    TIMEZONE_RE,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAY_RE,
    YEAR_RE,
)
from events.analysis.date_rules.base import Context, Resolved, _rule
from events.analysis.date_rules.days import _means_tomorrow, day_named_by_weekday
from events.analysis.date_rules.tense import _points_forward, _year_written_or_nearest
from events.analysis.date_rules.values import _day, _month, _weekday
from events.analysis.types import Precision, Resolution, TimexType

# A clock time: "3 p.m.", "10:35 a.m.", "14:05", "17.20 CET" (a 24-hour clock takes a full
# stop only before its zone: "17.20" alone is a figure). Read by ``_clock``.
_CLOCK = (
    r"(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ampm>a\.?\s?m\b\.?|p\.?\s?m\b\.?)"
    # With its seconds as a page's clock prints them ("10:52:00").
    rf"|(?P<h24>[01]?\d|2[0-3])(?::|\.(?=[0-5]\d\s+{TIMEZONE_RE}\b))(?P<min24>[0-5]\d)(?::[0-5]\d)?"
    r"(?!\s*[ap]\.?m)"
    # Four digits before a zone, as wire copy gives the hour ("at 1351 GMT", "0500 BST",
    # "1400 local time").
    rf"|(?P<h4>[01]\d|2[0-3])(?P<min4>[0-5]\d)(?=\s+(?:{TIMEZONE_RE}\b|{SPELLED_TIME_ZONE_RE}))"
)
# A time given again in another zone, then a weekday: "9:20 a.m. (0720 GMT) Monday". Read
# within a few words of the time.
_WEEKDAY_AFTER_CONVERSION = re.compile(
    rf"\s*(?:\([^()]{{1,30}}\)|-LRB-[^()]{{1,30}}?-RRB-)\s*(?:,\s*)?(?P<wd>{WEEKDAY_RE})(?!\w)"
)
_CONVERSION_REACH = 60
# How far back "this sentence and the one before" is looked for (a bounded window: the
# analysis stays linear in the text).
_PREVIOUS_SENTENCE_REACH = 600


# A preposition that says a clock time follows ("after 21:14 hours", not "for 3:45 hours").
_CLOCK_CUE_BEFORE = re.compile(r"\b(?:at|by|until|from|after|before|since)\s+$", re.I)


def _clock(m: re.Match[str]) -> tuple[int, int] | None:
    """The hour and minute of a ``_CLOCK`` match, or None if it matched no clock."""
    if m["h"]:
        hour = int(m["h"]) % 12 + (12 if m["ampm"].lower().startswith("p") else 0)
        return hour, int(m["min"] or 0)
    if m["h24"]:
        return int(m["h24"]), int(m["min24"])
    if m["h4"]:
        return int(m["h4"]), int(m["min4"])
    return None


def _previous_sentence_start(text: str, position: int) -> int:
    """Where the sentence before the one holding ``position`` starts (looked for in the
    ``_PREVIOUS_SENTENCE_REACH`` characters before it)."""
    low = max(0, position - _PREVIOUS_SENTENCE_REACH)
    start = textlib.sentence_start(text, position, position - low)
    return textlib.sentence_start(text, max(low, start - 1), max(0, start - 1 - low))


def _day_in_focus(ctx: Context, position: int) -> tuple[date, str]:
    """The day a time of day without one of its own is on, and how it was found: the day the
    story has just told of ("The ferry sank on Friday. Divers arrived at 5 p.m."), not a date
    named paragraphs before ("up from the week to March 4"), else the document's."""
    if (
        ctx.anchor is not None
        and ctx.anchor.precision == Precision.DAY
        and ctx.anchor_end > _previous_sentence_start(ctx.text, position)
    ):
        return ctx.anchor.earliest, "on the date of this sentence or the one before"
    return ctx.dct, "on the document date"


# The day a time of day is on, written after it: "3 p.m. EST Nov. 9", "noon Thursday",
# "16:20 GMT, Sunday, 8 March 2009" (a web page's time stamp; a weekday before a date written
# in full is the date's).
_DAY_OF_TIME = (
    rf"(?:(?:{WEEKDAY_RE}{COMMA_RE})?(?P<dmday>{DAY_RE})\s+(?:of\s+)?"
    rf"(?P<dmon>{MONTH_RE}){COMMA_RE}(?P<dyear>{YEAR_RE})"
    rf"|(?:{WEEKDAY_RE}{COMMA_RE})?(?P<wmon>{MONTH_RE})\s*(?P<wmday>{DAY_RE}){COMMA_RE}"
    rf"(?P<wyear>{YEAR_RE})"
    # "1930 CDT on 1 June": a day and month, the year the nearest one in the clause's tense.
    rf"|(?:{WEEKDAY_RE}{COMMA_RE})?(?P<dmday2>{DAY_RE})\s+(?:of\s+)?(?P<dmon2>{MONTH_RE})"
    rf"|(?P<wd>{WEEKDAY_RE})|(?P<dw>today|yesterday|tomorrow)"
    rf"|(?P<mon>{MONTH_RE})\s*(?P<mday>{DAY_RE})(?:{COMMA_RE}(?P<year>{YEAR_RE}))?)"
)
# The day after "on" ("at 16:29 BST on Friday 1 October 2010"): it dates the time, and is
# an expression of its own, the preposition between them belonging to neither.
_ON_DAY_OF_TIME = re.compile(rf"\s+on\s+{_DAY_OF_TIME}(?![\w@])", re.IGNORECASE)
# A time in another zone in brackets after a time ("9:20 a.m. (0720 GMT)"): a conversion,
# which TimeBank leaves untagged.
_CONVERSION_OPENED = re.compile(r"(?:\(|-LRB-)\s*$")


@_rule(
    r"(?:(?P<approx>around|approximately|shortly\s+(?:before|after)|"
    r"just\s+(?:before|after))\s+)?"
    rf"(?:{_CLOCK}"
    r"|(?P<word>noon|midnight|midday)"
    r"|(?P<oc>1[0-2]|[1-9]|" + "|".join(HOUR_WORDS) + ")"
    r"\s+o'clock)"
    # "21:14 hours": a 24-hour clock read out as the military and the emergency services do.
    rf"(?:\s+(?P<tz>{TIMEZONE_RE}|{SPELLED_TIME_ZONE_RE}|hours\b))?"
    rf"(?:{COMMA_RE}{_DAY_OF_TIME})?"
)
def _time(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "3 p.m. EDT", "10:35 a.m.", "noon Thursday": a time on the day in focus."""
    if clock := _clock(m):
        hour, minute = clock
        before = ctx.text[max(0, m.start() - 6) : m.start()]
        if m["h24"] and not m["tz"] and not re.search(r"\b(?:at|by|until|from)\s+$", before, re.I):
            return None  # "3:2" scores, "10:30" verses: only times with a cue
        if m["h4"] and _CONVERSION_OPENED.search(ctx.text, max(0, m.start() - 8), m.start()):
            return None
        if m["tz"] == "hours" and not (
            m["h24"] and len(m["h24"]) == 2 and (m["approx"] or _CLOCK_CUE_BEFORE.search(before))
        ):
            # "after 21:14 hours", a 24-hour clock read out as the military and the emergency
            # services do; "deliberated for 3:45 hours" is a length of time.
            return None
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
    on_day = None
    if not (_writes_date(m) or m["wd"] or m["dw"]):
        on_day = _ON_DAY_OF_TIME.match(ctx.text, m.end())
    after_on = _day_after_on(on_day, ctx) if on_day is not None else None
    if after_on is not None:
        day, how = after_on
    elif _writes_date(m):
        found = _date_written(m, ctx)
        if found is None:
            return None
        day, how = found, "time on the date written"
    elif (
        later := _WEEKDAY_AFTER_CONVERSION.match(ctx.text, m.end(), m.end() + _CONVERSION_REACH)
    ) and (named := day_named_by_weekday(ctx, later.start("wd"))):
        # "9:20 a.m. (0720 GMT) Monday": that Monday, as the weekday's own expression dates it.
        day, how = named, "time on the weekday written after its conversion to another zone"
    elif m["wd"]:
        wd = _weekday(m["wd"])
        # Read as the weekday alone is, from the time's own clause (the weekday's rule, asked at
        # the weekday, would take "3 p.m. Thursday" for a sentence ending after "p.m.").
        if _points_forward(ctx, m) and wd != ctx.dct.weekday():
            day = cal.weekday_on_or_after(ctx.dct, wd)
            how = "time on the weekday written (the next one: the text points forward)"
        elif _means_tomorrow(ctx, m, wd):
            # "could reach the coast by noon Friday" on a Thursday: no past tense governs it.
            day = ctx.dct + timedelta(days=1)
            how = "time on the weekday written (tomorrow, and no past tense governs it)"
        else:
            day = cal.weekday_on_or_before(ctx.dct, wd)
            how = "time on the weekday written (most recent on or before the document date)"
    elif m["dw"]:
        day, how = _day_word(m["dw"], ctx)
    else:
        day, of = _day_in_focus(ctx, m.start())
        how = f"time of day {of}"
    value = f"{day.isoformat()}T{hour:02d}:{minute:02d}"
    if m["word"] and m["word"].lower() == "midnight":
        # "midnight Friday" ends Friday: TimeML writes it T24:00 of that day, not T00:00
        # (which would be the night before).
        value = f"{day.isoformat()}T24:00"
    if m["tz"]:
        how += f" ({m['tz']}; the TIMEX3 value keeps local time)"
    return Resolved(TimexType.TIME, value, cal.day_value(day), Resolution.RELATIVE, how)


def _writes_date(d: re.Match[str]) -> bool:
    """Whether a match of ``_DAY_OF_TIME``'s groups holds a date with its month ("Nov. 9",
    "Sunday, 8 March 2009"), not a weekday or a day word alone."""
    return bool(d["dmon"] or d["wmon"] or d["mon"] or d["dmon2"])


def _date_written(d: re.Match[str], ctx: Context) -> date | None:
    """The day of that date (see ``_writes_date``), None if it is no day of the calendar."""
    if d["dmon"] or d["wmon"]:
        year, month, mday = (
            (d["dyear"], d["dmon"], d["dmday"])
            if d["dmon"]
            else (d["wyear"], d["wmon"], d["wmday"])
        )
        return cal.clamp_day(int(year), _month(month), _day(mday))
    month, mday = _month(d["mon"] or d["dmon2"]), _day(d["mday"] or d["dmday2"])
    return cal.clamp_day(_year_written_or_nearest(ctx, d, d["year"], month, mday), month, mday)


def _day_word(word: str, ctx: Context) -> tuple[date, str]:
    """The day "today", "yesterday" or "tomorrow" names, and how."""
    word = word.lower()
    return ctx.dct + timedelta(days=RELATIVE_DAYS[word]), f"time {word}"


def _day_after_on(on_day: re.Match[str], ctx: Context) -> tuple[date, str] | None:
    """The day written after a time and "on" (``_ON_DAY_OF_TIME``), as its own expression
    dates it, and how; None if it names no day (then the time is on the day in focus)."""
    found: date | None
    if _writes_date(on_day):
        found, how = _date_written(on_day, ctx), "time on the date written after it"
    elif on_day["wd"]:
        found, how = (
            day_named_by_weekday(ctx, on_day.start("wd")),
            "time on the weekday written after it",
        )
    else:
        found, how = _day_word(on_day["dw"], ctx)
    return (found, how) if found is not None else None


# A weekday's short name before a date, as time stamps print it ("Sat Oct 3, 2009"), with or
# without its full stop (the lexicon's abbreviations; elsewhere they need the stop).
_WEEKDAY_SHORT = "(?-i:" + "|".join(sorted(WEEKDAY_ABBREVIATIONS, key=len, reverse=True)) + r")\.?"


@_rule(
    rf"(?:(?:{WEEKDAY_RE}|{_WEEKDAY_SHORT}){COMMA_RE})?"
    rf"(?:(?P<mon>{MONTH_RE})\s*(?P<mday>{DAY_RE})|(?P<dday>{DAY_RE})\s+(?:of\s+)?"
    # Right after a date with its year, a 24-hour clock needs no cue word ("at", "by") to be
    # read as one.
    rf"(?P<dmon>{MONTH_RE})){COMMA_RE}(?P<year>{YEAR_RE}),?\s+(?:at\s+)?(?:{_CLOCK})"
    rf"(?:\s+(?P<tz>{TIMEZONE_RE}))?"
)
def _date_and_time(m: re.Match[str], ctx: Context) -> Resolved | None:
    """A date written with its year, then a clock time: one TIME, as TimeBank writes "5 p.m.
    EST, Nov. 6", and as a time stamp reads ("Sat Oct 3, 2009 7:15 pm EDT", "Monday 12
    October 2009 17.05 BST")."""
    day = cal.clamp_day(int(m["year"]), _month(m["mon"] or m["dmon"]), _day(m["mday"] or m["dday"]))
    if day is None:
        return None
    hour, minute = _clock(m) or (0, 0)  # the pattern holds a clock
    how = "date and time written" + (
        f" ({m['tz']}; the TIMEX3 value keeps local time)" if m["tz"] else ""
    )
    return Resolved(TimexType.TIME, f"{day.isoformat()}T{hour:02d}:{minute:02d}",
                    cal.day_value(day), Resolution.EXPLICIT, how)  # fmt: skip


@_rule(
    r"(?:(?P<h>1[0-2]|[1-9]|" + "|".join(HOUR_WORDS) + ")"
    r"(?::(?P<min>[0-5]\d))?\s+(?:o'clock\s+)?in\s+)?"
    r"the\s+(?P<pod>morning|afternoon|evening|night)(?![\w-])"
)
def _the_part_of_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "(orders placed) in the morning", "at 4 in the morning", "reopened by the evening": that
    part (or hour) of the day in focus (the previous date in the text, else the document date)."""
    before = ctx.text[max(0, m.start() - 10) : m.start()]
    if not m["h"] and not re.search(r"\b(?:in|during|by|until|till)\s+$", before, re.IGNORECASE):
        return None  # "the night of the fire", "the morning papers"
    after = ctx.text[m.end() : m.end() + 4]
    if re.match(r"\s+of\b|'s", after):
        return None
    # The day the narrative last named, however far back: a part of the day tells of the
    # story's day ("Police arrived at dawn. In the evening the crowd left."), as the training
    # articles annotate it; a clock time far from any date is the document's (_day_in_focus).
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
