"""Opening a campaign: one audit per chosen institute, last year's answers pre-filled where the item is unchanged.

An answer carries over when the new template has an item of the same code and answer type, or one that
``replaces`` it with the same type; it is marked "from last year, confirm" until someone saves it again. Evidence
files stay with last year's audit (the auditor checked those); the person attaches this year's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select

from sonores_lms.audit.services import record
from sonores_lms.extensions import db
from sonores_lms.institutes.models import Institute

from .models import Answer, Audit, AuditorAssignment, AuditState, Campaign, Item, Template, TemplateStatus
from .results import recompute


class CampaignError(ValueError):
    """A campaign that cannot open as asked; ``message`` is for the administrator."""

    def __init__(self, message: Any) -> None:
        super().__init__(str(message))
        self.message = message


HURRICANE_EXPOSED: frozenset[str] = frozenset(
    {"BB", "BS", "BZ", "CU", "DO", "GP", "HT", "JM", "LC", "MF", "BL", "MQ", "PR", "TT"}
)
"""Countries and territories (ISO 3166-1 codes) where the network's institutes sit in the Atlantic hurricane belt:
Barbados, the Bahamas, Belize, Cuba, the Dominican Republic, Guadeloupe, Haiti, Jamaica, Saint Lucia, Saint-Martin,
Saint-Barthélemy, Martinique (the French Antilles, when the network has institutes there), Puerto Rico, Trinidad and
Tobago. The domain reference asks for no Caribbean reviews at the hurricane peak (August to October): a campaign
whose review period (from the self-assessment deadline to the review deadline) meets it asks for an explicit
confirmation when it audits one of these. Mexico is left out
as a whole: only its Yucatán coast is exposed, and a country code cannot say so."""


def in_hurricane_peak(day: date) -> bool:
    """Whether ``day`` falls in the peak of the Atlantic hurricane season, 1 August to 31 October."""
    return date(day.year, 8, 1) <= day <= date(day.year, 10, 31)


def review_in_hurricane_peak(self_deadline: date | None, review_deadline: date) -> bool:
    """Whether the reviews may fall in a hurricane peak: auditors review between the self-assessment deadline and the
    review deadline, so a June deadline followed by a November one puts the reviews through August to October even
    though neither date is in it. Without a self-assessment deadline, the review deadline alone decides."""
    start = self_deadline if self_deadline is not None and self_deadline <= review_deadline else review_deadline
    return any(
        start <= date(year, 10, 31) and date(year, 8, 1) <= review_deadline
        for year in range(start.year, review_deadline.year + 1)
    )


def country_counts() -> dict[str, int]:
    """Active institutes per country code: what the campaign form's country checkboxes show."""
    rows = db.session.execute(
        select(Institute.country, func.count()).where(Institute.active.is_(True)).group_by(Institute.country)
    )
    return {country: int(count) for country, count in rows}


def institutes_of(countries: Iterable[str]) -> set[int]:
    """The active institutes of ``countries``."""
    codes = sorted(set(countries))
    if not codes:
        return set()
    return set(db.session.scalars(select(Institute.id).where(Institute.country.in_(codes), Institute.active.is_(True))))


def already_audited(institute_ids: Iterable[int], template: Template, year: int) -> dict[int, Campaign]:
    """Institutes of ``institute_ids`` that already have an audit in a campaign of ``year`` on this questionnaire
    (any version of ``template``'s code), with that campaign: a second audit would split the year's answers."""
    ids = sorted(set(institute_ids))
    if not ids:
        return {}
    rows = db.session.execute(
        select(Audit.institute_id, Campaign)
        .join(Campaign, Campaign.id == Audit.campaign_id)
        .join(Template, Template.id == Campaign.template_id)
        .where(Audit.institute_id.in_(ids), Template.code == template.code, Campaign.year == year)
        .order_by(Campaign.id)
    )
    return {institute_id: campaign for institute_id, campaign in rows}


