"""Queries the courses pages need, eager-loading what they show so that query counts do not grow with rows."""

from __future__ import annotations

import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import case, distinct, func, select
from sqlalchemy.orm import joinedload, load_only, selectinload
from sqlalchemy.orm.strategy_options import _AbstractLoad

from sonores_lms.config import LANGUAGES
from sonores_lms.extensions import db
from sonores_lms.institutes.choices import country_names
from sonores_lms.multilingual import SOURCE_LANGUAGE
from sonores_lms.people.models import RoleAssignment, User
from sonores_lms.permissions import Role

from .delivered import Figures, Grouping, institute_labels, planned_vs_delivered
from .models import Assignment, Axis, Course, Lesson, LessonCompletion, Module, Plan, PlanStatus, StoredFile, Track


def tree_options(*, lessons: bool = True, courses: bool = True) -> list[_AbstractLoad]:
    """Load a plan's axes, tracks, courses (with prerequisites), modules and, if asked, lessons: a query per level.
    ``courses=False`` stops at the tracks (the authoring year page lists tracks only)."""
    tracks = selectinload(Plan.axes).selectinload(Axis.tracks)
    if not courses:
        return [tracks]
    loaded = tracks.selectinload(Track.courses)
    options: list[_AbstractLoad] = [loaded.selectinload(Course.prerequisites)]
    modules = loaded.selectinload(Course.modules)
    options.append(modules.selectinload(Module.lessons) if lessons else modules)
    return options


def published_plan(year: int | None = None, *, lessons: bool = True, courses: bool = True) -> Plan | None:
    """The published plan of ``year``, or the most recent published one."""
    query = select(Plan).where(Plan.status == PlanStatus.PUBLISHED)
    if year is not None:
        query = query.where(Plan.year == year)
    query = query.order_by(Plan.year.desc()).limit(1).options(*tree_options(lessons=lessons, courses=courses))
    return db.session.scalars(query).first()


def draft_plan(year: int, *, lessons: bool = True, courses: bool = True) -> Plan | None:
    query = (
        select(Plan)
        .where(Plan.year == year, Plan.status == PlanStatus.DRAFT)
        .options(*tree_options(lessons=lessons, courses=courses))
    )
    return db.session.scalars(query).first()


def plans_by_year() -> list[Plan]:
    return list(db.session.scalars(select(Plan).order_by(Plan.year.desc(), Plan.revision.desc())))


def latest_plan_year() -> int | None:
    return db.session.scalar(select(Plan.year).order_by(Plan.year.desc()).limit(1))


def plan_for_page(
    plan_id: int,
    *,
    tree: bool = False,
    lessons: bool = False,
    axes: bool = False,
    tracks: bool = False,
    draft_lessons: bool = False,
) -> Plan | None:
    """The plan with what its page shows: ``axes`` loads its axes, ``tracks`` their tracks too, ``tree`` down to the
    modules, and lessons too when ``lessons`` is set, or when ``draft_lessons`` is set and the plan is a draft (only
    a draft's lessons are checked before publishing: a network's plan holds thousands of lessons, and their texts
    weigh megabytes)."""
    query = select(Plan).where(Plan.id == plan_id)
    if draft_lessons and db.session.scalar(select(Plan.status).where(Plan.id == plan_id)) != PlanStatus.DRAFT:
        # Down to the courses, which the page lists: nothing to check below them.
        query = query.options(selectinload(Plan.axes).selectinload(Axis.tracks).selectinload(Track.courses))
    elif tree:
        query = query.options(*tree_options(lessons=lessons or draft_lessons))
    elif tracks:
        query = query.options(selectinload(Plan.axes).selectinload(Axis.tracks))
    elif axes:
        query = query.options(selectinload(Plan.axes))
    return db.session.scalars(query).first()


def course_lesson_totals(within: Plan | Track) -> dict[int, tuple[int, int]]:
    """Per course id of a plan or of one track: (number of lessons, total minutes), in one aggregate query; no
    lesson is loaded. Courses without lessons are absent (read them as (0, 0))."""
    query = (
        select(Course.id, func.count(Lesson.id), func.coalesce(func.sum(Lesson.duration_minutes), 0))
        .join(Module, Module.course_id == Course.id)
        .join(Lesson, Lesson.module_id == Module.id)
        .group_by(Course.id)
    )
    if isinstance(within, Track):
        query = query.where(Course.track_id == within.id)
    else:
        query = query.join(Track, Track.id == Course.track_id).join(Axis, Axis.id == Track.axis_id)
        query = query.where(Axis.plan_id == within.id)
    rows = db.session.execute(query).all()
    return {course_id: (int(count or 0), int(minutes or 0)) for course_id, count, minutes in rows}


@dataclass(frozen=True)
class TrackFigures:
    courses: int
    lessons: int
    minutes: int


