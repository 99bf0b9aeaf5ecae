"""Text for the generated plan: parallel sentences in fr, es, pt and en, assembled into lessons of realistic length.

A lesson body is Markdown of two or three sections (about 1,500 to 3,500 characters in French, like the demo
plan's lessons); its translations use the same sentences in the other language, so their lengths are comparable.
"""

from __future__ import annotations

import random

LANGS = ("fr", "es", "pt", "en")

# Topics per axis, used for track and course titles (French, Spanish, Portuguese, English).
TOPICS: tuple[tuple[tuple[str, str, str, str], ...], ...] = (
    (
        ("Stratégie numérique", "Estrategia digital", "Estratégia digital", "Digital strategy"),
        ("Réseaux sociaux", "Redes sociales", "Redes sociais", "Social media"),
        ("Diffuser un concert en direct", "Transmitir un concierto en vivo", "Transmitir um show ao vivo",
         "Streaming a concert"),
        ("Communication accessible", "Comunicación accesible", "Comunicação acessível", "Accessible communication"),
        ("Relations presse", "Relaciones con la prensa", "Relações com a imprensa", "Press relations"),
        ("Newsletter et listes de diffusion", "Boletines y listas de difusión", "Newsletter e listas de transmissão",
         "Newsletters and broadcast lists"),
        ("Photo et vidéo au téléphone", "Foto y video con el teléfono", "Foto e vídeo no celular",
         "Phone photo and video"),
        ("Site web d'une Alliance", "Sitio web de una Alianza", "Site de uma Aliança", "An Alliance's website"),
        ("Écrire pour le web", "Escribir para la web", "Escrever para a web", "Writing for the web"),
        ("Mesurer son audience", "Medir su audiencia", "Medir sua audiência", "Measuring your audience"),
    ),
    (
        ("Budgéter un festival", "Presupuestar un festival", "Orçar um festival", "Budgeting a festival"),
        ("Planifier une saison", "Planificar una temporada", "Planejar uma temporada", "Planning a season"),
        ("Monter un dossier de mécénat", "Armar un expediente de mecenazgo", "Montar um dossiê de patrocínio",
         "Writing a sponsorship file"),
        ("Coordonner une équipe", "Coordinar un equipo", "Coordenar uma equipe", "Coordinating a team"),
        ("Conduire une réunion", "Conducir una reunión", "Conduzir uma reunião", "Running a meeting"),
        ("Évaluer un projet", "Evaluar un proyecto", "Avaliar um projeto", "Evaluating a project"),
        ("Contrats d'artistes", "Contratos de artistas", "Contratos de artistas", "Artists' contracts"),
        ("Logistique d'une tournée", "Logística de una gira", "Logística de uma turnê", "Tour logistics"),
        ("Gérer les risques", "Gestionar los riesgos", "Gerir os riscos", "Managing risks"),
        ("Rendre compte aux partenaires", "Rendir cuentas a los socios", "Prestar contas aos parceiros",
         "Reporting to partners"),
    ),
    (
        ("Éco-concevoir un événement", "Ecodiseñar un evento", "Ecoconceber um evento", "Eco-designing an event"),
        ("Mobilité des publics", "Movilidad del público", "Mobilidade do público", "Audience travel"),
        ("Numérique responsable", "Digital responsable", "Digital responsável", "Responsible digital"),
        ("Restauration et déchets", "Alimentación y residuos", "Alimentação e resíduos", "Catering and waste"),
        ("Énergie des lieux", "Energía de los espacios", "Energia dos espaços", "Energy in venues"),
        ("Achats responsables", "Compras responsables", "Compras responsáveis", "Responsible purchasing"),
        ("Inclusion et diversité", "Inclusión y diversidad", "Inclusão e diversidade", "Inclusion and diversity"),
        ("Bilan carbone", "Huella de carbono", "Pegada de carbono", "Carbon footprint"),
        ("Scénographie réemployée", "Escenografía reutilizada", "Cenografia reaproveitada", "Reused stage design"),
        ("Partenaires locaux", "Socios locales", "Parceiros locais", "Local partners"),
    ),
)  # fmt: skip

HEADINGS = (
    ("Pourquoi c'est important", "Por qué es importante", "Por que é importante", "Why it matters"),
    ("Comment s'y prendre", "Cómo hacerlo", "Como fazer", "How to go about it"),
    ("Un exemple dans le réseau", "Un ejemplo en la red", "Um exemplo na rede", "An example in the network"),
    ("À retenir", "Para recordar", "Para lembrar", "Key points"),
    ("Exercice", "Ejercicio", "Exercício", "Exercise"),
)

