"""Actors identified across the spellings outlets give one name from another script ("Muammar
Gaddafi", "Moammar Gadhafi", "Muammar al-Qaddafi" are one; ``analysis.actors.actor_key``), and a
broadcaster with its news ("BBC News" is the BBC): stored actors take the identity the current rule
gives them."""

from django.db import migrations

from events.services.actors import actors_rekey


def rekey(apps, schema_editor):
    actors_rekey(apps.get_model("events", "Actor"))


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0012_actor_keys_without_country_initials"),
    ]

    operations = [migrations.RunPython(rekey, migrations.RunPython.noop)]
