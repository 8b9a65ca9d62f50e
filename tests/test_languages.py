"""Documents in several languages: support, detection, import, API, commands."""

import io
import json
from datetime import date
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from events.analysis.extraction import analyze_document
from events.analysis.languages import (
    UnsupportedLanguage,
    check_language,
    detect_language,
    extract_temporal_expressions,
    supported_languages,
)
from events.inputs import read_file
from events.models import Document
from tests.factories import UserFactory

SPANISH = (
    "El Gobierno aprobó ayer la reforma laboral. El ministro de Trabajo dijo que la ley "
    "entrará en vigor el 1 de enero y que los sindicatos serán consultados por el Consejo."
)
FRENCH = (
    "Le gouvernement a adopté hier la réforme. Le ministre a déclaré que la loi sera "
    "appliquée dans les prochains mois et que les syndicats seront consultés."
)
ENGLISH = "The council met on Monday and said that the budget was approved by the mayor."


def test_supported_languages() -> None:
    assert {"en", "es", "fr"} <= set(supported_languages())


@pytest.mark.parametrize(
    ("text", "language"),
    [(SPANISH, "es"), (FRENCH, "fr"), (ENGLISH, "en"), ("Madrid, 2004.", "en"), ("", "en")],
)
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize(
    ("code", "message"),
    [("xx", r"'xx' is not supported \(supported: en, es"), ("ES", "not an ISO 639-1 code"),
     ("spa", "not an ISO 639-1 code"), (3, "not an ISO 639-1 code")],
)  # fmt: skip
def test_check_language_names_the_code_and_the_reason(code: object, message: str) -> None:
    with pytest.raises(UnsupportedLanguage, match=message):
        check_language(code)


def test_analysis_reads_dates_in_the_document_language() -> None:
    analysis = analyze_document(SPANISH, date(2004, 6, 2), "es")
    assert [(e.text, e.value) for e in analysis.expressions] == [
        ("ayer", "2004-06-01"),
        ("el 1 de enero", "2005-01-01"),
    ]
    assert min(event.earliest for event in analysis.events) == date(2004, 6, 1)


def test_json_language_is_read_validated_or_detected(tmp_path: Path) -> None:
    path = tmp_path / "batch.json"
    items = [
        {"date": "2004-06-02", "text": SPANISH, "language": "es"},
        {"date": "2004-06-02", "text": FRENCH},
        {"date": "2004-06-02", "text": ENGLISH, "language": "xx"},
    ]
    path.write_text(json.dumps(items), encoding="utf-8")
    given, detected, refused = read_file(path, max_bytes=100_000)
    assert (given.language, detected.language) == ("es", "fr")
    assert refused.field == "language"
    assert "'xx' is not supported" in str(refused)


@pytest.mark.django_db
def test_import_stores_the_language_and_reanalysis_keeps_it(tmp_path: Path) -> None:
    path = tmp_path / "es.jsonl"
    path.write_text(json.dumps({"date": "2004-06-02", "text": SPANISH}) + "\n", encoding="utf-8")
    call_command("import_documents", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    document = Document.objects.get()
    assert document.language == "es"
    dates = set(document.events.values_list("earliest", flat=True))
    assert date(2004, 6, 1) in dates
    call_command("reanalyze_documents", stdout=io.StringIO(), stderr=io.StringIO())
    assert set(document.events.values_list("earliest", flat=True)) == dates


@pytest.mark.django_db
def test_api_takes_and_shows_the_language(api_client) -> None:
    api_client.force_authenticate(UserFactory(superuser=True))
    payload = {"date": "2004-06-02", "text": SPANISH, "language": "es"}
    created = api_client.post("/api/documents/", payload, format="json")
    assert created.status_code == 201, created.content
    assert created.json()["language"] == "es"
    listed = api_client.get("/api/documents/").json()["results"]
    assert [d["language"] for d in listed] == ["es"]
    bad = api_client.post("/api/documents/", {**payload, "language": "xx"}, format="json")
    assert bad.status_code == 400
    assert "not supported" in bad.json()["language"][0]


def test_extract_dates_language(tmp_path: Path) -> None:
    path = tmp_path / "es.txt"
    path.write_text("Los sindicatos protestaron ayer, lunes.", encoding="utf-8")
    out = io.StringIO()
    call_command("extract_dates", "--document-date", "2004-06-01", "--language", "es", str(path),
                 stdout=out)  # fmt: skip
    (found,) = json.loads(out.getvalue())
    assert (found["text"], found["value"]) == ("ayer, lunes", "2004-05-31")
    with pytest.raises(CommandError, match="'xx' is not supported"):
        call_command("extract_dates", "--document-date", "2004-06-01", "--language", "xx",
                     str(path), stdout=io.StringIO())  # fmt: skip


TML = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}"
 functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>
