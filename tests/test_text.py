"""Tests for events.analysis.text: sentence starts indexed (SentenceStarts: the same as
``sentence_start``, whatever the text, window and position), the word before a full stop,
paragraphs."""

import random
import re

import pytest

from events.analysis.date_lexicon import SENTENCE_OPENER_RE
from events.analysis.text import (
    ABBREVIATIONS,
    SentenceStarts,
    _iter_paragraphs,
    is_abbreviation,
    list_continuation,
    paragraphs,
    sentence_start,
    sentences,
)

# Pieces that make sentence ends of every kind: runs of closing punctuation ("?!", "..."),
# closing quotes and brackets, abbreviations and initials, a word before a line break
# ("Mr\n." reads "Mr" as the word before the full stop), white space of every kind.
PIECES = [
    "Mr", "Aug", "J", "word", "U.S", "D.C", ".", ".", "..", "...", "!", "?", "…", "?!", '"',
    "”", "'", ")", "]", " ", " ", " ", "  ", "\n", "\n\n", "\t", "The", "the", "5", "(", "“",
    "a", "é", "É", "Mr.", "x",
]  # fmt: skip


@pytest.mark.parametrize("seed", range(4))
def test_same_starts_as_sentence_start(seed):
    rnd = random.Random(seed)
    for _ in range(300):
        text = "".join(rnd.choice(PIECES) for _ in range(rnd.randint(1, 120)))
        # Short windows cut runs of punctuation in two at their start.
        window = rnd.choice([3, 7, 15, 40, 200])
        index = SentenceStarts(text, window)
        for position in range(len(text) + 1):
            expected = sentence_start(text, position, window)
            assert index.start(position) == expected, (text, window, position)


def test_a_long_text_asked_once_is_not_indexed():
    text = "He left. " * 10_000
    index = SentenceStarts(text)
    assert index.start(len(text) - 3) == sentence_start(text, len(text) - 3)
    assert index._table is None  # one window scanned, not the whole text


def test_a_text_without_sentence_ends():
    index = SentenceStarts("x" * 1000, 200)
    assert [index.start(p) for p in range(0, 1001, 50)] == [
        sentence_start("x" * 1000, p, 200) for p in range(0, 1001, 50)
    ]


def _abbreviation_by_search(text, dot, punctuation="."):
    """is_abbreviation as first written: the word before the full stop found by a search."""
    if punctuation != ".":
        return False
    match = re.search(r"([\w.]+)$", text[max(0, dot - 32) : dot])
    if not match:
        return False
    word = match.group(1).lower().rstrip(".")
    if re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
        # A dotted acronym: after a place's name (not a sentence opener), its state; else part
        # of a name before a capitalised word that opens no sentence.
        before = text[: dot - len(match.group(1))]
        if re.search(r"\S [,.;:] ", before[-200:]):
            return True  # tokenised text: its sentences' last stops are set apart
        place = re.search(r"(?:^|[^\w.'’-])([A-Z][a-z]+),?[ \t]+$", before[-32:])
        if place and not re.fullmatch(SENTENCE_OPENER_RE, place.group(1)):
            return False
        following = re.match(r"[ \t]+([A-Z]\w*)", text[dot + 1 :])
        return bool(following) and not re.fullmatch(SENTENCE_OPENER_RE, following.group(1))
    return (len(word) == 1 and word.isalpha()) or word in ABBREVIATIONS


def test_is_abbreviation_reads_the_word_before_as_a_search_does():
    rnd = random.Random(7)
    # A line break right before the full stop ("Mr\n."), long words cut by the window, word
    # characters of other scripts, the underscore and digits.
    pieces = ["Mr", "mr", "J", "x", "Aug", "Sept", ".", "..", "\n", " ", "é", "_", "1", "a" * 40]
    # Before and after a dotted acronym ("J.x."): names, openers, places and their commas.
    pieces += ["The", "Their", "Paris", "Paris,", "Oslo'", "\t", "x , "]
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 20))) + "."
        for dot in range(len(text) + 1):
            for punctuation in (".", "..", "!"):
                expected = _abbreviation_by_search(text, dot, punctuation)
                assert is_abbreviation(text, dot, punctuation) == expected, (text, dot)


def _paragraphs_by_breaks(text, start):
    """The paragraphs as first written: the pieces between breaks, trimmed, non-empty."""
    found, position = [], start
    for match in re.finditer(r"\n[ \t\r\f\v]*\n\s*|\n", text[start:]):
        found.append((position, start + match.start()))
        position = start + match.end()
    found.append((position, len(text)))
    trimmed = []
    for begin, end in found:
        piece = text[begin:end]
        if piece.strip():
            left = len(piece) - len(piece.lstrip())
            trimmed.append((begin + left, begin + len(piece.rstrip())))
    return trimmed


def test_paragraphs_are_the_pieces_between_breaks_trimmed():
    rnd = random.Random(3)
    # Line breaks, blank lines, white space of every kind (Unicode's too), text.
    pieces = ["a", "b c", " ", "\n", "\n\n", "\r", "\t", "\x0b", "\x85", "\u2028", "\u3000", "x."]
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 25)))
        for start in range(len(text) + 1):
            expected = _paragraphs_by_breaks(text, start)
            found = [(span.start, span.end) for span in _iter_paragraphs(text, start)]
            assert found == expected, (text, start)
        assert [(s.start, s.end) for s in paragraphs(text)] == _paragraphs_by_breaks(text, 0)


