"""Outgoing mail: rendered in the recipient's language, sent by a background job once the transaction commits."""

from __future__ import annotations

import uuid
from typing import Any

from flask import render_template
from flask_babel import force_locale


def send_templated_mail(to: str, template: str, *, locale: str, **context: Any) -> None:
    """Render ``templates/<template>.txt`` (first line: subject) in ``locale`` and queue it.

    Queued when the current transaction commits and dropped if it rolls back: an invitation that fails to save
    sends no mail (:func:`sonores_lms.jobs.enqueue_after_commit`).
    """
    from .jobs import enqueue_after_commit, send_mail

    with force_locale(locale):
        subject, _, body = render_template(f"{template}.txt", **context).partition("\n")
    enqueue_after_commit(send_mail, key=uuid.uuid4().hex, to=to, subject=subject.strip(), body=body.lstrip("\n"))
