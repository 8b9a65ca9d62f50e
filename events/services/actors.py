"""Writes on actors: finding the stored actors of the ones an analysis found (creating the
new ones), and the editors' changes (save, aliases, merge)."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Model, Value

from events.analysis import actors as analysis_actors
from events.analysis.actors import name_key
from events.models import Actor, ActorAlias, Document, Event

ERROR_NAME_TAKEN = "{name!r} is already the name or an alias of another actor."


def actors_rekey(actor_model: type[Actor]) -> int:
    """Give every stored actor the identity ``actor_key`` gives its name and kind now (after a
    change to what identifies an actor). Where two actors would share one identity ("Dell" and
    "Dell Technologies" stored before), the one that already holds it, else the oldest, takes
    it; the other keeps its old key, for an editor to merge. Returns how many changed.

    Takes the model class so that a migration can pass its historical model."""
    actors = list(actor_model.objects.only("pk", "name", "kind", "key").order_by("pk"))
    current = {actor.pk: analysis_actors.actor_key(actor.name, actor.kind) for actor in actors}
    taken = {actor.key for actor in actors if actor.key == current[actor.pk]}
    changed = []
    for actor in actors:
        new = current[actor.pk]
        if new != actor.key and new not in taken:
            taken.add(new)
            actor.key = new
            changed.append(actor)
    # Two steps, so no row holds another's key for a moment (the key is unique).
    final = {actor.pk: actor.key for actor in changed}
    for actor in changed:
        actor.key = f"#{actor.pk}"
    actor_model.objects.bulk_update(changed, ["key"], batch_size=1000)
    for actor in changed:
        actor.key = final[actor.pk]
    actor_model.objects.bulk_update(changed, ["key"], batch_size=1000)
    return len(changed)


def _resolve_actors(found: list[list[analysis_actors.Actor]]) -> list[dict[str, int]]:
    """Map the actors found in each of several documents to stored actors, creating those that
    are new; return each document's map from actor key to actor id.

    An actor is found by its identity (``actor_key``: a person's first and last name, so "Ana
    Lopez" and "Ana Maria Lopez" are one), or by an alias an editor gave an actor; never by an
    alias the analysis found (a surname, an acronym, a handle: true in one document only).
    The result does not depend on the order of the documents, nor on which import comes first:
    the identity is a function of the name alone, and the canonical name and title are each the
    preferred of all the spellings seen (``preferred_name``), updated as fuller ones arrive
    (never on an actor an editor reviewed). Other spellings and the analysis's aliases are kept
    as machine aliases, for readers. One lookup for all the documents and one statement for
    each kind of new row; new rows are written in key order, so two imports that introduce the
    same ones wait for each other on the unique index instead of deadlocking."""
    if not any(found):
        return [{} for _ in found]
    stored = _actors_by_key(
        {a.key for actors in found for a in actors},
        {name_key(a.name) for actors in found for a in actors},
    )
    new_actors: dict[str, Actor] = {}
    renamed: dict[int, Actor] = {}
    spellings: dict[str, tuple[Actor, str]] = {}  # alias key -> (actor, alias)
    matches: list[dict[str, Actor]] = []
    for actors in found:
        matched: dict[str, Actor] = {}
        for a in sorted(actors, key=lambda a: (a.key, a.name)):
            match = _match(a, stored) or new_actors.get(a.key)
            if match is None:
                match = Actor(name=a.name[:200], kind=a.kind, title=a.title[:200], key=a.key)
                new_actors[a.key] = match
            elif (
                match.key == a.key
                and not match.reviewed
                and _prefer(match, a.name[:200], a.title[:200], a.kind)
                and match.pk is not None
            ):
                renamed[match.pk] = match
            matched[a.key] = match
            for alias in sorted({a.name, *a.aliases}):
                spellings.setdefault(name_key(alias[:200]), (match, alias[:200]))
        matches.append(matched)
    if new_actors:
        # ignore_conflicts: an actor created meanwhile by a concurrent import is simply reused,
        # and given the preferred name and title of both.
        Actor.objects.bulk_create(
            [new_actors[key] for key in sorted(new_actors)], ignore_conflicts=True
        )
        rows = Actor.objects.filter(key__in=new_actors).values_list(
            "key", "id", "name", "title", "kind", "reviewed"
        )
        for key, pk, name, title, kind, reviewed in rows:
            actor = new_actors[key]
            actor.pk = pk
            theirs = (name, title, kind)
            if theirs != (actor.name, actor.title, actor.kind) and not reviewed:
                mine = (actor.name, actor.title, actor.kind)
                actor.name, actor.title, actor.kind = theirs
                _prefer(actor, *mine)
                if (actor.name, actor.title, actor.kind) != theirs:
                    renamed[pk] = actor
        if missing := set(new_actors) - {row[0] for row in rows}:  # pragma: no cover
            raise IntegrityError(f"actors {sorted(missing)} could not be stored")
    if renamed:
        Actor.objects.bulk_update(
            [renamed[pk] for pk in sorted(renamed)], ["name", "title", "kind"], batch_size=500
        )
    # An actor's name is no alias of its own; an alias taken by another actor stays with it.
    if renamed:
        ActorAlias.objects.filter(
            actor_id__in=renamed, key__in=[name_key(a.name) for a in renamed.values()]
        ).delete()
    ActorAlias.objects.bulk_create(
        [
            ActorAlias(actor_id=actor.pk, alias=alias, key=key, machine=True)
            for key, (actor, alias) in sorted(spellings.items())
            if key != name_key(actor.name)
        ],
        ignore_conflicts=True,
    )
    return [{key: actor.pk for key, actor in matched.items()} for matched in matches]


def _prefer(actor: Actor, name: str, title: str, kind: str) -> bool:
    """Give ``actor`` the preferred of its name and ``name``, of its title and ``title`` (the
    fullest, then the first alphabetically) and of its kind and ``kind`` (``preferred_kind``):
    the same whatever came first. The old name stays as an alias (written by the caller). True
    if any changed."""
    before = (actor.name, actor.title, actor.kind)
    actor.name = analysis_actors.preferred_name([actor.name, name])
    if title:
        actor.title = analysis_actors.preferred_name([t for t in (actor.title, title) if t])
    actor.kind = analysis_actors.preferred_kind(actor.name, [actor.kind, kind])
    return (actor.name, actor.title, actor.kind) != before


def _actors_by_key(keys: set[str], names: set[str]) -> dict[str, Actor]:
    """Stored actors by identity key (``keys``), and by the name key of an editor's alias
    (``names``, as "alias:<key>"), in one query (a UNION of two index lookups), since it runs
    for every import."""
    columns = ("id", "name", "kind", "title", "reviewed", "key")
    by_identity = (
        Actor.objects.order_by()
        .filter(key__in=keys)
        .annotate(found_by=F("key"), via_alias=Value(False))
        .values_list("found_by", "via_alias", *columns)
    )
    by_alias = (
        ActorAlias.objects.order_by()
        .filter(key__in=names, machine=False)
        .annotate(found_by=F("key"), via_alias=Value(True))
        .values_list("found_by", "via_alias", *(f"actor__{column}" for column in columns))
    )
    by_key: dict[str, Actor] = {}
    actors: dict[int, Actor] = {}
    for found_by, via_alias, pk, name, kind, title, reviewed, key in by_identity.union(
        by_alias, all=True
    ):
        actor = actors.setdefault(
            pk, Actor(pk=pk, name=name, kind=kind, title=title, reviewed=reviewed, key=key)
        )
        by_key[f"alias:{found_by}" if via_alias else found_by] = actor
    return by_key


def _match(actor: analysis_actors.Actor, stored: dict[str, Actor]) -> Actor | None:
    """The stored actor for one found in a document: the one with its identity, else the one an
    editor gave its name as an alias. Never by the aliases the analysis found (a surname, an
    acronym, a handle): a handle passes from one holder to the next, and "Johnson" is many
    people."""
    return stored.get(actor.key) or stored.get(f"alias:{name_key(actor.name)}")


@transaction.atomic
def actors_merge(*, target: Actor, others: list[Actor]) -> Actor:
    """Merge duplicate actors into ``target``: their events, documents, names and aliases move
    to it, and it counts as reviewed (an editor's decision that later imports keep)."""
    others = [actor for actor in others if actor.pk != target.pk]
    if not others:
        return target
    other_ids = [actor.pk for actor in others]
    # The through models of the two links (the actors of an event, of a document), each with
    # the one manager Django gives it (``objects``, typed as ``_default_manager`` on a Model).
    links: tuple[tuple[type[Model], str], ...] = (
        (Event.actors.through, "event_id"),
        (Document.actors.through, "document_id"),
    )
    for through, column in links:
        linked = set(
            through._default_manager.filter(actor_id__in=other_ids).values_list(column, flat=True)
        )
        through._default_manager.bulk_create(
            [through(**{column: pk, "actor_id": target.pk}) for pk in sorted(linked)],
            ignore_conflicts=True,
        )
    names = [actor.name for actor in others]
    names += list(ActorAlias.objects.filter(actor_id__in=other_ids).values_list("alias", flat=True))
    ActorAlias.objects.filter(actor_id__in=other_ids).delete()
    Actor.objects.filter(pk__in=other_ids).delete()
    existing = {name_key(target.name), *target.aliases.values_list("key", flat=True)}
    new_aliases = {name_key(name): name for name in names if name_key(name) not in existing}
    ActorAlias.objects.bulk_create(
        [
            ActorAlias(actor=target, alias=name, key=key)
            for key, name in sorted(new_aliases.items())
        ],
        ignore_conflicts=True,
    )
    target.title = target.title or next((actor.title for actor in others if actor.title), "")
    target.reviewed = True
    target.save(update_fields=["title", "reviewed"])
    return target


@transaction.atomic
@transaction.atomic
def actor_save(*, actor: Actor, previous_name: str = "") -> Actor:
    """Save an editor's change to an actor (it counts as reviewed). A renamed actor keeps its
    old name as an alias, so documents that still use that name find it instead of creating a
    duplicate.

    Raises ValidationError if the name is taken: ``clean()`` checks first, and the unique
    constraint settles a race with a concurrent write of the same name (checked, then taken
    before the insert), which would otherwise be an IntegrityError.
    """
    actor.reviewed = True
    actor.full_clean(validate_constraints=False)
    _save_unique(actor, "name", actor.name)
    # Its name is no alias.
    ActorAlias.objects.filter(actor=actor, key=name_key(actor.name)).delete()
    if previous_name and name_key(previous_name) != name_key(actor.name):
        ActorAlias.objects.bulk_create(
            [ActorAlias(actor=actor, alias=previous_name, key=name_key(previous_name))],
            ignore_conflicts=True,
        )
    return actor


@transaction.atomic
def actor_alias_save(*, alias: ActorAlias) -> ActorAlias:
    """Save another name for an actor; ValidationError if the name is taken (as actor_save)."""
    alias.full_clean(validate_constraints=False)
    _save_unique(alias, "alias", alias.alias)
    return alias


def _save_unique(row: Actor | ActorAlias, field: str, name: str) -> None:
    """Save ``row``, a name unique by its key: a lost race is a ValidationError on ``field``."""
    try:
        with transaction.atomic():  # a savepoint: the transaction stays usable
            row.save()
    except IntegrityError:
        raise ValidationError({field: ERROR_NAME_TAKEN.format(name=name)}) from None
