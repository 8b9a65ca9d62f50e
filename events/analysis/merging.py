"""The same happening reported by several documents: which events are one timeline entry, which
of them represents it, and whether the sources agree on its date. Pure: no database.

Representation (why groups over events, and not a separate "entry" row): each source's event is
kept as it was found, with its own interval, excerpt and actors, so nothing a source said is lost
and the unmerged timeline is still there; an entry is the group of events that point to one of
them, its *representative* (``Event.merged_into``). The representative is the event whose date
the sources agree on most (then the most precise, then the first reported), so the entry's date,
order and filters are those of an ordinary event and the timeline needs no second index or
paginator. Editors merge and split groups in the admin; a grouping they made or confirmed
(``Event.grouping_confirmed``) is never changed by the machine.

When two reports are one happening (conventions of news writing, not of one outlet):
- they come from different documents (one document reports a happening once; its repeats are
  merged by the extraction already);
- their dates are compatible: the same interval, or day-level dates at most ``NEAR_DAYS`` apart
  (outlets do disagree by a day or two, which is then flagged as a date conflict); coarse dates
  (a month, a year) only with the same interval; undated events are never merged;
- they say the same thing: most of the content words of the shorter report are in the longer
  one (words weighted by rarity in the pool compared, so that the story's ever-present names
  count less than its particular verbs and objects), with at least ``MIN_SHARED`` words shared;
  a shared actor lowers the bar a little, and dates that disagree raise it.
"""

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

# Day-level precisions: dates that sources may give a day or two apart.
FINE_PRECISIONS = frozenset({"day", "range", "week"})
NEAR_DAYS = 3
MIN_SHARED = 2
# The share of the shorter report's (weighted) words the other must have.
SAME_DATE_THRESHOLD = 0.5
SHARED_ACTOR_BONUS = 0.1
OTHER_DATE_THRESHOLD = 0.7
# Words in more than this share of the pool are not used to find candidates (they are still
# weighed when two candidates are compared): "oil" in every report of an oil spill.
CANDIDATE_MAX_SHARE = 0.2


@dataclass(frozen=True, slots=True)
class Report:
    """One event as a source reported it."""

    key: int  # the event's id
    document: int | None
    published_on: date
    position: int
    earliest: date
    latest: date
    precision: str
    words: frozenset[str]
    actors: frozenset[int]
    group: int | None = None  # the representative it points to now, if any
    confirmed: bool = False  # an editor's grouping: the machine leaves it as it is

    @property
    def interval(self) -> tuple[date, date]:
        return (self.earliest, self.latest)


@dataclass(frozen=True, slots=True)
class Entry:
    """A group of reports of one happening."""

    representative: int
    members: tuple[int, ...]  # every report's key, the representative's included
    date_conflict: bool


def choose_representative(reports: list[Report]) -> tuple[Report, bool]:
    """The report whose date stands for the group, and whether the sources disagree.

    The interval given by the most documents wins; then the narrowest (a day over "last week");
    then the one reported first. The sources disagree when some report's interval does not
    contain the chosen one ("Thursday" against "Friday"; "in August" against "August 29" is
    only less precise)."""
    support = Counter(report.interval for report in reports)

    def rank(report: Report) -> tuple:
        width = (report.latest - report.earliest).days
        return (
            -support[report.interval],
            width,
            report.published_on,
            report.document or 0,
            report.position,
            report.key,
        )

    chosen = min(reports, key=rank)
    conflict = any(
        not (r.earliest <= chosen.earliest and chosen.latest <= r.latest) for r in reports
    )
    return chosen, conflict


def date_threshold(a: Report, b: Report) -> float | None:
    """The similarity two reports need to be one happening, given their dates (None: never)."""
    if a.precision == "undated" or b.precision == "undated":
        return None
    if a.interval == b.interval:
        return SAME_DATE_THRESHOLD
    if a.precision in FINE_PRECISIONS and b.precision in FINE_PRECISIONS:
        gap = (max(a.earliest, b.earliest) - min(a.latest, b.latest)).days
        if gap <= 0:
            return SAME_DATE_THRESHOLD
        if gap <= NEAR_DAYS:
            return OTHER_DATE_THRESHOLD
    return None


class _Weights:
    """Inverse document frequencies of words over the reports being compared."""

    def __init__(self, reports: Iterable[Report]) -> None:
        frequency: Counter[str] = Counter()
        count = 0
        for report in reports:
            frequency.update(report.words)
            count += 1
        self.count = max(count, 1)
        self.frequency = frequency

    def __call__(self, word: str) -> float:
        return math.log((self.count + 1) / (self.frequency[word] + 1)) + 1.0

    def common(self, word: str) -> bool:
        return self.count >= 20 and self.frequency[word] > CANDIDATE_MAX_SHARE * self.count


def similarity(a: Report, b: Report, weight: "_Weights") -> float:
    """How much of the shorter report the other one says: the weighted share of its content
    words found in the other, plus a bonus for a shared actor."""
    shared = a.words & b.words
    if len(shared) < MIN_SHARED:
        return 0.0
    smaller = min(sum(map(weight, a.words)), sum(map(weight, b.words)))
    score = sum(map(weight, shared)) / smaller if smaller else 0.0
    if a.actors & b.actors:
        score += SHARED_ACTOR_BONUS
    return score


def group(reports: list[Report], new: set[int]) -> list[Entry]:
    """Place the ``new`` reports (standalone machine events just found) among the groups of all
    ``reports`` (the new ones and those stored near their dates, with their groups as stored);
    return every entry that was made or changed, with its representative chosen again.

    Each new report, taken in the order they were published, joins the group holding the most
    similar report that it is compatible with (a different document, compatible dates, similar
    enough), or stays alone. Groups an editor confirmed gain no member and lose none."""
    by_key = {report.key: report for report in reports}
    members: dict[int, list[Report]] = defaultdict(list)  # group id -> its reports
    group_of: dict[int, int] = {}
    for report in reports:
        if report.key in new and not report.confirmed:
            continue
        gid = report.group if report.group in by_key else report.key
        members[gid].append(report)
        group_of[report.key] = gid
    weight = _Weights(reports)
    index: dict[str, set[int]] = defaultdict(set)  # word -> keys of grouped reports
    for key in group_of:
        for word in by_key[key].words:
            if not weight.common(word):
                index[word].add(key)

    changed: set[int] = set()
    arrivals = sorted(
        (by_key[key] for key in new if key in by_key and not by_key[key].confirmed),
        key=lambda r: (r.published_on, r.document or 0, r.position, r.key),
    )
    for report in arrivals:
        shared: Counter[int] = Counter()
        for word in report.words:
            shared.update(index.get(word, ()))
        best: tuple[float, int] | None = None
        for key, count in shared.items():
            if count < MIN_SHARED:
                continue
            other = by_key[key]
            gid = group_of[key]
            if other.confirmed or any(
                m.document == report.document or m.confirmed for m in members[gid]
            ):
                continue
            needed = date_threshold(report, other)
            if needed is None:
                continue
            score = similarity(report, other, weight)
            if score >= needed and (best is None or (score, -gid) > (best[0], -best[1])):
                best = (score, gid)
        gid = best[1] if best else report.key
        members[gid].append(report)
        group_of[report.key] = gid
        changed.add(gid)
        for word in report.words:
            if not weight.common(word):
                index[word].add(report.key)

    entries = []
    for gid in sorted(changed):
        chosen, conflict = choose_representative(members[gid])
        entries.append(
            Entry(
                representative=chosen.key,
                members=tuple(sorted(r.key for r in members[gid])),
                date_conflict=conflict,
            )
        )
    return entries
