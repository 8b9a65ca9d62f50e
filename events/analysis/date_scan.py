"""Where a rule's pattern can match: a prefilter on the words a match must start with.

The date tagger runs each rule's pattern over the windows around its trigger words
(:mod:`events.analysis.dates`). In a text dense with dates those windows merge into one that
covers the whole text, and every one of ~50 patterns is tried at every character: most of
the tagger's time, since the regular-expression engine cannot skip ahead over a pattern that
opens with look-behind assertions.

This module reads each compiled pattern once (its parse tree, :mod:`re._parser`) and derives
what any match must start with: a few characters, as alternatives ("the", "wee", "Mon",
a digit...). A small pattern of those prefixes, which the engine scans for quickly, finds the
positions worth trying; the rule's own pattern is then matched at those positions only.
:meth:`Scanner.matches` gives exactly the matches ``pattern.finditer(text, start, end)``
gives (same spans, groups and order): the prefixes are a necessary condition, never a guess.
"""

from __future__ import annotations

import re
import sys
from array import array
from functools import cache
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

__all__ = ["Scanner"]

# How many leading characters of a match the prefilter looks at, and how many alternatives it
# may have before it falls back to first characters only: three tell "the" from most words
# starting with "t"; more made no measurable difference and more alternatives.
_DEPTH = 3
_MAX_ALTERNATIVES = 512

# An atom is one character of a match's start as a character-class body ("t", "0-9", "\\d");
# None stands for a character that may be anything (the prefilter cannot use it).
Atom = str | None
# A prefix: its atoms, and whether more of the pattern may follow it (it is "open") or it
# was cut off (at the depth, or after a repeat): only an open prefix is extended further.
Prefix = tuple[tuple[Atom, ...], bool]

_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)


# Characters looked at together by _cased_characters: most blocks of the code space hold no
# character with a case, and one lower() and upper() of the whole block in C says so.
_BLOCK = 256


@cache
def _cased_characters() -> str:
    """Every character with a case: the only ones ignoring case can make equal to another
    (the engine compiles a character without case as itself).

    Built once per process, from the whole code space: a test of each of its 1.1 million
    characters in Python took 0.14 s (0.4 s profiled) of every process's first date. A block
    whose lower() and upper() equal it holds no character with a case (a case mapping never
    shortens a character to nothing, so equal strings mean equal characters), so only the few
    blocks that differ are looked at character by character: the same characters, in order.
    """
    found: list[str] = []
    # Each plane's 65536 characters decoded from UTF-32 in C ("surrogatepass" for the lone
    # surrogates of plane 0), instead of one chr() per character: only the plane byte changes.
    code_units = bytearray(array("I", range(0x10000)).tobytes())
    for plane in range((sys.maxunicode + 1) >> 16):
        code_units[2::4] = bytes([plane]) * 0x10000
        characters = code_units.decode("utf-32-le", "surrogatepass")
        for start in range(0, len(characters), _BLOCK):
            block = characters[start : start + _BLOCK]
            if block.lower() != block or block.upper() != block:
                found.extend(c for c in block if c.lower() != c or c.upper() != c)
    return "".join(found)


@cache
def _any_case(part: str) -> str:
    """A class body (a character or a range) with every character the engine takes for one of
    them when ignoring case spelt out ("k" -> "Kk" and the Kelvin sign): the prefilter is
    compiled without IGNORECASE, which would keep the engine from skipping ahead over text
    that cannot start a match (it only does so for a class of characters without case)."""
    if part.lower() == part.upper():
        return part  # no case: only itself
    found = re.compile(f"[{part}]", re.IGNORECASE).findall(_cased_characters())
    return "".join(re.escape(character) for character in found)


