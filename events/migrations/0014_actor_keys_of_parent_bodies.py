"""Organs of an international body identified however the body is written ("the UN Security
Council", "the U.N. Security Council" and "the United Nations Security Council" are one;
``analysis.actors.actor_key``): stored actors take the identity the current rule gives them."""

from django.db import migrations

from events.services.actors import actors_rekey


def rekey(apps, schema_editor):
    actors_rekey(apps.get_model("events", "Actor"))


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0013_actor_keys_across_transliterations"),
    ]

    operations = [migrations.RunPython(rekey, migrations.RunPython.noop)]
