"""Background jobs with Huey: SQLite storage by default, Redis when ``SONORES_REDIS_URL`` is set.

The consumer runs ``huey_consumer sonores_lms.worker.huey`` (the same Huey, with the plugins' tasks registered);
each task runs inside an app context. Tasks must be idempotent: the consumer may retry them.

The Huey object is created on first use (:func:`get_huey`, or the module attribute ``huey``), not on import:
declaring a task (:func:`task`, :meth:`sonores_lms.plugins.Plugin.task`) only notes it, and the note is registered
with Huey when Huey is created. So importing this module, or a plugin's ``jobs`` module, opens no queue and creates
no file; the web process opens the queue when it first queues a job.

Queue with :func:`enqueue_after_commit`: a worker must not read the data before the transaction that wrote it
commits, and a transaction that rolls back must not leave a job behind (a mail about an invitation that was never
saved). With ``JOBS_IMMEDIATE`` the job runs at once instead, inside the caller's transaction, so that what it
writes commits or rolls back with the rest (see :func:`enqueue_after_commit`).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flask import Flask, current_app, has_app_context
from huey import Huey, RedisHuey, SqliteHuey
from huey.api import TaskWrapper
from sqlalchemy import event
from sqlalchemy.orm import Session, SessionTransaction

from .config import Setting

INSTANCE = Path(__file__).resolve().parent.parent / "instance"
logger = logging.getLogger(__name__)

# Read from the environment when Huey is created, because the consumer needs them before any app exists.
QUEUE_SETTINGS: tuple[Setting, ...] = (
    Setting(
        "REDIS_URL",
        None,
        str,
        "When set, jobs go through Redis (`RedisHuey`).",
    ),
    Setting(
        "JOBS_DB",
        None,
        str,
        "The SQLite file of the job queue when there is no Redis (`SqliteHuey`). The web processes and the consumer "
        "must see the same one.",
        shown_default="`instance/jobs.db`",
    ),
)

_huey: Huey | None = None
_declared: list[LazyTask] = []
_worker_app: Flask | None = None


def _make_huey() -> Huey:
    redis_url = os.environ.get("SONORES_REDIS_URL")
    if redis_url:
        return RedisHuey("sonores", url=redis_url)
    filename = os.environ.get("SONORES_JOBS_DB")
    if not filename:
        INSTANCE.mkdir(exist_ok=True)
        filename = str(INSTANCE / "jobs.db")
    return SqliteHuey("sonores", filename=filename)


def get_huey() -> Huey:
    """The process's Huey, created on the first call with every task declared so far registered on it."""
    global _huey
    if _huey is None:
        _huey = _make_huey()
        for declared in _declared:
            declared._register(_huey)
    return _huey


def __getattr__(name: str) -> Any:
    # ``from sonores_lms.jobs import huey`` and ``huey_consumer sonores_lms.worker.huey`` create it on demand.
    if name == "huey":
        return get_huey()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class LazyTask:
    """A declared task: registered with Huey when Huey is created, queued by calling it.

    ``call_local`` runs the body here and now without touching the queue (what ``JOBS_IMMEDIATE`` does).
    """

    def __init__(self, fn: Callable[..., Any], options: dict[str, Any], periodic: Callable[..., bool] | None) -> None:
        self.fn = fn
        self.options = options
        self.periodic = periodic
        self.name = f"{fn.__module__}.{fn.__qualname__}"
        self.__doc__ = fn.__doc__
        self._wrapper: TaskWrapper | None = None

    def _register(self, huey: Huey) -> None:
        if self.periodic is not None:
            self._wrapper = huey.periodic_task(self.periodic, **self.options)(self.fn)
        else:
            self._wrapper = huey.task(**self.options)(self.fn)

    @property
    def wrapper(self) -> TaskWrapper:
        """Huey's own task object (creating Huey if needed)."""
        get_huey()
        assert self._wrapper is not None
        return self._wrapper

    def __call__(self, **kwargs: Any) -> Any:
        return self.wrapper(**kwargs)

    def call_local(self, **kwargs: Any) -> Any:
        return self.fn(**kwargs)

    def __repr__(self) -> str:
        return f"<task {self.name}>"


