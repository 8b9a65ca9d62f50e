"""What a name is: cleaning a run of words into a person's or an organization's name, and the
tests the rules ask of a name (is it a place, a nationality, an organization, a given name)."""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from events.analysis.actors.keys import ORGANIZATION, PERSON, name_key
from events.analysis.actors.patterns import (
    _AUXILIARIES,
    _CAPITALIZED_BEFORE,
    _COMPLETE_HEADS,
    _DOTTED_START,
    _GROUP_NOUNS,
    _HONORIFIC_RE,
    _INITIAL,
    _IRREGULAR_DEMONYMS,
    _JOINTS,
    _LAW_TAILS,
    _LEADING_WORD,
    _LEGAL_SUFFIX_RE,
    _LONE_WORD,
    _LOWER_WORD,
    _MONTHS_NO_NAME,
    _MONTHS_UNDOTTED,
    _NEVER_ORGANIZATIONS,
    _NEVER_SURNAMES,
    _NOT_ACTORS,
    _NOT_NAMES,
    _NUMBER_WORDS,
    _OCCUPATION_WORD,
    _ORG_HEAD_RE,
    _PLACE_AFTER,
    _PLACE_HEADS,
    _PLACE_PREPOSITION,
    _PLACE_TAILS,
    _STANDING,
    _STATE_TITLE,
    _TITLE_RE,
    _TRAILING_MODIFIER,
    _TRAILING_PORTFOLIO,
)
from events.analysis.actors.wordlists import (
    _city_names,
    _country_names,
    _phrases,
    _region_names,
    group_nouns,
    is_given_name,
)
from events.analysis.date_lexicon import (
    MONTH_FULL_NAMES,
    NEWSPAPER_AFTER_RE,
    OPENING_PREPOSITIONS,
    WEEKDAY_FULL_NAMES,
)

# Words that end no organization's name, in one set built once (a tuple of them built at each
# test took two fifths of _clean_org's own time).
_NOT_ORG_ENDS = _NOT_NAMES | _MONTHS_UNDOTTED | _JOINTS | _AUXILIARIES


# After initials or "Wire" only: "the General Staff" is a body of its own.
_STAFF_TAIL = re.compile(
    r"(?:(?<=\b[A-Z]{2})|(?<=\b[A-Z]{3})|(?<=\b[A-Z]{4}))(?:\s+Wire)?\s+Staff$|\s+Wire\s+Staff$"
)
# "The" inside a run of capitals, not after a word that joins a name's parts ("Museum of The
# Moving Image", "Church of The Nazarene").
_THE_OPENS = re.compile(r"(?<!\bof)(?<!\bfor)(?<!\bon)(?<!\band)(?<!&)(?<!\bto)(?<!\bin)\s+The\s+")


# Room for every run of capitals of a long document: a 2 MB text of distinct names asks about
# some 57,000, each several times (by several rules); at 16,384 they were dropped before they
# were asked again. Dropped when the document is done (finder._forget), as the others are.
_RUNS_KEPT = 1 << 16


# A weekday and a newspaper's head word: a newspaper named by its day of publication (the
# English lexicon's, which the date rules read so as not to take its day for a date).
_DAYS_PAPER = re.compile(rf"(?:{'|'.join(WEEKDAY_FULL_NAMES)}) (?:{NEWSPAPER_AFTER_RE})")


