"""Where a pattern that opens with a word of a list may match: a text's runs of ASCII letters,
read once per document, stand for the words it is written with.

Python's ``re`` tries a pattern at every place where its first character may be, and a pattern
that opens with a list of words (the titles, the kinship nouns, the organization cues) may start
at any letter: the engine then tries the list's prefix tree at every word of the text, which is
most of a whole-text scan's cost (about 0.3 ms for the titled people of a 3 KB news article).
The words the text is written with are read once (one scan, and a set), and each such pattern
is then tried only where one of its first words stands, in text order, as ``finditer`` would:
the same matches, one attempt per word that may start one instead of one per word.
"""

import re
import string
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import cache

LETTER_RUN = re.compile("[A-Za-z]+")
_start = re.Match.start
_ASCII_LETTERS = frozenset(string.ascii_letters)
# Above this many of a list's words in a text, their places are found in one scan of its runs
# rather than by a search of the text for each (a long text holds hundreds of the titles).
_FIND_EACH_AT_MOST = 16


class LetterRuns:
    """The maximal runs of ASCII letters of a text (a word's run: "vice" and "president" in
    "vice-president", "Gov" in "Gov."), and where each is written."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._words = LETTER_RUN.findall(text)  # the runs in order (read in C)
        self.runs = frozenset(self._words)
        self._starts: list[int] | None = None  # where each of _words starts (see starts)

    def starts(self, words: frozenset[str]) -> list[int]:
        """Where a run of letters that is one of ``words`` starts, in text order."""
        text = self.text
        present = self.runs & words
        if len(present) > _FIND_EACH_AT_MOST:
            # The runs' places, found once (in C, by ``map``), read beside their words: a long
            # text asks so for several lists (the titles, the cues, the reporting verbs), and
            # a scan that made a match and read its word for each run, for each list, cost
            # five times as much.
            if self._starts is None:
                self._starts = list(map(_start, LETTER_RUN.finditer(text)))
            pairs = zip(self._starts, self._words, strict=True)
            return [at for at, word in pairs if word in present]
        starts = []
        for word in present:
            size = len(word)
            at = text.find(word)
            while at >= 0:
                end = at + size
                # Only a whole run: "son" in "Johnson" or "sons" is no run of its own. (Two
                # writings of one word cannot overlap as runs: a run is preceded by no letter.)
                if (at == 0 or text[at - 1] not in _ASCII_LETTERS) and (
                    end == len(text) or text[end] not in _ASCII_LETTERS
                ):
                    starts.append(at)
                at = text.find(word, end)
        starts.sort()
        return starts


def run_start_before(text: str, end: int) -> int:
    """The start of the run of ASCII letters that ends at ``end`` (``end`` if none does)."""
    start = end
    while start > 0 and text[start - 1] in _ASCII_LETTERS:
        start -= 1
    return start


def matches_at(
    pattern: re.Pattern[str], text: str, starts: Iterable[int]
) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` in ``text`` that start at one of ``starts`` (ascending,
    repeats allowed), taken as ``finditer`` takes them: left to right, none overlapping the one
    before. When ``starts`` holds every place where ``pattern`` can match, these are
    ``pattern.finditer(text)`` exactly (the patterns given match no empty string)."""
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)) is not None:
            assert match.end() > start, "an empty match would be taken again by finditer"
            yield match
            end = match.end()


_GAP = re.compile(r"\s+")  # a run of white space, which no name word holds
_SPACE = re.compile(r"\s")
_NOT_SPACE = re.compile(r"\S")


def _one_word_between(text: str, last_anchor: int, anchor: int) -> bool:
    """Whether ``text[last_anchor:anchor]`` is one word (starting at ``last_anchor``) and then
    white space only: the word right before ``anchor`` then starts at or before
    ``last_anchor`` (a title after a title: "Gov. Sen."). Two searches that stop at the first
    white space and at the first character after it that is none: a few characters read, however
    far apart the anchors are."""
    space = _SPACE.search(text, last_anchor, anchor)
    return (
        space is not None
        and space.start() > last_anchor
        and _NOT_SPACE.search(text, space.start(), anchor) is None
    )


# The words before a position, read backwards (in the reversed text): white space, then a word.
_WORD_BEFORE = re.compile(r"\s+(\S*)")
# How far before a position its words are first read: a few words of news; when they run
# past it (a word of hundreds of characters), the text's runs of white space are indexed once.
_WINDOW = 400
_SHORT_WINDOW = 64  # tried first (``NameStarts._low``): a few words of news
_end = re.Match.end


@cache
def _over_gaps(gaps: int) -> re.Pattern[str]:
    """A word, then at most ``gaps`` runs of white space each followed by a word: read in the
    reversed text, from a position back to where a stretch crossing that many runs starts."""
    return re.compile(rf"\S*(?:\s+\S*){{0,{gaps}}}")


