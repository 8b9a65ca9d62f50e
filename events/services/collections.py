"""Writes on collections (stories): creating them with unique slugs, filing documents in them
(the importer's batches and the editors' and API's writes)."""

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify

from events.inputs import DocumentInput, InputError
from events.models import Collection, Document

ERROR_COLLECTION_NOT_STORED = "collection {name!r} could not be stored (its slug {slug!r} is taken)"


def _file_in_collections(filed: list[tuple[DocumentInput, Document]]) -> None:
    """Add each stored document to the collections its input names, creating those that are
    new: at most six statements for the whole list (none if it names no collection, two if
    nothing is new). The caller holds the transaction."""
    names = sorted({name for data, _ in filed for name in data.collections})
    if not names:
        return
    by_name = collections_get_or_create(names=names)
    pairs = {
        (by_name[name].pk, document.pk) for data, document in filed for name in data.collections
    }
    Member = Collection.documents.through
    # Only the new memberships are written: a story imported again writes nothing at all (an
    # ignored conflict would still use up ids of the table's sequence).
    present = Member.objects.filter(
        collection_id__in={c for c, _ in pairs}, document_id__in={d for _, d in pairs}
    ).values_list("collection_id", "document_id")
    new = pairs - set(present)
    if new:
        Member.objects.bulk_create(
            # In key order, so concurrent imports into one collection do not deadlock.
            [Member(collection_id=c, document_id=d) for c, d in sorted(new)],
            ignore_conflicts=True,  # added meanwhile by a concurrent import: nothing to do
        )


def _slug_base(name: str) -> str:
    """``slugify(name)``, or "collection" if nothing of the name survives (a name in another
    script), short enough for a "-N" suffix."""
    return slugify(name)[:190].strip("-") or "collection"


def collection_slug(name: str, taken: set[str]) -> str:
    """A slug for a new collection named ``name``: its ``_slug_base``, with "-2", "-3", ... if
    another collection has it (``taken``)."""
    base = _slug_base(name)
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def _slugs_taken(names: Iterable[str]) -> set[str]:
    """The stored slugs that the slugs of ``names`` could clash with (one query)."""
    bases = {_slug_base(name) for name in names}
    condition = Q()
    for base in sorted(bases):
        condition |= Q(slug__startswith=base)
    return set(Collection.objects.filter(condition).values_list("slug", flat=True))


def collections_get_or_create(*, names: list[str]) -> dict[str, Collection]:
    """The collections with these names (exact, as stored), creating the missing ones with
    unique slugs: at most four queries however many names. A collection created meanwhile by
    a concurrent import is reused (the name is unique)."""
    found = {c.name: c for c in Collection.objects.filter(name__in=names)}
    missing = sorted(set(names) - set(found))
    if not missing:
        return found
    taken = _slugs_taken(missing)
    new = []
    for name in missing:
        collection = Collection(name=name, slug=collection_slug(name, taken))
        collection.full_clean(validate_unique=False, validate_constraints=False)
        taken.add(collection.slug)
        new.append(collection)
    Collection.objects.bulk_create(new, ignore_conflicts=True)
    found.update({c.name: c for c in Collection.objects.filter(name__in=missing)})
    for collection in new:
        if collection.name not in found:  # a concurrent import took its slug for another name
            raise InputError(
                ERROR_COLLECTION_NOT_STORED.format(name=collection.name, slug=collection.slug),
                field="collections",
            )
    return found


@transaction.atomic
def collection_get_or_create(*, name: str) -> Collection:
    """The collection named ``name``, created (with a unique slug) if there is none."""
    return collections_get_or_create(names=[name])[name]


@transaction.atomic
def collection_save(*, collection: Collection) -> Collection:
    """Create or change a collection (the API's writes); a collection without a slug gets one
    from its name, unique among the others."""
    if not collection.slug:
        taken = _slugs_taken([collection.name])
        collection.slug = collection_slug(collection.name, taken)
    collection.full_clean()
    collection.save()
    return collection


@transaction.atomic
def collection_add_documents(*, collection: Collection, documents: Iterable[Document]) -> int:
    """Add documents to a collection (those already in it stay as they are); return how many
    were added. Two queries, however many documents."""
    Member = Collection.documents.through
    ids = {document.pk for document in documents}
    present = set(
        Member.objects.filter(collection=collection, document_id__in=ids).values_list(
            "document_id", flat=True
        )
    )
    Member.objects.bulk_create(
        [Member(collection_id=collection.pk, document_id=pk) for pk in sorted(ids - present)],
        ignore_conflicts=True,
    )
    return len(ids - present)
