"""The Alembic history builds exactly the tables the models describe, on the database under test; each plugin's
revisions form a branch of their own; a database migrated before the branches existed upgrades to every head."""

from __future__ import annotations

import importlib
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from sonores_lms import create_app
from sonores_lms.extensions import db, migrate
from sonores_lms.plugins import discover, installed_names
from sonores_lms.schema import CORE_BRANCH, CORE_VERSIONS, plugin_versions
from sonores_lms.search import is_index_table
from tests.fixtures.app import make_database, test_config
from tests.fixtures.app import migrate as migrate_to


def _not_a_search_index(name, type_, _parents):
    return not (type_ == "table" and is_index_table(name))


# SQLite's reflection does not read indexes on expressions (the people's sort-name index); Alembic leaves them out
# of the comparison there, and PostgreSQL compares them.
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based index")
def test_models_and_migrations_agree(app):
    for plugin in discover().values():  # one history for every installed plugin, enabled or not
        if plugin.models:
            importlib.import_module(plugin.models)
    with app.app_context(), db.engine.connect() as connection:
        # Search indexes are the search module's, made for the database in use (see sonores_lms.search).
        opts = {"render_as_batch": True, "include_name": _not_a_search_index}
        context = MigrationContext.configure(connection, opts=opts)
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


def _scripts(app) -> ScriptDirectory:
    with app.app_context():
        return ScriptDirectory.from_config(migrate.get_config())


def test_each_plugin_has_a_branch_of_its_own(app):
    """Plugin revisions live in ``<plugin>/migrations/``, carry the plugin's label and ids, and the branch starts
    from nothing but depends on the core; the core's stay in migrations/versions under the ``core`` label."""
    scripts = _scripts(app)
    folders = {name: plugin_versions(name) for name in installed_names()}
    assert folders["courses"] is not None, "courses keeps its revisions in courses/migrations/"
    core_ids = set()
    for script in scripts.walk_revisions():
        folder = Path(script.path).parent
        if folder == CORE_VERSIONS:
            assert CORE_BRANCH in script.branch_labels, script.revision
            assert not script.branch_labels & set(folders), f"{script.revision} is in the core's folder"
            core_ids.add(script.revision)
            continue
        owners = [name for name, versions in folders.items() if versions == folder]
        assert len(owners) == 1, f"{script.path} is in no known version folder"
        name = owners[0]
        assert script.revision.startswith(f"{name}_"), f"{script.revision}: a {name} revision id starts with {name}_"
        assert script.branch_labels == {name}, f"{script.revision} is labelled {script.branch_labels}"
    for name, versions in folders.items():
        if versions is None:
            continue
        in_branch = [s for s in scripts.walk_revisions() if Path(s.path).parent == versions]
        bases = [s for s in in_branch if s.down_revision is None]
        assert len(bases) == 1, f"{name}'s revisions start from one base"
        dependencies = bases[0].dependencies
        dependencies = {dependencies} if isinstance(dependencies, str) else set(dependencies or ())
        assert dependencies & core_ids, f"{name}'s branch depends on core revisions"
        # ... and may depend on the branches of the plugins it requires (their tables exist before its own).
        required = {
            s.revision
            for other in discover()[name].requires
            for s in scripts.walk_revisions()
            if folders.get(other) is not None and Path(s.path).parent == folders[other]
        }
        assert dependencies <= core_ids | required, f"{name}'s branch depends on core or required revisions only"
        assert {s.revision for s in in_branch} >= {scripts.get_revision(f"{name}@head").revision}
    assert scripts.get_revision(f"{CORE_BRANCH}@head").revision in core_ids


@contextmanager
def _database(kind, tmp_path_factory, label):
    generator = make_database(kind, tmp_path_factory, label)
    try:
        yield next(generator)
    finally:
        generator.close()


def test_a_database_migrated_before_the_branches_upgrades_to_every_head(database_kind, tmp_path_factory):
    """0006 was the last revision of the single line: a database stamped there keeps its rows and reaches every
    head, the core's and each plugin's."""
    with _database(database_kind, tmp_path_factory, "at0006") as url:
        app = create_app(test_config(url))
        migrate_to(app, "0006")
        now = datetime.now(UTC)
        with app.app_context():
            with db.engine.begin() as connection:
                assert connection.scalar(text("SELECT version_num FROM alembic_version")) == "0006"
                connection.execute(
                    text(
                        "INSERT INTO core_users (email, first_name, last_name, notifications, active, created_at, "
                        "version, session_token) VALUES ('before@example.org', 'Inès', 'Avant', '{}', :yes, :now, 1, "
                        "'0123456789abcdef0123456789abcdef')"
                    ),
                    {"yes": True, "now": now},
                )
                connection.execute(
                    text(
                        "INSERT INTO courses_plans (year, revision, status, created_at, version, texts, "
                        "translated_from) VALUES (2026, 1, 'draft', :now, 1, '{}', '{}')"
                    ),
                    {"now": now},
                )
            migrate_to(app)
            with db.engine.connect() as connection:
                heads = set(MigrationContext.configure(connection).get_current_heads())
                assert connection.scalar(text("SELECT last_name FROM core_users WHERE email = 'before@example.org'"))
                assert connection.scalar(text("SELECT year FROM courses_plans")) == 2026
            db.engine.dispose()
        scripts = _scripts(app)
        # Alembic keeps a head out of the table when a later head depends on it: compare what each one reaches.
        reached = {rev.revision for rev in scripts.revision_map.iterate_revisions(tuple(heads), "base")}
        assert set(scripts.get_heads()) <= reached
        assert scripts.get_revision("courses@head").revision in reached  # kept out of heads when a plugin needs it


def test_flask_db_upgrade_without_a_revision_reaches_every_head(database_kind, tmp_path_factory):
    """``flask db upgrade``, as a deployment types it: with a branch per plugin Alembic's own default (``head``)
    is ambiguous and refuses to run; the command goes to every head instead."""
    with _database(database_kind, tmp_path_factory, "cli") as url:
        app = create_app(test_config(url))
        result = app.test_cli_runner().invoke(args=["db", "upgrade"])
        assert result.exit_code == 0, result.output
        scripts = _scripts(app)
        with app.app_context():
            with db.engine.connect() as connection:
                heads = set(MigrationContext.configure(connection).get_current_heads())
            db.engine.dispose()
        reached = {rev.revision for rev in scripts.revision_map.iterate_revisions(tuple(heads), "base")}
        assert set(scripts.get_heads()) <= reached
