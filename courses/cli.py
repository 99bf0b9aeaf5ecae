"""``flask courses ...``: the plugin's commands ride on its blueprint's CLI group; each commits once, at its end."""

from __future__ import annotations

import time

import click
from sqlalchemy import func, select

from sonores_lms.extensions import db

from .blueprint import blueprint
from .delivered import live_plans, rebuild_plan
from .models import DeliveredPerson, Plan


@blueprint.cli.command("rebuild-delivered")
@click.option("--year", type=int, default=None, help="Every revision of this year, archived ones included.")
def rebuild_delivered_command(year: int | None) -> None:
    """Rebuild the planned-vs-delivered figures of the live plans (published and drafts), or of one year."""
    if year is None:
        plans = live_plans()
    else:
        plans = list(db.session.scalars(select(Plan).where(Plan.year == year).order_by(Plan.revision)))
    if not plans:
        raise click.ClickException("No plan to rebuild." if year is None else f"There is no plan for {year}.")
    for plan in plans:
        started = time.perf_counter()
        rebuild_plan(plan)
        rows = db.session.scalar(
            select(func.count()).select_from(DeliveredPerson).where(DeliveredPerson.plan_id == plan.id)
        )
        click.echo(
            f"{plan.year} revision {plan.revision} ({plan.status.value}): {rows:,} targeted pairs "
            f"in {time.perf_counter() - started:.2f} s."
        )
    db.session.commit()