<TEXT>{text}</TEXT>
</TimeML>
"""


def _spanish_timeml(folder: Path) -> None:
    folder.mkdir(parents=True)
    docs = [
        'El Gobierno aprobó <TIMEX3 tid="t1" type="DATE" value="2004-06-01">ayer</TIMEX3> la ley.',
        'La huelga empezó <TIMEX3 tid="t1" type="DATE" value="2004-05-31">el lunes</TIMEX3>.',
        'Votarán <TIMEX3 tid="t1" type="DATE" value="2004-06-03">mañana</TIMEX3>.',
        'Lo dijo <TIMEX3 tid="t1" type="DATE" value="2004-W23">esta semana</TIMEX3>.',
    ]
    for index, text in enumerate(docs):
        (folder / f"doc{index}.tml").write_text(TML.format(dct="2004-06-02", text=text))


def test_evaluate_timeml_language_and_held_out_halves(tmp_path: Path) -> None:
    _spanish_timeml(tmp_path / "es")
    out = io.StringIO()
    options = ["--language", "es", "--json", "--split", "halves", "--development", "even"]
    call_command(
        "evaluate_timeml", str(tmp_path / "es"), *options, stdout=out, stderr=io.StringIO()
    )
    data = json.loads(out.getvalue())
    assert data["overall"]["value_f1"] == 1.0  # "mañana" tomorrow, "el lunes" past
    split = data["split"]
    assert {name: g["documents"] for name, g in split["groups"].items()} == {"even": 2, "odd": 2}
    (gap,) = split["gaps"]
    assert (gap["development"], gap["held_out"], gap["value_f1"]) == ("even", "odd", 0.0)


def test_evaluate_timeml_folders_both_ways(tmp_path: Path) -> None:
    _spanish_timeml(tmp_path / "data" / "A")
    (tmp_path / "data" / "B").mkdir()
    wrong = 'Cerró en <TIMEX3 tid="t1" type="DATE" value="1999">1998</TIMEX3>.'
    (tmp_path / "data" / "B" / "x.tml").write_text(TML.format(dct="2004-06-02", text=wrong))
    out = io.StringIO()
    call_command("evaluate_timeml", str(tmp_path / "data"), "--language", "es",
                 "--split", "folders", stdout=out, stderr=io.StringIO())  # fmt: skip
    text = out.getvalue()
    assert "gap B - A: value F1 -100.0" in text
    assert "gap A - B: value F1 +100.0" in text


def test_evaluate_timeml_rejects_an_unknown_split_or_group(tmp_path: Path) -> None:
    _spanish_timeml(tmp_path / "es")
    with pytest.raises(CommandError, match="--split 'thirds'"):
        call_command("evaluate_timeml", str(tmp_path), "--split", "thirds", stdout=io.StringIO())
    with pytest.raises(CommandError, match="--development 'train': no such group"):
        call_command("evaluate_timeml", str(tmp_path), "--split", "halves",
                     "--development", "train", stdout=io.StringIO())  # fmt: skip


@pytest.mark.parametrize(
    "written",
    [
        "laſt year",
        "LAſT YEAR",
        "yeſterday",
        "two weekſ later",
        "the paſt year",
        "thıs week",
        "LAST WEEK".replace("K", "\u212a"),
        "THIS MONTH".replace("I", "\u0130"),
    ],
)
def test_letters_a_pattern_reads_as_ascii_ones_date_the_text_and_break_nothing(written):
    """Unicode letters that a case-insensitive pattern matches for ASCII ones (the long s,
    the Kelvin sign for "k", the Turkish dotted and dotless i) were matched by the rules and
    then missing from their word tables: a KeyError, a failed import. They read as their ASCII
    letters now, and the expression keeps the text as written."""
    text = f"Officials said it happened {written} in the city."
    ascii_text = text.translate(str.maketrans("ſıİ\u212a", "siIK"))
    found = extract_temporal_expressions(text, date(2025, 8, 30))
    as_ascii = extract_temporal_expressions(ascii_text, date(2025, 8, 30))
    assert found and [(e.start, e.end, e.value) for e in found] == [
        (e.start, e.end, e.value) for e in as_ascii
    ]
    assert all(e.text == text[e.start : e.end] for e in found)  # as written
