"""Settings for the timeline service, configured from the environment.

SQLite is the zero-setup default; PostgreSQL is used whenever DATABASE_URL is set.
Safe by default: with DEBUG off, SECRET_KEY and ALLOWED_HOSTS must be given.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def envint(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def envlist(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = envbool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    # Development only: DEBUG is on, so nothing secret is protected by this key.
    SECRET_KEY = "dev-only-insecure-key"

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver" if DEBUG else "")
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off.")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "events",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "timeline.middleware.RequestSizeLimitMiddleware",
    "timeline.middleware.ContentSecurityPolicyMiddleware",
    "timeline.middleware.LoginThrottleMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "timeline.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "timeline.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=envint("CONN_MAX_AGE", 60),
    )
}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several processes write to one SQLite file when task-queue workers import (or an import
    # runs beside the web app): a transaction that reads first and writes later could not
    # upgrade its lock while another writes ("database is locked" at once, SQLite's deadlock
    # avoidance). IMMEDIATE takes the write lock at BEGIN, so writers wait their turn, up to
    # `timeout` seconds.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": envint("SQLITE_TIMEOUT", 30)}
    )

# No JIT compilation on PostgreSQL: the app's queries read a page (tens of rows), but a plan
# whose row count PostgreSQL cannot know (a table sample, a walk of the timeline) is costed as if
# it read the table, and compiling it took 15-90 ms for a query that runs in 2-10 ms
# (docs/benchmarks.md, "Timeline API"). Set PG_JIT=1 to keep PostgreSQL's default.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and not envbool("PG_JIT"):
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options["options"] = f"{options.get('options', '')} -c jit=off".strip()

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed, compressed names need `collectstatic` first (the Docker image runs it);
        # development and the test suite (STATIC_MANIFEST=0) serve the files as they are.
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if envbool("STATIC_MANIFEST", not DEBUG)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Production security switches, all from the environment (see README, "Production").
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if envbool("SECURE_PROXY_SSL_HEADER", False) else None
)
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", False)
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", False)
CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE", False)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", False)

# Largest document body accepted by the importer and the API, in bytes.
TIMELINE_MAX_DOCUMENT_BYTES = envint("TIMELINE_MAX_DOCUMENT_BYTES", 2_000_000)
# Largest .json file the importer reads. A JSON list is parsed whole, at two to three times its
# size in memory (about 110 MB of Python objects for 53 MB of text), so 50 MB, some 10,000
# articles, stays near 150 MB; larger corpora go in .jsonl files, read a line at a time whatever
# their size (each line up to 6 x TIMELINE_MAX_DOCUMENT_BYTES + 64 KiB: events/inputs.py).
TIMELINE_MAX_JSON_FILE_BYTES = envint("TIMELINE_MAX_JSON_FILE_BYTES", 50_000_000)
# Reject oversized request bodies before they are read in full. A JSON request may escape every
# byte of the text as six ("\u00e9" for the two bytes of "é", "\u0001" for one), so a document
# under the limit can take 6 times its size, plus the title, url and keys around it; the exact
# check is on the decoded text (events.inputs.validate).
DATA_UPLOAD_MAX_MEMORY_SIZE = 6 * TIMELINE_MAX_DOCUMENT_BYTES + 100_000

# The throttles' counts (per process unless pointed at a shared cache).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Login attempts (admin and browsable API) per client address: timeline.middleware.
LOGIN_THROTTLE_RATE = os.environ.get("LOGIN_THROTTLE_RATE", "10/minute")
# After logging in without "next" (the browsable API's login link has one): the API's root.
LOGIN_REDIRECT_URL = "/api/"

# Everything from this site only; no inline scripts or styles (the pages have none: their
# script and stylesheet are static files), no plugins, no framing, forms post here only.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)
# The Swagger page's template starts the viewer with an inline script.
CONTENT_SECURITY_POLICY_EXEMPT = ["/api/docs/"]

REST_FRAMEWORK = {
    # Token first: an unauthenticated request is then answered 401 with "WWW-Authenticate:
    # Token" (the first class decides), which tells a script what to send.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.DjangoModelPermissionsOrAnonReadOnly",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    # DRF's parsers, JSON's catching brackets nested too deeply (400, not 500).
    "DEFAULT_PARSER_CLASSES": [
        "events.parsers.SafeJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": envint("API_PAGE_SIZE", 50),
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("API_ANON_THROTTLE_RATE", "1000/minute"),
        # Anonymous exports (?format=csv|ics|jsonl|timelinejs, up to 10,000 events each), on top
        # of "anon": events.renderers.ExportRateThrottle.
        "export": os.environ.get("API_EXPORT_THROTTLE_RATE", "30/minute"),
    },
    # Behind N proxies the client is the Nth address from the right of X-Forwarded-For; with 0
    # it is the peer address. (DRF's own default, None, would trust the whole header, which a
    # client can forge to escape the throttle.)
    "NUM_PROXIES": envint("API_NUM_PROXIES", 0),
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Timeline reconstruction API",
    "DESCRIPTION": "Dated, sourced events extracted from news documents.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI served from our own static files: the docs page works offline.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # ImportJob.status and Event.status are different choices under one field name.
    "ENUM_NAME_OVERRIDES": {
        "StatusEnum": "events.models.Event.Status",
        "ImportJobStatusEnum": "events.models.ImportJob.Status",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "events.openapi.timelinejs_responses",  # ?format=timelinejs is JSON too
    ],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# The task queue (Celery, events/tasks.py) behind `import_documents --queue` and /api/imports/:
# a plain `import_documents` never touches it. Job status and counts live in the database
# (events.ImportJob), so no result backend is needed.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "redis://127.0.0.1:6379/0")
# Workers and producers must agree on the queue; tests use a queue of their own.
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CELERY_TASK_DEFAULT_QUEUE", "timeline-imports")
CELERY_TASK_IGNORE_RESULT = True
# A worker takes one batch at a time: with late acknowledgement a prefetched batch would wait
# behind a long one instead of going to an idle worker.
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A message a worker took and never acknowledged (the worker was killed) goes back to the
# queue after `visibility_timeout` seconds (Redis transport); it must exceed the longest batch,
# or a batch still running is delivered again (harmless, the batch row settles it, but wasted).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": envint("CELERY_VISIBILITY_TIMEOUT", 3600),
    # How often a worker looks for such messages (seconds, and every Nth look scans Redis).
    "unacked_restore_interval": envint("CELERY_UNACKED_RESTORE_INTERVAL", 10),
    "unacked_restore_throttle": envint("CELERY_UNACKED_RESTORE_THROTTLE", 10),
}
# Producers give up on an unreachable broker at once, with a one-line error, instead of
# retrying for minutes.
CELERY_BROKER_CONNECTION_TIMEOUT = envint("CELERY_BROKER_CONNECTION_TIMEOUT", 4)
CELERY_TASK_PUBLISH_RETRY = False
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Tests (pyproject.toml) run tasks in the calling process, except the ones that start workers.
CELERY_TASK_ALWAYS_EAGER = envbool("CELERY_TASK_ALWAYS_EAGER", False)
# ... and an error in such a task is raised there, not kept in a result nobody reads.
CELERY_TASK_EAGER_PROPAGATES = CELERY_TASK_ALWAYS_EAGER
