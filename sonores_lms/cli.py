"""``flask sonores ...`` and ``flask i18n ...``; each command commits once, at its end."""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path

import click
from flask import Flask
from flask.cli import AppGroup

from .config import LANGUAGES
from .extensions import db

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"
POT = TRANSLATIONS / "messages.pot"
SOURCE_LANGUAGE = "en"  # the language msgids are written in

sonores_cli = AppGroup("sonores", help="Sonores LMS administration.")
i18n_cli = AppGroup("i18n", help="Extract, update, compile and check the translation catalogues.")


@sonores_cli.command("demo")
def demo_command() -> None:
    """Load the demo network (idempotent: a second run changes nothing)."""
    from .demo import load_demo

    accounts = load_demo()
    db.session.commit()
    click.echo(
        f"Demo data loaded ({accounts.created_institutes} institutes and {accounts.created_people} people added)."
    )
    click.echo(f"Demo accounts (password for all: {accounts.password}):")
    for role, email in accounts.by_role:
        click.echo(f"  {role:<8} {email}")


@sonores_cli.command("create-admin")
@click.option("--email", prompt=True)
@click.option("--first-name", prompt=True)
@click.option("--last-name", prompt=True)
@click.password_option()
def create_admin_command(email: str, first_name: str, last_name: str, password: str) -> None:
    """Create a network administrator (or grant the role to an existing person)."""
    from .people.services import PeopleError, ensure_admin

    try:
        user = ensure_admin(email=email, first_name=first_name, last_name=last_name, password=password)
    except PeopleError as exc:
        raise click.ClickException(str(exc)) from exc
    db.session.commit()
    click.echo(f"{user.email} is a network administrator.")


def _pybabel(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args], check=True, cwd=ROOT)  # noqa: S603


@i18n_cli.command("extract")
def extract_command() -> None:
    """Collect every translatable string into messages.pot (folders starting with "_", like
    templates/_macros, included: Babel skips them by default)."""
    _pybabel(
        "extract",
        "-F",
        "babel.cfg",
        "-k",
        "_l",
        "--no-location",
        "--sort-output",
        "--width=120",
        "--project=Sonores LMS",
        "--ignore-dirs=.* __pycache__",
        "--copyright-holder=Sonores LMS",
        "-o",
        str(POT),
        ".",
    )


@i18n_cli.command("update")
def update_command() -> None:
    """Extract, then merge new strings into every catalogue."""
    extract_command.callback()  # type: ignore[misc]
    for lang in LANGUAGES:
        po = TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po"
        if po.exists():
            _pybabel(
                "update", "-i", str(POT), "-d", str(TRANSLATIONS), "-l", lang, "--no-fuzzy-matching", "--width=120"
            )
        else:
            _pybabel("init", "-i", str(POT), "-d", str(TRANSLATIONS), "-l", lang)
    _fill_source_language(TRANSLATIONS / SOURCE_LANGUAGE / "LC_MESSAGES" / "messages.po")


def _fill_source_language(po: Path) -> None:
    """The source strings are English: the English catalogue says them as they are written."""
    from babel.messages.pofile import read_po, write_po

    with po.open("rb") as fh:
        catalog = read_po(fh, locale=SOURCE_LANGUAGE)
    for message in catalog:
        if not message.id:
            continue
        if message.pluralizable:
            if not all(message.string):
                message.string = tuple(message.id)
        elif not message.string:
            message.string = message.id
    with po.open("wb") as fh:
        write_po(fh, catalog, width=120, omit_header=False)


@i18n_cli.command("compile")
def compile_command() -> None:
    """Compile the catalogues into .mo files."""
    _pybabel("-q", "compile", "-d", str(TRANSLATIONS))


@i18n_cli.command("check")
def check_command() -> None:
    """Fail when a catalogue has an untranslated or fuzzy entry."""
    from .i18n_check import catalogue_problems

    problems = catalogue_problems(TRANSLATIONS)
    for line in problems:
        click.echo(line, err=True)
    if problems:
        raise click.ClickException("translation catalogues are incomplete")
    click.echo("fr, es, pt, en: complete.")


def migration_commands() -> click.Group:
    """Flask-Migrate's ``db`` commands, with ``flask db upgrade`` going to every head when no revision is named.

    Each plugin's revisions form a branch of their own (see :mod:`sonores_lms.schema`), so the history has several
    heads and Alembic's default target, ``head``, is ambiguous. Deployments and newcomers type ``flask db upgrade``:
    it must bring the core and every plugin up to date. ``flask db upgrade courses@head`` still upgrades one branch.
    """
    from flask_migrate.cli import db as migrate_group

    from .schema import ALL_HEADS

    group = copy.copy(migrate_group)  # keeps its --directory and --x-arg options and their callback
    group.commands = dict(migrate_group.commands)
    upgrade = copy.copy(migrate_group.commands["upgrade"])
    upgrade.params = [copy.copy(param) for param in upgrade.params]
    for param in upgrade.params:
        if param.name == "revision":
            param.default = ALL_HEADS
    group.add_command(upgrade, "upgrade")
    return group


def register_cli(app: Flask) -> None:
    app.cli.add_command(sonores_cli)
    app.cli.add_command(i18n_cli)
    app.cli.add_command(migration_commands())  # replaces the ``db`` group Flask-Migrate registered