@lru_cache(maxsize=_RUNS_KEPT)
def _clean_org(raw: str, cut_of: bool = True) -> tuple[str, int]:
    """An organization's name from a run of capitalized words, and its offset in the run: no
    leading article or sentence word ("The", "On"), no trailing possessive, no title word after
    it ("Acme Chief Executive" is "Acme")."""
    words = raw.split()
    start = 0
    while (
        words
        and (
            # A newspaper named by its day keeps it: "the Sunday Times", "the Sunday Times of
            # London" (first in its run or after "The": "On Sunday Post office workers ..." is a
            # date).
            words[0] in _AUXILIARIES
            # A web page's pull quote: "End Quote Human Rights Watch report".
            or (words[0] == "Quote" and raw[:start].strip() in ("Start", "End"))
            or (words[0] in ("Start", "End") and words[1:2] == ["Quote"])
            or (
                words[0] in _NOT_NAMES
                and not (
                    _DAYS_PAPER.fullmatch(" ".join(words[:2]))
                    and raw[:start].strip() in ("", "The", "the")
                    # the paper's word ends the name ("Sunday Times Square" is a square)
                    and (len(words) == 2 or words[2] == "of")
                )
            )
            or (len(words[0]) == 2 and words[0][1] == ".")  # "S." of U.S.
            or words[0].lower() in _STANDING  # "Retired Navy admiral ..."
            or (words[0] in _NUMBER_WORDS and len(words) != 2)  # not "Six Flags"
        )
    ):
        start = raw.index(words[0], start) + len(words[0])
        words.pop(0)
    if not words:
        return "", 0
    offset = raw.index(words[0], start)
    name = " ".join(words)
    if " The " in name and (
        opener := [m for m in _THE_OPENS.finditer(raw.rstrip(), offset) if m.end() < len(raw)]
    ):
        # "8:45 PM The Interior Department", "Photograph : ... /AP The White House": "The"
        # inside a run of capitals opens a new sentence (or a name of its own); what comes
        # before it is no part of this name (but "Museum of The Moving Image" is one name).
        offset = opener[-1].end()
        name = " ".join(raw[offset:].split())
    # "Shares of General Motors": before "of" stands the organization's head ("Bank of
    # England", "Department of Trade") or nothing of it.
    before, of, after = name.partition(" of ")
    if (
        cut_of
        and of
        and not any(_ORG_HEAD_RE.fullmatch(w) for w in before.split())
        and not re.fullmatch(r"(?:City|State|County|Republic|Kingdom|Province)", before)
    ):
        after = after.removeprefix("the ")
        # Found in the raw run, whose white space may be a line break or several spaces.
        of_found = re.search(r"\sof\s+(?:the\s+)?", raw[offset:])
        assert of_found is not None  # the name holds " of ", so its run does
        offset += of_found.end()
        name = after
    elif of and _LEGAL_SUFFIX_RE.fullmatch(before.split()[-1]):
        name = before  # "Acme Holdings PLC of Austin": where it is, not its name
    # "Volume on the New York Stock Exchange", "New York for the Peru Tourist Office": before
    # "on" or "for" stands the organization's head ("Committee on Trade", "Center for Disease
    # Control") or no part of its name.
    before, joint, after = name.partition(" on " if " on " in name else " for ")
    if joint and not any(_is_org_head(w) for w in before.split()) and _looks_like_org(after):
        head = re.search(r"\s(?:on|for)\s+(?:the\s+)?", raw[offset:])
        if head is not None:
            offset += head.end()
            name = after.removeprefix("the ")
    name = _cut_at_title(name)
    # A byline's "By the CNN Wire Staff", "the AP Staff": the organization's staff, named by
    # the organization (not "Joint Chiefs of Staff", "the General Staff").
    name = _STAFF_TAIL.sub("", name)
    if name.endswith(" Headquarters") and _looks_like_org(name[: -len(" Headquarters")]):
        # "the Harlow Society Headquarters": the body's building, named by the body.
        name = name[: -len(" Headquarters")]
    while name.split() and (
        name.split()[-1] in _NOT_ORG_ENDS
        or (name.split()[-1] in _NUMBER_WORDS and " of " not in name)  # "Group of Eight"
    ):
        name = name.rsplit(" ", 1)[0] if " " in name else ""
    if name.split() and _LEGAL_SUFFIX_RE.fullmatch(name.split()[0]):
        return "", 0  # "PLC" alone, or a suffix left after a cut
    if name in _NEVER_ORGANIZATIONS:
        return "", 0  # "11:47 PM The company ...": a clock's "PM", a zone, "US"
    return (name, offset) if raw[offset : offset + len(name)] == name else ("", 0)


