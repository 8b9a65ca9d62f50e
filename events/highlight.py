"""Highlighting spans of a text as HTML, safely.

Document text is untrusted: every character of it is escaped here, and the only markup in the
result is built from fixed strings and escaped attribute values. Spans may nest or overlap (an
embedded post's excerpt contains the excerpt of a dated list inside it), so the text is cut at
every span boundary and each piece is wrapped on its own: the output is always well nested.
Pure Python, no ORM: the views turn excerpts into ``Span``s.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from typing import Final, Literal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

EXCERPT: Final = "excerpt"
TIMEX: Final = "timex"
BLANK_LINES = re.compile(r"\n[ \t\r\n]*\n")


@dataclass(frozen=True, slots=True)
class Span:
    """A highlighted stretch ``text[start:end]``.

    An excerpt is shaded; where excerpts overlap the shade deepens. A date expression
    ("timex") is marked and, given ``href``, is a link. An excerpt given ``marker`` gets a
    small link with that label at its start (to ``href``, with ``anchor`` as its id), so every
    excerpt is reachable even when it has no date expression.
    """

    start: int
    end: int
    kind: Literal["excerpt", "timex"]
    href: str = ""
    marker: str = ""
    anchor: str = ""
    title: str = ""


def _attrs(values: dict[str, str]) -> str:
    """` name="value"` pairs for the non-empty values, escaped."""
    return "".join(f' {name}="{escape(value)}"' for name, value in values.items() if value)


def _marker_attrs(span: Span) -> dict[str, str]:
    """The marker's text is only a number: its title, also its accessible name, says what it
    leads to ("Event 3: Sat 30 Aug 2025")."""
    return {"href": span.href, "id": span.anchor, "title": span.title, "aria-label": span.title}


def highlight(text: str, spans: Iterable[Span], *, fold_blank_lines: bool = False) -> SafeString:
    """``text`` as escaped HTML with ``spans`` wrapped in ``<mark>`` (and links where asked).

    Offsets index ``text``; spans outside it are clipped and empty ones dropped. With
    ``fold_blank_lines``, runs of blank lines print as one line break (for a short quote).
    """
    size = len(text)
    kept = [
        Span(max(0, s.start), min(size, s.end), s.kind, s.href, s.marker, s.anchor, s.title)
        for s in spans
    ]
    kept = [s for s in kept if s.start < s.end]
    cuts = sorted({0, size, *(s.start for s in kept), *(s.end for s in kept)})
    # A sweep over the cuts: spans open where they start and close where they end, so the work
    # grows with the number of pieces and the spans open at once, not pieces times spans.
    opening: dict[int, list[Span]] = {}
    for span in sorted(kept, key=lambda s: (s.start, -s.end)):
        opening.setdefault(span.start, []).append(span)
    active: list[Span] = []

    out: list[str] = []
    for left, right in pairwise(cuts):
        active = [s for s in active if s.end > left]
        for span in opening.get(left, []):
            active.append(span)
            if span.kind == EXCERPT and span.marker:
                out.append(
                    f'<a class="marker"{_attrs(_marker_attrs(span))}>{escape(span.marker)}</a>'
                )
        piece = text[left:right]
        if fold_blank_lines:
            piece = BLANK_LINES.sub("\n", piece)
        piece = escape(piece)
        if not active:
            out.append(piece)
            continue
        depth = sum(1 for s in active if s.kind == EXCERPT)
        timexes = [s for s in active if s.kind == TIMEX]
        classes = []
        if depth:
            classes.append(EXCERPT if depth == 1 else f"{EXCERPT} {EXCERPT}-nested")
        if timexes:
            classes.append(TIMEX)
        html = f'<mark class="{" ".join(classes)}">{piece}</mark>'
        link = next((s for s in timexes if s.href), None)
        if link is not None:
            attrs = _attrs({"href": link.href, "title": link.title})
            html = f'<a class="timex-link"{attrs}>{html}</a>'
        out.append(html)
    # Safe: the text went through escape() piece by piece, attribute values too.
    return mark_safe("".join(out))
