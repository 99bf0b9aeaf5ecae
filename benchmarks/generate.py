"""Fill a fresh, migrated database with a large network: institutes, people, their roles and a long audit log.

Rows go in with bulk inserts in batches and explicit ids (so that roles and audit entries can point at people
without reading them back); one password hash is computed once and shared, since scrypt is slow on purpose.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import insert, text

BATCH = 5_000
PASSWORD = "benchmark password, not a secret"
# Ten times today's target: the network's size at scale 1.0.
FULL_INSTITUTES = 2_000
FULL_PEOPLE = 20_000
FULL_AUDIT_ENTRIES = 200_000
NETWORK_ADMINS = 5
AUDITORS = 10
TRAINER_EVERY = 20  # one person in twenty also trains, in their institute
INVITED_EVERY = 25  # one in twenty-five has not accepted their invitation yet (no password)
DEACTIVATED_EVERY = 33
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)  # fixed, so that two runs hold the same data

COUNTRIES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("AR", "America/Argentina/Buenos_Aires", ("Buenos Aires", "Córdoba", "Rosario", "Mendoza", "Salta")),
    ("BO", "America/La_Paz", ("La Paz", "Cochabamba", "Santa Cruz", "Sucre")),
    ("BR", "America/Sao_Paulo", ("São Paulo", "Rio de Janeiro", "Belo Horizonte", "Recife", "Curitiba")),
    ("CL", "America/Santiago", ("Santiago", "Valparaíso", "Concepción", "La Serena")),
    ("CO", "America/Bogota", ("Bogotá", "Medellín", "Cali", "Barranquilla", "Cartagena")),
    ("CR", "America/Costa_Rica", ("San José", "Alajuela", "Heredia")),
    ("DO", "America/Santo_Domingo", ("Santo Domingo", "Santiago de los Caballeros")),
    ("EC", "America/Guayaquil", ("Quito", "Guayaquil", "Cuenca")),
    ("GT", "America/Guatemala", ("Guatemala", "Quetzaltenango")),
    ("HN", "America/Tegucigalpa", ("Tegucigalpa", "San Pedro Sula")),
    ("HT", "America/Port-au-Prince", ("Port-au-Prince", "Cap-Haïtien", "Les Cayes", "Jacmel")),
    ("JM", "America/Jamaica", ("Kingston", "Montego Bay")),
    ("MX", "America/Mexico_City", ("Ciudad de México", "Guadalajara", "Monterrey", "Mérida", "Puebla")),
    ("NI", "America/Managua", ("Managua", "León")),
    ("PA", "America/Panama", ("Ciudad de Panamá", "Colón")),
    ("PE", "America/Lima", ("Lima", "Arequipa", "Cusco", "Trujillo")),
    ("PY", "America/Asuncion", ("Asunción", "Encarnación")),
    ("SV", "America/El_Salvador", ("San Salvador", "Santa Ana")),
    ("UY", "America/Montevideo", ("Montevideo", "Punta del Este")),
    ("VE", "America/Caracas", ("Caracas", "Maracaibo", "Valencia")),
)
FIRST_NAMES = (
    "Sofía", "Mateo", "Valentina", "Santiago", "Camila", "João", "Ana", "Luis", "Marie", "Jean", "Gabriela",
    "Diego", "Isabela", "Carlos", "Lucía", "Pedro", "Fernanda", "Jorge", "Natasha", "Wilson", "Claudia", "Rafael",
    "Beatriz", "Andrés", "Daniela", "Miguel", "Paula", "Tomás", "Mariana", "Hugo",
)  # fmt: skip
LAST_NAMES = (
    "Martínez", "Silva", "González", "Rodríguez", "Pérez", "Santos", "Oliveira", "López", "Joseph", "Pierre",
    "Campbell", "Ramírez", "Torres", "Flores", "Rivera", "Gómez", "Díaz", "Cruz", "Morales", "Ortiz", "Gutiérrez",
    "Chávez", "Ramos", "Ruiz", "Álvarez", "Mendoza", "Castillo", "Vargas", "Romero", "Herrera", "Medina", "Aguilar",
    "Moreno", "Jiménez", "Costa", "Souza", "Ferreira", "Almeida", "Charles", "Baptiste",
)  # fmt: skip
JOB_TITLES = ("Teacher", "Librarian", "Cultural officer", "Receptionist", "Accountant", "Course coordinator", None)
LOCALES = ("es", "es", "pt", "fr", "en")
# (action, target kind, weight): sign-ins dominate a real log.
ACTIONS: tuple[tuple[str, str | None, int], ...] = (
    ("core.sign-in", "User", 70),
    ("core.sign-in-failed", None, 6),
    ("core.password-reset-requested", "User", 3),
    ("core.password-changed", "User", 2),
    ("core.profile-updated", "User", 5),
    ("core.person-updated", "User", 4),
    ("core.role-granted", "User", 2),
    ("core.role-revoked", "User", 1),
    ("core.person-invited", "User", 3),
    ("core.user-deactivated", "User", 1),
    ("core.institute-updated", "Institute", 2),
    ("core.setting-changed", None, 1),
)


@dataclass(frozen=True)
class Sizes:
    institutes: int
    people: int
    audit_entries: int

    @classmethod
    def scaled(cls, scale: float) -> Sizes:
        return cls(
            institutes=max(2, round(FULL_INSTITUTES * scale)),
            people=max(NETWORK_ADMINS + AUDITORS + 10, round(FULL_PEOPLE * scale)),
            audit_entries=max(10, round(FULL_AUDIT_ENTRIES * scale)),
        )


@dataclass(frozen=True)
class Network:
    """What the measurement needs to know about the data it runs on."""

    sizes: Sizes
    role_assignments: int
    directors: int
    admin_id: int
    director_id: int
    director_institute_id: int
    staff_id: int
    password_hash: str
    search_text: str
    audit_action: str
    audit_date_from: str
    seconds: float


def _batches(rows: Iterable[dict[str, Any]], size: int = BATCH) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _insert(session: Any, model: Any, rows: Iterable[dict[str, Any]]) -> int:
    count = 0
    for batch in _batches(rows):
        session.execute(insert(model), batch)
        count += len(batch)
    return count


def _institutes(n: int) -> Iterator[dict[str, Any]]:
    for i in range(n):
        country, zone, cities = COUNTRIES[i % len(COUNTRIES)]
        city = cities[(i // len(COUNTRIES)) % len(cities)]
        alliance = i % 10 != 0
        name = f"Alliance Française de {city} {i + 1}" if alliance else f"Institut français {city} {i + 1}"
        yield {
            "id": i + 1,
            "kind": "alliance" if alliance else "institut",
            "name": name,
            "country": country,
            "city": city,
            "timezone": zone,
            "languages": ["pt", "fr"] if country == "BR" else ["es", "fr"],
            "active": i % 50 != 49,
            "created_at": NOW - timedelta(days=2000 - i % 2000),
            "version": 1,
        }


def _institute_of(person: int, sizes: Sizes) -> int | None:
    """Network admins (the first people) belong to no institute; everyone else is spread evenly."""
    if person < NETWORK_ADMINS:
        return None
    return (person - NETWORK_ADMINS) % sizes.institutes + 1


def _people(sizes: Sizes, password_hash: str, rng: random.Random) -> Iterator[dict[str, Any]]:
    for i in range(sizes.people):
        first = FIRST_NAMES[i % len(FIRST_NAMES)]
        last = LAST_NAMES[(i // len(FIRST_NAMES)) % len(LAST_NAMES)]
        invited = i >= NETWORK_ADMINS + AUDITORS and i % INVITED_EVERY == 7
        created = NOW - timedelta(days=rng.randrange(1, 1500), seconds=rng.randrange(86_400))
        yield {
            "id": i + 1,
            "email": f"person{i + 1}@bench.example.org",
            "password_hash": None if invited else password_hash,
            "first_name": first,
            "last_name": last,
            "locale": LOCALES[i % len(LOCALES)],
            "timezone": None,
            "institute_id": _institute_of(i, sizes),
            "job_title": JOB_TITLES[i % len(JOB_TITLES)],
            "notifications": {"course_updates": True, "reminders": True, "network_news": False},
            "active": not (i >= NETWORK_ADMINS + AUDITORS and i % DEACTIVATED_EVERY == 11),
            "created_at": created,
            "last_sign_in_at": None if invited else NOW - timedelta(minutes=rng.randrange(1, 200_000)),
            "password_changed_at": None if invited else created,
            "deactivated_at": None,
            "version": 1,
        }


def _directors(sizes: Sizes) -> dict[int, int]:
    """Institute id -> the person (0-based) who directs it: the first regular member of each institute."""
    directors: dict[int, int] = {}
    for person in range(NETWORK_ADMINS + AUDITORS, sizes.people):
        institute = _institute_of(person, sizes)
        if institute is not None and institute not in directors:
            directors[institute] = person
        if len(directors) == sizes.institutes:
            break
    return directors


def _assignments(sizes: Sizes, directors: dict[int, int]) -> Iterator[dict[str, Any]]:
    director_people = {person: institute for institute, person in directors.items()}
    ident = 0
    for i in range(sizes.people):
        user_id = i + 1
        roles: list[tuple[str, int | None]] = []
        if i < NETWORK_ADMINS:
            roles.append(("admin", None))
        elif i < NETWORK_ADMINS + AUDITORS:
            roles += [("auditor", None), ("staff", None)]
        else:
            roles.append(("staff", None))
            if i in director_people:
                roles.append(("admin", director_people[i]))
            if i % TRAINER_EVERY == 3:
                roles.append(("trainer", _institute_of(i, sizes)))
        for role, institute_id in roles:
            ident += 1
            yield {
                "id": ident,
                "user_id": user_id,
                "role": role,
                "institute_id": institute_id,
                "created_at": NOW - timedelta(days=30),
            }


def _audit(sizes: Sizes, rng: random.Random) -> Iterator[dict[str, Any]]:
    actions = [a for a, _, _ in ACTIONS]
    weights = [w for _, _, w in ACTIONS]
    kinds = {a: kind for a, kind, _ in ACTIONS}
    span = 2 * 365 * 86_400
    # Oldest first, so that ids and times grow together as in a real log.
    offsets = sorted((rng.randrange(span) for _ in range(sizes.audit_entries)), reverse=True)
    chosen = rng.choices(actions, weights=weights, k=sizes.audit_entries)
    for n, (offset, action) in enumerate(zip(offsets, chosen, strict=True)):
        kind = kinds[action]
        actor = rng.randrange(sizes.people) + 1
        details: dict[str, Any] = {}
        target_id: int | None = None
        label: str | None = None
        if kind == "User":
            target_id = actor if action.startswith(("core.sign-in", "core.pass", "core.profile")) else None
            target_id = target_id or rng.randrange(sizes.people) + 1
            label = f"person{target_id}@bench.example.org"
            if action in {"core.role-granted", "core.role-revoked"}:
                details = {"role": "trainer", "institute": rng.randrange(sizes.institutes) + 1}
            elif action == "core.person-updated":
                details = {"job_title": {"old": "Teacher", "new": "Course coordinator"}}
        elif kind == "Institute":
            target_id = rng.randrange(sizes.institutes) + 1
            label = f"Institute {target_id}"
            details = {"city": {"old": "Lima", "new": "Arequipa"}}
        elif action == "core.setting-changed":
            label = "core.default_timezone"
            details = {"old": "America/Bogota", "new": "America/Lima"}
        elif action == "core.sign-in-failed":
            details = {"email": f"person{actor}@bench.example.org"}
        yield {
            "id": n + 1,
            "created_at": NOW - timedelta(seconds=offset),
            "actor_id": None if action == "core.sign-in-failed" else actor,
            "action": action,
            "target_type": kind,
            "target_id": target_id,
            "target_label": label,
            "details": details,
            "ip_address": f"190.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}",
        }


def _reset_sequences(session: Any) -> None:
    """Explicit ids leave PostgreSQL's sequences at 1: move them past the rows, as if rows came one by one."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in ("core_institutes", "core_users", "core_role_assignments", "core_audit_entries"):
        session.execute(
            text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")  # noqa: S608
        )


