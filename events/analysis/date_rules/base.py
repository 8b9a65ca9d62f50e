"""The rules' registry and what a resolver sees: the resolution context (the text, the
document creation time, the last date and the quarter under discussion), the resolved value,
and ``_rule``, which registers a resolver with its pattern in ``RULES``."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from events.analysis.date_calendar import CalendarValue
from events.analysis.types import Resolution, TimexType

# How far (in characters) a mention of a quarter keeps "a year earlier" and "year-ago" about
# that quarter: about two short paragraphs of an earnings report.
QUARTER_REACH = 1200


@dataclass(slots=True)
class Context:
    """What a resolver may look at: the text, the DCT and the last date resolved so far."""

    text: str
    dct: date
    anchor: CalendarValue | None = None  # the last dated expression, for "the next day"
    anchor_end: int = 0  # where it ends in the text
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

    def set_anchor(self, cv: CalendarValue, end: int) -> None:
        """Make ``cv``, written up to ``end`` in the text, the date later expressions count
        from."""
        self.anchor, self.anchor_end = cv, end

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
        # In a group: the guards hold for every alternative of a pattern written as "a|b".
        compiled = re.compile(_NOT_INSIDE_A_WORD + "(?:" + pattern + r")(?![\w@])", re.IGNORECASE)
        RULES.append(Rule(fn.__name__.lstrip("_"), compiled, fn, priority))
        return fn

    return register


def rule_pattern(resolve: Resolver) -> re.Pattern[str]:
    """The compiled pattern a resolver was registered with (for a rule that reads what another
    one would make of the text at a position)."""
    return next(rule.pattern for rule in RULES if rule.resolve is resolve)
