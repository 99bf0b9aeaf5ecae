"""``flask knowledge ...``: rebuild the search index."""

from __future__ import annotations

import time

import click

from sonores_lms.extensions import db

from .blueprint import blueprint


@blueprint.cli.command("reindex")
def reindex() -> None:
    """Rebuild the search index of every resource from scratch (after a restore, or to measure how long it takes)."""
    from .indexing import rebuild_index

    started = time.perf_counter()
    count = rebuild_index()
    db.session.commit()
    click.echo(f"{count} resources indexed in {time.perf_counter() - started:.1f} s")
