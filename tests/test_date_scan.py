"""Tests for the date rules' prefilter (events.analysis.date_scan): the same matches as
``finditer``, whatever the text and window, found by trying far fewer positions."""

import re

import pytest

from events.analysis.date_rules import RULES
from events.analysis.date_scan import Scanner

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
