"""How actors are identified: their kinds, the key a name is looked up by, the key that makes two
spellings one actor across documents, and which spelling is the canonical name."""

import re
import unicodedata
from functools import lru_cache

PERSON = "person"
ORGANIZATION = "organization"
PLACE = "place"
OTHER = "other"
_NAME_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())


# Cached, as are _fold, _transliteration_key, actor_key, surname_key, _clean_org, _clean_person,
# _looks_like_org and _acronyms: pure functions of a short string, which a document asks about
# again and again (the same names, the same runs of capitals); find_actors drops them when the
# document is done (_forget).
@lru_cache(maxsize=16384)
def name_key(name: str) -> str:
    """How two names are compared: white space, Unicode form and case folded, so "STRAUSS",
    "Strauß" and "Strau\u00df" are one name (the database stores this key: its own lower() does
    not fold the same way on every backend)."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


@lru_cache(maxsize=16384)
def _fold(word: str) -> str:
    """A word without case or accents: "José" and "JOSE" fold alike."""
    folded = word.casefold()
    if folded.isascii():
        return folded  # no accents to take off (most names): no character-by-character pass
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_LEGAL_SUFFIX_KEY = frozenset(
    "inc inc. corp corp. co co. ltd ltd. llc plc ag sa nv gmbh lp llp corporation".split()
)
# A country's initials that a national body's name is written with or without ("U.S. Border
# Patrol" and "Border Patrol", "UK Border Agency"); before a single word they stay ("U.S. Steel",
# "US Airways" are whole names).
_COUNTRY_PREFIX_KEY = frozenset("u.s. us u.k. uk".split())
# The international bodies whose organs news names by them in full or by initials ("the United
# Nations Security Council", "the U.N. Security Council", "the UN Security Council"), as keyed
# words, and the one word each is keyed by.
PARENT_BODIES: dict[tuple[str, ...], str] = {
    ("u.n.",): "un",
    ("un",): "un",
    ("united", "nations"): "un",
    ("e.u.",): "eu",
    ("eu",): "eu",
    ("european", "union"): "eu",
    ("nato",): "nato",
}
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


# Outlets write a name from another script each their own way: "Mustafa Qaddami", "Moustafa
# Kaddami", "Mustafa al-Qaddami", "Moustapha Kadhami"; "Dmitry" and "Dmitri"; "Youssef" and
# "Yousef". An identity compares what such spellings share: the digraphs one outlet writes and
# another does not (dh, kh, gh, ph), the letters that stand for one sound (q, g and k; o, u, ou
# and oo; y, i and ee), doubled letters as one, and no Arabic article before a surname. Only in
# words of six letters or more: short names that differ so are different names ("Lee" and
# "Li", "Guo" and "Gu", "Moore" and "More", "Jon" and "Jun"), and so are initials ("EEOC" and
# "IOC", "FAA" and "FA"). Vowels a, e and i stay apart ("Hill" and "Hall"). The same fold for
# every kind and case, so a name found as a person in one document and as an organization in
# another ("Trilby Lundstrom Inc"), or in capitals, stays one actor.
_TRANSLITERATED_LENGTH = 6
# Pairs of letters first, then single letters (str.replace and str.translate: a regular
# expression's substitution per letter cost a tenth of find_actors).
_SPELLING_PAIRS = (
    ("dh", "d"),
    ("kh", "k"),
    ("gh", "k"),
    ("ph", "f"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
)
_SPELLING_LETTERS = str.maketrans({"q": "k", "g": "k", "o": "u", "y": "i"})
_ARABIC_ARTICLE = re.compile(r"^(?:al|el)-(?=\w)")


@lru_cache(maxsize=16384)
def _transliteration_key(word: str) -> str:
    """``word`` (folded by ``name_key``) as its transliterations share it: "gadhami",
    "gaddami", "qaddami" and "kadhami" are "kadami"; a short word only without its accents."""
    folded = _fold(word)
    if len(folded) < _TRANSLITERATED_LENGTH:
        return folded
    for pair, letter in _SPELLING_PAIRS:
        folded = folded.replace(pair, letter)
    folded = folded.translate(_SPELLING_LETTERS)
    # Doubled letters as one (not digits: "Route 11" is no "Route 1").
    kept = [folded[0]]
    for char in folded[1:]:
        if char != kept[-1] or not char.isalpha():
            kept.append(char)
    return "".join(kept)


def without_arabic_article(surname: str) -> str:
    """``surname`` without the Arabic article joined to it: news calls "Omar al-Hakim" "Hakim"
    on second reference as often as "al-Hakim"."""
    return _ARABIC_ARTICLE.sub("", surname)


@lru_cache(maxsize=16384)
def surname_key(surname: str) -> str:
    """How a surname alone is compared with a full name's last word: "Kadhami" is Mustafa
    Qaddami's, "Hakim" Omar al-Hakim's."""
    return _transliteration_key(without_arabic_article(name_key(surname.rstrip("."))))


def parent_body(words: list[str]) -> tuple[int, str]:
    """How many of ``words`` (an organization's keyed words) name the international body it
    belongs to (``PARENT_BODIES``), and the one word the body is keyed by, when a name of two
    words or more of its own follows ("UN Security Council"; not "European Union of Students",
    "EU Commission"); else (0, "")."""
    for length in (1, 2):
        if (
            len(words) - length >= 2
            and (body := PARENT_BODIES.get(tuple(words[:length]))) is not None
            and words[length] not in ("of", "for", "and", "on", "in")
        ):
            return length, body
    return 0, ""


@lru_cache(maxsize=16384)
def actor_key(name: str, kind: str) -> str:
    """The identity of an actor across documents: a function of its name and kind alone, so the
    same set of documents gives the same actors in any order.

    A person is their first and last name, without initials, middle names or suffixes: "Ana
    Lopez", "Ana Maria Lopez" and "Ana M. Lopez" are one person (two people who share first and
    last name are one too: an editor tells them apart). An organization is its name without a
    leading "the" or a trailing legal suffix or descriptor ("General Motors Corp." is "General
    Motors", "Dell Technologies" is "Dell"), without a country's initials before a name of two
    words or more ("U.S. Border Patrol" is "Border Patrol"), with the international body it
    belongs to written one way ("U.N. Security Council" is "UN Security Council"), in
    American spelling ("Organisation"). Every kind's words are compared as their
    transliterations share them ("Moustapha Kadhami" is "Mustafa Qaddami"; the comment above
    ``_TRANSLITERATED_LENGTH``)."""
    key = name_key(name)
    words = key.split()
    if kind == PERSON and not key.startswith("@"):
        words = [w for w in words if w not in _NAME_SUFFIXES]
        core = [w for w in words if len(w.rstrip(".")) > 1]  # initials ("M.") dropped
        if len(core) >= 2:
            words = [core[0].rstrip("."), _ARABIC_ARTICLE.sub("", core[-1])]
        return " ".join(map(_transliteration_key, words)) or key
    if kind == ORGANIZATION:
        if len(words) > 1 and words[0] == "the":
            words = words[1:]
        if len(words) > 2 and words[0] in _COUNTRY_PREFIX_KEY:
            words = words[1:]  # "U.S. Border Patrol" is the "Border Patrol" (not "U.S. Steel")
        length, body = parent_body(words)
        if length:
            # "UN Security Council", "United Nations Security Council": one body, by one word.
            words = [body, *words[length:]]
        while len(words) > 1 and words[-1].rstrip(",") in _LEGAL_SUFFIX_KEY | _DESCRIPTOR_KEY:
            words = words[:-1]
        if len(words) == 2 and words[1] == "news" and name.split()[-2].isupper():
            words = words[:1]  # "BBC News", "CBS News": a broadcaster's news is the broadcaster
        words = [_US_SPELLING.get(word, word) for word in words]
        return " ".join(map(_transliteration_key, words)).rstrip(",") or key
    if key.startswith("@"):
        return key  # a handle is one exact spelling
    return " ".join(map(_transliteration_key, words)) or key


def preferred_name(names: list[str]) -> str:
    """Which of an actor's spellings is its canonical name: the fullest (most words, then most
    letters), then the first in alphabetical order, so the choice never depends on which
    document came first."""
    return min(names, key=lambda name: (-len(name.split()), -len(name), name))
