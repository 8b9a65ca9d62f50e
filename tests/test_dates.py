"""Tests for the temporal tagger (events.analysis.dates): conventions from issues 2 and 3."""

from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest

from events.analysis.dates import extract_temporal_expressions
from events.analysis.types import Precision, Resolution, TimexType

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_cdbc47c7a3cc2142.txt"
DCT = date(2025, 8, 30)  # a Saturday


def one(text: str, dct: date = DCT):
    """The single expression found in ``text`` (fails if there is not exactly one)."""
    found = extract_temporal_expressions(text, dct)
    assert len(found) == 1, found
    return found[0]


def values(text: str, dct: date = DCT) -> list[tuple[str, str]]:
    return [(e.text, e.value) for e in extract_temporal_expressions(text, dct)]


def seed_body() -> tuple[str, date]:
    raw = SEED.read_text(encoding="utf-8")
    head, _, rest = raw.lstrip().partition(" ")
    assert head == "date"
    dct_text, _, body = rest.partition(" ")
    return body, date.fromisoformat(dct_text)


# ---------------------------------------------------------------- the seed article


def test_seed_expressions():
    body, dct = seed_body()
    found = extract_temporal_expressions(body, dct)
    for e in found:
        assert body[e.start : e.end] == e.text
    assert [e.start for e in found] == sorted(e.start for e in found)
    assert all(a.end <= b.start for a, b in pairwise(found))
    dated = [(e.text, e.earliest, e.latest, e.precision) for e in found if e.is_dated]
    assert dated == [
        ("Saturday", date(2025, 8, 30), date(2025, 8, 30), Precision.DAY),
        ("August 30, 2025", date(2025, 8, 30), date(2025, 8, 30), Precision.DAY),
        ("August 28-29", date(2025, 8, 28), date(2025, 8, 29), Precision.RANGE),
        ("August 29, 2025", date(2025, 8, 29), date(2025, 8, 29), Precision.DAY),
        ("Thursday", date(2025, 8, 28), date(2025, 8, 28), Precision.DAY),
        ("Thursday", date(2025, 8, 28), date(2025, 8, 28), Precision.DAY),
    ]
    by_text = {e.text: e for e in found}
    assert by_text["August 29, 2025"].resolution == Resolution.EXPLICIT
    assert by_text["Saturday"].resolution == Resolution.RELATIVE
    assert by_text["August 28-29"].value == "2025-08-28"
    assert by_text["now"].value == "PRESENT_REF" and not by_text["now"].is_dated
    assert by_text["decades"].type == TimexType.DURATION
    assert by_text["decades"].value == "PXDE" and not by_text["decades"].is_dated
    assert "bare weekday" in by_text["Thursday"].rule


@pytest.mark.parametrize(
    "text",
    [
        "We can't perfectly predict it.",
        "-38 arrests involving FBI personnel",
        "-86 individuals arrested by federal partners total",
        "nearly 1,400 arrests",
        "the $27 fee",
        "half of it, 1/2",
        "It may rain.",
        "2000 people marched.",
    ],
)
def test_figures_and_words_are_not_dates(text):
    assert [e for e in extract_temporal_expressions(text, DCT) if e.is_dated] == []


# ---------------------------------------------------------------- weekdays around the DCT


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He spoke on Saturday.", date(2025, 8, 30)),  # same weekday = the DCT itself
        ("He spoke on Friday.", date(2025, 8, 29)),
        ("He spoke on Sunday.", date(2025, 8, 24)),  # never after the DCT
        ("He spoke last Friday.", date(2025, 8, 29)),
        ("He spoke last Saturday.", date(2025, 8, 23)),
        ("He will speak next Monday.", date(2025, 9, 1)),
        ("He will speak on Monday.", date(2025, 9, 1)),  # the text points forward
    ],
)
def test_weekday_direction(text, expected):
    e = next(x for x in extract_temporal_expressions(text, DCT) if x.is_dated)
    assert e.earliest == expected == e.latest
    assert "on" not in e.text.split()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yesterday", "2025-08-29"),
        ("today", "2025-08-30"),
        ("tomorrow", "2025-08-31"),
        ("two days ago", "2025-08-28"),
        ("three weeks ago", "2025-W32"),
        ("last week", "2025-W34"),
        ("last month", "2025-07"),
        ("last year", "2024"),
        ("this month", "2025-08"),
        ("earlier this month", "2025-08"),
    ],
)
def test_relative_to_dct(text, expected):
    e = one(text)
    assert e.value == expected
    assert e.text == text
    assert e.resolution == Resolution.RELATIVE


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("August 28-29", date(2025, 8, 28), date(2025, 8, 29)),
        ("Aug. 28\u201329, 2025", date(2025, 8, 28), date(2025, 8, 29)),
        ("28-29 August", date(2025, 8, 28), date(2025, 8, 29)),
    ],
)
def test_two_day_ranges(text, first, last):
    e = one(text)
    assert (e.text, e.earliest, e.latest, e.precision) == (text, first, last, Precision.RANGE)


def test_month_day_year_choice():
    # Not after the DCT unless the text points forward.
    assert one("on Dec. 5", date(2025, 1, 10)).value == "2024-12-05"
    assert one("on Aug. 31", DCT).value == "2024-08-31"
    assert one("The vote will be held on Sept. 3", DCT).value == "2025-09-03"


def test_month_and_year_alone():
    e = one("in August")
    assert (e.text, e.value, e.precision) == ("August", "2025-08", Precision.MONTH)
    assert (e.earliest, e.latest) == (date(2025, 8, 1), date(2025, 8, 31))
    e = one("in 1998")
    assert (e.value, e.earliest, e.latest, e.precision) == (
        "1998",
        date(1998, 1, 1),
        date(1998, 12, 31),
        Precision.YEAR,
    )
    assert e.resolution == Resolution.EXPLICIT
