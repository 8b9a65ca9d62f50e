"""Who is involved: the people and organizations a document names, merged within it.

Rules carry the recognizer (no statistical model: see docs/benchmarks.md, "Actors"). They follow
how news copy introduces its actors, strongest first; the first rule to claim a stretch of text
wins it:
1. a post's signature ("— Mayor Brandon Johnson (@ChicagosMayor) August 30, 2025");
2. an organization before a role and a name ("said Goldman Sachs analyst Jane Roe", "Acme chief
   executive John Smith"), an organization a role word introduces ("the carmaker Renault",
   "plane maker Boeing"), a name in apposition ("Jane Roe, an economist at Acme Research",
   "John Smith, the chief executive of Acme Corp.");
3. organizations by their structure: a head word ("Chicago Police Department", "Apple Computer",
   "Federal Reserve", "General Motors"), "Department of Trade and Industry", "City of Chicago",
   a legal suffix ("Acme Holdings PLC");
4. people by a title or honorific ("District Attorney Jane Doe": the title goes to ``title``, the
   name keeps only the name), as the source of a quote ("said Jane Roe", "Jane Roe said",
   "according to Jane Roe"), by a common given name ("Ana Lopez"), or in a list with one of them;
5. acronyms ("FBI"; two letters only when spelled out in the text or well known), handles;
6. short references last, once every full name is known: a surname or an honorific and surname
   ("Lopez", "Mr Smith") is a mention of the one person of the document with that surname, and of
   nobody when two share it. Such a short name is an alias only within the document
   (``Actor.aliases_guessed``): it never identifies an actor across documents.
Across documents, actors are identified by ``actor_key``: a person by first and last name (so
"Ana Lopez", "Ana Maria Lopez" and "Ana M. Lopez" are one), an organization by its name without
a leading "the" or a trailing legal suffix.
"""

import bisect
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache, partial
from pathlib import Path

from events.analysis import text as textlib
from events.analysis.date_lexicon import MONTH_ABBREVIATIONS, MONTH_FULL_NAMES, WEEKDAY_FULL_NAMES
from events.analysis.text import Post

PERSON = "person"
ORGANIZATION = "organization"
PLACE = "place"
OTHER = "other"

_LEXICON = Path(__file__).with_name("actor_lexicon")

# A capitalized name word: "Johnson", "D'Amato", "McDonald", "Jean-Pierre", an initial "J.".
# A possessive "'s" is not part of the name.
# Letters beyond ASCII: Latin-1 and Latin Extended-A capitals and small letters, and combining
# accents (a name may be written "José" or "Jose\u0301").
_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_LOW = "a-zß-öø-ÿā-ž\u0300-\u036f"
# Second halves of compound adjectives written after a name ("Miami-based", "Long-term").
_COMPOUND_TAILS = (
    "(?:based|run|owned|led|backed|born|made|controlled|funded|sponsored|linked|affiliated|"
    "allied|held|occupied|style|era|type|class|wide|level|bound|area|only|free|friendly|"
    "speaking|educated|trained|listed|registered|dominated|supported|inspired|designed|built|"
    "term|time|year|old|long|day|week|month|quarter|end|high|low|scale|range|winning|"
    "nominated|award|elect)"
)
_NAME_WORD = (
    # Abbreviations that end a company's or a person's name keep their point.
    r"(?:(?:Inc|Corp|Co|Ltd|Jr|Sr|Bros)\.(?!\w)|(?:PLC|Plc|LLC|LLP|AG|SA|NV|GmbH)(?!\w)"
    # Capitals inside a word, tried first so the word is taken whole: "GlaxoSmithKline",
    # "McDonald".
    rf"|[{_UP}][{_LOW}]*(?:[{_UP}][{_LOW}]+)+(?!\w)"
    # A hyphenated part: "Jean-Pierre", "Ban Ki-moon" (Korean given names in lower case), not
    # a compound adjective ("Miami-based", "Long-term").
    rf"|[{_UP}](?:[{_LOW}]?['’][{_UP}])?[{_LOW}]+"
    rf"(?:-(?:[{_UP}]|(?!{_COMPOUND_TAILS}(?![\w\u0300-\u036f])))[{_LOW}]+)?"
    rf"|[{_UP}]\."
    # An Arabic article or kinship word joined to the next part, in lower case inside a name:
    # "Saif al-Islam", "Bashar al-Assad", "Mohammed bin-Nayef".
    rf"|(?:al|el|ad|an|ar|as|ash|at|az|bin|ibn)-[{_UP}][{_LOW}]+"
    # Initials written together before a surname: "JB Pritzker", "JD Vance".
    rf"|[{_UP}]{{2,3}}(?=\s+[{_UP}][{_LOW}]))"
)
_NAME_WORD_RE = re.compile(_NAME_WORD)
_END = r"(?![\w\u0300-\u036f])"  # \b would stop before a combining accent
# Where a name starts (a capital not inside a word): a prefix that spares the regex engine
# trying a name's pattern at every character (about twice as fast). The capital is checked
# before the character behind it: most characters are no capital, and the look-behind is the
# dearer test (a third less time for a whole-text scan).
_AT_NAME = rf"(?=[{_UP}])(?<![\w\u0300-\u036f'’-])"
# Particles inside a person's name: "Ludwig van Beethoven", "Charles de Gaulle".
_PARTICLE = r"(?:de|da|del|der|van|von|bin|di|du|la|le|al|ibn)"
_PERSON_NAME = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_WORD}){{0,3}}{_END}"
# Bounds that keep every pattern linear in the text (an unbounded run or list is tried again
# from each of its words, quadratic on a long run of capitalized words or comma-separated
# names): a name is at most 8 capitalized words between connectors ("Organization of the
# Petroleum Exporting Countries" is 1 + 4), a list names at most 25 items, and "of" joins
# at most three parts. Longer runs are headlines or tables, not names.
_MAX_RUN_WORDS = 8
_MAX_LIST_ITEMS = 24
# A run of capitalized words, with the connectors an organization's name may hold:
# "Department of Trade and Industry", "Organization of the Petroleum Exporting Countries",
# "Procter & Gamble", "Securities and Exchange Commission". Whether an "and" joins one name or
# two ("Microsoft and Apple") is decided by ``_org_parts``.
_CAPS = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,{_MAX_RUN_WORDS - 1}}}"
_ORG_RUN = (
    rf"{_CAPS}(?:\s+(?:&|and)\s+{_CAPS})?"
    rf"(?:\s+(?:of|for|on)(?:\s+the)?\s+{_CAPS}"
    rf"(?:(?:,\s+{_CAPS}){{0,{_MAX_LIST_ITEMS}}},?\s+(?:and|&)\s+{_CAPS})?){{0,3}}"
    rf"{_END}"
)


def _words(name: str) -> str:
    """A resource file's phrases (one a line) as one regex, built as a prefix tree, each word's
    first letter in either case ("press secretary", "Press Secretary"). Python's re tries the
    branches of a plain alternation one by one, and a case-insensitive one slowly, at every
    position: as a plain list the title patterns alone cost tens of milliseconds a document."""
    text = (_LEXICON / name).read_text(encoding="utf-8")
    phrases = {line.split("#")[0].strip() for line in text.splitlines()} - {""}
    tree: dict = {}
    for phrase in phrases:
        node = tree
        for index, char in enumerate(phrase):
            if char == " ":
                token = r"\s+"
            elif char.isalpha() and (index == 0 or phrase[index - 1] in " -"):
                token = f"[{char.upper()}{char.lower()}]"
            else:
                token = re.escape(char)
            node = node.setdefault(token, {})
        node[""] = {}  # the end of a phrase
    return _tree_pattern(tree)


def _tree_pattern(node: dict) -> str:
    """A prefix tree as a regex; a phrase that ends where a longer one goes on is optional."""
    branches = [token + _tree_pattern(child) for token, child in sorted(node.items()) if token]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


@cache
def _country_names() -> frozenset[str]:
    """The names of the countries (ISO 3166-1 from pycountry: short, common and official
    names), as ``name_key`` compares them."""
    import pycountry  # imported here: its tables load once, when a text is first read

    names = set()
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                names.add(name_key(value))
                # "Iran, Islamic Republic of", "Korea, Republic of": news writes the first part.
                if ", " in value and attribute == "name":
                    names.add(name_key(value.split(", ")[0]))
    text = (_LEXICON / "country_names.txt").read_text(encoding="utf-8")
    names.update(name_key(line) for line in text.splitlines() if line and line[0] != "#")
    return frozenset(names)


@cache
def _language_names() -> frozenset[str]:
    """The English names of the languages with a two-letter code (ISO 639-1 from pycountry:
    "Arabic", "Swahili"), which name a medium's language, not an outlet."""
    import pycountry

    return frozenset(
        language.name.split(" (")[0]
        for language in pycountry.languages
        if getattr(language, "alpha_2", None)
    )


@cache
def _region_names() -> frozenset[str]:
    """The names of the countries' first-level divisions (ISO 3166-2 from pycountry: states,
    provinces, regions: "Louisiana", "Ontario", "Bavaria"), as ``name_key`` compares them."""
    import pycountry

    return frozenset(
        name_key(division.name)
        for division in pycountry.subdivisions
        if division.parent_code is None
    )


_CONTINENTS = ("Africa/", "America/", "Asia/", "Atlantic/", "Australia/", "Europe/", "Indian/")


@cache
def _city_names() -> frozenset[str]:
    """The cities the time-zone database is named after ("Europe/Paris", "America/New_York"):
    the capitals and large cities whose name news uses for their government ("Paris said"), a
    place, not an organization. Empty where the system has no time-zone database."""
    import zoneinfo

    try:
        zones = zoneinfo.available_timezones()
    except OSError:  # pragma: no cover - no database at all
        return frozenset()
    return frozenset(
        zone.rsplit("/", 1)[-1].replace("_", " ") for zone in zones if zone.startswith(_CONTINENTS)
    )


@cache
def group_nouns() -> frozenset[str]:
    """Plural nouns for groups of people who speak in the news ("officials", "analysts"), lower
    case: no organization's name, and the speaker of a statement."""
    text = (_LEXICON / "group_nouns.txt").read_text(encoding="utf-8")
    lines = (line for line in text.splitlines() if not line.startswith("#"))
    return frozenset(word for line in lines for word in line.split())


@cache
def _org_class_nouns() -> frozenset[str]:
    """The last words of the organization cues ("carmaker", "bank", "oil major"), singular,
    lower case: a plural of one before a list names organizations ("companies such as ...")."""
    text = (_LEXICON / "org_cues.txt").read_text(encoding="utf-8")
    phrases = (line.split("#")[0].strip() for line in text.splitlines())
    return frozenset(phrase.split()[-1].lower() for phrase in phrases if phrase)


def _singular(noun: str) -> str:
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    return noun.removesuffix("s")


@cache
def _given_names() -> frozenset[str]:
    text = (_LEXICON / "given_names.txt").read_text(encoding="utf-8")
    words = (w for line in text.splitlines() if not line.startswith("#") for w in line.split())
    return frozenset(_fold(word) for word in words)


