"""End-to-end: the timeline pages in headless Chromium (Debian's package, driven by Playwright).

Each test imports the seed into the live server's database, reads the page as a reader would and
saves a screenshot under $SCREENSHOT_DIR (default artifacts/screenshots/ in the repository),
printing its path. CI installs /usr/bin/chromium, so these run there (and, CI being set, fail
without it); elsewhere a missing browser skips the module, said once in the test summary.
"""

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import SEED_DATE_HEADINGS

CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parent.parent
SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR") or REPO / "artifacts" / "screenshots")
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

# The seed's dated events in timeline order: (rendered date, words of the summary).
SEED_DATED = [
    ("Thu 28 Aug 2025", "Karoline Leavitt said"),
    ("28\N{EN DASH}29 Aug 2025", "Latest from @FBI"),
    ("Fri 29 Aug 2025", "Kash Patel posted"),
    ("Sat 30 Aug 2025", "signed an executive order"),
    ("Sat 30 Aug 2025", "Chicago is a sanctuary city"),
    ("Sat 30 Aug 2025", "Brandon Johnson posted"),
    ("Sat 30 Aug 2025", "That crime crack down has brought"),
]

pytestmark = pytest.mark.browser
MISSING = f"{CHROMIUM} is missing (apt-get install chromium)"
if not CHROMIUM.exists() and not os.environ.get("CI"):
    # One line in the test summary for the whole module ("SKIPPED [1] ... browser tests"), not
    # one per test. In CI (CI set) nothing is skipped: the tests fail, saying what is missing.
    pytest.skip(f"browser tests not run: {MISSING}", allow_module_level=True)


@pytest.fixture(scope="module")
def browser() -> Iterator:
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        pytest.fail(f"CI runs the browser tests, but {MISSING}")

    # Playwright's sync API runs an event loop in this thread; Django refuses ORM calls from a
    # thread with a running loop unless told the calls are synchronous anyway (they are: the
    # test database setup and flush happen here, outside the browser).
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(autouse=True)
def _plain_static_storage(settings) -> None:
    # With DEBUG off the project stores static files in a manifest that only collectstatic
    # writes; the live server serves them from the apps' folders instead.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def site(live_server, seed_document) -> str:
    """The live server's address, its database holding the imported seed."""
    return live_server.url


@pytest.fixture
def page(browser) -> Iterator:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    # Offline: anything the page asks of another host is a bug (no assets from the internet).
    outside: list[str] = []
    page.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if not re.match(r"https?://(localhost|127\.0\.0\.1)[:/]", request.url)
            else None
        ),
    )
    # The Content-Security-Policy must hold: Chromium reports a blocked script, style or
    # resource on the console ("Refused to ... because it violates ...").
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield page
    context.close()
    assert outside == []
    assert violations == []


