"""The rules-as-data tagger: every rule's own examples, and the conventions of its stages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from events.analysis.timex import (
    ResourceError,
    extract,
    languages_with_rules,
    load_language,
    resources,
)
from events.analysis.timex.resources import Rule
from events.analysis.types import Precision, Resolution, TimexType


def _examples() -> list[tuple[str, Rule, int]]:
    return [
        (code, rule, index)
        for code in languages_with_rules()
        for rule in load_language(code).rules
        for index in range(len(rule.examples))
    ]


@pytest.mark.parametrize(
    ("code", "rule", "index"),
    _examples(),
    ids=lambda p: p.name if isinstance(p, Rule) else str(p),
)
def test_rule_example(code: str, rule: Rule, index: int) -> None:
    """Each ``ex:`` line of a language's rules.txt: the sentence yields that text and value."""
    example = rule.examples[index]
    found = [(t.text, t.value) for t in extract(example.sentence, example.document_date, code)]
    assert (example.text, example.value) in found


def test_every_rule_has_an_example() -> None:
    for code in languages_with_rules():
        assert all(rule.examples for rule in load_language(code).rules), code


def test_spanish_is_supported() -> None:
    assert "es" in languages_with_rules()


def test_unknown_language_is_named() -> None:
    with pytest.raises(ResourceError, match="'xx'"):
        load_language("xx")


def test_offsets_index_the_text() -> None:
    text = "El 5 de mayo de 2003, tres días antes de la votación, dimitió el ministro."
    found = extract(text, date(2004, 6, 1), "es")
    assert [t.text for t in found] == ["El 5 de mayo de 2003", "tres días"]
    assert all(text[t.start : t.end] == t.text for t in found)


def test_explicit_date_carries_an_interval() -> None:
    (t,) = extract("Se firmó en marzo de 2001.", date(2004, 6, 1), "es")
    assert t.type == TimexType.DATE
    assert (t.earliest, t.latest, t.precision) == (
        date(2001, 3, 1),
        date(2001, 3, 31),
        Precision.MONTH,
    )
    assert t.resolution == Resolution.EXPLICIT


def test_relative_date_is_marked_relative() -> None:
    (t,) = extract("Ayer dimitió.", date(2004, 6, 1), "es")
    assert t.resolution == Resolution.RELATIVE
    assert t.earliest == date(2004, 5, 31)


def test_weekday_takes_the_tense_of_its_own_verb() -> None:
    """The past tense of the verb next to the weekday governs it, not a later future."""
    text = "El ministro anunció el jueves que votará la ley."
    (t,) = extract(text, date(2004, 6, 1), "es")  # a Tuesday
    assert t.value == "2004-05-27"


def test_weekday_without_tense_is_the_nearest() -> None:
    (t,) = extract("Huelga general el jueves", date(2004, 6, 1), "es")
    assert t.value == "2004-06-03"


def test_quoted_speech_has_its_own_tense() -> None:
    """A future inside quotes governs the weekday there, not the past verb that reports it."""
    text = "El ministro dijo: «La ley se aprobará el jueves»."
    (t,) = extract(text, date(2004, 6, 1), "es")
    assert t.value == "2004-06-03"


def test_day_of_month_follows_the_narrative() -> None:
    text = "El 2 de febrero llegó la carta. El día 9 respondió el juez."
    found = extract(text, date(2004, 6, 1), "es")
    assert [t.value for t in found] == ["2004-02-02", "2004-02-09"]


def test_quote_does_not_move_the_narrative_anchor() -> None:
    text = "«Nos vimos el 2 de febrero», recordó. Al día siguiente votaron."
    found = extract(text, date(2004, 6, 1), "es")
    assert found[-1].value == "2004-06-02"


def test_duration_in_hours_is_a_time_duration() -> None:
    (t,) = extract("La reunión duró dos horas.", date(2004, 6, 1), "es")
    assert (t.type, t.value, t.earliest) == (TimexType.DURATION, "PT2H", None)


def test_numbers_that_are_not_years_are_not_dates() -> None:
    assert extract("Acudieron 350 personas y 12 policías.", date(2004, 6, 1), "es") == []


# Absolute dates and weekdays in a language with no resources of its own but two lines of
# rules: dateparser's month and weekday names do the rest.
_DAY_MONTH_YEAR = {
    "fr": "day_month_year: {day}\\.? {month} {year} => DATE {year}-{month}-{day}",
    "es": "day_month_year: {day} de {month} de {year} => DATE {year}-{month}-{day}",
}
_WEEKDAY = "weekday: {weekday} => DATE WD{weekday}"


@pytest.mark.parametrize(
    ("code", "like", "sentence", "text", "value"),
    [
        ("it", "fr", "Il trattato fu firmato il 5 maggio 1998.", "5 maggio 1998", "1998-05-05"),
        ("nl", "fr", "Het verdrag is op 5 mei 1998 getekend.", "5 mei 1998", "1998-05-05"),
        ("ro", "fr", "Tratatul a fost semnat pe 5 mai 1998.", "5 mai 1998", "1998-05-05"),
        (
            "pt",
            "es",
            "O tratado foi assinado em 5 de maio de 1998.",
            "5 de maio de 1998",
            "1998-05-05",
        ),
        (
            "ca",
            "es",
            "El tractat es va signar el 5 de maig de 1998.",
            "5 de maig de 1998",
            "1998-05-05",
        ),
        (
            "de",
            "fr",
            "Der Vertrag wurde am 5. Mai 1998 unterzeichnet.",
            "5. Mai 1998",
            "1998-05-05",
        ),
        ("sv", "fr", "Fördraget undertecknades den 5 maj 1998.", "5 maj 1998", "1998-05-05"),
        ("pl", "fr", "Traktat podpisano 5 maja 1998 w Lizbonie.", "5 maja 1998", "1998-05-05"),
        ("tr", "fr", "Antlaşma 5 Mayıs 1998 tarihinde imzalandı.", "5 Mayıs 1998", "1998-05-05"),
        ("it", "fr", "Il vertice si tiene giovedì a Roma.", "giovedì", "2004-06-03"),
        ("de", "fr", "Der Gipfel findet am Donnerstag statt.", "Donnerstag", "2004-06-03"),
        ("pt", "es", "A cimeira é na quinta-feira em Lisboa.", "quinta-feira", "2004-06-03"),
    ],
)
def test_a_new_language_is_a_folder(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    code: str,
    like: str,
    sentence: str,
    text: str,
    value: str,
) -> None:
    folder = tmp_path / code
    folder.mkdir()
    (folder / "lexicon.toml").write_text("", encoding="utf-8")
    (folder / "rules.txt").write_text(f"{_DAY_MONTH_YEAR[like]}\n{_WEEKDAY}\n", encoding="utf-8")
    monkeypatch.setattr(resources, "LANGUAGES_DIR", tmp_path)
    resources.load_language.cache_clear()
    resources.read_lexicon.cache_clear()
    try:
        found = [(t.text, t.value) for t in extract(sentence, date(2004, 6, 1), code)]
    finally:
        resources.load_language.cache_clear()
        resources.read_lexicon.cache_clear()
    assert (text, value) in found
