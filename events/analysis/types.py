"""Value types shared by the analysis modules and the models that store their results."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class TimexType(StrEnum):
    """TIMEX3 types (TimeML annotation guidelines)."""

    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class Precision(StrEnum):
    """How precisely an interval [earliest, latest] is known."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    SEASON = "season"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    RANGE = "range"  # an explicit span such as "August 28-29" or "from May to July"
    UNDATED = "undated"  # no date in the text: bounded only by the document date


class Resolution(StrEnum):
    """How a date was obtained."""

    EXPLICIT = "explicit"  # the text names the date in full ("August 29, 2025")
    RELATIVE = "relative"  # resolved against the document date or an earlier date in the text
    DOCUMENT = "document"  # undated: bounded only by the document date


@dataclass(frozen=True, slots=True)
class TemporalExpression:
    """One temporal expression found in a text.

    ``start``/``end`` index the analysed string exactly (``text == source[start:end]``).
    ``earliest``/``latest`` (inclusive) and ``precision`` are set for DATE and TIME
    expressions that resolve to calendar days; they are None otherwise (durations, sets,
    PRESENT_REF and the like).
    """

    start: int
    end: int
    text: str
    type: TimexType
    value: str
    earliest: date | None = None
    latest: date | None = None
    precision: Precision | None = None
    resolution: Resolution | None = None
    rule: str = ""  # a short, human-readable account of how the value was resolved

    @property
    def is_dated(self) -> bool:
        return self.earliest is not None and self.latest is not None

    def bounds(self) -> tuple[date, date]:
        """``(earliest, latest)`` of a dated expression (``is_dated``): the days the
        extraction dates an event by, which only dated expressions supply."""
        if self.earliest is None or self.latest is None:
            raise ValueError(f"{self.text!r} resolves to no calendar days")
        return self.earliest, self.latest