@pytest.fixture
def screenshot(capsys) -> Callable:
    """``screenshot(page, name)`` saves the whole page as SCREENSHOTS/<name>.png and prints the
    path, past pytest's output capture, so every run shows where to look."""

    def take(page, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        with capsys.disabled():
            print(f"\nscreenshot: {path}")
        return path

    return take


def test_timeline_shows_the_seed_events_in_order_with_their_dates(site, page, screenshot):
    response = page.goto(site + "/")
    assert response.status == 200
    assert page.title().startswith("The timeline")

    events = page.locator("article.event")
    assert events.count() == 9
    for index, (date, words) in enumerate(SEED_DATED):
        event = events.nth(index)
        assert event.locator(".event-date time").inner_text() == date
        assert words in event.locator(".event-summary").inner_text()
    for index in (7, 8):
        assert (
            events.nth(index)
            .locator(".event-date")
            .inner_text()
            .startswith("undated, before 30 Aug 2025")
        )
    headings = page.locator(".date-group > h2").all_inner_texts()
    assert headings == SEED_DATE_HEADINGS
    # Compact: the summary is shown, its source excerpt folded under one line.
    sources = events.first.locator("details.sources")
    assert not sources.locator("blockquote").first.is_visible()
    sources.locator("summary").click()
    # The temporal expression is highlighted inside the first event's excerpt.
    assert events.first.locator("mark.timex").first.inner_text() == "Thursday"
    # How the date was resolved: folded, and shown on demand.
    details = events.first.locator("details.resolution")
    assert not details.locator("dd").first.is_visible()
    details.locator("summary").click()
    assert details.locator("dd").first.is_visible()
    assert "most recent Thursday" in details.inner_text()
    assert "Sat 30 Aug 2025" in details.inner_text()
    # The stylesheet arrived (from this server): the excerpt highlight is coloured.
    background = events.first.locator("mark.timex").first.evaluate(
        "el => getComputedStyle(el).backgroundColor"
    )
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    screenshot(page, "timeline-desktop")


def test_timeline_is_compact_and_uses_the_desktop_width(site, page):
    page.goto(site + "/")
    # The filter form is shown as it is, with no toggle to open first.
    assert page.get_by_label("Search", exact=True).is_visible()
    assert not page.locator(".filter-panel > summary").is_visible()
    # Each event is a few lines: date, summary, one line of actors and folded details.
    heights = page.locator("article.event").evaluate_all(
        "els => els.map(el => el.getBoundingClientRect().height)"
    )
    assert max(heights) < 200, heights
    # The date sits beside the summary, and the events take the width of the screen.
    event = page.locator("article.event").first
    date_box = event.locator(".event-date").bounding_box()
    summary_box = event.locator(".event-summary").bounding_box()
    assert date_box["x"] + date_box["width"] <= summary_box["x"]
    assert abs(date_box["y"] - summary_box["y"]) < 10
    assert event.bounding_box()["width"] > 1000


def test_timeline_reads_on_a_phone(site, browser, screenshot):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(site + "/")
    assert page.locator("article.event").count() == 9
    # Nothing wider than the screen: no sideways scrolling.
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    # The filters are folded under one line: the first events fill the first screen.
    search = page.get_by_label("Search", exact=True)
    assert not search.is_visible()
    second = page.locator("article.event").nth(1).bounding_box()
    assert second["y"] + second["height"] < PHONE["height"]
    screenshot(page, "timeline-phone")
    page.locator(".filter-panel > summary").click()
    assert search.is_visible()
    screenshot(page, "timeline-phone-filters")
    context.close()


def test_timeline_prints_without_its_controls(site, page, screenshot):
    page.goto(site + "/")
    page.emulate_media(media="print")
    assert not page.locator("form.filters").is_visible()
    assert not page.locator(".site-header nav").is_visible()
    # How each date was resolved is printed, though nobody opened it.
    first = page.locator("article.event").first
    assert first.locator("details.resolution dd").first.is_visible()
    assert "most recent Thursday" in first.locator("details.resolution").inner_text()
    screenshot(page, "timeline-print")


def test_clicking_an_actor_filters_the_timeline(site, page, screenshot):
    page.goto(site + "/")
    page.get_by_role("link", name="Kash Patel", exact=True).first.click()
    page.wait_for_load_state()

    assert re.search(r"\?actor=\d+$", page.url)
    events = page.locator("article.event")
    assert events.count() == 3
    assert [events.nth(i).locator(".event-date time").inner_text() for i in range(3)] == [
        "28\N{EN DASH}29 Aug 2025",
        "Fri 29 Aug 2025",
        "Sat 30 Aug 2025",  # the arrests he reported ("according to ... Kash Patel")
    ]
    for i in range(3):
        assert "Kash Patel" in events.nth(i).locator(".actors").inner_text()
    assert page.locator(".result-line").inner_text().startswith("3 events with Kash Patel")
    assert page.locator("#filter-actor option:checked").inner_text() == "Kash Patel"
    screenshot(page, "timeline-kash-patel")

    # The actor's own page, with its aliases.
    page.locator(".result-line").get_by_role("link", name="Kash Patel").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Kash Patel"
    assert "@FBIDirectorKash" in page.locator("dl.meta").inner_text()
    assert page.locator("article.event").count() == 3
    screenshot(page, "actor-kash-patel")


def test_the_filter_form_works_without_javascript(site, browser):
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "/")
    page.get_by_label("Search", exact=True).fill("arrests")
    page.get_by_label("From", exact=True).fill("2025-08-29")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_load_state()
    assert "q=arrests" in page.url
    assert "from=2025-08-29" in page.url
    summaries = page.locator("article.event .event-summary").all_inner_texts()
    assert len(summaries) == 3
    assert "Latest from @FBI" in summaries[0]
    assert "Kash Patel posted" in summaries[1]
    assert "That crime crack down has brought nearly 1,400 arrests" in summaries[2]
    context.close()


