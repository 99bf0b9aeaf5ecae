"""knowledge_0002 gives an index built before it its titles' tier, filled from the titles it holds, and its
downgrade puts back the layout knowledge_0001 made (on the database under test)."""

from __future__ import annotations

from flask_migrate import downgrade
from sqlalchemy import inspect, text

from sonores_lms import create_app, search
from sonores_lms.extensions import db
from tests.fixtures.app import make_database, test_config
from tests.fixtures.app import migrate as migrate_to


def _layout(connection) -> set[str]:
    """What the index is made of: its tables on SQLite, its columns on PostgreSQL."""
    if connection.dialect.name == "sqlite":
        rows = connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE name LIKE 'knowledge_fts%'")
        return {row[0] for row in rows}
    return {column["name"] for column in inspect(connection).get_columns("knowledge_fts")}


def test_the_title_tier_is_built_for_existing_rows_and_taken_down_cleanly(database_kind, tmp_path_factory):
    databases = make_database(database_kind, tmp_path_factory, "titletier")
    app = create_app(test_config(next(databases)))
    try:
        migrate_to(app, "knowledge_0001")
        with app.app_context():
            with db.engine.begin() as connection:
                if connection.dialect.name == "sqlite":
                    assert "knowledge_fts_titles" not in _layout(connection)
                    connection.execute(
                        text("INSERT INTO knowledge_fts (rowid, title_fr, body_fr) VALUES (7, :title, :body)"),
                        {"title": "Fête de la musique", "body": "Un concert."},
                    )
                else:
                    assert "ranking" in _layout(connection) and "titles" not in _layout(connection)
                    connection.execute(
                        text(
                            "INSERT INTO knowledge_fts (key, title_fr, body_fr, document, ranking) VALUES "
                            "(7, :title, :body, to_tsvector('sonores_fr', :title || ' ' || :body), '')"
                        ),
                        {"title": "Fête de la musique", "body": "Un concert."},
                    )
            migrate_to(app)
            with app.test_request_context():
                assert search.ranked_titles("knowledge_fts", ["fete"]) != []
                assert [hit.key for hit in search.search("knowledge_fts", "musique").hits] == [7]
                assert search.ranked_titles("knowledge_fts", ["concert"]) == []  # a text's word, not a title's
                db.session.remove()
            with db.engine.connect() as connection:
                after = _layout(connection)
            downgrade(revision="knowledge_0001")
            with db.engine.connect() as connection:
                before = _layout(connection)
            if database_kind == "sqlite":
                assert "knowledge_fts_titles" in after and "knowledge_fts_titles" not in before
            else:
                assert "titles" in after and "ranking" not in after
                assert "ranking" in before and "titles" not in before
                with db.engine.connect() as connection:
                    assert connection.scalar(text("SELECT ranking <> '' FROM knowledge_fts WHERE key = 7"))
            migrate_to(app)  # and up again
            with app.test_request_context():
                assert [hit.key for hit in search.search("knowledge_fts", "fete").hits] == [7]
                db.session.remove()
            db.engine.dispose()
    finally:
        next(databases, None)
