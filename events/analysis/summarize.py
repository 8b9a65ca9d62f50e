"""Key dates of a story: the K most important dates, each with at most N sentences from the text.

This is news timeline summarization (TLS) done "date-wise", the approach that holds up best among
non-neural systems (DATEWISE, Gholipour Ghalandari & Ifrim 2020): first choose the dates, then
summarise each date from the sentences about it. Everything is extractive: each sentence of the
summary is a span of a document (document id and character offsets).

How a date is chosen. News writing refers back to what matters: when something important happens,
later articles keep dating it ("the March 3 vote", "on Tuesday the company said"). So a day's
importance is mostly how many different documents, written on how many different days, refer to it
with day precision (the project's own dated events), helped by how many articles were published on
it or the day after (the day's news), not by publication counts alone, which peak on slow follow-up
days. A reference from a document published after the day weighs more than one from the day's own
coverage: a day's reports date much to their day, but only what mattered is still dated to it
later. Month or year references ("in May") say nothing about which day and are not counted.

How sentences are chosen for a date. The candidates are the sentences dated to that day and the
opening sentences of the articles published that day or the next (news leads report the latest
event and are often undated, "the ministry said on Tuesday..." resolved or not). The date's
centroid is the mean TF-IDF vector of both groups; the candidates are ranked by their similarity to
it, only those above the knee of that curve are kept, and the day's centroid becomes theirs (the
candidate selection of DATEWISE's "PM-Mean" collector: a busy day's many other sentences stop
pulling the summary towards the day's other news). Sentences are then picked greedily so that the
summary's vector stays closest to that centroid (the "CentroidOpt" summarizer of news-tls),
skipping a sentence too similar to one already picked. Sentences without any of the story's
heaviest terms (boilerplate, asides) are left out, and so are long ones (run-ons and lists read
badly in a timeline).

Pure: no database. The parameters are in ``Parameters`` and were chosen by leave-one-topic-out on
Timeline17 (docs/benchmarks.md, "Story summaries"); nothing in them names a topic or an outlet.
"""

import math
import re
from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from events.analysis import text as textlib
from events.analysis.types import Precision, Resolution

ERROR_BAD_COUNT = "{name} must be a positive integer, got {value!r}"
ERROR_BAD_WINDOW = "the window starts ({start}) after it ends ({end})"


# News leads: the opening sentences report the news of the day (the inverted pyramid).
LEAD_SENTENCES = 5


@dataclass(frozen=True, slots=True)
class DatedSpan:
    """A span of a document's text that the analysis dated (an event's excerpt)."""

    start: int
    end: int
    earliest: date
    latest: date
    precision: str
    resolution: str = ""  # "document": dated by the reporting time, not by the text


@dataclass(frozen=True, slots=True)
class Candidate:
    """One sentence of a story's document, with the days it refers to (day precision only)."""

    document_id: Hashable
    published_on: date
    start: int
    end: int
    text: str
    position: int  # rank among the document's opening sentences; past them: more than all
    days: tuple[date, ...] = ()


@dataclass(frozen=True, slots=True)
class SummarySentence:
    document_id: Hashable
    published_on: date
    start: int
    end: int
    text: str


@dataclass
class KeyDate:
    date: date
    score: float
    documents: int  # distinct documents that refer to the date with day precision
    sentences: list[SummarySentence] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Parameters:
    """The knobs of the method (see the module's docstring); chosen by leave-one-topic-out."""

    # Date score = referring documents + publication_days_weight x distinct publication days
    # referring + published_weight x articles published that day and the next
    # + later_weight x referring documents published on a later day.
    publication_days_weight: float = 1.0
    published_weight: float = 0.5
    # A document published on a later day that still dates something to the day looks back:
    # what it recalls mattered beyond the day's own coverage. The next day's reports count
    # (measured: they help as much as later ones; docs/benchmarks.md).
    later_weight: float = 2.0
    # Opening sentences of an article that speak for its publication day (and the day before).
    lead_sentences: int = LEAD_SENTENCES
    # The day after publication is covered too: news reports yesterday's events.
    publication_lag_days: int = 1
    # A candidate this similar (cosine) to a sentence already chosen is a repeat.
    max_similarity: float = 0.3
    # Sentences less similar than this to the story's centroid are not summary material.
    min_story_similarity: float = 0.0
    # A summary sentence must contain one of the story's this-many heaviest terms (the terms of
    # the story's TF-IDF centroid): what the story is about, found from its own text, in the
    # spirit of the topic keywords DATEWISE filters with. 0: no such filter.
    story_keywords: int = 10
    # A day's centroid keeps only the terms its dated sentences and its news leads share (the
    # "PM-Mean" collector of DATEWISE).
    shared_terms_only: bool = False
    # Longest sentence (characters) taken into a summary: run-ons and lists read badly.
    max_sentence_chars: int = 300
    # Keep only the candidates above the knee of their similarities to the day's centroid, and
    # describe the day by those (the candidate selection of DATEWISE's PM-Mean collector).
    knee_filter: bool = True


