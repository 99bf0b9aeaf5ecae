"""The demo's resources: what institutes across the network made and shared, in the languages they wrote them in.

Plain data, read by :mod:`knowledge.demo`. Resources are keyed by their French or first title (``key``); the
institute is named as in the core's demo data. ``reused`` lists (institute, ISO date, note, attendance);
``budget`` a kit's lines (label, amount as written or "" for a note alone, currency, note).
"""

from __future__ import annotations

from dataclasses import dataclass, field

T = dict[str, dict[str, str]]
Budget = tuple[tuple[str, str, str, str], ...]


@dataclass(frozen=True)
class DemoResource:
    key: str
    kind: str
    institute: str
    texts: T
    axis: str | None = None
    themes: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    licence: str = "CC-BY-4.0"
    authors: str = ""
    links: tuple[tuple[str, str], ...] = ()
    kit: dict[str, str] = field(default_factory=dict)
    budget: Budget = ()
    status: str = "published"
    featured: bool = False
    reused: tuple[tuple[str, str, str, int | None], ...] = ()


AF = "Alliance Française de "

FETE_KIT = DemoResource(
    key="fete-musique-streamed",
    kind="programme-kit",
    institute=AF + "Lima",
    axis="communication",
    themes=("ENV-DIG", "ACC-COM"),
    tags=("fête de la musique", "streaming", "concert"),
    authors="Equipo cultural AF Lima",
    featured=True,
    texts={
        "fr": {
            "title": "Fête de la musique diffusée en direct",
            "summary": "Un concert en plein air dans la cour de l'Alliance, diffusé en direct en basse définition "
            "pour les publics éloignés, avec les écoles de musique du quartier.",
            "body": "## Le principe\n\nLe 21 juin, six groupes locaux et un artiste invité jouent dans la cour. "
            "Le concert est diffusé en direct en 480p avec une piste audio seule pour les connexions lentes.\n\n"
            "## Ce qu'il faut\n\n- une régie son partagée avec l'école de musique\n- deux caméras fixes\n"
            "- un encodeur réglé à 1,5 Mb/s\n- des sous-titres pour les annonces",
        },
        "es": {
            "title": "Fiesta de la Música transmitida en vivo",
            "summary": "Un concierto al aire libre en el patio de la Alianza, transmitido en vivo en baja "
            "definición para los públicos lejanos, con las escuelas de música del barrio.",
        },
        "pt": {
            "title": "Festa da Música transmitida ao vivo",
            "summary": "Um show ao ar livre no pátio da Aliança, transmitido ao vivo em baixa definição.",
        },
        "en": {
            "title": "Fête de la musique, streamed live",
            "summary": "An open-air concert in the Alliance's courtyard, streamed live in low definition for "
            "distant audiences, with the neighbourhood's music schools.",
        },
    },
    budget=(
        ("Sonorisation", "1200", "USD", "Location de la régie, partagée avec l'école de musique"),
        ("Cachets des groupes", "1800", "USD", "Six groupes locaux et un artiste invité"),
        ("Diffusion (encodeur, connexion)", "300", "USD", ""),
        ("Bâche pour la régie", "95", "PEN", "Ajoutée après la pluie de la première édition"),
    ),
    kit={
        "rider": "Scène 6 x 4 m, 2 retours, console 16 voies, 2 caméras fixes, encodeur matériel.",
        "timeline": "J-60: appel aux groupes\nJ-30: programme\nJ-7: essai de diffusion\nJ: balances à 15 h",
        "partners": "Écoles de musique du quartier, radio locale, mairie d'arrondissement.",
        "went_well": "La diffusion audio seule a été la plus écoutée en dehors de Lima.",
        "went_badly": "La pluie n'était pas prévue: prévoir une bâche pour la régie.",
        "contacts": "Coordination culturelle: cultura@aflima.example",
    },
    reused=(
        (AF + "Quito", "2026-06-21", "Deux groupes seulement, même réglage de diffusion.", 350),
        (AF + "La Paz", "2026-06-21", "Diffusion audio seule, à cause de l'altitude et de la connexion.", 180),
        ("Alliance Française d'Asunción", "2026-06-22", "Décalé au lendemain pour un jour férié.", 420),
    ),
)

