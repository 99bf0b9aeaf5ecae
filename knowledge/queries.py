"""What the knowledge pages read, beside the models: each page in a fixed number of queries.

The search page asks the core's search module for a page of published resources (filtered through the facet
table; three or four queries, see ``sonores_lms.search``), loads those resources in one query and counts every
facet over the search's candidates (at most ``search.CANDIDATES``) in one grouped query, which the facet table's
``(resource_id, facet, value)`` index answers alone: a fixed number of queries however many resources match.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import exists, func, intersect, or_, select
from sqlalchemy.orm import selectinload

from sonores_lms import search
from sonores_lms.extensions import db

from .models import SEARCH_INDEX, Attachment, Curator, FacetCount, FacetValue, Resource, Reuse, Revision, Status

SEARCH_FACETS = ("kind", "axis", "country", "language", "licence", "theme")
FILTERS = (*SEARCH_FACETS, "tag")
PAGE_SIZE = 20


@dataclass
class SearchPage:
    query: str
    filters: dict[str, str]
    page: int
    total: int = 0
    rows: list[tuple[Resource, search.Hit | None]] = field(default_factory=list)
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    searched: bool = False
    facets_exact: bool = True  # False: counted over the first matches only (search.CANDIDATES)
    featured: list[Resource] = field(default_factory=list)
    total_capped: bool = False  # more matches than search.CANDIDATES: the page says "more than"

    @property
    def candidates_shown(self) -> int:
        return search.CANDIDATES

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // PAGE_SIZE))


def _within(filters: dict[str, str]) -> Any:
    """Ids of the published resources that every chosen facet value keeps (the facet table holds only those): one
    range of the facet table's key per value, intersected (a third faster than probing one facet's rows for each
    row of the other)."""
    chosen = [(facet, value) for facet, value in filters.items() if facet in FILTERS and value]
    if not chosen:
        return None
    selects = [
        select(FacetValue.resource_id).where(FacetValue.facet == facet, FacetValue.value == value)
        for facet, value in chosen
    ]
    if len(selects) == 1:
        return selects[0]
    return select(intersect(*selects).subquery().c.resource_id)


def _no_facets() -> dict[str, list[tuple[str, int]]]:
    return {facet: [] for facet in SEARCH_FACETS}


def _facet_counts(keys: Any) -> dict[str, list[tuple[str, int]]]:
    """Every facet's values and counts over ``keys`` (a list of ids or a select of them; None: all published)."""
    query = select(FacetValue.facet, FacetValue.value, func.count()).where(FacetValue.facet.in_(SEARCH_FACETS))
    if keys is not None:
        query = query.where(FacetValue.resource_id.in_(keys))
    query = query.group_by(FacetValue.facet, FacetValue.value)
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for facet, value, count in db.session.execute(query):
        counts[facet][value] = count
    return {facet: counts[facet].most_common() for facet in SEARCH_FACETS}


def _load(ids: list[int]) -> dict[int, Resource]:
    if not ids:
        return {}
    resources = db.session.scalars(select(Resource).where(Resource.id.in_(ids))).unique()
    return {resource.id: resource for resource in resources}


def search_page(query: str, filters: dict[str, str], page: int, language: str | None) -> SearchPage:
    result = SearchPage(query=query, filters=filters, page=max(1, page))
    offset = (result.page - 1) * PAGE_SIZE
    within = _within(filters)
    if search.terms(query):
        result.searched = True
        found = search.search(SEARCH_INDEX, query, within=within, language=language, limit=PAGE_SIZE, offset=offset)
        result.total = found.total
        result.total_capped = found.total_capped
        result.facets_exact = found.counted_all
        loaded = _load([hit.key for hit in found.hits])
        result.rows = [(loaded[hit.key], hit) for hit in found.hits if hit.key in loaded]
        result.facets = _facet_counts(list(found.candidates)) if found.candidates else _no_facets()
        return result
    # Without words: the latest published resources, the featured ones above them on the first page.
    wanted = max(search.CANDIDATES, offset + PAGE_SIZE)
    listing = select(Resource.id).where(Resource.status == Status.PUBLISHED)
    if within is not None:
        listing = listing.where(Resource.id.in_(within))
    listing = listing.order_by(Resource.published_at.desc(), Resource.id.desc())
    if within is None:
        ids = list(db.session.scalars(listing.limit(PAGE_SIZE).offset(offset)))
        result.total = int(db.session.scalar(select(func.count()).where(Resource.status == Status.PUBLISHED)) or 0)
        result.facets = _all_facet_counts()
    else:
        candidates = list(db.session.scalars(listing.limit(wanted)))
        ids = candidates[offset : offset + PAGE_SIZE]
        if len(candidates) < wanted:
            result.total = len(candidates)
        else:
            result.total = int(db.session.scalar(select(func.count()).select_from(within.subquery())) or 0)
            result.facets_exact = False
        result.facets = _facet_counts(candidates) if candidates else _no_facets()
    loaded = _load(ids)
    result.rows = [(loaded[i], None) for i in ids if i in loaded]
    if result.page == 1 and within is None:
        result.featured = list(
            db.session.scalars(
                select(Resource)
                .where(Resource.featured.is_(True), Resource.status == Status.PUBLISHED)
                .order_by(Resource.published_at.desc())
                .limit(3)
            ).unique()
        )
    return result


