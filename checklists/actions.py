"""Action plans: a gap becomes an action (what, owner, due date, status, evidence of completion).

The priority of an action is the sum of weight x missing points over its linked items, from the audit's reviewed
answers; next year's audit shows last year's actions and where they stand.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import select

from sonores_lms.audit.services import record
from sonores_lms.extensions import db

from .models import Action, ActionStatus, Audit, AuditState, Campaign
from .results import compute


def priority(audit: Audit, codes: Iterable[str]) -> float:
    rules, _own, reviewed = compute(audit)
    weights = {rule.code: rule.weight for rule in rules}
    return sum(weights[code] * (1 - (reviewed.items.get(code) or 0.0)) for code in codes if code in weights)


def add_action(
    audit: Audit, *, title: str, codes: list[str], owner_id: int | None, due_on: date | None, actor: Any
) -> Action:
    action = Action(
        audit_id=audit.id,
        title=title,
        item_codes=sorted(set(codes)),
        owner_id=owner_id,
        due_on=due_on,
        priority=round(priority(audit, codes), 2),
    )
    db.session.add(action)
    db.session.flush()
    record("checklists.action-added", actor=actor, target=action, target_label=title[:255], details={"uid": audit.uid})
    from .results import recompute

    recompute(audit)  # an agreed action plan is a condition of the "engaged" level
    return action


def update_action(action: Action, *, status: ActionStatus, note: str | None, actor: Any) -> None:
    action.status = status
    action.completion_note = note
    db.session.flush()
    record(
        "checklists.action-updated",
        actor=actor,
        target=action,
        target_label=action.title[:255],
        details={"status": status.value},
    )


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
