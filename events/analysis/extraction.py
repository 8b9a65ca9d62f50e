"""From a document's text and date to its events: what happened, when, who, and the source text.

The rules (also in README, "How events are found"):
1. One event per happening: a sentence is cut into clauses (``clauses.py``); every clause with
   a temporal expression that resolves to calendar days is an event, dated by its own most
   precise expression (the first one on a tie). The excerpt is the sentence (extended over a
   list that a sentence ending in ":" introduces), with the offsets of the event's date.
2. A clause without a date is an event of the reporting time (the document date) when its
   tense says so: a statement with a speaker anywhere; a present perfect, or a past tense in
   a sentence without dates, in the lead. Relative dates in quoted words are resolved against
   the day the sentence says they were said. A dateline is no sentence, and its day (when it
   gives one) is the reporting time.
3. Each event has a summary (who did what, at most ``clauses.SUMMARY_WORDS`` words), a
   modality (fact, statement, plan, opinion) and ``after_publication`` (a fact or statement
   dated after the document).
4. An embedded post ("... — Name (@handle) August 29, 2025") is an event of its own, dated by its
   signature and attributed to its author; dated sentences inside it are events too, with the
   author among their actors.
5. A dated clause that repeats the previous event (same interval, a shared actor, in the same or
   the next paragraph) adds an excerpt to that event instead of making a new one.
6. Any other sentence without a date makes an event only when it clearly reports one: a named
   actor followed by a past-tense action verb ("President Trump sent troops"). Such an event is
   undated and bounded by the document's date.
"""

import gc
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

from events.analysis import clauses as clauselib
from events.analysis import text as textlib
from events.analysis.actors import Actor, Mention, find_actors
from events.analysis.clauses import Clause, Modality
from events.analysis.languages import DEFAULT_LANGUAGE, extract_temporal_expressions
from events.analysis.types import Precision, Resolution, TemporalExpression

