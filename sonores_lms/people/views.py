"""Routes of the people pages."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("people", __name__, url_prefix="/admin/people")
