"""References to the present, past and future ("now", "recently", "the future") and sets
("weekly", "every Monday")."""

from __future__ import annotations

import re

from events.analysis import date_calendar as cal
from events.analysis.date_lexicon import (
    FREQUENCIES,
    MONTH_FULL_RE,
    QUANTITY_RE,
    REFERENCES,
    SEASON_RE,
    SEASONS,
    WEEKDAY_RE,
    parse_quantity,
)
from events.analysis.date_rules.base import Context, Resolved, _rule
from events.analysis.date_rules.days import NAME_BEFORE
from events.analysis.date_rules.durations import rate_before
from events.analysis.date_rules.tense import _SENTENCE_HEAD, _sentence_before
from events.analysis.date_rules.values import _date, _duration_value, _month, _ref, _weekday
from events.analysis.types import TimexType

# The words that name a time in every use ("now", "the past"): the lexicon's [reference]
# table (REFERENCES).
# "at the time" refers to a time past only on its own: "at the time of the attack" names the
# attack's time, "at the time it takes" a duration.
_AT_BEFORE = re.compile(r"\bat\s+$", re.IGNORECASE)
_NOT_THEN_AFTER = re.compile(r"\s+(?:of|for|it|needed|required|being|allotted|allowed)\b")


# Electric "current", an "ocean current": not the present. Searched in the few characters
# before the word, never the whole text before it.
_PHYSICAL_CURRENT = re.compile(r"\b(?:electric|alternating|direct|ocean|strong)\s+$")
# "current" as a noun, not the adjective of "the current quarter": after a determiner, it ends
# the phrase ("the current that way", "a strong current .", "the current could carry it"; but
# "the data are current ." is the adjective).
_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|a|an|its|their|this|that)\s+(?:(?!(?:is|are|was|were|be|been)\s)[a-z-]+\s+)?$",
    re.IGNORECASE,
)
_CURRENT_NOUN_AFTER = re.compile(
    r"\s*(?:[,.;:!?)\"']|--|$)|\s+(?:that|which|of|in|into|to|from|is|was|could|would|"
    r"will|may|might|can|has|had|carries|carried|flows|flowed)\b"
)


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
        or (
            _CURRENT_NOUN_AFTER.match(ctx.text, m.end())
            and _DETERMINER_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start())
        )
        # "the Loop Current": a current's name, after a capitalised word within the sentence.
        or (
            m["ref"] == "Current"
            and NAME_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start())
        )
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


@_rule(r"this\s+time\s+of\s+(?:the\s+)?year")
def _time_of_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "this time of year": the season around the document date, its month."""
    return _date(cal.month_value(ctx.dct.year, ctx.dct.month),
                 "this time of year: the document date's month")  # fmt: skip


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
        if m["adv"].istitle() and re.match(r"\s+[A-Z]", ctx.text[m.end() : m.end() + 3]):
            return None  # "the Daily Courier", "Weekly Ledger": a publication's name
        if re.search(r"\baverage\s+$", ctx.text[max(0, m.start() - 9) : m.start()], re.I):
            return None  # "average daily volume": a measure, not a recurrence
        value = FREQUENCIES[adv]
        return Resolved(TimexType.SET, value, None, None, f"{adv}: a set of times", False)
    if m["q"].lower() == "per" and rate_before(ctx.text, m.start()):
        return None  # "5,000 barrels per day": a rate, like "5,000 barrels a day"
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
