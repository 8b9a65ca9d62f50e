from django.apps import AppConfig
from django.db.models.signals import post_migrate


class EventsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "events"
    verbose_name = "Timeline events"

    def ready(self) -> None:
        from events.change_counter import install_after_migrate

        # After every migrate, the change counter's triggers on every table of the app.
        post_migrate.connect(install_after_migrate, sender=self)
