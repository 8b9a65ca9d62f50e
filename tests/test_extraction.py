"""Events and actors found in text (pure: no database)."""

import gc
import random
import re
from datetime import date

import pytest

from events.analysis import clauses
from events.analysis import text as textlib
from events.analysis.clauses import Modality
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


def test_a_state_holds_at_the_reporting_time_and_a_description_without_a_verb_is_no_event():
    # A present tense says what holds when the story is written: the article's date (as
    # TimeML links a state to the document's time). "list" is no verb form we know: no event.
    text = "Chicago is a sanctuary city. The order is long. Its pages list many things."
    got = [(e.earliest, e.precision, e.summary) for e in analyze_document(text, DCT).events]
    assert got == [
        (DCT, Precision.DAY, "Chicago is a sanctuary city."),
        (DCT, Precision.DAY, "The order is long."),
    ]


def test_a_present_tense_verb_of_news_copy_is_a_state_of_the_reporting_time():
    # "owns", "remains": present-tense verbs that are rarely nouns ("appears to" hedges: an
    # opinion, no event).
    text = (
        "The Norvik group owns three plants. The old treaty remains in force. "
        "Diplomacy appears to be working."
    )
    got = [(e.earliest, e.summary) for e in analyze_document(text, DCT).events]
    assert got == [
        (DCT, "The Norvik group owns three plants."),
        (DCT, "The old treaty remains in force."),
    ]


def test_background_clauses_make_no_event_of_their_own():
    # A relative clause and a condition depend on their main clause.
    for text in (
        "The city will not help officials who are deporting migrants.",
        "Officers may act if the men have been convicted of a crime.",
        "It won't partner with agents who deport people unless they are wanted on a warrant.",
    ):
        assert analyze_document(text, DCT).events == [], text


def test_a_past_fact_without_a_date_follows_its_paragraph():
    text = (
        "The mayor spoke at the memorial on Monday. He condemned the bombing.\n\n"
        "Later, in a second paragraph, police arrested two men."
    )
    (monday, condemned, arrested) = analyze_document(text, SEPT_3).events
    assert (monday.earliest, monday.expression) == (date(2025, 9, 1), "Monday")
    assert (condemned.earliest, condemned.latest) == (date(2025, 9, 1), date(2025, 9, 1))
    assert condemned.summary == "He condemned the bombing."
    assert condemned.resolution == Resolution.RELATIVE and condemned.expression == ""
    # No date before it in its paragraph: on or before the document's date, no more known.
    assert (arrested.earliest, arrested.precision) == (SEPT_3, Precision.UNDATED)
    # A past tense does not follow the narrative into the future.
    text = "The vote will be held on Monday, the board said. Officials printed the ballots."
    events = analyze_document(text, SEPT_3).events
    (printed,) = [e for e in events if e.summary == "Officials printed the ballots."]
    assert (printed.earliest, printed.precision) == (SEPT_3, Precision.DAY)  # the lead's news


def test_a_present_tense_told_in_a_dated_sentence_holds_at_that_date():
    # What was disclosed on Monday had been asked before: no event of the reporting time.
    got = events_of("The ministry on Monday disclosed that the company has asked for a loan.")
    assert [(e[0], e[2]) for e in got] == [(date(2025, 9, 1), "Monday")]
    # A relative "that" (after a noun) leaves the main clause to its own tense.
    got = events_of("The crew that flew the route in 1961 has been honoured.")
    assert [(e[0], e[2]) for e in got] == [(date(1961, 1, 1), "1961"), (SEPT_3, "")]


def test_a_date_in_a_relative_clause_or_before_a_noun_does_not_date_the_main_clause():
    got = events_of("Jan Kavan, who lived in London from 1968, said he had remained hopeful.")
    assert [(e[0], e[2], e[3], e[4]) for e in got] == [
        (date(1968, 1, 1), "1968", Modality.FACT, "Jan Kavan lived in London from 1968"),
        (SEPT_3, "", Modality.STATEMENT, "Jan Kavan said he had remained hopeful."),
    ]
    # A year between a determiner and its noun says which resolution, not when it holds.
    got = events_of("That 1978 resolution is still in force.")
    assert [(e[0], e[2]) for e in got] == [(date(1978, 1, 1), "1978"), (SEPT_3, "")]
    # A year that dates its clause does so alone.
    got = events_of("The resolution was passed in 1978.")
    assert [(e[0], e[2]) for e in got] == [(date(1978, 1, 1), "1978")]


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
    assert ("Associated Press", "organization") in actors  # the dateline's agency, credited
    names = {name for name, _ in actors}
    assert not names & {"NEW", "YORK", "NEW YORK", "Bush's", "Motors Corp."}


def test_names_with_accents_and_joined_initials():
    text = (
        "Governor JB Pritzker signed the bill on Friday. "
        "Mayor José Martínez said on Friday that Zoe\u0308 Müller resigned."
    )
    actors = {(a.name, a.title) for a in analyze_document(text, date(2025, 9, 6)).actors}
    assert ("JB Pritzker", "Governor") in actors
    assert ("José Martínez", "Mayor") in actors


