"""Clauses of a sentence, their predicates, modality and a short summary (pure: plain strings).

News sentences pack several happenings together: "The ship arrived on Friday, two years after
the 2019 storm", "The last member of the crew that first flew the route in 1961 has died".
Without a parser, a few conventions of written English find the happenings well enough:

* **Clauses** are cut at subordinators and relative pronouns ("after", "when", "who",
  "that", ...), at semicolons and dashes, and before a trailing attribution (", she said").
  A relative clause ends where a second finite verb group starts ("... flew the route in
  1961 | has died"): that verb group is the main clause's predicate, whose subject came
  before the relative clause.
* A clause's **predicate** is its verb group nearest to the date expression it holds: the
  modal and auxiliary words before a main verb ("will be held", "has died", "said").
* **Modality** follows the predicate: "will", "plans to", "expected to", "scheduled" make a
  forecast or plan; "would", "could", "might", "should", "considered" an opinion or
  hypothetical; a reporting verb ("said", "announced", "posted") a statement; anything else
  a reported fact.
* A **summary** is who did what in the clause's own words: its subject (borrowed from the
  sentence's opening noun phrase when the clause has none) and its predicate, without
  attributions, parentheses and subordinate clauses, at most ``SUMMARY_WORDS`` words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from itertools import pairwise, repeat
from typing import NamedTuple, TypeVar

from events.analysis.actors import group_nouns
from events.analysis.text import WHITE_SPACE_GAP

SUMMARY_WORDS = 20
_Value = TypeVar("_Value")


class Modality(StrEnum):
    """The same values as ``events.models.Event.Modality``."""

    FACT = "fact"
    STATEMENT = "statement"
    PLAN = "plan"
    OPINION = "opinion"


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.:]*")

MODALS_PLAN = frozenset("will shall 'll ’ll wo".split())  # "wo" of "won't"
MODALS_OPINION = frozenset("would could might may should must ought 'd ’d".split())
AUXILIARIES = frozenset(
    "is are was were am be been being has have had do does did 's ’s 've ’ve 're ’re".split()
)
NEGATIONS_AND_ADVERBS = frozenset(
    "not n't n’t never also already still just first then now only recently since again "
    "reportedly allegedly later once soon ever even finally formally officially".split()
)
REPORTING_VERBS = frozenset(
    """said says say told tells announced announces announce stated states posted posts wrote
    writes added adds declared declares tweeted tweets reported reports confirmed confirms
    claimed claims insisted insists argued argues explained explains noted notes warned warns
    testified testifies acknowledged acknowledges admitted admits replied replies responded
    responds disclosed discloses revealed reveals denied denies urged urges""".split()
)
# Common irregular past forms (the regular ones end in "-ed").
IRREGULAR_PAST = frozenset(
    """went came took gave made met won lost hit struck fell rose began saw left got found held
    led ran sent spent sold bought brought thought built became broke chose drove flew fought
    grew knew paid put set shot spoke stood threw wrote ate drew forgot hid kept laid meant quit
    rode rang sank sang sat slept slid split spread stole stuck swore swept swam swung taught
    tore understood woke withdrew upheld overcame overtook undertook beat bit bled blew bore
    caught clung cost crept cut dealt dug dove dug fed felt fled forbade forgave froze hung
    hurt let lit shook shut sought struck strove told tore wept wound gone done seen taken
    given known shown grown thrown flown driven written spoken broken chosen fallen risen
    begun run been""".split()
)
# Present-tense verbs of news copy that are rarely nouns ("the company owns", "it appears").
PRESENT_VERBS = frozenset(
    """owns operates appears remains continues means suggests seems includes involves
    contains requires represents provides believes expects wants knows thinks employs
    controls produces becomes allows depends exists opposes refuses considers owes
    gives comes goes gets keeps sees seeks""".split()
)
# Words in "-ed" that are rarely verbs in news copy.
_NOT_VERBS = frozenset(
    "need needed hundred red bed bred shed sled speed seed feed deed weed steed creed greed "
    "indeed based unprecedented armed".split()
)
_PLAN = re.compile(
    r"\b(?:plans?|planned|planning|intends?|intended|aims?|expects?|expected|scheduled|"
    r"set|due|going|poised|slated|prepared|preparing|hopes?|vowed|promised|threatened)\s+to\b|"
    r"\bscheduled\s+(?:for|on)\b|\bto\s+be\s+held\b|\bforecasts?\b|\bupcoming\b",
    re.IGNORECASE,
)
_GOING_TO = re.compile(r"\bgoing\s+to\b")
_OPINION = re.compile(
    r"\b(?:considered|regarded|deemed|believed|seen\s+as|thought\s+to|likely|unlikely|"
    r"perhaps|probably|possibly|seems?|seemed|appears?\s+to|if|unless)\b",
    re.IGNORECASE,
)
# Where a clause ends and the next begins.
_SUBORDINATORS = (
    "after|before|when|whenever|while|because|since|until|although|though|whereas|"
    "who|whom|whose|which|where|that|once|as soon as|even as"
)
# The white space a boundary opens with is bounded (``text.WHITE_SPACE_GAP``). A cut is made
# at a match's end, which a longer run before it does not move.
_GAP = WHITE_SPACE_GAP
# A boundary, as first written, is a plain alternation tried in this order at each position
# (``_PLAIN_BOUNDARY`` in tests/test_extraction.py): a semicolon, colon or dash after at most
# GAP spaces; " -- "; a subordinator after white space (and maybe a comma); ", and|but|or|so ";
# "and" before a verb; white space after a quotation closed by its punctuation, before its
# attribution ('"...," she said'). Rewritten so that every match opens with one character (a
# white space, a comma, a semicolon, a colon or a dash) taken first, then the alternatives
# that may follow it, told apart by a look behind at it, in the same order: the regular
# expression engine skips straight to those characters instead of trying every alternative
# at every letter (a third of the time on news prose). The test compares the two on random
# text.
_THEN_VERB = r"and\s+(?:then\s+)?(?:has|have|had|was|were|is|are|will|\w+ed)\b"
_BOUNDARY = re.compile(
    r"[\s;:—–,](?:"
    r"(?<=[;:—–])\s+"
    # A white space opens the run: the run takes at most GAP characters in all, and the cue
    # after it decides (a shorter run leaves a space before any cue: no match either). So the
    # run is possessive: every cue opens with a character that is no white space, and giving
    # the run back one space at a time tried the cues up to GAP times at every space of a long
    # run of white space (most of the time of 500 KB of spaces).
    rf"|(?<=\s)\s{{0,{_GAP - 1}}}+"
    rf"(?:[;:—–]\s+|--\s+|(?=(?:{_SUBORDINATORS})\b)|(?={_THEN_VERB}))"
    rf"|(?<=,)\s{{1,{_GAP}}}(?=(?:{_SUBORDINATORS})\b)"
    r"|(?<=,)\s+(?=(?:and|but|or|so)\s)"
    r"|(?<=[,.!?][”\"]\s)\s*|(?<=[,.!?]''\s)\s*"
    r")"
)
# A trailing attribution: ', the minister said.' ', said Ann Lee, an economist.'
# ', according to the police.'
_TRAILING_ATTRIBUTION = re.compile(
    r"[,;]\s*(?:according\s+to\s+[^,.;]+|(?:[\w.'’-]+\s+){0,6}?(?:"
    rf"{'|'.join(sorted(REPORTING_VERBS))})(?:[\s,]+[\w.'’-]+){{0,16}}?)[\s,]*[.!?]?[\"'”’]*$",
    re.IGNORECASE,
)
_LEADING_ATTRIBUTION = re.compile(r"^(?:according\s+to\s+[^,]+,\s*)", re.IGNORECASE)
_PARENTHESES = re.compile(rf"\s{{0,{_GAP}}}\([^()]*\)")  # bounded: see _BOUNDARY
_CONNECTIVE = re.compile(rf"^(?:(?:and|but|or|so|then|{_SUBORDINATORS}),?\s+)+", re.IGNORECASE)
_RELATIVE_PRONOUNS = "who|whom|whose|which"
_RELATIVE = re.compile(rf"(?:{_RELATIVE_PRONOUNS}|that)\b", re.IGNORECASE)
# A clause that opens with a relative pronoun or a condition depends on another one: its
# happening is background to the main clause's ("officials who are deporting ..."). "That"
# with a capital opens a sentence as a determiner ("That 1978 resolution is in force").
_RELATIVE_CLAUSE = re.compile(rf"[\s,(]*(?:{_RELATIVE_PRONOUNS})\b", re.IGNORECASE)
_THAT = re.compile(r"[\s,]*that\b")
_LAST_WORD = re.compile(r"([A-Za-z]+)[\s,]*$")
_SUBORDINATE = re.compile(rf"[\s,(\"“`']*(?:(?i:{_RELATIVE_PRONOUNS}|if|unless)|that)\b")


@dataclass(frozen=True, slots=True)
class Clause:
    """A stretch of a sentence holding (at most) one happening; offsets index the text."""

    start: int
    end: int


class Token(NamedTuple):
    """A word of a clause (a named tuple: a text of 2 MB makes some 500,000 of them, and a
    tuple is built several times faster than a frozen dataclass)."""

    start: int
    end: int
    word: str  # lower-cased
    # ``is_verb(word)``, found when the token is made: every reading of a clause asks it of
    # each of its words (a property called a function and a cache every time).
    is_verb: bool


_CONTRACTED = {"won't": "will", "won’t": "will", "can't": "can", "can’t": "can", "ain't": "is"}


def _word(raw: str) -> str:
    """Lower-cased, with a negative contraction undone: "shouldn't" -> "should"."""
    word = raw.lower()
    if "n" not in word[-3:-2]:
        return word
    if word in _CONTRACTED:
        return _CONTRACTED[word]
    for suffix in ("n't", "n’t"):
        if word.endswith(suffix) and len(word) > 4:
            return word.removesuffix(suffix)
    return word


@lru_cache(maxsize=1024)
def tokens(text: str, start: int, end: int) -> tuple[Token, ...]:
    """The words of ``text[start:end]``. Cached: a clause is read for its predicate, tense,
    modality and summary in turn (a string caches its hash, so the key costs nothing)."""
    # Built by ``map`` over the matches, without a Python-level call per word: the words are
    # read through the caches' ``__getitem__`` and the named tuples made by ``tuple.__new__``
    # (not the named tuple's own ``__new__``). A text of 2 MB has some 500,000 words.
    matches = list(_WORD.finditer(text, start, end))
    words = list(map(_LOWER_WORDS.__getitem__, map(_match_text, matches)))
    return tuple(
        map(
            _new_tuple,
            repeat(Token),
            zip(
                map(_match_start, matches),
                map(_match_end, matches),
                words,
                map(_VERBS.__getitem__, words),
                strict=True,
            ),
        )
    )


_new_tuple = tuple.__new__
_match_text = re.Match.group
_match_start = re.Match.start
_match_end = re.Match.end

# Words up to this long are classified through a cache (a text uses a few thousand words
# again and again, and every word of every clause is looked at); a longer one, which may be
# a whole text without spaces, is not kept.
_LONGEST_CACHED = 40
_MOST_CACHED = 16384  # words a cache holds before it starts again


class _WordCache(dict[str, _Value]):
    """``read(word)`` for every word asked (``cache[word]``), kept for the words up to
    ``_LONGEST_CACHED`` characters (a dictionary's ``__getitem__`` is called from C: no
    Python-level call for a word seen before)."""

    def __init__(self, read: Callable[[str], _Value]) -> None:
        super().__init__()
        self.read = read

    def __missing__(self, word: str) -> _Value:
        value = self.read(word)
        if len(word) <= _LONGEST_CACHED:
            if len(self) >= _MOST_CACHED:
                self.clear()
            self[word] = value
        return value


_LOWER_WORDS = _WordCache(_word)


def _lower_word(raw: str) -> str:
    return _LOWER_WORDS[raw]


class Quotations:
    """Whether offsets of a text lie inside quoted words: a quotation opened in its paragraph
    and not closed before it (curly quotes, straight double quotes or TeX-style ``''). A
    clause that opens with a quotation mark is inside the quotation it opens.

    Asked in reading order, it counts each character once, carrying the counts from one
    offset to the next within a paragraph (counting from the paragraph's start at every
    clause made a long paragraph quadratic)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.paragraph = -1
        self.position = 0
        self.curly = self.tex = self.straight = 0

    def inside(self, paragraph_start: int, offset: int) -> bool:
        text = self.text
        while offset < len(text) and text[offset] in '“"`':
            offset += 1
        if paragraph_start != self.paragraph or offset < self.position:
            self.paragraph, self.position = paragraph_start, paragraph_start
            self.curly = self.tex = self.straight = 0
        if offset != self.position:  # nothing new to count at a paragraph's first clause
            read = text[self.position : offset]
            self.curly += read.count("“") - read.count("”")
            self.tex += read.count("``") - read.count("''")
            self.straight += read.count('"')
            self.position = offset
        return self.curly > 0 or self.tex > 0 or self.straight % 2 == 1


