"""What courses offers other plugins on a topic, through the core's ``content-by-topic`` collector.

Courses answer by axis (``communication``, ``project-management``, ...), with the published courses of the latest
published plan under that axis, and by theme code (``ENV-MOB``), with the courses whose editor lists that theme or
one of its items (``ENV-MOB-03``); only courses that everyone may take are offered (a course reserved to some roles
is not offered to pages that anyone reads).
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
    """Receiver of ``content-by-topic``: the latest published plan's courses under ``axis`` or teaching one of
    ``themes``, open to everyone; by theme, in the order of the themes asked (the weakest first)."""
    wanted = tuple(themes or ())
    if (not axis and not wanted) or limit <= 0 or asker == SOURCE:
        return []
    year = db.session.scalar(select(func.max(Plan.year)).where(Plan.status == PlanStatus.PUBLISHED))
    if year is None:
        return []
    query = (
        select(Course)
        .join(Track, Track.id == Course.track_id)
        .join(Axis, Axis.id == Track.axis_id)
        .join(Plan, Plan.id == Axis.plan_id)
        .where(Plan.year == year, Plan.status == PlanStatus.PUBLISHED)
        .order_by(Axis.position, Track.position, Course.position)
    )
    if axis:
        courses = list(db.session.scalars(query.where(Axis.code == axis)))
    else:
        # A plan holds dozens of courses: their codes are matched here rather than in JSON SQL, which differs
        # between SQLite and PostgreSQL.
        tagged = [course for course in db.session.scalars(query) if course.theme_codes]
        courses = [course for theme in wanted for course in tagged if teaches(course, theme)]
    items = []
    seen: set[str] = set()
    for course in courses:
        if course.audience or course.uid in seen:
            continue
        seen.add(course.uid)
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


def teaches(course: Course, theme: str) -> bool:
    """Whether ``course`` is tagged with ``theme`` (ENV-MOB) or one of its items (ENV-MOB-03)."""
    return any(code == theme or code.startswith(theme + "-") for code in course.theme_codes or ())
