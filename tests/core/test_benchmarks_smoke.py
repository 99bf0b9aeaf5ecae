"""The benchmark's generator and measurement, at a tiny scale on a database of the suite's kind (its own, dropped)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from benchmarks.generate import Sizes, populate
from benchmarks.measure import MAX_QUERIES, build_app, measure, server_version
from benchmarks.report import NOTES_MARKER, text_table, write_results
from tests.fixtures.app import make_database

SIZES = Sizes(institutes=3, people=30, audit_entries=300)
EXPECTED_PAGES = {
    "dashboard": "/dashboard",
    "people": "/admin/people/",
    "people, search": "/admin/people/?q=mora",
    "people, director": "/admin/people/",
    "institutes": "/admin/institutes/",
    "audit log": "/admin/audit/",
    "audit log, filtered": "/admin/audit/?action=core.role-granted",
    "profile": "/account/profile",
    "sign-in": "/sign-in",
}


@pytest.fixture
def bench_app(database_kind: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from sonores_lms.extensions import db

    databases = make_database(database_kind, tmp_path_factory, "bench")
    url = next(databases)
    app = build_app(url)
    try:
        yield app
    finally:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
        next(databases, None)  # drops the PostgreSQL database


def test_generator_and_measurement_at_a_tiny_scale(bench_app: Any, tmp_path: Path) -> None:
    from sonores_lms.audit.models import AuditEntry
    from sonores_lms.extensions import db
    from sonores_lms.institutes.models import Institute
    from sonores_lms.people.models import RoleAssignment, User
    from sonores_lms.permissions import Role

    network = populate(bench_app, SIZES)
    with bench_app.app_context():
        count = lambda model: db.session.scalar(select(func.count()).select_from(model))  # noqa: E731
        assert (count(Institute), count(User), count(AuditEntry)) == (3, 30, 300)
        assert count(RoleAssignment) == network.role_assignments
        directors = db.session.scalars(
            select(RoleAssignment.institute_id).where(RoleAssignment.role == Role.ADMIN)
        ).all()
        assert sorted(i for i in directors if i is not None) == [1, 2, 3]
        assert directors.count(None) == 5  # the network admins
        director = db.session.get(User, network.director_id)
        assert director is not None and director.scope_of("core.manage-people") == {network.director_institute_id}
        db.session.remove()

    results = measure(bench_app, network, repeat=2, warmup=1)

    by_label = {r.page.label: r for r in results}
    assert set(by_label) == set(EXPECTED_PAGES)
    for label, path in EXPECTED_PAGES.items():
        assert by_label[label].page.path.startswith(path)
    for result in results:
        assert result.status == 200, result.page.label
        assert len(result.times_ms) == 2 and len(result.queries) == 2
        assert 0 < result.median_ms <= result.p95_ms
        assert 0 < result.max_queries < MAX_QUERIES, (result.page.label, result.statements)
        assert result.html_bytes > 1000 and 0 < result.gzip_bytes < result.html_bytes
        assert result.misses() == [] or all("p95" in miss for miss in result.misses())
    # The director sees the people of one institute only; the network admin sees everyone.
    assert by_label["people, director"].html_bytes < by_label["people"].html_bytes
    assert by_label["sign-in"].max_queries < by_label["people"].max_queries

    from benchmarks.measure import Run

    run = Run(kind="x", version=server_version(bench_app), network=network, results=results, seconds=1.0)
    assert "people, director" in text_table(run)
    path = tmp_path / "RESULTS.md"
    path.write_text(f"old table\n{NOTES_MARKER}\nA diagnosis worth keeping.\n", encoding="utf-8")
    write_results([run], repeat=2, warmup=1, scale=0.001, path=path)
    written = path.read_text(encoding="utf-8")
    assert "old table" not in written and written.endswith("A diagnosis worth keeping.\n")
    assert "| 3 | 30 |" in written and "`/admin/audit/`" in written


def test_cpu_clock_measures_and_leaves_results_as_they_are(
    database_kind: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--clock cpu`` times pages by the serving thread's processor time and never rewrites RESULTS.md, which
    holds wall times."""
    import benchmarks.__main__ as cli
    from benchmarks import measure as measuring
    from benchmarks.report import RESULTS

    monkeypatch.setattr(measuring, "clock", measuring.CLOCKS["wall"])
    before = RESULTS.read_bytes()
    args = ["--db", database_kind, "--scale", "0.002", "--repeat", "2", "--warmup", "0", "--no-courses"]
    assert cli.main([*args, "--no-walks", "--clock", "cpu"]) == 0
    assert measuring.clock is measuring.CLOCKS["cpu"]
    assert RESULTS.read_bytes() == before
    printed = capsys.readouterr().out
    assert "sign-in" in printed and "Written" not in printed
