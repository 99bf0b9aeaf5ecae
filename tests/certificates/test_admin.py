"""Admins: the list (filters, pages of 50, a constant number of queries), its CSV and XLSX, one certificate,
revoking and re-issuing through their forms, issuing one by hand; a director sees their institute's only."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from certificates.models import Certificate, CertificateStatus, SubjectKind
from sonores_lms.audit.models import AuditEntry
from sonores_lms.database import utcnow


def make_certificates(db, institute, count, *, subject_uid="c" * 32, **columns):
    made = []
    for n in range(count):
        certificate = Certificate(
            user_id=None,
            kind=SubjectKind.COURSE,
            subject_uid=subject_uid,
            language="fr",
            snapshot={"holder": f"Personne {n}", "titles": {"fr": "Cours"}, "institute": institute.name},
            holder_name=f"Personne {n}",
            institute_id=institute.id,
            country=institute.country,
            issued_at=utcnow() - timedelta(minutes=n),
            **columns,
        )
        db.session.add(certificate)
        made.append(certificate)
    db.session.flush()
    return made


@pytest.fixture
def two_institutes(create_institute):
    return (
        create_institute(name="Alliance Française de Lima", country="PE"),
        create_institute(name="Alliance Française de La Paz", country="BO"),
    )


def test_the_list_pages_by_fifty_with_constant_queries(admin_client, db, two_institutes, count_queries):
    lima, paz = two_institutes
    make_certificates(db, lima, 60)
    make_certificates(db, paz, 3)
    with count_queries() as few:
        page = admin_client.get(f"/certificates/admin/?institute={paz.id}").get_data(as_text=True)
    assert page.count("/certificates/admin/SON-") == 3
    with count_queries() as many:
        page = admin_client.get("/certificates/admin/").get_data(as_text=True)
    assert page.count("/certificates/admin/SON-") == 50 and "63 certificates" in page and "Page 1 of 2" in page
    assert many.count == few.count
    page = admin_client.get("/certificates/admin/?page=2").get_data(as_text=True)
    assert page.count("/certificates/admin/SON-") == 13


def test_filters_status_country_dates_and_course(admin_client, db, two_institutes):
    lima, paz = two_institutes
    valid = make_certificates(db, lima, 2)
    revoked = make_certificates(db, lima, 1, status=CertificateStatus.REVOKED, revoked_at=utcnow())
    expired = make_certificates(db, paz, 1, expires_at=utcnow() - timedelta(days=1), subject_uid="d" * 32)
    old = make_certificates(db, paz, 1)[0]
    old.issued_at = utcnow() - timedelta(days=400)
    db.session.flush()

    def codes(query):
        page = admin_client.get("/certificates/admin/" + query).get_data(as_text=True)
        return {c.code for c in valid + revoked + expired + [old] if c.code in page}

    assert codes("?status=revoked") == {revoked[0].code}
    assert codes("?status=expired") == {expired[0].code}
    assert codes("?status=valid") == {c.code for c in valid} | {old.code}
    assert codes("?country=BO") == {expired[0].code, old.code}
    since = (utcnow() - timedelta(days=30)).date().isoformat()
    assert old.code not in codes(f"?issued_from={since}") and valid[0].code in codes(f"?issued_from={since}")
    assert codes("?issued_until=2000-01-01") == set()
    assert admin_client.get("/certificates/admin/?issued_from=nonsense").status_code == 200  # a message, no 500


def test_exports_have_the_same_rows(admin_client, db, two_institutes):
    lima, _paz = two_institutes
    made = make_certificates(db, lima, 3)
    made[0].holder_name = "=HYPERLINK(evil)"
    db.session.flush()
    response = admin_client.get("/certificates/admin/certificates.csv")
    text = response.get_data().decode("utf-8-sig")
    assert response.mimetype == "text/csv" and all(c.code in text for c in made) and "'=HYPERLINK" in text
    response = admin_client.get("/certificates/admin/certificates.xlsx")
    sheet = load_workbook(io.BytesIO(response.data)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Code" and {r[0] for r in rows[1:]} == {c.code for c in made}


def test_a_director_lists_and_opens_their_institute_only(client_as, db, two_institutes):
    lima, paz = two_institutes
    ours = make_certificates(db, lima, 2)
    theirs = make_certificates(db, paz, 2)
    director = client_as(("admin", lima.id), institute_id=lima.id)
    page = director.get("/certificates/admin/").get_data(as_text=True)
    assert all(c.code in page for c in ours) and not any(c.code in page for c in theirs)
    assert "Issue a certificate" not in page
    assert director.get(f"/certificates/admin/?institute={paz.id}").status_code == 403
    assert director.get(f"/certificates/admin/{ours[0].code}").status_code == 200
    assert director.get(f"/certificates/admin/{theirs[0].code}").status_code == 403
    assert director.get(f"/certificates/{theirs[0].code}.pdf").status_code == 403
    csv = director.get("/certificates/admin/certificates.csv").get_data(as_text=True)
    assert ours[0].code in csv and theirs[0].code not in csv
    assert director.post(f"/certificates/admin/{ours[0].code}/revoke", data={"reason": "other"}).status_code == 403


def test_revoke_and_reissue_through_the_forms(admin_client, completed, make_template, db):
    make_template()
    completed()
    certificate = db.session.scalars(select(Certificate)).one()
    url = f"/certificates/admin/{certificate.code}"
    assert admin_client.post(f"{url}/reissue", data={"reason": ""}).status_code == 400  # a message, nothing made
    assert db.session.scalar(select(Certificate.id).where(Certificate.version == 2)) is None
    response = admin_client.post(f"{url}/reissue", data={"reason": "Nom corrigé", "language": "es"})
    new = db.session.scalars(select(Certificate).where(Certificate.version == 2)).one()
    assert response.status_code == 302 and response.headers["Location"].endswith(new.code)
    assert new.language == "es" and new.reissue_reason == "Nom corrigé"
    page = admin_client.get(f"/certificates/admin/{new.code}").get_data(as_text=True)
    assert "Version 1" in page and certificate.code in page
    assert admin_client.post(f"{url}/revoke", data={"reason": "other"}).status_code == 409  # replaced already
    assert admin_client.post(f"/certificates/admin/{new.code}/revoke", data={"reason": "nonsense"}).status_code == 400
    response = admin_client.post(f"/certificates/admin/{new.code}/revoke", data={"reason": "issued-in-error"})
    db.session.refresh(new)
    assert response.status_code == 302 and new.status is CertificateStatus.REVOKED
    actions = set(db.session.scalars(select(AuditEntry.action)))
    assert {"certificates.reissued", "certificates.revoked"} <= actions


def test_issuing_one_by_hand(admin_client, completed, create_user, db):
    user, course = completed(email="ana@example.org")  # no template: nothing issued by itself
    assert db.session.scalar(select(Certificate.id)) is None
    page = admin_client.get("/certificates/admin/issue").get_data(as_text=True)
    assert f"course:{course.uid}" in page
    response = admin_client.post(
        "/certificates/admin/issue", data={"email": "nobody@example.org", "subject": f"course:{course.uid}"}
    )
    assert response.status_code == 400 and "Nobody has this email address" in response.get_data(as_text=True)
    other = create_user("idle@example.org")
    response = admin_client.post(
        "/certificates/admin/issue", data={"email": other.email, "subject": f"course:{course.uid}"}
    )
    assert response.status_code == 400 and "has not completed it" in response.get_data(as_text=True)
    response = admin_client.post(
        "/certificates/admin/issue", data={"email": "ANA@example.org", "subject": f"course:{course.uid}"}
    )
    certificate = db.session.scalars(select(Certificate)).one()
    assert response.status_code == 302 and certificate.user_id == user.id and certificate.issued_by_id is not None
    admin_client.post("/certificates/admin/issue", data={"email": "ana@example.org", "subject": f"course:{course.uid}"})
    assert len(db.session.scalars(select(Certificate)).all()) == 1


def test_the_course_and_track_filter(admin_client, make_plan, create_user, complete_course, make_template, db):
    make_template()
    track = make_plan(courses=1, lessons=1).axes[0].tracks[0]
    complete_course(create_user(), track.courses[0])  # the course and its one-course track
    course_code, track_code = (
        db.session.scalars(select(Certificate.code).where(Certificate.kind == kind)).one()
        for kind in (SubjectKind.COURSE, SubjectKind.TRACK)
    )
    page = admin_client.get(f"/certificates/admin/?course=track:{track.uid}").get_data(as_text=True)
    assert track_code in page and course_code not in page
    page = admin_client.get(f"/certificates/admin/?course=course:{track.courses[0].uid}").get_data(as_text=True)
    assert course_code in page and track_code not in page
