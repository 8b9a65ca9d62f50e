"""Benchmark: is the analysis linear in the text? Hostile and ordinary shapes, 10 KB to 2 MB.

Each shape is a generator of text of a given size (in bytes of UTF-8, about). For every shape
and size, ``analyze_document`` runs on the text (the best of ``--repeat`` runs is kept) and the
report gives the time and the time per KB. A linear analysis spends the same time per KB at
2 MB as at 10 KB; a quadratic step multiplies it by up to 200. The last lines are ``name=value``
pairs for scripts:

- ``worst_time_per_kb_ratio_2mb_vs_10kb``: over the shapes, the largest ratio of the time per
  KB at the largest size to that at the smallest (target <= 1.5);
- ``slowest_2mb_seconds`` and ``slowest_2mb_shape``: the slowest case at the largest size
  (target <= 3 s).

    python benchmarks/adversarial.py                         # 10 KB, 100 KB, 500 KB, 2 MB
    python benchmarks/adversarial.py --sizes 10,200 --shapes colon_lines,prose

The shapes are the same generators the tests use (``tests/test_linear_analysis.py``).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from events.analysis.extraction import analyze_document  # noqa: E402

DOCUMENT_DATE = date(2025, 8, 30)


def _repeat(unit: str, size: int) -> str:
    """``unit`` repeated to about ``size`` bytes of UTF-8."""
    count = max(1, size // len(unit.encode("utf-8")))
    return unit * count


_PROSE = (
    "Mayor Brandon Johnson of the City of Chicago said on Saturday that the Chicago Police "
    "Department made 38 arrests between August 28 and August 29, 2025. Gov. JB Pritzker "
    "announced an investigation. The FBI did not comment, according to spokeswoman Jane Doe. "
    "Mr. Johnson met Dr. Smith at 5 p.m. on Aug. 30 in Washington, D.C., two days ago.\n\n"
    "Council members voted 7-2 last week; the next vote is due in the fourth quarter.\n\n"
)

SHAPES: dict[str, Callable[[int], str]] = {
    # Ordinary news prose: sentences, paragraphs, abbreviations, actors and dates.
    "prose": lambda size: _repeat(_PROSE, size),
    # Sentences ending in ":" (each used to re-split the rest of the document).
    "colon_lines": lambda size: _repeat("A:\n\n", size),
    # Colon sentences each introducing a list, and list items after them.
    "colon_lists": lambda size: _repeat("Latest on Monday:\n- 38 arrests\n- 12 charged\n", size),
    # Full stops after abbreviations and initials, none of them ending a sentence.
    "abbreviation_runs": lambda size: _repeat("Mr. J. Gov. Sen. Aug. St. Dr. ", size),
    # One line, no punctuation at all: one sentence, one paragraph.
    "one_line_words": lambda size: _repeat("the council met again and voted ", size),
    # One "word" with no white space or punctuation.
    "one_token": lambda size: "x" * size,
    # Thousands of dates, every kind of trigger, in one paragraph.
    "dates": lambda size: _repeat(
        "On Monday, Aug. 28, 2025, two days later, in March 1998 and the 1990s, Q3 2024, "
        "at 5 p.m. yesterday ",
        size,
    ),
    # Quotes and brackets nested thousands deep, with a date at the bottom.
    "quote_nesting": lambda size: (
        _repeat('“‘("[', size // 2) + " on Saturday " + _repeat(']")’”', size // 2)
    ),
    # Capitalized names and acronyms: thousands of distinct actors and their mentions.
    "actors": lambda size: "".join(
        f"Mayor Name{_letters(i)} Person said. The {_letters(i)}X Department met. "
        for i in range(max(1, size // 70))
    ),
    # Dates and a clock time, then one run of white space as long as the text: a look-ahead
    # from a date over the spaces after it must stop within a few words.
    "white_space": lambda size: (
        "Prices rose in May and June at 9:20 a.m. (0720 GMT)" + " " * size + "Rain fell."
    ),
    # Embedded posts: signatures one after the other.
    "posts": lambda size: _repeat(
        "Big news @ChicagoMayor 🚀\n— Mayor Brandon Johnson (@ChicagoMayor) August 29, 2025\n\n",
        size,
    ),
}


def _letters(number: int) -> str:
    """A distinct capitalized-letter word for each number ("Ab", "Ac", ...): unique names."""
    letters = ""
    number += 26
    while number:
        number, rest = divmod(number, 26)
        letters = "abcdefghijklmnopqrstuvwxyz"[rest] + letters
    return letters.capitalize()


def time_analysis(text: str, repeat: int) -> float:
    """The best of at least ``repeat`` runs of ``analyze_document`` on ``text``, in seconds of
    processor time (other jobs on a shared machine do not count); a case under a second is run
    again until a second has passed, so that a run of 2 ms is not one noisy sample."""
    best, spent, runs = float("inf"), 0.0, 0
    while runs < repeat or spent < 1.0:
        started = time.process_time()
        analyze_document(text, DOCUMENT_DATE)
        elapsed = time.process_time() - started
        best, spent, runs = min(best, elapsed), spent + elapsed, runs + 1
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10,100,500,2000", help="sizes in KB, comma-separated")
    parser.add_argument("--shapes", default=",".join(SHAPES), help="shapes, comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="runs per case (best kept)")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    shapes = args.shapes.split(",")

    print(f"{'shape':<18}" + "".join(f"{f'{s} KB':>16}" for s in sizes) + f"{'ratio':>8}")
    worst_ratio, slowest = 0.0, (0.0, "")
    for shape in shapes:
        per_kb: list[float] = []
        cells: list[str] = []
        for size in sizes:
            text = SHAPES[shape](size * 1000)
            kb = len(text.encode("utf-8")) / 1000
            # Large texts run once: a quadratic step would take minutes each time.
            seconds = time_analysis(text, args.repeat if size <= 100 else 1)
            per_kb.append(seconds / kb)
            cells.append(f"{seconds:8.3f}s {1000 * seconds / kb:5.2f}")
            if size == sizes[-1] and seconds > slowest[0]:
                slowest = (seconds, shape)
        ratio = per_kb[-1] / per_kb[0]
        worst_ratio = max(worst_ratio, ratio)
        print(f"{shape:<18}" + "".join(f"{cell:>16}" for cell in cells) + f"{ratio:8.2f}")
        sys.stdout.flush()
    print("(each cell: seconds, then milliseconds per KB)")
    print(
        f"worst_time_per_kb_ratio_2mb_vs_10kb={worst_ratio:.2f} "
        f"slowest_2mb_seconds={slowest[0]:.2f} slowest_2mb_shape={slowest[1]}"
    )


if __name__ == "__main__":
    main()
