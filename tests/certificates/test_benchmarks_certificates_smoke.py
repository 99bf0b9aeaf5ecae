"""The certificates benchmark's generator and measurements at a tiny scale, on a database of the suite's kind."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from benchmarks.generate_certificates import CertificateSizes, populate_certificates
from benchmarks.measure import measure_pages
from benchmarks.measure_certificates import build_app, markdown, measure_bulk, measure_render, page_misses, pages
from tests.fixtures.app import make_database


@pytest.fixture
def bench_app(database_kind: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from sonores_lms.extensions import db

    databases = make_database(database_kind, tmp_path_factory, "benchcert")
    app = build_app(next(databases))
    try:
        yield app
    finally:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
        next(databases, None)


def test_certificates_benchmark_at_a_tiny_scale(bench_app: Any) -> None:
    from benchmarks.measure_certificates import CertificateRun

    sizes = CertificateSizes(certificates=300, bulk=12)
    data = populate_certificates(bench_app, sizes)
    times, heap_mb, rss_mb = measure_render(bench_app, data.valid_code, repeat=2)
    assert len(times) == 2 and heap_mb > 0 and rss_mb > 0
    issued, seconds = measure_bulk(bench_app, data)
    assert issued == 12 and seconds > 0
    users = {"admin": data.admin_id, "director": data.director_id, "holder": data.holder_id}
    results = measure_pages(bench_app, pages(data), users, repeat=2, warmup=1)
    statuses = {r.page.label: r.status for r in results}
    assert statuses["verification, unknown (404)"] == 404
    assert all(status == 200 for label, status in statuses.items() if "unknown" not in label), statuses
    verification = next(r for r in results if r.page.label == "verification, valid")
    assert verification.max_queries <= 2 and not [m for m in page_misses(verification) if "queries" in m]
    run = CertificateRun("x", "SQLite", data, times, heap_mb, rss_mb, issued, seconds, results)
    text = markdown([run], repeat=2, scale=0.003)
    assert "## Certificates" in text and "verification, valid" in text
