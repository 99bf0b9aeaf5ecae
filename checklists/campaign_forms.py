"""The campaign form: template version, institutes by country, by checkbox or as a typed list, reference period,
deadlines, and the confirmation step that carries what the admin saw (a count and a digest of the institutes).

Forms validate and never save: the view gives the form the network's active institutes (``directory``) so that the
typed list is resolved here, line by line, and every unknown or ambiguous line is reported with its number.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    IntegerField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    StopValidation,
    ValidationError,
)

from sonores_lms.forms import MultiCheckboxField
from sonores_lms.search import fold

# A typed list longer than the network is a paste gone wrong; the limit keeps the page and the parsing small.
MAX_LINES = 3000


@dataclass(frozen=True)
class Listed:
    """An institute as the typed list and the checklist know it."""

    id: int
    name: str
    city: str
    country: str


def _keys(institute: Listed) -> set[str]:
    """The spellings a line may use for ``institute``: its name, alone or with its city or country code."""
    name, city, country = fold(institute.name).strip(), fold(institute.city).strip(), institute.country.lower()
    return {
        name,
        f"{name} ({city})",
        f"{name}, {city}",
        f"{name} ({country})",
        f"{name}, {country}",
        f"{name} ({city}, {country})",
    }


def _clean(line: str) -> str:
    return " ".join(fold(line).split())


def resolve_lines(text: str, directory: Sequence[Listed]) -> tuple[list[int], list[Any]]:
    """The institutes a typed list names (one a line, by name, "name (city)", "name (country code)" or number) and
    the problems, each naming its line. Blank lines and lines starting with ``#`` are skipped."""
    by_key: dict[str, list[Listed]] = {}
    for institute in directory:
        for key in _keys(institute):
            by_key.setdefault(key, []).append(institute)
    by_id = {institute.id: institute for institute in directory}
    found: list[int] = []
    problems: list[Any] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#") and not line[1:].strip().isdigit():
            continue
        code = line.removeprefix("#").strip()
        if code.isdigit():
            if len(code) <= 9 and int(code) in by_id:
                found.append(int(code))
            else:
                problems.append(
                    _l("Line %(line)s: no active institute has the number %(code)s.", line=number, code=code)
                )
            continue
        matches = {i.id: i for i in by_key.get(_clean(line), [])}
        if len(matches) == 1:
            found.append(next(iter(matches)))
        elif not matches:
            problems.append(_l("Line %(line)s: no active institute is named “%(text)s”.", line=number, text=line[:120]))
        else:
            places = ", ".join(sorted(f"{i.name} ({i.city}, {i.country})" for i in matches.values()))
            problems.append(
                _l(
                    "Line %(line)s: “%(text)s” names several institutes (%(places)s): add the city or the "
                    "country code, as in “%(example)s”.",
                    line=number,
                    text=line[:120],
                    places=places,
                    example=f"{line[:120]} ({next(iter(matches.values())).country})",
                )
            )
    return found, problems


class CampaignForm(FlaskForm):
    template = SelectField(_l("Template version"), coerce=int, validators=[InputRequired()])
    year = IntegerField(_l("Year of the audit"), validators=[InputRequired(), NumberRange(min=2000, max=2100)])
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)])
    period_start = DateField(_l("Reference period: first day"), validators=[InputRequired()])
    period_end = DateField(_l("Reference period: last day"), validators=[InputRequired()])
    self_deadline = DateField(_l("Self-assessment deadline"), validators=[InputRequired()])
    review_deadline = DateField(_l("Review deadline"), validators=[InputRequired()])
    countries = MultiCheckboxField(_l("Every institute of these countries"), choices=[])
    search = StringField(_l("Find institutes by name or city"), validators=[Optional(), Length(max=100)])
    institutes = MultiCheckboxField(_l("Or these institutes"), choices=[], coerce=int)
    listed = TextAreaField(
        _l("Or type a list: one institute a line"), validators=[Optional(), Length(max=MAX_LINES * 100)]
    )
    auditors = MultiCheckboxField(_l("Auditors assigned to every audit"), choices=[], coerce=int)
    # What the confirmation page showed: the number of audits and a digest of their institutes.
    expected = HiddenField()
    expected_digest = HiddenField()
    hurricane_ok = BooleanField(_l("I confirm these reviews during the hurricane season."))
    submit = SubmitField(_l("Review the campaign"))

    today: date = date.min
    directory: Sequence[Listed] = ()
    listed_ids: list[int]

    def validate_period_end(self, field: Any) -> None:
        if self.period_start.data and field.data and field.data < self.period_start.data:
            raise ValidationError(_l("The reference period must end after its first day."))

    def validate_self_deadline(self, field: Any) -> None:
        if field.data and field.data < self.today:
            raise ValidationError(_l("This deadline is in the past: choose today or a later day."))

    def validate_review_deadline(self, field: Any) -> None:
        if field.data and field.data < self.today:
            raise ValidationError(_l("This deadline is in the past: choose today or a later day."))
        if field.data and self.self_deadline.data and field.data <= self.self_deadline.data:
            raise ValidationError(_l("The review deadline must come after the self-assessment deadline."))

    def validate_listed(self, field: Any) -> None:
        self.listed_ids = []
        text = field.data or ""
        if len(text.splitlines()) > MAX_LINES:
            raise ValidationError(_l("At most %(count)s lines.", count=MAX_LINES))
        self.listed_ids, problems = resolve_lines(text, self.directory)
        if problems:
            field.errors.append(_l("Correct these lines: nothing is opened until each line names one institute."))
            field.errors.extend(problems)
            raise StopValidation()

    def validate(self, extra_validators: Any = None) -> bool:
        self.listed_ids = []
        ok = super().validate(extra_validators)
        if not (self.countries.data or self.institutes.data or (self.listed.data or "").strip()):
            self.institutes.errors = [*self.institutes.errors, _l("Choose countries or institutes.")]
            return False
        return ok

    def wanted_ids(self, in_countries: Iterable[int]) -> set[int]:
        """The institutes chosen in the three ways, once validated."""
        return set(in_countries) | set(self.institutes.data or []) | set(self.listed_ids)


class AssignForm(FlaskForm):
    auditor = SelectField(_l("Auditor"), coerce=int, validators=[InputRequired()])
    submit = SubmitField(_l("Assign"))


class AssignCountryForm(FlaskForm):
    """One auditor for every audit of a country in a campaign."""

    country = SelectField(_l("Country"), validators=[InputRequired()])
    auditor = SelectField(_l("Auditor"), coerce=int, validators=[InputRequired()])
    submit = SubmitField(_l("Assign to the whole country"))
