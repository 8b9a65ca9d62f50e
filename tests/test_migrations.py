"""Data migrations that run SQL of their own: what they leave behind."""

from importlib import import_module

import pytest
from django.db import connection

drop_counter = import_module("events.migrations.0008_drop_timeline_change_counter").drop_counter


def triggers() -> set[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
        else:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        return {name for (name,) in cursor.fetchall()}


@pytest.mark.django_db(transaction=True)
def test_0008_drops_the_change_counter_and_every_trigger_that_raised_it():
    # What 0003 and the post_migrate hook of earlier versions created, in their names.
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE events_timeline_version (id integer, version bigint)")
        cursor.execute("CREATE TABLE keep_me (id integer)")
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE FUNCTION events_timeline_changed() RETURNS trigger LANGUAGE plpgsql "
                "AS $$ BEGIN RETURN NULL; END $$"
            )
            for table in ("events_event", "events_collection_documents"):
                cursor.execute(
                    f"CREATE TRIGGER {table}_timeline_changed AFTER UPDATE ON {table} "
                    "FOR EACH ROW EXECUTE FUNCTION events_timeline_changed()"
                )
                cursor.execute(
                    f"CREATE TRIGGER {table}_timeline_truncated AFTER TRUNCATE ON {table} "
                    "FOR EACH STATEMENT EXECUTE FUNCTION events_timeline_changed()"
                )
            cursor.execute(
                "CREATE FUNCTION keep_me() RETURNS trigger LANGUAGE plpgsql "
                "AS $$ BEGIN RETURN NULL; END $$"
            )
            cursor.execute(
                "CREATE TRIGGER keep_me_trigger AFTER TRUNCATE ON keep_me "
                "FOR EACH STATEMENT EXECUTE FUNCTION keep_me()"
            )
        else:
            for table in ("events_event", "events_collection_documents"):
                for operation in ("insert", "update", "delete"):
                    cursor.execute(
                        f"CREATE TRIGGER {table}_timeline_{operation} AFTER {operation} "
                        f"ON {table} BEGIN SELECT 1; END"
                    )
            cursor.execute(
                "CREATE TRIGGER keep_me_trigger AFTER DELETE ON keep_me BEGIN SELECT 1; END"
            )
    try:
        with connection.schema_editor() as editor:
            drop_counter(None, editor)
        assert not {name for name in triggers() if "_timeline_" in name}
        assert "keep_me_trigger" in triggers()  # not one of the counter's
        assert "events_timeline_version" not in connection.introspection.table_names()
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE IF EXISTS keep_me")
            cursor.execute("DROP TABLE IF EXISTS events_timeline_version")
            if connection.vendor == "postgresql":
                cursor.execute("DROP FUNCTION IF EXISTS keep_me()")


rekey = import_module("events.migrations.0010_actor_keys_without_descriptors").rekey


@pytest.mark.django_db
def test_0010_gives_stored_actors_the_identity_the_current_rule_gives_them():
    from django.apps import apps

    from events.analysis.actors import actor_key
    from events.models import Actor

    # Stored under the keys of the rule before (bulk_create: save() would key them anew): a
    # company with and without its descriptor.
    both, alone, person, clash = Actor.objects.bulk_create(
        [
            Actor(name="Dell Technologies", kind="organization", key="dell technologies"),
            Actor(name="Acme Holdings", kind="organization", key="acme holdings"),
            Actor(name="Ana Lopez", kind="person", key="ana lopez"),
            Actor(name="Dell", kind="organization", key="dell#old"),
        ]
    )
    rekey(apps, None)
    keys = dict(Actor.objects.values_list("pk", "key"))
    assert keys[both.pk] == actor_key("Dell", "organization")  # the oldest takes the identity...
    assert keys[clash.pk] == "dell#old"  # ...the other keeps its key, for an editor to merge
    assert keys[alone.pk] == actor_key("Acme", "organization")
    assert keys[person.pk] == actor_key("Ana Lopez", "person")


rekey_0012 = import_module("events.migrations.0012_actor_keys_without_country_initials").rekey


@pytest.mark.django_db
def test_0012_identifies_a_national_body_with_and_without_its_countrys_initials():
    from django.apps import apps

    from events.analysis.actors import ORGANIZATION, actor_key
    from events.models import Actor

    assert actor_key("U.S. Coast Guard", ORGANIZATION) == actor_key("Coast Guard", ORGANIZATION)
    assert actor_key("UK Border Agency", ORGANIZATION) == actor_key("Border Agency", ORGANIZATION)
    assert actor_key("U.S. Steel", ORGANIZATION) != actor_key("Steel", ORGANIZATION)
    (guard,) = Actor.objects.bulk_create(
        [Actor(name="U.S. Coast Guard", kind="organization", key="u.s. coast guard")]
    )
    rekey_0012(apps, None)
    assert Actor.objects.get(pk=guard.pk).key == actor_key("Coast Guard", ORGANIZATION)


rekey_0013 = import_module("events.migrations.0013_actor_keys_across_transliterations").rekey


@pytest.mark.django_db
def test_0013_identifies_one_person_across_the_outlets_transliterations():
    from django.apps import apps

    from events.analysis.actors import actor_key
    from events.models import Actor

    gaddafi, gadhafi = Actor.objects.bulk_create(
        [
            Actor(name="Muammar Gaddafi", kind="person", key="muammar gaddafi"),
            Actor(name="Moammar Gadhafi", kind="person", key="moammar gadhafi"),
        ]
    )
    rekey_0013(apps, None)
    keys = dict(Actor.objects.values_list("pk", "key"))
    # The older takes the shared identity; the other keeps its key, for an editor to merge.
    assert keys[gaddafi.pk] == actor_key("Muammar al-Qaddafi", "person")
    assert keys[gadhafi.pk] == "moammar gadhafi"


rekey_0014 = import_module("events.migrations.0014_actor_keys_of_parent_bodies").rekey


@pytest.mark.django_db
def test_0014_identifies_an_international_bodys_organ_however_the_body_is_written():
    from django.apps import apps

    from events.analysis.actors import ORGANIZATION, actor_key
    from events.models import Actor

    council = actor_key("UN Security Council", ORGANIZATION)
    for name in ("U.N. Security Council", "United Nations Security Council"):
        assert actor_key(name, ORGANIZATION) == council, name
    # Another body's organ, or a country's, is another one.
    assert actor_key("EU Security Council", ORGANIZATION) != council
    assert actor_key("Freedonian Security Council", ORGANIZATION) != council
    (stored,) = Actor.objects.bulk_create(
        [
            Actor(
                name="United Nations Security Council",
                kind="organization",
                key="united nations security council",
            )
        ]
    )
    rekey_0014(apps, None)
    assert Actor.objects.get(pk=stored.pk).key == council
