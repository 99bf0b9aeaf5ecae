"""Loading the demo network (``flask sonores demo``, which ``make run`` calls).

Idempotent by natural keys: an institute is found by (name, country), a person by email. Rows that exist are left
exactly as they are, so a second run changes nothing, a password someone changed survives and a person an admin
deactivated stays deactivated. Never commits: the command does, once.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from .audit.services import record
from .database import utcnow
from .demo_data import DEMO_PASSWORD, INSTITUTES, PEOPLE, ROLE_ORDER, DemoPerson
from .extensions import db
from .institutes.models import Institute, InstituteKind
from .people.models import RoleAssignment, User
from .permissions import Role
from .plugins import enabled_plugins
from .signals import demo_loaded


@dataclass(frozen=True)
class DemoAccounts:
    """What the command prints: the shared password and one account per role."""

    password: str
    by_role: list[tuple[str, str]]
    created_institutes: int = 0
    created_people: int = 0


def load_demo() -> DemoAccounts:
    """Create what is missing of the demo network, then let each enabled plugin add its own demo data."""
    institutes, created_institutes = _ensure_institutes()
    created_people = _ensure_people(institutes)
    if created_institutes or created_people:
        record(
            "core.demo-loaded",
            actor=None,
            target_label="demo",
            details={"institutes": created_institutes, "people": created_people},
        )
    plugins = list(enabled_plugins())
    for plugin in plugins:
        if plugin.demo is not None:
            plugin.demo()
    db.session.flush()
    # Every demo is in: links between them (a course's lesson showing a knowledge resource) can be made now.
    demo_loaded.send(None, plugins=tuple(plugin.name for plugin in plugins))
    db.session.flush()
    return DemoAccounts(
        password=DEMO_PASSWORD,
        by_role=demo_accounts(),
        created_institutes=created_institutes,
        created_people=created_people,
    )


def demo_accounts() -> list[tuple[str, str]]:
    """(role, email) for each role, taking the first person who holds just that role ("director": scoped admin)."""
    accounts = []
    for role in ROLE_ORDER:
        for person in PEOPLE:
            if _account_role(person) == role:
                accounts.append((role, person.email))
                break
    return accounts


def _account_role(person: DemoPerson) -> str | None:
    roles = dict(person.roles)
    if roles.get("admin") is True:
        return "director"
    if len(roles) == 1:
        return next(iter(roles))
    return None


def _ensure_institutes() -> tuple[dict[str, Institute], int]:
    names = [item.name for item in INSTITUTES]
    existing = {
        (institute.name, institute.country): institute
        for institute in db.session.scalars(select(Institute).where(Institute.name.in_(names)))
    }
    by_name: dict[str, Institute] = {}
    created = 0
    for item in INSTITUTES:
        institute = existing.get((item.name, item.country))
        if institute is None:
            institute = Institute(
                kind=InstituteKind(item.kind),
                name=item.name,
                country=item.country,
                city=item.city,
                timezone=item.timezone,
                languages=list(item.languages),
            )
            db.session.add(institute)
            created += 1
        by_name[item.name] = institute
    db.session.flush()
    return by_name, created


def _ensure_people(institutes: dict[str, Institute]) -> int:
    emails = [person.email for person in PEOPLE]
    existing = set(db.session.scalars(select(User.email).where(User.email.in_(emails))))
    created = 0
    password_hash: str | None = None
    for person in PEOPLE:
        if person.email in existing:
            continue
        institute = institutes[person.institute]
        user = User(
            email=person.email,
            first_name=person.first_name,
            last_name=person.last_name,
            locale=person.locale,
            timezone=institute.timezone,
            institute_id=institute.id,
            job_title=person.job_title,
            active=True,
        )
        if password_hash is None:
            user.set_password(DEMO_PASSWORD)
            password_hash = user.password_hash
        else:
            # The password is published anyway: one scrypt hash for everyone keeps loading fast.
            user.password_hash = password_hash
            user.password_changed_at = utcnow()
        for role, scoped in person.roles:
            user.role_assignments.append(RoleAssignment(role=Role(role), institute_id=institute.id if scoped else None))
        db.session.add(user)
        created += 1
    db.session.flush()
    return created
