"""Fill a database that :func:`benchmarks.generate.populate` filled with a published plan and what people did with it.

The plan is 3 axes x 10 tracks x 10 courses x 5 modules x 6 lessons (9,000 lessons with French text of realistic
length and some translations, a few of them stale); then trainers' assignments, targets per role and institute,
enrolments, lesson completions (1,000,000 at scale 1.0, unique per person and lesson) and track completions.

Rows go in with explicit ids, in batches of 10,000 inside one transaction; on PostgreSQL the two large tables
(enrolments, lesson completions) go through ``COPY``, an order of magnitude faster than multi-row INSERTs.
"""

from __future__ import annotations

import hashlib
import json
import random
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from sqlalchemy import Table, func, select, text

from courses.plans import NETWORK_AXES

from . import texts as T
from .generate import INVITED_EVERY, NETWORK_ADMINS, NOW, TRAINER_EVERY, Network, _plain_member

BATCH = 10_000
FULL_COMPLETIONS = 1_000_000
LANG_ODDS = {"es": 0.6, "pt": 0.35, "en": 0.2}  # share of items translated into each language
STALE_ODDS = 0.2  # of translations, written against an older French text
# How many courses of their track a regular learner has started (1 to 5), and how likely each count is.
COURSES_STARTED = ((1, 30), (2, 30), (3, 20), (4, 12), (5, 8))
CHAMPION_ODDS = 0.01  # learners who finish a whole track (its 10 courses, 300 lessons)


@dataclass(frozen=True)
class CourseSizes:
    tracks_per_axis: int = 10
    courses_per_track: int = 10
    modules_per_course: int = 5
    lessons_per_module: int = 6
    completions: int = FULL_COMPLETIONS

    @classmethod
    def scaled(cls, scale: float) -> CourseSizes:
        """The plan keeps its size (it does not grow with the network); what people did scales."""
        return cls(completions=max(100, round(FULL_COMPLETIONS * scale)))

    @property
    def axes(self) -> int:
        return len(NETWORK_AXES)

    @property
    def tracks(self) -> int:
        return self.axes * self.tracks_per_axis

    @property
    def courses(self) -> int:
        return self.tracks * self.courses_per_track

    @property
    def modules(self) -> int:
        return self.courses * self.modules_per_course

    @property
    def lessons(self) -> int:
        return self.modules * self.lessons_per_module

    @property
    def lessons_per_course(self) -> int:
        return self.modules_per_course * self.lessons_per_module


@dataclass(frozen=True)
class CoursesNetwork:
    """What the courses measurement needs to know about the data it runs on."""

    sizes: CourseSizes
    plan_id: int
    year: int
    track_id: int  # the plan's first track, for the authoring track page
    translations: int
    stale_translations: int
    lesson_text_bytes: int  # the JSON of every lesson's texts, all languages
    assignments: int
    targets: int
    enrolments: int
    completions: int
    track_completions: int
    learner_id: int  # a staff member with completed courses and one in progress
    learner_enrolments: int
    course_uid: str  # the learner's course in progress
    lesson_uid: str  # the next lesson they have to take there
    seconds: float
    summary_seconds: float  # rebuilding the planned-vs-delivered summary of the plan, once the data is in
    summary_rows: int


@dataclass
class _Tree:
    """Uids of the generated plan, by position."""

    track_uids: list[str] = field(default_factory=list)  # global track index -> uid
    course_uids: list[list[str]] = field(default_factory=list)  # track -> courses in order
    lesson_uids: dict[str, list[str]] = field(default_factory=dict)  # course uid -> its lessons in order
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    translations: int = 0
    stale: int = 0
    lesson_text_bytes: int = 0


def _uid(kind: str, n: int) -> str:
    return hashlib.md5(f"bench-{kind}-{n}".encode(), usedforsecurity=False).hexdigest()


def _texts(
    rng: random.Random, tree: _Tree, make: Any, *, odds: dict[str, float] | None = None
) -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    """``texts`` and ``translated_from`` for an item: French, plus translations drawn by the odds (some stale)."""
    from sonores_lms.multilingual import source_fingerprint

    values = {"fr": make("fr")}
    sources: dict[str, str] = {}
    fingerprint = source_fingerprint(values["fr"])
    for lang, chance in (odds or LANG_ODDS).items():
        if rng.random() < chance:
            values[lang] = make(lang)
            stale = rng.random() < STALE_ODDS
            sources[lang] = "0" * 16 if stale else fingerprint
            tree.translations += 1
            tree.stale += stale
    return values, sources