# Issue 15: one event per happening, dated by its own date, with modality and a short summary.
# Every sentence below is written for these tests.
SEPT_3 = date(2025, 9, 3)  # a Wednesday


def events_of(text: str, document_date: date = SEPT_3) -> list[tuple]:
    return [
        (e.earliest, e.latest, e.expression, e.modality, e.summary)
        for e in analyze_document(text, document_date).events
    ]


def test_two_dated_happenings_in_one_sentence_are_two_events():
    text = (
        "The ferry arrived in the harbour on Friday, years after the 2019 storm wrecked the pier."
    )
    got = events_of(text)
    assert [(e[0], e[1], e[2]) for e in got] == [
        (date(2019, 1, 1), date(2019, 12, 31), "2019"),
        (date(2025, 8, 29), date(2025, 8, 29), "Friday"),
    ]
    storm, ferry = got
    assert storm[4] == "The 2019 storm wrecked the pier."
    assert ferry[4].startswith("The ferry arrived in the harbour on Friday")


def test_an_attribution_with_its_own_date_is_a_second_happening():
    # SEPT_3 is a Wednesday: Monday is September 1, Tuesday September 2.
    got = events_of("The ferry pier was closed on Monday, the harbour master said on Tuesday.")
    assert [(e[0], e[2], e[3]) for e in got] == [
        (date(2025, 9, 1), "Monday", Modality.FACT),
        (date(2025, 9, 2), "Tuesday", Modality.STATEMENT),
    ]
    assert got[0][4] == "The ferry pier was closed on Monday"
    assert got[1][4] == "The harbour master said on Tuesday: The ferry pier was closed on Monday"
    # An attribution without a date of its own adds nothing: the sentence is one happening.
    assert len(events_of("The ferry pier was closed on Monday, the harbour master said.")) == 1
    # Only a bare attribution ends the clause: a speaker, a verb, where and when it was said.
    for sentence in (
        "On Monday, the ministry said the talks would resume in March.",
        "Late on Tuesday, police said two men had been arrested on Sunday.",
        "In a statement on Friday, the firm said it would shut the plant in December.",
    ):
        assert len(events_of(sentence)) == 1, sentence
    (_fact, statement, _plan) = events_of(
        "The pier was closed on Monday, the mayor said on Tuesday, and it will reopen in May."
    )
    assert statement[4] == "The mayor said on Tuesday: The pier was closed on Monday"
    pier = events_of("The pier was shut on Monday, officials said in a statement on Friday.")
    assert sorted(e[2] for e in pier) == ["Friday", "Monday"]
    # Two dates of what was said, none of the attribution: no statement of its own.
    (only,) = events_of("Prices rose 5 percent in July and 3 percent in August, officials said.")
    assert (only[2], only[3]) == ("July", Modality.FACT)


def test_what_was_said_after_that_is_summarised_without_the_speaker():
    got = events_of("The harbour master said on Tuesday that the pier was closed on Monday.")
    fact = next(e for e in got if e[2] == "Monday")
    assert fact[4] == "The pier was closed on Monday."
    got = events_of("Police said on Monday that three men were held on Sunday.")
    assert next(e for e in got if e[2] == "Sunday")[4] == "Three men were held on Sunday."
    # A relative "that" before its verb keeps the subject the sentence opened with.
    (sale,) = events_of("The company that owns the pier was sold on Monday.")
    assert sale[4] == "The company was sold on Monday."


def test_a_happening_is_dated_by_its_own_date_not_by_a_relative_clause():
    text = "The last surviving member of the crew that first flew the route in 1961 has died."
    death, flight = sorted(events_of(text), key=lambda e: e[0], reverse=True)
    assert (death[0], death[1], death[2]) == (SEPT_3, SEPT_3, "")  # the reporting time
    assert death[4] == "The last surviving member of the crew has died."
    assert (flight[0], flight[2]) == (date(1961, 1, 1), "1961")
    assert "first flew the route in 1961" in flight[4]
    event = next(e for e in analyze_document(text, SEPT_3).events if e.expression == "")
    assert event.resolution == Resolution.DOCUMENT and event.precision == Precision.DAY


def test_a_relative_clause_set_off_by_commas_ends_at_the_main_verb():
    got = events_of("Ann Lee, who was elected mayor in 2019, resigned on Monday.")
    assert [(e[2], e[4]) for e in got] == [
        ("2019", "Ann Lee was elected mayor in 2019"),
        ("Monday", "Ann Lee resigned on Monday."),
    ]


def test_the_lead_fact_without_a_date_is_dated_by_the_reporting_time():
    text = (
        "The flooding in the north has killed 40 people so far.\n\n"
        "Rescue teams reached the valley on Tuesday.\n\n"
        "The river has risen by two metres."  # a present perfect: at the reporting time too
    )
    got = events_of(text)
    assert [(e[0], e[2], e[4]) for e in got] == [
        (date(2025, 9, 2), "Tuesday", "Rescue teams reached the valley on Tuesday."),
        (SEPT_3, "", "The flooding in the north has killed 40 people so far."),
        (SEPT_3, "", "The river has risen by two metres."),
    ]
    # A past tense in the lead reports the day's news too.
    (lead,) = events_of("A landslide buried the mountain road.")
    assert (lead[0], lead[3]) == (SEPT_3, Modality.FACT)


