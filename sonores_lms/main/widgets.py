"""The core's own dashboard widget: who the person is for the site (institute, roles, language, time zone)."""

from __future__ import annotations

from typing import Any

from flask import render_template
from flask_babel import get_locale, get_timezone
from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from ..i18n import LANGUAGE_NAMES
from ..navigation import Widget
from ..signals import dashboard_widgets


@dashboard_widgets.connect
def account_widget(user: Any) -> Widget | None:
    """Shown to every signed-in person, first on the dashboard, so they can check what the site assumes."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    locale = str(get_locale() or "fr")
    zone = str(get_timezone() or "UTC")
    if user.timezone:
        zone_source = _l("from your profile")
    elif user.institute is not None:
        zone_source = _l("from your institute")
    else:
        zone_source = _l("the network's default")
    html = render_template(
        "core/_widget_account.html",
        user=user,
        language=LANGUAGE_NAMES.get(locale, locale),
        zone=zone,
        zone_source=zone_source,
        assignments=sorted(user.role_assignments, key=lambda a: (a.role.value, a.institute_id or 0)),
    )
    return Widget(name="core-account", title=_l("My account"), html=Markup(html), weight=0)  # noqa: S704
