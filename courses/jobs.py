"""The courses plugin's background jobs, and the scheduling that keeps the planned-vs-delivered summary current.

The summary's computations live in :mod:`courses.delivered`; this module decides *when* they run: the receivers
below note what an event changed, and :func:`schedule_refresh` / :func:`schedule_rebuild` queue a job once the
transaction commits (through the core's ``enqueue_after_commit``: a worker reads only committed data, a rollback
queues nothing, and the people or plans of one transaction are merged into one job). With ``JOBS_IMMEDIATE`` (tests,
single-process setups) the job runs at once, inside the caller's transaction.

The job consumer imports this module (see ``sonores_lms.worker``); so may the web process: declaring a job opens no
queue. Jobs are idempotent (delete, then insert from the current data), and do nothing where the plugin is disabled.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from flask import current_app
from huey import crontab
from sqlalchemy import select

from sonores_lms.extensions import db
from sonores_lms.institutes.models import Institute
from sonores_lms.jobs import enqueue_after_commit
from sonores_lms.people.models import User
from sonores_lms.plugins import Plugin
from sonores_lms.signals import (
    institute_updated,
    user_deactivated,
    user_reactivated,
    user_roles_changed,
    user_updated,
)

from . import plugin
from .delivered import rebuild_plans, refresh_people_everywhere
from .models import Enrolment, Plan, TrackCompletion
from .signals import enrolment_changed, track_completed


def _finish() -> None:
    # In the worker a job owns its transaction; run inline, the caller's request or command commits.
    if not current_app.config["JOBS_IMMEDIATE"]:
        db.session.commit()


@plugin.task(retries=3, retry_delay=10)
def refresh_delivered_people(*, user_ids: list[int]) -> None:
    """Recompute these people's planned-vs-delivered rows on every live plan. Idempotent."""
    refresh_people_everywhere(user_ids)
    _finish()


@plugin.task(retries=3, retry_delay=30)
def rebuild_delivered(*, plan_ids: list[int] | None = None) -> None:
    """Rebuild these plans' planned-vs-delivered rows (every live plan when None). Idempotent."""
    rebuild_plans(plan_ids)
    _finish()


@plugin.periodic_task(crontab(hour="3", minute="15"))
def rebuild_delivered_nightly() -> None:
    """The safety net: every live plan rebuilt each night, whatever a missed signal or a lost job left behind."""
    rebuild_plans()
    _finish()


# -- scheduling -------------------------------------------------------------------------------------------------


def schedule_refresh(user_ids: Iterable[int | None]) -> None:
    """Refresh these people's rows once the transaction commits (now with ``JOBS_IMMEDIATE``)."""
    ids = sorted({int(i) for i in user_ids if i is not None})
    if ids:
        enqueue_after_commit(refresh_delivered_people, merge="user_ids", user_ids=ids)


def schedule_rebuild(plans: Iterable[Plan]) -> None:
    """Rebuild these plans' rows once the transaction commits (now with ``JOBS_IMMEDIATE``)."""
    ids = sorted({plan.id for plan in plans if plan.id is not None})
    if ids:
        enqueue_after_commit(rebuild_delivered, merge="plan_ids", plan_ids=ids)


# -- receivers --------------------------------------------------------------------------------------------------


def _on_enrolment(enrolment: Enrolment, **_kwargs: Any) -> None:
    schedule_refresh([enrolment.user_id])


def _on_track_completed(completion: TrackCompletion, **_kwargs: Any) -> None:
    schedule_refresh([completion.user_id])


def _on_person(user: User, **_kwargs: Any) -> None:
    schedule_refresh([user.id])


def _on_user_updated(user: User, *, fields: Iterable[str] = (), **_kwargs: Any) -> None:
    if "institute_id" in set(fields):
        schedule_refresh([user.id])


def _on_institute_updated(institute: Institute, *, fields: Iterable[str] = (), **_kwargs: Any) -> None:
    if "country" in set(fields):
        schedule_refresh(db.session.scalars(select(User.id).where(User.institute_id == institute.id)))


def connect(plugin: Plugin) -> None:
    """Keep the summary current: the events that change who is targeted or what they did."""
    plugin.connect(enrolment_changed, _on_enrolment)
    plugin.connect(track_completed, _on_track_completed)
    plugin.connect(user_roles_changed, _on_person)
    plugin.connect(user_deactivated, _on_person)
    plugin.connect(user_reactivated, _on_person)
    plugin.connect(user_updated, _on_user_updated)
    plugin.connect(institute_updated, _on_institute_updated)
