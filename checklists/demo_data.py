"""The checklists demo: the 2027 template, loaded from ``demo_content/`` through the import format."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from sonores_lms.extensions import db

from .models import Template
from .template_io import build, parse

CONTENT = Path(__file__).parent / "demo_content" / "eco-2027.yaml"


def load_template() -> Template:
    """The demo template, imported and published once (found again by code and version)."""
    data, errors = parse(CONTENT.read_text(encoding="utf-8"))
    if errors:
        raise RuntimeError("demo template: " + "; ".join(str(e) for e in errors))
    found = db.session.scalar(
        select(Template).where(Template.code == data["code"], Template.version_number == data.get("version", 1))
    )
    if found is not None:
        return found
    template = build(data, publish=True)
    db.session.flush()
    return template


def load() -> None:
    load_template()
