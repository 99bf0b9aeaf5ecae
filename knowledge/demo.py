"""The demo's resources (``demo_content``): contributed, published, reused, one featured, one in review, through
the services, so that revisions, the search index and the facets are those of real use. Idempotent: a resource
whose first title already exists is left as it is."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select

from sonores_lms.extensions import db
from sonores_lms.institutes.models import Institute
from sonores_lms.people.models import User

from . import budget, resources
from .demo_content import DEMO_TOPICS, DemoResource
from .demo_content import resources as demo_resources
from .models import Resource, Status


def _first_title(texts: dict[str, dict[str, str]]) -> str:
    return next(iter(texts.values()))["title"]


def _actor() -> User | None:
    from sonores_lms.demo_data import PEOPLE

    emails = [person.email for person in PEOPLE]
    people = {user.email: user for user in db.session.scalars(select(User).where(User.email.in_(emails)))}
    return next((people[email] for email in emails if email in people), None)


def demo_uid(topic: str) -> str | None:
    """The uid of the published demo resource on a demo topic (``DEMO_TOPICS``), found by its first title as the
    demo finds its resources again; None when the demo did not load it, or it is no longer published."""
    key = DEMO_TOPICS.get(topic)
    data = next((item for item in demo_resources() if item.key == key), None)
    if data is None:
        return None
    title = _first_title(data.texts)
    candidates = db.session.scalars(
        select(Resource).where(Resource.kind == data.kind, Resource.status == Status.PUBLISHED).order_by(Resource.id)
    )
    return next((r.uid for r in candidates if _first_title(r.texts or {"": {"title": ""}}) == title), None)


def load_demo() -> None:
    actor = _actor()
    if actor is None:  # the core's demo people come first; without them there is nobody to contribute
        return
    institutes = {institute.name: institute for institute in db.session.scalars(select(Institute))}
    existing = {_first_title(r.texts or {"": {"title": ""}}) for r in db.session.scalars(select(Resource))}
    for data in demo_resources():
        if _first_title(data.texts) in existing:
            continue
        _create(data, institutes, actor)
    db.session.flush()


def _create(data: DemoResource, institutes: dict[str, Institute], actor: User) -> Resource:
    institute = institutes.get(data.institute)
    resource = resources.contribute(
        resources.ResourceData(
            kind=data.kind,
            institute_id=institute.id if institute else None,
            authors=data.authors,
            licence=data.licence,
            tags=list(data.tags),
            axis=data.axis,
            themes=list(data.themes),
            links=[{"label": label, "url": url} for label, url in data.links],
            kit=dict(data.kit),
            budget=[
                budget.line(label, Decimal(amount) if amount else None, currency or None, note)
                for label, amount, currency, note in data.budget
            ],
            texts=data.texts,
        ),
        actor=actor,
    )
    if data.status == "draft":
        return resource
    resources.submit(resource, actor=actor)
    if data.status == "in-review":
        return resource
    resources.curate(resource, "publish", actor=actor)
    if data.featured:
        resources.curate(resource, "feature", actor=actor)
    for name, when, note, attendance in data.reused:
        reused_by = institutes.get(name)
        if reused_by is not None:
            resources.mark_reused(
                resource,
                institute_id=reused_by.id,
                reused_on=date.fromisoformat(when),
                note=note,
                attendance=attendance,
                actor=actor,
            )
    if data.status == "archived":
        resources.curate(resource, "archive", actor=actor)
    return resource
