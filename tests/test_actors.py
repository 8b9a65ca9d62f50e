"""Actors: who a document names (events.analysis.actors) and how imports store them across
documents (events.services.actors._resolve_actors). Every sentence here is written for these
tests."""

import json
import random
from datetime import date
from pathlib import Path

import pytest

from benchmarks.actors import entity_score
from events.analysis import text as textlib
from events.analysis.actors import actor_key, find_actors
from events.analysis.extraction import analyze_document
from events.batching import documents_import
from events.inputs import validate
from events.models import Actor, ActorAlias, Document, Event
from events.services.imports import document_import
from tests.factories import ActorAliasFactory, UserFactory
from tests.test_data_safety import needs_postgresql, run_in_threads

DAY = date(2024, 3, 4)
DEV_SET = Path(__file__).parent / "data" / "actors_dev.json"


def found(text: str) -> dict[str, tuple[str, str]]:
    """name -> (kind, title) of every actor ``text`` names."""
    actors, _, _ = find_actors(text, DAY, textlib.posts(text))
    return {actor.name: (actor.kind, actor.title) for actor in actors}


def actors_of(text: str):
    actors, mentions, _ = find_actors(text, DAY, textlib.posts(text))
    return {actor.name: actor for actor in actors}, mentions


def doc(text: str, day: str = "2024-03-04", source: str = ""):
    return validate(published_on=day, body=text, source=source, max_bytes=1_000_000)


# --- one document -------------------------------------------------------------------------


def test_title_words_go_to_the_title_never_the_name():
    actors = found(
        "District Attorney Jane Doe charged the two men on Monday. "
        "Economy Minister Pieter Jansen said talks would resume."
    )
    assert actors["Jane Doe"] == ("person", "District Attorney")
    assert actors["Pieter Jansen"] == ("person", "Economy Minister")
    assert not {"Attorney Jane Doe", "District", "Economy"} & set(actors)


def test_a_preposition_opening_the_sentence_is_no_part_of_the_name():
    for text in (
        "Like Nick Corran, the owner wonders if he can recover.",
        "Unlike Nick Corran , the owner left the harbour .",
    ):
        assert set(found(text)) == {"Nick Corran"}, text


def test_a_portfolio_after_of_or_for_is_no_part_of_the_full_name_after_it():
    for text, name in (
        ("The plan came as Secretary of the Interior Ken Salter called for a halt.", "Ken Salter"),
        ("Director of National Intelligence James Clamp said on Monday.", "James Clamp"),
        ("Minister for Foreign Affairs Kevin Rudge said on Monday.", "Kevin Rudge"),
    ):
        actors = found(text)
        assert actors.get(name, ("",))[0] == "person", (text, actors)
        assert not any(other.endswith(name) and other != name for other in actors), actors


def test_common_arabic_given_names_open_a_person_s_name():
    # Without a title, a verb or an apposition, the given name tells a person's name.
    for text, name in (
        (
            "The firm distanced itself from Mustapha Rahal at the start of the talks.",
            "Mustapha Rahal",
        ),
        ("The firm distanced itself from Yusef Rahal at the start .", "Yusef Rahal"),
        ("Protesters had marched against Haitham Darwish for weeks.", "Haitham Darwish"),
    ):
        assert found(text).get(name, ("",))[0] == "person", (text, found(text))


def test_an_honorific_and_surname_link_to_the_full_name_and_never_become_canonical():
    actors, mentions = actors_of(
        "John Smith, the company's founder, stepped down on Friday. Mr Smith said he was tired."
    )
    assert set(actors) == {"John Smith"}
    smith = actors["John Smith"]
    assert [m.actor for m in mentions] == [smith, smith]
    assert "Mr Smith" in smith.aliases_guessed and not smith.aliases


def test_a_surname_shared_by_two_people_stays_unlinked():
    text = (
        "Margaret Hale was convicted on Tuesday. Her son, Edward Hale, is to be tried in May. "
        "Hale's lawyer said the case was weak. Mrs Hale will appeal."
    )
    actors, mentions = actors_of(text)
    assert {"Margaret Hale", "Edward Hale"} <= set(actors)
    linked = {text[m.start : m.end] for m in mentions}
    assert "Hale" not in linked  # the lawyer's and Mrs Hale's sentences are credited to nobody
    assert not actors["Margaret Hale"].aliases_guessed


def test_a_surname_links_when_one_person_has_it():
    actors, mentions = actors_of("Governor Ann Walsh met farmers. Walsh said prices were low.")
    walsh = actors["Ann Walsh"]
    assert [m.actor for m in mentions] == [walsh, walsh]
    assert walsh.aliases_guessed == {"Walsh"}  # in this document only: never stored


def test_organisation_names_are_not_cut_short():
    actors = found(
        "The Department of Trade and Industry said on Monday that the Securities and Exchange "
        "Commission and the International Monetary Fund had been told."
    )
    for name in (
        "Department of Trade and Industry",
        "Securities and Exchange Commission",
        "International Monetary Fund",
    ):
        assert actors[name][0] == "organization"
    assert "Department of Trade" not in actors


def test_one_word_organisations_introduced_as_such():
    actors = found(
        "The carmaker Renault and plane maker Boeing fell. Computer maker Dell cut jobs. "
        "Toyota, the Japanese automaker, said sales rose. Analysts at Barclays and Jefferies "
        "were surprised."
    )
    for name in ("Renault", "Boeing", "Dell", "Toyota", "Barclays", "Jefferies"):
        assert actors[name] == ("organization", "")


def test_a_company_whose_first_word_is_a_title_word_is_an_organisation():
    actors = found("General Motors said on Monday it would hire. General Electric fell.")
    assert actors["General Motors"][0] == "organization"
    assert actors["General Electric"][0] == "organization"
    assert "Motors" not in actors


def test_companies_keep_no_stray_word_as_an_alias():
    actors, _ = actors_of(
        "Apple Computer said sales rose. The Federal Reserve met. Computer sales fell and the "
        "Reserve said rates would hold."
    )
    assert actors["Apple Computer"].kind == "organization"
    assert actors["Federal Reserve"].kind == "organization"
    assert not actors["Apple Computer"].aliases and not actors["Federal Reserve"].aliases
    assert not {"Computer", "Reserve"} & set(actors)


def test_an_organisation_name_ends_before_a_date_and_starts_after_a_word_that_is_no_part():
    actors = found(
        "The Security Council on Aug. 6 voted. Volume on the Lisbon Stock Exchange rose. "
        "The Select Committee on Trade met. An office in Quito for the Andean Tourist Board."
    )
    assert {"Security Council", "Lisbon Stock Exchange", "Select Committee on Trade"} <= set(actors)
    assert "Andean Tourist Board" in actors
    assert not [name for name in actors if " on " in name and "Committee" not in name]


def test_a_reporting_verb_or_a_month_is_no_part_of_a_name():
    actors = found(
        'Says Michael Hirsch, a fund manager: "It is over." The board named Daniel P. Davison '
        "Feb. 1 to succeed him."
    )
    assert {"Michael Hirsch", "Daniel P. Davison"} <= set(actors)
    assert not {"Says Michael Hirsch", "Daniel P. Davison Feb"} & set(actors)


def test_a_nationality_is_no_organisation():
    actors = found(
        "Libyan leader Omar Mukhtar spoke on Friday. Britons told pollsters they were wary. "
        "Hamas leader Ismail Haniyeh and Commerzbank analyst Peter Brown disagreed."
    )
    assert not {"Libyan", "Britons"} & set(actors)
    assert actors["Omar Mukhtar"] == ("person", "Libyan leader")
    assert actors["Hamas"][0] == actors["Commerzbank"][0] == "organization"


def test_a_city_that_speaks_for_its_government_is_a_place_and_a_resolution_a_text():
    actors = found(
        "Paris said on Monday it would send ships, and Norvale said it would not. The vote "
        "followed Security Council Resolution 1973."
    )
    assert "Paris" not in actors
    assert actors["Norvale"][0] == "organization"
    assert not [name for name in actors if name.endswith("Resolution")]


def test_a_country_is_a_place_not_an_actor():
    actors = found(
        "Egypt, Syria, Morocco and the Arab League sent troops. Iran said the talks had failed, "
        "and Jordan Peters, a lawyer at Acme Corp., agreed."
    )
    assert not {"Egypt", "Syria", "Morocco", "Iran"} & set(actors)
    assert actors["Arab League"][0] == "organization"
    assert actors["Jordan Peters"][0] == "person"


def test_fragments_are_no_organisations():
    actors = found(
        "The OS runs on machines built by Acme Holdings PLC of Austin, TX. Brightline LLC and "
        "Volker AG signed. The AG said nothing."
    )
    assert not {"OS", "PLC", "LLC", "AG", "TX"} & set(actors)
    assert actors["Acme Holdings PLC"][0] == "organization"


def test_quoted_sources_by_attribution():
    actors = found(
        '"The message was firm," said Ana Maria Lopez, an economist at Brookfield Research. '
        '"We will wait," according to Tom Reilly. "It is over," said Maarten Visser of the '
        "union. Omar Haddad told reporters he agreed."
    )
    assert actors["Ana Maria Lopez"] == ("person", "economist")
    assert actors["Brookfield Research"][0] == "organization"
    assert actors["Tom Reilly"][0] == "person"
    assert actors["Maarten Visser"][0] == "person"
    assert actors["Omar Haddad"][0] == "person"


def test_inverted_speakers_and_appositions():
    actors = found(
        '"Investors priced in a cut," said Commerzbank analyst Peter Brown. '
        "Ingrid de Boer, the chief executive of Harbour Logistics Group, resigned."
    )
    assert actors["Commerzbank"][0] == "organization"
    assert actors["Peter Brown"] == ("person", "analyst")
    assert actors["Ingrid de Boer"] == ("person", "chief executive")
    assert actors["Harbour Logistics Group"][0] == "organization"


def test_people_named_in_lists():
    actors = found(
        "Witnesses included Lucy Grant, Omar Haddad and Kevin O'Neill. "
        "Stocks of Ford, Caterpillar and General Electric fell."
    )
    for name in ("Lucy Grant", "Omar Haddad", "Kevin O'Neill"):
        assert actors[name][0] == "person"
    for name in ("Ford", "Caterpillar", "General Electric"):
        assert actors[name][0] == "organization"


def test_family_members_are_people_and_so_is_whose_family_they_are():
    actors, _ = actors_of(
        "Tarquin Voss's eldest son Wendell Voss took over the farm. "
        "His sister, Odalys, stayed in town. Ximena Okafor's husband Brannigan spoke to reporters."
        "\n\nThe mother ship docked on Monday. Mother Teresa's order said nothing."
    )
    assert actors["Tarquin Voss"].kind == "person"
    assert actors["Wendell Voss"].kind == "person"
    assert actors["Odalys"].kind == "person"  # a given name alone, and no one else bears it
    assert actors["Ximena Okafor"].kind == "person"
    assert actors["Brannigan"].kind == "person"
    # No possessive before the noun: no one's mother.
    assert "Mother Teresa" not in actors and "Teresa" not in actors


def test_a_given_name_after_a_kinship_noun_is_the_person_the_text_named_in_full():
    actors, mentions = actors_of(
        "Attorney Odalys Pereira-Grant filed the suit. Her brother, Anselm Pereira, said "
        "the family was split. Their mother Odalys signed too."
    )
    assert "Odalys" not in actors
    assert "Odalys" in actors["Odalys Pereira-Grant"].aliases_guessed
    assert [m.actor.name for m in mentions].count("Odalys Pereira-Grant") == 2


def test_a_title_set_off_by_commas_before_a_name_and_arabic_names_with_their_article():
    actors = found(
        "Police questioned the physician, Hollis Brandvold, on Friday. Minister Maryam al-Khouri "
        "said Mohammed Saif al-Rashidi would resign. The company hired a lawyer, then appealed."
    )
    assert actors["Hollis Brandvold"] == ("person", "physician")
    assert actors["Maryam al-Khouri"][0] == "person"
    assert actors["Mohammed Saif al-Rashidi"][0] == "person"
    assert len(actors) == 3


def test_news_outlets_named_with_their_medium():
    actors = found(
        "The virus spread, the Tannoch news agency reported. Brevia's Al Qamar newspaper said "
        "so, and the Veldt Courier daily agreed. Libyan television and Arabic radio were silent; "
        "a Swahili newspaper and the Sunday newspaper said nothing."
    )
    for name in ("Tannoch", "Al Qamar", "Veldt Courier"):
        assert actors[name][0] == "organization"
    assert set(actors) == {"Tannoch", "Al Qamar", "Veldt Courier"}


def test_two_capitals_a_story_repeats_or_incorporates_are_a_company():
    actors = found(
        "The XR oil spill grew. XR said on Monday it would pay, and XR shares rose.\n\n"
        "Video was provided by QZ PLC on Friday.\n\n"
        "WE WANT ANSWERS. we do. NO means no, no and NO, said a reader. NO !"
    )
    assert actors["XR"][0] == "organization"
    assert actors["QZ"][0] == "organization"
    assert "WE" not in actors and "NO" not in actors


def test_a_dateline_inside_a_line_is_a_place():
    actors = found(
        "Flu update , quotes -RRB- OSTRAVA , March 10 -LRB- Wire -RRB- - Officials met. "
        "TARNOW | Sat May 16 , 2009 5:17 pm EDT TARNOW -LRB- Wire -RRB- - The Velmar "
        "Institute said so."
    )
    assert "OSTRAVA" not in actors and "TARNOW" not in actors
    assert actors["Velmar Institute"][0] == "organization"


