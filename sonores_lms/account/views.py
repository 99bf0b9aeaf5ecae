"""A person's own profile and password."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from werkzeug.wrappers import Response

from ..auth.loader import renew_session
from ..auth.services import password_failed, set_new_password
from ..auth.throttle import record_success, wait_seconds
from ..auth.views import wait_message
from ..extensions import limiter
from ..i18n import timezone_choices
from ..permissions import signed_in
from .forms import ChangePasswordForm, ProfileForm
from .services import update_profile

bp = Blueprint("account", __name__, url_prefix="/account")


@bp.route("/profile", methods=["GET", "POST"])
@signed_in
def profile() -> str | Response:
    user = current_user._get_current_object()
    form = ProfileForm(obj=user)
    form.timezone.choices = [("", _l("My institute's time zone")), *timezone_choices()]
    if not form.is_submitted():
        form.timezone.data = user.timezone or ""
        form.locale.data = user.locale or "fr"
        form.notifications.form.process(data=user.notifications)
    if form.validate_on_submit():
        if form.version.data != user.version:
            abort(409)
        update_profile(
            user,
            first_name=form.first_name.data or "",
            last_name=form.last_name.data or "",
            job_title=form.job_title.data or None,
            locale=form.locale.data,
            timezone=form.timezone.data or None,
            notifications=dict(form.notifications.data),
        )
        flash(_("Your profile is saved."), "success")
        return redirect(url_for("account.profile"))
    return render_template("account/profile.html", form=form, user=user)


def _signin_limits() -> str:
    return current_app.config["SIGNIN_LIMITS"]


def _wrong_password(_response: Response) -> bool:
    return bool(g.get("sonores_wrong_password"))


# The current password is checked like a sign-in: the same growing delay per account (a stolen session cannot
# guess it quickly) and the same hard limits per address.
@bp.route("/password", methods=["GET", "POST"])
@signed_in
@limiter.limit(_signin_limits, methods=["POST"], deduct_when=_wrong_password, scope="password-check-address")
def change_password() -> str | Response | tuple[str, int]:
    user = current_user._get_current_object()
    form = ChangePasswordForm()
    form.person = user
    if form.is_submitted() and (wait := wait_seconds(user.email)):
        form.validate()
        form.current_password.errors = [wait_message(wait)]
        return render_template("account/password.html", form=form), 429
    if form.validate_on_submit():
        if not user.check_password(form.current_password.data or ""):
            g.sonores_wrong_password = True
            password_failed(user.email)
            form.current_password.errors = [_("This is not your current password.")]
        else:
            record_success(user.email)
            set_new_password(user, form.password.data or "", actor=user, action="core.password-changed")
            renew_session(user)  # the session follows the new session token
            flash(_("Your password is changed. Your other sessions are signed out."), "success")
            return redirect(url_for("account.profile"))
    return render_template("account/password.html", form=form)
