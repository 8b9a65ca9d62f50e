"""Tests for events.analysis.date_calendar's weekday arithmetic: what dateutil's
``relativedelta(weekday=...)`` gives, the calendar's first and last days included."""

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from dateutil.relativedelta import weekday as rd_weekday

from events.analysis.date_calendar import weekday_on_or_after, weekday_on_or_before

DAYS = [
    *(date.min + timedelta(days=i) for i in range(10)),
    *(date.max - timedelta(days=i) for i in range(10)),
    *(date(2024, 2, 20) + timedelta(days=i) for i in range(20)),
]


def _or_error(compute: Callable[..., date], *args: object) -> date | type[OverflowError]:
    try:
        return compute(*args)
    except OverflowError:
        return OverflowError


def _shift(day: date, delta: relativedelta) -> date:
    return day + delta


@pytest.mark.parametrize("weekday", range(7))
def test_weekdays_as_relativedelta(weekday):
    last = relativedelta(weekday=rd_weekday(weekday)(-1))
    first = relativedelta(weekday=rd_weekday(weekday)(+1))
    for day in DAYS:
        assert _or_error(weekday_on_or_before, day, weekday) == _or_error(_shift, day, last)
        assert _or_error(weekday_on_or_after, day, weekday) == _or_error(_shift, day, first)