# Titles and roles before a name ("District Attorney Jane Doe", "analyst Jane Roe"): modifiers
# then a head. Case-insensitive: "press secretary Karoline Leavitt", "Press Secretary ...".
# A second head may follow the first: a rank after a role ("Incident commander Adm. Thad
# Allen"), two ranks ("Lt. Cmdr. Jim Hoeft").
_ROLE_HEAD = _words("title_heads.txt")
_TITLE_HEAD = f"{_ROLE_HEAD}|{_words('occupations.txt')}"
_TITLE_MODIFIERS = rf"(?:(?:{_words('title_modifiers.txt')})\s+){{0,3}}"
_TITLE = rf"{_TITLE_MODIFIERS}(?:{_TITLE_HEAD})(?:\s+(?:{_TITLE_HEAD})(?![\w'’-]))?"
# Roles whose employer follows "at" or "with" ("analysts at Barclays"): no occupation.
_ROLE = rf"{_TITLE_MODIFIERS}(?:{_ROLE_HEAD})"
_TITLE_RE = re.compile(_TITLE)
# A modifier that belongs to a title only, never to an organization's name, ending a run of
# capitals that has a word before it ("Senate Majority", "BP Senior Vice").
_TRAILING_MODIFIER = re.compile(
    r"(?<=\S)\s+(?:Majority|Minority|Managing|Senior|Junior|Deputy|Vice|Assistant|Associate"
    r"|Chief|Executive|Acting|Interim|Former|Principal|Lead|Special|Republican|Democratic)$"
)
# A portfolio before an office of state ("European Union Health Commissioner", "White House
# Press Secretary"): the title's words, not the organization's.
_TRAILING_PORTFOLIO = re.compile(rf"(?<=\S)\s+(?:{_words('title_modifiers.txt')})$")
# Where a word starts: put before a case-insensitive word list, it spares the regex engine
# trying the list inside words and at spaces (five times faster on news text).
# (Not the letter first, as in _AT_NAME: most characters are letters, and most letters are
# inside a word, which the look-behind tells at once.)
_AT_WORD = r"(?<![\w\u0300-\u036f'’-])(?=[A-Za-z])"


_WORD_CHAR = r"[\w'’-]"  # a character that goes on a word: "O'Neil", "Jean-Pierre"


def _starting(*words: str, after: str = r"\w") -> str:
    r"""``words`` where none of the characters ``after`` comes before them, as a pattern that
    opens with the words themselves: ``\bsaid`` or ``(?<!\w)said`` make Python's re try the
    pattern at every character, while "said" checked back from its end lets the engine skip
    in C to where "said" (or the first letter of one of several words) is written."""
    return "(?:" + "|".join(rf"{re.escape(w)}(?<!{after}{re.escape(w)})" for w in words) + ")"


_HONORIFIC = r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Rev|Prof|Reverend|Professor)\.?"
_HONORIFIC_RE = re.compile(_HONORIFIC)
_ORG_HEAD = _words("org_heads.txt")
_ORG_HEAD_RE = re.compile(rf"(?:{_ORG_HEAD}){_END}")
# Words that introduce an organization named by one word: "the carmaker Renault".
_ORG_CUE = _words("org_cues.txt")
_LEGAL_SUFFIX = r"(?:Inc|Corp|Co|Ltd|LLC|PLC|Plc|AG|SA|NV|GmbH|LP|LLP|SpA|AB|ASA|Oyj)\.?"
_REPORTING_VERBS = (
    "said says told wrote posted tweeted added announced stated argued noted explained warned "
    "insisted replied testified recalled acknowledged estimated predicted asked reported"
).split()
_REPORTING = f"(?:{'|'.join(_REPORTING_VERBS)})"

# Compiled once: re's own cache hashes a pattern's whole text at every call.
_CAPS_RE = re.compile(_CAPS)
_PERSON_NAME_RE = re.compile(_PERSON_NAME)
_LEGAL_SUFFIX_RE = re.compile(_LEGAL_SUFFIX)
_LEADING_WORD = re.compile(rf"(?:{_HONORIFIC}|{_TITLE}|[\w.'’-]+)\s+")
_INITIAL = re.compile(rf"[{_UP}]\.")

