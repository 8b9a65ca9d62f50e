"""Production settings, checked the way they are used: in a fresh process with the environment
of a deployment (the test process's own settings are already loaded and cannot be re-read)."""

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent

# The production environment documented in the README ("Production").
PRODUCTION_ENV = {
    "DEBUG": "0",
    "ALLOWED_HOSTS": "timeline.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://timeline.example.org",
    "SECURE_PROXY_SSL_HEADER": "1",
    "SECURE_SSL_REDIRECT": "1",
    "SESSION_COOKIE_SECURE": "1",
    "CSRF_COOKIE_SECURE": "1",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "1",
    "SECURE_HSTS_PRELOAD": "1",
}

SETTINGS_SHOWN = [
    "DEBUG",
    "ALLOWED_HOSTS",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "TIMELINE_MAX_DOCUMENT_BYTES",
    "DATA_UPLOAD_MAX_MEMORY_SIZE",
    "REST_FRAMEWORK",
]


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    """Run a Python command in the project with exactly ``env`` (plus PATH), like a server."""
    base = {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def secret_key() -> str:
    return secrets.token_urlsafe(50)


def settings_in(env: dict[str, str]) -> dict:
    """The settings a process started with ``env`` sees."""
    names = json.dumps(SETTINGS_SHOWN)
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {names}}}))"
    )
    result = run(["-c", code], {"DJANGO_SETTINGS_MODULE": "timeline.settings", **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_check_deploy_reports_nothing_with_the_production_environment():
    env = {**PRODUCTION_ENV, "SECRET_KEY": secret_key()}
    result = run(["manage.py", "check", "--deploy", "--fail-level", "DEBUG"], env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_finds_the_issues_without_it():
    # The same check is not vacuous: with the switches off it names what is missing.
    env = {"DEBUG": "0", "SECRET_KEY": secret_key(), "ALLOWED_HOSTS": "timeline.example.org"}
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)
    assert result.returncode != 0
    for warning in ("W004", "W008", "W012", "W016"):
        assert f"security.{warning}" in result.stderr + result.stdout


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("SECRET_KEY", "SECRET_KEY must be set when DEBUG is off."),
        ("ALLOWED_HOSTS", "ALLOWED_HOSTS must be set when DEBUG is off."),
    ],
)
@pytest.mark.parametrize(
    "command",
    [
        ["manage.py", "check"],
        # What gunicorn loads: the WSGI application.
        ["-c", "import timeline.wsgi"],
    ],
    ids=["manage.py", "wsgi"],
)
def test_debug_off_refuses_to_start_without(missing, message, command):
    env = {**PRODUCTION_ENV, "SECRET_KEY": secret_key()}
    env.pop(missing)
    result = run(command, env)
    assert result.returncode != 0
    if command[0] == "manage.py":
        # One line saying what to set, not a traceback.
        assert result.stderr.strip().splitlines() == [
            f"manage.py: {message} Set it in the environment (README, 'Settings' and "
            "'Production'), or DEBUG=1 for development."
        ]
    else:
        assert f"ImproperlyConfigured: {message}" in result.stderr


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="not run from a git checkout")
def test_manage_py_in_the_checkout_defaults_to_development():
    # A newcomer's first command: nothing set, from the checkout.
    result = run(["manage.py", "check"], {})
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
    assert result.stderr.strip().splitlines() == [
        "manage.py: DEBUG is not set: using the development settings (DEBUG=1). "
        "Set DEBUG=0, SECRET_KEY and ALLOWED_HOSTS for production (README, 'Production')."
    ]


@pytest.mark.parametrize(
    "env", [{"DEBUG": "0"}, {"SECRET_KEY": "x" * 50}], ids=["DEBUG=0", "SECRET_KEY set"]
)
def test_manage_py_has_no_development_default_once_production_is_asked_for(env):
    result = run(["manage.py", "check"], env)
    assert result.returncode == 1
    assert "must be set when DEBUG is off" in result.stderr
    assert "Traceback" not in result.stderr


