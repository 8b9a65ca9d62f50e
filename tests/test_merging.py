"""One timeline entry per happening across sources (analysis/merging.py, services/entries.py):
paraphrase fixtures written for these tests, in the style of three outlets' copy of one story."""

import random
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from itertools import chain

import pytest
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.urls import reverse

from events.analysis import merging
from events.analysis.merging import (
    MIN_SHARED,
    MIN_SHARED_OTHER_DATE,
    OTHER_DATE_THRESHOLD,
    SAME_DATE_THRESHOLD,
    Index,
    Report,
    choose_representative,
    date_threshold,
    group,
    is_fine,
    similarity,
)
from events.analysis.words import content_words
from events.batching import documents_import
from events.inputs import DocumentInput
from events.models import Document, Event
from events.services import entries
from events.services.imports import document_import, documents_import_batch
from events.services.reanalysis import document_reanalyze
from tests.factories import UserFactory

TIMELINE = "/api/timeline/"

OUTLET_A = (
    "2025-08-30",
    "City of Chicago Mayor Brandon Johnson signed an executive order on Saturday that bars "
    "city police from helping federal immigration agents.\n\n"
    "On Thursday, White House press secretary Karoline Leavitt said the administration would "
    "send National Guard troops to the city.",
)
OUTLET_B = (
    "2025-08-30",
    "Chicago's mayor on Saturday signed an order barring the city's police from working with "
    "federal immigration agents, a move Mayor Brandon Johnson called necessary.\n\n"
    "Press secretary Karoline Leavitt said on Thursday that the administration would send "
    "National Guard troops to Chicago.",
)
OUTLET_C = (
    "2025-08-31",
    "Johnson signed the order on August 30, barring police from helping immigration agents.",
)
# An outlet that dates the press secretary's statement a day later than the others do.
OUTLET_D = (
    "2025-08-30",
    "On Friday, press secretary Karoline Leavitt said the administration would send National "
    "Guard troops to Chicago.",
)


def imported(*documents: tuple[str, str]) -> list:
    return [
        document_import(
            data=DocumentInput(
                published_on=date.fromisoformat(day), body=body, title=f"Outlet {i}", url=""
            )
        ).document
        for i, (day, body) in enumerate(documents)
    ]


def entries_on(api_client, day: str, **params) -> list[dict]:
    response = api_client.get(TIMELINE, {"from": day, "to": day, **params})
    assert response.status_code == 200, response.content
    return response.json()["results"]


def entry_with(items: list[dict], word: str) -> dict:
    (item,) = [item for item in items if any(word in x["text"] for x in item["excerpts"])]
    return item


@pytest.mark.django_db
def test_three_outlets_reporting_one_order_give_one_entry_with_three_sources(api_client):
    documents = imported(OUTLET_A, OUTLET_B, OUTLET_C)
    items = entries_on(api_client, "2025-08-30")
    order = entry_with(items, "signed")
    assert order["source_count"] == 3
    assert {source["document"] for source in order["sources"]} == {d.pk for d in documents}
    assert len({x["document"] for x in order["excerpts"]}) == 3
    assert order["first_reported"]["published_on"] == "2025-08-30"
    assert order["first_reported"]["document"] == documents[0].pk
    assert order["date_conflict"] is False
    assert (order["earliest"], order["latest"]) == ("2025-08-30", "2025-08-30")
    # Unmerged, as each source gave it: three events.
    unmerged = entries_on(api_client, "2025-08-30", merged="false")
    assert len([i for i in unmerged if "signed" in i["excerpts"][0]["text"]]) == 3


@pytest.mark.django_db
def test_two_outlets_reporting_one_statement_give_one_entry(api_client):
    imported(OUTLET_A, OUTLET_B)
    (statement,) = entries_on(api_client, "2025-08-28")
    assert statement["source_count"] == 2
    assert statement["date_conflict"] is False


@pytest.mark.django_db
def test_different_happenings_on_one_day_stay_apart(api_client):
    imported(
        ("2025-08-30", "The mayor signed an executive order on Saturday barring police raids."),
        ("2025-08-30", "On Saturday the press secretary said troops were on their way."),
    )
    items = entries_on(api_client, "2025-08-30")
    assert len(items) == 2
    assert all(item["source_count"] == 1 for item in items)


