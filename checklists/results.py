"""Precomputed scores: recomputed whenever an audit's answers or state change, read by results and network pages.

Pages then read a few rows instead of scoring a hundred answers each time (the network view reads thousands of
audits); :func:`recompute` deletes and writes the audit's rows, so running it twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete, exists, func, insert, select

from sonores_lms.extensions import db

from .models import Action, Answer, Audit, Evidence, Item, Pillar, Score, Template, TemplateStatus, Theme
from .scoring import Given, ItemRule, Result, applies, overall_level, score

BASELINE_YES = ("CIT-WRK-05", "ACC-DIG-02")
REFERENT_ITEM = "ENV-STR-02"


def template_items(template_id: int) -> list[tuple[Item, Theme, Pillar]]:
    rows = db.session.execute(
        select(Item, Theme, Pillar)
        .join(Theme, Theme.id == Item.theme_id)
        .join(Pillar, Pillar.id == Theme.pillar_id)
        .where(Item.template_id == template_id)
        .order_by(Pillar.position, Theme.position, Item.position)
    )
    return [(row.Item, row.Theme, row.Pillar) for row in rows]


def rule_of(item: Item, theme: Theme, pillar: Pillar) -> ItemRule:
    return ItemRule(
        code=item.code,
        theme=theme.code,
        pillar=pillar.code,
        answer_type=item.answer_type.value,
        weight=item.weight,
        kpi=item.kpi,
        evidence_required=item.evidence_required,
        options={o["key"]: float(o.get("score", 0)) for o in item.options or []},
        rules=item.rules or {},
        countries=tuple((item.rules or {}).get("countries") or ()),
    )


# Published templates are frozen: their scoring rules are read once per process (plain dataclasses, no rows),
# keyed by what identifies a published version for good (a test database that reuses an id gets a new key).
_RULES: dict[tuple[Any, ...], list[ItemRule]] = {}


def rules_for(template_id: int) -> list[ItemRule]:
    """The scoring rules of a template's items, in order; cached once the template is published."""
    found = db.session.execute(
        select(Template.status, Template.code, Template.version_number, Template.published_at).where(
            Template.id == template_id
        )
    ).first()
    key = (template_id, *found[1:]) if found is not None else None
    if key is not None and key in _RULES:
        return _RULES[key]
    rules = [rule_of(*row) for row in template_items(template_id)]
    if key is not None and found.status == TemplateStatus.PUBLISHED:
        _RULES[key] = rules
    return rules


def last_year_values(audit: Audit) -> dict[str, dict[str, Any]]:
    """The institute's previous validated (or closed) audit's answers by item code, the reviewed answer where
    given: what a KPI's improvement is measured against. One query."""
    from .models import AuditState, Campaign

    done = [AuditState.VALIDATED, AuditState.CLOSED]
    latest = (
        select(func.max(Campaign.year))
        .join(Audit, Audit.campaign_id == Campaign.id)
        .where(Audit.institute_id == audit.institute_id, Campaign.year < audit.campaign.year, Audit.state.in_(done))
        .scalar_subquery()
    )
    rows = db.session.execute(
        select(Item.code, Answer.value, Answer.reviewed)
        .join(Answer, Answer.item_id == Item.id)
        .join(Audit, Audit.id == Answer.audit_id)
        .join(Campaign, Campaign.id == Audit.campaign_id)
        .where(Audit.institute_id == audit.institute_id, Campaign.year == latest, Audit.state.in_(done))
    )
    return {code: (reviewed or value) for code, value, reviewed in rows if (reviewed or value)}


def answer_values(audit: Audit) -> list[tuple[str, Any, Any, bool]]:
    """(item code, value, reviewed, has evidence) of the audit's answers, in one query."""
    has_evidence = exists().where(Evidence.answer_id == Answer.id)
    rows = db.session.execute(
        select(Item.code, Answer.value, Answer.reviewed, has_evidence)
        .join(Item, Item.id == Answer.item_id)
        .where(Answer.audit_id == audit.id)
    )
    return [(code, value, reviewed, bool(evidence)) for code, value, reviewed, evidence in rows]


