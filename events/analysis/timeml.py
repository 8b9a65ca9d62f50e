"""TimeML reading and TempEval-3 Task A (temporal expression) scoring.

Pure Python, no Django: this module is used by the ``evaluate_timeml`` management
command and can be imported from scripts and notebooks as well.

Reading
    :func:`read_timeml` / :func:`parse_timeml` turn a ``.tml`` file into a
    :class:`TimeMLDocument`: the document creation time (DCT), the plain text of
    ``<TEXT>`` (all tags removed, entities decoded) and the gold TIMEX3 annotations with
    character offsets into that plain text.

Scoring
    :func:`score` / :func:`score_document` compare system output (anything with
    ``start``/``end``/``text``/``type``/``value``, e.g.
    :class:`events.analysis.types.TemporalExpression`) against the gold annotations,
    with the entity metrics of the official TempEval-3 scorer (``TE3-evaluation.py``,
    N. UzZaman):

    * strict match: same start and same end;
    * relaxed match: overlapping spans, paired one-to-one: identical spans first, then each
      gold span, in text order, with the leftmost free system span overlapping it (see
      ``align``);
    * precision = matches / system spans, recall = matches / gold spans, F1 their
      harmonic mean (0 when both are 0);
    * value / type: accuracy over the relaxed-matched pairs (exact string comparison)
      multiplied by the relaxed F1 -- the official "value F1" / "type F1". Note that
      ``accuracy * relaxed F1 == 2 * correct / (gold + system)``, i.e. it is also the F1
      of "correct / system" and "correct / gold".

    Documents are aggregated by summing counts (micro-averaging), as the official
    scorer does with its global counters.
"""

from __future__ import annotations

import statistics
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

__all__ = [
    "Alignment",
    "Counts",
    "DocumentResult",
    "ErrorKind",
    "GoldTimex",
    "Scores",
    "ScoringError",
    "TimeMLDocument",
    "TimeMLError",
    "TimexLike",
    "align",
    "find_timeml_files",
    "parse_timeml",
    "read_timeml",
    "score",
    "score_document",
    "timing_summary",
]

DATE = "DATE"


class TimeMLError(ValueError):
    """A file is not (usable) TimeML: not XML, no ``<TEXT>``, no or a bad DCT."""


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """One gold TIMEX3 inside ``<TEXT>``; ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str
    type: str
    value: str
    tid: str = ""


@dataclass(frozen=True, slots=True)
class TimeMLDocument:
    """A parsed TimeML document.

    ``text`` is the content of ``<TEXT>`` with every tag removed and entities decoded;
    ``gold`` holds its TIMEX3 annotations in document order.
    """

    name: str
    dct: date
    text: str
    gold: list[GoldTimex]


def _local_name(tag: object) -> str:
    """Tag name without an XML namespace (``{ns}TEXT`` -> ``TEXT``)."""
    if not isinstance(tag, str):  # comments and processing instructions
        return ""
    return tag.rsplit("}", 1)[-1]


def _iter_local(root: ET.Element, name: str) -> Iterator[ET.Element]:
    return (el for el in root.iter() if _local_name(el.tag) == name)


def _flatten(
    element: ET.Element,
    parts: list[str],
    pos: int,
    spans: list[tuple[int, int, ET.Element]],
    tags: frozenset[str] = frozenset({"TIMEX3"}),
) -> int:
    """Append the text content of ``element`` (not its tail) to ``parts``.

    ``pos`` is the length of the text emitted so far; the new length is returned. Each
    element named in ``tags`` (TIMEX3; EVENT too for the event-date links) met on the way is
    recorded in ``spans`` as (start, end, element). Recursion
    (rather than ``itertext``) is needed to know where each nested element starts and
    ends; TimeML nesting is shallow (TEXT > s > TIMEX3 > ...), so depth is no concern.
    """
    start = pos
    if element.text:
        parts.append(element.text)
        pos += len(element.text)
    for child in element:
        if _local_name(child.tag):
            pos = _flatten(child, parts, pos, spans, tags)
        # Comments contribute no text, but their tail is document text all the same.
        if child.tail:
            parts.append(child.tail)
            pos += len(child.tail)
    if _local_name(element.tag) in tags and pos > start:
        # Non-consuming TIMEX3s (empty, e.g. anchors of durations) have no span to
        # match; the official scorer's regex never sees them either.
        spans.append((start, pos, element))
    return pos


def _parse_dct(root: ET.Element) -> date:
    for timex in _iter_local(root, "TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            value = timex.get("value", "")
            # Values such as "1998-03-19T08:01" carry a time part: the date is enough.
            try:
                return date.fromisoformat(value[:10])
            except ValueError:
                raise TimeMLError(f"DCT value {value!r} is not a calendar date") from None
    raise TimeMLError('no DCT (TIMEX3 with functionInDocument="CREATION_TIME")')


def parse_timeml(source: str | bytes, name: str = "") -> TimeMLDocument:
    """Parse TimeML markup; raise :class:`TimeMLError` if it is not usable TimeML."""
    try:
        root = ET.fromstring(source)
    except ET.ParseError as exc:
        raise TimeMLError(f"not well-formed XML: {exc}") from None
    texts = list(_iter_local(root, "TEXT"))
    if not texts:
        raise TimeMLError("no <TEXT> element: not a TimeML document")
    dct = _parse_dct(root)
    parts: list[str] = []
    spans: list[tuple[int, int, ET.Element]] = []
    _flatten(texts[0], parts, 0, spans)
    text = "".join(parts)
    # _flatten records a TIMEX3 when it closes, so nested ones come out inner-first.
    spans.sort(key=lambda span: (span[0], -span[1]))
    gold = [
        GoldTimex(
            start=start,
            end=end,
            text=text[start:end],
            type=el.get("type", ""),
            value=el.get("value", ""),
            tid=el.get("tid", ""),
        )
        for start, end, el in spans
    ]
    return TimeMLDocument(name=name, dct=dct, text=text, gold=gold)


def read_timeml(path: str | Path) -> TimeMLDocument:
    """Read a ``.tml`` file; the document is named after the file (without ``.tml``)."""
    path = Path(path)
    name = path.name.removesuffix(".tml")
    # Bytes, so that the XML declaration's encoding (if any) is honoured.
    return parse_timeml(path.read_bytes(), name=name)


def find_timeml_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand files and folders (searched recursively for ``*.tml``, sorted).

    Raises :class:`FileNotFoundError` for a path that does not exist. Files named
    explicitly are kept whatever their suffix; duplicates are dropped.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*.tml") if p.is_file()))
        elif path.is_file():
            found.append(path)
        else:
            raise FileNotFoundError(f"{path}: no such file or directory")
    return list(dict.fromkeys(found))


# --------------------------------------------------------------------------- scoring


@runtime_checkable
class TimexLike(Protocol):
    """What the scorer needs from a system (or gold) temporal expression."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def type(self) -> Any: ...  # str or a StrEnum such as TimexType
    @property
    def value(self) -> str: ...


