"""Evidence files: checked by content (never by the name alone), limited in size, stored by their SHA-256.

A file whose name promises one type and whose content is another is refused: an auditor opening "bill.pdf"
must get a PDF.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import IO, Any

import filetype
from flask import Response, abort, current_app, send_file
from flask_babel import lazy_gettext as _l

from sonores_lms.audit.services import record
from sonores_lms.extensions import db
from sonores_lms.i18n import format_size

from .models import Action, ActionEvidence, Answer, Evidence, StoredFile

EXTENSIONS = {
    "application/pdf": ("pdf",),
    "image/png": ("png",),
    "image/jpeg": ("jpg", "jpeg"),
    "image/webp": ("webp",),
    "application/vnd.oasis.opendocument.text": ("odt",),
    "application/vnd.oasis.opendocument.spreadsheet": ("ods",),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ("docx",),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ("xlsx",),
}


class EvidenceError(ValueError):
    def __init__(self, message: Any, *, too_large: bool = False) -> None:
        super().__init__(str(message))
        self.message = message
        self.too_large = too_large


def max_bytes() -> int:
    return int(current_app.config["CHECKLISTS_UPLOAD_MAX"])


def folder() -> Path:
    configured = current_app.config.get("CHECKLISTS_UPLOAD_FOLDER")
    return Path(configured) if configured else Path(current_app.instance_path) / "uploads"


def path_of(evidence: StoredFile) -> Path:
    return folder() / evidence.sha256[:2] / evidence.sha256


def send_evidence(evidence: StoredFile) -> Response:
    """The stored file of an answer's or an action's evidence, for a caller that has checked who may see it: images
    shown in the page, anything else downloaded, never sniffed by the browser, kept in private caches only; 404 when
    the file is gone from the disk."""
    path = path_of(evidence)
    if not path.is_file():
        abort(404)
    response = send_file(
        path,
        mimetype=evidence.content_type,
        as_attachment=not evidence.content_type.startswith("image/"),
        download_name=evidence.filename,
        conditional=True,
        max_age=3600,
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, max-age=3600"
    return response


def read_limited(stream: IO[bytes], limit: int) -> bytes:
    return stream.read(limit + 1)


def check(content: bytes, filename: str) -> str:
    """The content type of an acceptable file, or :class:`EvidenceError` with a message for the person."""
    limit = max_bytes()
    if len(content) > limit:
        raise EvidenceError(
            _l("This file is too large: files up to %(size)s are accepted here.", size=format_size(limit)),
            too_large=True,
        )
    if not content:
        raise EvidenceError(_l("The file is empty."))
    kind = filetype.guess(content)
    mime = kind.mime if kind is not None else None
    if mime not in EXTENSIONS:
        raise EvidenceError(
            _l(
                "This kind of file is not accepted (checked by its content): send a PDF, a photo (PNG, JPEG, WebP) or an office document."
            )
        )
    extension = os.path.splitext(filename or "")[1].lower().lstrip(".")
    if extension and extension not in EXTENSIONS[mime]:
        raise EvidenceError(
            _l("This file is not what its name says: its content is not a .%(ext)s file.", ext=extension)
        )
    return mime


def _safe_name(name: str | None, mime: str) -> str:
    base = os.path.basename((name or "").replace("\\", "/")).strip()
    base = "".join(ch for ch in base if ch.isprintable() and ch not in '"<>:;/\\|?*')[:200] or "evidence"
    stem, _dot, _ext = base.rpartition(".")
    return f"{stem or base}.{EXTENSIONS[mime][0]}"


def store(content: bytes, filename: str) -> tuple[str, str, str]:
    """Check ``content`` and keep it once per content: (content type, SHA-256, safe file name)."""
    mime = check(content, filename)
    digest = hashlib.sha256(content).hexdigest()
    target = folder() / digest[:2] / digest
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".part")
        partial.write_bytes(content)
        partial.replace(target)
    return mime, digest, _safe_name(filename, mime)


def attach(answer: Answer, content: bytes, filename: str, *, actor: Any) -> Evidence:
    """Check, store (once per content) and attach a file to ``answer``."""
    mime, digest, name = store(content, filename)
    evidence = Evidence(
        answer_id=answer.id, filename=name, content_type=mime, size=len(content), sha256=digest, uploaded_by_id=actor.id
    )
    answer.evidence.append(evidence)
    db.session.flush()
    record("checklists.evidence-added", actor=actor, target=evidence, target_label=evidence.filename)
    return evidence


def attach_to_action(action: Action, content: bytes, filename: str, *, actor: Any) -> ActionEvidence:
    """The same checks and storage for the evidence that an action was done."""
    mime, digest, name = store(content, filename)
    evidence = ActionEvidence(
        action_id=action.id, filename=name, content_type=mime, size=len(content), sha256=digest, uploaded_by_id=actor.id
    )
    action.evidence.append(evidence)
    db.session.flush()
    record(
        "checklists.action-evidence-added",
        actor=actor,
        target=evidence,
        target_label=evidence.filename,
        details={"action": action.uid},
    )
    return evidence
