"""The network's transferable resources: what one institute made, written so that another can repeat it.

A resource has texts in one or more languages (``Translatable``), comes from an institute (its country is copied,
so the search facets need no join), carries a licence, tags, an axis of the training plan and eco-checklist theme
codes, files and links, and for a programme kit the parts a coordinator needs (``kit``, and its ``budget`` lines).
Every change is kept as a :class:`Revision`; each "we reused this" as a :class:`Reuse`. :class:`FacetValue` rows
repeat the facets of every resource in one narrow table, so a results page counts all its facets in one grouped
query.
"""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_babel import pgettext
from sqlalchemy import JSON, Boolean, Date, Enum, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sonores_lms.database import UTCDateTime, utcnow
from sonores_lms.extensions import db
from sonores_lms.institutes.models import Institute
from sonores_lms.multilingual import Translatable
from sonores_lms.people.models import User

SEARCH_INDEX = "knowledge_fts"


def new_uid() -> str:
    return uuid.uuid4().hex


def _enum(cls: type[enum.Enum], name: str) -> Enum:
    return Enum(cls, name=name, values_callable=lambda e: [m.value for m in e])


class Status(enum.StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in-review"
    CHANGES_REQUESTED = "changes-requested"
    PUBLISHED = "published"
    ARCHIVED = "archived"


def status_title(status: Status) -> str:
    """A resource's state in words: "publiée" in French, where a plan is "publié" (hence the context)."""
    titles = {
        Status.DRAFT: pgettext("resource", "Draft"),
        Status.IN_REVIEW: pgettext("resource", "In review"),
        Status.CHANGES_REQUESTED: pgettext("resource", "Changes requested"),
        Status.PUBLISHED: pgettext("resource", "Published"),
        Status.ARCHIVED: pgettext("resource", "Archived"),
    }
    return titles[status]


# Creative Commons licences by their SPDX identifiers, and the network's own.
NETWORK_INTERNAL = "network-internal"
LICENCES: dict[str, Any] = {
    "CC-BY-4.0": "CC BY 4.0",
    "CC-BY-SA-4.0": "CC BY-SA 4.0",
    "CC-BY-NC-4.0": "CC BY-NC 4.0",
    "CC-BY-NC-SA-4.0": "CC BY-NC-SA 4.0",
    "CC-BY-ND-4.0": "CC BY-ND 4.0",
    "CC-BY-NC-ND-4.0": "CC BY-NC-ND 4.0",
    "CC0-1.0": "CC0 1.0",
    NETWORK_INTERNAL: _l("Network internal"),
}

# The parts of a programme kit, in the order a coordinator reads them, after its budget lines (``Resource.budget``,
# see ``knowledge.budget``). Contacts are shown to signed-in staff only.
BUDGET_TITLE = _l("Budget lines")
KIT_PARTS: dict[str, Any] = {
    "rider": _l("Technical rider"),
    "timeline": _l("Timeline"),
    "partners": _l("Partners"),
    "went_well": _l("What went well"),
    "went_badly": _l("What did not go well"),
    "contacts": _l("Contacts"),
}
PRIVATE_KIT_PARTS = frozenset({"contacts"})


class Resource(Translatable, db.Model):
    """A resource of the network. ``uid`` names it in addresses and references (``knowledge:resource:<uid>``)."""

    __tablename__ = "knowledge_resources"
    __table_args__ = (
        Index("ix_knowledge_resources_status_published_at", "status", "published_at"),
        Index("ix_knowledge_resources_featured_published_at", "featured", "published_at"),
        Index("ix_knowledge_resources_created_by_id_status", "created_by_id", "status"),
    )
    TRANSLATED_FIELDS = ("title", "summary", "body")

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), default=new_uid, unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    status: Mapped[Status] = mapped_column(_enum(Status, "knowledge_status"), default=Status.DRAFT)
    featured: Mapped[bool] = mapped_column(Boolean, default=False)
    institute_id: Mapped[int | None] = mapped_column(ForeignKey("core_institutes.id", ondelete="SET NULL"))
    country: Mapped[str | None] = mapped_column(String(2))
    authors: Mapped[str] = mapped_column(String(300), default="")
    licence: Mapped[str] = mapped_column(String(40), default="CC-BY-4.0")
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    axis: Mapped[str | None] = mapped_column(String(60))
    themes: Mapped[list[str]] = mapped_column(JSON, default=list)
    links: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    kit: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    # [{"label", "amount" (a decimal string or None), "currency" (ISO 4217), "note"}]: knowledge.budget
    budget: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("core_users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    review_comment: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(default=1)

    institute: Mapped[Institute | None] = relationship(lazy="joined")
    created_by: Mapped[User | None] = relationship()
    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="resource", cascade="all, delete-orphan", order_by="Attachment.id"
    )
    reuses: Mapped[list[Reuse]] = relationship(
        back_populates="resource", cascade="all, delete-orphan", order_by="Reuse.reused_on"
    )

    __mapper_args__ = {"version_id_col": version}

    @property
    def languages(self) -> list[str]:
        return [lang for lang in ("fr", "es", "pt", "en") if (self.texts or {}).get(lang)]

    @property
    def reference(self) -> str:
        return f"knowledge:resource:{self.uid}"


