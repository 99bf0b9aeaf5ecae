"""Choosing an institute in a form when the network has too many for one list.

Up to ``MAX_LISTED`` institutes, the select lists them all. Beyond that (a network of 2,000 institutes would make a
page of 150 KB per select), the form also shows a country select and lists that country's institutes only. Changing
the country and sending the form lists the new country's institutes and saves nothing, so that it works without
JavaScript, which only sends the form when the country changes. Mixed into a form with :class:`InstituteCountry`,
filled by :func:`narrow_institutes`, rendered by the ``institute_field`` macro.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select
from wtforms import HiddenField, SelectField

from ..extensions import db
from ..forms import choices
from .choices import countries_named, country_names
from .models import Institute
from .queries import MAX_LISTED, countries_with_institutes, institute_choices, institute_count


class InstituteCountry:
    """Fields mixed into a form whose institute select may show one country's institutes."""

    institute_country = SelectField(_l("Country of the institute"), default="", validate_choice=False)
    # The country whose institutes the page listed: a different country sent back means "list those".
    listed_country = HiddenField(default="")
    # Set by narrow_institutes: the person changed the country, so the view shows the form again with that
    # country's institutes, and saves nothing.
    listing_institutes = False
    listed_country_name = ""


def _readers_country() -> str:
    institute = getattr(current_user, "institute", None)
    return institute.country if institute is not None else ""


def narrow_institutes(
    form: Any,
    field: Any,
    *,
    only: set[int] | None = None,
    current: int | None = None,
    default_country: str | None = None,
    leading: Sequence[tuple[Any, Any]] = (),
    value: Callable[[int], Any] = int,
) -> None:
    """Fill ``field``'s choices: ``leading`` ones ("No institute", ...), then the institutes to choose from.

    ``only`` keeps a director to their institutes (never narrowed: they are few). ``current`` is the institute the
    field holds now: listed even when inactive or in another country, so that saving the form keeps it. The country
    shown is the one sent back, else ``current``'s, else ``default_country`` (by default the reader's own).
    """
    if only is not None or institute_count() <= MAX_LISTED:
        listed = institute_choices(only=only)
        form.institute_country.choices = []
    else:
        countries = countries_with_institutes()
        sent = form.institute_country.data or ""
        form.listing_institutes = form.is_submitted() and sent != (form.listed_country.data or "")
        country = sent if sent in countries else ""
        if not country and current:
            country = db.session.scalar(select(Institute.country).where(Institute.id == current)) or ""
        if not country:
            country = default_country if default_country is not None else _readers_country()
            country = country if country in countries else ""
        names = country_names()
        form.institute_country.choices = countries_named(countries, leading=[("", _l("Choose a country"))])
        form.institute_country.data = country
        form.listed_country.data = country
        form.listed_country_name = names.get(country, country)
        listed = institute_choices(country=country) if country else []
    if current and current not in {i for i, _label in listed} and (only is None or current in only):
        listed = [*institute_choices(include_inactive=True, only={current}), *listed]
    field.choices = choices([*leading, *((value(i), label) for i, label in listed)])
