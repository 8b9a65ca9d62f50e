"""Which way a date without a year (or a bare weekday) points: the tense of the verb that
governs it, the cues of plans and of past reports, read from the expression's own sentence
(found once per text and kept until :func:`forget`)."""

from __future__ import annotations

import re
from functools import lru_cache

from events.analysis import date_calendar as cal
from events.analysis.date_lexicon import (
    COMMA_RE,
    DAY_RE,
    FORWARD_PARTICIPLES,
    IRREGULAR_PAST,
    MARKET_COMMODITY_RE,
    MARKET_CONTRACT_RE,
    MONTH_RE,
    NUMBER_WORD_RE,
    SCHEDULED_EVENT_RE,
    YEAR_RE,
)
from events.analysis.date_rules.base import Context
from events.analysis.text import SentenceStarts

# Irregular past tenses (the regular ones end in "-ed").
_IRREGULAR_PAST = "|".join(IRREGULAR_PAST)
# A date written without a year (or a bare weekday) is in the past unless its clause points
# forward; the cue nearest to the expression decides, so that "she said she would help the
# victims of the Aug. 7 blasts, which killed..." stays in the past. Cues of what is still to
# come pick the next weekday or month, not the last one:
_FORWARD_CUE = re.compile(
    # "would not comment": a refusal reported, not a plan ("would not be complete until
    # August" is one, of what is still to be).
    r"\b(?:will|won't|would(?!\s+not\s+(?!be\b))|shall|'ll|must|going\s+to|scheduled|slated|"
    r"set\s+to|due\s+(?:to|in(?!\s+(?:part|large|no))|on|by|out|back)|expected\s+to|"
    # "analysts expect the bank to report": an expectation of something to come (not "did
    # n't expect him to come").
    r"(?<!n't\s)(?<!not\s)expects?\s+(?:[\w.&'-]+\s+){0,3}?to|"
    r"expecting|plans?\s+to|planning|planned\s+(?:to|for)|"
    # An agreement, a decision, a promise to do something: the deed is still to come.
    r"(?:agree(?:d|s|ment)?|decided|decision|intends?|hopes?|aims?|vow(?:ed|s)?|"
    r"pledged?|promised?|offered|proposed?)\s+to|upcoming|forthcoming|next(?!\s+to\b)|"
    r"coming|starting|effective|payable|of\s+record|record\s+date|expires?|takes\s+effect|"
    # A scheduled event in the present tense: "the trial begins in June".
    r"(?:begins?|starts|opens|reopens?|resumes?|convenes?|commences?|kicks\s+off|takes\s+place|"
    r"plays|hosts|meets|(?<!\bto\s)(?<!\bnot\s)meet|travels|arrives|departs|falls\s+on|"
    # A present progressive for an arrangement: "is calling for a redemption on Dec. 7".
    r"(?:is|are)\s+(?:calling|planning|preparing|holding|sending|going|launching)|"
    r"goes\s+into\s+effect|comes\s+into\s+force)|"
    r"extended\s+to|set\s+for|is\s+to|are\s+to|to\s+be\s+(?:held|completed|paid|heard)|"
    # "the choir was to sing on Friday": a plan as it stood, still to come then (not "was to
    # blame", nor "was to Oslo": a verb in lower case must follow).
    r"(?:was|were)\s+to\s+(?!(?:the|a|an|his|her|their|its|my|our|your|this|that|blame|"
    r"be\s+found)\b)(?-i:[a-z]+)\b|"
    # "the new bridge could be opened in June": what may yet be done, in or by a time
    # ("could be reached Friday" in a report of a search is a past inability).
    r"(?:could|(?-i:may))\s+(?:not\s+)?be\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en)\s+(?:in|by)\b|"
    # "the survey, to be published on Monday": a passive infinitive of what is to be done, not
    # after a verb of saying or seeming, nor a past need ("needed to be rescued on Monday",
    # "thought to be lost on Monday": a regular "-ed" verb, not "need", or one of these).
    r"(?:(?<=eed\s)|(?<!ed\s))(?<!appears\s)(?<!seems\s)(?<!thought\s)(?<!said\s)(?<!known\s)(?<!found\s)"
    r"(?<!seen\s)(?<!likely\s)to\s+be\s+(?:[a-z]+ly\s+)?[a-z]+ed|"
    r"reconvenes?|as\s+(?:soon|early)\s+as|might|"
    # "he 'd discuss it": "would", before a verb that is no participle ("he 'd gone": "had");
    # "he 'll", as tokenised text splits it (the apostrophe opens no word).
    rf"(?<=')d\s+(?!(?:been|{_IRREGULAR_PAST})\b)(?![a-z]+ed\b)(?-i:[a-z]+)|"
    r"(?<=')ll|"
    # "may take all of Tuesday", "should have a machine on the beach by Wednesday": what may
    # or should yet be done (not "should have warned them on Monday", which looks back).
    r"(?:(?-i:may)|should)\s+(?:not\s+)?(?!be\b|have\s+(?!(?:a|an|the|to|no|some|more|its|"
    r"their|his|her)\b))(?-i:[a-z]+))\b",
    re.IGNORECASE,
)
# Verbs in the past tense ("was told", "died"), then with the words of the past ("years ago",
# "since then") the cues of a past clause.
_PAST_VERBS = (
    "was|were|had|did|ended|reported|announced|killed|died|occurred|happened|hit|" + _IRREGULAR_PAST
)
_PAST_CUE = re.compile(rf"\b(?:ago|last|earlier|since|{_PAST_VERBS})\b", re.IGNORECASE)
_PAST_VERB = re.compile(rf"\b(?:{_PAST_VERBS})\b", re.IGNORECASE)
# "-ed" words, but not present-tense verbs spelt "-eed" ("succeed", "proceed", "need";
# "agreed" and "freed" are past all the same).
_NOT_EED = r"(?![a-z]*(?<![agr])eed\b)"
_GOVERNING_VERB = re.compile(
    rf"\b(?P<verb>{_NOT_EED}[a-z]{{2,}}ed|{_IRREGULAR_PAST}|hit|left|led|"
    r"announced|died|was|were)"
    # "imposed in late February": a preposition and an edge of the month may come between.
    r"(?:\s+(?:on|at|in|by|late|early|until|since|last)){0,2}\s+$",
    re.IGNORECASE,
)
# Words in "-ly" that are nouns or adjectives, no adverb ("a Monday rally organized by ...").
_LY_NOT_ADVERBS = (
    "(?:rally|assembly|family|supply|ally|tally|bully|belly|jelly|melee|daily|weekly|monthly"
    "|yearly|early|only|likely|holy|friendly|lonely|elderly|costly|deadly|ugly)"
)
# The finite verb right after the expression, in lower case (a capitalised "-ed" word there
# is a name: "in May United ..."): "the company on Thursday agreed to buy ...", its adverb
# between ("on Thursday officially declared").
_FOLLOWING_VERB = re.compile(
    rf"\s+(?:(?P<adverb>(?!{_LY_NOT_ADVERBS}\s)[a-z]{{3,}}ly)\s+)?"
    rf"(?P<verb>{_NOT_EED}[a-z]{{2,}}ed|(?i:{_IRREGULAR_PAST})|hit|left|led)\b"
)
# A regular past tense right after a relative pronoun is the relative clause's verb, not an
# adjective ("the ferries, the last of which docked on Monday"): a past cue like "killed".
_RELATIVE_PAST = re.compile(
    rf"\b(?:which|who|that)\s+(?:[a-z]+ly\s+)?{_NOT_EED}[a-z]{{2,}}ed\b", re.IGNORECASE
)
# A modal of what may yet happen, then "be", before a deadline ("could be finished by Sunday";
# not the month "May", nor the perfect "could have been finished by Sunday", which looks back).
_POSSIBILITY = re.compile(
    r"\b(?:could|(?-i:may)|might|can|should)\s+(?:not\s+)?be\b", re.IGNORECASE
)
# A plan's verb and its infinitive right before the expression: "expected to order ...".
_PLAN_VERB_BEFORE = re.compile(
    r"\b(?:will|would|shall|'ll|(?:expects?|expected|plans?|planning|set|due|going|scheduled|"
    r"is|are)\s+to)\s+[a-z]+\s+(?:on\s+|in\s+|by\s+)?$",
    re.IGNORECASE,
)
# "there 's a board meeting on Monday", "there is a vigil for the victims on Monday": an
# event held on a date that is still on the calendar, the date right after it (not "there are a
# lot of people ..., he told CNN Sunday", nor "there is a photo of him at 10 a.m. Monday").
_ON_THE_CALENDAR = re.compile(
    rf"\bthere\s+(?:is|'s|are)\s+(?:a|an|another)\s+(?:[a-z-]+\s+){{0,2}}{SCHEDULED_EVENT_RE}s?"
    r"\s+(?:[\w'-]+\s+){0,4}?(?:on|at|for)\s+$",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(
    r",|\b(?:that|saying|which|who|when|where|because|after|while|if|but|and|how|whether|why)\b",
    re.I,
)
# A present tense that names when something is or takes place.
_PRESENT_CUE = re.compile(
    r"\b(?:is|are|(?:opens|begins|starts|runs|ends|closes|falls|takes\s+place))\b", re.IGNORECASE
)
_PAST_ED = re.compile(rf"\b{_NOT_EED}[a-z]{{3,}}ed\b", re.IGNORECASE)
# "by mid-November", "until the end of March": an edge of the month may come in between.
_EDGE = r"(?:(?:early|mid|late|(?:the\s+)?(?:end|middle|beginning|start)\s+of)[\s-]*)?"
# "the year ending June 30" too: ended or still to end, the nearest one.
_DEADLINE_BEFORE = re.compile(
    rf"\b(?:by|until|till|through|before|ending|ends?\s+on)\s+(?:the\s+)?{_EDGE}$", re.I
)
# "the Nov. 1 deadline", "set Nov. 10 as the deadline", "a Jan. 14 return date".
_DEADLINE_AFTER = re.compile(
    r"\s+(?:as\s+(?:the|a)\s+)?(?:deadline|(?:return|due|expiration|target|closing)\s+date)\b",
    re.IGNORECASE,
)
# "had been due to expire": a plan seen from the past.
_PAST_PERFECT = re.compile(r"\bhad\s+(?:[a-z]+\s+){0,3}$", re.IGNORECASE)
# Past-participle words that nevertheless point forward ("scheduled for Tuesday").
_FORWARD_ED = FORWARD_PARTICIPLES
# "will be held", "is heard", "will be formally charged": a participle after "be" (or a
# present "is") has no tense of its own.
_PASSIVE_BE = re.compile(r"\b(?:be|being|is|are)\s+(?:[a-z]+ly\s+)?$", re.IGNORECASE)
# "Not until the end of May did ...": the inversion after a negated "until" tells the tense.
_NOT_UNTIL = re.compile(rf"\bnot\s+until\s+(?:the\s+)?{_EDGE}$", re.IGNORECASE)
_PAST_AUXILIARY_AFTER = re.compile(r"\s*,?\s+(?:did|was|were|had)\b", re.IGNORECASE)
# "starting Monday", "until Jan. 14": the preposition right before the date decides.
_FORWARD_PREPOSITION = re.compile(
    rf"\b(?:starting|until|from\s+now\s+(?:to|until|through))\s+(?:the\s+)?{_EDGE}$", re.I
)


# A participle right before "until": what was put off or held ("was postponed until March",
# "were held until Friday"), to come.
_PUT_OFF_BEFORE = re.compile(r"\b(?:[a-z]{3,}ed|shut|held|kept|set|put)\s+$", re.IGNORECASE)
# The past perfect of the clause right after "until <date>".
_HAD_UNTIL = re.compile(r"\s*,?\s+(?:[A-Za-z]+\s+){0,3}?had\b", re.IGNORECASE)


# (text, position) -> where the sentence holding the position starts, for the text being
# tagged. Every candidate's resolver runs twice, when candidates are selected (longest first)
# and then in text order, and several tense checks read the sentence: the first pass's order
# made a small LRU cache miss on the second, so the start is kept for every position asked
# about (an int per candidate; the key costs nothing: a string caches its hash) until the
# text is done (:func:`forget`). Keyed on positions, not on sentence text: a text that
# repeats itself is no faster for it.
_sentence_starts: dict[tuple[str, int], int] = {}


# The sentence ends of the text being tagged, found once for all its candidates (see
# SentenceStarts); dropped with the text.
_sentence_index: SentenceStarts | None = None


def _sentence_before(text: str, start: int) -> str:
    """The part of the sentence that precedes ``start`` (at most 200 characters)."""
    global _sentence_index
    key = (text, start)
    cut = _sentence_starts.get(key)
    if cut is None:
        # Read once into a local: another thread's forget() may reset the global meanwhile.
        index = _sentence_index
        if index is None or index.text is not text:
            index = _sentence_index = SentenceStarts(text, 200)
        cut = index.start(start)
        # A page's stamp (a date with its year and a clock time: "Tuesday 8 March 2011 09.40
        # GMT") ends the headline run into the story without a full stop; the headline's verbs
        # ("Mayor warns ...") do not govern the story's dates.
        if _STAMP_CLOCK.search(text, cut, start):
            for stamp in _PAGE_STAMP.finditer(text, cut, start):
                cut = stamp.end()
        _sentence_starts[key] = cut
    return text[cut:start]


_PAGE_STAMP = re.compile(
    rf"(?:{MONTH_RE}\s*{DAY_RE}|{DAY_RE}\s+{MONTH_RE}){COMMA_RE}{YEAR_RE}[,;]?\s+"
    r"(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*[ap]\.?m\b\.?)?(?:\s+[A-Z]{2,4}\b)?"
)
# What every page stamp holds, its clock's minutes (":20", ".20"): a pattern the engine skips
# to in C. Most sentences have none, and then the stamp's own pattern, which opens with a
# month or a day and is tried at every character of the 200 before a date, is not run.
_STAMP_CLOCK = re.compile(r"[:.][0-5]\d")


def forget() -> None:
    """Drop the cached sentence starts and tense cues (they hold the analysed text): call
    when a text is done."""
    global _sentence_index
    _sentence_starts.clear()
    _tenses.clear()
    _sentence_index = None
    _clause_tense.cache_clear()


def _sentence_after(text: str, end: int) -> str:
    """The rest of the sentence after ``end`` (at most 80 characters)."""
    piece = text[end : end + 80]
    stop = _SENTENCE_STOP.search(piece)  # precompiled: every tense check reads it
    return piece[: stop.start()] if stop else piece


def _last_clause(before: str) -> str:
    """The clause the expression is in, of the words before it in its sentence."""
    return _CLAUSE_BREAK.split(before)[-1]


_SENTENCE_STOP = re.compile(r"[.!?;\n]")


def _points_forward(ctx: Context, m: re.Match[str]) -> bool:
    """Whether the clause around the expression talks about the future."""
    return _tense(ctx, m) is True


# (text, start, end) -> the tense around the expression there (``_tense``): a pure function
# of the text and the span, which each candidate's two resolutions (and a rule's two checks)
# ask for; kept, as the sentence starts are, until the text is done (:func:`forget`).
_tenses: dict[tuple[str, int, int], bool | None] = {}


def _tense(ctx: Context, m: re.Match[str]) -> bool | None:
    """True if the clause points forward, False if it is about the past, None for a deadline
    (``_tense_at``, once per text and span)."""
    key = (ctx.text, m.start(), m.end())
    if key in _tenses:
        return _tenses[key]
    tense = _tenses[key] = _tense_at(ctx.text, m.start(), m.end())
    return tense


def _tense_at(text: str, start: int, end: int) -> bool | None:
    """True if the clause points forward, False if it is about the past, None for a deadline.

    The nearest modal or auxiliary cue decides ("said it will redeem the shares on Oct. 31":
    "will" is nearer than "said"). Past-tense "-ed" words count only when no such cue is
    found, since many are adjectives ("preferred shares"). Deadlines ("by Jan. 14", "the
    Nov. 1 deadline") may lie on either side of the document date: the nearest one is meant.
    """
    before = _sentence_before(text, start)
    after = _sentence_after(text, end)
    near = len(before) - min(len(before), 40)  # the preposition is sought near the date
    forward_preposition = _FORWARD_PREPOSITION.search(before, near)
    if forward_preposition:
        # "Until Thursday, they had not called him a suspect": a limit now past; so is "Not
        # until June 3 did the council publish its figures".
        until = forward_preposition.group().lower().startswith("until")
        inverted = until and _NOT_UNTIL.search(before) and _PAST_AUXILIARY_AFTER.match(after)
        clause = _last_clause(before[: forward_preposition.start()])
        if (
            until
            and _past_verb_in(clause)
            and not _FORWARD_CUE.search(clause)
            and not _PUT_OFF_BEFORE.search(clause)
        ):
            # "production was normal until February 20 and then fell": a state that lasted
            # up to a day now past (but "the vote was postponed until March" is to come).
            return False
        return not (until and (_HAD_UNTIL.match(after) or inverted))
    if _AHEAD_OF.search(before[-80:]) and _clause_tense(before, after) is not True:
        # "a letter ahead of their hearing with him on Thursday", "last month, ahead of his
        # October 1 start date": what was awaited then, on either side of the document date;
        # the nearest one is meant.
        return None
    if _DEADLINE_BEFORE.search(before[-30:]) or _DEADLINE_AFTER.match(after):
        # "will double its flights by August" is ahead; "had to leave by Jan. 14", or a
        # deadline without a tense cue, may lie on either side: the nearest one is meant.
        if _clause_tense(before, after) is True or _POSSIBILITY.search(_last_clause(before)):
            return True  # "could be repaired by Sunday": what may yet be done
        return None
    return _clause_tense(before, after)


@lru_cache(maxsize=4096)
def _clause_tense(before: str, after: str) -> bool | None:
    """The tense cues of :func:`_tense`, read in the sentence ``before`` and ``after`` it.
    Cached (a pure function of two short strings) until the text is done: each candidate
    is resolved twice, and a text repeats its phrasing around dates ("said on Monday")."""
    # The verb right before the expression governs it: "ruled Wednesday that he must go".
    governing = _GOVERNING_VERB.search(before)
    if governing:
        word = governing["verb"].lower()
        if word in _FORWARD_ED or _FORWARD_CUE.fullmatch(word):
            return True
        if not _PASSIVE_BE.search(before, 0, governing.start("verb")):
            return False
    if _ON_THE_CALENDAR.search(before):
        return True
    # The finite verb right after it governs it just as well: "on Thursday agreed to sell"
    # dates the agreeing, done, not the selling (an infinitive's deed is still to come, and
    # its date unsaid).
    following = _FOLLOWING_VERB.match(after)
    if (
        following
        and following["verb"].lower() not in _FORWARD_ED  # "in June expected to ...": a plan
        and not re.search(r"\bto\s+$", before)
        # "is expected to announce on Friday revised fares": the "-ed" word after
        # a plan's verb is its object's adjective.
        and not _PLAN_VERB_BEFORE.search(before)
        # "will swear in on Sunday recently appointed ministers": after a future's cue, an
        # adverb and a participle are its object's.
        and not (following["adverb"] and _FORWARD_CUE.search(_last_clause(before)))
    ):
        return False
    # A reported clause after the expression has its own tense: "said Friday that it will".
    # But a date that opens its sentence is dated by the main clause after its comma when
    # that clause speaks of now or what is to come ("On Wednesday, he is due to ...", "On
    # Friday, they will ..."; not "On Friday, the government planned to ...").
    if _SENTENCE_HEAD.fullmatch(before) and _PRESENT_OR_FUTURE_HEAD.match(after):
        after = after.lstrip(" ,")
    after = _CLAUSE_BREAK.split(after, maxsplit=1)[0]
    best: tuple[int, bool] | None = None
    for cue in _FORWARD_CUE.finditer(before):
        if _PAST_PERFECT.search(before, 0, cue.start()):
            # "had been due to expire Friday": a former plan, its date on either side of the
            # document date; like a deadline, the nearest one is meant.
            return None
        best = _closer(best, len(before) - cue.end(), True)
    for cue in _PAST_CUE.finditer(before):
        if not _PASSIVE_BE.search(before, 0, cue.start()):  # "will be paid Dec. 14"
            best = _closer(best, len(before) - cue.end(), False)
    for cue in _RELATIVE_PAST.finditer(before):
        if cue.group().split()[-1].lower() not in _FORWARD_ED:  # "which scheduled ..."
            best = _closer(best, len(before) - cue.end(), False)
    for cue in _PAST_ED.finditer(before):
        # A regular past tense before its object is a verb like "killed" ("Government plans
        # to cap numbers suffered a defeat on Wednesday": "suffered" is nearer than "plans
        # to", which is a noun there), not an adjective ("the unemployed workers").
        if _past_verb_with_object(before, cue):
            best = _closer(best, len(before) - cue.end(), False)
    for cue in _FORWARD_CUE.finditer(after):
        best = _closer(best, cue.start(), True)
    for cue in _PAST_CUE.finditer(after):
        best = _closer(best, cue.start(), False)
    if best is not None:
        return best[1]
    for text in (before, after):
        for cue in _PAST_ED.finditer(text):
            if (
                not _PASSIVE_BE.search(text, 0, cue.start())
                and cue.group().lower() not in _FORWARD_ED
            ):
                return False
    if _PRESENT_CUE.search(before) or _PRESENT_CUE.search(after):
        # "The festival is in October", "the market opens on March 3": a present tense points
        # to neither side, and the nearest such date is meant, not the one just past.
        return None
    return False


# "ahead of" a noun phrase that ends with the date (not "ahead of schedule").
_AHEAD_OF = re.compile(
    r"\bahead\s+of\s+(?!(?:schedule|time|expectations|forecasts|estimates|analysts|rivals)\b)"
    r"(?:[\w'-]+\s+){0,8}?(?:on\s+|for\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_PRESENT_OR_FUTURE_HEAD = re.compile(
    r"\s*,?\s*(?:[\w'-]+\s+){0,4}?(?:is|are|will|'ll|shall)\b", re.IGNORECASE
)
_SENTENCE_HEAD = re.compile(
    r"[\s\"'`]*(?:(?:on|in|and|but|also|then|late|early|by|since)\s+)*", re.IGNORECASE
)


def _past_tense_governs(ctx: Context, m: re.Match[str]) -> bool:
    """Whether a past-tense verb governs the expression: the verb right before it ("was told
    Tuesday", "sales fell in January") or the clause right after it ("the rally Tuesday drew
    300", "On Tuesday, police arrested...", "In January, prices fell")."""
    before = _sentence_before(ctx.text, m.start())
    governing = _GOVERNING_VERB.search(before)
    if governing and not _PASSIVE_BE.search(before, 0, governing.start("verb")):
        return True  # but "a rally is planned on Tuesday" is to come
    after = _sentence_after(ctx.text, m.end())
    if _SENTENCE_HEAD.fullmatch(before):
        after = after.lstrip(" ,")  # "On Tuesday, ...": the main clause after the comma
    clause = _CLAUSE_BREAK.split(after, maxsplit=1)[0]
    return bool(_PAST_CUE.search(clause) or _PAST_ED.search(clause))


def _past_clause_before(ctx: Context, m: re.Match[str]) -> bool:
    """Whether the expression ends a clause told in the past tense: a past verb before it in
    its sentence and no cue of what is to come around it ("The striker scored a late goal
    against the leaders on Saturday")."""
    before = _sentence_before(ctx.text, m.start())
    clause = _last_clause(before)
    after = _sentence_after(ctx.text, m.end())
    if _FORWARD_CUE.search(before) or _FORWARD_CUE.search(after) or _PRESENT_CUE.search(clause):
        return False
    return _past_verb_in(clause)


def _past_verb_in(clause: str) -> bool:
    """Whether ``clause`` has a verb in the past tense, not a passive's participle."""
    if any(not _PASSIVE_BE.search(clause, 0, cue.start()) for cue in _PAST_VERB.finditer(clause)):
        return True
    return any(_past_verb_with_object(clause, cue) for cue in _PAST_ED.finditer(clause))


def _past_verb_with_object(text: str, cue: re.Match[str]) -> bool:
    """Whether a regular past tense (a ``_PAST_ED`` match in ``text``) reads as a verb, before
    its object or particle ("sealed off", "reported a loss"), not as an adjective
    ("unemployed workers", "the acclaimed Oslo ...") or a passive's participle."""
    return (
        not _PASSIVE_BE.search(text, 0, cue.start())
        and cue.group().lower() not in _FORWARD_ED
        and _OBJECT_AFTER.match(text, cue.end()) is not None
        and not _DETERMINER_BEFORE.search(text, 0, cue.start())
    )


_OBJECT_AFTER = re.compile(
    r"\s+(?:(?:out|up|down|off|back|away|over|the|a|an|his|her|their|its|him|them|it|us|to|into"
    rf"|at|with|from|{NUMBER_WORD_RE}|more|about|nearly|dozens|hundreds|thousands)\b|\d"
    r"|(?-i:[A-Z]))",
    re.IGNORECASE,
)


_DETERMINER_BEFORE = re.compile(r"\b(?:the|its|their|his|her)\s+$", re.IGNORECASE)


def _month_tense(ctx: Context, m: re.Match[str], month: int, day: int | None) -> bool | None:
    """:func:`_tense` for a month (and day) written without a year.

    Next month's name is next month unless a past-tense verb governs it ("sales fell in
    January" in a December article): news about eleven months back says "last November" or
    gives the year, while our tense cues often miss a plan ("invited them to a ceremony on
    March 12"). TimeBank annotates it so throughout.
    """
    if _ENTRY_AFTER.match(ctx.text, m.end()) and _LINE_OPENS_BEFORE.search(
        ctx.text, max(0, m.start() - 8), m.start()
    ):
        # "Sept. 1 - Harbour leaders meet in Varnia": an entry of a chronology,
        # told in the historical present, is past. A schedule's entries are to come ("Oct.
        # 5 - Parliament votes on the budget" in September): an entry says so, or its date
        # comes within a season of the document's (a chronology's of last autumn would be
        # one a year ahead).
        line_end = ctx.text.find("\n", m.end())
        entry = ctx.text[m.end() : line_end if line_end >= 0 else len(ctx.text)]
        ahead = cal.clamp_day(ctx.dct.year, month, day or 1)
        if ahead is not None and ahead < ctx.dct:
            ahead = cal.clamp_day(ctx.dct.year + 1, month, day or 1)
        soon = ahead is not None and (ahead - ctx.dct).days <= _SCHEDULE_DAYS
        return bool(_ENTRY_FORWARD.search(entry)) or soon
    next_month = (month - ctx.dct.month) % 12 == 1
    attributive = _DETERMINER_BEFORE.search(
        ctx.text, max(0, m.start() - 5), m.start()
    ) and _NOUN_AFTER.match(ctx.text, m.end(), m.end() + 30)
    if day is None and (
        _CONTRACT_BEFORE.search(ctx.text, max(0, m.start() - 24), m.start())
        or _CONTRACT_AFTER.match(ctx.text, m.end())
    ):
        # "Brent futures for April", "crude for April delivery", "the May contract": markets
        # trade the months to come, whatever the tense of the report.
        return True
    if attributive:
        # "the Aug. 7 blasts", "the Oct. 23 sniper shooting", "the April blowout": a date
        # naming an event that has happened, whatever the tense of the sentence ("she would
        # help the victims of the Aug. 7 blasts"); "the Nov. 1 deadline", "the Sept. 2
        # meeting" in an August article, or what is awaited ("ahead of the June 23
        # meeting"), may lie on either side: the nearest.
        awaited = _AHEAD_OF.search(ctx.text, max(0, m.start() - 80), m.start())
        either_side = bool(next_month or awaited or _DEADLINE_AFTER.match(ctx.text, m.end()))
        if day is None and not either_side:
            # A month names a season of events more often than one happening: "the November
            # elections", "will meet at the December summit" may be ahead, the nearest.
            either_side = bool(_SCHEDULED_AFTER.match(ctx.text, m.end())) or _tense(ctx, m) is True
        return None if either_side else False
    forward = _tense(ctx, m)
    if forward is False and next_month and not _past_tense_governs(ctx, m):
        return True
    if forward is True and _PAST_AGREEMENT.search(_sentence_before(ctx.text, m.start())):
        # "agreed to sell the unit in October": the agreeing is past and the month may date it
        # or the sale; a month named without its year is within the news's reach either way,
        # so the nearest October is meant, not one up to a year ahead.
        before = _sentence_before(ctx.text, m.start())
        agreement = list(_PAST_AGREEMENT.finditer(before))[-1]
        if not _FORWARD_CUE.search(before, agreement.end()):
            return None
    return forward


# A chronology's entry: its date opens a line, a dash or a colon after it.
_LINE_OPENS_BEFORE = re.compile(r"(?:^|\n)[ \t]*$")
_ENTRY_AFTER = re.compile(r"[ \t]*(?:--?|–|—|:)[ \t]")
_SCHEDULE_DAYS = 92
_ENTRY_FORWARD = re.compile(
    r"\b(?:will|shall|(?:is|are)\s+(?:due|set|expected|scheduled)|to\s+be\s+held)\b", re.IGNORECASE
)
# A noun after a date, which the date names ("the Aug. 7 blasts", "the April blowout").
_NOUN_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?[a-z]{3,}")
# An event held on a date after a month ("the November elections", "the December summit").
_SCHEDULED_AFTER = re.compile(rf"\s+(?:[a-z]+\s+)?{SCHEDULED_EVENT_RE}s?\b", re.IGNORECASE)
# A month a market trades: "futures for April", "the April contract", "October crude".
# A commodity "for" a month is its contract ("Brent crude for May fell"), not what was traded
# in the month ("imports of crude for March").
_CONTRACT_BEFORE = re.compile(
    rf"\b(?:{MARKET_CONTRACT_RE}|(?<!\bof\s){MARKET_COMMODITY_RE})\s+for\s+$", re.IGNORECASE
)
_CONTRACT_AFTER = re.compile(rf"\s+(?:{MARKET_CONTRACT_RE}|{MARKET_COMMODITY_RE})\b", re.IGNORECASE)
# A past agreement or decision to do something, the deed to come but the date unsaid.
_PAST_AGREEMENT = re.compile(
    r"\b(?:agreed|decided|vowed|pledged|promised|offered|proposed)\s+to\b", re.IGNORECASE
)


def _closer(best: tuple[int, bool] | None, distance: int, forward: bool) -> tuple[int, bool]:
    """Keep the cue nearest to the expression (ties go to the forward cue)."""
    if best is None or distance < best[0] or (distance == best[0] and forward):
        return (distance, forward)
    return best


def _year_written_or_nearest(
    ctx: Context, m: re.Match[str], year: str | None, month: int, day: int | None
) -> int:
    """The year written, else the one that puts the month (and day) nearest the DCT, in the
    direction the clause's tense points."""
    if year:
        return int(year)
    return cal.nearest_year_for(month, day, ctx.dct, _month_tense(ctx, m, month, day))
