"""How Flask-Login finds the person behind a session."""

from __future__ import annotations

import hmac

from flask import Flask
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ..extensions import db, login_manager
from ..people.models import User


def init_login(app: Flask) -> None:
    login_manager.login_view = "auth.sign_in"
    login_manager.login_message = _l("Please sign in to open this page.")
    login_manager.login_message_category = "info"
    login_manager.session_protection = "basic"

    @login_manager.user_loader
    def _load(identity: str) -> User | None:
        user_id, _, token = identity.partition(":")
        if not user_id.isdigit() or not token:
            return None
        user = db.session.execute(select(User).where(User.id == int(user_id))).scalar_one_or_none()
        if user is None or not user.active or not hmac.compare_digest(user.session_token, token):
            return None
        return user
