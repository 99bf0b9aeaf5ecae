"""Signing in and resetting passwords."""

from __future__ import annotations

from werkzeug.security import check_password_hash, generate_password_hash

from ..audit.services import record
from ..database import utcnow
from ..extensions import db
from ..mail import send_templated_mail
from ..people.models import User
from ..people.services import find_by_email
from ..security import external_url
from ..signals import user_signed_in
from .tokens import make_token

# Checked when the email is unknown, so that both paths cost the same time.
_DUMMY_HASH = generate_password_hash("not-a-real-password-at-all", method="scrypt")


def authenticate(email: str, password: str, *, locale: str | None = None) -> User | None:
    """The person if the email and password match an active account; records the attempt either way.

    ``locale`` is the language the person browsed in before signing in; it becomes theirs if they had none.
    """
    user = find_by_email(email)
    if user is None or not user.active or not user.password_hash:
        check_password_hash(_DUMMY_HASH, password)
        record("core.sign-in-failed", actor=None, target_label=email.strip().lower()[:255])
        return None
    if not user.check_password(password):
        record("core.sign-in-failed", actor=None, target=user)
        return None
    user.last_sign_in_at = utcnow()
    if user.locale is None and locale:
        user.locale = locale
    db.session.flush()
    record("core.sign-in", actor=user, target=user)
    user_signed_in.send(user)
    return user


def request_password_reset(email: str) -> None:
    """Mail a reset link if the account exists; say nothing either way."""
    user = find_by_email(email)
    if user is None or not user.active:
        return
    link = external_url("auth.reset_password", token=make_token(user, "reset"))
    send_templated_mail(user.email, "mail/password_reset", locale=user.locale or "fr", user=user, link=link)
    record("core.password-reset-requested", actor=None, target=user)


def sign_out_everywhere(user: User) -> None:
    """Signing out ends every session of the person: cookie sessions cannot be revoked one by one."""
    user.end_sessions()
    db.session.flush()
    record("core.sign-out", actor=user, target=user)


def set_new_password(user: User, password: str, *, actor: User | None, action: str) -> None:
    user.set_password(password)
    db.session.flush()
    record(action, actor=actor, target=user)
