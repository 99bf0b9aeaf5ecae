"""The words resources are described with: the plan's axes and the eco-checklist's themes, by stable code.

Both lists are the network's, kept here by code so that the knowledge base needs neither the courses plugin (the
axes) nor the checklists (the themes): a course page or a checklist asks for resources by these codes through the
core's ``content-by-topic`` collector.
"""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l

AXES: dict[str, Any] = {
    "communication": _l("New forms of communication"),
    "project-management": _l("Project management"),
    "sustainable-development": _l("Sustainable development in cultural practices"),
}

THEMES: dict[str, Any] = {
    "ENV-STR": _l("Strategy and measurement"),
    "ENV-ENE": _l("Energy and buildings"),
    "ENV-MOB": _l("Mobility of artists, staff and audiences"),
    "ENV-EVT": _l("Events and catering"),
    "ENV-WST": _l("Waste and materials"),
    "ENV-DIG": _l("Digital and streaming"),
    "ENV-PUR": _l("Purchasing"),
    "ACC-PHY": _l("Physical access"),
    "ACC-SEN": _l("Sensory and cognitive access"),
    "ACC-DIG": _l("Digital access"),
    "ACC-SOC": _l("Pricing and social access"),
    "ACC-COM": _l("Accessible communication"),
    "CIT-GOV": _l("Governance"),
    "CIT-WRK": _l("Fair work and artists' pay"),
    "CIT-DIV": _l("Diversity and gender balance"),
    "CIT-LOC": _l("Local partnerships and cultural rights"),
    "CIT-TRN": _l("Training"),
}


def theme_of(code: str) -> str:
    """The theme a code belongs to: ``ENV-DIG-03`` -> ``ENV-DIG``; a theme code is its own theme."""
    return "-".join(code.upper().split("-")[:2])
