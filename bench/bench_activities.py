"""Benchmark: do the list pages, the dashboard and the annual report answer in well under a
second with many activities (DESIGN.md, "Qualities"; issue "Dashboards and the annual
report")?

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/inroads_bench \\
        .venv/bin/python bench/bench_activities.py --activities 100000 [--million] [--explain]

What it does, in a throwaway PostgreSQL database whose name must contain "bench":

1. creates the database if it is missing, runs ``migrate`` and ``seed_demo``;
2. tops the database up to N activities (default 100,000; ``--million``: 1,000,000) with
   synthetic ones over 2015 to today, ~2,000 synthetic partners (a few of them busy) and 1 to 3
   partner links each, then VACUUM ANALYZE;
3. requests each page with django.test.Client (1 warm-up, then 5 timed runs) and prints the
   median and max milliseconds, the number of SQL queries, their time as Django saw it, the
   time PostgreSQL itself reports for the same queries (EXPLAIN ANALYZE: planning plus
   execution), the ratio of the page's time to PostgreSQL's, and the slowest query's time;
   ``--explain`` prints EXPLAIN ANALYZE of the slowest query of the slowest page.

Exits 1 when a page's median exceeds the budget (1000 ms), 2 when a page does not answer 200.
This is not a test: pytest and CI never run it (it needs minutes and a big database).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent
BATCH = 5_000
PARTNERS = 2_000
PARTNER_PREFIX = "Bench partner"
FIRST_DAY = date(2015, 1, 1)
WARMUPS, RUNS = 1, 5
BUDGET_MS = 1000.0


# --------------------------------------------------------------------------------------
# The database: refuse anything but a PostgreSQL "bench" database, create it if missing
# --------------------------------------------------------------------------------------


def bench_database() -> dict:
    """The DATABASE_URL's parts, or exit: this script writes a lot and may be followed by
    dropdb, so it only ever touches a PostgreSQL database whose name says "bench"."""
    url = os.environ.get("DATABASE_URL", "")
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if parts.scheme not in {"postgres", "postgresql", "pgsql"}:
        sys.exit("DATABASE_URL must point at PostgreSQL (postgres://user@host:5432/inroads_bench).")
    if "bench" not in name:
        sys.exit(f'Refusing to run: the database name "{name}" does not contain "bench".')
    return {
        "name": name,
        "user": parts.username or "postgres",
        "password": parts.password,
        "host": parts.hostname or "127.0.0.1",
        "port": parts.port or 5432,
    }


def create_database_if_missing(db: dict) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(
        dbname="postgres",
        user=db["user"],
        password=db["password"],
        host=db["host"],
        port=db["port"],
        autocommit=True,
    ) as conn:
        query = "SELECT 1 FROM pg_database WHERE datname = %s"
        exists = conn.execute(query, [db["name"]]).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db["name"])))
            print(f"created database {db['name']}")


def setup_django() -> None:
    # seed_demo refuses to run unless DEBUG is on (its users have a known password).
    os.environ["DEBUG"] = "1"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()
    from django.conf import settings

    # django.test.Client sends Host: testserver.
    if "testserver" not in settings.ALLOWED_HOSTS and "*" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]


def migrate_and_seed() -> None:
    import io

    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    call_command("seed_demo", stdout=io.StringIO())
    print(f"migrate + seed_demo: {time.perf_counter() - started:.1f} s")


# --------------------------------------------------------------------------------------
# Synthetic data
# --------------------------------------------------------------------------------------

PARTNER_WORDS = [
    "Community Association",
    "Youth Centre",
    "Islamic Centre",
    "Synagogue",
    "Gurdwara",
    "Friendship Centre",
    "Newcomer Services",
    "Seniors Club",
    "Pride Network",
    "Secondary School",
    "Community Health Centre",
    "Business Improvement Area",
    "Tenants' Association",
    "Cultural Society",
]
SUMMARIES = [
    "Discussed neighbourhood safety concerns and agreed on next steps.",
    "Presentation on reporting hate-motivated incidents, questions from the floor.",
    "Planning meeting for the upcoming community event.",
    "Follow-up with the partner on the youth program.",
    "Information table; handed out the strategic plan toolkit.",
    "Listening session with members about trust and confidence in police.",
    "",
]
# Weights of the activity types by code (others: 1).
TYPE_WEIGHTS = {"meeting": 8, "presentation": 4, "outreach": 4, "event_attended": 3}


def create_partners(rng: random.Random) -> list[int]:
    """~2,000 synthetic partners (created once), linked to sections and communities."""
    from django.db import transaction

    from accounts.models import Section
    from core.models import match_key, name_key
    from partners.choices import PartnerKind, PartnerStatus
    from partners.models import Community, Partner

    existing = Partner.objects.filter(name_key__startswith=name_key(PARTNER_PREFIX) + " ")
    if existing.count() < PARTNERS:
        have = set(existing.values_list("name", flat=True))
        kinds = list(PartnerKind.values)
        sections = list(Section.objects.filter(is_active=True).values_list("pk", flat=True))
        communities = list(Community.objects.values_list("pk", flat=True))
        new = []
        for i in range(1, PARTNERS + 1):
            name = f"{PARTNER_PREFIX} {i:04d} {PARTNER_WORDS[i % len(PARTNER_WORDS)]}"
            if name in have:
                continue
            status = rng.choices(
                [PartnerStatus.ACTIVE, PartnerStatus.FORMER, PartnerStatus.PROSPECTIVE],
                weights=[85, 10, 5],
            )[0]
            # bulk_create skips Partner.save(), which fills the matching keys.
            new.append(
                Partner(
                    name=name,
                    name_key=name_key(name),
                    match_key=match_key(name),
                    kind=kinds[i % len(kinds)],
                    ward=f"Ward {rng.randint(1, 24)}",
                    status=status,
                    since=FIRST_DAY - timedelta(days=rng.randint(0, 3650)),
                )
            )
        with transaction.atomic():
            created = Partner.objects.bulk_create(new, batch_size=BATCH)
            SectionLink = Partner.sections.through
            CommunityLink = Partner.communities.through
            SectionLink.objects.bulk_create(
                [
                    SectionLink(partner_id=p.pk, section_id=s)
                    for p in created
                    for s in rng.sample(sections, rng.randint(1, len(sections)))
                ],
                batch_size=BATCH,
            )
            if communities:
                CommunityLink.objects.bulk_create(
                    [
                        CommunityLink(partner_id=p.pk, community_id=c)
                        for p in created
                        for c in rng.sample(communities, min(len(communities), rng.randint(0, 2)))
                    ],
                    batch_size=BATCH,
                )
        print(f"partners: created {len(created)} synthetic partners")
    return list(existing.order_by("pk").values_list("pk", flat=True))


def create_activities(target: int, rng: random.Random) -> None:
    """Top the database up to ``target`` activities, in batches of 5,000.

    Synthetic benchmark data in a throwaway database: bulk_create sends no signals, so no
    audit history (django-simple-history) is written for these rows or their partner links.
    That is acceptable here and only here; real code saves activities through the services.
    """
    from django.db import transaction

    from accounts.models import Section, User
    from engagement.choices import Audience, ReviewStatus
    from engagement.models import Activity, ActivityType
    from partners.models import Partner

    existing = Activity.objects.count()
    if existing >= target:
        print(f"activities: {existing:,} already (>= {target:,}), generation skipped")
        return
    missing = target - existing

    partner_ids = create_partners(rng)
    names = dict(Partner.objects.filter(pk__in=partner_ids).values_list("pk", "name"))
    # A few partners are busy and most are not (Zipf-like, s=0.7): the busiest is linked to
    # about 7% of the activities.
    ranked = partner_ids[:]
    rng.shuffle(ranked)
    cum_weights, total = [], 0.0
    for rank in range(1, len(ranked) + 1):
        total += 1 / rank**0.7
        cum_weights.append(total)

    sections = list(Section.objects.filter(is_active=True))
    authors = {}
    for section in sections:
        staff = User.objects.filter(section=section, role="staff", is_active=True).first()
        authors[section.pk] = staff.pk if staff else None
    types = list(ActivityType.objects.filter(is_active=True))
    type_weights = [TYPE_WEIGHTS.get(t.code, 1) for t in types]
    statuses = [
        ReviewStatus.APPROVED,
        ReviewStatus.SUBMITTED,
        ReviewStatus.DRAFT,
        ReviewStatus.RETURNED,
    ]
    status_weights = [94, 3, 2, 1]
    audiences = list(Audience.values)
    days = (date.today() - FIRST_DAY).days
    Link = Activity.partners.through

    print(f"activities: {existing:,} in the database, adding {missing:,} ...", flush=True)
    started = time.perf_counter()
    done = 0
    while done < missing:
        size = min(BATCH, missing - done)
        activities, picks = [], []
        for n in range(done, done + size):
            section = rng.choice(sections)
            kind = rng.choices(types, weights=type_weights)[0]
            chosen = list(
                dict.fromkeys(rng.choices(ranked, cum_weights=cum_weights, k=rng.randint(1, 3)))
            )
            picks.append(chosen)
            activities.append(
                Activity(
                    section=section,
                    date=FIRST_DAY + timedelta(days=rng.randint(0, days)),
                    type=kind,
                    title=f"{kind.name} with {names[chosen[0]]} #{existing + n + 1}",
                    summary=rng.choice(SUMMARIES),
                    staff_hours=Decimal(rng.randint(2, 32)) / 4,
                    people_reached=int(rng.expovariate(1 / 30)),
                    audience=rng.choice(audiences),
                    location="",
                    ward=f"Ward {rng.randint(1, 24)}",
                    status=rng.choices(statuses, weights=status_weights)[0],
                    created_by_id=authors[section.pk],
                )
            )
        with transaction.atomic():
            Activity.objects.bulk_create(activities, batch_size=BATCH)
            Link.objects.bulk_create(
                [
                    Link(activity_id=a.pk, partner_id=p)
                    for a, chosen in zip(activities, picks, strict=True)
                    for p in chosen
                ],
                batch_size=BATCH,
            )
        done += size
        if done % 50_000 < BATCH or done == missing:
            elapsed = time.perf_counter() - started
            print(f"  {done:,}/{missing:,} in {elapsed:.0f} s", flush=True)
    print(f"activities: added {missing:,} in {time.perf_counter() - started:.1f} s")


def analyze() -> None:
    from django.db import connection

    from engagement.models import Activity

    started = time.perf_counter()
    with connection.cursor() as cursor:
        # VACUUM sets the visibility map (index-only scans), as autovacuum would in production.
        for model in (Activity, Activity.partners.through):
            cursor.execute(f'VACUUM ANALYZE "{model._meta.db_table}"')
        cursor.execute("ANALYZE")
    print(f"VACUUM ANALYZE: {time.perf_counter() - started:.1f} s")


# --------------------------------------------------------------------------------------
# Measuring
# --------------------------------------------------------------------------------------


def measure(call) -> dict:
    """1 warm-up and 5 timed runs of ``call``; the queries of the last run."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(WARMUPS):
        call()
    times, status = [], None
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            status = call()
            times.append((time.perf_counter() - started) * 1000)
    captured = list(queries.captured_queries)
    slowest = max(captured, key=lambda q: float(q["time"]), default=None)
    return {
        # PostgreSQL's own time for the same queries (planning + execution, from EXPLAIN
        # ANALYZE), so the ratio to the page's time shows what Django and templates add.
        "pg_ms": sum(postgres_ms(q["sql"]) for q in captured),
        "median": statistics.median(times),
        "max": max(times),
        "queries": len(captured),
        "sql_ms": sum(float(q["time"]) for q in captured) * 1000,
        "slowest_sql": slowest["sql"] if slowest else "",
        "slowest_ms": float(slowest["time"]) * 1000 if slowest else 0.0,
        "status": status,
    }