DEBATE = DemoResource(
    key="debate-format",
    kind="event-format",
    institute=AF + "Bogotá",
    axis="communication",
    themes=("CIT-LOC", "ACC-COM"),
    tags=("débat", "jeunesse", "citoyenneté"),
    authors="Ana Lucía Herrera",
    texts={
        "es": {
            "title": "Debate ciudadano con estudiantes",
            "summary": "Un formato de debate de dos horas en el que estudiantes de secundaria preparan y moderan "
            "un diálogo con una autora francesa y un experto local.",
            "body": "Tres semanas de preparación en clase, una sesión pública moderada por los estudiantes, "
            "con interpretación y un resumen en lectura fácil.",
        },
        "fr": {
            "title": "Débat citoyen mené par des lycéens",
            "summary": "Un format de débat de deux heures où des lycéens préparent et animent un dialogue avec "
            "une autrice française et un expert local.",
        },
    },
    reused=((AF + "Medellín", "2026-04-10", "Avec une université partenaire.", 120),),
)

ACCESSIBLE = DemoResource(
    key="accessible-exhibition",
    kind="guide",
    institute=AF + "São Paulo",
    axis="sustainable-development",
    themes=("ACC-PHY", "ACC-SEN", "ACC-COM"),
    tags=("exposição", "acessibilidade", "libras"),
    texts={
        "pt": {
            "title": "Guia da exposição acessível",
            "summary": "Como preparar uma exposição acessível: audiodescrição, Libras, textos em linguagem simples, "
            "percurso tátil e altura das legendas.",
            "body": "## Antes\n\nConsulte associações de pessoas com deficiência desde o início.\n\n## Durante\n\n"
            "Visitas guiadas em Libras aos sábados, audioguia com audiodescrição.",
        },
        "fr": {
            "title": "Guide de l'exposition accessible",
            "summary": "Préparer une exposition accessible: audiodescription, langue des signes, textes faciles à "
            "lire, parcours tactile et hauteur des cartels.",
        },
        "es": {
            "title": "Guía de la exposición accesible",
            "summary": "Audiodescripción, lengua de señas y lectura fácil.",
        },
    },
    reused=(
        (AF + "Buenos Aires", "2026-09-05", "Parcours tactile ajouté.", 900),
        (AF + "Montevideo", "2026-10-12", "", 400),
    ),
)

SOCIAL_CALENDAR = DemoResource(
    key="social-media-calendar",
    kind="template",
    institute=AF + "Mexico",
    axis="communication",
    themes=("ACC-DIG",),
    tags=("réseaux sociaux", "calendrier", "communication"),
    texts={
        "es": {
            "title": "Plantilla de calendario para redes sociales",
            "summary": "Un calendario editorial mensual para redes sociales: temas, formatos, textos alternativos "
            "y subtítulos, con una columna para la versión en francés.",
        },
        "fr": {"title": "Modèle de calendrier pour les réseaux sociaux", "summary": "Un calendrier éditorial mensuel."},
        "en": {"title": "Social media calendar template", "summary": "A monthly editorial calendar."},
    },
    reused=((AF + "Guatemala", "2026-02-01", "Adapté au guatémaltèque.", None),),
)

