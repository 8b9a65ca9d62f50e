"""Collections (stories): importing into them (--collection, the JSON format's "collections",
gzip-compressed input), the API, the timeline filter, the web page's form, the export command
and the admin."""

import dataclasses
import gzip
import io
import json
import threading
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.batching import documents_import
from events.inputs import (
    MAX_COLLECTIONS,
    DocumentInput,
    InputError,
    iter_paths,
    line_limit,
    read_file,
    validate,
)
from events.models import Actor, Collection, Document, Event
from events.services import imports
from events.services.collections import (
    collection_add_documents,
    collection_get_or_create,
    collection_slug,
)
from events.services.imports import document_import
from tests.factories import CollectionFactory, DocumentFactory, UserFactory
from tests.test_data_safety import needs_postgresql, run_in_threads

MAX_BYTES = 1_000_000


def doc(text: str, day: str = "2025-09-03", **fields) -> dict:
    return {"date": day, "text": text, **fields}


def write_jsonl(path: Path, items: list[dict], *, compress: bool = False) -> Path:
    data = "".join(json.dumps(item) + "\n" for item in items).encode()
    path.write_bytes(gzip.compress(data) if compress else data)
    return path


def read_all(path: Path, **limits) -> list[DocumentInput | InputError]:
    return list(read_file(path, max_bytes=limits.pop("max_bytes", MAX_BYTES), **limits))


def import_command(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_documents", "--progress-every", "0", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def members(name: str) -> set[str]:
    """The bodies of a collection's documents."""
    return set(Collection.objects.get(name=name).documents.values_list("body", flat=True))


# --- the JSON format's "collections" --------------------------------------------------------


def test_json_documents_may_name_their_collections(tmp_path):
    path = write_jsonl(
        tmp_path / "a.jsonl",
        [doc("The council met on Monday.", collections=["City hall", " City hall ", "Budget"])],
    )
    (item,) = read_all(path)
    assert item.collections == ("City hall", "Budget")  # trimmed, each once, in order


@pytest.mark.parametrize(
    ("collections", "reason"),
    [
        ("City hall", "must be a list of names"),
        ({"name": "x"}, "must be a list of names"),
        ([""], "non-empty strings"),
        (["   "], "non-empty strings"),
        ([3], "non-empty strings"),
        ([None], "non-empty strings"),
        (["x" * 201], "longer than 200 characters"),
        ([f"story {n}" for n in range(MAX_COLLECTIONS + 1)], f"more than {MAX_COLLECTIONS}"),
        (["nul\x00"], "NUL"),
    ],
)
def test_bad_collections_are_refused_naming_the_input(tmp_path, collections, reason):
    path = write_jsonl(
        tmp_path / "bad.jsonl", [doc("Fine text on Monday.", collections=collections)]
    )
    (error,) = read_all(path)
    assert isinstance(error, InputError)
    assert error.source == f"{path}:1"
    assert error.field == "collections"
    assert reason in str(error)


def test_null_collections_mean_none(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [doc("Text on Monday.", collections=None)])
    (item,) = read_all(path)
    assert item.collections == ()


# --- gzip-compressed input --------------------------------------------------------------------


def test_compressed_files_read_like_their_plain_forms(tmp_path):
    items = [doc("The council met on Monday.", title="A"), doc("The mayor spoke on Friday.")]
    for suffix in (".jsonl", ".json"):
        plain = tmp_path / f"plain{suffix}"
        packed = tmp_path / f"packed{suffix}.gz"
        data = (
            "".join(json.dumps(i) + "\n" for i in items)
            if suffix == ".jsonl"
            else json.dumps(items)
        ).encode()
        plain.write_bytes(data)
        packed.write_bytes(gzip.compress(data))
        strip = [(i.published_on, i.body, i.title) for i in read_all(plain)]
        assert [(i.published_on, i.body, i.title) for i in read_all(packed)] == strip
        assert len(strip) == 2


def test_folders_pick_up_compressed_files(tmp_path):
    for name in ("a.jsonl.gz", "b.JSON.GZ", "c.txt", "d.gz", "e.tar.gz", "f.jsonl"):
        (tmp_path / name).write_bytes(b"")
    found = [path.name for path in iter_paths([tmp_path])]
    assert found == ["a.jsonl.gz", "b.JSON.GZ", "c.txt", "f.jsonl"]


def test_a_compressed_line_past_the_limit_ends_the_file(tmp_path):
    # A gzip bomb: a few kilobytes that decompress to one endless line. The limit counts
    # decompressed bytes, and the rest of the file is not decompressed.
    max_bytes = 1000
    bomb = gzip.compress(b'{"date": "2025-09-03", "text": "' + b"a" * (line_limit(max_bytes) * 50))
    path = tmp_path / "bomb.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"date": "2025-09-03", "text": "Fine on Monday."}\n') + bomb)
    assert path.stat().st_size < 10_000
    first, error = read_all(path, max_bytes=max_bytes)
    assert first.body == "Fine on Monday."
    assert isinstance(error, InputError)
    assert error.source == f"{path}:2"
    assert f"longer than the limit of {line_limit(max_bytes)} bytes (decompressed)" in str(error)


def test_a_compressed_json_file_past_the_limit_is_refused(tmp_path):
    path = tmp_path / "big.json.gz"
    path.write_bytes(gzip.compress(json.dumps(doc("x " * 50_000)).encode()))
    assert path.stat().st_size < 2_000
    (error,) = read_all(path, max_json_bytes=10_000)
    assert isinstance(error, InputError)
    assert "larger than the limit of 10000 bytes for a .json file" in str(error)
    assert "decompressed" in str(error)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"not gzip at all", "not a valid gzip file"),
        (gzip.compress(b'{"date": "2025-09-03", "text": "x"}\n' * 100)[:-30], "truncated"),
    ],
)
def test_a_broken_compressed_file_is_reported(tmp_path, content, reason):
    path = tmp_path / "broken.jsonl.gz"
    path.write_bytes(content)
    results = read_all(path)
    assert isinstance(results[-1], InputError)
    assert reason in str(results[-1])


