"""The story pages: /collections/ and /collections/<slug>/ (key dates with their sentences and
sources, and the link to the story's merged timeline). Stories written for these tests."""

from datetime import date

import pytest

from events.batching import documents_import
from events.inputs import DocumentInput

pytestmark = pytest.mark.django_db

ARTICLES = [
    ("2025-03-04", "The port of Halden closed on Monday after a fire in its grain silo."),
    ("2025-03-04", "Firefighters fought the blaze at the Halden silo on Monday night."),
    ("2025-03-05", "The Halden port closed on Monday, the harbour master said on Tuesday."),
    ("2025-03-12", "The port of Halden reopened on Wednesday, a week after the fire."),
]


@pytest.fixture
def story():
    items = [
        DocumentInput(
            published_on=date.fromisoformat(day),
            body=text,
            title=f"Halden report {i}",
            url="",
            collections=("Halden port fire",),
        )
        for i, (day, text) in enumerate(ARTICLES)
    ]
    results = list(documents_import(items=iter(items)))
    assert all(not isinstance(result, Exception) for _, result in results)
    return "halden-port-fire"


def test_the_stories_list_names_each_collection_with_its_size(client, story):
    html = client.get("/collections/").content.decode()
    assert f'href="/collections/{story}/"' in html
    assert "Halden port fire" in html and "4 documents" in html


def test_a_story_page_shows_its_key_dates_with_sentences_and_sources(client, story):
    response = client.get(f"/collections/{story}/", {"dates": 2, "sentences": 1})
    assert response.status_code == 200
    html = response.content.decode()
    # The Monday most articles refer to is a key date, quoted from one of them.
    assert '<time datetime="2025-03-03">' in html
    assert html.count("<li><blockquote>") <= 2
    assert "Halden report" in html and 'href="/documents/' in html
    assert f'href="/?collection={story}"' in html  # the story's full merged timeline


def test_a_bad_choice_is_reported_and_the_defaults_used(client, story):
    response = client.get(f"/collections/{story}/", {"dates": "many", "from": "2025-13-01"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Some choices were ignored" in html
    assert "Key dates" in html


def test_an_unknown_story_is_404(client, story):
    assert client.get("/collections/no-such-story/").status_code == 404