# Offices of state, which a nationality or a portfolio comes before, not an organization.
_STATE_TITLE = re.compile(
    r"\b(?:[Pp]resident|[Mm]inister|[Ss]ecretary|[Aa]mbassador|[Pp]remier|[Cc]hancellor|[Gg]overnor"
    r"|[Mm]ayor|[Cc]ommissioner|[Ss]enator|[Aa]dvis[eo]r|[Kk]ing|[Qq]ueen|[Pp]rince)\b"
)
# 2. Context: an organization and a role before a name ("Goldman Sachs analyst Jane Roe").
_ORG_ROLE_PERSON = re.compile(
    rf"{_AT_NAME}(?<![\w.])(?P<org>{_ORG_RUN})(?:['’]s?)?\s+(?P<title>{_TITLE})\s+"
    rf"(?P<name>{_PERSON_NAME})"
)
# Capitalized only at a sentence's start ("Computer maker Dell"): "Deutsche Bank Chief
# Executive ..." is no cue.
_CUED_ORG = re.compile(
    # "vaccine maker", "chip-maker": a maker of things (a "filmmaker", a "policy maker" is a
    # person).
    rf"{_AT_WORD}(?P<cue>{_ORG_CUE}|(?!(?:policy|decision|film|movie|law|peace|trouble|deal|"
    rf"rule|news|king|match)[- ])[A-Za-z][a-z]+[- ]maker)"
    # The name may stand in apposition, set off by commas ("one group, Conservation
    # International, said"); a company may be its capitals ("oil giant BP").
    rf"(?:\s+|\s?,\s+(?={_ORG_RUN}\s?,))(?P<org>{_ORG_RUN}|[A-Z]{{2,6}}(?![\w&-]))"
)
# The name is the run of capitalized words that ends at the comma (matched from the comma: a
# pattern that starts at every name costs more).
# The cue ends its phrase: "the group's secretary-general", "a company spokesman" describe a
# person of the organization, not the name before the comma.
_THEN_CUE = re.compile(
    rf"\s?,\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{_ORG_CUE})\b"
    # ... and closes the apposition ("Arco, the oil company, said"; "in the Gulf of Mexico,
    # the oil company is accused" begins a clause).
    r"(?=\s?[,.;:)]|\s+(?:that|which|who|whose|based|in|of|with|for|from|at|on|owned|known|run"
    r"|headquartered|and|or|--|-)\b|\s*$)"
)
# "Jane Roe, an economist at Acme Research" / "John Smith, the chief executive of Acme Corp."
_APPOSITION = re.compile(
    rf"{_AT_NAME}(?P<name>{_PERSON_NAME})\s?,\s+"
    # With an article, a few words may come before the role ("the company's chief executive");
    # without one, the role comes first ("Ana Lopez, chief economist at ...").
    # A possessive may stand for the article ("Conrad Murray, Michael Jackson's doctor").
    rf"(?:(?:a|an|the|who\s+is|who\s+was|(?:[{_UP}][\w.-]*\s+){{0,2}}[{_UP}][\w.-]*\s?['’]s)"
    rf"\s+(?:[\w'’-]+\s+){{0,4}}?"
    # ... or a nationality ("Najib Balala, Kenyan Minister for Tourism").
    rf"|[{_UP}][{_LOW}]+(?:an|ese|ish|i)\s+)?"
    # Not the title of a name that follows ("the archbishop of New York, Cardinal John ...").
    # Atomic: a longer title followed by a name is no shorter one ("United States, Secretary
    # of State Hillary Clinton" is no "Secretary" of an organization "State Hillary Clinton").
    rf"(?P<title>(?>{_TITLE}))\b(?!['’])(?!\s+[{_UP}][{_LOW}])"
    rf"(?:\s+(?:of|at|for|with|from)\s+(?:the\s+)?(?P<org>{_ORG_RUN}))?"
)
# "analysts at Barclays and Jefferies", "an economist with Acme Research".
# Matched from "at"/"with", the role checked in the words before (cheaper than trying the
# role at every word).
_POSSESSIVE = re.compile(r"\s?['’]s\s")
_FOR_BEFORE = re.compile(r"\bfor\s+(?:the\s+)?$")
# After a space, checked back from the word's end (see _starting).
_AT_ORG = re.compile(rf"(?:at(?<=\sat)|with(?<=\swith))\s+(?:the\s+)?(?P<org>{_ORG_RUN})")
_ROLE_BEFORE = re.compile(rf"{_AT_WORD}(?:{_ROLE})s?\s+$")
# 3. Structure.
_CITY_OF = re.compile(
    rf"(?P<name>{_starting('City', 'State', 'County', 'Republic', 'Kingdom', 'Province')}"
    rf" of(?: the)? {_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})"
)
_CAPS_RUN = re.compile(rf"{_AT_NAME}(?<![@#])(?P<name>{_ORG_RUN})")
_PERSON_RUN = re.compile(rf"{_AT_NAME}(?<![@#])(?P<name>{_PERSON_NAME})")
# "General Electric, Boeing and Caterpillar": the kind of one is the kind of all.
_ORG_LIST = re.compile(
    rf"{_AT_NAME}(?P<list>{_CAPS}(?:\s?,\s+{_CAPS}){{0,{_MAX_LIST_ITEMS}}}(?:\s?,)?\s+(?:and|or)\s+{_CAPS})"
    rf"{_END}"
)
# 4. People.
_TITLED_PERSON = re.compile(
    rf"(?:\b(?P<org>[A-Z]{{2,6}} ))?{_AT_WORD}(?P<title>{_TITLE_RE.pattern}|{_HONORIFIC})"
    # The title may stand in apposition before a name set off by commas ("the doctor, Conrad
    # Murray, was questioned").
    rf"(?:\s+|\s?,\s+(?=(?:{_HONORIFIC}\s+)?{_PERSON_NAME}\s?[,.]))"
    rf"(?:{_HONORIFIC}\s+)?(?P<name>{_PERSON_NAME})"
)
# Family: a kinship noun after a possessive, then a name ("his brother Jermaine", "the
# singer's mother, Katherine,", "Moammar Gadhafi's son Saif"). Matched from the noun (rarer
# than a capital), the possessive read back from it; one adjective may come between ("his late
# father", "her eldest son").
_KIN = re.compile(
    rf"(?<![\w'’-])(?P<kin>{_words('kin_nouns.txt')})(?:\s?,\s+|\s+)(?:{_HONORIFIC}\s+)?"
    rf"(?P<name>{_PERSON_NAME})"
)
# After a plural ("sons Hannibal and Mohammed"), each further name of the list.
_KIN_MORE = re.compile(rf"(?:\s?,\s+(?:and\s+)?|\s+and\s+)(?P<name>{_PERSON_NAME})")
# Between two family members: "his brother Mohamed and one-year-old sister Rodayna".
_KIN_CHAIN = re.compile(r"\s*(?:,\s*)?(?:and\s+)?(?:[a-z]+(?:-[a-z]+)*\s+)?")
# A family named member by member: "Jackson's family - father Joe, mother Katherine, ...".
_KIN_LISTED = re.compile(r"(?:[-–—:]|--)\s*$")
_KIN_OWNER = re.compile(
    rf"(?:\b(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur)|(?P<owner>{_AT_NAME}{_PERSON_NAME})?\s?['’]s?)"
    rf"\s+(?:[{_LOW}-]+\s+)?$"
)
_NAMED_AS = re.compile(
    rf"(?:{_starting('named')}|{_starting('identified')}(?: (?:him|her)self)?(?: only)? as"
    rf"|{_starting('known only as')}|{_starting('gave')} (?:his|her) name as)\s+"
    rf"(?P<name>{_PERSON_NAME})(?=\s?[,.;]|\s+(?:as|who|and|said|says)\b)"
)
_AUXILIARY_BEFORE = re.compile(r"(?:\b(?:was|were|been|is|are)|,) $")
# Wire copy credits its writers: "Reporting by Noe Torres and Pascal Fletcher; Editing by
# Alistair Bell", and a byline is a line of its own: "By Maggie Fox" (", Health Editor").
_CREDIT_NAMES = rf"{_PERSON_NAME}(?:(?:\s?,\s+|\s+and\s+){_PERSON_NAME}){{0,8}}"
# Matched from "by" (rarer than a word's start), the credit word read back from it.
_CREDIT = re.compile(rf"{_starting('by', 'By')}\s+(?P<list>{_CREDIT_NAMES})")
_CREDIT_BEFORE = re.compile(
    r"\b(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Ww]ritten)\s+$|(?:^|\n)[ \t]*$"
)
_BYLINE = re.compile(
    rf"[Bb]y[ \t]+(?P<list>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,3}}){_END}"
    r"[ \t]*(?:,[^\n]{0,40})?$",
    re.MULTILINE,
)
# An age says the name is a person's: "Marta Kowalczyk, 52, was shot", "26-year-old Saleh
# Dreisi", "a 44-year-old activist, James Kopp".
# Matched from the age (rare), the name then read back from it: a pattern that starts at
# every capital costs a scan of the whole text.
_AGED = re.compile(
    rf",\s+(?:aged\s+)?\d{{1,3}},"
    rf"|\b\d{{1,3}}-year-old\s+(?:[{_LOW}]+\s+){{0,2}}?(?P<after>{_PERSON_NAME})"
)
_NAME_BEFORE = re.compile(rf"{_AT_NAME}(?P<name>{_PERSON_NAME})$")
_SAID_NAME = re.compile(
    rf"{_starting(*_REPORTING_VERBS)}\s+(?P<name>{_PERSON_NAME})"
    r"(?=\s*[,.;]|\s+(?:of|after|when|while|as|before|who)\b)"
)
# "told Reuters on Thursday": whom a statement was given to.
_TOLD_NAME = re.compile(
    rf"{_starting('told')}\s+(?P<name>{_PERSON_NAME})(?=\s+(?:on|in|that|last|this|late|earlier)\b)"
)
# "made by Roche": the maker of a product, a company.
_MADE_BY = re.compile(
    rf"{_starting('made', 'produced', 'manufactured', 'developed')} by"
    rf"\s+(?P<name>{_ORG_RUN})(?!\s?['’])"
)
# "a rebel fighter, Abdulkarim Kashaba, said": a name set off by commas before its verb.
_SET_OFF_SAID = re.compile(rf"\s?,\s+(?P<name>{_PERSON_NAME})\s?,\s+{_REPORTING}\b")
_NAME_SAID = re.compile(rf"{_AT_NAME}(?P<name>{_PERSON_NAME})\s+{_REPORTING}\b")
_HONORIFIC_BEFORE = re.compile(rf"\b{_HONORIFIC}\s+$")
_REPORTING_AFTER = re.compile(rf"(?:\s+\w+ly)?\s+{_REPORTING}\b")
_ACCORDING_TO = re.compile(rf"{_starting('according to')} (?P<name>{_PERSON_NAME})")
_PLURAL_TITLE_BEFORE = re.compile(rf"\b(?:{_TITLE_HEAD})s\s+$")
# A head and a connector before a capitalized word: it ends a longer name ("Center for
# Biological Diversity"; "Stocks of Ford" is no name).
_JOINED_BEFORE = re.compile(r"(?P<head>[A-Z][\w.'’-]*)\s+(?:of|for|on|&)\s+$")
_LIST = re.compile(
    rf"{_AT_NAME}(?P<list>{_PERSON_NAME}(?:\s?,\s+{_PERSON_NAME}){{0,{_MAX_LIST_ITEMS}}}"
    rf"(?:\s?,)?\s+(?:and|or)\s+{_PERSON_NAME})"
)
# 5. Acronyms and handles.
_ACRONYM = re.compile(r"[A-Z](?<![\w@&.-].)[A-Z]{1,5}(?![\w&-])")  # [A-Z]{2,6}, see _DOTTED
# A stock's ticker in brackets after its company: "(AZN.L)", "-LRB- SASY . PA -RRB-".
_TICKER_AFTER = re.compile(r"\s?\.\s*(?:/\s*)?[A-Z]{1,2}\b")
# An opening bracket just before, as text or tokenised corpora write it ("(", "-LRB- ").
_BRACKET_BEFORE = re.compile(r"\s?(?:\(|-LRB-\s)$")
_BRACKET_CLOSE_AFTER = re.compile(r"[A-Z]*\s?(?:\)|-RRB-)")
_NAME_BEFORE_TICKER = re.compile(rf"{_AT_NAME}(?P<name>{_CAPS})(?:\s?['’]s)?\s+(?:\(|-LRB-\s)$")
_POSSESSIVE_ORG = re.compile(
    rf"{_AT_NAME}(?P<name>{_CAPS}\s+&\s+{_CAPS}\s?['’]s(?!\w)"
    rf"|(?P<owner>{_NAME_WORD})\s?['’]s\s+(?:(?P<head>{_CAPS})|(?P<of>of)\s+{_CAPS}))"
)
# Matched from the medium (rarer than a capital), the broadcaster's name read back from it.
_NUMBERED_CHANNEL = re.compile(
    rf"{_starting('Radio', 'Channel', 'TV', after=_WORD_CHAR)}\s+\d{{1,2}}(?:\s+[Ll]ive|\s+Extra)?"
    r"(?![\w.,]\d)"
)
_CHANNEL_OWNER = re.compile(rf"{_AT_NAME}(?:{_NAME_WORD}\s+){{1,3}}(?=(?:Radio|Channel|TV)\s)")
# Dotted initials ("U.N.", "U.S."): alone, before a name, at a name's start.
_INITIALS = r"(?:[A-Z]\.){2,4}"
# The first initial before the look-behind (see _starting): the engine skips to capitals.
_DOTTED = re.compile(r"[A-Z](?<![\w.].)\.(?:[A-Z]\.){1,3}(?!\w)")
_DOTTED_PREFIX = re.compile(rf"(?<![\w.]){_INITIALS} $")
_LEGAL_SUFFIX_END = re.compile(rf",?\s+{_LEGAL_SUFFIX}$")
_DOTTED_START = re.compile(rf"^{_INITIALS} ")
_DOTTED_NAME_AFTER = re.compile(rf"\s*{_NAME_WORD}")
# A medium or a kind of organization after a name ("Kyodo news agency", "El Watan newspaper",
# "the National Pork Producers group"); matched from the noun (rarer than a capital), the name
# read back from it.
_MEDIUM = re.compile(
    rf"(?<=\s)(?:{_words('media_nouns.txt')}|{_words('org_kind_nouns.txt')}){_END}"
)
_DAILY = re.compile(
    rf"(?P<name>{_starting('Daily', after=_WORD_CHAR)}\s+{_NAME_WORD}){_END}(?!\s+[{_UP}])"
)
_NAME_BEFORE_MEDIUM = re.compile(rf"{_AT_NAME}(?P<name>{_CAPS})\s+$")
# "a Swahili newspaper": a kind of medium, not one named ("an official Xinhua news agency
# article" names one: the article is what "an" counts).
_AN_BEFORE = re.compile(r"\b[Aa]n?\s+$")
# Shouted text ("NEW YORK (AP)", a headline): an all-caps word next to another is no acronym.
_CAPS_NEIGHBOUR = re.compile(r"(?:[A-Z]{2,}|\bI)[\s,.(]+$|^[\s,.]+[A-Z]{2,}\b")
_HANDLE = re.compile(_starting("@", after=r"[\w@]") + r"\w{1,30}")
# Matched from the possessive (rarer than a word), the owner read back from it.
_OWNED_NAME = re.compile(
    rf"['’]s\s+(?P<name>{_PERSON_NAME})"
    r"(?=\s?[,.;:]|\s+(?:said|says|told|reported|reports|wrote|is|was|in|on|at|who|has)\b)"
)
_OWNER_BEFORE = re.compile(rf"(?<![\w'’-])(?P<owner>[A-Z]{{2,6}}|{_NAME_WORD})\s?$")
_CAMEL = re.compile(rf"[{_UP}](?<![\w@#'’.-].)[{_LOW}]{{2,}}(?:[{_UP}][{_LOW}]+)+(?![\w'’-])")
_NAME_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "Fitz")
# A list after "such as", "including": matched from those words, the class noun read back.
# After a space, checked back from the word's end (see _starting).
_CLASS_LIST = re.compile(
    rf"(?:such(?<=\ssuch)\s+as|including(?<=\sincluding)|like(?<=\slike)"
    rf"|among(?<=\samong)\s+them|notably(?<=\snotably))\s+"
    rf"(?P<list>{_CAPS}(?:\s?,\s+{_CAPS}){{0,{_MAX_LIST_ITEMS}}}(?:(?:\s?,)?\s+(?:and|or)\s+{_CAPS})?)"
)
_NAME_GOES_ON = re.compile(r"[\w'’]")
_CLASS_NOUN_BEFORE = re.compile(r"\b(?P<noun>[A-Za-z][a-z]+(?:-[a-z]+)?)(?:\s?,)?\s+$")
# Matched from the noun (rarer than a capital), the name read back from it.
_MEMBERS = re.compile(
    r"(?<=\s)(?:officials|executives|shares|shareholders|stockholders|employees|engineers|"
    r"subsidiary|headquarters|journalists|reporters|correspondents)\b"
)
_ONE_NAME_BEFORE = re.compile(
    rf"(?<![\w\u0300-\u036f'’-])(?P<name>[{_UP}][{_UP}{_LOW}]+)(?:['’]s)?\s+$"
)
_NAME_INSIDE = re.compile(rf"[{_LOW},;] ([{_UP}][{_UP}{_LOW}]+){_END}")
# Capitals right after a clock time are its time zone, whatever the zone.
_CLOCK_BEFORE = re.compile(r"\d{1,2}[:.]?\d{2}\s*(?:[ap]\.?m\.?\s*)?$", re.IGNORECASE)
# A capitalized word standing alone: no capitalized word (or initial) on either side.
_LONE_WORD = re.compile(
    rf"{_AT_NAME}(?P<word>[{_UP}](?:[{_LOW}]?['’][{_UP}])?[{_LOW}]{{2,}}(?:-[{_UP}][{_LOW}]+)?)"
    rf"{_END}(?!\s+[{_UP}]|\s*&)"
)
# A capitalized word before, or a company's "Bear, Stearns & Co." and "Procter & Gamble".
_CAPITALIZED_BEFORE = re.compile(rf"(?<![\w.'’-])[{_UP}][\w.'’-]*(?:\s+|,\s*)$|&\s*$")
# Prepositions a place follows and an organization seldom does ("in Havana", not "in Pfizer"),
# and those both follow ("to Havana", "sold to Pfizer"): a lone word after any of them is no
# surname's echo, but only the first say a name that speaks is a place's.
_WHERE = "in|into|near|across|outside|inside|throughout"
_TOWARD = "at|to|from|around|through|toward|towards|via"
_PLACE_PREPOSITION = re.compile(rf"\b(?:{_WHERE}|{_TOWARD})\s+$")
_LOWER_WORD = re.compile(rf"[{_LOW}](?<![\w'’-].)[{_LOW}]*(?![\w'’-])")  # see _DOTTED
_AFTER_THE = re.compile(r"\b[Tt]he\s+$")
_DIGIT_BEFORE = re.compile(r"\d\s*$")
_LOWER_NOUN_AFTER = re.compile(rf"\s+[{_LOW}]+\b(?<!\bwho)(?<!\bsaid)(?<!\bhas)(?<!\bwas)")
# 6. Short references.
_SHORT_REF = re.compile(rf"{_AT_NAME}(?:(?P<hon>{_HONORIFIC})\s+)?(?P<name>{_NAME_WORD}){_END}")