# --- services -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_collections_get_unique_slugs():
    first = collection_get_or_create(name="BP oil spill")
    assert (first.name, first.slug) == ("BP oil spill", "bp-oil-spill")
    assert collection_get_or_create(name="BP oil spill") == first  # found, not created again
    second = collection_get_or_create(name="BP: oil spill!")
    third = collection_get_or_create(name="bp oil spill")
    assert (second.slug, third.slug) == ("bp-oil-spill-2", "bp-oil-spill-3")
    assert collection_get_or_create(name="石油").slug == "collection"  # nothing survives slugify
    assert collection_slug("Égypte 2011", set()) == "egypte-2011"


@pytest.mark.django_db
def test_adding_documents_twice_adds_them_once(seed_document):
    story = collection_get_or_create(name="Chicago")
    assert collection_add_documents(collection=story, documents=[seed_document]) == 1
    assert collection_add_documents(collection=story, documents=[seed_document]) == 0
    assert list(story.documents.all()) == [seed_document]


@pytest.mark.django_db
def test_one_by_one_import_files_new_and_known_documents():
    data = validate(
        published_on="2025-09-03", body="The council met on Monday.", max_bytes=MAX_BYTES
    )
    document_import(data=data)
    again = dataclasses.replace(data, collections=("Council",))
    assert not document_import(data=again).created
    new = validate(
        published_on="2025-09-03",
        body="The mayor spoke on Friday.",
        max_bytes=MAX_BYTES,
        collections=["Council", "Mayor"],
    )
    assert document_import(data=new).created
    assert members("Council") == {data.body, new.body}
    assert members("Mayor") == {new.body}


