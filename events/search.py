"""Text search (``?q=``): the events whose summary, expression or an excerpt holds the text, in
any case. A substring search, Django's ``icontains``: "arrest" finds "arrests", "Sat" finds
"Saturday", and SQLite and PostgreSQL find the same events.

On PostgreSQL a million events are searched through trigram indexes (migration 0008 says why
trigrams rather than full-text search), in one of two shapes, since no one plan is fast for
both a rare and a common word:

- ``collected``: the ids of the matching events, from the indexes (a union of one index scan per
  column, no join), then the page of them in timeline order. Its cost grows with the number of
  matches: a few milliseconds for a rare word, seconds for a word in half of the events.
- the walk (``holds``, ``entry_holds``): the timeline read in order, each event (or entry)
  checked by its own columns and its excerpts (found by event id), until the page is full. Its
  cost grows with the distance between matches: nothing for a common word, the whole timeline
  for a rare one.

Which one is chosen by ``is_common``, from a sample of the excerpts (one query of about a
thousand rows in whole pages): the walk only for a text found all along the sample, and never on
SQLite (``events/query_shapes.py``, shared with the actor filter, says why).

A text must hold a word of at least three letters or digits (``searchable``): a trigram index
cannot look up "a-b" or "zq", which would scan every excerpt (seconds at a million events, for
any anonymous client), and such a substring is in nearly every text anyway.
"""

import re

from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet

from events import query_shapes
from events.models import Event, SourceExcerpt

# Three letters or digits in a row: the shortest text that has a trigram to look up.
_WORD = re.compile(r"[^\W_]{3,}")
ERROR_TOO_SHORT = "Search for a word of at least three letters or digits."


def searchable(text: str) -> bool:
    """Whether ``text`` holds three letters or digits in a row (see the module's docstring)."""
    return _WORD.search(text) is not None


def is_common(text: str) -> bool:
    """Whether ``text`` is common in a sample of the excerpts (``query_shapes.is_common``; the
    pattern is the one ``icontains`` builds)."""
    pattern = f"%{connection.ops.prep_for_like_query(text)}%"
    return query_shapes.is_common(
        query_shapes.sample("events_sourceexcerpt", "UPPER(t.text) LIKE UPPER(%s)", [pattern])
    )


def walks(text: str) -> bool:
    """Whether the search for ``text`` walks the timeline rather than collecting its matches:
    on PostgreSQL, for a common text."""
    return query_shapes.can_walk() and is_common(text)


def collected(text: str) -> QuerySet[Event]:
    """The events holding ``text``: ``id IN (ids from the summary and expression indexes UNION
    ALL event ids from the excerpt index)``. Each side is one indexed condition; neither
    spans a join, which would leave PostgreSQL no index to use."""
    own = Event.objects.filter(Q(summary__icontains=text) | Q(expression__icontains=text))
    in_excerpts = SourceExcerpt.objects.filter(text__icontains=text)
    ids = own.order_by().values("pk").union(in_excerpts.order_by().values("event_id"), all=True)
    return Event.objects.filter(pk__in=ids)


def holds(text: str) -> Q:
    """The condition that the event (the query's own row) holds ``text``: its columns, or one of
    its excerpts, looked up by event id. Checked row by row as the timeline is walked."""
    in_excerpts = SourceExcerpt.objects.filter(event=OuterRef("pk"), text__icontains=text)
    return Q(summary__icontains=text) | Q(expression__icontains=text) | Q(Exists(in_excerpts))


def entry_holds(text: str) -> Exists:
    """The condition that an entry (a representative event) or one of the events merged into
    it holds ``text``, checked entry by entry as the timeline is walked."""
    members = Event.objects.filter(Q(pk=OuterRef("pk")) | Q(merged_into=OuterRef("pk")))
    return Exists(members.filter(holds(text)))
