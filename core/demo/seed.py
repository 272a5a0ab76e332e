"""``seed_demo()``: load the demo data of ``core.demo.data`` into the database.

Idempotent: every row is found by its natural key and updated, never blindly created, so a
second run leaves the same number of rows of every model (only the audit history grows).
Objects are saved one by one so that django-simple-history records them. Everything happens
in one transaction.

2018 is planned by ``plan_activities_2018()``, a pure function with a fixed random generator,
so every run produces exactly the same activities.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from accounts.models import Section, User
from consultations.models import (
    Consultation,
    Distribution,
    Feedback,
    FeedbackTheme,
    Toolkit,
)
from core.models import name_key
from engagement.choices import ReviewAction, ReviewStatus
from engagement.models import Activity, ActivityReview, ActivityType, FollowUp
from events.choices import EventStatus
from events.models import (
    ChecklistTemplate,
    ChecklistTemplateItem,
    Event,
    EventTask,
    Observance,
    RunOfShowItem,
    Speaker,
)
from partners.models import Community, Contact, Partner

from . import data

TORONTO = ZoneInfo("America/Toronto")
YEAR = 2018
CONSENT_ON = date(2018, 1, 15)

# Statutory and civic holidays of 2018, when no routine activity is logged.
HOLIDAYS_2018 = {
    date(2018, 1, 1),
    date(2018, 2, 19),
    date(2018, 3, 30),
    date(2018, 4, 2),
    date(2018, 5, 21),
    date(2018, 7, 2),
    date(2018, 8, 6),
    date(2018, 9, 3),
    date(2018, 10, 8),
    date(2018, 11, 12),
    date(2018, 12, 24),
    date(2018, 12, 25),
    date(2018, 12, 26),
    date(2018, 12, 31),
}

# The models whose rows the command reports, in the order it prints them.
COUNTED_MODELS = [
    ("sections", Section),
    ("users", User),
    ("activity types", ActivityType),
    ("communities", Community),
    ("feedback themes", FeedbackTheme),
    ("checklist templates", ChecklistTemplate),
    ("checklist template items", ChecklistTemplateItem),
    ("partners", Partner),
    ("contacts", Contact),
    ("activities", Activity),
    ("activity reviews", ActivityReview),
    ("follow-ups", FollowUp),
    ("events", Event),
    ("speakers", Speaker),
    ("run of show items", RunOfShowItem),
    ("event tasks", EventTask),
    ("consultations", Consultation),
    ("toolkits", Toolkit),
    ("distributions", Distribution),
    ("feedback", Feedback),
    ("observances", Observance),
]


# --------------------------------------------------------------------------------------
# Pure helpers: dates, names
# --------------------------------------------------------------------------------------


def local_datetime(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """An aware datetime in America/Toronto local time."""
    return datetime(year, month, day, hour, minute, tzinfo=TORONTO)


def nth_sunday(year: int, month: int, n: int) -> date:
    first = date(year, month, 1)
    first_sunday = first + timedelta(days=(6 - first.weekday()) % 7)
    return first_sunday + timedelta(weeks=n - 1)


def last_day_of_month(year: int, month: int) -> date:
    if month == 12:
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)


def is_workday_2018(day: date) -> bool:
    return day.weekday() < 5 and day not in HOLIDAYS_2018


def next_workday_2018(day: date) -> date:
    day += timedelta(days=1)
    while not is_workday_2018(day):
        day += timedelta(days=1)
    return day


def random_workday(rng: random.Random, start: date, end: date) -> date:
    """A weekday that is not a holiday, between start and end included."""
    days = [
        start + timedelta(days=i)
        for i in range((end - start).days + 1)
        if is_workday_2018(start + timedelta(days=i))
    ]
    return rng.choice(days)


def email_local_part(name: str) -> str:
    """ "Marie-Ève Lafrance" -> "marie-eve.lafrance"."""
    folded = unicodedata.normalize("NFKD", name)
    ascii_name = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    words = ["".join(ch for ch in word if ch.isalnum() or ch == "-") for word in ascii_name.split()]
    return ".".join(word for word in words if word)


def join_names(names: list[str], audience: str = "community") -> str:
    """Partners as they read in a summary; without partners, who was there."""
    if not names:
        return data.NO_PARTNER.get(audience, data.NO_PARTNER["community"])
    names = [data.the(name) for name in names]
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def partner_by_name() -> dict[str, dict]:
    return {p["name"]: p for p in data.PARTNERS}


# --------------------------------------------------------------------------------------
# Planning 2018 (pure: no database)
# --------------------------------------------------------------------------------------


def _plan_one(rng: random.Random, section: str, spec: dict, day: date, partners_info) -> dict:
    """Fill in what a spec leaves out, by type, with the generator."""
    type_code = spec["type"]
    (people_min, people_max), (halves_min, halves_max) = data.TYPE_DEFAULTS[type_code]
    partners = spec["partners"]
    first = partners_info[partners[0]] if partners else None
    staff_member, sergeant = data.SECTION_TEAM[section]
    with_sergeant = type_code in ("event_hosted", "consultation_session") or rng.random() < 0.3
    people = spec.get("people")
    if people is None:
        people = rng.randint(people_min, people_max)
    hours = spec.get("hours")
    hours = (
        Decimal(hours) if hours is not None else Decimal(rng.randint(halves_min, halves_max)) / 2
    )
    communities = spec.get("communities")
    if communities is None:
        communities = list(first["communities"][:3]) if first else []
    ward = spec.get("ward")
    if ward is None:
        ward = first["ward"] if first and first["ward"] != "Citywide" else ""
    audience = spec.get("audience", "community")
    summary = spec.get("summary") or rng.choice(data.SUMMARIES[type_code]).format(
        partners=join_names(partners, audience)
    )
    outcomes = spec.get("outcomes") or rng.choice(data.OUTCOMES[type_code])
    return {
        "section": section,
        "date": day,
        "type": type_code,
        "title": spec["title"],
        "partners": partners,
        "with_contact": bool(partners) and rng.random() < 0.5,
        "staff": [staff_member, sergeant] if with_sergeant else [staff_member],
        "created_by": staff_member,
        "hours": hours,
        "people": people,
        "audience": audience,
        "communities": communities,
        "ward": ward,
        "location": spec.get("location", ""),
        "summary": summary,
        "outcomes": outcomes,
        "strategic_priorities": spec.get("strategic_priorities", ""),
        "event": spec.get("event"),
        "consultation": bool(spec.get("consultation")),
    }


def plan_activities_2018() -> list[dict]:
    """Every approved 2018 activity of both sections, fully determined (Random(2018)).

    Each section gets its written activities, the four PIA sessions (CDS), and then its
    recurring liaison work until it reaches the figure of the source documents.
    (section, date, title) is unique: a collision moves the activity to the next workday.
    """
    rng = random.Random(YEAR)
    partners_info = partner_by_name()
    planned: list[dict] = []
    for section, (specs, recurring) in data.SECTION_ACTIVITIES_2018.items():
        taken: set[tuple[date, str]] = set()
        section_plan: list[dict] = []

        def place(spec: dict, day: date, section=section, taken=taken, plan=section_plan):
            while (day, spec["title"]) in taken:
                day = next_workday_2018(day)
            taken.add((day, spec["title"]))
            plan.append(_plan_one(rng, section, spec, day, partners_info))

        if section == data.CONSULTATION["section"]:
            for _key, day, title, location, ward, partner, people in data.PIA_SESSIONS:
                spec = data.act(
                    day,
                    "consultation_session",
                    title,
                    [data.OPSB, partner],
                    consultation=True,
                    audience="community",
                    people=people,
                    hours="9",
                    location=location,
                    ward=ward,
                    communities=[],
                    summary=(
                        "Partnership in Action community consultation session: a dialogue about "
                        "crime and disorder, the community, the quality of service provided by "
                        "the OPS, strategic priorities and building trust."
                    ),
                    outcomes=(
                        "Feedback coded by theme for the Board; participants invited to the "
                        "report-back in the fall."
                    ),
                    strategic_priorities=data.CONSULTATION_PRIORITIES,
                )
                place(spec, day)
        for spec in specs:
            when = spec["when"]
            if isinstance(when, date):
                day = when
            else:
                last = min(last_day_of_month(YEAR, when), date(YEAR, 12, 20))
                day = random_workday(rng, date(YEAR, when, 2), last)
            place(spec, day)
        target = data.ACTIVITY_TARGETS_2018[section]
        cursors = [0] * len(recurring)
        n = 0
        while len(section_plan) < target:
            family = n % len(recurring)
            type_code, pattern, pool = recurring[family]
            partner = pool[cursors[family] % len(pool)]
            cursors[family] += 1
            n += 1
            spec = data.act(None, type_code, pattern.format(partner=data.the(partner)), [partner])
            place(spec, random_workday(rng, date(YEAR, 1, 8), date(YEAR, 12, 14)))
        if len(section_plan) != target:
            raise ValueError(f"{section} 2018 has {len(section_plan)} activities, not {target}")
        planned.extend(section_plan)
    return planned


def current_activity_date(spec: dict, today: date) -> date:
    """The spec's date this year if it is before today, else its fallback fraction of the
    days gone by (moved off a weekend), never after today."""
    year = today.year
    when = spec["when"]
    day = None
    if when[0] == "nth_sunday":
        day = nth_sunday(year, when[1], when[2])
    elif when[0] == "movable":
        known = data.MOVABLE_OBSERVANCES[when[1]]["dates"].get(year)
        if known:
            day = known[0] + timedelta(days=when[2])
    else:
        day = date(year, when[0], when[1])
    if day is not None and day < today:
        return day
    jan1 = date(year, 1, 1)
    span = (today - jan1).days - 1  # the last day before today
    if span <= 0:
        return jan1
    day = jan1 + timedelta(days=round(span * spec["fallback"]))
    while day.weekday() >= 5 and day > jan1:
        day -= timedelta(days=1)
    return day


def upcoming_date(today: date, month: int, day: int) -> date:
    """The preferred date if it is still ahead, else two weeks from today, within the year."""
    preferred = date(today.year, month, day)
    if preferred > today:
        return preferred
    return max(today, min(today + timedelta(days=14), date(today.year, 12, 31)))


def observances_for_year(year: int) -> list[dict]:
    """The multicultural calendar of a year: fixed dates always, movable ones if known."""
    rows = []
    for name, (m1, d1), end, communities, notes in data.FIXED_OBSERVANCES:
        starts = date(year, m1, d1)
        ends = last_day_of_month(year, m1) if end == "end" else date(year, *end)
        rows.append(
            {"name": name, "starts_on": starts, "ends_on": ends, "communities": communities}
            | {"notes": notes}
        )
    rows.append(
        {
            "name": (
                "National Day for Truth and Reconciliation" if year >= 2021 else "Orange Shirt Day"
            ),
            "starts_on": date(year, 9, 30),
            "ends_on": date(year, 9, 30),
            "communities": data.TRUTH_AND_RECONCILIATION["communities"],
            "notes": data.TRUTH_AND_RECONCILIATION["notes"],
        }
    )
    parade = nth_sunday(year, 8, 4)
    rows.append(
        {
            "name": "Capital Pride festival",
            "starts_on": parade - timedelta(days=9),
            "ends_on": parade,
            "communities": ["2SLGBTQ+"],
            "notes": data.CAPITAL_PRIDE_NOTES,
        }
    )
    for name, info in data.MOVABLE_OBSERVANCES.items():
        if year in info["dates"]:
            starts, ends = info["dates"][year]
            rows.append(
                {
                    "name": name,
                    "starts_on": starts,
                    "ends_on": ends,
                    "communities": info["communities"],
                    "notes": info["notes"],
                }
            )
    return rows


# --------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------


class Seeder:
    def __init__(self, today: date):
        self.today = today
        self.sections: dict[str, Section] = {}
        self.users: dict[str, User] = {}
        self.types: dict[str, ActivityType] = {}
        self.communities: dict[str, Community] = {}
        self.themes: dict[str, FeedbackTheme] = {}
        self.templates: dict[str, ChecklistTemplate] = {}
        self.partners: dict[str, Partner] = {}
        self.first_contacts: dict[str, Contact] = {}
        self.events: dict[str, Event] = {}

    def run(self) -> None:
        self.seed_sections_and_users()
        self.seed_reference_lists()
        self.seed_partners()
        self.seed_consultation()
        self.seed_events_2018()
        self.seed_activities_2018()
        self.seed_distributions_and_feedback()
        self.seed_current_events()
        self.seed_current_activities()
        for year in sorted({YEAR, self.today.year}):
            self.seed_observances(year)

    # Helpers -----------------------------------------------------------------------

    def community_list(self, names: Iterable[str]) -> list[Community]:
        return [self.communities[name] for name in names]

    def partner_list(self, names: Iterable[str]) -> list[Partner]:
        return [self.partners[name] for name in names]

    # Sections, users, reference lists ----------------------------------------------

    def seed_sections_and_users(self) -> None:
        for spec in data.SECTIONS:
            self.sections[spec["code"]], _ = Section.objects.update_or_create(
                code=spec["code"],
                defaults={
                    "name": spec["name"],
                    "description": spec["description"],
                    "is_active": True,
                },
            )
        for spec in data.USERS:
            user = User.objects.filter(username=spec["username"]).first() or User(
                username=spec["username"]
            )
            user.first_name = spec["first_name"]
            user.last_name = spec["last_name"]
            user.email = f"{spec['username']}@{data.USER_EMAIL_DOMAIN}"
            user.role = spec["role"]
            user.section = self.sections[spec["section"]] if spec["section"] else None
            user.is_staff = spec["is_staff"]
            user.is_active = True
            user.set_password(data.DEMO_PASSWORD)
            user.save()  # the post_save signal puts the user in the role's group
            self.users[spec["username"]] = user

    def seed_reference_lists(self) -> None:
        for order, (code, name) in enumerate(data.ACTIVITY_TYPES, start=1):
            self.types[code], _ = ActivityType.objects.update_or_create(
                code=code, defaults={"name": name, "sort_order": order * 10, "is_active": True}
            )
        for order, name in enumerate(data.COMMUNITIES, start=1):
            self.communities[name], _ = Community.objects.update_or_create(
                name=name, defaults={"sort_order": order * 10, "is_active": True}
            )
        for order, (code, name) in enumerate(data.FEEDBACK_THEMES, start=1):
            self.themes[code], _ = FeedbackTheme.objects.update_or_create(
                code=code, defaults={"name": name, "sort_order": order * 10, "is_active": True}
            )
        for spec in data.CHECKLIST_TEMPLATES:
            template, _ = ChecklistTemplate.objects.update_or_create(
                name=spec["name"], defaults={"description": spec["description"]}
            )
            for position, (title, offset) in enumerate(spec["items"], start=1):
                ChecklistTemplateItem.objects.update_or_create(
                    template=template,
                    title=title,
                    defaults={"offset_days": offset, "position": position},
                )
            self.templates[spec["name"]] = template

    # Partners and contacts ---------------------------------------------------------

    def seed_partners(self) -> None:
        for index, spec in enumerate(data.PARTNERS):
            lead = data.SECTION_TEAM[spec["sections"][0]][0]
            phone = f"613-555-01{index:02d}"
            partner, _ = Partner.objects.update_or_create(
                name_key=name_key(spec["name"]),
                defaults={
                    "name": spec["name"],
                    "kind": spec["kind"],
                    "ward": spec["ward"],
                    "status": spec["status"],
                    "since": spec["since"],
                    "email": f"info@{spec['domain']}",
                    "phone": phone,
                    "website": f"https://www.{spec['domain']}/",
                    "notes": spec["notes"],
                    "is_sensitive": spec["is_sensitive"],
                    "is_archived": False,
                    "relationship_lead": self.users[lead],
                },
            )
            partner.communities.set(self.community_list(spec["communities"]))
            partner.sections.set([self.sections[code] for code in spec["sections"]])
            self.partners[spec["name"]] = partner
            for number, (name, role, language, consent) in enumerate(spec["contacts"], start=1):
                # Consent was collected when the contact list was rebuilt early in 2018.
                consent_date = max(spec["since"] or CONSENT_ON, CONSENT_ON) if consent else None
                contact, _ = Contact.objects.update_or_create(
                    partner=partner,
                    name=name,
                    defaults={
                        "role": role,
                        "email": f"{email_local_part(name)}@{spec['domain']}",
                        "phone": f"{phone} ext. {200 + index * 2 + number}",
                        "preferred_language": language,
                        "consent_to_contact": consent,
                        "consent_date": consent_date,
                        "notes": "",
                    },
                )
                self.first_contacts.setdefault(spec["name"], contact)

    # The 2018 consultation -------------------------------------------------------------

    def seed_consultation(self) -> None:
        spec = data.CONSULTATION
        self.consultation, _ = Consultation.objects.update_or_create(
            section=self.sections[spec["section"]],
            name=spec["name"],
            defaults={
                "purpose": spec["purpose"],
                "starts_on": spec["starts_on"],
                "ends_on": spec["ends_on"],
                "status": spec["status"],
            },
        )
        self.toolkit, _ = Toolkit.objects.update_or_create(
            consultation=self.consultation,
            name=data.TOOLKIT["name"],
            edition=data.TOOLKIT["edition"],
            defaults={"description": data.TOOLKIT["description"]},
        )

    def seed_distributions_and_feedback(self) -> None:
        sender = self.users[data.SECTION_TEAM[data.CONSULTATION["section"]][0]]
        distributions = {}
        for partner, sent_on, status, session_date, participants, notes in data.DISTRIBUTIONS:
            distributions[partner], _ = Distribution.objects.update_or_create(
                toolkit=self.toolkit,
                partner=self.partners[partner],
                defaults={
                    "sent_on": sent_on,
                    "sent_by": sender,
                    "due_back": sent_on + timedelta(days=42),
                    "status": status,
                    "session_date": session_date,
                    "participants": participants,
                    "notes": notes,
                },
            )
        for (kind, key), themes, text, quote, named in data.FEEDBACK:
            if kind == "distribution":
                distribution, activity = distributions[key], None
                received_on = distribution.session_date + timedelta(days=6)
            else:
                distribution, activity = None, self.pia_sessions[key]
                received_on = activity.date
            feedback, _ = Feedback.objects.update_or_create(
                consultation=self.consultation,
                text=text,
                defaults={
                    "distribution": distribution,
                    "activity": activity,
                    "received_on": received_on,
                    "quote": quote,
                    "group_agreed_to_be_named": named,
                },
            )
            feedback.themes.set([self.themes[code] for code in themes])

    # Events ------------------------------------------------------------------------

    def save_event(self, spec: dict, *, title: str, starts_at, ends_at, status: str) -> Event:
        event, _ = Event.objects.update_or_create(
            section=self.sections[spec["section"]],
            title=title,
            defaults={
                "role": spec["role"],
                "description": spec["description"],
                "starts_at": starts_at,
                "ends_at": ends_at,
                "venue": spec["venue"],
                "status": status,
                "expected_attendance": spec.get("expected"),
                "actual_attendance": spec.get("actual"),
                "budget": Decimal(spec["budget"]) if spec.get("budget") else None,
                "actual_cost": Decimal(spec["actual_cost"]) if spec.get("actual_cost") else None,
                "funds_raised": Decimal(spec.get("funds_raised", "0")),
                "funds_beneficiary": spec.get("funds_beneficiary", ""),
                "evaluation": spec.get("evaluation", ""),
            },
        )
        event.partners.set(self.partner_list(spec["partners"]))
        for position, (name, role, organization, topic) in enumerate(
            spec.get("speakers", []), start=1
        ):
            Speaker.objects.update_or_create(
                event=event,
                name=name,
                defaults={
                    "title": role,
                    "organization": organization,
                    "topic": topic,
                    "position": position,
                },
            )
        for position, (at, item, notes) in enumerate(spec.get("run_of_show", []), start=1):
            RunOfShowItem.objects.update_or_create(
                event=event,
                position=position,
                defaults={"starts_at": time.fromisoformat(at), "title": item, "notes": notes},
            )
        if spec.get("checklist"):
            self.save_tasks(event, self.templates[spec["checklist"]])
        self.events[title] = event
        return event

    def save_tasks(self, event: Event, template: ChecklistTemplate) -> None:
        start_day = timezone.localtime(event.starts_at, TORONTO).date()
        owners = data.SECTION_TEAM[event.section.code]
        for item in template.items.all():
            due_on = start_day + timedelta(days=item.offset_days)
            done = due_on < self.today
            owner = owners[1] if "sergeant" in item.title.lower() else owners[0]
            EventTask.objects.update_or_create(
                event=event,
                title=item.title,
                defaults={
                    "owner": self.users[owner],
                    "due_on": due_on,
                    "done": done,
                    "done_at": datetime.combine(due_on, time(16, 0), tzinfo=TORONTO)
                    if done
                    else None,
                    "position": item.position,
                },
            )

    def seed_events_2018(self) -> None:
        for spec in data.EVENTS_2018:
            self.save_event(
                spec,
                title=spec["title"],
                starts_at=local_datetime(*spec["starts"]),
                ends_at=local_datetime(*spec["ends"]),
                status=EventStatus.COMPLETED,
            )

    # 2018 activities ----------------------------------------------------------------

    def save_activity(self, plan: dict, *, lookup: dict, status: str, comment: str = ""):
        activity, _ = Activity.objects.update_or_create(
            **lookup,
            defaults={
                "date": plan["date"],
                "type": self.types[plan["type"]],
                "summary": plan["summary"],
                "staff_hours": plan["hours"],
                "people_reached": plan["people"],
                "audience": plan["audience"],
                "location": plan["location"],
                "ward": plan["ward"],
                "strategic_priorities": plan["strategic_priorities"],
                "outcomes": plan["outcomes"],
                "event": self.events[plan["event"]] if plan["event"] else None,
                "consultation": self.consultation if plan["consultation"] else None,
                "status": status,
                "review_comment": comment,
                "created_by": self.users[plan["created_by"]],
            },
        )
        activity.partners.set(self.partner_list(plan["partners"]))
        contacts = []
        if plan["with_contact"] and plan["partners"][0] in self.first_contacts:
            contacts = [self.first_contacts[plan["partners"][0]]]
        activity.contacts.set(contacts)
        activity.staff.set([self.users[name] for name in plan["staff"]])
        activity.communities.set(self.community_list(plan["communities"]))
        return activity

    def seed_activities_2018(self) -> None:
        pia_titles = {title: key for key, _d, title, *_rest in data.PIA_SESSIONS}
        self.pia_sessions: dict[str, Activity] = {}
        for plan in plan_activities_2018():
            activity = self.save_activity(
                plan,
                lookup={
                    "section": self.sections[plan["section"]],
                    "date": plan["date"],
                    "title": plan["title"],
                },
                status=ReviewStatus.APPROVED,
            )
            if plan["title"] in pia_titles:
                self.pia_sessions[pia_titles[plan["title"]]] = activity

    # The current year ---------------------------------------------------------------

    def seed_current_events(self) -> None:
        year = self.today.year
        for spec in data.CURRENT_EVENTS:
            kind, month, value = spec["when"]
            if kind == "nth_sunday":
                first_day = nth_sunday(year, month, value)
            else:
                first_day = upcoming_date(self.today, month, value)
            last_day = first_day + timedelta(days=spec["days"])
            start_hour, end_hour = spec["hours"]
            if kind == "nth_sunday":
                status = EventStatus.COMPLETED if last_day < self.today else EventStatus.CONFIRMED
            else:
                status = spec["status"]
            completed = status == EventStatus.COMPLETED
            self.save_event(
                {**spec, "actual": spec["expected"] if completed else None},
                title=spec["title"].format(year=year),
                starts_at=local_datetime(
                    first_day.year, first_day.month, first_day.day, start_hour
                ),
                ends_at=local_datetime(last_day.year, last_day.month, last_day.day, end_hour),
                status=status,
            )

    def seed_current_activities(self) -> None:
        rng = random.Random(self.today.year)
        year = self.today.year
        partners_info = partner_by_name()
        saved: dict[tuple[str, str], Activity] = {}
        for section, specs in data.CURRENT_ACTIVITIES.items():
            staff_member, sergeant = (self.users[u] for u in data.SECTION_TEAM[section])
            for spec in specs:
                day = current_activity_date(spec, self.today)
                # Linked to this year's event once it has taken place (same day by design).
                event_title = spec["event"].format(year=year) if spec.get("event") else None
                event = self.events.get(event_title)
                if event is None or event.status != EventStatus.COMPLETED:
                    event_title = None
                plan = _plan_one(rng, section, {**spec, "event": event_title}, day, partners_info)
                status = spec["status"]
                activity = self.save_activity(
                    plan,
                    lookup={"section": self.sections[section], "title": spec["title"]},
                    status=status,
                    comment=data.RETURN_COMMENT if status == ReviewStatus.RETURNED else "",
                )
                steps = [(ReviewAction.SUBMITTED, staff_member, "")]
                if status == ReviewStatus.APPROVED:
                    steps.append((ReviewAction.APPROVED, sergeant, ""))
                elif status == ReviewStatus.RETURNED:
                    steps.append((ReviewAction.RETURNED, sergeant, data.RETURN_COMMENT))
                for action, by, comment in steps:
                    ActivityReview.objects.update_or_create(
                        activity=activity, action=action, by=by, defaults={"comment": comment}
                    )
                saved[(section, spec["title"])] = activity
        for section, title, text, owner, days, done in data.CURRENT_FOLLOW_UPS:
            activity = saved[(section, title)]
            due_on = activity.date + timedelta(days=days)
            done = done and due_on < self.today
            FollowUp.objects.update_or_create(
                activity=activity,
                text=text,
                defaults={
                    "owner": self.users[owner],
                    "due_on": due_on,
                    "done": done,
                    "done_at": datetime.combine(due_on, time(16, 0), tzinfo=TORONTO)
                    if done
                    else None,
                },
            )

    # The multicultural calendar --------------------------------------------------------

    def seed_observances(self, year: int) -> None:
        for row in observances_for_year(year):
            observance, _ = Observance.objects.update_or_create(
                name=row["name"],
                starts_on=row["starts_on"],
                defaults={"ends_on": row["ends_on"], "notes": row["notes"]},
            )
            observance.communities.set(self.community_list(row["communities"]))


def counts() -> dict[str, int]:
    return {label: model.objects.count() for label, model in COUNTED_MODELS}


def seed_demo(*, today: date | None = None) -> dict[str, int]:
    """Load the demo data; return the number of rows of each model afterwards."""
    today = today or timezone.localdate()
    if today.year <= YEAR:
        # The current year's activities would land in 2018 and change its figures.
        raise ValueError(f"today must be after {YEAR}, not {today.isoformat()}")
    with transaction.atomic():
        Seeder(today).run()
    return counts()
