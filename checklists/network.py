"""The network view: how institutes compare, without shaming anyone.

Per pillar (or per theme of one pillar), the median and quartiles of reviewed scores by country and by peer group
(staff size band, owns or rents its building, has a hall or not); a group of fewer than :data:`MIN_GROUP` institutes shows no figure,
so a small one is never exposed. Named results only for institutes that opted in. The statistics are computed in
Python from stored scores read in one query: no scoring happens here.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from sonores_lms.extensions import db
from sonores_lms.institutes.models import Institute

from .models import Audit, AuditState, Campaign, Profile, Score

MIN_GROUP = 5
DONE = (AuditState.VALIDATED, AuditState.CLOSED)
WEAK = 50.0


@dataclass(frozen=True)
class Spread:
    """Quartiles of a group's scores, or only its size when it is too small to show."""

    count: int
    q1: float | None = None
    median: float | None = None
    q3: float | None = None

    @property
    def hidden(self) -> bool:
        return self.median is None


def spread(values: Sequence[float], minimum: int = MIN_GROUP) -> Spread:
    """Median and quartiles (inclusive method) of ``values``; hidden below ``minimum`` values."""
    if len(values) < minimum:
        return Spread(len(values))
    q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return Spread(len(values), q1, median, q3)


@dataclass
class NetworkView:
    year: int | None
    codes: list[str]  # pillar codes, or theme codes of one pillar
    overall: dict[str, Spread]
    by_country: dict[str, dict[str, Spread]]
    by_peer: dict[str, dict[str, Spread]]
    named: list[tuple[str, str, dict[str, float | None]]]  # (institute, country, scores by code)
    needs: dict[str, int]  # themes: institutes under 50 %


def years() -> list[int]:
    return list(
        db.session.scalars(
            select(Campaign.year)
            .join(Audit, Audit.campaign_id == Campaign.id)
            .where(Audit.state.in_(DONE))
            .distinct()
            .order_by(Campaign.year.desc())
        )
    )


def peer_key(staff_band: str | None, owns: bool | None, hall: bool | None = False) -> str:
    """The reference's peer group: staff size band; owns or rents; has a hall. No profile reads as a small
    institute renting, without a hall."""
    return f"{staff_band or 'small'}-{'owns' if owns else 'rents'}-{'hall' if hall else 'no-hall'}"


def network_view(year: int | None, pillar: str | None = None) -> NetworkView:
    """The figures of ``year`` (the latest with validated audits when None) for the pillars, or for the themes of
    ``pillar``; two queries whatever the number of institutes."""
    if year is None:
        found = years()
        year = found[0] if found else None
    if year is None:
        return NetworkView(None, [], {}, {}, {}, [], {})
    scope = "theme" if pillar else "pillar"
    query = (
        select(
            Score.code,
            Score.percent,
            Audit.institute_id,
            Institute.name,
            Institute.country,
            Profile.staff_band,
            Profile.owns_building,
            Profile.has_hall,
            Profile.named,
        )
        .join(Audit, Audit.id == Score.audit_id)
        .join(Campaign, Campaign.id == Audit.campaign_id)
        .join(Institute, Institute.id == Audit.institute_id)
        .outerjoin(Profile, Profile.institute_id == Audit.institute_id)
        .where(
            Campaign.year == year,
            Audit.state.in_(DONE),
            Score.scope == scope,
            Score.basis == "reviewed",
        )
    )
    if pillar:
        query = query.where(Score.code.like(f"{pillar}-%"))
    rows = db.session.execute(query).all()
    return aggregate(year, rows)


def aggregate(year: int, rows: Iterable[Any]) -> NetworkView:
    """Group ``rows`` (code, percent, institute id, name, country, staff band, owns, has a hall, named) into the
    view."""
    overall: dict[str, list[float]] = {}
    countries: dict[str, dict[str, list[float]]] = {}
    peers: dict[str, dict[str, list[float]]] = {}
    named: dict[int, tuple[str, str, dict[str, float | None]]] = {}
    needs: dict[str, int] = {}
    for code, percent, institute_id, name, country, band, owns, hall, is_named in rows:
        if is_named:
            named.setdefault(institute_id, (name, country, {}))[2][code] = percent
        if percent is None:
            continue
        overall.setdefault(code, []).append(percent)
        countries.setdefault(country, {}).setdefault(code, []).append(percent)
        peers.setdefault(peer_key(band, owns, hall), {}).setdefault(code, []).append(percent)
        if percent < WEAK:
            needs[code] = needs.get(code, 0) + 1
    codes = sorted(overall)
    return NetworkView(
        year=year,
        codes=codes,
        overall={code: spread(values) for code, values in overall.items()},
        by_country={c: {code: spread(v) for code, v in by.items()} for c, by in sorted(countries.items())},
        by_peer={p: {code: spread(v) for code, v in by.items()} for p, by in sorted(peers.items())},
        named=sorted(named.values()),
        needs=needs,
    )


def table(
    view: NetworkView, country_names: dict[str, str], peer_titles: dict[str, str]
) -> tuple[list[str], list[list[Any]]]:
    """The export: one row per group and code, hidden groups without figures."""
    header = ["group", "name", "code", "institutes", "q1", "median", "q3"]
    out: list[list[Any]] = []

    def add(kind: str, name: str, by: dict[str, Spread]) -> None:
        for code in view.codes:
            found = by.get(code)
            if found is None:
                continue
            figures = (
                [None, None, None] if found.hidden else [round(found.q1, 1), round(found.median, 1), round(found.q3, 1)]
            )  # type: ignore[arg-type]
            out.append([kind, name, code, found.count, *figures])

    add("network", "", view.overall)
    for country, by in view.by_country.items():
        add("country", country_names.get(country, country), by)
    for peer, by in view.by_peer.items():
        add("peer", peer_titles.get(peer, peer), by)
    return header, out