# Capitalized words that are not names even when a pattern would take them as one; the weekdays,
# the months and the months' abbreviations with their full stop ("Sept.") are the English
# lexicon's (languages/en).
_NOT_NAMES = frozenset(
    """The A An This That These Those It Its He She They We You I Our Your Their His Her My
    On In At By For From To Of And But Or If When While After Before As Latest Whereas
    Furthermore However Lives All Americans Democrat Today
    Yesterday Tomorrow Also Still Meanwhile Last Next Earlier Later Some Many Most Both Each
    Under Over With Without During Since Until About Against Among Between Despite Why How What
    Where Who Whom Which There Here Then Now Not No Yes So Such Other Another Former
    Several Once Although Though Neither Nor Either Because Unless Through Throughout Amid Even
    Yet Instead Thus Hence Therefore Indeed Perhaps Whether Every Any Few Moreover Likewise
    Nevertheless Nonetheless Besides Otherwise Says Said Adds Added Should Would Could Must
    Might Shall Can Cannot One""".split()
)
_NOT_NAMES |= {*WEEKDAY_FULL_NAMES, *MONTH_FULL_NAMES, *(f"{m}." for m in MONTH_ABBREVIATIONS)}
# Acronyms that are not actors: time zones, units, places, products, legal suffixes, and the
# two-letter codes of US states (written after a city: "Austin, TX").
_NOT_ACTORS = frozenset(
    """AM PM TV OK US USA UK DC ET EST EDT CST CDT PST PDT GMT UTC CEO CFO COO CTO ID PDF GDP
    AI IT HQ PR VIP OS PC CD DVD GPS USB ATM SUV API CPU RAM ROM LCD LED MPH IPO EPS ETF LLC PLC
    AG SA NV INC LTD CORP CO GMBH LLP LP PHD MBA MP RIP FAQ UPDATE ASAP AKA TBA FYI ICU HIV
    AIDS COVID SARS DNA RNA NGO CLIP CPR RPG MRI PCR LNG USD EUR GBP JPY BST CET CEST JST IST
    NEW YORK AL AK AZ AR CA CT DE FL GA HI IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NH NJ NM
    NY NC ND OH OR PA RI SC SD TN TX UT VT VA WA WV WI WY""".split()
)
_NAME_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
# The members of a party, named by its name in the plural: people, no organization.
# Heads that end a name complete in itself, before an "and" that begins another name.
_COMPLETE_HEADS = frozenset(
    "Watch International Group Foundation Institute Association Council Union Organization "
    "Organisation Party Bank Agency League Fund Corporation Company Commission Force".split()
)
_PARTY_MEMBERS = frozenset("Democrats Republicans Conservatives Liberals Socialists Tories".split())
_CHAMBERS = frozenset("Senate House Congressional Parliamentary Assembly".split())
# Words for a person's standing before an office, which start no organization's name
# ("Retired Coast Guard admiral Thad Allen", "Former Goldman Sachs chief ...").
_STANDING = frozenset("retired former outgoing incoming ousted late embattled exiled".split())


# Cached, as are _fold, actor_key, _clean_org, _clean_person and _looks_like_org: pure
# functions of a short string, which a document asks about again and again (the same names,
# the same runs of capitals); find_actors drops them when the document is done (_forget).
@lru_cache(maxsize=16384)
def name_key(name: str) -> str:
    """How two names are compared: white space, Unicode form and case folded, so "STRAUSS",
    "Strauß" and "Strau\u00df" are one name (the database stores this key: its own lower() does
    not fold the same way on every backend)."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


@lru_cache(maxsize=16384)
def _fold(word: str) -> str:
    """A word without case or accents: "José" and "JOSE" fold alike."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_LEGAL_SUFFIX_KEY = frozenset(
    "inc inc. corp corp. co co. ltd ltd. llc plc ag sa nv gmbh lp llp corporation".split()
)


# Words a company's name is written with or without ("Dell" and "Dell Technologies", "Tokyu
# Group", "Magna International Inc."): not part of its identity.
_DESCRIPTOR_KEY = frozenset(
    "technologies technology group holdings holding industries international enterprises "
    "worldwide global company".split()
)


# British and American spellings of the words of institutions' names: "World Health
# Organisation" and "World Health Organization" are one organization.
_US_SPELLING = {
    "organisation": "organization",
    "organisations": "organizations",
    "defence": "defense",
    "centre": "center",
    "programme": "program",
}


@lru_cache(maxsize=16384)
def actor_key(name: str, kind: str) -> str:
    """The identity of an actor across documents: a function of its name and kind alone, so the
    same set of documents gives the same actors in any order.

    A person is their first and last name, without initials, middle names or suffixes: "Ana
    Lopez", "Ana Maria Lopez" and "Ana M. Lopez" are one person (two people who share first and
    last name are one too: an editor tells them apart). An organization is its name without a
    leading "the" or a trailing legal suffix or descriptor ("General Motors Corp." is "General
    Motors", "Dell Technologies" is "Dell"), in American spelling ("Organisation")."""
    key = name_key(name)
    words = key.split()
    if kind == PERSON and not key.startswith("@"):
        words = [w for w in words if w not in _NAME_SUFFIXES]
        core = [w for w in words if len(w.rstrip(".")) > 1]  # initials ("M.") dropped
        if len(core) >= 2:
            return f"{core[0].rstrip('.')} {core[-1]}"
        return " ".join(words) or key
    if kind == ORGANIZATION:
        if len(words) > 1 and words[0] == "the":
            words = words[1:]
        while len(words) > 1 and words[-1].rstrip(",") in _LEGAL_SUFFIX_KEY | _DESCRIPTOR_KEY:
            words = words[:-1]
        words = [_US_SPELLING.get(word, word) for word in words]
        return " ".join(words).rstrip(",") or key
    return key


def preferred_name(names: list[str]) -> str:
    """Which of an actor's spellings is its canonical name: the fullest (most words, then most
    letters), then the first in alphabetical order, so the choice never depends on which
    document came first."""
    return min(names, key=lambda name: (-len(name.split()), -len(name), name))


@dataclass(eq=False)  # identity matters: mentions of one actor share one object
class Actor:
    """An actor as found in one document: a canonical name and everything it is called.

    ``aliases`` are other names it goes by (a handle, an acronym, another spelling of its full
    name, a well-known short name); ``aliases_guessed`` are short names the document used for it
    (a surname, "Mr Smith"), true here and nowhere else."""

    name: str
    kind: str
    title: str = ""
    aliases: set[str] = field(default_factory=set)
    aliases_guessed: set[str] = field(default_factory=set)

    @property
    def key(self) -> str:
        return actor_key(self.name, self.kind)


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    actor: Actor


@dataclass(frozen=True, slots=True)
class KnownActor:
    name: str
    kind: str
    title: str
    aliases: tuple[str, ...]


@cache
def _known_actor_table() -> tuple[dict, ...]:
    path = Path(__file__).with_name("known_actors.json")
    return tuple(json.loads(path.read_text(encoding="utf-8"))["actors"])


@lru_cache(maxsize=256)
def known_actors(on: date) -> dict[str, KnownActor]:
    """Well-known actors by lower-cased name and alias, with the aliases valid on ``on``
    (cached: callers only read it)."""
    table: dict[str, KnownActor] = {}
    for entry in _known_actor_table():
        aliases = tuple(
            item["alias"]
            for item in entry["aliases"]
            if date.fromisoformat(item.get("from", "0001-01-01"))
            <= on
            <= date.fromisoformat(item.get("until", "9999-12-31"))
        )
        actor = KnownActor(entry["name"], entry["kind"], entry.get("title", ""), aliases)
        for name in (actor.name, *aliases):
            table[name_key(name)] = actor
    return table


class ActorRegistry:
    """The actors of one document, merging every new full name into what is already known."""

    def __init__(self, document_date: date) -> None:
        self.actors: list[Actor] = []
        self._by_name: dict[str, Actor] = {}
        self._by_key: dict[tuple[str, str], Actor] = {}
        self._known = known_actors(document_date)
        self._surnames: dict[str, list[Actor]] | None = None

    def lookup(self, name: str) -> Actor | None:
        """The actor with this full name, alias or person's identity ("Ana M. Lopez" for "Ana
        Lopez"), or the organization whose initials it spells ("CPD")."""
        name = " ".join(name.split())
        actor = self._by_name.get(name_key(name))
        if actor or name.startswith("@"):
            return actor
        actor = self._by_key.get((PERSON, actor_key(name, PERSON)))
        if actor is not None and len(name.split()) > 1:
            return actor
        if len(name.split()) > 1:
            # "Walt Disney Co" and "Walt Disney Co.", "Dell Technologies" and "Dell": one
            # organization in a document as across documents.
            actor = self._by_key.get((ORGANIZATION, actor_key(name, ORGANIZATION)))
            if actor is not None:
                return actor
        if name.isupper() and " " not in name:
            spelled = [a for a in self.actors if a.kind == ORGANIZATION and _spells(a.name, name)]
            if len(spelled) == 1:
                return spelled[0]
        return None

    def add(self, name: str, kind: str, title: str = "") -> Actor:
        """The actor called ``name``, created if new, with its known canonical form."""
        self._surnames = None
        name = " ".join(name.split())
        actor = self.lookup(name)
        bare = _DOTTED_START.sub("", name) if kind == ORGANIZATION else name
        if actor is None and bare != name:
            actor = self.lookup(bare)  # "U.N. Security Council" after "Security Council"
        if actor is None and kind == ORGANIZATION and " " in name:
            # "World Health Organization" after "WHO Director-General ...": the organization
            # the document knew by its initials only.
            for initials in _acronyms(name):
                spelled = self._by_name.get(name_key(initials))
                if spelled is not None and spelled.kind == kind and _spells(name, spelled.name):
                    actor = spelled
                    break
        known = self._known.get(name_key(name))
        if actor is None and known is not None:
            actor = self._by_name.get(name_key(known.name))
        if actor is None:
            if known is not None:
                actor = Actor(known.name, known.kind, known.title or title)
                self._register(actor, known.name)
                for alias in known.aliases:
                    self._register(actor, alias, add_alias=False)
            else:
                actor = Actor(name, kind, title)
            self.actors.append(actor)
            self._by_key.setdefault((actor.kind, actor.key), actor)
        elif known is None and actor.kind == kind and name != actor.name:
            better = preferred_name([actor.name, name])
            if kind == ORGANIZATION and _spells(actor.name, name.replace(" ", "")):
                better = actor.name  # "CPD" after "Chicago Police Department"
            elif kind == ORGANIZATION and _spells(name, actor.name):
                better = name  # "Chicago Police Department" after "CPD"
            if better != actor.name:
                actor.aliases.add(actor.name)
                actor.aliases.discard(better)
                actor.name = better
        if title and not actor.title:
            actor.title = title
        self._register(actor, name)
        if bare != name:
            self._register(actor, bare)  # and "the Security Council" after it
        if kind == ORGANIZATION and (suffix := _LEGAL_SUFFIX_END.search(name)):
            self._register(actor, name[: suffix.start()])  # "Novartis AG" is "Novartis"
        return actor

    def alias(self, actor: Actor, name: str, *, guessed: bool = False) -> Actor:
        if guessed:
            if name_key(name) != name_key(actor.name):
                actor.aliases_guessed.add(name)
            return actor
        self._register(actor, name)
        return actor

    def add_handle(self, handle: str) -> Actor:
        """The actor behind a handle: a post's author, a known actor ("@POTUS"), the
        organization whose acronym it is ("@FBI" where the text names the FBI), or else an
        actor known only by that handle."""
        actor = self.lookup(handle)
        if actor is None and not self.is_known(handle) and handle[1:].isupper():
            actor = self.lookup(handle[1:])
        if actor is None:
            return self.add(handle, OTHER)
        self.alias(actor, handle)
        return actor

    def is_known(self, name: str, kind: str | None = None) -> bool:
        known = self.known_kind(name)
        return known is not None and kind in (None, known)

    def known_kind(self, name: str) -> str | None:
        """The kind of the well-known actor ``name`` names on the document's date, if any."""
        known = self._known.get(name_key(name))
        return known.kind if known is not None else None

    def people_named(self, surname: str) -> list[Actor]:
        """The people of the document whose last name is ``surname`` (an index, rebuilt when
        an actor was added or renamed)."""
        if self._surnames is None:
            self._surnames = {}
            for actor in self.actors:
                if actor.kind == PERSON and " " in actor.name:
                    # "Louis Gerstner Jr." is Mr. Gerstner: a generational suffix is no surname.
                    words = [w for w in actor.name.split() if w.casefold() not in _NAME_SUFFIXES]
                    last = _fold(words[-1].rstrip("."))
                    self._surnames.setdefault(last, []).append(actor)
        return self._surnames.get(_fold(surname), [])

    def _register(self, actor: Actor, name: str, add_alias: bool = True) -> None:
        if add_alias and name_key(name) != name_key(actor.name):
            actor.aliases.add(name)
        self._by_name.setdefault(name_key(name), actor)
        if actor.kind == PERSON and " " in name.strip():
            self._by_key.setdefault((PERSON, actor_key(name, PERSON)), actor)