def _type(item: TimexLike) -> str:
    # str() of a StrEnum member is its value ("DATE"), of a str the str itself.
    return str(item.type)


@dataclass(slots=True)
class Alignment:
    """One-to-one pairing of gold and system expressions of one document."""

    pairs: list[tuple[TimexLike, TimexLike]] = field(default_factory=list)  # (gold, system)
    missed: list[TimexLike] = field(default_factory=list)  # gold without a partner
    spurious: list[TimexLike] = field(default_factory=list)  # system without a partner

    @property
    def strict_pairs(self) -> list[tuple[TimexLike, TimexLike]]:
        return [(g, s) for g, s in self.pairs if (g.start, g.end) == (s.start, s.end)]


def _overlaps(a: TimexLike, b: TimexLike) -> bool:
    return a.start < b.end and b.start < a.end


def align(gold: Sequence[TimexLike], system: Sequence[TimexLike]) -> Alignment:
    """Pair gold and system spans one-to-one.

    Identical spans are paired first, so that a system span nested in or next to another
    one cannot "steal" a gold span that has an exact counterpart (this keeps the strict
    count maximal and strict <= relaxed). The remaining spans are then paired by overlap
    in text order: each gold span, left to right, takes the leftmost unpaired system
    span overlapping it. This mirrors the official toolkit, where the TimeML-Normalizer
    gives overlapping gold and system entities one shared id, and a system entity can
    match at most one gold entity.
    """
    gold_sorted = sorted(gold, key=lambda t: (t.start, t.end))
    sys_sorted = sorted(system, key=lambda t: (t.start, t.end))
    gold_free = [True] * len(gold_sorted)
    sys_free = [True] * len(sys_sorted)
    pairs: list[tuple[int, int]] = []

    by_span: dict[tuple[int, int], list[int]] = {}
    for j, s in enumerate(sys_sorted):
        by_span.setdefault((s.start, s.end), []).append(j)
    for i, g in enumerate(gold_sorted):
        candidates = by_span.get((g.start, g.end))
        if candidates:
            j = candidates.pop(0)
            pairs.append((i, j))
            gold_free[i] = sys_free[j] = False

    for i, g in enumerate(gold_sorted):
        if not gold_free[i]:
            continue
        for j, s in enumerate(sys_sorted):
            if s.start >= g.end:
                break  # sorted by start: no later system span can overlap
            if sys_free[j] and _overlaps(g, s):
                pairs.append((i, j))
                gold_free[i] = sys_free[j] = False
                break

    pairs.sort()
    return Alignment(
        pairs=[(gold_sorted[i], sys_sorted[j]) for i, j in pairs],
        missed=[g for i, g in enumerate(gold_sorted) if gold_free[i]],
        spurious=[s for j, s in enumerate(sys_sorted) if sys_free[j]],
    )


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(frozen=True, slots=True)
class Counts:
    """Raw counts of one document or a whole corpus; every metric derives from them.

    Summing ``Counts`` (``a + b``, ``sum(counts, Counts())``) is micro-averaging. Since
    pairing is one-to-one, a match count serves as numerator for precision and recall.
    """

    gold: int = 0
    system: int = 0
    strict: int = 0  # pairs with identical spans
    relaxed: int = 0  # all pairs (overlapping spans)
    value_match: int = 0  # relaxed pairs with the same value
    type_match: int = 0  # relaxed pairs with the same type

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            gold=self.gold + other.gold,
            system=self.system + other.system,
            strict=self.strict + other.strict,
            relaxed=self.relaxed + other.relaxed,
            value_match=self.value_match + other.value_match,
            type_match=self.type_match + other.type_match,
        )

    @property
    def strict_precision(self) -> float:
        return _ratio(self.strict, self.system)

    @property
    def strict_recall(self) -> float:
        return _ratio(self.strict, self.gold)

    @property
    def strict_f1(self) -> float:
        return _f1(self.strict_precision, self.strict_recall)

    @property
    def relaxed_precision(self) -> float:
        return _ratio(self.relaxed, self.system)

    @property
    def relaxed_recall(self) -> float:
        return _ratio(self.relaxed, self.gold)

    @property
    def relaxed_f1(self) -> float:
        return _f1(self.relaxed_precision, self.relaxed_recall)

    @property
    def value_accuracy(self) -> float:
        return _ratio(self.value_match, self.relaxed)

    @property
    def type_accuracy(self) -> float:
        return _ratio(self.type_match, self.relaxed)

    @property
    def value_f1(self) -> float:
        """Official TE3 "value F1": value accuracy on relaxed matches x relaxed F1."""
        return self.value_accuracy * self.relaxed_f1

    @property
    def type_f1(self) -> float:
        """Official TE3 "type F1": type accuracy on relaxed matches x relaxed F1."""
        return self.type_accuracy * self.relaxed_f1

    def metrics(self) -> dict[str, float]:
        """All derived metrics as fractions in [0, 1]."""
        return {
            "strict_precision": self.strict_precision,
            "strict_recall": self.strict_recall,
            "strict_f1": self.strict_f1,
            "relaxed_precision": self.relaxed_precision,
            "relaxed_recall": self.relaxed_recall,
            "relaxed_f1": self.relaxed_f1,
            "value_accuracy": self.value_accuracy,
            "type_accuracy": self.type_accuracy,
            "value_f1": self.value_f1,
            "type_f1": self.type_f1,
        }

    def to_dict(self) -> dict[str, int | float]:
        """Counts and metrics, JSON-ready."""
        return {**asdict(self), **self.metrics()}


