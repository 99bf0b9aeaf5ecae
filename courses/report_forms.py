"""The progress reports' filter form; it validates and never saves.

Its choices depend on the plan shown and on the reader's scope (a director sees their institutes only); on a
network's plan the Course and Institute selects are narrowed so that the page stays light, with a hint that says
how to list the rest.
"""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField
from wtforms.validators import Optional

from sonores_lms.institutes.choices import countries_named, filter_institutes
from sonores_lms.permissions import Role

from .reports import ReportedPlan, ReportFilters, countries_in

# Beyond this many courses in the plan, the Course filter lists the chosen track's courses only.
MAX_COURSES_LISTED = 60
FILTER_KEYS = ("year", "axis", "track", "course", "institute", "country", "role")


class ReportFilterForm(FlaskForm):
    """Read from the query string: a GET form needs no CSRF token and can be bookmarked."""

    class Meta:
        csrf = False

    year = SelectField(_l("Plan"), validators=[Optional()])
    axis = SelectField(_l("Axis"), validators=[Optional()])
    track = SelectField(_l("Track"), validators=[Optional()])
    course = SelectField(_l("Course"), validators=[Optional()])
    institute = SelectField(_l("Institute"), validators=[Optional()])
    country = SelectField(_l("Country"), validators=[Optional()])
    role = SelectField(_l("Role"), validators=[Optional()])

    def fill(self, years: list[int], plan: ReportedPlan | None, scope: frozenset[int] | None) -> dict[str, str]:
        """Set the choices from ``plan`` and the reader's ``scope``; returns hints by field name (why a select
        lists only part of its choices)."""
        self.year.choices = [(str(year), str(year)) for year in years]
        if plan is not None and not self.year.data:
            self.year.data = str(plan.year)
        hints: dict[str, str] = {}
        axes: list[tuple[str, str]] = []
        tracks: list[tuple[str, str]] = []
        courses: list[tuple[str, str, Any]] = []
        if plan is not None:
            for axis in plan.axes:
                axes.append((axis.uid, str(axis.text("title"))))
                for track in axis.tracks:
                    tracks.append((track.uid, str(track.text("title"))))
                    courses.extend((track.uid, course.uid, course.text("title")) for course in track.courses)
        # The Course select lists the chosen track's courses; every course only while there are few enough (else
        # the course already chosen, so that a bookmarked link keeps working).
        chosen_track, chosen_course = self.track.data or "", self.course.data or ""
        if chosen_track:
            listed = [(uid, str(title)) for track_uid, uid, title in courses if track_uid == chosen_track]
        elif len(courses) <= MAX_COURSES_LISTED:
            listed = [(uid, str(title)) for _track, uid, title in courses]
        else:
            listed = [(uid, str(title)) for _track, uid, title in courses if uid == chosen_course]
            hints["course"] = _("Choose a track to list its courses.")
        self.axis.choices = [("", _("All axes")), *axes]
        self.track.choices = [("", _("All tracks")), *tracks]
        self.course.choices = [("", _("All courses")), *listed]
        institute = self.institute.data or ""
        institutes, cut = filter_institutes(
            scope, self.country.data or "", int(institute) if institute.isdigit() else None
        )
        if cut:
            hints["institute"] = _("Choose a country to list its institutes.")
        self.institute.choices = [("", _("All institutes")), *((str(i), label) for i, label in institutes)]
        self.country.choices = countries_named(countries_in(scope), leading=[("", _("All countries"))])
        self.role.choices = [("", _("All roles")), *((role.value, role.title) for role in Role)]
        return hints

    def filters(self, scope: frozenset[int] | None) -> ReportFilters:
        """What the reader chose, for the report queries (call after ``validate``)."""
        return ReportFilters(
            scope=scope,
            axis_uid=self.axis.data or None,
            track_uid=self.track.data or None,
            course_uid=self.course.data or None,
            institute_id=int(self.institute.data) if (self.institute.data or "").isdigit() else None,
            country=self.country.data or None,
            role=Role(self.role.data) if self.role.data in {role.value for role in Role} else None,
        )
