"""The checklists demo: the 2027 template, a campaign with audits in every state across several countries, two
earlier years for a few institutes (trends and action plans show), and the demo auditors assigned to some audits.

Idempotent by natural keys: the template by code and version, a campaign by template and year, an audit by
campaign and institute; what exists is left alone. Answers are drawn from a generator seeded by the institute's
name, so two loads give the same demo.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from sonores_lms.database import utcnow
from sonores_lms.extensions import db
from sonores_lms.institutes.models import Institute
from sonores_lms.people.models import User

from .models import (
    Action,
    ActionStatus,
    Answer,
    AnswerChange,
    Audit,
    AuditorAssignment,
    AuditState,
    Campaign,
    Item,
    Profile,
    Referent,
    Template,
)
from .results import recompute
from .template_io import build, parse

CONTENT = Path(__file__).parent / "demo_content" / "eco-2027.yaml"
AUDITORS = ("natasha.campbell@example.org", "diego.alvarez-cardenas@example.org")
# Staff named referents by their director: they fill the audit (Lima's was returned with questions).
REFERENTS = (("carlos.mendoza-quispe@example.org", "Alliance Française de Lima"),)

# The 2027 campaign: (institute, state, auditor index or None).
CURRENT: tuple[tuple[str, AuditState, int | None], ...] = (
    ("Alliance Française du Cap-Haïtien", AuditState.IN_PROGRESS, 0),
    ("Alliance Française de Bogotá", AuditState.SUBMITTED, 0),
    ("Alliance Française de Mexico", AuditState.IN_REVIEW, 0),
    ("Alliance Française de Lima", AuditState.RETURNED, 0),
    ("Alliance Française de Quito", AuditState.VALIDATED, 1),
    ("Alliance Française de São Paulo", AuditState.NOT_STARTED, 1),
    ("Alliance Française de Montevideo", AuditState.CLOSED, None),
    ("Alliance Française de la Jamaïque", AuditState.SUBMITTED, 1),
    ("Alliance Française de Buenos Aires", AuditState.IN_PROGRESS, None),
    ("Institut français du Chili", AuditState.VALIDATED, 1),
)
# Earlier years: every institute of these countries was audited and validated (the network view has groups of
# five and more), and the first four institutes of CURRENT have a history of two years.
EARLIER_COUNTRIES = ("AR", "BR", "CO", "MX", "EC", "HT", "PE", "CL")
HISTORY = tuple(name for name, _state, _auditor in CURRENT[:4])
FILLED = {AuditState.IN_PROGRESS: 0.4, AuditState.RETURNED: 1.0, AuditState.NOT_STARTED: 0.0}


def load_template() -> Template:
    """The demo template, imported and published once (found again by code and version)."""
    data, errors = parse(CONTENT.read_text(encoding="utf-8"))
    if errors:
        raise RuntimeError("demo template: " + "; ".join(str(e) for e in errors))
    found = db.session.scalar(
        select(Template).where(Template.code == data["code"], Template.version_number == data.get("version", 1))
    )
    if found is not None:
        return found
    template = build(data, publish=True)
    db.session.flush()
    return template


def _campaign(template: Template, year: int, today: date) -> tuple[Campaign, bool]:
    found = db.session.scalar(select(Campaign).where(Campaign.template_id == template.id, Campaign.year == year))
    if found is not None:
        return found, False
    current = year >= today.year
    campaign = Campaign(
        template_id=template.id,
        year=year,
        period_start=date(year - 1, 1, 1),
        period_end=date(year - 1, 12, 31),
        self_deadline=today + timedelta(days=45) if current else date(year, 4, 30),
        review_deadline=today + timedelta(days=100) if current else date(year, 6, 30),
        closed_at=None if current else utcnow(),
    )
    titles = {
        "fr": f"Audit écoresponsable {year}",
        "es": f"Auditoría ecorresponsable {year}",
        "pt": f"Auditoria ecorresponsável {year}",
        "en": f"Eco-responsibility audit {year}",
    }
    for lang in ("fr", "es", "pt", "en"):
        campaign.set_texts(lang, {"title": titles[lang]})
    db.session.add(campaign)
    db.session.flush()
    return campaign, True


def _value(item: Item, rng: random.Random, level: float, growth: float) -> dict[str, Any]:
    """A plausible answer: ``level`` (0-1) is how far along the institute is, ``growth`` its yearly progress."""
    kind = item.answer_type.value
    good = min(1.0, max(0.0, level + growth + rng.uniform(-0.3, 0.3)))
    if kind == "ypn":
        return {"choice": "yes" if good > 0.66 else "partly" if good > 0.33 else "no"}
    if kind == "choice":
        options = item.options or []
        return {"choice": options[min(len(options) - 1, int(good * len(options)))]["key"]}
    if kind == "multi":
        keys = [o["key"] for o in item.options or []]
        return {"choices": keys[: int(good * len(keys) + 0.5)]}
    if kind == "percent":
        denominator = rng.choice([10, 20, 24, 40, 50])
        return {"numerator": round(good * denominator), "denominator": denominator}
    if kind == "number":
        high = float((item.rules or {}).get("max", 100) or 100)
        base = min(high, max(1.0, high / 1000 if high > 1000 else high / 10))
        if (item.rules or {}).get("direction") == "down":
            return {"number": round(base * (1.5 - good), 1)}
        return {"number": round(base * (0.2 + good), 1)}
    if kind == "text":
        return {"text": rng.choice(["Mesurer nos déplacements.", "Accessibilité numérique.", "Contrats d'artistes."])}
    return {"attached": True}


def _fill(audit: Audit, items: list[Item], rng: random.Random, *, share: float, growth: float, reviewed: bool) -> None:
    level = rng.uniform(0.2, 0.7)
    for index, item in enumerate(items):
        if share < 1 and (index / max(1, len(items))) >= share:
            break
        value = _value(item, rng, level, growth)
        if item.takes_emission_factor:  # the air-travel factor the reference cites
            value["factor"] = {"source": "ADEME Base Carbone", "year": 2018, "value": 0.152, "unit": "kg CO2e/pkm"}
        comment = "Voir la note du directeur." if value.get("choice") in ("partly", "na") else None
        answer = Answer(audit_id=audit.id, item_id=item.id, value=value, comment=comment)
        answer.changes.append(AnswerChange(side="self", before=None, after=value, comment=comment))
        if reviewed and value.get("choice") == "yes" and item.evidence_required and rng.random() < 0.3:
            lowered = {"choice": "partly"}
            answer.reviewed = lowered
            answer.review_comment = "Pas de preuve jointe : ramené à « en partie »."
            answer.changes.append(
                AnswerChange(side="review", before=value, after=lowered, comment=answer.review_comment)
            )
        db.session.add(answer)


def _audit(campaign: Campaign, institute: Institute, state: AuditState) -> tuple[Audit, bool]:
    found = db.session.scalar(select(Audit).where(Audit.campaign_id == campaign.id, Audit.institute_id == institute.id))
    if found is not None:
        return found, False
    audit = Audit(campaign_id=campaign.id, institute_id=institute.id, state=state)
    if state in (AuditState.SUBMITTED, AuditState.IN_REVIEW, AuditState.VALIDATED, AuditState.CLOSED):
        audit.submitted_at = utcnow()
    if state in (AuditState.VALIDATED, AuditState.CLOSED):
        audit.validated_at = utcnow()
    if state == AuditState.RETURNED:
        audit.questions = "Pouvez-vous joindre la lettre du recycleur et le registre des déplacements de mars ?"
    db.session.add(audit)
    db.session.flush()
    return audit, True


def load() -> None:
    template = load_template()
    items = list(
        db.session.scalars(select(Item).where(Item.template_id == template.id).order_by(Item.theme_id, Item.position))
    )
    institutes = {i.name: i for i in db.session.scalars(select(Institute))}
    auditors = [db.session.scalar(select(User).where(User.email == email)) for email in AUDITORS]
    today = utcnow().date()
    year = today.year + 1 if today.month >= 10 else today.year
    # Profiles: peer groups for the network view; three institutes agreed to be named.
    for n, institute in enumerate(sorted(institutes.values(), key=lambda i: i.name)):
        if db.session.get(Profile, institute.id) is None:
            db.session.add(
                Profile(
                    institute_id=institute.id,
                    staff_band=("small", "medium", "large")[n % 3],
                    owns_building=n % 4 == 0,
                    has_hall=n % 3 != 0,  # the small institutes have no hall of their own
                    named=institute.name
                    in ("Alliance Française de Quito", "Institut français du Chili", "Alliance Française de Bogotá"),
                )
            )
    for earlier, growth in ((year - 2, -0.15), (year - 1, 0.0)):
        campaign, created = _campaign(template, earlier, today)
        if not created:
            continue
        chosen = [i for i in institutes.values() if i.country in EARLIER_COUNTRIES] + [
            institutes[name] for name in HISTORY if name in institutes
        ]
        for institute in {i.id: i for i in chosen}.values():
            rng = random.Random(f"{institute.name}-{earlier}")
            audit, _new = _audit(
                campaign, institute, AuditState.CLOSED if earlier == year - 2 else AuditState.VALIDATED
            )
            _fill(audit, items, rng, share=1.0, growth=growth, reviewed=True)
            db.session.flush()
            if earlier == year - 1 and institute.name in HISTORY:
                _actions(audit, items, rng)
            recompute(audit)
    for email, name in REFERENTS:
        person = db.session.scalar(select(User).where(User.email == email))
        institute = institutes.get(name)
        if person is not None and institute is not None and person.institute_id == institute.id:
            named = db.session.scalar(
                select(Referent).where(Referent.institute_id == institute.id, Referent.user_id == person.id)
            )
            if named is None:
                db.session.add(Referent(institute_id=institute.id, user_id=person.id))
    campaign, created = _campaign(template, year, today)
    if created:
        for name, state, auditor in CURRENT:
            institute = institutes.get(name)
            if institute is None:
                continue
            audit, _new = _audit(campaign, institute, state)
            if auditor is not None and auditors[auditor] is not None:
                audit.auditors.append(AuditorAssignment(user_id=auditors[auditor].id))
            rng = random.Random(f"{name}-{year}")
            share = FILLED.get(state, 1.0)
            if share:
                reviewed = state in (AuditState.IN_REVIEW, AuditState.VALIDATED, AuditState.CLOSED)
                _fill(audit, items, rng, share=share, growth=0.1, reviewed=reviewed)
            db.session.flush()
            recompute(audit)
    db.session.flush()


def _actions(audit: Audit, items: list[Item], rng: random.Random) -> None:
    codes = [item.code for item in items if item.weight == 3][:3]
    plan = (
        ("Mutualiser les invitations de mars avec deux instituts voisins, trois dates par voyage", ActionStatus.DONE),
        ("Obtenir une lettre de la filière de recyclage de la mairie", ActionStatus.IN_PROGRESS),
        ("Former l'accueil à recevoir les publics handicapés", ActionStatus.PLANNED),
    )
    for (title, status), code in zip(plan, codes, strict=False):
        db.session.add(
            Action(
                audit_id=audit.id,
                title=title,
                item_codes=[code],
                status=status,
                priority=3.0,
                due_on=date(audit.campaign.year, 10, 31),
                completion_note="Tournée commune signée." if status == ActionStatus.DONE else None,
            )
        )
    rng.random()
