"""Migration courses_0002: files get random uids, and the lessons that named a file by its number name it by its uid."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import column, create_engine, text
from sqlalchemy import table as sa_table

from tests.fixtures.app import make_database, test_config


@pytest.fixture
def old_database(database_kind, tmp_path_factory):
    """A database of its own, migrated up to the courses branch's first revision only."""
    yield from make_database(database_kind, tmp_path_factory, "file_uids")


TEXTS = {"texts": "{}", "translated_from": "{}"}


def _insert(connection, table, **values):
    rows = sa_table(table, column("id"), *(column(name) for name in values))
    return connection.execute(rows.insert().values(**values).returning(rows.c.id)).scalar()


@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
def test_lessons_name_their_file_by_its_new_uid(old_database):
    from flask_migrate import downgrade, upgrade

    from sonores_lms import create_app
    from sonores_lms.extensions import db

    app = create_app(test_config(old_database))
    with app.app_context():
        upgrade(revision="courses_0001")
    engine = create_engine(old_database)
    now = "2026-01-01 00:00:00"
    with engine.begin() as connection:
        plan = _insert(connection, "courses_plans", year=2026, revision=1, status="draft", created_at=now,
                       version=1, **TEXTS)  # fmt: skip
        axis = _insert(connection, "courses_axes", uid="a" * 32, plan_id=plan, code="x", position=0,
                       **TEXTS)  # fmt: skip
        track = _insert(connection, "courses_tracks", uid="t" * 32, axis_id=axis, position=0, enforce_order=False,
                        version=1, **TEXTS)  # fmt: skip
        course = _insert(connection, "courses_courses", uid="c" * 32, track_id=track, position=0, level="beginner",
                         audience="[]", updated_at=now, version=1, **TEXTS)  # fmt: skip
        module = _insert(connection, "courses_modules", uid="m" * 32, course_id=course, position=0, version=1,
                         **TEXTS)  # fmt: skip
        stored = _insert(connection, "courses_files", sha256="0" * 64, filename="programme.pdf",
                         content_type="application/pdf", size=10, created_at=now)  # fmt: skip
        lessons = {}
        for name, data in (("with_file", {"file_id": stored, "filename": "programme.pdf"}), ("link", {"url": "x"})):
            lessons[name] = _insert(connection, "courses_lessons", uid=name.ljust(32, "0"), module_id=module,
                                    position=0, kind="file", duration_minutes=5, required=True,
                                    data=json.dumps(data), updated_at=now, version=1,
                                    **TEXTS)  # fmt: skip
    try:
        with app.app_context():
            upgrade(revision="heads")
        with engine.connect() as connection:
            uid = connection.execute(text("SELECT uid FROM courses_files WHERE id = :id"), {"id": stored}).scalar()
            rows = dict(connection.execute(text("SELECT id, data FROM courses_lessons")).all())
        data = {key: value if isinstance(value, dict) else json.loads(value) for key, value in rows.items()}
        assert len(uid) == 32 and uid != str(stored)
        assert data[lessons["with_file"]] == {"file_id": uid, "filename": "programme.pdf"}
        assert data[lessons["link"]] == {"url": "x"}
        with app.app_context():
            downgrade(revision="courses_0001")
        with engine.connect() as connection:
            back = connection.execute(text("SELECT data FROM courses_lessons WHERE id = :id"),
                                      {"id": lessons["with_file"]}).scalar()  # fmt: skip
        assert (back if isinstance(back, dict) else json.loads(back))["file_id"] == stored
    finally:
        engine.dispose()
        with app.app_context():
            db.engine.dispose()  # before the database is dropped under its connections