def forget() -> None:
    """Drop the cached words, clauses, predicates and readings (they hold the analysed text):
    call when a document is done."""
    for cached in (tokens, predicate, _clauses, _has_speaker, _readings):
        cached.cache_clear()


def is_verb(word: str) -> bool:
    """A finite or participle verb form, or an auxiliary: enough to find verb groups."""
    return _VERBS[word]


def _is_verb(word: str) -> bool:
    return (
        word in AUXILIARIES
        or word in MODALS_PLAN
        or word in MODALS_OPINION
        or word in REPORTING_VERBS
        or word in IRREGULAR_PAST
        or word in PRESENT_VERBS
        or (word.endswith("ed") and len(word) > 3 and word not in _NOT_VERBS)
    )


_VERBS = _WordCache(_is_verb)


def _is_finite_start(word: str) -> bool:
    """A word that opens a finite verb group (an auxiliary, a modal, a past form)."""
    return (
        word in AUXILIARIES
        or word in MODALS_PLAN
        or word in MODALS_OPINION
        or (word in IRREGULAR_PAST and word not in ("been", "gone", "done", "seen", "run"))
        # "said", "says": a reporting verb in a finite form ("Kavan, who lived in London
        # from 1968, said ..."); its base form ("to say") opens no verb group of its own.
        or (word in REPORTING_VERBS and (word == "said" or word.endswith("s")))
        or (word.endswith("ed") and len(word) > 3 and word not in _NOT_VERBS)
    )