def pages() -> list[tuple[str, str, str]]:
    """(label, URL or "annual_report(2018)", username)."""
    from django.db.models import Count

    from accounts.models import Section
    from partners.models import Partner

    cds = Section.objects.get(code="CDS")
    busy = (
        Partner.objects.filter(is_archived=False)
        .annotate(n=Count("activities"))
        .order_by("-n")
        .values_list("pk", flat=True)
        .first()
    )
    staff, sergeant = "staff.cds", "sergeant.cds"
    return [
        ("activity list", "/activities/", staff),
        ("list: year + section", f"/activities/?year=2018&section={cds.pk}", staff),
        ("list: busy partner", f"/activities/?partner={busy}", staff),
        ("list: q=meeting", "/activities/?q=meeting", staff),
        ("review queue", "/activities/review/", sergeant),
        ("partner list", "/partners/", staff),
        ("partner detail (busy)", f"/partners/{busy}/", staff),
        ("dashboard (this year)", "/dashboard/", sergeant),
        ("dashboard: 2018, all", "/dashboard/?year=2018&section=all", sergeant),
        ("annual report JSON", "/reports/annual/2018/?format=json", sergeant),
        ("annual report HTML", "/reports/annual/2018/", sergeant),
        ("annual_report(2018)", "annual_report(2018)", ""),
    ]


