"""Demo certificates: the network's template in four languages, and certificates for the demo learners who
completed courses (Spanish, Portuguese, English and, through Widelene finishing a course, French), one bilingual,
one revoked, one expired.

Idempotent: the template is found by its scope, a certificate by its completion (issuing never makes a second one),
and the special cases are set only on the certificate just made. Mateo's certificate (the printed staff account)
always has the code ``SON-7KQ4-X2MP``, which the README gives to type on the verification page. Never commits:
``flask sonores demo`` does, once. No mail is sent for demo certificates.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta

from sqlalchemy import select

from courses.api import (
    CompletionSource,
    LearningError,
    complete_lesson,
    course_completers,
    enrolment_of,
    published_tracks,
    track_completed_at,
)
from sonores_lms.database import utcnow
from sonores_lms.extensions import db
from sonores_lms.people.models import User

from .codes import ALPHABET
from .issuing import IssueError, issue, revoke
from .models import Certificate, CertificateTemplate, RevokeReason, SubjectKind
from .queries import latest_certificate, template_by_scope

SHOWN_CODE = "SON-7KQ4-X2MP"
SHOWN_HOLDER = "mateo.fernandez@example.org"
FRENCH_LEARNER = "widelene.pierre-louis@example.org"
BILINGUAL = "daniela.rojas-vargas@example.org"
REVOKED = "carlos.mendoza-quispe@example.org"
EXPIRED = "rodrigo.benitez@example.org"

TEXTS = {
    "fr": {
        "title": "Attestation de formation",
        "body": "{name}, de l'{institute} ({country}), a suivi avec succès « {course} », parcours « {track} », "
        "soit {hours} heures de formation, achevée le {date}.\n\nCode de vérification : {code}",
    },
    "es": {
        "title": "Certificado de formación",
        "body": "{name}, de la {institute} ({country}), completó con éxito «{course}», trayecto «{track}», "
        "es decir {hours} horas de formación, terminada el {date}.\n\nCódigo de verificación: {code}",
    },
    "pt": {
        "title": "Certificado de formação",
        "body": "{name}, da {institute} ({country}), concluiu com êxito «{course}», trilha «{track}», "
        "ou seja {hours} horas de formação, concluída em {date}.\n\nCódigo de verificação: {code}",
    },
    "en": {
        "title": "Certificate of training",
        "body": "{name}, of the {institute} ({country}), successfully completed “{course}”, track “{track}”, "
        "{hours} hours of training, finished on {date}.\n\nVerification code: {code}",
    },
}


def demo_code(email: str, subject_uid: str) -> str:
    """A fixed code per demo certificate, so every demo database shows the same ones."""
    digest = hashlib.sha256(f"sonores-demo/{email}/{subject_uid}".encode()).digest()
    body = "".join(ALPHABET[b % len(ALPHABET)] for b in digest[:8])
    return f"SON-{body[:4]}-{body[4:]}"


def _template() -> CertificateTemplate:
    template = template_by_scope("network")
    if template is None:
        template = CertificateTemplate(scope="network", name="Attestation du réseau", auto_issue=True)
        for language, values in TEXTS.items():
            template.set_texts(language, values)
        template.signatories = [
            {"name": "Sofía Martínez Ríos", "title": "Coordinadora regional de formación", "image": None}
        ]
        db.session.add(template)
        db.session.flush()
    return template


def _finish_a_course_for(user: User) -> None:
    """Widelene finishes a course she started in the demo plan (through courses' public API), so that a French
    certificate exists; nothing when she started none (an admin's own plan)."""
    started = []
    for track in published_tracks():
        for course in track.courses:
            enrolment = enrolment_of(user, course.uid)
            if enrolment is not None and enrolment.completed_at is not None:
                return
            if enrolment is not None:
                started.append(course)
    for course in started:
        lessons = [lesson for module in course.modules for lesson in module.lessons if lesson.required]
        try:
            with db.session.begin_nested():
                for lesson in lessons:
                    complete_lesson(user, lesson.uid, source=CompletionSource.MANUAL)
        except LearningError:
            continue  # locked, released later or reserved to others: try the next
        return


def _issue(user: User, kind: SubjectKind, uid: str, template: CertificateTemplate) -> Certificate | None:
    if latest_certificate(user.id, kind, uid) is not None:
        return None  # issued on an earlier run (and perhaps changed since): left alone
    try:
        certificate = issue(user, kind, uid, actor=None, template=template, notify=False)
    except IssueError:
        return None
    code = SHOWN_CODE if user.email == SHOWN_HOLDER and kind is SubjectKind.COURSE else demo_code(user.email, uid)
    if db.session.scalar(select(Certificate.id).where(Certificate.code == code)) is None:
        certificate.code = code
    if user.email == BILINGUAL:
        certificate.bilingual = True
    if user.email == EXPIRED and certificate.completed_at is not None:
        certificate.issued_at = certificate.completed_at
        certificate.expires_at = utcnow() - timedelta(days=3)
    db.session.flush()
    if user.email == REVOKED:
        revoke(certificate, actor=None, reason=RevokeReason.ISSUED_IN_ERROR, note="Démonstration")
    return certificate


def load_demo() -> None:
    template = _template()
    people = {u.email: u for u in db.session.scalars(select(User).where(User.email.like("%@example.org")))}
    french = people.get(FRENCH_LEARNER)
    if french is not None:
        _finish_a_course_for(french)
    by_id = {user.id: user for user in people.values()}
    for track in published_tracks():
        for course in track.courses:
            for user_id, _completed_at in course_completers(course.uid):
                if user_id in by_id:
                    _issue(by_id[user_id], SubjectKind.COURSE, course.uid, template)
        for user in people.values():
            if track_completed_at(user, track.uid) is not None:
                _issue(user, SubjectKind.TRACK, track.uid, template)
    db.session.flush()