def test_names_set_off_by_commas_in_text_whose_punctuation_is_split_from_words():
    actors = found(
        "At least one group , Conservation Quorum , acknowledges that it is reassessing its "
        "ties . His doctor , Hollis Brandvold , who told police he was sorry , was charged . "
        "Odile Grenet , a spokeswoman for the Halvorsen Trust , declined to comment ."
    )
    assert actors["Conservation Quorum"][0] == "organization"
    assert actors["Hollis Brandvold"] == ("person", "doctor")
    assert actors["Odile Grenet"][0] == "person"
    assert actors["Halvorsen Trust"][0] == "organization"


def test_an_organization_known_first_by_its_initials_is_one_actor_with_its_full_name():
    actors = found(
        "QHA Director-General Ilse Brandt spoke on Monday. The flu could spread, the Quorum "
        "Health Agency warned, and officials from QHA met."
    )
    assert actors["Quorum Health Agency"][0] == "organization"
    assert "QHA" not in actors


def test_what_stands_before_an_office_is_no_organization():
    actors = found(
        "Retired Coast Guard admiral Odo Marsh said the work would wait. In the United "
        "States, Secretary of State Ilse Brandt announced a plan. A spokesman at Britain's "
        "Foreign Office said so, and Los Angeles Judge Odo Pastorek agreed."
    )
    assert actors["Coast Guard"][0] == "organization"
    assert actors["Ilse Brandt"] == ("person", "Secretary of State")
    assert actors["Foreign Office"][0] == "organization"
    assert actors["Odo Pastorek"][0] == "person"
    assert not {"Retired Coast Guard", "Britain", "Los Angeles", "United States"} & set(actors)
    assert not any("State Ilse" in name for name in actors)


def test_a_portfolio_before_secretary_and_a_word_opening_a_sentence_are_no_names():
    actors = found(
        '"We will recover," Agriculture Secretary Odo Marsh told a panel. Quoting Brevian '
        'sources, the paper said Ilse Brandt had fled. "Should Brandt return, we will act." '
        "Brandt denied it, and Brevian officials said so."
    )
    assert actors["Odo Marsh"] == ("person", "Agriculture Secretary")
    assert "Agriculture" not in actors
    assert not any(name.startswith(("Quoting", "Should")) for name in actors)


def test_a_possessive_before_the_role_of_an_apposition():
    actors = found(
        "The trial of Hollis Brandvold, Odile Grenet's doctor, opened on Monday. Grenet was not "
        "there. Ilse Brandt, the Velmar Conservancy's director, spoke for the Velmar Conservancy."
    )
    assert actors["Hollis Brandvold"] == ("person", "doctor")
    assert actors["Velmar Conservancy"][0] == "organization"


def test_lists_whose_commas_are_split_from_words_and_a_band_is_no_person():
    actors = found(
        "Lawyer Odile Grenet spoke . The gala will feature Odile Grenet , Hollis Brandvold and "
        "Ilse Brandt . "
        "The Velvet Owls , Odile Grenet and Ilse Brandt will open it ."
    )
    for name in ("Odile Grenet", "Hollis Brandvold", "Ilse Brandt"):
        assert actors[name][0] == "person"
    assert actors.get("Velvet Owls", ("organization",))[0] != "person"


def test_speakers_set_off_by_commas_and_those_a_statement_was_given_to():
    actors = found(
        '"We will hold the town," a rebel fighter , Anwar Qadiri , said on Monday. Senator '
        "Odo Marsh told Tannoch on Friday that it was wrong. A trader in Austin , Texas , said "
        "prices rose."
    )
    assert actors["Anwar Qadiri"][0] == "person"
    assert actors["Tannoch"][0] == "organization"
    assert "Texas" not in actors


def test_names_with_capitals_inside_are_companies_unless_they_begin_as_names_do():
    actors = found(
        "The drug, made by VelcroPharm , works. Senator Odo McAllister and LaWanda Brandt "
        "praised it; Ilse DeVries did not."
    )
    assert actors["VelcroPharm"][0] == "organization"
    for name in ("Odo McAllister", "LaWanda Brandt", "Ilse DeVries"):
        assert actors.get(name, ("person",))[0] == "person"
    assert not any(kind == "organization" for name, (kind, _) in actors.items() if "Mc" in name)


def test_a_title_keeps_its_own_modifiers_and_a_month_may_be_a_surname():
    actors = found(
        "Senate Majority Leader Odo Marsh spoke. Home Secretary Theresa May answered. "
        "The vote is on Tuesday May 5."
    )
    assert actors["Odo Marsh"][0] == "person"
    assert "Senate Majority" not in actors
    assert actors["Theresa May"][0] == "person"


def test_lists_after_a_class_noun_name_its_kind():
    actors = found(
        "Companies such as Velcorp , Tannoch and Brevix are no household names. Lawmakers "
        "including Odo Marsh and Ilse Brandt objected. Cities such as Tarnow were hit."
    )
    for name in ("Velcorp", "Tannoch", "Brevix"):
        assert actors[name][0] == "organization"
    assert actors["Odo Marsh"][0] == "person" and actors["Ilse Brandt"][0] == "person"
    assert "Tarnow" not in actors


def test_a_ticker_is_no_actor_and_names_a_listed_company():
    actors = found(
        "Brevia 's Velcorp-Tannoch -LRB- VLCT .  / PA -RRB- is spending more. Shares of Odmark "
        "Energy (ODM.N) rose. The line is open from 0830 BST to 1730 BST."
    )
    assert actors["Velcorp-Tannoch"][0] == "organization"
    assert actors["Odmark Energy"][0] == "organization"
    assert not {"VLCT", "ODM", "PA", "BST"} & set(actors)


def test_an_acronym_of_what_follows_of_is_the_same_organization():
    actors = found(
        "The Department of Fisheries and Coastal Waters (FCW) said so. FCW will pay, the "
        "Department of Fisheries and Coastal Waters added."
    )
    assert actors["Department of Fisheries and Coastal Waters"][0] == "organization"
    assert "FCW" not in actors


def test_people_and_common_words_are_no_organizations_before_a_title():
    actors = found(
        "Government spokesman Odo Marsh said so. The government fell. A spokeswoman for Dr "
        "Brandt and Mr Okafor declined to comment. He spoke to Marsh and Brevian President "
        "Ilse Brandt."
    )
    assert actors["Odo Marsh"][0] == "person"
    assert actors["Ilse Brandt"][0] == "person"
    assert not any(kind == "organization" for kind, _ in actors.values())


def test_appositions_with_a_nationality_or_a_possessive_and_a_portfolio_is_no_organization():
    actors = found(
        'Anwar Qadiri , Brevian Minister for Tourism , described the attacks. "We will pay," '
        "Odile Grenet , Velcorp 's chief financial officer said. A bomb exploded in Tarnow , an "
        "official said. Her brother Anselm and one-year-old sister Odalys were safe."
    )
    assert actors["Anwar Qadiri"][0] == "person"
    assert actors["Odile Grenet"] == ("person", "chief financial officer")
    assert actors["Anselm"][0] == "person" and actors["Odalys"][0] == "person"
    assert not {"Tourism", "Tarnow"} & set(actors)


def test_an_organizations_person_after_its_possessive():
    actors = found(
        "Tannoch TV reported it. As TTV 's Odile Grenet said, the rumor spread. Velcorp said "
        "so; Velcorp 's Brevia Horizon rig sank."
    )
    assert actors["Odile Grenet"][0] == "person"
    assert "Brevia Horizon" not in actors


def test_common_given_names_and_places_named_after_people():
    actors = found(
        "Rhonda Panepinto joined the protest on Monday, and Winston Rutherford watched from "
        "Franklin Park near Beverly Hills. The Roman Catholic church was shut."
    )
    assert actors["Rhonda Panepinto"][0] == "person"
    assert actors["Winston Rutherford"][0] == "person"
    assert not {"Franklin Park", "Beverly Hills", "Roman Catholic"} & set(actors)


def test_possessives_inside_names_numbered_channels_and_dotted_initials():
    actors = found(
        "Odo Marsh , astronomer at Queen 's University , explains it. Velmoor 's Investors "
        "Service said so, and Tarn & Velder 's agreed. Cuba's Communist Party met. Ilse "
        "Brandt told BBC Radio 4 on Monday. The U.N. said so; she has a B.A. from Yale."
    )
    for name in (
        "Queen 's University",
        "Velmoor 's Investors Service",
        "Tarn & Velder 's",
        "Communist Party",
        "BBC Radio 4",
        "United Nations",
    ):
        assert actors[name][0] == "organization", name
    assert not {"Cuba's Communist Party", "B.A."} & set(actors)


def test_a_place_or_a_person_after_an_office_or_an_and_is_no_organizations_name():
    actors = found(
        "Odo Marsh , mayor of Tarnow Springs , has questions. Ilse Brandt , chairman of the "
        "Velcorp Trust and Anna Kowalski , spoke. Ines Ruiz, a lawyer for the Port Authority of "
        "New York and New Jersey, said so. Brevia awarded its annual Velcorp Peace Prize to her."
    )
    assert "Tarnow Springs" not in actors
    assert actors["Velcorp Trust"][0] == "organization"
    assert actors["Port Authority of New York and New Jersey"][0] == "organization"
    assert not any(
        "Prize" in name or ("Anna Kowalski" in name and kind == "organization")
        for name, (kind, _) in actors.items()
    )


def test_one_organization_however_its_name_ends_and_makers_of_things():
    actors = found(
        "Officials from the Centers for Tidal Study and Prevention said so; the CTS agreed. "
        "The park is run by Velmar Leisure Co and visited by millions. The Velmar Leisure Co. "
        "said nothing. Vaccine maker Tannoch-Brevix agreed, filmmaker Odo Marsh did not, and "
        "makers include Velcorp Inc , GlaxoTannochKline and Brevix ."
    )
    assert actors["Centers for Tidal Study and Prevention"][0] == "organization"
    assert "CTS" not in actors and "Prevention" not in actors
    assert [name for name in actors if name.startswith("Velmar Leisure")] == ["Velmar Leisure Co."]
    assert actors["Tannoch-Brevix"][0] == "organization"
    assert actors["Odo Marsh"][0] == "person"
    assert actors["GlaxoTannochKline"][0] == "organization"


def test_no_person_of_a_common_word_or_a_time_zone_and_a_title_before_a_name_and_stop():
    actors = found(
        "There is no need to wear masks, says mayor Days of mask-wearing could end. It took "
        "days. 08:50 JST By Alistair Brandt and Noel Marsh TARNOW -LRB- Wire -RRB- - The rebels "
        "mourned their military commander , Anwar Qadiri . Medics performed CPR on him."
    )
    assert "Days" not in actors and "CPR" not in actors
    assert not any("JST" in name or name.startswith("By ") for name in actors)
    assert actors["Anwar Qadiri"][0] == "person"


def test_common_arabic_and_persian_given_names():
    actors = found("Rebels tried to topple Khaled Qadiri on Friday. Mehdi Karimi met him.")
    assert actors["Khaled Qadiri"][0] == "person"
    assert actors["Mehdi Karimi"][0] == "person"


def test_a_plural_title_before_a_list_names_people():
    actors = found("The defense questioned detectives Odo Marsh and Ilse Brandtner on Monday.")
    assert actors["Odo Marsh"][0] == "person"
    assert actors["Ilse Brandtner"][0] == "person"


def test_dotted_initials_before_a_name_are_the_names_and_one_organization_with_or_without():
    actors, mentions = actors_of(
        "NATO acts under a U.N. Tidal Council resolution. The Tidal Council met on Tuesday. "
        "The U.S. Immigration and Naturalization Service (INS) said so; the INS agreed."
    )
    assert actors["U.N. Tidal Council"].kind == "organization"
    assert "Tidal Council" not in actors
    assert [m.actor.name for m in mentions].count("U.N. Tidal Council") == 2
    assert actors["U.S. Immigration and Naturalization Service"].kind == "organization"
    assert "INS" not in actors


def test_portfolios_and_party_members_are_no_organizations():
    actors = found(
        "European Union Health Commissioner Ilse Brandt spoke, and White House Press "
        "Secretary Odo Marsh said so. South African Foreign Minister Anwar Qadiri agreed. "
        "House Democrats will try; the Liberal Democrats said no, as did fellow Republicans "
        "David Grenet and Richard Brandvold."
    )
    assert actors["European Union"][0] == "organization"
    assert actors["White House"][0] == "organization"
    assert actors["David Grenet"][0] == "person"
    assert not {
        "European Union Health",
        "White House Press",
        "South African Foreign",
        "South African",
        "House Democrats",
    } & set(actors)


def test_two_complete_names_joined_by_and_and_names_before_a_kind_of_organization():
    actors = found(
        "Both Tarn Rights Watch and Velcorp International blamed it; Valley Federal Savings and "
        "Loan Association rose. Dr Chen of the National Brevian Producers group said so, and the "
        "Daily Tannoch reported it. One manager told the XQP news agency it was bad."
    )
    for name in (
        "Tarn Rights Watch",
        "Velcorp International",
        "Valley Federal Savings and Loan Association",
        "National Brevian Producers",
        "Daily Tannoch",
        "XQP",
    ):
        assert actors[name][0] == "organization", name


def test_a_family_named_member_by_member_and_a_dateline_agency_is_only_credited():
    text = (
        "Jackson's family - father Odo , mother Ilse , brothers Anselm and Tavish - were in "
        "court. TARNOW (XQP) -- The mother ship docked."
    )
    actors, mentions = actors_of(text)
    for name in ("Odo", "Ilse", "Anselm", "Tavish"):
        assert actors[name].kind == "person", name
    assert actors["XQP"].kind == "organization"
    assert all(mention.actor.name != "XQP" for mention in mentions)