SUMMARY_LENGTH = 300
# The lead: the opening sentences of the article's prose, where a past tense reports the news
# of the day ("A storm killed 40 people in the north of the country").
LEAD_SENTENCES = 2
# What the timeline reports as having happened: an event of these dated after its document
# is flagged (after_publication); plans, forecasts and hypotheticals may well be.
CLAIMS = (Modality.FACT, Modality.STATEMENT)
# How an event without a date of its own was dated (its ``rule``).
UNDATED = "no date in the sentence: bounded by the document date"
REPORTED_NOW = "no date: reported at the reporting time (present perfect or present tense)"
LEAD_FACT = "no date: the lead's news, dated by the reporting time (the document date)"
REPORTED_PAST = "no date: a statement in the past tense, dated by the reporting time"
NARRATIVE_PAST = "no date: a past fact, dated by the date its paragraph last named"
# A date before a noun beside the clause's own date: the happening the noun names.
NAMED_HAPPENING = "a date before a noun: the happening the noun names"
# The statement of a trailing attribution with its own date ("..., the mayor said on Tuesday").
DATED_ATTRIBUTION = "a trailing attribution's own date: the statement"

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
    modality: str = Modality.FACT  # fact, statement, plan or opinion (clauses.Modality)
    # Dated after its document's date although it is no plan or forecast: worth a check.
    after_publication: bool = False


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
    with _collector_paused():
        return _analyze(text, document_date, language)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while a document is analysed, then on again if
    it was on before.

    The analysis makes no reference cycles (run with the collector off, it leaves nothing to
    collect after 508 TimeML, Timeline17 and benchmark documents but 23 objects of a process's
    first document, and nothing after the 2 MB shapes of the benchmark), yet it makes
    hundreds of thousands of objects on a long text (words, mentions, events), and those set
    the collector off again and again to find nothing: 2 MB of distinct actors ran 1,146 young
    and 7 full collections, 1.3 s of its 7.5 s. The switch is the process's: it is turned back
    on only by the call that turned it off, so an analysis in another thread that started
    meanwhile never leaves it off."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _analyze(text: str, document_date: date, language: str) -> DocumentAnalysis:
    """``analyze_document``, the collector paused."""
    # Readers' comments below a web page's story are no part of it. Cut here, every offset
    # found below is still an offset of the whole text.
    text = text[: textlib.reader_comments(text)]
    expressions = extract_temporal_expressions(text, document_date, language)
    # Found once: posts, sentences and each sentence's paragraph all read them.
    blocks = textlib.paragraphs(text)
    posts = textlib.posts(text, blocks)
    actors, found_mentions, authors = find_actors(text, document_date, posts)
    mentions = _Mentions(found_mentions)
    dated = [expression for expression in expressions if expression.is_dated]
    signature_dates = {(post.date_start, post.date_end) for post in posts}
    # A dateline is no sentence of the story, and its day, when it gives one, is the reporting
    # time of the story ("WASHINGTON, March 12 (Xinhua) --" on a document dated March 13).
    line = textlib.story_dateline(text)
    reporting = _reporting_date(line, dated, document_date)
    if line is not None:
        dated = [expression for expression in dated if expression.start >= line.end]
    paragraph_starts = [paragraph.start for paragraph in blocks]
    # Sorted offsets, so that each sentence finds its post, expressions and mentions by
    # bisection: scanning them all for every sentence made long documents quadratic.
    post_ends = [post.end for post in posts]
    dated_starts = [expression.start for expression in dated]

    dated_by_span: dict[tuple[int, int], TemporalExpression] = {}
    for timex in dated:
        dated_by_span.setdefault((timex.start, timex.end), timex)

    events: list[ExtractedEvent] = [
        _post_event(text, document_date, post, dated_by_span, mentions, authors[post.start])
        for post in posts
    ]

    quotations = clauselib.Quotations(text)
    previous: tuple[ExtractedEvent, int] | None = None  # the last sentence event, its paragraph
    # The last event dated by its main clause, and its paragraph: where the narrative stands
    # (``_moves_narrative``; "The mayor spoke on Monday. He condemned the bombing.").
    narrative: tuple[ExtractedEvent, int] | None = None
    covered_until = 0
    opening = 0  # sentences of article prose seen so far (the lead is the first ones)
    for sentence in textlib.sentences(text, blocks=blocks):
        if sentence.start < covered_until:
            continue  # inside a list already taken into the previous excerpt
        # The first post ending after the sentence starts: posts come in text order, their
        # starts and ends increasing, so it is the only one that may contain the sentence.
        post: textlib.Post | None = None
        if posts:
            index = bisect_right(post_ends, sentence.start)
            if index < len(posts) and posts[index].start <= sentence.start:
                post = posts[index]
        end = min(sentence.end, post.signature_start) if post else sentence.end
        if end <= sentence.start:
            continue
        # The sentence, its excerpt and its summary start after the dateline and the page's
        # furniture (a live blog's stamp, a photograph's credit): a few matches at its start.
        # (Spans are made only where they differ: a frozen dataclass takes 0.4 us to build, and
        # 2 MB of short lines has 500,000 sentences.)
        story = textlib.story_sentence(
            text, sentence if end == sentence.end else textlib.Span(sentence.start, end), line
        )
        if story is None:
            continue  # the dateline or the page's furniture alone
        if story.start != sentence.start:
            sentence = textlib.Span(story.start, sentence.end)
        end = textlib.list_continuation(text, end, blocks)
        covered_until = end
        in_lead = not post and opening < LEAD_SENTENCES
        if not post:
            opening += 1
        own = []
        for i in range(bisect_left(dated_starts, sentence.start), len(dated)):
            candidate = dated[i]
            if candidate.start >= end:
                break
            if candidate.end <= end and (candidate.start, candidate.end) not in signature_dates:
                own.append(candidate)
        paragraph = _paragraph_index(paragraph_starts, sentence.start)
        parts = clauselib.clauses(text, sentence.start, end)

        quoted = [quotations.inside(paragraph_starts[paragraph], c.start) for c in parts]
        happenings = _happenings(text, mentions, parts, quoted, own, in_lead, post is not None)
        if not (happenings or own or post) and _reports_action(text, mentions, sentence.start, end):
            happenings = [(parts[0], None, UNDATED)]
        if not happenings:
            continue  # most sentences of some texts: no event, so no actors or excerpt to read
        sentence_actors = _actors_in(mentions, sentence.start, end)
        if post and authors[post.start] not in sentence_actors:
            sentence_actors.append(authors[post.start])
        excerpt_text = text[sentence.start : end]
        if posts and _introduces_post(text, posts, authors, end, sentence_actors):
            happenings = [h for h in happenings if h[2] != REPORTED_PAST]
        for clause, expression, how in happenings:
            anchor = expression.start if expression else None
            phrase = (
                _named_happening(text, expression)
                if expression and how == NAMED_HAPPENING
                else None
            )
            # A named happening is a fact whatever its clause says of it ("Peru condemned
            # Wednesday's ruling": the ruling was made).
            modality = Modality.FACT if phrase else clauselib.modality(text, clause, anchor)
            said = modality == Modality.STATEMENT  # its summary runs on over what was said
            speech = post or quoted[[c is clause for c in parts].index(True)]
            if speech and modality == Modality.FACT:
                modality = Modality.STATEMENT  # quoted or posted: someone's words
            excerpt = ExtractedExcerpt(
                sentence.start,
                end,
                excerpt_text,
                expression.start if expression else None,
                expression.end if expression else None,
            )
            if (
                expression
                and previous
                and _repeats(previous, expression, sentence_actors, paragraph)
            ):
                if all(x.start != sentence.start for x in previous[0].excerpts):
                    previous[0].excerpts.append(excerpt)
                _add_actors(previous[0], sentence_actors)
                previous = (previous[0], paragraph)
                if _moves_narrative(text, clause, expression):
                    narrative = previous
                continue
            if expression:
                earliest, latest = expression.bounds()  # ``own`` holds dated expressions only
                precision = expression.precision or Precision.DAY
                resolution = expression.resolution or Resolution.RELATIVE
                rule, written = expression.rule, expression.text
            elif (
                how in (NARRATIVE_PAST, LEAD_FACT)
                and narrative
                and narrative[1] == paragraph
                # A past tense cannot follow the narrative into the future ("The vote is on
                # Monday. Officials printed the ballots.").
                and narrative[0].earliest <= document_date
            ):
                # The narrative stays at the time its paragraph last named until a date
                # moves it: "The mayor spoke on Monday. He condemned the bombing."
                earliest, latest = narrative[0].earliest, narrative[0].latest
                precision, resolution = narrative[0].precision, Resolution.RELATIVE
                rule, written = NARRATIVE_PAST, ""
            else:
                # A past fact with no date before it in its paragraph: on or before the
                # document's date, no more is known ("Trump sent troops to Washington").
                # (Bounded by the day the story was filed when its dateline says so.)
                undated = how in (UNDATED, NARRATIVE_PAST)
                earliest = latest = document_date if how == UNDATED else reporting
                precision = Precision.UNDATED if undated else Precision.DAY
                rule = UNDATED if undated else how
                resolution, written = Resolution.DOCUMENT, ""
            event = ExtractedEvent(
                summary=(
                    clauselib.noun_phrase(text, phrase, end)
                    if phrase is not None
                    else clauselib.summary(
                        text,
                        sentence.start,
                        # What this statement said is its own clause, not the sentence's rest.
                        clause.end if how == DATED_ATTRIBUTION else end,
                        clause,
                        statement=said,
                    )
                ),
                earliest=earliest,
                latest=latest,
                precision=precision,
                expression=written,
                resolution=resolution,
                rule=rule,
                position=clause.start,
                excerpts=[excerpt],
                actors=list(sentence_actors),
                modality=modality,
                after_publication=earliest > document_date and modality in CLAIMS,
            )
            events.append(event)
            if expression:
                previous = (event, paragraph)
                if _moves_narrative(text, clause, expression):
                    narrative = previous

    clauselib.forget()
    events.sort(key=lambda event: (event.earliest, event.latest, event.position))
    return DocumentAnalysis(events=events, actors=actors, expressions=expressions)