def document_candidates(
    document_id: Hashable,
    published_on: date,
    text: str,
    dated: Iterable[DatedSpan],
    *,
    lead_sentences: int = LEAD_SENTENCES,
) -> list[Candidate]:
    """The sentences of one document a summary may quote: its opening ``lead_sentences``
    sentences and every sentence the analysis dated to a day, each with the days it refers to.

    ``dated`` are the document's event excerpts (a sentence, or a sentence and the list it
    introduces) with their intervals; only day-precision ones count as references to a day. The
    rest of the document is not split into sentences: a long story is summarised without
    splitting every sentence of every article (it is only searched once, for where readers'
    comments begin, as the analysis does).
    """
    # A reporting-time event (a clause without a date, dated by the document's own date) is the
    # publication day, not a reference to a day: it would count the day's articles twice.
    spans = [
        s
        for s in dated
        if s.precision == Precision.DAY
        and s.earliest == s.latest
        and s.resolution != Resolution.DOCUMENT
    ]
    leads = _first_sentences(text, lead_sentences)
    found: dict[tuple[int, int], set[date]] = {(s.start, s.end): set() for s in leads}
    for span in spans:
        found.setdefault((span.start, span.end), set()).add(span.earliest)
    # A lead sentence that an excerpt covers takes the excerpt's days (and the excerpt is the
    # same sentence: keep one of them, the lead's span).
    for lead in leads:
        for span in spans:
            if (span.start, span.end) != (lead.start, lead.end) and (
                span.start <= lead.start and lead.end <= span.end
            ):
                found[(lead.start, lead.end)].add(span.earliest)
    lead_rank = {(s.start, s.end): rank for rank, s in enumerate(leads)}
    return [
        Candidate(
            document_id=document_id,
            published_on=published_on,
            start=start,
            end=end,
            text=text[start:end],
            position=lead_rank.get((start, end), len(leads) + 1),
            days=tuple(sorted(days)),
        )
        for (start, end), days in sorted(found.items())
        if end > start
    ]


def _first_sentences(text: str, count: int) -> list[textlib.Span]:
    """The first ``count`` sentences of the story, splitting only as much of the text as they
    need. A wire story's dateline is no part of them ("HARBOURTON | Wed Jun 2, 2010 2:42 pm EDT
    HARBOURTON (Wire) - The ferry company's chief ..." is quoted from "The"), nor a page's header,
    stamps and photographs' credits (``textlib.story_sentence``)."""
    if count <= 0:
        return []
    line = textlib.story_dateline(text)
    story_end = textlib.reader_comments(text)  # readers' comments are no lead (as in analysis)
    length = 2000
    while True:
        end = min(story_end, length)
        spans = [
            story
            for span in textlib.sentences(text, 0, end)
            if (story := textlib.story_sentence(text, span, line)) is not None
        ]
        # The last span of a prefix may be a sentence cut short: trust it only at the story's end.
        if end == story_end or len(spans) > count:
            return spans[:count]
        length *= 2


