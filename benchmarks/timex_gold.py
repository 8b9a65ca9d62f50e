"""Held-out temporal expressions annotated by hand: check a folder and write it as TimeML.

A folder annotated as ``docs/timex_annotation.md`` says holds, per article, ``NNN.json`` (the
article: ``id``, ``date``, ``text``) and ``NNN.gold.json`` (its TIMEX3s: ``start``, ``end``,
``text``, ``type``, ``value``). This script checks every gold file against its article (the
offsets give the text, the types are TimeML's, no two expressions overlap) and writes
``tml/NNN.tml``, the article as TimeML with its date as the document creation time, which
``manage.py evaluate_timeml`` scores like the training corpus:

    .venv/bin/python benchmarks/timex_gold.py path/to/folder/
    DEBUG=1 .venv/bin/python manage.py evaluate_timeml path/to/folder/tml [--errors]

The folders quote news articles: keep them outside the repository.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

TYPES = frozenset({"DATE", "TIME", "DURATION", "SET"})


def problems(article: dict, gold: dict, stem: str) -> list[str]:
    """What is wrong with ``gold``'s expressions, as readable lines (none when it is sound):
    ``stem`` is its file's name without ``.gold.json``, which its id must be."""
    text, found, last_end = article["text"], [], -1
    if gold.get("id") != stem:
        found.append(f"{stem}: its id is {gold.get('id')!r}, not the file's name")
    for timex in sorted(gold.get("timexes", []), key=lambda t: t.get("start", -1)):
        where = f"{stem} [{timex.get('start')}:{timex.get('end')}] {timex.get('text')!r}"
        start, end = timex.get("start"), timex.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            found.append(f"{where}: offsets outside the text or empty")
            continue
        if text[start:end] != timex.get("text"):
            found.append(f"{where}: the offsets give {text[start:end]!r}")
        if timex.get("type") not in TYPES:
            found.append(f"{where}: type {timex.get('type')!r} is not one of {sorted(TYPES)}")
        if not timex.get("value"):
            found.append(f"{where}: no value")
        if start < last_end:
            found.append(f"{where}: overlaps the expression before it")
        last_end = max(last_end, end)
    return found


def as_timeml(article: dict, gold: dict) -> str:
    """The article as a TimeML document with ``gold``'s TIMEX3s inline."""
    text, parts, position = article["text"], [], 0
    for number, timex in enumerate(sorted(gold["timexes"], key=lambda t: t["start"]), 1):
        parts.append(escape(text[position : timex["start"]]))
        parts.append(
            f'<TIMEX3 tid="t{number}" type={quoteattr(timex["type"])} '
            f"value={quoteattr(timex['value'])}>{escape(timex['text'])}</TIMEX3>"
        )
        position = timex["end"]
    parts.append(escape(text[position:]))
    day = article["date"][:10]
    return (
        f'<?xml version="1.0" ?>\n<TimeML>\n<DOCID>{escape(gold["id"])}</DOCID>\n'
        f'<DCT><TIMEX3 tid="t0" type="DATE" value="{day}" temporalFunction="false" '
        f'functionInDocument="CREATION_TIME">{day}</TIMEX3></DCT>\n'
        f"<TEXT>{''.join(parts)}</TEXT>\n</TimeML>\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a folder of NNN.json and NNN.gold.json")
    folder = parser.parse_args().folder
    gold_files = sorted(folder.glob("*.gold.json"))
    if not gold_files:
        sys.exit(f"{folder}: no *.gold.json files")
    out = folder / "tml"
    out.mkdir(exist_ok=True)
    for stale in out.glob("*.tml"):  # a document that fails now must not be scored as before
        stale.unlink()
    written, failed = 0, []
    for gold_path in gold_files:
        stem = gold_path.name.removesuffix(".gold.json")
        article_path = gold_path.with_name(f"{stem}.json")
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            article = json.loads(article_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            failed.append(f"{stem}: cannot read {error}")
            continue
        if found := problems(article, gold, stem):
            failed += found
            continue
        (out / f"{stem}.tml").write_text(as_timeml(article, gold), encoding="utf-8")
        written += 1
    if failed:
        print("\n".join(failed), file=sys.stderr)
    print(f"{written} of {len(gold_files)} documents written to {out}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