class ErrorKind(StrEnum):
    """What went wrong for one gold and/or system expression."""

    SPURIOUS = "spurious"  # system span overlapping no (free) gold span
    MISSED = "missed"  # gold span overlapping no (free) system span
    SPAN = "span"  # relaxed but not strict match: the boundaries differ
    VALUE = "value"  # relaxed match, different value
    TYPE = "type"  # relaxed match, different type


@dataclass(frozen=True, slots=True)
class ScoringError:
    """One error; gold fields are None for SPURIOUS, system fields for MISSED."""

    kind: ErrorKind
    gold_start: int | None = None
    gold_end: int | None = None
    gold_text: str | None = None
    gold_type: str | None = None
    gold_value: str | None = None
    system_start: int | None = None
    system_end: int | None = None
    system_text: str | None = None
    system_type: str | None = None
    system_value: str | None = None

    @property
    def start(self) -> int:
        """Where the error is in the text (gold offset if there is a gold span)."""
        start = self.gold_start if self.gold_start is not None else self.system_start
        assert start is not None
        return start

    @classmethod
    def build(
        cls, kind: ErrorKind, gold: TimexLike | None, system: TimexLike | None
    ) -> ScoringError:
        fields: dict[str, Any] = {}
        for prefix, item in (("gold", gold), ("system", system)):
            if item is not None:
                fields |= {
                    f"{prefix}_start": item.start,
                    f"{prefix}_end": item.end,
                    f"{prefix}_text": item.text,
                    f"{prefix}_type": _type(item),
                    f"{prefix}_value": item.value,
                }
        return cls(kind=kind, **fields)

    def to_dict(self) -> dict[str, Any]:
        return {k: str(v) if k == "kind" else v for k, v in asdict(self).items()}


