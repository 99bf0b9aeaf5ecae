"""Queries the courses pages need, eager-loading what they show so that query counts do not grow with rows."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.strategy_options import _AbstractLoad

from sonores_lms.extensions import db

from .models import Axis, Course, Module, Plan, PlanStatus, Track


def tree_options(*, lessons: bool = True) -> list[_AbstractLoad]:
    """Load a plan's axes, tracks, courses (with prerequisites), modules and, if asked, lessons: a query per level."""
    courses = selectinload(Plan.axes).selectinload(Axis.tracks).selectinload(Track.courses)
    options: list[_AbstractLoad] = [courses.selectinload(Course.prerequisites)]
    modules = courses.selectinload(Course.modules)
    options.append(modules.selectinload(Module.lessons) if lessons else modules)
    return options


def published_plan(year: int | None = None, *, lessons: bool = True) -> Plan | None:
    """The published plan of ``year``, or the most recent published one."""
    query = select(Plan).where(Plan.status == PlanStatus.PUBLISHED)
    if year is not None:
        query = query.where(Plan.year == year)
    query = query.order_by(Plan.year.desc()).limit(1).options(*tree_options(lessons=lessons))
    return db.session.scalars(query).first()


def draft_plan(year: int, *, lessons: bool = True) -> Plan | None:
    query = (
        select(Plan).where(Plan.year == year, Plan.status == PlanStatus.DRAFT).options(*tree_options(lessons=lessons))
    )
    return db.session.scalars(query).first()


def plans_by_year() -> list[Plan]:
    return list(db.session.scalars(select(Plan).order_by(Plan.year.desc(), Plan.revision.desc())))
