"""A readable page, in the reader's language, for every error a person can meet."""

from __future__ import annotations

from flask import Flask, render_template, request
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

MESSAGES = {
    400: (_l("Bad request"), _l("The request could not be understood. Please go back and try again.")),
    403: (_l("Access denied"), _l("You do not have permission to open this page.")),
    404: (_l("Page not found"), _l("This page does not exist or is no longer available.")),
    405: (_l("Method not allowed"), _l("This address does not accept that kind of request.")),
    409: (
        _l("Edit conflict"),
        _l("Someone else changed this item while you were editing it. Reload the page and apply your changes again."),
    ),
    413: (_l("File too large"), _l("What you sent is larger than this site accepts. Please send a smaller file.")),
    429: (_l("Too many attempts"), _l("Please wait a few minutes before trying again.")),
    500: (_l("Something went wrong"), _l("An unexpected error occurred. It has been logged; please try again later.")),
}
CSRF_MESSAGE = _l("Your form expired or was sent from elsewhere. Reload the page and submit it again.")


def render_error(error: HTTPException) -> tuple[str, int]:
    code = error.code or 500
    title, message = MESSAGES.get(code, (error.name, error.description))
    if isinstance(error, CSRFError):
        message = CSRF_MESSAGE
    detail = getattr(error, "sonores_detail", None)
    return render_template("core/error.html", code=code, title=title, message=message, detail=detail), code


def init_app(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def _http_error(error: HTTPException) -> object:
        if error.code is None or error.code < 400:
            return error
        response = render_error(error)
        if error.code == 405 and getattr(error, "valid_methods", None):
            return response[0], 405, {"Allow": ", ".join(error.valid_methods)}  # type: ignore[attr-defined]
        return response

    @app.errorhandler(Exception)
    def _unexpected(error: Exception) -> object:
        app.logger.exception("Unhandled error on %s %s", request.method, request.path)
        from .extensions import db

        db.session.rollback()
        return render_error(InternalServerError())
