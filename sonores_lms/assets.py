"""Static files under fingerprinted names (``app.3f2a9c1d.css``), cached for a year."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from flask import Flask, abort, current_app, send_from_directory
from werkzeug.wrappers import Response

from .permissions import public

STATIC_FOLDER = Path(__file__).resolve().parent.parent / "static"
ONE_YEAR = 365 * 24 * 3600
_FINGERPRINTED = re.compile(r"^(?P<stem>.+)\.(?P<hash>[0-9a-f]{10})(?P<ext>\.[A-Za-z0-9]+)$")


def fingerprint(filename: str) -> str:
    cache: dict[str, str] = current_app.extensions["sonores"].asset_hashes
    if filename not in cache:
        path = STATIC_FOLDER / filename
        if not path.is_file():
            return filename
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:10]
        cache[filename] = digest
    stem, dot, ext = filename.rpartition(".")
    return f"{stem}.{cache[filename]}.{ext}" if dot else filename


@public
def static(filename: str) -> Response:
    match = _FINGERPRINTED.match(filename)
    if match:
        real = match["stem"] + match["ext"]
        if not (STATIC_FOLDER / real).is_file():
            abort(404)
        response = send_from_directory(STATIC_FOLDER, real, max_age=ONE_YEAR)
        if fingerprint(real) == filename:
            response.headers["Cache-Control"] = f"public, max-age={ONE_YEAR}, immutable"
        else:  # an old name: serve the current file but let caches refresh soon
            response.headers["Cache-Control"] = "public, max-age=300"
        return response
    return send_from_directory(STATIC_FOLDER, filename, max_age=300)


def init_app(app: Flask) -> None:
    app.add_url_rule("/static/<path:filename>", endpoint="static", view_func=static)

    @app.url_defaults
    def _fingerprint(endpoint: str, values: dict[str, str]) -> None:
        if endpoint == "static" and "filename" in values:
            values["filename"] = fingerprint(values["filename"])
