"""Text search ?q= (events/search.py): one meaning on SQLite and PostgreSQL, in both query
shapes (the matches collected from the indexes, or the timeline walked), and the trigram
indexes of migration 0009 on PostgreSQL."""

from datetime import date

import pytest
from django.db import connection

from events import query_shapes, search
from events.models import Document, Event
from tests.factories import DocumentFactory, EventFactory, SourceExcerptFactory

TIMELINE = "/api/timeline/"
EVENTS = "/api/events/"


def add_event(
    document: Document,
    summary: str,
    excerpt: str,
    *,
    day: int,
    expression: str = "",
    merged_into: Event | None = None,
    modality: str = Event.Modality.FACT,
) -> Event:
    """An event on 2025-08-<day> with one excerpt, its text taken from the document's body."""
    start = document.body.index(excerpt)
    event = EventFactory(
        summary=summary,
        earliest=date(2025, 8, day),
        expression=expression,
        document=document,
        position=start,
        merged_into=merged_into,
        modality=modality,
    )
    SourceExcerptFactory(event=event, start=start, end=start + len(excerpt))
    return event


BODY_A = (
    "Police made 12 ARRESTS downtown. The council met on Saturday. "
    "Turnout reached 50% of voters. The file was named tax_2025.pdf. "
    "Officials praised the Straße project. Plans call for a bridge next year."
)
BODY_B = "Another outlet: the council meeting ended with a vote on the budget."


@pytest.fixture
def searched(db) -> dict[str, Event]:
    """Events whose words sit in the summary only, the excerpt only or the expression only,
    an entry reported by two documents, and a plan (hidden unless asked for)."""
    a, b = DocumentFactory(body=BODY_A), DocumentFactory(body=BODY_B)
    arrests = add_event(a, "Police arrest twelve people", "Police made 12 ARRESTS downtown.", day=1)
    council = add_event(
        a, "Council meets", "The council met on Saturday.", day=2, expression="on Saturday"
    )
    turnout = add_event(a, "Turnout is high", "Turnout reached 50% of voters.", day=3)
    file = add_event(a, "A file is named", "The file was named tax_2025.pdf.", day=4)
    strasse = add_event(a, "Praise for a project", "Officials praised the Straße project.", day=5)
    plan = add_event(
        a,
        "A bridge is planned",
        "Plans call for a bridge next year.",
        day=6,
        modality=Event.Modality.PLAN,
    )
    # Document B reports the council meeting too: one entry, represented by A's event.
    vote = add_event(
        b,
        "Vote after the meeting",
        "the council meeting ended with a vote on the budget.",
        day=2,
        merged_into=council,
    )
    return {
        "arrests": arrests,
        "council": council,
        "turnout": turnout,
        "file": file,
        "strasse": strasse,
        "plan": plan,
        "vote": vote,
    }


# (q, the timeline's entries, /api/events/'s events (every modality, every source)).
CASES = [
    # Any case, part of a word: "arrest" finds "arrests" and "ARRESTS".
    ("arrest", ["arrests"], ["arrests"]),
    ("ARRESTS downtown", ["arrests"], ["arrests"]),
    # The summary only ("twelve"), the excerpt only ("downtown"), the expression only.
    ("twelve", ["arrests"], ["arrests"]),
    ("satur", ["council"], ["council"]),
    # An entry is found by any of its sources: "budget" is only in document B's excerpt.
    ("budget", ["council"], ["vote"]),
    ("council", ["council"], ["council", "vote"]),
    # LIKE's wildcards are plain characters.
    ("reached 50%", ["turnout"], ["turnout"]),
    ("reached 50%%", [], []),
    ("tax_2025", ["file"], ["file"]),
    ("tax%2025", [], []),
    # Not ASCII.
    ("Straße", ["strasse"], ["strasse"]),
    # Plans are on the timeline only when asked for; the events' own list has them.
    ("bridge", [], ["plan"]),
    ("no such words", [], []),
]


def found(api_client, url: str, events: dict[str, Event], **params) -> list[str]:
    response = api_client.get(url, params)
    assert response.status_code == 200, response.content
    names = {event.pk: name for name, event in events.items()}
    return [names[item["id"]] for item in response.json()["results"]]


@pytest.mark.parametrize("walks", [False, True], ids=["collected", "walked"])
@pytest.mark.parametrize(("q", "timeline", "events"), CASES)
def test_search_finds_the_same_events_in_both_shapes(
    api_client, searched, monkeypatch, walks, q, timeline, events
):
    # Whichever shape the database would choose for this text, the events are the same.
    monkeypatch.setattr(search, "walks", lambda text: walks)
    assert found(api_client, TIMELINE, searched, q=q) == timeline
    assert found(api_client, EVENTS, searched, q=q) == events


