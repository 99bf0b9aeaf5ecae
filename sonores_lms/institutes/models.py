"""Institutes of the network: Alliances Françaises and Instituts français."""

from __future__ import annotations

import enum
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import JSON, Boolean, CheckConstraint, Enum, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..database import UTCDateTime, utcnow
from ..extensions import db


class InstituteKind(enum.StrEnum):
    ALLIANCE = "alliance"
    INSTITUT = "institut"

    @property
    def title(self) -> str:
        return str(INSTITUTE_KIND_TITLES[self])


INSTITUTE_KIND_TITLES = {
    InstituteKind.ALLIANCE: _l("Alliance française"),
    InstituteKind.INSTITUT: _l("Institut français"),
}


class Institute(db.Model):
    __tablename__ = "core_institutes"
    __table_args__ = (
        UniqueConstraint("name", "country"),
        CheckConstraint("length(country) = 2", name="country_code"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[InstituteKind] = mapped_column(
        Enum(InstituteKind, name="core_institute_kind", values_callable=lambda e: [m.value for m in e])
    )
    name: Mapped[str] = mapped_column(String(200))
    country: Mapped[str] = mapped_column(String(2))  # ISO 3166-1 alpha-2
    city: Mapped[str] = mapped_column(String(120))
    timezone: Mapped[str] = mapped_column(String(64))  # IANA name
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}

    def __repr__(self) -> str:
        return f"<Institute {self.id} {self.name!r}>"
