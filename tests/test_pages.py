"""The timeline web pages: the views, their filters, escaping, query counts and pagination.

The pure helpers they render with have their own modules: tests/test_date_labels.py,
tests/test_highlight.py, tests/test_timeline_tags.py."""

import re
from datetime import date, timedelta
from html import unescape

import pytest
from django.db import connection
from django.urls import reverse
from django.utils.html import escape

from events.inputs import DocumentInput
from events.models import Actor, Document, Event, SourceExcerpt
from events.pages import COUNT_LIMIT, PAGE_SIZE
from events.services.imports import document_import
from tests.conftest import SEED_DATE_HEADINGS
from tests.factories import (
    ActorAliasFactory,
    ActorFactory,
    DocumentFactory,
    EventFactory,
    SourceExcerptFactory,
    UserFactory,
)

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(2)>"


@pytest.fixture(autouse=True)
def _plain_static_storage(settings) -> None:
    # With DEBUG off the project stores static files in a manifest that only collectstatic
    # writes; the tests resolve them from the apps' folders instead.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


# --- The pages -------------------------------------------------------------------------------

SEED_ORDER = [
    ("Thu 28 Aug 2025", "Karoline Leavitt said"),
    ("28\N{EN DASH}29 Aug 2025", "Latest from @FBI"),
    ("Fri 29 Aug 2025", "Kash Patel posted"),
    ("Sat 30 Aug 2025", "signed an executive order"),
    ("Sat 30 Aug 2025", "Chicago is a sanctuary city"),
    ("Sat 30 Aug 2025", "Brandon Johnson posted"),
    # Later in the text than the undated ones, but a day's dated events come first.
    ("Sat 30 Aug 2025", "That crime crack down has brought"),
    ("undated, before 30 Aug 2025", "President Trump sent troops"),
    ("undated, before 30 Aug 2025", "Trump suggested sending troops"),
]


def _articles(html: str) -> list[str]:
    return re.findall(r'<article class="event".*?</article>', html, flags=re.S)


def test_timeline_lists_the_seed_events_in_order_with_dates_and_sources(client, seed_document):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    articles = _articles(html)
    assert len(articles) == len(SEED_ORDER)
    for article, (when, words) in zip(articles, SEED_ORDER, strict=True):
        assert f">{when}<" in article
        assert words in article
        assert f'href="/documents/{seed_document.pk}/#excerpt-' in article
        assert "How this date was resolved" in article
    # The expression is highlighted inside its excerpt; actors are links that filter.
    leavitt = Actor.objects.get(name="Karoline Leavitt")
    assert '<mark class="timex">Thursday</mark>' in articles[0]
    assert f'href="/?actor={leavitt.pk}"' in articles[0]
    # How it was resolved: expression, the document date, the rule.
    assert "<q>Thursday</q>" in articles[0]
    assert "Sat 30 Aug 2025</time>, which the expression was resolved against" in articles[0]
    assert "bare weekday: most recent Thursday on or before the document date" in articles[0]
    # Grouped by day, then the undated events under their own heading.
    headings = re.findall(r'<h2 id="group-\d+">(?:<time[^>]*>)?(.*?)<', html)
    assert headings == SEED_DATE_HEADINGS
    # Links to the API; none to the admin for an anonymous reader.
    assert 'href="/api/timeline/"' in html
    assert 'href="/api/docs/"' in html
    assert "/admin/" not in html


def test_timeline_links_to_the_admin_for_staff(client, seed_document):
    client.force_login(UserFactory(is_staff=True))
    html = client.get("/").content.decode()
    assert 'href="/admin/"' in html
    event = Event.objects.get(expression="Saturday")
    assert f'href="/admin/events/event/{event.pk}/change/"' in html


def test_timeline_form_offers_precision_and_status_as_the_api_does(client, seed_document):
    html = client.get("/").content.decode()
    for value in ("day", "range", "month", "undated"):
        assert f'<option value="{value}">{value}</option>' in html
    for value in ("machine", "reviewed"):
        assert f'<option value="{value}">' in html
    Event.objects.filter(expression="Saturday").update(status="reviewed")
    html = client.get("/", {"precision": "undated"}).content.decode()
    assert len(_articles(html)) == 2
    assert '<option value="undated" selected>undated</option>' in html
    assert "precision undated" in html
    html = client.get("/", {"status": "reviewed"}).content.decode()
    (article,) = _articles(html)
    assert "signed an executive order" in article
    assert '<option value="reviewed" selected>' in html
    assert "status reviewed" in html