LOW_CARBON = DemoResource(
    key="low-carbon-touring",
    kind="programme-kit",
    institute="Alliance Française de Trinité-et-Tobago",
    axis="sustainable-development",
    themes=("ENV-MOB", "CIT-WRK"),
    tags=("touring", "low carbon", "residency"),
    texts={
        "en": {
            "title": "Low-carbon touring plan for the Caribbean",
            "summary": "Pooling an artist's dates across four islands: one long-haul flight, ferries between islands, "
            "a residency instead of a one-night show, and a fair fee for the longer stay.",
            "body": "Each institute hosts the artist for a week: a workshop, a school visit, a concert. "
            "The long-haul flight is shared; inter-island travel goes by ferry where one runs.",
        },
        "fr": {
            "title": "Plan de tournée bas carbone dans la Caraïbe",
            "summary": "Mutualiser les dates d'un artiste entre quatre îles: un seul vol long-courrier, le ferry "
            "entre les îles, une résidence plutôt qu'une soirée.",
        },
    },
    budget=(
        ("Long-haul flight (shared by 4)", "1400", "USD", ""),
        ("Ferries", "320", "USD", ""),
        ("Fee, 4 weeks", "6000", "USD", "A fair fee for the longer stay"),
        ("Local transport", "850", "TTD", ""),
    ),
    kit={
        "timeline": "8 months ahead: agree dates between institutes\n4 months: book the flight",
        "partners": "Alliances of Saint Lucia, Jamaica, Puerto Rico",
        "went_well": "Emissions per concert down by about two thirds.",
        "went_badly": "Hurricane season: keep August to October out of the plan.",
        "contacts": "Programme officer: culture@aftt.example",
    },
    reused=(
        (AF + "Sainte-Lucie", "2026-03-14", "Two weeks instead of one.", 260),
        (AF + "la Jamaïque", "2026-03-28", "", 310),
    ),
)

IN_REVIEW = DemoResource(
    key="film-series",
    kind="programme-kit",
    institute=AF + "Montevideo",
    axis="project-management",
    themes=("CIT-DIV",),
    tags=("cine", "ciclo"),
    status="in-review",
    texts={
        "es": {
            "title": "Ciclo de cine de realizadoras francófonas",
            "summary": "Seis películas de directoras francófonas, con derechos negociados para todo el año.",
        }
    },
    budget=(("Derechos de exhibición", "900", "USD", "Seis películas, todo el año"), ("Subtítulos", "400", "USD", "")),
)

