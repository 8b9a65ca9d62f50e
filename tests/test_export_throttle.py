"""Anonymous exports have their own, lower rate than timeline pages (issue #6)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient
from rest_framework.throttling import AnonRateThrottle

from events.renderers import ExportRateThrottle
from tests.factories import UserFactory

URL = "/api/timeline/"
ROOT = Path(__file__).resolve().parent.parent


def export_rate(settings, rate: str) -> None:
    """Set the export rate as the settings would (the conftest clears the counts)."""
    rates = {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "export": rate}
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}


@pytest.fixture
def tight_export_rate(settings):
    export_rate(settings, "2/minute")  # pages keep the general anonymous rate, 1000/minute


def test_anonymous_exports_are_throttled_apart_from_pages(seed_document, tight_export_rate):
    client = APIClient()
    assert client.get(URL, {"format": "csv"}).status_code == 200
    assert client.get(URL, {"format": "ics"}).status_code == 200

    # The formats share one count, also when asked for by Accept header.
    for request in ({"format": "jsonl"}, {"format": "timelinejs"}):
        throttled = client.get(URL, request)
        assert throttled.status_code == 429
        assert throttled["Content-Type"] == "application/json"  # an error, not a timeline
        assert int(throttled["Retry-After"]) > 0
    assert client.get(URL, HTTP_ACCEPT="text/csv").status_code == 429

    # Pages are neither counted nor refused by it.
    for _ in range(3):
        assert client.get(URL).status_code == 200
        assert client.get(URL, {"format": "json"}).status_code == 200


def test_pages_do_not_use_up_the_export_rate(seed_document, tight_export_rate):
    client = APIClient()
    for _ in range(5):
        assert client.get(URL).status_code == 200
    assert client.get(URL, {"format": "csv"}).status_code == 200


def test_authenticated_clients_are_not_throttled_on_exports(seed_document, tight_export_rate):
    client = APIClient()
    token = Token.objects.create(user=UserFactory())
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    codes = {client.get(URL, {"format": "csv"}).status_code for _ in range(4)}
    assert codes == {200}


def test_the_general_anonymous_rate_still_applies_to_exports(seed_document, settings, monkeypatch):
    export_rate(settings, "100/minute")
    # DRF binds AnonRateThrottle's rates when it is imported: tests set them on the class.
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "2/minute"})
    client = APIClient()
    codes = [client.get(URL, {"format": "csv"}).status_code for _ in range(3)]
    assert codes == [200, 200, 429]


def test_export_rate_comes_from_settings(settings):
    # API_EXPORT_THROTTLE_RATE, unset in the tests: the default.
    assert settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["export"] == "30/minute"
    assert ExportRateThrottle().rate == "30/minute"


def test_export_rate_comes_from_the_environment():
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.REST_FRAMEWORK['DEFAULT_THROTTLE_RATES']['export'])"
    )
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "timeline.settings",
        "DEBUG": "1",
        "API_EXPORT_THROTTLE_RATE": "7/hour",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "7/hour"
