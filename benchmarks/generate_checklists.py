"""Fill the benchmark network with eco-audits: a template of 100 items, five yearly campaigns, an audit per
institute and year with every item answered, and the stored scores the pages read.

At scale 1.0: 2,000 institutes x 5 audits x 100 items = 1,000,000 answers. Rows go in with bulk inserts; the scores
are computed with the plugin's own scoring function (what ``recompute`` stores), not through the ORM per audit.
"""

from __future__ import annotations

import random
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import insert, select

from .generate import Network, _batches

YEARS = (2023, 2024, 2025, 2026, 2027)
PILLARS = (("ENV", 7), ("ACC", 5), ("CIT", 6))  # themes per pillar; 100 items in all
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


@dataclass(frozen=True)
class ChecklistsNetwork:
    template_id: int
    items: int
    audits: int
    answers: int
    score_rows: int
    audit_uid: str  # the benchmark director's audit of the latest year
    director_id: int
    year: int
    seconds: float


def _item_rows(template_id: int, theme_ids: list[tuple[int, str]]) -> list[dict[str, Any]]:
    """100 items spread over the themes, of every scored type."""
    kinds = ("ypn", "ypn", "ypn", "choice", "percent", "number", "multi", "ypn", "text", "percent")
    rows = []
    n = 0
    while n < 100:
        theme_id, theme_code = theme_ids[n % len(theme_ids)]
        kind = kinds[n % len(kinds)]
        number = n // len(theme_ids) + 1
        options = []
        if kind in ("choice", "multi"):
            options = [
                {"key": key, "score": score, "label": {"fr": key, "en": key}}
                for key, score in (
                    ("none", 0.0),
                    ("some", 0.5 if kind == "choice" else 0.34),
                    ("all", 1.0 if kind == "choice" else 0.33),
                )
            ]
        rows.append(
            {
                "template_id": template_id,
                "theme_id": theme_id,
                "code": f"{theme_code}-{number:02d}",
                "position": number,
                "answer_type": kind,
                "unit": "kWh" if kind == "number" else None,
                "evidence_required": n % 4 == 0,
                "weight": 1 + n % 3,
                "kpi": kind in ("percent", "number"),
                "options": options,
                "rules": {"target": 60, "step": 5}
                if kind == "percent"
                else {"direction": "down", "step": 5, "step_relative": True},
                "texts": {
                    "fr": {"question": f"Question {theme_code}-{number:02d} ?"},
                    "en": {"question": f"Question {theme_code}-{number:02d}?"},
                },
                "translated_from": {},
            }
        )
        n += 1
    return rows


def _value(kind: str, rng: random.Random, level: float) -> dict[str, Any]:
    good = min(1.0, max(0.0, level + rng.uniform(-0.3, 0.3)))
    if kind == "ypn":
        return {"choice": "na" if rng.random() < 0.05 else "yes" if good > 0.66 else "partly" if good > 0.33 else "no"}
    if kind == "choice":
        return {"choice": ("none", "some", "all")[min(2, int(good * 3))]}
    if kind == "multi":
        return {"choices": ["none", "some", "all"][: int(good * 3 + 0.5)]}
    if kind == "percent":
        return {"numerator": round(good * 20), "denominator": 20}
    if kind == "number":
        return {"number": round(1000 * (1.5 - good), 1)}
    return {"text": "Notes"}


