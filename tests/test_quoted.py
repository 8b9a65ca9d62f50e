"""Dates in quoted words (events.analysis.quoted), resolved against the day the words were said,
by every language's tagger. Every sentence here is written for these tests."""

from datetime import date

from events.analysis.languages import extract_temporal_expressions

ARTICLE = date(2025, 3, 20)  # a Thursday


def values(text: str, language: str = "en") -> dict[str, str]:
    return {e.text: e.value for e in extract_temporal_expressions(text, ARTICLE, language)}


def test_a_relative_date_in_quoted_words_is_relative_to_the_day_they_were_said():
    text = '"We will decide on Friday," the mayor wrote in an e-mail dated March 3.'
    got = values(text)
    assert got["March 3"] == "2025-03-03"
    assert got["Friday"] == "2025-03-07"  # the Friday after March 3, not after the article


def test_quoted_words_said_on_the_articles_day_or_no_day_are_left_alone():
    assert values('"We will decide on Friday," the mayor said.')["Friday"] == "2025-03-21"
    text = '"We will decide on Friday," the mayor said on Thursday.'
    assert values(text)["Friday"] == "2025-03-21"  # Thursday is the article's day


def test_a_date_outside_the_quotation_stays_as_written():
    text = 'On March 3 the mayor wrote: "The vote is tomorrow." Officials agreed.'
    got = values(text)
    assert got["March 3"] == "2025-03-03" and got["tomorrow"] == "2025-03-04"


def test_every_language_resolves_its_quotations_so():
    text = "«Decidiremos el viernes», escribió el alcalde el 3 de marzo."
    got = values(text, "es")
    assert got["el 3 de marzo"] == "2025-03-03"
    assert got["el viernes"] == "2025-03-07"