@lru_cache(maxsize=_RUNS_KEPT)
def _clean_person(raw: str) -> tuple[str, int]:
    """A person's name from a run: no leading sentence word, title or honorific ("District
    Attorney Jane Doe" is "Jane Doe"), no trailing weekday."""
    text = raw
    offset = 0
    while True:
        head = _LEADING_WORD.match(text)
        if not head:
            break
        word = head.group().strip()
        if (
            word in _NOT_NAMES
            # "Like Nick Corran, ...": a preposition opening the sentence, before a full name
            or (word in OPENING_PREPOSITIONS and len(text[head.end() :].split()) >= 2)
            or _HONORIFIC_RE.fullmatch(word)
            or (_TITLE_RE.fullmatch(word) and len(text[head.end() :].split()) >= 1)
            # An organization's acronym before a title: "WHO Director-General ...".
            or (word.isupper() and _TITLE_RE.match(text, head.end()))
            or (word in _NOT_ACTORS and text[head.end() :].startswith("By "))  # "JST By ..."
            or word.lower() in group_nouns()  # "fellow Republicans David Vetter"
            # "Oceanographer Simon Boxley", "biologist ...": a trade's word, by its ending
            or (_OCCUPATION_WORD.fullmatch(word) and len(text[head.end() :].split()) >= 2)
        ):
            offset += head.end()
            text = text[head.end() :]
        else:
            break
    words = text.split()
    for index in range(len(words) - 3, 0, -1):
        if _TITLE_RE.fullmatch(words[index]) and not _TITLE_RE.fullmatch(words[index + 1]):
            # "Florida Governor Charlie Cristo": the words up to the title are the title's
            cut = [word.start() for word in re.finditer(r"\S+", text)][index + 1]
            offset += cut
            text = text[cut:]
            words = text.split()
            break
    while words and words[-1] in ("MP", "MEP", "QC"):
        words.pop()  # "Ed Miliband MP": a member's letters, not a name
    while words and (
        words[-1] in _NOT_NAMES
        or words[-1] in _MONTHS_NO_NAME
        # "Nan Walden Oceanographer If ...": a caption's name, role and next sentence run
        # together (a trade's word ends no name; titles may: "Martin Luther King")
        or (len(words) > 2 and _OCCUPATION_WORD.fullmatch(words[-1]))
    ):
        if len(words) == 2 and words[-1] in MONTH_FULL_NAMES and _is_given_name(words[0]):
            # "Theresa May", "Ellen August": a month's name after a given name is a surname
            # (a date in a run of capitals follows a weekday or a name of more words).
            break
        words.pop()
    name = " ".join(words)
    if not name or not _is_person_name(name) or raw[offset : offset + len(name)] != name:
        return "", 0
    if _TITLE_RE.fullmatch(name.rstrip(".")):
        return "", 0  # "Vice Adm." before "Bill Gortney": a title, whoever bears it
    return name, offset


@lru_cache(maxsize=_RUNS_KEPT)
def _looks_like_org(name: str) -> bool:
    """A name built as an organization's: a head word ("... Department", "... Motors",
    "University of ..."), a legal suffix, or "&"."""
    words = name.split()
    if len(words) < 2:
        return False  # "Computer", "Reserve" alone: a head word needs a name before it
    if _TITLE_RE.fullmatch(name):
        return False  # "Research Fellow", "Managing Director": a title, whatever its words
    if "&" in words or _LEGAL_SUFFIX_RE.fullmatch(words[-1].rstrip(",")):
        return len(words) > 1
    if words[-1] in _NEVER_SURNAMES:
        return True  # "Lawrence Group", "Benjamin Franklin Federal Savings"
    if _is_given_name(name) and len(words) <= 3 and " of " not in name:
        # "Samantha Power", "Jane Mills": a surname may be a common word. A head after a full
        # name is an institution named after a person ("Harry Truman Library"), unless the
        # middle word is a given name too ("Mary Ellen Mills").
        return (
            len(words) == 3
            and _is_org_head(words[-1])
            and not _is_given_name(words[1])
            and not _INITIAL.fullmatch(words[1])
        )
    before_of, of, after_of = name.partition(" of ")
    if words[-1] in _LAW_TAILS and not (
        words[-1] == "Law"
        and not _is_place(words[-2])  # "the Bank of Israel Law" is a law
        and of
        and any(_is_org_head(word) for word in before_of.split())
        and len(before_of.split()) + len(after_of.split()) > 2
    ):
        # "the Freedom of Access to Clinic Entrances Act" is a law, and so is "the Bank of
        # Varnia Act"; "the Society of Maritime Law", "Harlow School of Law" are bodies
        # (the field they study after a head and "of"; "a Court of Law" is any court).
        return False
    return any(_is_org_head(word) for word in words)


def _is_org_head(word: str) -> bool:
    """A head word, or its plural ("Unions", "Associations")."""
    return bool(_ORG_HEAD_RE.fullmatch(word) or _ORG_HEAD_RE.fullmatch(word.removesuffix("s")))