def test_a_statement_without_a_date_is_one_of_the_reporting_time():
    text = "Prices rose sharply.\n\nThe agency is small.\n\nOfficials said the harvest had failed."
    statement = events_of(text)[-1]
    assert statement[0] == SEPT_3 and statement[3] == Modality.STATEMENT
    assert statement[4] == "Officials said the harvest had failed."
    # Words of a document ("the order says") have no speaker: no statement of their own.
    got = events_of("Prices are high. The order says the park closes.")
    assert [e[4] for e in got] == ["Prices are high."]  # a state, not the order's words


def test_a_dateline_is_no_event_and_its_day_is_the_reporting_time():
    text = (
        "LISBON, September 2 (Wire) --\n\n"
        "The two ministers signed the fisheries accord at a short ceremony.\n\n"
        "Officials said the talks had lasted a year."
    )
    got = events_of(text)
    assert [(e[0], e[4]) for e in got] == [
        (date(2025, 9, 2), "The two ministers signed the fisheries accord at a short ceremony."),
        (date(2025, 9, 2), "Officials said the talks had lasted a year."),
    ]
    # A dateline without a day ("KAMPALA (AP) _"): the document's date, and still no event.
    got = events_of("KAMPALA (AP) _\n\nOfficials said the talks had lasted a year.")
    assert [(e[0], e[4]) for e in got] == [(SEPT_3, "Officials said the talks had lasted a year.")]
    # A day far before the document is no filing day: an archive's dateline of another story.
    (statement,) = events_of("ROME, May 2 (Wire) --\n\nOfficials said the talks had failed.")
    assert statement[0] == SEPT_3


def test_datelines_are_found_in_their_common_forms_and_nowhere_else():
    for line in (
        "NAIROBI, Kenya (AP) _",
        "WASHINGTON, March 12 (Xinhua) --",
        "LONDON (Reuters) -",
        "INDEPENDENCE, Mo. _",
        "DAR ES SALAAM, Tanzania (AP)_",
        "LONDON Nov 17 (Reuters) -",  # the day without a comma, as wire pages print it
    ):
        found = textlib.dateline(f"\n{line} The story begins here.")
        assert (
            found is not None
            and f"\n{line} The story begins here."[found.start : found.end] == line
        )
    for text in ("GOODY PRODUCTS Inc. cut its dividend.", "Officials - not all - agreed."):
        assert textlib.dateline(text) is None
    # A web page of wire copy prints the place and the filing time before it, after a bar.
    stamped = "OSLO | Thu Feb 5 , 2009 3:15 pm EST OSLO -LRB- Wire -RRB- - A ferry sank."
    found = textlib.dateline(stamped)
    assert found is not None and stamped[found.end :].strip() == "A ferry sank."
    assert textlib.dateline("OSLO | the city by the fjord") is None


def test_the_first_sentence_after_a_dateline_on_its_line_starts_after_it():
    """Its excerpt and summary are the story's words, not the place, the time and the agency;
    the time stamp's day is the reporting time."""
    text = (
        "HARBOURTON | Wed Apr 15 , 2009 5:56 am EDT HARBOURTON -LRB- Wire -RRB- - Chemists "
        "at the university have identified a compound . \nThe team said on Tuesday that "
        "trials had begun ."
    )
    analysis = analyze_document(text, date(2009, 4, 16))
    lead = next(e for e in analysis.events if e.summary.startswith("Chemists"))
    assert lead.excerpts[0].text.startswith("Chemists at the university")
    assert (lead.earliest, lead.latest) == (date(2009, 4, 15), date(2009, 4, 15))
    assert not any("HARBOURTON" in e.summary for e in analysis.events)


def test_a_tokenised_dateline_sets_its_comma_apart():
    """Tokenised corpora write "PASS CHRISTIAN , Mississippi": the same dateline."""
    text = (
        "PORT ALDER , Maine | Thu Apr 29 , 2010 3:08 pm EDT PORT ALDER , Maine -LRB- Wire -RRB- "
        "- Lobstermen tied up their boats . \nThe harbour closed on Wednesday ."
    )
    found = textlib.dateline(text)
    assert found is not None and text[found.end :].startswith(" Lobstermen")
    analysis = analyze_document(text, date(2010, 4, 30))
    lead = next(e for e in analysis.events if e.summary.startswith("Lobstermen"))
    assert lead.excerpts[0].text.startswith("Lobstermen tied up")
    assert (lead.earliest, lead.latest) == (date(2010, 4, 29), date(2010, 4, 29))


