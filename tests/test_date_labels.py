"""Dates in words (events/date_labels.py): an interval and its precision as the pages, exports
and admin write them, and as an HTML time value."""

from datetime import date

import pytest

from events.date_labels import date_text, machine_date, range_text


@pytest.mark.parametrize(
    ("earliest", "latest", "precision", "expected"),
    [
        (date(2025, 8, 30), date(2025, 8, 30), "day", "Sat 30 Aug 2025"),
        (date(2025, 8, 28), date(2025, 8, 29), "range", "28\N{EN DASH}29 Aug 2025"),
        (date(2025, 8, 30), date(2025, 9, 2), "range", "30 Aug \N{EN DASH} 2 Sep 2025"),
        (date(2024, 12, 30), date(2025, 1, 2), "range", "30 Dec 2024 \N{EN DASH} 2 Jan 2025"),
        (date(2025, 8, 1), date(2025, 8, 31), "month", "August 2025"),
        (date(2024, 2, 1), date(2024, 2, 29), "month", "February 2024"),
        (date(2025, 1, 1), date(2025, 12, 31), "year", "2025"),
        (date(2025, 8, 30), date(2025, 8, 30), "undated", "undated, before 30 Aug 2025"),
        (date(2025, 8, 25), date(2025, 8, 31), "week", "week of Mon 25 Aug 2025"),
        (date(2025, 7, 1), date(2025, 9, 30), "quarter", "Q3 2025"),
        (date(2025, 6, 1), date(2025, 8, 31), "season", "Jun\N{EN DASH}Aug 2025"),
        (date(2025, 12, 1), date(2026, 2, 28), "season", "Dec 2025 \N{EN DASH} Feb 2026"),
        (date(2020, 1, 1), date(2029, 12, 31), "decade", "2020s"),
        (date(1900, 1, 1), date(1999, 12, 31), "century", "20th century"),
        # An interval that does not have its precision's shape is written as it is.
        (date(2025, 8, 2), date(2025, 8, 31), "month", "2\N{EN DASH}31 Aug 2025"),
        (date(2025, 1, 1), date(2025, 6, 30), "year", "1 Jan \N{EN DASH} 30 Jun 2025"),
        # Whole years are years, whatever the precision: "the 1957-58 season".
        (date(1957, 1, 1), date(1958, 12, 31), "range", "1957\N{EN DASH}1958"),
        (date(1957, 1, 1), date(1958, 12, 31), "year", "1957\N{EN DASH}1958"),
        (date(2025, 1, 1), date(2025, 12, 31), "range", "2025"),
        (date(1957, 1, 1), date(1958, 12, 30), "range", "1 Jan 1957 \N{EN DASH} 30 Dec 1958"),
    ],
)
def test_date_text_by_precision(earliest, latest, precision, expected):
    assert date_text(earliest, latest, precision) == expected


def test_range_text_of_one_day_names_the_weekday():
    assert range_text(date(2025, 8, 28), date(2025, 8, 28)) == "Thu 28 Aug 2025"


@pytest.mark.parametrize(
    ("earliest", "latest", "expected"),
    [
        (date(2025, 8, 30), date(2025, 8, 30), "2025-08-30"),
        (date(2025, 8, 1), date(2025, 8, 31), "2025-08"),
        (date(2025, 1, 1), date(2025, 12, 31), "2025"),
        (date(2025, 8, 28), date(2025, 8, 29), "2025-08-28"),
        (date(1957, 1, 1), date(1958, 12, 31), "1957"),
    ],
)
def test_machine_date_is_a_valid_html_time_value(earliest, latest, expected):
    assert machine_date(earliest, latest) == expected
