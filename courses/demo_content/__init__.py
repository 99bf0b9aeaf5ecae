"""The demo 2027 plan as plain data: axes, tracks, courses, modules and lessons with their texts.

French is the source. ``translations`` holds the other languages as first written; ``revised`` is French text
changed after that (the translations become stale, as they would when an author edits the French later);
``retranslated`` holds translations brought up to date after the revision. The loader is :mod:`courses.demo`.

Everything reads in Latin American Spanish and Brazilian Portuguese, in the interface's terms (a track is an
"itinerario", a "trilha"; live is "en vivo", "ao vivo"), except a few lessons left missing or stale on purpose so
that the authoring pages show every status (``tests/courses/test_demo.py`` names them). English covers less.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

Texts = dict[str, dict[str, str]]  # language -> field -> text


@dataclass(frozen=True)
class Lesson:
    key: str
    title: str
    body: str = ""
    kind: str = "text"  # text, video, link, live or embed (see ``Embedded``)
    minutes: int = 15
    required: bool = True
    transcript: str = ""  # videos: required before publishing
    url: str = ""  # videos and external links
    release_at: datetime | None = None  # aware
    translations: Texts = field(default_factory=dict)
    revised: dict[str, str] = field(default_factory=dict)
    retranslated: Texts = field(default_factory=dict)


@dataclass(frozen=True)
class Module:
    key: str
    title: str
    lessons: tuple[Lesson, ...]
    summary: str = ""
    translations: Texts = field(default_factory=dict)
    revised: dict[str, str] = field(default_factory=dict)
    retranslated: Texts = field(default_factory=dict)


@dataclass(frozen=True)
class Course:
    key: str
    title: str
    summary: str
    objectives: str
    modules: tuple[Module, ...]
    level: str = "beginner"
    audience: tuple[str, ...] = ()  # Role values; empty: everyone
    prerequisites: tuple[str, ...] = ()  # keys of other courses
    authors: tuple[str, ...] = ()  # trainers' emails, assigned to this course alone
    translations: Texts = field(default_factory=dict)
    revised: dict[str, str] = field(default_factory=dict)
    retranslated: Texts = field(default_factory=dict)


@dataclass(frozen=True)
class Track:
    key: str
    title: str
    summary: str
    courses: tuple[Course, ...]
    enforce_order: bool = False
    authors: tuple[str, ...] = ()  # trainers' emails, assigned to the whole track
    translations: Texts = field(default_factory=dict)
    revised: dict[str, str] = field(default_factory=dict)
    retranslated: Texts = field(default_factory=dict)


@dataclass(frozen=True)
class Axis:
    code: str
    title: str
    description: str
    tracks: tuple[Track, ...]
    translations: Texts = field(default_factory=dict)
    revised: dict[str, str] = field(default_factory=dict)
    retranslated: Texts = field(default_factory=dict)


@dataclass(frozen=True)
class Embedded:
    """A lesson showing another plugin's demo item on ``topic`` (``EmbedProvider.demo_key``), added to the module
    ``module`` of course ``course`` once every demo has loaded (``core.demo-loaded``), when some plugin offers it."""

    topic: str
    course: str
    module: str
    lesson: Lesson


@dataclass(frozen=True)
class Plan:
    year: int
    title: str
    description: str
    axes: tuple[Axis, ...]
    translations: Texts = field(default_factory=dict)


def embedded() -> tuple[Embedded, ...]:
    """The lessons that show another plugin's demo item."""
    from .project_management import EMBEDDED

    return EMBEDDED


def plan() -> Plan:
    """The 2027 plan (imported lazily: the texts are only needed when the demo is loaded)."""
    from .communication import AXIS as communication
    from .project_management import AXIS as project_management
    from .sustainable_development import AXIS as sustainable_development

    return Plan(
        year=2027,
        title="Plan de formation 2027",
        description=(
            "Le plan de formation annuel du réseau des Alliances Françaises et Instituts français d'Amérique "
            "latine et des Caraïbes, pour les équipes culture et communication et les directions. Trois axes, "
            "des parcours courts et pratiques, à suivre à son rythme, dans sa langue."
        ),
        axes=(communication, project_management, sustainable_development),
        translations={
            "es": {
                "title": "Plan de formación 2027",
                "description": (
                    "El plan de formación anual de la red de Alianzas Francesas e Institutos Franceses de América "
                    "Latina y el Caribe, para los equipos de cultura y comunicación y las direcciones. Tres ejes, "
                    "itinerarios cortos y prácticos para seguir a su propio ritmo, en su idioma."
                ),
            },
            "pt": {
                "title": "Plano de formação 2027",
                "description": (
                    "O plano anual de formação da rede das Alianças Francesas e Institutos Franceses da América "
                    "Latina e do Caribe, para as equipes de cultura e comunicação e as direções. Três eixos, "
                    "trilhas curtas e práticas para fazer no seu ritmo, no seu idioma."
                ),
            },
            "en": {
                "title": "Training plan 2027",
                "description": (
                    "The yearly training plan of the network of Alliances Françaises and Instituts français in Latin "
                    "America and the Caribbean, for culture and communication teams and directors. Three axes, "
                    "short practical tracks, at your own pace, in your language."
                ),
            },
        },
    )
