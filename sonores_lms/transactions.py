"""One commit per request, at its end, and only when the request succeeded.

Services flush and never commit; a stale edit or a broken constraint found at commit time becomes a 409 page
rather than a 500, and nothing of the request is written.
"""

from __future__ import annotations

from flask import Flask, Response
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import Conflict

from .errors import render_error
from .extensions import db


def init_transactions(app: Flask) -> None:
    @app.after_request
    def _commit(response: Response) -> Response:
        if response.status_code >= 400:
            db.session.rollback()
            return response
        try:
            db.session.commit()
        except (StaleDataError, IntegrityError):
            db.session.rollback()
            app.logger.info("Conflict at commit time", exc_info=True)
            body, code = render_error(Conflict())
            return app.make_response((body, code))
        return response

    @app.errorhandler(StaleDataError)
    def _stale(_error: StaleDataError) -> object:
        db.session.rollback()
        return render_error(Conflict())

    # A unique row written by a concurrent request between our read and our flush (two clicks on "start this
    # course" on PostgreSQL): the same conflict as one found at commit time.
    @app.errorhandler(IntegrityError)
    def _clash(_error: IntegrityError) -> object:
        db.session.rollback()
        app.logger.info("Conflict at flush time", exc_info=True)
        return render_error(Conflict())
