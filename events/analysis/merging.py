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
  a shared actor lowers the bar a little, and dates that disagree raise it: then the reports
  must share ``MIN_SHARED_OTHER_DATE`` words, so that a bare attribution ("the committee said
  on Friday") is not taken for the longer report of something else it names.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from itertools import chain

# Day-level precisions: dates that sources may give a day or two apart (a range only while it
# is that short: "from May to July" is as coarse as a season).
FINE_PRECISIONS = frozenset({"day", "range", "week"})
FINE_MAX_DAYS = 7
NEAR_DAYS = 3
MIN_SHARED = 2
MIN_SHARED_OTHER_DATE = 4
# The share of the shorter report's (weighted) words the other must have.
SAME_DATE_THRESHOLD = 0.5
SHARED_ACTOR_BONUS = 0.1
OTHER_DATE_THRESHOLD = 0.7
# Words in more than this share of the pool are not used to find candidates (they are still
# weighed when two candidates are compared): the story's own subject, named in nearly every
# report of it.
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
    # Whether the date is one the text gives; not when the report has no date of its own and
    # was dated by its reporting time ("Acme says it has spent $3.5 bn": the day it was said).
    dated_by_text: bool = True

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
    only less precise). Only dates the texts give count: a report dated by its reporting time
    says when it was reported, not when the happening was, so two outlets repeating "Acme says
    it has spent $3.5 bn" a day apart do not disagree, and a group of such reports is dated
    by the first of them."""
    given = [report for report in reports if report.dated_by_text]
    if not given:
        first = min(reports, key=lambda r: (r.published_on, r.document or 0, r.position, r.key))
        return first, False
    support = Counter(report.interval for report in given)

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

    chosen = min(given, key=rank)
    conflict = any(not (r.earliest <= chosen.earliest and chosen.latest <= r.latest) for r in given)
    return chosen, conflict


def is_fine(report: Report) -> bool:
    """Whether a report's date is day-level (may be compared with dates a few days away)."""
    return (
        report.precision in FINE_PRECISIONS
        and (report.latest - report.earliest).days < FINE_MAX_DAYS
    )


def date_threshold(a: Report, b: Report) -> float | None:
    """The similarity two reports need to be one happening, given their dates (None: never)."""
    if a.precision == "undated" or b.precision == "undated":
        return None
    if a.earliest == b.earliest and a.latest == b.latest:  # the same interval
        return SAME_DATE_THRESHOLD
    if is_fine(a) and is_fine(b):
        gap = (max(a.earliest, b.earliest) - min(a.latest, b.latest)).days
        if gap <= 0:
            return SAME_DATE_THRESHOLD
        if gap <= NEAR_DAYS:
            return OTHER_DATE_THRESHOLD
    return None


class _Idf(dict[str, float]):
    """Words' inverse document frequencies; a word of no report compared has the weight of a
    word seen nowhere. A dict looked up through ``__getitem__`` (``map(idf.__getitem__,
    words)``) rather than a Python function: weighing words is the inner loop of merging."""

    def __init__(self, weights: dict[str, float], unseen: float) -> None:
        super().__init__(weights)
        self.unseen = unseen

    def __missing__(self, word: str) -> float:
        return self.unseen


class _Weights:
    """Inverse document frequencies of words over the reports being compared, and each
    report's total weight (computed when first asked: most reports of a pool are never
    compared). ``frequency``: how many of the reports have each word, if the caller counted
    it (``Index.frequency``)."""

    def __init__(self, reports: list[Report], frequency: Mapping[str, int] | None = None) -> None:
        if frequency is None:
            frequency = Counter(chain.from_iterable(report.words for report in reports))
        self.count = max(len(reports), 1)
        self.frequency = frequency
        self.unseen = math.log(self.count + 1) + 1.0
        self.idf = _Idf(
            {word: math.log((self.count + 1) / (n + 1)) + 1.0 for word, n in frequency.items()},
            self.unseen,
        )
        self.common_words = frozenset(
            word
            for word, n in frequency.items()
            if self.count >= 20 and n > CANDIDATE_MAX_SHARE * self.count
        )
        self.totals: dict[int, float] = {}  # by report key (``total``)

    def __call__(self, word: str) -> float:
        return self.idf[word]

    def total(self, report: Report) -> float:
        found = self.totals.get(report.key)
        if found is None:
            found = self.totals[report.key] = math.fsum(map(self.idf.__getitem__, report.words))
        return found