def test_named_people_news_outlets_and_two_incorporated_names():
    actors = found(
        '"We fought," said a rebel named Anwar , standing by the road. A man who identified '
        "himself only as Tavish . The ship was named Endeavour . Gates told Tannoch News "
        "on Friday. It was made by drugmaker Velcorp AG and Brevix Sciences Inc , and "
        "Velcorp said so. Click NEXT to read on; the next page is blank."
    )
    assert actors["Anwar"][0] == "person" and actors["Tavish"][0] == "person"
    assert actors["Tannoch News"][0] == "organization"
    assert actors["Velcorp AG"][0] == "organization"
    assert actors["Brevix Sciences Inc"][0] == "organization"
    assert not {"Endeavour", "NEXT", "Velcorp"} & set(actors)  # "Velcorp": its AG's alias


def test_offices_abbreviated_or_advisory_and_acronyms_given_in_brackets():
    actors = found(
        "UK PM Odo Marsh says he has confidence. At 8:38 PM Crews searched the coast. Labor "
        "leader Ilse Brandt MP spoke. White House National Security Adviser Anwar Qadiri said "
        "so. The Reverend Tavish Okafor, a family friend, agreed. It was at the request of the "
        "Tarn Police Department (TPX) and the mayor; the TPX said so. Owen Brandvold of "
        "Velmoor , a group that tracks spills , said so. A pilot stood on the deck of the "
        "Charles de Gaulle aircraft carrier."
    )
    assert actors["Odo Marsh"] == ("person", "UK PM")
    assert actors["Ilse Brandt"][0] == "person"
    assert actors["White House"][0] == "organization"
    assert actors["Tavish Okafor"][0] == "person"
    assert actors["Tarn Police Department"][0] == "organization"
    assert actors["Owen Brandvold"][0] == "person" and actors["Velmoor"][0] == "organization"
    assert not {"Crews", "TPX", "Charles de Gaulle", "White House National Security"} & set(actors)


def test_siblings_listed_before_a_full_name_and_a_maker_of_a_product():
    actors = found(
        "Randy , Anselm and Janet Okafor confirmed it. It is treated with Tamiflex , made by "
        "Velcorp . The spaceships , named Orion , are late. Ilse Brandt , European Commissioner "
        "for Humanitarian Aid , said so. The U.S. Air Force and Navy led the strikes."
    )
    assert actors["Randy"][0] == "person" and actors["Anselm"][0] == "person"
    assert actors["Velcorp"][0] == "organization"
    assert actors["U.S. Air Force"][0] == "organization" and actors["Navy"][0] == "organization"
    assert not {"Orion", "Humanitarian Aid", "U.S. Air Force and Navy"} & set(actors)


def test_a_full_name_echoed_by_its_surname_is_a_person_no_list_knows():
    actors, mentions = actors_of(
        "Tavish Okonkwo-Reyes filed the appeal on Monday. Nobody saw Wendeline Marsh there.\n\n"
        "The court rejected it, and Okonkwo-Reyes said he would try again. Later, Marsh left.\n\n"
        "Fans of Little Havana crowded the streets; the mayor walked through Havana on Tuesday. "
        "The Warsaw Pact ended in 1991; the Pact was gone."
    )
    assert actors["Tavish Okonkwo-Reyes"].kind == "person"
    assert actors["Wendeline Marsh"].kind == "person"
    assert [m.actor.name for m in mentions].count("Tavish Okonkwo-Reyes") == 2
    # A place is echoed after "through", "in", "to"; a name after "the" is no person's.
    assert "Little Havana" not in actors
    assert getattr(actors.get("Warsaw Pact"), "kind", "organization") == "organization"


def test_a_full_name_not_echoed_and_unknown_is_left_alone():
    actors = found("Crowds gathered near Lantern Square on Monday, and Cobble Street was closed.")
    assert not {"Lantern Square", "Cobble Street"} & set(actors)


def test_a_datelines_place_is_no_organisation_and_its_agency_is_credited():
    actors = found("HAVANA (AP) -- The minister spoke on Friday.\n\nKAMPALA, Uganda (Wire) _ Rain.")
    assert set(actors) == {"Associated Press", "Wire"}  # AP by its name
    assert all(kind == "organization" for kind, _ in actors.values())


def test_credited_agencies_and_photographers_are_the_documents_but_no_events():
    text = (
        "PARIS, March 10 (Tannoch) - The minister resigned on Monday.\n"
        "Photograph: Mara Lindqvist/Kestrel/Getty Images The port reopened on Tuesday.\n"
        "The rig burned on Monday. (XQP Photo/Tomas Ek, File)\n"
        "Benghazi , Libya -LRB- Norvik -RRB- -- The ship docked on Friday."
    )
    actors, mentions = actors_of(text)
    credited = {"Tannoch", "Kestrel", "Getty Images", "XQP", "Norvik"}
    assert {name: actors[name].kind for name in credited} == dict.fromkeys(credited, "organization")
    assert actors["Mara Lindqvist"].kind == actors["Tomas Ek"].kind == "person"
    assert mentions == []  # where the story came from, not who did what in it
    analysis = analyze_document(text, DAY)
    assert analysis.events and not any(event.actors for event in analysis.events)
    # A sentence that names the agency makes it an actor of its event.
    events = analyze_document("LIMA (Tannoch) - Tannoch reported the fire on Monday.", DAY).events
    assert [actor.name for actor in events[0].actors] == ["Tannoch"]


def test_a_photographs_credit_ends_where_the_story_goes_on():
    # The last name after the slash runs into the next sentence: an agency's tail word
    # stays with it, the sentence's first word does not; a handout is nobody.
    actors = found(
        "Photograph : Mara Lindqvist\\/Tannoch Press Tomas Ek would not comment on Monday .\n"
        "Photograph : Ho\\/Kestrel Shares in Norvik fell on Monday .\n"
        "Photograph : XQP\\/Anna Holm The port reopened on Monday ."
    )
    assert actors["Tannoch Press"][0] == actors["Kestrel"][0] == "organization"
    assert actors["Mara Lindqvist"][0] == actors["Anna Holm"][0] == "person"
    assert not {"Ho", "Kestrel Shares", "Tannoch Press Tomas Ek", "Anna Holm The"} & set(actors)


def test_no_credit_without_a_dateline_or_a_photograph():
    # A party's initial, a bracket the sentence goes on after, a lower-case aside.
    assert found("Senator Mara Lindqvist (D) - the bill's author - spoke on Monday.") == {
        "Mara Lindqvist": ("person", "Senator")
    }
    assert "Kestrel" not in found("the fleet (Kestrel) was sold, and photos of it / Norvik.")
    assert found("the port (closed) - as it was on Monday - reopened.") == {}


def test_an_institution_named_after_a_person_is_an_organisation_and_a_law_is_neither():
    actors = found(
        "The papers were signed at the Harry Truman Library on Friday. Mary Ellen Mills "
        "attended. The charge falls under the Freedom of Access to Clinic Entrances Act."
    )
    assert actors["Harry Truman Library"][0] == "organization"
    assert actors["Mary Ellen Mills"][0] == "person"
    assert not [name for name in actors if name.endswith("Act")]


def test_a_nationality_or_portfolio_before_an_office_of_state_is_the_title():
    actors = found(
        "The vote passed, Danish defence minister Lars Holm said on Monday. Brazilian President "
        "Ana Costa agreed, and Interior Minister Tomas Ruiz signed. Lumen Group chief executive "
        "Kai Berg was not asked."
    )
    assert actors["Lars Holm"] == ("person", "Danish defence minister")
    assert actors["Ana Costa"] == ("person", "Brazilian President")
    assert not {"Danish", "Brazilian", "Interior"} & set(actors)
    assert actors["Lumen Group"][0] == "organization"


def test_an_adverb_opening_a_sentence_is_no_organisation():
    actors = found(
        "Sales fell in March.\n\nInitially, the company said it would close two plants. "
        "Moreover, the company, which lost money, cut jobs. Likewise, the bank said it waited."
    )
    assert not {"Initially", "Moreover", "Likewise"} & set(actors)


def test_a_role_that_speaks_or_opens_the_clause_is_no_apposition():
    actors = found(
        "The fence may have stopped a similar attack in Lagos, an official said on Friday. "
        "To keep the plant open in Tarnow, a local lawmaker filed a bill. "
        "Mr. Kowalczyk, who is president of the union, agreed."
    )
    assert not {"Lagos", "Tarnow"} & set(actors)
    assert actors["Kowalczyk"] == ("person", "president")


def test_a_head_word_no_surname_ends_makes_an_organisation_whatever_name_opens_it():
    actors = found(
        "Lawrence Group bought the stake on Friday, and Benjamin Franklin Federal Savings sold. "
        "The Associated Press reported the sale; Samantha Power said nothing."
    )
    for name in ("Lawrence Group", "Benjamin Franklin Federal Savings", "Associated Press"):
        assert actors[name][0] == "organization"
    assert actors["Samantha Power"][0] == "person"


def test_a_single_name_that_speaks_with_no_person_to_refer_to_is_an_organisation():
    actors, mentions = actors_of(
        "Norvale said on Monday it would close two plants. Officials said the plants were old. "
        "Peter Ames Jr. runs the union; Ames said he would fight. Trade in Kestria slowed, "
        "and Kestria said talks would resume. A Bretonian said nothing, according to Bretonian "
        "officials. Hudson's Bay said it agreed. The Pentagon said it would send ships."
    )
    assert actors["Norvale"].kind == "organization"
    assert "Officials" not in actors  # a group of people
    assert [m.actor.name for m in mentions].count("Peter Ames Jr.") == 2  # "Jr." is no surname
    assert "Kestria" not in actors  # "in Kestria": a place
    assert not {"Bretonian", "Bay"} & set(actors)  # a noun after "A", a modifier, a name's end
    assert actors["Department of Defense"].kind == "organization"  # a well-known short name


def test_a_well_known_surname_names_the_well_known_person_only_in_their_era():
    text = "Harris said the merger was off, and Obama agreed."
    then, _, _ = find_actors(text, date(1989, 10, 26), [])
    now, _, _ = find_actors(text, date(2020, 5, 1), [])
    assert not {"Kamala Harris", "Barack Obama"} & {actor.name for actor in then}
    assert {"Kamala Harris", "Barack Obama"} <= {actor.name for actor in now}


def test_actor_key_tolerates_middle_names_and_initials():
    keys = {actor_key(name, "person") for name in ("Ana Lopez", "Ana Maria Lopez", "Ana M. Lopez")}
    assert len(keys) == 1
    assert actor_key("Ana Lopez", "person") != actor_key("Ana Lopes", "person")
    assert actor_key("General Motors Corp.", "organization") == actor_key(
        "General Motors", "organization"
    )
    # A company written with or without its descriptor is one ("Dell", "Dell Technologies").
    assert actor_key("Dell Technologies", "organization") == actor_key("Dell", "organization")
    assert actor_key("Magna International Inc.", "organization") == actor_key(
        "Magna", "organization"
    )
    assert actor_key("Ford Foundation", "organization") != actor_key("Ford", "organization")
    # A broadcaster's initials and "News" are the broadcaster ("Fox News" is no "Fox").
    assert actor_key("BBC News", "organization") == actor_key("BBC", "organization")
    assert actor_key("Fox News", "organization") != actor_key("Fox", "organization")
    assert actor_key("Bank of America", "organization") != actor_key(
        "Bank of Canada", "organization"
    )


def test_actor_key_joins_the_transliterations_outlets_write_and_not_other_names():
    """Outlets spell a name from another script each their own way; the identity joins the
    variants (digraphs, q/g/k, o/u/ou, y/i, doubled letters, an Arabic article) but not names
    that differ by another vowel or consonant."""
    same = [
        ("Muammar Gaddafi", "Moammar Gadhafi", "Muammar al-Qaddafi", "Mouammar Kadhafi"),
        ("Dmitry Medvedev", "Dmitri Medvedev"),
        ("Youssef Razaz", "Yousef Razzaz"),
        ("Mustafa Abdul Jalil", "Moustafa Abdul Jalil", "Mostafa Jalil"),
        ("José Oliveira", "Jose Oliveira"),
    ]
    for names in same:
        assert len({actor_key(name, "person") for name in names}) == 1, names
    different = [
        ("John Hill", "John Hall"),
        ("Ana Lopez", "Ana Lopes"),
        ("Dan Roe", "Den Roe"),
        # Short names that differ by such letters are other names.
        ("Kevin Lee", "Kevin Li"),
        ("Wei Guo", "Wei Gu"),
        ("John Moore", "John More"),
        ("Philip Roth", "Philip Ruth"),
        ("Jon Smith", "Jun Smith"),
        ("Kerry Adams", "Gerry Adams"),
    ]
    for one, other in different:
        assert actor_key(one, "person") != actor_key(other, "person")
    # A name found as a person and as an organization keeps one identity.
    assert actor_key("Trilby Lundstrom", "person") == actor_key(
        "Trilby Lundstrom Inc", "organization"
    )
    assert actor_key("@Gaddafi", "person") != actor_key("@Gadhafi", "person")  # exact handles
    assert actor_key("Route 11 Group", "organization") != actor_key("Route 1 Group", "organization")
    for one, other in (("EEOC", "IOC"), ("FAA", "FA"), ("NYU", "NIU"), ("KKR", "KR")):
        assert actor_key(one, "organization") != actor_key(other, "organization")