def find_actors(
    text: str, document_date: date, posts: list[Post]
) -> tuple[list[Actor], list[Mention], dict[int, Actor]]:
    """All actors of ``text``, their mentions (sorted by offset), and each post's author
    (keyed by the post's start offset)."""
    registry = ActorRegistry(document_date)
    mentions: list[Mention] = []
    authors: dict[int, Actor] = {}

    # 1. Post authors first: their signatures carry the full name, the title and the handle.
    for post in posts:
        match = _TITLED_PERSON.fullmatch(post.author)
        if match:
            title = (match.group("org") or "") + match.group("title")
            name = match.group("name")
            offset = post.author_start + match.start("name")
            if match.group("org"):
                employer = registry.add(match.group("org").strip(), ORGANIZATION)
                start = post.author_start + match.start("org")
                mentions.append(Mention(start, start + len(match["org"].strip()), employer))
        else:
            title, name, offset = "", post.author, post.author_start
        author = registry.add(name, PERSON, title)
        registry.alias(author, post.handle)
        authors[post.start] = author
        mentions.append(Mention(offset, offset + len(name), author))

    # The spans taken, sorted and disjoint: a new span is free when it overlaps neither
    # neighbour (a bisection, so a long text costs no quadratic time).
    claimed: list[tuple[int, int]] = sorted((m.start, m.end) for m in mentions)

    def free(start: int, end: int) -> bool:
        at = bisect.bisect_left(claimed, (start, start))
        before = at > 0 and claimed[at - 1][1] > start
        after = at < len(claimed) and claimed[at][0] < end
        return not (before or after)

    def claim(start: int, end: int, actor: Callable[[], Actor | None]) -> Actor | None:
        """Record a mention unless an earlier, stronger rule took that text already (the actor
        is only looked up or created when the mention stands)."""
        if end <= start or not free(start, end):
            return None
        found = actor()
        if found is not None:
            bisect.insort(claimed, (start, end))
            mentions.append(Mention(start, end, found))
        return found

    def claim_org(start: int, raw: str, cued: bool = False) -> None:
        if _two_names(raw, second_any=True):
            # "drugmaker Roche Holding AG and Gilead Sciences Inc": two complete names
            head, _, tail = raw.partition(" and ")
            claim_org(start, head, cued)
            claim_org(start + len(head) + 5, tail, cued)
            return
        name, offset = _clean_org(raw, cut_of=not cued)
        if name and _HONORIFIC_RE.fullmatch(name.split()[0]):
            return  # "a spokeswoman for Dr Murray and Mr Chernoff": people
        words = name.split()
        if words and words[-1] in _PARTY_MEMBERS and (len(words) == 1 or words[-2] in _CHAMBERS):
            return  # "Senate Democrats", "Republicans": members of a party ("Liberal Democrats"
            # is a party)
        before, joined, after = name.rpartition(" and ")
        if joined and (
            (_is_person_like(after) and not _looks_like_org(after))
            or (_is_place(after) and " of " not in before)
        ):
            name = before  # "Chairman of Kidney Wales Foundation and Glyn Davies": two names
        if name:
            begin = start + offset
            if name.endswith("ly") and " " not in name and _sentence_start(text, begin):
                return  # "Initially, the company said ...": an adverb, not "Initially"
            if prefix := _DOTTED_PREFIX.search(text, max(0, begin - 12), begin):
                # "U.N. Security Council", "U.S. Coast Guard": the initials are the name's.
                name = text[prefix.start() : begin] + name
                begin = prefix.start()
            claim(begin, begin + len(name), lambda: registry.add(name, ORGANIZATION))

    def claim_person(start: int, raw: str, title: str = "") -> None:
        bare, bare_offset = _clean_org(raw)
        if bare and _looks_like_org(bare):  # "General Motors", "Apple Computer"
            claim_org(start + bare_offset, bare)
            return
        name, offset = _clean_person(raw)
        if not name:
            return
        begin = start + offset
        if " " not in name:  # a surname: a short reference, resolved once all names are known
            short_refs.append((begin, begin + len(name), name, title))
            return
        if _HONORIFIC_RE.fullmatch(title):
            title = ""  # "Mr", "Dr": a form of address, no title
        claim(begin, begin + len(name), lambda: registry.add(name, PERSON, _title_case(title)))

    short_refs: list[tuple[int, int, str, str]] = []
    speakers: set[int] = set()  # where a single name speaks ("Pfizer said", "said Reuters")

    @cache
    def document_words() -> DocumentWords:
        """The text's lower-case words and the words it places after "in" (read once, when
        first needed)."""
        return _document_words(text)

    @cache
    def names_inside() -> frozenset[str]:
        """Capitalized words the text writes after a lower-case word, inside a sentence (read
        once, when first needed)."""
        return frozenset(m.group(1) for m in _NAME_INSIDE.finditer(text))

    # 2. Context: roles, cue words and appositions name the kind of what they introduce.
    # A possessive inside a name: "Queen's University", "Moody's Investors Service", "Lloyd's
    # of London", "Standard & Poor's" (a head word or "of" after it, or "&" before it).
    # Not a place's, a person's or a longer name's possessive: "Britain's Labor Party", "Cameron's
    # Conservative Party", "the Interior Department's Minerals Management Service".
    for match in _POSSESSIVE_ORG.finditer(text):
        name, owner = match["name"], match["owner"]
        if match["head"] and not _is_org_head(match["head"].split()[-1]):
            continue
        if owner is not None and (
            _CAPITALIZED_BEFORE.search(text, max(0, match.start() - 30), match.start())
            or _INITIAL.fullmatch(owner)
            or _is_place(owner)
            or (_is_given_name(owner) and not match["of"])
        ):
            continue
        claim(match.start("name"), match.end("name"), partial(registry.add, name, ORGANIZATION))
    # A broadcaster's numbered channel: "BBC Radio 4", "Radio 2".
    for match in _NUMBERED_CHANNEL.finditer(text):
        begin = match.start()
        for owner in _CHANNEL_OWNER.finditer(text, max(0, match.start() - 60), match.start() + 8):
            if owner.end() == match.start():
                begin = owner.start()
                break
        if text.startswith("The ", begin):
            begin += 4  # "The BBC Radio 1 presenter"
        name = text[begin : match.end()]
        claim(begin, match.end(), partial(registry.add, name, ORGANIZATION))
    # Dotted initials: "U.N." (a country's, "U.S.", "U.K.", is a place).
    for match in _DOTTED.finditer(text):
        if not (registry.is_known(match.group()) or registry.lookup(match.group())):
            continue  # "B.A.", "J.D.", "N.A.": degrees and suffixes, not the known "U.N."
        if _DOTTED_NAME_AFTER.match(text, match.end()):
            continue  # "U.N. Security Council": the initials begin a longer name
        claim(match.start(), match.end(), partial(registry.add, match.group(), ORGANIZATION))
    for match in _ORG_ROLE_PERSON.finditer(text):
        last_part = match["org"].rpartition(" and ")[2]
        if last_part != match["org"] and (_is_nationality(last_part) or _is_place(last_part)):
            # "spoke to Gaddafi and Syrian President Bashar al-Assad": the office's nationality
            claim_person(match.start("name"), match["name"], f"{last_part} {match['title']}")
            continue
        # A portfolio before an office of state is the title's ("European Union Health
        # Commissioner", "South African Foreign Minister"), whatever comes before it.
        office = _STATE_TITLE.search(match["title"]) is not None
        org_run = _without_portfolio(match["org"]) if office else match["org"]
        org, _ = _clean_org(org_run)
        # "District Attorney Jane Doe" is a title, not the organization "District".
        title_words = f"{match['org']} {match['title']}"
        if not org or _TITLE_RE.fullmatch(title_words) or _is_person_like(org):
            continue
        if (
            " " not in org
            and not org.isupper()
            and _sentence_start(text, match.start("org"))
            and (match["title"][0].isupper() or org.lower() in document_words().lower)
        ):
            # "Economy Minister Pieter Jansen": one capitalized word opening a sentence before
            # a capitalized title is more likely the title's ("Shell chief executive ..." is
            # the company's), and so is a common word ("Government spokesman", "Lease partner").
            claim_person(match.start("name"), match["name"], title_words)
            continue
        if (
            (_STATE_TITLE.search(match["title"]) or _looks_like_demonym(org) or _is_place(org))
            and len(org.split()) <= 2
            and not any(_is_org_head(word) for word in org.split())
        ):
            # "German defense minister", "Rwandan President", "Polish Defense Minister": before
            # an office of state, words that hold no organization's head word are a
            # nationality or a portfolio, part of the title ("Labour Party leader" keeps its
            # party, "Shell chief executive" its company).
            claim_person(match.start("name"), match["name"], title_words)
            continue
        claim_org(match.start("org"), _without_modifiers(org_run))
        claim_person(match.start("name"), match["name"], match["title"])
    for match in _CUED_ORG.finditer(text):
        if match["cue"][0].isupper() and not _sentence_start(text, match.start()):
            continue
        claim_org(match.start("org"), match["org"], cued=True)
    for match in _MADE_BY.finditer(text):
        if not _is_person_like(match["name"]) and not _is_place(match["name"]):
            claim_org(match.start("name"), match["name"])
    runs = list(_CAPS_RUN.finditer(text))
    run_ending = {match.end(): match for match in runs}
    for match in _THEN_CUE.finditer(text):
        if run := run_ending.get(match.start()):
            person, of, org = run["name"].partition(" of ")
            if of and _is_person_like(person) and not _looks_like_org(person):
                # "Owen Morgan of Amira, a group that ...": the group is Amira, Owen Morgan its
                claim_person(run.start("name"), person)
                claim_org(run.start("name") + len(person) + len(of), org, cued=True)
                continue
            claim_org(run.start("name"), run["name"], cued=True)
    for match in _AT_ORG.finditer(text):
        if _ROLE_BEFORE.search(text, max(0, match.start() - 40), match.start()):
            for start, part in _org_parts(match.start("org"), match["org"], split=True):
                claim_org(start, part, cued=True)
    for match in _APPOSITION.finditer(text):
        if (
            not match["org"]
            and _REPORTING_AFTER.match(text, match.end())
            and not _POSSESSIVE.search(match.group())
        ):
            # "... a similar bomb in Kenya, an official said Saturday": the role speaks, it
            # does not describe the name before the comma ("Byron Grote, BP's chief financial
            # officer said" does).
            continue
        # "singer of Cuban descent", "chief for North African affairs": a nationality's words;
        # "Minister for Tourism": a portfolio
        portfolio = (
            match["org"]
            and _STATE_TITLE.search(match["title"])
            and not match["org"].isupper()
            # "Minister for Tourism", "Commissioner for International Cooperation, ..."
            and (
                " " not in match["org"]
                or _FOR_BEFORE.search(text, max(0, match.start("org") - 12), match.start("org"))
            )
        )
        place = match["org"] and (
            _is_place_like(match["org"])
            or _is_place(match["org"])
            or re.match(r"[Mm]ayor|[Gg]overnor", match["title"])
        )  # "Anthony Kennon, mayor of Orange Beach": a place
        if (
            match["org"]
            and not portfolio
            and not place
            and not _is_nationality(match["org"].split()[-1])
        ):
            claim_org(match.start("org"), match["org"])
        if not _looks_like_org(match["name"]):
            # One word before the comma may end an opening phrase whose subject the role is
            # ("In efforts to prevent his return to Cuba, an anti-Castro lawmaker ..."): it
            # may name a person introduced in full, but it does not introduce one.
            lone = " " not in _clean_person(match["name"])[0]
            addressed = _HONORIFIC_RE.match(match["name"]) or _HONORIFIC_BEFORE.search(
                text, max(0, match.start("name") - 6), match.start("name")
            )  # "Mr. Schwarz, who is president"
            title = match["title"] if addressed or not lone else ""
            claim_person(match.start("name"), match["name"], title)

    # 3. Organizations by their structure.
    for match in _CITY_OF.finditer(text):
        name = _cut_at_title(match["name"])  # "City of Chicago Mayor ..." is "City of Chicago"
        start = match.start("name")
        claim(start, start + len(name), partial(registry.add, name, ORGANIZATION))
    for match in runs:
        # In a list ("Ford, Caterpillar and General Electric") an "and" joins two names.
        in_list = text.endswith(", ", 0, match.start("name"))  # no copy of the text before
        for start, part in _org_parts(match.start("name"), match["name"], split=in_list):
            name, offset = _clean_org(part)
            if "," in name and " of " not in name:  # "Stocks of Ford, Caterpillar and ...": a list
                items = [(start + offset + m.start(), m.group()) for m in _CAPS_RE.finditer(name)]
            else:
                items = [(start + offset, name)]
            for begin, item in items:
                if item and _looks_like_org(item):
                    claim_org(begin, item)

    # 4. People: by title, as a source, by a given name, in a list.
    for match in _TITLED_PERSON.finditer(text):
        at = match.start("title")
        if match["title"] in ("PM", "AM") and _DIGIT_BEFORE.search(text, max(0, at - 4), at):
            continue  # "8:38 PM Crews looking for ...": a clock time, not a prime minister
        if match.group("org") and match["org"].strip() not in _NOT_ACTORS:
            org = match["org"].strip()
            start = match.start("org")
            claim(start, start + len(org), partial(registry.add, org, ORGANIZATION))
        title = (match.group("org") or "") + match.group("title")
        claim_person(match.start("name"), match["name"], title)
    # Given names alone (after a kinship noun, "named", before a sibling's full name): resolved
    # once every full name is known.
    first_names: list[tuple[int, str]] = []
    kin_end = -1  # where the last family member's name ended
    for match in _KIN.finditer(text):
        whose = _KIN_OWNER.search(text, max(0, match.start() - 60), match.start())
        between = text[kin_end : match.start()] if kin_end >= 0 else "."
        listed = _KIN_LISTED.search(text, max(0, match.start() - 3), match.start())
        if whose is None and not listed and not _KIN_CHAIN.fullmatch(between):
            continue  # "the mother ship", "Mother Teresa": no one's mother
        if whose is not None and whose["owner"]:
            claim_person(whose.start("owner"), whose["owner"])
        family = [match]
        plural = match["kin"].endswith(("s", "ren"))
        while plural and len(family) <= _MAX_LIST_ITEMS:
            more = _KIN_MORE.match(text, family[-1].end())
            if more is None:
                break
            family.append(more)
        kin_end = family[-1].end()
        for each in family:
            name, offset = _clean_person(each["name"])
            if not name or _looks_like_org(name) or _is_place_like(name):
                continue
            if " " in name:
                claim_person(each.start("name") + offset, name)
            else:
                first_names.append((each.start("name") + offset, name))
    # "a rebel named Majdi", "a man identified only as Matt": a person named as such.
    for match in _NAMED_AS.finditer(text):
        if _AUXILIARY_BEFORE.search(text, max(0, match.start() - 6), match.start()):
            continue  # "the ship was named Endeavour", "the spaceships, named Orion"
        name, offset = _clean_person(match["name"])
        if not name or _looks_like_org(name) or _is_place_like(name) or _is_place(name):
            continue
        if " " in name:
            claim_person(match.start("name") + offset, name)
        else:
            first_names.append((match.start("name") + offset, name))
    for match in _AGED.finditer(text):
        if match["after"]:
            aged, at = match["after"], match.start("after")
        elif named := _NAME_BEFORE.search(text, max(0, match.start() - 80), match.start()):
            aged, at = named["name"], named.start("name")
        else:
            continue
        name, offset = _clean_person(aged)
        if " " in name and not _looks_like_org(name) and not _is_place_like(name):
            claim_person(at + offset, name)
    for by in _CREDIT.finditer(text):
        credit = _CREDIT_BEFORE.search(text, max(0, by.start() - 30), by.start())
        if credit is None:
            continue
        credited_names: re.Match[str] | None = by
        if not credit.group().strip():  # "By" opening a line: a byline, a line of its own
            credited_names = _BYLINE.match(text, by.start())
        if credited_names is None:
            continue
        for credited in _PERSON_NAME_RE.finditer(credited_names["list"]):
            name, offset = _clean_person(credited.group())
            if " " in name and not _looks_like_org(name) and not _is_place_like(name):
                claim_person(credited_names.start("list") + credited.start() + offset, name)
    for pattern in (_SAID_NAME, _NAME_SAID, _ACCORDING_TO, _TOLD_NAME, _SET_OFF_SAID):
        for match in pattern.finditer(text):
            name, offset = _clean_person(match["name"])
            # A lone surname is resolved later; a full name needs a sign it is a person's.
            if not name or (pattern is _SET_OFF_SAID and _is_place(name)):
                continue  # "... in Austin, Texas, said": where the speaker is
            lone = " " not in name
            if lone:
                speakers.add(match.start("name") + offset)
            # After "said", "according to": a name not built as a place's or a company's.
            cued = pattern is not _NAME_SAID and not _is_place_like(name)
            if lone or cued or _is_given_name(name) or registry.lookup(name) or _has_initial(name):
                claim_person(match.start("name"), match["name"])
    # A full name the text goes on to call by its last word alone ("Neal Horsley said ...",
    # then "Horsley was not a defendant"): news writing introduces a person by full name and
    # refers to them by surname after, so the echo vouches for a name that no list of given
    # names knows. Not after "the" ("the Warsaw Pact"), and not when the last word stands
    # alone only as a place does, after "in", "to", "from" ("Little Havana" / "in Havana").
    # Every word of the name is a name's: never written in lower case in the text ("Once
    # Gonzalez", "Through Oct" open a sentence), the first no initial or capitals ("U.S.
    # Immigration", "GM Hughes").
    unlisted: list[tuple[int, str, list[str]]] = []
    for match in _PERSON_RUN.finditer(text):
        name, offset = _clean_person(match["name"])
        if " " not in name:
            continue
        start = match.start("name") + offset
        if (
            _is_given_name(name)
            and not _looks_like_org(name)
            and not _is_place_like(name)
            # "the Charles de Gaulle aircraft carrier", "the Michael Forever concert"
            and not (
                _AFTER_THE.search(text, max(0, start - 5), start)
                and _LOWER_NOUN_AFTER.match(text, start + len(name))
            )
        ):
            claim_person(start, name)
        elif len(words := name.split()) <= 3:
            unlisted.append((start, name, words))
    if unlisted:
        echoed = _echoed_surnames(text, {words[-1] for _, _, words in unlisted})
        lower_words = document_words().lower if echoed else frozenset()
        for start, name, words in unlisted:
            if (
                words[-1] in echoed
                and words[0] not in _NOT_NAMES
                and len(words[0]) > 2
                and not words[0].endswith(".")
                and not words[0].isupper()
                # "Quoting Algerian sources", "Citing Gaddafi": a participle opens the sentence
                and not (words[0].endswith("ing") and _sentence_start(text, start))
                and not any(word.lower() in lower_words for word in words)
                and not _INITIAL.fullmatch(words[-1])
                and not _looks_like_org(name)
                and not _is_place_like(name)
                and not _AFTER_THE.search(text, max(0, start - 5), start)
            ):
                claim_person(start, name)
    for match in _LIST.finditer(text):
        members = [
            (m.start(), m.group())
            for m in _PERSON_NAME_RE.finditer(match["list"])
            if m.group() not in ("and", "or")
        ]
        cleaned = [(_clean_person(raw), start) for start, raw in members]
        known = [registry.lookup(name) for (name, _), _ in cleaned if " " in name]
        # "opposition leaders Mir Hossein Mousavi and Mehdi Karroubi": a plural title before
        # the list says its members are people, as a person of the document among them does.
        titled = _PLURAL_TITLE_BEFORE.search(text, max(0, match.start() - 60), match.start())
        if titled or any(actor is not None and actor.kind == PERSON for actor in known):
            for ((name, offset), start), (_, raw) in zip(cleaned, members, strict=True):
                if raw.startswith(("The ", "the ")):
                    continue  # "The Black Eyed Peas, Christina Aguilera and ...": no person's
                if " " in name and not _looks_like_org(name) and not _is_place_like(name):
                    claim_person(match.start("list") + start + offset, name)
        # "Randy, Jermaine and Janet Jackson": given names before a full name share its
        # surname; each is a person of the family.
        last_name = cleaned[-1][0][0] if cleaned else ""
        if (
            len(cleaned) > 1
            and " " in last_name
            and _is_person_name(last_name)
            and not _looks_like_org(last_name)
            and (_is_given_name(last_name) or registry.lookup(last_name) is not None)
            and all(
                name
                and " " not in name
                and not _is_place(name)
                and name not in document_words().places
                for (name, _), _ in cleaned[:-1]
            )
        ):
            for (name, offset), start in cleaned[:-1]:
                first_names.append((match.start("list") + start + offset, name))

    for match in _ORG_LIST.finditer(text):
        members = [
            (match.start("list") + m.start(), m.group()) for m in _CAPS_RE.finditer(match["list"])
        ]
        joined = _JOINED_BEFORE.search(text, max(0, match.start() - 40), match.start())
        if joined is not None and _is_org_head(joined["head"]):
            members = members[1:]  # "Center for Biological Diversity, ...": the end of a name
        kinds = {getattr(registry.lookup(raw), "kind", None) for _, raw in members}
        if ORGANIZATION in kinds and PERSON not in kinds:
            for start, raw in members:
                name, offset = _clean_org(raw)
                if (
                    name
                    and not _is_person_like(name)
                    and not _is_place_like(name)
                    and not _HONORIFIC_RE.fullmatch(name)  # "... Institute and Dr. Gianna ..."
                ):
                    claim(
                        start + offset,
                        start + offset + len(name),
                        partial(registry.add, name, ORGANIZATION),
                    )

    # One name before the people or stock of an organization ("BP officials", "Halliburton
    # executives", "Transocean shares"): a company's, when it is no common word, place, group,
    # nationality or given name, and no person of the document bears it as surname.
    # A list after a plural class noun ("companies such as Aramco, Petrobras and Pemex",
    # "lawmakers including Ana Lopez and ..."): organizations after a plural of an organization
    # cue, people after a group of people.
    for class_list in _CLASS_LIST.finditer(text):
        noun = _CLASS_NOUN_BEFORE.search(text, max(0, class_list.start() - 40), class_list.start())
        if noun is None:
            continue
        plural = noun["noun"].lower()
        people = plural in group_nouns()
        if not people and (
            plural == _singular(plural) or _singular(plural) not in _org_class_nouns()
        ):
            continue
        for member in _CAPS_RE.finditer(class_list["list"]):
            start = class_list.start("list") + member.start()
            if _NAME_GOES_ON.match(text, start + len(member.group())):
                continue  # "McDonald's Corp.": a part of a longer name
            if people:
                name, offset = _clean_person(member.group())
                if " " in name and not _looks_like_org(name) and not _is_place_like(name):
                    claim_person(start + offset, name)
            elif not _is_person_like(member.group()) and not _is_place(member.group()):
                claim_org(start, member.group(), cued=True)

    for noun in _MEMBERS.finditer(text):
        one = _ONE_NAME_BEFORE.search(text, max(0, noun.start() - 40), noun.start())
        if one is None:
            continue
        word = one["name"]
        start = one.start("name")
        if word in _NOT_ACTORS or word in _NOT_NAMES or not free(start, one.end("name")):
            continue
        if _CAPITALIZED_BEFORE.search(text, max(0, start - 30), start):
            continue  # the end of a longer name ("White House officials")
        if word.isupper():
            if _CAPS_NEIGHBOUR.search(text, max(0, start - 12), start):
                continue
        elif (
            not _speaks_as_organization(word, document_words())
            or word.endswith("ed")  # a participle: "Elected officials", "Unnamed officials"
            or (_sentence_start(text, start) and word not in names_inside())
        ):
            continue  # at a sentence's start, only a word the text capitalizes elsewhere too
        if registry.people_named(word) or _is_nationality(word):
            continue
        if name_key(word) in _country_names() or name_key(word) in _region_names():
            continue  # "Louisiana officials": a state's, a place
        # The short form of an organization the document names in full ("Conner Peripherals
        # Inc." ... "Conner shares") is that organization, as a surname is its person's.
        full = [
            actor
            for actor in registry.actors
            if actor.kind == ORGANIZATION and actor.name.startswith(f"{word} ")
        ]
        if len(full) == 1:
            owner = full[0]
            claim(start, one.end("name"), partial(registry.alias, owner, word, guessed=True))
        elif not full:
            claim(start, one.end("name"), partial(registry.add, word, ORGANIZATION))

    # A news outlet named with its medium ("Kyodo news agency reported").
    for medium in _MEDIUM.finditer(text):
        if medium.group() != "TV" and not text[medium.start()].islower():
            continue  # "Fox News Channel" is a name, "Libyan TV" a nationality's
        outlet = _NAME_BEFORE_MEDIUM.search(text, max(0, medium.start() - 60), medium.start())
        if outlet is None:
            continue
        name, offset = _clean_org(outlet["name"])
        last = name.split()[-1] if name else ""
        if (
            not name
            or _AN_BEFORE.search(text, max(0, outlet.start() - 4), outlet.start())
            or name in _language_names()  # "Arabic television", "Spanish radio"
            or "-" in last  # "Spanish-language radio"
            or _is_nationality(name)
            or _looks_like_demonym(name)
            or _is_place(name)
            or last in _MONTHS_UNDOTTED
            or last.endswith("day")  # "the Sunday newspaper"
            # One word opening a sentence: "Nonprofit group, Global Medical Relief Fund, ..."
            or (" " not in name and _sentence_start(text, outlet.start("name") + offset))
        ):
            continue
        claim_org(outlet.start("name") + offset, name, cued=True)

    # A newspaper named "Daily ..." ("the Daily Star", "Daily Monitor").
    for paper in _DAILY.finditer(text):
        claim_org(paper.start("name"), paper["name"], cued=True)

    def _bracketed_after(at: int) -> Actor | None:
        """The actor whose mention ends just before the bracket that opens at ``at``, if any."""
        opening = _BRACKET_BEFORE.search(text, max(0, at - 8), at)
        if opening is None or not _BRACKET_CLOSE_AFTER.match(text, at):
            return None
        return ending_at.get(opening.start())

    ending_at = {mention.end: mention.actor for mention in mentions}

    # 5. Acronyms and handles.
    acronyms = list(_ACRONYM.finditer(text))
    uses = Counter(match.group() for match in acronyms)
    for match in acronyms:
        word = match.group()
        before = text[max(0, match.start() - 12) : match.start()]
        after = text[match.end() : match.end() + 12]
        # "BP PLC", "ABB AG": capitals before a legal suffix are a company's.
        incorporated = _LEGAL_SUFFIX_RE.match(after.lstrip()) is not None and after[:1] == " "
        if word in _NOT_ACTORS or _CAPS_NEIGHBOUR.search(before):
            continue
        if _CAPS_NEIGHBOUR.match(after) and not incorporated:
            continue
        if _CLOCK_BEFORE.search(before):
            continue  # a time zone: "16.42 BST", "11:51 am EDT"
        at_line_start = match.start() == 0 or text[match.start() - 1] == "\n"
        if at_line_start and (after.startswith(",") or textlib.dateline(text, match.start())):
            continue  # a dateline: "MANILA, Philippines", "HAVANA (AP) --"
        if textlib.in_dateline_agency(text, match.start(), match.end()):
            continue  # "MEXICO CITY (AP) --": a dateline's agency, not a source of the story
        if textlib.after_dateline_place(text, match.end()):
            continue  # "PARIS, March 10 (Reuters) -" inside a line
        if _TICKER_AFTER.match(text, match.end()) and _BRACKET_BEFORE.search(before):
            # A stock ticker ("AstraZeneca's (AZN.L)", "-LRB- DVN . N -RRB-"): no actor, but
            # the name before it is a listed company's.
            company = _NAME_BEFORE_TICKER.search(text, max(0, match.start() - 60), match.start())
            if company is not None:
                claim_org(company.start("name"), company["name"], cued=True)
            continue
        if (
            len(word) > 3
            and uses[word] == 1
            and word.lower() in document_words().lower
            and not (registry.is_known(word) or registry.lookup(word))
        ):
            continue  # "Click NEXT to continue", "Which is NOT": a shouted word
        if (
            len(word) == 2
            and not incorporated
            and (uses[word] < 3 or word.lower() in document_words().lower)
            and not (registry.is_known(word) or registry.lookup(word))
        ):
            # Two capitals alone are too often a product, a unit, a place, a shouted word
            # ("WE", "NO"); a story about one company names it again and again ("BP").
            continue
        spelled_out = _bracketed_after(match.start())
        if (
            spelled_out is not None
            and spelled_out.kind == ORGANIZATION
            and registry.lookup(word) is None
        ):
            # "the LA Police Department (LAPD)": an acronym given in brackets after an
            # organization's name is that organization's, whatever its letters.
            claim(match.start(), match.end(), partial(registry.alias, spelled_out, word))
            continue
        claim(match.start(), match.end(), partial(registry.add, word, ORGANIZATION))
    # An organization's person: "CNN's Wolf Blitzer said", "the BBC's Ignatius Bahizi in ...".
    for match in _OWNED_NAME.finditer(text):
        whose = _OWNER_BEFORE.search(text, max(0, match.start() - 40), match.start())
        owning = registry.lookup(whose["owner"]) if whose is not None else None
        if owning is None or owning.kind != ORGANIZATION:
            continue
        name, offset = _clean_person(match["name"])
        if " " in name and not _looks_like_org(name) and not _is_place_like(name):
            claim_person(match.start("name") + offset, name)

    # A word with capitals inside ("GlaxoSmithKline", "PetroChina") is a company's or a
    # product's name, not a person's ("McDonald", "LaToya", "DeLay" begin as names do).
    for match in _CAMEL.finditer(text):
        word = match.group()
        if word.startswith(_NAME_PREFIXES) or word in _NOT_ACTORS:
            continue
        claim(match.start(), match.end(), partial(registry.add, word, ORGANIZATION))
    for match in _HANDLE.finditer(text):
        handle = match.group()
        claim(match.start(), match.end(), partial(registry.add_handle, handle))

    # 6. Short references: once every full name is known, a surname names the one person of the
    # document with that surname (none if two share it); a well-known short name ("Trump") its
    # actor. Titled or said, or anywhere in a run of capitalized words.
    def resolve_short(start: int, end: int, word: str, title: str, honorific: str) -> None:
        if word in _NOT_NAMES or not free(start, end):
            return
        listed = registry.lookup(word)  # a name the document or the known table gave it
        if listed is not None:
            claim(start, end, lambda: registry.alias(listed, word))
            return
        people = registry.people_named(word)
        if len(people) == 1:
            actor = people[0]
            spelled = f"{honorific} {word}" if honorific else word
            claim(start, end, lambda: registry.alias(actor, spelled, guessed=True))
            if title and not actor.title and not _HONORIFIC_RE.fullmatch(title):
                actor.title = _title_case(title)
        elif not people and (kind := registry.known_kind(word)) is not None:
            claim(start, end, lambda: registry.add(word, kind))  # "Trump", "the Pentagon"
        elif (
            not people
            and title
            and not honorific
            and _is_person_name(word)
            and word.lower() not in document_words().lower
        ):
            # "President Garcia" in a text that gives no full name: the title vouches for a
            # person known here by surname ("Mr Garcia" alone does not; nor does a common word
            # after a title in a headline run into the text: "says mayor Days of ...").
            claim(start, end, lambda: registry.add(word, PERSON, _title_case(title)))
        elif (
            not people
            and start in speakers
            and not _PART_OF_NAME_BEFORE.search(text, max(0, start - 6), start)
            and not _MODIFIES_NEXT.match(text, end)
            and _speaks_as_organization(word, document_words())
        ):
            # "Pfizer said on Monday": news introduces a person by full name before a bare
            # surname speaks, so a single name that speaks with no person to refer to is an
            # organization's, unless the text shows it is a place ("in Pfizer" never comes)
            # or a common word ("Officials said").
            claim(start, end, lambda: registry.add(word, ORGANIZATION))

    # A given name after a kinship noun ("his mother, Katherine,") or "named" is the one person
    # of the document with that first name, else a person known here by it alone.
    for start, word in first_names:
        end = start + len(word)
        if word in _NOT_NAMES or not free(start, end) or registry.people_named(word):
            continue
        first = [a for a in registry.actors if a.kind == PERSON and a.name.split()[0] == word]
        if len(first) == 1:
            claim(start, end, partial(registry.alias, first[0], word, guessed=True))
        elif not first and registry.lookup(word) is None:
            claim(start, end, partial(registry.add, word, PERSON))
    for start, end, word, title in short_refs:
        honorific = _HONORIFIC_RE.fullmatch(title.strip()) if title else None
        resolve_short(start, end, word, title, honorific.group() if honorific else "")
    for match in _SHORT_REF.finditer(text):
        resolve_short(match.start("name"), match.end("name"), match["name"], "", match["hon"] or "")

    # A country is a place, not an actor ("Egypt, Syria and Morocco also sent troops", "Iran
    # said"), whatever rule took it.
    # A post's author stays, whatever name it signs with.
    places = _country_names()
    signed = {id(actor) for actor in authors.values()}
    actors = [a for a in registry.actors if id(a) in signed or name_key(a.name) not in places]
    if len(actors) < len(registry.actors):
        kept = {id(actor) for actor in actors}
        mentions = [mention for mention in mentions if id(mention.actor) in kept]
    mentions.sort(key=lambda mention: mention.start)
    _forget()
    return actors, mentions, authors


