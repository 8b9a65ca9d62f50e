"""The rules-as-data temporal tagger: an engine, a resolver and one resource folder a language.

``extract(text, document_date, language)`` finds and normalises a text's temporal expressions
(TimeML TIMEX3) with the rules of ``events/analysis/languages/<language>/``:
:mod:`~events.analysis.timex.engine` applies the rules and leaves open what the text does not
say; :mod:`~events.analysis.timex.resolve` fills it in from the document date and the
narrative. The knowledge of a language lives only in its resource files
(:mod:`~events.analysis.timex.resources`).
"""

from __future__ import annotations

from datetime import date

from events.analysis.timex.resources import ResourceError, languages_with_rules, load_language
from events.analysis.types import TemporalExpression

__all__ = ["ResourceError", "extract", "languages_with_rules", "load_language"]


def extract(text: str, document_date: date, language: str) -> list[TemporalExpression]:
    """Temporal expressions of ``text`` in ``language`` (sorted, non-overlapping)."""
    # Imported on first use: English's tagger reads its words through ``resources`` and
    # needs neither the engine nor the resolver (nor their import time).
    from events.analysis.timex.engine import find
    from events.analysis.timex.resolve import resolve

    rules = load_language(language)
    return resolve(text, find(text, rules), document_date, rules)
