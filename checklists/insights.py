"""What the results page shows beyond stored scores: gaps, KPI trends over the years, training needs.

Reads a constant number of queries whatever the size of the audit or the institute's history.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from sonores_lms.extensions import db
from sonores_lms.links import TopicItem, content_by_topic

from .models import Answer, Audit, AuditState, Campaign, Item
from .scoring import ItemRule, Result, measure

SHOWN_GAPS = 12
WEAK_THEME = 50.0  # a theme under this percentage asks for training (reference, section 5)


@dataclass(frozen=True)
class Gap:
    item: Item
    priority: float
    value: float


def gaps(rules: list[ItemRule], reviewed: Result, items: dict[str, Item]) -> list[Gap]:
    """Items short of full marks, largest weight x missing points first (reviewed answers where given)."""
    return [Gap(items[code], priority, reviewed.items[code] or 0.0) for code, priority in reviewed.gaps(rules)][
        :SHOWN_GAPS
    ]


def kpi_trends(audit: Audit, current: dict[str, Item]) -> dict[str, list[tuple[int, float]]]:
    """Per KPI code of this audit's template (``current``: its items by code), its figure in each year of the
    institute's audits up to this one; trends join items by code, and an item that replaced another continues its
    line. One query."""
    rows = db.session.execute(
        select(Campaign.year, Item.code, Answer.value, Answer.reviewed)
        .join(Audit, Audit.campaign_id == Campaign.id)
        .join(Answer, Answer.audit_id == Audit.id)
        .join(Item, Item.id == Answer.item_id)
        .where(
            Audit.institute_id == audit.institute_id,
            Campaign.year <= audit.campaign.year,
            Item.kpi.is_(True),
            Audit.state != AuditState.NOT_STARTED,
        )
        .order_by(Campaign.year)
    )
    kpis = {code: item for code, item in current.items() if item.kpi}
    aliases = {item.replaces: code for code, item in kpis.items() if item.replaces}
    trends: dict[str, dict[int, float]] = {}
    for year, code, value, reviewed in rows:
        code = aliases.get(code, code)
        item = kpis.get(code)
        if item is None:
            continue
        rule = ItemRule(code, "", "", item.answer_type.value, item.weight)
        figure = measure(rule, reviewed or value)
        if figure is not None:
            trends.setdefault(code, {})[year] = round(figure, 2)
    return {code: sorted(points.items()) for code, points in trends.items()}


def weak_themes(scores: dict[tuple[str, str, str], Any], basis: str = "reviewed") -> list[tuple[str, float]]:
    """Themes under :data:`WEAK_THEME` in the stored scores, weakest first."""
    found = [
        (code, row.percent)
        for (scope, code, row_basis), row in scores.items()
        if scope == "theme" and row_basis == basis and row.percent is not None and row.percent < WEAK_THEME
    ]
    return sorted(found, key=lambda pair: pair[1])


def training(scores: dict[tuple[str, str, str], Any], locale: str | None = None, limit: int = 6) -> list[TopicItem]:
    """Courses of the published plan that teach this audit's weakest themes, asked through the core's
    ``content-by-topic`` collector (nothing when no plugin answers)."""
    themes = [code for code, _percent in weak_themes(scores)]
    if not themes:
        return []
    return content_by_topic(themes=themes, locale=locale, limit=limit, asker="checklists")