SENTENCES: tuple[tuple[str, str, str, str], ...] = (
    (
        "Beaucoup d'Alliances publient tous les jours sans savoir ce que ces publications leur rapportent.",
        "Muchas Alianzas publican todos los días sin saber qué les aportan esas publicaciones.",
        "Muitas Alianças publicam todos os dias sem saber o que essas publicações lhes trazem.",
        "Many Alliances post every day without knowing what those posts bring them.",
    ),
    (
        "Commencez par écrire, sur une seule page, pour qui vous travaillez et ce que vous attendez de chaque action.",
        "Empiece por escribir, en una sola página, para quién trabaja y qué espera de cada acción.",
        "Comece escrevendo, em uma única página, para quem você trabalha e o que espera de cada ação.",
        "Start by writing, on a single page, who you work for and what you expect from each action.",
    ),
    (
        "Un budget réaliste distingue les dépenses certaines, les dépenses probables et une réserve pour les "
        "imprévus, qui ne descend jamais sous cinq pour cent.",
        "Un presupuesto realista distingue los gastos seguros, los gastos probables y una reserva para "
        "imprevistos, que nunca baja del cinco por ciento.",
        "Um orçamento realista distingue as despesas certas, as despesas prováveis e uma reserva para "
        "imprevistos, que nunca fica abaixo de cinco por cento.",
        "A realistic budget separates certain costs, likely costs and a reserve for the unexpected, never below "
        "five percent.",
    ),
    (
        "Dans la région, le rappel envoyé la veille par liste de diffusion reste le message le plus lu.",
        "En la región, el recordatorio enviado la víspera por lista de difusión sigue siendo el mensaje más leído.",
        "Na região, o lembrete enviado na véspera por lista de transmissão continua sendo a mensagem mais lida.",
        "In the region, the reminder sent the day before through a broadcast list is still the most read message.",
    ),
    (
        "Une connexion lente n'empêche pas de diffuser un concert : réduisez la résolution, testez le débit la "
        "veille et prévoyez un enregistrement à publier ensuite.",
        "Una conexión lenta no impide transmitir un concierto: reduzca la resolución, pruebe el ancho de banda la "
        "víspera y prevea una grabación para publicar después.",
        "Uma conexão lenta não impede transmitir um show: reduza a resolução, teste a banda na véspera e preveja "
        "uma gravação para publicar depois.",
        "A slow connection does not prevent streaming a concert: lower the resolution, test the bandwidth the day "
        "before and plan a recording to publish afterwards.",
    ),
    (
        "Les sous-titres et les descriptions d'images ne servent pas qu'aux personnes handicapées : ils aident "
        "aussi ceux qui regardent sans le son, dans les transports.",
        "Los subtítulos y las descripciones de imágenes no sirven solo a las personas con discapacidad: también "
        "ayudan a quienes miran sin sonido, en el transporte.",
        "As legendas e as descrições de imagens não servem apenas às pessoas com deficiência: também ajudam quem "
        "assiste sem som, no transporte.",
        "Subtitles and image descriptions do not only serve disabled people: they also help those who watch "
        "without sound, on public transport.",
    ),
    (
        "Un événement éco-conçu se prépare dès le choix du lieu : accessible en transports en commun, bien isolé, "
        "avec de l'eau potable pour éviter les bouteilles.",
        "Un evento ecodiseñado se prepara desde la elección del lugar: accesible en transporte público, bien "
        "aislado, con agua potable para evitar las botellas.",
        "Um evento ecoconcebido se prepara desde a escolha do local: acessível por transporte público, bem "
        "isolado, com água potável para evitar garrafas.",
        "An eco-designed event is prepared from the choice of venue: reachable by public transport, well "
        "insulated, with drinking water to avoid bottles.",
    ),
    (
        "Les partenaires lisent d'abord les chiffres : public accueilli, part des jeunes, retombées dans la presse.",
        "Los socios leen primero las cifras: público recibido, proporción de jóvenes, repercusión en la prensa.",
        "Os parceiros leem primeiro os números: público recebido, parcela de jovens, repercussão na imprensa.",
        "Partners read the figures first: audience welcomed, share of young people, press coverage.",
    ),
    (
        "Mieux vaut deux réseaux bien tenus que cinq comptes abandonnés.",
        "Más vale dos redes bien cuidadas que cinco cuentas abandonadas.",
        "Mais vale duas redes bem cuidadas do que cinco contas abandonadas.",
        "Two well-kept networks are better than five abandoned accounts.",
    ),
    (
        "Fixez une date de bilan dès le lancement du projet, et invitez-y toute l'équipe, pas seulement la direction.",
        "Fije una fecha de balance desde el inicio del proyecto e invite a todo el equipo, no solo a la dirección.",
        "Marque uma data de balanço desde o início do projeto e convide toda a equipe, não apenas a direção.",
        "Set a review date when the project starts, and invite the whole team, not only the management.",
    ),
    (
        "À Recife comme à Quito, les équipes qui réussissent le mieux partagent un calendrier commun, mis à jour "
        "chaque lundi.",
        "En Recife como en Quito, los equipos que mejor funcionan comparten un calendario común, actualizado cada "
        "lunes.",
        "Em Recife como em Quito, as equipes que melhor funcionam compartilham um calendário comum, atualizado "
        "toda segunda-feira.",
        "In Recife as in Quito, the most successful teams share one calendar, updated every Monday.",
    ),
    (
        "Notez chaque décision, la personne responsable et l'échéance : un compte rendu de dix lignes suffit.",
        "Anote cada decisión, la persona responsable y el plazo: un acta de diez líneas es suficiente.",
        "Anote cada decisão, a pessoa responsável e o prazo: uma ata de dez linhas é suficiente.",
        "Write down each decision, who is responsible and the deadline: ten lines of minutes are enough.",
    ),
    (
        "Les artistes locaux sont souvent les meilleurs ambassadeurs d'une programmation franco-latino-américaine.",
        "Los artistas locales suelen ser los mejores embajadores de una programación franco-latinoamericana.",
        "Os artistas locais costumam ser os melhores embaixadores de uma programação franco-latino-americana.",
        "Local artists are often the best ambassadors of a French and Latin American programme.",
    ),
    (
        "Mesurez peu de choses, mais régulièrement : trois indicateurs suivis chaque mois valent mieux que vingt "
        "relevés une fois par an.",
        "Mida pocas cosas, pero con regularidad: tres indicadores seguidos cada mes valen más que veinte "
        "mediciones una vez al año.",
        "Meça poucas coisas, mas com regularidade: três indicadores acompanhados todo mês valem mais que vinte "
        "medições uma vez por ano.",
        "Measure few things, but regularly: three indicators followed every month are worth more than twenty "
        "readings once a year.",
    ),
)

