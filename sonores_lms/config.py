"""Safe defaults; the environment (``SONORES_*``) and ``instance/config.py`` override them.

Every setting an operator may change is declared once, as a :class:`Setting` with its default, type and meaning:
the core's in :data:`CORE_SETTINGS`, a plugin's in its ``Plugin.settings`` (``SONORES_<PLUGIN>_<NAME>``). The
README's tables are generated from these declarations (``python -m sonores_lms.settings_doc``) and a test keeps
them equal. :class:`DefaultConfig` holds the framework's own keys, which are not meant to be changed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import Flask

LANGUAGES: tuple[str, ...] = ("fr", "es", "pt", "en")
_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off", ""})


@dataclass(frozen=True)
class Setting:
    """One declared setting: ``name`` (upper case, without prefix), its ``default`` and ``type`` (``str``, ``int``
    or ``bool``), and ``doc``, the meaning shown in the README. A default of None means "not set".

    ``shown_default`` is the README's default cell when the value alone would mislead (a path computed at start, a
    size also given in MiB).

    Configuration settings come from the environment and ``instance/config.py`` and are read with
    ``app.config[...]``. The same declaration serves the values admins change at run time (``Plugin.
    runtime_settings``, stored in the settings table, read with ``get_setting``); their names are lower case.
    """

    name: str
    default: Any
    type: type
    doc: str
    shown_default: str | None = None

    def coerce(self, value: Any, *, key: str) -> Any:
        """``value`` as this setting's type; environment values arrive parsed as JSON when they parse."""
        if value is None:
            return False if self.type is bool else None
        if self.type is bool:
            if isinstance(value, str):
                word = value.strip().lower()
                if word not in _TRUE | _FALSE:
                    raise RuntimeError(f"SONORES_{key} must be true or false, not {value!r}.")
                return word in _TRUE
            return bool(value)
        if self.type is int:
            if isinstance(value, bool):
                raise RuntimeError(f"SONORES_{key} must be a whole number.")
            try:
                return int(value)
            except (TypeError, ValueError):
                raise RuntimeError(f"SONORES_{key} must be a whole number, not {value!r}.") from None
        if self.type is str and isinstance(value, int | float):
            return str(value)  # SONORES_MAIL_PASSWORD=1234 arrives as a number
        return value

    @property
    def default_cell(self) -> str:
        if self.shown_default is not None:
            return self.shown_default
        if self.default is None:
            return "none"
        if isinstance(self.default, bool):
            return "`true`" if self.default else "`false`"
        return f"`{self.default}`"


def apply_settings(app: Flask, settings: Iterable[Setting], *, prefix: str = "") -> None:
    """Fill ``app.config`` with each setting's value (``prefix + name``), its default when unset, coerced to its
    type; a value that cannot be read stops the app at start rather than failing on first use."""
    for setting in settings:
        key = prefix + setting.name
        app.config[key] = setting.coerce(app.config.get(key, setting.default), key=key)


def settings_table(settings: Iterable[Setting], *, prefix: str = "SONORES_") -> str:
    """The README's Markdown table of ``settings``."""
    lines = ["| variable | default | meaning |", "|---|---|---|"]
    lines += [f"| `{prefix}{s.name}` | {s.default_cell} | {s.doc} |" for s in settings]
    return "\n".join(lines)


