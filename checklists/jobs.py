"""Mail of the audit cycle, sent by jobs in each recipient's language: campaign opened, deadline in 7 days,
audit returned, audit validated, and the October reminder of the action plan.

Each mail leaves a :class:`MailSent` row keyed by kind, audit and person before it is queued: a retried or repeated
job finds the key and sends nothing twice.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask import current_app, url_for
from huey import crontab
from sqlalchemy import select

from sonores_lms.database import utcnow
from sonores_lms.extensions import db
from sonores_lms.jobs import enqueue_after_commit
from sonores_lms.mail import send_templated_mail
from sonores_lms.people.models import RoleAssignment, User
from sonores_lms.permissions import Role

from . import plugin
from .models import Audit, AuditState, Campaign, MailSent, Referent

KINDS = ("opened", "deadline", "returned", "validated", "actions")


def _finish() -> None:
    if not current_app.config["JOBS_IMMEDIATE"]:
        db.session.commit()


def institute_people(institute_id: int) -> list[User]:
    """The director(s) and referents of an institute: who hears about its audit."""
    directors = select(RoleAssignment.user_id).where(
        RoleAssignment.role == Role.ADMIN, RoleAssignment.institute_id == institute_id
    )
    referents = select(Referent.user_id).where(Referent.institute_id == institute_id)
    return list(
        db.session.scalars(
            select(User)
            .where(User.active.is_(True), (User.id.in_(directors)) | (User.id.in_(referents)))
            .order_by(User.id)
        )
    )


def link(endpoint: str, **values: Any) -> str:
    """An address for a mail, built on ``BASE_URL`` (never on a request's Host header), also in the job consumer
    where there is no request at all."""
    with current_app.test_request_context("/", base_url=current_app.config["BASE_URL"]):
        return url_for(endpoint, _external=True, **values)


def _send_once(kind: str, audit: Audit, person: User) -> bool:
    key = f"{kind}:{audit.id}:{person.id}"
    if db.session.scalar(select(MailSent.id).where(MailSent.key == key)) is not None:
        return False
    db.session.add(MailSent(key=key))
    db.session.flush()
    send_templated_mail(
        person.email,
        f"mail/checklists/{kind}",
        locale=person.locale or "fr",
        person=person,
        audit=audit,
        campaign=audit.campaign,
        url=link("checklists.audit", uid=audit.uid),
    )
    return True


def notify(audit_id: int, kind: str) -> int:
    """Send ``kind`` about one audit to its institute's people; the number of mails queued."""
    audit = db.session.get(Audit, audit_id)
    if audit is None:
        return 0
    return sum(_send_once(kind, audit, person) for person in institute_people(audit.institute_id))


@plugin.task(retries=3, retry_delay=30)
def notify_audit(*, audit_ids: list[int], kind: str) -> None:
    """Mail the institutes of these audits (idempotent: one mail per kind, audit and person)."""
    for audit_id in audit_ids:
        notify(audit_id, kind)
    _finish()


@plugin.task(retries=3, retry_delay=30)
def prefill_campaign(*, campaign_id: int) -> None:
    """After a campaign opens: last year's answers into each new audit, their scores, and the "opened" mail.
    Idempotent: an audit that already holds answers is not filled again, and each mail goes once."""
    from .campaigns import prefill

    prefill(campaign_id)
    _finish()


def schedule_notice(audit: Audit, kind: str) -> None:
    enqueue_after_commit(notify_audit, merge="audit_ids", audit_ids=[audit.id], kind=kind)


def due_reminders(today: Any) -> list[int]:
    """Audits still being filled whose self-assessment deadline is in 7 days."""
    waiting = [AuditState.NOT_STARTED, AuditState.IN_PROGRESS, AuditState.RETURNED]
    return list(
        db.session.scalars(
            select(Audit.id)
            .join(Campaign, Campaign.id == Audit.campaign_id)
            .where(Campaign.self_deadline == today + timedelta(days=7), Audit.state.in_(waiting))
        )
    )


@plugin.periodic_task(crontab(hour="12", minute="0"))
def remind_deadlines() -> None:
    """Each day: the audits due in a week get their reminder (once, thanks to the sent-mail keys)."""
    for audit_id in due_reminders(utcnow().date()):
        notify(audit_id, "deadline")
    _finish()


def connect(_plugin: Any) -> None:
    """Nothing to connect: the audit services queue the mails themselves."""


@plugin.periodic_task(crontab(month="10", day="1", hour="12", minute="0"))
def remind_actions() -> None:
    """On the 1st of October, each owner of open actions is asked where they stand (once a year per action)."""
    send_action_reminders(utcnow().year)
    _finish()


def send_action_reminders(year: int) -> int:
    from .actions import open_actions_due

    sent = 0
    for action in open_actions_due():
        key = f"actions:{year}:{action.id}"
        if db.session.scalar(select(MailSent.id).where(MailSent.key == key)) is not None or action.owner is None:
            continue
        audit = db.session.get(Audit, action.audit_id)
        db.session.add(MailSent(key=key))
        db.session.flush()
        send_templated_mail(
            action.owner.email,
            "mail/checklists/actions",
            locale=action.owner.locale or "fr",
            person=action.owner,
            action=action,
            audit=audit,
            url=link("checklists.results", uid=audit.uid, _anchor="plan"),
        )
        sent += 1
    return sent
