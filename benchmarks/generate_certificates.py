"""Data for the certificates benchmark: institutes, people, a published plan whose courses they completed, and
100,000 issued certificates (scale 1), written with bulk inserts.

Every certificate is a real row as issuing writes it (a code, a snapshot of what it attests, the institute and
country it was issued in); a share is revoked, replaced or expired so that the list's status filters have something
to find. One extra course has ``bulk`` completers and no certificate yet, for the bulk-issue measurement.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import insert, text

PEOPLE_PER_INSTITUTE = 50
COURSES = 20


@dataclass(frozen=True)
class CertificateSizes:
    certificates: int = 100_000
    bulk: int = 500

    @classmethod
    def scaled(cls, scale: float) -> CertificateSizes:
        return cls(certificates=max(200, int(100_000 * scale)), bulk=max(20, int(500 * min(scale, 1.0))))

    @property
    def people(self) -> int:
        return max(10, -(-self.certificates // COURSES))


@dataclass
class CertificatesData:
    sizes: CertificateSizes
    admin_id: int
    director_id: int
    holder_id: int
    valid_code: str
    revoked_code: str
    bulk_course_uid: str
    institute_id: int
    country: str
    seconds: float


def _plan(year: int) -> tuple[Any, list[Any], Any]:
    from courses.models import Axis, Course, Lesson, Module, Plan, PlanStatus, Track
    from sonores_lms.database import utcnow

    plan = Plan(year=year, revision=1, status=PlanStatus.PUBLISHED, published_at=utcnow())
    plan.set_texts("fr", {"title": f"Plan {year}"})
    axis = Axis(code="communication", position=0)
    axis.set_texts("fr", {"title": "Communication"})
    plan.axes.append(axis)
    track = Track(position=0)
    track.set_texts("fr", {"title": "Stratégie numérique"})
    axis.tracks.append(track)
    courses = []
    for n in range(COURSES + 1):
        course = Course(position=n)
        course.set_texts("fr", {"title": f"Cours {n + 1} : communiquer en ligne"})
        course.set_texts("es", {"title": f"Curso {n + 1}: comunicar en línea"})
        module = Module(position=0)
        module.set_texts("fr", {"title": "Module"})
        lesson = Lesson(position=0, kind="text", duration_minutes=90)
        lesson.set_texts("fr", {"title": "Leçon", "body": "Texte."})
        module.lessons.append(lesson)
        course.modules.append(module)
        track.courses.append(course)
        courses.append(course)
    return plan, courses[:-1], courses[-1]


def populate_certificates(app: Any, sizes: CertificateSizes, *, seed: int = 10) -> CertificatesData:
    from certificates.codes import new_code
    from certificates.models import Certificate, CertificateStatus, CertificateTemplate, RevokeReason
    from courses.models import Enrolment, EnrolmentStatus
    from sonores_lms.database import utcnow
    from sonores_lms.extensions import db
    from sonores_lms.institutes.models import Institute, InstituteKind
    from sonores_lms.people.models import RoleAssignment, User
    from sonores_lms.permissions import Role

    started = time.perf_counter()
    rng = random.Random(seed)
    now = utcnow()
    countries = ["MX", "BR", "AR", "CL", "CO", "PE", "HT", "CU", "UY", "EC"]
    with app.app_context():
        institutes = []
        for n in range(max(2, sizes.people // PEOPLE_PER_INSTITUTE)):
            institute = Institute(
                kind=InstituteKind.ALLIANCE, name=f"Alliance Française {n}", country=countries[n % len(countries)],
                city=f"Ville {n}", timezone="America/Mexico_City", languages=["fr", "es"],
            )  # fmt: skip
            db.session.add(institute)
            institutes.append(institute)
        db.session.flush()
        template = CertificateTemplate(scope="network", name="Réseau", auto_issue=False)
        template.set_texts("fr", {"title": "Attestation de formation", "body": "{name} : « {course} » ({hours} h)."})
        db.session.add(template)
        plan, courses, bulk_course = _plan(2090)
        db.session.add(plan)
        db.session.flush()
        people_rows = [
            {
                "email": f"bench-cert-{n}@example.org", "first_name": "Nguyễn Ñuñoa", "last_name": f"Pérez {n}",
                "locale": ("fr", "es", "pt", "en")[n % 4], "institute_id": institutes[n % len(institutes)].id,
                "notifications": {}, "active": True, "created_at": now, "session_token": f"{n:032d}", "version": 1,
            }
            for n in range(sizes.people)
        ]  # fmt: skip
        db.session.execute(insert(User), people_rows)
        ids = [row.id for row in db.session.query(User.id).filter(User.email.like("bench-cert-%")).order_by(User.id)]
        admin = User(email="bench-cert-admin@example.org", first_name="Admin", last_name="Réseau", locale="fr")
        admin.role_assignments.append(RoleAssignment(role=Role.ADMIN))
        director = User(email="bench-cert-director@example.org", first_name="Directrice", last_name="Institut",
                        locale="es", institute_id=institutes[0].id)  # fmt: skip
        director.role_assignments.append(RoleAssignment(role=Role.ADMIN, institute_id=institutes[0].id))
        db.session.add_all([admin, director])
        db.session.flush()

        rows: list[dict[str, Any]] = []
        codes: set[str] = set()
        statuses = [CertificateStatus.VALID] * 90 + [CertificateStatus.REVOKED] * 5 + [CertificateStatus.SUPERSEDED] * 5
        for n in range(sizes.certificates):
            user_id = ids[n % len(ids)]
            course = courses[(n // len(ids)) % len(courses)]
            institute = institutes[(n % len(ids)) % len(institutes)]
            code = new_code()
            while code in codes:
                code = new_code()
            codes.add(code)
            status = rng.choice(statuses)
            issued = now - timedelta(minutes=rng.randint(0, 60 * 24 * 700))
            rows.append(
                {
                    "code": code, "user_id": user_id, "kind": "course", "subject_uid": course.uid, "version": 1,
                    "template_id": template.id, "status": status, "language": "es", "bilingual": False,
                    "snapshot": {"holder": f"Nguyễn Ñuñoa Pérez {n}", "titles": {"fr": course.text("title", "fr").text},
                                 "minutes": 90, "institute": institute.name, "country": institute.country,
                                 "issuer": "Réseau", "completed_on": issued.date().isoformat(), "design": {}},
                    "holder_name": f"Nguyễn Ñuñoa Pérez {n}", "institute_id": institute.id,
                    "country": institute.country, "completed_at": issued, "issued_at": issued,
                    "expires_at": issued + timedelta(days=365) if n % 7 == 0 else None,
                    "revoked_at": issued + timedelta(days=1) if status is CertificateStatus.REVOKED else None,
                    "revoke_reason": RevokeReason.OTHER if status is CertificateStatus.REVOKED else None,
                }
            )  # fmt: skip
            if len(rows) == 5000:
                db.session.execute(insert(Certificate), rows)
                rows = []
        if rows:
            db.session.execute(insert(Certificate), rows)
        enrolments = [
            {"user_id": user_id, "course_uid": bulk_course.uid, "status": EnrolmentStatus.COMPLETED,
             "started_at": now - timedelta(days=3), "completed_at": now - timedelta(days=1), "version": 1}
            for user_id in ids[: sizes.bulk]
        ]  # fmt: skip
        db.session.execute(insert(Enrolment), enrolments)
        db.session.commit()
        valid = db.session.query(Certificate).filter_by(status=CertificateStatus.VALID).first()
        revoked = db.session.query(Certificate).filter_by(status=CertificateStatus.REVOKED).first()
        data = CertificatesData(
            sizes=sizes,
            admin_id=admin.id,
            director_id=director.id,
            holder_id=valid.user_id,
            valid_code=valid.code,
            revoked_code=revoked.code,
            bulk_course_uid=bulk_course.uid,
            institute_id=institutes[0].id,
            country=institutes[0].country,
            seconds=time.perf_counter() - started,
        )
        db.session.remove()
        if db.engine.dialect.name == "postgresql":
            # PostgreSQL's autovacuum vacuums and analyses a table soon after such inserts (PostgreSQL 13 on); do it
            # now rather than wait, as the core benchmark analyses its own tables.
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
                connection.execute(text("VACUUM ANALYZE certificates_certificates"))
    return data