@pytest.mark.django_db
def test_sources_that_disagree_on_the_date_are_flagged(api_client):
    documents = imported(OUTLET_A, OUTLET_B, OUTLET_D)
    items = entries_on(api_client, "2025-08-28")
    statement = entry_with(items, "Leavitt")
    # Two sources say Thursday, one Friday: agreement chooses Thursday.
    assert (statement["earliest"], statement["latest"]) == ("2025-08-28", "2025-08-28")
    assert statement["source_count"] == 3
    assert statement["date_conflict"] is True
    alternatives = {(a["earliest"], a["sources"]) for a in statement["date_alternatives"]}
    assert alternatives == {("2025-08-28", 2), ("2025-08-29", 1)}
    assert documents[2].pk in {source["document"] for source in statement["sources"]}
    # The entry is not listed again on the Friday.
    assert not any(
        "Leavitt" in x["text"] for i in entries_on(api_client, "2025-08-29") for x in i["excerpts"]
    )


@pytest.mark.django_db
def test_filters_match_any_source_of_an_entry(api_client):
    documents = imported(OUTLET_A, OUTLET_C)
    items = api_client.get(TIMELINE, {"document": documents[1].pk}).json()["results"]
    assert len(items) == 1 and items[0]["source_count"] == 2
    items = api_client.get(TIMELINE, {"q": "barring police"}).json()["results"]
    assert len(items) == 1 and items[0]["source_count"] == 2


def report(key: int, document: int, day: str, text: str, **fields) -> Report:
    return Report(
        key=key,
        document=document,
        published_on=date(2025, 8, 30),
        position=0,
        earliest=date.fromisoformat(day),
        latest=date.fromisoformat(day),
        precision=fields.get("precision", "day"),
        words=frozenset(content_words(text)),
        actors=frozenset(fields.get("actors", ())),
        group=fields.get("group"),
        confirmed=fields.get("confirmed", False),
        dated_by_text=fields.get("dated_by_text", True),
    )


def test_reports_of_one_document_are_never_one_entry():
    reports = [
        report(1, 1, "2025-08-30", "The council approved the budget plan"),
        report(2, 1, "2025-08-30", "The council approved the budget plan again"),
    ]
    assert all(len(entry.members) == 1 for entry in group(reports, {1, 2}))


def test_coarse_dates_merge_only_on_the_same_interval_and_undated_never():
    month = {"precision": "month"}
    reports = [
        report(1, 1, "2025-08-01", "The council approved the budget plan", **month),
        report(2, 2, "2025-08-30", "The council approved the budget plan"),
        report(3, 3, "2025-08-30", "The council approved the budget plan", precision="undated"),
    ]
    assert all(len(entry.members) == 1 for entry in group(reports, {1, 2, 3}))


def test_a_confirmed_entry_gains_no_member():
    reports = [
        report(1, 1, "2025-08-30", "The council approved the budget plan", confirmed=True),
        report(2, 2, "2025-08-30", "The council approved the budget plan"),
    ]
    assert [entry.members for entry in group(reports, {2})] == [(2,)]


def test_the_representative_is_the_date_most_sources_give_then_the_most_precise():
    week = report(3, 3, "2025-08-25", "x", precision="week")
    week = Report(
        **{**{f: getattr(week, f) for f in Report.__slots__}, "latest": date(2025, 8, 31)}
    )
    reports = [report(1, 1, "2025-08-29", "x"), week, report(2, 2, "2025-08-29", "x")]
    chosen, conflict = choose_representative(reports)
    assert chosen.key == 1 and conflict is False
    chosen, conflict = choose_representative([report(1, 1, "2025-08-28", "x"), week])
    assert chosen.key == 1 and conflict is False  # a week around a day is only less precise


def test_reporting_times_are_no_dates_the_sources_disagree_on():
    # "BP says it has spent $3.5 bn", repeated by two outlets a day apart: each is dated by
    # the day it was reported, which says nothing of when the spending was.
    said = "BP says it has spent $3.5 bn on the response so far"
    later, first = (
        report(1, 1, "2025-08-30", said, dated_by_text=False),
        report(2, 2, "2025-08-29", said, dated_by_text=False),
    )
    first = Report(
        **{**{f: getattr(first, f) for f in Report.__slots__}, "published_on": date(2025, 8, 29)}
    )
    chosen, conflict = choose_representative([later, first])
    assert chosen.key == 2 and conflict is False  # the first report, no disagreement
    # A date a text gives wins over a reporting time, and only such dates can disagree.
    dated = report(3, 3, "2025-08-28", said)
    chosen, conflict = choose_representative([later, dated, first])
    assert chosen.key == 3 and conflict is False
    chosen, conflict = choose_representative([later, dated, report(4, 4, "2025-08-27", said)])
    assert chosen.key in (3, 4) and conflict is True


@pytest.mark.django_db
def test_an_entry_of_reporting_time_reports_is_no_date_conflict(api_client):
    imported(
        ("2025-08-29", "The ministry says the oil spill has reached the northern beaches."),
        ("2025-08-30", "The spill has reached the northern beaches, the ministry says."),
    )
    items = api_client.get(TIMELINE).json()["results"]
    (entry,) = [i for i in items if "spill" in i["summary"]]
    assert entry["source_count"] == 2 and entry["date_conflict"] is False
    assert entry["earliest"] == "2025-08-29"  # the first report


