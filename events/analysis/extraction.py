"""From a document's text and date to its events: what happened, when, who, and the source text.

The rules (also in README, "How events are found"):
1. Every sentence with a temporal expression that resolves to calendar days yields an event,
   dated by its most precise such expression (the first one on a tie); its excerpt is the
   sentence, extended over a list that a sentence ending in ":" introduces.
2. An embedded post ("... — Name (@handle) August 29, 2025") is an event of its own, dated by its
   signature and attributed to its author; dated sentences inside it are events too, with the
   author among their actors.
3. A dated sentence that repeats the previous event (same interval, a shared actor, in the same or
   the next paragraph) adds an excerpt to that event instead of making a new one.
4. A sentence without a date makes an event only when it clearly reports one: a named actor
   followed by a past-tense action verb ("President Trump sent troops"). Such an event is undated
   and bounded by the document's date.
"""

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from events.analysis import text as textlib
from events.analysis.actors import Actor, Mention, find_actors
from events.analysis.languages import DEFAULT_LANGUAGE, extract_temporal_expressions
from events.analysis.types import Precision, Resolution, TemporalExpression

SUMMARY_LENGTH = 300

_ACTION_VERBS = (
    "signed|sent|announced|ordered|launched|deployed|arrested|charged|approved|rejected|vetoed|"
    "passed|suggested|proposed|warned|threatened|declared|resigned|fired|appointed|visited|met|"
    "killed|attacked|won|lost|filed|sued|ruled|voted|released|issued|introduced|unveiled|"
    "blocked|condemned|criticized|criticised|praised|endorsed|pardoned|nominated|confirmed|"
    "invaded|bombed|struck|seized|raided|detained|indicted|convicted|sentenced|acquitted|"
    "agreed|refused|denied|canceled|cancelled|postponed|suspended|closed|opened|banned"
)
# An actor followed within three words by a past-tense action verb.
_REPORTS_ACTION = re.compile(rf"(?:\S+\s+){{0,3}}?(?:{_ACTION_VERBS})\b")


@dataclass
class ExtractedExcerpt:
    start: int
    end: int
    text: str
    expression_start: int | None = None
    expression_end: int | None = None


@dataclass
class ExtractedEvent:
    summary: str
    earliest: date
    latest: date
    precision: Precision
    expression: str
    resolution: Resolution
    rule: str
    position: int
    excerpts: list[ExtractedExcerpt] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)


@dataclass
class DocumentAnalysis:
    events: list[ExtractedEvent]
    actors: list[Actor]
    expressions: list[TemporalExpression]


def analyze_document(
    text: str, document_date: date, language: str = DEFAULT_LANGUAGE
) -> DocumentAnalysis:
    """Find the events of one document (pure: no database), its dates read by the temporal
    tagger of ``language`` (ISO 639-1, one of ``languages.supported_languages()``)."""
    expressions = extract_temporal_expressions(text, document_date, language)
    posts = textlib.posts(text)
    actors, mentions, authors = find_actors(text, document_date, posts)
    dated = [expression for expression in expressions if expression.is_dated]
    signature_dates = {(post.date_start, post.date_end) for post in posts}
    paragraph_starts = [paragraph.start for paragraph in textlib.paragraphs(text)]
    # Sorted offsets, so that each sentence finds its post, expressions and mentions by
    # bisection: scanning them all for every sentence made long documents quadratic.
    post_ends = [post.end for post in posts]
    dated_starts = [expression.start for expression in dated]

    dated_by_span: dict[tuple[int, int], TemporalExpression] = {}
    for expression in dated:
        dated_by_span.setdefault((expression.start, expression.end), expression)

    events: list[ExtractedEvent] = []
    for post in posts:
        author = authors[post.start]
        events.append(_post_event(text, document_date, post, dated_by_span, mentions, author))

    previous: tuple[ExtractedEvent, int] | None = None  # the last sentence event, its paragraph
    covered_until = 0
    for sentence in textlib.sentences(text):
        if sentence.start < covered_until:
            continue  # inside a list already taken into the previous excerpt
        # The first post ending after the sentence starts: posts come in text order, their
        # starts and ends increasing, so it is the only one that may contain the sentence.
        index = bisect_right(post_ends, sentence.start)
        post = posts[index] if index < len(posts) and posts[index].start <= sentence.start else None
        end = min(sentence.end, post.signature_start) if post else sentence.end
        if end <= sentence.start:
            continue
        end = textlib.list_continuation(text, end)
        covered_until = end
        own = []
        for i in range(bisect_left(dated_starts, sentence.start), len(dated)):
            expression = dated[i]
            if expression.start >= end:
                break
            if expression.end <= end and (expression.start, expression.end) not in signature_dates:
                own.append(expression)
        sentence_actors = _actors_in(mentions, sentence.start, end)
        if post and authors[post.start] not in sentence_actors:
            sentence_actors.append(authors[post.start])
        paragraph = _paragraph_index(paragraph_starts, sentence.start)
        excerpt_text = text[sentence.start : end]

        if own:
            expression = min(own, key=lambda e: ((e.latest - e.earliest).days, e.start))
            excerpt = ExtractedExcerpt(
                sentence.start, end, excerpt_text, expression.start, expression.end
            )
            if previous and _repeats(previous, expression, sentence_actors, paragraph):
                previous[0].excerpts.append(excerpt)
                _add_actors(previous[0], sentence_actors)
                previous = (previous[0], paragraph)
                continue
            event = ExtractedEvent(
                summary=_summary(excerpt_text),
                earliest=expression.earliest,
                latest=expression.latest,
                precision=expression.precision or Precision.DAY,
                expression=expression.text,
                resolution=expression.resolution or Resolution.RELATIVE,
                rule=expression.rule,
                position=sentence.start,
                excerpts=[excerpt],
                actors=sentence_actors,
            )
            events.append(event)
            previous = (event, paragraph)
        elif not post and _reports_action(text, mentions, sentence.start, end):
            events.append(
                ExtractedEvent(
                    summary=_summary(excerpt_text),
                    earliest=document_date,
                    latest=document_date,
                    precision=Precision.UNDATED,
                    expression="",
                    resolution=Resolution.DOCUMENT,
                    rule="no date in the sentence: bounded by the document date",
                    position=sentence.start,
                    excerpts=[ExtractedExcerpt(sentence.start, end, excerpt_text)],
                    actors=sentence_actors,
                )
            )

    events.sort(key=lambda event: (event.earliest, event.latest, event.position))
    return DocumentAnalysis(events=events, actors=actors, expressions=expressions)