# Shorter resources, one line of data each: (key, kind, institute, axis, themes, tags, licence, texts).
_SHORT: tuple[tuple[str, str, str, str | None, tuple[str, ...], tuple[str, ...], str, T], ...] = (
    (
        "eco-catering",
        "good-practice",
        AF + "Quito",
        "sustainable-development",
        ("ENV-EVT", "ENV-WST"),
        ("catering",),
        "CC-BY-SA-4.0",
        {
            "es": {
                "title": "Catering sin plástico en los vernissages",
                "summary": "Vajilla reutilizable prestada por la municipalidad y productores locales.",
            },
            "fr": {
                "title": "Buffets sans plastique pour les vernissages",
                "summary": "Vaisselle réutilisable prêtée par la mairie, producteurs locaux.",
            },
        },
    ),
    (
        "streaming-settings",
        "guide",
        AF + "La Paz",
        "sustainable-development",
        ("ENV-DIG",),
        ("streaming", "480p"),
        "CC-BY-4.0",
        {
            "es": {
                "title": "Ajustes de transmisión para conexiones lentas",
                "summary": "480p, audio solo, sin reproducción automática: una señal estable a 1 Mb/s.",
            },
            "en": {
                "title": "Streaming settings for slow connections",
                "summary": "480p, audio-only, no autoplay: a steady signal at 1 Mb/s.",
            },
        },
    ),
    (
        "podcast-francophonie",
        "recording",
        AF + "Buenos Aires",
        "communication",
        ("ENV-DIG",),
        ("podcast", "francophonie"),
        "CC-BY-NC-4.0",
        {
            "es": {
                "title": "Podcast de la Francofonía",
                "summary": "Diez episodios de entrevistas con autores francófonos.",
            },
            "fr": {
                "title": "Podcast de la Francophonie",
                "summary": "Dix épisodes d'entretiens avec des auteurs francophones.",
            },
        },
    ),
    (
        "budget-template",
        "template",
        AF + "Bogotá",
        "project-management",
        (),
        ("budget", "proyecto"),
        "CC-BY-4.0",
        {
            "es": {
                "title": "Plantilla de presupuesto de proyecto cultural",
                "summary": "Ingresos, gastos, aportes en especie y seguimiento mensual.",
            },
            "pt": {
                "title": "Modelo de orçamento de projeto cultural",
                "summary": "Receitas, despesas e contrapartidas.",
            },
        },
    ),
    (
        "volunteer-guide",
        "guide",
        "Alliance Française de Saint-Domingue",
        "project-management",
        ("CIT-GOV",),
        ("voluntariado",),
        "CC-BY-4.0",
        {
            "es": {
                "title": "Guía para recibir voluntarios",
                "summary": "Acogida, seguro, horarios y reconocimiento de los voluntarios de los festivales.",
            }
        },
    ),
    (
        "energy-audit",
        "document",
        AF + "San José",
        "sustainable-development",
        ("ENV-ENE", "ENV-STR"),
        ("energía",),
        "CC-BY-4.0",
        {
            "es": {
                "title": "Auditoría energética de la sede",
                "summary": "Cómo medimos el consumo del aire acondicionado y lo redujimos un 30 %.",
            },
            "fr": {
                "title": "Audit énergétique du bâtiment",
                "summary": "Mesurer la climatisation et la réduire de 30 %.",
            },
        },
    ),
    (
        "fair-fees",
        "document",
        AF + "Mérida",
        "project-management",
        ("CIT-WRK",),
        ("honorarios", "artistas"),
        "network-internal",
        {
            "es": {
                "title": "Tabla de honorarios justos para artistas",
                "summary": "Referencias de honorarios por tipo de presentación y derechos de transmisión.",
            }
        },
    ),
    (
        "reading-club",
        "event-format",
        AF + "Managua",
        "communication",
        ("ACC-SOC",),
        ("lectura", "club"),
        "CC-BY-4.0",
        {
            "es": {
                "title": "Club de lectura bilingüe",
                "summary": "Una novela francesa leída en dos idiomas, una vez al mes, con entrada libre.",
            },
            "fr": {
                "title": "Club de lecture bilingue",
                "summary": "Un roman lu en deux langues, une fois par mois, entrée libre.",
            },
        },
    ),
    (
        "harassment-protocol",
        "document",
        AF + "Valparaíso",
        "project-management",
        ("CIT-WRK",),
        ("protocolo",),
        "network-internal",
        {
            "es": {
                "title": "Protocolo contra el acoso en eventos",
                "summary": "Quién escucha, cómo se informa, qué se hace en la noche misma.",
            }
        },
    ),
    (
        "gender-count",
        "good-practice",
        AF + "Medellín",
        "sustainable-development",
        ("CIT-DIV",),
        ("paridad",),
        "CC-BY-4.0",
        {
            "es": {
                "title": "Contar la paridad en la programación",
                "summary": "Una hoja simple para contar artistas por género a lo largo del año.",
            },
            "en": {
                "title": "Counting gender balance in programming",
                "summary": "A simple sheet to count artists by gender over the year.",
            },
        },
    ),
    (
        "school-visits",
        "event-format",
        AF + "Manaus",
        "communication",
        ("CIT-LOC",),
        ("escolas", "amazônia"),
        "CC-BY-4.0",
        {
            "pt": {
                "title": "Visitas escolares ao longo do rio",
                "summary": "Oficinas de francês e música em escolas ribeirinhas, de barco.",
            },
            "fr": {
                "title": "Visites scolaires le long du fleuve",
                "summary": "Ateliers de français et de musique dans les écoles riveraines, en bateau.",
            },
        },
    ),
    (
        "recycled-scenography",
        "good-practice",
        AF + "Córdoba",
        "sustainable-development",
        ("ENV-WST", "ENV-PUR"),
        ("escenografía",),
        "CC-BY-SA-4.0",
        {
            "es": {
                "title": "Escenografía con materiales recuperados",
                "summary": "Un stock compartido de paneles y telas entre tres instituciones culturales.",
            }
        },
    ),
    (
        "photo-contest",
        "template",
        AF + "Caracas",
        "communication",
        (),
        ("concurso", "fotografía"),
        "CC-BY-4.0",
        {
            "es": {
                "title": "Bases de concurso de fotografía",
                "summary": "Reglamento, cesión de derechos y jurado, listos para adaptar.",
            },
            "fr": {
                "title": "Règlement de concours photo",
                "summary": "Règlement, cession de droits et jury, prêts à adapter.",
            },
        },
    ),
    (
        "sign-language-tours",
        "good-practice",
        AF + "Guayaquil",
        "sustainable-development",
        ("ACC-SEN",),
        ("lengua de señas",),
        "CC-BY-4.0",
        {
            "es": {
                "title": "Visitas en lengua de señas",
                "summary": "Visitas guiadas con intérpretes de lengua de señas ecuatoriana, una vez al mes.",
            }
        },
    ),
    (
        "hurricane-plan",
        "guide",
        AF + "la Jamaïque",
        "project-management",
        ("ENV-STR",),
        ("hurricane", "continuity"),
        "CC-BY-4.0",
        {
            "en": {
                "title": "Hurricane continuity plan",
                "summary": "People, equipment, data and cancellations: what to do before, during and after a storm.",
            },
            "fr": {
                "title": "Plan de continuité cyclone",
                "summary": "Personnes, matériel, données et annulations: avant, pendant et après.",
            },
        },
    ),
    (
        "online-masterclass",
        "recording",
        AF + "Porto Rico",
        "communication",
        ("ENV-DIG",),
        ("masterclass",),
        "CC-BY-NC-ND-4.0",
        {
            "en": {
                "title": "Online masterclass: French song",
                "summary": "A recorded masterclass with captions in four languages.",
            },
            "es": {
                "title": "Clase magistral en línea: canción francesa",
                "summary": "Una clase grabada con subtítulos en cuatro idiomas.",
            },
        },
    ),
    (
        "partner-agreement",
        "template",
        AF + "Panama",
        "project-management",
        ("CIT-LOC",),
        ("convenio",),
        "network-internal",
        {
            "es": {
                "title": "Modelo de convenio con socios locales",
                "summary": "Compromisos, logos, entradas gratuitas y resolución de conflictos.",
            }
        },
    ),
    (
        "local-transport",
        "good-practice",
        "Alliance Française d'Asunción",
        "sustainable-development",
        ("ENV-MOB",),
        ("transporte",),
        "CC-BY-4.0",
        {
            "es": {
                "title": "Llegar al concierto en transporte público",
                "summary": "Acuerdo con la empresa de buses para una línea nocturna los días de concierto.",
            }
        },
    ),
    (
        "newsletter",
        "template",
        AF + "Montevideo",
        "communication",
        ("ACC-COM",),
        ("boletín",),
        "CC-BY-4.0",
        {
            "es": {
                "title": "Boletín en lectura fácil",
                "summary": "Plantilla de boletín con frases cortas y pictogramas.",
            },
            "pt": {
                "title": "Boletim em leitura fácil",
                "summary": "Modelo de boletim com frases curtas e pictogramas.",
            },
        },
    ),
    (
        "board-charter",
        "document",
        AF + "Tegucigalpa",
        "project-management",
        ("CIT-GOV",),
        ("gobernanza",),
        "CC-BY-4.0",
        {
            "es": {
                "title": "Carta de la junta directiva",
                "summary": "Roles, conflictos de interés y rendición de cuentas.",
            }
        },
    ),
    (
        "waste-sorting",
        "guide",
        "Alliance Française d'Arequipa",
        "sustainable-development",
        ("ENV-WST",),
        ("reciclaje",),
        "CC-BY-4.0",
        {
            "es": {
                "title": "Guía de separación de residuos en festivales",
                "summary": "Puntos de reciclaje, señalización y acuerdo con recicladores.",
            }
        },
    ),
    (
        "film-debate",
        "event-format",
        AF + "San Salvador",
        "communication",
        ("CIT-LOC",),
        ("cine", "debate"),
        "CC-BY-4.0",
        {
            "es": {
                "title": "Cine-foro de barrio",
                "summary": "Una película proyectada en una plaza y un debate con vecinos.",
            },
            "fr": {
                "title": "Ciné-débat de quartier",
                "summary": "Un film projeté sur une place et un débat avec les habitants.",
            },
        },
    ),
    (
        "social-pricing",
        "good-practice",
        AF + "Monterrey",
        "project-management",
        ("ACC-SOC",),
        ("tarifas",),
        "CC-BY-4.0",
        {"es": {"title": "Tarifas solidarias", "summary": "Tres precios a elección del público, sin justificativo."}},
    ),
    (
        "haiti-storytelling",
        "recording",
        "Alliance Française du Cap-Haïtien",
        "communication",
        ("CIT-LOC",),
        ("conte", "kreyòl"),
        "CC-BY-4.0",
        {
            "fr": {
                "title": "Veillées de contes en créole et en français",
                "summary": "Des enregistrements de conteurs du Nord, avec transcriptions.",
            }
        },
    ),
    (
        "brazil-festival",
        "programme-kit",
        AF + "São Paulo",
        "project-management",
        ("ENV-EVT",),
        ("festival",),
        "CC-BY-4.0",
        {
            "pt": {
                "title": "Festival de rua francófono",
                "summary": "Um dia de festival na rua: palco, feira e oficinas, com licenças da prefeitura.",
            },
            "en": {
                "title": "Francophone street festival",
                "summary": "A street festival day: stage, market, workshops, and the city permits.",
            },
        },
    ),
    (
        "translation-workshop",
        "event-format",
        AF + "Caracas",
        "communication",
        (),
        ("traducción",),
        "CC-BY-4.0",
        {
            "es": {
                "title": "Taller de traducción literaria",
                "summary": "Traducir juntos un cuento francés en cuatro sesiones.",
            }
        },
    ),
    (
        "carbon-footprint",
        "document",
        AF + "Mendoza",
        "sustainable-development",
        ("ENV-STR",),
        ("huella de carbono",),
        "CC-BY-4.0",
        {
            "es": {
                "title": "Nuestra primera huella de carbono",
                "summary": "Lo que medimos, con qué factores, y lo que aprendimos.",
            },
            "fr": {
                "title": "Notre premier bilan carbone",
                "summary": "Ce que nous avons mesuré, avec quels facteurs, et ce que nous en retenons.",
            },
        },
    ),
    (
        "accessible-website",
        "guide",
        "Alliance Française de Saint-Domingue",
        "communication",
        ("ACC-DIG",),
        ("web", "accesibilidad"),
        "CC-BY-4.0",
        {
            "es": {
                "title": "Sitio web accesible en diez pasos",
                "summary": "Contraste, textos alternativos, subtítulos y navegación con teclado.",
            },
            "en": {
                "title": "An accessible website in ten steps",
                "summary": "Contrast, alternative text, captions and keyboard navigation.",
            },
        },
    ),
    (
        "archived-old-guide",
        "guide",
        AF + "Bogotá",
        "communication",
        (),
        ("archivo",),
        "CC-BY-4.0",
        {
            "es": {
                "title": "Guía de comunicación 2019",
                "summary": "Reemplazada por la plantilla de calendario para redes sociales.",
            }
        },
    ),
    (
        "draft-mural",
        "event-format",
        AF + "Lima",
        "communication",
        ("CIT-LOC",),
        ("mural",),
        "CC-BY-4.0",
        {
            "es": {
                "title": "Mural participativo",
                "summary": "Borrador: un mural pintado con los vecinos durante una semana.",
            }
        },
    ),
    (
        "gastronomy-week",
        "programme-kit",
        "Alliance Française d'Arequipa",
        "project-management",
        ("ENV-PUR",),
        ("gastronomía",),
        "CC-BY-4.0",
        {
            "es": {
                "title": "Semana de la gastronomía francesa y andina",
                "summary": "Chefs invitados, productores locales y una clase abierta.",
            },
            "fr": {
                "title": "Semaine de la gastronomie française et andine",
                "summary": "Chefs invités, producteurs locaux et un cours ouvert.",
            },
        },
    ),
    (
        "literacy-radio",
        "recording",
        AF + "Tegucigalpa",
        "communication",
        (),
        ("radio",),
        "CC-BY-4.0",
        {
            "es": {
                "title": "Radio en francés para principiantes",
                "summary": "Cápsulas de radio de cinco minutos para la radio comunitaria.",
            }
        },
    ),
    (
        "coordinators-handbook",
        "guide",
        AF + "Mexico",
        "project-management",
        ("CIT-TRN",),
        ("coordinación",),
        "network-internal",
        {
            "es": {
                "title": "Manual del coordinador cultural",
                "summary": "El año de un coordinador cultural, mes a mes.",
            },
            "fr": {
                "title": "Manuel du coordinateur culturel",
                "summary": "L'année d'un coordinateur culturel, mois par mois.",
            },
            "pt": {
                "title": "Manual do coordenador cultural",
                "summary": "O ano de um coordenador cultural, mês a mês.",
            },
            "en": {
                "title": "Cultural coordinator's handbook",
                "summary": "A cultural coordinator's year, month by month.",
            },
        },
    ),
)

