"""The knowledge benchmark's generator and measurement at a tiny scale, on a database of the suite's kind."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select

from benchmarks.generate_knowledge import populate_knowledge
from benchmarks.measure import build_app, server_version
from benchmarks.measure_knowledge import KnowledgeRun, markdown, measure_knowledge
from tests.fixtures.app import make_database


@pytest.fixture
def bench_app(database_kind: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from sonores_lms.extensions import db

    databases = make_database(database_kind, tmp_path_factory, "benchknowledge")
    app = build_app(next(databases))
    try:
        yield app
    finally:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
        next(databases, None)  # drops the PostgreSQL database


def test_generate_index_and_measure(bench_app):
    from knowledge.models import FacetValue, Resource
    from sonores_lms import search
    from sonores_lms.extensions import db

    base = populate_knowledge(bench_app, resources=60)
    assert base.resources == 60 and base.documents >= 60 and base.seconds_index > 0
    with bench_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Resource)) == 60
        assert db.session.scalar(select(func.count(func.distinct(FacetValue.resource_id)))) == 60
        with bench_app.test_request_context():
            assert search.search("knowledge_fts", "festival").total > 0
    cases = measure_knowledge(bench_app, repeat=3, warmup=1)
    assert [case.name for case in cases][:4] == ["1 word", "2 words", "3 words", "2 words, 2 facets"]
    assert all(len(case.times_ms) == 3 for case in cases)
    text = markdown([KnowledgeRun("sqlite", server_version(bench_app), base, cases)], 3)
    assert text.startswith("## Knowledge base") and "| 2 words, 2 facets |" in text
