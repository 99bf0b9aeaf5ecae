"""Eco-responsibility audits: versioned checklist templates, campaigns, audits, answers, evidence and actions.

A template (``code`` + ``version``) holds pillars, a pillar themes, a theme items. Publishing freezes a version;
editing works on the next one, and an audit keeps the version its campaign named. Items keep a stable ``code``
across versions; a material rewording gets a new code whose ``replaces`` names the old one, so yearly trends only
join compatible items.

An answer keeps what the institute said (``value``) and what the auditor concluded (``reviewed``) side by side;
every change of either is a row of :class:`AnswerChange`. Scores are computed when an audit changes and kept in
:class:`Score` rows, so results and network pages read them instead of recomputing.
"""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    Enum,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sonores_lms.database import UTCDateTime, utcnow
from sonores_lms.extensions import db
from sonores_lms.multilingual import Translatable


def new_uid() -> str:
    return uuid.uuid4().hex


def _enum(cls: type[enum.Enum], name: str) -> Enum:
    return Enum(cls, name=name, values_callable=lambda e: [m.value for m in e])


class TemplateStatus(enum.StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"


class AnswerType(enum.StrEnum):
    YPN = "ypn"  # yes / partly / no / not applicable
    NUMBER = "number"  # a number with its unit
    PERCENT = "percent"  # numerator and denominator
    CHOICE = "choice"  # one option, each with its value
    MULTI = "multi"  # several options, values added up to 1
    TEXT = "text"  # free text, unscored
    FILE = "file"  # a file as evidence


ANSWER_TYPE_TITLES = {
    AnswerType.YPN: _l("Yes / partly / no / not applicable"),
    AnswerType.NUMBER: _l("A number"),
    AnswerType.PERCENT: _l("A percentage"),
    AnswerType.CHOICE: _l("One choice"),
    AnswerType.MULTI: _l("Several choices"),
    AnswerType.TEXT: _l("Free text"),
    AnswerType.FILE: _l("A file"),
}


def is_emission_unit(unit: str | None) -> bool:
    """ "t CO2e", "kg CO2e/event", "g CO₂": figures computed with an emission factor."""
    return "CO2" in (unit or "").upper().replace("\u2082", "2")


class AuditState(enum.StrEnum):
    NOT_STARTED = "not-started"
    IN_PROGRESS = "in-progress"
    SUBMITTED = "submitted"
    IN_REVIEW = "in-review"
    RETURNED = "returned"
    VALIDATED = "validated"
    CLOSED = "closed"


class ActionStatus(enum.StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in-progress"
    DONE = "done"
    DROPPED = "dropped"


ACTION_STATUS_TITLES = {
    ActionStatus.PLANNED: _l("Planned"),
    ActionStatus.IN_PROGRESS: _l("In progress"),
    ActionStatus.DONE: _l("Done"),
    ActionStatus.DROPPED: _l("Dropped"),
}


class CostBand(enum.StrEnum):
    """What an action costs, in bands wide enough for a director to answer without a quote (US dollars)."""

    NONE = "none"
    UNDER_500 = "under-500"
    FROM_500 = "500-5000"
    OVER_5000 = "over-5000"


COST_BAND_TITLES = {
    CostBand.NONE: _l("No cost"),
    CostBand.UNDER_500: _l("Under 500 USD"),
    CostBand.FROM_500: _l("500 to 5,000 USD"),
    CostBand.OVER_5000: _l("Over 5,000 USD"),
}


class Template(Translatable, db.Model):
    """One version of a questionnaire; ``status`` published means frozen."""

    __tablename__ = "checklists_templates"
    __table_args__ = (UniqueConstraint("code", "version_number"),)
    TRANSLATED_FIELDS = ("title", "description")

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40))
    version_number: Mapped[int] = mapped_column(Integer, default=1)
    year: Mapped[int] = mapped_column(Integer)
    status: Mapped[TemplateStatus] = mapped_column(
        _enum(TemplateStatus, "checklists_template_status"), default=TemplateStatus.DRAFT
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    pillars: Mapped[list[Pillar]] = relationship(
        back_populates="template", cascade="all, delete-orphan", order_by="Pillar.position"
    )

    @property
    def is_frozen(self) -> bool:
        return self.status == TemplateStatus.PUBLISHED


class Pillar(Translatable, db.Model):
    __tablename__ = "checklists_pillars"
    __table_args__ = (UniqueConstraint("template_id", "code"),)
    TRANSLATED_FIELDS = ("title",)

    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(ForeignKey("checklists_templates.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(Integer, default=0)

    template: Mapped[Template] = relationship(back_populates="pillars")
    themes: Mapped[list[Theme]] = relationship(
        back_populates="pillar", cascade="all, delete-orphan", order_by="Theme.position"
    )


class Theme(Translatable, db.Model):
    __tablename__ = "checklists_themes"
    __table_args__ = (UniqueConstraint("pillar_id", "code"),)
    TRANSLATED_FIELDS = ("title",)

    id: Mapped[int] = mapped_column(primary_key=True)
    pillar_id: Mapped[int] = mapped_column(ForeignKey("checklists_pillars.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(Integer, default=0)

    pillar: Mapped[Pillar] = relationship(back_populates="themes")
    items: Mapped[list[Item]] = relationship(
        back_populates="theme", cascade="all, delete-orphan", order_by="Item.position"
    )


class Item(Translatable, db.Model):
    """A question. ``options`` lists ``{"key", "score", "texts": {lang: label}}`` for choices; ``rules`` holds the
    scoring rules the type needs (``thresholds`` for a number, ``direction``/``step``/``target`` for a KPI,
    ``min``/``max`` for a number's range, ``context`` for a KPI that only counts as measured)."""

    __tablename__ = "checklists_items"
    __table_args__ = (
        UniqueConstraint("template_id", "code"),
        CheckConstraint("weight BETWEEN 1 AND 3", name="weight_range"),
    )
    TRANSLATED_FIELDS = ("question", "help")
    TEXT_LIMITS = {"question": 1000}

    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(ForeignKey("checklists_templates.id", ondelete="CASCADE"), index=True)
    theme_id: Mapped[int] = mapped_column(ForeignKey("checklists_themes.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(Integer, default=0)
    answer_type: Mapped[AnswerType] = mapped_column(_enum(AnswerType, "checklists_answer_type"))
    unit: Mapped[str | None] = mapped_column(String(40))
    evidence_required: Mapped[bool] = mapped_column(Boolean, default=False)
    weight: Mapped[int] = mapped_column(Integer, default=1)
    kpi: Mapped[bool] = mapped_column(Boolean, default=False)
    options: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    rules: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    replaces: Mapped[str | None] = mapped_column(String(20))

    theme: Mapped[Theme] = relationship(back_populates="items")
    template: Mapped[Template] = relationship()

    @property
    def takes_emission_factor(self) -> bool:
        """A number whose unit is an emission (kg or t CO2e...): its answer says which emission factor it used."""
        return self.answer_type == AnswerType.NUMBER and is_emission_unit(self.unit)


class Campaign(Translatable, db.Model):
    """A yearly round of audits on one template version."""

    __tablename__ = "checklists_campaigns"
    TRANSLATED_FIELDS = ("title",)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    template_id: Mapped[int] = mapped_column(ForeignKey("checklists_templates.id", ondelete="RESTRICT"), index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    self_deadline: Mapped[date] = mapped_column(Date)
    review_deadline: Mapped[date] = mapped_column(Date)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("core_users.id", ondelete="SET NULL"))

    template: Mapped[Template] = relationship(lazy="joined")


class Audit(db.Model):
    """One institute's audit in one campaign. ``uid`` is what URLs carry: audits hold an institute's own data."""

    __tablename__ = "checklists_audits"
    __table_args__ = (UniqueConstraint("campaign_id", "institute_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("checklists_campaigns.id", ondelete="CASCADE"), index=True)
    institute_id: Mapped[int] = mapped_column(ForeignKey("core_institutes.id", ondelete="CASCADE"), index=True)
    state: Mapped[AuditState] = mapped_column(
        _enum(AuditState, "checklists_audit_state"), default=AuditState.NOT_STARTED, index=True
    )
    questions: Mapped[str | None] = mapped_column(Text)  # the auditor's questions when returned
    response: Mapped[str | None] = mapped_column(Text)  # the institute's answer to them, sent with the resubmission
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    validated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Precomputed overall scores (percent, None when not assessed) and maturity level codes.
    self_percent: Mapped[float | None] = mapped_column(Float)
    reviewed_percent: Mapped[float | None] = mapped_column(Float)
    level: Mapped[str | None] = mapped_column(String(20))
    version: Mapped[int] = mapped_column(default=1)

    campaign: Mapped[Campaign] = relationship(lazy="joined")
    institute: Mapped[Any] = relationship("Institute", lazy="joined")
    auditors: Mapped[list[AuditorAssignment]] = relationship(
        back_populates="audit", cascade="all, delete-orphan", lazy="selectin"
    )

    __mapper_args__ = {"version_id_col": version}


class AuditorAssignment(db.Model):
    __tablename__ = "checklists_auditor_assignments"
    __table_args__ = (UniqueConstraint("audit_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("checklists_audits.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("core_users.id", ondelete="CASCADE"), index=True)

    audit: Mapped[Audit] = relationship(back_populates="auditors")
    user: Mapped[Any] = relationship("User")  # loaded where names are shown (the campaign page)


class Referent(db.Model):
    """A member of an institute's staff that its director named to fill the audit beside them."""

    __tablename__ = "checklists_referents"
    __table_args__ = (UniqueConstraint("institute_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    institute_id: Mapped[int] = mapped_column(ForeignKey("core_institutes.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("core_users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user: Mapped[Any] = relationship("User", lazy="joined")


class Answer(db.Model):
    """``value`` is the institute's answer, ``reviewed`` the auditor's (None until reviewed); both are dicts whose
    keys depend on the item's type: ``choice``, ``number``, ``numerator``/``denominator``, ``choices``, ``text``."""

    __tablename__ = "checklists_answers"
    __table_args__ = (UniqueConstraint("audit_id", "item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("checklists_audits.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("checklists_items.id", ondelete="CASCADE"), index=True)
    value: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    comment: Mapped[str | None] = mapped_column(Text)
    from_last_year: Mapped[bool] = mapped_column(Boolean, default=False)  # pre-filled, waiting to be confirmed
    reviewed: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    review_comment: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("core_users.id", ondelete="SET NULL"))
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("core_users.id", ondelete="SET NULL"))
    version: Mapped[int] = mapped_column(default=1)

    item: Mapped[Item] = relationship(lazy="joined")
    updated_by: Mapped[Any] = relationship("User", foreign_keys=[updated_by_id])
    evidence: Mapped[list[Evidence]] = relationship(
        back_populates="answer", cascade="all, delete-orphan", order_by="Evidence.id"
    )
    changes: Mapped[list[AnswerChange]] = relationship(
        back_populates="answer", cascade="all, delete-orphan", order_by="AnswerChange.id"
    )

    __mapper_args__ = {"version_id_col": version}


class AnswerChange(db.Model):
    """Who changed an answer, when, from what to what; ``side`` is ``self`` (the institute) or ``review``."""

    __tablename__ = "checklists_answer_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("checklists_answers.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("core_users.id", ondelete="SET NULL"))
    side: Mapped[str] = mapped_column(String(10))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    comment: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    answer: Mapped[Answer] = relationship(back_populates="changes")
    user: Mapped[Any] = relationship("User", lazy="joined")


class StoredFile:
    """The columns of an evidence file, whether of an answer or of an action: both are stored by their SHA-256 by
    ``checklists.evidence`` and served by their unguessable ``uid`` under the same checks."""

    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(120))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("core_users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Evidence(StoredFile, db.Model):
    """A file attached to an answer, stored by its SHA-256 and served by its unguessable ``uid``."""

    __tablename__ = "checklists_evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("checklists_answers.id", ondelete="CASCADE"), index=True)

    answer: Mapped[Answer] = relationship(back_populates="evidence")


class Action(db.Model):
    """A step of an institute's action plan, made from one or more gaps of an audit."""

    __tablename__ = "checklists_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    audit_id: Mapped[int] = mapped_column(ForeignKey("checklists_audits.id", ondelete="CASCADE"), index=True)
    item_codes: Mapped[list[str]] = mapped_column(JSON, default=list)
    title: Mapped[str] = mapped_column(String(300))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("core_users.id", ondelete="SET NULL"))
    due_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[ActionStatus] = mapped_column(
        _enum(ActionStatus, "checklists_action_status"), default=ActionStatus.PLANNED
    )
    priority: Mapped[float] = mapped_column(Float, default=0)
    cost_band: Mapped[CostBand | None] = mapped_column(_enum(CostBand, "checklists_cost_band"))
    expected_effect: Mapped[str | None] = mapped_column(String(300))  # the KPI and target it should move
    completion_note: Mapped[str | None] = mapped_column(Text)  # how it was done; required when done without a file
    drop_reason: Mapped[str | None] = mapped_column(Text)
    # The auditor's agreement: set on the actions of the plan they agreed with; an action added later waits for it.
    agreed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    agreed_by_id: Mapped[int | None] = mapped_column(ForeignKey("core_users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    owner: Mapped[Any] = relationship("User", lazy="joined", foreign_keys=[owner_id])
    agreed_by: Mapped[Any] = relationship("User", lazy="joined", foreign_keys=[agreed_by_id])
    evidence: Mapped[list[ActionEvidence]] = relationship(
        back_populates="action", cascade="all, delete-orphan", order_by="ActionEvidence.id", lazy="selectin"
    )

    __mapper_args__ = {"version_id_col": version}


class ActionEvidence(StoredFile, db.Model):
    """Evidence that an action was done: stored like an answer's files (by SHA-256), served by its ``uid``."""

    __tablename__ = "checklists_action_evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("checklists_actions.id", ondelete="CASCADE"), index=True)

    action: Mapped[Action] = relationship(back_populates="evidence")


class Score(db.Model):
    """A precomputed percentage: ``scope`` is ``theme`` or ``pillar``, ``basis`` ``self`` or ``reviewed``."""

    __tablename__ = "checklists_scores"
    __table_args__ = (UniqueConstraint("audit_id", "scope", "code", "basis"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("checklists_audits.id", ondelete="CASCADE"), index=True)
    scope: Mapped[str] = mapped_column(String(10))
    code: Mapped[str] = mapped_column(String(20), index=True)
    basis: Mapped[str] = mapped_column(String(10))
    percent: Mapped[float | None] = mapped_column(Float)
    level: Mapped[str | None] = mapped_column(String(20))


class Profile(db.Model):
    """What the network view groups institutes by, and whether they agreed to be named in it."""

    __tablename__ = "checklists_profiles"

    institute_id: Mapped[int] = mapped_column(ForeignKey("core_institutes.id", ondelete="CASCADE"), primary_key=True)
    staff_band: Mapped[str] = mapped_column(String(10), default="small")  # small (<10), medium (10-30), large
    owns_building: Mapped[bool] = mapped_column(Boolean, default=False)
    has_hall: Mapped[bool] = mapped_column(Boolean, default=False)  # a hall of its own for shows and screenings
    named: Mapped[bool] = mapped_column(Boolean, default=False)


class MailSent(db.Model):
    """One row per mail the jobs sent (``key`` = kind, audit and person): a retried job sends nothing twice."""

    __tablename__ = "checklists_mails_sent"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(120), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
