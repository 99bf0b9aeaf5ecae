"""Background jobs with Huey: SQLite storage by default, Redis when ``SONORES_REDIS_URL`` is set.

The consumer runs ``huey_consumer sonores_lms.worker.huey`` (the same Huey, with the plugins' tasks registered);
each task runs inside an app context. Tasks must be idempotent: the consumer may retry them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flask import Flask, current_app, has_app_context
from huey import Huey, RedisHuey, SqliteHuey

INSTANCE = Path(__file__).resolve().parent.parent / "instance"


def _make_huey() -> Huey:
    redis_url = os.environ.get("SONORES_REDIS_URL")
    if redis_url:
        return RedisHuey("sonores", url=redis_url)
    INSTANCE.mkdir(exist_ok=True)
    return SqliteHuey("sonores", filename=os.environ.get("SONORES_JOBS_DB", str(INSTANCE / "jobs.db")))


huey = _make_huey()
_worker_app: Flask | None = None


def enqueue(job: Any, **kwargs: Any) -> None:
    """Queue ``job``, or run it at once when ``JOBS_IMMEDIATE`` is set (tests, single-process setups).

    Decided per app rather than with Huey's global ``immediate`` switch, so several apps can coexist.
    """
    if current_app.config["JOBS_IMMEDIATE"]:
        job.call_local(**kwargs)
    else:
        job(**kwargs)


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

    run.__name__ = fn.__name__
    run.__qualname__ = fn.__qualname__
    run.__module__ = fn.__module__
    return run


def task(**options: Any) -> Callable[[Callable[..., Any]], Any]:
    """``huey.task`` whose body runs in an app context (the consumer has none of its own)."""

    def decorator(fn: Callable[..., Any]) -> Any:
        return huey.task(**options)(_in_app(fn))

    return decorator


def periodic_task(validate_datetime: Callable[..., bool], **options: Any) -> Callable[[Callable[..., Any]], Any]:
    """``huey.periodic_task`` whose body runs in an app context, e.g. ``@periodic_task(crontab(hour="3"))``."""

    def decorator(fn: Callable[..., Any]) -> Any:
        return huey.periodic_task(validate_datetime, **options)(_in_app(fn))

    return decorator


@task(retries=3, retry_delay=30)
def send_mail(*, key: str, to: str, subject: str, body: str) -> None:
    """Send one message; ``key`` makes a retried or repeated job send it only once."""
    from flask_mailman import EmailMessage

    marker = f"sonores-mail-sent:{key}"
    if huey.get(marker, peek=True) is not None:
        return
    EmailMessage(subject=subject, body=body, to=[to], from_email=current_app.config["MAIL_FROM"]).send()
    huey.put(marker, True)