def _in_app(fn: Callable[..., Any]) -> Callable[..., Any]:
    def run(*args: Any, **kwargs: Any) -> Any:
        global _worker_app
        if has_app_context():
            return fn(*args, **kwargs)
        if _worker_app is None:
            from . import create_app

            _worker_app = create_app()
        with _worker_app.app_context():
            return fn(*args, **kwargs)

    # Huey names a task after its function's module and name: keep those of the body.
    run.__name__ = fn.__name__
    run.__qualname__ = fn.__qualname__
    run.__module__ = fn.__module__
    run.__doc__ = fn.__doc__
    return run


def _declare(fn: Callable[..., Any], options: dict[str, Any], periodic: Callable[..., bool] | None) -> LazyTask:
    declared = LazyTask(_in_app(fn), options, periodic)
    _declared.append(declared)
    if _huey is not None:
        declared._register(_huey)
    return declared


def task(**options: Any) -> Callable[[Callable[..., Any]], LazyTask]:
    """Declare a core job (options as ``huey.task``) whose body runs in an app context; plugins use
    :meth:`sonores_lms.plugins.Plugin.task`, which also skips the body where the plugin is disabled."""

    def decorator(fn: Callable[..., Any]) -> LazyTask:
        return _declare(fn, options, None)

    return decorator


def periodic_task(validate_datetime: Callable[..., bool], **options: Any) -> Callable[[Callable[..., Any]], LazyTask]:
    """Declare a periodic core job, e.g. ``@periodic_task(crontab(hour="3"))``; see :func:`task`."""

    def decorator(fn: Callable[..., Any]) -> LazyTask:
        return _declare(fn, options, validate_datetime)

    return decorator


def enqueue(job: LazyTask, **kwargs: Any) -> None:
    """Queue ``job`` now, or run it at once when ``JOBS_IMMEDIATE`` is set (tests, single-process setups).

    Decided per app rather than with Huey's global ``immediate`` switch, so several apps can coexist. Code that
    runs inside a database transaction calls :func:`enqueue_after_commit` instead.
    """
    if current_app.config["JOBS_IMMEDIATE"]:
        job.call_local(**kwargs)
    else:
        job(**kwargs)


# -- queued when the transaction commits ------------------------------------------------------------------------

_PENDING = "sonores_jobs_pending"  # a key of Session.info


@dataclass
class _Pending:
    job: LazyTask
    kwargs: dict[str, Any]
    transaction: SessionTransaction | None  # the innermost transaction (a savepoint perhaps) it was queued in
    merge: str | None = None
    merged: set[Any] = field(default_factory=set)


def enqueue_after_commit(job: LazyTask, *, merge: str | None = None, **kwargs: Any) -> None:
    """Queue ``job(**kwargs)`` once the current database transaction commits; drop it if the transaction rolls back.

    - Jobs are queued in the order they were asked for, right after the outermost transaction's commit, so the
      worker reads what the transaction wrote. A rollback drops every job asked for in that transaction; a
      savepoint's rollback (``begin_nested``) drops those asked for inside the savepoint only.
    - ``merge`` names a list argument: calls of the same job with the same other arguments in the same transaction
      (or savepoint) become one job whose list is the sorted union, so a request or an import that touches five
      hundred people queues one job, not five hundred.
    - With ``JOBS_IMMEDIATE`` the job runs at once, inside the caller's transaction: what it writes to the database
      commits or rolls back with that transaction. (A mail job sends at once: this mode is for tests and for one
      process without a consumer.)
    """
    if current_app.config["JOBS_IMMEDIATE"]:
        job.call_local(**kwargs)
        return
    from .extensions import db

    session = db.session()
    _listen()
    # Before any statement the session has no transaction yet: begin the one that autobegin would, so that the job
    # belongs to it (and is forgotten with it if the session is closed instead of committed).
    transaction = session.get_nested_transaction() or session.get_transaction() or session.begin()
    pending: list[_Pending] = session.info.setdefault(_PENDING, [])
    if merge is not None:
        values = set(kwargs.pop(merge))
        for entry in pending:
            if (
                entry.job is job
                and entry.merge == merge
                and entry.transaction is transaction
                and entry.kwargs == kwargs
            ):
                entry.merged.update(values)
                return
        pending.append(_Pending(job, kwargs, transaction, merge, values))
        return
    pending.append(_Pending(job, kwargs, transaction))