# How long before its document a dateline's day may be: wire copy is dated when it is filed,
# the document when it is published or archived, a day or two later.
_DATELINE_LAG_DAYS = 7


def _reporting_date(
    line: textlib.Span | None, dated: list[TemporalExpression], document_date: date
) -> date:
    """The day a story reports from: its dateline's day when the dateline gives one in the
    week before the document's date (the day the story was filed), else the document's date."""
    if line is None:
        return document_date
    for expression in dated:
        if expression.start >= line.end:
            break
        day = expression.earliest
        if (
            line.start <= expression.start
            and expression.precision == Precision.DAY
            and day is not None
            and day == expression.latest
            and 0 <= (document_date - day).days <= _DATELINE_LAG_DAYS
        ):
            return day
    return document_date


def _happenings(
    text: str,
    mentions: "_Mentions",
    parts: tuple[Clause, ...],
    quoted: list[bool],
    own: list[TemporalExpression],
    in_lead: bool,
    in_post: bool,
) -> list[tuple[Clause, TemporalExpression | None, str]]:
    """The happenings of one sentence: (clause, its date expression or None, how dated).

    Each clause holding dates is one happening, dated by its most precise date (the first
    on a tie). A clause without a date of its own is dated by the narrative, as a reader
    of news dates it (and as TimeML annotators link such events):

    * a present or present perfect ("the ministry says", "has killed 40 people so far",
      "the company has three plants") holds at the reporting time, unless the sentence's
      main clause names another date;
    * when its main clause names no date, a statement in the past tense ("he said") was
      made at the reporting time, the past-tense news of the lead happened then, and a past
      fact further down happened when its paragraph last said (``NARRATIVE_PAST``: "The
      mayor spoke on Monday. He condemned the bombing."), else it is undated (on or
      before the document's date).

    Quoted words are the speaker's: their happenings are dated by the speaker's statement,
    not here. At most one undated happening a sentence: the first such clause.
    """
    found: list[tuple[Clause, TemporalExpression | None, str]] = []
    # Clauses whose dates all name which thing is meant ("that 1978 resolution calls for
    # ...") are still dated by their tense below, beside the happening of the noun.
    open_clauses: set[int] = set()
    dated: set[int] = set()
    for index, clause in enumerate(parts if own else ()):  # no dates: no clause has one
        mine = [e for e in own if clause.start <= e.start < clause.end]
        if mine:
            # A trailing attribution with a date of its own is a second happening: "The bridge
            # closed on Monday, the mayor said on Tuesday" is a closing on Monday and a
            # statement on Tuesday (neither date is the other's).
            last = max(mine, key=lambda e: e.start)
            said = (
                clauselib.dated_attribution(text, clause, last.start, last.end)
                if len(mine) > 1
                else None
            )
            if said is not None and any(e.start < said for e in mine):
                found.append((clause, last, DATED_ATTRIBUTION))
                mine = [e for e in mine if e.start < said]
            chosen = min(mine, key=_narrowest)
            found.append((clause, chosen, ""))
            # Another date before a noun in the clause dates the happening the noun names
            # ("charged Kott on Monday in the 1995 shooting", "Wednesday's ruling").
            found.extend(
                (clause, e, NAMED_HAPPENING)
                for e in mine
                if e is not chosen and _named_happening(text, e) is not None
            )
            dated.add(index)
            if all(_attributive(text, e) for e in mine):
                open_clauses.add(index)
    if in_post:
        return found  # a post's words are dated by the post (its own event)
    # A date in a relative clause dates that clause only ("Kavan, who lived in London from
    # 1968, said ..."): the main clause's tense still dates it.
    main_dated = bool(dated) and any(
        index not in open_clauses and not clauselib.is_relative(text, parts[index])
        for index in dated
    )
    for index, (clause, speech) in enumerate(zip(parts, quoted, strict=True)):
        if speech:
            continue  # a quotation's own words are the speaker's, not the report's
        if index in dated and index not in open_clauses:
            continue
        if clauselib.is_subordinate(text, clause):
            continue  # background to its main clause ("officials who are deporting ...")
        tense, modality = clauselib.readings(text, clause)
        if modality not in (Modality.FACT, Modality.STATEMENT):
            continue
        if (
            modality == Modality.STATEMENT
            and tense == "present"
            and not (
                _actors_in(mentions, clause.start, clause.end)
                or clauselib.has_speaker(text, clause)
            )
        ):
            # "the order says": a document's content, not someone's statement; what was said
            # ("the embassy said") was said by someone, at the reporting time.
            continue
        if tense in ("present perfect", "present"):
            if main_dated:
                # Told in a dated sentence, it holds at that date, not at the reporting time
                # ("The White House yesterday disclosed that Kuwait has asked ...").
                continue
            found.append((clause, None, REPORTED_NOW))
            break
        if tense == "past" and not main_dated:
            if modality == Modality.STATEMENT:
                found.append((clause, None, REPORTED_PAST))
            else:
                found.append((clause, None, LEAD_FACT if in_lead else NARRATIVE_PAST))
            break
    return found


