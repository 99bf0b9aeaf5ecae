"""Forms of the plan pages; they validate and never save."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from sonores_lms.config import LANGUAGES
from sonores_lms.forms import choices
from sonores_lms.i18n import LANGUAGE_TITLES
from sonores_lms.institutes.choices import countries_named
from sonores_lms.institutes.choosing import InstituteCountry, narrow_institutes
from sonores_lms.multilingual import SOURCE_LANGUAGE
from sonores_lms.permissions import ROLE_TITLES

from .delivered import GROUPING_TITLES, Grouping
from .plans import track_labels

FIRST_YEAR, LAST_YEAR = 2000, 2100
TRANSLATIONS = tuple(lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE)


def _year_field(label: Any) -> IntegerField:
    return IntegerField(
        label,
        validators=[
            InputRequired(message=_l("Enter a year.")),
            NumberRange(min=FIRST_YEAR, max=LAST_YEAR, message=_l("Enter a year between 2000 and 2100.")),
        ],
    )


class PlanForm(FlaskForm):
    year = _year_field(_l("Year"))
    title_fr = StringField(_l("Title in French"), validators=[DataRequired(), Length(max=200)])
    title_es = StringField(_l("Title in Spanish"), validators=[Optional(), Length(max=200)])
    title_pt = StringField(_l("Title in Portuguese"), validators=[Optional(), Length(max=200)])
    title_en = StringField(_l("Title in English"), validators=[Optional(), Length(max=200)])
    submit = SubmitField(_l("Create the plan"))

    def titles(self) -> dict[str, str]:
        return {lang: getattr(self, f"title_{lang}").data or "" for lang in LANGUAGES}


class AxisForm(FlaskForm):
    """Title and description in the four languages; ``reviewed_<lang>`` marks a stale translation as checked."""

    title_fr = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)])
    description_fr = TextAreaField(_l("Description"), validators=[Optional(), Length(max=4000)])
    title_es = StringField(_l("Title"), validators=[Optional(), Length(max=200)])
    description_es = TextAreaField(_l("Description"), validators=[Optional(), Length(max=4000)])
    reviewed_es = BooleanField(_l("Checked against the current French text"))
    title_pt = StringField(_l("Title"), validators=[Optional(), Length(max=200)])
    description_pt = TextAreaField(_l("Description"), validators=[Optional(), Length(max=4000)])
    reviewed_pt = BooleanField(_l("Checked against the current French text"))
    title_en = StringField(_l("Title"), validators=[Optional(), Length(max=200)])
    description_en = TextAreaField(_l("Description"), validators=[Optional(), Length(max=4000)])
    reviewed_en = BooleanField(_l("Checked against the current French text"))
    submit = SubmitField(_l("Save the axis"))

    def fill(self, axis: Any) -> None:
        for lang in LANGUAGES:
            values = axis.texts_in(lang)
            getattr(self, f"title_{lang}").data = values.get("title", "")
            getattr(self, f"description_{lang}").data = values.get("description", "")

    def texts(self) -> dict[str, dict[str, str]]:
        return {
            lang: {
                "title": getattr(self, f"title_{lang}").data or "",
                "description": getattr(self, f"description_{lang}").data or "",
            }
            for lang in LANGUAGES
        }

    def reviewed(self) -> list[str]:
        return [lang for lang in TRANSLATIONS if getattr(self, f"reviewed_{lang}").data]

    def by_language(self) -> list[tuple[str, Any, Any, Any, Any]]:
        """(code, language name, title field, description field, reviewed field or None) for the template."""
        return [
            (
                lang,
                LANGUAGE_TITLES[lang],
                getattr(self, f"title_{lang}"),
                getattr(self, f"description_{lang}"),
                getattr(self, f"reviewed_{lang}", None),
            )
            for lang in LANGUAGES
        ]


class PlanTextsForm(AxisForm):
    """A plan's title and description in the four languages (renaming a copied plan, for one)."""

    submit = SubmitField(_l("Save the plan"))


class CopyForm(FlaskForm):
    year = _year_field(_l("Copy to the year"))
    submit = SubmitField(_l("Copy the plan"))


EVERY_INSTITUTE = ""


class TargetForm(InstituteCountry, FlaskForm):
    """A target's track, role and institute; ``fill`` sets the choices."""

    track = SelectField(_l("Track"), validators=[DataRequired(message=_l("Choose a track."))])
    role = SelectField(
        _l("Role"),
        choices=choices((role.value, title) for role, title in ROLE_TITLES.items()),
        validators=[DataRequired(message=_l("Choose a role."))],
    )
    institute = SelectField(_l("Institute"), default=EVERY_INSTITUTE)
    submit = SubmitField(_l("Save the target"))

    def fill(self, plan: Any, *, current: int | None = None) -> None:
        """The plan's tracks ("Axis › Track"), and the institutes to choose from (``current``: the one the target
        names now, kept as a choice); ``plan.axes`` and their tracks must be loaded."""
        self.track.choices = choices([("", _("Choose a track")), *track_labels(plan).items()])
        narrow_institutes(
            self, self.institute, current=current, leading=[(EVERY_INSTITUTE, _("Every institute"))], value=str
        )

    def institute_id(self) -> int | None:
        value = self.institute.data or EVERY_INSTITUTE
        return None if value == EVERY_INSTITUTE else int(value)


class DeliveredFilterForm(FlaskForm):
    """Read from the query string: a GET form needs no CSRF token and can be bookmarked."""

    class Meta:
        csrf = False

    group = SelectField(
        _l("Group by"),
        choices=choices((g.value, title) for g, title in GROUPING_TITLES.items()),
        default=Grouping.AXIS.value,
        validators=[Optional()],
    )
    axis = SelectField(_l("Axis"), validators=[Optional()], validate_choice=False)
    country = SelectField(_l("Country"), validators=[Optional()], validate_choice=False)

    def fill(self, plan: Any, countries: list[str]) -> None:
        """The plan's axes and the network's ``countries`` as choices; unknown values sent back are dropped."""
        self.axis.choices = choices([("", _("Every axis")), *((str(a.id), str(a.text("title"))) for a in plan.axes)])
        self.country.choices = countries_named(countries, leading=[("", _("Every country"))])
        try:
            grouping = Grouping(self.group.data or Grouping.AXIS.value)
        except ValueError:
            grouping = Grouping.AXIS
        self.group.data = grouping.value
        if not (self.axis.data or "").isdigit() or int(self.axis.data) not in {a.id for a in plan.axes}:
            self.axis.data = ""
        if self.country.data not in countries:
            self.country.data = ""

    def grouping(self) -> Grouping:
        return Grouping(self.group.data)

    def axis_id(self) -> int | None:
        return int(self.axis.data) if self.axis.data else None

    def chosen_country(self) -> str | None:
        return self.country.data or None