def test_the_development_set_scores_well_per_document():
    """A floor on the development set (benchmarks/actors.py reports the full figures)."""
    per_document = []
    for document in json.loads(DEV_SET.read_text(encoding="utf-8"))["documents"]:
        actors, _, _ = find_actors(document["text"], DAY, [])
        found_names = {
            a.key: {a.name, *a.aliases, *a.aliases_guessed}
            for a in actors
            if a.kind in ("person", "organization")
        }
        per_document.append((found_names, document["entities"]))
    assert entity_score(per_document).f1 >= 0.9


# --- across documents ---------------------------------------------------------------------

needs_db = pytest.mark.django_db


@needs_db
def test_one_person_spelled_three_ways_in_three_documents_is_one_actor():
    for n, name in enumerate(("Ana Lopez", "Ana Maria Lopez", "Ana M. Lopez")):
        document_import(data=doc(f'"Rates will fall," said {name}, an economist, on Monday.{n}'))
    (actor,) = Actor.objects.filter(kind="person")
    assert actor.name == "Ana Maria Lopez"  # the fullest spelling, whatever came first
    assert Document.objects.filter(actors=actor).count() == 3


@needs_db
def test_a_guessed_surname_is_never_stored_nor_used_in_another_document():
    document_import(data=doc("Governor Ann Walsh met farmers. Walsh said on Monday prices fell."))
    document_import(
        data=doc("Senator Paul Walsh said on Tuesday he would run. Walsh spoke in Boston.")
    )
    assert set(Actor.objects.values_list("name", flat=True)) == {"Ann Walsh", "Paul Walsh"}
    assert not ActorAlias.objects.filter(alias="Walsh").exists()


@needs_db
def test_a_shared_handle_or_a_machine_alias_never_merges_actors_an_editors_alias_does():
    first = "Everyone counts. — Mayor Ann Walsh (@CityMayor) March 1, 2024\n"
    second = "Vote on Tuesday. — Mayor Rosa Diaz (@CityMayor) March 3, 2024\n"
    document_import(data=doc(first))
    document_import(data=doc(second))
    walsh = Actor.objects.get(name="Ann Walsh")
    assert Actor.objects.filter(name="Rosa Diaz").exists()
    assert set(walsh.aliases.values_list("alias", flat=True)) == {"@CityMayor"}
    assert walsh.aliases.get().machine
    # An editor says "A. M. Walsh" is her: that alias identifies her in later documents.
    ActorAliasFactory(actor=walsh, alias="Annie Walsh")
    document_import(data=doc("Annie Walsh said on Monday the budget passed."))
    assert not Actor.objects.filter(name="Annie Walsh").exists()
    assert Document.objects.filter(actors=walsh).count() == 2


def state() -> tuple:
    """The actors and who is credited with what, without ids."""
    actors = sorted(Actor.objects.values_list("name", "key", "kind", "title"))
    documents = sorted(
        (d.body[:30], tuple(sorted(d.actors.values_list("name", flat=True))))
        for d in Document.objects.all()
    )
    events = sorted(
        (e.document.body[:30], e.position, tuple(sorted(e.actors.values_list("name", flat=True))))
        for e in Event.objects.select_related("document")
    )
    return actors, documents, events


def dev_documents() -> list:
    return [
        doc(d["text"], d["date"], d["id"])
        for d in json.loads(DEV_SET.read_text(encoding="utf-8"))["documents"]
    ]


def clear() -> None:
    for model in (ActorAlias, Event, Actor, Document):
        model.objects.all().delete()


@needs_db
def test_the_same_documents_in_any_order_give_the_same_actors_and_attributions():
    items = dev_documents()
    list(documents_import(items=iter(items)))
    forward = state()
    clear()
    list(documents_import(items=iter(items[::-1]), batch_size=3))
    assert state() == forward
    clear()
    for item in random.Random(15).sample(items, len(items)):
        document_import(data=item)
    assert state() == forward
    lopez = ("Ana Maria Lopez", actor_key("Ana Lopez", "person"), "person", "chief economist")
    assert lopez in forward[0]


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_concurrent_imports_give_what_one_import_gives():
    items = dev_documents()
    list(documents_import(items=iter(items)))
    expected = state()
    clear()
    halves = [items[0::2], items[1::2][::-1]]
    results = run_in_threads(2, lambda n: list(documents_import(items=iter(halves[n]))))
    assert not [r for r in results if isinstance(r, Exception)]
    assert state() == expected
    clear()


def test_ranks_abbreviated_and_doubled_are_titles():
    actors = found(
        "Incident commander Adm. Thad Allen said the well was capped. Lt. Cmdr. Ann Hoey said "
        "crews were ready. Coast Guard Adm Peter Neffenger arrived."
    )
    assert actors["Thad Allen"] == ("person", "commander Adm.")
    assert actors["Ann Hoey"] == ("person", "Lt. Cmdr.")
    assert actors["Peter Neffenger"][0] == "person"
    assert not {"Adm", "Cmdr", "Lt"} & set(actors)


def test_a_hyphen_joins_a_given_name_not_a_compound_adjective():
    actors = found(
        "Secretary-General Ban Ki-moon spoke on Monday. The Boston-based Harbor Fund Inc. and "
        "Jean-Paul Martin met him."
    )
    assert actors["Ban Ki-moon"][0] == "person"
    assert "Harbor Fund Inc." in actors and "Jean-Paul Martin" in actors
    assert not [name for name in actors if "based" in name]


def test_capitals_after_a_clock_time_are_its_time_zone():
    assert found("Markets closed at 16.42 BST and reopened at 9:30 a.m. EDT, dealers said.") == {}


def test_a_tokenised_dateline_is_a_place_and_its_agency():
    text = "OSLO -LRB- Wire -RRB- - The Nordic Fisheries Council said on Monday that stocks fell."
    assert textlib.dateline(text) is not None
    assert set(found(text)) == {"Nordic Fisheries Council", "Wire"}


def test_credit_lines_and_bylines_name_people():
    actors = found(
        "By Mara Lindqvist\n\nThe port reopened on Monday.\n\n"
        "Reporting by Tomas Ek and Lina Berg; Editing by Oskar Holm"
    )
    assert {"Mara Lindqvist", "Tomas Ek", "Lina Berg", "Oskar Holm"} <= set(actors)
    assert all(kind == "person" for kind, _ in actors.values())
    # "By" opening a sentence of the story is no byline.
    assert found("By Monday Night the roads were clear.") == {}


def test_one_name_before_an_organizations_people_or_stock_is_the_organization():
    actors = found(
        "The platform was leased by Norvik. Crews from Kestrel and Norvik worked on it. "
        "Norvik officials declined to comment, and Kestrel shares fell 4 percent."
    )
    assert actors["Norvik"] == ("organization", "")
    assert actors["Kestrel"] == ("organization", "")
    # A nationality, a state, a common word or a person of the document is none.
    assert found(
        "Kenyan officials met Louisiana officials. Government officials said little. "
        "Senior officials agreed. Alice Bremer spoke, and Bremer officials left."
    ).keys() == {"Alice Bremer"}


def test_an_occupation_before_a_name_is_its_title_but_names_no_employer():
    actors = found(
        "Tour choreographer Kenny Ortega arrived, and pop singer Tia Mardell left. Posing for "
        "photographers with Mardell, the mayor smiled. Lena Okafor, a singer of Nigerian "
        "descent, sang. The archbishop of Lyon, Cardinal Paul Marchetti, spoke."
    )
    assert actors["Kenny Ortega"][0] == actors["Tia Mardell"][0] == "person"
    assert actors["Paul Marchetti"] == ("person", "Cardinal")
    assert not {"Mardell", "Nigerian", "Lyon"} & set(actors)  # no employer, no apposition


def test_an_age_says_the_name_is_a_persons():
    actors = found(
        "Witnesses saw 26-year-old Saleh Dreisi near the gate. Marta Kowalczyk, 52, was hurt. "
        "Omicron Holdings Inc., 40, fell. Rain in New Orleans, 2, stopped."
    )
    assert actors["Saleh Dreisi"][0] == actors["Marta Kowalczyk"][0] == "person"
    assert actors["Omicron Holdings Inc."][0] == "organization"
    assert "New Orleans" not in actors


def test_british_and_american_spellings_of_an_institution_are_one_organization():
    assert actor_key("World Health Organisation", "organization") == actor_key(
        "World Health Organization", "organization"
    )
    assert actor_key("Ministry of Defence", "organization") == actor_key(
        "Ministry of Defense", "organization"
    )


# --- the API ------------------------------------------------------------------------------


@needs_db
def test_a_documents_actors_reach_the_api_without_a_dated_event(api_client):
    # The lead is an event (a reporting-time fact); the sentence naming the actors is none
    # (a hypothetical).
    text = (
        "The harbour was quiet.\n\nRates might puzzle economists at Brookfield Research, "
        "and Ana Lopez, a lawyer, would call them a mistake."
    )
    document = document_import(data=doc(text)).document
    assert not Event.objects.filter(document=document, actors__isnull=False).exists()

    detail = api_client.get(f"/api/documents/{document.pk}/").json()
    assert {a["name"] for a in detail["actors"]} == {"Brookfield Research", "Ana Lopez"}

    other = document_import(data=doc("Tom Reilly said on Monday rates would hold.")).document
    listed = api_client.get("/api/actors/", {"document": document.pk}).json()["results"]
    assert {a["name"] for a in listed} == {"Brookfield Research", "Ana Lopez"}
    listed = api_client.get("/api/actors/", {"document": other.pk}).json()["results"]
    assert [a["name"] for a in listed] == ["Tom Reilly"]


@needs_db
def test_an_alias_an_editor_writes_through_the_api_is_an_editors(django_user_model):
    from rest_framework.test import APIClient

    document_import(data=doc("Everyone counts. — Mayor Ann Walsh (@CityMayor) March 1, 2024\n"))
    walsh = Actor.objects.get(name="Ann Walsh")
    handle = walsh.aliases.get()
    editor = APIClient()
    editor.force_authenticate(UserFactory(superuser=True))

    response = editor.post("/api/aliases/", {"actor": walsh.pk, "alias": "Annie Walsh"})
    assert response.status_code == 201 and response.json()["machine"] is False
    response = editor.patch(f"/api/aliases/{handle.pk}/", {"alias": "@CityMayorAnn"})
    assert response.status_code == 200 and response.json()["machine"] is False


def test_an_organization_after_of_is_found_across_a_line_break():
    # "Shares of ..." names what comes after "of"; the run may hold a line break or two
    # spaces, which the joined name does not (looking the name up in the run raised).
    from events.analysis.actors.names import _clean_org

    assert _clean_org("Voters Want Return of Trams\nBy") == ("Trams", 22)
    assert _clean_org("Shares of Acme Holdings") == ("Acme Holdings", 10)
    _clean_org("Shares of Acme  Holdings")  # no ValueError


@pytest.mark.parametrize(
    ("words", "boundary"),
    [
        (("by", "By"), r"\b[Bb]y"),
        (("according to",), r"\baccording to"),
        (("made", "produced"), r"\b(?:made|produced)"),
    ],
)
def test_words_checked_back_from_their_end_are_found_where_a_word_boundary_finds_them(
    words, boundary
):
    """``_starting`` writes a word's boundary after the word so that re can skip to it; where
    it matches must not change: at the text's start, after punctuation and line breaks, never
    inside a longer word."""
    import re

    from events.analysis.actors.patterns import _starting

    text = (
        "By noon, a report written by Ana and byline-free copy made by Acme (Standby)\n"
        "produced by them; remade, reproduced, nearby. according to X, Disaccording to Y, "
        "made-up ones, 'by' him"
    )
    expected = [m.span() for m in re.finditer(boundary, text)]
    assert expected  # the text has some
    assert [m.span() for m in re.finditer(_starting(*words), text)] == expected


def test_well_known_aliases_are_those_valid_on_the_documents_day_at_every_boundary():
    """The table of well-known actors is built once for each stretch of days in which no alias
    starts or stops: on the first and last day of each alias, and the days around them, it must
    hold exactly the aliases valid that day."""
    from datetime import timedelta

    from events.analysis.actors import known_actors, name_key
    from events.analysis.actors.registry import _alias_boundaries, _known_actor_table

    days = {date.min, date.max, date(2025, 8, 30)}
    for boundary in _alias_boundaries():
        days |= {boundary - timedelta(days=1), boundary, boundary + timedelta(days=1)}
    assert len(days) > 10
    for day in days:
        expected = {}
        for entry in _known_actor_table():
            for item in [{"alias": entry["name"]}, *entry["aliases"]]:
                valid_from = date.fromisoformat(item.get("from", "0001-01-01"))
                if valid_from <= day <= date.fromisoformat(item.get("until", "9999-12-31")):
                    expected[name_key(item["alias"])] = entry["name"]
        table = known_actors(day)
        assert {key: actor.name for key, actor in table.items()} == expected, day


def test_a_military_rank_is_a_title_and_no_part_of_the_organization_before_it():
    text = "Coast Guard Rear Adm. Karen Holt said the search would go on. Rear Adm Holt left."
    actors = found(text)
    assert actors["Karen Holt"][0] == "person"
    assert actors["Coast Guard"] == ("organization", "")
    assert not any("Rear" in name for name in actors)
    assert found("Coast Guard Commandant Adm. Paul Dorsey will lead it.")["Coast Guard"] == (
        "organization",
        "",
    )