def track_figures(plan: Plan) -> dict[int, TrackFigures]:
    """Per track id of ``plan``: its courses, lessons and minutes, in one aggregate query (no course is loaded).
    Every track is there, empty ones with zeros."""
    rows = db.session.execute(
        select(
            Track.id,
            func.count(distinct(Course.id)),
            func.count(Lesson.id),
            func.coalesce(func.sum(Lesson.duration_minutes), 0),
        )
        .join(Axis, Axis.id == Track.axis_id)
        .outerjoin(Course, Course.track_id == Track.id)
        .outerjoin(Module, Module.course_id == Course.id)
        .outerjoin(Lesson, Lesson.module_id == Module.id)
        .where(Axis.plan_id == plan.id)
        .group_by(Track.id)
    ).all()
    return {
        track_id: TrackFigures(int(courses or 0), int(lessons or 0), int(minutes or 0))
        for track_id, courses, lessons, minutes in rows
    }


def assigned_courses(plan: Plan, course_uids: Iterable[str]) -> list[Course]:
    """The courses of ``plan`` among ``course_uids`` (a trainer's assignments), in the plan's order."""
    uids = list(course_uids)
    if not uids:
        return []
    return list(
        db.session.scalars(
            select(Course)
            .join(Track, Track.id == Course.track_id)
            .join(Axis, Axis.id == Track.axis_id)
            .where(Axis.plan_id == plan.id, Course.uid.in_(uids))
            .order_by(Axis.position, Track.position, Course.position)
        )
    )


def track_with_courses(track_id: int) -> Track | None:
    """A track with its axis and plan (for the way back and the draft check) and its courses in order."""
    return db.session.scalars(
        select(Track)
        .where(Track.id == track_id)
        .options(joinedload(Track.axis).joinedload(Axis.plan), selectinload(Track.courses))
    ).first()


def course_outline(course_id: int) -> Course | None:
    """A course with its track, axis and plan, and its modules and their lessons: what its authoring page shows."""
    return db.session.scalars(
        select(Course)
        .where(Course.id == course_id)
        .options(
            joinedload(Course.track).joinedload(Track.axis).joinedload(Axis.plan),
            selectinload(Course.modules).selectinload(Module.lessons),
        )
    ).first()


def other_courses(course: Course, plan: Plan) -> list[Course]:
    """The courses of ``plan`` but ``course``, in the plan's order: the prerequisites ``course`` may have."""
    return list(
        db.session.scalars(
            select(Course)
            .join(Track)
            .join(Axis)
            .where(Axis.plan_id == plan.id, Course.id != course.id)
            .order_by(Axis.position, Track.position, Course.position)
        )
    )


def assigned_trainers(item: Track | Course) -> list[tuple[Assignment, User]]:
    """The assignments to ``item`` (by uid, so they hold across revisions) and their people, by name."""
    column = Assignment.track_uid if isinstance(item, Track) else Assignment.course_uid
    rows = db.session.execute(
        select(Assignment, User)
        .join(User, User.id == Assignment.user_id)
        .where(column == item.uid)
        .order_by(User.last_name, User.first_name)
    ).all()
    return [(row[0], row[1]) for row in rows]


def active_trainers() -> list[User]:
    """The active people who hold the trainer role, by name: whom an admin may assign to a track or a course."""
    trainers = select(RoleAssignment.user_id).where(RoleAssignment.role == Role.TRAINER)
    return list(
        db.session.scalars(
            select(User).where(User.id.in_(trainers), User.active.is_(True)).order_by(User.last_name, User.first_name)
        )
    )


def lesson_completions(user_id: int, course_uids: list[str]) -> list[tuple[str, object, int | None]]:
    """(lesson uid, source, score) of ``user_id``'s completions in ``course_uids``: the completions half of
    ``learner_state()``, for a caller that already holds the person's enrolments."""
    if not course_uids:
        return []
    query = select(LessonCompletion.lesson_uid, LessonCompletion.source, LessonCompletion.score).where(
        LessonCompletion.user_id == user_id, LessonCompletion.course_uid.in_(course_uids)
    )
    return [tuple(row) for row in db.session.execute(query)]


def id_in_plan(model: type[Track] | type[Course], plan: Plan, uid: str) -> int | None:
    """The id of the track or course ``uid`` in ``plan``: revisions of a plan keep their rows' uids."""
    query = select(model.id).where(model.uid == uid)
    if model is Course:
        query = query.join(Track, Track.id == Course.track_id)
    query = query.join(Axis, Axis.id == Track.axis_id).where(Axis.plan_id == plan.id)
    return db.session.scalar(query)


def file_by_uid(uid: str) -> StoredFile | None:
    """The uploaded file named ``uid`` in lessons and addresses."""
    return db.session.scalars(select(StoredFile).where(StoredFile.uid == uid)).first()


