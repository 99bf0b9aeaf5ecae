"""Access rows for the certificates routes: the verification page is public; a certificate's PDF is for its holder,
the network's admins and the directors of the institute it was issued in (403 for everyone else here: none of the
matrix's people holds it, and it was issued in an institute of its own)."""

from __future__ import annotations

from typing import Any

from tests.access import ALL, ROLES, SIGN_IN, SIGNED_IN, only

ADMIN_ONLY = only(("admin",), director=403)
ADMIN_POST = only(("admin",), 302, director=403)
ADMIN_BAD_POST = only(("admin",), 400, director=403)  # an empty form: refused with its messages
VIEWERS = only(("admin", "director"))  # network admins and directors (their institutes' certificates)

ROWS: dict[str, Any] = {
    "certificates.verify_form": [
        ("GET", "/certificates/verify", ALL),
        ("GET", "/certificates/verify?code=son-{cert_short}", {role: 302 for role in ROLES}),
    ],
    "certificates.verify": [
        ("GET", "/certificates/verify/{cert_code}", ALL),
        ("GET", "/certificates/verify/SON-2222-2222", {role: 404 for role in ROLES}),
    ],
    "certificates.mine": ("GET", "/certificates/mine", SIGNED_IN),
    "certificates.badge_issuer": ("GET", "/certificates/badges/issuer", ALL),
    "certificates.badge_image": ("GET", "/certificates/badges/image.svg", ALL),
    "certificates.badge_class": [
        ("GET", "/certificates/badges/classes/course/{cert_subject}", ALL),
        ("GET", "/certificates/badges/classes/track/{cert_subject}", {role: 404 for role in ROLES}),
    ],
    "certificates.badge_assertion": [
        ("GET", "/certificates/badges/assertions/{cert_code}", ALL),
        ("GET", "/certificates/badges/assertions/SON-2222-2222", {role: 404 for role in ROLES}),
    ],
    "certificates.download": [
        ("GET", "/certificates/{cert_code}.pdf", ADMIN_ONLY),
        ("GET", "/certificates/SON-2222-2222.pdf", {**{role: 404 for role in ROLES}, "anonymous": SIGN_IN}),
    ],
    "certificates.admin_list": ("GET", "/certificates/admin/", VIEWERS),
    "certificates.admin_csv": ("GET", "/certificates/admin/certificates.csv", VIEWERS),
    "certificates.admin_xlsx": ("GET", "/certificates/admin/certificates.xlsx", VIEWERS),
    "certificates.admin_certificate": ("GET", "/certificates/admin/{cert_code}", ADMIN_ONLY),
    "certificates.admin_revoke": ("POST", "/certificates/admin/{cert_code}/revoke", ADMIN_BAD_POST),
    "certificates.admin_reissue": ("POST", "/certificates/admin/{cert_code}/reissue", ADMIN_BAD_POST),
    "certificates.admin_issue": [
        ("GET", "/certificates/admin/issue", ADMIN_ONLY),
        ("POST", "/certificates/admin/issue", ADMIN_BAD_POST),
    ],
    "certificates.admin_templates": ("GET", "/certificates/admin/templates", ADMIN_ONLY),
    "certificates.admin_template_new": [
        ("GET", "/certificates/admin/templates/new", ADMIN_ONLY),
        ("POST", "/certificates/admin/templates/new", ADMIN_BAD_POST),
    ],
    "certificates.admin_template": [
        ("GET", "/certificates/admin/templates/{cert_template}", ADMIN_ONLY),
        ("POST", "/certificates/admin/templates/{cert_template}", ADMIN_BAD_POST),
    ],
    "certificates.admin_template_delete": ("POST", "/certificates/admin/templates/{cert_template}/delete", ADMIN_POST),
    "certificates.admin_template_preview": (
        "GET",
        "/certificates/admin/templates/{cert_template}/preview.pdf",
        ADMIN_ONLY,
    ),
    "certificates.admin_template_thumbnail": (
        "GET",
        "/certificates/admin/templates/{cert_template}/preview.png",
        ADMIN_ONLY,
    ),
    "certificates.admin_course": ("GET", "/certificates/admin/courses/{cert_course}", ADMIN_ONLY),
    "certificates.admin_course_issue": ("POST", "/certificates/admin/courses/{cert_course}/issue", ADMIN_POST),
    "certificates.admin_course_zip": ("POST", "/certificates/admin/courses/{cert_course}/zip", ADMIN_POST),
    "certificates.admin_run_zip": ("GET", "/certificates/admin/runs/{cert_run}.zip", ADMIN_ONLY),
}


def objects(make: Any) -> dict[str, Any]:
    """A certificate held by a person of an institute of its own (in Brazil), a template, a published course and a
    finished ZIP run of that course."""
    from certificates.bulk import run_zip
    from certificates.models import Certificate, CertificateTemplate, IssueRun, RunKind, SubjectKind
    from tests.fixtures.courses import build_plan

    institute = make.create_institute(name="Aliança Francesa de São Paulo", country="BR", city="São Paulo")
    holder = make.create_user("holder@example.org", institute_id=institute.id, first_name="João", last_name="Silva")
    certificate = Certificate(
        user_id=holder.id,
        kind=SubjectKind.COURSE,
        subject_uid="0" * 32,
        language="pt",
        snapshot={"holder": "João Silva", "titles": {"fr": "Cours", "pt": "Curso"}, "issuer": "Réseau"},
        holder_name="João Silva",
        institute_id=institute.id,
        country="BR",
    )
    make.db.session.add(certificate)
    template = CertificateTemplate(scope="network", name="Réseau")
    template.set_texts("fr", {"title": "Attestation", "body": "{name} : {course}"})
    make.db.session.add(template)
    plan = build_plan(2094, courses=1, lessons=1)
    make.db.session.add(plan)
    make.db.session.flush()
    course_uid = plan.axes[0].tracks[0].courses[0].uid
    run = IssueRun(kind=RunKind.ZIP, course_uid=course_uid)
    make.db.session.add(run)
    make.db.session.flush()
    run_zip(run.uid)
    return {
        "cert_code": certificate.code,
        "cert_short": certificate.code[4:].replace("-", "").lower(),
        "cert_template": template.uid,
        "cert_course": course_uid,
        "cert_run": run.uid,
        "cert_subject": "0" * 32,
    }