def test_a_dateline_run_into_the_headline_ends_the_headline():
    """A web page of wire copy runs the headline (and its summary points) into the dateline:
    neither is a sentence of the story; the first sentence starts after the dateline."""
    for headline, line in (
        (
            "Ferry owners fear long strike",
            "BRINDLEY | Sun May 2 , 2010 7:55 pm EDT BRINDLEY -LRB- Wire -RRB- -",
        ),
        ("\\* Strike enters third day \\* Talks to resume", "BRINDLEY , May 2 (Wire) -"),
    ):
        text = f"{headline} {line} Ferry crews walked out on Friday . \nTalks resumed ."
        found = textlib.story_dateline(text)
        assert found is not None and text[found.start : found.end] == line
        analysis = analyze_document(text, date(2010, 5, 3))
        summaries = [e.summary for e in analysis.events]
        assert any(s.startswith("Ferry crews walked out") for s in summaries), summaries
        assert not any("BRINDLEY" in s or "fear" in s for s in summaries), summaries
    # After a headline, capitals and a dash without an agency are no dateline: a headline's
    # own words ("NATO - a new role"); nor an acronym with its expansion in brackets, nor a
    # bracket after which no sentence starts.
    for text in (
        "Allies debate NATO - a new role for the alliance . \nThe talks ended .",
        "The talks in GENEVA - a city of bankers - ended on Monday .",
        "Shares of ACME rose . \nLONDON (Wire) - Markets fell .",  # not on the first line
        "Officials at the WHO (World Health Organization) - which met on Sunday - warned .",
        "Officials at the WHO -LRB- World Health Organization -RRB- -- The agency warned .",
        "Experts at KEW (the gardens) - now closed - agreed .",
    ):
        assert textlib.story_dateline(text) is None, text
    # Blank lines before the headline; and an all-capitals text is read in linear time.
    found = textlib.story_dateline("\n\nFerry strike BRINDLEY (Wire) - Crews walked out .")
    assert found is not None
    shouting = "FERRY CREWS WALK OUT " * 20_000
    assert textlib.story_dateline(shouting) is None
    assert textlib.dateline(shouting) is None


def test_a_page_s_header_ends_at_its_time_stamp_or_its_photograph_s_credit():
    """A page without a dateline prints its headline, summary, time stamp and a photograph's
    caption and credit before the story: none is a sentence of it, and the stamp's day is the
    reporting time."""
    text = (
        "Ferry owners fear long strike Crews say pay talks have failed Sunday 2 May 2010 "
        "19.41 BST Ferries moored at the quay in Brindley . \nPhotograph : Ann Lake\\/Wire "
        "Ferry crews walked out over pay . \nTalks resumed ."
    )
    found = textlib.story_dateline(text)
    assert found is not None and text[found.end :].startswith(" Ferry crews walked out")
    analysis = analyze_document(text, date(2010, 5, 3))
    got = [(e.earliest, e.summary) for e in analysis.events]
    assert got == [
        (date(2010, 5, 2), "Ferry crews walked out over pay ."),
        (date(2010, 5, 2), "Talks resumed ."),
    ], got
    # A credit run into the story's first line, without a stamp; a stamp without a credit.
    for text, first in (
        (
            "Ferry owners fear strike Ferries at the quay Photograph : Getty Images Ferry "
            "crews walked out over pay .",
            "Ferry crews walked out over pay .",
        ),
        ("Friday 7 May 2010 08.15 BST Crews walked out . \nTalks resumed .", "Crews walked out ."),
        (
            "Ferry crews strike 7 May 2010 Last updated at 08:15 GMT Crews walked out .",
            "Crews walked out .",
        ),
        ("7 May 2010 Last updated at 08:15 Crews walked out .", "Crews walked out ."),
        ("Ann Lake | 08:15 UK time , Friday , 7 May 2010 Crews walked out .", "Crews walked out ."),
        (
            "Page last updated at 08:15 GMT , Friday , 7 May 2010 09:15 UK Crews walked out .",
            "Crews walked out .",
        ),
    ):
        summaries = [e.summary for e in analyze_document(text, date(2010, 5, 7)).events]
        assert summaries[0] == first, summaries
    # Neither a time stamp nor a credit far into a story ends any header.
    text = "Crews walked out on Friday . \n" + "Talks went on . \n" * 80
    text += "Friday 7 May 2010 08.15 BST"
    assert textlib.story_dateline(text) is None


