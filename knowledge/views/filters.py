"""Template filters of the knowledge pages: codes shown as words in the reader's language."""

from __future__ import annotations

from decimal import Decimal

from flask import g
from flask_babel import format_currency

from sonores_lms.institutes.choices import country_names

from ..blueprint import blueprint
from ..kinds import kind_title
from ..models import LICENCES
from ..vocabulary import AXES, THEMES


@blueprint.app_template_filter("knowledge_country")
def country(code: str | None) -> str:
    if not code:
        return ""
    names = g.get("knowledge_countries")
    if names is None:
        names = g.knowledge_countries = country_names()
    return names.get(code, code)


@blueprint.app_template_filter("knowledge_money")
def money(amount: Decimal, currency: str) -> str:
    """An amount as the reader writes it: "1 200,00 $US" in French, "$1,200.00" in English (Babel, CLDR)."""
    try:
        return format_currency(amount, currency)
    except (ValueError, LookupError):  # a code Babel does not know: shown plainly rather than refused
        return f"{amount} {currency}"


@blueprint.app_template_filter("knowledge_facet")
def facet_value(value: str, facet: str) -> str:
    """A facet value as the reader reads it."""
    if facet == "kind":
        return kind_title(value)
    if facet == "axis":
        return str(AXES.get(value, value))
    if facet == "country":
        return country(value)
    if facet == "licence":
        return str(LICENCES.get(value, value))
    if facet == "theme":
        return f"{value} · {THEMES[value]}" if value in THEMES else value
    if facet == "language":
        from sonores_lms.i18n import LANGUAGE_NAMES

        return LANGUAGE_NAMES.get(value, value)
    return value


@blueprint.app_template_filter("knowledge_status")
def status(value: object) -> str:
    from ..models import Status, status_title

    try:
        return status_title(Status(str(value)))
    except ValueError:
        return str(value)


@blueprint.app_template_filter("knowledge_action")
def action(value: str) -> str:
    from ..links import audit_labels

    return str(audit_labels(None).get(f"knowledge.resource-{value}", value))


@blueprint.app_template_filter("atom_date")
def atom_date(value: object) -> str:
    """An RFC 3339 date for Atom (the epoch when there is none: an empty feed still validates)."""
    from datetime import UTC, datetime

    moment = value if isinstance(value, datetime) else datetime(1970, 1, 1, tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