def clauses(text: str, start: int, end: int) -> tuple[Clause, ...]:
    """The clauses of the sentence ``text[start:end]`` (see the module docstring): the cached
    tuple itself (immutable, so not copied for every sentence)."""
    return _clauses(text, start, end)


# Cached: a sentence's clauses are found for its events, then again for its subject when a
# summary borrows it (``subject``).
@lru_cache(maxsize=256)
def _clauses(text: str, start: int, end: int) -> tuple[Clause, ...]:
    cuts = [start]
    for match in _BOUNDARY.finditer(text, start, end):
        if match.start() > cuts[-1] and match.end() < end:
            cuts.append(match.end())
    if len(cuts) == 1:
        result = _split_relative(text, start, end)  # most sentences: one span
    else:
        result = []
        for a, b in zip(cuts, [*cuts[1:], end], strict=True):
            result.extend(_split_relative(text, a, b))
    # Not white space only (searched in place: ``\s`` is ``str.isspace``).
    return tuple([c for c in result if _NOT_SPACE.search(text, c.start, c.end)])


_NOT_SPACE = re.compile(r"\S")


_OPENS_CLAUSE = frozenset(
    "if unless because although though whereas while when whenever until before after".split()
)


def is_subordinate(text: str, clause: Clause) -> bool:
    """Whether ``clause`` opens with a subordinator or relative pronoun ("who are ...",
    "after the vote", "if they have been convicted")."""
    return _SUBORDINATE.match(text, clause.start, clause.end) is not None


