"""A language's knowledge of time, read from its resource folder ``languages/<code>/``.

A folder holds two plain files (see ``languages/README.md``):

* ``lexicon.toml``: named word tables (``[month]``, ``[weekday]``, ``[numeral]``, ``[unit]``...)
  that map words to normalised values, raw named patterns (``[pattern]``), the verb endings
  that mark past and future tense (``[tense]``) and the commonest function words (``[detect]``)
  for language detection. Month and weekday names and the unit words are merged from
  dateparser's locale data (``dateparser/data/date_translation_data/<code>.py``), and its
  ``relative-type`` phrases ("ayer" = "1 day ago") become rules, so a language whose tables
  are empty already finds its absolute dates, weekdays and deictic days.
  English's tagger (``events/analysis/dates.py``) reads its word tables from its
  ``lexicon.toml`` through :func:`read_lexicon` too, its folder having no ``rules.txt`` yet.
* ``rules.txt``: one rule a line, ``name: pattern => TYPE value``, each followed by
  ``  ex: sentence | document date | expected text = expected value`` lines that the test
  suite runs (``tests/test_timex.py``).

Nothing here knows a particular language: a new language is a new folder.
"""

from __future__ import annotations

import importlib
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

LANGUAGES_DIR = Path(__file__).resolve().parent.parent / "languages"

# dateparser's keys for the tables it can fill, and their values in our tables.
_DATEPARSER_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_DATEPARSER_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_DATEPARSER_UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y", "hour": "H"}
_DATEPARSER_UNITS.update(minute="MIN", second="S")
# "1 day ago", "in 2 weeks", "0 year ago": dateparser's relative-type keys.
_RELATIVE_KEY = re.compile(r"^(?:(in) )?(\d+) (day|week|month|year)(?: (ago))?$")

# Built-in named patterns every language shares: numbers written in digits.
_BUILTIN_PATTERNS = {
    "day": r"(?:[12]\d|3[01]|0?[1-9])",
    "year": r"(?:1[89]\d\d|20\d\d)",
    "hour": r"(?:[01]?\d|2[0-4])",
    "minute": r"(?:[0-5]\d)",
}

_PLACEHOLDER = re.compile(r"\{([a-z_]+?)(\d?)\}")
# Tables and patterns whose words only modify another part ("dos", "pasado", "el"): no rule
# matches them alone, so they do not tell the engine where to look.
_MODIFIERS = frozenset({"numeral", "ordinal", "direction", "det"})
_LITERAL_WORD = re.compile(r"(?<![\\<])\b[^\W\d_]{3,}")
_DIGIT_PARTS = frozenset({*_BUILTIN_PATTERNS, "numeral"})
_WORD = re.compile(r"\w+")
_LOOKAROUND = re.compile(r"\(\?<?[=!](?:[^()]|\([^()]*\))*\)")


class ResourceError(ValueError):
    """A resource file that cannot be read: names the file, the line and the reason."""


@dataclass(frozen=True, slots=True)
class Example:
    sentence: str
    document_date: date
    text: str
    value: str


@dataclass(frozen=True, slots=True)
class Rule:
    """One line of ``rules.txt``: a pattern and what a match means (value with open parts)."""

    name: str
    pattern: re.Pattern[str]
    type: str
    value: str
    examples: tuple[Example, ...] = ()
    # Lower-cased words of which every match contains one, and whether a digit may stand in
    # for them: the engine runs the pattern only near these (see engine.find).
    triggers: frozenset[str] = frozenset()
    digits: bool = True


@dataclass(frozen=True)
class Language:
    code: str
    tables: dict[str, dict[str, str]]  # table name -> lower-cased word -> normalised value
    rules: tuple[Rule, ...]
    past: re.Pattern[str]  # a word whose form marks the past tense
    future: re.Pattern[str]  # ... the future (or a periphrasis such as "va a")
    stopwords: frozenset[str] = field(default_factory=frozenset)

    def normalise(self, table: str, word: str) -> str:
        """The table's value for ``word`` (digits stand for themselves)."""
        key = " ".join(word.lower().split())
        if key.isdigit():
            return str(int(key))
        return self.tables.get(table, {}).get(key, key)


