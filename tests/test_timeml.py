"""Tests for the TimeML reader, the TempEval-3 Task A scorer and ``evaluate_timeml``.

All TimeML here is written by hand: the research-licensed corpora are never read.
"""

from __future__ import annotations

import json
import sys
import types
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from events.analysis.timeml import (
    Counts,
    ErrorKind,
    GoldTimex,
    TimeMLError,
    align,
    find_timeml_files,
    parse_timeml,
    read_timeml,
    score,
    score_document,
)
from events.analysis.types import TemporalExpression, TimexType

DOC = """<?xml version="1.0" ?>
<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<DOCID>wsj_0001</DOCID>
<DCT><TIMEX3 tid="t0" type="TIME" value="1998-03-19T08:01" temporalFunction="false" \
functionInDocument="CREATION_TIME">March 19, 1998</TIMEX3></DCT>
<TITLE>Not part of the text</TITLE>
<TEXT>Tom &amp; Jerry <EVENT eid="e1" class="OCCURRENCE">met</EVENT> \
<TIMEX3 tid="t1" type="DATE" value="1998-03-18">yesterday</TIMEX3>, \
&quot;<SIGNAL sid="s1">before</SIGNAL> <TIMEX3 tid="t2" type="TIME" value="1998-03-18TEV">\
the <EVENT eid="e2" class="OCCURRENCE">evening</EVENT> &lt;news&gt;</TIMEX3>&quot;.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST"/>
</TimeML>
"""

PLAIN = 'Tom & Jerry met yesterday, "before the evening <news>".\n'


def tx(start: int, end: int, type_: str = "DATE", value: str = "V") -> GoldTimex:
    """A bare expression; the scorer looks at offsets, type and value only."""
    return GoldTimex(start=start, end=end, text="x" * (end - start), type=type_, value=value)


# --------------------------------------------------------------------------- reading


def test_read_text_has_all_tags_removed_and_entities_decoded(tmp_path: Path) -> None:
    path = tmp_path / "wsj_0001.tml"
    path.write_text(DOC, encoding="utf-8")
    doc = read_timeml(path)
    assert doc.name == "wsj_0001"
    assert doc.text == PLAIN


def test_read_dct_with_time_part_gives_the_date() -> None:
    assert parse_timeml(DOC).dct == date(1998, 3, 19)


def test_read_gold_offsets_index_the_plain_text() -> None:
    doc = parse_timeml(DOC)
    assert [(g.tid, g.type, g.value) for g in doc.gold] == [
        ("t1", "DATE", "1998-03-18"),
        ("t2", "TIME", "1998-03-18TEV"),
    ]
    first, second = doc.gold
    assert (first.start, first.end) == (16, 25)
    assert first.text == "yesterday"
    # Nested EVENT inside the TIMEX3, an entity before and entities inside it.
    assert second.text == "the evening <news>"
    assert second.start == PLAIN.index("the evening")
    for gold in doc.gold:
        assert doc.text[gold.start : gold.end] == gold.text


def test_read_dct_inside_text_is_found_and_namespaces_are_ignored() -> None:
    source = (
        '<TimeML xmlns="http://timeml.org/ns"><TEXT>Filed <TIMEX3 tid="t0" type="DATE" '
        'value="2001-02-03" functionInDocument="CREATION_TIME">Feb 3</TIMEX3></TEXT></TimeML>'
    )
    doc = parse_timeml(source)
    assert doc.dct == date(2001, 2, 3)
    assert doc.text == "Filed Feb 3"
    assert [(g.start, g.end, g.text) for g in doc.gold] == [(6, 11, "Feb 3")]


def test_read_skips_non_consuming_timex() -> None:
    source = (
        '<TimeML><DCT><TIMEX3 tid="t0" value="2001-02-03" functionInDocument="CREATION_TIME"/>'
        '</DCT><TEXT>a <TIMEX3 tid="t9" type="DATE" value="2001"/>b</TEXT></TimeML>'
    )
    doc = parse_timeml(source)
    assert doc.text == "a b"
    assert doc.gold == []


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("this is not XML <", "not well-formed"),
        ("<html><body>hi</body></html>", "no <TEXT>"),
        ("<TimeML><TEXT>no dct</TEXT></TimeML>", "no DCT"),
        (
            '<TimeML><TIMEX3 functionInDocument="CREATION_TIME" value="XXXX"/>'
            "<TEXT>x</TEXT></TimeML>",
            "not a calendar date",
        ),
    ],
)
def test_read_rejects_unusable_files(source: str, message: str) -> None:
    with pytest.raises(TimeMLError, match=message):
        parse_timeml(source)