def similarity(a: Report, b: Report, weight: _Weights) -> float:
    """How much of the shorter report the other one says: the weighted share of its content
    words found in the other, plus a bonus for a shared actor."""
    shared = a.words & b.words
    if len(shared) < MIN_SHARED:
        return 0.0
    smaller = min(weight.total(a), weight.total(b))
    # fsum: exactly rounded whatever the set's order, so a tie at the threshold does not
    # depend on the process's string hashing.
    score = math.fsum(map(weight.idf.__getitem__, shared)) / smaller if smaller else 0.0
    if a.actors & b.actors:
        score += SHARED_ACTOR_BONUS
    return score


def _days(report: Report) -> range:
    """The days (ordinals) of a day-level report's interval."""
    return range(report.earliest.toordinal(), report.latest.toordinal() + 1)


def _filed(
    by: dict[object, dict[str, tuple[int, ...]]], days: Iterable[int], words: frozenset[str]
) -> Iterable[int]:
    """The keys filed in ``by`` under ``days`` and ``words``, a key as often as it is filed
    (Python code a day, C the rest: a new report meets some 25 lists)."""
    found = []
    for day in days:
        filed = by.get(day)
        if filed:
            found.append(map(filed.__getitem__, filed.keys() & words))
    return chain.from_iterable(chain.from_iterable(found))