def summarize(
    candidates: Sequence[Candidate],
    *,
    dates: int,
    sentences: int,
    start: date | None = None,
    end: date | None = None,
    parameters: Parameters | None = None,
) -> list[KeyDate]:
    """The ``dates`` most important dates of the story, each with at most ``sentences`` sentences.

    ``start``/``end`` (inclusive) restrict both the documents used (by publication date) and the
    dates chosen. The result is in date order.
    """
    for name, value in (("dates", dates), ("sentences", sentences)):
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ValueError(ERROR_BAD_COUNT.format(name=name, value=value))
    if start and end and start > end:
        raise ValueError(ERROR_BAD_WINDOW.format(start=start, end=end))
    p = parameters or Parameters()
    lo, hi = start or date.min, end or date.max
    pool = [c for c in candidates if lo <= c.published_on <= hi]
    if not pool:
        return []

    scores, documents = _date_scores(pool, p, lo, hi)
    vectors, story_similarity = _vectors(pool, p.story_keywords)
    by_day, leads = _candidates_by_day(pool, p)

    chosen: list[KeyDate] = []
    for day in sorted(scores, key=lambda d: (-scores[d], d)):
        if len(chosen) >= dates:
            break
        mentions = [i for i in by_day.get(day, []) if story_similarity[i] >= p.min_story_similarity]
        lead = [i for i in leads.get(day, []) if story_similarity[i] >= p.min_story_similarity]
        picked = _summarize_day(vectors, pool, mentions, lead, sentences, p)
        if not picked:
            continue
        chosen.append(
            KeyDate(
                date=day,
                score=scores[day],
                documents=documents.get(day, 0),
                sentences=[
                    SummarySentence(
                        pool[i].document_id,
                        pool[i].published_on,
                        pool[i].start,
                        pool[i].end,
                        pool[i].text,
                    )
                    for i in picked
                ],
            )
        )
    chosen.sort(key=lambda key_date: key_date.date)
    return chosen


def _date_scores(
    pool: Sequence[Candidate], p: Parameters, lo: date, hi: date
) -> tuple[dict[date, float], dict[date, int]]:
    """Each day's importance (see the module's docstring) and its referring documents."""
    referring_documents: dict[date, set[Hashable]] = defaultdict(set)
    referring_days: dict[date, set[date]] = defaultdict(set)
    looking_back: dict[date, set[Hashable]] = defaultdict(set)
    published: dict[date, set[Hashable]] = defaultdict(set)
    for candidate in pool:
        for day in candidate.days:
            referring_documents[day].add(candidate.document_id)
            referring_days[day].add(candidate.published_on)
            if candidate.published_on > day:
                looking_back[day].add(candidate.document_id)
        for lag in range(p.publication_lag_days + 1):
            published[candidate.published_on - timedelta(days=lag)].add(candidate.document_id)
    days = {d for d in (*referring_documents, *published) if lo <= d <= hi}
    scores = {
        day: len(referring_documents.get(day, ()))
        + p.publication_days_weight * len(referring_days.get(day, ()))
        + p.published_weight * len(published.get(day, ()))
        + p.later_weight * len(looking_back.get(day, ()))
        for day in days
    }
    documents = {day: len(docs) for day, docs in referring_documents.items()}
    return {d: s for d, s in scores.items() if s > 0}, documents


def _candidates_by_day(
    pool: Sequence[Candidate], p: Parameters
) -> tuple[dict[date, list[int]], dict[date, list[int]]]:
    """Sentences dated to each day; undated lead sentences for each publication day (and before)."""
    by_day: dict[date, list[int]] = defaultdict(list)
    leads: dict[date, list[int]] = defaultdict(list)
    for index, candidate in enumerate(pool):
        if len(candidate.text) > p.max_sentence_chars:
            continue
        for day in candidate.days:
            by_day[day].append(index)
        if not candidate.days and candidate.position < p.lead_sentences:
            for lag in range(p.publication_lag_days + 1):
                leads[candidate.published_on - timedelta(days=lag)].append(index)
    return by_day, leads


_TOKEN = re.compile(r"(?u)\b[^\W\d_][\w'-]+\b")


def _vectors(pool: Sequence[Candidate], keywords: int = 0) -> tuple[sparse.csr_matrix, np.ndarray]:
    """L2-normalised TF-IDF rows of the sentences, and each one's cosine to the story centroid
    (-1 for a sentence without any of the story's ``keywords`` heaviest terms, when asked)."""
    vectorizer = TfidfVectorizer(
        stop_words="english", lowercase=True, token_pattern=_TOKEN.pattern, sublinear_tf=True
    )
    try:
        matrix = vectorizer.fit_transform([candidate.text for candidate in pool]).tocsr()
    except ValueError:  # only stop words in the whole story: nothing to compare
        matrix = sparse.csr_matrix((len(pool), 1))
    centroid = np.asarray(matrix.mean(axis=0)).ravel()
    norm = float(np.linalg.norm(centroid))
    similarity = np.asarray(matrix @ (centroid / norm) if norm else np.zeros(len(pool))).ravel()
    if keywords and norm:
        heaviest = np.argsort(-centroid)[:keywords]
        has_keyword = np.asarray(matrix[:, heaviest].sum(axis=1)).ravel() > 0
        similarity = np.where(has_keyword, similarity, -1.0)
    return matrix, similarity


