"""Opening a campaign: one audit per chosen institute, last year's answers pre-filled where the item is unchanged.

An answer carries over when the new template has an item of the same code and answer type, or one that
``replaces`` it with the same type; it is marked "from last year, confirm" until someone saves it again. Evidence
files stay with last year's audit (the auditor checked those); the person attaches this year's.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import select

from sonores_lms.audit.services import record
from sonores_lms.extensions import db

from .models import Answer, Audit, AuditorAssignment, AuditState, Campaign, Item, Template, TemplateStatus
from .results import recompute


class CampaignError(ValueError):
    """A campaign that cannot open as asked; ``message`` is for the administrator."""

    def __init__(self, message: Any) -> None:
        super().__init__(str(message))
        self.message = message


def previous_audits(institute_ids: Iterable[int], year: int) -> dict[int, Audit]:
    """Each institute's latest audit of an earlier year (any state but not started)."""
    rows = db.session.execute(
        select(Audit, Campaign.year)
        .join(Campaign, Campaign.id == Audit.campaign_id)
        .where(
            Audit.institute_id.in_(list(institute_ids)),
            Campaign.year < year,
            Audit.state != AuditState.NOT_STARTED,
        )
        .order_by(Campaign.year)
    )
    latest: dict[int, Audit] = {}
    for audit, _year in rows:
        latest[audit.institute_id] = audit  # later years overwrite earlier ones
    return latest


def carry_over(previous: Audit, audit: Audit, items: list[Item]) -> int:
    """Copy ``previous``'s answers into ``audit`` for unchanged items; the number copied."""
    by_code = {item.code: item for item in items}
    aliases = {item.replaces: item for item in items if item.replaces}
    rows = db.session.execute(
        select(Item.code, Item.answer_type, Answer.value, Answer.reviewed, Answer.comment)
        .join(Item, Item.id == Answer.item_id)
        .where(Answer.audit_id == previous.id)
    )
    copied = 0
    for code, kind, value, reviewed, comment in rows:
        target = by_code.get(code) or aliases.get(code)
        kept = reviewed if reviewed is not None else value
        if target is None or target.answer_type != kind or not kept:
            continue
        db.session.add(Answer(audit_id=audit.id, item_id=target.id, value=kept, comment=comment, from_last_year=True))
        copied += 1
    return copied


def open_campaign(
    template: Template,
    *,
    year: int,
    title: str,
    period: tuple[date, date],
    self_deadline: date,
    review_deadline: date,
    institute_ids: Iterable[int],
    auditor_ids: Iterable[int] = (),
    actor: Any,
    today: date,
) -> Campaign:
    """A campaign on a published template, an audit for each institute, pre-filled, and mails queued."""
    if template.status != TemplateStatus.PUBLISHED:
        raise CampaignError("template not published")
    if self_deadline < today or review_deadline < today:
        raise CampaignError("deadline in the past")
    institute_ids = sorted(set(institute_ids))
    campaign = Campaign(
        template_id=template.id,
        year=year,
        period_start=period[0],
        period_end=period[1],
        self_deadline=self_deadline,
        review_deadline=review_deadline,
        created_by_id=actor.id,
    )
    campaign.set_texts("fr", {"title": title})
    db.session.add(campaign)
    db.session.flush()
    audits = []
    for institute_id in institute_ids:
        audit = Audit(campaign_id=campaign.id, institute_id=institute_id)
        for user_id in auditor_ids:
            audit.auditors.append(AuditorAssignment(user_id=user_id))
        db.session.add(audit)
        audits.append(audit)
    db.session.flush()
    record(
        "checklists.campaign-opened",
        actor=actor,
        target=campaign,
        target_label=title,
        details={"uid": campaign.uid, "year": year, "audits": len(audits)},
    )
    # Pre-filling and mailing a network's worth of audits is the consumer's work, once this request commits.
    from sonores_lms.jobs import enqueue_after_commit

    from .jobs import prefill_campaign

    enqueue_after_commit(prefill_campaign, campaign_id=campaign.id)
    return campaign


def prefill(campaign_id: int) -> int:
    """Carry last year's answers into the campaign's audits that hold none yet, store their scores and tell
    their institutes; the number of audits pre-filled."""
    from .jobs import notify

    campaign = db.session.get(Campaign, campaign_id)
    if campaign is None:
        return 0
    items = list(db.session.scalars(select(Item).where(Item.template_id == campaign.template_id)))
    filled = set(db.session.scalars(select(Answer.audit_id).join(Audit).where(Audit.campaign_id == campaign_id)))
    audits = [
        a
        for a in db.session.scalars(select(Audit).where(Audit.campaign_id == campaign_id).order_by(Audit.id))
        if a.id not in filled and a.state == AuditState.NOT_STARTED
    ]
    previous = previous_audits([a.institute_id for a in audits], campaign.year)
    count = 0
    for audit in audits:
        if audit.institute_id in previous and carry_over(previous[audit.institute_id], audit, items):
            db.session.flush()
            recompute(audit)
            count += 1
        notify(audit.id, "opened")
    return count


def assign_auditor(audit: Audit, user: Any, *, actor: Any) -> None:
    if any(a.user_id == user.id for a in audit.auditors):
        return
    audit.auditors.append(AuditorAssignment(user_id=user.id))
    db.session.flush()
    record("checklists.auditor-assigned", actor=actor, target=audit, details={"uid": audit.uid, "auditor": user.id})


def unassign_auditor(audit: Audit, user_id: int, *, actor: Any) -> None:
    for assignment in list(audit.auditors):
        if assignment.user_id == user_id:
            audit.auditors.remove(assignment)
    db.session.flush()
    record("checklists.auditor-unassigned", actor=actor, target=audit, details={"uid": audit.uid, "auditor": user_id})