def test_find_timeml_files_recurses_sorts_and_rejects_missing(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    for name in ("b/z.tml", "b/a.tml", "c.tml", "notes.txt"):
        (tmp_path / name).write_text("x")
    assert find_timeml_files([tmp_path]) == [
        tmp_path / "b" / "a.tml",
        tmp_path / "b" / "z.tml",
        tmp_path / "c.tml",
    ]
    with pytest.raises(FileNotFoundError):
        find_timeml_files([tmp_path / "missing.tml"])


# --------------------------------------------------------------------------- scoring

# Gold: A exact hit, B hit with a boundary and value error, C missed; system D spurious.
GOLD = [tx(0, 10, value="v1"), tx(20, 30, value="v2"), tx(40, 45, "DURATION", "P1D")]
SYSTEM = [tx(0, 10, value="v1"), tx(18, 25, value="vX"), tx(50, 55)]


def test_strict_and_relaxed_counts() -> None:
    counts = score_document(GOLD, SYSTEM).counts
    assert counts == Counts(gold=3, system=3, strict=1, relaxed=2, value_match=1, type_match=2)
    assert counts.strict_precision == pytest.approx(1 / 3)
    assert counts.strict_recall == pytest.approx(1 / 3)
    assert counts.strict_f1 == pytest.approx(1 / 3)
    assert counts.relaxed_precision == pytest.approx(2 / 3)
    assert counts.relaxed_recall == pytest.approx(2 / 3)
    assert counts.relaxed_f1 == pytest.approx(2 / 3)


def test_value_and_type_f1_are_accuracy_times_relaxed_f1() -> None:
    counts = score_document(GOLD, SYSTEM).counts
    assert counts.value_accuracy == pytest.approx(1 / 2)
    assert counts.value_f1 == pytest.approx(1 / 2 * 2 / 3)
    assert counts.type_accuracy == pytest.approx(1.0)
    assert counts.type_f1 == pytest.approx(2 / 3)


def test_date_only_view_restricts_both_sides() -> None:
    date_counts = score_document(GOLD, SYSTEM).date_counts
    # Gold C is a DURATION: out of the view. All three system spans are DATEs.
    assert date_counts == Counts(gold=2, system=3, strict=1, relaxed=2, value_match=1, type_match=2)
    assert date_counts.strict_precision == pytest.approx(1 / 3)
    assert date_counts.strict_recall == pytest.approx(1 / 2)
    assert date_counts.strict_f1 == pytest.approx(0.4)
    assert date_counts.relaxed_f1 == pytest.approx(0.8)  # P 2/3, R 1
    assert date_counts.value_f1 == pytest.approx(0.4)


def test_date_only_view_drops_a_gold_date_tagged_as_time() -> None:
    result = score_document([tx(0, 5, "DATE")], [tx(0, 5, "TIME")])
    assert result.counts == Counts(gold=1, system=1, strict=1, relaxed=1, value_match=1)
    assert result.counts.type_f1 == 0.0
    assert result.date_counts == Counts(gold=1, system=0)


def test_relaxed_pairing_is_one_to_one() -> None:
    # Two system spans inside one gold span: one relaxed match, one spurious.
    counts = score_document([tx(0, 20)], [tx(0, 5), tx(10, 15)]).counts
    assert (counts.relaxed, counts.strict, counts.system, counts.gold) == (1, 0, 2, 1)
    # One system span over two gold spans: one relaxed match, one missed.
    alignment = align([tx(0, 5), tx(6, 10)], [tx(0, 10)])
    assert [(g.start, s.start) for g, s in alignment.pairs] == [(0, 0)]
    assert [(g.start, g.end) for g in alignment.missed] == [(6, 10)]


def test_relaxed_pairing_follows_text_order() -> None:
    alignment = align([tx(0, 10), tx(12, 20)], [tx(5, 15), tx(14, 16)])
    assert [((g.start, g.end), (s.start, s.end)) for g, s in alignment.pairs] == [
        ((0, 10), (5, 15)),
        ((12, 20), (14, 16)),
    ]


def test_exact_spans_are_paired_before_overlaps() -> None:
    counts = score_document([tx(0, 5)], [tx(0, 3), tx(0, 5)]).counts
    assert (counts.strict, counts.relaxed, counts.system) == (1, 1, 2)


def test_type_comparison_accepts_timex_type_enum() -> None:
    system = [
        TemporalExpression(start=0, end=5, text="xxxxx", type=TimexType.TIME, value="V"),
    ]
    counts = score_document([tx(0, 5, "TIME")], system).counts
    assert counts.type_f1 == 1.0
    assert counts.value_f1 == 1.0


def test_no_output_and_no_gold_give_zero_not_an_error() -> None:
    assert score_document([], []).counts.relaxed_f1 == 0.0
    assert score_document([tx(0, 5)], []).counts.relaxed_precision == 0.0


def test_documents_are_micro_averaged() -> None:
    scores = score([([tx(0, 5)], [tx(0, 5)]), ([tx(0, 5), tx(6, 9), tx(10, 12)], [])])
    assert [d.name for d in scores.documents] == ["doc1", "doc2"]
    overall = scores.overall
    assert (overall.gold, overall.system, overall.relaxed) == (4, 1, 1)
    # P = 1, R = 1/4 -> F1 = 0.4 (a macro average would give (1 + 0) / 2).
    assert overall.relaxed_f1 == pytest.approx(0.4)
    assert scores.documents[1].counts.relaxed_f1 == 0.0


def test_score_accepts_timeml_documents() -> None:
    doc = parse_timeml(DOC, name="wsj_0001")
    scores = score([(doc, doc.gold)])
    assert scores.documents[0].name == "wsj_0001"
    assert scores.overall.value_f1 == 1.0
    assert scores.documents[0].errors == []


def test_errors_list_each_kind_with_offsets_and_values() -> None:
    errors = score_document(GOLD, SYSTEM).errors
    assert [(e.kind, e.start) for e in errors] == [
        (ErrorKind.SPAN, 20),
        (ErrorKind.VALUE, 20),
        (ErrorKind.MISSED, 40),
        (ErrorKind.SPURIOUS, 50),
    ]
    value = errors[1]
    assert (value.gold_value, value.system_value) == ("v2", "vX")
    assert (value.gold_start, value.gold_end, value.system_start, value.system_end) == (
        20,
        30,
        18,
        25,
    )
    assert errors[2].system_value is None
    assert errors[3].gold_value is None
    assert errors[3].to_dict()["kind"] == "spurious"


# --------------------------------------------------------------------------- command


@pytest.fixture
def fake_tagger(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, date]]:
    """Replace events.analysis.dates with a tagger that finds only "yesterday"."""
    calls: list[tuple[str, date]] = []

    def extract_temporal_expressions(text: str, document_date: date) -> list[TemporalExpression]:
        calls.append((text, document_date))
        start = text.index("yesterday")
        return [
            TemporalExpression(
                start=start,
                end=start + 9,
                text="yesterday",
                type=TimexType.DATE,
                value="1998-03-18",
            )
        ]

    module = types.ModuleType("events.analysis.dates")
    module.extract_temporal_expressions = extract_temporal_expressions  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "events.analysis.dates", module)
    return calls