# A government body's head, "of" and two portfolios: "Department of Trade and Industry".
_PORTFOLIO_AND = re.compile(
    r"\b(?:Department|Ministry|Secretary|Office|Bureau|Commission|Committee)\s+of"
    r"(?:\s+the)?\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+and\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?$"
)


# What a government department is in charge of, the words after its "and".
_DEPARTMENT_PORTFOLIOS = _phrases("department_portfolios.txt")


def _org_parts(start: int, run: str, split: bool = False) -> list[tuple[int, str]]:
    """A run of capitalized words as one organization's name or several, with their offsets:
    "Securities and Exchange Commission" and "Department of Trade and Industry" are one,
    "General Electric and Boeing" two (an "and" joins one name when the run ends with a head
    word or follows an "of"; with ``split``, as in a list, it never does)."""
    head, joined, _ = run.partition(" and ")
    if not joined:
        return [(start, run)]  # most runs: no "and", one name (tested before the head word)
    joins = (" of ", " for ", " on ")  # "Centers for Disease Control and Prevention"
    one = any(j in head for j in joins) or _is_org_head(run.split()[-1])
    if not split and one and not _two_names(run):
        return [(start, run)]
    second = run.rpartition(" and ")[2].split()
    if (
        split
        and _PORTFOLIO_AND.search(run)
        and all(word.lower() in _DEPARTMENT_PORTFOLIOS for word in second)
    ):
        # Even in a list, a department's portfolio of two is one name ("the Department of
        # Parks and Wildlife"; not "Bank of Varnia and Kelmar").
        return [(start, run)]
    parts, at = [], 0
    for part in run.split(" and "):
        at = run.index(part, at)
        parts.append((start + at, part))
        at += len(part)
    return parts


def _two_names(run: str, second_any: bool = False) -> bool:
    """Whether an "and" joins two names ("Human Rights Watch and Amnesty International",
    "Rocham Holding AG and Galen Sciences Inc"): the first an organization's complete in itself,
    not one an "and" goes on ("Savings and Loan", "Energy and Commerce Committee"); the second
    built as an organization's too, unless ``second_any`` ("Kidney Wales Foundation and Glyn
    Davies": a person)."""
    head, joined, _ = run.partition(" and ")
    if not joined:
        return False
    first = _clean_org(head)[0]
    last = first.split()[-1] if first else ""
    return (
        " " in first
        and (last in _COMPLETE_HEADS or _LEGAL_SUFFIX_RE.fullmatch(last) is not None)
        and _looks_like_org(first)
        and (second_any or _looks_like_org(run.rpartition(" and ")[2]))
    )


@dataclass(frozen=True, slots=True)
class DocumentWords:
    lower: frozenset[str]  # every word written in lower case
    places: frozenset[str]  # capitalized words after "in", "near", "across"... (places)


def _document_words(text: str) -> DocumentWords:
    return DocumentWords(
        frozenset(_LOWER_WORD.findall(text)),
        frozenset(match["word"] for match in _PLACE_AFTER.finditer(text)),
    )


def _looks_like_demonym(word: str) -> bool:
    """Whether one capitalized word reads as a nationality or its plural ("Kenyan leader",
    "Britons told reporters")."""
    singular = word.removesuffix("s") if word.endswith(("ans", "ons")) else word
    return (
        " " not in word
        and word[:1].isupper()
        and (singular.endswith(("an", "on", "ese", "ish")) or singular in _IRREGULAR_DEMONYMS)
    )


def _is_nationality(word: str) -> bool:
    """Whether one capitalized word is a nationality: a demonym's ending on the stem of a
    country's name ("Kenyan", "German", "Iraqi") or an irregular one, not any name that ends
    like one ("Transvik", "Haldane")."""
    if " " in word:
        return False
    if word in _IRREGULAR_DEMONYMS or word.removesuffix("s") in _IRREGULAR_DEMONYMS:
        return True
    if word.removesuffix("s").endswith(("ian", "ese", "ish")):
        return True  # endings only a nationality has, of a country or a people not listed
    lowered = word.lower().removesuffix("s")
    for ending in ("ean", "an", "n", "i", "ic"):  # ("ian", "ese", "ish": above)
        stem = lowered.removesuffix(ending)
        if stem != lowered and len(stem) >= 3 and stem[:4] in _country_word_prefixes():
            return True
    return False


