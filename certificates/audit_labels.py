"""The certificates plugin's words for the audit log, offered through ``audit-action-labels``."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l

LABELS: dict[str, Any] = {
    "certificates.issued": _l("Certificate issued"),
    "certificates.reissued": _l("Certificate re-issued"),
    "certificates.revoked": _l("Certificate revoked"),
    "certificates.template-saved": _l("Certificate template saved"),
    "certificates.template-deleted": _l("Certificate template deleted"),
    "certificates.bulk-issue-started": _l("Certificates issued to a course's completers"),
}


def audit_labels(_sender: Any) -> dict[str, Any]:
    return LABELS
