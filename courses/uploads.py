"""Files that authors upload: checked by content (never by name), limited in size, stored by their SHA-256.

Images are resized to at most 1600 px wide and re-encoded without their metadata (camera, GPS), so a page that
shows them stays light on a slow link and leaks nothing the author did not mean to publish.
"""

from __future__ import annotations

import hashlib
import io
import os
from datetime import datetime
from pathlib import Path
from typing import IO, Any

import filetype
from flask import current_app
from flask_babel import lazy_gettext as _l
from PIL import Image, UnidentifiedImageError
from sqlalchemy import select

from sonores_lms.audit.services import record
from sonores_lms.database import utcnow
from sonores_lms.extensions import db

from .models import StoredFile

MB = 1024 * 1024
IMAGE_MAX_WIDTH = 1600
IMAGE_MAX_PIXELS = 60_000_000  # refuse decompression bombs before decoding them

IMAGE_TYPES = frozenset({"image/png", "image/jpeg", "image/webp"})
VIDEO_TYPES = frozenset({"video/mp4", "video/webm", "audio/mpeg"})
DOCUMENT_TYPES = frozenset(
    {
        "application/pdf",
        "application/vnd.oasis.opendocument.text",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }
)
ALLOWED_TYPES = IMAGE_TYPES | VIDEO_TYPES | DOCUMENT_TYPES
EXTENSIONS = {
    "image/png": "png",
    "image/jpeg": "jpg",
    "image/webp": "webp",
    "video/mp4": "mp4",
    "video/webm": "webm",
    "audio/mpeg": "mp3",
    "application/pdf": "pdf",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
}
_PIL_FORMATS = {"image/png": "PNG", "image/jpeg": "JPEG", "image/webp": "WEBP"}


class UploadError(ValueError):
    """A file that is refused; ``message`` is for the author, ``too_large`` asks for a 413 answer."""

    def __init__(self, message: Any, *, too_large: bool = False) -> None:
        super().__init__(str(message))
        self.message = message
        self.too_large = too_large


def max_bytes(purpose: str) -> int:
    """The size limit for a lesson kind's upload: videos may be larger than documents and images."""
    # Declared in the plugin's settings (``courses.SETTINGS``): the loader fills in the defaults.
    config = current_app.config
    return int(config["COURSES_UPLOAD_MAX_VIDEO" if purpose == "video" else "COURSES_UPLOAD_MAX_OTHER"])


def largest_upload() -> int:
    return max(max_bytes("video"), max_bytes("other"))


def upload_folder() -> Path:
    configured = current_app.config.get("COURSES_UPLOAD_FOLDER")
    return Path(configured) if configured else Path(current_app.instance_path) / "uploads"


def path_of(stored: StoredFile) -> Path:
    return upload_folder() / stored.sha256[:2] / stored.sha256


def human_size(size: int) -> str:
    return f"{size / MB:.0f} MB" if size >= MB else f"{max(size // 1024, 1)} KB"


def detect(content: bytes) -> str | None:
    """The MIME type found in the content itself, or None when it is unknown."""
    kind = filetype.guess(content)
    return kind.mime if kind is not None else None


def check(content: bytes, *, purpose: str) -> str:
    """The allowed content type of ``content`` for ``purpose`` ("video", "file"), or :class:`UploadError`."""
    limit = max_bytes(purpose)
    if len(content) > limit:
        raise UploadError(
            _l("This file is too large: files up to %(size)s are accepted here.", size=human_size(limit)),
            too_large=True,
        )
    if not content:
        raise UploadError(_l("The file is empty."))
    mime = detect(content)
    if mime not in ALLOWED_TYPES:
        raise UploadError(
            _l(
                "This kind of file is not accepted (checked by its content, whatever its name): send a PDF, an "
                "image (PNG, JPEG, WebP), a video (MP4, WebM), an MP3 or an office document (ODT, DOCX, PPTX, XLSX)."
            )
        )
    if purpose == "video" and mime not in VIDEO_TYPES:
        raise UploadError(_l("A video lesson accepts MP4 or WebM videos and MP3 sound files."))
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
    options: dict[str, Any] = {"optimize": True}
    if mime == "image/jpeg":
        options["quality"] = 85
    elif mime == "image/webp":
        options = {"quality": 85}
    image.save(out, format=_PIL_FORMATS[mime], **options)  # a fresh image carries no EXIF nor text chunks
    return out.getvalue(), image.width, image.height


