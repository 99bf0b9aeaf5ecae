"""What courses offers other plugins on a topic, through the core's ``content-by-topic`` collector.

Courses carry no theme codes of their own: they answer by axis (``communication``, ``project-management``, ...),
with the published courses of the latest published plan under that axis that everyone may take (a course reserved
to some roles is not offered to pages that anyone reads).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from flask import url_for
from sqlalchemy import func, select

from sonores_lms.extensions import db
from sonores_lms.links import TopicItem

from .models import Axis, Course, Plan, PlanStatus, Track

SOURCE = "courses"


def courses_on_topic(
    _sender: Any,
    *,
    themes: Iterable[str] = (),
    axis: str | None = None,
    locale: str | None = None,
    limit: int = 10,
    asker: str | None = None,
    **_other: Any,
) -> list[TopicItem]:
    """Receiver of ``content-by-topic``: the latest published plan's courses under ``axis``, open to everyone."""
    if not axis or limit <= 0 or asker == SOURCE:
        return []
    year = db.session.scalar(select(func.max(Plan.year)).where(Plan.status == PlanStatus.PUBLISHED))
    if year is None:
        return []
    courses = db.session.scalars(
        select(Course)
        .join(Track, Track.id == Course.track_id)
        .join(Axis, Axis.id == Track.axis_id)
        .join(Plan, Plan.id == Axis.plan_id)
        .where(Plan.year == year, Plan.status == PlanStatus.PUBLISHED, Axis.code == axis)
        .order_by(Axis.position, Track.position, Course.position)
    )
    items = []
    for course in courses:
        if course.audience:
            continue
        summary = course.text("summary", locale).text or ""
        items.append(
            TopicItem(
                name=course.uid,
                kind="course",
                title=course.text("title", locale).text,
                url=url_for("courses.learn_course", uid=course.uid),
                source=SOURCE,
                summary=summary,
            )
        )
        if len(items) >= limit:
            break
    return items
