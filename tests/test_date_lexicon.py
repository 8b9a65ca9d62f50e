"""English's word tables, ``events/analysis/languages/en/lexicon.toml``: they load, hold what
the tagger (``events.analysis.dates``) needs, build the patterns the rules were written with,
and the tagger reads sentences with them as it did when the words were Python literals."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from events.analysis import date_lexicon, dates, text, words
from events.analysis.actors import patterns as actor_patterns
from events.analysis.date_rules import holidays, tense
from events.analysis.dates import extract_temporal_expressions
from events.analysis.timex import resources

# Every table the tagger reads (date_lexicon, date_rules), with the test its values pass.
TABLES = {
    "month": lambda v: v in range(1, 13),
    "month_in_capitals": lambda v: isinstance(v, str),
    "weekday": lambda v: v in range(1, 8),
    "numeral": lambda v: isinstance(v, int) and 1 <= v <= 90,
    "quantity": lambda v: isinstance(v, int) or v == "X",
    "ordinal": lambda v: isinstance(v, int) and v > 0,
    "unit": lambda v: v.removeprefix("T") in {"S", "M", "H", "D", "W", "Y", "DE", "CE", "Q"},
    "half_unit": lambda v: v.startswith("P"),
    "season": lambda v: v in {"SP", "SU", "FA", "WI"},
    "part_of_day": lambda v: v in {"MO", "AF", "EV", "NI"},
    "relative_day": lambda v: isinstance(v, int),
    "direction": lambda v: v in (-1, 0, 1),
    "reference": lambda v: v in {"PRESENT_REF", "PAST_REF", "FUTURE_REF"},
    "frequency": lambda v: v.startswith("P"),
    "decade": lambda v: isinstance(v, int) and v % 10 == 0,
    "holiday": lambda v: isinstance(v, str),
    "tense": lambda v: bool(v.split()),
    "pattern": lambda v: bool(v),
}


def test_the_english_lexicon_loads_with_every_table_the_tagger_needs() -> None:
    lexicon = resources.read_lexicon("en")
    assert lexicon["detect"]["words"].split()[:3] == ["the", "of", "and"]
    for name, valid in TABLES.items():
        assert lexicon[name], name
        bad = {word: value for word, value in lexicon[name].items() if not valid(value)}
        assert not bad, (name, bad)
    assert resources.read_lexicon("en") is lexicon  # parsed once per process


def test_a_lexicon_that_cannot_be_read_names_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "lexicon.toml").write_text("[month\njan = 1\n", encoding="utf-8")
    monkeypatch.setattr(resources, "LANGUAGES_DIR", tmp_path)
    resources.read_lexicon.cache_clear()
    try:
        with pytest.raises(resources.ResourceError, match=r"xx/lexicon\.toml"):
            resources.read_lexicon("xx")
        with pytest.raises(resources.ResourceError, match="no lexicon"):
            resources.read_lexicon("yy")
    finally:
        resources.read_lexicon.cache_clear()


def test_the_tables_in_the_shape_the_rules_use() -> None:
    assert date_lexicon.MONTHS["sept"] == 9 and date_lexicon.MONTHS["may"] == 5
    assert date_lexicon.WEEKDAYS["monday"] == 0 and date_lexicon.WEEKDAYS["sun"] == 6
    assert date_lexicon.UNIT_WORDS[0] == "one" and date_lexicon.UNIT_WORDS[-1] == "nine"
    teens = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
    assert tuple(teens.split()) == date_lexicon.TEEN_WORDS
    assert date_lexicon.TENS_WORDS[0] == "twenty" and date_lexicon.TENS_WORDS[-1] == "ninety"
    assert date_lexicon.NUMBER_WORDS["a couple of"] == 2 and date_lexicon.NUMBER_WORDS["an"] == 1
    assert "several" in date_lexicon.VAGUE_QUANTITIES
    assert "several" not in date_lexicon.NUMBER_WORDS
    assert date_lexicon.UNITS["minute"] == ("M", True)
    assert date_lexicon.UNITS["month"] == ("M", False)
    assert date_lexicon.UNITS["century"] == ("CE", False)
    assert date_lexicon.MONTHS_IN_CAPITALS[:3] == ["JANUARY", "FEBRUARY", "APRIL"]
    assert date_lexicon.MONTH_PREFIXES[8] == "Sep" and date_lexicon.WEEKDAY_PREFIXES[3] == "Thu"
    assert tense._IRREGULAR_PAST.startswith("said|told|met|")
    assert "scheduled" in tense._FORWARD_ED
    assert date_lexicon.KIND_OF_DAY_RE == "(?:trading|business|working|calendar|school|full)"


def test_the_patterns_built_from_the_tables_are_those_the_rules_were_written_with() -> None:
    """The patterns were hand-written before the words moved to the lexicon: built from its
    tables, they are the same strings (so every rule's compiled pattern is unchanged)."""
    assert date_lexicon.MONTH_RE == (
        r"(?-i:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|Jun(?:e|\.)?|"
        r"Jul(?:y|\.)?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|"
        r"Dec(?:ember|\.)?|JANUARY|FEBRUARY|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|"
        r"DECEMBER)(?![A-Za-z])"
    )
    assert date_lexicon.MONTH_FULL_RE == (
        r"(?-i:January|February|March|April|May|June|July|August|September|October|November|"
        r"December)(?![A-Za-z])"
    )
    assert date_lexicon.WEEKDAY_RE == (
        r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon\.|Tue\.|Tues\.|"
        r"Wed\.|Thu\.|Thur\.|Thurs\.|Fri\.|Sat\.|Sun\.)"
    )
    assert date_lexicon.UNIT_RE == (
        # The quarter in its place by length (no unit is a prefix of another: the order of
        # the alternatives matches the same words).
        r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|"
        r"decades?|centur(?:y|ies))"
    )
    assert date_lexicon.SEASON_RE == r"(?:spring|summer|fall|autumn|winter)"
    assert date_lexicon.PART_OF_DAY_RE == r"(?:morning|afternoon|evening|night)"


def test_an_abbreviation_that_is_not_the_full_name_cut_shorter() -> None:
    assert date_lexicon._abbreviated(["may"]) == "May"
    assert date_lexicon._abbreviated(["sep", "sept", "september"]) == r"Sept?(?:ember|\.)?"
    assert date_lexicon._abbreviated(["sept", "setembre"]) == r"(?:Setembre|Sept\.?)"


@pytest.mark.parametrize(
    ("name", "year", "day"),
    [
        ("Christmas Eve", 2025, date(2025, 12, 24)),
        ("New Year's Day", 2026, date(2026, 1, 1)),
        ("Fourth of July", 1998, date(1998, 7, 4)),
        ("Thanksgiving", 2025, date(2025, 11, 27)),
        ("Labor Day", 2025, date(2025, 9, 1)),
        ("Memorial Day", 2025, date(2025, 5, 26)),
        ("Martin Luther King Day", 2025, date(2025, 1, 20)),
        ("Election Day", 2024, date(2024, 11, 5)),
        ("Election Day", 2022, date(2022, 11, 8)),
        ("Easter", 2025, date(2025, 4, 20)),
        ("Good Friday", 2025, date(2025, 4, 18)),
    ],
)
def test_holidays_defined_in_the_lexicon(name: str, year: int, day: date) -> None:
    assert holidays._HOLIDAYS[name.lower()](year) == day


def test_every_holiday_definition_reads() -> None:
    for name, definition in date_lexicon.HOLIDAYS.items():
        assert holidays._holiday_in(definition)(2000).year == 2000, name
    with pytest.raises(ValueError, match="cannot read"):
        holidays._holiday_in("the fourth Thursday of November")


def test_other_modules_read_the_same_month_and_weekday_names() -> None:
    """One definition of each name: the sentence splitter's abbreviations, the content words'
    stop list and the actor filter's non-names come from the lexicon."""
    assert {"sept", "thurs", "jan", "tues"} <= text.ABBREVIATIONS
    assert "may" not in text.ABBREVIATIONS  # a full name, not an abbreviation
    assert {"september", "sept", "thursday", "tonight"} <= words._STOP
    assert "thurs" not in words._STOP and "sun" not in words._STOP
    assert {"Thursday", "September", "Sept.", "Dec."} <= actor_patterns._NOT_NAMES
    assert frozenset(date_lexicon.MONTH_ABBREVIATIONS) == actor_patterns._MONTHS_UNDOTTED


def _signals(phrase: str, kind: str) -> bool:
    """Whether a word of ``phrase`` is a trigger of ``kind`` for the tagger's prefilter."""
    return any(kind in dates._kinds(word) for word in phrase.split())


def test_the_prefilter_runs_the_rules_near_every_word_of_the_lexicon() -> None:
    """A rule runs only near its trigger words (dates._NEEDS): a word added to a table must
    be one, or hold one, else the rule would never see it."""
    lexicon = date_lexicon
    missing = [
        # A holiday's rule runs near its "H" words and near month names ("May Day").
        *(
            name
            for name in lexicon.HOLIDAYS
            if not (_signals(name.lower(), "H") or _signals(name, "M"))
        ),
        *(word for word in lexicon.SEASONS if not _signals(word, "S")),
        *(word for word in lexicon.FREQUENCIES if not _signals(word, "X")),
        *(word for word in lexicon.DECADE_WORDS if not _signals(word, "Y")),
        *(word for word in lexicon.PARTS_OF_DAY if not _signals(word, "P")),
        *(word for word in lexicon.RELATIVE_DAYS if not _signals(word, "P")),
        *(word for word in lexicon.REFERENCES if not _signals(word, "R")),
        *(word for word in lexicon.UNITS if not _signals(word, "U")),
        *(word for word in lexicon.HALF_UNITS if not _signals(word, "U")),
        *(word for word in lexicon.UNIT_ABBREVIATIONS if not _signals(word, "U")),
        *(name for name in lexicon.MONTH_FULL_NAMES if dates._kinds(name) != "M"),
        *(name for name in lexicon.MONTHS_IN_CAPITALS if dates._kinds(name) != "M"),
        *(name for name in lexicon.WEEKDAY_FULL_NAMES if dates._kinds(name) != "W"),
        *(name for name in lexicon.WEEKDAY_ABBREVIATIONS if dates._kinds(name) != "W"),
    ]
    assert not missing


# Sentences tagged with the words in the lexicon exactly as with the Python literals before.
SENTENCES = [
    (
        "The talks resume on Thanksgiving Day, two days after the vote.",
        date(2025, 11, 20),
        [("Thanksgiving Day", "DATE", "2025-11-27"), ("two days", "DURATION", "P2D")],
    ),
    (
        "Shops will close early on Christmas Eve and reopen after New Year's Day.",
        date(2025, 12, 10),
        [("Christmas Eve", "DATE", "2025-12-24"), ("New Year's Day", "DATE", "2026-01-01")],
    ),
    (
        "Good Friday fell on April 18 this year, and Easter week was quiet.",
        date(2025, 4, 25),
        [
            ("Good Friday", "DATE", "2025-04-18"),
            ("April 18 this year", "DATE", "2025-04-18"),
            ("Easter week", "DATE", "2025-W16"),
        ],
    ),
    (
        "The band was formed in the sixties and split in the late '80s.",
        date(1998, 3, 15),
        [("the sixties", "DATE", "196"), ("the late '80s", "DATE", "198")],
    ),
    (
        "Prices rose yesterday and the day before yesterday, and will rise tomorrow night.",
        date(1998, 3, 15),
        [
            ("yesterday", "DATE", "1998-03-14"),
            ("the day before yesterday", "DATE", "1998-03-13"),
            ("tomorrow night", "TIME", "1998-03-16TNI"),
        ],
    ),
    (
        "The newsletter appears weekly; the board meets every other month and each Thursday.",
        date(1998, 3, 15),
        [
            ("weekly", "SET", "P1W"),
            ("every other month", "SET", "P2M"),
            ("each Thursday", "SET", "XXXX-WXX-4"),
        ],
    ),
    (
        "He waited half an hour, then a half-day, then nearly two and a half years.",
        date(1998, 3, 15),
        [
            ("half an hour", "DURATION", "PT30M"),
            ("a half-day", "DURATION", "PT12H"),
            ("nearly two and a half years", "DURATION", "P2Y6M"),
        ],
    ),
    (
        "Currently the market is calm; recently it was not, and the near future is unclear.",
        date(1998, 3, 15),
        [
            ("Currently", "DATE", "PRESENT_REF"),
            ("recently", "DATE", "PAST_REF"),
            ("the near future", "DATE", "FUTURE_REF"),
        ],
    ),
    (
        "On Sept. 5 and Thurs., Sept. 11, 1997, the court met; it meets again next March.",
        date(1998, 3, 15),
        [
            ("Sept. 5", "DATE", "1997-09-05"),
            ("Thurs., Sept. 11, 1997", "DATE", "1997-09-11"),
            ("next March", "DATE", "1999-03"),
        ],
    ),
    (
        "In nineteen ninety-six the plant opened; by the twenty-first century it had closed.",
        date(1998, 3, 15),
        [("nineteen ninety-six", "DATE", "1996"), ("the twenty-first century", "DATE", "20")],
    ),
    (
        "She left three weeks ago, a fortnight after the last Monday of the month, on Memorial "
        "Day.",
        date(1998, 6, 15),
        [
            ("three weeks ago", "DATE", "1998-W22"),
            ("a fortnight", "DURATION", "P2W"),
            ("last Monday", "DATE", "1998-06-08"),
            ("Memorial Day", "DATE", "1998-05-25"),
        ],
    ),
    (
        "The vote is this coming Friday morning, at ten o'clock, not last Tuesday evening.",
        date(1998, 3, 15),
        [
            ("this coming Friday morning", "TIME", "1998-03-20TMO"),
            ("ten o'clock", "TIME", "1998-03-20T10:00"),
            ("last Tuesday evening", "TIME", "1998-03-10TEV"),
        ],
    ),
    (
        "SEPTEMBER 12, 1998 -- Several years of talks ended this autumn and last winter.",
        date(1998, 12, 1),
        [
            ("SEPTEMBER 12, 1998", "DATE", "1998-09-12"),
            ("Several years", "DURATION", "PXY"),
            ("this autumn", "DATE", "1998-FA"),
            ("last winter", "DATE", "1997-WI"),
        ],
    ),
]


@pytest.mark.parametrize(("sentence", "dct", "expected"), SENTENCES)
def test_sentences_are_tagged_as_before(
    sentence: str, dct: date, expected: list[tuple[str, str, str]]
) -> None:
    found = [(t.text, str(t.type), t.value) for t in extract_temporal_expressions(sentence, dct)]
    assert found == expected
