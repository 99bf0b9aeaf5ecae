"""Development mail backend: every message becomes an ``.eml`` file in ``MAIL_OUTBOX`` and is echoed.

Flask-Mailman loads a backend by module path and takes its ``EmailBackend`` class.
"""

from __future__ import annotations

import sys
import uuid
from pathlib import Path

from flask import current_app
from flask_mailman import EmailMessage
from flask_mailman.backends.base import BaseEmailBackend


class EmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages: list[EmailMessage]) -> int:
        folder = Path(current_app.config["MAIL_OUTBOX"])
        folder.mkdir(parents=True, exist_ok=True)
        for message in email_messages:
            name = f"{uuid.uuid4().hex}.eml"
            (folder / name).write_bytes(message.message().as_bytes())
            print(
                f"[mail] to {', '.join(message.to)}: {message.subject} (outbox/{name})\n{message.body}", file=sys.stderr
            )
        return len(email_messages)
