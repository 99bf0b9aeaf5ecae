"""Scores of an audit, computed from plain values: no queries, no request, testable alone.

The rules are the reference's (section 3):

- an item's value ``v`` lies between 0 and 1: yes 1, partly 0.5, no 0; a choice its option's value; several
  choices their values added up (at most 1); a number its threshold's value; a percentage its ratio;
  free text is unscored; "not applicable" leaves the item out of numerator and denominator;
- a KPI scores in two halves: 0.5 when measured (given, with evidence where evidence is required), plus 0.5
  when it reaches its target or improves on last year by its step; a context KPI gets the first half only;
- theme % = 100 x sum(w x v) / sum(w) over applicable items, "not assessed" (None) when the applicable weight is
  under half the theme's total; pillar % = mean of its assessed themes; overall % = mean of the pillars;
- maturity: below 25 starting, 25 to 49 engaged, 50 to 74 advanced, 75 and above exemplary; the overall level
  also needs the conditions of each level (:func:`overall_level`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

YES, PARTLY, NO, NOT_APPLICABLE = "yes", "partly", "no", "na"
YPN_VALUES = {YES: 1.0, PARTLY: 0.5, NO: 0.0}
LEVELS = ("starting", "engaged", "advanced", "exemplary")


@dataclass(frozen=True)
class ItemRule:
    """What scoring needs of an item; ``options`` maps an option key to its value."""

    code: str
    theme: str
    pillar: str
    answer_type: str
    weight: int
    kpi: bool = False
    evidence_required: bool = False
    options: Mapping[str, float] = field(default_factory=dict)
    rules: Mapping[str, Any] = field(default_factory=dict)
    countries: tuple[str, ...] = ()  # a country-specific item (a national law): asked only there


def applies(countries: Iterable[str] | None, country: str | None) -> bool:
    """Whether an item limited to ``countries`` (none: every country) is asked of an institute in ``country``."""
    wanted = tuple(countries or ())
    return not wanted or country in wanted


@dataclass(frozen=True)
class Given:
    """An answer as scoring sees it: its value dict, whether evidence is attached, last year's value dict."""

    value: Mapping[str, Any] | None
    has_evidence: bool = False
    last_year: Mapping[str, Any] | None = None


@dataclass
class Result:
    items: dict[str, float | None]  # None: not applicable, unscored or unanswered free text
    themes: dict[str, float | None]
    pillars: dict[str, float | None]
    overall: float | None
    pillar_levels: dict[str, str | None]
    answered: dict[str, int]  # per pillar, items with an answer
    counted: dict[str, int]  # per pillar, items to answer

    def gaps(self, rules: Iterable[ItemRule]) -> list[tuple[str, float]]:
        """(code, weight x missing points), largest first: where the institute has most to gain."""
        found = []
        for rule in rules:
            value = self.items.get(rule.code)
            if value is not None and value < 1:
                found.append((rule.code, rule.weight * (1 - value)))
        return sorted(found, key=lambda pair: (-pair[1], pair[0]))


def ratio(value: Mapping[str, Any]) -> float | None:
    """numerator / denominator, or None when either is missing or the denominator is zero."""
    numerator, denominator = value.get("numerator"), value.get("denominator")
    if numerator is None or not denominator:
        return None
    return float(numerator) / float(denominator)


def measure(rule: ItemRule, value: Mapping[str, Any] | None) -> float | None:
    """The raw figure of a number or percentage item (a percentage as 0-100), None when not given."""
    if not value:
        return None
    if rule.answer_type == "number":
        number = value.get("number")
        return None if number is None else float(number)
    if rule.answer_type == "percent":
        found = ratio(value)
        return None if found is None else 100 * found
    return None


def _threshold_value(rule: ItemRule, figure: float) -> float:
    """A number scored by thresholds ``[[at, value], ...]``: the value of the last threshold reached (for
    ``direction: down``, of the last one not exceeded)."""
    thresholds = sorted((float(at), float(v)) for at, v in rule.rules.get("thresholds", []))
    if not thresholds:
        return 1.0
    if rule.rules.get("direction") == "down":
        reached = [v for at, v in thresholds if figure <= at]
        return reached[0] if reached else 0.0
    reached = [v for at, v in thresholds if figure >= at]
    return reached[-1] if reached else 0.0


def _kpi_value(rule: ItemRule, given: Given) -> float:
    figure = measure(rule, given.value)
    if figure is None:
        return 0.0
    if rule.evidence_required and not given.has_evidence:
        return 0.0
    if rule.rules.get("context"):
        return 0.5
    value = 0.5
    direction = rule.rules.get("direction", "up")
    target = rule.rules.get("target")
    if target is not None and (figure >= float(target) if direction == "up" else figure <= float(target)):
        return 1.0
    previous = measure(rule, given.last_year)
    step = float(rule.rules.get("step", 0) or 0)
    if previous is not None and step > 0:
        if rule.rules.get("step_relative"):
            improved = (
                figure <= previous * (1 - step / 100) if direction == "down" else figure >= previous * (1 + step / 100)
            )
        else:
            improved = figure <= previous - step if direction == "down" else figure >= previous + step
        if improved:
            return 1.0
    return value


