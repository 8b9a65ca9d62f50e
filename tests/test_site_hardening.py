"""The smaller findings of issue 13, section 4: methods, login throttle, tokens in the admin,
Content-Security-Policy, the login redirect, the admin's bounded list filters."""

import pytest
from django.test import Client, override_settings
from rest_framework.authtoken.models import Token

from events.models import Document, Event
from tests.factories import DocumentFactory, UserFactory


@pytest.mark.parametrize("path", ["/", "/documents/1/", "/actors/1/"])
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "trace", "options"])
def test_pages_answer_only_get_and_head(client, seed_document, path, method):
    response = getattr(client, method)(path)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert client.head("/").status_code == 200


@pytest.mark.parametrize("path", ["/admin/login/", "/api/auth/login/"])
@override_settings(LOGIN_THROTTLE_RATE="3/minute")
def test_logins_are_throttled_per_address(db, path):
    UserFactory(username="editor", password="right-password", is_staff=True)
    client = Client()
    statuses = [
        client.post(path, {"username": "editor", "password": f"guess {n}"}).status_code
        for n in range(4)
    ]
    assert statuses == [200, 200, 200, 429]
    refused = client.post(path, {"username": "editor", "password": "right-password"})
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    # Another address is not held back.
    other = Client(REMOTE_ADDR="10.0.0.2")
    assert other.post(path, {"username": "editor", "password": "right-password"}).status_code == 302


def test_login_without_next_lands_on_a_page_that_exists(db):
    UserFactory(username="reader", password="pw-for-test")
    client = Client()
    response = client.post("/api/auth/login/", {"username": "reader", "password": "pw-for-test"})
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200


def test_the_admin_never_shows_a_token_key(admin_client, admin_user):
    token = Token.objects.create(user=admin_user)
    listing = admin_client.get("/admin/authtoken/tokenproxy/")
    assert listing.status_code == 200
    assert token.key not in listing.content.decode()
    change = admin_client.get(f"/admin/authtoken/tokenproxy/{admin_user.pk}/change/")
    assert change.status_code == 200
    assert token.key not in change.content.decode()
    delete = admin_client.get(f"/admin/authtoken/tokenproxy/{admin_user.pk}/delete/")
    assert token.key not in delete.content.decode()


@pytest.mark.parametrize("path", ["/", "/documents/{doc}/", "/api/timeline/", "/admin/login/"])
def test_pages_send_a_content_security_policy(client, seed_document, path):
    response = client.get(path.format(doc=seed_document.pk))
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


def test_page_templates_have_no_inline_script_or_style(client, seed_document):
    html = (
        client.get("/").content.decode()
        + client.get(f"/documents/{seed_document.pk}/").content.decode()
    )
    assert "style=" not in html
    assert "<style" not in html
    for script in html.split("<script")[1:]:
        assert script.split(">", 1)[0].strip().startswith("src=")


def test_admin_event_list_offers_a_bounded_document_filter(admin_client, seed_document, settings):
    from events import selectors

    documents = DocumentFactory.build_batch(
        selectors.FILTER_CHOICES + 20, published_on=seed_document.published_on
    )
    Document.objects.bulk_create(documents)
    response = admin_client.get("/admin/events/event/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("?document=") <= selectors.FILTER_CHOICES + 1
    # Any document, listed or not, still filters by its id.
    oldest = Document.objects.order_by("pk").first()
    filtered = admin_client.get(f"/admin/events/event/?document={oldest.pk}")
    assert filtered.status_code == 200
    assert len(filtered.context["cl"].result_list) == Event.objects.filter(document=oldest).count()
    assert admin_client.get("/admin/events/event/?document=%C2%B2").status_code == 200
