"""Who may do what, in one place.

Views declare the roles allowed (``allowed_roles``); an action a role may not take is a
403. Later issues narrow ``get_queryset()`` here as well, so an object the user may not see
is a 404.
"""

from django.core.exceptions import PermissionDenied

from accounts.choices import Role

SECTION_ROLES = frozenset({Role.STAFF, Role.SUPERVISOR})
REPORT_ROLES = frozenset({Role.STAFF, Role.SUPERVISOR, Role.VIEWER})
SUPERVISORS = frozenset({Role.SUPERVISOR})
# Partner pages: section staff and viewers (who never see contacts' personal details).
PARTNER_READERS = frozenset({Role.STAFF, Role.SUPERVISOR, Role.VIEWER})
EVERYONE = frozenset(Role.values)


def has_role(user, roles) -> bool:
    return user.is_authenticated and user.is_active and user.role in roles


class RoleRequiredMixin:
    """Allow only users whose role is in ``allowed_roles``; others get a 403."""

    allowed_roles: frozenset = frozenset()

    def dispatch(self, request, *args, **kwargs):
        if not has_role(request.user, self.allowed_roles):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