# A year between a determiner and its noun names which thing is meant ("that 1978
# resolution", "the 1994 Freedom of Access Act", "his 2008 campaign"), not when the clause
# happened.
_DETERMINER_BEFORE = re.compile(
    r"(?:^|\s)(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your)\s+$",
    re.IGNORECASE,
)
_NOUN_AFTER = re.compile(r"\s+[A-Za-z]")


_POSSESSIVE_AFTER = re.compile(r"(?:'s|’s|s'|s’)\s+[A-Za-z]")


def _named_happening(text: str, expression: TemporalExpression) -> int | None:
    """Where the noun phrase starts when ``expression`` dates the noun after it rather than
    its clause: a year or a day between a determiner and a noun ("the 1995 shooting", "the
    Aug. 7 bombings") or a date in the possessive ("Wednesday's ruling", "last year's
    blasts"); else None."""
    if _POSSESSIVE_AFTER.match(text, expression.end):
        return expression.start
    determiner = _DETERMINER_BEFORE.search(text, max(0, expression.start - 12), expression.start)
    if determiner and _NOUN_AFTER.match(text, expression.end):
        return determiner.start() + len(determiner.group()) - len(determiner.group().lstrip())
    return None


def _attributive(text: str, expression: TemporalExpression) -> bool:
    """Whether ``expression`` is a year used as a modifier of the noun after it."""
    if not (expression.end - expression.start == 4 and expression.text.isdigit()):
        return False
    return bool(
        _DETERMINER_BEFORE.search(text, max(0, expression.start - 12), expression.start)
        and _NOUN_AFTER.match(text, expression.end)
    )


