"""Key dates of a story (#11): the pure summarizer, the API and the commands, on small stories
written here (the evaluation maths: tests/test_tls_eval.py)."""

import io
import json
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from django.core.management import CommandError, call_command

from events.analysis import tls_eval
from events.analysis.extraction import analyze_document
from events.analysis.summarize import (
    Candidate,
    DatedSpan,
    Parameters,
    _knee,
    document_candidates,
    summarize,
)
from events.batching import documents_import
from events.inputs import DocumentInput
from events.models import Collection, Document
from tests.test_tls_eval import GOLD_TEXT

# A small story: a council votes to close a bridge (three documents date the vote), the bridge
# closes (two documents date the closure), and an unrelated aside.
STORY = [
    (
        "2025-03-05",
        "City council votes to close the old bridge",
        "The city council voted on March 4, 2025 to close the old river bridge.\n"
        "Engineers had warned about cracks in the bridge for years.\n"
        "The mayor said the decision was painful but necessary.",
    ),
    (
        "2025-03-06",
        "Bridge vote angers drivers",
        "On March 4, 2025, the council voted to close the river bridge to all traffic.\n"
        "Drivers said the detour would add an hour to their commute.",
    ),
    (
        "2025-03-11",
        "Old bridge closes",
        "The river bridge closed on March 10, 2025.\n"
        "It closed six days after the council vote on March 4, 2025.\n"
        "Police diverted traffic to the northern crossing.",
    ),
    (
        "2025-03-11",
        "Demolition crews arrive",
        "Crews arrived at the closed river bridge on March 10, 2025 to prepare its demolition.\n"
        "The work is expected to last two years.",
    ),
]


def story_candidates() -> tuple[list[Candidate], dict[int, str]]:
    candidates: list[Candidate] = []
    texts = {}
    for number, (day, _title, text) in enumerate(STORY):
        published = date.fromisoformat(day)
        analysis = analyze_document(text, published)
        spans = [
            DatedSpan(x.start, x.end, e.earliest, e.latest, str(e.precision), str(e.resolution))
            for e in analysis.events
            for x in e.excerpts
        ]
        candidates.extend(document_candidates(number, published, text, spans))
        texts[number] = text
    return candidates, texts


# --- the summarizer (pure) ---


def test_the_date_most_documents_refer_to_comes_first():
    candidates, _ = story_candidates()
    [key_date] = summarize(candidates, dates=1, sentences=2)
    assert key_date.date == date(2025, 3, 4)
    assert key_date.documents == 3
    # Its sentences say what happened that day: the vote (and, from the news of the next day,
    # its background).
    assert "voted" in key_date.sentences[0].text
    assert len(key_date.sentences) == 2


def test_two_dates_in_date_order_with_at_most_n_sentences_each_quoting_the_documents_exactly():
    candidates, texts = story_candidates()
    key_dates = summarize(candidates, dates=2, sentences=1)
    assert [k.date for k in key_dates] == [date(2025, 3, 4), date(2025, 3, 10)]
    for key_date in key_dates:
        assert 1 <= len(key_date.sentences) <= 1
        for sentence in key_date.sentences:
            assert texts[sentence.document_id][sentence.start : sentence.end] == sentence.text
    more = summarize(candidates, dates=2, sentences=3)
    assert all(len(k.sentences) <= 3 for k in more)
    # No sentence twice within a date.
    for key_date in more:
        spans = [(s.document_id, s.start) for s in key_date.sentences]
        assert len(spans) == len(set(spans))


def test_the_window_restricts_documents_and_dates():
    candidates, _ = story_candidates()
    # Only the documents published from 10 March on: the vote (4 March) is outside the window
    # even though they refer to it.
    key_dates = summarize(candidates, dates=3, sentences=2, start=date(2025, 3, 10))
    assert key_dates
    assert all(k.date >= date(2025, 3, 10) for k in key_dates)
    assert all(s.published_on >= date(2025, 3, 10) for k in key_dates for s in k.sentences)
    # Until 6 March: the closure on the 10th is unknown.
    early = summarize(candidates, dates=5, sentences=2, end=date(2025, 3, 6))
    assert date(2025, 3, 10) not in {k.date for k in early}
    assert all(s.published_on <= date(2025, 3, 6) for k in early for s in k.sentences)


