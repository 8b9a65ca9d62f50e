"""Editors' accounts: staff users in the "editors" group (the create_editor command)."""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import Group, Permission
from django.db import transaction

# The group whose model permissions an editor's account gets (create_editor): every write the
# API and the admin offer on the app's models.
EDITORS_GROUP = "editors"
EDITOR_ACTIONS = ("view", "add", "change", "delete")


@transaction.atomic
def editor_create(*, username: str) -> tuple[AbstractBaseUser, bool]:
    """An editor's account: staff (the admin), in the "editors" group, which holds the model
    permissions of every model of the app (created or brought up to date here). An existing
    user of that name becomes an editor; returns the user and whether it was created. A new
    user has no usable password (tokens for scripts; ``changepassword`` for the admin)."""
    User = get_user_model()
    models = apps.get_app_config("events").get_models()
    codenames = [
        f"{action}_{model._meta.model_name}" for model in models for action in EDITOR_ACTIONS
    ]
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="events", codename__in=codenames)
    )
    user = User.objects.filter(**{User.USERNAME_FIELD: username}).first()
    created = user is None
    if user is None:
        user = User(**{User.USERNAME_FIELD: username})
        user.set_unusable_password()
        user.full_clean(exclude=["password"])
    user.is_staff = True
    user.save()
    user.groups.add(group)
    return user, created
