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

__all__ = ["MultiScanner", "Scanner"]

# How many leading characters of a match the prefilter looks at, and how many alternatives it
# may have before they are cut shorter (``_shortened``): three tell "the" from most words
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


def _item(op: Any, av: Any, depth: int, limit: int) -> list[Prefix]:
    """The prefixes (of at most ``depth`` atoms) one element of a parsed pattern can start."""
    if op is sre.LITERAL:
        return [((_any_case(re.escape(chr(av))),), True)]
    if op is sre.IN:
        return [((_class_atom(av),), True)]
    if op in _ZERO_WIDTH:
        return [((), True)]  # consumes nothing: it only narrows where a match is
    if op is sre.SUBPATTERN:
        return _sequence(av[-1], depth, limit)
    if op is sre.BRANCH:
        return [prefix for branch in av[1] for prefix in _sequence(branch, depth, limit)]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, body = av
        if body.getwidth()[0] == 0:  # a repetition that may consume nothing: stop there
            once = [(atoms, False) for atoms, _ in _sequence(body, depth, limit)]
            return [((), True), *once]
        # Each count up to the depth, spelt out ("\\d{1,2}/" starts "\\d/" or "\\d\\d/"); a
        # count at or past the depth fills the prefix by itself.
        return [
            (atoms, open_ and count >= low)
            for count in range(min(low, depth), min(high, depth) + 1)
            for atoms, open_ in _sequence(list(body) * count, depth, limit)
        ]
    return [((None,), False)]  # any character, a back-reference...: unknown


def _sequence(items: Any, depth: int, limit: int = _MAX_ALTERNATIVES) -> list[Prefix]:
    """The prefixes of a sequence of elements, each element's after the one before."""
    prefixes: list[Prefix] = [((), True)]
    items = list(items)
    for index, (op, av) in enumerate(items):
        if not any(open_ and len(atoms) < depth for atoms, open_ in prefixes):
            break
        extended: list[Prefix] = []
        for atoms, open_ in prefixes:
            if not open_ or len(atoms) >= depth:
                extended.append((atoms, False))
                continue
            ahead = _looked_ahead(op, av, items[index + 1 :], depth - len(atoms), limit)
            for more, more_open in ahead or _item(op, av, depth - len(atoms), limit):
                joined = atoms + more
                extended.append((joined[:depth], more_open and len(joined) < depth))
        prefixes = list(dict.fromkeys(extended))
        if len(prefixes) > limit:
            prefixes = _shortened(prefixes, limit)
    return prefixes


def _looked_ahead(
    op: Any, av: Any, rest: list[tuple[Any, Any]], depth: int, limit: int
) -> list[Prefix] | None:
    """The prefixes of a look-ahead (``(?=\\s+(?:and|or|to)\\s+...)``) that closes what its
    sequence consumes, closed; None for any other element, or a look-ahead that may read nothing
    or anything first.

    What the look-ahead reads is text the match's start is followed by, as what the sequence
    consumes is: a necessary condition the same way. Read only where nothing but checks
    follows it in its sequence (whatever comes after it reads the same characters again). A
    day before "and" and a month ("28 and 29 August"), tried at every day and year of a text
    of dates: "28, 2025", "1998 and" are no such day."""
    if op is not sre.ASSERT or av[0] != 1 or any(later not in _ZERO_WIDTH for later, _ in rest):
        return None
    body = av[1]
    if body.getwidth()[0] == 0:
        return None
    prefixes = _sequence(body, depth, limit)
    if any(not atoms or atoms[0] is None for atoms, _ in prefixes):
        return None
    return [(atoms, False) for atoms, _ in prefixes]