def _all_facet_counts() -> dict[str, list[tuple[str, int]]]:
    """Every facet's counts over all published resources, from the table that keeps them."""
    counts: dict[str, list[tuple[str, int]]] = {facet: [] for facet in SEARCH_FACETS}
    rows = db.session.execute(
        select(FacetCount.facet, FacetCount.value, FacetCount.count)
        .where(FacetCount.facet.in_(SEARCH_FACETS), FacetCount.count > 0)
        .order_by(FacetCount.count.desc(), FacetCount.value)
    )
    for facet, value, count in rows:
        counts[facet].append((value, count))
    return counts


def resource_by_uid(uid: str) -> Resource | None:
    if not uid or len(uid) > 32:
        return None
    return db.session.scalar(
        select(Resource)
        .where(Resource.uid == uid)
        .options(selectinload(Resource.attachments), selectinload(Resource.reuses))
    )


def attachment_by_uid(uid: str) -> Attachment | None:
    if not uid or len(uid) > 32:
        return None
    return db.session.scalar(select(Attachment).where(Attachment.uid == uid).options(selectinload(Attachment.resource)))


def revisions_of(resource: Resource) -> list[Revision]:
    return list(
        db.session.scalars(
            select(Revision)
            .where(Revision.resource_id == resource.id)
            .options(selectinload(Revision.author))
            .order_by(Revision.number.desc())
        )
    )


def revision(resource: Resource, number: int) -> Revision | None:
    return db.session.scalar(select(Revision).where(Revision.resource_id == resource.id, Revision.number == number))


def previous_revision(resource: Resource, number: int) -> Revision | None:
    return db.session.scalar(
        select(Revision)
        .where(Revision.resource_id == resource.id, Revision.number < number)
        .order_by(Revision.number.desc())
        .limit(1)
    )


def review_queue() -> list[Resource]:
    return list(
        db.session.scalars(
            select(Resource).where(Resource.status == Status.IN_REVIEW).order_by(Resource.updated_at)
        ).unique()
    )


def drafts_of(user_id: int) -> list[Resource]:
    """A contributor's resources that are not published yet."""
    return list(
        db.session.scalars(
            select(Resource)
            .where(
                Resource.created_by_id == user_id,
                Resource.status.in_((Status.DRAFT, Status.IN_REVIEW, Status.CHANGES_REQUESTED)),
            )
            .order_by(Resource.updated_at.desc())
        ).unique()
    )


def curators() -> list[Curator]:
    return list(db.session.scalars(select(Curator).order_by(Curator.created_at)).unique())


def new_for(country: str | None, axes: list[str], limit: int = 5) -> list[Resource]:
    """The latest published resources of the reader's country or axes, for the dashboard."""
    conditions = []
    if country:
        conditions.append(Resource.country == country)
    if axes:
        conditions.append(Resource.axis.in_(axes))
    query = select(Resource).where(Resource.status == Status.PUBLISHED)
    if conditions:
        query = query.where(or_(*conditions))
    query = query.order_by(Resource.published_at.desc(), Resource.id.desc()).limit(limit)
    return list(db.session.scalars(query).unique())


