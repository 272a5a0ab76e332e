"""Security that every page inherits: login everywhere, headers, no inline code, settings."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

pytestmark = pytest.mark.django_db

# The only views anyone may open without signing in (DESIGN.md, "People and roles").
ALLOW_LIST = {"login", "healthz", "set_language", "admin:login"}
# Calendar feeds need no login but the user's secret ?token=: without it, not found.
TOKEN_FEEDS = {"events:events_feed", "events:observances_feed"}
LOGIN_PAGES = {"/accounts/login/", "/admin/login/"}
SAMPLE_KWARGS = {"int": 1, "str": "x", "slug": "x", "path": "x", "uuid": "0" * 32}


def walk(patterns, namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", entry


def sample_url(name: str, pattern: URLPattern) -> str:
    converters = getattr(pattern.pattern, "converters", {})
    kwargs = {
        key: SAMPLE_KWARGS.get(type(conv).__name__.replace("Converter", "").lower(), "x")
        for key, conv in converters.items()
    }
    regex_groups = re.findall(r"\(\?P<(\w+)>([^)]*)\)", str(pattern.pattern))
    for key, body in regex_groups:
        # A group such as (?P<app_label>accounts|auth) takes its first alternative.
        kwargs.setdefault(key, re.sub(r"[\^$\\]", "", body.split("|")[0]) or "x")
    if re.fullmatch(r"\.\*|\.\+", kwargs.get("url", "")):
        kwargs["url"] = "x"
    compiled = pattern.pattern.regex
    positional = compiled.groups - len(compiled.groupindex)
    if positional and not kwargs:
        # Unnamed groups such as simple-history's admin/<model>/(id)/history/(id)/.
        return reverse(name, args=["1"] * positional)
    return reverse(name, kwargs=kwargs)


URLS = sorted(walk(get_resolver().url_patterns), key=lambda item: item[0])


def test_the_walk_finds_the_applications_pages():
    names = {name for name, _ in URLS}
    assert {"home", "reports:annual", "engagement:activity_review", "admin:index"} <= names


@pytest.mark.parametrize(("name", "pattern"), URLS, ids=[name for name, _ in URLS])
def test_every_page_needs_a_login_except_the_allow_list(client, name, pattern):
    url = sample_url(name, pattern)

    response = client.get(url)

    if name in TOKEN_FEEDS:
        assert response.status_code == 404, f"{url} answered {response.status_code}"
    elif name in ALLOW_LIST:
        assert response.status_code in (200, 302)
        if response.status_code == 302:
            assert response.url.split("?")[0] not in LOGIN_PAGES
    else:
        assert response.status_code == 302, f"{url} answered {response.status_code}"
        assert response.url.split("?next=")[0] in LOGIN_PAGES


def test_security_headers_are_on_every_page(client):
    response = client.get("/accounts/login/")

    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "style-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_templates_hold_no_inline_script_or_style():
    offenders = []
    for template in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        text = template.read_text()
        if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text):
            offenders.append(f"{template}: inline <script>")
        if re.search(r"<style\b|\sstyle=\"|\son[a-z]+=\"", text):
            offenders.append(f"{template}: inline style or event handler")
    assert offenders == []


def run_django(env_overrides: dict, *args: str) -> subprocess.CompletedProcess:
    unwanted = {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in unwanted}
    env.pop("ALLOWED_HOSTS", None)
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


REAL_KEY = "k3J9-zq8Lx2Pv7Rt1Nw5Yb4Hc6Df0Gs8Ua2Ei9Oo3Mm7Qq1Ww5Zz6Xx4Vv2Bb0Nn8"


def test_production_refuses_to_start_without_a_real_secret_key():
    for key in ("", "django-insecure-" + "x" * 60, "short"):
        result = run_django({"DEBUG": "0", "SECRET_KEY": key, "ALLOWED_HOSTS": "inroads"}, "check")
        assert result.returncode != 0
        assert "SECRET_KEY must be set to a real secret" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_django({"DEBUG": "0", "SECRET_KEY": REAL_KEY}, "check")

    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_check_deploy_is_clean_with_production_settings():
    result = run_django(
        {"DEBUG": "0", "SECRET_KEY": REAL_KEY, "ALLOWED_HOSTS": "inroads.police.local"},
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
    )

    assert result.returncode == 0, result.stderr + result.stdout


def test_the_web_application_defaults_to_production_mode():
    """gunicorn serves config.wsgi: without DEBUG set it must not fall back to development."""
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}

    result = subprocess.run(
        [sys.executable, "-c", "import config.wsgi"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode != 0
    assert "SECRET_KEY must be set to a real secret" in result.stderr