def lessons_using(file_uid: str) -> list[Lesson]:
    """Every lesson, in any revision of any plan, whose ``data["file_id"]`` names the file, with its module, course,
    track, axis and plan (what deciding who may read it needs)."""
    return list(
        db.session.scalars(
            select(Lesson)
            .where(Lesson.data["file_id"].as_string() == file_uid)
            .options(
                joinedload(Lesson.module)
                .joinedload(Module.course)
                .joinedload(Course.track)
                .joinedload(Track.axis)
                .joinedload(Axis.plan)
            )
        )
    )


# -- the catalogue ----------------------------------------------------------------------------------------------------
def fold(text: str) -> str:
    """Lower case without accents, so that "comunicacion" finds "comunicación" and "ECO" finds "éco"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True)
class CatalogueSearch:
    """What a reader asked the catalogue for; empty values ask for nothing. ``minutes`` is a duration range
    (lowest included, highest excluded, None for no upper bound)."""

    reader: str
    query: str = ""
    axis: str = ""
    track_uid: str = ""
    language: str = ""
    level: str = ""
    audience: str = ""
    minutes: tuple[int, int | None] | None = None


def lesson_in(lesson: Lesson, language: str) -> bool:
    """Whether a loaded lesson is written in ``language``: its title, and its text when the French one has a text
    (the rule of :func:`lessons_in_languages`, for a page that holds the lessons)."""
    if language == SOURCE_LANGUAGE:
        return True
    texts = lesson.texts_in(language)
    return bool(texts.get("title")) and (bool(texts.get("body")) or not lesson.texts_in(SOURCE_LANGUAGE).get("body"))


def lessons_in_languages(plan: Plan, languages: Iterable[str]) -> dict[int, set[str]]:
    """Per course id of ``plan``: the languages among ``languages`` in which every lesson is written (see
    :func:`lesson_in`). Courses without lessons are absent: nothing stops them in any language.

    One aggregate query over the lessons' JSON, none is loaded; it still reads every lesson's texts (9,000 lessons
    and megabytes of bodies at network scale: seconds on PostgreSQL). A published plan never changes, so its answer,
    for every language, is kept in this process, as its outline is (:mod:`courses.outline`); a draft is read afresh.
    """
    wanted = set(languages)
    if plan.status == PlanStatus.PUBLISHED:
        key = (plan.id, plan.version, plan.published_at)
        with _written_lock:
            written = _written.get(key)
            if written is not None:
                _written.move_to_end(key)
        if written is None:
            written = _lessons_written(plan, LANGUAGES)
            with _written_lock:
                _written[key] = written
                while len(_written) > _WRITTEN_KEPT:
                    _written.popitem(last=False)
    else:
        written = _lessons_written(plan, wanted)
    return {course_id: found & wanted for course_id, found in written.items()}


# Published plans' answers of lessons_in_languages, most recently used last; a few years' plans at most.
_written: OrderedDict[tuple[Any, ...], dict[int, frozenset[str]]] = OrderedDict()
_written_lock = threading.Lock()
_WRITTEN_KEPT = 4


def forget_lesson_languages() -> None:
    """Drop what :func:`lessons_in_languages` keeps of published plans: for whoever changes a published plan's
    lessons in place (a repair in the database; the app itself never does, it publishes a new revision)."""
    with _written_lock:
        _written.clear()


def _lessons_written(plan: Plan, languages: Iterable[str]) -> dict[int, frozenset[str]]:
    wanted = [language for language in languages if language != SOURCE_LANGUAGE]
    source_body = Lesson.texts[(SOURCE_LANGUAGE, "body")].as_string()
    sums = []
    for language in wanted:
        title = Lesson.texts[(language, "title")].as_string()
        body = Lesson.texts[(language, "body")].as_string()
        translated = title.is_not(None) & (source_body.is_(None) | body.is_not(None))
        sums.append(func.sum(case((translated, 0), else_=1)))
    rows = db.session.execute(
        select(Module.course_id, *sums)
        .join(Lesson, Lesson.module_id == Module.id)
        .join(Course, Course.id == Module.course_id)
        .join(Track, Track.id == Course.track_id)
        .join(Axis, Axis.id == Track.axis_id)
        .where(Axis.plan_id == plan.id)
        .group_by(Module.course_id)
    ).all()
    every = {SOURCE_LANGUAGE} & set(languages)
    return {
        row[0]: frozenset(every | {language for language, missing in zip(wanted, row[1:], strict=True) if not missing})
        for row in rows
    }


def courses_available_in(plan: Plan, language: str) -> set[int]:
    """Ids of the courses of ``plan`` available in ``language``: their title is written in it, and so is every
    lesson (:func:`lesson_in`). French, the source, has every course."""
    courses = [course for track in _tracks(plan) for course in track.courses]
    if language == SOURCE_LANGUAGE:
        return {course.id for course in courses}
    written = lessons_in_languages(plan, [language])
    return {
        course.id
        for course in courses
        if course.texts_in(language).get("title") and language in written.get(course.id, {language})
    }


def _tracks(plan: Plan) -> Iterable[Track]:
    return (track for axis in plan.axes for track in axis.tracks)


def _module_texts(plan: Plan) -> dict[int, list[Module]]:
    """The modules of ``plan``'s courses by course id, their texts only: one query, for a search."""
    modules = db.session.scalars(
        select(Module)
        .join(Course, Course.id == Module.course_id)
        .join(Track, Track.id == Course.track_id)
        .join(Axis, Axis.id == Track.axis_id)
        .where(Axis.plan_id == plan.id)
        .options(load_only(Module.id, Module.course_id, Module.texts))
    )
    found: dict[int, list[Module]] = {}
    for module in modules:
        found.setdefault(module.course_id, []).append(module)
    return found


