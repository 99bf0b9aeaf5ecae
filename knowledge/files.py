"""Files attached to resources: checked by content, named by what they are, stored by their SHA-256.

Recordings and kits can be large, so an upload is streamed to disk in chunks while it is hashed and measured (never
held whole in memory), then checked: its content must be of an accepted type and agree with its name (a PNG named
``budget.pdf`` is refused, not renamed: the contributor should know what they sent). Images are re-encoded without
their metadata and resized to at most 1600 px wide with Pillow, so pages stay light on slow links.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from pathlib import Path
from typing import IO, Any

import filetype
from flask import current_app
from flask_babel import lazy_gettext as _l
from PIL import Image, UnidentifiedImageError

from sonores_lms.audit.services import record
from sonores_lms.extensions import db
from sonores_lms.i18n import format_size

from .models import Attachment, Resource

CHUNK = 1024 * 1024
IMAGE_MAX_WIDTH = 1600
IMAGE_MAX_PIXELS = 60_000_000
IMAGE_MAX_BYTES = 20 * 1024 * 1024  # an image is decoded whole to be re-encoded

# Accepted types and the file name endings each may carry.
TYPES: dict[str, tuple[str, ...]] = {
    "image/png": ("png",),
    "image/jpeg": ("jpg", "jpeg"),
    "image/webp": ("webp",),
    "application/pdf": ("pdf",),
    "video/mp4": ("mp4", "m4v"),
    "video/webm": ("webm",),
    "audio/mpeg": ("mp3",),
    "audio/ogg": ("ogg", "oga"),
    "application/vnd.oasis.opendocument.text": ("odt",),
    "application/vnd.oasis.opendocument.spreadsheet": ("ods",),
    "application/vnd.oasis.opendocument.presentation": ("odp",),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ("docx",),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": ("pptx",),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ("xlsx",),
}
IMAGE_TYPES = {"image/png": "PNG", "image/jpeg": "JPEG", "image/webp": "WEBP"}


class UploadError(ValueError):
    """A refused file; ``message`` is for the contributor, ``too_large`` asks for a 413 answer."""

    def __init__(self, message: Any, *, too_large: bool = False) -> None:
        super().__init__(str(message))
        self.message = message
        self.too_large = too_large


def max_bytes() -> int:
    return int(current_app.config["KNOWLEDGE_UPLOAD_MAX"])


def folder() -> Path:
    configured = current_app.config.get("KNOWLEDGE_UPLOAD_FOLDER")
    return Path(configured) if configured else Path(current_app.instance_path) / "knowledge"


def path_of(attachment: Attachment) -> Path:
    return folder() / attachment.sha256[:2] / attachment.sha256


def _extension(name: str | None) -> str:
    base = os.path.basename((name or "").replace("\\", "/")).strip()
    _stem, dot, ext = base.rpartition(".")
    return ext.lower() if dot else ""


def safe_name(name: str | None, mime: str) -> str:
    base = os.path.basename((name or "").replace("\\", "/")).strip()
    base = "".join(ch for ch in base if ch.isprintable() and ch not in '"<>:;/\\|?*')[:200] or "file"
    stem, dot, _ext = base.rpartition(".")
    return f"{stem if dot else base}.{TYPES[mime][0]}"


def _spool(stream: IO[bytes], limit: int) -> tuple[Path, str, int, bytes]:
    """Copy ``stream`` to a temporary file next to the store in chunks; returns (path, sha256, size, head)."""
    target = folder()
    target.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    head = b""
    handle, name = tempfile.mkstemp(dir=target, suffix=".part")
    path = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            while chunk := stream.read(CHUNK):
                size += len(chunk)
                if size > limit:
                    raise UploadError(
                        _l("This file is too large: files up to %(size)s are accepted here.", size=format_size(limit)),
                        too_large=True,
                    )
                if len(head) < 8192:
                    head += chunk[: 8192 - len(head)]
                digest.update(chunk)
                out.write(chunk)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path, digest.hexdigest(), size, head


def check_type(head: bytes, filename: str | None) -> str:
    """The accepted type found in the content, agreeing with the name's ending, or :class:`UploadError`."""
    if not head:
        raise UploadError(_l("The file is empty."))
    kind = filetype.guess(head)
    mime = kind.mime if kind is not None else None
    if mime not in TYPES:
        raise UploadError(
            _l(
                "This kind of file is not accepted (checked by its content, whatever its name): send a PDF, an "
                "image (PNG, JPEG, WebP), a recording (MP4, WebM, MP3, Ogg) or an office document."
            )
        )
    extension = _extension(filename)
    if extension and extension not in TYPES[mime]:
        raise UploadError(
            _l(
                "This file's content does not match its name: it is a %(found)s file named .%(extension)s.",
                found=TYPES[mime][0].upper(),
                extension=extension[:10],
            )
        )
    return mime


def shrink_image(content: bytes, mime: str) -> tuple[bytes, int, int]:
    """At most IMAGE_MAX_WIDTH wide (aspect kept), re-encoded without metadata; returns (bytes, width, height)."""
    try:
        with Image.open(io.BytesIO(content)) as probe:
            width, height = probe.size
            if width * height > IMAGE_MAX_PIXELS:
                raise UploadError(_l("This image has too many pixels; please send a smaller one."))
            image = probe.convert("RGBA" if probe.mode in {"RGBA", "LA", "P"} and mime != "image/jpeg" else "RGB")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise UploadError(_l("This image could not be read.")) from error
    if image.width > IMAGE_MAX_WIDTH:
        new_height = max(1, round(image.height * IMAGE_MAX_WIDTH / image.width))
        image = image.resize((IMAGE_MAX_WIDTH, new_height), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    options: dict[str, Any] = {"quality": 85} if mime in {"image/jpeg", "image/webp"} else {"optimize": True}
    image.save(out, format=IMAGE_TYPES[mime], **options)
    return out.getvalue(), image.width, image.height


def attach(resource: Resource, stream: IO[bytes], filename: str | None, *, actor: Any) -> Attachment:
    """Check, store and record a file of ``resource``; flushes. The stored bytes are kept by their hash, so the
    same file attached twice is stored once."""
    spooled, digest, size, head = _spool(stream, max_bytes())
    try:
        mime = check_type(head, filename)
        width = height = None
        if mime in IMAGE_TYPES:
            if size > IMAGE_MAX_BYTES:
                raise UploadError(
                    _l("Images up to %(size)s are accepted.", size=format_size(IMAGE_MAX_BYTES)), too_large=True
                )
            content, width, height = shrink_image(spooled.read_bytes(), mime)
            spooled.write_bytes(content)
            digest, size = hashlib.sha256(content).hexdigest(), len(content)
        attachment = Attachment(
            sha256=digest,
            filename=safe_name(filename, mime),
            content_type=mime,
            size=size,
            width=width,
            height=height,
            created_by_id=getattr(actor, "id", None),
        )
        target = path_of(attachment)
        if target.exists():
            spooled.unlink()
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            spooled.replace(target)  # atomic: a reader never sees half a file
    except BaseException:
        spooled.unlink(missing_ok=True)
        raise
    resource.attachments.append(attachment)
    db.session.flush()
    record(
        "knowledge.file-attached",
        actor=actor,
        target=resource,
        target_label=resource.text("title", "fr").text,
        details={"filename": attachment.filename, "content_type": mime, "size": size},
    )
    return attachment