def languages_with_rules() -> list[str]:
    """Codes of the languages read by this tagger: those whose folder has a ``rules.txt``."""
    return sorted(p.parent.name for p in LANGUAGES_DIR.glob("*/rules.txt"))


def _alternation(words: Iterable[object]) -> str:
    """Longest first, so that "septiembre" wins over "sept"."""
    ordered = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in ordered)


def _dateparser_tables(code: str) -> tuple[dict[str, dict[str, str]], list[tuple[str, str]]]:
    """Month, weekday and unit words, and relative phrases, from dateparser's locale data.

    Abbreviations shorter than four letters are left out unless they are the only name
    ("mai"): "mar" (martes, marzo) is also the Spanish sea.
    """
    try:
        info = importlib.import_module(f"dateparser.data.date_translation_data.{code}").info
    except ImportError:
        return {}, []
    tables: dict[str, dict[str, str]] = {"month": {}, "weekday": {}, "unit": {}}
    for table, keys in (("month", _DATEPARSER_MONTHS), ("weekday", _DATEPARSER_WEEKDAYS)):
        for number, key in enumerate(keys, start=1):
            names = [n.lower().rstrip(".") for n in info.get(key, [])]
            longest = max(names, key=len, default="")
            for name in names:
                if len(name) >= 4 or name == longest:
                    tables[table][name] = str(number)
    for key, letter in _DATEPARSER_UNITS.items():
        for name in info.get(key, []):
            if len(name) >= 3:
                tables["unit"][name.lower()] = letter
    relative: list[tuple[str, str]] = []
    for key, phrases in info.get("relative-type", {}).items():
        m = _RELATIVE_KEY.match(key)
        if not m:
            continue
        sign = "+" if m[1] else "-"
        value = f"REF{sign}{m[2]}{_DATEPARSER_UNITS[m[3]]}"
        relative += [(p.lower(), value) for p in phrases if len(p) >= 3]
    return tables, relative


def _expand(pattern: str, patterns: dict[str, str], tables: dict[str, dict[str, str]]) -> str:
    """``{month}`` -> a named group of the month table; ``{det}`` -> a raw pattern."""

    def part(m: re.Match[str]) -> str:
        name, index = m[1], m[2]
        if name in tables:
            # Numbers in digits belong to every language's numerals.
            digits = r"|\d+" if name == "numeral" else ""
            return f"(?P<{name}{index}>{_alternation(tables[name])}{digits})"
        if name in patterns:
            group = f"?P<{name}{index}>" if name in _BUILTIN_PATTERNS else "?:"
            return "(" + group + patterns[name].replace(" ", r"\s+") + ")"
        raise KeyError(name)

    return _PLACEHOLDER.sub(part, pattern.replace(" ", r"\s+"))


def _parse_example(line: str, where: str) -> Example:
    try:
        sentence, when, expected = (p.strip() for p in line.split(" | "))
        text, value = (p.strip() for p in expected.rsplit(" = ", 1))
        return Example(sentence, date.fromisoformat(when), text, value)
    except ValueError as exc:
        raise ResourceError(
            f"{where}: an example reads 'ex: sentence | YYYY-MM-DD | text = value'"
        ) from exc