def is_relative(text: str, clause: Clause) -> bool:
    """Whether ``clause`` is a relative clause on a noun ("who lived in London from 1968",
    "the crew that first flew the route in 1961"); not a content clause, whose "that"
    follows a verb ("disclosed that the vote was held on Monday")."""
    if _RELATIVE_CLAUSE.match(text, clause.start, clause.end):
        return True
    if not _THAT.match(text, clause.start, clause.end):
        return False
    before = _LAST_WORD.search(text, max(0, clause.start - 40), clause.start)
    return before is not None and not is_verb(before.group(1).lower())


def _split_relative(text: str, start: int, end: int) -> list[Clause]:
    """ "that first flew the route in 1961 has died" -> the relative clause, "has died".

    A comma closes a relative clause set off by commas ("Kimotho, who was hospitalized,
    said ...", "five Iraqis, whose names were not disclosed, also were deported, the
    newspaper said"): a finite verb after it opens the main clause, which starts at the
    comma when the words between are its subject (", Rowe said"). After a comma a relative
    pronoun's clause may end before any verb of it was recognised ("a group that frequently
    rescues refugees, called the ruling ..."); a content clause's "that" does not, since what
    was said goes on after a comma ("said that the man, a former soldier, died").
    """
    if not _RELATIVE.match(text, start):
        return [Clause(start, end)]
    # The words are read as far as the loop goes (it stops at a cut or a subordinator).
    words = _iter_tokens(text, start, end)
    pronoun = is_relative(text, Clause(start, end))
    seen_verb = False
    previous_was_verb = False
    after_comma: int | None = None  # where the words after the clause's last comma start
    for previous, token in pairwise(words):
        if token.word in _OPENS_CLAUSE:
            break  # "who deport aliens unless they are wanted": its verbs are that clause's
        if "," in text[previous.end : token.start]:
            after_comma = token.start
            previous_was_verb = False
        verb = token.is_verb
        opens = seen_verb or (pronoun and after_comma is not None)
        if verb and opens and not previous_was_verb and _is_finite_start(token.word):
            before = text[start : token.start].rstrip()
            if not before.endswith((" and", " or")):
                cut = token.start
                if after_comma is not None and not any(
                    t.is_verb for t in tokens(text, after_comma, token.start)
                ):
                    cut = after_comma  # ", the newspaper said": the subject goes with its verb
                return [Clause(start, cut), Clause(cut, end)]
        seen_verb = seen_verb or verb
        previous_was_verb = verb or (previous_was_verb and token.word in NEGATIONS_AND_ADVERBS)
    return [Clause(start, end)]