def feed_entries(facet: str | None, value: str | None, limit: int = 30) -> list[Resource]:
    """The latest published resources, of one axis, tag or kind when asked, that may leave the network."""
    query = select(Resource).where(Resource.status == Status.PUBLISHED, Resource.licence != "network-internal")
    if facet and value:
        query = query.where(
            Resource.id.in_(select(FacetValue.resource_id).where(FacetValue.facet == facet, FacetValue.value == value))
        )
    query = query.order_by(Resource.published_at.desc(), Resource.id.desc()).limit(limit)
    return list(db.session.scalars(query).unique())


def by_topic(themes: tuple[str, ...], axis: str | None, limit: int) -> list[Resource]:
    conditions = []
    if themes:
        conditions.append(
            Resource.id.in_(
                select(FacetValue.resource_id).where(FacetValue.facet == "theme", FacetValue.value.in_(themes))
            )
        )
    if axis:
        conditions.append(Resource.axis == axis)
    if not conditions:
        return []
    query = (
        select(Resource)
        .where(Resource.status == Status.PUBLISHED, Resource.licence != "network-internal", or_(*conditions))
        .order_by(Resource.featured.desc(), Resource.published_at.desc())
        .limit(limit)
    )
    return list(db.session.scalars(query).unique())


def published_by_uid(uid: str) -> Resource | None:
    if not uid or len(uid) > 32:
        return None
    return db.session.scalar(
        select(Resource).where(Resource.uid == uid, Resource.status.in_((Status.PUBLISHED, Status.ARCHIVED)))
    )


@dataclass(frozen=True)
class NetworkView:
    most_reused: list[tuple[Resource, int]]
    flows: list[tuple[str, str, int]]  # (from country, to country, reuses)


def network_view(limit: int = 10) -> NetworkView:
    """The most reused resources and how many reuses went from each country to each other one."""
    counted = (
        select(Reuse.resource_id, func.count().label("reuses"))
        .group_by(Reuse.resource_id)
        .order_by(func.count().desc(), Reuse.resource_id)
        .limit(limit)
    ).subquery()
    rows = db.session.execute(
        select(Resource, counted.c.reuses)
        .join(counted, counted.c.resource_id == Resource.id)
        .where(Resource.status.in_((Status.PUBLISHED, Status.ARCHIVED)))
        .order_by(counted.c.reuses.desc(), Resource.id)
    ).all()
    flows = db.session.execute(
        select(Resource.country, Reuse.country, func.count())
        .join(Reuse, Reuse.resource_id == Resource.id)
        .where(
            Resource.status.in_((Status.PUBLISHED, Status.ARCHIVED)),
            Resource.country.is_not(None),
            Reuse.country.is_not(None),
        )
        .group_by(Resource.country, Reuse.country)
        .order_by(func.count().desc())
    ).all()
    return NetworkView([(row[0], int(row[1])) for row in rows], [(a, b, int(n)) for a, b, n in flows])


def _axes_query(user_id: int) -> Any:
    contributed = select(Resource.axis).where(Resource.created_by_id == user_id, Resource.axis.is_not(None))
    reused = (
        select(Resource.axis)
        .join(Reuse, Reuse.resource_id == Resource.id)
        .where(Reuse.created_by_id == user_id, Resource.axis.is_not(None))
    )
    return contributed.union(reused)


def axes_of(user_id: int) -> list[str]:
    """The axes of the resources a person contributed or reused: what the dashboard takes as their axes."""
    return sorted(set(db.session.scalars(_axes_query(user_id))))


def new_for_person(country: str | None, user_id: int, limit: int = 5) -> list[Resource]:
    """:func:`new_for` the person's country and axes in one statement (the dashboard composes every plugin's
    widget, so each keeps to as few statements as it can)."""
    axes = _axes_query(user_id).subquery()
    in_axes = Resource.axis.in_(select(axes.c.axis))
    # Without a country, a person with no axes yet sees the latest resources of the whole network, as new_for does.
    wanted = or_(Resource.country == country, in_axes) if country else or_(in_axes, ~exists(select(axes.c.axis)))
    query = (
        select(Resource)
        .where(Resource.status == Status.PUBLISHED, wanted)
        .order_by(Resource.published_at.desc(), Resource.id.desc())
        .limit(limit)
    )
    return list(db.session.scalars(query).unique())
