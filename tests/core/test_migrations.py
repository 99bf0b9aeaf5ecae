"""The Alembic history builds exactly the tables the models describe, on the database under test."""

from __future__ import annotations

import importlib

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from sonores_lms.extensions import db
from sonores_lms.plugins import discover


# SQLite's reflection does not read indexes on expressions (the people's sort-name index); Alembic leaves them out
# of the comparison there, and PostgreSQL compares them.
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based index")
def test_models_and_migrations_agree(app):
    for plugin in discover().values():  # one history for every installed plugin, enabled or not
        if plugin.models:
            importlib.import_module(plugin.models)
    with app.app_context(), db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"render_as_batch": True})
        diff = compare_metadata(context, db.metadata)
    assert diff == [], "run 'flask db migrate' and check the new revision"


def test_the_people_sort_index_exists(app):
    """The one index the comparison above cannot see on SQLite: look for it by name."""
    with app.app_context(), db.engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            names = {
                row[0] for row in connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")
            }
        else:
            names = {index["name"] for index in inspect(connection).get_indexes("core_users")}
    assert "ix_core_users_sort_name" in names