def _shortened(prefixes: list[Prefix], limit: int) -> list[Prefix]:
    """Too many prefixes, cut to the longest length at which they are few enough (a prefix
    cut short is closed: a necessary condition all the same).

    Cutting them all to their first characters, as this first did, left the rules of many
    alternatives (a duration's quantity words, "the", "a" or "its" before them: 1,841 prefixes
    of six characters) with no prefilter but their first character: a duration was tried at
    every digit of a text dense with dates ("28, 2025", "1998 and") and failed at seven in
    eight. Four characters of its prefixes (276 of them) tell "28, " from "28 d"."""
    for length in range(max(len(atoms) for atoms, _ in prefixes) - 1, 0, -1):
        cut = list(
            dict.fromkeys(
                (atoms[:length], open_ and len(atoms) <= length) for atoms, open_ in prefixes
            )
        )
        if len(cut) <= limit:
            return cut
    return cut


@cache  # read once per pattern: the scanner of each rule and the scanner of all read it
def _prefilter_parts(
    pattern: re.Pattern[str], depth: int = _DEPTH, limit: int = _MAX_ALTERNATIVES
) -> dict[str, dict[str, list[str]]] | None:
    """What a match of ``pattern`` must start with: per opening guard's class (see
    :func:`_guard_atom`; "" for none), per class of the first character, the classes that
    may follow it (up to the depth; "" where anything may; cut shorter where they are more
    than ``limit``); None when a match may be empty or start with anything.

    A pattern that is one alternation at the top ("a|b|c") is read alternative by
    alternative: a rule's opening guard is then its first alternative's only, and the other
    alternatives may start inside a word; one set of prefixes for all would lose the guard.
    """
    parsed = sre_parse.parse(pattern.pattern, pattern.flags).data
    alternatives = [parsed]
    if len(parsed) == 1 and parsed[0][0] is sre.BRANCH:
        alternatives = parsed[0][1][1]
    parts: dict[str, dict[str, list[str]]] = {}
    for alternative in alternatives:
        rests = parts.setdefault(_guard_atom(alternative), {})
        for atoms, _ in _sequence(alternative, depth, limit):
            # Up to the first unknown character: what comes after it cannot be placed.
            known = atoms[: atoms.index(None)] if None in atoms else atoms
            if not known:
                return None  # a match may be empty or start with any character
            first, rest = str(known[0]), "".join(f"[{atom}]" for atom in known[1:])
            rests.setdefault(first, []).append(rest)
    return parts


def _branches(parts: dict[str, dict[str, list[str]]]) -> str:
    """Each guard, then each first character's class and what follows it."""
    return "|".join(
        f"{_guard(atom)}(?:{'|'.join(_groups(rests))})" for atom, rests in parts.items()
    )


def _firsts(parts: dict[str, dict[str, list[str]]]) -> str:
    """Every first character's class, as one class body."""
    return "".join(dict.fromkeys(first for rests in parts.values() for first in rests))


def _groups(rests: dict[str, list[str]]) -> list[str]:
    """Each first character's class (looking back at the character just taken) and what
    follows it (looking ahead)."""
    return [
        f"(?<=[{first}])" + ("" if "" in rest else f"(?={_alternation(rest)})")
        for first, rest in rests.items()
    ]


# One atom of a prefix as ``_prefilter_parts`` writes it: a class, "[...]" (a "]" inside it
# is escaped).
_ATOM = re.compile(r"\[(?:\\.|[^\\\]])*\]")
_Trie = dict[str, "_Trie"]


def _alternation(rests: list[str]) -> str:
    """The prefixes ``rests`` (each a run of classes) as one pattern that matches where one of
    them does, written as a tree: those sharing a start share its pattern.

    The same test as their plain alternation, but a deep prefilter's thousands of prefixes
    (a duration's 1,841 of six characters) written out one by one took 0.1 s to compile, and
    the rules' all together 0.9 s of a process's first dates; as a tree they are a fraction of
    the size."""
    trie: _Trie = {}
    for rest in dict.fromkeys(rests):
        atoms = _ATOM.findall(rest)
        if "".join(atoms) != rest:  # not a run of classes: written as it is
            atoms = [f"(?:{rest})"]
        node = trie
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[""] = {}  # a prefix ends here
    return _trie_source(trie)


