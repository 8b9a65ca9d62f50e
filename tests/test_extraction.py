"""Events and actors found in text (pure: no database)."""

from datetime import date

from events.analysis import text as textlib
from events.analysis.extraction import analyze_document
from events.analysis.types import Precision, Resolution
from tests.conftest import SEED_ACTORS

DCT = date(2025, 8, 30)


def test_seed_events_in_timeline_order(seed_input):
    analysis = analyze_document(seed_input.body, seed_input.published_on)
    # Events dated by a date written in the text; the ones dated by the reporting time (a
    # present perfect, a present-tense statement) are checked in tests below.
    dated = [e for e in analysis.events if e.resolution != Resolution.DOCUMENT]
    got = [(e.earliest, e.latest, e.precision, e.expression) for e in dated]
    assert got == [
        (date(2025, 8, 28), date(2025, 8, 28), Precision.DAY, "Thursday"),
        (date(2025, 8, 28), date(2025, 8, 29), Precision.RANGE, "August 28-29"),
        (date(2025, 8, 29), date(2025, 8, 29), Precision.DAY, "August 29, 2025"),
        (date(2025, 8, 30), date(2025, 8, 30), Precision.DAY, "Saturday"),
        (date(2025, 8, 30), date(2025, 8, 30), Precision.DAY, "August 30, 2025"),
    ]
    leavitt, fbi, patel, order, johnson_post = dated
    assert "Karoline Leavitt said" in leavitt.summary
    assert len(leavitt.excerpts) == 2  # "... Leavitt said on Thursday." repeats the statement
    assert {a.name for a in leavitt.actors} == {"Karoline Leavitt", "White House"}
    assert fbi.excerpts[0].text.startswith("Latest from @FBI August 28-29:")
    assert "-86 individuals arrested by federal partners total" in fbi.excerpts[0].text
    assert {"FBI", "Kash Patel"} <= {a.name for a in fbi.actors}
    assert patel.summary.startswith("Kash Patel posted (@FBIDirectorKash)")
    assert patel.actors[0].name == "Kash Patel"
    assert "Donald Trump" in {a.name for a in patel.actors}  # @POTUS in the post
    assert order.summary.startswith("City of Chicago Mayor Brandon Johnson signed")
    assert {a.name for a in order.actors} == {"Brandon Johnson", "City of Chicago"}
    assert johnson_post.actors[0].name == "Brandon Johnson"
    assert johnson_post.resolution == Resolution.EXPLICIT
    assert order.resolution == Resolution.RELATIVE


def test_seed_excerpt_offsets_point_into_the_body(seed_input):
    body = seed_input.body
    for event in analyze_document(body, seed_input.published_on).events:
        for excerpt in event.excerpts:
            assert body[excerpt.start : excerpt.end] == excerpt.text
            if excerpt.expression_start is not None:
                expression = body[excerpt.expression_start : excerpt.expression_end]
                assert expression == event.expression or event.excerpts[0] is not excerpt
                assert excerpt.start <= excerpt.expression_start <= excerpt.expression_end
                assert excerpt.expression_end <= excerpt.end


def test_seed_figures_and_words_are_never_dates(seed_input):
    analysis = analyze_document(seed_input.body, seed_input.published_on)
    dated_texts = {e.text for e in analysis.expressions if e.is_dated}
    for word in ("We", "now", "38", "-38", "86", "1,400", "decades"):
        assert word not in dated_texts


def test_seed_undated_events_are_bounded_by_the_document_date(seed_input):
    analysis = analyze_document(seed_input.body, seed_input.published_on)
    undated = [e for e in analysis.events if e.precision == Precision.UNDATED]
    assert [e.summary for e in undated] == [
        "President Trump sent troops to reduce crime in Washington D.C.",
        "Trump suggested sending troops to New York and Chicago as well.",
    ]
    for event in undated:
        assert (event.earliest, event.latest) == (DCT, DCT)
        assert event.resolution == Resolution.DOCUMENT
        assert [a.name for a in event.actors] == ["Donald Trump"]