def write_doc(folder: Path, name: str = "wsj_0001.tml") -> Path:
    path = folder / name
    path.write_text(DOC, encoding="utf-8")
    return path


def test_command_json_output(tmp_path: Path, fake_tagger: list[tuple[str, date]]) -> None:
    path = write_doc(tmp_path)
    out = StringIO()
    call_command("evaluate_timeml", str(path), "--json", "--errors", stdout=out, stderr=StringIO())
    assert fake_tagger == [(PLAIN, date(1998, 3, 19))]
    data = json.loads(out.getvalue())
    overall = data["overall"]
    assert (overall["gold"], overall["system"], overall["strict"]) == (2, 1, 1)
    assert overall["relaxed_f1"] == pytest.approx(2 / 3)  # P 1, R 1/2
    assert data["date_only"]["relaxed_f1"] == 1.0
    document = data["documents"][0]
    assert document["name"] == "wsj_0001"
    assert [e["kind"] for e in document["errors"]] == ["missed"]
    assert document["errors"][0]["gold_text"] == "the evening <news>"
    assert set(data["timing"]) == {"total_seconds", "median_seconds"}


def test_command_table_output_with_errors(
    tmp_path: Path, fake_tagger: list[tuple[str, date]]
) -> None:
    (tmp_path / "sub").mkdir()
    write_doc(tmp_path / "sub", "b.tml")
    write_doc(tmp_path, "a.tml")
    out, err = StringIO(), StringIO()
    call_command("evaluate_timeml", str(tmp_path), "--errors", stdout=out, stderr=err)
    text = out.getvalue()
    assert "2 documents, 4 gold / 2 system TIMEX3" in text
    assert "DATE only" in text
    assert "  66.7" in text  # relaxed F1 of both documents and overall
    assert text.index("\na ") < text.index("\nb ")  # sorted, recursive
    assert "missed" in text
    assert "'the evening <news>'" in text
    assert "median" in text
    assert "[2/2]" in err.getvalue()  # progress


def test_command_missing_path(tmp_path: Path, fake_tagger: list[tuple[str, date]]) -> None:
    missing = tmp_path / "nope.tml"
    with pytest.raises(CommandError, match=r"nope\.tml"):
        call_command("evaluate_timeml", str(missing), stdout=StringIO())


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("plain text, not XML", "not well-formed"),
        ("<TimeML><TEXT>no creation time</TEXT></TimeML>", "no DCT"),
    ],
)
def test_command_rejects_bad_files(
    tmp_path: Path, fake_tagger: list[tuple[str, date]], content: str, reason: str
) -> None:
    path = tmp_path / "bad.tml"
    path.write_text(content)
    with pytest.raises(CommandError, match=rf"bad\.tml: .*{reason}"):
        call_command("evaluate_timeml", str(path), stdout=StringIO())
    assert fake_tagger == []  # files are checked before the tagger runs
