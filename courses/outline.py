"""A published plan's axes, tracks and courses with their titles only, kept in memory between requests.

The progress reports list every course of the plan in their filters and rows (300 at ten times today's network);
loading them as ORM objects decoded every course's texts (summaries and objectives in four languages) on each
request: 10 to 15 ms. A published revision never changes (its edits go to a new draft revision, and publishing or
archiving changes the plan's version), so its outline is kept per process, keyed by the plan's id, version and
publication time, and a request reads the plan row alone.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select

from sonores_lms.extensions import db
from sonores_lms.multilingual import Picked, pick

from .models import Axis, Course, Plan, PlanStatus, Track


@dataclass(frozen=True)
class OutlineItem:
    """An axis, track or course: what lists show of it. ``text`` reads like the models' (titles only)."""

    id: int
    uid: str
    titles: Mapping[str, str]
    children: tuple[OutlineItem, ...] = ()

    def text(self, name: str, language: str | None = None) -> Picked:
        return pick(self.titles if name == "title" else {}, language)

    @property
    def tracks(self) -> tuple[OutlineItem, ...]:
        return self.children

    @property
    def courses(self) -> tuple[OutlineItem, ...]:
        return self.children


@dataclass(frozen=True)
class PlanOutline:
    id: int
    year: int
    titles: Mapping[str, str]
    axes: tuple[OutlineItem, ...] = field(default=())

    def text(self, name: str, language: str | None = None) -> Picked:
        return pick(self.titles if name == "title" else {}, language)


_KEPT = 8  # plans kept per process: the years a report may show
_outlines: OrderedDict[tuple[int, int, datetime | None], PlanOutline] = OrderedDict()
_lock = threading.Lock()


def _titles(texts: Mapping[str, Mapping[str, str]] | None) -> dict[str, str]:
    return {lang: values["title"] for lang, values in (texts or {}).items() if values.get("title")}


def _load(plan: Plan) -> PlanOutline:
    """Three statements: the axes, the tracks and the courses of ``plan``, in order."""

    def items(model: type, parent: object, parents: list[int]) -> dict[int, list[OutlineItem]]:
        rows = db.session.execute(
            select(model.id, model.uid, model.texts, parent)  # type: ignore[attr-defined]
            .where(parent.in_(parents))  # type: ignore[attr-defined]
            .order_by(model.position, model.id)  # type: ignore[attr-defined]
        )
        found: dict[int, list[OutlineItem]] = {}
        for item_id, uid, texts, parent_id in rows:
            found.setdefault(parent_id, []).append(OutlineItem(item_id, uid, _titles(texts)))
        return found

    axes = items(Axis, Axis.plan_id, [plan.id]).get(plan.id, [])
    tracks = items(Track, Track.axis_id, [a.id for a in axes]) if axes else {}
    courses = items(Course, Course.track_id, [t.id for ts in tracks.values() for t in ts]) if tracks else {}

    def with_children(item: OutlineItem, children: tuple[OutlineItem, ...]) -> OutlineItem:
        return OutlineItem(item.id, item.uid, item.titles, children)

    return PlanOutline(
        plan.id,
        plan.year,
        _titles(plan.texts),
        tuple(
            with_children(
                axis,
                tuple(with_children(t, tuple(courses.get(t.id, ()))) for t in tracks.get(axis.id, ())),
            )
            for axis in axes
        ),
    )


def published_outline(year: int | None = None) -> PlanOutline | None:
    """The published plan of ``year`` (default: the latest), from memory when this process has read it before."""
    query = select(Plan).where(Plan.status == PlanStatus.PUBLISHED)
    if year is not None:
        query = query.where(Plan.year == year)
    plan = db.session.scalars(query.order_by(Plan.year.desc()).limit(1)).first()
    if plan is None:
        return None
    key = (plan.id, plan.version, plan.published_at)
    with _lock:
        outline = _outlines.get(key)
        if outline is not None:
            _outlines.move_to_end(key)
            return outline
    outline = _load(plan)
    with _lock:
        _outlines[key] = outline
        while len(_outlines) > _KEPT:
            _outlines.popitem(last=False)
    return outline