def test_the_index_finds_the_candidates_the_date_rules_allow():
    """``Index.candidates`` sorts the reports it finds by the threshold their dates need, as
    ``date_threshold`` says, and by the words they share (at least ``MIN_SHARED``, or
    ``MIN_SHARED_OTHER_DATE`` for another date), with how many they share: the same as comparing
    every pair."""
    rng = random.Random(11)
    vocabulary = [f"w{n}" for n in range(12)]
    shapes = [("day", 0), ("day", 0), ("week", 6), ("range", 2), ("range", 9), ("month", 30)]
    shapes += [("year", 364), ("undated", 0), ("undated", 9)]

    def random_report(key: int) -> Report:
        precision, width = rng.choice(shapes)
        earliest = date(2025, 8, 1) + timedelta(days=rng.randrange(0, 20))
        if precision in ("month", "year"):
            earliest = date(2025, 8, 1)
        return Report(
            key=key,
            document=key,
            published_on=earliest,
            position=0,
            earliest=earliest,
            latest=earliest + timedelta(days=width),
            precision=precision,
            words=frozenset(rng.sample(vocabulary, rng.randrange(0, 7))),
            actors=frozenset(),
        )

    stored = [random_report(key) for key in range(400)]
    index = Index()
    for other in stored:
        index.add(other)
    for key in range(400, 700):
        new = random_report(key)
        # The words it looks others up by: its own, less the pool's common ones.
        words = frozenset(word for word in new.words if rng.random() < 0.8)
        same, near = index.candidates(new, words)
        expected: dict[float, set[tuple[int, int]]] = {
            SAME_DATE_THRESHOLD: set(),
            OTHER_DATE_THRESHOLD: set(),
        }
        for other in stored:
            needed = date_threshold(new, other)
            shared = len(words & other.words)
            # Day-level dates are compared with day-level ones only (coarse: the same interval).
            if needed is None or is_fine(new) != is_fine(other) or len(other.words) < MIN_SHARED:
                continue
            if shared >= (MIN_SHARED if needed == SAME_DATE_THRESHOLD else MIN_SHARED_OTHER_DATE):
                expected[needed].add((other.key, shared))
        assert (sorted(same), sorted(near)) == (
            sorted(expected[SAME_DATE_THRESHOLD]),
            sorted(expected[OTHER_DATE_THRESHOLD]),
        )


@pytest.mark.parametrize(
    ("seed", "words", "actors"),
    [
        (12, (2, 6), (0, 2)),
        # Longer reports that share an actor more often: wins that rest on the actor's bonus,
        # and totals on either side of the limits that rule candidates out by their totals.
        (14, (3, 12), (1, 3)),
    ],
)
def test_grouping_places_each_report_as_comparing_it_with_every_other(
    seed: int, words: tuple[int, int], actors: tuple[int, int]
):
    """``group`` (its index, and the bounds that skip candidates that cannot win) places each
    new report as the rules say, comparing it with every report placed before it."""
    rng = random.Random(seed)
    vocabulary = [f"w{n}" for n in range(30)]

    def random_report(key: int) -> Report:
        precision, width = rng.choice([("day", 0), ("day", 0), ("week", 6), ("month", 30)])
        earliest = date(2025, 8, 1) + timedelta(days=rng.randrange(0, 6))
        if precision == "month":
            earliest = date(2025, 8, 1)
        return Report(
            key=key,
            document=rng.randrange(0, 40),
            published_on=earliest,
            position=key,
            earliest=earliest,
            latest=earliest + timedelta(days=width),
            precision=precision,
            # A few happenings' words, each report with some of them and a word of its own.
            words=frozenset(rng.sample(rng.choice(topics), min(rng.randrange(*words), 6)))
            | set(rng.sample(vocabulary, rng.randrange(1, words[1] - 4))),
            actors=frozenset(rng.sample([1, 2, 3], rng.randrange(*actors))),
        )

    topics = [vocabulary[n : n + 6] for n in range(0, 24, 4)]
    for _ in range(20):
        reports = [random_report(key) for key in range(60)]
        new = {report.key for report in reports if report.key >= 20}
        weight = merging._Weights(reports)
        arrivals = [report for report in reports if report.key in new]
        searched = frozenset().union(*(r.words for r in arrivals)) - weight.common_words
        group_of = {report.key: report.key for report in reports if report.key not in new}
        documents = {report.key: {report.document} for report in reports if report.key not in new}
        for report in sorted(arrivals, key=lambda r: (r.published_on, r.document, r.key)):
            best: tuple[float, int] | None = None
            for key, gid in group_of.items():
                other = next(r for r in reports if r.key == key)
                needed = date_threshold(report, other)
                if needed is None or is_fine(report) != is_fine(other):
                    continue
                if report.document in documents[gid]:
                    continue
                least = MIN_SHARED if needed == SAME_DATE_THRESHOLD else MIN_SHARED_OTHER_DATE
                if len(report.words & searched & other.words) < least:
                    continue
                score = similarity(report, other, weight)
                if score >= needed and (best is None or (score, -gid) > (best[0], -best[1])):
                    best = (score, gid)
            gid = report.key if best is None else best[1]
            group_of[report.key] = gid
            documents.setdefault(gid, set()).add(report.document)
        expected = {}
        for key, gid in group_of.items():
            expected.setdefault(gid, set()).add(key)
        made = {frozenset(entry.members) for entry in group(reports, new)}
        assert made == {frozenset(keys) for keys in expected.values() if keys & new}