def _trie_source(node: _Trie) -> str:
    if "" in node:
        return ""  # a prefix ends here: whatever follows, one of them matches
    branches = [atom + _trie_source(child) for atom, child in node.items()]
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


def _prefilter_source(
    pattern: re.Pattern[str], depth: int = _DEPTH, limit: int = _MAX_ALTERNATIVES
) -> str | None:
    """A pattern matching one character, at every position where a match of ``pattern`` can
    start (and at others), or None when any position can start one."""
    parts = _prefilter_parts(pattern, depth, limit)
    if parts is None:
        return None
    # One character consumed, then checked against each first character's class (looking
    # back at it) and what follows it (looking ahead): every position is tried, so prefixes
    # that overlap ("ab" in "aab") are all found. Starting with one class, the engine skips
    # ahead to the next character of that class in C.
    return f"[{_firsts(parts)}](?:{_branches(parts)})"


def _guard_atom(parsed: Any) -> str:
    r"""The class of the pattern's own opening check that no character of it comes before a
    match (``(?<![\w@#/$])``: not inside a word), as a class body; "" when it has none."""
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
    return atom or ""


def _guard(atom: str) -> str:
    """The guard as a check of the prefilter's: it then skips the positions inside words as
    well. Looked at after the first character is taken, so it looks two back: the character
    before the match and the match's first."""
    return f"(?<![{atom}][\\s\\S])" if atom else ""


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


# Rule indices whose prefilter takes the character after a key's first (see MultiScanner),
# per key: the character before a position and three from it. A text repeats its few
# thousand such keys; the table is emptied when it grows past this many.
_KEYS_KEPT = 65536
# Where a key is taken by this many patterns or more, the patterns are narrowed by their
# prefixes of up to _DEEP_DEPTH characters, read from the text there: "the first", "the
# next", "the city" are told apart, and only a few patterns are tried instead of all twenty
# (the positions at "the", at a digit, at a capital that opens a month's name). A key of that
# many characters is new far more often than one of four; while a duration's deep prefilter
# was cut to its first characters (see _DEEP_ALTERNATIVES), narrowing every position made the
# tagger slower on the TimeML corpus, and only four patterns or more were narrowed. Now that
# it tells "28, 2025" from "28 days", narrowing wherever one pattern takes a key is faster
# everywhere (alternated in one process, best of four: 256 TimeML documents 0.380 -> 0.321 s,
# 400 Timeline17 articles 1.153 -> 1.072 s, 500 KB of dates 0.940 -> 0.874 s).
_DEEP_FROM = 1
_DEEP_DEPTH = 6
# How many prefixes a deep prefilter may hold before they are cut shorter (``_shortened``): a
# duration's six characters run to 1,841 (its quantity words, with "the", "a", "past" or
# "nearly" before them), a month's day to 1,361. Cut to four characters at 512, a duration was
# still tried at every year of a text of dates ("2025, two") and failed there; its five
# characters fit in 1,024 and tell it. Six (at 4,096) spared a tenth of the attempts on news
# more, for 0.1 s more of a process's first dates (the prefilters' reading and compiling).
_DEEP_ALTERNATIVES = 1024


