"""Forms of the self-assessment and the review: one small form per item, checked against the item's type.

They validate and never save. A refused answer re-renders the theme page with the message on its item.
"""

from __future__ import annotations

import math
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from sonores_lms.database import utcnow
from sonores_lms.forms import MultiCheckboxField, choices

from .models import AnswerType, Item
from .scoring import NOT_APPLICABLE, PARTLY

FACTOR_FIRST_YEAR = 1990  # older factors are not in use any more
COMMENT_MAX = 4000
TEXT_MAX = 8000
YPN_KEYS = ("yes", "partly", "no", NOT_APPLICABLE)


def _number(raw: str | None) -> float | None:
    """A number typed with a comma or a point (both are decimal marks in the network), None when not one."""
    text = (raw or "").strip().replace("\u00a0", "").replace(" ", "")
    if not text:
        return None
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


class AnswerForm(FlaskForm):
    """Every field any type may need; :meth:`answer_for` keeps those of the item's type."""

    choice = StringField(_l("Answer"), validators=[Optional(), Length(max=40)])
    choices = MultiCheckboxField(_l("Answers"), choices=[], validate_choice=False)
    number = StringField(_l("Figure"), validators=[Optional(), Length(max=40)])
    unit = StringField(_l("Unit"), validators=[Optional(), Length(max=40)])
    numerator = StringField(_l("Counted"), validators=[Optional(), Length(max=40)])
    denominator = StringField(_l("Out of"), validators=[Optional(), Length(max=40)])
    text = TextAreaField(_l("Your answer"), validators=[Optional(), Length(max=TEXT_MAX)])
    # The emission factor behind an emission figure: kept with the answer (and each change of it), so trends across
    # a change of factor can say so.
    factor_source = StringField(
        _l("Source of the emission factor"),
        description=_l("For example ADEME Base Carbone, or the national grid operator."),
        validators=[Optional(), Length(max=120)],
    )
    factor_year = StringField(_l("Year of the factor"), validators=[Optional(), Length(max=10)])
    factor_value = StringField(_l("Factor (optional)"), validators=[Optional(), Length(max=40)])
    factor_unit = StringField(
        _l("Unit of the factor (optional)"),
        description=_l("For example kg CO2e per passenger-km."),
        validators=[Optional(), Length(max=40)],
    )
    comment = TextAreaField(_l("Comment"), validators=[Optional(), Length(max=COMMENT_MAX)])
    version = HiddenField()
    submit = SubmitField(_l("Save this answer"))

    problem: Any = None

    def expected_version(self) -> int | None:
        raw = (self.version.data or "").strip()
        return int(raw) if raw.isdigit() else None

    def _fail(self, message: Any) -> None:
        self.problem = message

    def answer_for(self, item: Item, *, needs_reason: bool = True) -> dict[str, Any] | None:
        """The answer as stored for ``item``'s type, or None with :attr:`problem` set."""
        kind = item.answer_type
        comment = (self.comment.data or "").strip()
        if kind == AnswerType.YPN:
            choice = (self.choice.data or "").strip()
            if choice not in YPN_KEYS:
                return self._fail(_l("Choose an answer."))
            if needs_reason and choice in (PARTLY, NOT_APPLICABLE) and not comment:
                return self._fail(_l("Say in a comment why the answer is “partly” or “not applicable”."))
            return {"choice": choice}
        if kind == AnswerType.CHOICE:
            choice = (self.choice.data or "").strip()
            keys = {o["key"] for o in item.options or []}
            if choice == NOT_APPLICABLE and item.rules.get("allow_na"):
                if needs_reason and not comment:
                    return self._fail(_l("Say in a comment why the answer is “partly” or “not applicable”."))
                return {"choice": choice}
            if choice not in keys:
                return self._fail(_l("Choose an answer."))
            return {"choice": choice}
        if kind == AnswerType.MULTI:
            keys = {o["key"] for o in item.options or []}
            picked = [key for key in (self.choices.data or []) if key in keys]
            if len(picked) != len(self.choices.data or []):
                return self._fail(_l("Choose among the answers offered."))
            return {"choices": sorted(set(picked))}
        if kind == AnswerType.NUMBER:
            value = _number(self.number.data)
            if value is None:
                return self._fail(_l("Enter a number, such as 1250 or 12.5."))
            unit = (self.unit.data or "").strip()
            if unit and item.unit and unit != item.unit:
                return self._fail(_l("Give this figure in %(unit)s.", unit=item.unit))
            low, high = item.rules.get("min", 0), item.rules.get("max")
            if low is not None and value < float(low):
                return self._fail(_l("The figure cannot be below %(low)s.", low=low))
            if high is not None and value > float(high):
                return self._fail(_l("The figure cannot be above %(high)s.", high=high))
            answer: dict[str, Any] = {"number": value}
            if item.takes_emission_factor:
                factor = self.factor_for()
                if factor is False:
                    return None
                if factor:
                    answer["factor"] = factor
            return answer
        if kind == AnswerType.PERCENT:
            numerator, denominator = _number(self.numerator.data), _number(self.denominator.data)
            if numerator is None or denominator is None:
                return self._fail(_l("Enter both figures: how many, out of how many."))
            if denominator <= 0:
                return self._fail(_l("The “out of” figure must be above zero."))
            if numerator < 0 or numerator > denominator:
                return self._fail(_l("The first figure must lie between zero and the “out of” figure."))
            return {"numerator": numerator, "denominator": denominator}
        if kind == AnswerType.TEXT:
            text = (self.text.data or "").strip()
            if not text:
                return self._fail(_l("Write an answer."))
            return {"text": text}
        # A file: the answer is the evidence itself; saving records that the institute considers it given.
        return {"attached": True}

    def factor_for(self) -> dict[str, Any] | None | bool:
        """The emission factor given (source, year, then value and unit when given); None when none was; False with
        :attr:`problem` set when it does not hold."""
        source = (self.factor_source.data or "").strip()
        year_text = (self.factor_year.data or "").strip()
        value_text = (self.factor_value.data or "").strip()
        unit = (self.factor_unit.data or "").strip()
        if not (source or year_text or value_text or unit):
            return None
        value = None
        if value_text:
            value = _number(value_text)
            if value is None or value < 0:
                self._fail(_l("Enter the emission factor as a number, such as 0.152."))
                return False
        if not source:
            self._fail(_l("Give the source of the emission factor, such as ADEME Base Carbone."))
            return False
        last = utcnow().year + 1
        if not (year_text.isdigit() and FACTOR_FIRST_YEAR <= int(year_text) <= last):
            self._fail(
                _l(
                    "Give the year of the emission factor, between %(first)s and %(last)s.",
                    first=FACTOR_FIRST_YEAR,
                    last=last,
                )
            )
            return False
        factor: dict[str, Any] = {"source": source, "year": int(year_text)}
        if value is not None:
            factor["value"] = value
        if unit:
            factor["unit"] = unit
        return factor