def test_a_two_year_interval_is_headed_by_its_years(client, seed_document):
    EventFactory(
        summary="The 1957-58 season",
        earliest=date(1957, 1, 1),
        latest=date(1958, 12, 31),
        precision="range",
        document=seed_document,
    )
    html = client.get("/").content.decode()
    assert '<h2 id="group-1"><time datetime="1957">1957\N{EN DASH}1958</time></h2>' in html


def test_timeline_filters_by_actor(client, seed_document):
    patel = Actor.objects.get(name="Kash Patel")
    html = client.get("/", {"actor": patel.pk}).content.decode()
    articles = _articles(html)
    assert len(articles) == 3
    assert "Latest from @FBI" in articles[0]
    assert "Kash Patel posted" in articles[1]
    assert "That crime crack down" in articles[2]  # "..., according to ... Kash Patel."
    assert f'<option value="{patel.pk}" selected>Kash Patel</option>' in html
    assert f'with <a href="/actors/{patel.pk}/">Kash Patel</a>' in html
    assert f'href="/api/timeline/?actor={patel.pk}"' in html


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"from": "2025-08-29", "to": "2025-08-29"}, ["Latest from @FBI", "Kash Patel posted"]),
        ({"q": "executive order"}, ["signed an executive order", "Brandon Johnson posted"]),
        ({"q": "troops", "to": "2025-08-30"}, ["President Trump sent", "Trump suggested"]),
        ({"q": "no such words"}, []),
    ],
)
def test_timeline_filters_by_dates_and_text(client, seed_document, params, expected):
    articles = _articles(client.get("/", params).content.decode())
    assert len(articles) == len(expected)
    for article, words in zip(articles, expected, strict=True):
        assert words in article


def test_timeline_filters_by_document(client, seed_document):
    other = document_import(
        data=DocumentInput(
            published_on=date(2025, 9, 2), body="The council voted on Monday.", title="Council"
        )
    ).document
    all_html = client.get("/").content.decode()
    assert len(_articles(all_html)) == 10
    html = client.get("/", {"document": other.pk}).content.decode()
    (article,) = _articles(html)
    assert "The council voted on Monday." in article
    assert "Mon 1 Sep 2025" in article
    assert f'in <a href="/documents/{other.pk}/">Council</a>' in html


def test_timeline_treats_empty_filters_as_none(client, seed_document):
    response = client.get("/", {"actor": "", "from": "", "to": "", "q": "", "document": ""})
    assert response.status_code == 200
    html = response.content.decode()
    assert len(_articles(html)) == 9
    assert "Some filters were ignored" not in html