class Index:
    """Reports filed by date and content word, to find the candidates of a new report without
    comparing it with every other. A report is filed once, whatever its group (which the caller
    may change between calls of ``group``): a caller that holds the same reports across calls
    (an import's batches, which each read mostly the neighbours of the batch before) keeps one
    index and files each report once, instead of once a batch, as long as the reports' words
    and dates do not change meanwhile.

    A report of one day is filed under that day, a coarse one under its interval, a day-level
    one of several days (a week, a short range: one report in twenty) under its first day
    apart (``spans``), with its last day beside: so that a report is filed at most once for a
    word, and the words a report shares with a new one are counted by ``collections.Counter``
    over the lists of the days near the new one, in C, with no set to remove a report seen
    twice. (Filed under their words alone, for the whole story, the reports of several days
    were 3 of the 8.5 million keys counted in an import of a story of 1,460 articles.) The
    lists are tuples (a report is filed by making a longer one: most hold one to three keys),
    which the garbage collector stops following once it has seen them hold only ints (as
    lists, or arrays, the index of a story, some 120,000 of them, doubled the objects that
    every full collection of the import walks through).

    ``only``: file only these words (the words some new report may look up, for an index made
    for one call: a stored report that shares fewer than ``MIN_SHARED`` of them can never be a
    candidate, and filing every word of the whole pool for each batch of new reports was most
    of the cost of merging). None files every word, for an index kept across calls."""

    def __init__(self, only: frozenset[str] | None = None) -> None:
        self.only = only
        self.filed: set[int] = set()
        # Day ordinal (one-day reports) or coarse interval -> word -> report keys.
        self.by: dict[object, dict[str, tuple[int, ...]]] = {}
        # Reports of several days: first day -> word -> report keys; each one's days.
        self.spans: dict[object, dict[str, tuple[int, ...]]] = {}
        self.span_days: dict[int, tuple[int, int]] = {}
        # The words of the reports of the last pool weighed (``frequency``), by key, and how
        # many of them have each word.
        self.pool_words: dict[int, frozenset[str]] = {}
        self.pool_frequency: Counter[str] = Counter()

    def __len__(self) -> int:
        return len(self.filed)

    def add(self, report: Report) -> None:
        """File a report (again: nothing)."""
        if report.key in self.filed:
            return
        self.filed.add(report.key)
        if report.precision == "undated":
            return
        words = report.words if self.only is None else report.words & self.only
        if len(words) < MIN_SHARED:
            return
        if not is_fine(report):
            place: object = report.interval
        elif report.earliest == report.latest:
            place = report.earliest.toordinal()
        else:
            days = _days(report)
            self.span_days[report.key] = (days[0], days[-1])
            filed = self.spans.get(days[0])
            if filed is None:
                filed = self.spans[days[0]] = {}
            one = (report.key,)
            for word in words:
                filed[word] = filed.get(word, ()) + one
            return
        filed = self.by.get(place)
        if filed is None:
            filed = self.by[place] = {}
        one = (report.key,)
        for word in words:
            filed[word] = filed.get(word, ()) + one

    def frequency(self, pool: dict[int, Report]) -> Counter[str]:
        """How many reports of ``pool`` (by key) have each word, counted from the difference
        with the pool of the call before: a batch's pool is mostly the last one's, and
        counting the words of each of its reports (17,000 for the last batches of a story of
        1,460 articles) was most of what weighing them cost. The counter is the index's,
        changed by the next call."""
        before, frequency = self.pool_words, self.pool_frequency
        now = {key: report.words for key, report in pool.items()}
        # A report whose words are not those counted (not the same set) counts again.
        gone = [words for key, words in before.items() if now.get(key) is not words]
        frequency.subtract(chain.from_iterable(gone))
        frequency.update(
            chain.from_iterable(words for key, words in now.items() if before.get(key) is not words)
        )
        for word in frozenset().union(*gone):
            if not frequency[word]:
                del frequency[word]  # as a fresh count would have it
        self.pool_words = now
        return frequency

    def candidates(
        self, report: Report, words: frozenset[str]
    ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """The filed reports that may be one happening with ``report``, by what their dates
        need, each with how many of ``words`` it has: those with the same coarse interval or
        day-level dates overlapping its own that have at least ``MIN_SHARED`` of ``words``, and
        those whose day-level dates are one to ``NEAR_DAYS`` days away that have at least
        ``MIN_SHARED_OTHER_DATE`` of them."""
        by = self.by
        if report.precision == "undated":
            return [], []
        if not is_fine(report):
            filed = by.get(report.interval)
            if not filed:
                return [], []
            counts = Counter(chain.from_iterable(map(filed.__getitem__, filed.keys() & words)))
            return [(key, n) for key, n in counts.items() if n >= MIN_SHARED], []
        days = _days(report)
        first, last = days[0], days[-1]
        inner = Counter(_filed(by, days, words))
        around = chain(range(first - NEAR_DAYS, first), range(last + 1, last + NEAR_DAYS + 1))
        outer = Counter(_filed(by, around, words))
        spans = self.spans
        if spans:
            # Those of several days (at most FINE_MAX_DAYS) that may end NEAR_DAYS before it
            # or later, and start at most NEAR_DAYS after it.
            starts = range(first - NEAR_DAYS - FINE_MAX_DAYS + 1, last + NEAR_DAYS + 1)
            span_days = self.span_days
            for key, n in Counter(_filed(spans, starts, words)).items():
                if n >= MIN_SHARED:
                    start, end = span_days[key]
                    if start <= last and first <= end:
                        inner[key] = n
                    elif start <= last + NEAR_DAYS and first - NEAR_DAYS <= end:
                        outer[key] = n
        return (
            [(key, n) for key, n in inner.items() if n >= MIN_SHARED],
            [(key, n) for key, n in outer.items() if n >= MIN_SHARED_OTHER_DATE],
        )


class _Groups:
    """The groups being built: their reports, the documents they hold, whether an editor
    confirmed them, and the index of reports that finds a new report's candidates. Only the
    reports placed in a group (the ``stored`` ones, then ``add``) are candidates: the index may
    hold others (reports of earlier calls, new reports not placed yet).

    A group's reports and documents are gathered when first needed (a candidate's group, one
    that a new report joins): most of a pool is never a candidate, and a list and a set for
    each of its reports, every batch, were work for the garbage collector."""

    def __init__(
        self,
        weight: _Weights,
        searched: frozenset[str],
        index: Index,
        stored: Iterable[Report],
        by_key: dict[int, Report],
    ) -> None:
        self.weight = weight
        self.searched = searched
        self.index = index
        self.by_key = by_key
        self.members: dict[int, list[Report]] = {}
        self.documents: dict[int, set[int | None]] = {}
        self.confirmed: set[int] = set()
        # Each stored report in the group it points to if that is in the pool, else its own;
        # those in another's group listed under it.
        self.group_of: dict[int, int] = {}
        self.joined: dict[int, list[Report]] = defaultdict(list)
        group_of, joined, confirmed = self.group_of, self.joined, self.confirmed
        for report in stored:
            key = report.key
            gid = report.group if report.group in by_key else key
            group_of[key] = gid
            if gid != key:
                joined[gid].append(report)
            if report.confirmed:
                confirmed.add(gid)

    def _gather(self, gid: int) -> set[int | None]:
        """Gather a group's reports placed so far (its own, if it leads it, and those joined);
        return the documents they come from."""
        members = list(self.joined.get(gid, ()))
        own = self.by_key.get(gid)
        if own is not None and self.group_of.get(gid) == gid:
            members.append(own)
        self.members[gid] = members
        documents = self.documents[gid] = {report.document for report in members}
        return documents

    def add(self, report: Report, gid: int) -> None:
        if gid not in self.members:
            self._gather(gid)
        self.members[gid].append(report)
        self.documents[gid].add(report.document)
        if report.confirmed:
            self.confirmed.add(gid)
        self.group_of[report.key] = gid

    def best_group(self, report: Report) -> int | None:
        """The group of the report most similar to ``report`` among those it may join.

        A candidate is scored only if it could win: its score is at most the weight of the
        ``n`` heaviest of the words it was found by (it has ``n`` of them) and of all the
        report's other words, over the smaller total, plus the bonus of a shared actor. That
        bound, a correctly rounded sum (``fsum``) of positive weights that includes the shared
        words' or heavier ones, is never below the score, so skipping a candidate whose bound
        is below the threshold or below the best so far changes nothing; it skips nine
        candidates in ten of a story."""
        words = report.words
        searched = words & self.searched
        same, near = self.index.candidates(report, searched)
        if not same and not near:
            return None
        best: tuple[float, int] | None = None
        # Locals: this loop runs some 17 times for each new report of a story, and
        # ``similarity`` inlined (the same sums: a candidate shares at least MIN_SHARED words).
        group_of, confirmed, documents = self.group_of, self.confirmed, self.documents
        reports, total, document = self.by_key, self.weight.total, report.document
        idf, actors, own = self.weight.idf.__getitem__, report.actors, total(report)
        fsum, totals = math.fsum, self.weight.totals
        heaviest = sorted(map(idf, searched), reverse=True)
        others = list(map(idf, words - searched))
        bounds: dict[int, float] = {}  # by the number of words found by
        for needed, keys in ((SAME_DATE_THRESHOLD, same), (OTHER_DATE_THRESHOLD, near)):
            # By the number of words found by: the total past which a candidate's bound is
            # below ``needed`` even with the bonus, when the report's own total is past it
            # too (else none: inf). Compared before any other work on the candidate: it
            # rules out most of them (a relative margin of 1e-9, far above the rounding of
            # the bound's division and sum, so that it rules out only what the bound does).
            limits: dict[int, float] = {}
            for key, n in keys:
                limit = limits.get(n)
                if limit is None:
                    bound = bounds.get(n)
                    if bound is None:
                        bound = bounds[n] = fsum(heaviest[:n] + others)
                    limit = bound / (needed - SHARED_ACTOR_BONUS) * (1 + 1e-9)
                    limit = limits[n] = limit if own > limit else math.inf
                theirs = totals.get(key)
                if theirs is None:
                    other = reports.get(key)
                    if other is None:
                        continue  # filed by an earlier call, not in this pool
                    theirs = total(other)
                if theirs > limit:
                    continue
                # The bound next: it rules out most of the others, and needs no group.
                other = reports[key]
                smaller = min(own, theirs)
                if not smaller:
                    continue  # no words: a score of 0 (or the bonus alone) never wins
                shares_actor = bool(actors) and not actors.isdisjoint(other.actors)
                bound = bounds[n] / smaller
                if shares_actor:
                    bound += SHARED_ACTOR_BONUS
                if bound < needed:
                    continue
                gid = group_of.get(key)
                if gid is None or gid in confirmed:
                    continue
                if best is not None and (bound, -gid) <= (best[0], -best[1]):
                    continue
                held = documents.get(gid)
                if document in (self._gather(gid) if held is None else held):
                    continue
                score = fsum(map(idf, words & other.words)) / smaller
                if shares_actor:
                    score += SHARED_ACTOR_BONUS
                if score >= needed and (best is None or (score, -gid) > (best[0], -best[1])):
                    best = (score, gid)
        return best[1] if best else None


def group(reports: list[Report], new: set[int], index: Index | None = None) -> list[Entry]:
    """Place the ``new`` reports (standalone machine events just found) among the groups of all
    ``reports`` (the new ones and those stored near their dates, with their groups as stored);
    return every entry that was made or changed, with its representative chosen again.

    Each new report, taken in the order they were published, joins the group holding the most
    similar report that it is compatible with (a different document, compatible dates, similar
    enough), or stays alone. Groups an editor confirmed gain no member and lose none.

    ``index``: one kept by the caller across calls (see ``Index``), which files the reports it
    does not hold yet and counts the pool's words from the last call's; without it, one is
    made for this call."""
    by_key = {report.key: report for report in reports}
    if index is None:
        weight = _Weights(reports)
    else:
        # Counted from the pool of the index's last call (a key given twice would count twice).
        counted = index.frequency(by_key) if len(by_key) == len(reports) else None
        weight = _Weights(reports, counted)
    arrivals = sorted(
        (by_key[key] for key in new if key in by_key and not by_key[key].confirmed),
        key=lambda r: (r.published_on, r.document or 0, r.position, r.key),
    )
    # The words any arrival looks candidates up by: an arrival's words that are not common.
    searched = frozenset().union(*(r.words for r in arrivals)) - weight.common_words
    if index is None:
        index = Index(only=searched)
    stored = [report for report in reports if report.key not in new or report.confirmed]
    filed = index.filed
    for report in stored:
        if report.key not in filed:
            index.add(report)
    groups = _Groups(weight, searched, index, stored, by_key)
    changed: set[int] = set()
    for report in arrivals:
        gid = groups.best_group(report)
        gid = report.key if gid is None else gid
        groups.add(report, gid)
        # Filed once placed: until then it is no candidate (nor for itself), and counting
        # its words for the batch's other reports would be work for nothing.
        index.add(report)
        changed.add(gid)
    entries = []
    for gid in sorted(changed):
        chosen, conflict = choose_representative(groups.members[gid])
        entries.append(
            Entry(
                representative=chosen.key,
                members=tuple(sorted(r.key for r in groups.members[gid])),
                date_conflict=conflict,
            )
        )
    return entries
