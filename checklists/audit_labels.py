"""The checklists plugin's words for the audit log, offered through the ``audit-action-labels`` collector."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l

from sonores_lms.audit.present import AuditVocabulary

LABELS: dict[str, Any] = {
    "checklists.audit-submitted": _l("Eco-audit submitted"),
    "checklists.audit-returned": _l("Eco-audit returned to the institute"),
    "checklists.audit-validated": _l("Eco-audit validated"),
    "checklists.campaign-opened": _l("Eco-audit campaign opened"),
    "checklists.referent-named": _l("Eco-audit referent named"),
    "checklists.referent-removed": _l("Eco-audit referent removed"),
    "checklists.evidence-added": _l("Evidence attached to an eco-audit"),
    "checklists.evidence-removed": _l("Evidence removed from an eco-audit"),
    "checklists.template-imported": _l("Checklist template imported"),
    "checklists.template-published": _l("Checklist template published"),
    "checklists.action-added": _l("Action added to an action plan"),
    "checklists.action-updated": _l("Action of an action plan updated"),
    "checklists.action-evidence-added": _l("Evidence of completion attached to an action"),
    "checklists.action-plan-agreed": _l("Action plan agreed by the auditor"),
    "checklists.auditor-assigned": _l("Auditor assigned to an eco-audit"),
    "checklists.auditor-unassigned": _l("Auditor withdrawn from an eco-audit"),
    "checklists.auditor-assigned-country": _l("Auditor assigned to a country's eco-audits"),
}
TARGETS: dict[str, Any] = {
    "Audit": _l("Eco-audit"),
    "Campaign": _l("Eco-audit campaign"),
    "Evidence": _l("Evidence file"),
    "Template": _l("Checklist template"),
    "Action": _l("Action"),
    "ActionEvidence": _l("Evidence of completion"),
}
KEYS: dict[str, Any] = {
    "uid": _l("Identifier"),
    "institute_id": _l("Institute"),
    "year": _l("Year"),
    "audits": _l("Audits"),
    "auditor": _l("Auditor"),
    "country": _l("Country"),
    "status": _l("Status"),
    "cost_band": _l("Cost"),
    "expected_effect": _l("Expected effect"),
    "note": _l("Comment on the completion"),
    "drop_reason": _l("Why it is dropped"),
    "action": _l("Action"),
    "actions": _l("Actions"),
}


def audit_labels(_sender: Any) -> AuditVocabulary:
    return AuditVocabulary(actions=LABELS, targets=TARGETS, keys=KEYS, resolvers={})
