"""The languages documents are read in: which are supported, how a text's is detected, and
which temporal tagger reads it.

Each supported language has a folder here (``<code>/``, ISO 639-1) with its resources (see
``README.md``). English keeps its own tagger (:mod:`events.analysis.dates`); every other
language is read by the rules-as-data tagger (:mod:`events.analysis.timex`) from its folder.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path

from events.analysis import timex
from events.analysis.dates import extract_temporal_expressions as extract_english
from events.analysis.quoted import with_quoted_dates
from events.analysis.types import TemporalExpression

DEFAULT_LANGUAGE = "en"
ERROR_UNSUPPORTED = "language {code!r} is not supported (supported: {supported})"
ERROR_NOT_A_CODE = "language {code!r} is not an ISO 639-1 code (two lower-case letters)"

_FOLDER = Path(__file__).resolve().parent
_CODE = re.compile(r"[a-z]{2}")
_WORD = re.compile(r"[^\W\d_]+")
# Enough text to tell a language by its function words; the rest of a long text adds nothing.
_DETECT_CHARS = 20_000
# Fewer function words than this and the text is too short to tell: the default it is.
_DETECT_MIN_HITS = 3


class UnsupportedLanguage(ValueError):
    """A language code that is malformed or has no resources here; the message says which."""


@cache
def supported_languages() -> tuple[str, ...]:
    """The codes of the languages with a folder here (each has at least a ``lexicon.toml``)."""
    return tuple(sorted(p.parent.name for p in _FOLDER.glob("*/lexicon.toml")))


def check_language(code: object) -> str:
    """``code`` if it names a supported language, else UnsupportedLanguage saying why."""
    if not isinstance(code, str) or not _CODE.fullmatch(code):
        raise UnsupportedLanguage(ERROR_NOT_A_CODE.format(code=code))
    if code not in supported_languages():
        raise UnsupportedLanguage(
            ERROR_UNSUPPORTED.format(code=code, supported=", ".join(supported_languages()))
        )
    return code


@cache
def _function_words() -> dict[str, str]:
    """Function word -> the language it belongs to (a word two languages share is dropped:
    "de", "la", "en" tell nothing between Spanish and French)."""
    owners: dict[str, set[str]] = {}
    for code in supported_languages():
        lexicon = tomllib.loads((_FOLDER / code / "lexicon.toml").read_text(encoding="utf-8"))
        for word in lexicon.get("detect", {}).get("words", "").split():
            owners.setdefault(word, set()).add(code)
    return {word: codes.pop() for word, codes in owners.items() if len(codes) == 1}


def detect_language(text: str) -> str:
    """The supported language whose commonest function words the text uses most.

    A count of words such as "the", "que", "les" is all it takes to choose among the few
    languages we have taggers for, offline and in linear time; a text too short to tell
    (fewer than three such words) is taken to be in the default language, English.
    """
    words = _function_words()
    hits = Counter(
        words[w] for w in map(str.lower, _WORD.findall(text[:_DETECT_CHARS])) if w in words
    )
    if not hits or hits.most_common(1)[0][1] < _DETECT_MIN_HITS:
        return DEFAULT_LANGUAGE
    return hits.most_common(1)[0][0]


# The letters a case-insensitive pattern takes for ASCII ones (the long s for "s" in "last
# year", the Kelvin sign for "k", the Turkish dotted and dotless i), which no table of words
# holds: the taggers read them as those letters. One character for one, so every offset stays
# the text's.
_ASCII_CASE_TWINS = str.maketrans({"\u0130": "I", "\u0131": "i", "\u017f": "s", "\u212a": "K"})


def extract_temporal_expressions(
    text: str, document_date: date, language: str = DEFAULT_LANGUAGE
) -> list[TemporalExpression]:
    """The temporal expressions of ``text``, by the tagger of its language, with the dates in
    quoted words resolved against the day the words were said (``quoted``)."""
    check_language(language)

    def tagger(part: str, reference: date) -> list[TemporalExpression]:
        if language == "en":
            return extract_english(part, reference)
        return timex.extract(part, reference, language)

    read = text.translate(_ASCII_CASE_TWINS)
    found = with_quoted_dates(tagger)(read, document_date)
    if read == text:
        return found
    return [
        replace(expression, text=text[expression.start : expression.end]) for expression in found
    ]
