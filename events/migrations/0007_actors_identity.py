"""Actors identified by actor_key (a person by first and last name), and aliases the analysis
found told apart from an editor's (only an editor's identify an actor across documents)."""

from django.db import migrations, models

from events.analysis.actors import actor_key


def identity_keys(apps, schema_editor):
    """Each actor's key becomes its identity. Where two existing actors share one identity (an
    "Ana Lopez" and an "Ana Maria Lopez" from before), the one that already holds it, else the
    oldest, takes it; the other keeps its old key, for an editor to merge."""
    Actor = apps.get_model("events", "Actor")
    actors = list(Actor.objects.only("pk", "name", "kind", "key").order_by("pk"))
    taken = {actor.key for actor in actors if actor.key == actor_key(actor.name, actor.kind)}
    changed = []
    for actor in actors:
        new = actor_key(actor.name, actor.kind)
        if new != actor.key and new not in taken:
            taken.add(new)
            actor.key = new
            changed.append(actor)
    # Two steps, so no row holds another's key for a moment (the key is unique).
    final = {actor.pk: actor.key for actor in changed}
    for actor in changed:
        actor.key = f"#{actor.pk}"
    Actor.objects.bulk_update(changed, ["key"], batch_size=1000)
    for actor in changed:
        actor.key = final[actor.pk]
    Actor.objects.bulk_update(changed, ["key"], batch_size=1000)


def mark_surnames(apps, schema_editor):
    """Aliases stored before this migration do not say who made them: a lone word of the
    actor's own name (a surname the analysis guessed, "Johnson") is the analysis's."""
    ActorAlias = apps.get_model("events", "ActorAlias")
    guessed = [
        alias.pk
        for alias in ActorAlias.objects.select_related("actor").only("pk", "alias", "actor__name")
        if " " not in alias.alias.strip() and alias.alias.strip() in alias.actor.name.split()[1:]
    ]
    ActorAlias.objects.filter(pk__in=guessed).update(machine=True)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0006_queue_importjob"),
    ]

    operations = [
        migrations.AddField(
            model_name="actoralias",
            name="machine",
            field=models.BooleanField(
                default=False,
                help_text="Found by the analysis (a handle, an acronym, another spelling): shown, "
                "but never used to match a name in another document. An editor's alias is.",
            ),
        ),
        migrations.RunPython(identity_keys, migrations.RunPython.noop),
        migrations.RunPython(mark_surnames, migrations.RunPython.noop),
    ]
