"""Mails to holders, in their language: "your certificate is ready" and the reminder before it expires."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from flask import current_app, has_request_context

from sonores_lms.extensions import db
from sonores_lms.mail import send_templated_mail
from sonores_lms.people.models import User
from sonores_lms.security import external_url

from .models import Certificate


def _holder(certificate: Certificate) -> User | None:
    user = db.session.get(User, certificate.user_id) if certificate.user_id is not None else None
    return user if user is not None and user.active else None


@contextmanager
def _linkable() -> Iterator[None]:
    """Links need a request; a job has none, so lend it one on ``BASE_URL`` (as the PDF helper does)."""
    if has_request_context():
        yield
        return
    with current_app.test_request_context("/", base_url=current_app.config["BASE_URL"]):
        yield


def _send(fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapped(certificate: Certificate) -> None:
        with _linkable():
            fn(certificate)

    wrapped.__doc__ = fn.__doc__
    return wrapped


@_send
def certificate_ready(certificate: Certificate) -> None:
    """Queued after the commit with the rest of the transaction (dropped if it rolls back)."""
    user = _holder(certificate)
    if user is None:
        return
    language = certificate.language
    send_templated_mail(
        user.email,
        "certificates/mail/ready",
        locale=language,
        user=user,
        title=certificate.title(language),
        code=certificate.code,
        link=external_url("certificates.mine"),
        verify_url=external_url("certificates.verify", code=certificate.code),
    )


@_send
def expiry_reminder(certificate: Certificate) -> None:
    user = _holder(certificate)
    if user is None:
        return
    language = certificate.language
    send_templated_mail(
        user.email,
        "certificates/mail/expiring",
        locale=language,
        user=user,
        title=certificate.title(language),
        code=certificate.code,
        expires_at=certificate.expires_at,
        link=external_url("certificates.mine"),
    )
