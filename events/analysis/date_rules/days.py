"""Weekdays and days relative to the document date: "on Thursday", "yesterday", "tonight",
"overnight"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from events.analysis import date_calendar as cal
from events.analysis.date_lexicon import (
    DIRECTIONS,
    MONTH_RE,
    NEWSPAPER_AFTER_RE,
    NEWSPAPER_BEFORE_RE,
    PART_OF_DAY_RE,
    PARTS_OF_DAY,
    RELATIVE_DAYS,
    WEEKDAY_RE,
)
from events.analysis.date_rules.base import Context, Resolved, _rule, rule_pattern
from events.analysis.date_rules.tense import (
    _AHEAD_OF,
    _past_clause_before,
    _past_tense_governs,
    _points_forward,
    _sentence_before,
)
from events.analysis.date_rules.values import _date, _weekday
from events.analysis.types import Precision, Resolution, TimexType


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
    if not (m["rel"] or m["pod"] or m["edge"] or m["s"]) and _names_a_newspaper(m, ctx):
        return None  # "London's Sunday Times reported", "the Mail on Sunday said": a paper
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
        (
            _points_forward(ctx, m)
            and wd != dct.weekday()
            # "Wednesday's ruling": news names an event by its weekday once it has happened,
            # unless it is awaited ("ahead of Tuesday's vote", "await Monday's report").
            and not ctx.text.startswith("'s", m.end())
        )
        or (
            ctx.text.startswith("'s", m.end())
            and wd != dct.weekday()
            and _AWAITED.search(ctx.text, max(0, m.start() - 20), m.start())
        )
        or (
            # "a letter ahead of their hearing with him on Thursday": the awaited day.
            wd != dct.weekday() and _AHEAD_OF.search(ctx.text, max(0, m.start() - 80), m.start())
        )
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
        # "Friday evening", "Friday morning": a TIME of that day, as the TimeML guidelines
        # write a part of a named day, and as "this morning" is one.
        return Resolved(TimexType.TIME, f"{d.isoformat()}T{PARTS_OF_DAY[pod]}",
                        cal.day_value(d), Resolution.RELATIVE, f"{how}; {pod}")  # fmt: skip
    return _date(cal.day_value(d), how)


@_rule(rf"(?P<wd>{WEEKDAY_RE})\s+(?:of\s+)?(?P<week>last|next|this)\s+week")
def _weekday_of_week(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "Tuesday last week", "Friday of next week": that weekday of the week named."""
    step = DIRECTIONS[m["week"].lower()]
    day = cal.week_value(ctx.dct + timedelta(weeks=step)).earliest + timedelta(
        days=_weekday(m["wd"])
    )
    name = m["wd"].rstrip(".").capitalize()
    return _date(cal.day_value(day), f"{name} of {m['week'].lower()} week")


_WEEKDAY_EXPR = rule_pattern(_weekday_expr)  # registered above


def day_named_by_weekday(ctx: Context, position: int) -> date | None:
    """The day the weekday written at ``position`` names, as its own expression dates it."""
    found = _WEEKDAY_EXPR.match(ctx.text, position)
    resolved = _weekday_expr(found, ctx) if found else None
    return resolved.cal.earliest if resolved is not None and resolved.cal is not None else None


_SHARED_PLURAL = re.compile(
    rf"\s+(?:and|or)\s+(?:{WEEKDAY_RE})(?:s\b|\s+(?P<pod>{PART_OF_DAY_RE})s\b)"
)
# A newspaper named by its day (the lexicon's ``newspaper_after`` / ``newspaper_before``),
# capitalised as a title is, after an article or an owner ("the Sunday Times", "London 's
# Sunday Telegraph", "the Mail on Sunday"; not "said Sunday World Bank loans would resume", "an
# Independent on Sunday").
_NEWSPAPER_AFTER = re.compile(rf"\s+{NEWSPAPER_AFTER_RE}\b")
_TITLE_OWNER_BEFORE = re.compile(r"(?:\b[Tt]he|['’]s)\s+$")
_NEWSPAPER_BEFORE = re.compile(rf"\b[Tt]he\s+{NEWSPAPER_BEFORE_RE}\s+$")


def _names_a_newspaper(m: re.Match[str], ctx: Context) -> bool:
    """Whether the weekday at ``m`` is a word of a newspaper's title, not a day."""
    if _NEWSPAPER_BEFORE.search(ctx.text, max(0, m.start() - 24), m.start()):
        return True
    return bool(
        _NEWSPAPER_AFTER.match(ctx.text, m.end())
        and _TITLE_OWNER_BEFORE.search(ctx.text, max(0, m.start() - 6), m.start())
    )


_AWAITED = re.compile(r"\b(?:ahead\s+of|await(?:s|ing)?)\s+$", re.IGNORECASE)
# A broadcast named by a day word: "the Today Live show", "the Tonight programme".
PROGRAMME_AFTER = re.compile(r"\s+(?:programme|program|show)\b", re.IGNORECASE)
_GENERIC_AGE = re.compile(
    r"(?:'s|\u2019s)\s+(?:world|youth|young|society|generation|children|kids|economy|"
    r"technology|standards|culture|market(?:place)?|politics|(?:\w+\s+)?computers)\b",
    re.IGNORECASE,
)


# "the people of tomorrow" (but "as of today" is the day itself).
_GENERIC_OF = re.compile(r"\bthe\s+[a-z]+\s+of\s+$")
# A capitalised word right before, within a sentence: the word after it is part of a name
# ("Harbour Today", "the Harbour Arts Weekend").
NAME_BEFORE = re.compile(r"(?<![.!?:\"'`]\s)(?<!^)\b[A-Z][A-Za-z]*\s+$")


def _means_tomorrow(ctx: Context, m: re.Match[str], wd: int) -> bool:
    """Whether a bare weekday that is tomorrow's weekday means tomorrow, not six days ago.

    Past news names the day with a past-tense verb ("was told Tuesday", "On Tuesday, police
    arrested..."); without one, tomorrow is meant ("a demonstration on Saturday", "On
    Tuesday, the league plans to..."), as TimeBank annotates it.
    """
    if (wd - ctx.dct.weekday()) % 7 != 1 or ctx.text.startswith("'s", m.end()):
        return False
    return not _past_tense_governs(ctx, m) and not _past_clause_before(ctx, m)


@_rule(
    r"(?P<word>"
    + "|".join(word.replace(" ", r"\s+") for word in RELATIVE_DAYS)
    + r")(?:\s+(?P<pod>"
    + PART_OF_DAY_RE
    + r"))?"
    r"|(?:(?:earlier|later|early|late)\s+)?(?P<this>this|last|tomorrow|yesterday)\s+(?P<pod2>"
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
        # A day word inside a title, not the day: after a capitalised word ("Harbour Today"),
        # or before "programme" or "show" within a sentence ("the Today Live show", "the
        # Tonight programme").
        if (
            word == "today"
            and m["word"] == "Today"
            and NAME_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start())
        ) or (
            m.group().istitle()
            and PROGRAMME_AFTER.match(ctx.text, m.end())
            and _sentence_before(ctx.text, m.start()).strip()
        ):
            return None
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