def pending_jobs(session: Session) -> list[tuple[LazyTask, dict[str, Any]]]:
    """What ``session``'s commit would queue, as ``(job, kwargs)`` pairs (for tests and debugging)."""
    return [(entry.job, _arguments(entry)) for entry in session.info.get(_PENDING, [])]


def _arguments(entry: _Pending) -> dict[str, Any]:
    if entry.merge is None:
        return dict(entry.kwargs)
    return {**entry.kwargs, entry.merge: sorted(entry.merged)}


def _after_commit(session: Session) -> None:
    # SQLAlchemy fires this for a savepoint's release too: its jobs wait for the outermost commit, still tagged with
    # the savepoint so that a rollback of the transaction around it drops them.
    if session.get_nested_transaction() is not None:
        return
    pending: list[_Pending] = session.info.pop(_PENDING, [])
    for entry in pending:
        try:
            entry.job(**_arguments(entry))
        except Exception:
            # The data is committed: a queue that cannot be reached must not turn the request into an error page.
            # The job is lost (the nightly rebuild repairs the summaries; a mail has to be asked for again).
            logger.exception("Could not queue job %s after the commit", entry.job.name)


def _within(transaction: SessionTransaction | None, ended: SessionTransaction) -> bool:
    while transaction is not None:
        if transaction is ended:
            return True
        transaction = transaction.parent
    return False


def _after_soft_rollback(session: Session, previous_transaction: SessionTransaction) -> None:
    pending: list[_Pending] | None = session.info.get(_PENDING)
    if not pending:
        return
    if previous_transaction.parent is None:  # the whole transaction
        session.info.pop(_PENDING, None)
        return
    session.info[_PENDING] = [entry for entry in pending if not _within(entry.transaction, previous_transaction)]


def _after_transaction_end(session: Session, transaction: SessionTransaction) -> None:
    # The outermost transaction is over: committed (its jobs were queued just before), rolled back, or closed
    # without either (``session.close()``). Nothing asked for in it may reach a later transaction of this session.
    if transaction.parent is None and not transaction.nested:
        session.info.pop(_PENDING, None)


def _listen() -> None:
    # Session events are process-wide, like signals: listen once, on the first job queued.
    if not event.contains(Session, "after_commit", _after_commit):
        event.listen(Session, "after_commit", _after_commit)
        event.listen(Session, "after_soft_rollback", _after_soft_rollback)
        event.listen(Session, "after_transaction_end", _after_transaction_end)


def declared_tasks() -> Iterable[LazyTask]:
    """Every task declared in this process so far (the consumer's, once ``sonores_lms.worker`` is imported)."""
    return tuple(_declared)


# -- the core's jobs --------------------------------------------------------------------------------------------


@task(retries=3, retry_delay=30)
def send_mail(*, key: str, to: str, subject: str, body: str) -> None:
    """Send one message; ``key`` makes a retried or repeated job send it only once."""
    from flask_mailman import EmailMessage

    huey = get_huey()
    marker = f"sonores-mail-sent:{key}"
    if huey.get(marker, peek=True) is not None:
        return
    EmailMessage(subject=subject, body=body, to=[to], from_email=current_app.config["MAIL_FROM"]).send()
    huey.put(marker, True)