def test_a_shared_actor_that_brings_two_reports_to_the_threshold_makes_them_one():
    """What rules candidates out before they are scored (the limit on their totals, the bound
    on their score) counts the bonus of a shared actor: two reports whose shared words (their
    rarest) weigh a little less than half of each one's words are one entry if they share an
    actor, two if they do not."""

    def made(key: int, words: list[str], actors: list[int], precision: str = "day") -> Report:
        found = report(key, key, "2025-08-30", "", actors=actors, precision=precision)
        return replace(found, words=frozenset(words))

    xs, ys = [f"x{n}" for n in range(5)], [f"y{n}" for n in range(5)]
    # Reports on a coarse date (never candidates of a day) of the words the two do not share,
    # which so weigh less than those they share.
    others = [made(10 + n, xs + ys, [], precision="year") for n in range(8)]
    stored = made(1, ["a", "b", *ys], [7])
    for actors, merged in (([7], [(1, 2)]), ([], [])):
        grouped = group([stored, made(2, ["a", "b", *xs], actors), *others], {2})
        assert [entry.members for entry in grouped if len(entry.members) > 1] == merged


def test_an_index_kept_across_batches_groups_as_one_made_for_each_batch():
    """An import keeps one index across its batches (``entries.GroupingMemory``), each report
    filed once: a batch groups what an index made for it alone would, and a filed report
    outside the batch's neighbourhood is no candidate."""
    order = "The mayor signed an executive order barring police from helping immigration agents"
    troops = "Press secretary Karoline Leavitt said the administration would send Guard troops"
    budget = "The council approved the budget plan for the schools"
    batches = [
        [report(1, 1, "2025-08-30", order), report(2, 1, "2025-08-28", troops)],
        [
            report(3, 2, "2025-08-30", order, actors=[7]),
            report(4, 2, "2025-08-29", troops),
            report(5, 2, "2025-09-10", budget),
        ],
        [report(6, 3, "2025-08-30", order), report(7, 3, "2025-08-28", troops)],
        # The budget report (5) is out of this batch's neighbourhood: not in its pool.
        [report(8, 4, "2025-09-10", budget)],
    ]

    def run(kept: Index | None) -> list[list[tuple]]:
        stored: dict[int, Report] = {}
        made = []
        for batch in batches:
            pool = [r for r in stored.values() if r.key != 5 or batch[0].key != 8] + batch
            entries = group(pool, {r.key for r in batch}, kept)
            made.append([(e.representative, e.members, e.date_conflict) for e in entries])
            stored.update((r.key, r) for r in batch)
            for entry in entries:
                for key in entry.members:
                    rep = None if key == entry.representative else entry.representative
                    stored[key] = replace(stored[key], group=rep)
        return made

    kept = Index()
    assert run(kept) == run(None)
    assert run(None)[2] == [(1, (1, 3, 6), False), (2, (2, 4, 7), True)]
    assert run(None)[3] == [(8, (8,), False)]
    assert len(kept) == 8  # each report filed once


def test_an_index_counts_a_pools_words_from_the_pool_before():
    """``Index.frequency`` counts the words of a pool from the difference with the pool of its
    call before (reports that came, left, or whose words are another set): the same counts as
    counting every report's words, and no word counted 0."""
    rng = random.Random(13)
    vocabulary = [f"w{n}" for n in range(40)]

    def words() -> frozenset[str]:
        return frozenset(rng.sample(vocabulary, rng.randrange(0, 8)))

    reports = {
        key: replace(report(key, key, "2025-08-30", ""), words=words()) for key in range(200)
    }
    index = Index()
    for _ in range(40):
        for key in rng.sample(sorted(reports), 20):
            reports[key] = replace(reports[key], words=words())
        pool = {key: r for key, r in reports.items() if rng.random() < 0.6}
        counted = index.frequency(pool)
        assert dict(counted) == dict(Counter(chain.from_iterable(r.words for r in pool.values())))