def postgres_ms(sql: str) -> float:
    """Planning plus execution time PostgreSQL reports for one query (0 for non-SELECTs)."""
    import json

    from django.db import connection

    if not sql.lstrip().upper().startswith("SELECT"):
        return 0.0
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
        plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return float(plan[0].get("Planning Time", 0)) + float(plan[0].get("Execution Time", 0))


def explain(sql: str) -> str:
    from django.db import connection

    if not sql.lstrip().upper().startswith("SELECT"):
        return f"(not a SELECT, not explained)\n{sql}"
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
        return "\n".join(row[0] for row in cursor.fetchall())


def machine() -> str:
    from django.db import connection

    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg = cursor.fetchone()[0]
    return f"{os.cpu_count()} cores ({cpu or platform.machine()}), PostgreSQL {pg}"


def run_benchmark(args) -> int:
    from django.test import Client

    from accounts.models import User
    from engagement.models import Activity
    from partners.models import Partner
    from reports.queries import annual_report

    clients = {}
    for username in ("staff.cds", "sergeant.cds"):
        client = Client()
        client.force_login(User.objects.get(username=username))
        clients[username] = client

    def caller(url, username):
        if url == "annual_report(2018)":
            return lambda: annual_report(2018) and 200
        return lambda: clients[username].get(url).status_code

    results = []
    for label, url, username in pages():
        print(f"  measuring {label} ...", flush=True)
        results.append((label, url, username, measure(caller(url, username))))

    links = Activity.partners.through.objects.count()
    print()
    print(f"Inroads benchmark, {date.today().isoformat()}: {machine()}")
    # Another busy process on the machine skews the figures: say so.
    print(f"load average (1 min): {args.load_at_start:.2f} at start, {os.getloadavg()[0]:.2f} now")
    print(
        f"{Activity.objects.count():,} activities, {links:,} partner links, "
        f"{Partner.objects.count():,} partners; {WARMUPS} warm-up + {RUNS} runs per page"
    )
    print()
    header = (
        f"{'page':<24} {'median ms':>9} {'max ms':>8} {'queries':>7} {'sql ms':>6} "
        f"{'pg ms':>6} {'page/pg':>7} {'slowest q':>9}  url"
    )
    print(header)
    print("-" * len(header))
    failed = broken = False
    for label, url, _username, r in results:
        flag = ""
        if r["status"] != 200:
            flag, broken = f"  HTTP {r['status']}", True
        elif r["median"] > args.budget:
            flag, failed = "  SLOW", True
        print(
            f"{label:<24} {r['median']:>9.0f} {r['max']:>8.0f} {r['queries']:>7} "
            f"{r['sql_ms']:>6.0f} {r['pg_ms']:>6.0f} {r['median'] / max(r['pg_ms'], 0.1):>7.1f} "
            f"{r['slowest_ms']:>9.0f}  {url}{flag}"
        )
    print()
    print(
        "queries, sql ms, slowest q: number of SQL queries, their total time and the slowest "
        "one's time (ms) in the last run"
    )

    if args.explain:
        label, url, _username, r = max(results, key=lambda row: row[3]["median"])
        print()
        print(f"EXPLAIN ANALYZE of the slowest query of the slowest page, {label} ({url}):")
        print(r["slowest_sql"])
        print()
        print(explain(r["slowest_sql"]))

    if broken:
        print("\nFAIL: a page did not answer 200.")
        return 2
    if failed:
        print(f"\nFAIL: a median is over {args.budget:.0f} ms.")
        return 1
    print(f"\nOK: every median is under {args.budget:.0f} ms.")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--activities",
        type=int,
        default=100_000,
        help="activities the database should hold (default 100,000)",
    )
    parser.add_argument(
        "--million",
        action="store_true",
        help="1,000,000 activities (use its own database, e.g. inroads_bench_1m)",
    )
    parser.add_argument(
        "--explain",
        action="store_true",
        help="print EXPLAIN ANALYZE of the slowest query of the slowest page",
    )
    parser.add_argument(
        "--budget",
        type=float,
        default=BUDGET_MS,
        help="fail when a median exceeds this many ms (default 1000)",
    )
    parser.add_argument("--seed", type=int, default=2018, help="random seed (default 2018)")
    args = parser.parse_args()
    args.load_at_start = os.getloadavg()[0]
    target = 1_000_000 if args.million else args.activities

    db = bench_database()
    create_database_if_missing(db)
    setup_django()
    migrate_and_seed()
    create_activities(target, random.Random(args.seed))
    analyze()
    return run_benchmark(args)


if __name__ == "__main__":
    sys.exit(main())
