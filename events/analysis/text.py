"""Sentences, paragraphs and embedded social-media posts, located by character offsets.

Everything here works on the text exactly as stored: every span indexes the original string.
"""

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from operator import attrgetter
from typing import NamedTuple

from events.analysis.date_lexicon import (
    MONTH_ABBREVIATIONS,
    MONTH_FULL_NAMES,
    OPENING_PREPOSITION_RE,
    SENTENCE_OPENER_RE,
    TIMEZONE_RE,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAY_FULL_NAMES,
)

# Words that end with a full stop without ending the sentence. Dotted acronyms ("D.C.", "U.S.")
# are read by what follows them (see _DOTTED_ACRONYM). The month and weekday abbreviations
# ("Sept.", "Thurs.") are the English lexicon's (languages/en).
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gov sen rep st sgt lt col gen capt cmdr adm maj jr sr inc corp co ltd
    no vs etc dept est approx ave blvd ft mt""".split()
    + [word.lower() for word in (*MONTH_ABBREVIATIONS, *WEEKDAY_ABBREVIATIONS)]
)

# A paragraph: within a line, its first to its last character that is not white space.
# A line break a tokeniser made inside a stock's ticker ("-LRB- NRV . \nL -RRB-" for "(NRV.L)"):
# no line ends there. Written as the break with what its two sides must be.
# A ticker's exchange and its closing bracket, after the stop: "L -RRB-", "N)".
_TICKER_EXCHANGE = r"[A-Z]{1,2}[ \t]?(?:-RRB-|\))"
_TICKER_BREAK = rf"(?<=[A-Z] \. )\n(?={_TICKER_EXCHANGE})"
_TICKER_BREAK_RE = re.compile(_TICKER_BREAK)
# A line, going on over a ticker's break (tried at line ends only: the line itself is read in C).
_PARAGRAPH = re.compile(rf"\S(?:[^\n]*(?:{_TICKER_BREAK}[^\n]*)*\S)?")
# A sentence ends at . ! ? or … (with closing quotes or brackets) followed by white space.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")
_RUN = re.compile(r"[\w.]+")
# Longer than any abbreviation: the word before a full stop is searched for in this many
# characters before it, never from the start of the text (that made every full stop cost the
# length of the text before it). A longer word is cut, and a cut word is no abbreviation.
_WORD_WINDOW = 32
_SPACE = re.compile(r"\s*")
_LIST_ITEM = re.compile(r"\s*(?:[-–•*]|\d+[.)])\s*\S")

# "— Name (@handle) August 29, 2025": the signature of an embedded post.
SIGNATURE = re.compile(
    r"[—–-]{1,2}\s*(?P<author>[^\n()—–]{2,120}?)\s*\(@(?P<handle>\w{1,30})\)\s*"
    r"(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4})"
)
# The most white space a pattern takes in one run where it may start inside the run (before
# a cue word, a comma, a bracket): unbounded, a long run of spaces is scanned again from each
# of its characters, quadratic in the run. No sentence of prose has a longer gap.
WHITE_SPACE_GAP = 50
# A dateline: the place of filing in capitals, then a region or the day of filing, the agency in
# brackets and a dash ("NAIROBI, Kenya (AP) _", "WASHINGTON, March 12 (Xinhua) --", "LONDON
# (Reuters) -", "INDEPENDENCE, Mo. _"), opening the text. A web page of wire copy prints the
# place and the time of filing before it, after a bar ("OSLO | Thu Feb 5, 2009 3:15 pm EST
# OSLO (Wire) -"). Tokenised corpora set the comma apart ("PASS CHRISTIAN , Mississippi").
# The agency in brackets, also as tokenised corpora write them ("-LRB- Reuters -RRB-").
_AGENCY = r"(?:\([^()\n]{1,30}\)|-LRB-[^\n]{1,30}?-RRB-)"
# A dateline's place in capitals, or two filed from at once ("MADRID/GENEVA", tokenised
# "MADRID\\/GENEVA"), and the dash that closes a dateline (also read by the actors' credits).
DATELINE_PLACE = r"[A-Z][A-Z.'’]+(?:(?:[ -]|\\?/)[A-Z][A-Z.'’]+)*"
DATELINE_DASH = r"(?:--|_|—|–|-)"
# The English names of months and weekdays as alternations, for the patterns below.
_MONTH_NAME = "(?:" + "|".join(MONTH_FULL_NAMES) + ")"
_MONTH_OR_ABBREVIATION = "(?:" + "|".join((*MONTH_FULL_NAMES, *MONTH_ABBREVIATIONS)) + ")"
_WEEKDAY_NAME = "(?:" + "|".join(WEEKDAY_FULL_NAMES) + ")"
# The day of filing after the place without a comma, as wire pages print it ("WASHINGTON Nov 17
# (Reuters) -").
_DAY_AFTER_PLACE = rf"[ \t]+{_MONTH_OR_ABBREVIATION}\.?[ \t]+\d{{1,2}}(?!\w)"
_DATELINE = re.compile(
    rf"\s*(?:{DATELINE_PLACE}(?:[ \t]?,[ \t]+[A-Z][^\n|]{{0,40}}?)?[ \t]*\|"
    rf"[ \t]*[^\n|]{{1,60}}?[ \t]+(?={DATELINE_PLACE}))?"
    rf"{DATELINE_PLACE}(?:[ \t]?,[ \t]+[A-Z][^\n()_—–]{{0,40}}?|{_DAY_AFTER_PLACE})?[ \t]*"
    rf"(?:{_AGENCY}[ \t]*)?{DATELINE_DASH}(?=\s)"
)
# Longer than any dateline ("NEW ORLEANS, Louisiana | Wed Jun 2, 2010 2:42 pm EDT NEW ORLEANS,
# Louisiana (Reuters) -" is about 90 characters): a dateline is looked for no further.
_DATELINE_CHARS = 300
_AGENCY_AND_DASH = re.compile(rf"{_AGENCY}[ \t]*{DATELINE_DASH}\s")
_AGENCY_IN = re.compile(_AGENCY)
# What follows a dateline's place wherever the dateline stands (glued to a headline, after
# another place): its region or day, then the agency and a dash ("PARIS, March 10 (Reuters)
# -"), or a bar before the filing time ("GENEVA | Sat May 16, 2009", "MOMBASA, Kenya | Tue").
_AFTER_DATELINE_PLACE = re.compile(
    rf"[ \t]?(?:,?[ \t]+[A-Z][^\n()|]{{0,40}}?)?[ \t]*{_AGENCY}[ \t]*{DATELINE_DASH}\s"
    r"|(?:[ \t]?,[ \t]+[A-Z][^\n()|]{0,40}?)?[ \t]+\|[ \t]"
)
_HANDLE = re.compile(r"@\w")
_SYMBOL = re.compile(r"[\u2190-\u2bff\U0001F000-\U0001FAFF]")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Post:
    """A social-media post quoted in an article, signed "— Author (@handle) Date"."""

    start: int  # first character of the post's text
    end: int  # end of the signature (after its date)
    signature_start: int
    author: str  # as written: may include a title ("Mayor Brandon Johnson")
    author_start: int
    handle: str  # with its "@"
    date_start: int
    date_end: int


def in_dateline_agency(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is the agency in brackets that closes a dateline ("(AP) --",
    "-LRB- Reuters -RRB- -"): where the story was filed from, not a source of it."""
    for opening in ("(", "-LRB-"):
        at = text.rfind(opening, max(0, start - len(opening) - 2), start)
        if at >= 0 and (bracket := _AGENCY_AND_DASH.match(text, at)) and bracket.end() > end:
            return True
    return False


