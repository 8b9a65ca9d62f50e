"""The timeline summarisation evaluation maths (events/analysis/tls_eval.py): the gold timeline
format, the protocol's parameters, date F1 and alignment ROUGE (pure: no database)."""

from datetime import date

import pytest

from events.analysis import tls_eval

GOLD_TEXT = """2025-03-04
The council votes to close the bridge .
Engineers warned of cracks .
--------------------------------
2025-03-10
The bridge closes .
--------------------------------
2025-03-20
Demolition begins .
Crews arrive .
Traffic is diverted .
--------------------------------
"""


def test_parse_and_format_timeline_round_trip():
    gold = tls_eval.parse_timeline(GOLD_TEXT)
    assert list(gold) == [date(2025, 3, 4), date(2025, 3, 10), date(2025, 3, 20)]
    assert gold[date(2025, 3, 10)] == ["The bridge closes ."]
    assert tls_eval.format_timeline(gold) == GOLD_TEXT


def test_a_bad_date_line_is_an_error_or_is_skipped():
    text = "2025-03-0\nSomething .\n" + "-" * 32 + "\n2025-03-10\nThe bridge closes .\n"
    with pytest.raises(ValueError, match="line 1: expected a YYYY-MM-DD date, got '2025-03-0'"):
        tls_eval.parse_timeline(text)
    skipped: list[str] = []
    assert tls_eval.parse_timeline(text, skipped=skipped) == {
        date(2025, 3, 10): ["The bridge closes ."]
    }
    assert skipped == ["2025-03-0"]


def test_protocol_parameters():
    params = tls_eval.protocol_parameters(tls_eval.parse_timeline(GOLD_TEXT))
    # 6 sentences over 3 dates: N = 2; K = 3; the window is the first to the last date.
    assert params == tls_eval.ProtocolParameters(3, 2, date(2025, 3, 4), date(2025, 3, 20))
    # Halves round to even, as news-tls (Python's round) does: 5 sentences over 2 dates -> 2.
    two = {date(2025, 1, 1): ["a", "b"], date(2025, 1, 2): ["c", "d", "e"]}
    assert tls_eval.protocol_parameters(two).sentences == 2


def test_date_scores_and_their_mean_over_timelines():
    gold = [date(2025, 3, 4), date(2025, 3, 10), date(2025, 3, 20)]
    first = tls_eval.date_scores([date(2025, 3, 4), date(2025, 3, 5)], gold)
    assert (first.precision, first.recall) == (0.5, pytest.approx(1 / 3))
    assert first.f1 == pytest.approx(0.4)
    second = tls_eval.date_scores(gold, gold)
    assert second.f1 == 1.0
    mean = tls_eval.mean_scores([first, second])
    # Mean precision .75 and mean recall 2/3, then F: not the mean of the two F (.7).
    assert mean.precision == 0.75
    assert mean.recall == pytest.approx(2 / 3)
    assert mean.f1 == pytest.approx(2 * 0.75 * (2 / 3) / (0.75 + 2 / 3))
    assert tls_eval.date_scores([], gold).f1 == 0.0


def test_alignment_rouge_discounts_a_date_one_day_off():
    pytest.importorskip("tilse")
    gold = tls_eval.parse_timeline(GOLD_TEXT)
    rouge_1, rouge_2 = tls_eval.rouge_scores(gold, gold, computation="reimpl")
    assert rouge_1.f1 == pytest.approx(1.0)
    assert rouge_2.f1 == pytest.approx(1.0)
    shifted = {day.replace(day=day.day + 1): sentences for day, sentences in gold.items()}
    rouge_1, _ = tls_eval.rouge_scores(shifted, gold, computation="reimpl")
    assert rouge_1.f1 == pytest.approx(0.5)  # every pair aligned one day apart: 1 / (1 + 1)