def populate(app: Any, sizes: Sizes, *, seed: int = 2026) -> Network:
    """Fill the (migrated, empty) database of ``app`` and commit; returns the people and values pages are read with."""
    import time

    from werkzeug.security import generate_password_hash

    from sonores_lms.audit.models import AuditEntry
    from sonores_lms.extensions import db
    from sonores_lms.institutes.models import Institute
    from sonores_lms.people.models import RoleAssignment, User

    started = time.perf_counter()
    rng = random.Random(seed)
    password_hash = generate_password_hash(PASSWORD, method="scrypt")
    directors = _directors(sizes)
    with app.app_context():
        session = db.session
        _insert(session, Institute, _institutes(sizes.institutes))
        _insert(session, User, _people(sizes, password_hash, rng))
        assignments = _insert(session, RoleAssignment, _assignments(sizes, directors))
        _insert(session, AuditEntry, _audit(sizes, rng))
        _reset_sequences(session)
        session.commit()
        if session.get_bind().dialect.name == "postgresql":
            # Autovacuum would analyse these tables within a minute of such inserts; do it now rather than wait.
            session.execute(text("ANALYZE"))
            session.commit()
        session.remove()

    # A director and a staff member with a password, active, in an active institute.
    director_person = next(p for _, p in sorted(directors.items()) if _plain_member(p, sizes))
    staff_person = next(
        p
        for p in range(NETWORK_ADMINS + AUDITORS, sizes.people)
        if p not in directors.values() and p % TRAINER_EVERY != 3 and _plain_member(p, sizes)
    )
    return Network(
        sizes=sizes,
        role_assignments=assignments,
        directors=len(directors),
        admin_id=1,
        director_id=director_person + 1,
        director_institute_id=_institute_of(director_person, sizes) or 0,
        staff_id=staff_person + 1,
        password_hash=password_hash,
        search_text="mora",  # part of a common surname (Morales): a few hundred matches at full scale
        audit_action="core.role-granted",
        audit_date_from=(NOW - timedelta(days=90)).date().isoformat(),
        seconds=time.perf_counter() - started,
    )


def _plain_member(person: int, sizes: Sizes) -> bool:
    institute = _institute_of(person, sizes)
    return (
        institute is not None
        and institute % 50 != 0  # institute i (1-based) is inactive when (i - 1) % 50 == 49
        and person % INVITED_EVERY != 7
        and person % DEACTIVATED_EVERY != 11
    )