@cache
def _country_word_prefixes() -> frozenset[str]:
    """The first four letters of every word of the countries' names."""
    names = _country_names()
    return frozenset(word[:4] for name in names for word in name.split() if len(word) > 3)


def _speaks_as_organization(word: str, words: DocumentWords) -> bool:
    """Whether a single name that speaks with no person to refer to names an organization:
    not a common word, a group of people, a place or a given name ("Louisiana said it could":
    a state speaks for its government, and a place is no actor)."""
    return (
        len(word) > 2
        and not _is_place(word)
        and word not in _GROUP_NOUNS
        and not (word.endswith(("ans", "ons", "ese")) and _looks_like_demonym(word))
        and word.lower() not in words.lower
        and word not in words.places
        and word not in _city_names()
        and not _is_given_name(word)
    )


def _echoed_surnames(text: str, surnames: set[str]) -> set[str]:
    """Those of ``surnames`` that stand alone in ``text`` as a surname does: not at a sentence
    start, not beside another capitalized word, not after a preposition of place."""
    echoed = set()
    for match in _lone_words(text, surnames - _NOT_NAMES):
        word = match["word"]
        if word in echoed:
            continue
        if _sentence_start(text, match.start("word")):
            continue
        before = max(0, match.start("word") - 40)
        previous = _CAPITALIZED_BEFORE.search(text, before, match.start("word"))
        if previous and previous.group().split()[-1].rstrip(",") not in _NOT_NAMES:  # "And Marsh"
            continue
        if _PLACE_PREPOSITION.search(text, before, match.start("word")):
            continue
        echoed.add(word)
    return echoed


_FIND_EACH_AT_MOST = 32  # see _lone_words


def _lone_words(text: str, words: set[str]) -> Iterator[re.Match[str]]:
    """The matches of ``_LONE_WORD`` that are one of ``words``, found where each is written
    instead of by a scan of every capitalized word (a lone word's matches never overlap: each
    starts where no letter, apostrophe or hyphen comes before it, and none is inside one).
    Many words (a long text names hundreds of people) are found in one scan instead: a search
    for each would read the text once per word."""
    if len(words) > _FIND_EACH_AT_MOST:
        yield from (match for match in _LONE_WORD.finditer(text) if match["word"] in words)
        return
    for word in words:
        at = text.find(word)
        while at >= 0:
            match = _LONE_WORD.match(text, at)
            if match is not None and match["word"] == word:
                yield match
            at = text.find(word, at + 1)


def _sentence_start(text: str, offset: int) -> bool:
    # The last character before ``offset`` that is not white space, found without copying
    # the text before it (a copy per call made a long text quadratic).
    last = offset - 1
    while last >= 0 and text[last].isspace():
        last -= 1
    return last < 0 or text[last] in '.!?:\n"“”-'


def _is_given_name(name: str) -> bool:
    return is_given_name(name.split()[0])


def preferred_kind(name: str, kinds: list[str]) -> str:
    """Which kind an actor that documents find as several kinds is stored as (a person and an
    organization share an identity when they share a name: "Trilby Lundstrom" and "Trilby
    Lundstrom Inc", "Nature"), whatever document came first: an organization when the name is
    built as one or is one word ("Nature told", "Pfizer said"), else a person."""
    organization_first = _looks_like_org(name) or " " not in name.strip()
    order = (ORGANIZATION, PERSON) if organization_first else (PERSON, ORGANIZATION)
    return min(kinds, key=lambda kind: (order.index(kind) if kind in order else len(order), kind))


def _is_full_name(name: str) -> bool:
    """A cleaned run that names a person in full: two words or more, built as no
    organization's name ("Acme Holdings") and no place's ("New Haven", "Franklin Park")."""
    return " " in name and not _looks_like_org(name) and not _is_place_like(name)


def _is_person_like(name: str) -> bool:
    return " " in name and _is_given_name(name)


def _is_place(name: str) -> bool:
    """Whether ``name`` is a country's, a first-level division's or a large city's ("Los
    Angeles Judge Michael Pastor": the court's place, no organization)."""
    key = name_key(name)
    return key in _country_names() or key in _region_names() or name in _city_names()


