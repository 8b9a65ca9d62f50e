"""Shared fixtures: the seed document, an imported seed, API clients."""

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from django.core.cache import caches
from rest_framework.test import APIClient

from events.inputs import read_file
from events.services.imports import document_import

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def load_benchmark(name: str) -> ModuleType:
    """The script ``benchmarks/<name>.py`` as a module (the folder is no package): for tests
    of what a benchmark generates or checks."""
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SEED_FILE = SEEDS / "000_cdbc47c7a3cc2142.txt"
# The actors issue #2 expects from the seed document.
SEED_ACTORS = {
    "Brandon Johnson",
    "Kash Patel",
    "Karoline Leavitt",
    "Donald Trump",
    "FBI",
    "ICE",
    "City of Chicago",
    "Chicago Police Department",
    "White House",
}


@pytest.fixture(autouse=True)
def fresh_caches():
    """Each test starts with no anonymous requests counted (the throttle's counts live in the
    cache, which would otherwise carry over from test to test and answer 429 at random) and no
    timeline page cached."""
    for cache in caches.all():
        cache.clear()


# The seed timeline's date headings on the web page, in order.
SEED_DATE_HEADINGS = [
    "Thu 28 Aug 2025",
    "28\N{EN DASH}29 Aug 2025",
    "Fri 29 Aug 2025",
    "Sat 30 Aug 2025",
    "Undated, before 30 Aug 2025",
]


@pytest.fixture
def seed_input():
    (item,) = list(read_file(SEED_FILE, max_bytes=10_000_000))
    return item


@pytest.fixture
def seed_document(db, seed_input):
    return document_import(data=seed_input).document


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()
