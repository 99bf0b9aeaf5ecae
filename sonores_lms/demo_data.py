"""The demo network: the 23 territories, their institutes and a few people in every role.

Plain data, read by :mod:`sonores_lms.demo`. Institutes are keyed by (name, country) and people by email, which is
what makes loading them twice harmless.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# Long enough for the password rules (12 characters at least); printed by ``flask sonores demo``.
DEMO_PASSWORD = "sonores-demo-2026"  # noqa: S105 - a published demo password, never used in production

# ISO 3166-1 alpha-2 codes of the network's territories.
TERRITORIES: dict[str, str] = {
    "AR": "Argentina",
    "BO": "Bolivia",
    "BR": "Brazil",
    "CL": "Chile",
    "CO": "Colombia",
    "CR": "Costa Rica",
    "SV": "El Salvador",
    "EC": "Ecuador",
    "GT": "Guatemala",
    "HN": "Honduras",
    "HT": "Haiti",
    "JM": "Jamaica",
    "MX": "Mexico",
    "NI": "Nicaragua",
    "PA": "Panama",
    "PY": "Paraguay",
    "PE": "Peru",
    "PR": "Puerto Rico",
    "DO": "Dominican Republic",
    "LC": "Saint Lucia",
    "TT": "Trinidad and Tobago",
    "UY": "Uruguay",
    "VE": "Venezuela",
}


@dataclass(frozen=True)
class DemoInstitute:
    kind: str  # "alliance" or "institut"
    name: str
    country: str
    city: str
    timezone: str
    languages: tuple[str, ...]


@dataclass(frozen=True)
class DemoPerson:
    email: str
    first_name: str
    last_name: str
    locale: str
    institute: str  # the institute's name (unique in this data set)
    job_title: str
    # (role, scoped): scoped means the role holds in the person's own institute only (an institute director).
    roles: tuple[tuple[str, bool], ...]


ES_FR = ("es", "fr")
PT_FR = ("pt", "fr")
EN_FR = ("en", "fr")


def _af(city: str, country: str, timezone: str, languages: tuple[str, ...], name: str | None = None) -> DemoInstitute:
    return DemoInstitute("alliance", name or f"Alliance Française de {city}", country, city, timezone, languages)


INSTITUTES: tuple[DemoInstitute, ...] = (
    _af("Buenos Aires", "AR", "America/Argentina/Buenos_Aires", ES_FR),
    _af("Córdoba", "AR", "America/Argentina/Cordoba", ES_FR),
    _af("Mendoza", "AR", "America/Argentina/Mendoza", ES_FR),
    _af("La Paz", "BO", "America/La_Paz", ES_FR),
    DemoInstitute("institut", "Institut français du Brésil", "BR", "Brasília", "America/Sao_Paulo", PT_FR),
    _af("São Paulo", "BR", "America/Sao_Paulo", PT_FR),
    _af("Manaus", "BR", "America/Manaus", PT_FR),
    DemoInstitute("institut", "Institut français du Chili", "CL", "Santiago", "America/Santiago", ES_FR),
    _af("Valparaíso", "CL", "America/Santiago", ES_FR),
    _af("Bogotá", "CO", "America/Bogota", ES_FR),
    _af("Medellín", "CO", "America/Bogota", ES_FR),
    _af("San José", "CR", "America/Costa_Rica", ES_FR),
    _af("San Salvador", "SV", "America/El_Salvador", ES_FR),
    _af("Quito", "EC", "America/Guayaquil", ES_FR),
    _af("Guayaquil", "EC", "America/Guayaquil", ES_FR),
    _af("Guatemala", "GT", "America/Guatemala", ES_FR, name="Alliance Française de Guatemala"),
    _af("Tegucigalpa", "HN", "America/Tegucigalpa", ES_FR),
    DemoInstitute(
        "institut", "Institut français en Haïti", "HT", "Port-au-Prince", "America/Port-au-Prince", ("fr", "ht")
    ),
    _af("Cap-Haïtien", "HT", "America/Port-au-Prince", ("fr", "ht"), name="Alliance Française du Cap-Haïtien"),
    _af("Les Cayes", "HT", "America/Port-au-Prince", ("fr", "ht"), name="Alliance Française des Cayes"),
    _af("Kingston", "JM", "America/Jamaica", EN_FR, name="Alliance Française de la Jamaïque"),
    _af("Ciudad de México", "MX", "America/Mexico_City", ES_FR, name="Alliance Française de Mexico"),
    _af("Mérida", "MX", "America/Merida", ES_FR),
    _af("Monterrey", "MX", "America/Monterrey", ES_FR),
    _af("Managua", "NI", "America/Managua", ES_FR),
    _af("Ciudad de Panamá", "PA", "America/Panama", ES_FR, name="Alliance Française de Panama"),
    _af("Asunción", "PY", "America/Asuncion", ES_FR, name="Alliance Française d'Asunción"),
    _af("Lima", "PE", "America/Lima", ES_FR),
    _af("Arequipa", "PE", "America/Lima", ES_FR, name="Alliance Française d'Arequipa"),
    _af("San Juan", "PR", "America/Puerto_Rico", ("es", "en", "fr"), name="Alliance Française de Porto Rico"),
    _af("Santo Domingo", "DO", "America/Santo_Domingo", ES_FR, name="Alliance Française de Saint-Domingue"),
    _af("Castries", "LC", "America/St_Lucia", EN_FR, name="Alliance Française de Sainte-Lucie"),
    _af("Port of Spain", "TT", "America/Port_of_Spain", EN_FR, name="Alliance Française de Trinité-et-Tobago"),
    _af("Montevideo", "UY", "America/Montevideo", ES_FR),
    _af("Caracas", "VE", "America/Caracas", ES_FR),
)

STAFF = (("staff", False),)
DOMAIN = "example.org"


def _person(
    first: str, last: str, locale: str, institute: str, job_title: str, roles: tuple[tuple[str, bool], ...] = STAFF
) -> DemoPerson:
    # "Sofía Martínez Ríos" -> sofia.martinez-rios: plain ASCII addresses, easy to type on any keyboard.
    decomposed = unicodedata.normalize("NFKD", f"{first}.{last}".lower())
    local = "".join(c for c in decomposed if not unicodedata.combining(c)).replace(" ", "-").replace("'", "")
    return DemoPerson(f"{local}@{DOMAIN}", first, last, locale, institute, job_title, roles)


PEOPLE: tuple[DemoPerson, ...] = (
    # The network's own people.
    _person(
        "Sofía",
        "Martínez Ríos",
        "es",
        "Alliance Française de Mexico",
        "Coordinadora regional de formación",
        (("admin", False),),
    ),
    _person(
        "Natasha",
        "Campbell",
        "en",
        "Alliance Française de la Jamaïque",
        "Sustainability auditor",
        (("auditor", False),),
    ),
    _person(
        "Diego",
        "Álvarez Cárdenas",
        "es",
        "Alliance Française de Quito",
        "Auditor de prácticas ecorresponsables",
        (("auditor", False),),
    ),
    # Trainers who author the courses.
    _person(
        "Marie-Claire",
        "Joseph",
        "fr",
        "Institut français en Haïti",
        "Formatrice en communication numérique",
        (("trainer", False),),
    ),
    _person(
        "Lucas",
        "Oliveira Santos",
        "pt",
        "Alliance Française de São Paulo",
        "Coordenador cultural e formador",
        (("trainer", False),),
    ),
    _person(
        "Valentina",
        "Gómez",
        "es",
        "Alliance Française de Buenos Aires",
        "Coordinadora de comunicación y formadora",
        (("trainer", False), ("staff", False)),
    ),
    # Institute directors: administrators of their own institute only.
    _person(
        "Jean-Robert",
        "Désir",
        "fr",
        "Alliance Française du Cap-Haïtien",
        "Directeur",
        (("admin", True), ("staff", False)),
    ),
    _person(
        "Ana Lucía", "Herrera", "es", "Alliance Française de Bogotá", "Directora", (("admin", True), ("staff", False))
    ),
    # Staff who take the courses.
    _person("Mateo", "Fernández", "es", "Alliance Française de Córdoba", "Coordinador cultural"),
    _person("Juliana", "Pereira", "pt", "Alliance Française de Manaus", "Coordenadora de comunicação"),
    _person("Thiago", "Almeida", "pt", "Institut français du Brésil", "Coordenador cultural"),
    _person("Daniela", "Rojas Vargas", "es", "Alliance Française de San José", "Coordinadora de comunicación"),
    _person("Carlos", "Mendoza Quispe", "es", "Alliance Française de Lima", "Coordinador cultural"),
    _person("Camila", "Fuentes", "es", "Institut français du Chili", "Coordinadora de eventos culturales"),
    _person(
        "Anil", "Ramdass", "en", "Alliance Française de Trinité-et-Tobago", "Culture and communication coordinator"
    ),
    _person("Shernelle", "Charles", "en", "Alliance Française de Sainte-Lucie", "Communication officer"),
    _person("Rodrigo", "Benítez", "es", "Alliance Française d'Asunción", "Coordinador cultural"),
    _person("Lucía", "Rodríguez", "es", "Alliance Française de Montevideo", "Coordinadora de comunicación"),
    _person("Rosa Amelia", "Núñez", "es", "Alliance Française de Saint-Domingue", "Directora"),
    _person("Widelene", "Pierre-Louis", "fr", "Alliance Française des Cayes", "Coordinatrice culturelle"),
    _person("Kemar", "Thompson", "en", "Alliance Française de la Jamaïque", "Culture coordinator"),
)

# The account printed for each role (the first person holding it), in this order.
ROLE_ORDER: tuple[str, ...] = ("staff", "trainer", "admin", "director", "auditor")