@cache
def read_lexicon(code: str) -> dict[str, Any]:
    """``languages/<code>/lexicon.toml`` as written: table name -> its entries, in the file's
    order (words as written, values as TOML gives them). Parsed once per process; callers
    read it and never change it."""
    path = LANGUAGES_DIR / code / "lexicon.toml"
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ResourceError(f"no lexicon for language {code!r}: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ResourceError(f"{code}/lexicon.toml: {exc}") from exc


@cache
def load_language(code: str) -> Language:
    """Read ``languages/<code>/`` once per process (the rules are compiled once)."""
    folder = LANGUAGES_DIR / code
    if not (folder / "rules.txt").is_file():
        raise ResourceError(
            f"no temporal rules for language {code!r} (have {languages_with_rules()})"
        )
    lexicon = read_lexicon(code)
    tables, relative = _dateparser_tables(code)
    for name, words in lexicon.items():
        if name not in ("pattern", "tense", "detect"):
            tables.setdefault(name, {}).update({k.lower(): str(v) for k, v in words.items()})
    if relative:
        tables["relative"] = {**dict(relative), **tables.get("relative", {})}
    # An empty value in the lexicon removes a word dateparser gives ("mañana" is also "morning").
    tables = {name: {k: v for k, v in words.items() if v} for name, words in tables.items()}
    patterns = {**_BUILTIN_PATTERNS, **lexicon.get("pattern", {})}

    common = {w.lower() for w in _WORD.findall(patterns.get("det", ""))}
    detect = lexicon.get("detect", {})
    common |= {*detect.get("words", "").split(), *detect.get("shared", "").split()}
    rules: list[Rule] = []
    lines = (folder / "rules.txt").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        where = f"{folder.name}/rules.txt:{number}"
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith((" ", "\t")):
            if not rules or not line.strip().startswith("ex:"):
                raise ResourceError(f"{where}: an indented line is an 'ex:' under a rule")
            example = _parse_example(line.strip()[3:].strip(), where)
            rules[-1] = replace(rules[-1], examples=(*rules[-1].examples, example))
            continue
        try:
            name, rest = line.split(":", 1)
            pattern, meaning = rest.rsplit(" => ", 1)
            kind, value = meaning.split(maxsplit=1)
            regex = re.compile(
                rf"(?<!\w)(?:{_expand(pattern.strip(), patterns, tables)})(?!\w)", re.IGNORECASE
            )
        except KeyError as exc:
            raise ResourceError(f"{where}: no table or pattern named {exc}") from exc
        except (ValueError, re.error) as exc:
            raise ResourceError(f"{where}: expected 'name: pattern => TYPE value' ({exc})") from exc
        triggers, digits = _triggers(pattern, patterns, tables, common)
        rules.append(Rule(name.strip(), regex, kind, value.strip(), (), triggers, digits))
    tense = lexicon.get("tense", {})
    return Language(
        code=code,
        tables=tables,
        rules=tuple(rules),
        past=re.compile(tense.get("past", r"(?!)"), re.IGNORECASE),
        future=re.compile(tense.get("future", r"(?!)"), re.IGNORECASE),
        stopwords=frozenset(lexicon.get("detect", {}).get("words", "").split()),
    )


def _triggers(
    pattern: str, patterns: dict[str, str], tables: dict[str, dict[str, str]], common: set[str]
) -> tuple[frozenset[str], bool]:
    """The words every match of ``pattern`` contains one of, and whether a digit may do.

    From each table it names, the longest word of every entry ("semana" of "la semana
    pasada"); from each raw pattern and from its own text outside look-arounds, the words of
    three letters or more. Modifiers ("dos", "pasado", "el") never match alone, so they are
    left out, and so are the language's commonest words (``common``: its determiners and
    function words), which no rule matches alone. A rule left with no trigger word and no
    digit runs on the whole text.
    """
    words: set[str] = set()
    digits = bool(re.search(r"\\d|[0-9]", _PLACEHOLDER.sub(" ", pattern)))
    for m in _PLACEHOLDER.finditer(pattern):
        name = m[1]
        digits |= name in _DIGIT_PARTS
        if name in _MODIFIERS or name in _BUILTIN_PATTERNS:
            continue
        if name in tables:
            for entry in tables[name]:
                found = _WORD.findall(entry)
                rare = [w for w in found if w not in common] or found
                if rare:
                    words.add(max(rare, key=len))
        elif name in patterns:
            words.update(w.lower() for w in _LITERAL_WORD.findall(patterns[name]))
    literal = _LOOKAROUND.sub(" ", _PLACEHOLDER.sub(" ", pattern))
    words.update(w.lower() for w in _LITERAL_WORD.findall(literal))
    words -= common
    return frozenset(words), digits or not words
