"""Dates in quoted words, resolved against the day the words were said (pure: plain strings).

'"We will decide on Friday," the mayor wrote in an e-mail dated March 3': Friday is the one
after March 3, not the one after the article's date. A news report quotes words said or written
at another time and names that time outside the quotation; a relative date inside the
quotation is then relative to it. This is a stage of resolution common to every language's
tagger (``languages.extract_temporal_expressions`` runs it on what the tagger found): the
tagger reads the quotation again with the statement's day as its reference date.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from events.analysis import text as textlib
from events.analysis.types import Precision, Resolution, TemporalExpression

Tagger = Callable[[str, date], list[TemporalExpression]]

# Quoted words within one sentence: curly, straight, TeX-style (``...'') or angle quotation
# marks (« », as Spanish and French write them).
QUOTATION = re.compile(r"“[^”]*”|\"[^\"\n]*\"|``.*?''|«[^»]*»")
_QUOTE_MARK = re.compile(r"[“\"«]|``")


def resolve_quoted_dates(
    text: str, expressions: list[TemporalExpression], document_date: date, tagger: Tagger
) -> list[TemporalExpression]:
    """``expressions`` (the tagger's, in text order) with the relative dates inside quotations
    resolved against the day their sentence names outside the quotation (the statement's
    date); without one, or when it is the document's date, they stay as they are."""
    if not expressions or not _QUOTE_MARK.search(text):
        return expressions
    result = list(expressions)
    starts = [e.start for e in expressions]
    for sentence in textlib.sentences(text):
        first = bisect_left(starts, sentence.start)
        last = bisect_left(starts, sentence.end)
        if last - first < 2:
            continue  # a quotation's date needs a date outside it in the same sentence
        _resolve_sentence(text, sentence, result, range(first, last), document_date, tagger)
    return result


def _resolve_sentence(
    text: str,
    sentence: textlib.Span,
    result: list[TemporalExpression],
    indexes: range,
    document_date: date,
    tagger: Tagger,
) -> None:
    own = [i for i in indexes if result[i].is_dated and result[i].end <= sentence.end]
    for quotation in QUOTATION.finditer(text, sentence.start, sentence.end):
        outside = [
            result[i]
            for i in own
            if not quotation.start() <= result[i].start < quotation.end()
            and result[i].precision == Precision.DAY
            and result[i].earliest == result[i].latest
        ]
        if not outside or outside[0].earliest == document_date:
            continue
        said_on = outside[0].earliest
        assert said_on is not None
        inside = {
            (result[i].start, result[i].end): i
            for i in own
            if quotation.start() <= result[i].start < quotation.end()
            and result[i].resolution == Resolution.RELATIVE
        }
        if not inside:
            continue
        offset = quotation.start()
        for again in tagger(quotation.group(), said_on):
            index = inside.get((again.start + offset, again.end + offset))
            if index is not None and again.is_dated:
                result[index] = replace(
                    again,
                    start=again.start + offset,
                    end=again.end + offset,
                    rule=f"{again.rule}; in quoted words of {said_on.isoformat()}",
                )


def with_quoted_dates(tagger: Tagger) -> Tagger:
    """``tagger`` followed by this stage: what ``languages.extract_temporal_expressions`` and
    ``evaluate_timeml`` run."""

    def tag(text: str, document_date: date) -> list[TemporalExpression]:
        return resolve_quoted_dates(text, tagger(text, document_date), document_date, tagger)

    return tag
