"""Language and time zone of the person reading the page."""

from __future__ import annotations

from zoneinfo import ZoneInfo, available_timezones

from babel import Locale
from babel.units import format_unit
from flask import current_app, request
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from .config import LANGUAGES

LANGUAGE_COOKIE = "sonores_lang"
# Each language in its own name, capitalised: for the language menus, where a reader looks for their own.
LANGUAGE_NAMES = {"fr": "Français", "es": "Español", "pt": "Português", "en": "English"}
# In the reader's language, capitalised: for lists, headings and choices (a menu item starts with a capital).
LANGUAGE_TITLES = {"fr": _l("French"), "es": _l("Spanish"), "pt": _l("Portuguese"), "en": _l("English")}


def select_locale() -> str:
    """Profile when signed in, else the cookie, else Accept-Language, else the network default (French)."""
    if current_user and current_user.is_authenticated and current_user.locale in LANGUAGES:
        return current_user.locale
    cookie = request.cookies.get(LANGUAGE_COOKIE)
    if cookie in LANGUAGES:
        return cookie
    return request.accept_languages.best_match(LANGUAGES) or current_app.config["DEFAULT_LOCALE"]


def select_timezone() -> str:
    """Profile, else the person's institute, else the network default."""
    from .settings.store import get_setting

    if current_user and current_user.is_authenticated:
        if current_user.timezone:
            return current_user.timezone
        if current_user.institute is not None:
            return current_user.institute.timezone
    return get_setting("core.default_timezone")


def is_timezone(name: str) -> bool:
    return name in _zone_names()


def _zone_names() -> frozenset[str]:
    global _ZONES
    if _ZONES is None:
        _ZONES = frozenset(available_timezones())
    return _ZONES


_ZONES: frozenset[str] | None = None


def timezone_choices() -> list[tuple[str, str]]:
    """The Americas first (where the network lives), then the rest."""
    names = sorted(_zone_names())
    americas = [n for n in names if n.startswith("America/")]
    others = [n for n in names if not n.startswith("America/") and "/" in n and not n.startswith("Etc/")]
    return [(n, n.replace("_", " ")) for n in [*americas, "UTC", *others]]


def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def language_in_sentence(code: str | None) -> str:
    """The name of a language as it reads inside a sentence in the reader's language.

    French, Spanish and Portuguese write language names in lower case mid-sentence ("disponible en español",
    "disponível em português"), English capitalises them; the names come from Babel's CLDR data, which follows
    each language's rule, so no catalogue entry can get the case wrong. An unknown code is shown as it is.
    """
    if not code:
        return ""
    locale = get_locale()
    name = locale.languages.get(code) if locale is not None else None
    return name or code


_SIZE_UNITS = ((1024**3, "digital-gigabyte"), (1024**2, "digital-megabyte"), (1024, "digital-kilobyte"))


def format_size(size: int) -> str:
    """A file size in the reader's language and units ("2 MB", "2 Mo", "1,5 MB"), through Babel's CLDR units.

    Binary multiples (what the upload limits are counted in) under the usual symbols; one decimal below ten units
    and none above, never less than "1 kB" for a file that is not empty. Portuguese takes CLDR's narrow form: its
    short form spells a quantity of one "MByte", where Brazilian usage writes "MB" whatever the number.
    """
    locale = get_locale() or Locale.parse("en")  # outside a request (a command, a job): the source language
    length = "narrow" if locale.language == "pt" else "short"
    value, unit = 1 if size > 0 else 0, "digital-kilobyte"
    for factor, name in _SIZE_UNITS:
        if size >= factor:
            value, unit = size / factor, name
            break
    shown = round(value, 1) if value < 10 else round(value)
    return format_unit(shown, unit, length=length, locale=locale, format="#,##0.#")