def test_a_dateline_in_title_case_ends_a_byline_and_summary_points():
    """Some outlets write the place in the case of ordinary words, after the byline, the
    headline and the summary points, which are no sentences of the story."""
    for text in (
        "By the Wire Staff Rebels retreat NEW : Talks stall in the capital Harbourton , "
        "Freedonia -LRB- WNN -RRB- -- Rebels retreated on Monday . \nTalks stalled .",
        "Rebels retreat \nAre you there ? \nShow us . \nHarbourton (WNN) -- Rebels retreated "
        "on Monday. \nTalks stalled.",
        # No place: the headline's last words run into the agency.
        "Rebels retreat NEW : Talks stall , an analyst says -LRB- WNN -RRB- -- Rebels retreated "
        "on Monday . \nTalks stalled .",
    ):
        found = textlib.story_dateline(text)
        assert found is not None and text[found.end :].startswith(" Rebels retreated"), text
        summaries = [e.summary for e in analyze_document(text, date(2011, 3, 8)).events]
        assert not any("NEW" in s or "Show us" in s for s in summaries), summaries
    # A name and an aside in brackets after it, a single hyphen, no story after the dash; an
    # acronym after the words it spells; a dateline a story quotes or follows on its line.
    for text in (
        "The talks were led by Ann Lake (WNN) -- a veteran -- on Monday .",
        "Officials at the Agency (Ours) - which met on Sunday - warned .",
        "Fighting went on on Sunday. The rebels' leadership, the National Transitional Council "
        "(NTC) -- the only recognised authority -- said on Monday it would talk.",
        "Fighting went on on Sunday . \nThe Muslim Brotherhood -LRB- MB -RRB- -- Egypt 's largest "
        "group -- said on Monday it would talk .",
        'Every bulletin opened the same way on Monday: "Harbourton (WNN) -- Oil is leaking."',
        "The report was filed on Monday by Ann Lake (WNN) -- She spoke to the crews .",
        "Crews walked out . The strike was called by the union (WNN) -- It said so on Monday .",
    ):
        assert textlib.story_dateline(text) is None, text


def test_a_story_s_own_dates_and_photographs_end_no_header():
    """A full date and time, or a photograph's credit, in a story's own sentences is no page
    header: nothing before it is dropped."""
    for text in (
        "The earthquake struck on Friday, March 11, 2011 14:46 JST, off the coast. \nRescuers "
        "searched on Saturday.",
        "BP said its cap was fitted on Thursday, July 15, 2010 2:25 pm CDT. Oil stopped.",
        "Talks collapsed on Monday. The strike will start on Friday 18 June 2010 06.00 BST "
        "unless a deal is reached. Both sides blamed each other.",
        "The minister resigned on Monday. Last updated at 10:00 GMT, the site listed him.",
        "Miners were freed on Monday. This article was amended on Tuesday 15 June 2010 10.00 BST "
        "to correct the number.",
        "Issued on Monday, June 14, 2010 9:00 am EDT: The company said it would cut jobs.",
        "Clegg warned on Friday that cuts will be deep. \nPhotograph: Chris Thomond/Guardian "
        "\nHe said the coalition would protect the poorest.",
        "Clegg warned on Friday that cuts will be deep. He spoke in Sheffield. Photograph: "
        "Chris Thomond/Guardian. Labour said on Saturday it was a betrayal.",
        "Critics praised the show on Monday. Photograph: Ansel Adams and the West runs on.",
        "Art lovers queued on Saturday. \nPhotograph: a new exhibition opens on Monday.",
    ):
        assert textlib.story_dateline(text) is None, text
        summaries = [e.summary for e in analyze_document(text, date(2010, 6, 14)).events]
        assert any(summary[:12] == text[:12] for summary in summaries), (text, summaries)
    # After a stamp, a story's paragraphs before a credit are no caption.
    text = (
        "Friday 11 June 2010 13.01 BST Clegg warned on Friday that cuts will be deep. He spoke "
        "in Sheffield. \nPhotograph: Chris Thomond/Guardian \nHe said the coalition would act."
    )
    assert textlib.story_dateline(text) == textlib.Span(0, 29)
    summaries = [e.summary for e in analyze_document(text, date(2010, 6, 14)).events]
    assert any(summary.startswith("Clegg warned") for summary in summaries), summaries
    # Words after "Photograph:" that are no credit stay in the sentence.
    for sentence in (
        "Photograph: Felix Clay The 9/11 anniversary was marked on Saturday.",
        "Photograph: Getty Images supplied the picture, she said.",
        "Photograph: Christopher Thomond Nick Clegg has warned of cuts.",
    ):
        assert textlib.past_furniture(sentence, textlib.Span(0, len(sentence))) == (
            textlib.Span(0, len(sentence))
        ), sentence