def test_repeated_wire_copy_is_quoted_once():
    text = "The council voted on March 4, 2025 to close the old river bridge."
    candidates = []
    for number in range(3):
        analysis = analyze_document(text, date(2025, 3, 5))
        spans = [
            DatedSpan(x.start, x.end, e.earliest, e.latest, str(e.precision), str(e.resolution))
            for e in analysis.events
            for x in e.excerpts
        ]
        candidates.extend(document_candidates(number, date(2025, 3, 5), text, spans))
    [key_date] = summarize(candidates, dates=1, sentences=3)
    assert len(key_date.sentences) == 1


def test_a_day_later_documents_look_back_to_outranks_a_day_only_its_own_coverage_dates():
    """Three reports of June 1 date their sentences to June 1; two documents written days
    later still date something to June 2. What is still dated to a day afterwards mattered."""

    def sentence(document: int, published: str, text: str, day: str) -> Candidate:
        return Candidate(
            document, date.fromisoformat(published), 0, len(text), text, 0,
            (date.fromisoformat(day),),
        )  # fmt: skip

    candidates = [
        sentence(1, "2025-06-01", "Crowds gathered at the bridge ceremony today.", "2025-06-01"),
        sentence(2, "2025-06-01", "The bridge ceremony drew crowds on Sunday.", "2025-06-01"),
        sentence(3, "2025-06-01", "A band played at the bridge ceremony today.", "2025-06-01"),
        sentence(4, "2025-06-05", "The bridge cracked on June 2, engineers said.", "2025-06-02"),
        sentence(
            5, "2025-06-09", "Since the bridge cracked on June 2, it has been shut.", "2025-06-02"
        ),
    ]
    [key_date] = summarize(candidates, dates=1, sentences=1)
    assert key_date.date == date(2025, 6, 2)
    # Without that weight, the day's own coverage wins.
    [key_date] = summarize(candidates, dates=1, sentences=1, parameters=Parameters(later_weight=0))
    assert key_date.date == date(2025, 6, 1)


def test_month_references_do_not_count_as_a_day():
    spans = [DatedSpan(0, 20, date(2025, 3, 1), date(2025, 3, 31), "month")]
    [candidate] = document_candidates(1, date(2025, 4, 2), "In March it rained.", spans)
    assert candidate.days == ()


def test_lead_sentences_only_the_first_ones_of_a_long_document():
    text = "\n".join(f"Sentence number {n} tells the story." for n in range(40))
    candidates = document_candidates(1, date(2025, 1, 1), text, [], lead_sentences=3)
    assert [c.text for c in candidates] == [
        f"Sentence number {n} tells the story." for n in range(3)
    ]


def test_lead_sentences_leave_the_dateline_out():
    """A summary quotes the story's words, not its place, filing time and agency."""
    text = (
        "Ferry owners fear long strike HARBOURTON | Wed Apr 15 , 2009 5:56 am EDT HARBOURTON "
        "-LRB- Wire -RRB- - Ferry crews walked out at dawn . \nPassengers were stranded ."
    )
    candidates = document_candidates(1, date(2009, 4, 15), text, [])
    assert [c.text for c in candidates] == [
        "Ferry crews walked out at dawn .",
        "Passengers were stranded .",
    ]
    assert text[candidates[0].start : candidates[0].end] == candidates[0].text


def test_lead_sentences_leave_a_page_s_header_and_credits_out():
    """A page's headline, summary, time stamp and photograph's caption and credit are quoted
    by no summary; nor is a live blog's stamp at an entry's start."""
    text = (
        "Ferry owners fear long strike Crews say pay talks have failed Sunday 2 May 2010 19.41 "
        "BST Ferries moored at the quay . \nPhotograph : Ann Lake\\/Wire Ferry crews walked out "
        "over pay . \n-LRB- 4:37 p.m. ET , 10:37 p.m. local -RRB- Talks resumed ."
    )
    candidates = document_candidates(1, date(2010, 5, 2), text, [])
    assert [c.text for c in candidates] == ["Ferry crews walked out over pay .", "Talks resumed ."]


def test_lead_sentences_are_the_story_s_not_its_readers_comments():
    text = (
        "The bridge reopened at dawn .\n"
        "May 2 , 2010 at 6:15 am | Reply Great news for commuters .\n"
        "May 2 , 2010 at 7:00 am | Reply Took them long enough .\n"
    )
    candidates = document_candidates(1, date(2010, 5, 2), text, [])
    assert [c.text for c in candidates] == ["The bridge reopened at dawn ."]