def grouping() -> list[tuple]:
    """Every event's grouping, each event (and the one it is merged into) by its document's
    title and its place in it."""
    found = Event.objects.order_by("document__title", "position").values_list(
        "document__title",
        "position",
        "merged_into__document__title",
        "merged_into__position",
        "date_conflict",
    )
    return list(found)


@pytest.mark.django_db
def test_a_memory_of_the_batches_before_reads_again_only_the_grouping_state(
    django_assert_num_queries, django_capture_on_commit_callbacks
):
    documents = imported(OUTLET_A, OUTLET_B, OUTLET_D)
    before = grouping()
    new = list(Event.objects.filter(document=documents[0]).values_list("pk", flat=True))
    memory = entries.GroupingMemory()
    # The new events' dates; the neighbourhood's state; the rows, actors and first excerpts
    # of the events it does not remember (all, the first time).
    with django_capture_on_commit_callbacks(execute=True), django_assert_num_queries(5):
        assert entries.entries_group(event_ids=new, memory=memory) == 0
    with django_capture_on_commit_callbacks(execute=True), django_assert_num_queries(2):
        assert entries.entries_group(event_ids=new, memory=memory) == 0
    assert grouping() == before
    # What a batch that rolled back read is forgotten (its events' ids may be given again).
    with pytest.raises(RuntimeError), transaction.atomic():
        entries.entries_group(event_ids=new, memory=memory)
        raise RuntimeError
    with django_assert_num_queries(5):
        entries.entries_group(event_ids=new, memory=memory)
    assert grouping() == before


@pytest.mark.django_db
def test_the_neighbourhood_is_every_event_of_the_near_events_entries():
    """The grouping state is read for the events near the new ones' dates and every event of
    their entries, near or not: a representative far from its near member, a far member of
    a near representative or of a far one; not the entries with no near event."""
    imported(OUTLET_A, OUTLET_B, OUTLET_C, OUTLET_D, ("2025-08-29", OUTLET_B[1] + " Again."))
    dated = list(Event.objects.exclude(precision="undated").order_by("pk"))
    assert len(dated) >= 7
    near_member, far_rep, near_rep, far_member, far_member_2, far_alone, far_joined = (
        event.pk for event in dated[:7]
    )
    Event.objects.update(merged_into=None, date_conflict=False)  # the entries made here only
    far = {"earliest": date(2025, 10, 1), "latest": date(2025, 10, 1), "precision": "day"}
    Event.objects.filter(pk__in=[far_rep, far_member, far_member_2, far_alone, far_joined]).update(
        **far
    )
    Event.objects.filter(pk__in=[near_member, far_member_2]).update(merged_into=far_rep)
    Event.objects.filter(pk=far_member).update(merged_into=near_rep, date_conflict=True)
    Event.objects.filter(pk=far_joined).update(merged_into=far_alone, grouping_confirmed=True)
    near = (
        Event.objects.filter(entries._near([(date(2025, 8, 30), date(2025, 8, 30), "day")]))
        .exclude(precision="undated")
        .order_by()
    )
    rows = entries._entries_state(near)
    ids = [row[0] for row in rows]
    assert len(ids) == len(set(ids))  # each event once
    assert {near_member, far_rep, near_rep, far_member, far_member_2} <= set(ids)
    assert not {far_alone, far_joined} & set(ids)
    # The same rows as reading every event of the entries by id or by merged_into.
    entry_ids = near.annotate(entry=Coalesce("merged_into_id", "id")).values("entry")
    whole = Event.objects.filter(Q(pk__in=entry_ids) | Q(merged_into__in=entry_ids))
    columns = ("pk", "merged_into_id", "grouping_confirmed", "date_conflict")
    assert sorted(rows) == sorted(whole.values_list(*columns))


@pytest.mark.django_db
def test_a_memory_starts_again_past_its_size_and_reads_a_large_neighbourhood_whole(
    monkeypatch, django_assert_num_queries, django_capture_on_commit_callbacks
):
    documents = imported(OUTLET_A, OUTLET_B, OUTLET_D)
    before = grouping()
    new = list(Event.objects.filter(document=documents[0]).values_list("pk", flat=True))
    memory = entries.GroupingMemory()
    # More events missing than are read by their ids: the neighbourhood's rows are read by
    # its own query (a bounded statement), with the same result.
    monkeypatch.setattr(entries, "_MISSING_BY_ID", 1)
    with django_capture_on_commit_callbacks(execute=True), django_assert_num_queries(5):
        entries.entries_group(event_ids=new, memory=memory)
    assert grouping() == before
    remembered = len(memory.reports)
    assert remembered == Event.objects.count()
    # Past its size, the memory is emptied before the next batch (and read again).
    monkeypatch.setattr(entries, "MEMORY_MAX_REPORTS", remembered - 1)
    with django_capture_on_commit_callbacks(execute=True), django_assert_num_queries(5):
        entries.entries_group(event_ids=new, memory=memory)
    assert len(memory.index) == len(memory.reports) == remembered
    assert grouping() == before


