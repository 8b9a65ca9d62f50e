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
_TOKEN = re.compile(r"\w+")
# Characters searched on each side of a trigger word: more than any rule spans around one
# ("las primeras horas de la mañana", "a finales del pasado mes de mayo").
_MARGIN = 48


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


def _windows(text: str, language: Language) -> list[tuple[int, int]]:
    """Stretches of text around the words every match contains one of (a month, a unit, a
    digit...), merged. A news text is mostly other words, so the rules, each a long
    alternation tried at every position, scan a fraction of it."""
    windows: list[tuple[int, int]] = []
    triggers = language.triggers
    for token in _TOKEN.finditer(text):
        word = token.group()
        if not (word[0].isdigit() or word.lower() in triggers):
            continue
        start, end = max(0, token.start() - _MARGIN), token.end() + _MARGIN
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    # Window edges on white space, so that no match is cut inside a word or a number.
    return [(_edge_left(text, s), _edge_right(text, e)) for s, e in windows]


def _edge_left(text: str, start: int) -> int:
    space = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start))
    return space + 1


def _edge_right(text: str, end: int) -> int:
    found = [i for i in (text.find(" ", end), text.find("\n", end)) if i >= 0]
    return min(found) if found else len(text)


def find(text: str, language: Language) -> list[OpenTimex]:
    """Every rule's matches, the overlaps settled: sorted by start, non-overlapping."""
    found: list[tuple[int, int, int, re.Match[str], Rule]] = []
    windows = _windows(text, language)
    for order, rule in enumerate(language.rules):
        finditer = rule.pattern.finditer
        for start, end in windows:
            for match in finditer(text, start, end):
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