# Built once (a set union in a loop is built again at every word).
_MODALS = MODALS_PLAN | MODALS_OPINION
_CONTINUES_GROUP = NEGATIONS_AND_ADVERBS | {"to"}
_TAKES_BASE_FORM = _MODALS | {"to", "did", "does"}
_AUXILIARIES_AND_MODALS = AUXILIARIES | _MODALS


@lru_cache(maxsize=1024)
def predicate(text: str, clause: Clause, anchor: int | None = None) -> tuple[Token, ...]:
    """The verb group of ``clause`` nearest before ``anchor`` (else the first one after it).

    ``anchor`` is where the clause's date expression starts; without one, the clause's
    first verb group.
    """
    return _predicate(text, clause.start, clause.end, anchor)


def _predicate(text: str, start: int, end: int, anchor: int | None) -> tuple[Token, ...]:
    """``predicate`` of the clause ``text[start:end]``, not cached (a clause's readings ask
    for it once: ``_readings`` is cached by the clause's words)."""
    # The words are read only as far as the group sought: a clause's first group is most
    # often in its first few words.
    groups = _verb_groups(text, start, end)
    first = next(groups, None)
    if first is None:
        return ()
    if anchor is None or first[0].start >= anchor:
        return tuple(first)
    last = first  # the last group that starts before the anchor
    for group in groups:
        if group[0].start >= anchor:
            break
        last = group
    return tuple(last)


def _iter_tokens(text: str, start: int, end: int) -> Iterator[Token]:
    """``tokens(text, start, end)`` one at a time, for a reader that may stop early."""
    for match in _WORD.finditer(text, start, end):
        word = _LOWER_WORDS[match.group()]
        yield _new_tuple(Token, (match.start(), match.end(), word, _VERBS[word]))


