"""Forms of the action plan."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from sonores_lms.forms import MultiCheckboxField, choices

from .models import ACTION_STATUS_TITLES, ActionStatus


class ActionForm(FlaskForm):
    title = StringField(_l("What will be done"), validators=[DataRequired(), Length(max=300)])
    codes = MultiCheckboxField(_l("Gaps it closes"), choices=[], validators=[DataRequired()])
    owner = SelectField(_l("Owner"), coerce=int, choices=[], validators=[Optional()])
    due_on = DateField(_l("Due date"), validators=[Optional()])
    submit = SubmitField(_l("Add to the action plan"))


class ActionStatusForm(FlaskForm):
    status = SelectField(
        _l("Status"),
        choices=choices((s.value, t) for s, t in ACTION_STATUS_TITLES.items()),
        validators=[DataRequired()],
    )
    note = TextAreaField(_l("Evidence of completion or reason for dropping"), validators=[Optional(), Length(max=4000)])
    submit = SubmitField(_l("Update"))

    def status_value(self) -> ActionStatus:
        return ActionStatus(self.status.data)
