"""Reads the checklists pages need, beside the models: one audit's tree and answers, the queues."""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from sonores_lms.extensions import db

from .models import Answer, Audit, AuditorAssignment, AuditState, Campaign, Item, Pillar, Referent, Theme


def audit_by_uid(uid: str) -> Audit | None:
    return db.session.scalar(select(Audit).where(Audit.uid == uid))


class Node:
    """A pillar or theme of a template with its children, built from one flat query: pages walk the tree without a
    lazy load. Other attributes are the row's own (``code``, ``text(...)``)."""

    def __init__(self, row: Any, **children: Any) -> None:
        self.row = row
        self.__dict__.update(children)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.row, name)


class Tree:
    def __init__(self, pillars: list[Node]) -> None:
        self.pillars = pillars

    @property
    def themes(self) -> list[Node]:
        return [theme for pillar in self.pillars for theme in pillar.themes]

    def theme(self, code: str) -> Node | None:
        return next((theme for theme in self.themes if theme.code == code), None)


def tree_from(rows: list[tuple[Item, Theme, Pillar]]) -> Tree:
    """The tree of ``(item, theme, pillar)`` rows ordered by pillar, theme and item position."""
    pillars: dict[int, Node] = {}
    themes: dict[int, Node] = {}
    for item, theme, pillar in rows:
        if pillar.id not in pillars:
            pillars[pillar.id] = Node(pillar, themes=[])
        if theme.id not in themes:
            themes[theme.id] = Node(theme, items=[], pillar=pillars[pillar.id])
            pillars[pillar.id].themes.append(themes[theme.id])
        themes[theme.id].items.append(item)
    return Tree(list(pillars.values()))


def for_country(rows: list[tuple[Item, Theme, Pillar]], country: str | None) -> list[tuple[Item, Theme, Pillar]]:
    """The rows of the items asked in ``country`` (country-specific items of other countries left out)."""
    from .scoring import applies

    return [row for row in rows if applies((row[0].rules or {}).get("countries"), country)]


def template_tree(template_id: int, country: str | None = None) -> Tree:
    """The template's pillars, themes and items (those asked in ``country`` when given), in one query."""
    from .results import template_items

    rows = template_items(template_id)
    return tree_from(for_country(rows, country) if country else rows)


def theme_of(template_id: int, code: str) -> Theme | None:
    return db.session.scalar(
        select(Theme)
        .join(Pillar, Pillar.id == Theme.pillar_id)
        .where(Pillar.template_id == template_id, Theme.code == code)
        .options(selectinload(Theme.items))
    )


def item_of(template_id: int, code: str) -> Item | None:
    return db.session.scalar(select(Item).where(Item.template_id == template_id, Item.code == code))


def answers_of(audit: Audit, item_ids: list[int] | None = None) -> dict[int, Answer]:
    """The audit's answers by item id, with their evidence and history."""
    query = (
        select(Answer)
        .where(Answer.audit_id == audit.id)
        .options(selectinload(Answer.evidence), selectinload(Answer.changes))
    )
    if item_ids is not None:
        query = query.where(Answer.item_id.in_(item_ids))
    return {a.item_id: a for a in db.session.scalars(query)}


def answered_counts(audit: Audit) -> dict[int, int]:
    """Answered items per theme id (pre-filled ones waiting for confirmation are not counted)."""
    rows = db.session.execute(
        select(Item.theme_id, Answer.id)
        .join(Item, Item.id == Answer.item_id)
        .where(Answer.audit_id == audit.id, Answer.value.is_not(None), Answer.from_last_year.is_(False))
    )
    counts: dict[int, int] = {}
    for theme_id, _id in rows:
        counts[theme_id] = counts.get(theme_id, 0) + 1
    return counts


def my_audits(user: Any) -> list[Audit]:
    """Audits of the institutes where ``user`` is the director or a named referent, newest campaigns first."""
    from sonores_lms.permissions import Role

    directed = {a.institute_id for a in user.role_assignments if a.role == Role.ADMIN and a.institute_id is not None}
    named = set(db.session.scalars(select(Referent.institute_id).where(Referent.user_id == user.id)))
    institutes = directed | named
    if not institutes:
        return []
    return list(
        db.session.scalars(
            select(Audit)
            .join(Campaign, Campaign.id == Audit.campaign_id)
            .where(Audit.institute_id.in_(institutes))
            .order_by(Campaign.year.desc(), Audit.id)
        )
    )


def review_queue(user: Any, *, network: bool, limit: int = 200) -> list[Audit]:
    """Audits waiting for ``user``'s review (assigned ones; every one for a network auditor), oldest first."""
    waiting = [AuditState.SUBMITTED, AuditState.IN_REVIEW, AuditState.RETURNED]
    assigned = select(AuditorAssignment.audit_id).where(AuditorAssignment.user_id == user.id)
    query = select(Audit).where(Audit.state.in_(waiting))
    # A network auditor sees every audit, the ones assigned to them first.
    query = query.order_by(Audit.id.in_(assigned).desc()) if network else query.where(Audit.id.in_(assigned))
    query = query.order_by(Audit.submitted_at, Audit.id).limit(limit)
    return list(db.session.scalars(query))


def assigned_audits(user: Any, limit: int = 200) -> list[Audit]:
    return list(
        db.session.scalars(
            select(Audit)
            .join(AuditorAssignment, AuditorAssignment.audit_id == Audit.id)
            .where(AuditorAssignment.user_id == user.id, or_(Audit.state != AuditState.CLOSED))
            .order_by(Audit.id)
            .limit(limit)
        )
    )