def item_value(rule: ItemRule, given: Given | None) -> float | None:
    """``v`` between 0 and 1, or None when the item leaves the denominator (not applicable, free text)."""
    kind = rule.answer_type
    if kind == "text":
        return None
    value = (given.value if given else None) or {}
    if value.get("choice") == NOT_APPLICABLE:
        return None
    if given is None or not value:
        return 0.0
    if rule.kpi and kind in ("number", "percent"):
        return _kpi_value(rule, given)
    if kind == "ypn":
        return YPN_VALUES.get(value.get("choice", ""), 0.0)
    if kind == "choice":
        return float(rule.options.get(value.get("choice", ""), 0.0))
    if kind == "multi":
        return min(1.0, sum(float(rule.options.get(key, 0.0)) for key in value.get("choices", [])))
    if kind == "number":
        figure = measure(rule, value)
        return 0.0 if figure is None else _threshold_value(rule, figure)
    if kind == "percent":
        found = ratio(value)
        return 0.0 if found is None else max(0.0, min(1.0, found))
    if kind == "file":
        return 1.0 if given.has_evidence else 0.0
    return 0.0


def theme_percent(pairs: Iterable[tuple[int, float | None, bool]]) -> float | None:
    """100 x sum(w x v) / sum(w) over applicable items; ``pairs`` are (weight, v, scored). None ("not assessed")
    when the applicable weight is under half the total of the theme's scored items."""
    total = applicable = earned = 0.0
    for weight, value, scored in pairs:
        if not scored:
            continue
        total += weight
        if value is not None:
            applicable += weight
            earned += weight * value
    if total == 0 or applicable < total / 2:
        return None
    return 100 * earned / applicable


def mean(values: Iterable[float | None]) -> float | None:
    kept = [v for v in values if v is not None]
    return sum(kept) / len(kept) if kept else None


def level_of(percent: float | None) -> str | None:
    """The maturity level a percentage reaches on its own (a pillar's level)."""
    if percent is None:
        return None
    if percent >= 75:
        return "exemplary"
    if percent >= 50:
        return "advanced"
    if percent >= 25:
        return "engaged"
    return "starting"


def overall_level(
    overall: float | None,
    pillars: Mapping[str, float | None],
    *,
    referent_named: bool,
    action_plan: bool,
    w3_kpis_measured: bool,
    reviewed: bool,
    baseline_yes: bool,
) -> str | None:
    """The overall level: the one the percentage reaches, lowered until its other conditions hold (a strong
    pillar must not hide a neglected one)."""
    level = level_of(overall)
    if level is None:
        return None
    floor = min((p for p in pillars.values() if p is not None), default=0.0)
    if level == "exemplary" and not (floor >= 60 and reviewed and baseline_yes):
        level = "advanced"
    if level == "advanced" and not (floor >= 40 and w3_kpis_measured):
        level = "engaged"
    if level == "engaged" and not (referent_named and action_plan):
        level = "starting"
    return level


def score(rules: Iterable[ItemRule], answers: Mapping[str, Given], country: str | None = None) -> Result:
    """Every figure of an audit from its items' rules and its answers by item code; with ``country``, the items
    limited to other countries are left out altogether (neither asked nor counted)."""
    rules = [rule for rule in rules if country is None or applies(rule.countries, country)]
    items: dict[str, float | None] = {}
    by_theme: dict[str, list[tuple[int, float | None, bool]]] = {}
    theme_pillar: dict[str, str] = {}
    answered: dict[str, int] = {}
    counted: dict[str, int] = {}
    for rule in rules:
        given = answers.get(rule.code)
        value = item_value(rule, given)
        items[rule.code] = value
        scored = rule.answer_type != "text"
        by_theme.setdefault(rule.theme, []).append((rule.weight, value, scored))
        theme_pillar[rule.theme] = rule.pillar
        counted[rule.pillar] = counted.get(rule.pillar, 0) + 1
        if given is not None and given.value:
            answered[rule.pillar] = answered.get(rule.pillar, 0) + 1
    themes = {code: theme_percent(pairs) for code, pairs in by_theme.items()}
    pillars: dict[str, float | None] = {}
    for pillar in dict.fromkeys(theme_pillar.values()):
        pillars[pillar] = mean(themes[t] for t, p in theme_pillar.items() if p == pillar)
    overall = mean(pillars.values())
    return Result(
        items=items,
        themes=themes,
        pillars=pillars,
        overall=overall,
        pillar_levels={code: level_of(p) for code, p in pillars.items()},
        answered=answered,
        counted=counted,
    )