def _safe_name(name: str | None, mime: str) -> str:
    base = os.path.basename((name or "").replace("\\", "/")).strip()
    base = "".join(ch for ch in base if ch.isprintable() and ch not in '"<>:;/\\|?*')[:200] or "file"
    stem, _dot, _ext = base.rpartition(".")
    return f"{stem or base}.{EXTENSIONS[mime]}"  # the name says what the content is


def read_limited(stream: IO[bytes], limit: int) -> bytes:
    """Read at most ``limit + 1`` bytes: enough to know a file is too large without holding all of it."""
    return stream.read(limit + 1)


def store_upload(stream: IO[bytes], filename: str | None, *, purpose: str, actor: Any) -> StoredFile:
    """Check, (resize,) write under uploads/<sha[:2]>/<sha> and record a :class:`StoredFile`; flushes."""
    content = read_limited(stream, max_bytes(purpose))
    mime = check(content, purpose=purpose)
    width = height = None
    if mime in IMAGE_TYPES:
        content, width, height = shrink_image(content, mime)
    digest = hashlib.sha256(content).hexdigest()
    stored = StoredFile(
        sha256=digest,
        filename=_safe_name(filename, mime),
        content_type=mime,
        size=len(content),
        width=width,
        height=height,
        created_by_id=getattr(actor, "id", None),
    )
    target = path_of(stored)
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f"{digest}.{os.getpid()}.part")
        temporary.write_bytes(content)
        temporary.replace(target)  # atomic: a reader never sees half a file
    db.session.add(stored)
    db.session.flush()
    record(
        "courses.file-uploaded",
        actor=actor,
        target=stored,
        target_label=stored.filename,
        details={"content_type": mime, "size": stored.size, "sha256": digest},
    )
    return stored


def may_download(user: Any, stored: StoredFile, *, now: datetime | None = None) -> bool:
    """Whether ``user`` may fetch ``stored``: the person who uploaded it, anyone who may author a lesson that uses
    it (drafts included), and anyone who may read a published lesson that uses it, by the learning pages' rules
    (the course's audience, its prerequisites and order, the lesson's release date). Nobody else, whatever the
    file's number: a draft's attachment is not public until its lesson is."""
    from .authoring import author_scope
    from .learning import audience_allows, learner_state, published_lesson
    from .models import PlanStatus
    from .progress import lesson_lock
    from .queries import lessons_using

    if stored.created_by_id is not None and stored.created_by_id == user.id:
        return True
    lessons = lessons_using(stored.uid)
    if not lessons:
        return False
    scope = author_scope(user)
    if any(scope.can_edit_course(lesson.module.course) for lesson in lessons):
        return True
    published = {
        lesson.uid for lesson in lessons if lesson.module.course.track.axis.plan.status == PlanStatus.PUBLISHED
    }
    for uid in sorted(published):
        lesson = published_lesson(uid)
        if lesson is None:
            continue
        course = lesson.module.course
        if not audience_allows(user, course):
            continue
        state = learner_state(user, course_uids=[course.uid])
        if lesson_lock(lesson, course, state, now or utcnow()) is None:
            return True
    return False


def remove_unreferenced(sha256: str) -> None:
    """Delete the stored content ``sha256`` when no file row (as this session sees them) refers to it any more:
    an upload whose save was refused. Content that a row still names, here or committed, stays; the one case left
    is two people saving the same bytes at the same instant, the other's row not yet committed."""
    if db.session.scalar(select(StoredFile.id).where(StoredFile.sha256 == sha256).limit(1)) is not None:
        return
    (upload_folder() / sha256[:2] / sha256).unlink(missing_ok=True)
