"""Content words of a sentence, for comparing what sentences say (merging reports of one
happening, choosing the sentences that best tell a story's day).

A light, language-aware normalisation rather than a full NLP pipeline: lower case, accents kept,
function words dropped, and English inflections folded by a few suffix rules ("signed",
"signing", "signs" -> "sign"), enough for two outlets' wordings of one fact to share their words.
"""

import re
from collections.abc import Iterable
from functools import lru_cache

from events.analysis.date_lexicon import MONTHS, RELATIVE_DAYS, WEEKDAY_FULL_NAMES

_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?")

# Function words and the reporting verbs and time words every news sentence has: they say
# nothing about which happening a sentence reports. The English month names (and their
# abbreviations), weekdays and days named from today are the English lexicon's (languages/en).
_STOP = frozenset(
    """a about above after again against all also am an and any are aren't as at be because been
    before being below between both but by can could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in into is
    it its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them themselves
    then there these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your yours yourself yourselves s t don won't can't
    said says say saying told tells according added adds reported reports statement statements
    week weeks month months year years day days
    last next earlier later ago morning afternoon evening night mr mrs ms dr
    el la los las un una unos unas de del y o en por para con sin que se su sus al lo es fue
    le les des du et ou au aux ce cette est sont der die das den dem und oder ein eine ist
    """.split()
    + [*MONTHS, *(day.lower() for day in WEEKDAY_FULL_NAMES)]
    + [day for day in RELATIVE_DAYS if " " not in day]
)

# English inflectional endings, longest first, each with the shortest stem it may leave.
_SUFFIXES = (("ings", 4), ("ing", 3), ("ied", 3), ("ies", 3), ("ed", 3), ("es", 4), ("s", 3))


def stem(word: str) -> str:
    """A crude stem: the word without a common inflectional ending ("barring" -> "barr")."""
    for suffix, shortest in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= shortest:
            base = word[: -len(suffix)]
            if suffix in ("ied", "ies"):
                return base + "y"
            if suffix == "s" and base.endswith(("s", "u", "i")):  # "press", "status", "Pakistani"
                return word
            return base
    return word


@lru_cache(maxsize=200_000)
def _content_stem(word: str) -> str | None:
    """The stem of a lower-cased word, or None for a function word. Cached: a story's texts
    use the same few thousand words again and again."""
    word = word.replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) < 2 or word in _STOP:
        return None
    return stem(word)


def content_words(text: str, *, ignore: Iterable[str] = ()) -> list[str]:
    """The stems of the text's content words, in order (repeats kept). Words of ``ignore``
    (e.g. the date expression itself, which every report of one day shares) are dropped."""
    ignored = {word for phrase in ignore for word in _WORD.findall(phrase.lower())}
    stems = []
    for word in _WORD.findall(text.lower()):
        if word not in ignored:
            found = _content_stem(word)
            if found is not None:
                stems.append(found)
    return stems