def test_a_live_blog_s_stamp_and_a_photograph_s_credit_are_no_part_of_a_sentence():
    for sentence, story in (
        (
            "(4:37 p.m. Monday ET, 10:27 p.m. local) Ferry crews walked out.",
            "Ferry crews walked out.",
        ),
        (
            "-LRB- Updated : 1:38 a.m. Monday ; 6:38 p.m. Sunday ET -RRB- : Talks ended .",
            "Talks ended .",
        ),
        (
            "Photograph: Ann Lake/Wire As the day wore on, crews left.",
            "As the day wore on, crews left.",
        ),
        ("Photograph : Lee\\/AFP\\/Getty Images The crews left .", "The crews left ."),
        # "Photo:" and "Picture:" open a credit as "Photograph:" does.
        ("Photo: Ann Lake/Wire As the day wore on, crews left.", "As the day wore on, crews left."),
        ("Pictures : Lee\\/AFP The crews left .", "The crews left ."),
        (
            "-LRB- AP Photo\\/Ann Lake -RRB- -LRB- Ann Lake - AP -RRB- A ferry leaves the quay .",
            "A ferry leaves the quay .",
        ),
        ("(AP Photo/Ann Lake) (Ann Lake - AP) A ferry leaves.", "A ferry leaves."),
        ("(Ann Lake - AP) said the crews left.", "(Ann Lake - AP) said the crews left."),
        ("At 5 p.m. (10 p.m. GMT) the crews left.", "At 5 p.m. (10 p.m. GMT) the crews left."),
        (
            "(The union said 5.30 p.m. was too late.) Crews left.",
            "(The union said 5.30 p.m. was too late.) Crews left.",
        ),
    ):
        span = textlib.past_furniture(sentence, textlib.Span(0, len(sentence)))
        assert span is not None and sentence[span.start : span.end] == story, sentence
    # A stamp alone on its line, a credit and its stop: nothing of the story.
    for alone in ("(4:37 p.m. Monday ET, 10:27 p.m. in Libya)", "Photograph : AP ."):
        span = textlib.story_sentence(alone, textlib.Span(0, len(alone)), None)
        assert span is None, alone
    # A time's conversion in brackets is no entry's stamp.
    sentence = "(3:30 p.m. GMT) on Monday the talks ended."
    assert textlib.past_furniture(sentence, textlib.Span(0, len(sentence))) == (
        textlib.Span(0, len(sentence))
    )


def test_readers_comments_below_a_story_are_no_part_of_it():
    """A comment is signed with the day and time it was posted and the page's links ("Reply",
    "Report abuse"): from its signature's sentence on, no event and no actor."""
    story = "The harbour board approved the new ferry terminal on Tuesday.\n"
    for signature in (
        "September 2 , 2025 at 6:15 pm | Report abuse | Reply",
        "September 2, 2025 at 6:15 pm | Reply",
        "September 2, 2025 at 9:03 AM Reply",
    ):
        for joint in ("\n", " "):  # a page's lines, or one line
            text = (
                f"{story.strip()}{joint}What a waste of money ! {signature} I met Mayor Tom "
                "Alder on Monday and he agreed with me.\nSo did Ann Bell.\n"
            )
            analysis = analyze_document(text, SEPT_3)
            assert [e.summary for e in analysis.events] == [
                "The harbour board approved the new ferry terminal on Tuesday."
            ], signature
            assert not any(a.name in {"Tom Alder", "Ann Bell"} for a in analysis.actors)
            assert text[textlib.reader_comments(text) :].startswith(signature)
    # A story's own times and bars, a blog post's header and a live blog's update stamps are no
    # comment's signature: nothing is cut.
    for text in (
        "The talks ended on September 2, 2025 at 6:15 pm, officials said.",
        "The vote closed on March 5, 2011 at 6:15 pm | the board said turnout was high.",
        "Markets | September 2, 2025 | Shares fell at 6:15 pm.",
        "Board backs terminal\nPosted on March 5, 2011 at 6:15 pm | Filed under News\n" + story,
        "Updated: March 5, 2011 at 6:15 pm | Posted by Ann Bell\n" + story,
        # Two stamps are no thread; nor are posts' headers.
        story + "March 5, 2011 at 6:15 pm | One. \nMarch 5, 2011 at 7:15 pm | Two.",
        "".join(
            f"Posted on March {d}, 2011 at 6:15 pm | Filed under News\n{story}"
            for d in range(1, 13)
        ),
    ):
        assert textlib.reader_comments(text) == len(text), text
    # A blog's comments open with their time, day and writer's user name, then "wrote :",
    # each at the start of its line.
    for signature, second in (
        ("At 18:55 29th Apr 2009 , ferryfan99 wrote :", "At 19:02 29th Apr 2009 , kay wrote :"),
        (
            "At 1:28 pm on 10 Jun 2010, HarbourWatcher wrote:",
            "At 1:40 pm on 10 Jun 2010, Kay wrote:",
        ),
    ):
        text = story + f"{signature} What a waste of money .\n{second} I agree .\n"
        assert text[textlib.reader_comments(text) :].startswith(signature), signature
    # One such line is a story's quotation; so is one inside a sentence.
    for text in (
        story + "At 6:15 pm on 2 Sep 2025, Alder wrote: the ferry is late.\nIt left on Monday.",
        "The e-mails were released on Friday. At 3.45pm on 14 April 2010, Brown wrote: "
        '"Hold the line." At 4.10pm on 14 April 2010, Brown wrote: "Done." He resigned in May.',
    ):
        assert textlib.reader_comments(text) == len(text), text
    # A thread of comments signed with their day and time and a bar at their lines' starts.
    comments = "".join(
        f"March 8 , 2011 at 5:{i:02} pm | Reader {i} thinks we should stay out . \n"
        for i in range(12)
    )
    text = story + comments
    assert textlib.reader_comments(text) == len(story)
    # A few stamped messages a story quotes, or stamps inside a line (a sidebar's posts), are
    # no thread.
    messages = "".join(f"March 8, 2011 at 5:{i:02} pm | Stop the pumps.\n" for i in range(3))
    sidebar = "Related posts: " + "".join(
        f"Rebels retreat March {d}, 2011 at 5:41 pm | " for d in range(1, 13)
    )
    for text in (
        "Investigators released messages on Tuesday.\n" + messages + "The firm failed in April.",
        sidebar + "\nRebels lost Ras Lanuf on Thursday.",
    ):
        assert textlib.reader_comments(text) == len(text), text