def _verb_groups(text: str, start: int, end: int) -> Iterator[list[Token]]:
    """The verb groups of ``text[start:end]``, in order: a verb, then the verbs, negations,
    adverbs and "to" after it, and the base form after a modal ("will [visit]"). (Every group
    opens with a verb.) The words are read as the groups are asked for, and a token is made
    only for the words of a group."""
    current: list[Token] = []
    for match in _WORD.finditer(text, start, end):
        word = _LOWER_WORDS[match.group()]
        verb = _VERBS[word]
        # The base form after a modal joins its group too: "will [visit]".
        if verb or (current and (word in _CONTINUES_GROUP or current[-1].word in _TAKES_BASE_FORM)):
            current.append(_new_tuple(Token, (match.start(), match.end(), word, verb)))
        elif current:
            yield current
            current = []
    if current:
        yield current


def attribution(text: str, clause: Clause) -> str | None:
    """The reporting verb of a trailing attribution (", the minister said."), if any."""
    match = _TRAILING_ATTRIBUTION.search(text, clause.start, clause.end)
    if not match or match.start() == clause.start:
        return None
    # None for "according to ...": a source for a fact, not a statement of its own.
    return next(
        (t.word for t in tokens(text, match.start(), match.end()) if t.word in REPORTING_VERBS),
        None,
    )


def dated_attribution(text: str, clause: Clause, date_start: int, date_end: int) -> int | None:
    """Where the trailing attribution of ``clause`` starts (its comma) when it is only a
    speaker, a reporting verb and the date at ``date_start:date_end`` that ends the clause
    (", the harbour master said on Tuesday.", ", officials said in a statement on Friday"),
    or None: not when what was said follows the verb (", police said two men were arrested
    on Sunday"), nor when more follows the date (", the mayor said on Tuesday, and ...")."""
    match = _TRAILING_ATTRIBUTION.search(text, clause.start, clause.end)
    if not match or match.start() == clause.start or not match.start() < date_start:
        return None
    words = tokens(text, match.start(), date_start)
    verbs = [i for i, token in enumerate(words) if token.word in REPORTING_VERBS]
    if not verbs:
        return None
    between = words[verbs[-1] + 1 :]
    if len(between) > 4 or any(token.is_verb for token in between):
        return None  # what was said, not where or when it was said
    if _WORD.search(text, date_end, clause.end):
        return None  # the clause goes on after the date
    return match.start()


# Who can make a statement without being named: a pronoun or a person's role.
SPEAKERS = (
    frozenset(
        """he she they we i it official officials spokesman spokeswoman spokesperson police
    authorities source sources analyst analysts witness witnesses resident residents lawyer
    lawyers attorney attorneys prosecutor prosecutors investigators minister ministry president
    company government leader leaders executive executives chairman director agency army
    military statement""".split()
    )
    | group_nouns()
)


def has_speaker(text: str, clause: Clause) -> bool:
    """Whether the clause's statement has a speaker: a pronoun or role ("he said", "officials
    said") or a name (a capitalised word after the clause's first, or its first after a
    comma: "..., Rowe said.")."""
    if _has_speaker(text[clause.start : clause.end]):
        return True
    # After a comma, or a quotation closed by one ('"...," Rowe said'), a capital is a name.
    before = text[max(0, clause.start - 5) : clause.start].rstrip().rstrip("\"'”’")
    return before.endswith((",", ";")) and text[clause.start].isupper()


# The readings of a clause without a date (its tense, modality, speaker) depend on its own
# words only, not on where it stands: cached by those words, since news repeats its phrasing
# ("he said", "officials said") and a document its boilerplate. Dropped by :func:`forget`.
@lru_cache(maxsize=4096)
def _has_speaker(words: str) -> bool:
    return _speaker_in(words, Clause(0, len(words)))


@lru_cache(maxsize=4096)
def _readings(words: str) -> tuple[str, Modality]:
    """The tense and the modality of a clause without a date, found together (one cache
    entry; the attribution and the predicate they both read are found once)."""
    clause = Clause(0, len(words))
    said = attribution(words, clause)
    if said:
        return _said_tense(said), Modality.STATEMENT
    group = _predicate(words, 0, len(words), None)
    return _group_tense(group), _group_modality(words, clause, group)


def _speaker_in(text: str, clause: Clause) -> bool:
    words = tokens(text, clause.start, clause.end)
    return any(
        t.word in SPEAKERS or (i > 0 and text[t.start].isupper()) for i, t in enumerate(words)
    )


