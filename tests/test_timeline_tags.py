"""The pages' template helpers (events/templatetags/timeline_tags.py): grouping events under
date headings (plain Python on dates and attributes: no database)."""

from datetime import date
from types import SimpleNamespace

from events.templatetags.timeline_tags import group_by_date


def _event(earliest: date, latest: date, precision: str) -> SimpleNamespace:
    return SimpleNamespace(earliest=earliest, latest=latest, precision=precision)


def test_group_by_date_groups_consecutive_events_by_day_or_coarser_interval():
    d28, d29, d30 = date(2025, 8, 28), date(2025, 8, 29), date(2025, 8, 30)
    events = [
        _event(date(2025, 8, 1), date(2025, 8, 31), "month"),
        _event(d28, d28, "day"),
        _event(d28, d29, "range"),
        _event(d30, d30, "day"),
        _event(d30, d30, "day"),
        _event(d30, d30, "undated"),
        _event(d30, d30, "undated"),
    ]
    groups = group_by_date(events)
    assert [(g.label, len(g.events)) for g in groups] == [
        ("August 2025", 1),
        ("Thu 28 Aug 2025", 1),
        ("28\N{EN DASH}29 Aug 2025", 1),
        ("Sat 30 Aug 2025", 2),
        ("Undated, before 30 Aug 2025", 2),
    ]
    assert [g.datetime for g in groups[:2]] == ["2025-08", "2025-08-28"]
    assert [g.undated for g in groups] == [False] * 4 + [True]


def test_a_days_dated_events_come_before_its_undated_ones_under_one_heading_each():
    # Timeline order interleaves them (both have the document's day as their interval).
    d30 = date(2025, 8, 30)
    dated, late, undated = (
        _event(d30, d30, "day"),
        _event(d30, d30, "day"),
        _event(d30, d30, "undated"),
    )
    groups = group_by_date(
        [dated, undated, late, _event(date(2025, 9, 1), date(2025, 9, 1), "day")]
    )
    assert [(g.label, g.events) for g in groups[:2]] == [
        ("Sat 30 Aug 2025", [dated, late]),
        ("Undated, before 30 Aug 2025", [undated]),
    ]
    assert [g.label for g in groups[2:]] == ["Mon 1 Sep 2025"]
