"""Numeric dates: ISO ("2025-08-30"), slashed ("8/30/2025") and compact ones."""

from __future__ import annotations

import re
from datetime import date

from events.analysis import date_calendar as cal
from events.analysis.date_lexicon import MONTH_RE
from events.analysis.date_rules.base import Context, Resolved, _rule
from events.analysis.date_rules.values import _date
from events.analysis.types import Resolution


@_rule(r"(?P<y>1[5-9]\d\d|20\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?!\d)")
def _iso_date(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "2025-08-30" (ISO 8601)."""
    d = cal.clamp_day(int(m["y"]), int(m["m"]), int(m["d"]))
    if d is None:
        return None
    return _date(cal.day_value(d), "ISO date written in the text", Resolution.EXPLICIT)


@_rule(r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![/\d])")
def _slash_date(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "8/30/2025", "08/30/98": US month/day/year (day/month when the month cannot be)."""
    d = _parse_numeric_date(m.group(0), ctx.dct)
    if d is None:
        return None
    return _date(cal.day_value(d), "numeric date (month/day/year)", Resolution.EXPLICIT)


def _parse_numeric_date(text: str, dct: date) -> date | None:
    """Parse m/d/y by plain arithmetic: US field order, day first when the month cannot be."""
    a, b, y = (int(p) for p in text.split("/"))
    if y < 100:
        y += 1900 if y > (dct.year % 100) + 10 else 2000
    return cal.clamp_day(y, a, b) or cal.clamp_day(y, b, a)


@_rule(
    r"(?P<dmy>(?:[12]\d|3[01]|0?[1-9])\.(?:1[0-2]|0?[1-9])\.(?:1[5-9]|20)\d\d)(?![.\d])"
    r"|(?P<ymd>(?:1[5-9]|20)\d\d/(?:1[0-2]|0?[1-9])/(?:[12]\d|3[01]|0?[1-9]))(?![/\d])"
    rf"|(?P<hyphen>(?:[12]\d|3[01]|0?[1-9])-{MONTH_RE}-(?:1[5-9]|20)\d\d"
    rf"|{MONTH_RE}-(?:[12]\d|3[01]|0?[1-9])-(?:1[5-9]|20)\d\d)(?![-\d])"
)
def _compact_date(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "30.08.2025", "2025/08/30", "30-Aug-2025": compact forms, parsed by dateparser.

    These are rare in news, and their field order depends on the convention (a dotted date is
    day first), which dateparser knows; it runs only on the few candidates found here.
    """
    import dateparser  # imported lazily: it is slow to import and rarely needed

    text = m.group(0)
    order = "YMD" if m["ymd"] else ("MDY" if text[0].isalpha() else "DMY")
    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"DATE_ORDER": order, "STRICT_PARSING": True},
    )
    if parsed is None:
        return None
    d = parsed.date()
    return _date(cal.day_value(d), f"compact date ({order.lower()}) parsed by dateparser",
                 Resolution.EXPLICIT)  # fmt: skip