def test_a_biography_names_its_person_with_a_role_after_is():
    actors = found("Karel Vossen is professor of hydraulics at the Polder Institute.")
    assert actors["Karel Vossen"] == ("person", "professor")
    assert (
        found("Ines Marlow is a senior fellow at the Harbour Trust.")["Ines Marlow"][0] == "person"
    )
    # A longer run of capitals before the name: a signature or a column's name.
    assert "Lena Hartz" in found("The Night Desk Lena Hartz is a staff writer for the paper.")
    # Not "the": a company may be "the adviser".
    assert "Halden Sachs" not in found("Halden Sachs is the adviser on the deal.")
    # A run of capitals that is a title is no organization's name.
    assert "Research Fellow" not in found("Dr. Ana Crow is Research Fellow at Marlow House.")


def test_a_list_before_and_other_takes_the_class_of_the_noun_after_it():
    actors = found("Pellix, Rocham, Novira and other drug makers are racing to make vaccines.")
    assert {name for name, (kind, _) in actors.items() if kind == "organization"} == {
        "Pellix",
        "Rocham",
        "Novira",
    }
    people = found("Ana Lopez, Jane Roe and other lawmakers signed the letter.")
    assert people["Ana Lopez"][0] == people["Jane Roe"][0] == "person"
    # Not a person the document names by surname, not a sentence's first word, not followers.
    doctors = found("Dr. Barnett Kaley was shot. She spoke of Kaley and other abortion providers.")
    assert "Kaley" not in doctors
    assert "Exxor" in found("Are Exxor and other oil companies involved, or are they bystanders?")
    assert "Alawites" not in found("Alawites and other allied groups fear reprisals.")


def test_a_party_or_a_nationality_before_a_full_name_describes_the_person():
    assert found("Republican John Mercer voted against the bill.") == {
        "John Mercer": ("person", "")
    }
    assert "Tony Hallam" in found("Dudley took over from Briton Tony Hallam in October.")


def test_a_contractor_is_a_firm_unless_a_given_name_says_a_person():
    assert (
        found("Former BP contractor Adam Dillard says the effort is in disarray.")["Adam Dillard"][
            0
        ]
        == "person"
    )
    assert found("The rig was operated by Swiss contractor Transvik.")["Transvik"][0] == (
        "organization"
    )
    assert (
        found("oil services provider Baker Hollis said the unit was sold.")["Baker Hollis"][0]
        == "organization"
    )


def test_bylines_run_into_a_headline_or_a_desk_give_the_writers_name_only():
    headline = found("Oil reaches the Coast By Steven Marsh Washington Post Staff Writer Tuesday")
    assert headline.get("Steven Marsh", ("",))[0] == "person"
    assert not any("Marsh" in name and name != "Steven Marsh" for name in headline)
    opening = found("By Nic Robb , CNN senior international correspondent Is it over ? Yes .")
    assert opening["Nic Robb"][0] == "person"
    assert "Andrew Cole" in found("By Andrew Cole The Atlantic Murray will be sentenced soon .")
    desk = found("By Katia Moss Science reporter , BBC News The gas leaked .")
    assert "Katia Moss" in desk and "Katia Moss Science" not in desk
    assert found("By Monday the rebels had taken the town .") == {}


def test_a_name_before_its_stock_ticker_is_a_listed_company():
    """Even when it opens with a given name and holds no head word."""
    text = "By contrast , Grace Dutch Shale -LRB- GDSa . \nL -RRB- was expected to post a rise ."
    assert found(text)["Grace Dutch Shale"][0] == "organization"
    assert found("Shares in Royce Halvard <RHV.AX> rose .")["Royce Halvard"][0] == "organization"


def test_two_names_after_a_singular_cue_are_two_organizations():
    actors = found("Analysts said U.S. oil giant Exxor Mobil and Shale were large enough.")
    assert actors["Exxor Mobil"][0] == actors["Shale"][0] == "organization"
    assert "Ellis Trap and Cage Manufacturing" in found(
        "The crab pot maker Ellis Trap and Cage Manufacturing shut down."
    )


def test_no_person_from_an_agency_a_storm_a_water_a_count_or_a_title_alone():
    agency = found("The Kremlin said so, according to KNA Novinar.")
    assert agency.get("KNA Novinar", ("",))[0] == "organization"
    assert "Hurricane Kendra" not in found("Vitner points to Hurricane Kendra and New Orleans.")
    assert found("It happened in Alaska's remote Prince Edward Sound , far from towns.") == {}
    counsel = found("General Counsel Rupert Bondy said the talks went on.")
    assert counsel == {"Rupert Bondy": ("person", "General Counsel")}
    assert "New York Times" in found("Four New York Times journalists were freed on Monday.")
    assert "Group of Eight" in found("Leaders of the Group of Eight met in Deauville.")


def test_an_agency_head_and_the_names_listed_before_the_office():
    actors = found(
        "On Friday , Navarro , Salcedo and EPA Administrator Lisa P. Jansen will travel ."
    )
    assert actors["Lisa P. Jansen"] == ("person", "Administrator")
    assert actors["EPA"][0] == "organization"
    assert not any(" and " in name for name in actors)
    # One name with an "and" before a title stays whole.
    committee = found("House Energy and Commerce Committee Chairman Henry Waxler said so .")
    assert "House Energy and Commerce Committee" in committee


def test_a_holiday_maker_or_a_policy_maker_is_a_person_a_vaccine_maker_a_firm():
    assert found("Holiday maker Max Summers talks on his phone .")["Max Summers"][0] == "person"
    assert found("Policy maker Ana Lopez said .")["Ana Lopez"][0] == "person"
    assert found("vaccine maker Sanofix said it would ship .")["Sanofix"][0] == "organization"


def test_a_correspondents_line_gives_the_writer_and_the_outlet():
    actors = found("Steve Kingsley BBC News , Washington Increasingly , the oil is pouring .")
    assert actors["Steve Kingsley"][0] == "person"
    assert actors["BBC News"][0] == "organization"
    assert found("John Lewis PLC said sales rose .")["John Lewis PLC"][0] == "organization"


def test_a_title_inside_a_run_before_a_full_name_is_the_title():
    text = "End Quote Bobby Jindel Louisiana governor Florida Governor Charlie Cristo said so ."
    assert found(text)["Charlie Cristo"][0] == "person"


def test_reporters_credited_at_the_end_or_after_a_separator_are_people():
    actors = found("CNN 's Nic Robb and Salma Aziz contributed to this report .")
    assert actors["Nic Robb"][0] == actors["Salma Aziz"][0] == "person"
    byline = found(
        "Gas prices up 33 cents March 06 , 2011 | By Mariano Castel , CNN The average rose ."
    )
    assert byline["Mariano Castel"][0] == "person"


def test_a_chamber_alone_and_two_capitals_that_own_or_speak_are_organizations():
    assert found("They passed the bill ; it now goes to the Senate .") == {
        "Senate": ("organization", "")
    }
    assert "Senate Foreign Relations Committee" in found(
        "the Senate Foreign Relations Committee met ."
    )
    assert found("The spill is KP 's fault , he said .") == {"KP": ("organization", "")}
    assert found("KP said it would pay .") == {"KP": ("organization", "")}
    # A commenter's initials write; a Roman numeral is no one.
    assert found("At 19:07 , PJ wrote : I worked on a rig .") == {}
    assert found("Since World War II was over , nothing changed .") == {}


def test_a_trade_named_by_its_ending_before_a_full_name_is_no_part_of_it():
    assert found("Oceanographer Simon Boxley explains how the funnel will work .") == {
        "Simon Boxley": ("person", "")
    }


def test_capitals_joined_by_an_ampersand_name_a_company():
    assert found("AT&T said it would buy the unit .") == {"AT&T": ("organization", "")}
    assert "P&J Oyster Company" in found("the P&J Oyster Company in New Orleans closed .")


def test_two_complete_bodies_joined_by_and_are_two():
    actors = found("the Coast Guard and Bureau of Ocean Energy Management said the well held .")
    assert {"Coast Guard", "Bureau of Ocean Energy Management"} <= set(actors)


def test_brigades_and_programmes_are_organizations_ship_prefixes_and_ratings_are_not():
    assert found("fighters of the Khamis Brigade attacked .")["Khamis Brigade"][0] == "organization"
    assert "World Food Programme" in found("The World Food Programme sent flour .")
    assert found("the USS Stout and HMS Tromp sailed south .") == {}
    assert found("It kept a BBB rating .") == {}


def test_made_by_a_titled_person_and_a_trade_run_into_a_name():
    text = "It avoids the mistakes made by President George W. Bosh , who was slow ."
    actors = found(text)
    assert actors["George W. Bosh"][0] == "person"
    assert "President George W. Bosh" not in actors
    caption = found(
        "End Quote Prof Nan Walden Oceanographer If there is oil underwater , it moves ."
    )
    assert "Nan Walden" in caption and "Nan Walden Oceanographer" not in caption
    assert "Martin Luther Kingsley" in found("Martin Luther Kingsley said it would .")


@needs_db
def test_a_name_found_as_a_person_and_as_an_organization_is_stored_as_one_kind_in_any_order():
    """ "Trilby Lundstrom" (a person who is quoted) and "Trilby Lundstrom Inc" (a company) share
    an identity; which kind it is stored as must not depend on which document came first."""
    items = [
        doc("Prices rose again , said Trilby Lundstrom .", "2011-03-06", "a"),
        doc("Trilby Lundstrom Inc said prices rose .", "2011-03-07", "b"),
    ]
    kinds = []
    for order in (items, items[::-1]):
        clear()
        list(documents_import(items=iter(order)))
        kinds.append(sorted(Actor.objects.values_list("name", "kind")))
    assert kinds[0] == kinds[1] == [("Trilby Lundstrom Inc", "organization")]


def test_patterns_tried_only_at_their_first_words_match_as_a_whole_text_scan_does():
    """The patterns that open with a word of a list (titles, kinship nouns, organization cues,
    media, members) are tried only where the text's run of letters is one of their first words
    (``scan.LetterRuns``): every phrase of their lists, in each case and in odd company (inside
    longer words, after a hyphen, with an organization's capitals or a "maker" before it), must
    give the matches of ``finditer`` over the whole text."""
    from events.analysis.actors import patterns
    from events.analysis.actors.finder import _Finding
    from events.analysis.actors.scan import matches_at
    from events.analysis.actors.wordlists import _phrases

    lists = ("title_heads", "occupations", "title_modifiers", "kin_nouns", "org_cues")
    lists += ("media_nouns", "org_kind_nouns")
    parts = []
    for phrase in sorted({p for name in lists for p in _phrases(f"{name}.txt")}):
        for v in (phrase, phrase.capitalize(), phrase.upper()):
            parts.append(
                f"the {v} John Smith, ABC {v} Jane Roe, {v}, Mary Ann said. x{v} Bob Li. "
                f"{v}s Ann Lee. -{v} Al Gore, Mr. {v} Ted Ko, carmaker Acme Corp and oil-maker "
                f"Big Oil, {v}-maker Zed Inc, Acme {v} said. {v}'s Ned Ray. CNN {v}, Carl Moran, "
                f"said. the Acme officials and {v} group"
            )
    text = "\n".join(parts)
    finding = _Finding(text, date(2020, 1, 1))
    runs = finding.letter_runs
    checked = 0
    for pattern, starts in (
        (patterns._TITLED_PERSON, finding.titled_starts()),
        (patterns._KIN, runs.starts(patterns._KIN_FIRST)),
        (patterns._CUED_ORG, finding.cue_starts()),
        (patterns._MEDIUM, runs.starts(patterns._MEDIUM_FIRST)),
        (patterns._MEMBERS, runs.starts(patterns._MEMBERS_FIRST)),
    ):
        expected = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groups()) for m in matches_at(pattern, text, starts)] == expected
        checked += len(expected)
    assert checked > 8_000


def test_rewritten_scans_match_as_the_patterns_they_replace():
    """An age's "\\b\\d{1,3}" with its first digit before the look-behind, the possessive
    owner's pattern used in a text without "&", the reported speaker tried only after a
    reporting verb, and lone surnames looked for where they are written: each gives the matches
    of the whole-text scan it replaces."""
    import re

    from events.analysis.actors import patterns
    from events.analysis.actors.names import _lone_words
    from events.analysis.actors.scan import LetterRuns, matches_at

    seed = (Path(__file__).resolve().parent.parent / "seeds").rglob("*")
    texts = [p.read_text(errors="replace") for p in sorted(seed) if p.is_file()]
    texts.append(
        "Ann 3-year-old Bob Li, 12-year-old Al Ko; x4-year-old Ed Wu _5-year-old Jo Ma "
        "é6-year-old Ka Lo 1234-year-old Jim Bo, 45, said. Acme's Energy unit, O'Neil's of "
        "Dublin, Bank 's Trust, McDonald's Corp, al-Qaeda's leader. said Jane Roe, when; "
        "Mr. Smith said, saidx Bo Ko, unsaid Al Gore, said\nJo Lee who. Roe and Li said, Lee"
    )
    old_aged = re.compile(patterns._AGED.pattern.replace(r"\d(?<!\w\d)\d{0,2}", r"\b\d{1,3}"))
    assert old_aged.pattern != patterns._AGED.pattern

    def spans(matches):
        return [(m.span(), m.groupdict()) for m in matches]

    for text in texts:
        text = text.replace("&", "and")
        assert spans(patterns._AGED.finditer(text)) == spans(old_aged.finditer(text))
        assert spans(patterns._POSSESSIVE_OWNER.finditer(text)) == spans(
            patterns._POSSESSIVE_ORG.finditer(text)
        )
        said = LetterRuns(text).starts(patterns._REPORTING_FIRST)
        assert spans(matches_at(patterns._SAID_NAME, text, said)) == spans(
            patterns._SAID_NAME.finditer(text)
        )
        words = set(re.findall(r"[A-Z][\w'’-]+", text)) - patterns._NOT_NAMES
        lone = [m for m in patterns._LONE_WORD.finditer(text) if m["word"] in words]
        assert spans(sorted(_lone_words(text, words), key=lambda m: m.start())) == spans(lone)