def compute(
    audit: Audit,
    rows: list[tuple[Item, Theme, Pillar]] | None = None,
    answers: list[tuple[str, Any, Any, bool]] | None = None,
) -> tuple[list[ItemRule], Result, Result]:
    """The self-assessed and reviewed results of ``audit`` (reviewed = the auditor's answer where given); two or
    three queries, fewer when the caller already holds the template's rows or the answers."""
    country = audit.institute.country
    rules = [rule_of(*row) for row in rows] if rows is not None else rules_for(audit.campaign.template_id)
    rules = [rule for rule in rules if applies(rule.countries, country)]
    previous = last_year_values(audit)
    own: dict[str, Given] = {}
    reviewed: dict[str, Given] = {}
    for code, value, reviewed_value, has in answers if answers is not None else answer_values(audit):
        last = previous.get(code)
        own[code] = Given(value, has, last)
        reviewed[code] = Given(reviewed_value if reviewed_value is not None else value, has, last)
    return rules, score(rules, own), score(rules, reviewed)


def _overall_level(audit: Audit, rules: list[ItemRule], result: Result, answers: Mapping[str, Any]) -> str | None:
    w3_kpis = [r.code for r in rules if r.kpi and r.weight == 3]
    has_plan = db.session.scalar(select(Action.id).where(Action.audit_id == audit.id).limit(1)) is not None
    return overall_level(
        result.overall,
        result.pillars,
        referent_named=(answers.get(REFERENT_ITEM) or {}).get("choice") == "yes",
        action_plan=has_plan,
        w3_kpis_measured=all((result.items.get(code) or 0) >= 0.5 for code in w3_kpis),
        reviewed=audit.state.value in ("validated", "closed"),
        baseline_yes=all((answers.get(code) or {}).get("choice") == "yes" for code in BASELINE_YES),
    )


def recompute(audit: Audit) -> None:
    """Rewrite ``audit``'s score rows and its overall figures."""
    answers = answer_values(audit)
    rules, own, reviewed = compute(audit, answers=answers)
    db.session.execute(delete(Score).where(Score.audit_id == audit.id))
    rows: list[dict[str, Any]] = []
    for basis, result in (("self", own), ("reviewed", reviewed)):
        for code, percent in result.themes.items():
            rows.append(
                {
                    "audit_id": audit.id,
                    "scope": "theme",
                    "code": code,
                    "basis": basis,
                    "percent": percent,
                    "level": None,
                }
            )
        for code, percent in result.pillars.items():
            rows.append(
                {
                    "audit_id": audit.id,
                    "scope": "pillar",
                    "code": code,
                    "basis": basis,
                    "percent": percent,
                    "level": result.pillar_levels.get(code),
                }
            )
    if rows:
        db.session.execute(insert(Score), rows)  # one statement for the audit's rows
    kept = {code: (reviewed_value or value) for code, value, reviewed_value, _has in answers}
    audit.self_percent = own.overall
    audit.reviewed_percent = reviewed.overall
    audit.level = _overall_level(audit, rules, reviewed, kept)
    db.session.flush()


def stored_scores(audit_ids: list[int]) -> dict[int, dict[tuple[str, str, str], Score]]:
    """The score rows of these audits: ``{audit_id: {(scope, code, basis): row}}``, one query."""
    found: dict[int, dict[tuple[str, str, str], Score]] = {i: {} for i in audit_ids}
    for row in db.session.scalars(select(Score).where(Score.audit_id.in_(audit_ids))):
        found[row.audit_id][(row.scope, row.code, row.basis)] = row
    return found


__all__ = ["Template", "compute", "recompute", "stored_scores", "template_items"]