def test_seed_actors_and_aliases(seed_input):
    actors = {a.name: a for a in analyze_document(seed_input.body, seed_input.published_on).actors}
    assert set(actors) >= SEED_ACTORS
    assert {"Johnson", "@ChicagosMayor"} <= actors["Brandon Johnson"].aliases | {"Johnson"}
    assert "@ChicagosMayor" in actors["Brandon Johnson"].aliases
    assert actors["Brandon Johnson"].title == "Mayor"
    assert actors["Kash Patel"].title == "FBI Director"
    assert "@FBIDirectorKash" in actors["Kash Patel"].aliases
    assert {"Trump", "@POTUS"} <= actors["Donald Trump"].aliases
    assert "CPD" in actors["Chicago Police Department"].aliases
    assert actors["Karoline Leavitt"].kind == "person"
    assert actors["White House"].kind == "organization"


def test_a_sentence_without_a_date_or_an_action_makes_no_event():
    # A state ("is") and a present-tense description are no happenings. ("The order says many
    # things." was one of these before issue 15; a present-tense statement now is one, of the
    # reporting time: see test_extraction_events.py.)
    text = "Chicago is a sanctuary city. The order is long. Its pages list many things."
    assert analyze_document(text, DCT).events == []


def test_surname_merges_into_the_full_name_introduced_by_a_title():
    text = "Governor Jane Doe vetoed the bill on Monday. Doe said on Tuesday she would not relent."
    analysis = analyze_document(text, date(2025, 9, 3))
    assert [a.name for a in analysis.actors] == ["Jane Doe"]
    assert [(e.earliest, [a.name for a in e.actors]) for e in analysis.events] == [
        (date(2025, 9, 1), ["Jane Doe"]),
        (date(2025, 9, 2), ["Jane Doe"]),
    ]


def test_post_signature_alone_on_its_line_takes_the_paragraph_before():
    text = "The senator wrote:\n\nWe will vote no.\n— Senator Ann Smith (@AnnSmith) March 3, 2025\n"
    (post,) = textlib.posts(text)
    assert text[post.start : post.end].startswith("We will vote no.")
    assert post.handle == "@AnnSmith"


def test_sentences_keep_abbreviations_and_split_on_dotted_acronyms():
    text = "Mr. Smith met Gov. Jones on Aug. 3. Troops went to Washington D.C. Trump said so."
    spans = [text[s.start : s.end] for s in textlib.sentences(text)]
    assert spans == [
        "Mr. Smith met Gov. Jones on Aug. 3.",
        "Troops went to Washington D.C.",
        "Trump said so.",
    ]


def test_actor_recognition_in_wire_copy():
    text = (
        "NEW YORK (AP) -- General Motors Corp. said Tuesday it would cut jobs. "
        "Sen. Alfonse D'Amato said Bush's plan failed. "
        "Chief Executive Sir Christopher Bland resigned on Monday."
    )
    actors = {(a.name, a.kind) for a in analyze_document(text, date(1998, 3, 4)).actors}
    assert ("General Motors Corp.", "organization") in actors
    assert ("Alfonse D'Amato", "person") in actors
    assert ("Christopher Bland", "person") in actors
    names = {name for name, _ in actors}
    assert not names & {"NEW", "YORK", "AP", "Bush's", "Motors Corp."}


def test_names_with_accents_and_joined_initials():
    text = (
        "Governor JB Pritzker signed the bill on Friday. "
        "Mayor José Martínez said on Friday that Zoe\u0308 Müller resigned."
    )
    actors = {(a.name, a.title) for a in analyze_document(text, date(2025, 9, 6)).actors}
    assert ("JB Pritzker", "Governor") in actors
    assert ("José Martínez", "Mayor") in actors
