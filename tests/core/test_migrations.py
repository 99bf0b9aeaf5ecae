"""The Alembic history builds exactly the tables the models describe, on the database under test."""

from __future__ import annotations

import importlib

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from sonores_lms.extensions import db
from sonores_lms.plugins import discover


def test_models_and_migrations_agree(app):
    for plugin in discover().values():  # one history for every installed plugin, enabled or not
        if plugin.models:
            importlib.import_module(plugin.models)
    with app.app_context(), db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"render_as_batch": True})
        diff = compare_metadata(context, db.metadata)
    assert diff == [], "run 'flask db migrate' and check the new revision"