@pytest.mark.django_db
def test_the_reports_an_import_writes_are_those_read_back(
    django_assert_num_queries, django_capture_on_commit_callbacks
):
    imported(OUTLET_A)  # stored before: read once
    memory = entries.GroupingMemory()
    batch = [
        (DocumentInput(published_on=date.fromisoformat(day), body=body, title="", url=""), None)
        for day, body in (OUTLET_B, OUTLET_C, OUTLET_D)
    ]
    with django_capture_on_commit_callbacks(execute=True):
        documents_import_batch(batch=batch, memory=memory)
    events = Event.objects.all()
    read, _ = entries._reports(events)
    assert len(read) == len(memory.reports) == events.count()
    # Their words, dates and actors (their groups are read again at each batch).
    assert {r.key: replace(r, group=None) for r in read} == {
        key: replace(r, group=None) for key, r in memory.reports.items()
    }
    more = [
        (
            DocumentInput(
                published_on=date(2025, 9, 1), body=OUTLET_A[1] + " Again.", title="", url=""
            ),
            None,
        )
    ]
    # The texts already imported; the savepoint; the document; the actors; the events,
    # excerpts and actor links (3); the document's actors; the grouping state of the events
    # near the new ones, the only read of the grouping (it remembers the others' rows and
    # takes the new ones' as written); its one write (an executemany: one entry grows, one is
    # made); release.
    with django_assert_num_queries(11):
        documents_import_batch(batch=more, memory=memory)


@pytest.mark.django_db
def test_an_import_makes_no_report_of_an_undated_event(
    seed_input, django_capture_on_commit_callbacks
):
    """Undated events are never grouped: the importer does not make their reports (their
    words) for the grouping, nor does the memory of the batches hold them."""
    memory = entries.GroupingMemory()
    with django_capture_on_commit_callbacks(execute=True):
        documents_import_batch(batch=[(seed_input, None)], memory=memory)
    events = Event.objects.all()
    assert events.filter(precision="undated").exists()
    assert set(memory.reports) == set(
        events.exclude(precision="undated").values_list("pk", flat=True)
    )


@pytest.mark.django_db(transaction=True)
def test_an_import_in_batches_groups_as_one_document_at_a_time():
    outlets = [OUTLET_A, OUTLET_D, OUTLET_B, OUTLET_C]
    imported(*outlets)
    one_by_one = grouping()
    assert len({row[2:4] for row in one_by_one if row[2]}) == 2  # the order, the statement
    Event.objects.all().delete()
    Document.objects.all().delete()
    items = [
        DocumentInput(published_on=date.fromisoformat(day), body=body, title=f"Outlet {i}", url="")
        for i, (day, body) in enumerate(outlets)
    ]
    assert all(result.created for _, result in documents_import(items=iter(items), batch_size=1))
    assert grouping() == one_by_one


@pytest.fixture
def staff_client(client):
    client.force_login(UserFactory(superuser=True))
    return client


def admin_action(client, action: str, events: list[Event]):
    return client.post(
        reverse("admin:events_event_changelist"),
        {"action": action, "_selected_action": [event.pk for event in events]},
    )


@pytest.mark.django_db
def test_editors_split_and_merge_entries_and_re_analysis_keeps_their_grouping(
    api_client, staff_client
):
    documents = imported(OUTLET_A, OUTLET_B, OUTLET_C)
    signed = list(Event.objects.filter(excerpts__text__contains="signed").order_by("pk"))
    assert len(signed) == 3
    outlier = signed[2]
    assert admin_action(staff_client, "split_entries", [outlier]).status_code == 302
    items = entries_on(api_client, "2025-08-30")
    assert sorted(i["source_count"] for i in items if "signed" in i["excerpts"][0]["text"]) == [
        1,
        2,
    ]
    # Re-analysis and re-import keep the editor's grouping.
    for document in documents:
        document_reanalyze(document=document)
    imported(OUTLET_A, OUTLET_B, OUTLET_C)
    items = entries_on(api_client, "2025-08-30")
    assert sorted(i["source_count"] for i in items if "signed" in i["excerpts"][0]["text"]) == [
        1,
        2,
    ]
    # The editor merges them back: one entry again, confirmed.
    events = list(Event.objects.filter(excerpts__text__contains="signed"))
    assert admin_action(staff_client, "merge_entries", events).status_code == 302
    (order,) = [i for i in entries_on(api_client, "2025-08-30") if "signed" in i["summary"]]
    assert order["source_count"] == 3
    assert Event.objects.filter(grouping_confirmed=True).count() == 3