def _count(alignment: Alignment) -> Counts:
    pairs = alignment.pairs
    return Counts(
        gold=len(pairs) + len(alignment.missed),
        system=len(pairs) + len(alignment.spurious),
        strict=len(alignment.strict_pairs),
        relaxed=len(pairs),
        value_match=sum(g.value == s.value for g, s in pairs),
        type_match=sum(_type(g) == _type(s) for g, s in pairs),
    )


def _errors(alignment: Alignment) -> list[ScoringError]:
    errors = [ScoringError.build(ErrorKind.MISSED, g, None) for g in alignment.missed]
    errors += [ScoringError.build(ErrorKind.SPURIOUS, None, s) for s in alignment.spurious]
    for g, s in alignment.pairs:
        if (g.start, g.end) != (s.start, s.end):
            errors.append(ScoringError.build(ErrorKind.SPAN, g, s))
        if g.value != s.value:
            errors.append(ScoringError.build(ErrorKind.VALUE, g, s))
        if _type(g) != _type(s):
            errors.append(ScoringError.build(ErrorKind.TYPE, g, s))
    kinds = list(ErrorKind)
    errors.sort(key=lambda e: (e.start, kinds.index(e.kind)))
    return errors


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """Scores of one document: all types, DATE only, and the errors (all types)."""

    name: str
    counts: Counts
    date_counts: Counts
    errors: list[ScoringError]

    def to_dict(self, *, errors: bool = True) -> dict[str, Any]:
        result: dict[str, Any] = {
            "name": self.name,
            "overall": self.counts.to_dict(),
            "date_only": self.date_counts.to_dict(),
        }
        if errors:
            result["errors"] = [e.to_dict() for e in self.errors]
        return result


def score_document(
    gold: Sequence[TimexLike], system: Sequence[TimexLike], name: str = ""
) -> DocumentResult:
    """Score one document's system expressions against its gold expressions.

    The DATE-only view restricts *both* sides to type DATE before pairing, so a gold
    DATE found by the system as TIME counts as missed there (and as a type error in
    the overall view).
    """
    alignment = align(gold, system)
    date_alignment = align(
        [g for g in gold if _type(g) == DATE], [s for s in system if _type(s) == DATE]
    )
    return DocumentResult(
        name=name,
        counts=_count(alignment),
        date_counts=_count(date_alignment),
        errors=_errors(alignment),
    )


@dataclass(frozen=True, slots=True)
class Scores:
    """Per-document results and their micro-averaged totals."""

    documents: list[DocumentResult]

    @property
    def overall(self) -> Counts:
        return sum((d.counts for d in self.documents), Counts())

    @property
    def date_only(self) -> Counts:
        return sum((d.date_counts for d in self.documents), Counts())

    def to_dict(self, *, errors: bool = True) -> dict[str, Any]:
        """JSON-ready summary; per-document error lists only if ``errors``."""
        return {
            "documents_count": len(self.documents),
            "overall": self.overall.to_dict(),
            "date_only": self.date_only.to_dict(),
            "documents": [d.to_dict(errors=errors) for d in self.documents],
        }


def score(
    items: Iterable[tuple[TimeMLDocument | Sequence[TimexLike], Sequence[TimexLike]]],
) -> Scores:
    """Score ``(gold, system)`` pairs, one per document.

    ``gold`` is a :class:`TimeMLDocument` (its name and gold annotations are used) or a
    plain sequence of gold expressions (the document is then named ``doc<N>``).
    """
    results = []
    for index, (gold, system) in enumerate(items, start=1):
        if isinstance(gold, TimeMLDocument):
            results.append(score_document(gold.gold, system, name=gold.name))
        else:
            results.append(score_document(gold, system, name=f"doc{index}"))
    return Scores(documents=results)


def timing_summary(seconds: Sequence[float]) -> dict[str, float]:
    """Total and median of per-document durations (0 for an empty run)."""
    return {
        "total_seconds": sum(seconds),
        "median_seconds": statistics.median(seconds) if seconds else 0.0,
    }