def _is_place_like(name: str) -> bool:
    words = name.split()
    return bool(words) and (
        words[0] in _PLACE_HEADS or (len(words) > 1 and words[-1].rstrip(".") in _PLACE_TAILS)
    )


def _has_initial(name: str) -> bool:
    return any(_INITIAL.fullmatch(word) for word in name.split()[1:-1])


def _title_case(title: str) -> str:
    """A title as stored: its words as written, white space normalized."""
    return " ".join(title.split())


def _cut_at_title(name: str) -> str:
    """An organization's name without the title that follows it: "City of Chicago Mayor" is
    "City of Chicago", "House Speaker" is "House"; "Department of Justice" stays whole."""
    words = name.split()
    for index, word in enumerate(words):
        if (
            index > 0
            and words[index - 1] not in ("of", "for", "on", "the", "and", "&")
            and _TITLE_RE.fullmatch(word)
            and not _ORG_HEAD_RE.fullmatch(word)
        ):
            kept = " ".join(words[:index])
            if _STATE_TITLE.match(word):
                kept = _without_portfolio(kept)
            return _without_modifiers(kept)
    return name


def _without_portfolio(run: str) -> str:
    """A run of capitals before an office of state without the portfolio words that belong to
    the title ("European Union Health Commissioner", "White House Press Secretary"), back to
    an organization's head ("Metropolitan Police Commissioner" keeps its police)."""
    while (cut := _TRAILING_PORTFOLIO.search(run)) is not None and (
        cut[0].strip() == "Press" or not _ORG_HEAD_RE.fullmatch(cut[0].strip())
    ):
        run = run[: cut.start()]
    return run


def _without_modifiers(run: str) -> str:
    """A run of capitals before a title without the modifiers that belong to the title only
    ("Senate Majority Leader" is the Senate's, "Acme Senior Vice President" Acme's)."""
    while (cut := _TRAILING_MODIFIER.search(run)) is not None:
        run = run[: cut.start()]
    return run


def _byline_name(run: str) -> str:
    """The writer's name at the start of a byline's run of capitals, without the paper or the
    desk run into it: "Ellen Marsh Washington Post" (a run built as an organization's: its
    first two words), "Hilary Anders BBC Panorama", "Andrew Cole The Atlantic" (up to a
    word in capitals or "The")."""
    words = run.split()
    if len(words) > 2 and _looks_like_org(run):
        return " ".join(words[:2])
    for index in range(2, len(words)):
        if words[index] == "The" or (len(words[index]) > 1 and words[index].isupper()):
            return " ".join(words[:index])
    return run


def _writer_before_outlet(run: str) -> str:
    """The full name that opens a run of capitals going on with an outlet's initials, as a
    correspondent's line reads: "Ann Dale WNN News", "Tom Marr WNN News" (a given
    name, a surname or two, then a word in capitals that is no legal suffix); else ""."""
    words = run.split()
    if not _is_given_name(run):
        return ""
    for index in (2, 3):
        if (
            index < len(words)
            and len(words[index]) > 1
            and words[index].isupper()
            and not _LEGAL_SUFFIX_RE.fullmatch(words[index])
        ):
            return " ".join(words[:index])
    return ""


def _is_person_name(name: str) -> bool:
    """At least one real word: initials alone ("J.", "P.") name nobody."""
    return any(len(word) > 2 and not word.endswith(".") for word in name.split())


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split() if word[0].isupper())


@lru_cache(maxsize=16384)  # asked of every organization at each lookup of capitals ("CPD")
def _acronyms(name: str) -> tuple[str, ...]:
    """The acronyms a name may be known by: its initials, those of what follows its head's
    "of" ("Department of Health and Human Services" is "HHS" as well as "DHHS"), and those of
    what comes before its last "and" ("Centers for Disease Control and Prevention": "CDC")."""
    name = _DOTTED_START.sub("", name)  # "U.S. Immigration and Naturalization Service": INS
    _, of, rest = name.partition(" of ")
    before_and = name.rpartition(" and ")[0]
    found = [_initials(name)]
    if of:
        found.append(_initials(rest))
    if before_and:
        found.append(_initials(before_and))
    return tuple(found)


def _spells(name: str, acronym: str) -> bool:
    return (
        acronym.isupper() and " " not in acronym and len(acronym) > 1 and acronym in _acronyms(name)
    )