def _tree(sizes: CourseSizes, plan_id: int, year: int, rng: random.Random) -> _Tree:
    tree = _Tree(rows={name: [] for name in ("plans", "axes", "tracks", "courses", "prerequisites", "modules",
                                              "lessons")})  # fmt: skip
    plan_texts = {lang: {"title": T.PLAN_TITLE[lang].format(year=year)} for lang in T.LANGS}
    tree.rows["plans"].append({
        "id": plan_id, "year": year, "revision": 1, "status": "published", "created_at": NOW - timedelta(days=400),
        "published_at": NOW - timedelta(days=330), "version": 1, "texts": plan_texts,
        "translated_from": {lang: _fingerprint(plan_texts["fr"]) for lang in T.LANGS if lang != "fr"},
    })  # fmt: skip
    track_n = course_n = module_n = lesson_n = 0
    for a, (code, titles) in enumerate(NETWORK_AXES):
        axis_texts = {lang: {"title": titles[lang]} for lang in T.LANGS}
        tree.rows["axes"].append({
            "id": a + 1, "uid": _uid("axis", a), "plan_id": plan_id, "code": code, "position": a,
            "texts": axis_texts, "translated_from": {lang: _fingerprint(axis_texts["fr"]) for lang in T.LANGS[1:]},
        })  # fmt: skip
        for t in range(sizes.tracks_per_axis):
            track_n += 1
            topic = T.TOPICS[a][t % len(T.TOPICS[a])]
            track_uid = _uid("track", track_n)
            summary = T.paragraph(rng, 2)
            track_texts, track_sources = _texts(
                rng,
                tree,
                lambda lang, topic=topic, summary=summary: {
                    "title": f"{T.TRACK_WORDS[lang]} {topic[T.LANGS.index(lang)]}",
                    "summary": T.render(summary, lang),
                },
            )
            tree.rows["tracks"].append({
                "id": track_n, "uid": track_uid, "axis_id": a + 1, "position": t, "enforce_order": t % 3 == 0,
                "version": 1, "texts": track_texts, "translated_from": track_sources,
            })  # fmt: skip
            tree.track_uids.append(track_uid)
            tree.course_uids.append([])
            for c in range(sizes.courses_per_track):
                course_n += 1
                course_uid = _uid("course", course_n)
                tree.course_uids[-1].append(course_uid)
                tree.lesson_uids[course_uid] = []
                summary, objectives = T.paragraph(rng, 3), T.paragraph(rng, 2)
                course_texts, course_sources = _texts(
                    rng,
                    tree,
                    lambda lang, topic=topic, c=c, summary=summary, objectives=objectives: {
                        "title": f"{topic[T.LANGS.index(lang)]} : {T.course_word(c, lang)}"
                        if lang == "fr"
                        else f"{topic[T.LANGS.index(lang)]}: {T.course_word(c, lang)}",
                        "summary": T.render(summary, lang),
                        "objectives": T.render(objectives, lang),
                    },
                )
                restricted = t % 3 == 2 and c == sizes.courses_per_track - 1
                tree.rows["courses"].append({
                    "id": course_n, "uid": course_uid, "track_id": track_n, "position": c,
                    "level": ("beginner", "intermediate", "advanced")[min(2, c * 3 // sizes.courses_per_track)],
                    "audience": ["trainer", "admin"] if restricted else [], "min_quiz_score": None,
                    "updated_at": NOW - timedelta(days=rng.randrange(30, 300)), "version": 1,
                    "texts": course_texts, "translated_from": course_sources,
                })  # fmt: skip
                if c % 3 == 2:
                    tree.rows["prerequisites"].append({"course_id": course_n, "required_id": course_n - 1})
                for m in range(sizes.modules_per_course):
                    module_n += 1
                    summary = T.paragraph(rng, 2)
                    module_texts, module_sources = _texts(
                        rng,
                        tree,
                        lambda lang, m=m, summary=summary: {
                            "title": f"{T.MODULE_WORD[lang]} {m + 1}",
                            "summary": T.render(summary, lang),
                        },
                    )
                    tree.rows["modules"].append({
                        "id": module_n, "uid": _uid("module", module_n), "course_id": course_n, "position": m,
                        "version": 1, "texts": module_texts, "translated_from": module_sources,
                    })  # fmt: skip
                    for n in range(sizes.lessons_per_module):
                        lesson_n += 1
                        lesson_uid = _uid("lesson", lesson_n)
                        tree.lesson_uids[course_uid].append(lesson_uid)
                        tree.rows["lessons"].append(
                            _lesson(rng, tree, sizes, lesson_n, lesson_uid, module_n, (t, c, m, n))
                        )
    return tree


def _fingerprint(values: dict[str, str]) -> str:
    from sonores_lms.multilingual import source_fingerprint

    return source_fingerprint(values)


def _lesson(
    rng: random.Random, tree: _Tree, sizes: CourseSizes, ident: int, uid: str, module_id: int, where: tuple[int, ...]
) -> dict[str, Any]:
    t, c, m, n = where
    last = n == sizes.lessons_per_module - 1
    kind, data = "text", {}
    if n == 2 and m % 2 == 0:
        kind, data = "video", {"url": f"https://video.example.org/watch/{uid[:12]}"}
    elif last and m == sizes.modules_per_course - 1:
        kind, data = "link", {"url": f"https://resources.example.org/{uid[:12]}"}
    elif last and m == 2:
        kind = "live"
    body = T.lesson_body_plan(rng)
    transcript = [T.paragraph(rng, 4), T.paragraph(rng, 4)] if kind == "video" else None

    def make(lang: str) -> dict[str, str]:
        values = {"title": f"{T.LESSON_WORD[lang]} {m + 1}.{n + 1} — {T.HEADINGS[body[0][0]][T.LANGS.index(lang)]}"}
        values["body"] = T.render_body(body, lang) if kind != "link" else T.render(body[0][1][0], lang)
        if transcript:
            values["transcript"] = "\n\n".join(T.render(p, lang) for p in transcript)
        return values

    texts, sources = _texts(rng, tree, make)
    row = {
        "id": ident, "uid": uid, "module_id": module_id, "position": n, "kind": kind,
        "duration_minutes": rng.choice((5, 10, 10, 15, 15, 20, 25, 30)),
        "required": kind != "link",
        # The last course of some tracks opens later in the year.
        "release_at": NOW + timedelta(days=20) if (t % 3 == 1 and c == sizes.courses_per_track - 1) else None,
        "data": data, "updated_at": NOW - timedelta(days=rng.randrange(30, 300)), "updated_by_id": None,
        "version": 1, "texts": texts, "translated_from": sources,
    }  # fmt: skip
    tree.lesson_text_bytes += len(json.dumps(texts, ensure_ascii=False).encode())
    return row


def _assignments(tree: _Tree, network: Network, rng: random.Random) -> Iterator[dict[str, Any]]:
    """Two trainers per track, and one more on every fifth course."""
    trainers = [p + 1 for p in range(NETWORK_ADMINS, network.sizes.people) if p % TRAINER_EVERY == 3]
    if not trainers:
        return
    ident = 0
    for t, track_uid in enumerate(tree.track_uids):
        for user_id in {trainers[(2 * t) % len(trainers)], trainers[(2 * t + 1) % len(trainers)]}:
            ident += 1
            yield {"id": ident, "user_id": user_id, "track_uid": track_uid, "course_uid": None,
                   "created_at": NOW - timedelta(days=300)}  # fmt: skip
        for c, course_uid in enumerate(tree.course_uids[t]):
            if c % 5 == 4:
                ident += 1
                yield {"id": ident, "user_id": rng.choice(trainers), "track_uid": None, "course_uid": course_uid,
                       "created_at": NOW - timedelta(days=200)}  # fmt: skip


def _targets(tree: _Tree, sizes: CourseSizes, network: Network, plan_id: int) -> Iterator[dict[str, Any]]:
    """Per axis: all staff on its first track, trainers on its second (network-wide); directors of one institute
    in ten on the project-management axis's third track."""
    ident = 0
    for a in range(sizes.axes):
        first = a * sizes.tracks_per_axis
        for offset, role in ((0, "staff"), (1, "trainer")):
            if offset < sizes.tracks_per_axis:
                ident += 1
                yield {"id": ident, "plan_id": plan_id, "track_uid": tree.track_uids[first + offset], "role": role,
                       "institute_id": None}  # fmt: skip
    if sizes.tracks_per_axis > 2:
        for institute in range(1, network.sizes.institutes + 1, 10):
            ident += 1
            yield {"id": ident, "plan_id": plan_id, "track_uid": tree.track_uids[sizes.tracks_per_axis + 2],
                   "role": "admin", "institute_id": institute}  # fmt: skip


@dataclass
class _Progress:
    enrolments: list[tuple[Any, ...]] = field(default_factory=list)
    track_completions: list[dict[str, Any]] = field(default_factory=list)
    completions: int = 0
    learner: tuple[int, int, str, str] | None = None  # user id, enrolments, course uid, next lesson uid
    typical_learner: bool = False


ENROLMENT_COLUMNS = (
    *("id", "user_id", "course_uid", "session_id", "status", "started_at", "completed_at", "version"),
    "last_activity_at",
)
COMPLETION_COLUMNS = ("id", "user_id", "lesson_uid", "course_uid", "source", "score", "completed_at")


def _learning(
    tree: _Tree, sizes: CourseSizes, network: Network, rng: random.Random, progress: _Progress
) -> Iterator[tuple[Any, ...]]:
    """Lesson completions (yielded, as tuples in COMPLETION_COLUMNS order); enrolments and track completions are
    gathered in ``progress``. Learners come in a random order and share a budget of completions: once it is spent,
    the others have only started their first course, as many people in a real network have."""
    people = network.sizes.people
    learners = [p for p in range(NETWORK_ADMINS, people) if p % INVITED_EVERY != 7]
    rng.shuffle(learners)
    budget = sizes.completions
    per_course = sizes.lessons_per_course
    directors = {network.director_id - 1}
    sources = ("manual",) * 12 + ("read",) * 7 + ("offline",)
    completion_id = enrolment_id = 0
    for person in learners:
        user_id = person + 1
        axis = rng.randrange(sizes.axes)
        local = 0 if rng.random() < 0.4 else rng.randrange(sizes.tracks_per_axis)
        track = axis * sizes.tracks_per_axis + local
        courses = tree.course_uids[track]
        champion = local % 3 == 0 and rng.random() < CHAMPION_ODDS
        if champion:
            started = len(courses)
        else:
            started = min(rng.choices([n for n, _ in COURSES_STARTED], [w for _, w in COURSES_STARTED])[0],
                          len(courses))  # fmt: skip
            if local % 3 == 2 and started == len(courses):
                started -= 1  # the track's last course is for trainers and admins
        moment = NOW - timedelta(days=rng.randrange(20, 320), seconds=rng.randrange(86_400))
        finished = 0
        for k in range(started):
            course_uid = courses[k]
            lessons = tree.lesson_uids[course_uid]
            complete = champion or k < started - 1 or rng.random() < 0.3
            count = per_course if complete else rng.randrange(per_course)
            if budget < count:
                complete, count = False, budget
            if k > 0 and count == 0:
                break
            withdrawn = not complete and count < 3 and rng.random() < 0.1
            status = "completed" if complete else ("withdrawn" if withdrawn else "active")
            started_at = moment
            for lesson_uid in lessons[:count]:
                completion_id += 1
                moment += timedelta(minutes=rng.randrange(5, 2_000))
                yield (completion_id, user_id, lesson_uid, course_uid, rng.choice(sources), None, min(moment, NOW))
            budget -= count
            progress.completions += count
            enrolment_id += 1
            progress.enrolments.append((enrolment_id, user_id, course_uid, None, status, started_at,
                                        min(moment, NOW) if complete else None, 1,
                                        min(moment, NOW) if count else None))  # fmt: skip
            finished += complete
            if (
                status == "active"
                and 0 < count < per_course
                and person not in directors
                and person % TRAINER_EVERY != 3
                and _plain_member(person, network.sizes)
            ):
                # The measured learner: well into a third course if there is one, else any course in progress.
                typical = k >= 2 and 5 <= count <= per_course - 5
                if progress.learner is None or (typical and not progress.typical_learner):
                    progress.learner = (user_id, k + 1, course_uid, lessons[count])
                    progress.typical_learner = typical
            moment += timedelta(days=rng.randrange(1, 20))
        if finished == len(courses):
            progress.track_completions.append({"id": len(progress.track_completions) + 1, "user_id": user_id,
                                               "track_uid": tree.track_uids[track], "completed_at": min(moment, NOW)})  # fmt: skip


# -- writing ----------------------------------------------------------------------------------------------------------
def _batches(rows: Iterable[Any], size: int = BATCH) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _write(session: Any, table: Table, rows: Iterable[dict[str, Any]]) -> int:
    """executemany in batches of BATCH rows, through the table (Core), in the session's transaction."""
    count = 0
    connection = session.connection()
    for batch in _batches(rows):
        connection.execute(table.insert(), batch)
        count += len(batch)
    return count


def _write_tuples(session: Any, table: Table, columns: Sequence[str], rows: Iterable[tuple[Any, ...]]) -> int:
    """The large tables: COPY on PostgreSQL, executemany in batches elsewhere."""
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        count = 0
        raw = connection.connection.dbapi_connection
        with raw.cursor() as cursor, cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
                count += 1
        return count
    return _write(session, table, (dict(zip(columns, row, strict=True)) for row in rows))


def _reset_sequences(session: Any, tables: Iterable[str]) -> None:
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in tables:
        session.execute(
            text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce((SELECT max(id) FROM {table}), 1))")  # noqa: S608
        )


def populate_courses(app: Any, network: Network, sizes: CourseSizes, *, seed: int = 2027) -> CoursesNetwork:
    """Add the plan and the learning to the database that ``populate`` filled; commits."""
    from courses import models as M
    from sonores_lms.extensions import db

    started = time.perf_counter()
    rng = random.Random(seed)
    plan_id, year = 1, NOW.year
    tree = _tree(sizes, plan_id, year, rng)
    progress = _Progress()
    with app.app_context():
        session = db.session
        for name, model in (("plans", M.Plan), ("axes", M.Axis), ("tracks", M.Track), ("courses", M.Course),
                            ("modules", M.Module), ("lessons", M.Lesson)):  # fmt: skip
            _write(session, model.__table__, tree.rows[name])
        _write(session, M.course_prerequisites, tree.rows["prerequisites"])
        assignments = _write(session, M.Assignment.__table__, _assignments(tree, network, rng))
        targets = _write(session, M.Target.__table__, _targets(tree, sizes, network, plan_id))
        completions = _write_tuples(
            session, M.LessonCompletion.__table__, COMPLETION_COLUMNS, _learning(tree, sizes, network, rng, progress)
        )
        _write_tuples(session, M.Enrolment.__table__, ENROLMENT_COLUMNS, progress.enrolments)
        _write(session, M.TrackCompletion.__table__, progress.track_completions)
        _reset_sequences(
            session,
            ("courses_plans", "courses_axes", "courses_tracks", "courses_courses", "courses_modules",
             "courses_lessons", "courses_assignments", "courses_targets", "courses_enrolments",
             "courses_lesson_completions", "courses_track_completions"),
        )  # fmt: skip
        session.commit()
        if session.get_bind().dialect.name == "postgresql":
            session.execute(text("ANALYZE"))
            session.commit()
        summary_seconds, summary_rows = _rebuild_summary(session, plan_id)
        session.remove()
    if progress.learner is None:
        raise RuntimeError("no learner with a course in progress: the sizes are too small")
    learner_id, learner_enrolments, course_uid, lesson_uid = progress.learner
    return CoursesNetwork(
        sizes=sizes,
        plan_id=plan_id,
        year=year,
        track_id=tree.rows["tracks"][0]["id"],
        translations=tree.translations,
        stale_translations=tree.stale,
        lesson_text_bytes=tree.lesson_text_bytes,
        assignments=assignments,
        targets=targets,
        enrolments=len(progress.enrolments),
        completions=completions,
        track_completions=len(progress.track_completions),
        learner_id=learner_id,
        learner_enrolments=learner_enrolments,
        course_uid=course_uid,
        lesson_uid=lesson_uid,
        seconds=time.perf_counter() - started,
        summary_seconds=summary_seconds,
        summary_rows=summary_rows,
    )


def _rebuild_summary(session: Any, plan_id: int) -> tuple[float, int]:
    """What ``flask courses rebuild-delivered`` does after the data is in: the rows the delivered page reads."""
    from courses import models as M
    from courses.delivered import rebuild_plan

    started = time.perf_counter()
    rebuild_plan(session.get(M.Plan, plan_id))
    session.commit()
    seconds = time.perf_counter() - started
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("ANALYZE courses_delivered_people"))
        session.commit()
    rows = session.scalar(
        select(func.count()).select_from(M.DeliveredPerson).where(M.DeliveredPerson.plan_id == plan_id)
    )
    return seconds, int(rows or 0)
