"""Who may do what, in one place.

Views declare the roles allowed (``allowed_roles``); an action a role may not take is a
403. Later issues narrow ``get_queryset()`` here as well, so an object the user may not see
is a 404.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from accounts.choices import Role
from accounts.models import Section, User

SECTION_ROLES = frozenset({Role.STAFF, Role.SUPERVISOR})
REPORT_ROLES = frozenset({Role.STAFF, Role.SUPERVISOR, Role.VIEWER})
SUPERVISORS = frozenset({Role.SUPERVISOR})
# Partner pages: section staff and viewers (who never see contacts' personal details).
PARTNER_READERS = frozenset({Role.STAFF, Role.SUPERVISOR, Role.VIEWER})
EVERYONE = frozenset(Role.values)


def has_role(user, roles) -> bool:
    return user.is_authenticated and user.is_active and user.role in roles


def users_with_role(roles) -> QuerySet[User]:
    """The active users of these roles, as ``has_role`` sees them: ``SECTION_ROLES`` are the
    people who lead a relationship, own a task or follow-up, or take part in an activity."""
    return User.objects.filter(role__in=roles, is_active=True)


def sections_for(user) -> QuerySet[Section]:
    """The sections whose work ``user`` records (an activity, an event, a consultation):
    their own, or any active section for those without one."""
    sections = Section.objects.filter(is_active=True)
    if user.section_id:
        return sections.filter(pk=user.section_id)
    return sections


class RoleRequiredMixin:
    """Allow only users whose role is in ``allowed_roles``; others get a 403."""

    allowed_roles: frozenset = frozenset()

    def dispatch(self, request, *args, **kwargs):
        if not has_role(request.user, self.allowed_roles):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
