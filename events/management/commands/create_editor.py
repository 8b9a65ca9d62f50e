"""python manage.py create_editor USERNAME"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from events.services.editors import EDITORS_GROUP, editor_create


class Command(BaseCommand):
    help = (
        "Create an editor: a staff user in the 'editors' group, which holds the model "
        "permissions (view, add, change, delete) of every model of the timeline, so it may "
        "write through the API and the admin. An existing user becomes an editor. Prints how "
        "to get an API token and how to set a password for the admin."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args, username: str, **options) -> None:
        try:
            user, created = editor_create(username=username)
        except ValidationError as error:
            raise CommandError(f"cannot create editor {username!r}: {error}") from None
        name = user.get_username()
        done = f"Editor {name!r} created" if created else f"User {name!r} is now an editor"
        self.stdout.write(self.style.SUCCESS(f"{done} (staff, group {EDITORS_GROUP!r})."))
        self.stdout.write(f"API token:      python manage.py drf_create_token {name}")
        self.stdout.write(f"Admin password: python manage.py changepassword {name}")
