"""The word lists behind the actor rules: the files of ``lexicon/`` (one phrase a line, read as
prefix-tree patterns), and the names of countries, languages and regions (pycountry) and of
cities (the time-zone database)."""

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from events.analysis.actors.keys import _fold, name_key
from events.analysis.actors.scan import LETTER_RUN

_LEXICON = Path(__file__).with_name("lexicon")


def _words(name: str) -> str:
    """A resource file's phrases (one a line) as one regex, built as a prefix tree, each word's
    first letter in either case ("press secretary", "Press Secretary"). Python's re tries the
    branches of a plain alternation one by one, and a case-insensitive one slowly, at every
    position: as a plain list the title patterns alone cost tens of milliseconds a document.
    A space between two words of a phrase may be written as a hyphen ("vice-president")."""
    tree: dict = {}
    for phrase in _phrases(name):
        node = tree
        for index, char in enumerate(phrase):
            if char == " ":
                token = r"(?:\s+|-)"  # "vice president", "vice-president"
            elif char.isalpha() and (index == 0 or phrase[index - 1] in " -"):
                token = f"[{char.upper()}{char.lower()}]"
            else:
                token = re.escape(char)
            node = node.setdefault(token, {})
        node[""] = {}  # the end of a phrase
    return _tree_pattern(tree)


def _phrases(name: str) -> frozenset[str]:
    """A resource file's phrases, one a line (what follows a "#" is a comment)."""
    text = (_LEXICON / name).read_text(encoding="utf-8")
    return frozenset({line.split("#")[0].strip() for line in text.splitlines()} - {""})


def _pairs(name: str) -> dict[str, str]:
    """A resource file's "key = value" lines (what follows a "#" is a comment)."""
    pairs = {}
    for line in _phrases(name):
        key, _, value = line.partition("=")
        pairs[key.strip()] = value.strip()
    return pairs


def first_runs(phrases: Iterable[str]) -> frozenset[str]:
    """The runs of ASCII letters that ``phrases`` open with, the first letter in either case (as
    ``_words`` matches it): "vice" for "vice-president", "Gov" and "gov" for "gov.". A pattern
    that opens with one of the phrases can only match where the text's run of letters is one
    of these (see ``scan.LetterRuns``)."""
    runs: set[str] = set()
    for phrase in phrases:
        run = LETTER_RUN.match(phrase)
        assert run is not None, f"{phrase!r} opens with no ASCII letter"
        word = run.group()
        runs.update((word[0].upper() + word[1:], word[0].lower() + word[1:]))
    return frozenset(runs)


def _lexicon_first_runs(*names: str) -> frozenset[str]:
    """``first_runs`` of the phrases of the resource files ``names``."""
    return first_runs(phrase for name in names for phrase in _phrases(name))


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


def is_given_name(word: str) -> bool:
    """Whether ``word`` is a common given name (the lexicon's list, in any case): read by the
    actors and by the date rules, which take a month after one for a surname."""
    return _fold(word.rstrip(".")) in _given_names()
