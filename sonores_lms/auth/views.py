"""Sign in, sign out, forgotten password."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import get_locale, ngettext
from flask_babel import gettext as _
from flask_login import current_user, logout_user
from werkzeug.wrappers import Response

from ..extensions import limiter
from ..permissions import public
from ..security import safe_next
from .forms import ForgotPasswordForm, ResetPasswordForm, SignInForm
from .loader import start_session
from .services import attempt_sign_in, request_password_reset, set_new_password, sign_out_everywhere
from .throttle import delay_for
from .tokens import read_token

bp = Blueprint("auth", __name__)


def _signin_limits() -> str:
    return current_app.config["SIGNIN_LIMITS"]


def _account_key() -> str:
    return "account:" + request.form.get("email", "").strip().lower()


def _failed(response: Response) -> bool:
    return response.status_code != 302


def wait_message(seconds: int) -> str:
    return ngettext(
        "Several wrong passwords were tried on this account: wait %(num)s second before the next attempt.",
        "Several wrong passwords were tried on this account: wait %(num)s seconds before the next attempt.",
        seconds,
    )


# Hard limits per address only: a per-account block would let anyone lock the owner out (the account gets a
# growing delay instead, see ``throttle``).
@bp.route("/sign-in", methods=["GET", "POST"])
@public
@limiter.limit(_signin_limits, methods=["POST"], deduct_when=_failed, scope="sign-in-address")
def sign_in() -> str | Response | tuple[str, int]:
    if current_user.is_authenticated:
        return redirect(url_for("main.dashboard"))
    form = SignInForm(next=request.args.get("next", ""))
    status = 200
    if form.validate_on_submit():
        attempt = attempt_sign_in(form.email.data or "", form.password.data or "", locale=str(get_locale()))
        if attempt.user is not None:
            start_session(attempt.user, remember=bool(form.remember.data))
            return redirect(safe_next(form.next.data, url_for("main.dashboard")))
        if attempt.wait:
            form.form_errors.append(wait_message(attempt.wait))
            status = 429
        else:
            form.form_errors.append(_("Wrong email or password."))
            delay = delay_for(attempt.failures)
            if delay:
                form.form_errors.append(wait_message(delay))
    form.password.data = ""
    return render_template("auth/sign_in.html", form=form), status


@bp.route("/sign-out", methods=["POST"])
@public
def sign_out() -> Response:
    if current_user.is_authenticated:
        sign_out_everywhere(current_user._get_current_object())
    logout_user()
    flash(_("You are signed out."), "success")
    return redirect(url_for("main.index"))


@bp.route("/password/forgot", methods=["GET", "POST"])
@public
@limiter.limit("10 per hour", methods=["POST"], scope="password-forgot")
@limiter.limit("3 per hour", methods=["POST"], key_func=_account_key, scope="password-forgot-account")
def forgot_password() -> str | Response:
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        request_password_reset(form.email.data or "")
        flash(
            _("If an account exists for this address, we have sent it a link. It works once, for two hours."),
            "success",
        )
        return redirect(url_for("auth.sign_in"))
    return render_template("auth/forgot_password.html", form=form)


@bp.route("/password/reset/<token>", methods=["GET", "POST"])
@public
def reset_password(token: str) -> str | Response:
    return _set_password(token, "reset")


@bp.route("/invitation/<token>", methods=["GET", "POST"])
@public
def accept_invitation(token: str) -> str | Response:
    return _set_password(token, "invite")


def _set_password(token: str, purpose: str) -> str | Response:
    user = read_token(token, purpose)
    if user is None:
        return render_template("auth/link_invalid.html"), 404  # type: ignore[return-value]
    if current_user.is_authenticated and current_user.id != user.id:
        logout_user()
    form = ResetPasswordForm()
    form.person = user
    if form.validate_on_submit():
        action = "core.password-reset" if purpose == "reset" else "core.invitation-accepted"
        set_new_password(user, form.password.data or "", actor=user, action=action)
        start_session(user)
        flash(_("Your password is saved. Welcome!"), "success")
        return redirect(url_for("main.dashboard"))
    if request.method == "POST" and not form.errors:
        abort(400)
    return render_template("auth/reset_password.html", form=form, purpose=purpose)
