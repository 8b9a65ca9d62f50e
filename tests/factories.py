"""Rows for tests that need a timeline without importing text: one factory per model.

Every default satisfies the database's constraints (events/models.py), so a factory call with no
arguments stores a valid row, and a test names only the fields it is about. Unique fields come
from sequences; foreign keys from sub-factories. Tests that exercise the importer import real
text through it (tests/conftest.py's ``seed_document``) instead: that is their point.

``build()`` and ``build_batch()`` return unsaved rows with the same defaults, for
``bulk_create`` when a test needs thousands of rows (pass saved rows for the foreign keys).
"""

from collections.abc import Iterable
from datetime import date

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser, Permission
from django.utils.text import slugify
from factory.django import DjangoModelFactory, Password

from events.analysis.actors import actor_key, name_key
from events.models import Actor, ActorAlias, Collection, Document, Event, SourceExcerpt
from events.services.imports import content_hash

# A document's default publication date, and so its events' default date: an event dated on
# the day it was reported is neither a plan nor "after publication", whatever a test filters.
PUBLISHED_ON = date(2025, 8, 31)


class DocumentFactory(DjangoModelFactory[Document]):
    """A short English document published on ``PUBLISHED_ON``."""

    class Meta:
        model = Document

    title = factory.Sequence(lambda n: f"Document {n}")
    published_on = PUBLISHED_ON
    # Each body differs (content_hash is unique) and is long enough for a few excerpts.
    body = factory.Sequence(lambda n: f"Text of document {n}: the council met on Monday.")
    # The importer's own digest of the body: importing the same text later finds this row.
    content_hash = factory.LazyAttribute(lambda document: content_hash(document.body))


class ActorFactory(DjangoModelFactory[Actor]):
    """An actor of kind "other" (no person-name rules apply to its key)."""

    class Meta:
        model = Actor

    name = factory.Sequence(lambda n: f"Actor {n}")
    kind = Actor.Kind.OTHER
    # Actor.save() sets the key; set here too so that bulk_create of built actors stores it
    # (the key is unique: an empty one would clash).
    key = factory.LazyAttribute(lambda actor: actor_key(actor.name, actor.kind))


class ActorAliasFactory(DjangoModelFactory[ActorAlias]):
    """An editor's alias (not a machine one): the kind that identifies its actor."""

    class Meta:
        model = ActorAlias

    actor = factory.SubFactory(ActorFactory)
    alias = factory.Sequence(lambda n: f"Alias {n}")
    key = factory.LazyAttribute(lambda alias: name_key(alias.alias))  # as ActorAlias.save()


class EventFactory(DjangoModelFactory[Event]):
    """A machine-found fact of one day, the day its document (a new one) was published.

    ``EventFactory(earliest=day)`` is an event of that one day (``latest`` follows);
    ``actors=[...]`` links actors; ``document=None`` is an event without a document, and
    ``source_deleted=True`` a reviewed event that outlived its deleted document, as
    ``document_delete`` leaves it (no document, ``source_removed``).
    """

    class Meta:
        model = Event
        skip_postgeneration_save = True  # the actors hook writes only the links

    class Params:
        source_deleted = factory.Trait(
            document=None, status=Event.Status.REVIEWED, source_removed=True
        )

    summary = factory.Sequence(lambda n: f"Event {n}")
    document = factory.SubFactory(DocumentFactory)
    earliest = factory.LazyAttribute(
        lambda event: event.document.published_on if event.document else PUBLISHED_ON
    )
    latest = factory.SelfAttribute("earliest")  # one day: the interval is never reversed

    @factory.post_generation
    def actors(event: Event, create: bool, extracted: Iterable[Actor] | None, **kw: object) -> None:
        """``actors=[...]``: the event's actors (links need a saved event: create only)."""
        if create and extracted:
            event.actors.set(extracted)


class SourceExcerptFactory(DjangoModelFactory[SourceExcerpt]):
    """An excerpt of its event's document: by default the whole body, its text the body's own.

    Pass ``document`` too when the event has none, or when another document supports it.
    """

    class Meta:
        model = SourceExcerpt

    event = factory.SubFactory(EventFactory)
    document = factory.SelfAttribute("event.document")
    start = 0
    end = factory.LazyAttribute(lambda excerpt: len(excerpt.document.body))
    # What SourceExcerpt.clean() asks of an editor: the document's text at the offsets.
    text = factory.LazyAttribute(lambda excerpt: excerpt.document.body[excerpt.start : excerpt.end])


class CollectionFactory(DjangoModelFactory[Collection]):
    """An empty story; ``documents=[...]`` adds documents."""

    class Meta:
        model = Collection
        skip_postgeneration_save = True  # the documents hook writes only the links

    name = factory.Sequence(lambda n: f"Story {n}")
    slug = factory.LazyAttribute(lambda collection: slugify(collection.name))  # as the API does

    @factory.post_generation
    def documents(
        collection: Collection, create: bool, extracted: Iterable[Document] | None, **kw: object
    ) -> None:
        if create and extracted:
            collection.documents.add(*extracted)


class UserFactory(DjangoModelFactory[AbstractUser]):
    """An account without a usable password (hashing one is slow): tests log it in with
    ``force_login``/``force_authenticate`` or give it a token. ``password="..."`` sets one, for
    the tests of logging in; ``superuser=True`` may do everything; ``permissions=[...]`` grants
    model permissions, as codenames (``"add_document"``) or ``Permission`` rows."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True  # the permissions hook writes only the links

    class Params:
        superuser = factory.Trait(is_staff=True, is_superuser=True)

    username = factory.Sequence(lambda n: f"user-{n}")
    password = Password(None)  # None: an unusable password, no hashing

    @factory.post_generation
    def permissions(
        user: AbstractUser, create: bool, extracted: Iterable[str | Permission] | None, **kw: object
    ) -> None:
        """Every codename must name a permission: a typo must not leave a test's user with
        fewer rights than it says, which would make a refusal pass for the wrong reason."""
        if not create or not extracted:
            return
        given = list(extracted)
        codenames = {p for p in given if isinstance(p, str)}
        named = list(Permission.objects.filter(codename__in=codenames))
        missing = codenames - {permission.codename for permission in named}
        if missing:
            raise ValueError(f"no permission has the codename(s) {sorted(missing)}")
        user.user_permissions.add(*named, *(p for p in given if not isinstance(p, str)))
