"""A growing delay per account after wrong passwords, instead of a block that anyone could impose on its owner.

The first few failures cost nothing (typos); after them each wrong password makes the account wait before the next
attempt, twice as long each time up to a ceiling. Attempts during the wait are refused without checking the
password and without counting, so someone guessing from elsewhere can slow the owner down by seconds, not lock
them out; the hard limits stay per address (``SIGNIN_LIMITS``, Flask-Limiter). The counters live in the rate
limiter's storage: Redis when configured, so every worker sees them.

Accounts are keyed by the lower-cased email whether or not it exists, so the delay tells nothing about who has an
account. Sign-in and the profile's current-password check share the counter.
"""

from __future__ import annotations

import math
import time

from flask import current_app

from ..extensions import limiter


def _key(kind: str, email: str) -> str:
    return f"sonores/sign-in-{kind}/{email.strip().lower()}"


def delay_for(failures: int) -> int:
    """Seconds to wait after the ``failures``-th wrong password in a row."""
    config = current_app.config
    free = int(config["SIGNIN_FREE_FAILURES"])
    if failures < free:
        return 0
    return int(min(int(config["SIGNIN_DELAY_BASE"]) * 2 ** (failures - free), int(config["SIGNIN_DELAY_MAX"])))


def wait_seconds(email: str) -> int:
    """Seconds before this account accepts another password (0: now)."""
    storage = limiter.storage
    key = _key("hold", email)
    if not storage.get(key):
        return 0
    return max(1, math.ceil(storage.get_expiry(key) - time.time()))


def record_failure(email: str) -> int:
    """Count a wrong password for this account and start its wait; returns the failures in a row."""
    storage = limiter.storage
    failures = int(storage.incr(_key("failures", email), int(current_app.config["SIGNIN_FAILURE_WINDOW"])))
    delay = delay_for(failures)
    if delay:
        storage.clear(_key("hold", email))
        storage.incr(_key("hold", email), delay)
    return failures


def record_success(email: str) -> None:
    storage = limiter.storage
    storage.clear(_key("failures", email))
    storage.clear(_key("hold", email))
