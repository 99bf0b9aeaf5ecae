"""How Flask-Login finds the person behind a session, and when a session ends by itself.

A session (and a "keep me signed in" cookie, which carries the same identity) names the person, their session
token, when they signed in, when they were last seen and whether they asked to be remembered:
``"<id>:<token>:<signed in>:<seen>:<s|r>"`` (Unix times). Both are signed by the app, so the times cannot be
forged; the loader refuses an identity past its idle or absolute limit, copies of the cookie included, and every
request moves "last seen" forward. Renewing the token (sign-out, new password, deactivation) still ends them all.
"""

from __future__ import annotations

import hmac
import time
from dataclasses import dataclass
from typing import Any

from flask import Flask, current_app, g, session
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_user
from sqlalchemy import select
from werkzeug.wrappers import Response

from ..extensions import db, login_manager
from ..people.models import User

# "Last seen" is rewritten at most this often, so that a burst of requests does not rewrite the cookies each time.
SEEN_RESOLUTION = 60

EXPIRED_MESSAGE = _l("Your session has ended. Please sign in again.")


@dataclass(frozen=True)
class Identity:
    user_id: int
    token: str
    signed_in_at: int
    seen_at: int
    remember: bool

    def __str__(self) -> str:
        mode = "r" if self.remember else "s"
        return f"{self.user_id}:{self.token}:{self.signed_in_at}:{self.seen_at}:{mode}"

    @classmethod
    def parse(cls, value: str) -> Identity | None:
        parts = value.split(":")
        if len(parts) != 5 or not all(p.isdigit() for p in (parts[0], parts[2], parts[3])):
            return None
        if not parts[1] or parts[4] not in ("s", "r"):
            return None
        return cls(int(parts[0]), parts[1], int(parts[2]), int(parts[3]), parts[4] == "r")


def new_identity(user: User, *, remember: bool = False) -> str:
    """The identity a new session starts with (``User.get_id`` returns it)."""
    now = int(time.time())
    return str(Identity(user.id, user.session_token, now, now, remember))


def limits(remember: bool) -> tuple[int, int]:
    """(idle, absolute) seconds for a plain or a remembered session."""
    config = current_app.config
    if remember:
        return int(config["REMEMBER_IDLE_TIMEOUT"]), int(config["REMEMBER_COOKIE_DURATION"])
    return int(config["SESSION_IDLE_TIMEOUT"]), int(config["SESSION_MAX_AGE"])


def start_session(user: User, *, remember: bool = False) -> None:
    """Sign ``user`` in on a fresh session: nothing planted before sign-in survives it."""
    session.clear()
    login_user(user, remember=remember)
    session["_user_id"] = new_identity(user, remember=remember)


def renew_session(user: User) -> None:
    """After a password change: the same sign-in kind, under the person's new token."""
    current = g.get("sonores_identity")
    start_session(user, remember=bool(current and current.remember))


def _localize(message: Any) -> str:
    """Flask-Login's sign-in prompt, or why the session ended when it ended by itself."""
    return str(EXPIRED_MESSAGE if g.get("sonores_session_expired") else message)


def init_login(app: Flask) -> None:
    login_manager.login_view = "auth.sign_in"
    login_manager.login_message = _l("Please sign in to open this page.")
    login_manager.login_message_category = "info"
    login_manager.localize_callback = _localize
    login_manager.session_protection = "basic"

    @login_manager.user_loader
    def _load(value: str) -> User | None:
        identity = Identity.parse(value)
        if identity is None:
            return None
        now = int(time.time())
        idle, absolute = limits(identity.remember)
        if now - identity.signed_in_at > absolute or now - identity.seen_at > idle:
            g.sonores_session_expired = True
            return None
        user = db.session.execute(select(User).where(User.id == identity.user_id)).scalar_one_or_none()
        if user is None or not user.active or not hmac.compare_digest(user.session_token, identity.token):
            return None
        g.sonores_identity = identity
        return user

    # Registered after Flask-Login's own hook, so it runs before it: a rewritten remember cookie goes out.
    @app.after_request
    def _seen(response: Response) -> Response:
        identity = g.get("sonores_identity")
        if identity is None or session.get("_user_id") != str(identity) or not current_user.is_authenticated:
            return response
        now = int(time.time())
        if now - identity.seen_at < SEEN_RESOLUTION:
            return response
        session["_user_id"] = str(
            Identity(identity.user_id, identity.token, identity.signed_in_at, now, identity.remember)
        )
        if identity.remember:
            session["_remember"] = "set"
        return response