@pytest.mark.parametrize(
    ("dates", "sentences", "message"),
    [(0, 1, "dates must be a positive integer"), (1, -2, "sentences must be a positive integer")],
)
def test_bad_counts_are_refused(dates, sentences, message):
    with pytest.raises(ValueError, match=message):
        summarize([], dates=dates, sentences=sentences)


def test_an_empty_story_has_no_key_dates():
    assert summarize([], dates=3, sentences=2) == []


def test_parameters_change_the_ranking():
    candidates, _ = story_candidates()
    # With publication counts only, the 11th (two articles) beats the 4th (none published).
    only_published = Parameters(publication_days_weight=0.0, published_weight=100.0)
    [key_date] = summarize(candidates, dates=1, sentences=1, parameters=only_published)
    assert key_date.date != date(2025, 3, 4)


def test_the_knee_of_a_curve_is_its_point_farthest_from_the_chord():
    # The chord runs from (0, 1.0) to (5, 0.05); 0.2 at index 2 lies farthest below it.
    assert _knee(np.array([1.0, 0.9, 0.2, 0.15, 0.1, 0.05])) == 2
    # A flat curve has no knee: index 0, above which nothing lies, so the summarizer cuts nothing.
    assert _knee(np.array([0.5, 0.5, 0.5])) == 0


def test_a_day_is_described_by_what_happened_not_by_the_other_news_of_the_day():
    # Three sentences date the vote; the leads of that day's articles are about other things.
    # Without the knee cut, the greedy summary fills its third place with an unrelated lead,
    # because the day's centroid carries a little of every lead's words.
    day = date(2025, 3, 4)
    vote = [
        "The council voted to close the old river bridge after engineers found cracks.",
        "Council members voted eight to one to close the river bridge.",
        "The vote to close the bridge followed years of warnings about cracks.",
    ]
    other_news = [
        "A bakery on Main Street won a regional prize for its bread.",
        "The school board discussed new lunch menus for the spring term.",
        "Heavy snow is forecast for the mountains this weekend.",
        "The museum opened an exhibition of medieval maps.",
        "Local football fans celebrated a late winning goal.",
    ]
    candidates = [
        Candidate(n, date(2025, 3, 5), 0, len(text), text, position=9, days=(day,))
        for n, text in enumerate(vote)
    ] + [
        Candidate(10 + n, date(2025, 3, 5), 0, len(text), text, position=0)
        for n, text in enumerate(other_news)
    ]

    def summary(knee_filter: bool) -> list[str]:
        p = Parameters(knee_filter=knee_filter, story_keywords=0)
        [key_date] = summarize(candidates, dates=1, sentences=3, parameters=p)
        return [s.text for s in key_date.sentences]

    assert set(summary(knee_filter=True)) <= set(vote)
    assert set(summary(knee_filter=False)) - set(vote)  # what the cut is for


# --- through the database: the selector, the API and the commands ---


@pytest.fixture
def story(db) -> Collection:
    items = [
        DocumentInput(
            published_on=date.fromisoformat(day), body=text, title=title, collections=("bridge",)
        )
        for day, title, text in STORY
    ]
    # Another story's document, which the summary must not read.
    items.append(
        DocumentInput(
            published_on=date(2025, 3, 5),
            body="The football club signed a striker on March 4, 2025.",
            collections=("football",),
        )
    )
    for _item, result in documents_import(items=items):
        assert not isinstance(result, Exception)
    return Collection.objects.get(name="bridge")


def summary_url(collection: Collection, query: str) -> str:
    return f"/api/collections/{collection.pk}/summary/?{query}"


def test_api_summary(story, api_client, django_assert_num_queries):
    # collection (by id, with its document count), its documents in the window, their excerpts
    with django_assert_num_queries(3):
        response = api_client.get(summary_url(story, "dates=2&sentences=1"))
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["collection"] == story.pk
    assert (data["dates"], data["sentences"], data["from"], data["to"]) == (2, 1, None, None)
    assert [k["date"] for k in data["key_dates"]] == ["2025-03-04", "2025-03-10"]
    first = data["key_dates"][0]
    assert first["documents"] == 3
    [sentence] = first["sentences"]
    body = Document.objects.get(pk=sentence["document"]).body
    assert body[sentence["start"] : sentence["end"]] == sentence["text"]
    assert sentence["document_title"] in {title for _, title, _ in STORY}
    assert "football" not in json.dumps(data)


