"""Organizations identified without the descriptor words a company's name is written with or
without ("Dell" and "Dell Technologies" are one; ``analysis.actors.actor_key``): stored actors
take the identity the current rule gives them."""

from django.db import migrations

from events.services.actors import actors_rekey


def rekey(apps, schema_editor):
    actors_rekey(apps.get_model("events", "Actor"))


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0009_text_search_trigram_indexes"),
    ]

    operations = [migrations.RunPython(rekey, migrations.RunPython.noop)]