def test_manage_py_outside_a_checkout_has_no_development_default(tmp_path):
    # As in the Docker image (no .git): the same script, production-safe.
    (tmp_path / "manage.py").write_text((ROOT / "manage.py").read_text(encoding="utf-8"))
    result = subprocess.run(
        [sys.executable, str(tmp_path / "manage.py"), "check"],
        cwd=tmp_path,
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("manage.py: SECRET_KEY must be set when DEBUG is off.")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("name", "blank"), [("SECRET_KEY", ""), ("ALLOWED_HOSTS", " , ")])
def test_debug_off_refuses_blank_values(name, blank):
    env = {**PRODUCTION_ENV, "SECRET_KEY": secret_key(), name: blank}
    result = run(["manage.py", "check"], env)
    assert result.returncode != 0
    assert f"manage.py: {name} must be set when DEBUG is off." in result.stderr


def test_security_switches_come_from_the_environment():
    on = settings_in({**PRODUCTION_ENV, "SECRET_KEY": secret_key()})
    assert on["DEBUG"] is False
    assert on["ALLOWED_HOSTS"] == ["timeline.example.org"]
    assert on["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert on["SECURE_SSL_REDIRECT"] is True
    assert on["SESSION_COOKIE_SECURE"] is True
    assert on["CSRF_COOKIE_SECURE"] is True
    assert on["SECURE_HSTS_SECONDS"] == 31536000
    assert on["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert on["SECURE_HSTS_PRELOAD"] is True

    off = settings_in({"DEBUG": "1"})
    assert off["DEBUG"] is True
    assert off["SECURE_PROXY_SSL_HEADER"] is None
    assert off["SECURE_SSL_REDIRECT"] is False
    assert off["SESSION_COOKIE_SECURE"] is False
    assert off["SECURE_HSTS_SECONDS"] == 0


def test_size_limit_and_throttle_come_from_the_environment():
    default = settings_in({"DEBUG": "1"})
    assert default["TIMELINE_MAX_DOCUMENT_BYTES"] == 2_000_000
    assert default["REST_FRAMEWORK"]["DEFAULT_THROTTLE_RATES"]["anon"] == "1000/minute"

    tuned = settings_in(
        {"DEBUG": "1", "TIMELINE_MAX_DOCUMENT_BYTES": "5000", "API_ANON_THROTTLE_RATE": "7/second"}
    )
    assert tuned["TIMELINE_MAX_DOCUMENT_BYTES"] == 5000
    # The request limit follows, with room for the JSON around the text.
    assert 5000 < tuned["DATA_UPLOAD_MAX_MEMORY_SIZE"] <= 5000 + 200_000
    assert tuned["REST_FRAMEWORK"]["DEFAULT_THROTTLE_RATES"]["anon"] == "7/second"


def compose_app_environment() -> dict[str, str]:
    """The app's environment in docker-compose.yml, with ``${NAME:-default}`` resolved to its
    default and ``${NAME:?error}`` (a value the operator must give) to a generated one."""
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    environment = compose["services"]["app"]["environment"]
    generated = {"SECRET_KEY": secret_key()}

    def resolve(value: object) -> str:
        def substitute(match: re.Match) -> str:
            name, kind, default = match.group(1), match.group(2), match.group(3)
            return default if kind == ":-" else generated[name]

        return re.sub(r"\$\{(\w+)(:-|:\?)([^}]*)\}", substitute, str(value))

    return {name: resolve(value) for name, value in environment.items()}


def test_docker_compose_runs_the_app_with_the_production_switches():
    env = compose_app_environment()
    for name in PRODUCTION_ENV:
        if name not in ("ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS"):
            assert env[name] == PRODUCTION_ENV[name], name
    env.pop("DATABASE_URL")  # the compose network's database; the check needs none
    result = run(["manage.py", "check", "--deploy", "--fail-level", "DEBUG"], env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_throttle_can_trust_a_proxy():
    assert settings_in({"DEBUG": "1"})["REST_FRAMEWORK"]["NUM_PROXIES"] == 0
    proxied = settings_in({"DEBUG": "1", "API_NUM_PROXIES": "1"})
    assert proxied["REST_FRAMEWORK"]["NUM_PROXIES"] == 1


def test_postgresql_connections_do_not_jit_compile(db):
    """A page's queries run in milliseconds; JIT compiling a plan PostgreSQL overestimates (a
    table sample, a walk of the timeline) took 15-90 ms (timeline/settings.py)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("JIT is PostgreSQL's")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
