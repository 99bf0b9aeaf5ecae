"""Every core table, imported in one place for Alembic and the app factory."""

from .audit.models import AuditEntry
from .institutes.models import Institute, InstituteKind
from .people.imports import ImportStatus, PeopleImport
from .people.models import RoleAssignment, User
from .settings.models import Setting

__all__ = [
    "AuditEntry",
    "ImportStatus",
    "Institute",
    "InstituteKind",
    "PeopleImport",
    "RoleAssignment",
    "Setting",
    "User",
]