def texts(count: int, start: int = 0) -> list[DocumentInput]:
    return [
        validate(
            published_on="2025-09-03",
            body=f"Item {n}: the council met on Monday.",
            max_bytes=MAX_BYTES,
            collections=["Council"],
        )
        for n in range(start, start + count)
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("known", [0, 3])
def test_a_batch_files_its_documents_in_constant_statements(known):
    """New and already imported documents alike, in the batch's statements: the same number
    for 3 documents as for 30, and none at all when everything is filed already."""
    document_import(data=texts(1, start=1000)[0])  # a collection named in an earlier import

    def queries(items: list[DocumentInput]) -> int:
        with CaptureQueriesContext(connection) as captured:
            results = list(documents_import(items=iter(items), batch_size=100))
        assert all(not isinstance(result, InputError) for _, result in results)
        # Less the grouping's one write, made only when some of the batch's similar texts
        # are merged into entries (events/services/entries.py: an executemany, which Django
        # logs as "N times: UPDATE ...").
        return len(
            [q for q in captured.captured_queries if 'UPDATE "events_event"' not in q["sql"]]
        )

    list(documents_import(items=iter(texts(known, start=500)), batch_size=100))
    small = queries(texts(3) + texts(known, start=500))
    large = queries(texts(30, start=100) + texts(known, start=500))
    assert small == large
    assert members("Council") >= {item.body for item in texts(30, start=100) + texts(3)}
    # Everything again: the texts are known and filed, so nothing is written.
    with CaptureQueriesContext(connection) as captured:
        list(documents_import(items=iter(texts(30, start=100)), batch_size=100))
    statements = [q["sql"].split()[0].upper() for q in captured.captured_queries]
    assert "INSERT" not in statements and "UPDATE" not in statements


@pytest.mark.django_db
def test_a_date_conflict_files_nothing():
    first = validate(published_on="2025-09-03", body="Met on Monday.", max_bytes=MAX_BYTES)
    clash = validate(
        published_on="2025-09-04", body="Met on Monday.", max_bytes=MAX_BYTES, collections=["X"]
    )
    results = list(documents_import(items=iter([first, clash]), batch_size=10))
    assert isinstance(results[1][1], InputError)
    assert not Collection.objects.filter(name="X").exists()  # nothing to file, nothing created


# --- the import command ---------------------------------------------------------------------


@pytest.mark.django_db
def test_import_collection_takes_new_and_unchanged_documents(tmp_path):
    old = write_jsonl(tmp_path / "old.jsonl", [doc("Filed before on Monday.")])
    import_command(str(old))
    story = write_jsonl(
        tmp_path / "story.jsonl.gz",
        [doc("Filed before on Monday."), doc("A new one on Friday.", collections=["Other"])],
        compress=True,
    )
    out, err = import_command("--collection", "BP oil", str(story))
    assert "1 created" in out and "1 unchanged" in out and not err
    assert members("BP oil") == {"Filed before on Monday.", "A new one on Friday."}
    assert members("Other") == {"A new one on Friday."}
    assert Collection.objects.get(name="BP oil").slug == "bp-oil"

    def snapshot() -> list:
        return [
            list(Document.objects.values_list("id", "content_hash")),
            list(Event.objects.values_list("id", "summary")),
            list(Collection.objects.values_list("id", "name", "slug")),
            sorted(Collection.documents.through.objects.values_list("collection", "document")),
        ]

    before = snapshot()
    out, _ = import_command("--collection", "BP oil", str(story))
    assert "0 created" in out and "2 unchanged" in out
    assert snapshot() == before


@pytest.mark.django_db
def test_import_collection_name_is_checked(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [doc("Text on Monday.")])
    with pytest.raises(CommandError, match="--collection: collections must be non-empty"):
        import_command("--collection", "  ", str(path))
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_a_bad_collections_field_is_reported_and_the_others_import(tmp_path):
    path = write_jsonl(
        tmp_path / "a.jsonl",
        [doc("Good on Monday.", collections=["Good"]), doc("Bad on Friday.", collections="x")],
    )
    with pytest.raises(CommandError, match="1 created"):
        import_command(str(path))
    assert members("Good") == {"Good on Monday."}
    assert Document.objects.count() == 1


# --- the API --------------------------------------------------------------------------------


@pytest.fixture
def two_stories(db):
    """Two documents (one with an actor), each in a story of its own."""
    chicago = document_import(
        data=validate(
            published_on="2025-08-30",
            body="Mayor Brandon Johnson signed an executive order on Saturday.",
            max_bytes=MAX_BYTES,
            collections=["Chicago order"],
        )
    ).document
    gulf = document_import(
        data=validate(
            published_on="2010-04-22",
            body="The Deepwater Horizon rig sank on Thursday.",
            max_bytes=MAX_BYTES,
            collections=["Gulf spill"],
        )
    ).document
    return {
        "chicago": (Collection.objects.get(name="Chicago order"), chicago),
        "gulf": (Collection.objects.get(name="Gulf spill"), gulf),
    }


def test_collection_list_and_detail(api_client, two_stories, django_assert_num_queries):
    story, document = two_stories["chicago"]
    with django_assert_num_queries(2):  # count, collections with their document counts
        listed = api_client.get("/api/collections/").json()
    assert listed["count"] == 2
    assert listed["results"][0] == {
        "id": story.pk,
        "name": "Chicago order",
        "slug": "chicago-order",
        "description": "",
        "created_at": listed["results"][0]["created_at"],
        "document_count": 1,
    }
    with django_assert_num_queries(2):  # the collection with its count, its documents' ids
        detail = api_client.get(f"/api/collections/{story.pk}/").json()
    assert detail["documents"] == [document.pk]
    assert api_client.get("/api/collections/chicago-order/").json() == detail


@pytest.mark.parametrize("value", ["999999", str(2**70), "no-such-story", "bad%00slug", "a.b"])
def test_an_unknown_collection_is_404(api_client, two_stories, value):
    assert api_client.get(f"/api/collections/{value}/").status_code == 404


@pytest.fixture
def editor(db) -> User:
    return UserFactory(superuser=True)


def test_collection_create_update_delete(api_client, editor, two_stories):
    api_client.force_authenticate(editor)
    created = api_client.post("/api/collections/", {"name": "Chicago order"}, format="json")
    assert created.status_code == 400 and "name" in created.json()  # names are unique
    created = api_client.post(
        "/api/collections/", {"name": "Chicago: the order", "description": "x"}, format="json"
    )
    assert created.status_code == 201, created.content
    assert created.json()["slug"] == "chicago-the-order"
    assert created.json()["document_count"] == 0
    pk = created.json()["id"]
    taken = api_client.patch(f"/api/collections/{pk}/", {"slug": "gulf-spill"}, format="json")
    assert taken.status_code == 400 and "slug" in taken.json()
    bad = api_client.patch(f"/api/collections/{pk}/", {"slug": "not a slug"}, format="json")
    assert bad.status_code == 400
    renamed = api_client.patch(
        "/api/collections/chicago-the-order/", {"name": "Order"}, format="json"
    )
    assert renamed.status_code == 200
    assert renamed.json()["slug"] == "chicago-the-order"  # a slug stays when the name changes
    assert api_client.delete(f"/api/collections/{pk}/").status_code == 204
    story, document = two_stories["chicago"]
    assert api_client.delete(f"/api/collections/{story.slug}/").status_code == 204
    assert Document.objects.filter(pk=document.pk).exists()  # its documents stay


def test_timeline_filters_by_collection(api_client, two_stories):
    story, document = two_stories["gulf"]
    everything = api_client.get("/api/timeline/").json()["results"]
    assert {e["document"] for e in everything} == {d.pk for _, d in two_stories.values()}
    for value in (story.pk, story.slug):
        events = api_client.get("/api/timeline/", {"collection": value}).json()["results"]
        assert events and {e["document"] for e in events} == {document.pk}
        events = api_client.get("/api/events/", {"collection": value}).json()["results"]
        assert {e["document"] for e in events} == {document.pk}
        documents = api_client.get("/api/documents/", {"collection": value}).json()["results"]
        assert [d["id"] for d in documents] == [document.pk]
        csv = api_client.get("/api/timeline/", {"collection": value, "format": "csv"})
        assert "Deepwater" in csv.content.decode() and "Johnson" not in csv.content.decode()


def test_actor_timeline_filters_by_collection(api_client, two_stories):
    johnson = Actor.objects.get(name="Brandon Johnson")
    url = f"/api/actors/{johnson.pk}/timeline/"
    chicago, gulf = two_stories["chicago"][0], two_stories["gulf"][0]
    assert len(api_client.get(url, {"collection": chicago.slug}).json()["results"]) == 1
    assert api_client.get(url, {"collection": gulf.slug}).json()["results"] == []


@pytest.mark.parametrize(
    "url", ["/api/timeline/", "/api/documents/", "/api/events/", "/api/timeline/?format=csv"]
)
@pytest.mark.parametrize("value", ["999999", str(2**70), "no-such-story", "bad\x00slug", "-1"])
def test_a_bad_collection_filter_is_a_400(api_client, two_stories, url, value):
    response = api_client.get(url, {"collection": value})
    assert response.status_code == 400, response.content
    assert "collection" in response.json()


# --- the web page ---------------------------------------------------------------------------


def test_the_page_filters_by_collection(client, two_stories):
    story, _ = two_stories["gulf"]
    html = client.get("/").content.decode()
    assert '<select id="filter-collection" name="collection">' in html
    assert f'<option value="{story.slug}">Gulf spill</option>' in html
    html = client.get("/", {"collection": story.slug}).content.decode()
    assert f'<option value="{story.slug}" selected>Gulf spill</option>' in html
    assert "Deepwater" in html and "Brandon Johnson signed" not in html
    assert "in the collection <q>Gulf spill</q>" in html


def test_the_page_reports_a_bad_collection(client, two_stories):
    response = client.get("/", {"collection": "nowhere"})
    assert response.status_code == 400  # the page still shows the timeline, and says why
    html = response.content.decode()
    assert "Some filters were ignored" in html
    assert "No collection has the id or slug &#x27;nowhere&#x27;." in html


# --- the export command ---------------------------------------------------------------------


def export(*args: str) -> list[dict]:
    out = io.StringIO()
    call_command("export_timeline", "--format", "json", *args, stdout=out)
    return json.loads(out.getvalue())


def test_export_command_takes_a_collection_name_or_slug(two_stories):
    _, document = two_stories["chicago"]
    for value in ("Chicago order", "chicago-order"):
        events = export("--collection", value)
        assert events and {e["document"] for e in events} == {document.pk}
    with pytest.raises(CommandError, match="--collection: no collection is named 'Nowhere'"):
        export("--collection", "Nowhere")


def test_export_command_prefers_the_name_to_another_collections_slug(two_stories):
    # A collection named like another one's slug: the name is what people type.
    CollectionFactory(
        name="gulf-spill", slug="something-else", documents=[two_stories["chicago"][1]]
    )
    events = export("--collection", "gulf-spill")
    assert {e["document"] for e in events} == {two_stories["chicago"][1].pk}


# --- the admin ------------------------------------------------------------------------------


@pytest.fixture
def staff_client(client, editor):
    client.force_login(editor)
    return client


def test_admin_lists_collections_with_counts_in_constant_queries(
    staff_client, two_stories, django_assert_max_num_queries
):
    CollectionFactory.create_batch(10)
    url = reverse("admin:events_collection_changelist")
    with CaptureQueriesContext(connection) as few:
        staff_client.get(url)
    CollectionFactory(name="One more", documents=[two_stories["gulf"][1]])
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = staff_client.get(url)
    html = response.content.decode()
    assert "One more" in html and 'class="field-document_count">1<' in html


def test_admin_collection_and_document_pages_show_memberships(staff_client, two_stories):
    story, document = two_stories["gulf"]
    page = staff_client.get(reverse("admin:events_collection_change", args=[story.pk]))
    assert page.status_code == 200
    assert f'<option value="{document.pk}" selected>{document}</option>' in page.content.decode()
    page = staff_client.get(reverse("admin:events_document_change", args=[document.pk]))
    assert page.status_code == 200
    assert "Gulf spill" in page.content.decode()
    changelist = reverse("admin:events_document_changelist")
    filtered = staff_client.get(changelist, {"collections__id__exact": story.pk})
    assert filtered.status_code == 200
    assert filtered.context["cl"].result_count == 1


def test_admin_action_adds_documents_to_a_collection(staff_client, two_stories):
    changelist = reverse("admin:events_document_changelist")
    documents = [document.pk for _, document in two_stories.values()]
    selected = {"action": "add_to_collection", "index": "0", "_selected_action": documents}
    asked = staff_client.post(changelist, selected)
    assert asked.status_code == 200
    assert "Add 2 documents to a collection" in asked.content.decode()

    story = two_stories["gulf"][0]
    done = staff_client.post(changelist, {**selected, "apply": "1", "collection": story.pk})
    assert done.status_code == 302
    assert set(story.documents.values_list("pk", flat=True)) == set(documents)

    staff_client.post(changelist, {**selected, "apply": "1", "new_name": "Both stories"})
    assert set(
        Collection.objects.get(name="Both stories").documents.values_list("pk", flat=True)
    ) == set(documents)

    neither = staff_client.post(changelist, {**selected, "apply": "1"})
    assert neither.status_code == 200
    assert "Choose a collection, or name a new one" in neither.content.decode()


def test_admin_edits_a_collections_documents_in_constant_queries(
    staff_client, two_stories, django_assert_max_num_queries
):
    story, _ = two_stories["gulf"]
    url = reverse("admin:events_collection_change", args=[story.pk])
    with CaptureQueriesContext(connection) as few:
        staff_client.get(url)
    story.documents.add(*DocumentFactory.create_batch(30))
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert staff_client.get(url).status_code == 200

    chicago = two_stories["chicago"][1]
    form = {"name": story.name, "slug": story.slug, "description": "", "documents": [chicago.pk]}
    response = staff_client.post(url, form)
    assert response.status_code == 302, response.content[:2000]
    assert list(story.documents.all()) == [chicago]


@pytest.mark.django_db(transaction=True)
def test_a_timeline_page_follows_the_collections_documents(api_client, two_stories):
    # Committed, the next page shows a document that joined the collection.
    story, _ = two_stories["gulf"]
    first = api_client.get("/api/timeline/", {"collection": story.slug}).json()["results"]
    collection_add_documents(collection=story, documents=[two_stories["chicago"][1]])
    second = api_client.get("/api/timeline/", {"collection": story.slug}).json()["results"]
    assert len(second) == len(first) + 1


def test_posting_a_document_may_name_its_collections(api_client, two_stories):
    def user(*codenames: str) -> User:
        return UserFactory(permissions=codenames)

    body = {"date": "2025-09-01", "text": "The council voted on Monday.", "collections": []}
    api_client.force_authenticate(user("add_document"))
    refused = api_client.post(
        "/api/documents/", {**body, "collections": ["Gulf spill"]}, format="json"
    )
    assert refused.status_code == 403
    assert "events.change_collection" in refused.json()["detail"]
    assert not Document.objects.filter(body=body["text"]).exists()

    api_client.force_authenticate(user("add_document", "change_collection"))
    refused = api_client.post(
        "/api/documents/", {**body, "collections": ["Gulf spill", "New"]}, format="json"
    )
    assert refused.status_code == 403
    assert "events.add_collection" in refused.json()["detail"]
    assert not Collection.objects.filter(name="New").exists()
    accepted = api_client.post(
        "/api/documents/", {**body, "collections": ["Gulf spill"]}, format="json"
    )
    assert accepted.status_code == 201, accepted.content
    assert body["text"] in members("Gulf spill")

    api_client.force_authenticate(user("add_document", "change_collection", "add_collection"))
    again = api_client.post("/api/documents/", {**body, "collections": ["New"]}, format="json")
    assert again.status_code == 200  # the text was there already; it joins the new collection
    assert members("New") == {body["text"]}
    for bad in ("New", [""], ["x" * 201], [f"s{n}" for n in range(MAX_COLLECTIONS + 1)], [1]):
        response = api_client.post("/api/documents/", {**body, "collections": bad}, format="json")
        assert response.status_code == 400, (bad, response.content)
        assert "collections" in response.json()


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_imports_into_one_new_collection_at_the_same_moment(monkeypatch):
    # Both find neither the texts nor the collection, then write at once: the collection is
    # created once (its name is unique), and every document ends up in it once.
    document_import(data=texts(1)[0])  # one text already there, not yet in the story
    items = texts(6)
    barrier = threading.Barrier(2, timeout=10)
    imported = imports._imported

    def imported_together(digests: list[str]):
        found = imported(digests)
        if len(digests) > 1:
            barrier.wait()
        return found

    monkeypatch.setattr(imports, "_imported", imported_together)
    runs = run_in_threads(2, lambda _: list(documents_import(items=iter(items))))
    assert all(isinstance(run, list) for run in runs), runs
    assert not [r for run in runs for _, r in run if isinstance(r, InputError)]
    assert Collection.objects.filter(name="Council").count() == 1
    assert members("Council") == {item.body for item in items}
    assert Collection.documents.through.objects.count() == len(items)