# Words that end no organization's name: "Security Council on Aug. 6" is the Security Council.
_MONTHS_UNDOTTED = frozenset(MONTH_ABBREVIATIONS)
_JOINTS = frozenset(("of", "for", "on", "the", "and", "&"))
# Nor a person's ("Daniel P. Davison Feb. 1"), but "Jan" and "Mar" are names too.
_MONTHS_NO_NAME = _MONTHS_UNDOTTED - {"Jan", "Mar", "Jun"}


def _forget() -> None:
    """Drop the name caches when a document is done, as the clause caches are: a document
    repeats its own names, another document seldom does, and a cache kept from one document
    to the next would only make one's analysis time depend on those before it."""
    for cached in (name_key, _fold, actor_key, _clean_org, _clean_person, _looks_like_org):
        cached.cache_clear()


@lru_cache(maxsize=16384)
def _clean_org(raw: str, cut_of: bool = True) -> tuple[str, int]:
    """An organization's name from a run of capitalized words, and its offset in the run: no
    leading article or sentence word ("The", "On"), no trailing possessive, no title word after
    it ("Acme Chief Executive" is "Acme")."""
    words = raw.split()
    start = 0
    while words and (
        words[0] in _NOT_NAMES
        or (len(words[0]) == 2 and words[0][1] == ".")  # "S." of U.S.
        or words[0].lower() in _STANDING  # "Retired Coast Guard admiral ..."
    ):
        start = raw.index(words[0], start) + len(words[0])
        words.pop(0)
    if not words:
        return "", 0
    offset = raw.index(words[0], start)
    name = " ".join(words)
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
    # "Volume on the New York Stock Exchange", "New York for the Kenya Tourist Office": before
    # "on" or "for" stands the organization's head ("Committee on Trade", "Center for Disease
    # Control") or no part of its name.
    before, joint, after = name.partition(" on " if " on " in name else " for ")
    if joint and not any(_is_org_head(w) for w in before.split()) and _looks_like_org(after):
        head = re.search(r"\s(?:on|for)\s+(?:the\s+)?", raw[offset:])
        if head is not None:
            offset += head.end()
            name = after.removeprefix("the ")
    name = _cut_at_title(name)
    while name.split() and name.split()[-1] in (*_NOT_NAMES, *_MONTHS_UNDOTTED, *_JOINTS):
        name = name.rsplit(" ", 1)[0] if " " in name else ""
    if name.split() and _LEGAL_SUFFIX_RE.fullmatch(name.split()[0]):
        return "", 0  # "PLC" alone, or a suffix left after a cut
    return (name, offset) if raw[offset : offset + len(name)] == name else ("", 0)


