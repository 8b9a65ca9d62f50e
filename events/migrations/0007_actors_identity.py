"""Actors identified by actor_key (a person by first and last name), and aliases the analysis
found told apart from an editor's (only an editor's identify an actor across documents)."""

from django.db import migrations, models

from events.services.actors import actors_rekey


def identity_keys(apps, schema_editor):
    """Each actor's key becomes its identity (``services.actors.actors_rekey``)."""
    actors_rekey(apps.get_model("events", "Actor"))


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
