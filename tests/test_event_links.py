"""Event dating scored on TimeML event-to-date links, and ``evaluate_events``.

The TimeML here is written by hand: the research corpora are never read by tests.
"""

from datetime import date
from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.management import CommandError, call_command

from events.analysis.event_links import interval_of, parse_gold_events, score_events

TML = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2025-09-03" functionInDocument="CREATION_TIME">
2025-09-03</TIMEX3></DCT>
<TEXT>
The ferry <EVENT eid="e1" class="OCCURRENCE">arrived</EVENT> on <TIMEX3 tid="t1" type="DATE"
value="2025-08-29">Friday</TIMEX3> after the <TIMEX3 tid="t2" type="DATE" value="2019">2019</TIMEX3>
<EVENT eid="e2" class="OCCURRENCE">storm</EVENT>. Officials <EVENT eid="e3"
class="REPORTING">said</EVENT> the pier was <EVENT eid="e4" class="OCCURRENCE">closed</EVENT>.
</TEXT>
<MAKEINSTANCE eiid="ei1" eventID="e1" />
<MAKEINSTANCE eiid="ei2" eventID="e2" />
<MAKEINSTANCE eiid="ei3" eventID="e3" />
<MAKEINSTANCE eiid="ei4" eventID="e4" />
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1" />
<TLINK lid="l2" relType="INCLUDES" timeID="t2" relatedToEventInstance="ei2" />
<TLINK lid="l3" relType="IS_INCLUDED" eventInstanceID="ei3" relatedToTime="t0" />
<TLINK lid="l4" relType="BEFORE" eventInstanceID="ei4" relatedToTime="t0" />
</TimeML>
"""


def test_gold_events_are_the_events_a_link_puts_inside_a_date():
    document = parse_gold_events(TML, name="x")
    got = [(g.text, g.earliest, g.latest, g.anchor) for g in document.events]
    assert got == [
        ("arrived", date(2025, 8, 29), date(2025, 8, 29), "text"),
        ("storm", date(2019, 1, 1), date(2019, 12, 31), "text"),
        ("said", date(2025, 9, 3), date(2025, 9, 3), "dct"),
    ]  # "closed" is only BEFORE the DCT: no interval, no gold event


def test_interval_of_timex_values():
    assert interval_of("1998-02-06T10:00") == (date(1998, 2, 6), date(1998, 2, 6))
    assert interval_of("1998-W06") == (date(1998, 2, 2), date(1998, 2, 8))
    assert interval_of("1998-Q1") == (date(1998, 1, 1), date(1998, 3, 31))
    assert interval_of("199") == (date(1990, 1, 1), date(1999, 12, 31))
    assert interval_of("PAST_REF") is None and interval_of("P3D") is None


def _event(earliest: date, latest: date, start: int, end: int) -> SimpleNamespace:
    return SimpleNamespace(
        earliest=earliest, latest=latest, excerpts=[SimpleNamespace(start=start, end=end)]
    )


def test_each_gold_event_takes_its_best_containing_system_event():
    document = parse_gold_events(TML)
    said = document.events[2]
    sentence_end = document.text.index(".") + 1
    friday = _event(date(2025, 8, 29), date(2025, 8, 29), 0, sentence_end)
    year = _event(date(2019, 1, 1), date(2019, 12, 31), 0, sentence_end)
    wrong = _event(date(2025, 9, 1), date(2025, 9, 1), said.start - 12, len(document.text))
    scores = score_events(document.events, [friday, year, wrong])
    overall, text, dct = (scores.counts[k] for k in ("all", "text", "dct"))
    assert (overall.gold, overall.judged, overall.correct, overall.found) == (3, 3, 2, 2)
    assert (text.found, text.judged, dct.found, dct.judged) == (2, 2, 0, 1)
    assert [g.text for g, _ in scores.errors] == ["said"]
    # One event for the sentence finds only the happening it is dated by.
    only = score_events(document.events, [friday]).counts["text"]
    assert (only.found, only.correct, only.judged) == (1, 1, 1)


def test_evaluate_events_command(tmp_path):
    (tmp_path / "a.tml").write_text(TML)
    out = StringIO()
    call_command("evaluate_events", str(tmp_path), "--errors", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "Event dating: 1 documents"
    assert lines[2].split()[:2] == ["overall", "3"]
    (tmp_path / "empty").mkdir()
    with pytest.raises(CommandError, match=r"no \.tml files"):
        call_command("evaluate_events", str(tmp_path / "empty"))