@lru_cache(maxsize=16384)
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
            or _HONORIFIC_RE.fullmatch(word)
            or (_TITLE_RE.fullmatch(word) and len(text[head.end() :].split()) >= 1)
            # An organization's acronym before a title: "WHO Director-General ...".
            or (word.isupper() and _TITLE_RE.match(text, head.end()))
            or (word in _NOT_ACTORS and text[head.end() :].startswith("By "))  # "JST By ..."
            or word.lower() in group_nouns()  # "fellow Republicans David Vitter"
        ):
            offset += head.end()
            text = text[head.end() :]
        else:
            break
    words = text.split()
    while words and words[-1] in ("MP", "MEP", "QC"):
        words.pop()  # "Ed Miliband MP": a member's letters, not a name
    while words and (words[-1] in _NOT_NAMES or words[-1] in _MONTHS_NO_NAME):
        if len(words) == 2 and words[-1] == "May" and _is_given_name(words[0]):
            break  # "Theresa May": a surname; a date would have its day after it
        words.pop()
    name = " ".join(words)
    if not name or not _is_person_name(name) or raw[offset : offset + len(name)] != name:
        return "", 0
    if _TITLE_RE.fullmatch(name.rstrip(".")):
        return "", 0  # "Vice Adm." before "Bill Gortney": a title, whoever bears it
    return name, offset