class NameStarts:
    """Where the names of a text may start, for a pattern that opens with a name and must reach,
    a few words on, a character or word that is rarer than a capital (a comma, "and", "said").

    A whole-text scan tries such a pattern at every capital, reading the name and giving it
    back; a name of at most so many words crosses at most so many runs of white space (no name
    word holds one), so a match that reaches a position starts at a capital after the last
    that many runs before it. Trying the pattern only at those capitals (``matches_at``) gives
    the whole-text scan's matches. The words before each position are read backwards from it
    (a window of the text, reversed), not indexed for the whole text: an index of every run
    of white space of a news article cost more than the scans it spared.
    """

    def __init__(self, text: str, name_start: re.Pattern[str]) -> None:
        """``name_start``: a capital where a name may start (``patterns._NAME_START``)."""
        self.text = text
        self.name_start = name_start
        self._gaps: tuple[list[int], list[int]] | None = None  # see _gap_index

    def _gap_index(self) -> tuple[list[int], list[int]]:
        """Where the text's runs of white space start and end (indexed once, when a window
        does not hold enough words: a hostile text of few, long words)."""
        if self._gaps is None:
            gaps = list(_GAP.finditer(self.text))
            self._gaps = (list(map(_start, gaps)), list(map(_end, gaps)))
        return self._gaps

    def _capitals(self, spans: list[tuple[int, int]]) -> list[int]:
        """The capitals where a name may start in ``spans`` (sorted, disjoint)."""
        find = self.name_start.finditer
        return [match.start() for low, high in spans for match in find(self.text, low, high)]

    def _low(self, anchor: int, gaps: int) -> int:
        """Where a stretch that ends at ``anchor`` and crosses at most ``gaps`` runs of white
        space may start at the earliest."""
        # A short window first: a match that stops inside it is the one the longer window
        # gives (it read no further), and 400 characters copied and reversed at every anchor
        # (every comma of a text dense with them) are not.
        over_gaps = _over_gaps(gaps)
        begin = max(0, anchor - _SHORT_WINDOW)
        back = over_gaps.match(self.text[begin:anchor][::-1])
        assert back is not None  # every part of it is optional
        if back.end() < anchor - begin or begin == 0:
            return anchor - back.end()
        begin = max(0, anchor - _WINDOW)
        back = over_gaps.match(self.text[begin:anchor][::-1])
        assert back is not None  # every part of it is optional
        if back.end() < anchor - begin or begin == 0:
            return anchor - back.end()
        _, gap_ends = self._gap_index()  # the window ends inside the stretch: read it all
        crossed = bisect_right(gap_ends, anchor)  # the runs that end by the anchor
        return gap_ends[crossed - gaps - 1] if crossed > gaps else 0

    def before(self, anchors: Iterable[int], gaps: int) -> list[int]:
        """The capitals from which a stretch crossing at most ``gaps`` runs of white space
        reaches one of ``anchors`` (ascending positions of characters that are no white
        space)."""
        spans: list[tuple[int, int]] = []  # [low, anchor): merged, in order
        for anchor in anchors:
            low = self._low(anchor, gaps)  # never before the one of an anchor before
            if spans and low <= spans[-1][1]:
                spans[-1] = (spans[-1][0], anchor)
            else:
                spans.append((low, anchor))
        return self._capitals(spans)

    def before_words(self, anchors: Iterable[int], part: re.Pattern[str], text: str) -> list[int]:
        """The capitals from which a stretch of words that each ``part`` matches at its start
        (but the first, which a match may start inside) reaches white space right before one
        of ``anchors`` (ascending): a run of words of any length, ended by the first word that
        cannot belong to it.

        Each anchor's words are read back only as far as the anchor before it: from there on
        they are the ones read for that anchor (a text of capitals and titles, "Mr. J. Gov.
        Sen.", would otherwise be read back to its start from each title)."""
        spans: list[tuple[int, int]] = []  # [low, anchor): merged, in order
        last_anchor, last_low = -1, 0
        for anchor in anchors:
            if anchor == 0 or not text[anchor - 1].isspace():  # str.isspace is ``\s``
                continue  # no white space right before the anchor
            if last_anchor >= 0 and _one_word_between(text, last_anchor, anchor):
                # The word before the anchor holds the anchor before it: read back from there
                # (what ``_low_by_words`` finds first, without copying a window of the text).
                low = last_low
            else:
                low = self._low_by_words(anchor, part, last_anchor, last_low)
            last_anchor, last_low = anchor, low
            if spans and low <= spans[-1][1]:
                spans[-1] = (spans[-1][0], anchor)
            else:
                spans.append((low, anchor))
        return self._capitals(spans)

    def _low_by_words(
        self, anchor: int, part: re.Pattern[str], last_anchor: int, last_low: int
    ) -> int:
        """``before_words``' start for one anchor (white space before it), given the anchor
        before it and its start."""
        text = self.text
        # The short window first, as in ``_low``: its words are the longer window's up to the
        # one it cuts, where it gives up.
        for window in (_SHORT_WINDOW, _WINDOW):
            begin = max(0, anchor - window)
            for word in _WORD_BEFORE.finditer(text[begin:anchor][::-1]):
                word_start, word_end = anchor - word.end(1), anchor - word.start(1)
                if word_start <= last_anchor:
                    return last_low  # read back from the anchor before
                if word_start == begin:  # the window's first word: maybe cut by it
                    if begin == 0:
                        return 0  # the text's first word, which a match may start inside
                    break
                if not part.match(text, word_start, word_end):
                    return word_start
        # The window ends inside the run: read its words by the index of white space.
        gap_starts, gap_ends = self._gap_index()
        gap = bisect_right(gap_ends, anchor) - 1  # the run of white space before the anchor
        while gap > 0:
            word_start = gap_ends[gap - 1]
            if word_start <= last_anchor:
                return last_low
            if not part.match(text, word_start, gap_starts[gap]):
                return word_start
            gap -= 1
        return 0  # the text's first word, which a match may start inside
