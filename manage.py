#!/usr/bin/env python
"""Django's command-line utility for administrative tasks.

Run from a git checkout with neither ``DEBUG`` nor ``SECRET_KEY`` in the environment, it uses the
development settings (``DEBUG=1``) and says so on stderr: a newcomer's first ``manage.py``
command works. Anywhere else (a deployment, the Docker image, which has no ``.git``) the
settings stay safe by default, and a missing setting is one line naming what to set instead of
a traceback.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
DEVELOPMENT_NOTE = (
    "manage.py: DEBUG is not set: using the development settings (DEBUG=1). "
    "Set DEBUG=0, SECRET_KEY and ALLOWED_HOSTS for production (README, 'Production')."
)
SETTINGS_HINT = (
    "Set it in the environment (README, 'Settings' and 'Production'), or DEBUG=1 for development."
)


def development_default(environ: dict[str, str] | os._Environ, root: Path) -> bool:
    """Whether to default to DEBUG=1: in a checkout, when nothing production-like is set (a
    deployment always sets SECRET_KEY, and DEBUG=0 is an explicit choice)."""
    return "DEBUG" not in environ and "SECRET_KEY" not in environ and (root / ".git").exists()


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")
    if development_default(os.environ, ROOT):
        os.environ["DEBUG"] = "1"
        print(DEVELOPMENT_NOTE, file=sys.stderr)
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        settings.INSTALLED_APPS  # noqa: B018 - loads the settings, which check the environment
    except ImproperlyConfigured as error:
        sys.exit(f"manage.py: {error} {SETTINGS_HINT}")
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