def test_summary_is_who_did_what_without_attribution_or_subordinate_clause():
    text = (
        "The council approved the new budget on Monday after a long and bitter debate about "
        "school funding, road repairs and the price of bus tickets, the mayor's office said."
    )
    (budget,) = [e for e in events_of(text) if e[2] == "Monday"]
    assert budget[4] == "The council approved the new budget on Monday"
    long = "On Monday the board " + " ".join(["met"] + ["again"] * 30) + "."
    (event,) = events_of(long)
    assert len(event[4].split()) <= clauses.SUMMARY_WORDS and event[4].endswith("…")
    # A quotation with its attribution last reads attribution first.
    (quote,) = events_of('"The plan is dead," the senator said on Tuesday.')[-1:]
    assert quote[4] == "The senator said on Tuesday."


def test_summary_of_a_statement_says_what_was_said():
    (event,) = events_of("The minister said on Monday that the talks had failed.")
    assert event[3] == Modality.STATEMENT
    assert event[4] == "The minister said on Monday that the talks had failed."


def test_modality_fact_statement_plan_opinion():
    def modality(sentence: str) -> str:
        return analyze_document(sentence, SEPT_3).events[0].modality

    assert modality("The bridge collapsed on Monday.") == Modality.FACT
    assert modality("The union announced a strike on Monday.") == Modality.STATEMENT
    assert modality("She posted a photo of the site on Monday.") == Modality.STATEMENT
    assert modality("The company will open a new plant in March.") == Modality.PLAN
    assert modality("The company plans to open a plant in March.") == Modality.PLAN
    assert modality("The vote is expected to take place in November.") == Modality.PLAN
    assert modality("The hearing is scheduled for October 14.") == Modality.PLAN
    assert modality("A sudden exit would make the talks much harder next year.") == (
        Modality.OPINION
    )
    assert modality("This year's crop was considered healthy.") == Modality.OPINION
    assert modality("The rate could rise in December.") == Modality.OPINION
    assert modality("The board should have acted in May.") == Modality.OPINION


def test_after_publication_flags_facts_dated_after_the_document_not_plans():
    def flags(sentence: str) -> list[bool]:
        return [e.after_publication for e in analyze_document(sentence, SEPT_3).events]

    assert flags("The bridge reopened to traffic on October 12.") == [True]
    assert flags("The bridge will reopen to traffic on October 12.") == [False]
    assert flags("A new bridge might open in 2027.") == [False]
    assert flags("The bridge reopened to traffic on August 12.") == [False]


def test_a_relative_date_in_quoted_words_is_resolved_against_the_day_they_were_said():
    text = "“We will decide on Friday,” the mayor wrote in an e-mail dated March 3."
    events = analyze_document(text, SEPT_3).events
    by_expression = {e.expression: e for e in events}
    assert by_expression["March 3"].earliest == date(2025, 3, 3)
    assert by_expression["March 3"].modality == Modality.STATEMENT
    friday = by_expression["Friday"]
    assert friday.earliest == date(2025, 3, 7)  # the Friday after March 3, not September 5
    assert friday.modality == Modality.PLAN
    assert "quoted words of 2025-03-03" in friday.rule
    # Said on the document's day: nothing to change.
    events = analyze_document('"We decided yesterday," she said on Wednesday.', SEPT_3).events
    assert {e.expression: e.earliest for e in events} == {
        "yesterday": date(2025, 9, 2),
        "Wednesday": SEPT_3,
    }


def test_clauses_split_at_subordinators_and_attributions():
    text = "The ship sailed on Monday after the storm ended, the captain said."
    spans = [text[c.start : c.end].strip() for c in clauses.clauses(text, 0, len(text))]
    assert spans[0] == "The ship sailed on Monday"
    assert spans[1].startswith("after the storm ended")


# The clause boundaries as first written: one plain alternation (clauses._BOUNDARY is the
# same pattern rewritten to open with the characters a boundary starts with, for speed).
_PLAIN_BOUNDARY = re.compile(
    r"\s{0,50}[;:—–]\s+|\s{1,50}--\s+|,?\s{1,50}(?=(?:" + clauses._SUBORDINATORS + r")\b)"
    r"|,\s+(?=(?:and|but|or|so)\s)"
    r"|\s{1,50}(?=and\s+(?:then\s+)?(?:has|have|had|was|were|is|are|will|\w+ed)\b)"
    r"|(?<=[,.!?][”\"])\s+|(?<=[,.!?]'')\s+"
)


