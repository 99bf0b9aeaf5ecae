"""The annual training plan and what learners do with it.

A plan (one per year and revision) holds axes, an axis tracks, a track courses in order, a course modules, a module
lessons. Publishing freezes what learners see; editing a published plan works on a new draft revision, a copy of the
tree whose rows keep the same ``uid``, so enrolments and progress (keyed by ``uid``) carry over when the revision is
published.
"""

from __future__ import annotations

import enum
import uuid
from datetime import datetime
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Enum,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sonores_lms.database import UTCDateTime, utcnow
from sonores_lms.extensions import db
from sonores_lms.multilingual import Translatable
from sonores_lms.permissions import Role


def new_uid() -> str:
    return uuid.uuid4().hex


def _enum(cls: type[enum.Enum], name: str) -> Enum:
    return Enum(cls, name=name, values_callable=lambda e: [m.value for m in e])


class PlanStatus(enum.StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    ARCHIVED = "archived"


PLAN_STATUS_TITLES = {
    PlanStatus.DRAFT: _l("Draft"),
    PlanStatus.PUBLISHED: _l("Published"),
    PlanStatus.ARCHIVED: _l("Archived"),
}


class Level(enum.StrEnum):
    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"


LEVEL_TITLES = {
    Level.BEGINNER: _l("Beginner"),
    Level.INTERMEDIATE: _l("Intermediate"),
    Level.ADVANCED: _l("Advanced"),
}


class EnrolmentStatus(enum.StrEnum):
    ACTIVE = "active"
    COMPLETED = "completed"
    WITHDRAWN = "withdrawn"


class CompletionSource(enum.StrEnum):
    MANUAL = "manual"  # the learner marked it done
    READ = "read"  # read to the end
    QUIZ = "quiz"  # passed
    ATTENDED = "attended"  # live session
    OFFLINE = "offline"  # marked in the offline pack, recorded when back online


class Plan(Translatable, db.Model):
    __tablename__ = "courses_plans"
    __table_args__ = (
        UniqueConstraint("year", "revision"),
        # One published revision per year, and one draft being prepared.
        Index(
            "uq_courses_plans_published_year",
            "year",
            unique=True,
            sqlite_where=text("status = 'published'"),
            postgresql_where=text("status = 'published'"),
        ),
        Index(
            "uq_courses_plans_draft_year",
            "year",
            unique=True,
            sqlite_where=text("status = 'draft'"),
            postgresql_where=text("status = 'draft'"),
        ),
    )
    TRANSLATED_FIELDS = ("title", "description")

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[PlanStatus] = mapped_column(_enum(PlanStatus, "courses_plan_status"), default=PlanStatus.DRAFT)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(default=1)

    axes: Mapped[list[Axis]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="Axis.position"
    )
    targets: Mapped[list[Target]] = relationship(back_populates="plan", cascade="all, delete-orphan")

    __mapper_args__ = {"version_id_col": version}


class Axis(Translatable, db.Model):
    __tablename__ = "courses_axes"
    TRANSLATED_FIELDS = ("title", "description")

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), default=new_uid, index=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("courses_plans.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(60))  # stable slug: communication, project-management, ...
    position: Mapped[int] = mapped_column(default=0)

    plan: Mapped[Plan] = relationship(back_populates="axes")
    tracks: Mapped[list[Track]] = relationship(
        back_populates="axis", cascade="all, delete-orphan", order_by="Track.position"
    )


class Track(Translatable, db.Model):
    __tablename__ = "courses_tracks"
    TRANSLATED_FIELDS = ("title", "summary")

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), default=new_uid, index=True)
    axis_id: Mapped[int] = mapped_column(ForeignKey("courses_axes.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    enforce_order: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(default=1)

    axis: Mapped[Axis] = relationship(back_populates="tracks")
    courses: Mapped[list[Course]] = relationship(
        back_populates="track", cascade="all, delete-orphan", order_by="Course.position"
    )

    __mapper_args__ = {"version_id_col": version}


course_prerequisites = db.Table(
    "courses_prerequisites",
    db.Column("course_id", ForeignKey("courses_courses.id", ondelete="CASCADE"), primary_key=True),
    db.Column("required_id", ForeignKey("courses_courses.id", ondelete="CASCADE"), primary_key=True),
    CheckConstraint("course_id <> required_id", name="not_itself"),
)


class Course(Translatable, db.Model):
    __tablename__ = "courses_courses"
    __table_args__ = (
        CheckConstraint("min_quiz_score IS NULL OR (min_quiz_score BETWEEN 0 AND 100)", name="score_range"),
    )
    TRANSLATED_FIELDS = ("title", "summary", "objectives")

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), default=new_uid, index=True)
    track_id: Mapped[int] = mapped_column(ForeignKey("courses_tracks.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    level: Mapped[Level] = mapped_column(_enum(Level, "courses_level"), default=Level.BEGINNER)
    audience: Mapped[list[str]] = mapped_column(JSON, default=list)  # Role values; empty means everyone
    min_quiz_score: Mapped[int | None]  # percent needed on the lessons of kinds that score (quizzes), if any
    # Codes of the audit themes (or items) this course teaches, such as ENV-MOB: pages that find a gap in a theme
    # ask the core's content-by-topic collector, which courses.topics answers with these.
    theme_codes: Mapped[list[str]] = mapped_column(JSON, default=list)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    track: Mapped[Track] = relationship(back_populates="courses")
    modules: Mapped[list[Module]] = relationship(
        back_populates="course", cascade="all, delete-orphan", order_by="Module.position"
    )
    prerequisites: Mapped[list[Course]] = relationship(
        secondary=course_prerequisites,
        primaryjoin=lambda: Course.id == course_prerequisites.c.course_id,
        secondaryjoin=lambda: Course.id == course_prerequisites.c.required_id,
    )

    __mapper_args__ = {"version_id_col": version}

    @property
    def audience_roles(self) -> set[Role]:
        return {Role(value) for value in self.audience or ()}


class Module(Translatable, db.Model):
    __tablename__ = "courses_modules"
    TRANSLATED_FIELDS = ("title", "summary")

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), default=new_uid, index=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses_courses.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    version: Mapped[int] = mapped_column(default=1)

    course: Mapped[Course] = relationship(back_populates="modules")
    lessons: Mapped[list[Lesson]] = relationship(
        back_populates="module", cascade="all, delete-orphan", order_by="Lesson.position"
    )

    __mapper_args__ = {"version_id_col": version}


class Lesson(Translatable, db.Model):
    """``kind`` names an entry of the lesson-kind registry; ``data`` holds what that kind needs (a URL, a file)."""

    __tablename__ = "courses_lessons"
    __table_args__ = (CheckConstraint("duration_minutes >= 0", name="duration_positive"),)
    TRANSLATED_FIELDS = ("title", "body", "transcript")

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), default=new_uid, index=True)
    module_id: Mapped[int] = mapped_column(ForeignKey("courses_modules.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    kind: Mapped[str] = mapped_column(String(40), default="text")
    duration_minutes: Mapped[int] = mapped_column(default=10)
    required: Mapped[bool] = mapped_column(Boolean, default=True)
    release_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("core_users.id", ondelete="SET NULL"))
    version: Mapped[int] = mapped_column(default=1)

    module: Mapped[Module] = relationship(back_populates="lessons")

    __mapper_args__ = {"version_id_col": version}


class Assignment(db.Model):
    """A trainer assigned to author a track (all its courses) or one course."""

    __tablename__ = "courses_assignments"
    __table_args__ = (
        CheckConstraint("(track_uid IS NULL) <> (course_uid IS NULL)", name="one_target"),
        UniqueConstraint("user_id", "track_uid", "course_uid"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("core_users.id", ondelete="CASCADE"), index=True)
    # uids, not ids: an assignment follows the track or course into every revision of the plan.
    track_uid: Mapped[str | None] = mapped_column(String(32), index=True)
    course_uid: Mapped[str | None] = mapped_column(String(32), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class StoredFile(db.Model):
    """An uploaded file, checked by content; stored under instance/uploads by its SHA-256.

    Lessons and addresses name a file by ``uid``, a random value that cannot be guessed from another file's, so
    that nobody finds a draft's attachment by counting; the integer ``id`` stays inside the database."""

    __tablename__ = "courses_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), default=new_uid, unique=True, index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int]
    width: Mapped[int | None]
    height: Mapped[int | None]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("core_users.id", ondelete="SET NULL"))


class Target(db.Model):
    """How many people of a role (in one institute, or everywhere) the plan expects to complete a track."""

    __tablename__ = "courses_targets"
    __table_args__ = (UniqueConstraint("plan_id", "track_uid", "role", "institute_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("courses_plans.id", ondelete="CASCADE"), index=True)
    track_uid: Mapped[str] = mapped_column(String(32))
    role: Mapped[Role] = mapped_column(_enum(Role, "courses_target_role"))
    institute_id: Mapped[int | None] = mapped_column(ForeignKey("core_institutes.id", ondelete="CASCADE"))

    plan: Mapped[Plan] = relationship(back_populates="targets")


class Enrolment(db.Model):
    """A person following a course. ``session_id`` stays empty for self-paced learning (sessions come later)."""

    __tablename__ = "courses_enrolments"
    __table_args__ = (
        UniqueConstraint("user_id", "course_uid"),
        # Every column the progress reports read: they are answered from the index alone.
        Index("ix_courses_enrolments_report", "course_uid", "status", "user_id", "last_activity_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("core_users.id", ondelete="CASCADE"), index=True)
    course_uid: Mapped[str] = mapped_column(String(32))
    session_id: Mapped[int | None]
    status: Mapped[EnrolmentStatus] = mapped_column(
        _enum(EnrolmentStatus, "courses_enrolment_status"), default=EnrolmentStatus.ACTIVE
    )
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The latest lesson completion in this course, kept here so reports need not scan every completion.
    last_activity_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}


class LessonCompletion(db.Model):
    __tablename__ = "courses_lesson_completions"
    __table_args__ = (
        UniqueConstraint("user_id", "lesson_uid"),
        Index("ix_courses_lesson_completions_user_course", "user_id", "course_uid"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("core_users.id", ondelete="CASCADE"))
    lesson_uid: Mapped[str] = mapped_column(String(32))
    course_uid: Mapped[str] = mapped_column(String(32))
    source: Mapped[CompletionSource] = mapped_column(
        _enum(CompletionSource, "courses_completion_source"), default=CompletionSource.MANUAL
    )
    score: Mapped[int | None]  # percent, for lessons of kinds that score (quizzes)
    completed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class TrackCompletion(db.Model):
    """Recorded once, so ``courses.track-completed`` fires once per person and track."""

    __tablename__ = "courses_track_completions"
    __table_args__ = (UniqueConstraint("user_id", "track_uid"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("core_users.id", ondelete="CASCADE"), index=True)
    track_uid: Mapped[str] = mapped_column(String(32))
    completed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


_PERSON_FLAGS = ("user_id", "enrolled", "active", "done")


class DeliveredPerson(db.Model):
    """One (person, track) pair a plan's targets ask for, with what the person did there.

    A summary kept by ``courses.delivered`` so that the planned-vs-delivered page aggregates narrow rows instead of
    working out every pair from people, roles, enrolments and completions at each view. ``institute_id`` and
    ``country`` are the person's at the time the row was computed.
    """

    __tablename__ = "courses_delivered_people"
    # One index per grouping of the page, each holding the person and the three flags: the figures are read from
    # the index alone, already in (group, person) order, with no row visits and no sort.
    __table_args__ = (
        Index("ix_courses_delivered_people_plan_axis", "plan_id", "axis_id", *_PERSON_FLAGS),
        Index("ix_courses_delivered_people_plan_institute", "plan_id", "institute_id", *_PERSON_FLAGS),
        Index("ix_courses_delivered_people_plan_country", "plan_id", "country", *_PERSON_FLAGS),
        Index("ix_courses_delivered_people_plan_user", "plan_id", *_PERSON_FLAGS),
    )

    plan_id: Mapped[int] = mapped_column(ForeignKey("courses_plans.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("core_users.id", ondelete="CASCADE"), primary_key=True)
    track_uid: Mapped[str] = mapped_column(String(32), primary_key=True)
    axis_id: Mapped[int] = mapped_column(ForeignKey("courses_axes.id", ondelete="CASCADE"))
    institute_id: Mapped[int | None] = mapped_column(ForeignKey("core_institutes.id", ondelete="SET NULL"))
    country: Mapped[str | None] = mapped_column(String(2))
    enrolled: Mapped[bool] = mapped_column(Boolean)  # an active or completed enrolment in a course of the track
    active: Mapped[bool] = mapped_column(Boolean)  # an active enrolment there
    done: Mapped[bool] = mapped_column(Boolean)  # the track is completed


class DeliveredState(db.Model):
    """When a plan's summary rows were last rebuilt in full; no row means they never were."""

    __tablename__ = "courses_delivered_states"

    plan_id: Mapped[int] = mapped_column(ForeignKey("courses_plans.id", ondelete="CASCADE"), primary_key=True)
    rebuilt_at: Mapped[datetime] = mapped_column(UTCDateTime)