@pytest.mark.parametrize("walks", [False, True], ids=["collected", "walked"])
def test_search_combines_with_other_filters(api_client, searched, monkeypatch, walks):
    monkeypatch.setattr(search, "walks", lambda text: walks)
    assert found(api_client, TIMELINE, searched, q="bridge", modality="plan") == ["plan"]
    assert found(api_client, TIMELINE, searched, q="council", merged="false") == [
        "council",
        "vote",
    ]
    assert found(api_client, TIMELINE, searched, q="the", to="2025-08-02") == ["council"]


def test_the_shape_chosen_by_the_database_finds_the_same(api_client, searched):
    # Without forcing a shape (PostgreSQL samples the excerpts; SQLite collects).
    for q, timeline, events in CASES:
        assert found(api_client, TIMELINE, searched, q=q) == timeline, q
        assert found(api_client, EVENTS, searched, q=q) == events, q


@pytest.mark.parametrize("walks", [False, True], ids=["collected", "walked"])
def test_the_web_page_finds_the_same_events_in_both_shapes(client, searched, monkeypatch, walks):
    """The web page counts its matches only up to a limit, which a walk reaches soon for a
    common text: it may walk as the API does, and shows the same events."""
    asked: list[str] = []
    monkeypatch.setattr(search, "walks", lambda text: asked.append(text) or walks)
    page = client.get("/", {"q": "council"}).content.decode()
    assert asked == ["council"]
    assert "Council meets" in page and "Police arrest twelve people" not in page
    page = client.get("/", {"q": "budget"}).content.decode()
    assert "Council meets" in page and "Turnout is high" not in page


@pytest.mark.parametrize("q", ["ab", "a-b", "U.S.", "%%", "__"])
def test_a_search_needs_a_word_of_three_letters_or_digits(api_client, searched, q):
    response = api_client.get(TIMELINE, {"q": q})
    assert response.status_code == 400
    assert response.json() == {"q": [search.ERROR_TOO_SHORT]}
    assert api_client.get(EVENTS, {"q": q}).status_code == 400


def test_the_web_page_says_a_search_is_too_short(client, searched):
    response = client.get("/", {"q": "ab"})
    assert response.status_code == 400
    assert search.ERROR_TOO_SHORT in response.content.decode()
    response = client.get("/", {"q": "arrest"})
    assert response.status_code == 200
    assert "Police arrest twelve people" in response.content.decode()


def test_a_blank_search_is_no_filter(api_client, searched):
    assert len(found(api_client, TIMELINE, searched, q="   ")) == 5


def test_searchable():
    assert search.searchable("EU tax")
    assert search.searchable("  123 ")
    assert search.searchable("Straße")
    assert not search.searchable("EU")
    assert not search.searchable("a_b-c")


def test_search_query_count(api_client, searched, django_assert_num_queries):
    # One query, the page with its items, as without ?q= (tests/test_api.py); on PostgreSQL one
    # more: the sample of excerpts that chooses the shape (the web page never samples:
    # tests/test_pages.py pins its count on both databases).
    with django_assert_num_queries(1 + (connection.vendor == "postgresql")):
        assert found(api_client, TIMELINE, searched, q="council") == ["council"]


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="trigram indexes are PostgreSQL's"
)


@postgresql_only
def test_the_trigram_indexes_exist(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        assert cursor.fetchone() is not None
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE %s", ["%_trgm"]
        )
        indexes = dict(cursor.fetchall())
    assert set(indexes) == {"event_summary_trgm", "event_expression_trgm", "excerpt_text_trgm"}
    assert all("USING gin" in d and "gin_trgm_ops" in d for d in indexes.values())


@postgresql_only
def test_the_collected_search_can_use_the_indexes(searched):
    """The indexes are on the expression icontains compares (UPPER(column)): with sequential
    scans ruled out, the plan of the collected shape reads all three."""
    sql, params = search.collected("council").values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    for index in ("event_summary_trgm", "event_expression_trgm", "excerpt_text_trgm"):
        assert index in plan, plan


@postgresql_only
def test_a_common_text_walks_and_a_rare_one_is_collected(searched, monkeypatch):
    body = " ".join(f"Weather report {n}." for n in range(40))
    document = DocumentFactory(body=body)
    for n in range(40):
        add_event(document, "Weather", f"Weather report {n}.", day=7)
    # A table this small holds too few matches for a walk to pay, however common.
    assert not search.is_common("weather")
    monkeypatch.setattr(query_shapes, "MIN_MATCHES", 10)
    # "weather" is in 40 excerpts of 47, in every part of them; "budget" in one.
    assert search.is_common("weather")
    assert search.walks("WEATHER REPORT")
    assert not search.is_common("budget")
    assert not search.is_common("no such words")
    # LIKE's wildcards are plain characters here too.
    assert not search.is_common("%")
    # Common, but only in the latest excerpts: walking from the start would read all others.
    assert not search.is_common("report 3")