@cache
def _deep_prefilter(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The prefilter of ``pattern``'s prefixes up to _DEEP_DEPTH characters, built when first
    needed (a few milliseconds a pattern; all of them at once doubled the tagger's start).
    Read from the same parse as the prefilter: a prefix cut off where they grow too many is
    a necessary condition all the same."""
    source = _prefilter_source(pattern, _DEEP_DEPTH, _DEEP_ALTERNATIVES)
    return None if source is None else re.compile(source)


_NEVER = sys.maxsize  # the start and end of a window after every other
_match_start = re.Match.start
_match_end = re.Match.end


def _ahead(rests: dict[str, list[str]]) -> str:
    """Each first character's class and what may follow it, as alternatives each opening
    with a class: the engine rules out an alternative on one character test."""
    return "|".join(
        f"[{first}]" + ("" if "" in rest else f"(?:{'|'.join(dict.fromkeys(rest))})")
        for first, rest in rests.items()
    )


def _literals(body: str) -> list[str] | None:
    """The characters of a class body ("Jj", "1-9"), or None for a category ("\\d" holds
    digits of every script) or a long range."""
    ((op, av),) = sre_parse.parse(f"[{body}]").data
    items = av if op is sre.IN else [(op, av)]
    characters: list[str] = []
    for item_op, item_av in items:
        if item_op is sre.LITERAL:
            characters.append(chr(item_av))
        elif item_op is sre.RANGE and item_av[1] - item_av[0] < 64:
            characters.extend(map(chr, range(item_av[0], item_av[1] + 1)))
        else:
            return None
    return characters


def _anywhere(rests: dict[str, list[str]]) -> str:
    """A pattern matching at every position where one of the prefixes starts (prefixes
    without a guard: inside words too).

    Each first character spelt out as a literal opening its own alternative, what follows
    it looked at ahead: the engine then skips in C to the next of those characters (three
    times faster on prose than trying a look-ahead at every position, which it does when a
    first character is a category such as ``\\d``)."""
    alternatives: list[str] = []
    for first, rest in rests.items():
        characters = _literals(first)
        if characters is None:
            return f"(?={_ahead(rests)})"
        ahead = "" if "" in rest else f"(?={'|'.join(dict.fromkeys(rest))})"
        alternatives.extend(re.escape(character) + ahead for character in characters)
    return f"(?:{'|'.join(alternatives)})"


class MultiScanner:
    """Several patterns, each over its own windows of one text, found in one pass.

    A scanner per pattern scans each of its windows with its own prefilter: in ordinary
    prose, where the windows of ~50 date rules each cover most of the text, the engine
    stepped through the text ~50 times, most of the date tagger's time. Here the positions
    where any of them may start are found once: those after a character that their guard
    allows (a space, a quote: the engine skips ahead over words in C) and whose first
    characters one of the patterns may start with; and, for the alternatives that have no
    guard, any position where their first characters are. At each, the patterns whose own
    prefilter takes it are looked up by the four characters around it (a prefilter reads
    nothing else: the character before, for its guard, and three from the position), and
    each is tried only inside its windows. :meth:`matches` gives, per pattern, exactly what
    :meth:`Scanner.matches` gives window by window.
    """

    __slots__ = (
        "_after_guard",
        "_deep_keys",
        "_keys",
        "_prefilters",
        "_unguarded",
        "scanners",
    )

    def __init__(self, patterns: list[re.Pattern[str]]) -> None:
        self.scanners = [Scanner(pattern) for pattern in patterns]
        self._prefilters = [scanner.prefilter for scanner in self.scanners]
        union: dict[str, dict[str, list[str]]] = {}
        for pattern in patterns:
            parts = _prefilter_parts(pattern)
            if parts is None:
                raise ValueError(f"no prefilter for {pattern.pattern!r}")
            for atom, rests in parts.items():
                merged = union.setdefault(atom, {})
                for first, rest in rests.items():
                    merged.setdefault(first, []).extend(rest)
        guards = [atom for atom in union if atom]
        if len(guards) > 1:
            raise ValueError("the patterns' guards differ")
        self._after_guard = None
        if guards:
            # The character before a position (consumed: the next position's is the one
            # after it, so none is passed over), then what the position starts with.
            (atom,) = guards
            self._after_guard = re.compile(f"[^{atom}](?={_ahead(union[atom])})")
        unguarded = union.get("")
        self._unguarded = None if unguarded is None else re.compile(_anywhere(unguarded))
        self._keys: dict[str, tuple[int, ...]] = {}
        # Per longer key, the patterns whose deep prefilter (``_deep_prefilter``) takes it.
        self._deep_keys: dict[str, tuple[int, ...]] = {}

    def _takers(self, key: str, at: int) -> tuple[int, ...]:
        """The patterns whose prefilter takes the character at ``key[at]``."""
        return tuple(
            index
            for index, prefilter in enumerate(self._prefilters)
            if prefilter is not None and prefilter.match(key, at)
        )

    def _narrowed(self, indices: tuple[int, ...], key: str) -> tuple[int, ...]:
        """Those of the patterns ``indices`` whose deep prefilter takes ``key[1]`` (``key``:
        the character before a position and _DEEP_DEPTH from it)."""
        scanners = self.scanners
        return tuple(
            index
            for index in indices
            if (prefilter := _deep_prefilter(scanners[index].pattern)) is None
            or prefilter.match(key, 1)
        )

    def _positions(self, text: str, start: int, end: int) -> list[int]:
        """Positions in [start, end) where one of the patterns may start, in order."""
        positions: list[int] = []
        if self._after_guard is not None:
            # From the character before the window: its first position may start a match.
            # ``map`` of the unbound method: no Python-level step per position (a text of
            # 2 MB has some 300,000 of them).
            positions = list(
                map(_match_end, self._after_guard.finditer(text, max(0, start - 1), end))
            )
            if start == 0 and end > 0:
                positions.insert(0, 0)  # nothing before it for the guard to look at
        if self._unguarded is not None:
            more = list(map(_match_start, self._unguarded.finditer(text, start, end)))
            if more:
                positions = sorted(set(positions).union(more))
        return positions

    def matches(self, text: str, windows: list[list[tuple[int, int]]]) -> list[list[re.Match[str]]]:
        """Per pattern, the non-empty matches of ``pattern.finditer(text, start, end)`` over
        its ``windows`` (sorted, disjoint [start, end) spans), in order."""
        found: list[list[re.Match[str]]] = [[] for _ in self.scanners]
        matchers = [scanner.pattern.match for scanner in self.scanners]
        # Each pattern's windows, closed by one that never ends (no bounds checks below);
        # the window each pattern is in or before, and where its finditer would search on.
        closed = [[*spans, (_NEVER, _NEVER)] for spans in windows]
        window_index = [0] * len(self.scanners)
        position = [0] * len(self.scanners)
        keys, takers = self._keys, self._takers
        deep_keys, narrowed = self._deep_keys, self._narrowed
        if len(keys) > _KEYS_KEPT:
            keys.clear()
        if len(deep_keys) > _KEYS_KEPT:
            deep_keys.clear()
        # The union of all windows, each part scanned once.
        union: list[tuple[int, int]] = []
        for start, end in sorted(span for spans in windows for span in spans):
            if union and start <= union[-1][1]:
                union[-1] = (union[-1][0], max(end, union[-1][1]))
            else:
                union.append((start, end))
        for start, end in union:
            for at in self._positions(text, start, end):
                if at:
                    key = text[at - 1 : at + 3]
                    indices = keys.get(key)
                    if indices is None:
                        indices = keys[key] = takers(key, 1)
                    if len(indices) >= _DEEP_FROM:
                        key = text[at - 1 : at + _DEEP_DEPTH]
                        deep = deep_keys.get(key)
                        if deep is None:
                            deep = deep_keys[key] = narrowed(indices, key)
                        indices = deep
                else:  # nothing before the text's first character
                    indices = takers(text[:3], 0)
                for index in indices:
                    if at < position[index]:
                        continue
                    spans = closed[index]
                    i = window_index[index]
                    if spans[i][1] <= at:
                        i += 1
                        while spans[i][1] <= at:
                            i += 1
                        window_index[index] = i
                    window_start, window_end = spans[i]
                    if at < window_start:
                        continue
                    match = matchers[index](text, at, window_end)
                    if match is not None:
                        found[index].append(match)
                        position[index] = match.end()
        return found