LIST_ITEMS: tuple[tuple[str, str, str, str], ...] = (
    ("les publics visés", "los públicos objetivo", "os públicos-alvo", "the audiences you aim at"),
    ("les objectifs chiffrés", "los objetivos cuantificados", "os objetivos quantificados", "the figures you aim for"),
    ("la personne responsable", "la persona responsable", "a pessoa responsável", "the person responsible"),
    ("le calendrier", "el calendario", "o cronograma", "the schedule"),
    ("le budget, même nul", "el presupuesto, aunque sea nulo", "o orçamento, mesmo que zero", "the budget, even nil"),
    ("les partenaires", "los socios", "os parceiros", "the partners"),
)

PLAN_TITLE = {
    "fr": "Plan de formation {year}",
    "es": "Plan de formación {year}",
    "pt": "Plano de formação {year}",
    "en": "Training plan {year}",
}
TRACK_WORDS = {"fr": "Parcours", "es": "Recorrido", "pt": "Percurso", "en": "Track"}
COURSE_WORDS = ("Les bases", "Les outils", "Cas pratiques", "Aller plus loin", "Mesurer", "Organiser",
                "Communiquer", "Atelier", "Bilan", "Perfectionnement")  # fmt: skip
COURSE_WORDS_T = {
    "es": ("Lo básico", "Las herramientas", "Casos prácticos", "Ir más allá", "Medir", "Organizar", "Comunicar",
           "Taller", "Balance", "Perfeccionamiento"),
    "pt": ("O básico", "As ferramentas", "Casos práticos", "Ir além", "Medir", "Organizar", "Comunicar",
           "Oficina", "Balanço", "Aperfeiçoamento"),
    "en": ("The basics", "The tools", "Case studies", "Going further", "Measuring", "Organising", "Communicating",
           "Workshop", "Review", "Advanced"),
}  # fmt: skip
MODULE_WORD = {"fr": "Module", "es": "Módulo", "pt": "Módulo", "en": "Module"}
LESSON_WORD = {"fr": "Leçon", "es": "Lección", "pt": "Lição", "en": "Lesson"}


def _lang_index(lang: str) -> int:
    return LANGS.index(lang)


def paragraph(rng: random.Random, count: int) -> list[int]:
    """Indexes of ``count`` sentences, so the same paragraph can be written in every language."""
    return rng.sample(range(len(SENTENCES)), min(count, len(SENTENCES)))


def render(indexes: list[int], lang: str) -> str:
    i = _lang_index(lang)
    return " ".join(SENTENCES[n][i] for n in indexes)


def lesson_body_plan(rng: random.Random) -> list[tuple[int, list[list[int]], list[int]]]:
    """A body as (heading, paragraphs, list items) sections: 2 or 3 sections, 1,500 to 3,500 characters in French."""
    sections = []
    for heading in rng.sample(range(len(HEADINGS)), rng.choice((2, 3, 3))):
        paragraphs = [paragraph(rng, rng.randint(3, 5)) for _ in range(rng.randint(1, 2))]
        items = rng.sample(range(len(LIST_ITEMS)), rng.randint(0, 4))
        sections.append((heading, paragraphs, items))
    return sections


def render_body(plan: list[tuple[int, list[list[int]], list[int]]], lang: str) -> str:
    i = _lang_index(lang)
    out: list[str] = []
    for heading, paragraphs, items in plan:
        out.append(f"## {HEADINGS[heading][i]}")
        out.append("")
        for indexes in paragraphs:
            out.append(render(indexes, lang))
            out.append("")
        for item in items:
            out.append(f"- {LIST_ITEMS[item][i]} ;" if lang == "fr" else f"- {LIST_ITEMS[item][i]};")
        if items:
            out.append("")
    return "\n".join(out).strip() + "\n"


def course_word(position: int, lang: str) -> str:
    words = COURSE_WORDS if lang == "fr" else COURSE_WORDS_T[lang]
    return words[position % len(words)]
