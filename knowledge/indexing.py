"""Keeping the search index and the facet table current: called by every service that changes a resource.

Only published resources are searchable (drafts are found by their authors on their own list, not by search), and
each language a resource has text in is one document of the index, titled and with its summary and body as text.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from sqlalchemy import delete, func, insert, select, update

from sonores_lms import search
from sonores_lms.extensions import db

from .models import SEARCH_INDEX, FacetCount, FacetValue, Resource, Status

FACETS = ("kind", "axis", "country", "language", "licence", "theme", "tag")


def documents_of(resource: Resource) -> dict[str, tuple[str, str]]:
    """language -> (title, text) of what search reads: the summary, the body, the authors and the tags."""
    extra = " ".join([resource.authors or "", *(resource.tags or [])])
    found = {}
    for language in resource.languages:
        values: Mapping[str, str] = resource.texts_in(language)
        body = "\n".join(part for part in (values.get("summary", ""), values.get("body", ""), extra) if part)
        found[language] = (values.get("title", ""), body)
    return found


def facet_values(resource: Resource) -> set[tuple[str, str]]:
    values = {("kind", resource.kind), ("licence", resource.licence)}
    if resource.axis:
        values.add(("axis", resource.axis))
    if resource.country:
        values.add(("country", resource.country))
    values |= {("language", language) for language in resource.languages}
    values |= {("theme", theme) for theme in resource.themes or []}
    values |= {("tag", tag[:60]) for tag in resource.tags or []}
    return values


def _shift_counts(values: set[tuple[str, str]], step: int) -> None:
    """Add ``step`` to the count of each facet value (creating the rows it lacks)."""
    if not values:
        return
    facets, names = {f for f, _v in values}, {v for _f, v in values}
    existing = set(
        db.session.execute(
            select(FacetCount.facet, FacetCount.value).where(FacetCount.facet.in_(facets), FacetCount.value.in_(names))
        ).tuples()
    )
    for facet, value in sorted(values):
        if (facet, value) in existing:
            db.session.execute(
                update(FacetCount)
                .where(FacetCount.facet == facet, FacetCount.value == value)
                .values(count=FacetCount.count + step)
            )
        else:
            db.session.add(FacetCount(facet=facet, value=value, count=max(0, step)))
    db.session.flush()


def refresh(resource: Resource) -> None:
    """Bring the index, the facets and their counts of ``resource`` in line with it; flushes."""
    db.session.flush()
    before = set(
        db.session.execute(
            select(FacetValue.facet, FacetValue.value).where(FacetValue.resource_id == resource.id)
        ).tuples()
    )
    after = facet_values(resource) if resource.status == Status.PUBLISHED else set()
    if before != after:
        db.session.execute(delete(FacetValue).where(FacetValue.resource_id == resource.id))
        rows = [{"facet": f, "value": v, "resource_id": resource.id} for f, v in sorted(after)]
        if rows:
            db.session.execute(insert(FacetValue), rows)
        _shift_counts(before - after, -1)
        _shift_counts(after - before, +1)
    if resource.status != Status.PUBLISHED:
        search.remove_document(SEARCH_INDEX, resource.id)
        return
    search.index_document(SEARCH_INDEX, resource.id, documents_of(resource))


def _published(batch: int = 1000) -> Iterator[Resource]:
    last = 0
    while True:
        resources = db.session.scalars(
            select(Resource)
            .where(Resource.status == Status.PUBLISHED, Resource.id > last)
            .order_by(Resource.id)
            .limit(batch)
        ).all()
        if not resources:
            return
        yield from resources
        last = resources[-1].id
        db.session.expunge_all()


def rebuild_index() -> int:
    """Index every published resource and rebuild the facet table from scratch; returns how many."""
    db.session.execute(delete(FacetValue))
    facet_rows: list[dict[str, object]] = []

    def documents() -> Iterator[tuple[int, dict[str, tuple[str, str]]]]:
        for resource in _published():
            facet_rows.extend({"facet": f, "value": v, "resource_id": resource.id} for f, v in facet_values(resource))
            if len(facet_rows) > 5000:
                db.session.execute(insert(FacetValue), facet_rows)
                facet_rows.clear()
            yield resource.id, documents_of(resource)

    count = search.rebuild(SEARCH_INDEX, documents())
    if facet_rows:
        db.session.execute(insert(FacetValue), facet_rows)
    db.session.execute(delete(FacetCount))
    counted = db.session.execute(
        select(FacetValue.facet, FacetValue.value, func.count()).group_by(FacetValue.facet, FacetValue.value)
    ).all()
    if counted:
        db.session.execute(insert(FacetCount), [{"facet": f, "value": v, "count": n} for f, v, n in counted])
    return count
