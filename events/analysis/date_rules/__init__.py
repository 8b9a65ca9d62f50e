"""The English temporal tagger's rules: one precompiled pattern and one resolver per kind of
expression, a module for each family of expressions.

Each ``@_rule(pattern)`` function receives a match and the resolution :class:`Context` (the
text, the document creation time and what was resolved before) and returns a
:class:`Resolved` value, or None to reject the candidate. The extraction loop that selects
and orders the candidates is in :mod:`events.analysis.dates`; the calendar arithmetic is in
:mod:`events.analysis.date_calendar` and the words in ``languages/en/lexicon.toml`` (read by
:mod:`events.analysis.date_lexicon`).

Where things are:

- ``base``: the registry (``RULES``, ``_rule``), the context and the resolved value;
- ``tense``: which way a date without a year or a bare weekday points (the governing verb,
  plan and past cues); ``values``: the small builders the resolvers share;
- the families, registered in this order (the order of ``RULES``, which breaks ties between
  candidates of the same span and priority): ``months`` (dates with a month name),
  ``numeric``, ``years`` (with decades and centuries), ``quarters`` (with halves and
  seasons), ``days`` (weekdays, "yesterday"), ``relative`` ("last week", "two years ago"),
  ``durations``, ``times`` (of day), ``references`` ("now", "recently"; sets) and
  ``holidays``.

``dateparser`` is used only for numeric dates whose field order is unusual
(``numeric._parse_numeric_date``), never for scanning text.
"""

from events.analysis.date_rules import (
    days,
    durations,
    holidays,
    months,
    numeric,
    quarters,
    references,
    relative,
    times,
    years,
)
from events.analysis.date_rules.base import RULES, Candidate, Context, Resolved, Rule
from events.analysis.date_rules.tense import forget

__all__ = ["RULES", "Candidate", "Context", "Resolved", "Rule", "forget"]

# The families in the order their rules are tried (a rule registers itself when its module is
# imported, and the order of RULES breaks ties between candidates of the same span and
# priority): put in that order here, whatever order the modules were imported in.
FAMILIES = (
    months,
    numeric,
    years,
    quarters,
    days,
    relative,
    durations,
    times,
    references,
    holidays,
)
_FAMILY_ORDER = {family.__name__: place for place, family in enumerate(FAMILIES)}
# A stable sort: within a family, the order of definition.
RULES.sort(key=lambda rule: _FAMILY_ORDER[rule.resolve.__module__])
