"""Where the demo staff stand in the 2027 plan: who started which course, how far they got, and when.

``done`` is how many lessons the person finished, in course order ("all" finishes the course); ``days_ago`` is when
they started. A track whose courses someone has all finished is recorded as completed. Targets say what the plan
expects of whom.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Progress:
    email: str
    course: str  # course key
    done: int | Literal["all"]
    days_ago: int
    offline: bool = False  # marked in the offline lesson pack (people on slow links)


PROGRESS: tuple[Progress, ...] = (
    # Juliana finished the whole digital-strategy track, mostly from the offline pack.
    Progress("juliana.pereira@example.org", "social-media-strategy", "all", 41, offline=True),
    Progress("juliana.pereira@example.org", "engaging-content", "all", 30, offline=True),
    Progress("juliana.pereira@example.org", "measure-online-presence", "all", 17),
    Progress("juliana.pereira@example.org", "eco-design-event", 2, 5),
    # Mateo (the printed staff account): one course done, two under way.
    Progress("mateo.fernandez@example.org", "social-media-strategy", "all", 26),
    Progress("mateo.fernandez@example.org", "engaging-content", 1, 8),
    Progress("mateo.fernandez@example.org", "statement-of-intent", 1, 3),
    Progress("daniela.rojas-vargas@example.org", "eco-design-event", "all", 28),
    Progress("daniela.rojas-vargas@example.org", "carbon-footprint", 1, 10),
    Progress("daniela.rojas-vargas@example.org", "social-media-strategy", 2, 4),
    Progress("carlos.mendoza-quispe@example.org", "statement-of-intent", "all", 35),
    Progress("carlos.mendoza-quispe@example.org", "festival-budget", 2, 14),
    Progress("camila.fuentes@example.org", "stream-a-concert", 2, 9),
    Progress("camila.fuentes@example.org", "hybrid-meetings", 1, 5),
    Progress("anil.ramdass@example.org", "accessible-communication", 1, 7),
    Progress("anil.ramdass@example.org", "social-media-strategy", 1, 2),
    Progress("shernelle.charles@example.org", "accessible-communication", "all", 20),
    Progress("shernelle.charles@example.org", "welcome-every-audience", 1, 6),
    Progress("ana-lucia.herrera@example.org", "eco-design-event", 2, 8),
    Progress("rodrigo.benitez@example.org", "festival-budget", "all", 22),
    Progress("rodrigo.benitez@example.org", "evaluate-a-project", 1, 4),
    Progress("lucia.rodriguez@example.org", "social-media-strategy", 1, 12),
    Progress("thiago.almeida@example.org", "stream-a-concert", 1, 3),
    Progress("widelene.pierre-louis@example.org", "social-media-strategy", 0, 2),
    Progress("rosa-amelia.nunez@example.org", "hybrid-meetings", 0, 1),
    Progress("kemar.thompson@example.org", "welcome-every-audience", 1, 9),
    Progress("jean-robert.desir@example.org", "festival-budget", 1, 6),
)


@dataclass(frozen=True)
class Goal:
    track: str  # track key
    role: str  # Role value
    institute: str | None = None  # institute name; None: the whole network


TARGETS: tuple[Goal, ...] = (
    Goal("digital-strategy", "staff"),  # every staff member completes the communication track
    Goal("eco-design", "staff", "Alliance Française de Bogotá"),
    Goal("live-streaming", "staff", "Institut français du Brésil"),
    Goal("fund-and-evaluate", "admin"),  # directors and network admins
    Goal("accessibility-inclusion", "staff", "Alliance Française de la Jamaïque"),
)
