"""Safe defaults; the environment (``SONORES_*``) and ``instance/config.py`` override them."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask

LANGUAGES: tuple[str, ...] = ("fr", "es", "pt", "en")


class DefaultConfig:
    # "production" unless told otherwise: secure cookies, a secret key required.
    ENV = "production"
    SECRET_KEY: str | None = None
    DATABASE_URL: str | None = None  # defaults to instance/sonores.db
    REDIS_URL: str | None = None
    PLUGINS: str | None = None  # comma-separated slugs; None means every installed plugin
    SAFE_MODE = False
    DEFAULT_LOCALE = "fr"
    DEFAULT_TIMEZONE = "America/Bogota"
    BASE_URL = "http://127.0.0.1:5000"
    PROXY_HOPS = 0  # reverse proxies in front of the app whose X-Forwarded-For/-Proto headers are trusted
    MAX_CONTENT_LENGTH = 5 * 1024 * 1024

    MAIL_FROM = "Sonores LMS <no-reply@sonores.invalid>"
    MAIL_SERVER = "localhost"
    MAIL_PORT = 25
    MAIL_USE_TLS = False
    MAIL_USERNAME: str | None = None
    MAIL_PASSWORD: str | None = None
    MAIL_OUTBOX: str | None = None  # a folder: mail is written there (and echoed) instead of sent

    JOBS_IMMEDIATE = False
    PASSWORD_RESET_MAX_AGE = 2 * 3600
    INVITATION_MAX_AGE = 14 * 24 * 3600
    SIGNIN_LIMITS = "5 per minute;20 per hour"  # failed sign-ins (and current-password checks) per address
    SIGNIN_FREE_FAILURES = 3  # wrong passwords in a row on one account before each next one makes it wait
    SIGNIN_DELAY_BASE = 1  # seconds of the first wait; each further failure doubles it
    SIGNIN_DELAY_MAX = 60  # the longest wait between two attempts on one account
    SIGNIN_FAILURE_WINDOW = 24 * 3600  # failures in a row are forgotten this long after the first one
    SIGNIN_NOTIFY_AFTER = 10  # mail the owner at every this many failures in a row (0: never)

    SESSION_COOKIE_SECURE: bool | None = None  # None: secure in production
    REMEMBER_COOKIE_SECURE: bool | None = None
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_DURATION = 30 * 24 * 3600  # seconds; also the longest a remembered sign-in lasts
    SESSION_IDLE_TIMEOUT = 30 * 60  # seconds without a request before a session ends
    SESSION_MAX_AGE = 12 * 3600  # seconds after signing in before a session ends, however active
    REMEMBER_IDLE_TIMEOUT = 7 * 24 * 3600  # the idle limit of a "keep me signed in" session
    SEND_FILE_MAX_AGE_DEFAULT = 3600
    WTF_CSRF_TIME_LIMIT = 8 * 3600
    WTF_I18N_ENABLED = True  # WTForms' own messages ("This field is required.") in the reader's language
    SQLALCHEMY_ENGINE_OPTIONS: dict[str, Any] = {"pool_pre_ping": True}


_BOOLEAN_KEYS = ("SAFE_MODE", "JOBS_IMMEDIATE", "MAIL_USE_TLS")


def load_config(app: Flask, overrides: Mapping[str, Any] | None) -> None:
    """Defaults, then ``SONORES_*`` variables, then ``instance/config.py``, then ``overrides`` (tests)."""
    app.config.from_object(DefaultConfig)
    app.config.from_prefixed_env("SONORES")
    app.config.from_pyfile(os.path.join(app.instance_path, "config.py"), silent=True)
    if overrides:
        app.config.update(overrides)
    for key in _BOOLEAN_KEYS:
        value = app.config.get(key)
        if isinstance(value, str):
            app.config[key] = value.strip().lower() in {"1", "true", "yes", "on"}
        else:
            app.config[key] = bool(value)

    production = app.config["ENV"] == "production"
    if not app.config.get("SECRET_KEY"):
        if production:
            raise RuntimeError("SONORES_SECRET_KEY must be set in production (SONORES_ENV=production).")
        raise RuntimeError("No secret key: set SONORES_SECRET_KEY or run 'make run' once to generate one.")
    if production and len(str(app.config["SECRET_KEY"])) < 32:
        raise RuntimeError("SONORES_SECRET_KEY is too short: use at least 32 random characters.")
    for key in ("SESSION_COOKIE_SECURE", "REMEMBER_COOKIE_SECURE"):
        if app.config[key] is None:
            app.config[key] = production

    url = app.config.get("DATABASE_URL") or "sqlite:///" + str(Path(app.instance_path) / "sonores.db")
    app.config["SQLALCHEMY_DATABASE_URI"] = url
    app.config.setdefault("RATELIMIT_STORAGE_URI", app.config.get("REDIS_URL") or "memory://")
    if production and app.config["RATELIMIT_STORAGE_URI"].startswith("memory"):
        app.logger.warning(
            "SONORES_REDIS_URL is not set: sign-in rate limits are counted per process. "
            "Set it when running several workers."
        )
    app.config.setdefault("RATELIMIT_HEADERS_ENABLED", False)
    if app.config.get("MAIL_OUTBOX"):
        app.config["MAIL_BACKEND"] = "sonores_lms.mail_outbox"
    app.config["MAIL_DEFAULT_SENDER"] = app.config["MAIL_FROM"]
