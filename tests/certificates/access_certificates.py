"""Access rows for the certificates routes: the verification page is public; a certificate's PDF is for its holder,
the network's admins and the directors of the institute it was issued in (403 for everyone else here: none of the
matrix's people holds it, and it was issued in an institute of its own)."""

from __future__ import annotations

from typing import Any

from tests.access import ALL, ROLES, SIGN_IN, SIGNED_IN, only

ADMIN_ONLY = only(("admin",), director=403)
ADMIN_POST = only(("admin",), 302, director=403)

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
    "certificates.download": [
        ("GET", "/certificates/{cert_code}.pdf", ADMIN_ONLY),
        ("GET", "/certificates/SON-2222-2222.pdf", {**{role: 404 for role in ROLES}, "anonymous": SIGN_IN}),
    ],
}


def objects(make: Any) -> dict[str, Any]:
    """A certificate held by a person of an institute of its own (in Brazil)."""
    from certificates.models import Certificate, SubjectKind

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
    make.db.session.flush()
    return {"cert_code": certificate.code, "cert_short": certificate.code[4:].replace("-", "").lower()}
