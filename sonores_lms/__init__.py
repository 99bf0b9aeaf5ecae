"""Sonores LMS: the core application."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flask import Flask

from . import assets, errors, extensions, security
from .config import load_config
from .database import configure_sqlite
from .permissions import CORE_PERMISSIONS, Permission, check_routes, register_permissions

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Registry:
    """What the core keeps per app (never in module globals, so several apps can coexist in tests)."""

    plugins: dict[str, Any] = field(default_factory=dict)
    permissions: dict[str, Permission] = field(default_factory=dict)
    settings_defaults: dict[str, Any] = field(default_factory=dict)
    asset_hashes: dict[str, str] = field(default_factory=dict)


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app. Pure: no queries, no migrations, no network."""
    app = Flask(
        __name__,
        instance_path=str(ROOT / "instance"),
        template_folder=str(ROOT / "templates"),
        static_folder=None,
    )
    load_config(app, config)
    app.extensions["sonores"] = Registry()

    _init_extensions(app)
    from . import models  # noqa: F401 - the core tables
    from .settings.store import CORE_SETTINGS

    app.extensions["sonores"].settings_defaults.update(
        CORE_SETTINGS, **{"core.default_timezone": app.config["DEFAULT_TIMEZONE"]}
    )
    register_permissions(app, "core", CORE_PERMISSIONS)

    assets.init_app(app)
    security.init_app(app)
    errors.init_app(app)
    _register_core_blueprints(app)

    from .plugins import load_plugins

    load_plugins(app)

    from .cli import register_cli
    from .templating import init_templating
    from .transactions import init_transactions

    init_templating(app)
    init_transactions(app)
    register_cli(app)
    check_routes(app)
    return app


def _init_extensions(app: Flask) -> None:
    from .i18n import select_locale, select_timezone

    # Through the module: names like ``mail`` would clash with the submodules of this package.
    db = extensions.db
    db.init_app(app)
    with app.app_context():
        configure_sqlite(db.engine)
    extensions.migrate.init_app(app, db, directory=str(ROOT / "migrations"), render_as_batch=True)
    extensions.csrf.init_app(app)
    extensions.babel.init_app(
        app,
        locale_selector=select_locale,
        timezone_selector=select_timezone,
        default_translation_directories=str(ROOT / "translations"),
        default_locale="fr",
    )
    extensions.mail.init_app(app)
    extensions.limiter.init_app(app)
    extensions.login_manager.init_app(app)

    from .auth.loader import init_login

    init_login(app)


def _register_core_blueprints(app: Flask) -> None:
    from .account.views import bp as account_bp
    from .audit.views import bp as audit_bp
    from .auth.views import bp as auth_bp
    from .institutes.views import bp as institutes_bp
    from .main.views import bp as main_bp
    from .people.views import bp as people_bp
    from .roles.views import bp as roles_bp
    from .settings.views import bp as settings_bp

    for bp in (main_bp, auth_bp, account_bp, institutes_bp, people_bp, roles_bp, audit_bp, settings_bp):
        app.register_blueprint(bp)