def test_the_filter_form_leaves_unused_filters_out_of_the_url(site, page):
    page.goto(site + "/")
    page.get_by_label("Actor", exact=True).select_option(label="Brandon Johnson")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_load_state()
    assert re.search(r"/\?actor=\d+$", page.url)
    assert page.locator("article.event").count() == 2


def test_document_page_highlights_excerpts_and_dates(site, page, screenshot):
    page.goto(site + "/")
    first = page.locator("article.event").first
    first.locator("details.sources summary").click()
    first.locator("figcaption a").first.click()
    page.wait_for_load_state()
    assert re.search(r"/documents/\d+/#excerpt-\d+$", page.url)
    assert "Sat 30 Aug 2025" in page.locator("dl.meta").inner_text()

    body = page.locator(".document-body")
    timexes = body.locator("mark.timex").all_inner_texts()
    for expression in ("Saturday", "August 30, 2025", "August 28-29", "August 29, 2025"):
        assert expression in timexes
    assert timexes.count("Thursday") == 2
    assert body.locator("mark.excerpt").count() >= 8
    markers = body.locator("a.marker")
    assert markers.count() == 10  # one per excerpt: nine events, Leavitt's has two
    assert "signed an executive order" in body.locator("mark.excerpt").first.inner_text()
    # A date expression leads to its event in the list beside the text.
    body.get_by_role("link", name="Saturday").click()
    target = page.locator(".document-event:target")
    assert "signed an executive order" in target.inner_text()
    assert "Sat 30 Aug 2025" in target.inner_text()
    screenshot(page, "document")


def test_keyboard_reaches_the_content(site, page):
    page.goto(site + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    # After the skip link, the next stop is inside the main content: the search field.
    assert page.evaluate("document.activeElement.id") == "filter-q"


@pytest.fixture
def editor_page(browser, site, live_server) -> Iterator:
    """A page logged in to the admin as a staff editor (the session cookie of a forced login)."""
    from django.conf import settings
    from django.contrib.auth.models import User
    from django.test import Client

    client = Client()
    client.force_login(User.objects.create_superuser("editor", "editor@example.com", "pw"))
    context = browser.new_context(viewport=DESKTOP)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": site}])
    page = context.new_page()
    yield page
    context.close()


def test_admin_event_pages_fit_a_laptop_screen(site, editor_page, screenshot):
    from events.models import Event

    page = editor_page
    page.goto(site + "/admin/events/event/")
    # Every column of the list is on the screen, the status among them.
    assert page.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"]
    assert page.locator("#result_list th.column-status").is_visible()
    # The results table does not scroll sideways inside its box (where the last columns hid).
    widths = page.locator("#changelist .results").evaluate("el => [el.scrollWidth, el.clientWidth]")
    screenshot(page, "admin-event-list")
    assert widths[0] <= widths[1], widths
    screenshot(page, "admin-event-list")

    event = Event.objects.get(expression="Thursday")  # two excerpts
    page.goto(f"{site}/admin/events/event/{event.pk}/change/")
    # Long texts get boxes of several lines.
    for name in ("summary", "rule"):
        field = page.locator(f"textarea[name={name}]")
        assert field.is_visible()
        assert field.bounding_box()["width"] > 400
    # The excerpts inline stays within the page.
    assert page.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"]
    inline = page.locator("#excerpts-group").bounding_box()
    assert inline["x"] + inline["width"] <= DESKTOP["width"]
    screenshot(page, "admin-event-change")
