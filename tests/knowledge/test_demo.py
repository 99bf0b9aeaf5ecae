"""The knowledge base's demo: about forty resources in four languages from across the network, several reused
elsewhere, one featured, one in review; loaded twice harmlessly and searchable at once."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from sqlalchemy import func, select

from knowledge.budget import CURRENCIES, totals
from knowledge.models import Resource, Reuse, Status
from sonores_lms import search
from sonores_lms.demo import load_demo


def test_the_demo_shares_resources_across_the_network(db, app):
    with app.test_request_context():
        load_demo()
        resources = list(db.session.scalars(select(Resource)))
        assert 38 <= len(resources) <= 45
        statuses = Counter(resource.status for resource in resources)
        assert statuses[Status.IN_REVIEW] == 1 and statuses[Status.ARCHIVED] == 1 and statuses[Status.DRAFT] == 1
        assert sum(resource.featured for resource in resources) == 1
        assert {lang for resource in resources for lang in resource.languages} == {"fr", "es", "pt", "en"}
        assert len({resource.country for resource in resources}) >= 15
        assert all(resource.institute_id is not None for resource in resources)
        reused = db.session.scalar(select(func.count(func.distinct(Reuse.resource_id))))
        assert reused >= 5
        kits = [resource for resource in resources if resource.budget]
        assert len(kits) >= 4 and all(
            line["currency"] in CURRENCIES for r in kits for line in r.budget if line["amount"]
        )
        template = next(r for r in kits if r.kind == "template")  # the one a lesson of the courses demo shows
        assert totals(template.budget) == {"COP": Decimal("20160000")}
        assert any(line["amount"] is None and line["note"] for line in template.budget)  # a contribution in kind
        fete = search.search("knowledge_fts", "fete musique", language="es")
        assert fete.total == 1 and fete.hits[0].language == "es"
        assert search.search("knowledge_fts", "senal").total >= 1  # "señal" in the streaming settings
        load_demo()
        assert db.session.scalar(select(func.count()).select_from(Resource)) == len(resources)
