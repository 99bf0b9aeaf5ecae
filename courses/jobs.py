"""The courses plugin's background tasks. The job consumer imports this module (see ``sonores_lms.worker``); the
web process imports it only when it queues one, so that creating the app opens no job queue."""

from __future__ import annotations

from flask import current_app
from huey import crontab

from sonores_lms.extensions import db
from sonores_lms.jobs import periodic_task, task
from sonores_lms.plugins import is_enabled

from .delivered import rebuild_plans, refresh_people_everywhere


def _finish() -> None:
    # In the worker a task owns its transaction; run inline, the caller's request or command commits.
    if not current_app.config["JOBS_IMMEDIATE"]:
        db.session.commit()


@task(retries=3, retry_delay=10)
def refresh_delivered_people(*, user_ids: list[int]) -> None:
    """Recompute these people's planned-vs-delivered rows on every live plan. Idempotent."""
    if not is_enabled("courses"):
        return
    refresh_people_everywhere(user_ids)
    _finish()


@task(retries=3, retry_delay=30)
def rebuild_delivered(*, plan_ids: list[int] | None = None) -> None:
    """Rebuild these plans' planned-vs-delivered rows (every live plan when None). Idempotent."""
    if not is_enabled("courses"):
        return
    rebuild_plans(plan_ids)
    _finish()


@periodic_task(crontab(hour="3", minute="15"))
def rebuild_delivered_nightly() -> None:
    """The safety net: every live plan rebuilt each night, whatever a missed signal or a lost job left behind."""
    if not is_enabled("courses"):
        return
    rebuild_plans()
    _finish()