def test_list_continuation_the_same_from_the_texts_paragraphs():
    rnd = random.Random(11)
    pieces = ["Latest:", "A:", "- 38 arrests", "1) one", "• item", "Then.", " ", "\n", "\n\n", "x:"]
    for _ in range(2000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 14)))
        blocks = paragraphs(text)
        # Every sentence of the text, as the extraction reads it, and every offset.
        ends = [span.end for span in sentences(text, blocks=blocks)] + list(range(len(text) + 1))
        for end in ends:
            assert list_continuation(text, end, blocks) == list_continuation(text, end), (
                text,
                end,
            )
        assert sentences(text, blocks=blocks) == sentences(text)


def test_a_clock_mark_before_its_time_zone_ends_no_sentence():
    text = "Updated 8:29 p.m. ET, 10:29 p.m. local: The leader is in the capital, an aide said."
    assert [text[s.start : s.end] for s in sentences(text)] == [text]
    # Before anything else a clock mark may end the sentence, as before.
    for text, first in (
        ("The vote ended at 5 p.m. The mayor left.", "The vote ended at 5 p.m."),
        ("It opens at 9 a.m. EST on Monday. Rain is due.", "It opens at 9 a.m. EST on Monday."),
        ("He landed at 6 a.m. Local farmers met him.", "He landed at 6 a.m."),
    ):
        assert text[sentences(text)[0].start : sentences(text)[0].end] == first, text


def test_a_clock_mark_before_its_day_ends_no_sentence():
    text = "Protesters planned another rally at 1 p.m. Sunday in the square. Police watched."
    assert [text[s.start : s.end] for s in sentences(text)] == [
        "Protesters planned another rally at 1 p.m. Sunday in the square.",
        "Police watched.",
    ]
    # Nor before its conversion in brackets; a day's possessive opens a sentence.
    text = "The mayor spoke at 10:30 a.m. (3:30 p.m. GMT) on Monday."
    assert [text[s.start : s.end] for s in sentences(text)] == [text]
    text = "Kickoff was at 7 p.m. Saturday's game drew 40,000 fans."
    assert [text[s.start : s.end] for s in sentences(text)] == [
        "Kickoff was at 7 p.m.",
        "Saturday's game drew 40,000 fans.",
    ]


def test_a_dotted_acronym_before_a_name_ends_no_sentence():
    for text in (
        "Crews fought the fire 16 hours later, the U.S. Coast Guard said on Wednesday.",
        "U.S. President Barack Obama spoke to reporters in the garden on Friday.",
        "The deal was struck by U.N. Secretary-General Kofi Annan in Baghdad.",
        "He had a brother, R.V. Smithers, who farmed near the river.",
        "The U.S. Army said it would send more troops to the region.",
        # Tokenised text sets a sentence's last full stop apart: "the U.S. ." is its end.
        "Oil reached the coast , the U.S. Coast Guard said . \nA boat sank in the U.S. .",
        # In tokenised text even a sentence opener after it continues the sentence.
        "He flew back to the U.S. , the U.S. The Hague office said .",
    ):
        found = [text[s.start : s.end] for s in sentences(text)]
        assert found == [line.strip() for line in text.split("\n")], found
    # Before a word that opens sentences, the acronym ends one, as before.
    for text, first in (
        ("The company moved its offices to the U.S. The shares rose.", "to the U.S."),
        ("She grew up in Buffalo, N.Y. His family farmed there.", "Buffalo, N.Y."),
        ("Talks stalled at the U.N. But a vote is due.", "at the U.N."),
        ("Sales were strong in the U.S. However, sales in China fell.", "in the U.S."),
        ("He lived in the U.K. Last year, he moved to Paris.", "in the U.K."),
        # After a place's name, its state or district ends the sentence before any capital.
        ("Troops went to Washington D.C. Trump wants more.", "Washington D.C."),
        ("He lived in Charlotte, N.C. Smith moved there.", "Charlotte, N.C."),
    ):
        assert text[: sentences(text)[0].end].endswith(first), text


def test_a_tokenisers_break_inside_a_stocks_ticker_ends_no_line_or_sentence():
    text = (
        "Shares in Norvik -LRB- NRV . \nL -RRB- rose on Monday after the well was capped .\n"
        "Kelmar -LRB- KLM. N -RRB- fell .\nThe index -LRB- see A . \nThe rest -RRB- moved ."
    )
    got = [text[s.start : s.end] for s in sentences(text)]
    assert got[0] == (
        "Shares in Norvik -LRB- NRV . \nL -RRB- rose on Monday after the well was capped ."
    )
    assert got[1] == "Kelmar -LRB- KLM. N -RRB- fell ."
    # Only a ticker's letters close the bracket: any other next line is a line of its own.
    assert got[2] == "The index -LRB- see A ."
    position = text.index("rose on")
    assert sentence_start(text, position) == 0
    assert SentenceStarts(text).start(position) == 0