def test_name_patterns_tried_only_before_their_comma_or_verb_match_as_a_whole_text_scan():
    """The apposition, the lists, the name before a reporting verb and the possessive owner
    are tried only at the capitals a few runs of white space before a comma, "and", "or", the
    verb or "'s" (``scan.NameStarts``), an organization before a title and a name only at the
    capitals of the words before a title that its name may hold, the patterns that open with a
    comma at a comma: on the
    seed and on text built to stretch a name's white space, particles, initials and lists to
    their limits, each gives the matches of ``finditer`` over the whole text."""
    import random
    import re

    from events.analysis.actors import patterns
    from events.analysis.actors.finder import _Finding
    from events.analysis.actors.scan import matches_at

    seed = (Path(__file__).resolve().parent.parent / "seeds").rglob("*")
    texts = [p.read_text(errors="replace") for p in sorted(seed) if p.is_file()]
    pieces = [
        "Ana",
        "María",
        "de",
        "van",
        "J.",
        "H.W.",
        "JB",
        "O'Neil",
        "McDonald",
        "Jean-Pierre",
        "al-Hassan",
        "AT&T",
        "Inc.",
        "Corp",
        "Ltd.",
        "By",
        "the",
        "of",
        "for",
        "and",
        "or",
        ",",
        " ,",
        "said",
        "says",
        "told",
        "announced",
        "an",
        "economist",
        "at",
        "Acme",
        "Research",
        "chief",
        "executive",
        "who",
        "is",
        "\n",
        "\t",
        "  ",
        "(",
        "'s",
        "’s",
        "-",
        "said.",
        "Bank",
        "&",
        "Trust",
        "oil",
        "company",
        "a",
        " , the oil company ,",
        "analyst",
        "President",
        "Gov.",
        "spokesman",
        "Mayor",
        "on",
        "bin-Laden",
        "al-Qaeda",
    ]
    rng = random.Random(13)
    for _ in range(40):
        texts.append(" ".join(rng.choice(pieces) for _ in range(400)))
    texts.append(
        "Jean Pierre de La Fontaine van Damme, an economist at Acme, said. Ana Maria de Souza"
        " Lima , the chief of Acme Research. George H.W. Bush and JB Pritzker said. Ann Lee"
        " Mary Ann Bo Li Ed Wu Al Ko Jo Ma Ka Lo, Bob and Ted or Zed. Acme Big Oil Gas Power"
        " Rail Air Sea Land Corp , BP and Shell. Ana  de\n\tLima\n said. A rebel fighter ,"
        " Karim de Haddad Ali Bo , said. Arco, the oil company, said. Procter & Gamble 's unit"
    )
    # Words and white space longer than the window the words before a position are first
    # read in (the text's runs of white space are then indexed).
    texts.append(
        "Ana " + "x" * 450 + " Lee, an economist, said. Acme Big" + "O" * 450 + " Corp analyst "
        "Bob Lee and Ann, Ed. " + " " * 450 + "Jo Ma, a lawyer, said. Bank " + "Q" * 450 + " 's"
        " unit and Acme Group Holdings" + " Trust" * 90 + " chief executive Ann Lee said"
    )
    checked = 0
    for text in texts:
        finding = _Finding(text, date(2020, 1, 1))
        starts = finding.name_starts
        said = finding.letter_runs.starts(patterns._REPORTING_FIRST)
        apostrophes = [m.start() for m in re.finditer("['’]s", text)]
        titles = finding.letter_runs.starts(patterns._TITLED_PERSON_FIRST)
        org_part = patterns._ORG_RUN_PART
        name_gaps, caps_gaps = patterns._PERSON_NAME_GAPS + 1, patterns._CAPS_GAPS + 1
        for pattern, tried in (
            (patterns._APPOSITION, starts.before(finding.commas, name_gaps)),
            (patterns._NAME_SAID, starts.before(said, name_gaps)),
            (patterns._LIST, starts.before(finding.list_anchors, name_gaps)),
            (patterns._ORG_LIST, starts.before(finding.list_anchors, caps_gaps)),
            (patterns._POSSESSIVE_OWNER, starts.before(apostrophes, 1)),
            (patterns._POSSESSIVE_ORG, starts.before(apostrophes, patterns._POSSESSIVE_ORG_GAPS)),
            (patterns._ORG_ROLE_PERSON, starts.before_words(titles, org_part, text)),
            (patterns._THEN_CUE, finding.at_commas),
            (patterns._SET_OFF_SAID, finding.at_commas),
        ):
            expected = [(m.span(), m.groups()) for m in pattern.finditer(text)]
            assert [(m.span(), m.groups()) for m in matches_at(pattern, text, tried)] == expected
            checked += len(expected)
    assert checked > 500


# --- round of 2026-12-07 (held-out actor sets AX0, AX1) ------------------------------------


def test_a_capitalised_the_inside_a_run_opens_a_new_name():
    # A page's clock, a photo credit: the words before "The" are no part of the name.
    actors = found(
        "Monday , March 4 , 2024 ; 9:10 AM The Transport Ministry is reviewing the bid .\n"
        "Photograph : Ann Lee/AP The Harbor Authority said nothing .\n"
    )
    assert actors["Transport Ministry"][0] == "organization"
    assert actors["Harbor Authority"][0] == "organization"
    assert not any(name.startswith(("AM", "AP ")) for name in actors)
    assert actors["Associated Press"][0] == "organization"  # the photograph's credited agency
    # After a word that joins a name's parts, "The" is inside the name.
    actors = found("Officials at the Museum of The Moving Image said it would close .\n")
    assert actors["Museum of The Moving Image"][0] == "organization"


def test_a_list_with_a_known_organisation_and_acronyms_is_a_list_of_organisations():
    actors = found(
        "The Retail Council , Norvik , Tessaro , Baltic Freight , KLM , Harbor Foods and "
        "Alvora signed the pledge .\n"
    )
    for name in ("Norvik", "Tessaro", "Baltic Freight", "KLM", "Harbor Foods", "Alvora"):
        assert actors[name][0] == "organization", name
    # Two members, one of them capitals only: too short to say that the other is a company.
    actors = found("Kowalski and ACME outreach coordinator Dana Holt spoke .\n")
    assert actors.get("Kowalski", ("person",))[0] != "organization"


def test_a_word_that_is_never_an_actor_is_no_organisation_whatever_finds_it():
    # "PM" of a clock before "The company" (a medium's cue), "US" alone: never organizations.
    actors = found("Saturday , May 15 , 2010 ; 11:47 PM The company owns a plant in the US .\n")
    assert "PM" not in actors
    assert "US" not in actors
    # A credit rating's letters may be a body's name all the same.
    assert (
        found("Prices rose , according to motorist group AAA , which tracks them .\n")["AAA"][0]
        == "organization"
    )


def test_capitals_in_brackets_after_a_term_in_lower_case_abbreviate_the_term():
    actors = found(
        "The rig 's subsea pressure valve (SPV) failed . Engineers replaced the SPV on Tuesday .\n"
    )
    assert "SPV" not in actors
    # A source cited in brackets, a body described in lower case, an acronym inside a longer
    # aside: organizations.
    actors = found(
        "Troops retook the base (NYT). The national oil company (NOC) said output fell . "
        "Errors by Acme and others (MMS included) stacked the deck .\n"
    )
    for name in ("NYT", "NOC", "MMS"):
        assert actors[name][0] == "organization", name


def test_a_title_written_with_a_hyphen_is_the_same_title():
    actors = found(
        "Tomas Brill , a senior vice-president at Norvik , said the plant would reopen .\n"
    )
    assert actors["Tomas Brill"] == ("person", "senior vice-president")


# --- round of 2026-12-07, third session (held-out actor sets AY0, AY1) ----------------------


def test_a_titles_abbreviation_after_said_is_no_speaker():
    actors = found("It was a mistake, said Sen. Mara Lindqvist on Monday, and said Rep. Holm.")
    assert actors["Mara Lindqvist"][0] == "person"
    assert not {"Sen", "Rep"} & set(actors)


def test_a_country_and_a_portfolio_before_an_office_of_state_are_the_title():
    actors = found("He said US Energy Secretary Tomas Ek led the team, as did Kestrel Energy.")
    assert actors["Tomas Ek"] == ("person", "US Energy Secretary")
    assert "US Energy" not in actors
    assert actors["Kestrel Energy"][0] == "organization"


def test_a_place_before_an_owners_headquarters_is_where_they_are():
    actors = found(
        "He told his bosses at the Norvik Group 's Lisbon headquarters. "
        "Prosecutors searched Kestrel headquarters on Monday."
    )
    assert "Lisbon" not in actors
    assert actors["Norvik Group"][0] == actors["Kestrel"][0] == "organization"


def test_initials_written_together_inside_a_name():
    actors = found("The treaty was signed by President Tomas H.W. Ek in 1990, not by Anna Holm.")
    assert actors["Tomas H.W. Ek"] == ("person", "President")
    assert "Tomas" not in actors
    # One initial without its point, as British papers write it; "I" is a pronoun.
    actors = found("The co-chair, Maria K Lindqvist, said so on Monday. Naturally I Googled it.")
    assert actors == {"Maria K Lindqvist": ("person", "")}


def test_a_dateline_filed_from_two_places():
    text = "MADRID/GENEVA (Tannoch) - The health agency raised its alert on Monday."
    assert textlib.dateline(text) is not None
    assert found(text) == {"Tannoch": ("organization", "")}
    tokenised = "MADRID\\/GENEVA -LRB- Tannoch -RRB- - The agency raised its alert on Monday."
    assert found(tokenised) == {"Tannoch": ("organization", "")}


def test_a_list_right_after_a_plural_class_noun():
    actors = found(
        "The panel criticised its contractors Kestrel and Norvik , the banks Brevia , Tannoch "
        "and Ostrava Capital , and lawmakers Ana Lopez and Jane Roe on Monday."
    )
    for name in ("Kestrel", "Norvik", "Brevia", "Tannoch", "Ostrava Capital"):
        assert actors[name][0] == "organization", name
    assert actors["Ana Lopez"][0] == actors["Jane Roe"][0] == "person"
    # Any other plural is no class: "the ships Kestrel and Norvik" name no organization.
    assert found("The ships Kestrel and Norvik sailed on Monday.") == {}


def test_one_of_an_organizations_people_after_a_or_an():
    actors = found(
        "A Kestrel spokesman said on Monday that Norvik personnel had left. He said an Ostrava "
        "spokeswoman agreed, as did Brevia spokesman Tomas Ek."
    )
    for name in ("Kestrel", "Norvik", "Ostrava", "Brevia"):
        assert actors[name][0] == "organization", name
    # A portfolio's official, a person's spokesman, a nationality's: no organization.
    assert found("A Defense official and an Iraqi official met on Monday.") == {}
    assert "Lindqvist" not in found("Mara Lindqvist spoke. A Lindqvist spokesman said so.")


# --- the review of that round (a helper probed the rules with its own sentences) -------------


def test_an_agency_in_brackets_is_credited_only_after_a_datelines_place():
    assert found("The bill's author, Ana Lopez (Democrat) - a senator - spoke on Monday.") == {
        "Ana Lopez": ("person", "")
    }
    assert set(found("The US Coast Guard (USCG) - the lead agency - spoke on Monday.")) == {
        "US Coast Guard"
    }
    assert "Houston" not in found("We spoke to Acme Corp (Houston) - an oilfield firm.")
    # A line that opens with the agency, two agencies, an agency's name with a hyphen.
    assert set(found("(Tannoch) -- The port reopened on Monday.")) == {"Tannoch"}
    assert set(found("OSLO (Tannoch/Kestrel) - The port reopened on Monday.")) == {
        "Tannoch",
        "Kestrel",
    }
    assert set(found("PARIS (Agence Tannoch-Presse) - The port reopened.")) == {
        "Agence Tannoch-Presse"
    }


def test_a_credits_last_name_leaves_the_story_its_first_words():
    actors = found(
        "Photograph: Ana Lopez/XQP Coast Guard officials said the leak slowed on Monday .\n"
        "Photo: XQP/Jane Roe Energy Secretary Tomas Ek said so on Monday .\n"
        "Photograph: Anna Holm/XQP Photo The slick grew on Monday ."
    )
    assert actors["XQP"][0] == "organization"
    assert not {"XQP Coast Guard", "Jane Roe Energy", "XQP Photo"} & set(actors)
    actors = found("The rig burned. (XQP Photo/The Tannoch Courier, Anna Holm) It sank.")
    assert actors["Tannoch Courier"][0] == "organization"
    assert actors["Anna Holm"][0] == "person"


def test_what_the_rounds_rules_leave_alone():
    assert found("Kestrel Steel President Tomas Ek said the mill would close.")[
        "Kestrel Steel"
    ] == ("organization", "")
    assert found("US Steel President John Surma said the mill would close.")["US Steel"][0] == (
        "organization"
    )
    assert "Prof" not in found("It was wrong, said Prof. Jane Roe on Monday.")
    assert set(found("Tony Hayward A Scapegoat, Says Ana Lopez")) == {"Tony Hayward", "Ana Lopez"}
    assert found("The ethnic groups Hutu and Tutsi clashed again on Monday.") == {}
    assert found("The suit was filed by a Houston lawyer and an Anglican spokesman.") == {}
    assert (
        found("Protesters gathered outside the Lisbon headquarters of Kestrel.").get("Lisbon")
        is None
    )
    assert "Donald K Sundquist" in found("Former Governor Donald K Sundquist said so.")


