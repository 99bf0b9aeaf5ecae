"""Forms of the learner's pages (starting a course, marking a lesson done); they validate and never save."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField
from wtforms.validators import AnyOf, Optional

from .models import CompletionSource


class StartForm(FlaskForm):
    """Starting a course: nothing to fill, the CSRF token only."""


class CompleteForm(FlaskForm):
    """ "Mark as done"; ``source`` says "read" when the page saw the lesson read to its end."""

    source = HiddenField(default=CompletionSource.MANUAL.value, validators=[Optional(), AnyOf(["manual", "read"])])