def _class_atom(items: list[tuple[Any, Any]]) -> Atom:
    """A character class (``[a-c\\d]``) as an atom; a negated one may be almost anything."""
    parts: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            parts.append(_any_case(re.escape(chr(av))))
        elif op is sre.RANGE:
            parts.append(_any_case(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}"))
        elif op is sre.CATEGORY and av in _CATEGORIES:
            parts.append(_CATEGORIES[av])  # the same whatever the case
        else:  # NEGATE and anything unusual
            return None
    return "".join(parts)


def _item(op: Any, av: Any, depth: int) -> list[Prefix]:
    """The prefixes (of at most ``depth`` atoms) one element of a parsed pattern can start."""
    if op is sre.LITERAL:
        return [((_any_case(re.escape(chr(av))),), True)]
    if op is sre.IN:
        return [((_class_atom(av),), True)]
    if op in _ZERO_WIDTH:
        return [((), True)]  # consumes nothing: it only narrows where a match is
    if op is sre.SUBPATTERN:
        return _sequence(av[-1], depth)
    if op is sre.BRANCH:
        return [prefix for branch in av[1] for prefix in _sequence(branch, depth)]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, body = av
        if body.getwidth()[0] == 0:  # a repetition that may consume nothing: stop there
            once = [(atoms, False) for atoms, _ in _sequence(body, depth)]
            return [((), True), *once]
        # Each count up to the depth, spelt out ("\\d{1,2}/" starts "\\d/" or "\\d\\d/"); a
        # count at or past the depth fills the prefix by itself.
        return [
            (atoms, open_ and count >= low)
            for count in range(min(low, depth), min(high, depth) + 1)
            for atoms, open_ in _sequence(list(body) * count, depth)
        ]
    return [((None,), False)]  # any character, a back-reference...: unknown


def _sequence(items: Any, depth: int) -> list[Prefix]:
    """The prefixes of a sequence of elements, each element's after the one before."""
    prefixes: list[Prefix] = [((), True)]
    for op, av in items:
        if not any(open_ and len(atoms) < depth for atoms, open_ in prefixes):
            break
        extended: list[Prefix] = []
        for atoms, open_ in prefixes:
            if not open_ or len(atoms) >= depth:
                extended.append((atoms, False))
                continue
            for more, more_open in _item(op, av, depth - len(atoms)):
                joined = atoms + more
                extended.append((joined[:depth], more_open and len(joined) < depth))
        prefixes = list(dict.fromkeys(extended))
        if len(prefixes) > _MAX_ALTERNATIVES:  # too many: keep only the first characters
            prefixes = list(
                dict.fromkeys((atoms[:1], open_ and not atoms) for atoms, open_ in prefixes)
            )
    return prefixes


def _prefilter_source(pattern: re.Pattern[str]) -> str | None:
    """A pattern matching one character, at every position where a match of ``pattern`` can
    start (and at others), or None when any position can start one."""
    parsed = sre_parse.parse(pattern.pattern, pattern.flags).data
    prefixes = _sequence(parsed, _DEPTH)
    rests: dict[str, list[str]] = {}  # first character's class -> what may follow it
    for atoms, _ in prefixes:
        # Up to the first unknown character: what comes after it cannot be placed.
        known = atoms[: atoms.index(None)] if None in atoms else atoms
        if not known:
            return None  # a match may be empty or start with any character
        rests.setdefault(str(known[0]), []).append("".join(f"[{atom}]" for atom in known[1:]))
    # One character consumed, then checked against each first character's class (looking
    # back at it) and what follows it (looking ahead): every position is tried, so prefixes
    # that overlap ("ab" in "aab") are all found. Starting with one class, the engine skips
    # ahead to the next character of that class in C.
    groups = [
        f"(?<=[{first}])" + ("" if "" in rest else f"(?={'|'.join(dict.fromkeys(rest))})")
        for first, rest in rests.items()
    ]
    return f"[{''.join(rests)}]{_guard(parsed)}(?:{'|'.join(groups)})"


def _guard(parsed: Any) -> str:
    """The pattern's own opening check that no character of a class comes before it
    (``(?<![\\w@#/$])``: not inside a word), as a check of the prefilter's: it then skips
    the positions inside words as well. Looked at after the first character is taken, so
    it looks two back: the character before the match and the match's first."""
    if not parsed:
        return ""
    op, av = parsed[0]
    if op is not sre.ASSERT_NOT or av[0] != -1 or len(av[1]) != 1:
        return ""
    ((item_op, item_av),) = av[1]
    if item_op is sre.IN:
        atom = _class_atom(item_av)
    elif item_op is sre.LITERAL:
        atom = _any_case(re.escape(chr(item_av)))
    else:
        return ""
    return "" if atom is None else f"(?<![{atom}][\\s\\S])"


class Scanner:
    """One pattern with its prefilter (built once: reading a pattern takes a few ms)."""

    __slots__ = ("pattern", "prefilter")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        source = _prefilter_source(pattern)
        # Without IGNORECASE: the classes spell out every case already (see _any_case).
        self.prefilter = None if source is None else re.compile(source)

    def matches(self, text: str, start: int, end: int) -> list[re.Match[str]]:
        """The non-empty matches of ``pattern.finditer(text, start, end)``, in order, found
        by trying the pattern only where the prefilter says a match may start."""
        pattern, prefilter = self.pattern, self.prefilter
        if prefilter is None:
            return [m for m in pattern.finditer(text, start, end) if m.end() > m.start()]
        found: list[re.Match[str]] = []
        match_at = pattern.match
        position = start  # where finditer would search from: after the last match
        for hit in prefilter.finditer(text, start, end):
            at = hit.start()
            if at < position:
                continue
            # Never empty: a pattern that can match the empty string has no prefilter.
            match = match_at(text, at, end)
            if match is not None:
                found.append(match)
                position = match.end()
        return found