@pytest.mark.django_db
def test_deleting_the_representatives_document_keeps_the_entry_together(api_client):
    from events.services.editing import document_delete

    documents = imported(OUTLET_A, OUTLET_B, OUTLET_C)
    document_delete(document=documents[0])
    order = entry_with(entries_on(api_client, "2025-08-30"), "signed")
    assert order["source_count"] == 2
    assert entries.entries_confirm(events=Event.objects.filter(pk=order["id"])) == 2


@pytest.mark.django_db
def test_the_web_page_shows_an_entry_with_its_sources_and_their_disagreement(client):
    documents = imported(OUTLET_A, OUTLET_B, OUTLET_D)
    html = client.get("/", {"from": "2025-08-28", "to": "2025-08-28"}).content.decode()
    assert "Reported by 3 documents, first by" in html
    assert "sources disagree on the date" in html
    assert "2025-08-29 (1 source)" in html
    for document in documents:
        assert f'href="/documents/{document.pk}/#excerpt-' in html
    unmerged = client.get("/", {"from": "2025-08-28", "to": "2025-08-29", "merged": "false"})
    assert "Reported by" not in unmerged.content.decode()


@pytest.mark.django_db
def test_exports_follow_the_entries(api_client):
    import csv
    import io
    import json

    imported(OUTLET_A, OUTLET_B, OUTLET_D)
    params = {"from": "2025-08-28", "to": "2025-08-28"}
    lines = api_client.get(TIMELINE, {**params, "format": "jsonl"}).content.decode().splitlines()
    (record,) = [json.loads(line) for line in lines if "Leavitt" in line]
    assert record["source_count"] == 3 and record["date_conflict"] is True
    assert record["date_alternatives"] == ["2025-08-28 (2)", "2025-08-29 (1)"]
    text = api_client.get(TIMELINE, {**params, "format": "csv"}).content.decode("utf-8-sig")
    (row,) = [r for r in csv.DictReader(io.StringIO(text)) if "Leavitt" in r["excerpt"]]
    assert row["sources"] == "3" and row["first_reported"].endswith(", 2025-08-30")
    calendar = api_client.get(TIMELINE, {**params, "format": "ics"}).content.decode()
    assert "Reported by 3 documents" in calendar.replace("\r\n ", "")


def test_a_bare_attribution_on_another_day_is_not_the_report_it_names():
    reports = [
        report(
            1,
            1,
            "2025-06-15",
            "The House Judiciary Committee estimated the company had "
            "paid claims worth 71 million dollars",
        ),
        report(2, 2, "2025-06-18", "The House Judiciary Committee said on Friday"),
    ]
    assert all(len(entry.members) == 1 for entry in group(reports, {1, 2}))
    # The same report on the same day, fuller, is one entry.
    reports[1] = report(
        2,
        2,
        "2025-06-15",
        "The House Judiciary Committee estimated the company had paid 71 million dollars in claims",
    )
    assert [entry.members for entry in group(reports, {1, 2})] == [(1, 2)]


@pytest.mark.django_db
def test_a_batch_of_events_on_many_days_is_grouped_in_one_flat_query():
    """A story referring to hundreds of days once built one OR per window of dates: too deep
    an expression for SQLite. The days now go in flat lists."""
    from datetime import timedelta

    start = date(2020, 1, 1)
    body = " ".join(
        f"The council approved plan{n} for district{n} on {day:%B %d, %Y}."
        for n, day in enumerate(start + timedelta(days=9 * n) for n in range(400))
    )
    document = document_import(
        data=DocumentInput(published_on=date(2031, 1, 1), body=body, title="", url="")
    ).document
    assert Event.objects.filter(document=document).count() >= 300
    again = document_import(
        data=DocumentInput(published_on=date(2031, 1, 2), body=body + " Again.", title="", url="")
    ).document
    assert Event.objects.filter(document=again, merged_into__isnull=False).count() >= 300


@pytest.mark.django_db
def test_the_dates_near_a_batch_make_a_query_every_database_runs():
    # 1,500 windows of dates: one OR each was past SQLite's expression depth of 1,000.
    from datetime import timedelta

    start = date(2020, 1, 1)
    days = [(start + timedelta(days=9 * n),) * 2 + ("day",) for n in range(1500)]
    coarse = [(date(2000 + n, 1, 1), date(2000 + n, 12, 31), "year") for n in range(30)]
    assert Event.objects.filter(entries._near(days + coarse)).count() == 0


