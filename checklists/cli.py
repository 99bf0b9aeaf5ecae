"""``flask checklists ...``: the plugin's commands ride on its blueprint's CLI group; each commits once."""

from __future__ import annotations

import click
from sqlalchemy import select

from sonores_lms.extensions import db

from .blueprint import blueprint
from .models import Audit
from .results import recompute


@blueprint.cli.command("recompute")
def recompute_command() -> None:
    """Recompute the stored scores of every audit (after a change of the scoring rules)."""
    count = 0
    for audit in db.session.scalars(select(Audit).order_by(Audit.id)):
        recompute(audit)
        count += 1
    db.session.commit()
    click.echo(f"{count} audits recomputed.")