CORE_SETTINGS: tuple[Setting, ...] = (
    Setting(
        "ENV",
        "production",
        str,
        "`production` requires a secret key and marks cookies `Secure` (HTTPS only); `development` for a local run "
        "(what `make run` uses).",
    ),
    Setting(
        "SECRET_KEY",
        None,
        str,
        "Signs sessions, CSRF tokens and the links in mails. Required: the app refuses to start without one, and in "
        "production one shorter than 32 characters. `make run` generates a development key into "
        "`instance/config.py`; production sets its own.",
    ),
    Setting(
        "DATABASE_URL",
        None,
        str,
        "SQLAlchemy URL. PostgreSQL: `postgresql+psycopg://user:password@host:5432/sonores`.",
        shown_default="`sqlite:///<repo>/instance/sonores.db`",
    ),
    Setting(
        "REDIS_URL",
        None,
        str,
        "Redis, e.g. `redis://127.0.0.1:6379/0`. Used by the sign-in rate limits and per-account delays (otherwise "
        "kept in process memory) and by the job queue (otherwise a SQLite file).",
    ),
    Setting(
        "PLUGINS",
        None,
        str,
        "Comma-separated plugin names to enable, e.g. `courses,certificates`. Unknown names or unmet requirements "
        "stop the app at start.",
        shown_default="all installed",
    ),
    Setting(
        "SAFE_MODE",
        False,
        bool,
        "Boots the core alone, with no plugin (to get an admin in when a plugin breaks).",
    ),
    Setting(
        "DEFAULT_LOCALE",
        "fr",
        str,
        "Language for visitors when neither their profile, a language cookie nor their browser asks for fr, es, pt "
        "or en.",
    ),
    Setting(
        "DEFAULT_TIMEZONE",
        "America/Bogota",
        str,
        "The network time zone until an admin sets one on the settings page (`core.default_timezone`); used when "
        "neither the person nor their institute has a time zone.",
    ),
    Setting(
        "PROXY_HOPS",
        0,
        int,
        "How many reverse proxies stand in front of the app; their `X-Forwarded-For` and `X-Forwarded-Proto` headers "
        "are then trusted (per-visitor rate limits, HTTPS detection for HSTS). Set `1` behind one proxy.",
    ),
    Setting(
        "BASE_URL",
        "http://127.0.0.1:5000",
        str,
        "Public address of the site; links in mails are built on it, never on the request's Host header.",
    ),
    Setting(
        "MAX_CONTENT_LENGTH",
        5 * 1024 * 1024,
        int,
        "Largest request body (uploads, imports); larger ones get 413.",
        shown_default="`5242880` (5 MiB)",
    ),
    Setting("MAIL_FROM", "Sonores LMS <no-reply@sonores.invalid>", str, "Sender of every mail."),
    Setting("MAIL_SERVER", "localhost", str, "SMTP server."),
    Setting("MAIL_PORT", 25, int, "SMTP port."),
    Setting("MAIL_USE_TLS", False, bool, "STARTTLS to the SMTP server."),
    Setting("MAIL_USERNAME", None, str, "SMTP user."),
    Setting("MAIL_PASSWORD", None, str, "SMTP password."),
    Setting(
        "MAIL_OUTBOX",
        None,
        str,
        "A folder: mail is written there as `.eml` files and echoed on the console instead of being sent. "
        "`scripts/serve.sh` sets `instance/outbox`.",
    ),
    Setting(
        "JOBS_IMMEDIATE",
        False,
        bool,
        "Run background jobs at once, inside the request that queues them (tests, or a single process without a "
        "consumer).",
    ),
    Setting("PASSWORD_RESET_MAX_AGE", 2 * 3600, int, "Seconds a password-reset link stays valid."),
    Setting(
        "INVITATION_MAX_AGE",
        14 * 24 * 3600,
        int,
        "Seconds an invitation link stays valid.",
        shown_default="`1209600` (14 days)",
    ),
    Setting(
        "SIGNIN_LIMITS",
        "5 per minute;20 per hour",
        str,
        "Failed sign-ins (and wrong current passwords on the profile) allowed per address (Flask-Limiter syntax); "
        "past them the address gets 429.",
    ),
    Setting(
        "SIGNIN_FREE_FAILURES",
        3,
        int,
        "Wrong passwords in a row on one account before each further one makes the account wait (a growing delay, "
        "not a block: attempts during the wait are refused unchecked and uncounted).",
    ),
    Setting("SIGNIN_DELAY_BASE", 1, int, "Seconds of the first wait; each further wrong password doubles it."),
    Setting(
        "SIGNIN_DELAY_MAX",
        60,
        int,
        "The longest wait between two attempts on one account: someone guessing elsewhere slows the owner down by "
        "a minute at most.",
    ),
    Setting(
        "SIGNIN_FAILURE_WINDOW",
        24 * 3600,
        int,
        "Seconds after the first of a series of wrong passwords after which the series is forgotten (a successful "
        "sign-in forgets it at once).",
    ),
    Setting(
        "SIGNIN_NOTIFY_AFTER",
        10,
        int,
        "The owner gets a mail at every this many wrong passwords in a row on their account (`0`: never).",
    ),
    Setting(
        "SESSION_IDLE_TIMEOUT",
        30 * 60,
        int,
        "Seconds without a request after which a session ends (the person signs in again and is told why).",
        shown_default="`1800` (30 minutes)",
    ),
    Setting(
        "SESSION_MAX_AGE",
        12 * 3600,
        int,
        "Seconds after signing in after which a session ends, however active.",
        shown_default="`43200` (12 hours)",
    ),
    Setting(
        "REMEMBER_IDLE_TIMEOUT",
        7 * 24 * 3600,
        int,
        'The idle limit of a "keep me signed in" session.',
        shown_default="`604800` (7 days)",
    ),
    Setting(
        "REMEMBER_COOKIE_DURATION",
        30 * 24 * 3600,
        int,
        'How long "keep me signed in" lasts after signing in, however active; checked by the server, so a copied '
        "cookie obeys it too.",
        shown_default="`2592000` (30 days)",
    ),
)


class DefaultConfig:
    """The framework's keys, with safe values; the declared settings (:data:`CORE_SETTINGS`) are added below."""

    SESSION_COOKIE_SECURE: bool | None = None  # None: secure in production
    REMEMBER_COOKIE_SECURE: bool | None = None
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    SEND_FILE_MAX_AGE_DEFAULT = 3600
    WTF_CSRF_TIME_LIMIT = 8 * 3600
    WTF_I18N_ENABLED = True  # WTForms' own messages ("This field is required.") in the reader's language
    SQLALCHEMY_ENGINE_OPTIONS: dict[str, Any] = {"pool_pre_ping": True}


for _setting in CORE_SETTINGS:
    setattr(DefaultConfig, _setting.name, _setting.default)


def load_config(app: Flask, overrides: Mapping[str, Any] | None) -> None:
    """Defaults, then ``SONORES_*`` variables, then ``instance/config.py``, then ``overrides`` (tests)."""
    app.config.from_object(DefaultConfig)
    app.config.from_prefixed_env("SONORES")
    app.config.from_pyfile(os.path.join(app.instance_path, "config.py"), silent=True)
    if overrides:
        app.config.update(overrides)
    apply_settings(app, CORE_SETTINGS)

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
