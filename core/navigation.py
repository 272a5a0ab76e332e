"""The main navigation: each role sees only what it may use."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.choices import Role

from .permissions import REPORT_ROLES, SECTION_ROLES, SUPERVISORS


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    roles: frozenset
    kwargs: tuple = ()

    @property
    def url(self) -> str:
        return reverse(self.url_name, kwargs=dict(self.kwargs))


NAV_ITEMS = [
    NavItem(_("Home"), "home", frozenset(Role.values)),
    NavItem(_("Activities"), "engagement:activity_list", SECTION_ROLES),
    NavItem(_("Review"), "engagement:activity_review", SUPERVISORS),
    NavItem(_("Partners"), "partners:partner_list", SECTION_ROLES),
    NavItem(_("Contacts"), "partners:contact_list", SECTION_ROLES),
    NavItem(_("Events"), "events:event_list", SECTION_ROLES),
    NavItem(_("Calendar"), "events:observance_list", SECTION_ROLES),
    NavItem(_("Consultations"), "consultations:consultation_list", SECTION_ROLES),
    NavItem(_("Dashboard"), "reports:dashboard", REPORT_ROLES),
    NavItem(_("Annual report"), "reports:annual_current", REPORT_ROLES),
    NavItem(_("Administration"), "admin:index", frozenset({Role.ADMINISTRATOR})),
]


def items_for(user) -> list[dict]:
    if not getattr(user, "is_authenticated", False):
        return []
    return [{"label": item.label, "url": item.url} for item in NAV_ITEMS if user.role in item.roles]
