"""The campaign form: template version, institutes by country or one by one, reference period, deadlines."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, IntegerField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, ValidationError

from sonores_lms.forms import MultiCheckboxField


class CampaignForm(FlaskForm):
    template = SelectField(_l("Template version"), coerce=int, validators=[InputRequired()])
    year = IntegerField(_l("Year of the audit"), validators=[InputRequired(), NumberRange(min=2000, max=2100)])
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)])
    period_start = DateField(_l("Reference period: first day"), validators=[InputRequired()])
    period_end = DateField(_l("Reference period: last day"), validators=[InputRequired()])
    self_deadline = DateField(_l("Self-assessment deadline"), validators=[InputRequired()])
    review_deadline = DateField(_l("Review deadline"), validators=[InputRequired()])
    countries = MultiCheckboxField(_l("Every institute of these countries"), choices=[])
    institutes = MultiCheckboxField(_l("Or these institutes"), choices=[], coerce=int)
    auditors = MultiCheckboxField(_l("Auditors assigned to every audit"), choices=[], coerce=int)
    submit = SubmitField(_l("Open the campaign"))

    today: date = date.min

    def validate_period_end(self, field: Any) -> None:
        if self.period_start.data and field.data and field.data < self.period_start.data:
            raise ValidationError(_l("The period ends after it starts."))

    def validate_self_deadline(self, field: Any) -> None:
        if field.data and field.data < self.today:
            raise ValidationError(_l("This deadline is in the past."))

    def validate_review_deadline(self, field: Any) -> None:
        if field.data and field.data < self.today:
            raise ValidationError(_l("This deadline is in the past."))
        if field.data and self.self_deadline.data and field.data < self.self_deadline.data:
            raise ValidationError(_l("The review comes after the self-assessment."))

    def validate(self, extra_validators: Any = None) -> bool:
        ok = super().validate(extra_validators)
        if ok and not (self.countries.data or self.institutes.data):
            self.institutes.errors = [_l("Choose countries or institutes.")]
            return False
        return ok


class AssignForm(FlaskForm):
    auditor = SelectField(_l("Auditor"), coerce=int, validators=[InputRequired()])
    submit = SubmitField(_l("Assign"))
