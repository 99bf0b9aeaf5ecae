"""Engine-level settings that make SQLite behave like the production database where it matters."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from flask import has_request_context, request
from sqlalchemy import DateTime, TypeDecorator, event
from sqlalchemy.engine import Engine

# How long a writer waits for SQLite's write lock before giving up (then the request is a 500, as before).
SQLITE_BUSY_TIMEOUT_MS = 15_000


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on both databases (SQLite drops the offset; this puts it back)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTCDateTime column")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# Requests with these methods only read (the rare write they make waits like any other, see below).
READING_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def _begin_statement() -> str:
    """``BEGIN IMMEDIATE`` where the transaction is expected to write, plain ``BEGIN`` where it only reads.

    SQLite allows one writer at a time. A deferred transaction that has read and then writes cannot wait for the
    lock (its snapshot may be stale): it fails at once with "database is locked", and twelve learners starting a
    course together got six 500s. An immediate transaction takes the write lock first, waiting its turn up to
    the busy timeout. Pages that only read keep deferred transactions, which WAL lets run beside a writer.
    """
    if has_request_context():
        return "BEGIN" if request.method in READING_METHODS else "BEGIN IMMEDIATE"
    return "BEGIN IMMEDIATE"  # commands and jobs: they are run to change things


def configure_sqlite(engine: Engine) -> None:
    """Foreign keys on, WAL, writers waiting their turn, and transactions that SQLAlchemy controls (so SAVEPOINTs
    work in tests)."""
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql(_begin_statement())
