"""Test helpers every app's tests reuse (imported by tests only)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from django.db import connection
from django.test.utils import CaptureQueriesContext

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# axe-core rule tags for WCAG 2.1 levels A and AA.
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def assert_constant_queries(
    client,
    url: str,
    *,
    expected: int,
    add_rows: Callable[[], None],
    status: int = 200,
    data: Mapping | Callable[[], Mapping] | None = None,
) -> None:
    """Render ``url`` before and after ``add_rows()`` and require exactly ``expected`` SQL
    queries both times, so an N+1 anywhere on the page fails the build.

    With ``data`` the page is posted to instead (a form that fails validation re-renders):
    a dict, or a function returning one, called before each count (not counted) so that it
    can carry the rows ``add_rows`` made, e.g. ``lambda: form_data(client.get(url))``."""

    def count() -> tuple[int, list[str]]:
        posted = data() if callable(data) else data
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url) if posted is None else client.post(url, posted)
        assert response.status_code == status, f"{url} answered {response.status_code}"
        return len(queries), [q["sql"] for q in queries.captured_queries]

    few, few_sql = count()
    add_rows()
    many, many_sql = count()
    assert (few, many) == (expected, expected), (
        f"{url}: {few} queries with few rows, {many} with many; expected {expected} both times.\n"
        + "\n".join(many_sql)
    )


def form_data(response, changes: Mapping | None = None) -> dict:
    """What a browser posts back from a rendered page whose forms and formsets (those of the
    page's own context) are left as they are, with ``changes`` by field name (``None``
    leaves a field out). A blank required field is the usual way to fail validation."""
    from django.forms import BaseForm, BaseFormSet, CheckboxInput, FileInput
    from django.test.utils import ContextList

    context = response.context[0] if isinstance(response.context, ContextList) else response.context
    fields = []
    for value in {id(v): v for v in context.flatten().values()}.values():
        if isinstance(value, BaseFormSet):
            fields += [*value.management_form, *(field for form in value for field in form)]
        elif isinstance(value, BaseForm):
            fields += list(value)
    data = {}
    for field in fields:
        widget, value = field.field.widget, field.value()
        if isinstance(widget, FileInput) or (isinstance(widget, CheckboxInput) and not value):
            continue
        if isinstance(widget, CheckboxInput):
            data[field.html_name] = "on"
        else:
            formatted = widget.format_value(value)
            data[field.html_name] = "" if formatted is None else formatted
    for name, value in (changes or {}).items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return data


def assert_form_constant_queries(
    client,
    url: str,
    *,
    add_rows: Callable[[], None],
    on_get: int,
    on_post: int,
    changes: Mapping,
    post_status: int = 200,
) -> None:
    """A create or edit page runs a fixed number of queries, both showing its form and
    showing it again after a post with ``changes`` that fail validation (``form_data``)."""
    assert_constant_queries(client, url, expected=on_get, add_rows=add_rows)
    assert_constant_queries(
        client,
        url,
        expected=on_post,
        add_rows=add_rows,
        status=post_status,
        data=lambda: form_data(client.get(url), changes),
    )


@dataclass(frozen=True)
class FormPage:
    """A row of an app's table of create and edit pages for ``assert_form_constant_queries``:
    its address, with ``{name}`` for the key of an object the test made; the role (a
    fixture of ``users``) that opens it; the changes of a post that fails validation; the
    queries showing the form and after that post."""

    url: str
    role: str
    changes: Mapping
    on_get: int
    on_post: int
    post_status: int = 200

    def __str__(self) -> str:  # the test's id
        return " ".join([self.role, self.url, *self.changes])

    def assert_constant_queries(self, client, *, add_rows: Callable[[], None], **objects):
        assert_form_constant_queries(
            client,
            self.url.format(**{name: row.pk for name, row in objects.items()}),
            add_rows=add_rows,
            on_get=self.on_get,
            on_post=self.on_post,
            changes=self.changes,
            post_status=self.post_status,
        )


def chromium_available() -> bool:
    return os.path.exists(CHROMIUM) or shutil.which("chromium") is not None


def axe_violations(page) -> list[dict]:
    """Run axe-core (shipped inside axe-playwright-python, so offline) on the page."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
    return results.response["violations"]


def assert_no_axe_violations(page) -> None:
    violations = axe_violations(page)
    summary = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
    ]
    assert violations == [], f"axe found on {page.url}:\n" + "\n".join(summary)


def many_to_many(field: str):
    """A factory_boy hook: ``partners = many_to_many("partners")`` lets a test pass
    ``partners=[...]`` to a factory."""
    import factory

    @factory.post_generation
    def hook(obj, create, extracted, **kwargs):
        if create and extracted:
            getattr(obj, field).set(extracted)

    return hook


def write_csv(path, rows, *, encoding: str = "utf-8", delimiter: str = ","):
    """A real CSV file for import tests, as Excel or a text editor would save it."""
    import csv

    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def write_xlsx(path, rows):
    """A real XLSX file for import tests (first sheet, one row per list)."""
    from openpyxl import Workbook

    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)
    return path


def errors_of(result) -> list[tuple[int, str]]:
    """(line, column) of every error of an import result."""
    return [(error.line, error.column) for error in result.errors]


def upload(path):
    """A file as the browser import form posts it (``{"file": upload(path)}``)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(path.name, path.read_bytes())


def unknown_partner_key(result, name: str) -> str:
    """The ``Resolution.key`` of the question an import result asks about the partner
    name ``name`` that matches no partner, for passing an answer to ``run(resolutions=...)``."""
    return next(r.key for r in result.resolutions if r.label == f"No partner is named “{name}”.")
