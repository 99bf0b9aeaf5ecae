"""Access rows for the checklists plugin: audits are narrowed to their institute's director and referents, their
auditors and the network's administrators; the routes' decorators let in the roles, the views narrow further.

The objects are made in ``assign`` rather than ``objects``: they need the matrix's ``{institute}`` (made by the
core's area, which sorts after this one), and ``assign`` runs once every area's ids are known.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from tests.access import SIGN_IN, SIGNED_IN, only

SEEN = only(("auditor", "admin", "director"))  # network auditor, network admin, the institute's director
FILLED = only(("director",), ok=400)  # an empty form: refused with its message, past the door
NOBODY_BUT_AUDITOR = only(("auditor",), ok=400)
ADMIN = only(("admin",))
NETWORK = only(("admin", "auditor"))
HIDDEN = {**only(("auditor", "admin", "director")), "staff": 404, "trainer": 404, "assigned_trainer": 404}

ROWS: dict[str, Any] = {
    "checklists.index": ("GET", "/checklists/", SIGNED_IN),
    "checklists.audit": [
        ("GET", "/checklists/audits/{cl_audit}", SEEN),
        ("GET", "/checklists/audits/{cl_other_audit}", only(("auditor", "admin"))),
    ],
    "checklists.theme": ("GET", "/checklists/audits/{cl_audit}/themes/ENV-STR", SEEN),
    "checklists.results": ("GET", "/checklists/audits/{cl_audit}/results", SEEN),
    "checklists.report_pdf": ("GET", "/checklists/audits/{cl_audit}/report.pdf", SEEN),
    "checklists.save_item": [
        ("POST", "/checklists/audits/{cl_audit}/items/ENV-STR-01", FILLED),
        # Submitted: read-only for the institute until returned.
        ("POST", "/checklists/audits/{cl_submitted}/items/ENV-STR-01", only(("director",), ok=409)),
    ],
    "checklists.add_evidence": ("POST", "/checklists/audits/{cl_audit}/items/ENV-STR-01/evidence", FILLED),
    "checklists.evidence_file": ("GET", "/checklists/evidence/{cl_evidence}", HIDDEN),
    # Only the institute's people: others get 404, as for a file that does not exist.
    "checklists.remove_evidence": (
        "POST",
        "/checklists/evidence/{cl_evidence}/remove",
        {**only(("director",), ok=302), "admin": 404, "staff": 404},
    ),
    "checklists.submit": ("POST", "/checklists/audits/{cl_audit}/submit", only(("director",), ok=302)),
    "checklists.review_item": [
        ("POST", "/checklists/audits/{cl_submitted}/items/ENV-STR-01/review", NOBODY_BUT_AUDITOR),
        ("POST", "/checklists/audits/{cl_audit}/items/ENV-STR-01/review", only(("auditor",), ok=409)),
    ],
    "checklists.return_audit": ("POST", "/checklists/audits/{cl_submitted}/return", NOBODY_BUT_AUDITOR),
    "checklists.validate": ("POST", "/checklists/audits/{cl_submitted}/validate", only(("auditor",), ok=302)),
    "checklists.referents": [
        ("GET", "/checklists/institutes/{institute}/referents", only(("director",))),
        ("POST", "/checklists/institutes/{institute}/referents", only(("director",), ok=400)),
        ("GET", "/checklists/institutes/{other_institute}/referents", only(())),
    ],
    "checklists.profile": [
        ("GET", "/checklists/institutes/{institute}/profile", only(("director",))),
        ("POST", "/checklists/institutes/{institute}/profile", only(("director",), ok=400)),
    ],
    # The action plan: the institute's people and its auditors (a network auditor here), not the network admin.
    "checklists.add_action_view": (
        "POST",
        "/checklists/audits/{cl_audit}/actions",
        only(("auditor", "director"), ok=400),
    ),
    "checklists.update_action_view": ("POST", "/checklists/actions/{cl_action}", only(("auditor", "director"), ok=400)),
    # Agreeing with the plan: the audit's auditors only (a director or the network admin does not review).
    "checklists.agree_plan_view": (
        "POST",
        "/checklists/audits/{cl_audit}/actions/agree",
        only(("auditor",), ok=302),
    ),
    # Evidence that an action was done: as an answer's files, 404 for those who may not see the audit.
    "checklists.action_evidence_file": ("GET", "/checklists/action-evidence/{cl_action_evidence}", HIDDEN),
    # Campaigns and templates: network administrators only (a director is an administrator of one institute).
    "checklists.campaigns": ("GET", "/checklists/campaigns/", ADMIN),
    "checklists.new_campaign": [
        ("GET", "/checklists/campaigns/new", ADMIN),
        ("POST", "/checklists/campaigns/new", only(("admin",), ok=400)),
    ],
    "checklists.campaign": ("GET", "/checklists/campaigns/{cl_campaign}", ADMIN),
    "checklists.assign": (
        "POST",
        "/checklists/campaigns/{cl_campaign}/audits/{cl_audit}/auditors",
        only(("admin",), ok=400),
    ),
    # An empty form names no country of the campaign: refused with a 400, past the door.
    "checklists.assign_country": (
        "POST",
        "/checklists/campaigns/{cl_campaign}/auditors/country",
        only(("admin",), ok=400),
    ),
    "checklists.unassign": [
        # Nobody is assigned there: 404 past the door.
        ("POST", "/checklists/campaigns/{cl_campaign}/audits/{cl_audit}/auditors/1/remove", only(("admin",), ok=404)),
    ],
    "checklists.templates": ("GET", "/checklists/templates/", ADMIN),
    "checklists.export_template": ("GET", "/checklists/templates/{cl_template}.yaml", ADMIN),
    "checklists.import_template": ("POST", "/checklists/templates/import", only(("admin",), ok=400)),
    "checklists.confirm_import": ("POST", "/checklists/templates/import/confirm", only(("admin",), ok=302)),
    "checklists.publish_template": ("POST", "/checklists/templates/{cl_template}/publish", only(("admin",), ok=409)),
    "checklists.next_version": ("POST", "/checklists/templates/{cl_template}/next-version", only(("admin",), ok=302)),
    "checklists.network": ("GET", "/checklists/network", NETWORK),
    "checklists.network_csv": ("GET", "/checklists/network.csv", NETWORK),
    "checklists.network_xlsx": ("GET", "/checklists/network.xlsx", NETWORK),
}
assert SIGN_IN == 302


def _campaign(make: Any, template: Any, year: int) -> Any:
    from checklists.models import Campaign

    campaign = Campaign(
        template_id=template.id,
        year=year,
        period_start=date(year - 1, 1, 1),
        period_end=date(year - 1, 12, 31),
        self_deadline=date(year, 4, 30),
        review_deadline=date(year, 6, 30),
    )
    make.db.session.add(campaign)
    make.db.session.flush()
    return campaign


def assign(make: Any, _trainer: Any, ids: dict[str, Any]) -> None:
    from pathlib import Path

    from checklists.evidence import path_of
    from checklists.models import Action, ActionEvidence, Answer, Audit, AuditState, Evidence
    from tests.fixtures.checklists import build_template

    template = build_template()
    make.db.session.flush()
    this_year, last_year = _campaign(make, template, 2027), _campaign(make, template, 2026)
    audit = Audit(campaign_id=this_year.id, institute_id=ids["institute"], state=AuditState.IN_PROGRESS)
    # The director's institute again, a year earlier: submitted, waiting for its review.
    submitted = Audit(campaign_id=last_year.id, institute_id=ids["institute"], state=AuditState.SUBMITTED)
    other = Audit(campaign_id=this_year.id, institute_id=ids["other_institute"], state=AuditState.IN_PROGRESS)
    make.db.session.add_all([audit, submitted, other])
    make.db.session.flush()
    item = next(i for i in template.pillars[0].themes[0].items if i.code == "ENV-STR-01")
    answer = Answer(audit_id=audit.id, item_id=item.id, value={"choice": "yes"})
    make.db.session.add(answer)
    make.db.session.flush()
    evidence = Evidence(
        answer_id=answer.id, filename="policy.pdf", content_type="application/pdf", size=15, sha256="0" * 64
    )
    make.db.session.add(evidence)
    make.db.session.flush()
    with make.app.test_request_context():
        stored: Path = path_of(evidence)
    stored.parent.mkdir(parents=True, exist_ok=True)
    stored.write_bytes(b"%PDF-1.4\n%%EOF\n")
    action = Action(audit_id=audit.id, title="Pool the March invitations", item_codes=["ENV-STR-03"])
    make.db.session.add(action)
    make.db.session.flush()
    done = ActionEvidence(
        action_id=action.id, filename="letter.pdf", content_type="application/pdf", size=15, sha256="0" * 64
    )
    make.db.session.add(done)
    make.db.session.flush()
    ids.update(
        cl_audit=audit.uid,
        cl_submitted=submitted.uid,
        cl_other_audit=other.uid,
        cl_evidence=evidence.uid,
        cl_campaign=this_year.uid,
        cl_template=template.id,
        cl_action=action.uid,
        cl_action_evidence=done.uid,
    )
