"""Outgoing mail: rendered in the recipient's language, sent by a background job."""

from __future__ import annotations

import sys
import uuid
from pathlib import Path
from typing import Any

from flask import current_app, render_template
from flask_babel import force_locale
from flask_mailman import EmailMessage
from flask_mailman.backends.base import BaseEmailBackend


class OutboxBackend(BaseEmailBackend):
    """Development backend: every message becomes an ``.eml`` file in ``MAIL_OUTBOX`` and is echoed."""

    def send_messages(self, email_messages: list[EmailMessage]) -> int:
        folder = Path(current_app.config["MAIL_OUTBOX"])
        folder.mkdir(parents=True, exist_ok=True)
        for message in email_messages:
            data = message.message().as_bytes()
            name = f"{uuid.uuid4().hex}.eml"
            (folder / name).write_bytes(data)
            print(
                f"[mail] to {', '.join(message.to)}: {message.subject} (outbox/{name})\n" + message.body,
                file=sys.stderr,
            )
        return len(email_messages)


def send_templated_mail(to: str, template: str, *, locale: str, **context: Any) -> None:
    """Render ``templates/<template>.txt`` (first line: subject) in ``locale`` and queue it."""
    from .jobs import send_mail

    with force_locale(locale):
        subject, _, body = render_template(f"{template}.txt", **context).partition("\n")
    send_mail(to=to, subject=subject.strip(), body=body.lstrip("\n"))
