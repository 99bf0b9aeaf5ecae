"""Logos and signatures: checked by their content, re-encoded as PNG by Pillow, kept in the database.

Whatever arrives (a PNG with text chunks, a JPEG with its camera's EXIF, a WebP) leaves as a fresh PNG of at most
1200 px, so no metadata and no embedded payload survive. SVG is refused outright: it is a document that may carry
script and outside references, not an image Pillow decodes, and a certificate needs none.
"""

from __future__ import annotations

import io

from flask_babel import lazy_gettext as _l
from PIL import Image, UnidentifiedImageError

from sonores_lms.extensions import db

from .models import CertificateImage

MAX_BYTES = 2 * 1024 * 1024
MAX_SIDE = 1200
MAX_PIXELS = 40_000_000  # refuse decompression bombs before decoding them
FORMATS = {"PNG", "JPEG", "WEBP", "GIF"}


class ImageError(ValueError):
    def __init__(self, message: object) -> None:
        super().__init__(str(message))
        self.message = message


def reencode(content: bytes) -> tuple[bytes, int, int]:
    """``content`` as a new PNG (at most MAX_SIDE on its longer side); :class:`ImageError` if it is no image."""
    if not content:
        raise ImageError(_l("The file is empty."))
    if len(content) > MAX_BYTES:
        raise ImageError(_l("This image is too large: images up to 2 MB are accepted."))
    head = content[:512].lstrip().lower()
    if head.startswith((b"<?xml", b"<svg", b"<!doctype")) or b"<svg" in head:
        raise ImageError(_l("SVG images are not accepted: send a PNG, JPEG or WebP image."))
    try:
        with Image.open(io.BytesIO(content)) as probe:
            if probe.format not in FORMATS:
                raise ImageError(_l("This is not an image: send a PNG, JPEG or WebP image."))
            if probe.width * probe.height > MAX_PIXELS:
                raise ImageError(_l("This image has too many pixels; please send a smaller one."))
            probe.load()
            image = probe.convert("RGBA")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError) as error:
        raise ImageError(_l("This is not an image: send a PNG, JPEG or WebP image.")) from error
    image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue(), image.width, image.height


def store_image(content: bytes) -> CertificateImage:
    data, width, height = reencode(content)
    image = CertificateImage(data=data, width=width, height=height)
    db.session.add(image)
    db.session.flush()
    return image