def reference_items(events: list[Event], *, merged: bool) -> list[dict]:
    """Timeline items as the ORM reads them, three plain queries (the implementation before
    ``selectors.with_items`` read them as JSON in the page's query): the oracle for it."""
    from events.models import SourceExcerpt
    from events.selectors import _entry_fields

    ids = [event.pk for event in events]
    condition = Q(pk__in=ids) | Q(merged_into_id__in=ids) if merged else Q(pk__in=ids)
    group_of: dict[int, int] = {}
    sources: dict[int, list[dict]] = {pk: [] for pk in ids}
    rows = (
        Event.objects.filter(condition)
        .order_by("document__published_on", "document_id", "position", "id")
        .values_list(
            "id",
            "merged_into_id",
            "document_id",
            "document__title",
            "document__url",
            "document__published_on",
            "earliest",
            "latest",
            "precision",
            "expression",
            "resolution",
        )
    )
    for pk, into, document, title, url, published, earliest, latest, precision, expr, how in rows:
        entry = pk if pk in sources else into
        group_of[pk] = entry
        sources[entry].append(
            {
                "event": pk,
                "document": document,
                "document_title": title,
                "document_url": url,
                "published_on": published.isoformat() if published else None,
                "earliest": earliest.isoformat(),
                "latest": latest.isoformat(),
                "precision": precision,
                "expression": expr,
                "resolution": how,
            }
        )
    actors: dict[int, dict[int, dict]] = {pk: {} for pk in ids}
    links = (
        Event.actors.through.objects.filter(event_id__in=group_of)
        .order_by("actor__name", "actor__id")
        .values_list("event_id", "actor_id", "actor__name", "actor__kind")
    )
    for event_id, actor_id, name, kind in links:
        actors[group_of[event_id]].setdefault(
            actor_id, {"id": actor_id, "name": name, "kind": kind}
        )
    excerpts: dict[int, list[dict]] = {pk: [] for pk in ids}
    keys = (
        "id",
        "document",
        "document_title",
        "document_url",
        "start",
        "end",
        "text",
        "expression_start",
        "expression_end",
    )
    for event_id, *values in (
        SourceExcerpt.objects.filter(event_id__in=group_of)
        .order_by("document_id", "start", "end", "id")
        .values_list(
            "event_id",
            "id",
            "document_id",
            "document__title",
            "document__url",
            "start",
            "end",
            "text",
            "expression_start",
            "expression_end",
        )
    ):
        excerpts[group_of[event_id]].append(dict(zip(keys, values, strict=True)))
    fields = (
        "summary",
        "precision",
        "expression",
        "resolution",
        "rule",
        "status",
        "modality",
        "after_publication",
        "source_removed",
    )
    return [
        {
            "id": event.pk,
            **{name: getattr(event, name) for name in fields},
            "earliest": event.earliest.isoformat(),
            "latest": event.latest.isoformat(),
            "document": event.document_id,
            "position": event.position,
            "actors": list(actors[event.pk].values()),
            "excerpts": excerpts[event.pk],
            **_entry_fields(event, sources[event.pk]),
        }
        for event in events
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("merged", [True, False])
def test_items_read_in_one_query_are_those_the_orm_reads(
    api_client, seed_input, merged, django_assert_num_queries
):
    """Entries with several sources, actors on several of them, a date conflict, a reviewed
    event whose document was deleted (no document): the JSON the page's query aggregates
    (``selectors.with_items``) gives exactly the items the ORM's rows give."""
    from events import selectors
    from events.services import document_delete

    documents = imported(OUTLET_A, OUTLET_B, OUTLET_C, OUTLET_D)
    document_import(data=seed_input)
    kept = Event.objects.filter(document=documents[3]).first()
    kept.status = Event.Status.REVIEWED
    kept.save()
    document_delete(document=documents[3])
    every = list(Event.objects.in_timeline_order())
    assert any(event.document_id is None for event in every)
    events = [event for event in every if event.merged_into_id is None] if merged else every
    expected = reference_items(events, merged=merged)
    assert any(item["date_conflict"] for item in expected) or not merged
    assert any(len(item["sources"]) > 2 for item in expected) or not merged
    with django_assert_num_queries(1):
        rows = list(selectors.with_items(Event.objects.in_timeline_order(), merged=merged))
    by_id = {row.pk: row for row in rows}
    with django_assert_num_queries(0):
        items = selectors.timeline_items([by_id[e.pk] for e in events], merged=merged)
    assert items == expected
    # Events read without their items: one query reads them.
    with django_assert_num_queries(1):
        assert selectors.timeline_items(events, merged=merged) == expected
    page = api_client.get(TIMELINE, {"merged": str(merged).lower(), "modality": "all"}).json()
    assert page["results"] == [
        item for item in expected if item["id"] in {result["id"] for result in page["results"]}
    ]
