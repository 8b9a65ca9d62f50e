"""benchmarks/timex_gold.py: hand-annotated TIMEX3 gold is checked and written as TimeML that
reads back with the same text and offsets (an article written for the test)."""

from datetime import date

from events.analysis.timeml import parse_timeml
from tests.conftest import load_benchmark

timex_gold = load_benchmark("timex_gold")

ARTICLE = {
    "id": "T00",
    "date": "2016-04-22",
    "text": "Fares rise on Monday & buses run <late> until May 5 , 2016 .",
}
GOLD = {
    "id": "T00",
    "timexes": [
        {"start": 14, "end": 20, "text": "Monday", "type": "DATE", "value": "2016-04-25"},
        {"start": 46, "end": 58, "text": "May 5 , 2016", "type": "DATE", "value": "2016-05-05"},
    ],
}


def test_sound_gold_reads_back_as_timeml_with_the_same_text_and_offsets() -> None:
    assert timex_gold.problems(ARTICLE, GOLD, "T00") == []
    document = parse_timeml(timex_gold.as_timeml(ARTICLE, GOLD))
    assert document.dct == date(2016, 4, 22)
    assert document.text == ARTICLE["text"]  # "&" and "<late>" escaped and read back
    assert [(g.start, g.end, g.text, g.value) for g in document.gold] == [
        (14, 20, "Monday", "2016-04-25"),
        (46, 58, "May 5 , 2016", "2016-05-05"),
    ]


def test_unsound_gold_is_reported_line_by_line() -> None:
    gold = {
        "id": "T01",
        "timexes": [
            {"start": 0, "end": 5, "text": "Fare", "type": "DAY", "value": ""},
            {"start": 3, "end": 900, "text": "x", "type": "DATE", "value": "2016"},
        ],
    }
    found = timex_gold.problems(ARTICLE, gold, "T00")
    assert any("its id is 'T01'" in line for line in found)
    assert any("the offsets give 'Fares'" in line for line in found)
    assert any("type 'DAY'" in line for line in found)
    assert any("no value" in line for line in found)
    assert any("outside the text" in line for line in found)
