"""Scoring key-date summaries against journalists' timelines (news timeline summarization, TLS).

The protocol is the one of the news-tls evaluation (Gholipour Ghalandari & Ifrim, ACL 2020), so
figures compare with the published ones:

- for each gold timeline, the system is asked for K = its number of dates, N = round(mean number of
  sentences per gold date) sentences a date, on the documents published between its first and last
  date (``protocol_parameters``);
- it is scored by alignment-based ROUGE-1 and ROUGE-2 F ("align+ m:1" of Martschat & Markert 2017:
  predicted dates are aligned to gold dates by date distance and content, each aligned pair's ROUGE
  counts discounted by 1 / (1 + days apart); the ``tilse`` package, ROUGE 1.5.5 in perl) and by
  date-selection F1 (``date_scores``);
- each figure is averaged over timelines as news-tls does: mean precision and mean recall, then F
  (``mean_scores``), not the mean of F.

Pure: no database. ``tilse`` is an optional extra (``pip install -e .[eval]``), imported only by
``rouge_scores``.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

# A timeline: each date with its sentences, as in the gold files.
Timeline = Mapping[date, Sequence[str]]

SEPARATOR = "-" * 32

ERROR_NO_TILSE = (
    "alignment-based ROUGE needs the tilse package (and perl): pip install -e '.[eval]' ({error})"
)
ERROR_BAD_DATE_LINE = "timeline line {line}: expected a YYYY-MM-DD date, got {text!r}"
ERROR_EMPTY_TIMELINE = "the gold timeline has no dates"


@dataclass(frozen=True, slots=True)
class Scores:
    """Precision, recall and F1 of one comparison (or a mean over several)."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        return f_score(self.precision, self.recall)

    def as_dict(self) -> dict[str, float]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True, slots=True)
class ProtocolParameters:
    """What the protocol asks the summarizer for, derived from one gold timeline."""

    dates: int  # K
    sentences: int  # N
    start: date
    end: date


def f_score(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def parse_timeline(text: str, *, skipped: list[str] | None = None) -> dict[date, list[str]]:
    """Read the timeline format of Timeline17 and tilse.

    A ``YYYY-MM-DD`` line, then that date's sentences one a line, then a line of dashes. A date
    that appears twice keeps the sentences of both. A block whose date line is not a date is an
    error, unless ``skipped`` is given: then the block is left out and its date line appended
    there (a published gold timeline has "2011-04-0"; leaving that block out is what reading it
    with tilse's own date parsing would require too).
    """
    timeline: dict[date, list[str]] = {}
    current: list[str] | None = None
    ignoring = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if set(line) == {"-"} and len(line) >= 8:
            current, ignoring = None, False
            continue
        if ignoring:
            continue
        if current is None:
            try:
                day = date.fromisoformat(line)
            except ValueError:
                if skipped is None:
                    raise ValueError(ERROR_BAD_DATE_LINE.format(line=number, text=line)) from None
                skipped.append(line)
                ignoring = True
                continue
            current = timeline.setdefault(day, [])
            continue
        current.append(line)
    return timeline


def format_timeline(timeline: Timeline) -> str:
    """Write a timeline in the format ``parse_timeline`` reads, dates in order."""
    lines: list[str] = []
    for day in sorted(timeline):
        lines.append(day.isoformat())
        lines.extend(" ".join(sentence.split()) for sentence in timeline[day])
        lines.append(SEPARATOR)
    return "".join(line + "\n" for line in lines)


def protocol_parameters(gold: Timeline) -> ProtocolParameters:
    """K, N and the window the protocol derives from a gold timeline.

    N is rounded as news-tls does (Python's ``round``: halves to even), and is at least 1.
    """
    if not gold:
        raise ValueError(ERROR_EMPTY_TIMELINE)
    days = sorted(gold)
    mean_sentences = sum(len(gold[day]) for day in days) / len(days)
    return ProtocolParameters(
        dates=len(days), sentences=max(1, round(mean_sentences)), start=days[0], end=days[-1]
    )


def date_scores(predicted: Iterable[date], gold: Iterable[date]) -> Scores:
    """Date selection: the share of predicted dates in the gold, and of gold dates predicted."""
    predicted_set, gold_set = set(predicted), set(gold)
    shared = len(predicted_set & gold_set)
    return Scores(
        precision=shared / len(predicted_set) if predicted_set else 0.0,
        recall=shared / len(gold_set) if gold_set else 0.0,
    )


def mean_scores(scores: Sequence[Scores]) -> Scores:
    """Mean precision and mean recall over timelines (their F is then the reported F)."""
    if not scores:
        return Scores(0.0, 0.0)
    return Scores(
        precision=sum(s.precision for s in scores) / len(scores),
        recall=sum(s.recall for s in scores) / len(scores),
    )


def rouge_scores(
    predicted: Timeline, gold: Timeline, *, computation: str = "original"
) -> tuple[Scores, Scores]:
    """Alignment-based ROUGE-1 and ROUGE-2 (tilse ``align_date_content_costs_many_to_one``).

    ``computation="original"`` runs ROUGE 1.5.5 (perl), the reference for reported figures;
    ``"reimpl"`` is tilse's fast approximation, good enough to compare variants while tuning.
    Sentences are compared as whitespace-separated tokens, as in the gold files.
    """
    try:
        from tilse.data.timelines import GroundTruth as TilseGroundTruth
        from tilse.data.timelines import Timeline as TilseTimeline
        from tilse.evaluation import rouge
    except ImportError as error:  # an optional extra: say how to get it
        raise ImportError(ERROR_NO_TILSE.format(error=error)) from error

    evaluator = rouge.TimelineRougeEvaluator(
        measures=["rouge_1", "rouge_2"], rouge_computation=computation
    )
    # tilse needs at least one predicted date; an empty summary scores zero.
    if not predicted:
        return Scores(0.0, 0.0), Scores(0.0, 0.0)
    result = evaluator.evaluate_align_date_content_costs_many_to_one(
        TilseTimeline({day: list(sentences) for day, sentences in predicted.items()}),
        TilseGroundTruth([TilseTimeline({day: list(s) for day, s in gold.items()})]),
    )
    return (
        Scores(result["rouge_1"]["precision"], result["rouge_1"]["recall"]),
        Scores(result["rouge_2"]["precision"], result["rouge_2"]["recall"]),
    )
