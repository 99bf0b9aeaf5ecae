"""Signed, expiring, single-use links for password resets and invitations.

A token carries the password fingerprint it was made for: once the password is set, the same link stops working.
"""

from __future__ import annotations

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer

from ..extensions import db
from ..people.models import User

PURPOSES = {"reset": "PASSWORD_RESET_MAX_AGE", "invite": "INVITATION_MAX_AGE"}


def _serializer(purpose: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=f"sonores-{purpose}")


def make_token(user: User, purpose: str) -> str:
    # Bound to the address too: a link sent to a mistyped address dies when the address is corrected.
    return _serializer(purpose).dumps({"id": user.id, "fp": user.password_fingerprint, "em": user.email})


def read_token(token: str, purpose: str) -> User | None:
    """The active person the token was made for, or None if it is forged, expired or already used."""
    max_age = current_app.config[PURPOSES[purpose]]
    try:
        data = _serializer(purpose).loads(token, max_age=max_age)
    except BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    user = db.session.get(User, data.get("id"))
    if user is None or not user.active or user.password_fingerprint != data.get("fp"):
        return None
    if user.email != data.get("em"):
        return None
    return user