def _searched(item: Any, fields: tuple[str, ...], reader: str) -> str:
    """The item's fields in the reader's language and in French, folded, as one text to look into."""
    languages = dict.fromkeys((reader, SOURCE_LANGUAGE))
    return fold(" ".join(item.texts_in(language).get(name, "") for name in fields for language in languages))


def catalogue_courses(
    plan: Plan, search: CatalogueSearch, minutes: Mapping[int, int]
) -> list[tuple[Axis, Track, Course]]:
    """The courses of ``plan`` (loaded down to its courses) that ``search`` finds, in plan order, with their axis
    and track. Words are looked for, case and accents aside, in the titles and summaries of the axis, the track,
    the course and its modules, and in the course's objectives, in the reader's language and in French; so
    "développement durable" finds every course of that axis. ``minutes`` gives each course's duration by id.
    At most two queries whatever the plan's size: the lessons' languages for a language filter, the modules'
    texts for a search."""
    query = fold(search.query.strip())
    available = courses_available_in(plan, search.language) if search.language else None
    modules = _module_texts(plan) if query else {}
    found = []
    for axis in plan.axes:
        if search.axis and axis.code != search.axis:
            continue
        axis_text = _searched(axis, ("title", "description"), search.reader) if query else ""
        for track in axis.tracks:
            if search.track_uid and track.uid != search.track_uid:
                continue
            track_text = _searched(track, ("title", "summary"), search.reader) if query else ""
            for course in track.courses:
                if available is not None and course.id not in available:
                    continue
                if search.level and course.level.value != search.level:
                    continue
                if search.minutes is not None:
                    low, high = search.minutes
                    length = minutes.get(course.id, 0)
                    if length < low or (high is not None and length >= high):
                        continue
                if search.audience and course.audience and search.audience not in course.audience:
                    continue
                if query:
                    texts = [
                        axis_text,
                        track_text,
                        _searched(course, ("title", "summary", "objectives"), search.reader),
                    ]
                    texts += [
                        _searched(module, ("title", "summary"), search.reader) for module in modules.get(course.id, ())
                    ]
                    if not any(query in text for text in texts):
                        continue
                found.append((axis, track, course))
    return found


def delivered_table(
    plan: Plan, grouping: Grouping, *, axis_id: int | None = None, country: str | None = None
) -> tuple[list[tuple[str, Figures]], Figures]:
    """The planned-vs-delivered rows as the page and its CSV show them, (label, figures) in the reader's order: axes
    in the plan's order, institutes by name (then country), countries by name; the row of people without an
    institute comes last. Then the total. ``plan.axes`` must be loaded."""
    rows, total = planned_vs_delivered(plan, grouping, axis_id=axis_id, country=country)
    names = country_names()
    if grouping is Grouping.AXIS:
        axes = {axis.id: axis for axis in plan.axes}
        rows.sort(key=lambda row: axes[row.key].position if row.key in axes else 0)
        return [(str(axes[row.key].text("title")) if row.key in axes else "?", row) for row in rows], total
    if grouping is Grouping.INSTITUTE:
        found = institute_labels(row.key for row in rows)
        keyed = []
        for row in rows:
            if row.key in found:
                name, code = found[row.key]
                keyed.append(((False, name.casefold(), code), (f"{name} ({names.get(code, code)})", row)))
            else:
                keyed.append(((True, "", ""), (_("No institute"), row)))
        keyed.sort(key=lambda item: item[0])
        return [item for _sort, item in keyed], total
    labelled = [(names.get(row.key, row.key) if row.key else _("No institute"), row) for row in rows]
    labelled.sort(key=lambda item: (item[1].key is None, item[0]))
    return labelled, total
