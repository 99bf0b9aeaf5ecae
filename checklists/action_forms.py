"""Forms of the action plan: they validate and never save."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import DateField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from sonores_lms.forms import MultiCheckboxField, choices

from .models import ACTION_STATUS_TITLES, COST_BAND_TITLES, ActionStatus, CostBand

EFFECT_MAX = 300


def _cost_choices() -> list[Any]:
    return choices([("", _l("Not estimated")), *((band.value, title) for band, title in COST_BAND_TITLES.items())])


class _PlanFields(FlaskForm):
    cost_band = SelectField(_l("Cost"), choices=_cost_choices(), validators=[Optional()])
    expected_effect = StringField(
        _l("Expected effect"),
        description=_l("The indicator it should move and by how much, e.g. ENV-MOB-02 −30 % per event."),
        validators=[Optional(), Length(max=EFFECT_MAX)],
    )

    def cost_value(self) -> CostBand | None:
        return CostBand(self.cost_band.data) if self.cost_band.data else None

    def effect_value(self) -> str | None:
        return (self.expected_effect.data or "").strip() or None


class ActionForm(_PlanFields):
    title = StringField(_l("What will be done"), validators=[DataRequired(), Length(max=300)])
    codes = MultiCheckboxField(_l("Gaps it closes"), choices=[], validators=[DataRequired()])
    owner = SelectField(_l("Owner"), coerce=int, choices=[], validators=[Optional()])
    due_on = DateField(_l("Due date"), validators=[Optional()])
    submit = SubmitField(_l("Add to the action plan"))


class ActionStatusForm(_PlanFields):
    """A status change. Dropping needs a reason; "done" needs evidence of completion (a file, now or before) or,
    proportionate for a small institute, a comment saying how it was done."""

    status = SelectField(
        _l("Status"),
        choices=choices((s.value, t) for s, t in ACTION_STATUS_TITLES.items()),
        validators=[DataRequired()],
    )
    note = TextAreaField(_l("Comment on the completion"), validators=[Optional(), Length(max=4000)])
    drop_reason = TextAreaField(_l("Why it is dropped"), validators=[Optional(), Length(max=4000)])
    file = FileField(_l("Evidence of completion (PDF, photo or office document)"))
    submit = SubmitField(_l("Update"))

    has_evidence = False  # the action already holds a completion file: set by the view

    def status_value(self) -> ActionStatus:
        return ActionStatus(self.status.data)

    def has_file(self) -> bool:
        upload = self.file.data
        return bool(upload is not None and getattr(upload, "filename", ""))

    def validate(self, extra_validators: Any = None) -> bool:
        if not super().validate(extra_validators):
            return False
        status = self.status_value()
        if status == ActionStatus.DROPPED and not (self.drop_reason.data or "").strip():
            self.drop_reason.errors = [_l("Say why this action is dropped.")]
            return False
        if (
            status == ActionStatus.DONE
            and not self.has_evidence
            and not self.has_file()
            and not (self.note.data or "").strip()
        ):
            self.note.errors = [_l("Attach evidence of completion, or say in a comment how it was done.")]
            return False
        return True