def _summarize_day(
    vectors: sparse.csr_matrix,
    pool: Sequence[Candidate],
    mentions: list[int],
    lead: list[int],
    limit: int,
    p: Parameters,
) -> list[int]:
    """Up to ``limit`` sentences whose sum stays closest to the day's centroid (greedy)."""
    indices = list(dict.fromkeys([*mentions, *lead]))
    if not indices:
        return []
    # The day's centroid weighs the sentences dated to it and the day's news leads equally, so
    # a day with few dated sentences but many articles is still described by what it reported.
    parts = [np.asarray(vectors[group].mean(axis=0)).ravel() for group in (mentions, lead) if group]
    centroid: np.ndarray = np.sum(parts, axis=0)
    if p.shared_terms_only and len(parts) == 2:
        # What both the dated sentences and the day's news say: terms of one group only are
        # background (dated asides) or other news of the day.
        centroid = np.where((parts[0] > 0) & (parts[1] > 0), centroid, 0.0)
        if not centroid.any():
            centroid = np.sum(parts, axis=0)
    norm = float(np.linalg.norm(centroid))
    if not norm:
        return []
    centroid = centroid / norm
    block = vectors[indices]  # rows of unit length
    own = np.asarray(block @ centroid).ravel()  # each sentence's cosine to the centroid
    available = own > 0
    if p.knee_filter and len(indices) > 2:
        # Most candidates of a busy day are about something else (other news of the day, asides
        # that merely mention it); the few that say what happened stand out as the head of the
        # similarity curve. Cut it at its knee and describe the day by the head alone.
        ranked = np.sort(own)[::-1]
        above = available & (own > ranked[_knee(ranked)])
        if above.any():
            available = above
            kept = np.asarray(block[np.flatnonzero(above)].sum(axis=0)).ravel()
            centroid = kept / float(np.linalg.norm(kept))
            own = np.asarray(block @ centroid).ravel()
    # Identical sentences (wire copy reprinted by several outlets) are one candidate.
    seen_texts: set[str] = set()
    for position, index in enumerate(indices):
        key = " ".join(pool[index].text.lower().split())
        if key in seen_texts:
            available[position] = False
        seen_texts.add(key)
    # Greedy: add the sentence x that maximises cos(total + x, centroid). With unit rows,
    # |total + x|^2 = |total|^2 + 2 x.total + 1, so each step is two sparse products.
    picked: list[int] = []
    with_total = np.zeros(len(indices))  # x . total for every candidate x
    total_centroid = 0.0  # total . centroid
    total_norm2 = 0.0  # |total|^2
    while len(picked) < limit and available.any():
        norms = np.sqrt(np.maximum(total_norm2 + 2 * with_total + 1.0, 1e-12))
        gains = np.where(available, (total_centroid + own) / norms, -math.inf)
        best = int(np.argmax(gains))
        available[best] = False
        similarity = np.asarray((block @ block[best].T).todense()).ravel()
        if picked and similarity[picked].max() > p.max_similarity:
            continue
        picked.append(best)
        total_norm2 += 2 * with_total[best] + 1.0
        total_centroid += own[best]
        with_total += similarity
    return [indices[position] for position in picked]


def _knee(values: np.ndarray) -> int:
    """Index of the knee of a curve: its point farthest from the line through its two ends
    (the usual geometric definition, as news-tls' DATEWISE finds its cut)."""
    n = len(values)
    x = np.arange(n, dtype=float)
    dx, dy = x[-1] - x[0], float(values[-1] - values[0])
    length = math.hypot(dx, dy)
    if not length:
        return 0
    distance = np.abs(dy * x - dx * (values - values[0])) / length
    return int(np.argmax(distance))
