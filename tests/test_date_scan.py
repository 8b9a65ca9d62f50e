"""Tests for the date rules' prefilter (events.analysis.date_scan): the same matches as
``finditer``, whatever the text and window, found by trying far fewer positions."""

import random
import re

import pytest

from events.analysis.date_rules import RULES
from events.analysis.date_scan import MultiScanner, Scanner

# Dates of every kind, words that look like them, odd case and the characters that equal an
# ASCII letter when case is ignored (the Kelvin sign for "k", the long s for "s").
TEXTS = [
    "On Monday, Aug. 28, 2025, two days later, in March 1998 and the 1990s, Q3 2024, "
    "at 5 p.m. yesterday, the third quarter, 12/25/2024, 2024-03-01 and mid-1996.",
    "THE NEXT DAY, LAST WEEK, FIVE YEARS AGO, THIS SPRING, the 19th century, fiscal 1999.",
    "the weeKend, \u212aelvin, la\u017ft year, a decade or two, over a year later, now.",
    "Other then-current plans: nineteen ninety-six; the weeks ahead; half an hour; daily.",
    "x" * 50 + "2025" + "y" * 50 + " Sept. 3-4 , 2008 and 3 and 4 June",
]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_same_matches_as_finditer(rule):
    scanner = Scanner(rule.pattern)
    for text in TEXTS:
        # Windows that cut words and dates in two: a window's end is the end of the text
        # for the pattern's look-ahead, as in finditer.
        for start, end in [(0, len(text)), (3, len(text) - 5), (10, 40), (25, 26)]:
            expected = [
                (m.span(), m.groups())
                for m in rule.pattern.finditer(text, start, end)
                if m.end() > m.start()
            ]
            found = [(m.span(), m.groups()) for m in scanner.matches(text, start, end)]
            assert found == expected, (rule.name, text, start, end)


def test_overlapping_prefixes_are_all_tried():
    # After "aab" fails at 0, a match starts at 1: the prefilter must not skip past it.
    scanner = Scanner(re.compile(r"ab|aab(?=c)"))
    assert [m.span() for m in scanner.matches("aab", 0, 3)] == [(1, 3)]


def test_case_is_ignored_as_the_engine_does():
    scanner = Scanner(re.compile(r"kelvin", re.IGNORECASE))
    assert [m.group() for m in scanner.matches("KELVIN \u212aelvin kelvin", 0, 20)] == [
        "KELVIN",
        "\u212aelvin",
        "kelvin",
    ]


def test_a_pattern_that_may_match_nothing_has_no_prefilter():
    scanner = Scanner(re.compile(r"(?:the\s+)?x?"))
    assert scanner.prefilter is None
    assert [m.group() for m in scanner.matches("the x", 0, 5)] == ["the x"]


def test_rules_have_prefilters():
    # Every rule but a handful starts with words or digits the prefilter can look for.
    without = [rule.name for rule in RULES if Scanner(rule.pattern).prefilter is None]
    assert len(without) <= 3, without


def _windows(rnd, length):
    """Sorted, disjoint [start, end) windows of a text, some cutting words in two."""
    cuts = sorted(rnd.sample(range(length + 1), min(length + 1, 2 * rnd.randint(0, 4))))
    return [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2) if cuts[i] < cuts[i + 1]]


@pytest.mark.parametrize("seed", range(3))
def test_multi_scanner_same_matches_as_each_scanner(seed):
    rnd = random.Random(seed)
    patterns = [rule.pattern for rule in RULES]
    multi = MultiScanner(patterns)
    scanners = [Scanner(pattern) for pattern in patterns]
    texts = [*TEXTS, "xAug-30-2025 other year-end, per day Q3", "5 p.m. today" * 3]
    for text in texts:
        for _ in range(10):
            # Each rule over its own windows, the whole text for some of them.
            windows = [
                [(0, len(text))] if rnd.random() < 0.3 else _windows(rnd, len(text))
                for _ in patterns
            ]
            found = multi.matches(text, windows)
            for scanner, spans, matches in zip(scanners, windows, found, strict=True):
                expected = [
                    (m.span(), m.groups())
                    for start, end in spans
                    for m in scanner.matches(text, start, end)
                ]
                got = [(m.span(), m.groups()) for m in matches]
                assert got == expected, (scanner.pattern.pattern[:60], text, spans)


def test_multi_scanner_alternatives_without_a_guard():
    # "b..." and "\d[ab]" may start inside a word; "\d" (a digit of any script) is no
    # list of characters.
    patterns = [re.compile(r"(?<!\w)ab|b[cd]"), re.compile(r"(?<!\w)\d\d|x\d|\d[ab]")]
    multi = MultiScanner(patterns)
    text = "ab abc xbd 12 x٣ y4a"
    found = multi.matches(text, [[(0, len(text))], [(0, len(text))]])
    assert [[m.group() for m in matches] for matches in found] == [
        ["ab", "ab", "bd"],
        ["12", "x٣", "4a"],
    ]


def test_multi_scanner_needs_prefilters():
    with pytest.raises(ValueError):
        MultiScanner([re.compile(r"x?")])
