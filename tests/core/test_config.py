"""Configuration: safe defaults, environment overrides, and a production start that needs its secret."""

from __future__ import annotations

import pytest

from sonores_lms import create_app


def test_production_without_secret_key_refuses_to_start(monkeypatch):
    monkeypatch.delenv("SONORES_SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError, match="SONORES_SECRET_KEY"):
        create_app({"ENV": "production", "SECRET_KEY": None, "DATABASE_URL": "sqlite://"})


def test_production_cookies_are_secure():
    app = create_app({"ENV": "production", "SECRET_KEY": "s" * 40, "DATABASE_URL": "sqlite://"})
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["REMEMBER_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"


def test_environment_variables_override_defaults(monkeypatch):
    monkeypatch.setenv("SONORES_SECRET_KEY", "from-the-environment")
    monkeypatch.setenv("SONORES_DATABASE_URL", "sqlite:///:memory:")
    monkeypatch.setenv("SONORES_SAFE_MODE", "1")
    monkeypatch.setenv("SONORES_ENV", "development")
    app = create_app()
    assert app.config["SECRET_KEY"] == "from-the-environment"
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "sqlite:///:memory:"
    assert app.config["SAFE_MODE"] is True
    assert app.config["SESSION_COOKIE_SECURE"] is False


def test_factory_is_pure(monkeypatch):
    """Building the app opens no database connection."""
    from sqlalchemy.engine import Engine

    def refuse(*args, **kwargs):
        raise AssertionError("the app factory connected to the database")

    monkeypatch.setattr(Engine, "connect", refuse)
    create_app({"ENV": "testing", "SECRET_KEY": "x", "DATABASE_URL": "sqlite:///never-created.db"})
