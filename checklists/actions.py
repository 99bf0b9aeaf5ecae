"""Action plans: a gap becomes an action (what, owner, due date, cost band, expected effect, status, evidence of
completion or reason for dropping), and the auditor records their agreement with the plan.

The priority of an action is the sum of weight x missing points over its linked items, from the audit's reviewed
answers; next year's audit shows last year's actions and where they stand. Every change is in the audit log.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import select

from sonores_lms.audit.services import record
from sonores_lms.database import utcnow
from sonores_lms.extensions import db

from .models import Action, ActionStatus, Audit, AuditState, Campaign, CostBand
from .results import compute


def priority(audit: Audit, codes: Iterable[str]) -> float:
    rules, _own, reviewed = compute(audit)
    weights = {rule.code: rule.weight for rule in rules}
    return sum(weights[code] * (1 - (reviewed.items.get(code) or 0.0)) for code in codes if code in weights)


def add_action(
    audit: Audit,
    *,
    title: str,
    codes: list[str],
    owner_id: int | None,
    due_on: date | None,
    actor: Any,
    cost_band: CostBand | None = None,
    expected_effect: str | None = None,
) -> Action:
    action = Action(
        audit_id=audit.id,
        title=title,
        item_codes=sorted(set(codes)),
        owner_id=owner_id,
        due_on=due_on,
        cost_band=cost_band,
        expected_effect=expected_effect,
        priority=round(priority(audit, codes), 2),
    )
    db.session.add(action)
    db.session.flush()
    record(
        "checklists.action-added",
        actor=actor,
        target=action,
        target_label=title[:255],
        details={"uid": audit.uid, "cost_band": cost_band.value if cost_band else None},
    )
    from .results import recompute

    recompute(audit)  # an agreed action plan is a condition of the "engaged" level
    return action


def update_action(
    action: Action,
    *,
    status: ActionStatus,
    note: str | None,
    actor: Any,
    drop_reason: str | None = None,
    cost_band: CostBand | None = None,
    expected_effect: str | None = None,
) -> None:
    """Change an action's status and what it says. The form checked the rules (a reason to drop it; evidence or a
    comment to call it done); a reason for dropping is kept only while the action stays dropped."""
    before = {
        "status": action.status.value,
        "cost_band": action.cost_band.value if action.cost_band else None,
        "expected_effect": action.expected_effect,
        "note": action.completion_note,
        "drop_reason": action.drop_reason,
    }
    action.status = status
    action.completion_note = note
    action.drop_reason = drop_reason if status == ActionStatus.DROPPED else None
    action.cost_band = cost_band
    action.expected_effect = expected_effect
    after = {
        "status": status.value,
        "cost_band": cost_band.value if cost_band else None,
        "expected_effect": expected_effect,
        "note": note,
        "drop_reason": action.drop_reason,
    }
    db.session.flush()
    record(
        "checklists.action-updated",
        actor=actor,
        target=action,
        target_label=action.title[:255],
        details={"status": status.value, **{key: value for key, value in after.items() if before[key] != value}},
    )


def agree_plan(audit: Audit, *, actor: Any) -> int:
    """The auditor agrees with the plan as it stands: its actions not yet agreed get the date and the auditor (an
    action added afterwards waits for a new agreement). Returns how many actions were agreed now."""
    now = utcnow()
    waiting = [action for action in actions_of(audit) if action.agreed_at is None]
    for action in waiting:
        action.agreed_at = now
        action.agreed_by_id = actor.id
    db.session.flush()
    record(
        "checklists.action-plan-agreed",
        actor=actor,
        target=audit,
        details={"uid": audit.uid, "actions": len(waiting)},
    )
    return len(waiting)


def actions_of(audit: Audit) -> list[Action]:
    return list(
        db.session.scalars(
            select(Action).where(Action.audit_id == audit.id).order_by(Action.priority.desc(), Action.id)
        )
    )


def last_year_actions(audit: Audit) -> list[Action]:
    """The actions of the institute's previous audit, for this year's audit to show."""
    previous = (
        select(Audit.id)
        .join(Campaign, Campaign.id == Audit.campaign_id)
        .where(
            Audit.institute_id == audit.institute_id,
            Campaign.year < audit.campaign.year,
            Audit.state != AuditState.NOT_STARTED,
        )
        .order_by(Campaign.year.desc())
        .limit(1)
        .scalar_subquery()
    )
    return list(
        db.session.scalars(
            select(Action).where(Action.audit_id == previous).order_by(Action.priority.desc(), Action.id)
        )
    )


def open_actions_due(limit: int = 10_000) -> list[Action]:
    """Actions not done nor dropped: the October status update asks their owners where they stand."""
    return list(
        db.session.scalars(
            select(Action)
            .where(Action.status.in_([ActionStatus.PLANNED, ActionStatus.IN_PROGRESS]), Action.owner_id.is_not(None))
            .order_by(Action.id)
            .limit(limit)
        )
    )