def _post_event(
    text: str,
    document_date: date,
    post: textlib.Post,
    dated_by_span: dict[tuple[int, int], TemporalExpression],
    mentions: list[Mention],
    author: Actor,
) -> ExtractedEvent:
    expression = dated_by_span.get((post.date_start, post.date_end))
    body = text[post.start : post.signature_start].strip() or text[post.start : post.end]
    first_sentence = next(iter(textlib.sentences(body)), None)
    opening = body[first_sentence.start : first_sentence.end] if first_sentence else body
    actors = [author, *(a for a in _actors_in(mentions, post.start, post.end) if a is not author)]
    if expression is not None:
        earliest, latest = expression.earliest, expression.latest
        precision, resolution = expression.precision or Precision.DAY, Resolution.EXPLICIT
        rule = expression.rule or "the post's signature date"
    else:  # a signature date the tagger cannot read: the post is bounded by the document date
        earliest = latest = document_date
        precision, resolution = Precision.UNDATED, Resolution.DOCUMENT
        rule = "the post's date was not understood: bounded by the document date"
    return ExtractedEvent(
        summary=_summary(f"{author.name} posted ({post.handle}): {opening}"),
        earliest=earliest,
        latest=latest,
        precision=precision,
        expression=text[post.date_start : post.date_end],
        resolution=resolution,
        rule=rule,
        position=post.start,
        excerpts=[
            ExtractedExcerpt(
                post.start, post.end, text[post.start : post.end], post.date_start, post.date_end
            )
        ],
        actors=actors,
    )


def _repeats(
    previous: tuple[ExtractedEvent, int],
    expression: TemporalExpression,
    actors: list[Actor],
    paragraph: int,
) -> bool:
    event, event_paragraph = previous
    return (
        paragraph - event_paragraph <= 1
        and (event.earliest, event.latest) == (expression.earliest, expression.latest)
        and not {id(actor) for actor in event.actors}.isdisjoint(id(actor) for actor in actors)
    )


def _mentions_from(mentions: list[Mention], start: int, end: int) -> Iterator[Mention]:
    """The mentions (sorted by start) starting in [start, end), found by bisection."""
    for i in range(bisect_left(mentions, start, key=_mention_start), len(mentions)):
        if mentions[i].start >= end:
            return
        yield mentions[i]


def _mention_start(mention: Mention) -> int:
    return mention.start


def _reports_action(text: str, mentions: list[Mention], start: int, end: int) -> bool:
    for mention in _mentions_from(mentions, start, end):
        if mention.actor.kind in ("person", "organization") and _REPORTS_ACTION.match(
            text, mention.end + 1, end
        ):
            return True
    return False


def _actors_in(mentions: list[Mention], start: int, end: int) -> list[Actor]:
    found: list[Actor] = []
    seen: set[int] = set()  # ids: a long sentence may name thousands of actors
    for mention in _mentions_from(mentions, start, end):
        if mention.end <= end and id(mention.actor) not in seen:
            seen.add(id(mention.actor))
            found.append(mention.actor)
    return found


def _add_actors(event: ExtractedEvent, actors: list[Actor]) -> None:
    present = {id(actor) for actor in event.actors}
    for actor in actors:
        if id(actor) not in present:
            present.add(id(actor))
            event.actors.append(actor)


def _paragraph_index(paragraph_starts: list[int], offset: int) -> int:
    return max(0, bisect_right(paragraph_starts, offset) - 1)


def _summary(excerpt: str) -> str:
    summary = " ".join(excerpt.split())
    if len(summary) > SUMMARY_LENGTH:
        summary = summary[: SUMMARY_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    return summary
