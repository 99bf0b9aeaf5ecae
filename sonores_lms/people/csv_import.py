"""Reading a people CSV (ours or Moodle's "upload users" format) into a plan, without touching the database.

:func:`build_plan` is pure: it receives what it needs to know about existing people and institutes, and returns one
outcome per row. The apply step (``people.services.apply_import``) re-plans against the current state and writes
only the good rows, so a preview can wait for confirmation on any worker.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from email_validator import EmailNotValidError, validate_email
from flask_babel import lazy_gettext as _l

from ..config import LANGUAGES
from ..i18n import is_timezone
from ..permissions import Role

MAX_BYTES = 1024 * 1024
MAX_ROWS = 5000

OUR_COLUMNS = ("email", "first_name", "last_name", "language", "timezone", "institute", "roles", "job_title")
# Moodle's "upload users" names (and a few obvious variants) for our columns.
ALIASES = {
    "firstname": "first_name",
    "lastname": "last_name",
    "lang": "language",
    "locale": "language",
    "institution": "institute",
    "role": "roles",
    "jobtitle": "job_title",
}
MOODLE_DEFAULT_TIMEZONE = "99"  # Moodle's "server time zone": no time zone of one's own
ROLE_SEPARATORS = re.compile(r"[|,]")

# Outcome of a row.
NEW, UPDATE, UNCHANGED, ERROR = "new", "update", "unchanged", "error"

ERROR_MESSAGES = {
    "missing-email": _l("The email is missing."),
    "invalid-email": _l("The email is not valid."),
    "duplicate-email": _l("This email appears on several rows of the file."),
    "missing-name": _l("A new person needs a first and a last name."),
    "name-too-long": _l("A name or job title is too long."),
    "unknown-institute": _l("No active institute has this name."),
    "ambiguous-institute": _l("Several institutes have this name."),
    "other-institute": _l("This institute is outside the ones you manage."),
    "institute-required": _l("Name the institute: you manage several."),
    "person-elsewhere": _l("This person belongs to an institute you do not manage."),
    "person-beyond": _l(
        "This person holds a role beyond your institutes: only a network administrator can change them."
    ),
    "unknown-role": _l("Unknown role (use staff, trainer, admin or auditor)."),
    "unknown-language": _l("Unknown language (use fr, es, pt or en)."),
    "invalid-timezone": _l("Unknown time zone (use an IANA name such as America/Bogota)."),
}


class CsvError(ValueError):
    """The file as a whole cannot be read; the message is for the person who sent it."""


@dataclass(frozen=True)
class InstituteRef:
    id: int
    name: str
    active: bool = True


@dataclass(frozen=True)
class ExistingPerson:
    """What the plan compares a row with."""

    id: int
    email: str
    first_name: str
    last_name: str
    locale: str | None
    timezone: str | None
    institute_id: int | None
    job_title: str | None
    roles: frozenset[tuple[str, int | None]]


@dataclass
class RowOutcome:
    line: int
    email: str
    status: str = NEW
    errors: list[str] = field(default_factory=list)
    values: dict[str, object] = field(default_factory=dict)  # the fields to set
    changes: dict[str, tuple[object, object]] = field(default_factory=dict)  # field -> (old, new) for updates
    add_roles: list[tuple[str, int | None]] = field(default_factory=list)
    person_id: int | None = None

    @property
    def messages(self) -> list[str]:
        return [str(ERROR_MESSAGES[code]) for code in self.errors]


@dataclass
class ImportPlan:
    rows: list[RowOutcome]
    columns: list[str]  # the columns read, under our names
    ignored_columns: list[str]

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def counts(self) -> dict[str, int]:
        return {status: self.count(status) for status in (NEW, UPDATE, UNCHANGED, ERROR)}


def decode(data: bytes) -> str:
    """UTF-8 text (a BOM is dropped), or CsvError for anything that is not text."""
    if len(data) > MAX_BYTES:
        raise CsvError(str(_l("The file is larger than 1 MB. Split it into smaller files.")))
    if b"\x00" in data:
        raise CsvError(str(_l("This is not a CSV file.")))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CsvError(str(_l("The file is not UTF-8 text. Save it as “CSV UTF-8” and send it again."))) from None
    if not text.strip():
        raise CsvError(str(_l("The file is empty.")))
    return text


def _delimiter(text: str) -> str:
    header = text.lstrip().splitlines()[0]
    return ";" if header.count(";") > header.count(",") else ","


def read_rows(text: str) -> tuple[list[str], list[str], list[tuple[int, dict[str, str]]]]:
    """(columns under our names, ignored columns, [(line number, row)]); CsvError when unreadable."""
    try:
        reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=_delimiter(text), strict=True)
        records = [(reader.line_num, record) for record in reader]
    except csv.Error:
        raise CsvError(str(_l("This is not a CSV file (the quoting is broken)."))) from None
    records = [(line, record) for line, record in records if any(cell.strip() for cell in record)]
    if not records:
        raise CsvError(str(_l("The file is empty.")))
    _line, header = records[0]
    names = [cell.strip().lstrip("\ufeff").lower().replace(" ", "_").replace("-", "_") for cell in header]
    mapped: list[str | None] = []
    ignored: list[str] = []
    for name in names:
        ours = ALIASES.get(name, name)
        if ours in OUR_COLUMNS and ours not in mapped:
            mapped.append(ours)
        else:
            mapped.append(None)
            if name:
                ignored.append(name)
    if "email" not in mapped:
        raise CsvError(str(_l("The file has no “email” column.")))
    if len(records) - 1 > MAX_ROWS:
        raise CsvError(str(_l("The file has more than %(max)s rows. Split it into smaller files.", max=MAX_ROWS)))
    rows = []
    for line, record in records[1:]:
        row = {ours: record[i].strip() for i, ours in enumerate(mapped) if ours is not None and i < len(record)}
        rows.append((line, row))
    return [c for c in mapped if c is not None], ignored, rows


def normalise_language(value: str) -> str | None:
    """Moodle codes (``pt_br``, ``es_mx``, ``fr_ca``, ``en``) to ours; None when empty; ValueError when unknown."""
    value = value.strip().lower().replace("-", "_")
    if not value:
        return None
    base = value.split("_", 1)[0]
    if base not in LANGUAGES:
        raise ValueError(value)
    return base


def normalise_timezone(value: str) -> str | None:
    value = value.strip()
    if not value or value == MOODLE_DEFAULT_TIMEZONE:
        return None
    if not is_timezone(value):
        raise ValueError(value)
    return value


def parse_roles(value: str) -> list[str] | None:
    """Role names from ``staff|trainer`` or ``staff,trainer``; None when empty; ValueError when one is unknown."""
    names = [part.strip().lower() for part in ROLE_SEPARATORS.split(value) if part.strip()]
    if not names:
        return None
    known = {role.value for role in Role}
    if any(name not in known for name in names):
        raise ValueError(value)
    return list(dict.fromkeys(names))


def manageable_roles(roles: frozenset[tuple[str, int | None]] | set[tuple[str, int | None]], scope: set[int]) -> bool:
    """The roles part of ``people.services.manages``: a director changes only people whose roles all lie in
    their institutes (network-wide staff is a learner's role and does not count). Kept here, on plain tuples, so
    the pure planner and the web forms apply one rule."""
    return all(iid in scope or (iid is None and role == Role.STAFF.value) for role, iid in roles)


def build_plan(
    text: str,
    *,
    institutes: list[InstituteRef],
    existing: Mapping[str, ExistingPerson],
    scope: set[int] | None,
) -> ImportPlan:
    """One outcome per row. ``existing`` maps lower-cased emails to people; ``scope`` is the importer's
    institutes (None: the whole network). Roles are granted network-wide by a network admin and scoped to the
    row's institute by a director."""
    columns, ignored, rows = read_rows(text)
    by_name: dict[str, list[InstituteRef]] = {}
    for institute in institutes:
        by_name.setdefault(" ".join(institute.name.split()).lower(), []).append(institute)
    emails = Counter(row.get("email", "").strip().lower() for _line, row in rows)

    outcomes = []
    for line, row in rows:
        email = row.get("email", "").strip().lower()
        outcome = RowOutcome(line=line, email=email)
        outcomes.append(outcome)
        errors = outcome.errors
        if not email:
            errors.append("missing-email")
        else:
            try:
                validate_email(email, check_deliverability=False)
            except EmailNotValidError:
                errors.append("invalid-email")
            if emails[email] > 1:
                errors.append("duplicate-email")
        person = existing.get(email) if email else None

        values: dict[str, object] = {}
        for name in ("first_name", "last_name"):
            if row.get(name):
                values[name] = row[name]
        if row.get("job_title"):
            values["job_title"] = row["job_title"]
        if (
            len(str(values.get("first_name", ""))) > 100
            or len(str(values.get("last_name", ""))) > 100
            or len(str(values.get("job_title", ""))) > 120
        ):
            errors.append("name-too-long")
        try:
            language = normalise_language(row.get("language", ""))
        except ValueError:
            errors.append("unknown-language")
        else:
            if language:
                values["locale"] = language
        try:
            zone = normalise_timezone(row.get("timezone", ""))
        except ValueError:
            errors.append("invalid-timezone")
        else:
            if zone:
                values["timezone"] = zone
        try:
            roles = parse_roles(row.get("roles", ""))
        except ValueError:
            errors.append("unknown-role")
            roles = None

        institute_id = _institute(row.get("institute", ""), by_name, scope, person, errors)
        if institute_id is not None:
            values["institute_id"] = institute_id
        if person is not None and scope is not None:
            if person.institute_id not in scope:
                errors.append("person-elsewhere")
            elif not manageable_roles(person.roles, scope):
                errors.append("person-beyond")
        if person is None and not ("first_name" in values and "last_name" in values):
            errors.append("missing-name")

        if errors:
            outcome.status = ERROR
            continue
        role_institute = None
        if scope is not None:
            role_institute = values.get("institute_id", person.institute_id if person else None)
        wanted = [(name, role_institute) for name in (roles or ([] if person else ["staff"]))]
        if person is None:
            outcome.status = NEW
            outcome.values = values
            outcome.add_roles = wanted
            continue
        outcome.person_id = person.id
        outcome.changes = {
            name: (getattr(person, name), value) for name, value in values.items() if getattr(person, name) != value
        }
        outcome.values = {name: new for name, (_old, new) in outcome.changes.items()}
        outcome.add_roles = [role for role in wanted if role not in person.roles]
        outcome.status = UPDATE if outcome.changes or outcome.add_roles else UNCHANGED
    return ImportPlan(rows=outcomes, columns=columns, ignored_columns=ignored)


def _institute(
    name: str,
    by_name: Mapping[str, list[InstituteRef]],
    scope: set[int] | None,
    person: ExistingPerson | None,
    errors: list[str],
) -> int | None:
    """The row's institute id; a director's rows without one get theirs (when they manage only one)."""
    name = " ".join(name.split()).lower()
    if not name:
        if scope is None or (person is not None and person.institute_id in scope):
            return None
        if len(scope) == 1:
            return next(iter(scope))
        errors.append("institute-required")
        return None
    matches = [ref for ref in by_name.get(name, []) if ref.active]
    if not matches:
        errors.append("unknown-institute")
        return None
    if len(matches) > 1:
        errors.append("ambiguous-institute")
        return None
    if scope is not None and matches[0].id not in scope:
        errors.append("other-institute")
        return None
    return matches[0].id