class ReviewForm(AnswerForm):
    """The auditor's answer and the comment that every review needs."""

    comment = TextAreaField(_l("Review comment"), validators=[DataRequired(), Length(max=COMMENT_MAX)])
    submit = SubmitField(_l("Save the review"))


class ReturnForm(FlaskForm):
    questions = TextAreaField(_l("Questions for the institute"), validators=[DataRequired(), Length(max=COMMENT_MAX)])
    submit = SubmitField(_l("Return to the institute"))


class SubmitForm(FlaskForm):
    response = TextAreaField(
        _l("Your answers to the auditor's questions"), validators=[Optional(), Length(max=COMMENT_MAX)]
    )
    submit = SubmitField(_l("Submit the audit"))


class ReferentForm(FlaskForm):
    email = StringField(_l("Email of a member of staff"), validators=[DataRequired(), Length(max=254)])
    submit = SubmitField(_l("Name as referent"))


class ProfileForm(FlaskForm):
    """What the network view groups the institute by, and whether it agrees to be named there."""

    staff_band = SelectField(
        _l("Staff"),
        choices=choices([("small", _l("fewer than 10")), ("medium", _l("10 to 30")), ("large", _l("over 30"))]),
        validators=[DataRequired()],
    )
    owns_building = BooleanField(_l("The institute owns its building"))
    has_hall = BooleanField(_l("The institute has a hall of its own (shows, screenings, exhibitions)"))
    named = BooleanField(_l("Show our results under our name in the network view"))
    submit = SubmitField(_l("Save"))