@lru_cache(maxsize=16384)
def _looks_like_org(name: str) -> bool:
    """A name built as an organization's: a head word ("... Department", "... Motors",
    "University of ..."), a legal suffix, or "&"."""
    words = name.split()
    if len(words) < 2:
        return False  # "Computer", "Reserve" alone: a head word needs a name before it
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
    if words[-1] in _LAW_TAILS:
        return False  # "the Freedom of Access to Clinic Entrances Act" is a law
    return any(_is_org_head(word) for word in words)


# Head words that end an organization's name and never a person's, whatever given name opens
# it (a head such as "Power" or "Mills" may be a surname: "Samantha Power").
_NEVER_SURNAMES = frozenset(
    """Group Insurance Savings Hotel Hotels Theater Theatre Press Holdings Securities Industries
    Airlines Airways Bancorp Technologies Systems Foundation Institute University College Library
    Museum Hospital Television Radio Ministry Department Agency Commission Committee Council
    Association Party Union Corporation Company Incorporated Laboratories Pharmaceuticals
    Communications Entertainment Investments Partners Associates Ventures""".split()
)
# What ends the name of a law or an agreement, which no head word inside makes an organization.
_LAW_TAILS = frozenset(
    "Act Acts Law Treaty Accord Accords Agreement Amendment Bill Protocol Resolution Prize Award "
    "Awards Medal Trophy Summit Festival Championship Championships Olympics".split()
)


def _is_org_head(word: str) -> bool:
    """A head word, or its plural ("Unions", "Associations")."""
    return bool(_ORG_HEAD_RE.fullmatch(word) or _ORG_HEAD_RE.fullmatch(word.removesuffix("s")))


def _org_parts(start: int, run: str, split: bool = False) -> list[tuple[int, str]]:
    """A run of capitalized words as one organization's name or several, with their offsets:
    "Securities and Exchange Commission" and "Department of Trade and Industry" are one,
    "General Electric and Boeing" two (an "and" joins one name when the run ends with a head
    word or follows an "of"; with ``split``, as in a list, it never does)."""
    head, joined, _ = run.partition(" and ")
    joins = (" of ", " for ", " on ")  # "Centers for Disease Control and Prevention"
    one = any(j in head for j in joins) or _is_org_head(run.split()[-1])
    if not joined or (not split and one and not _two_names(run)):
        return [(start, run)]
    parts, at = [], 0
    for part in run.split(" and "):
        at = run.index(part, at)
        parts.append((start + at, part))
        at += len(part)
    return parts


def _two_names(run: str, second_any: bool = False) -> bool:
    """Whether an "and" joins two names ("Human Rights Watch and Amnesty International",
    "Roche Holding AG and Gilead Sciences Inc"): the first an organization's complete in itself,
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


_PLACE_AFTER = re.compile(
    rf"{_starting(*_WHERE.split('|'))}\s+(?P<word>[{_UP}][{_LOW}]+){_END}"
    rf"(?!\s+[{_UP}])"
)
# Plural nouns for groups of people, which open many sentences before a reporting verb.
_GROUP_NOUNS = frozenset(word.capitalize() for word in group_nouns())


# A single name that is the end of a longer one ("Hudson's Bay", "First of America", "Weil &
# Associates") or a noun after an article ("a Cuban said"), and one that qualifies the next
# word ("Cuban Americans said", "according to Jordanian officials").
_PART_OF_NAME_BEFORE = re.compile(r"(?:['’]s|\bof|&|\bamp|\b[Aa]n?|\b[Tt]he)\s+$")
_MODIFIES_NEXT = re.compile(rf"\s+(?:[{_UP}]|(?:{'|'.join(sorted(group_nouns()))})\b)")


def _document_words(text: str) -> DocumentWords:
    return DocumentWords(
        frozenset(_LOWER_WORD.findall(text)),
        frozenset(match["word"] for match in _PLACE_AFTER.finditer(text)),
    )


# Nationalities that do not end as most do (-an, -ian, -ese, -ish).
_IRREGULAR_DEMONYMS = frozenset(
    """French Dutch Swiss Greek Thai Czech Iraqi Israeli Saudi Pakistani Afghan Kuwaiti Qatari
    Yemeni Somali Bangladeshi Omani Emirati Kazakh Uzbek Turkmen Welsh Scots""".split()
)


def _looks_like_demonym(word: str) -> bool:
    """Whether one capitalized word reads as a nationality or its plural ("Libyan leader",
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
    like one ("Transocean", "Halliburton")."""
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
    not a common word, a group of people, a place or a given name."""
    return (
        len(word) > 2
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
    for match in _LONE_WORD.finditer(text):
        word = match["word"]
        if word not in surnames or word in echoed or word in _NOT_NAMES:
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


def _sentence_start(text: str, offset: int) -> bool:
    # The last character before ``offset`` that is not white space, found without copying
    # the text before it (a copy per call made a long text quadratic).
    last = offset - 1
    while last >= 0 and text[last].isspace():
        last -= 1
    return last < 0 or text[last] in '.!?:\n"“”-'


def _is_given_name(name: str) -> bool:
    return _fold(name.split()[0].rstrip(".")) in _given_names()


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


# First words of places' names ("New York", "Fort Worth").
_PLACE_HEADS = frozenset(
    "New North South East West San Los Las Northern Southern Eastern Western Old Little Greater "
    "Upper Lower Central Fort Port Mount Lake".split()
)
# Last words of places named after people ("Franklin Park", "Beverly Hills", "Williams Ave.").
_PLACE_TAILS = frozenset(
    "Ave Avenue Street St Road Rd Boulevard Blvd Lane Drive Park Hills Heights Beach Springs "
    "Valley Island Islands Bay County Square Bridge Airport Stadium Arena Room Hall Mountains "
    "Mountain River Desert Coast City".split()
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
    ("Senate Majority Leader" is the Senate's, "BP Senior Vice President" BP's)."""
    while (cut := _TRAILING_MODIFIER.search(run)) is not None:
        run = run[: cut.start()]
    return run


def _is_person_name(name: str) -> bool:
    """At least one real word: initials alone ("J.", "P.") name nobody."""
    return any(len(word) > 2 and not word.endswith(".") for word in name.split())


def _initials(actor: Actor | str) -> str:
    name = actor.name if isinstance(actor, Actor) else actor
    return "".join(word[0] for word in name.split() if word[0].isupper())


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