def _moves_narrative(text: str, clause: Clause, expression: TemporalExpression) -> bool:
    """Whether the date of ``clause`` is where the narrative now stands: a main clause's, not
    a relative clause's or a year before a noun, which say when something else happened."""
    return not (clauselib.is_relative(text, clause) or _attributive(text, expression))


def _introduces_post(
    text: str, posts: list[textlib.Post], authors: dict[int, Actor], end: int, actors: list[Actor]
) -> bool:
    """Whether the sentence ending at ``end`` introduces the next paragraph's post by one of
    its actors ("Johnson posted on social media:"): the post is that event."""
    # Posts come in text order, and a blank line before one post is before every later one
    # too: the posts read are those after ``end`` up to the first blank line (reading every
    # post for every sentence made a document of many posts quadratic).
    for i in range(bisect_left(posts, end, key=lambda post: post.start), len(posts)):
        post = posts[i]
        if "\n\n" in text[end : post.start].strip():
            return False
        if authors[post.start] in actors:
            return True
    return False


def _narrowest(expression: TemporalExpression) -> tuple[int, int]:
    earliest, latest = expression.bounds()
    return ((latest - earliest).days, expression.start)


def _post_event(
    text: str,
    document_date: date,
    post: textlib.Post,
    dated_by_span: dict[tuple[int, int], TemporalExpression],
    mentions: "_Mentions",
    author: Actor,
) -> ExtractedEvent:
    expression = dated_by_span.get((post.date_start, post.date_end))
    body = text[post.start : post.signature_start].strip() or text[post.start : post.end]
    first_sentence = next(iter(textlib.sentences(body)), None)
    opening = body[first_sentence.start : first_sentence.end] if first_sentence else body
    actors = [author, *(a for a in _actors_in(mentions, post.start, post.end) if a is not author)]
    if expression is not None:
        earliest, latest = expression.bounds()  # ``dated_by_span`` holds dated expressions only
        precision, resolution = expression.precision or Precision.DAY, Resolution.EXPLICIT
        rule = expression.rule or "the post's signature date"
    else:  # a signature date the tagger cannot read: the post is bounded by the document date
        earliest = latest = document_date
        precision, resolution = Precision.UNDATED, Resolution.DOCUMENT
        rule = "the post's date was not understood: bounded by the document date"
    return ExtractedEvent(
        summary=_summary(
            f"{author.name} posted ({post.handle}): {opening}", clauselib.SUMMARY_WORDS
        ),
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
        modality=Modality.STATEMENT,
        after_publication=earliest > document_date,
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


class _Mentions:
    """A document's mentions (sorted by start) with their starts, for bisection: every
    sentence and clause asks for the mentions in its span (scanning them all for every
    sentence made long documents quadratic; a bisection by a key function called a Python
    function at every step)."""

    __slots__ = ("mentions", "starts")

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = mentions
        self.starts = [mention.start for mention in mentions]

    def between(self, start: int, end: int) -> list[Mention]:
        """The mentions starting in [start, end)."""
        starts = self.starts
        return self.mentions[bisect_left(starts, start) : bisect_left(starts, end)]


def _reports_action(text: str, mentions: _Mentions, start: int, end: int) -> bool:
    for mention in mentions.between(start, end):
        if mention.actor.kind in ("person", "organization") and _REPORTS_ACTION.match(
            text, mention.end + 1, end
        ):
            return True
    return False


def _actors_in(mentions: _Mentions, start: int, end: int) -> list[Actor]:
    found: list[Actor] = []
    seen: set[int] = set()  # ids: a long sentence may name thousands of actors
    for mention in mentions.between(start, end):
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


def _summary(excerpt: str, words: int) -> str:
    if len(excerpt.split()) > words:
        excerpt = " ".join(excerpt.split()[:words]) + "…"
    summary = " ".join(excerpt.split())
    if len(summary) > SUMMARY_LENGTH:
        summary = summary[: SUMMARY_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    return summary
