"""Actor and alias names compared by a key computed in Python (name_key), the same on every
database; actors an editor touched are marked reviewed; documents record the actors they name."""

from django.db import migrations, models

from events.analysis.actors import name_key


def fill_keys(apps, schema_editor):
    for model_name, field in (("Actor", "name"), ("ActorAlias", "alias")):
        model = apps.get_model("events", model_name)
        rows = list(model.objects.only("pk", field))
        for row in rows:
            row.key = name_key(getattr(row, field))
        model.objects.bulk_update(rows, ["key"], batch_size=1000)


def link_named_actors(apps, schema_editor):
    """Existing documents: the actors of their events are (at least) the ones they name."""
    Event = apps.get_model("events", "Event")
    Document = apps.get_model("events", "Document")
    links = set(
        Event.actors.through.objects.filter(event__document__isnull=False).values_list(
            "event__document_id", "actor_id"
        )
    )
    Document.actors.through.objects.bulk_create(
        [Document.actors.through(document_id=d, actor_id=a) for d, a in sorted(links)],
        batch_size=1000,
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="actor",
            name="key",
            field=models.CharField(default="", editable=False, max_length=200),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="actoralias",
            name="key",
            field=models.CharField(default="", editable=False, max_length=200),
            preserve_default=False,
        ),
        migrations.RunPython(fill_keys, migrations.RunPython.noop),
        migrations.RemoveConstraint(model_name="actor", name="actor_unique_name_ci"),
        migrations.RemoveConstraint(model_name="actoralias", name="actoralias_unique_alias_ci"),
        migrations.AddConstraint(
            model_name="actor",
            constraint=models.UniqueConstraint(fields=("key",), name="actor_unique_key"),
        ),
        migrations.AddConstraint(
            model_name="actoralias",
            constraint=models.UniqueConstraint(fields=("key",), name="actoralias_unique_key"),
        ),
        migrations.AddField(
            model_name="actor",
            name="reviewed",
            field=models.BooleanField(
                default=False,
                help_text="An editor created, edited or merged it: deleting a document never "
                "removes it.",
            ),
        ),
        migrations.AddField(
            model_name="document",
            name="actors",
            field=models.ManyToManyField(blank=True, related_name="documents", to="events.actor"),
        ),
        migrations.RunPython(link_named_actors, migrations.RunPython.noop),
    ]
