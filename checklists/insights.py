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


@dataclass(frozen=True)
class FactorChange:
    """Between two years of a KPI's line, the emission factor's source changed: the figures are not comparable."""

    code: str
    year_before: int
    year_after: int
    source_before: str
    source_after: str


@dataclass(frozen=True)
class EmissionFactor:
    """An emission figure of this audit and the factors it was computed with: the institute's and the auditor's."""

    item: Item
    own: dict[str, Any] | None
    reviewed: dict[str, Any] | None


def kpi_trends(audit: Audit, current: dict[str, Item]) -> dict[str, list[tuple[int, float]]]:
    """Per KPI code of this audit's template (``current``: its items by code), its figure in each year of the
    institute's audits up to this one; trends join items by code, and an item that replaced another continues its
    line. One query."""
    return kpi_history(audit, current)[0]


def kpi_history(
    audit: Audit, current: dict[str, Item]
) -> tuple[dict[str, list[tuple[int, float]]], dict[str, dict[int, dict[str, Any]]]]:
    """:func:`kpi_trends` and, beside it, the emission factor each year's figure was computed with (by code and
    year, the reviewed answer's where given), in the same query."""
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
    factors: dict[str, dict[int, dict[str, Any]]] = {}
    for year, code, value, reviewed in rows:
        code = aliases.get(code, code)
        item = kpis.get(code)
        if item is None:
            continue
        rule = ItemRule(code, "", "", item.answer_type.value, item.weight)
        kept = reviewed or value
        figure = measure(rule, kept)
        if figure is not None:
            trends.setdefault(code, {})[year] = round(figure, 2)
            if isinstance(kept, dict) and kept.get("factor"):
                factors.setdefault(code, {})[year] = kept["factor"]
    return {code: sorted(points.items()) for code, points in trends.items()}, factors


def factor_changes(factors: dict[str, dict[int, dict[str, Any]]]) -> list[FactorChange]:
    """Where a line's emission factor source differs from the previous year's that gave one (compared without
    case or surrounding spaces: "ADEME base carbone" is the same source)."""
    found: list[FactorChange] = []
    for code, by_year in sorted(factors.items()):
        years = sorted(by_year)
        for before, after in zip(years, years[1:], strict=False):
            old, new = str(by_year[before].get("source", "")), str(by_year[after].get("source", ""))
            if old.strip().casefold() != new.strip().casefold():
                found.append(FactorChange(code, before, after, old, new))
    return found


def emission_factors(audit: Audit, current: dict[str, Item]) -> list[EmissionFactor]:
    """This audit's emission figures with the factors they used, in template order; one query."""
    wanted = [code for code, item in current.items() if item.takes_emission_factor]
    if not wanted:
        return []
    rows = db.session.execute(
        select(Item.code, Answer.value, Answer.reviewed)
        .join(Answer, Answer.item_id == Item.id)
        .where(Answer.audit_id == audit.id, Item.code.in_(wanted))
    )
    given = {code: (value or {}, reviewed or {}) for code, value, reviewed in rows}
    return [
        EmissionFactor(current[code], given[code][0].get("factor"), given[code][1].get("factor"))
        for code in wanted
        if code in given and (given[code][0].get("factor") or given[code][1].get("factor"))
    ]


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
