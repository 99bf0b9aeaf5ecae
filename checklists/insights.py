"""What the results page shows beyond stored scores: gaps, KPI trends over the years, training needs.

Reads a constant number of queries whatever the size of the audit or the institute's history.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from sonores_lms.extensions import db
from sonores_lms.links import TopicItem, content_by_topic

from .models import Answer, Audit, AuditState, Campaign, Item, Score
from .results import compute, rule_of, template_items
from .scoring import measure

SHOWN_GAPS = 12
WEAK_THEME = 50.0  # a theme under this percentage asks for training (reference, section 5)


@dataclass(frozen=True)
class Gap:
    item: Item
    priority: float
    value: float


def gaps(audit: Audit) -> list[Gap]:
    """Items short of full marks, largest weight x missing points first (reviewed answers where given)."""
    rules, _own, reviewed = compute(audit)
    items = {item.code: item for item, _theme, _pillar in template_items(audit.campaign.template_id)}
    return [Gap(items[code], priority, reviewed.items[code] or 0.0) for code, priority in reviewed.gaps(rules)][
        :SHOWN_GAPS
    ]


def kpi_trends(audit: Audit) -> dict[str, list[tuple[int, float]]]:
    """Per KPI code of this audit's template, its figure in each year of the institute's audits (this one and
    earlier ones); trends join items by code, and a code that replaced another continues its line."""
    rows = db.session.execute(
        select(Campaign.year, Item, Answer.value, Answer.reviewed)
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
    current = {item.code: item for item, _t, _p in template_items(audit.campaign.template_id) if item.kpi}
    aliases = {item.replaces: code for code, item in current.items() if item.replaces}
    trends: dict[str, dict[int, float]] = {}
    for year, item, value, reviewed in rows:
        code = aliases.get(item.code, item.code)
        if code not in current:
            continue
        rule = rule_of(item, item.theme, item.theme.pillar)
        figure = measure(rule, reviewed or value)
        if figure is not None:
            trends.setdefault(code, {})[year] = round(figure, 2)
    return {code: sorted(points.items()) for code, points in trends.items() if len(points) >= 1}


def weak_themes(audit: Audit, basis: str = "reviewed") -> list[tuple[str, float]]:
    rows = db.session.execute(
        select(Score.code, Score.percent).where(
            Score.audit_id == audit.id, Score.scope == "theme", Score.basis == basis, Score.percent < WEAK_THEME
        )
    )
    return sorted(((code, percent) for code, percent in rows), key=lambda pair: pair[1])


def training(audit: Audit, locale: str | None = None, limit: int = 6) -> list[TopicItem]:
    """Courses of the published plan that teach this audit's weakest themes, asked through the core's
    ``content-by-topic`` collector (nothing when no plugin answers)."""
    themes = [code for code, _percent in weak_themes(audit)]
    if not themes:
        return []
    return content_by_topic(themes=themes, locale=locale, limit=limit, asker="checklists")


__all__: list[Any] = ["Gap", "gaps", "kpi_trends", "training", "weak_themes"]