def readings(text: str, clause: Clause) -> tuple[str, Modality]:
    """The tense ("present perfect", "past", "present", "modal" or "") and the modality of a
    clause without a date, found together."""
    return _readings(text[clause.start : clause.end])


def modality(text: str, clause: Clause, anchor: int | None = None) -> Modality:
    """Fact, statement, plan or opinion of the happening in ``clause`` (module docstring).

    Without a date to anchor it, a clause that ends in an attribution reports a statement:
    "Prices will rise, the minister said" is what the minister said, not a forecast.
    """
    if anchor is None:
        return _readings(text[clause.start : clause.end])[1]
    said = _reporting_before(text, clause, anchor)
    if said and _MODALS.isdisjoint(said):
        # "wrote in an e-mail dated March 3", "said on Monday": the date is the statement's.
        return Modality.STATEMENT
    return _group_modality(text, clause, _predicate(text, clause.start, clause.end, anchor))


def _group_modality(text: str, clause: Clause, group: tuple[Token, ...]) -> Modality:
    """The modality that the predicate ``group`` of ``clause`` and the words near it give."""
    words = {t.word for t in group}
    if not group:
        window = text[clause.start : clause.end]
        if _PLAN.search(window):
            return Modality.PLAN
        return Modality.FACT
    window = text[group[0].start : min(clause.end, group[-1].end + 40)]
    context = text[clause.start : group[-1].end]
    if words & MODALS_PLAN or _PLAN.search(window) or _GOING_TO.search(window):
        return Modality.PLAN
    if words & MODALS_OPINION or _OPINION.search(context):
        return Modality.OPINION
    if words & REPORTING_VERBS:
        return Modality.STATEMENT
    return Modality.FACT


def _reporting_before(text: str, clause: Clause, anchor: int) -> list[str]:
    """The verb group with a reporting verb that comes before ``anchor`` in the clause, if
    there is one and no other main verb stands between them ("said on Monday"): its words."""
    # Words only (no offsets are needed): found by one ``findall``.
    words = list(map(_LOWER_WORDS.__getitem__, _WORD.findall(text, clause.start, anchor)))
    for index in range(len(words) - 1, -1, -1):
        if words[index] in REPORTING_VERBS:
            start = index
            while start > 0 and (
                words[start - 1] in _AUXILIARIES_AND_MODALS
                or words[start - 1] in NEGATIONS_AND_ADVERBS
            ):
                start -= 1
            between = words[index + 1 :]
            main_verbs = [w for w in between if _VERBS[w] and not w.endswith("ed")]
            return [] if main_verbs else words[start : index + 1]
    return []


def _said_tense(said: str) -> str:
    """The tense of a trailing attribution's reporting verb."""
    return "present" if said.endswith("s") and said != "said" else "past"


def _group_tense(group: tuple[Token, ...]) -> str:
    """The tense of the predicate ``group``."""
    words = [t.word for t in group]
    if not words:
        return ""
    if set(words) & _MODALS:
        return "modal"
    rest = [w for w in words[1:] if w not in NEGATIONS_AND_ADVERBS]
    participle = bool(rest) and (rest[0] in IRREGULAR_PAST or rest[0].endswith("ed"))
    if words[0] in ("has", "have", "'ve", "’ve"):
        return "present perfect" if participle else "present"
    if words[0] == "had":
        return "past perfect" if participle else "past"
    if words[0] in ("is", "are", "am", "says", "tells", "does", "do") or words[0] in PRESENT_VERBS:
        return "present"
    if words[0] in ("was", "were", "did") or words[0] in IRREGULAR_PAST or words[0].endswith("ed"):
        return "past"
    if words[0] in REPORTING_VERBS:
        return "present" if words[0].endswith("s") else "past"
    return ""


def subject(text: str, sentence_start: int, sentence_end: int) -> str:
    """The sentence's opening noun phrase: the words before its first verb or clause cut."""
    first = _clauses(text, sentence_start, sentence_end)[0]
    count = 0  # the words before the first verb (read no further)
    for match in _WORD.finditer(text, first.start, first.end):
        if _VERBS[_LOWER_WORDS[match.group()]]:
            return text[first.start : match.start()].strip(" ,")
        count += 1
    # No verb: the clause is the subject, cut off by a relative clause ("The member of the
    # crew | that flew the route ...").
    return text[first.start : first.end].strip(" ,") if count <= 12 else ""


