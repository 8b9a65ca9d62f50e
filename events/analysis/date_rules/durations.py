"""Durations ("three years", "a decade", "half a year", "a week or two", "recent weeks",
"the years ahead") and the unit phrases read with them ("the third day of", "the week before
last", "month-long")."""

from __future__ import annotations

import re

from events.analysis import date_calendar as cal
from events.analysis import text as textlib
from events.analysis.date_lexicon import (
    COUNTED_UNIT_RE,
    HALF_UNITS,
    KIND_OF_DAY_RE,
    LENGTH_OF_PERIOD_RE,
    NUMBER_WORD_RE,
    ORDINAL_RE,
    QUANTITY_RE,
    SPELLED_NUMBERS,
    UNITS_LONGEST_FIRST,
    parse_quantity,
    shortened_unit,
    unit_key,
)
from events.analysis.date_rules.base import Context, Resolved, _rule
from events.analysis.date_rules.tense import _sentence_before
from events.analysis.date_rules.values import _date, _duration_value, _ref, _relative_to_dct
from events.analysis.types import TimexType

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
    + rf"(?P<n>{QUANTITY_RE})(?:\s+(?:more|additional|full|whole|entire|straight|consecutive))?"
    rf"(?P<sep>[-\s]+)(?:{KIND_OF_DAY_RE}\s+)?(?P<unit>{COUNTED_UNIT_RE})(?P<long>-long|-old)?"
    r"(?P<half>\s+and\s+a\s+half)?"  # "a year and a half"
    # "an hour and 13 minutes", "two years and six months": one length.
    rf"(?:\s+and\s+(?!an?\b)(?P<n2>\d+|{NUMBER_WORD_RE})\s+"
    r"(?P<unit2>(?:month|week|day|hour|minute|second)s?))?"
    r"(?:\s+or\s+so)?"  # "the next two years or so": the approximation is the expression's
)  # fmt: skip
def _duration(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "three days", "the past three years", "five-year", "several decades"."""
    unit = unit_key(m["unit"])
    quantity = m["n"].lower()
    if m["long"] and m["long"].lower() == "-old":
        return None
    if shortened_unit(m["unit"]) and not quantity[0].isdigit():
        return None
    if m["unit"] == "Year" and _SCHOOL_YEAR_NUMBER.match(ctx.text, m.end()):
        return None  # "eight Year Six pupils": a class of a British school, not eight years
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
        # "roughly a quarter to half of the flow", "a quarter or a third of": fractions in a range.
        or re.match(r"\s+(?:to|or)\s+(?:a\s+)?(?:half|third|two-thirds|three-quarters)\b", after)
    ):
        return None  # a fraction ("three-quarters", "a quarter of the market")
    if quantity in ("a", "an") and m["sep"].strip() == "":
        # "a year" alone: a duration, but a SET after an amount ("$5 a year", "twice a day").
        before = ctx.text[max(0, m.start() - 25) : m.start()]
        if re.search(r"\b(?:twice|once|times)\s+$", before, re.IGNORECASE):
            return Resolved(TimexType.SET, _duration_value(1, unit), None, None,
                             f"once a {unit}", anchors=False)  # fmt: skip
        if rate_before(ctx.text, m.start()):
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
        ctx.set_anchor(cal.year_value(ctx.quarter.earliest.year), m.end())  # type: ignore[union-attr]
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
    if (
        not m["the"]
        and (m["span"] or "").lower() == "last"
        and _VERB_BEFORE_LAST.search(ctx.text, max(0, m.start() - 16), m.start())
    ):
        # "the storm could last up to 48 hours": "last" is the verb, the length what follows.
        span = (_start_after(m, "span"), m.end())
    a_few = m["the"] and m["the"].lower() == "a" and re.match(r"few|couple", quantity)
    if (
        m["the"]
        and (m["the"].lower() != "the" or "-" in m["sep"])
        and quantity not in ("a", "an")
        and not a_few  # "a few days", "a couple of years": the article is the quantity's
    ):
        # "a 16-hour flight", "its two-year plan": the determiner belongs to the noun phrase.
        span = (m.start("span") if m["span"] else _start_after(m, "the"), m.end())
    value = _duration_value(amount, unit)
    if m["n2"]:
        second = unit_key(m["unit2"])
        if (
            amount is None
            or amount != int(amount)
            or m["half"]
            or UNITS_LONGEST_FIRST.index(second) <= UNITS_LONGEST_FIRST.index(unit)
        ):
            return None  # a whole number of the longer unit, then a shorter one
        value = _joined_durations(value, _duration_value(parse_quantity(m["n2"]), second))
    return Resolved(TimexType.DURATION, value, None, None,
                     f"duration of {m['n']} {unit}(s)", anchors=False, span=span)  # fmt: skip


def _joined_durations(longer: str, shorter: str) -> str:
    """One TIMEX3 value of two lengths: "PT1H" and "PT13M" -> "PT1H13M", "P2Y" and "P6M" ->
    "P2Y6M", "P1D" and "PT12H" -> "P1DT12H"."""
    if longer.startswith("PT"):
        return longer + shorter.removeprefix("PT")
    return longer + shorter.removeprefix("P")


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


@_rule(r"(?P<unit>hour|day|week|month|year|decade|century)-?long")
def _unit_long(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "a day-long meeting", "a weeklong break": one unit ("a year-long probe")."""
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
# "Year 6", "Year Six": the number of a school year (as British schools name their classes).
_SCHOOL_YEAR_NUMBER = re.compile(
    r"\s+(?:\d{1,2}|"
    + "|".join(word.capitalize() for word, number in SPELLED_NUMBERS.items() if number <= 13)
    + r")\b"
)
# A modal, "to" or "do" before "last": the verb ("could last two weeks", "did not last a year").
_VERB_BEFORE_LAST = re.compile(
    r"\b(?:will|would|could|may|might|can|shall|should|must|to|did|does|do)(?:\s+not|n't)?\s+$",
    re.IGNORECASE,
)
# A rate's amount further back: a figure, a plural noun, an aside in brackets and what it is
# of ("5,000 barrels -LRB- 210,000 gallons -RRB- of oil a day", "10,000 barrels of oil a day").
_AMOUNT_OF_BEFORE = re.compile(
    r"\d[\d,.]*\s+(?:[a-z]+\s+)?[a-z]+s\s+(?:(?:-LRB-|\()[^()\n]{0,40}?(?:-RRB-|\))\s+)?"
    r"(?:of\s+(?:[a-z-]+\s+){1,2})?$"
)
_AMOUNT_OF_REACH = 80


def rate_before(text: str, position: int) -> bool:
    """Whether an amount comes right before ``position``, making "a day" or "per day" there a
    rate ("$2 million a year", "5,000 barrels of oil per day"), which TimeBank leaves out."""
    return bool(
        _RATE_BEFORE.search(text[max(0, position - 25) : position])
        or _AMOUNT_OF_BEFORE.search(text, max(0, position - _AMOUNT_OF_REACH), position)
    )


_RATE_BEFORE = re.compile(
    # "8m litres a day", "$3.5bn a year": a figure with its multiplier's letters.
    r"(?:\d(?:m|bn|mn|k)?|percent|%|million|billion|dollars?|cents?|\b(?:"
    + "|".join(word for word, number in SPELLED_NUMBERS.items() if 2 <= number <= 10)
    # ... within the sentence: "three thousand.\n\nBut a minute later" is no rate.
    + r"|dozen|hundred|thousand|several|many|few))\b(?:[\w ,]|\.(?!\s)){0,14}$",
    re.IGNORECASE,
)


def _start_after(m: re.Match[str], group: str) -> int:
    """Where a duration starts once the word of ``group`` before it (a determiner, the verb
    "last") and the white space after it are dropped."""
    return textlib.after_space(m.string, m.end(group), m.end())


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


# What a plural unit is a stretch of, or before: "months of talks", "decades of Western
# sanctions", "weeks before the spill" (not "the days of the week").
_STRETCH_AFTER = re.compile(
    r"\s+(?:of\s+(?!(?:the|a|an|this|that|his|her|its|their)\b)(?P<next>[A-Za-z])"
    r"|before\b|after\b)"
)
# "those days of glory", "his years of service", "the heady days of", "the early hours of":
# days someone or something had, not a length of time.
_OWNER_BEFORE = re.compile(
    r"\b(?:the|those|these|his|her|their|its|our|my|your)\s+(?:[a-z]+\s+)?$|\bmatter\s+of\s+$"
)


def _is_stretch(m: re.Match[str], before: str) -> bool:
    """Whether a bare plural unit is a stretch of time by what follows it (``_STRETCH_AFTER``),
    not days someone had nor a title's words ("Days of Rage")."""
    stretch = _STRETCH_AFTER.match(m.string, m.end())
    if stretch is None or _OWNER_BEFORE.search(before):
        return False
    return not (m["unit"][0].isupper() and (stretch["next"] or "").isupper())


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
    # Only where the plural is used as an amount of time, not as "the days of", "days when":
    # after a word that measures time ("for years", "from years of research", "years if not
    # decades"), or before what it is a stretch of or before ("months of talks", "decades of
    # sanctions", "weeks before the spill"; not "days of the week").
    if not (
        m["long"]
        or re.search(r"\b(?:for|in|over|within|after|takes?|took|last(?:ed)?|spent|spend|recent|"
                     r"coming|past|from|if\s+not|or\s+even|period\s+of)\s+$", before)
        or _is_stretch(m, before)
    ):  # fmt: skip
        return None
    if re.search(r"\brecent\s+$", before):
        return None
    return Resolved(TimexType.DURATION, _duration_value(None, unit), None, None,
                     f"an unspecified number of {m['unit'].lower()}", anchors=False)  # fmt: skip


# A word that measures the time after it: "for a while", "it will take some time".
_MEASURE_BEFORE = re.compile(
    r"\b(?:for|in|after|within|takes?|took|taking|taken|spent|spend|spending|wait|waited|"
    r"waiting|needs?|needed)\s+$",
    re.IGNORECASE,
)


@_rule(
    r"(?:a\s+while|some\s+time)"
    r"(?!\s+(?:ago|later|earlier|before|after|back|in|next|this|last|soon|to\s+come)\b)"
    rf"|(?P<period>a\s+(?:(?:fairly|very|relatively|rather)\s+)?{LENGTH_OF_PERIOD_RE}\s+"
    r"period(?:\s+of\s+time)?)"
)
def _a_while(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "for a while", "it will take some time": a stretch of time of no stated length
    (TimeBank: "a while" = PXX), where a word before measures it (not "some time ago", nor
    "once in a while"); "a fairly lengthy period" (TimeBank's PXX) measures itself."""
    before = ctx.text[max(0, m.start() - 14) : m.start()]
    if not m["period"] and (
        not _MEASURE_BEFORE.search(before) or re.search(r"\bonce\s+in\s+$", before, re.I)
    ):
        return None
    return Resolved(TimexType.DURATION, "PXX", None, None,
                     f"{' '.join(m.group().lower().split())}: a stretch of no stated length",
                     anchors=False)  # fmt: skip


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
