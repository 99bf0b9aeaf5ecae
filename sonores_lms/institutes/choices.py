"""Country, language and institute-filter choices for forms and filters, named in the reader's language.

Every select of a country (an institute's, a filter's, a report's) reads its names here, so that they follow the
reader's language the same way on every page, and list filters narrow their Institute select by one rule; choosing
an institute in a form that saves it is ``institutes.choosing``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from babel import Locale
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from wtforms.fields.choices import SelectChoice

from ..forms import choices
from .queries import MAX_LISTED, institute_choices, institute_count

# The territories where the network has institutes: listed first in country choices.
NETWORK_COUNTRIES: tuple[str, ...] = (
    "AR", "BO", "BR", "CL", "CO", "CR", "SV", "EC", "GT", "HN", "HT", "JM",
    "MX", "NI", "PA", "PY", "PE", "PR", "DO", "LC", "TT", "UY", "VE",
)  # fmt: skip
# Working languages an institute may declare (codes babel knows, so their names follow the reader's language).
INSTITUTE_LANGUAGES: tuple[str, ...] = ("fr", "es", "pt", "en", "ht")
# Two-letter codes in CLDR that are not countries.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "ZZ", "QO", "XA", "XB"})


def _reader_locale() -> Locale:
    return get_locale() or Locale.parse("fr")


def country_names() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code -> country name in the reader's language."""
    return {
        code: name
        for code, name in _reader_locale().territories.items()
        if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
    }


def country_choices() -> list[SelectChoice]:
    """Grouped choices (rendered as optgroups): the network's countries first, then every other one."""
    names = country_names()
    network = sorted(((c, names.get(c, c)) for c in NETWORK_COUNTRIES), key=lambda item: item[1])
    others = sorted(((c, n) for c, n in names.items() if c not in NETWORK_COUNTRIES), key=lambda item: item[1])
    return [
        *choices(network, optgroup=str(_l("Countries of the network"))),
        *choices(others, optgroup=str(_l("Other countries"))),
    ]


def countries_named(codes: Iterable[str], *, leading: Sequence[tuple[str, Any]] = ()) -> list[SelectChoice]:
    """``codes`` (a filter's countries) with their names, sorted by name, after the ``leading`` choices."""
    names = country_names()
    named = sorted(((code, names.get(code, code)) for code in codes), key=lambda item: item[1])
    return choices([*leading, *named])


def filter_institutes(
    scope: set[int] | frozenset[int] | None, country: str, selected: int | None
) -> tuple[list[tuple[int, str]], bool]:
    """The choices of a list's Institute filter, and whether they were cut short: a director's own institutes; for
    the network, one country's, or all while there are few enough; else only the institute already chosen, so that
    a bookmarked ``?institute=<id>`` keeps working."""
    if scope is not None:
        return institute_choices(include_inactive=True, only=set(scope)), False
    if country:
        return institute_choices(include_inactive=True, country=country), False
    if institute_count() <= MAX_LISTED:
        return institute_choices(include_inactive=True), False
    return (institute_choices(include_inactive=True, only={selected}) if selected else []), True


def language_names() -> dict[str, str]:
    """Names of the working languages an institute may declare, in the reader's language."""
    names = _reader_locale().languages
    return {code: names.get(code, code) for code in INSTITUTE_LANGUAGES}
