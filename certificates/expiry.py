"""The reminder mailed to holders 60 days before their certificate expires, once per certificate."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from sonores_lms.database import utcnow
from sonores_lms.extensions import db

from .models import Certificate, CertificateStatus
from .notify import expiry_reminder

REMIND_DAYS = 60


def send_reminders() -> int:
    """Mail every valid certificate expiring within REMIND_DAYS that was not reminded yet; returns how many.
    ``reminded_at`` is set in the same transaction as the mail is queued, so a rerun sends nothing twice."""
    now = utcnow()
    due = db.session.scalars(
        select(Certificate).where(
            Certificate.status == CertificateStatus.VALID,
            Certificate.expires_at.is_not(None),
            Certificate.expires_at > now,
            Certificate.expires_at <= now + timedelta(days=REMIND_DAYS),
            Certificate.reminded_at.is_(None),
        )
    ).all()
    for certificate in due:
        expiry_reminder(certificate)
        certificate.reminded_at = now
    db.session.flush()
    return len(due)
