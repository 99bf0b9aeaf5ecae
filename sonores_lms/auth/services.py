"""Signing in and resetting passwords."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app
from werkzeug.security import check_password_hash, generate_password_hash

from ..audit.services import record
from ..database import utcnow
from ..extensions import db
from ..mail import send_templated_mail
from ..people.models import User
from ..people.services import find_by_email
from ..security import external_url
from ..signals import user_signed_in
from .throttle import record_failure, record_success, wait_seconds
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


@dataclass(frozen=True)
class SignInAttempt:
    """What a sign-in attempt gave: the person, or how long the account must wait, or how many failures so far."""

    user: User | None
    wait: int = 0
    failures: int = 0


def attempt_sign_in(email: str, password: str, *, locale: str | None = None) -> SignInAttempt:
    """:func:`authenticate` behind the account's growing delay (see ``throttle``): a waiting account is refused
    without a password check; a wrong password lengthens the wait and, every ``SIGNIN_NOTIFY_AFTER`` failures in a
    row, mails the owner."""
    wait = wait_seconds(email)
    if wait:
        return SignInAttempt(None, wait=wait)
    user = authenticate(email, password, locale=locale)
    if user is not None:
        record_success(email)
        return SignInAttempt(user)
    return SignInAttempt(None, failures=password_failed(email))


def password_failed(email: str) -> int:
    """Count a wrong password for the account of ``email`` (sign-in or the profile's check) and warn its owner
    after repeated failures; returns the failures in a row."""
    failures = record_failure(email)
    every = int(current_app.config["SIGNIN_NOTIFY_AFTER"])
    if every and failures % every == 0:
        user = find_by_email(email)
        if user is not None and user.active:
            link = external_url("auth.forgot_password")
            send_templated_mail(
                user.email, "mail/sign_in_failures", locale=user.locale or "fr", user=user, failures=failures, link=link
            )
            record("core.sign-in-failures-notified", actor=None, target=user, details={"attempts": failures})
    return failures


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