@pytest.mark.parametrize("seed", range(4))
def test_clause_boundaries_are_those_of_the_plain_pattern(seed):
    assert clauses._GAP == 50  # the plain pattern above is written for it
    rnd = random.Random(seed)
    pieces = [
        " ", "  ", "\n", "\t", " " * 49, " " * 50, " " * 51, ",", ";", ":", "—", "–", "--",
        "-", ".", "!", "?", "”", '"', "''", "'", "and", "but", "or", "so", "then", "has",
        "walked", "ed", "after", "who", "that", "as soon as", "even as", "which", "x",
        "The", "whoever", "thatch", "1998",
    ]  # fmt: skip
    for _ in range(300):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 40)))
        start = rnd.randint(0, len(text))
        end = rnd.randint(start, len(text))
        for window in ((0, len(text)), (start, end)):
            expected = [m.span() for m in _PLAIN_BOUNDARY.finditer(text, *window)]
            got = [m.span() for m in clauses._BOUNDARY.finditer(text, *window)]
            assert got == expected, (text, window)


def test_a_comma_closes_a_relative_clause_set_off_by_commas():
    def spans(text: str) -> list[str]:
        return [text[c.start : c.end].strip() for c in clauses.clauses(text, 0, len(text))]

    # The verb after the comma is the main clause's, with its subject when one stands there.
    text = "Two men, whose names were not released, also were charged, the sheriff said."
    assert spans(text)[-1] == "also were charged, the sheriff said."
    text = "The jacket may carry fibres that can be traced to the buyer, Lopez said."
    assert spans(text)[-1] == "Lopez said."
    text = "Ana Ruiz, head of a charity that flies doctors to remote islands, praised the plan."
    assert spans(text)[-1] == "praised the plan."
    # What was said goes on after a comma: a content clause's "that" is not closed by it.
    text = "Officials said that the driver, a local man, died."
    assert spans(text)[-1] == "that the driver, a local man, died."


def test_what_was_said_without_a_date_was_said_at_the_reporting_time():
    # A past-tense statement by an unnamed source or an institution is a statement of the
    # reporting time, whether the speaker is a role, a name or "the embassy".
    for text in (
        "The bridge is closed, the ministry said.",
        "The boat had drifted for two days, said Omar Haddad, a spokesman for the coast guard"
        " of the northern province.",
        "The jacket may carry fibres that can be traced to the buyer, Lopez said.",
    ):
        (said,) = events_of(text)
        assert (said[0], said[3]) == (SEPT_3, Modality.STATEMENT), text


def test_a_date_in_a_relative_clause_does_not_move_the_narrative():
    # The main clause of the same sentence is not dated by it...
    text = "The last pilot of the crew that first flew the route in 1961 died."
    flight, death = events_of(text)
    assert flight[2] == "1961" and (death[0], death[2]) == (SEPT_3, "")  # the lead's news
    # ...nor are the past facts after it in its paragraph, which follow the main clauses.
    text = (
        "A note on the ferry line.\n\n"
        "Crews reopened the pier on Monday. A diver, who trained in Oslo in 2010, inspected "
        "the hull. The engineers tested the ramps."
    )
    got = {e[4]: (e[0], e[2]) for e in events_of(text)}
    assert got["The engineers tested the ramps."] == (date(2025, 9, 1), "")


def test_a_date_before_a_noun_beside_the_clauses_own_date_is_the_nouns_happening():
    text = (
        "Prosecutors on Monday charged the driver over the 2019 crash on the coast road, "
        "which killed two cyclists."
    )
    got = {(e[0], e[1]): (e[3], e[4]) for e in events_of(text)}
    assert got[(date(2019, 1, 1), date(2019, 12, 31))] == (
        Modality.FACT,
        "The 2019 crash on the coast road",
    )
    assert got[(date(2025, 9, 1), date(2025, 9, 1))][1].startswith("Prosecutors on Monday charged")
    # A possessive date names its happening too; the clause keeps its own date.
    text = "The council on Tuesday appealed against Friday's ruling by the county court."
    assert sorted((e[0], e[4]) for e in events_of(text)) == [
        (date(2025, 8, 29), "Friday's ruling by the county court"),
        (
            date(2025, 9, 2),
            "The council on Tuesday appealed against Friday's ruling by the county court.",
        ),
    ]


def test_the_garbage_collector_is_paused_only_during_an_analysis(monkeypatch):
    # analyze_document turns the collector off while it runs (its objects make no cycles) and
    # leaves it as it found it: on if it was on, off if someone else had turned it off.
    from events.analysis import extraction

    during: list[bool] = []
    find_actors = extraction.find_actors

    def watched(*args):
        during.append(gc.isenabled())
        return find_actors(*args)

    monkeypatch.setattr(extraction, "find_actors", watched)
    text = "The mayor signed the order on Saturday."
    assert gc.isenabled()
    analyze_document(text, date(2025, 8, 30))
    assert during == [False]
    assert gc.isenabled()
    gc.disable()
    try:
        analyze_document(text, date(2025, 8, 30))
        assert not gc.isenabled()
    finally:
        gc.enable()