def digest(institute_ids: Iterable[int]) -> str:
    """A short fingerprint of a set of institutes: the confirmation page carries it with the count, so that a
    change of the network between the two steps is seen even when the count stays the same."""
    text = ",".join(str(i) for i in sorted(set(institute_ids)))
    return hashlib.sha256(text.encode("ascii")).hexdigest()[:16]


@dataclass
class CampaignPlan:
    """What opening a campaign would do: the audits it opens (by country), the institutes it leaves out because
    they have an audit this year already, and those exposed to hurricanes at review time."""

    institutes: list[Institute]
    skipped: list[tuple[Institute, Campaign]] = field(default_factory=list)
    exposed: list[Institute] = field(default_factory=list)

    @property
    def ids(self) -> list[int]:
        return [institute.id for institute in self.institutes]

    @property
    def count(self) -> int:
        return len(self.institutes)

    @property
    def by_country(self) -> dict[str, list[Institute]]:
        grouped: dict[str, list[Institute]] = {}
        for institute in self.institutes:
            grouped.setdefault(institute.country, []).append(institute)
        return grouped

    @property
    def digest(self) -> str:
        return digest(self.ids)


def plan_campaign(
    template: Template,
    *,
    year: int,
    institute_ids: Iterable[int],
    review_deadline: date,
    self_deadline: date | None = None,
) -> CampaignPlan:
    """The plan for opening a campaign on ``template`` for the chosen institutes (read only, nothing written)."""
    wanted = sorted(set(institute_ids))
    institutes = (
        list(
            db.session.scalars(
                select(Institute)
                .where(Institute.id.in_(wanted), Institute.active.is_(True))
                .order_by(Institute.country, Institute.name)
            )
        )
        if wanted
        else []
    )
    taken = already_audited([i.id for i in institutes], template, year)
    kept = [i for i in institutes if i.id not in taken]
    in_peak = review_in_hurricane_peak(self_deadline, review_deadline)
    exposed = [i for i in kept if i.country in HURRICANE_EXPOSED] if in_peak else []
    return CampaignPlan(
        institutes=kept, skipped=[(i, taken[i.id]) for i in institutes if i.id in taken], exposed=exposed
    )


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
    if review_deadline <= self_deadline:
        raise CampaignError("review deadline before the self-assessment deadline")
    institute_ids = sorted(set(institute_ids))
    if not institute_ids:
        raise CampaignError("no institute")
    if already_audited(institute_ids, template, year):
        raise CampaignError("an institute already has an audit this year")
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


def assign_auditor_to_country(campaign: Campaign, country: str, user: Any, *, actor: Any) -> tuple[int, int]:
    """``user`` reviews every audit of ``campaign`` in ``country``; (audits newly assigned, audits that had them).

    One audit-log entry for the whole country: a row per audit would bury the log under a network's worth."""
    audits = list(
        db.session.scalars(
            select(Audit)
            .join(Institute, Institute.id == Audit.institute_id)
            .where(Audit.campaign_id == campaign.id, Institute.country == country)
            .order_by(Audit.id)
        )
    )
    added = 0
    for audit in audits:
        if any(a.user_id == user.id for a in audit.auditors):
            continue
        audit.auditors.append(AuditorAssignment(user_id=user.id))
        added += 1
    db.session.flush()
    if added:
        record(
            "checklists.auditor-assigned-country",
            actor=actor,
            target=campaign,
            target_label=str(campaign.text("title")),
            details={"uid": campaign.uid, "country": country, "auditor": user.id, "audits": added},
        )
    return added, len(audits) - added


def unassign_auditor(audit: Audit, user_id: int, *, actor: Any) -> None:
    for assignment in list(audit.auditors):
        if assignment.user_id == user_id:
            audit.auditors.remove(assignment)
    db.session.flush()
    record("checklists.auditor-unassigned", actor=actor, target=audit, details={"uid": audit.uid, "auditor": user_id})
