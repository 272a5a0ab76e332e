"""Test helpers every app's tests reuse (imported by tests only)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable

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
    client, url: str, *, expected: int, add_rows: Callable[[], None], status: int = 200
) -> None:
    """Render ``url`` before and after ``add_rows()`` and require exactly ``expected`` SQL
    queries both times, so an N+1 anywhere on the page fails the build."""

    def count() -> tuple[int, list[str]]:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == status, f"{url} answered {response.status_code}"
        return len(queries), [q["sql"] for q in queries.captured_queries]

    few, few_sql = count()
    add_rows()
    many, many_sql = count()
    assert (few, many) == (expected, expected), (
        f"{url}: {few} queries with few rows, {many} with many; expected {expected} both times.\n"
        + "\n".join(many_sql)
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