def populate_checklists(app: Any, network: Network, *, seed: int = 2027) -> ChecklistsNetwork:
    """Commit the template, campaigns, audits, answers and scores; returns what the measurement reads."""
    from checklists.models import (
        Answer,
        Audit,
        AuditorAssignment,
        Campaign,
        Item,
        Pillar,
        Profile,
        Score,
        Template,
        Theme,
    )
    from checklists.scoring import Given, ItemRule, score
    from sonores_lms.extensions import db
    from sonores_lms.institutes.models import Institute

    started = time.perf_counter()
    rng = random.Random(seed)
    with app.app_context():
        template = Template(code="eco-bench", version_number=1, year=2027, status="published", published_at=NOW)
        template.set_texts("fr", {"title": "Audit écoresponsable"})
        db.session.add(template)
        db.session.flush()
        theme_ids: list[tuple[int, str]] = []
        for p, (pillar_code, themes) in enumerate(PILLARS):
            pillar = Pillar(template_id=template.id, code=pillar_code, position=p)
            pillar.set_texts("fr", {"title": pillar_code})
            db.session.add(pillar)
            db.session.flush()
            for t in range(themes):
                code = f"{pillar_code}-T{chr(65 + t)}X"
                theme = Theme(pillar_id=pillar.id, code=code[:7], position=t)
                theme.set_texts("fr", {"title": code})
                db.session.add(theme)
                db.session.flush()
                theme_ids.append((theme.id, theme.code))
        db.session.execute(insert(Item), _item_rows(template.id, theme_ids))
        items = list(
            db.session.execute(
                select(
                    Item.id, Item.code, Item.answer_type, Item.weight, Item.kpi, Item.options, Item.rules, Item.theme_id
                )
            )
        )
        theme_code = {tid: code for tid, code in theme_ids}
        rules = [
            ItemRule(
                code=i.code,
                theme=theme_code[i.theme_id],
                pillar=theme_code[i.theme_id].split("-")[0],
                answer_type=i.answer_type.value,
                weight=i.weight,
                kpi=i.kpi,
                options={o["key"]: o["score"] for o in i.options or []},
                rules=i.rules or {},
            )
            for i in items
        ]
        institute_ids = list(db.session.scalars(select(Institute.id).order_by(Institute.id)))
        db.session.execute(
            insert(Profile),
            [
                {
                    "institute_id": iid,
                    "staff_band": ("small", "medium", "large")[n % 3],
                    "owns_building": n % 4 == 0,
                    "has_hall": n % 3 != 0,
                    "named": n % 50 == 0,
                }
                for n, iid in enumerate(institute_ids)
            ],
        )
        campaigns = {}
        for year in YEARS:
            campaign = Campaign(
                template_id=template.id,
                year=year,
                period_start=date(year - 1, 1, 1),
                period_end=date(year - 1, 12, 31),
                self_deadline=date(year, 4, 30),
                review_deadline=date(year, 6, 30),
            )
            campaign.set_texts("fr", {"title": f"Audit {year}"})
            db.session.add(campaign)
            db.session.flush()
            campaigns[year] = campaign.id
        db.session.commit()

        next_audit = (db.session.scalar(select(Audit.id).order_by(Audit.id.desc()).limit(1)) or 0) + 1
        audit_rows: list[dict[str, Any]] = []
        answer_rows: list[dict[str, Any]] = []
        score_rows: list[dict[str, Any]] = []
        director_audit = ""
        answers = scores = 0
        for institute_id in institute_ids:
            level = rng.uniform(0.2, 0.7)
            previous: dict[str, dict[str, Any]] = {}
            for year in YEARS:
                audit_id = next_audit
                next_audit += 1
                uid = uuid.uuid4().hex
                latest = year == YEARS[-1]
                state = (
                    ("in-progress", "submitted", "in-review", "validated")[institute_id % 4] if latest else "validated"
                )
                values = {rule.code: _value(rule.answer_type, rng, level + 0.05 * (year - YEARS[0])) for rule in rules}
                given = {
                    code: Given(value, has_evidence=True, last_year=previous.get(code))
                    for code, value in values.items()
                }
                result = score(rules, given)
                audit_rows.append(
                    {
                        "id": audit_id, "uid": uid, "campaign_id": campaigns[year], "institute_id": institute_id,
                        "state": state, "updated_at": NOW, "submitted_at": NOW, "validated_at": NOW if state == "validated" else None,
                        "self_percent": result.overall, "reviewed_percent": result.overall, "level": None, "version": 1,
                    }
                )  # fmt: skip
                for item in items:
                    answer_rows.append(
                        {"audit_id": audit_id, "item_id": item.id, "value": values[item.code], "from_last_year": False,
                         "updated_at": NOW, "version": 1}
                    )  # fmt: skip
                for basis in ("self", "reviewed"):
                    for code, percent in result.themes.items():
                        score_rows.append(
                            {"audit_id": audit_id, "scope": "theme", "code": code, "basis": basis, "percent": percent}
                        )
                    for code, percent in result.pillars.items():
                        score_rows.append(
                            {"audit_id": audit_id, "scope": "pillar", "code": code, "basis": basis, "percent": percent,
                             "level": result.pillar_levels.get(code)}
                        )  # fmt: skip
                if institute_id == network.director_institute_id and latest:
                    director_audit = uid
                previous = values
            if len(answer_rows) >= 50_000:
                answers += len(answer_rows)
                scores += len(score_rows)
                _flush(db, Audit, Answer, Score, audit_rows, answer_rows, score_rows)
                audit_rows, answer_rows, score_rows = [], [], []
        answers += len(answer_rows)
        scores += len(score_rows)
        _flush(db, Audit, Answer, Score, audit_rows, answer_rows, score_rows)
        # The director's latest audit stays open for the answer-saving measurement; an auditor is assigned.
        audit = db.session.scalar(select(Audit).where(Audit.uid == director_audit))
        audit.state = "in-progress"
        db.session.add(AuditorAssignment(audit_id=audit.id, user_id=network.admin_id))
        db.session.commit()
        if db.engine.dialect.name == "postgresql":
            with db.engine.connect() as conn:
                conn.exec_driver_sql("ANALYZE")
        return ChecklistsNetwork(
            template_id=template.id,
            items=len(items),
            audits=len(institute_ids) * len(YEARS),
            answers=answers,
            score_rows=scores,
            audit_uid=director_audit,
            director_id=network.director_id,
            year=YEARS[-1],
            seconds=time.perf_counter() - started,
        )


def _flush(
    db: Any, audit: Any, answer: Any, score: Any, audits: list[Any], answers: list[Any], scores: list[Any]
) -> None:
    if audits:
        db.session.execute(insert(audit), audits)
    for batch in _batches(answers):
        db.session.execute(insert(answer), batch)
    for batch in _batches(scores):
        db.session.execute(insert(score), batch)
    db.session.commit()
