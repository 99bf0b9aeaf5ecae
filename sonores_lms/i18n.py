"""Language and time zone of the person reading the page."""

from __future__ import annotations

from zoneinfo import ZoneInfo, available_timezones

from flask import current_app, request
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from .config import LANGUAGES

LANGUAGE_COOKIE = "sonores_lang"
LANGUAGE_NAMES = {"fr": "Français", "es": "Español", "pt": "Português", "en": "English"}
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