class Attachment(db.Model):
    """A file of a resource, checked by content and stored by its SHA-256 (``knowledge/files.py``)."""

    __tablename__ = "knowledge_attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), default=new_uid, unique=True)
    resource_id: Mapped[int] = mapped_column(ForeignKey("knowledge_resources.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int]
    width: Mapped[int | None]
    height: Mapped[int | None]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("core_users.id", ondelete="SET NULL"))

    resource: Mapped[Resource] = relationship(back_populates="attachments")


class Revision(db.Model):
    """One change of a resource: who, when, what (``action``), and the resource as it was after it (``snapshot``)."""

    __tablename__ = "knowledge_revisions"
    __table_args__ = (UniqueConstraint("resource_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    resource_id: Mapped[int] = mapped_column(ForeignKey("knowledge_resources.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(40))
    comment: Mapped[str] = mapped_column(Text, default="")
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("core_users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    author: Mapped[User | None] = relationship()


class Reuse(db.Model):
    """An institute that repeated a resource: when, what it changed, how many people came."""

    __tablename__ = "knowledge_reuses"

    id: Mapped[int] = mapped_column(primary_key=True)
    resource_id: Mapped[int] = mapped_column(ForeignKey("knowledge_resources.id", ondelete="CASCADE"), index=True)
    institute_id: Mapped[int | None] = mapped_column(ForeignKey("core_institutes.id", ondelete="SET NULL"))
    country: Mapped[str | None] = mapped_column(String(2))
    reused_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    attendance: Mapped[int | None]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("core_users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    resource: Mapped[Resource] = relationship(back_populates="reuses")
    institute: Mapped[Institute | None] = relationship(lazy="joined")


class Curator(db.Model):
    """A person an administrator named curator (administrators curate through their role)."""

    __tablename__ = "knowledge_curators"

    user_id: Mapped[int] = mapped_column(ForeignKey("core_users.id", ondelete="CASCADE"), primary_key=True)
    named_by_id: Mapped[int | None] = mapped_column(ForeignKey("core_users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user: Mapped[User] = relationship(foreign_keys=[user_id], lazy="joined")


class FacetValue(db.Model):
    """One facet value of a published resource (``kind``/``document``, ``theme``/``ENV-DIG``, ``language``/``es``):
    the search page filters and counts every facet through this one table. Only published resources have rows."""

    __tablename__ = "knowledge_facets"
    # Covers the search page's facet counts (resource ids in, facet and value out) without reading the table.
    __table_args__ = (Index("ix_knowledge_facets_resource_facet_value", "resource_id", "facet", "value"),)

    facet: Mapped[str] = mapped_column(String(20), primary_key=True)
    value: Mapped[str] = mapped_column(String(60), primary_key=True)
    resource_id: Mapped[int] = mapped_column(ForeignKey("knowledge_resources.id", ondelete="CASCADE"), primary_key=True)


class FacetCount(db.Model):
    """How many published resources carry each facet value: the search page's facets before any search or filter,
    read in one small query instead of counting the whole facet table. Kept by ``knowledge.indexing``."""

    __tablename__ = "knowledge_facet_counts"

    facet: Mapped[str] = mapped_column(String(20), primary_key=True)
    value: Mapped[str] = mapped_column(String(60), primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)