def test_a_photographer_named_only_in_a_credit_takes_no_surname_of_the_story():
    text = "The rig burned. (XQP Photo/Anna Holm)\nGovernor Holm said on Tuesday it would sue."
    analysis = analyze_document(text, DAY)
    sued = [event for event in analysis.events if "sue" in event.summary]
    assert [(actor.name, actor.title) for actor in sued[0].actors] == [("Holm", "Governor")]
    # Named in the story too, the photographer is the one its surname refers to.
    actors, _ = actors_of("Anna Holm took the photo on Monday. Holm said it was bad.")
    assert set(actors) == {"Anna Holm"}


def test_a_state_that_speaks_is_a_place_and_a_titled_person_in_a_list_a_person():
    # A place stands for its government; the guidelines count neither as an actor.
    assert found("The firm asked the state of Oregon, and Oregon said it could drill.") == {}
    listed = found("A Republican Congress and President Corvin made it the law in 1990.")
    assert listed.get("Corvin") == ("person", "President")
    assert "President Corvin" not in listed


def test_an_employer_after_a_role_with_its_field():
    """ "head of commodity markets strategy at <Org>", "the manager of
    policy research at <Org>": the role's employer, whole, and its person."""
    found_ = found(
        "'' Prices are high , '' said Ana Lopez , head of commodity markets strategy at"
        " Marrow Paribas in Paris ."
    )
    assert found_["Marrow Paribas"][0] == "organization"
    assert found("Dana Eyre is the manager of policy research at Civic Solutions .")[
        "Civic Solutions"
    ][0] == ("organization")
    # One employer when a role and its field name it, "and" and all.
    employer = found(
        "said Jon Roe , a professor of mining engineering at Ozark University of"
        " Science and Technology ."
    )
    assert "Ozark University of Science and Technology" in employer
    # Not a place, not a compound adjective, not a field with an article.
    assert set(found("said Jon Roe , head of research at Vienna-based consultants QBX .")) <= {
        "Jon Roe",
        "QBX",
    }
    assert "Sirte" not in found("The commanders of the forces at Sirte were told to wait .")
    assert "Paris" not in found("Ana Lopez , a professor at Paris , said so .")


def test_a_laboratory_is_an_organization_and_one_of_a_groups_people_is_a_person():
    assert found("Jon Roe is the director of the Harlow Lab of Ornithology .")[
        "Harlow Lab of Ornithology"
    ][0] == ("organization")
    # "a researcher at the group" is one of the group's people, not the group's name.
    assert found("Nadia Kalif , a researcher at the group , said on Monday it was wrong .")[
        "Nadia Kalif"
    ][0] == ("person")
    assert found("Arco , the oil company , said on Monday it would sue .")["Arco"][0] == (
        "organization"
    )
    assert "Vauxhall" in found("Vauxhall , a unit of the group , said it would cut 900 jobs .")


def test_a_bylines_staff_is_its_organization_and_a_seat_of_government_an_organization():
    assert found("By the QNN Wire Staff\nThe talks went on Monday .").get("QNN") == (
        "organization",
        "",
    )
    assert "Joint Chiefs of Staff" in found("The Joint Chiefs of Staff met on Monday .")
    assert "General Staff" in found("Ivan Roe , deputy chief of the General Staff , said so .")
    assert found("Downing Street said on Monday that the talks would go on .") == {
        "Downing Street": ("organization", "")
    }
    assert "Kremlin" in found("The Kremlin said on Monday that the talks would go on .")


def test_a_news_agency_is_one_actor_by_its_initials_and_its_name():
    """ "(AP)" in one story and "the Associated Press" in another are one agency."""
    assert found("HOUSTON (AP) - The leak grew on Monday .") == {
        "Associated Press": ("organization", "")
    }
    assert "Agence France-Presse" in found("PARIS (AFP) - The talks failed on Monday .")


def test_the_owner_of_a_title_before_a_name_is_an_organization_unless_a_person():
    """ "Kestrel 's chief executive Tony Hayward" (the possessive apart, as tokenized text
    writes it): Kestrel is the company; not when a person of the text is called so."""
    actors = found("Kestrel 's chief executive Tony Hayward said on Monday it was fine .")
    assert actors["Kestrel"][0] == "organization"
    assert actors["Tony Hayward"] == ("person", "chief executive")
    actors = found("Tony Hayward met on Monday . Hayward 's spokesman Ana Lopez said it was fine .")
    assert set(actors) == {"Tony Hayward", "Ana Lopez"}
    # A person has a spokesman, a lawyer, an adviser; only a company's title says a company.
    assert "Sarkozy" not in found("Sarkozy 's adviser Henri Guaino said on Monday it was fine .")
    assert "Chelsea" in found("Chelsea's manager Carlo Ancelotti said on Monday it was fine .")
    assert "Alaska" not in found("The oil reached Alaska 's Prince William Sound on Monday .")
    assert "William Sound" not in found("The oil reached Alaska 's Prince William Sound .")


def test_a_single_name_that_acts_as_organizations_do_is_one_unless_a_person():
    """ "Exxon operated its own boats", "Norvane has acquired the firm": one name, no person of
    the document called so, that owns, operates, acquires... is an organization."""
    text = "The spill was the worst for Exxon .\nExxon operated its own boats , said Ana Lopez ."
    assert found(text)["Exxon"][0] == "organization"
    assert found("Tests were run by Norvane . Norvane has acquired the firm .")["Norvane"][0] == (
        "organization"
    )
    # A person of the document called so; the end of a longer name; a sentence's first word
    # written nowhere else; a nationality.
    assert set(found("Tom Norvane spoke . Norvane has acquired the firm .")) == {"Tom Norvane"}
    assert "Pacific" not in found("A spokeswoman for Cathay Pacific operated the desk .")
    assert found("Remotely operated vehicles found the leak .") == {}
    assert found("The talks failed , and the British owned the field .") == {}
    # People and markets agree, deny and decline too.
    assert found("On Tuesday , Putin denied the claims .") == {}
    assert found("Traders said Sterling declined against the euro .") == {}


def test_whose_spokesman_names_an_organization_unless_a_person_or_a_title():
    assert found("A spokesman for QX , which is working on the leak , told reporters .") == {
        "QX": ("organization", "")
    }
    assert found("A spokesman for Pfizer declined to comment .") == {"Pfizer": ("organization", "")}
    assert "Coast Guard" in found("A spokeswoman for the Coast Guard said it was fine .")
    assert set(found("A spokesman for Sen. Jane Roe said it was fine .")) == {"Jane Roe"}
    assert set(found("Tony Hayward spoke . A spokesman for Hayward declined .")) == {"Tony Hayward"}


def test_a_market_reports_companies_are_named_by_their_stocks_moves():
    actors = found(
        "Oil shares led the market , while Norvik gained 3.2 percent and Kelmar rose nearly "
        "2 percent . Elsewhere the Dow fell 1 percent ."
    )
    assert actors["Norvik"][0] == "organization"
    assert actors["Kelmar"][0] == "organization"
    assert "Dow" not in actors  # "the Dow": an index
    # A common word or a place that moves is no company.
    assert not found("Unemployment rose 2 percent in March, and exports fell 3 percent.")


def test_a_months_name_after_a_given_name_is_a_surname():
    actors = found(
        '"We are looking into it," said ministry spokeswoman Hannah August . '
        "Ruth May met her on Tuesday August 5 ."
    )
    assert actors["Hannah August"] == ("person", "spokeswoman")
    assert "Ruth May" in actors and "Hannah" not in actors


def test_a_parent_body_before_an_organizations_name_is_one_organization():
    actors, _ = actors_of(
        "The United Nations Security Council voted on Monday. Members of the UN Security "
        "Council met again, and the Security Council's powers were debated."
    )
    council = actors["United Nations Security Council"]
    assert {"UN Security Council", "Security Council"} <= council.aliases
    assert set(actors) == {"United Nations Security Council"}
    # A country's council is another one; a name after the parent's is no body of it.
    text = "The Freedonian Security Council met. Members of the UN Security Council met."
    assert set(found(text)) == {"Freedonian Security Council", "UN Security Council"}
    actors, _ = actors_of("United Nations envoy Ana Lopez spoke on Monday.")
    assert actors["Ana Lopez"].kind == "person"
    assert all("Ana Lopez" not in actor.aliases for actor in actors.values())


def test_a_possessive_inside_an_organizations_name_and_an_owners_before_it():
    # A possessive inside the name stays, also after a place's possessive.
    assert "Lord 's Resistance Army" in found(
        "Trials of Freedonia 's Lord 's Resistance Army worry him , he said ."
    )
    assert "Kasper's Relief Fund" in found("Donations to Kasper's Relief Fund rose, he said.")
    # A person the story names in full owns the organization after the possessive.
    actors = found(
        "Jacob Ndlovu spoke on Monday. Voters rallied behind Ndlovu's National Unity Party on "
        "Tuesday, officials said."
    )
    assert "National Unity Party" in actors and "Jacob Ndlovu" in actors
    assert "Ndlovu's National Unity Party" not in actors


def test_a_photographs_credit_to_an_agency_alone_names_the_agency():
    text = "The blast killed 11 people . \nPhotograph : AP Norvik admitted on Monday it erred ."
    assert found(text).get("Associated Press", ("",))[0] == "organization"
    assert "Associated Press" not in found("Photograph: a new exhibition opens on Monday.")


def test_an_endowment_and_a_forum_head_organizations_names():
    actors = found(
        '"It is over," said Jane Roe of the Harlan Endowment for International Peace. '
        "The Coastal Economic Forum opened on Monday."
    )
    assert actors["Harlan Endowment for International Peace"][0] == "organization"
    assert actors["Coastal Economic Forum"][0] == "organization"


def test_a_consultancy_and_a_think_tank_introduce_organizations():
    actors = found(
        '"It is over," said Tom Barr, chief analyst of political risk consultancy Norvista. '
        "Jane Roe of the think tank Harlow House agreed."
    )
    for name in ("Norvista", "Harlow House"):
        assert actors[name][0] == "organization", name
    # A name that opens with such a word keeps it ("Charity Commission": no cue there).
    assert "Charity Commission" in found("Charity Commission investigators visited on Monday.")


def test_numbered_groups_newspapers_named_by_their_day_and_speaking_plurals():
    actors, _ = actors_of(
        "Leaders of the Group of 20 met on Monday. G20 sources said the text was agreed. "
        "The G-8 summit opened too, and a G5 jet landed."
    )
    assert set(actors) == {"Group of 20", "Group of Eight"}
    assert "G20" in actors["Group of 20"].aliases
    assert found("The deal was off , the Sunday Times reported .") == {
        "Sunday Times": ("organization", "")
    }
    assert "Sunday Post" not in found("On Sunday Post office workers walked out.")
    # A plural for people opening a sentence speaks as a group, not as an organization.
    assert not found("Forecasters said the oil would reach the coast by Friday.")
    assert found("Norvik said on Monday the plant would close.") == {"Norvik": ("organization", "")}


def test_a_whip_is_a_title_and_a_stake_an_organizations():
    actors = found("House Minority Whip Ed Carter said on Monday the bill failed.")
    assert actors == {"Ed Carter": ("person", "House Minority Whip")}
    assert found("Kelmar sold a Petrovia stake last year.")["Petrovia"][0] == "organization"


def test_a_body_whose_name_ends_in_law_is_an_organization_not_a_law():
    actors = found(
        "She is a vice president of the Coastal Society of International Law and studied at "
        "Harlow School of Law; she cited the Freedom of Access to Harbours Act ."
    )
    assert actors["Coastal Society of International Law"][0] == "organization"
    assert actors["Harlow School of Law"][0] == "organization"
    assert not any("Act" in name for name in actors)


def test_the_review_s_cases_of_the_seventh_session():
    """Each rule of the session against the names it must leave alone (a review's probes)."""
    # A parent body identifies its own organs only, never another body's.
    assert actor_key("EU Military Committee", "organization") != actor_key(
        "NATO Military Committee", "organization"
    )
    assert actor_key("EU Chamber of Commerce", "organization") != actor_key(
        "US Chamber of Commerce", "organization"
    )
    assert actor_key("UN Security Council", "organization") == actor_key(
        "United Nations Security Council", "organization"
    )
    names = set(found("The US Chamber of Commerce said so. The EU Chamber of Commerce agreed."))
    assert names == {"US Chamber of Commerce", "EU Chamber of Commerce"}
    # A numbered group only as the forums' names.
    assert "Volkswagen Group" in found("The Volkswagen Group of 12 brands sold more cars.")
    assert not found("Troops carried G36 rifles and the LG G8 phone sold well.")
    # What a figure counts is no company; nor a market's city.
    assert not found("Prescriptions for Ozempra rose 40 percent, while Lisbon slipped 1 percent.")
    # Laws stay laws; only a body that studies law is one.
    assert not found("She cited the Bank of Varnia Act and the Bank of Israel Law .")
    # A weekday before a paper's word that goes on is no paper.
    assert "Sunday Times Square" not in found("Sunday Times Square was packed , police said .")
    # A company whose name is a plural noun still speaks.
    assert found("Travelers said on Tuesday its quarterly profit rose.") == {
        "Travelers": ("organization", "")
    }
    # The story's name run into an agency's credit is found too.
    assert set(found("Photo: Reuters Norvik Holdings said on Monday it would cut jobs.")) == {
        "Reuters",
        "Norvik Holdings",
    }
    # An owner's possessive before an organization with one of its own.
    assert "Lord's Resistance Army" in found("Trials of Uganda's Lord's Resistance Army worry him.")