def after_dateline_place(text: str, end: int) -> bool:
    """Whether the capitals that end at ``end`` are a dateline's place: the agency and a dash,
    or a bar and the filing time, follow them (wherever they stand in the text)."""
    return _AFTER_DATELINE_PLACE.match(text, end) is not None


def dateline(text: str, start: int = 0) -> Span | None:
    """The dateline that opens a wire story (at ``start``, after white space), if any: where
    and (sometimes) when it was filed, not a sentence of the story."""
    # Bounded: a run of capitals is a place only this near, and an all-capitals text must not
    # be read to its end from every line start.
    match = _DATELINE.match(text, start, start + _DATELINE_CHARS)
    if match is None:
        return None
    return Span(after_space(text, start, match.end()), match.end())


# Where a dateline run into a headline may start: capitals after a space, on the first line.
_GLUED_PLACE = re.compile(r"(?<= )(?=[A-Z][A-Z])")
# How far into its first line a story's dateline is looked for after a headline.
_HEADLINE_CHARS = 400
# What a story's first sentence opens with after the dash of a dateline.
_STORY_OPENING = re.compile(r"\s*(?:[A-Z0-9\"“‘'`]|-LRB-)")
_WORD_OF_LETTERS = re.compile(r"[^\W\d_][\w'’-]*")


def _initials(words: str) -> str:
    """The capitals that open the words of ``words``: an acronym they would spell ("National
    Ferry Council" is "NFC"; small words are skipped: "World Health Organization" is "WHO")."""
    return "".join(word[0] for word in _WORD_OF_LETTERS.findall(words) if word[0].isupper())


def story_dateline(text: str) -> Span | None:
    """The dateline of a story: opening the text, or run into the headline (and its summary
    points) on the first line, as web pages of wire copy print it ("Ferry owners fear long
    strike BRINDLEY, Kent | Sun May 2, 2010 7:55 pm EDT BRINDLEY, Kent (Wire) - Ferry crews
    walked out ..."). The span is the dateline's; the headline before it is no sentence of the
    story either (``past_dateline``).

    Some outlets write the dateline in the case of ordinary words, after a byline, a headline
    and summary points ("By the Wire Staff Talks collapse NEW: ... Harbourton, Freedonia (WNN)
    --").
    A page without a dateline may print its time stamp after the headline and its summary
    ("... Friday 7 May 2010 08.15 BST Ann Lake has warned ..."), then a photograph's
    caption and credit ("... . Photograph: Jo Roe/Wire The ferry company moved ..."), or a
    credit run into its first line: the span is then the stamp (its day is the reporting time,
    as a dateline's) up to the credit, or the credit, and what comes before is the page's
    header (``_page_header``)."""
    line = dateline(text)
    if line is not None:
        return line
    begin = after_space(text, 0, len(text))
    newline = text.find("\n", begin, begin + _HEADLINE_CHARS)
    end = newline if newline >= 0 else min(len(text), begin + _HEADLINE_CHARS)
    for place in _GLUED_PLACE.finditer(text, begin, end):
        match = _DATELINE.match(text, place.start(), place.start() + _DATELINE_CHARS)
        if match is not None and _glued_dateline(text, match):
            return Span(place.start(), match.end())
    for titled in _TITLED_DATELINE.finditer(text, begin, min(len(text), begin + _HEADER_CHARS)):
        if _titled_dateline(text, titled):
            return Span(titled.start(), titled.end())
    return _page_header(text, begin)


