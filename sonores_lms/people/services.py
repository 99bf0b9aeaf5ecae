"""Operations on people: they check invariants, flush, record an audit entry and send signals; never commit."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from ..audit.services import record
from ..auth.passwords import password_problem, personal_words
from ..auth.tokens import make_token
from ..database import utcnow
from ..extensions import db
from ..i18n import is_timezone
from ..institutes.models import Institute
from ..mail import send_templated_mail
from ..permissions import Role
from ..security import external_url
from ..signals import user_deactivated, user_reactivated, user_roles_changed, user_updated
from .csv_import import (
    NEW,
    UPDATE,
    ExistingPerson,
    ImportPlan,
    InstituteRef,
    build_plan,
    decode,
    manageable_roles,
    read_rows,
)
from .imports import ImportStatus, PeopleImport
from .models import RoleAssignment, User

MIN_PASSWORD_LENGTH = 12


class PeopleError(ValueError):
    """An operation on people that cannot be done; the message is for the person who asked."""

    def __init__(self, message: object, code: str | None = None) -> None:
        super().__init__(message)
        self.code = code

    def __str__(self) -> str:
        return str(self.args[0])


def find_by_email(email: str) -> User | None:
    return db.session.execute(select(User).where(func.lower(User.email) == email.strip().lower())).scalar_one_or_none()


def ensure_admin(*, email: str, first_name: str, last_name: str, password: str) -> User:
    """Create a network admin, or make an existing person one (the CLI's ``create-admin``)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise PeopleError(f"The password must have at least {MIN_PASSWORD_LENGTH} characters.")
    problem = password_problem(password, user_inputs=personal_words(first_name, last_name, email))
    if problem:
        raise PeopleError(problem, code="weak-password")
    user = find_by_email(email)
    if user is None:
        user = User(email=email.strip().lower(), first_name=first_name.strip(), last_name=last_name.strip())
        db.session.add(user)
    user.set_password(password)
    user.active = True
    if not user.has_role(Role.ADMIN):
        user.role_assignments.append(RoleAssignment(role=Role.ADMIN, institute_id=None))
    db.session.flush()
    record("core.admin-created", actor=None, target=user)
    return user


# -- guard rails ------------------------------------------------------------------------------------------------
MANAGE_PEOPLE = "core.manage-people"


def scope_of(actor: User) -> set[int] | None:
    """The institutes ``actor`` manages people in; None means the whole network."""
    return actor.scope_of(MANAGE_PEOPLE)


def manages(actor: User, person: User) -> bool:
    """Whether ``actor`` may see and change ``person``.

    A director manages the people of their institutes, but not someone who holds a role beyond them (a network
    admin based there, another institute's director): editing their email would hand over their account.
    Network-wide staff is a learner's role and does not count.
    """
    scope = scope_of(actor)
    if scope is None:
        return True
    if person.institute_id not in scope:
        return False
    return manageable_roles({(a.role.value, a.institute_id) for a in person.role_assignments}, scope)


def _check_institute(institute_id: int | None, scope: set[int] | None, *, required: bool = False) -> None:
    if institute_id is None:
        if scope is not None or required:
            raise PeopleError(_l("Choose one of your institutes."), code="institute-required")
        return
    institute = db.session.get(Institute, institute_id)
    if institute is None or not institute.active:
        raise PeopleError(_l("Choose an active institute."), code="unknown-institute")
    if scope is not None and institute_id not in scope:
        raise PeopleError(_l("You can only choose one of your institutes."), code="other-institute")


def _check_grant(actor: User, institute_id: int | None) -> None:
    """A director grants and revokes only roles scoped to their own institutes, never network-wide ones."""
    scope = scope_of(actor)
    if scope is None:
        return
    if institute_id is None:
        raise PeopleError(_l("Only network administrators can grant network-wide roles."), code="network-role")
    if institute_id not in scope:
        raise PeopleError(_l("You can only grant roles in your own institutes."), code="other-institute")


def other_network_admins(user: User) -> int:
    """How many active network-wide admins there are besides ``user``.

    Every active network admin's row (``user``'s included, in id order, so that two callers cannot deadlock)
    stays locked until the end of the transaction (``FOR UPDATE`` on PostgreSQL; SQLite's writers are serialised
    anyway): two admins deactivating each other at the same moment would otherwise both count the other as the
    remaining admin, and the network would be left with none. The second one waits, counts again and is refused.
    """
    query = (
        select(User.id)
        .join(User.role_assignments)
        .where(RoleAssignment.role == Role.ADMIN, RoleAssignment.institute_id.is_(None), User.active.is_(True))
        .order_by(User.id)
        .with_for_update(of=User)
    )
    return len(set(db.session.scalars(query)) - {user.id})


def _is_network_admin(user: User) -> bool:
    return any(a.role == Role.ADMIN and a.institute_id is None for a in user.role_assignments)


def _email_taken(email: str, *, exclude_id: int | None = None) -> bool:
    query = select(User.id).where(func.lower(User.email) == email)
    if exclude_id is not None:
        query = query.where(User.id != exclude_id)
    return db.session.execute(query.limit(1)).first() is not None


# -- invitations --------------------------------------------------------------------------------------------------
def invite_person(
    *,
    email: str,
    first_name: str,
    last_name: str,
    locale: str,
    institute_id: int | None,
    roles: Iterable[tuple[Role | str, int | None]],
    actor: User,
) -> User:
    """Create a person without a password and mail them a link to choose one."""
    email = email.strip().lower()
    if _email_taken(email):
        raise PeopleError(_l("Someone already has this email address."), code="email-taken")
    scope = scope_of(actor)
    _check_institute(institute_id, scope)
    wanted = {(Role(role), iid) for role, iid in roles} or {(Role.STAFF, None if scope is None else institute_id)}
    for _role, iid in wanted:
        _check_grant(actor, iid)
        if iid is not None:
            _check_institute(iid, scope)
    user = User(
        email=email,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        locale=locale,
        institute_id=institute_id,
    )
    user.role_assignments = [RoleAssignment(role=role, institute_id=iid) for role, iid in sorted(wanted, key=_role_key)]
    db.session.add(user)
    db.session.flush()
    record("core.person-invited", actor=actor, target=user, details={"roles": _role_labels(wanted)})
    user_roles_changed.send(user, actor=actor, added=wanted, removed=set())
    send_invitation(user, actor=actor)
    return user


def send_invitation(user: User, *, actor: User) -> None:
    """Mail the invitation link; only to active people who have never chosen a password."""
    if user.password_hash or not user.active:
        raise PeopleError(_l("This person has already chosen a password."), code="not-invitable")
    link = external_url("auth.accept_invitation", token=make_token(user, "invite"))
    send_templated_mail(user.email, "mail/invitation", locale=user.locale or "fr", user=user, inviter=actor, link=link)
    record("core.invitation-sent", actor=actor, target=user)


# -- profile, roles, activity ------------------------------------------------------------------------------------
PROFILE_FIELDS = ("email", "first_name", "last_name", "locale", "timezone", "institute_id", "job_title")


def update_person(user: User, *, actor: User, **values: Any) -> list[str]:
    """Change a person's profile facts; returns the names of the fields that changed."""
    cleaned = {
        "email": str(values["email"]).strip().lower(),
        "first_name": str(values["first_name"]).strip(),
        "last_name": str(values["last_name"]).strip(),
        "locale": values["locale"],
        "timezone": values.get("timezone") or None,
        "institute_id": values.get("institute_id") or None,
        "job_title": (values.get("job_title") or "").strip() or None,
    }
    if cleaned["timezone"] and not is_timezone(cleaned["timezone"]):
        raise PeopleError(_l("Choose a time zone from the list."), code="invalid-timezone")
    if cleaned["email"] != user.email and _email_taken(cleaned["email"], exclude_id=user.id):
        raise PeopleError(_l("Someone already has this email address."), code="email-taken")
    if cleaned["institute_id"] != user.institute_id:
        _check_institute(cleaned["institute_id"], scope_of(actor))
    changed = sorted(name for name, value in cleaned.items() if getattr(user, name) != value)
    for name in changed:
        setattr(user, name, cleaned[name])
    db.session.flush()
    if changed:
        record("core.person-updated", actor=actor, target=user, details={"fields": changed})
        user_updated.send(user, actor=actor, fields=set(changed))
    return changed


def grant_role(user: User, role: Role | str, institute_id: int | None, *, actor: User) -> RoleAssignment:
    role = Role(role)
    _check_grant(actor, institute_id)
    if institute_id is not None:
        _check_institute(institute_id, scope_of(actor))
    if any(a.role == role and a.institute_id == institute_id for a in user.role_assignments):
        raise PeopleError(_l("This person already holds this role."), code="role-held")
    assignment = RoleAssignment(role=role, institute_id=institute_id)
    user.role_assignments.append(assignment)
    db.session.flush()
    record("core.role-granted", actor=actor, target=user, details={"role": role.value, "institute_id": institute_id})
    user_roles_changed.send(user, actor=actor, added={(role, institute_id)}, removed=set())
    return assignment


def revoke_role(assignment: RoleAssignment, *, actor: User) -> None:
    user = assignment.user
    _check_grant(actor, assignment.institute_id)
    last_admin = assignment.role == Role.ADMIN and assignment.institute_id is None and user.active
    if last_admin and other_network_admins(user) == 0:
        raise PeopleError(_l("The network needs at least one active administrator."), code="last-admin")
    role, institute_id = assignment.role, assignment.institute_id
    user.role_assignments.remove(assignment)
    db.session.flush()
    record("core.role-revoked", actor=actor, target=user, details={"role": role.value, "institute_id": institute_id})
    user_roles_changed.send(user, actor=actor, added=set(), removed={(role, institute_id)})


def deactivate_person(user: User, *, actor: User) -> None:
    """Sign a person out for good; their history stays. Their sessions end at their next request."""
    if user.id == actor.id:
        raise PeopleError(_l("You cannot deactivate yourself."), code="self")
    if not user.active:
        return
    if _is_network_admin(user):
        if scope_of(actor) is not None:
            raise PeopleError(_l("Only network administrators can deactivate them."), code="network-role")
        if other_network_admins(user) == 0:
            raise PeopleError(_l("The network needs at least one active administrator."), code="last-admin")
    user.active = False
    user.deactivated_at = utcnow()
    user.end_sessions()
    db.session.flush()
    record("core.user-deactivated", actor=actor, target=user)
    user_deactivated.send(user, actor=actor)


def reactivate_person(user: User, *, actor: User) -> None:
    if user.active:
        return
    user.active = True
    user.deactivated_at = None
    db.session.flush()
    record("core.user-reactivated", actor=actor, target=user)
    user_reactivated.send(user, actor=actor)


def _role_key(pair: tuple[Role, int | None]) -> tuple[str, int]:
    return (pair[0].value, pair[1] or 0)


def _role_labels(roles: Iterable[tuple[Role | str, int | None]]) -> list[str]:
    return sorted(f"{Role(role).value}@{iid or 'network'}" for role, iid in roles)


# -- CSV import ---------------------------------------------------------------------------------------------------
class ImportConflict(PeopleError):
    """The import was already confirmed or cancelled."""


def create_import(filename: str, data: bytes, *, actor: User) -> PeopleImport:
    """Keep an uploaded CSV until its creator confirms it; CsvError when the file cannot be read."""
    text = decode(data)
    read_rows(text)  # refuse unreadable files now rather than at the preview
    people_import = PeopleImport(
        filename=(filename or "people.csv")[:255], content=text, created_by_id=actor.id, status=ImportStatus.PENDING
    )
    db.session.add(people_import)
    db.session.flush()
    return people_import


def plan_import(people_import: PeopleImport, *, actor: User) -> ImportPlan:
    """The plan against the current state of the database (so a late confirmation sees recent changes)."""
    text = people_import.content
    _columns, _ignored, rows = read_rows(text)
    emails = sorted({row.get("email", "").strip().lower() for _line, row in rows} - {""})
    existing: dict[str, ExistingPerson] = {}
    for start in range(0, len(emails), 500):
        chunk = emails[start : start + 500]
        for user in db.session.scalars(select(User).where(func.lower(User.email).in_(chunk))):
            existing[user.email.lower()] = ExistingPerson(
                id=user.id,
                email=user.email,
                first_name=user.first_name,
                last_name=user.last_name,
                locale=user.locale,
                timezone=user.timezone,
                institute_id=user.institute_id,
                job_title=user.job_title,
                roles=frozenset((a.role.value, a.institute_id) for a in user.role_assignments),
            )
    institutes = [
        InstituteRef(id=row.id, name=row.name, active=row.active)
        for row in db.session.execute(select(Institute.id, Institute.name, Institute.active))
    ]
    return build_plan(text, institutes=institutes, existing=existing, scope=scope_of(actor))


def apply_import(people_import: PeopleImport, *, actor: User, send_invitations: bool = False) -> dict[str, int]:
    """Write the good rows of a pending import, once; returns the counts of each outcome."""
    plan = plan_import(people_import, actor=actor)
    claimed = db.session.execute(
        update(PeopleImport)
        .where(PeopleImport.id == people_import.id, PeopleImport.status == ImportStatus.PENDING)
        .values(status=ImportStatus.APPLIED, applied_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:
        raise ImportConflict(_l("This import was already confirmed or cancelled."), code="import-done")
    db.session.refresh(people_import)

    created: list[tuple[User, set[tuple[Role, int | None]]]] = []
    updated: list[tuple[User, set[tuple[Role, int | None]]]] = []
    changed_facts: list[tuple[User, set[str]]] = []
    for row in plan.rows:
        if row.status == NEW:
            user = User(email=row.email, **row.values)  # type: ignore[arg-type]
            added = {(Role(name), iid) for name, iid in row.add_roles}
            user.role_assignments = [
                RoleAssignment(role=role, institute_id=iid) for role, iid in sorted(added, key=_role_key)
            ]
            db.session.add(user)
            created.append((user, added))
        elif row.status == UPDATE:
            user = db.session.get(User, row.person_id)
            if user is None:  # pragma: no cover - deleted between planning and applying
                continue
            for name, value in row.values.items():
                setattr(user, name, value)
            if row.values:
                changed_facts.append((user, set(row.values)))
            added = {(Role(name), iid) for name, iid in row.add_roles}
            for role, iid in sorted(added, key=_role_key):
                user.role_assignments.append(RoleAssignment(role=role, institute_id=iid))
            updated.append((user, added))
    try:
        with db.session.begin_nested():  # a savepoint: a clash leaves the session usable for the 409 page
            db.session.flush()
    except IntegrityError:
        raise ImportConflict(_l("Someone changed these people meanwhile. Send the file again."), code="clash") from None

    for user, added in [*created, *updated]:
        if added:
            user_roles_changed.send(user, actor=actor, added=added, removed=set())
    for user, fields in changed_facts:
        user_updated.send(user, actor=actor, fields=fields)
    if send_invitations:
        for user, _added in created:
            send_invitation(user, actor=actor)
    counts = plan.counts
    record(
        "core.people-imported",
        actor=actor,
        target=people_import,
        target_label=people_import.filename,
        details={**counts, "invitations": len(created) if send_invitations else 0},
    )
    return counts


def cancel_import(people_import: PeopleImport, *, actor: User) -> None:
    cancelled = db.session.execute(
        update(PeopleImport)
        .where(PeopleImport.id == people_import.id, PeopleImport.status == ImportStatus.PENDING)
        .values(status=ImportStatus.CANCELLED)
        .execution_options(synchronize_session=False)
    )
    if cancelled.rowcount != 1:
        raise ImportConflict(_l("This import was already confirmed or cancelled."), code="import-done")
    db.session.refresh(people_import)