def test_timeline_reports_invalid_filters_and_ignores_them(client, seed_document):
    response = client.get("/", {"actor": "999999", "from": "2025-13-01"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Some filters were ignored" in html
    assert "Enter a valid date." in html
    assert len(_articles(html)) == 9


def test_actor_page_shows_aliases_and_the_actors_events(client, seed_document):
    patel = Actor.objects.get(name="Kash Patel")
    response = client.get(reverse("pages:actor", args=[patel.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Kash Patel</h1>" in html
    assert "FBI Director" in html
    assert '<span class="alias">@FBIDirectorKash</span>' in html
    articles = _articles(html)
    assert len(articles) == 3
    assert f'href="/api/actors/{patel.pk}/timeline/"' in html
    # The timeline's filters apply to an actor's page too.
    narrowed = client.get(reverse("pages:actor", args=[patel.pk]), {"from": "2025-08-29"})
    assert len(_articles(narrowed.content.decode())) == 3
    later = client.get(reverse("pages:actor", args=[patel.pk]), {"from": "2025-08-31"})
    assert _articles(later.content.decode()) == []


def test_document_page_highlights_every_excerpt_and_expression(client, seed_document):
    response = client.get(reverse("pages:document", args=[seed_document.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sat 30 Aug 2025" in html
    body = re.search(r'<div class="document-body">(.*?)</div>', html, flags=re.S).group(1)
    excerpts = SourceExcerpt.objects.filter(document=seed_document)
    assert body.count('class="marker"') == excerpts.count() == 10
    for excerpt in excerpts:
        assert f'id="excerpt-{excerpt.pk}"' in body
    timexes = re.findall(r'<mark class="[^"]*timex">([^<]*)</mark>', body)
    # "August 30, 2025" and "August 29, 2025" sit inside posts; "August 28-29" inside a post
    # and a list at once: their pieces carry both classes.
    assert set(timexes) >= {"Saturday", "Thursday", "August 28-29", "August 29, 2025"}
    assert timexes.count("Thursday") == 2
    # Every expression links to its event in the list beside the text.
    saturday = Event.objects.get(expression="Saturday")
    assert (
        f'<a class="timex-link" href="#event-{saturday.pk}" title="Event 1: Sat 30 Aug 2025">'
        '<mark class="excerpt timex">Saturday</mark></a>' in body
    )
    assert f'<li id="event-{saturday.pk}" class="document-event">' in html
    # The body is whole: stripping the markup gives back the stored text, escaped.
    text = re.sub(r'<a class="marker"[^>]*>\d+</a>', "", body)
    text = re.sub(r"</?(mark|a)\b[^>]*>", "", text)
    assert text == escape(seed_document.body)


@pytest.mark.parametrize("name", ["pages:document", "pages:actor"])
def test_missing_document_or_actor_is_404(client, db, name):
    assert client.get(reverse(name, args=[999999])).status_code == 404


# --- Escaping --------------------------------------------------------------------------------


@pytest.fixture
def hostile_document(db) -> Document:
    body = (
        f"Mayor Brandon Johnson wrote {XSS_SCRIPT} on Saturday.\n\n"
        f"FBI Director Kash Patel posted {XSS_IMG} on Friday."
    )
    document = document_import(
        data=DocumentInput(
            published_on=date(2025, 8, 30),
            body=body,
            title=f"Title {XSS_SCRIPT}",
            url="https://example.com/a?x=1&y=2",
        )
    ).document
    actor = ActorFactory(name=f"Actor {XSS_IMG}")
    ActorAliasFactory(actor=actor, alias=f"alias {XSS_SCRIPT}")
    Event.objects.get(expression="Friday").actors.add(actor)
    return document


def _assert_inert(html: str) -> None:
    assert "<script>alert" not in html
    assert "<img" not in html
    assert "onerror=alert(2)>" not in html


def test_timeline_shows_document_markup_as_text(client, hostile_document):
    html = client.get("/").content.decode()
    _assert_inert(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "Actor &lt;img src=x onerror=alert(2)&gt;" in html
    assert "Title &lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_document_page_shows_document_markup_as_text(client, hostile_document):
    html = client.get(reverse("pages:document", args=[hostile_document.pk])).content.decode()
    _assert_inert(html)
    assert '<h1 id="document-title">Title &lt;script&gt;alert(1)&lt;/script&gt;</h1>' in html
    assert 'href="https://example.com/a?x=1&amp;y=2"' in html
    assert 'wrote &lt;script&gt;alert(1)&lt;/script&gt; on </mark><a class="timex-link"' in html
    assert "posted &lt;img src=x onerror=alert(2)&gt; on </mark><a" in html


def test_document_page_links_only_web_urls(client, hostile_document):
    # The importer and the admin accept http(s) only; the page does not rely on it.
    Document.objects.filter(pk=hostile_document.pk).update(url="javascript:alert(1)")
    html = client.get(reverse("pages:document", args=[hostile_document.pk])).content.decode()
    assert 'href="javascript:' not in html
    assert "<dd>javascript:alert(1)</dd>" in html


def test_actor_page_shows_names_as_text(client, hostile_document):
    actor = Actor.objects.get(name__startswith="Actor ")
    html = client.get(reverse("pages:actor", args=[actor.pk])).content.decode()
    _assert_inert(html)
    assert "<h1>Actor &lt;img src=x onerror=alert(2)&gt;</h1>" in html
    assert "alias &lt;script&gt;alert(1)&lt;/script&gt;" in html


# --- Query counts and pagination -------------------------------------------------------------


def add_events(document: Document, count: int, actors: list[Actor]) -> list[Event]:
    """``count`` day events, one a day from 1 Jan 2000, each with an excerpt and the actors."""
    start = date(2000, 1, 1)
    events = Event.objects.bulk_create(
        EventFactory.build(
            summary=f"Generated event {i}",
            earliest=start + timedelta(days=i),
            expression="on that day",
            resolution="relative",
            rule="generated",
            document=document,
            position=i,
        )
        for i in range(count)
    )
    if not events or events[0].pk is None:  # a backend without RETURNING
        events = list(Event.objects.filter(rule="generated").order_by("position"))
    SourceExcerpt.objects.bulk_create(  # the whole body, its first two characters the expression
        SourceExcerptFactory.build(event=event, expression_start=0, expression_end=2)
        for event in events
    )
    Through = Event.actors.through
    Through.objects.bulk_create(
        Through(event_id=event.pk, actor_id=actor.pk) for event in events for actor in actors
    )
    return events


@pytest.fixture
def generated_document(db) -> Document:
    return DocumentFactory(published_on=date(2030, 1, 1), body="On that day.")


# A filter by actor or text costs one query more on PostgreSQL: the sample that chooses its
# query shape (events/query_shapes.py).
SAMPLE = 1 if connection.vendor == "postgresql" else 0


@pytest.mark.parametrize("count", [1, 20, 120])
def test_timeline_reads_in_constant_queries(
    client, generated_document, django_assert_num_queries, count
):
    actors = ActorFactory.create_batch(3)
    add_events(generated_document, count, actors)
    # actor choices, document choices, collection choices, the page's events (with documents),
    # actors, excerpts, the events merged into them (none here: their relations cost
    # nothing), the count (up to COUNT_LIMIT)
    with django_assert_num_queries(8):
        response = client.get("/")
    html = response.content.decode()
    assert len(_articles(html)) == min(count, PAGE_SIZE)
    assert f"<strong>{count} event{'s' if count > 1 else ''}</strong>" in html
    # + the chosen actor's validation; on PostgreSQL the samples that choose the actor's and
    # the text's query shapes (events/query_shapes.py)
    with django_assert_num_queries(9 + 2 * SAMPLE):
        response = client.get("/", {"actor": actors[0].pk, "q": "event"})
    assert len(_articles(response.content.decode())) == min(count, PAGE_SIZE)


@pytest.mark.parametrize("count", [1, 120])
def test_actor_and_document_pages_read_in_constant_queries(
    client, generated_document, django_assert_num_queries, count
):
    actor = ActorFactory()
    ActorAliasFactory(actor=actor)
    add_events(generated_document, count, [actor])
    # actor, its aliases, the page's events, actors, excerpts, merged events, count (and the
    # sample that chooses the query's shape on PostgreSQL)
    with django_assert_num_queries(7 + SAMPLE):
        response = client.get(reverse("pages:actor", args=[actor.pk]))
    assert len(_articles(response.content.decode())) == min(count, PAGE_SIZE)
    # document, its events (with documents), actors, excerpts
    with django_assert_num_queries(4):
        response = client.get(reverse("pages:document", args=[generated_document.pk]))
    assert response.content.decode().count('class="document-event"') == count


def _href(html: str, name: str) -> str | None:
    """The URL of the pagination link ``name`` (First, Earlier, Later, Last), or None."""
    found = re.search(rf'<a (?:rel="\w+" )?href="([^"]+)">[^<]*{name}[^<]*</a>', html)
    return unescape(found.group(1)) if found else None


def test_ten_thousand_events_page_in_constant_queries(
    client, generated_document, django_assert_num_queries
):
    actor = ActorFactory()
    events = add_events(generated_document, 10_000, [actor])

    def page(url: str) -> tuple[str, int]:
        """The page's HTML and the index (in ``events``) of its first event."""
        # the actor's validation, actor, document and collection choices, the page's events,
        # actors, excerpts, merged events, the count (up to COUNT_LIMIT), on PostgreSQL the
        # sample that chooses the query's shape: the same on every page
        with django_assert_num_queries(9 + SAMPLE):
            response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        articles = _articles(html)
        assert len(articles) == PAGE_SIZE
        first = int(re.search(r'id="event-(\d+)"', articles[0]).group(1))
        return html, [event.pk for event in events].index(first)

    html, index = page(f"/?actor={actor.pk}")
    assert index == 0 and _href(html, "Earlier") is None and _href(html, "First") is None
    assert f"More than {COUNT_LIMIT} events" in html
    # The links keep the filters.
    assert _href(html, "Later").startswith(f"/?actor={actor.pk}&cursor=")
    html, index = page(_href(html, "Later"))
    assert index == PAGE_SIZE
    html, index = page(_href(html, "Later"))
    assert index == 2 * PAGE_SIZE
    assert page(_href(html, "First"))[1] == 0
    html, index = page(_href(html, "Last"))
    assert index == 10_000 - PAGE_SIZE
    assert _href(html, "Later") is None and _href(html, "Last") is None
    html, index = page(_href(html, "Earlier"))
    assert index == 10_000 - 2 * PAGE_SIZE
    assert page(_href(html, "Later"))[1] == 10_000 - PAGE_SIZE
    # Page numbers are gone: ?page= is ignored; a cursor that is not one of ours is a 404.
    assert page(f"/?actor={actor.pk}&page=7")[1] == 0
    assert client.get("/", {"cursor": "x"}).status_code == 404


@pytest.mark.django_db
def test_filter_form_offers_a_bounded_list_of_actors_plus_the_chosen_one(client):
    from events.selectors import FILTER_CHOICES

    Actor.objects.bulk_create(ActorFactory.build_batch(FILTER_CHOICES + 10))
    last = Actor.objects.order_by("name").last()
    response = client.get("/", {"actor": last.pk})
    options = re.findall(r'<option value="(\d+)"', response.content.decode())
    actor_ids = {a.pk for a in Actor.objects.all()}
    offered = [int(pk) for pk in options if int(pk) in actor_ids]
    assert len(offered) == FILTER_CHOICES + 1
    assert last.pk in offered
