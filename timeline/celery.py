"""The Celery application: `celery -A timeline worker` runs the import tasks (events/tasks.py).

Configured from Django's settings (the ``CELERY_*`` names in timeline/settings.py, themselves
from the environment), so a worker needs the same environment as the web app: DATABASE_URL,
SECRET_KEY, CELERY_BROKER_URL.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")

app = Celery("timeline")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