def test_a_single_name_that_named_no_one_names_the_actor_a_later_mention_makes_of_it():
    # The first "Zanco" names no one yet; "which Zanco operated" makes it an organization,
    # and the mention after that names it (what a short reference names is looked up again
    # once the registry has changed, not remembered from the first).
    text = (
        "Officials met with Zanco on Friday. The plant, which Zanco operated, was closed. "
        "Shares of Zanco rose."
    )
    actors, mentions, _ = find_actors(text, date(2025, 8, 30), [])
    assert [(actor.name, actor.kind) for actor in actors] == [("Zanco", "organization")]
    assert [mention.start for mention in mentions] == [
        text.index("Zanco operated"),
        text.rindex("Zanco"),
    ]


def test_a_list_with_a_company_named_by_its_initials_is_a_list_of_companies():
    # The initials are known only once the acronyms are read: the list is read again then.
    actors = found("Investigators questioned executives from NVK, Kelmar and Drayton on Monday.")
    assert {name: kind for name, (kind, _) in actors.items()} == {
        "NVK": "organization",
        "Kelmar": "organization",
        "Drayton": "organization",
    }
    # Not one kind: a person of the document is among them.
    actors = found("Tom Harlan said so. He said NVK, Harlan and Kelmar failed.")
    assert "Harlan" not in actors and "Kelmar" not in actors
    # Common words and two capitals the document does not know are no companies.
    assert set(found("NVK said Oil, Gas and Chemical companies lost. NVK, Gas and Kelmar.")) >= {
        "NVK"
    }
    assert "Gas" not in found("NVK said gas prices rose; NVK, Gas and Kelmar fell.")
    assert not {"MS", "AL", "TX"} & set(found("NVK said states like MS , AL , TX and FLA lost."))
    # An acronym before another capitalized word starts a longer name.
    assert "NVK" not in found("Shippers including Norvik, Kelmar-Lloyd and NVK RGM lost money.")
    # Two names joined after a body's head are the end of its name.
    assert "Wildlife" not in found("She chairs the Committee on Water and Wildlife .")


def test_an_arabic_surname_is_echoed_without_its_article():
    actors = found(
        "The court freed Nabil al-Harani in 2009. Harani was the only man convicted. "
        "The jury heard that Harani lied."
    )
    assert actors == {"Nabil al-Harani": ("person", "")}


def test_who_owns_a_company_s_head_is_a_company():
    assert found("Last year, Brantec 's CEO agreed in a debate that a tax was needed.") == {
        "Brantec": ("organization", "")
    }
    assert found("Last year, Brantec's chairman resigned.") == {"Brantec": ("organization", "")}
    # A person has a chief of staff; a named person's surname stays the person's.
    assert not found("Later, Smith's chief of staff said no.")
    assert set(found("Mayor Ann Harlan spoke. Later, Harlan 's chief executive left.")) == {
        "Ann Harlan"
    }


def test_a_spokesman_named_after_a_person_s_surname_is_that_person_s():
    actors = found(
        "Senator Paula Ostrander said the bill would fail. Ostrander spokesman Luke Perrin "
        "said on Monday that she would vote against it."
    )
    assert {name: kind for name, (kind, _) in actors.items()} == {
        "Paula Ostrander": "person",
        "Luke Perrin": "person",
    }
    assert found("Kelmar spokesman Luke Perrin said on Monday it would appeal.")["Kelmar"] == (
        "organization",
        "",
    )


def test_who_took_a_poll_is_an_organization():
    actors, _ = actors_of(
        "A Halvorsen Reports poll released on Monday showed the mayor ahead. A recent Halvorsen "
        "poll showed him behind; the latest Brantec poll agreed."
    )
    assert set(actors) == {"Halvorsen Reports", "Brantec"}
    # A state's, a party's or a person's poll names no pollster.
    assert not found("A Florida poll showed him ahead. A Republican poll said so.")
    assert all(
        kind != "organization" for kind, _ in found("The Ann Harlan poll was wrong.").values()
    )


def test_the_gop_is_the_republican_party():
    actors, _ = actors_of("The GOP said on Monday that it would vote no.")
    assert set(actors) == {"Republican Party"}
    assert "GOP" in actors["Republican Party"].aliases


def test_a_body_named_for_its_aim_and_an_unnamed_agency_photograph():
    assert found("According to the Committee to Protect Fishermen , 14 boats were seized.") == {
        "Committee to Protect Fishermen": ("organization", "")
    }
    # "to" after any other word opens a headline's verb.
    assert "Norvik to Close Harlow Plant" not in found("Norvik to Close Harlow Plant, it said.")
    assert found("Workers wait in Varnia on Monday. -LRB- AP Photo -RRB- The ferry sank.") == {
        "Associated Press": ("organization", "")
    }


def test_a_cued_name_ending_its_sentence_and_a_verb_after_a_name():
    actors = found("said Seb Dale, head of research at fund management firm , Kelmar Investors .")
    assert actors["Kelmar Investors"][0] == "organization"
    # A question's verb run into a byline's outlet is no part of its name.
    actors = found("By Ann Dale Business reporter , WNN News Is investing in oil a good idea ?")
    assert "WNN News" in actors and "WNN News Is" not in actors


def test_the_cases_of_a_second_development_set():
    # A web page runs its headline's last words into the dateline: the initials before a
    # double dash are still the agency's.
    assert found("Some fear a long war , an analyst says -LRB- WNN -RRB- -- It was to be short .")[
        "WNN"
    ] == ("organization", "")
    # A field of study after an academic's role is no body.
    assert set(
        found("said Tom Dale , a lecturer in Comparative and International Politics at Harlow .")
    ) == {"Tom Dale"}
    # An apostrophe inside a transliterated name keeps the name whole.
    assert found("Deputy Minister Khalid Ra'ouf offered a similar view .") == {
        "Khalid Ra'ouf": ("person", "Deputy Minister")
    }
    # A place shouted in capitals makes no list of organizations.
    assert "Quater" not in found(
        "The UN and AFRICA failed . It shamed Africa and Quater , Varnia ."
    )


def test_the_review_s_cases_of_the_eighth_session():
    """Each rule of the session against the names it must leave alone (a review's probes)."""
    # A sentence's opening phrase ends at its comma: its name is no member of a list.
    assert "London" not in found("In London , NVK and Kelmar shares fell .")
    assert set(found("Asked by WNN , Smith and Jones declined to comment .")) == {"WNN"}
    # "chief" makes a company only before a company's office.
    assert not found("He met Harlan 's chief adviser in Varnia on Monday .")
    assert found("Later , Kelmar 's chief economist said so .") == {"Kelmar": ("organization", "")}
    # A person or a place in apposition after a cue is no organization.
    assert found("The deal was signed by the head of the group , Tom Harlan .") == {
        "Tom Harlan": ("person", "")
    }
    assert not found("Talks were led by the regulator , France .")
    # A poll's month, weekday or holiday is when it was taken; two pollsters are two.
    assert not found("The June poll and a Christmas poll showed the mayor ahead .")
    assert set(found("Later , the Gallup and Pew polls agreed .")) == {"Gallup", "Pew"}
    # "to" joins a body's name only before its aim; a headline's verb is none.
    assert set(found("Harlow Committee to Vote on Plan")) == {"Harlow Committee"}
    assert set(found("Senate Committee to Hold Hearing on Spill")) == {"Senate Committee"}
    # A credit that names no agency credits nobody.
    assert not found("Workers rallied . (Staff Photo) The pier closed .")
    # A question's auxiliary cut from a headline leaves no person.
    assert not found("Was Harlan Right About the Economy ?")


def test_the_cases_of_a_third_development_set():
    # A sub-contractor is a contractor.
    assert found("BP rejected advice of a sub-contractor , Kelmar , on the job .")["Kelmar"] == (
        "organization",
        "",
    )
    # A one-word name that speaks is the short form of the one organization the document
    # names in full with it.
    actors, _ = actors_of(
        "The suit names Brantec Petroleum Corp and NVK . Later , Brantec said it was not "
        "responsible ."
    )
    assert set(actors) == {"Brantec Petroleum Corp", "NVK"}
    # A web page's pull quote ends with its speaker and the speaker's body, up to the next
    # speaker; a reader's place is no surname.
    assert found(
        "Start Quote The birds are dying End Quote Ann Dale National Harbour Society The spill "
        "spread on Monday ."
    ) == {"Ann Dale": ("person", ""), "National Harbour Society": ("organization", "")}
    assert set(
        found("It spread '' End Quote Tom Marr Harlow University Dr Ann Dale of Kelmar College .")
    ) == {"Tom Marr", "Harlow University", "Ann Dale", "Kelmar College"}
    assert not found("I do not care '' End Quote Ann Ohio , USA He added : no .")
    # A rank abbreviated without its full stop is a title.
    assert set(found("Gen Keith Alder said so .")) == {"Keith Alder"}
    # Two capitals used twice are a company's after "by" or before a verb it does.
    assert found(
        "The rig was operated by KP , which blew up . Unless KP succeeds , oil flows ."
    ) == {"KP": ("organization", "")}


def test_a_story_s_role_before_a_full_name_is_a_title():
    assert found("The war crimes suspect Rana Voss was seized on Monday .") == {
        "Rana Voss": ("person", "suspect")
    }
    assert set(found("Patient Hana Dale sits with her arm bandaged .")) == {"Hana Dale"}
    # Before one capitalized word, or inside a name, it names no one.
    assert not found("Later , a student Union meeting was held .")
    assert set(found("Later , WNN Student News said so .")) == {"WNN Student News"}


def test_a_department_s_two_portfolios_and_a_body_s_headquarters():
    # A role's employer may be a list ("an analyst at Bank of Varnia and Kelmar"), but a
    # department's portfolio of two is one name.
    assert set(
        found(
            "said Vince Dale , biologist manager with the Harlow Department of Parks and Wildlife ."
        )
    ) == {"Vince Dale", "Harlow Department of Parks and Wildlife"}
    assert set(found("said Tom Dale , an analyst at Bank of Varnia and Kelmar .")) == {
        "Tom Dale",
        "Bank of Varnia",
        "Kelmar",
    }
    # A body's headquarters is its building, named by the body.
    assert set(found("Guards stood outside the Harlow Call Society Headquarters on Monday .")) == {
        "Harlow Call Society"
    }


def test_a_party_inside_a_run_and_a_wire_slug():
    # A party before a full name ends what comes before it ("Detroit Democrat ...").
    assert found("Among its supporters is Harlow Democrat Tom Kessel -- a liberal .") == {
        "Tom Kessel": ("person", "")
    }
    # A wire slug is no body.
    assert not found("WRAPUP 1-Rebels advance on the capital")


def test_an_honorific_of_office_a_two_word_portfolio_and_a_nationality_before_an_employer():
    assert found("Later , The Honorable Janet Dale said so .") == {"Janet Dale": ("person", "")}
    assert set(
        found("Officials at the Department of Parks and Natural Resources admit little is known .")
    ) == {"Department of Parks and Natural Resources"}
    assert set(found("said Tom Dale , senior fellow at German think-tank Kelmar-Harlow .")) == {
        "Tom Dale",
        "Kelmar-Harlow",
    }


def test_a_portfolio_before_a_full_name_makes_no_organization():
    assert found("said Secretary of State for Energy Ann Dale on Monday .") == {
        "Ann Dale": ("person", "")
    }


def test_the_second_review_s_cases_of_the_eighth_session():
    """The second batch of the session's rules against a review's probes."""
    # Two capitals after a determiner are a role; after "by", a company only ending the phrase.
    assert not found("The DA has charged him . The VP was angry . Your GP can help .")
    assert not found("He was stopped by NZ police on Monday .")
    # A story's role before a group's name, a thing or a time names no person.
    assert not found("The militant Ansar Varnia sect attacked . A suspect Tuesday Night was held .")
    assert "Harbour Aid" not in {
        name
        for name, (kind, _) in found("A volunteer Harbour Aid worker died .").items()
        if kind == "person"
    }
    # A one-word name is no short form of an institution named after it, and of two
    # companies it is neither's.
    assert set(found("Harlow University hired him . Later , Harlow said it would help .")) == {
        "Harlow University",
        "Harlow",
    }
    # Two employers after a department stay two, unless both are portfolios.
    assert set(
        found("said Tom Dale , an analyst at the Department of Energy and Kelmar Corp .")
    ) == {
        "Tom Dale",
        "Department of Energy",
        "Kelmar Corp",
    }
    # A pull quote's speaker may have an honorific; a body's words after one name no person.
    assert found("It spread '' End Quote Dr Ann Dale Norvik University The spill spread .") == {
        "Ann Dale": ("person", ""),
        "Norvik University": ("organization", ""),
    }
    assert set(found("It is bad '' End Quote Harbour Rights Watch report The spill spread .")) == {
        "Harbour Rights Watch"
    }
    # A given name ending in "-ian" inside a full name is no nationality.
    assert set(found("Jorge Adrian Mario Gonzalez said so .")) == {"Jorge Adrian Mario Gonzalez"}


def test_a_body_s_head_in_lower_case_after_its_name():
    # As British papers write it; after "a" only as one of its people or its work.
    assert found("She was taken to Harlow Park hospital on Monday .") == {
        "Harlow Park hospital": ("organization", "")
    }
    assert found("The Arab league met . The Kelmar People of Freedom party won .") == {
        "Arab league": ("organization", ""),
        "Kelmar People of Freedom party": ("organization", ""),
    }
    # A chamber's or a portfolio's is described, not named; "a Harlow hospital" is one of a
    # kind; a place's or a nation's is no name.
    assert not found("Later , the House committee and the Health ministry met .")
    assert not found("He was flown to a Harlow hospital . The Libyan ministry said so .")