_STATUS = {"archived-old-guide": "archived", "draft-mural": "draft"}
# The budget template is what a lesson of the courses demo shows (``DEMO_TOPICS``): lines in Colombian pesos.
_BUDGETS: dict[str, Budget] = {
    "budget-template": (
        ("Honorarios artísticos", "12000000", "COP", "Según la tabla de honorarios justos"),
        ("Sonido e iluminación", "4500000", "COP", "Tres cotizaciones"),
        ("Comunicación e impresión", "1800000", "COP", ""),
        ("Accesibilidad (intérprete de LSC)", "900000", "COP", ""),
        ("Imprevistos", "960000", "COP", "5 % del total"),
        ("Sala municipal", "", "", "Aporte en especie: valorizado en el informe, fuera del total"),
    ),
}
_REUSED = {
    "streaming-settings": ((AF + "Quito", "2026-05-02", "", None), (AF + "Caracas", "2026-07-19", "", None)),
    "eco-catering": ((AF + "Lima", "2026-08-08", "Con la municipalidad de Miraflores.", 150),),
    "carbon-footprint": ((AF + "Buenos Aires", "2026-11-03", "", None),),
}


# Demo topics other plugins' demos may embed an item on (``EmbedProvider.demo_key``), and the resource for each:
# the festival-budget course of the courses demo shows the budget template.
DEMO_TOPICS = {"festival-budget": "budget-template"}


def resources() -> tuple[DemoResource, ...]:
    short = tuple(
        DemoResource(
            key=key,
            kind=kind,
            institute=institute,
            axis=axis,
            themes=themes,
            tags=tags,
            licence=licence,
            texts=texts,
            status=_STATUS.get(key, "published"),
            reused=_REUSED.get(key, ()),
            budget=_BUDGETS.get(key, ()),
        )
        for key, kind, institute, axis, themes, tags, licence, texts in _SHORT
    )
    return (FETE_KIT, DEBATE, ACCESSIBLE, SOCIAL_CALENDAR, LOW_CARBON, IN_REVIEW, *short)