def _page_header(text: str, begin: int) -> Span | None:
    """The end of a page's header at its time stamp, or at its photograph's credit (see
    ``story_dateline``), if the page has one. A story's own words are never taken for one:
    the header is one run of words without a sentence's end (a headline, a summary), the
    stamp or credit follows no preposition ("amended on Tuesday 15 June 2010 10.00 BST") and
    a story's sentence opens after it ("... 2:25 pm CDT. The strike ended" is a sentence's date)."""
    first_line = text.find("\n", begin, begin + _HEADER_CHARS)
    line_end = first_line if first_line >= 0 else min(len(text), begin + _HEADER_CHARS)
    stamp = _PAGE_STAMP.search(text, begin, line_end)
    if stamp is not None and _header_before(text, begin, stamp.start(), stamp.end()):
        # A photograph's caption (one sentence) may follow, and its credit end the header.
        credit = _PHOTO_CREDIT.search(text, stamp.end(), stamp.end() + _HEADER_CHARS // 2)
        if (
            credit is not None
            and (end := photo_credit_end(text, credit)) is not None
            and len(sentences(text, stamp.end(), credit.start())) <= 1
        ):
            return Span(stamp.start(), end)
        return Span(stamp.start(), stamp.end())
    # Without a stamp, a credit run into the first line ("... at the height of the spill
    # Photograph: Jo Roe/Wire The ferry company has ..."). A credit after the first
    # line may follow a story's opening paragraph: it ends no header.
    credit = _PHOTO_CREDIT.search(text, begin, line_end)
    if credit is not None:
        end = photo_credit_end(text, credit)
        if end is not None and _header_before(text, begin, credit.start(), end):
            return Span(credit.start(), end)
    return None


def _header_before(text: str, begin: int, start: int, end: int) -> bool:
    """Whether ``text[begin:start]`` reads as a page's header before a stamp or credit at
    ``start:end``: no sentence ends in it, no preposition or verb leads into the stamp, and a
    story's sentence opens after it."""
    if len(sentences(text, begin, start)) > 1 or _INTO_STAMP.search(text, begin, start):
        return False
    return _STORY_OPENING.match(text, end) is not None


_INTO_STAMP = re.compile(
    r"(?i:\b(?:on|at|by|until|till|since|from|to|before|after|of|for|in|is|was|were|be|been"
    r"|amended|updated|published|posted|issued)[ \t]*,?[ \t]*)$"
)


# A dateline in the case of ordinary words, as some outlets write it, after a page's byline,
# headline and summary points: the place, its region, the agency's one word in brackets and a
# long dash ("Harbourton, Freedonia (WNN) --", tokenised "Harbourton , Freedonia -LRB- WNN
# -RRB- --"). A single hyphen is left out: "the Agency (ours) - which met" is an aside.
# The place may be left out, the headline's last words run into the agency ("... an analyst
# says (WNN) -- Talks ...").
_TITLED_DATELINE = re.compile(
    r"(?:(?<![\w'’-])[A-Z][a-z'’.-]+(?:[ \t]+[A-Z][a-z'’.-]+){0,2}"
    r"(?:[ \t]?,[ \t]+[A-Z][a-z'’.-]+(?:[ \t]+[A-Z][a-z'’.-]+){0,2})?[ \t]+|(?<=[a-z][ \t]))"
    r"(?:\((?P<agency>[A-Z]{2,6})\)|-LRB-[ \t]*(?P<tagency>[A-Z]{2,6})[ \t]*-RRB-)"
    r"[ \t]*(?:--|—|–|_)(?=\s)"
)
_BRACKET_OPEN_END = re.compile(r"(?:\(|-LRB-)[ \t]*$")
_PREPOSITION_BEFORE = re.compile(r"\b(?:by|from|to|at|in|of|for|with|and|the|a)[ \t]+$")


def _titled_dateline(text: str, match: re.Match[str]) -> bool:
    """Whether a match of _TITLED_DATELINE is a page's dateline, not a story's acronym in its
    aside ("the National Ferry Council (NFC) -- the island's only ...", whose capitals spell
    the bracket) or a dateline it quotes: it opens its line, or follows on its line only
    words that end no sentence (a headline, summary points), and a story's sentence follows."""
    group = "agency" if match["agency"] else "tagency"
    agency = match[group]
    line_start = text.rfind("\n", 0, match.start()) + 1
    # The capitals of the words before the bracket (its "(" or "-LRB-" left out).
    before = _BRACKET_OPEN_END.sub(
        "", text[max(line_start, match.start() - 120) : match.start(group)]
    )
    initials = _initials(before)
    return (
        not initials.endswith(agency)
        and text[match.start() - 1 : match.start()] not in ('"', "“", "'", "‘", "`")
        # "... filed by Ann Lake (AP) -- She spoke": the object of a preposition, no place
        and not _PREPOSITION_BEFORE.search(text, max(line_start, match.start() - 40), match.start())
        and len(sentences(text, line_start, match.start())) <= 1
        and _STORY_OPENING.match(text, match.end()) is not None
    )


# A web page's time stamp: weekday, day and month, year, clock time and zone ("Friday 7 May
# 2010 08.15 BST", "Thursday, July 22, 2010 10:25 am EDT"), or the time of the last update
# after the day ("7 May 2010 Last updated at 08:15 GMT") or before it.
_PAGE_STAMP = re.compile(
    rf"{_WEEKDAY_NAME},?[ \t]+"
    rf"(?:\d{{1,2}}[ \t]+{_MONTH_NAME}|{_MONTH_NAME}[ \t]+\d{{1,2}})[ \t]*,?[ \t]+\d{{4}}"
    rf"[ \t]*,?[ \t]+\d{{1,2}}[.:]\d{{2}}(?:[ \t]*[ap]\.?m\.?)?[ \t]+{TIMEZONE_RE}(?!\w)"
    rf"|(?:\d{{1,2}}[ \t]+{_MONTH_NAME}[ \t]+\d{{4}}[ \t]+)?(?:Page[ \t]+last|Last)[ \t]+updated"
    rf"[ \t]+at[ \t]+\d{{1,2}}[.:]\d{{2}}(?:[ \t]+{TIMEZONE_RE})?(?!\w)"
    # After the time, the day ("Page last updated at 08:15 GMT, Friday, 7 May 2010 09:15 UK");
    # a blog's stamp after its writer's name ("Ann Lake | 08:15 UK time, Friday, 7 May 2010").
    rf"(?:[ \t]*,[ \t]*{_WEEKDAY_NAME}[ \t]*,[ \t]*\d{{1,2}}[ \t]+{_MONTH_NAME}"
    rf"[ \t]+\d{{4}}(?:[ \t]+\d{{1,2}}[.:]\d{{2}}[ \t]+{TIMEZONE_RE})?(?!\w))?"
    rf"|\d{{1,2}}[.:]\d{{2}}[ \t]+{TIMEZONE_RE}[ \t]*,[ \t]*{_WEEKDAY_NAME}"
    rf"[ \t]*,[ \t]*\d{{1,2}}[ \t]+{_MONTH_NAME}[ \t]+\d{{4}}(?!\w)"
)
# How far into a page its header (headline, summary, time stamp, photograph) is looked for.
_HEADER_CHARS = 800
# A photograph's credit: "Photograph: Jo Roe/AP", "Photograph : Ann Lake\\/AFP\\/Getty
# Images" (tokenised), "Photograph: Associated Press". The photographer's names up to the
# last slash, then the agency's one word or the agencies named by two; without a slash only
# an agency ("Photograph: a new exhibition opens" and "Photograph: Ansel Adams and the West"
# are an exhibition's titles, "Photograph: Felix Clay The 9/11 anniversary" a name the story
# cannot be told from). "Photo:" and "Picture:" open one as "Photograph:" does.
# PHOTO_CREDIT_OPENING is the one definition of how a credit opens, read here to strip credits
# and by the actor finder to read the names they credit. It opens with the words themselves,
# checked back for a letter before them, so that the engine skips in C to the next "P" when it
# scans a whole text.
PHOTO_CREDIT_OPENING = (
    r"(?:Photograph|Photo|Picture)(?<!\wPhotograph)(?<!\wPhoto)(?<!\wPicture)s?[ \t]*:[ \t]*"
)
_PHOTO_CREDIT = re.compile(PHOTO_CREDIT_OPENING)
_CREDIT_NAMES = re.compile(
    r"(?:[A-Z][\w'’.-]*[ \t]+){0,3}[A-Z][\w'’.-]*\\?/(?:[A-Z][\w'’.-]*\\?/){0,3}"
)
_AGENCIES = r"Associated Press|Getty [Ii]mages|Rex Features|Press Association|AP|PA|EPA|AFP|Reuters"
_CREDIT_AGENCY = re.compile(rf"(?:{_AGENCIES}|[A-Z][\w'’.-]{{0,30}})(?=[ \t]+\S|\s*$)")
_AGENCY_ALONE = re.compile(rf"(?:{_AGENCIES})(?=[ \t]+\S|\s*$)")


def photo_credit_end(text: str, credit: re.Match[str]) -> int | None:
    """Where the photograph's credit that ``credit`` (a match of _PHOTO_CREDIT) opens ends, or
    None when what follows is no credit. The story opens after it, or its line ends."""
    names = _CREDIT_NAMES.match(text, credit.end(), credit.end() + 160)
    if names is not None:
        agency = _CREDIT_AGENCY.match(text, names.end(), names.end() + 40)
    else:
        agency = _AGENCY_ALONE.match(text, credit.end(), credit.end() + 40)
    if agency is None or not (
        _STORY_OPENING.match(text, agency.end()) or _CREDIT_LINE_END.match(text, agency.end())
    ):
        return None
    return agency.end()


def photo_credit_agency(text: str, credit: re.Match[str]) -> tuple[int, int] | None:
    """Where the agency is named when the photograph's credit that ``credit`` opens (a match of
    ``PHOTO_CREDIT_OPENING``) credits an agency alone ("Photograph : AP Norvik admitted ...",
    "Photo: Getty Images"), or None (no credit, or one that names a photographer before a
    slash)."""
    if _CREDIT_NAMES.match(text, credit.end(), credit.end() + 160) is not None:
        return None
    end = photo_credit_end(text, credit)
    return None if end is None else (credit.end(), end)


# A credit on a line of its own (its full stop kept), before the story's next line.
_CREDIT_LINE_END = re.compile(r"[ \t]*\.?[ \t]*(?:\n|$)")


# A live blog's time stamp in brackets before an entry ("(4:37 p.m. Monday ET, 10:27 p.m. in
# Freedonia)", "-LRB- Updated : 1:38 a.m. Monday , Freedonia ; 6:38 p.m. Sunday ET -RRB- :").
_CLOCK = r"\d{1,2}[:.]\d{2}[ \t]*[ap]\.?m\.?"
_ENTRY_STAMP = re.compile(
    rf"(?:\(|-LRB-)[ \t]*(?:(?:Updated|Posted)[ \t]*:?[ \t]*)?{_CLOCK}"
    # Then only more clock times, days, zones and places: "(5.30 p.m. was too late)" is an aside.
    rf"(?:(?:[ \t]*[,;])?[ \t]+(?:{_CLOCK}|[A-Z][\w'’.]*|in|local|time)){{0,12}}"
    # Closed, the entry opens (or the stamp stands alone): "(3:30 p.m. GMT) on Monday" is a
    # time's conversion.
    r"[ \t]*(?:\)|-RRB-)(?:[ \t]*:)?(?:[ \t]+(?=[A-Z0-9\"“‘'`]|-LRB-)|[ \t]*$)"
)


def past_furniture(text: str, sentence: Span) -> Span | None:
    """``sentence`` without what a web page prints before it that is no part of it: a live
    blog's time stamp in brackets, a photograph's credit run into the next sentence
    ("Photograph: Jo Roe/AP As the day wore on, ...", "(AP Photo/Jo Roe) (Jo Roe - AP) A
    ferry leaves ..."). None when nothing is left."""
    start = sentence.start
    if text[start : start + 1] not in _FURNITURE_FIRST:
        return sentence  # most sentences: no stamp, credit or bracket opens them
    stamp = _ENTRY_STAMP.match(text, start, sentence.end)
    if stamp is not None:
        start = stamp.end()
    credit = _PHOTO_CREDIT.match(text, start, sentence.end)
    if credit is not None and (end := photo_credit_end(text, credit)) is not None:
        start = after_space(text, end, sentence.end)
    while (bracketed := _BRACKETED_CREDIT.match(text, start, sentence.end)) is not None:
        start = bracketed.end()
    if start == sentence.start:
        return sentence
    return Span(start, sentence.end) if _WORDY.search(text, start, sentence.end) else None


_WORDY = re.compile(r"\w")
# What a page's furniture before a sentence opens with: a bracket ("(", "-LRB-") or
# "Photograph" (_ENTRY_STAMP, _PHOTO_CREDIT, _BRACKETED_CREDIT), tested before their patterns.
_FURNITURE_FIRST = frozenset("(-P")
# A wire photograph's credits in brackets before its caption ("(AP Photo/Jo Roe) (Jo Roe -
# AP) A ferry leaves the quay ..."), a caption's sentence opening after them.
_BRACKETED_CREDIT = re.compile(
    rf"(?:\(|-LRB-)[ \t]*(?:(?:{_AGENCIES})[ \t]+Photo(?:[ \t]*\\?/[^()\n]{{1,40}}?)?"
    rf"|(?:[A-Z][\w'’.-]*[ \t]+){{1,3}}-[ \t]+(?:{_AGENCIES}))[ \t]*(?:\)|-RRB-)"
    r"[ \t]+(?=[A-Z0-9\"“‘'`(]|-LRB-)"
)


def story_sentence(text: str, sentence: Span, line: Span | None) -> Span | None:
    """What of ``sentence`` belongs to the story: past the story's dateline ``line``
    (``story_dateline(text)``) and the page's furniture (``past_furniture``), or None."""
    story = past_dateline(text, sentence, line)
    if story is not None:
        story = past_furniture(text, story)
    # What is left must hold a word: a stamp's or a credit's last stop is no sentence.
    return story if story is not None and _WORDY.search(text, story.start, story.end) else None


def _glued_dateline(text: str, match: re.Match[str]) -> bool:
    """Whether capitals, a bracket and a dash after a headline's words are a dateline: the
    agency in brackets is there, the story's first sentence opens after the dash, and the
    bracket does not spell out the capitals ("the WHO (World Health Organization) - which
    met ..." is an acronym, its expansion and an aside)."""
    agency = _AGENCY_IN.search(match.group())
    if agency is None or not _STORY_OPENING.match(text, match.end()):
        return False
    inside = agency.group().removeprefix("-LRB-").removesuffix("-RRB-").strip("() ")
    initials = _initials(inside)
    capitals = match.group()[: agency.start()].split()
    return not (len(initials) > 1 and capitals and initials == capitals[-1].strip(",."))


def past_dateline(text: str, sentence: Span, line: Span | None) -> Span | None:
    """``sentence`` without the story's dateline ``line`` (``story_dateline(text)``) and what
    comes before it: None when it is no more than that; its words after the dateline when the
    story's first sentence shares the dateline's line ("OSLO (Wire) - The talks ...")."""
    if line is None or sentence.start >= line.end:
        return sentence
    if sentence.end <= line.end:
        return None
    return Span(after_space(text, line.end, sentence.end), sentence.end)


def paragraphs(text: str) -> list[Span]:
    """Non-blank lines or blocks of the text, trimmed of surrounding white space."""
    # ``_iter_paragraphs(text, 0)``, in one list comprehension (a generator's step for each
    # paragraph cost a quarter of the time of a text of short lines).
    return [Span(match.start(), match.end()) for match in _PARAGRAPH.finditer(text)]


def _iter_paragraphs(text: str, start: int) -> Iterator[Span]:
    r"""The paragraphs of ``text[start:]`` (as spans of ``text``), found as they are asked for.

    First written as the pieces between breaks (``\n[ \t\r\f\v]*\n\s*|\n``), trimmed, the
    non-empty ones kept: as a break is made of white space only and takes every line break,
    those are the lines' runs from their first to their last character that is not white
    space (``\s`` and ``str.isspace`` are the same test), which one pattern finds without a
    piece, a trim and a call per line (a text of short lines has one every few characters).
    """
    for match in _PARAGRAPH.finditer(text, start):
        yield Span(match.start(), match.end())


def sentences(
    text: str, start: int = 0, end: int | None = None, blocks: list[Span] | None = None
) -> list[Span]:
    """Sentences of ``text[start:end]``, paragraph by paragraph, as trimmed spans of ``text``.

    ``blocks`` are the paragraphs of ``text[start:end]`` when the caller has them already
    (``paragraphs()`` of it): a long document is split into paragraphs once, not per use."""
    end = len(text) if end is None else end
    result: list[Span] = []
    for paragraph in paragraphs(text[start:end]) if blocks is None else blocks:
        p_start, p_end = start + paragraph.start, start + paragraph.end
        position = p_start
        for match in _SENTENCE_END.finditer(text, p_start, p_end):
            if match.end() >= p_end or is_abbreviation(text, match.start(), match.group()):
                continue
            # The first character after the white space (not a copy of the paragraph's rest).
            following = after_space(text, match.end(), p_end)
            if following < p_end and not (
                text[following].isupper() or text[following] in "\"“‘'(0123456789"
            ):
                continue
            span = _trim(text, position, match.end())
            if span:
                result.append(span)
            position = match.end()
        if position == p_start:
            # One sentence: the paragraph itself, trimmed already (a text of short lines has
            # a paragraph every few characters; no trim and no new span for each).
            result.append(paragraph if start == 0 else Span(p_start, p_end))
            continue
        span = _trim(text, position, p_end)
        if span:
            result.append(span)
    return result


def after_space(text: str, start: int, end: int) -> int:
    """The first position at or after ``start`` (before ``end``) that is not white space."""
    found = _SPACE.match(text, start, end)  # always matches (``\s*``); the check is for mypy
    return found.end() if found else start


def sentence_start(text: str, position: int, window: int = 200) -> int:
    """Where the sentence holding ``text[position]`` starts, looked for in the ``window``
    characters before it (a rule reads the words before a date, never the whole document).

    The same boundaries as :func:`sentences`: a line break, or closing punctuation that is not
    an abbreviation's full stop, followed by white space and a capital, a digit or a quote,
    or by ``position`` itself (a sentence may end right before the date: "...clinic. Now, ...").
    """
    low = max(0, position - window)
    cut = low
    for match in _SENTENCE_END.finditer(text, low, min(len(text), position + 1)):
        if match.end() > position or is_abbreviation(text, match.start(), match.group()):
            continue
        following = after_space(text, match.end(), position)
        if following == match.end():
            continue
        if following < position and not (
            text[following].isupper() or text[following] in "\"“‘'(0123456789"
        ):
            continue
        cut = max(cut, following)
    newline = _line_break_before(text, low, position)
    if newline >= 0:
        cut = max(cut, after_space(text, newline + 1, position))
    return cut


def _line_break_before(text: str, low: int, position: int) -> int:
    """The last line break in ``text[low:position]`` that ends a line (not a ticker's), or -1."""
    newline = text.rfind("\n", low, position)
    while newline >= 0 and _TICKER_BREAK_RE.match(text, newline):
        newline = text.rfind("\n", low, newline)
    return newline


# What may follow a sentence's end after white space: a capital, a digit, a quote, a bracket.
_SENTENCE_OPENERS = "\"“‘'(0123456789"
_CLOSING = ".!?…"  # the characters a _SENTENCE_END match starts with


class _SentenceEnds(NamedTuple):
    """A text's sentence ends, in order (see SentenceStarts._index)."""

    starts: list[int]
    ends: list[int]
    following: list[int]  # the first character after each that is not white space
    abbreviation: list[bool]  # whether it is an abbreviation's full stop
    last_good: list[int]  # the last end up to each that closes a sentence (-1: none)


class SentenceStarts:
    """:func:`sentence_start` of one text for many positions (every date candidate asks).

    Each call of :func:`sentence_start` scans its window of 200 characters again and asks
    :func:`is_abbreviation` about every full stop in it; the date tagger asks for thousands
    of positions, a few per sentence. Here the text's sentence ends are found once, in one
    scan, and a position's start is found by bisection, with the same answers (the window
    is honoured, including a run of closing punctuation that the window's start cuts in
    two). The scan of the whole text is made only once the windows asked about add up to a
    quarter of the text's length: a long text with one date costs one window, as before.
    (Indexing 200 characters costs about what one window does; 500 KB of news prose asks
    about a window every 50 characters: 37 ms indexed and looked up, 167 ms in windows.)
    """

    __slots__ = ("_asked", "_table", "text", "window")

    def __init__(self, text: str, window: int = 200) -> None:
        self.text = text
        self.window = window
        self._asked = 0  # characters of windows scanned so far, before the index is built
        # The index, once built, in one attribute: set in one step, so that a thread reading
        # it never sees half of it.
        self._table: _SentenceEnds | None = None

    def start(self, position: int) -> int:
        """``sentence_start(text, position, window)``."""
        table = self._table
        if table is None:
            self._asked += self.window
            if 4 * self._asked <= len(self.text):
                return sentence_start(self.text, position, self.window)
            table = self._table = self._index()
        return self._start(table, position)

    def _index(self) -> _SentenceEnds:
        """Every sentence end of the text (a match of _SENTENCE_END, as a scan from the start
        finds them), what follows it and whether it may close a sentence."""
        text, n = self.text, len(self.text)
        starts: list[int] = []
        ends: list[int] = []
        following: list[int] = []
        abbreviation: list[bool] = []
        last_good: list[int] = []
        good = -1
        for match in _SENTENCE_END.finditer(text):
            start, end = match.span()
            after = after_space(text, end, n)
            abbreviated = is_abbreviation(text, start, match.group())
            if not abbreviated and after < n and _opens_sentence(text[after]):
                good = len(starts)
            starts.append(start)
            ends.append(end)
            following.append(after)
            abbreviation.append(abbreviated)
            last_good.append(good)  # the last end up to here that closes a sentence
        return _SentenceEnds(starts, ends, following, abbreviation, last_good)

    def _start(self, table: _SentenceEnds, position: int) -> int:
        text = self.text
        low = max(0, position - self.window)
        starts, ends, following = table.starts, table.ends, table.following
        # The last sentence end before ``position`` (one ending right at it is passed over:
        # no white space comes between them).
        last = bisect_right(ends, position) - 1
        if last >= 0 and ends[last] == position:
            last -= 1
        found = -1  # where the last sentence closing in the window is followed
        earlier = last
        if last >= 0 and following[last] >= position:
            # Only white space between it and the position: any character may follow.
            if starts[last] >= low and not table.abbreviation[last]:
                found = position
            earlier = last - 1
        if found < 0 and earlier >= 0:
            good = table.last_good[earlier]
            if good >= 0 and starts[good] >= low:
                found = following[good]
        if found < 0 and low > 0:
            found = self._cut_at_window(table, low, position)
        cut = max(low, found)
        newline = _line_break_before(text, low, position)
        if newline >= 0:
            cut = max(cut, after_space(text, newline + 1, position))
        return cut

    def _cut_at_window(self, table: _SentenceEnds, low: int, position: int) -> int:
        """A sentence end that the window's start cuts in two: scanned from ``low``, only its
        part from ``low`` on is seen (a shorter run of punctuation, which may read as an
        abbreviation's full stop where the whole did not). Where it is followed if that part
        closes a sentence, else -1."""
        text = self.text
        index = bisect_right(table.ends, low)  # the first end after ``low``
        if index >= len(table.ends) or table.starts[index] >= low or text[low] not in _CLOSING:
            return -1
        end = table.ends[index]
        if end >= position or is_abbreviation(text, low, text[low:end]):
            return -1
        after = table.following[index]
        if after >= position:
            return position
        return after if _opens_sentence(text[after]) else -1


def _opens_sentence(character: str) -> bool:
    return character.isupper() or character in _SENTENCE_OPENERS


# A key read in C by bisect (a Python function was called at every step of every search).
_span_end = attrgetter("end")


def list_continuation(text: str, end: int, blocks: list[Span] | None = None) -> int:
    """Where a sentence ending in ":" really ends: after the list items that follow it.

    "Latest from @FBI August 28-29:" introduces "-38 arrests ..." lines; they belong to the
    same statement, so its excerpt runs to the end of the last item. ``blocks`` are the
    text's paragraphs when the caller has them already.
    """
    last = end
    while last > 0 and text[last - 1].isspace():
        last -= 1
    if last == 0 or text[last - 1] != ":":
        return end
    # Paragraphs are read one at a time and only while they are list items, so the cost is
    # that of the list, not of the rest of the document.
    new_end = end
    if blocks is None:
        for paragraph in _iter_paragraphs(text, end):
            if not _is_list_item(text, paragraph):
                break
            new_end = paragraph.end
        return new_end
    # The same paragraphs read from the text's paragraphs (found once) instead of splitting
    # the rest of the text again: the rest of the paragraph holding ``end``, then the ones
    # after it. (A paragraph break is white space only, so a break never straddles a
    # sentence's end: both splits agree after ``end``.) By index, without a generator: this
    # runs for every sentence that ends in ":".
    index = bisect_right(blocks, end, key=_span_end)  # the first paragraph ending after it
    if index < len(blocks) and blocks[index].start < end:
        rest = _trim(text, end, blocks[index].end)
        if rest:
            if not _is_list_item(text, rest):
                return new_end
            new_end = rest.end
        index += 1
    while index < len(blocks) and _is_list_item(text, blocks[index]):
        new_end = blocks[index].end
        index += 1
    return new_end


def _is_list_item(text: str, paragraph: Span) -> bool:
    """Whether a paragraph is one item of a list ("- 38 arrests"): read in place, not copied
    (a paragraph is trimmed: no white space to strip)."""
    return bool(_LIST_ITEM.match(text, paragraph.start, paragraph.end)) and (
        text.find("\n", paragraph.start, paragraph.end) == -1
    )


# A reader's comment below a web page's story is signed with the day and time it was posted and
# the page's links to answer or report it ("March 5, 2011 at 6:15 am | Report abuse | Reply";
# "March 8, 2011 at 6:20 pm | Reply" is how WordPress signs one by default). A stamp without
# those links is not enough: a blog post's header ("Posted on March 5, 2011 at 6:15 pm | Filed
# under News") and a live blog's updates are signed the same way.
# The time a comment was posted, after its day: "at 6:15 pm", "at 9:03 AM".
_POSTED_AT = r"at \d{1,2}:\d{2} ?(?:[ap]\.?m\.?|[AP]\.?M\.?)[ \t]*"
_COMMENT_TIME = re.compile(rf"{_POSTED_AT}(?:\|[ \t]*)?(?:Reply|Report abuse)\b")
_COMMENT_DAY_BEFORE = re.compile(rf"\b{_MONTH_NAME} \d{{1,2}} ?, \d{{4}} $")
# A thread whose page prints no such links still signs every comment with its day, its time
# and a bar at the start of its line ("March 8, 2011 at 5:41 pm | The ferry people have to
# ..."); a story may quote a few messages so stamped, a thread has many.
_STAMP_TIME = re.compile(rf"{_POSTED_AT}\|")
_LINE_START_BEFORE = re.compile(r"(?:^|\n)[ \t]*$")
_THREAD_STAMPS = 10
# A blog's comments open with their time, day and writer's user name, each at the start of its
# line ("At 18:55 29th Apr 2009, ferryfan99 wrote:", "At 1:28 pm on 10 Jun 2010,
# HarbourWatcher wrote:"); a story may quote one such line, a thread has more.
_WROTE = re.compile(
    r"(?m:^)[ \t]*At \d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?[ \t]+(?:on[ \t]+)?"
    r"\d{1,2}(?:st|nd|rd|th)?[ \t]+"
    rf"{_MONTH_OR_ABBREVIATION}\.?[ \t]+\d{{4}}"
    r"[ \t]*,[ \t]*[^\s,]{1,40}[ \t]+wrote[ \t]*:"
)
_THREAD_SIGNATURES = 2


def reader_comments(text: str) -> int:
    """Where the readers' comments below the story of a web page begin: the start of the
    sentence that holds the first comment's signature; ``len(text)`` when the text has none. A
    comment is a reader's opinion, written when the reader wrote it: no event, no actor of the
    story. (The first comment's words before its signature cannot be told from the story's end
    and are left to it.) Without the links, it takes a thread of stamps to say so."""
    # Found from the time (a literal "at " the engine skips to), then the day before it: a
    # pattern opening with the months' alternation was tried at every character.
    for time in _COMMENT_TIME.finditer(text):
        day = _COMMENT_DAY_BEFORE.search(text, max(0, time.start() - 24), time.start())
        if day is not None:
            return sentence_start(text, day.start())
    signatures = [m.start() for m in islice(_WROTE.finditer(text), _THREAD_SIGNATURES)]
    if len(signatures) == _THREAD_SIGNATURES:
        return sentence_start(text, signatures[0])
    stamps: list[int] = []
    for time in _STAMP_TIME.finditer(text):
        day = _COMMENT_DAY_BEFORE.search(text, max(0, time.start() - 24), time.start())
        if day is not None and _LINE_START_BEFORE.search(
            text, max(0, day.start() - 40), day.start()
        ):
            stamps.append(day.start())
            if len(stamps) == _THREAD_STAMPS:
                return sentence_start(text, stamps[0])
    return len(text)


def posts(text: str, blocks: list[Span] | None = None) -> list[Post]:
    """Embedded posts: each signature, with the paragraphs before it that read like the post.

    The post starts at the signature's own paragraph and takes in the paragraphs before it
    while they look like post text (a handle, an emoji or symbol, a list item, or a short line
    with no closing punctuation); ordinary article prose ends the walk. ``blocks`` are the
    text's paragraphs when the caller has them already.
    """
    found: list[Post] = []
    if "(@" not in text:
        # Every signature has its handle in brackets: without one, no signature, and no
        # pattern tried at every dash of the text (a hyphen starts a long, lazy look-ahead).
        return found
    blocks = paragraphs(text) if blocks is None else blocks
    block_ends = [block.end for block in blocks]
    for match in SIGNATURE.finditer(text):
        # The first block ending at or after the signature (found by bisection: a document of
        # many posts must not scan its blocks once per post).
        index = bisect_right(block_ends, match.end() - 1)
        start = blocks[index].start
        # Back over the blocks before it; the walk stops at the previous post, so every block
        # is walked over at most once in all.
        for block_index in range(index - 1, -1, -1):
            block = blocks[block_index]
            if found and block.start < found[-1].end:
                break
            if not _looks_like_post_text(text[block.start : block.end]):
                break
            start = block.start
        if start == match.start() and index > 0:
            # A signature alone on its line: the post is the paragraph just before it.
            start = blocks[index - 1].start
        author = match.group("author").strip()
        found.append(
            Post(
                start=start,
                end=match.end(),
                signature_start=match.start(),
                author=author,
                author_start=match.start("author"),
                handle="@" + match.group("handle"),
                date_start=match.start("date"),
                date_end=match.end("date"),
            )
        )
    return found


def _looks_like_post_text(block: str) -> bool:
    if _HANDLE.search(block) or _SYMBOL.search(block) or _LIST_ITEM.match(block):
        return True
    return len(block) <= 80 and block[-1] not in '.!?"”’'


# "a.m." and "p.m." end a sentence often ("... at 5 p.m. The mayor ..."), but not before the
# time zone of their time ("8:29 p.m. ET", "10:29 p.m. local"), its conversion in brackets
# ("10:30 a.m. (1430 GMT)") or its day, as news agencies write the day after the hour ("at 1
# p.m. Sunday"; "Saturday's game" opens a sentence).
_CLOCK_MARKS = frozenset({"a.m", "p.m"})
_ZONE_AFTER_CLOCK = re.compile(
    rf"[ \t]+(?:(?:{TIMEZONE_RE}|local)(?!\w)|{_WEEKDAY_NAME}(?![\w'’])"
    r"|\((?:\d{3,4}|\d{1,2}[:.]\d{2})(?!\d))"
)
# A dotted acronym or a run of initials ("U.S.", "U.N.", "J.R.R."; read lower-cased without
# its last full stop) before a capitalised word is most often part of a name ("the U.S. Coast
# Guard", "U.N. Secretary-General Ana Lopez", "U.S. President Jane Roe" at a sentence's
# start): it ends the sentence only before a word that opens sentences ("... to the U.S. The
# company said"). After a place's name it is the place's state or district ("Washington D.C.",
# "Buffalo, N.Y."), which ends a sentence before any capital, as every other word does.
# Tokenised corpora write a sentence's last full stop apart ("the U.S. ."): there the
# acronym's never ends one, and a stop or a comma set apart after a word before it says the
# text is so (not a spaced ellipsis, ". . .", nor a score, "2 : 1").
_DOTTED_ACRONYM = re.compile(r"(?:[a-z]\.)+[a-z]")
_NAME_AFTER_ACRONYM = re.compile(
    rf"[ \t]+(?!(?:{SENTENCE_OPENER_RE}|{OPENING_PREPOSITION_RE})\b)[A-Z]"
)
_TOKENISED = re.compile(r"(?:[^\W\d_]|[A-Z]\.) (?:[,;:]|\.(?! \.)) ")
# How far before an acronym the text is read for the marks of tokenised text.
_TOKENISED_WINDOW = 200
_PLACE_BEFORE_ACRONYM = re.compile(rf"(?<![\w.'’-])(?!{SENTENCE_OPENER_RE}\b)[A-Z][a-z]+,?[ \t]+$")


# A ticker's bracket opened before its full stop, and its exchange's letters closing it after.
_TICKER_OPENED = re.compile(r"(?:\(|-LRB-)[ \t]?[A-Z]{1,5}[ \t]?$")
_TICKER_CLOSED = re.compile(rf"\s{{1,3}}{_TICKER_EXCHANGE}")


def is_abbreviation(text: str, dot: int, punctuation: str = ".") -> bool:
    """Whether the full stop at ``text[dot]`` follows an abbreviation or an initial, so it does
    not end the sentence (the one rule for every sentence boundary of the analysis)."""
    if punctuation != ".":
        return False
    if _TICKER_OPENED.search(text, max(0, dot - 16), dot) and _TICKER_CLOSED.match(text, dot + 1):
        # A stock's ticker in brackets with its exchange after the stop ("(NRV.L)"), split by a
        # tokeniser ("-LRB- NRV . \nL -RRB-"): no sentence ends inside a bracket.
        return True
    # The word is what ``([\w.]+)$`` finds searching the window, read here backwards: the run
    # of word characters and full stops that ends the window (or ends right before a line
    # break closing it, where "$" matches too). Searching forwards tried every start in the
    # window, and this runs at every full stop of the text.
    window = text[max(0, dot - _WORD_WINDOW) : dot]
    run_end = dot
    if window.endswith("\n"):
        window = window[:-1]
        run_end -= 1
    match = _RUN.match(window[::-1])
    if not match:
        return False
    word = match.group()[::-1].lower().rstrip(".")
    if word in _CLOCK_MARKS:
        # "at 8:29 p.m. ET, 10:29 p.m. local": a time zone after the clock mark goes with it.
        return _ZONE_AFTER_CLOCK.match(text, dot + 1) is not None
    if _DOTTED_ACRONYM.fullmatch(word):
        begin = run_end - len(match.group())
        if _TOKENISED.search(text, max(0, begin - _TOKENISED_WINDOW), begin):
            return True
        if _PLACE_BEFORE_ACRONYM.search(text, max(0, begin - _WORD_WINDOW), begin):
            return False
        return _NAME_AFTER_ACRONYM.match(text, dot + 1) is not None
    # Single initials ("J. Smith") and known abbreviations ("Aug.", "Mr.") do not end sentences.
    return (len(word) == 1 and word.isalpha()) or word in ABBREVIATIONS


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if start < end else None
