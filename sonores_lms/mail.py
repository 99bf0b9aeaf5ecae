"""Outgoing mail: rendered in the recipient's language, sent by a background job."""

from __future__ import annotations

import uuid
from typing import Any

from flask import render_template
from flask_babel import force_locale


def send_templated_mail(to: str, template: str, *, locale: str, **context: Any) -> None:
    """Render ``templates/<template>.txt`` (first line: subject) in ``locale`` and queue it."""
    from .jobs import enqueue, send_mail

    with force_locale(locale):
        subject, _, body = render_template(f"{template}.txt", **context).partition("\n")
    enqueue(send_mail, key=uuid.uuid4().hex, to=to, subject=subject.strip(), body=body.lstrip("\n"))
