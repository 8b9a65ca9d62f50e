"""Organizations identified without a country's initials before a name of two words or more
("U.S. Border Patrol" and "Border Patrol" are one; ``analysis.actors.actor_key``): stored actors
take the identity the current rule gives them."""

from django.db import migrations

from events.services.actors import actors_rekey


def rekey(apps, schema_editor):
    actors_rekey(apps.get_model("events", "Actor"))


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0011_actor_keys_in_american_spelling"),
    ]

    operations = [migrations.RunPython(rekey, migrations.RunPython.noop)]
