"""Routes of the institutes pages."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("institutes", __name__, url_prefix="/admin/institutes")