def test_api_summary_by_slug_and_window(story, api_client):
    response = api_client.get(
        f"/api/collections/{story.slug}/summary/?dates=5&sentences=2&from=2025-03-10&to=2025-03-31"
    )
    assert response.status_code == 200
    key_dates = response.json()["key_dates"]
    assert key_dates
    assert all(k["date"] >= "2025-03-10" for k in key_dates)
    assert all(s["published_on"] >= "2025-03-10" for k in key_dates for s in k["sentences"])


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("sentences=1", "dates"),
        ("dates=0&sentences=1", "dates"),
        ("dates=abc&sentences=1", "dates"),
        ("dates=2&sentences=0", "sentences"),
        ("dates=2&sentences=1&from=2025-13-01", "from"),
        ("dates=2&sentences=1&from=2025-03-10&to=2025-03-01", "non_field_errors"),
    ],
)
def test_api_summary_bad_parameters(story, api_client, query, field):
    response = api_client.get(summary_url(story, query))
    assert response.status_code == 400
    assert field in response.json()


def test_api_summary_unknown_collection(db, api_client):
    assert api_client.get("/api/collections/999/summary/?dates=1&sentences=1").status_code == 404


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_summarize_timeline_tilse_format(story):
    output = run(
        "summarize_timeline",
        "--collection",
        "bridge",
        "--dates",
        "2",
        "--sentences",
        "1",
        "--format",
        "tilse",
    )
    lines = output.splitlines()
    assert lines[0] == "2025-03-04"
    assert lines[2] == "-" * 32
    assert lines[3] == "2025-03-10"
    assert lines[5] == "-" * 32
    assert len(lines) == 6
    assert tls_eval.parse_timeline(output).keys() == {date(2025, 3, 4), date(2025, 3, 10)}


def test_summarize_timeline_json_and_text(story):
    data = json.loads(
        run(
            "summarize_timeline",
            "--collection",
            "bridge",
            "--dates",
            "1",
            "--sentences",
            "2",
            "--format",
            "json",
            "--to",
            "2025-03-06",
        )
    )
    assert data["to"] == "2025-03-06"
    assert [k["date"] for k in data["key_dates"]] == ["2025-03-04"]
    text = run("summarize_timeline", "--collection", "bridge", "--dates", "1", "--sentences", "1")
    assert text.startswith("2025-03-04  (score")
    assert "3 documents refer to it" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--collection", "nothing", "--dates", "1", "--sentences", "1"], "no collection"),
        (["--collection", "bridge", "--dates", "x", "--sentences", "1"], "--dates"),
        (
            [
                "--collection",
                "bridge",
                "--dates",
                "1",
                "--sentences",
                "1",
                "--from",
                "2025-04-01",
                "--to",
                "2025-03-01",
            ],
            "is after",
        ),
    ],
)
def test_summarize_timeline_errors(story, args, message):
    with pytest.raises(CommandError, match=message):
        run("summarize_timeline", *args)


def test_evaluate_tls_runs_the_protocol(story, tmp_path: Path):
    pytest.importorskip("tilse")
    import gzip

    topic = tmp_path / "bridge-topic"
    (topic / "timelines").mkdir(parents=True)
    lines = "".join(
        json.dumps({"date": day, "title": title, "text": text}) + "\n" for day, title, text in STORY
    )
    (topic / "articles.jsonl.gz").write_bytes(gzip.compress(lines.encode()))
    (topic / "timelines" / "paper__gold.txt").write_text(GOLD_TEXT)
    first = json.loads(run("evaluate_tls", str(tmp_path), "--json", "--rouge", "reimpl"))
    [row] = first["timelines"]
    assert (row["topic"], row["dates"], row["sentences"]) == ("bridge-topic", 3, 2)
    assert row["date"]["precision"] > 0  # the vote and the closure are gold dates
    assert Collection.objects.get(name="bridge-topic").documents.count() == len(STORY)
    # Again: the import changes nothing, the figures are the same.
    again = json.loads(run("evaluate_tls", str(tmp_path), "--json", "--rouge", "reimpl"))
    assert again["mean"] == first["mean"]
    assert Document.objects.count() == len(STORY) + 1
