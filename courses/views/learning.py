"""The catalogue and learning: course pages, enrolment, lessons, progress, sequencing.

Learners reach courses and lessons by ``uid``, which stays the same across revisions of a plan, so a bookmark
survives republishing. Only published plans are visible here: a draft's course is a 404 for everyone.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import format_date, format_time, get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from markupsafe import Markup
from werkzeug.wrappers import Response
from wtforms import SearchField, SelectField
from wtforms.validators import Length, Optional

from sonores_lms.config import LANGUAGES
from sonores_lms.database import utcnow
from sonores_lms.i18n import LANGUAGE_TITLES
from sonores_lms.links import content_by_topic
from sonores_lms.multilingual import SOURCE_LANGUAGE, TranslationStatus
from sonores_lms.navigation import NavItem, Widget
from sonores_lms.pagination import ListPage
from sonores_lms.permissions import ROLE_TITLES, signed_in
from sonores_lms.signals import dashboard_widgets, nav_items

from ..blueprint import blueprint
from ..kinds import scoring_kinds
from ..learning import (
    CourseFigures,
    LearningError,
    audience_allows,
    audience_refusal,
    catalogue_plan,
    complete_lesson,
    completes_by,
    course_figures,
    enrol,
    learner_refusal,
    learner_state,
    lesson_kind,
    published_course,
    published_lesson,
    published_years,
    upcoming_lesson,
)
from ..learning_forms import CompleteForm, StartForm
from ..models import LEVEL_TITLES, CompletionSource, Course, Lesson
from ..progress import (
    LearnerState,
    Lock,
    LockReason,
    Progress,
    course_done,
    course_lessons,
    course_lock,
    course_progress,
    module_progress,
    plan_tracks,
    release_lock,
    scored_lessons,
    track_courses_progress,
)
from ..queries import CatalogueSearch, catalogue_courses, lesson_in, lessons_in_languages

# Duration ranges of the catalogue filter, in minutes: (lowest included, highest excluded).
CARDS_PER_PAGE = 20
RELATED_LIMIT = 5  # items other plugins offer on a course's axis, on its page
DURATIONS = {
    "short": (0, 60, _l("Under 1 hour")),
    "medium": (60, 180, _l("1 to 3 hours")),
    "long": (180, None, _l("3 hours or more")),
}


# -- forms --------------------------------------------------------------------------------------------------------
class CatalogueFilterForm(FlaskForm):
    """The catalogue's filters: a GET form, so no CSRF token; unknown values are ignored, never an error."""

    class Meta:
        csrf = False

    q = SearchField(_l("Search"), validators=[Optional(), Length(max=100)])
    year = SelectField(_l("Plan"), coerce=str, default="")
    axis = SelectField(_l("Axis"), default="")
    language = SelectField(_l("Available in"), default="")
    level = SelectField(_l("Level"), default="")
    duration = SelectField(_l("Duration"), default="")
    audience = SelectField(_l("Open to"), default="")

    def __init__(self, *args: Any, years: list[int], axes: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.year.choices = [(str(y), str(y)) for y in years]
        self.axis.choices = [("", _l("All axes")), *axes]
        self.language.choices = [("", _l("Any language")), *[(c, LANGUAGE_TITLES[c]) for c in LANGUAGES]]
        self.level.choices = [("", _l("Any level")), *LEVEL_TITLES.items()]
        self.duration.choices = [("", _l("Any duration")), *[(k, v[2]) for k, v in DURATIONS.items()]]
        self.audience.choices = [("", _l("Everyone")), *[(r.value, t) for r, t in ROLE_TITLES.items()]]

    def value(self, name: str) -> str:
        """The chosen value when it is one of the choices, else "" (a stale bookmark must not break the page)."""
        data = getattr(self, name).data or ""
        return data if data in {str(value) for value, _label in getattr(self, name).choices} else ""


# -- helpers for templates ----------------------------------------------------------------------------------------
def _reader() -> str:
    return str(get_locale() or SOURCE_LANGUAGE)


def completeness(item: Any, written: Collection[str] | None = None) -> list[tuple[str, list[str]]]:
    """ "fr, es · pt stale · en missing" as groups: ("available" | "stale" | "missing", [codes]). For a course,
    ``written`` holds the languages its lessons are written in: a course is not available in a language that its
    lessons are not, whatever its own title says."""
    groups: dict[str, list[str]] = {"available": [], "stale": [], "missing": []}
    for language, status in item.translation_statuses().items():
        if written is not None and language not in written:
            groups["missing"].append(language)
        elif status in (TranslationStatus.SOURCE, TranslationStatus.UP_TO_DATE):
            groups["available"].append(language)
        elif status == TranslationStatus.STALE:
            groups["stale"].append(language)
        else:
            groups["missing"].append(language)
    return [(name, codes) for name, codes in groups.items() if codes]


def duration_text(minutes: int) -> str:
    hours, rest = divmod(int(minutes or 0), 60)
    if hours and rest:
        return _("%(hours)s h %(minutes)s min", hours=hours, minutes=rest)
    if hours:
        return _("%(hours)s h", hours=hours)
    return _("%(minutes)s min", minutes=rest)


def lock_message(lock: Lock | None) -> Markup:
    """Why something is locked, in a sentence; course names link to their pages."""
    if lock is None:
        return Markup("")
    if lock.reason == LockReason.RELEASE and lock.until is not None:
        return Markup.escape(
            _("Available on %(date)s at %(time)s, your time.",
              date=format_date(lock.until, "long"), time=format_time(lock.until, "short"))
        )  # fmt: skip
    names = Markup(", ").join(
        Markup('<a href="{url}"><em>{title}</em></a>').format(
            url=url_for("courses.learn_course", uid=course.uid), title=course.text("title").text
        )
        for course in lock.courses
    )
    # Like Jinja's own gettext: the translated sentence is trusted, the names are escaped above.
    if lock.reason == LockReason.ORDER:
        return Markup(_("This track is taken in order: finish %(courses)s first.", courses=names))  # noqa: S704
    return Markup(_("Finish %(courses)s first.", courses=names))  # noqa: S704


def fallback_note(language: str | None, kind: str = "lesson") -> str:
    """The note shown when a text falls back to another language (usually French)."""
    wanted = LANGUAGE_TITLES.get(_reader(), _reader())
    got = LANGUAGE_TITLES.get(language or SOURCE_LANGUAGE, language)
    if kind == "course":
        return _("This course is not yet available in %(wanted)s; here is the %(got)s version.", wanted=wanted, got=got)
    return _("This lesson is not yet available in %(wanted)s; here is the %(got)s version.", wanted=wanted, got=got)


@blueprint.app_template_global("courses_progress_text")
def _progress_text(progress: Progress, unit: str = "lessons") -> str:
    if unit == "courses":
        return _("%(done)s of %(total)s courses done", done=progress.done, total=progress.total)
    return _("%(done)s of %(total)s required lessons done", done=progress.done, total=progress.total)


def _actor() -> Any:
    return current_user._get_current_object()


def _refuse(error: LearningError, course: Course | None = None) -> tuple[str, int]:
    """The reason page: what is closed and why, never the content."""
    if error.status == 404:
        abort(404)
    return render_template(
        "courses/learning/refused.html",
        message=error.message,
        lock=lock_message(error.lock),
        course=course,
    ), error.status


# -- catalogue ----------------------------------------------------------------------------------------------------
@dataclass
class CatalogueCourse:
    course: Course
    figures: CourseFigures
    lock: Lock | None
    enrolled: bool
    done: bool


@blueprint.route("/catalogue")
@signed_in
def catalogue() -> str:
    user = _actor()
    years = published_years()
    requested = request.args.get("year", type=int)
    plan = catalogue_plan(requested if requested in years else None)
    axes = [(axis.code, axis.text("title").text) for axis in plan.axes] if plan else []
    filters = CatalogueFilterForm(request.args, years=years, axes=axes)
    if not filters.validate():  # a stale bookmark: drop what no longer exists rather than show errors
        for name, errors in filters.errors.items():
            if errors and name != "q":
                getattr(filters, name).data = getattr(filters, name).default
                getattr(filters, name).errors = []
    if plan is not None:
        filters.year.data = str(plan.year)
    chosen = {name: filters.value(name) for name in ("axis", "language", "level", "duration", "audience")}
    query = (filters.q.data or "").strip() if not filters.q.errors else ""
    # ?track=<uid> (the overview's "Show the N courses" links) shows one track's cards; unknown uids are ignored.
    track_uid = request.args.get("track", "")
    if plan is None or track_uid not in {track.uid for track in plan_tracks(plan)}:
        track_uid = ""
    # Without a search, a filter or a track, the page lists axes and tracks with their course counts: 300 cards
    # would make a page of several hundred kilobytes.
    overview = not (query or track_uid or any(chosen.values()))
    reader = _reader()
    groups: list[tuple[Any, list[tuple[Any, Any]]]] = []
    shown = 0
    page: ListPage | None = None
    written: dict[int, set[str]] = {}  # per course on the page, the languages its lessons are written in
    if plan is not None:
        state = learner_state(user, course_uids=())
        if overview:
            for axis in plan.axes:
                tracks = [(track, track_courses_progress(track, state)) for track in axis.tracks if track.courses]
                shown += sum(len(track.courses) for track, _progress in tracks)
                if tracks:
                    groups.append((axis, tracks))
        else:
            figures = course_figures(plan, user)
            search = CatalogueSearch(
                reader=reader,
                query=query,
                axis=chosen["axis"],
                track_uid=track_uid,
                language=chosen["language"],
                level=chosen["level"],
                audience=chosen["audience"],
                minutes=DURATIONS[chosen["duration"]][:2] if chosen["duration"] else None,
            )
            minutes = {course_id: figure.minutes for course_id, figure in figures.items()}
            found = catalogue_courses(plan, search, minutes)
            shown = len(found)
            # Cards are heavy (a summary, facts and a progress bar each): a page of them stays light on a slow link.
            page = ListPage.of(found, request.args.get("page", 1, type=int), CARDS_PER_PAGE)
            groups = _grouped(
                (axis, track, _card(course, figures.get(course.id, CourseFigures()), state))
                for axis, track, course in page.items
            )
            written = lessons_in_languages(plan, LANGUAGES)
    return render_template(
        "courses/learning/catalogue.html",
        plan=plan,
        years=years,
        filters=filters,
        groups=groups,
        shown=shown,
        page=page,
        page_args=_catalogue_args(filters, track_uid, years, plan),
        overview=overview,
        track_uid=track_uid,
        completeness=lambda course: completeness(course, written.get(course.id, LANGUAGES)),
        duration_text=duration_text,
        lock_message=lock_message,
        LEVEL_TITLES=LEVEL_TITLES,
    )


def _card(course: Course, figures: CourseFigures, state: LearnerState) -> CatalogueCourse:
    return CatalogueCourse(
        course, figures, course_lock(course, state), course.uid in state.enrolled, course_done(course, state)
    )


def _grouped(cards: Iterable[tuple[Any, Any, CatalogueCourse]]) -> list[tuple[Any, list[tuple[Any, Any]]]]:
    """Cards in plan order, grouped under their axis and track for the headings."""
    groups: list[tuple[Any, list[tuple[Any, Any]]]] = []
    for axis, track, card in cards:
        if not groups or groups[-1][0] is not axis:
            groups.append((axis, []))
        tracks = groups[-1][1]
        if not tracks or tracks[-1][0] is not track:
            tracks.append((track, []))
        tracks[-1][1].append(card)
    return groups


def _catalogue_args(filters: Any, track_uid: str, years: list[int], plan: Any) -> dict[str, str]:
    """The query string of the current search, for the links to its other pages."""
    args = {name: filters.value(name) for name in ("axis", "language", "level", "duration", "audience")}
    args["q"] = (filters.q.data or "").strip() if not filters.q.errors else ""
    args["track"] = track_uid
    if plan is not None and len(years) > 1:
        args["year"] = str(plan.year)
    return {name: value for name, value in args.items() if value}


# -- course page --------------------------------------------------------------------------------------------------
def _load_course(uid: str) -> Course:
    course = published_course(uid)
    if course is None:
        abort(404)
    return course


@dataclass
class OutlineLesson:
    lesson: Lesson
    done: bool
    lock: Lock | None


def _outline(course: Course, state: LearnerState, locked: Lock | None) -> list[tuple[Any, Progress, list[Any]]]:
    now = utcnow()
    return [
        (
            module,
            module_progress(module, state),
            [
                OutlineLesson(
                    lesson,
                    lesson.uid in state.completed,
                    None if lesson.uid in state.completed else (locked or release_lock(lesson, state, now)),
                )
                for lesson in module.lessons
            ],
        )
        for module in course.modules
    ]


def _first_open(outline: list[tuple[Any, Progress, list[OutlineLesson]]]) -> Lesson | None:
    items = [item for _m, _p, items in outline for item in items]
    for item in items:
        if not item.done and item.lock is None:
            return item.lesson
    return items[0].lesson if items and items[0].lock is None else None


def _written_in(course: Course) -> set[str]:
    """The languages every lesson of the (loaded) course is written in."""
    lessons = list(course_lessons(course))
    return {language for language in LANGUAGES if all(lesson_in(lesson, language) for lesson in lessons)}


def _course_context(course: Course, state: LearnerState) -> dict[str, Any]:
    locked = course_lock(course, state)
    outline = _outline(course, state, locked)
    minutes = sum(lesson.duration_minutes for lesson in course_lessons(course))
    return {
        "course": course,
        "track": course.track,
        "plan": course.track.axis.plan,
        "state": state,
        "lock": locked,
        "lock_text": lock_message(locked),
        "outline": outline,
        "progress": course_progress(course, state),
        "enrolled": course.uid in state.enrolled,
        "done": course_done(course, state),
        "allowed": audience_allows(_actor(), course),
        "minutes": minutes,
        "min_score": course.min_quiz_score if scored_lessons(course, scoring_kinds()) else None,
        "duration_text": duration_text,
        "completeness": lambda item: completeness(item, _written_in(course)),
        "next_lesson": _first_open(outline),
        "LEVEL_TITLES": LEVEL_TITLES,
        "fallback_note": fallback_note,
        "lock_message": lock_message,
    }


@blueprint.route("/learn/<uid>")
@signed_in
def learn_course(uid: str) -> str:
    course = _load_course(uid)
    state = learner_state(_actor(), course_uids=[course.uid])
    # What other plugins (knowledge resources, ...) offer on the course's axis; nothing when none answers.
    related = content_by_topic(
        axis=course.track.axis.code, locale=str(get_locale()), limit=RELATED_LIMIT, asker="courses"
    )
    return render_template(
        "courses/learning/course.html", form=StartForm(), related=related, **_course_context(course, state)
    )


@blueprint.route("/learn/<uid>/start", methods=["POST"])
@signed_in
def learn_start(uid: str) -> Response | tuple[str, int]:
    course = _load_course(uid)
    form = StartForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        enrol(_actor(), course, actor=_actor())
    except LearningError as error:
        return _refuse(error, course)
    flash(_("You started this course. Good learning!"), "success")
    state = learner_state(_actor(), course_uids=[course.uid])
    first = _first_open(_outline(course, state, None))
    if first is not None:
        return redirect(url_for("courses.learn_lesson", uid=first.uid))
    return redirect(url_for("courses.learn_course", uid=course.uid))


# -- lesson page --------------------------------------------------------------------------------------------------
def _load_lesson(uid: str) -> Lesson:
    lesson = published_lesson(uid)
    if lesson is None:
        abort(404)
    return lesson


@blueprint.route("/learn/lesson/<uid>")
@signed_in
def learn_lesson(uid: str) -> str | tuple[str, int]:
    lesson = _load_lesson(uid)
    course = lesson.module.course
    user = _actor()
    if not audience_allows(user, course):
        return _refuse(audience_refusal(course), course)
    state = learner_state(user, course_uids=[course.uid])
    context = _course_context(course, state)
    flat = [item for _m, _p, items in context["outline"] for item in items]
    here = next(i for i, item in enumerate(flat) if item.lesson.uid == lesson.uid)
    if flat[here].lock is not None:
        return _refuse(LearningError(_("This lesson is not open yet."), lock=flat[here].lock), course)
    kind = lesson_kind(lesson)
    texts = {field: lesson.text(field) for field in ("title", "body", "transcript")}
    fallback = next((t.language for t in texts.values() if t.text and t.is_fallback), None)
    return render_template(
        "courses/learning/lesson.html",
        lesson=lesson,
        kind=kind,
        texts=texts,
        fallback=fallback,
        lesson_done=flat[here].done,
        completes_elsewhere=learner_refusal(lesson),
        previous=flat[here - 1].lesson if here > 0 else None,
        following=flat[here + 1] if here + 1 < len(flat) else None,
        form=CompleteForm(),
        here=flat[here],
        **context,
    )


@blueprint.route("/learn/lesson/<uid>/done", methods=["POST"])
@signed_in
def learn_complete(uid: str) -> Response | tuple[str, int]:
    lesson = _load_lesson(uid)
    course = lesson.module.course
    form = CompleteForm()
    if not form.validate_on_submit():
        abort(400)
    source = CompletionSource.MANUAL
    if form.source.data == "read" and completes_by(lesson) == "read":
        source = CompletionSource.READ
    user = _actor()
    was_done = course_done(course, learner_state(user, course_uids=()))
    try:
        complete_lesson(user, lesson, source=source, actor=user)
    except LearningError as error:
        return _refuse(error, course)
    state = learner_state(user, course_uids=[course.uid])
    if not was_done and course_done(course, state):
        flash(_("Congratulations: you completed %(course)s.", course=course.text("title").text), "success")
        return redirect(url_for("courses.learn_course", uid=course.uid))
    outline = _outline(course, state, None)
    flat = [item for _m, _p, items in outline for item in items]
    here = next(i for i, item in enumerate(flat) if item.lesson.uid == lesson.uid)
    for item in flat[here + 1 :]:
        if not item.done and item.lock is None:
            return redirect(url_for("courses.learn_lesson", uid=item.lesson.uid))
    return redirect(url_for("courses.learn_course", uid=course.uid))


# -- navigation and dashboard -------------------------------------------------------------------------------------
def _nav(_sender: Any) -> NavItem:
    return NavItem("courses.catalogue", _l("Catalogue"), weight=20)


def _widget(user: Any) -> Widget | None:
    """ "My plan 2027: 3 of 5 courses", a bar per track the person has started, and the next lesson to take."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    plan = catalogue_plan(prerequisites=False)
    if plan is None:
        return None
    state = learner_state(user, course_uids=())
    courses = {course.uid: course for track in plan_tracks(plan) for course in track.courses}
    mine = [course for uid, course in courses.items() if uid in state.enrolled]
    tracks = [
        (track, track_courses_progress(track, state))
        for track in plan_tracks(plan)
        if any(course.uid in state.enrolled for course in track.courses)
    ]
    upcoming = upcoming_lesson(user, plan, [course for course in mine if not course_done(course, state)], state)
    html = render_template(
        "courses/learning/_widget.html",
        plan=plan,
        # The headline adds up the bars below it: the courses of the tracks the person has started.
        overall=sum((progress for _track, progress in tracks), Progress(0, 0)),
        tracks=tracks,
        upcoming=upcoming,
    )
    safe = Markup(html)  # noqa: S704 - rendered by Jinja with autoescape
    return Widget(name="courses-my-plan", title=_l("My plan %(year)s", year=plan.year), html=safe, weight=10)


def connect(plugin: Any) -> None:
    """Connect this area's signal receivers (navigation, dashboard widgets, ...) through ``plugin.connect``."""
    plugin.connect(nav_items, _nav)
    plugin.connect(dashboard_widgets, _widget)