def summary(
    text: str, sentence_start: int, sentence_end: int, clause: Clause, *, statement: bool = False
) -> str:
    """Who did what in ``clause``, in the sentence's own words (module docstring).

    A statement runs on over what was said ("The ministry said the talks had failed"); a
    quotation with its attribution last reads attribution first ("the minister said: ...").
    """
    end = sentence_end if statement else clause.end
    body = _PARENTHESES.sub("", text[clause.start : end])
    attribution = _TRAILING_ATTRIBUTION.search(body) if end >= sentence_end else None
    if attribution:
        stripped = body[: attribution.start()]
        if len(stripped.split()) >= 3:
            body = stripped
            if statement and not attribution.group().lstrip(",; ").lower().startswith("accord"):
                said = attribution.group().strip(" ,;.!?\"'”’")
                body = f"{said}: {body.strip()}"
    body = _LEADING_ATTRIBUTION.sub("", body.strip())
    connective = _CONNECTIVE.match(body) if clause.start > sentence_start else None
    pronoun = _RELATIVE.match(body) if clause.start > sentence_start else None
    if connective:
        body = body[connective.end() :]
    # Only the first word is read (not all the words of a body that may be the whole text).
    first = _WORD.search(body)
    first_is_verb = first is not None and is_verb(_lower_word(first.group()))
    # "that" before its verb (or an adverb and its verb) is a relative pronoun whose subject
    # opened the sentence ("the crew that first flew the route"); before anything else it
    # opens what was said or known ("the mayor said that three men were arrested").
    relative = pronoun is not None and (
        pronoun.group().lower() != "that" or first_is_verb or _adverb_then_verb(body)
    )
    if clause.start > sentence_start and first is not None and (relative or first_is_verb):
        # "has died", "who was elected in 2019": the subject opened the sentence.
        head = subject(text, sentence_start, sentence_end)
        if head and len(head.split()) <= 12:
            body = f"{head} {body}"
    body = body.strip(" ,;:—–-\"'“”‘’`")
    words = body.split()
    if len(words) > SUMMARY_WORDS:
        return " ".join(words[:SUMMARY_WORDS]).rstrip(",;:") + "…"
    result = " ".join(words)
    return result[0].upper() + result[1:] if result else result


# Adverbs that stand between a relative "that" and its verb ("that first flew", "that also
# owns"); any word in "-ly" is one too.
_ADVERBS = frozenset("first also still now then once later already never often just".split())


def _adverb_then_verb(body: str) -> bool:
    """Whether ``body`` opens with an adverb and then a verb ("first flew the route")."""
    words = [_lower_word(word) for word in _WORD.findall(body, 0, 60)[:2]]
    return (
        len(words) == 2 and (words[0] in _ADVERBS or words[0].endswith("ly")) and is_verb(words[1])
    )


# Where the phrase of a dated noun ends: punctuation, a verb, or a word opening a clause.
_PHRASE_END = re.compile(r"[,;:!?()\"“”]|\s+--\s")
_PHRASE_WORDS = 12
_PHRASE_CHARACTERS = 300


def noun_phrase(text: str, start: int, end: int) -> str:
    """The noun phrase that opens at ``start`` and ends by ``end`` ("the 1995 shooting of
    Dr. Hugh Short", from "... in the 1995 shooting of Dr. Hugh Short, who was wounded"):
    the summary of the happening a dated noun names. It stops at punctuation, a verb or a
    word that opens a clause, and after ``_PHRASE_WORDS`` words."""
    end = min(end, start + _PHRASE_CHARACTERS)  # a sentence may be a whole text
    stop = _PHRASE_END.search(text, start, end)
    limit = stop.start() if stop else end
    words = tokens(text, start, limit)
    cut = limit
    for index, token in enumerate(words):
        opens_clause = token.word in _OPENS_CLAUSE or _RELATIVE.fullmatch(token.word)
        if index >= _PHRASE_WORDS or (index > 0 and (token.is_verb or opens_clause)):
            cut = token.start
            break
    phrase = " ".join(text[start:cut].split()).rstrip(".")
    return phrase[0].upper() + phrase[1:] if phrase else phrase
