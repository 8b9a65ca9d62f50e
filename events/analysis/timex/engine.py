"""Stage 1: apply a language's rules to a text; yield expressions with their unknown parts open.

A rule's value is a template over the pattern's named groups, normalised through the
language's tables (``{month}`` of "mayo" is ``05``). What the text does not say stays open,
in a small notation that :mod:`events.analysis.timex.resolve` fills in:

``XXXX-05-12``     a day without a year             ``XXXX-05``   a month without a year
``WD3``            a Wednesday, direction open       ``WD3-`` / ``WD3+``  the last / next one
``REF-1D``         a day before the document date    ``REF+0W``, ``REF-1Y``: this week, last year
``ANCHOR+1D``      the day after the date last mentioned
``ANCHOR-XX-12``   day 12 of the month last mentioned
``...TNI``         any of these followed by a time of day (``REF+0DTNI``: tonight)

Everything else (``2004-05-12``, ``P3Y``, ``PRESENT_REF``) is already final.

Overlapping matches: the longest wins, then the one found first in the text, then the rule
written first, as in HeidelTime.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from events.analysis.timex.resources import Language, Rule

_TEMPLATE = re.compile(r"\{([a-z_]+\d?)\}")
_WIDTH = {"year": 4, "month": 2, "day": 2, "hour": 2, "minute": 2}


@dataclass(frozen=True, slots=True)
class OpenTimex:
    """A matched expression: its span, TIMEX3 type, and value with unknown parts open."""

    start: int
    end: int
    type: str
    value: str
    rule: str


def _fill(rule: Rule, match: re.Match[str], language: Language) -> str:
    def part(m: re.Match[str]) -> str:
        group = m[1]
        table = group.rstrip("0123456789")
        word = match.group(group)
        if word is None:
            return ""
        value = language.normalise(table, word)
        width = _WIDTH.get(table)
        return value.zfill(width) if width and value.isdigit() else value

    return _TEMPLATE.sub(part, rule.value)


def find(text: str, language: Language) -> list[OpenTimex]:
    """Every rule's matches, the overlaps settled: sorted by start, non-overlapping."""
    found: list[tuple[int, int, int, re.Match[str], Rule]] = []
    for order, rule in enumerate(language.rules):
        for match in rule.pattern.finditer(text):
            if match.end() > match.start():
                found.append((match.start(), match.end(), order, match, rule))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0], f[2]))
    taken = bytearray(len(text))  # 1 where a chosen expression lies: linear, not quadratic
    out: list[OpenTimex] = []
    for start, end, _, match, rule in found:
        if any(taken[start:end]):
            continue
        taken[start:end] = b"\x01" * (end - start)
        out.append(OpenTimex(start, end, rule.type, _fill(rule, match, language), rule.name))
    return sorted(out, key=lambda t: t.start)
