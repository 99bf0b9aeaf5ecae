"""Axis 2 of the demo plan: project management."""

from __future__ import annotations

from . import Axis, Course, Lesson, Module, Track

LUCAS = "lucas.oliveira-santos@example.org"

# ---------------------------------------------------------------------------------------------------------------
# Track: Monter un projet culturel
# ---------------------------------------------------------------------------------------------------------------

CLEAR_INTENT = Lesson(
    key="clear-intent",
    title="Formuler une intention claire",
    minutes=15,
    body="""\
## La note d'intention, première pierre du projet

Avant le budget, avant le planning, un projet culturel a besoin d'une **note d'intention** d'une page. Elle sert
à convaincre la direction, les partenaires et les financeurs, et à garder le cap quand le projet grandit.

## Ce qu'elle contient

1. **Le constat** : ce qui manque ou ce qui existe déjà sur le territoire (« il n'existe pas de scène ouverte pour
   les jeunes musiciens à Arequipa »).
2. **L'idée** en deux phrases : quoi, pour qui, où, quand.
3. **Les publics** visés et la manière de les atteindre.
4. **Les partenaires** pressentis et ce que chacun apporte.
5. **Ce qui changera** si le projet réussit : pour les artistes, les publics, l'Alliance.

## Les pièges à éviter

- Décrire l'Alliance pendant une demi-page : le lecteur la connaît déjà ou le découvrira en annexe.
- Promettre tout à tout le monde : un projet qui vise « tous les publics » n'en touche souvent aucun.
- Oublier la dimension durable : déplacements, accessibilité, place des artistes locaux.

> Exercice : écrivez la note d'intention d'un projet que vous portez ou rêvez de porter, en 300 mots au plus.
> Faites-la lire à une personne extérieure : si elle peut la résumer en une phrase, la note est claire.
""",
    translations={
        "es": {
            "title": "Formular una intención clara",
            "body": """\
## La nota de intención, primera piedra del proyecto

Antes del presupuesto, antes del cronograma, un proyecto cultural necesita una **nota de intención** de una página.
Sirve para convencer a la dirección, a los socios y a los financiadores, y para mantener el rumbo cuando el
proyecto crece.

## Lo que contiene

1. **El diagnóstico**: lo que falta o lo que ya existe en el territorio («no existe un escenario abierto para los
   músicos jóvenes en Arequipa»).
2. **La idea** en dos frases: qué, para quién, dónde, cuándo.
3. **Los públicos** a los que se dirige y la manera de llegar a ellos.
4. **Los socios** previstos y lo que aporta cada uno.
5. **Lo que cambiará** si el proyecto tiene éxito: para los artistas, los públicos, la Alianza.

## Las trampas que hay que evitar

- Describir la Alianza durante media página: el lector ya la conoce o la descubrirá en un anexo.
- Prometer todo a todo el mundo: un proyecto dirigido a «todos los públicos» a menudo no llega a ninguno.
- Olvidar la dimensión sostenible: desplazamientos, accesibilidad, lugar de los artistas locales.

> Ejercicio: escriba la nota de intención de un proyecto que lleva o que sueña con llevar, en 300 palabras como
> máximo. Pida a una persona externa que la lea: si puede resumirla en una frase, la nota es clara.
""",
        },
        "pt": {
            "title": "Formular uma intenção clara",
            "body": """\
## A nota de intenção, primeira pedra do projeto

Antes do orçamento, antes do cronograma, um projeto cultural precisa de uma **nota de intenção** de uma página.
Ela serve para convencer a direção, os parceiros e os financiadores, e para manter o rumo quando o projeto cresce.

## O que ela contém

1. **O diagnóstico**: o que falta ou o que já existe no território («não há um palco aberto para jovens músicos
   em Manaus»).
2. **A ideia** em duas frases: o quê, para quem, onde, quando.
3. **Os públicos** visados e a maneira de alcançá-los.
4. **Os parceiros** previstos e o que cada um traz.
5. **O que vai mudar** se o projeto der certo: para os artistas, os públicos, a Aliança.

## As armadilhas a evitar

- Descrever a Aliança durante meia página: o leitor já a conhece ou vai descobri-la no anexo.
- Prometer tudo a todos: um projeto que visa «todos os públicos» muitas vezes não atinge nenhum.
- Esquecer a dimensão sustentável: deslocamentos, acessibilidade, lugar dos artistas locais.

> Exercício: escreva a nota de intenção de um projeto que você conduz ou sonha conduzir, em no máximo 300 palavras.
> Peça a uma pessoa de fora que a leia: se ela conseguir resumi-la numa frase, a nota está clara.
""",
        },
        "en": {
            "title": "Stating a clear intention",
            "body": """\
## The statement of intent, the project's first stone

Before the budget, before the schedule, a cultural project needs a one-page **statement of intent**. It convinces
the director, partners and funders, and keeps the course when the project grows.

## What it contains

1. **The situation**: what is missing or already exists locally ("there is no open stage for young musicians in
   Kingston").
2. **The idea** in two sentences: what, for whom, where, when.
3. **The audiences** you aim at and how you will reach them.
4. **The partners** you have in mind and what each brings.
5. **What will change** if the project succeeds: for artists, audiences, the Alliance.

## Pitfalls

- Describing the Alliance for half a page: readers know it already or will find it in an appendix.
- Promising everything to everyone: a project for "all audiences" often reaches none.
- Forgetting sustainability: travel, accessibility, the place of local artists.

> Exercise: write the statement of intent of a project you run or dream of running, in 300 words at most. Have
> someone from outside read it: if they can sum it up in one sentence, it is clear.
""",
        },
    },
)

PARTNERS_FROM_START = Lesson(
    key="partners-from-start",
    title="Associer les partenaires dès le départ",
    minutes=15,
    body="""\
## Un partenaire n'est pas un sponsor de dernière minute

Les projets qui durent sont ceux que les partenaires ont **contribué à construire**. Invitez-les dès la note
d'intention, pas une fois le programme bouclé.

## Cartographier les partenaires possibles

- **Institutionnels** : mairie, ministère ou secrétariat de la culture, ambassade, universités ;
- **Culturels** : salles, festivals, collectifs d'artistes, radios communautaires ;
- **Économiques** : entreprises françaises ou locales, hôtels, transporteurs ;
- **Associatifs** : associations de quartier, organisations de personnes handicapées, écoles.

Pour chacun, notez ce qu'il peut apporter (argent, lieu, public, visibilité, compétences) et ce qu'il attend
(image, contenus, accès à un public, formation).

## Formaliser simplement

Une **lettre d'engagement** d'une page suffit souvent : objet, apports de chacun, calendrier, visibilité, contact.
Elle rassure les financeurs et évite les malentendus.

## Entretenir la relation

Tenez vos partenaires informés pendant le projet, invitez-les à l'événement et envoyez-leur le bilan. Un
partenaire remercié et tenu au courant revient l'année suivante, et en parle à d'autres.
""",
)

CALL_SECTIONS = Lesson(
    key="call-sections",
    title="Les rubriques d'un appel à projets",
    minutes=20,
    body="""\
## À quoi sert un appel à projets

Un appel à projets permet de sélectionner des artistes, des collectifs ou des associations **de manière ouverte
et équitable** : résidence, programmation de la Fête de la musique, exposition, projet de médiation.

## Les rubriques indispensables

1. **Le contexte** : qui lance l'appel et pourquoi, en quelques lignes.
2. **L'objet** : ce qui est attendu, avec des exemples.
3. **Qui peut candidater** : statut, âge, lieu de résidence, langue.
4. **Ce qui est offert** : cachet ou bourse (montant précis), lieu, matériel, accompagnement, visibilité.
5. **Les critères de sélection**, pondérés si possible.
6. **Le calendrier** : ouverture, date limite (avec l'heure et le fuseau horaire), annonce des résultats,
   dates du projet.
7. **Le dossier** : pièces demandées, format, taille maximale, adresse d'envoi.
8. **Le contact** pour les questions.

## Rendre l'appel accessible

- Publiez-le dans la langue locale (et en français si utile), dans un format lisible sur téléphone.
- Proposez une autre façon de candidater (vidéo, audio) pour les personnes à l'aise à l'oral.
- Limitez les pièces demandées : chaque document de plus décourage les artistes émergents.
""",
    translations={
        "es": {
            "title": "Las secciones de una convocatoria",
            "body": """\
## Para qué sirve una convocatoria

Una convocatoria permite seleccionar artistas, colectivos o asociaciones **de manera abierta y equitativa**.

## Las secciones indispensables

El contexto, el objeto, quién puede postular, lo que se ofrece, los criterios de selección, el calendario, el
expediente y el contacto.
""",
        },
    },
    revised={
        "title": "Les rubriques d'un appel à projets ouvert et équitable",
    },
)

FAIR_SELECTION = Lesson(
    key="fair-selection",
    title="Critères de sélection et jury transparents",
    minutes=15,
    body="""\
## Des critères publiés à l'avance

Les critères de sélection figurent dans l'appel et ne changent pas en cours de route. Par exemple :

| Critère | Poids |
|---|---|
| Qualité artistique et originalité | 40 % |
| Lien avec le territoire et ses publics | 25 % |
| Faisabilité (calendrier, budget, équipe) | 20 % |
| Démarche durable et inclusive | 15 % |

## Un jury composé avec soin

- Trois à cinq personnes, dont au moins une **extérieure** à l'Alliance.
- Un équilibre femmes-hommes et une diversité de disciplines.
- Une règle de **conflit d'intérêts** : un membre qui connaît un candidat de près ne note pas ce dossier.

## Répondre à tous les candidats

Chaque candidat reçoit une réponse, même négative, avec si possible une phrase sur son dossier. C'est aussi
cela, la réputation d'une Alliance auprès des artistes. Conservez les grilles de notation : elles justifient les
choix si un candidat ou un financeur pose la question.
""",
)

LOCAL_ARTISTS = Lesson(
    key="local-artists",
    title="Construire un partenariat avec des artistes locaux",
    minutes=15,
    body="""\
## Des partenaires, pas des prestataires

Les artistes de votre territoire ne sont pas seulement des noms sur une affiche. Un partenariat réussi leur
apporte autant qu'à l'Alliance :

- une **visibilité** dans le réseau (webshow Alliances sonores, revue ¿Que Onda ?, Fête de la musique en ligne) ;
- des **rencontres** avec des artistes français ou d'autres pays de la région ;
- un **lieu** pour répéter, créer, enregistrer ;
- une **rémunération** juste et payée à temps.

## Co-construire

Invitez les artistes à proposer, pas seulement à exécuter. Une résidence de création, un atelier avec les élèves,
une carte blanche dans la programmation : ces formats créent des liens durables.

## Suivre la relation

Tenez un fichier des artistes avec qui vous travaillez : discipline, contact, projets passés, envies. Partagez-le
avec les Alliances voisines : une tournée de trois dates dans la région vaut mieux qu'un seul concert.
""",
)

FAIR_CONTRACTS = Lesson(
    key="fair-contracts",
    title="Contrats et cachets : les bases équitables",
    minutes=15,
    body="""\
## Toujours un contrat écrit

Même pour un petit concert, même avec un ami de l'Alliance, un contrat signé **avant la date** protège tout le
monde. Il précise :

- la prestation (date, durée, lieu, répétitions) ;
- le **cachet**, les frais de transport, d'hébergement et de repas, payés en plus ;
- les droits d'enregistrement et de diffusion en ligne ;
- les conditions d'annulation, y compris pour cause climatique (saison des ouragans, inondations) ;
- le délai de paiement.

## Une grille de cachets

Établissez une grille connue de tous, par type de prestation (concert, atelier, conférence, résidence). Elle évite
les négociations inégales et garantit un traitement équitable entre artistes.

## Payer vite

Un artiste émergent vit souvent au mois. Visez un paiement dans les **30 jours** après la prestation et suivez
ce délai comme un indicateur. Pour un artiste venu d'un autre pays, prévoyez le mode de paiement dès la signature
du contrat : les virements internationaux prennent du temps et coûtent des frais.
""",
)

BUILD_A_PROJECT = Track(
    key="build-a-project",
    title="Monter un projet culturel",
    summary="De la note d'intention à l'appel à projets, avec les artistes et les partenaires du territoire.",
    authors=(LUCAS,),
    translations={
        "es": {
            "title": "Montar un proyecto cultural",
            "summary": "De la nota de intención a la convocatoria, con los artistas y los socios del territorio.",
        },
        "pt": {
            "title": "Montar um projeto cultural",
            "summary": "Da nota de intenção à chamada de projetos, com os artistas e os parceiros do território.",
        },
        "en": {
            "title": "Building a cultural project",
            "summary": "From the statement of intent to the call for projects.",
        },
    },
    revised={
        "summary": (
            "De la note d'intention à l'appel à projets, avec les artistes et les partenaires du territoire, dans "
            "une démarche équitable et durable."
        ),
    },
    retranslated={
        "es": {
            "title": "Montar un proyecto cultural",
            "summary": "De la nota de intención a la convocatoria, con los artistas y los socios del territorio, "
            "con un enfoque equitativo y sostenible.",
        },
        "pt": {
            "title": "Montar um projeto cultural",
            "summary": "Da nota de intenção à chamada de projetos, com os artistas e os parceiros do território, "
            "numa abordagem justa e sustentável.",
        },
    },
    courses=(
        Course(
            key="statement-of-intent",
            title="De l'idée au projet : la note d'intention",
            summary="Formuler son projet en une page et y associer les partenaires dès le départ.",
            objectives=(
                "- Rédiger une note d'intention d'une page\n"
                "- Identifier les partenaires possibles et leurs attentes\n"
                "- Formaliser un engagement simple"
            ),
            level="beginner",
            translations={
                "es": {
                    "title": "De la idea al proyecto: la nota de intención",
                    "summary": "Formular su proyecto en una página y asociar a los socios desde el principio.",
                    "objectives": (
                        "- Redactar una nota de intención de una página\n"
                        "- Identificar a los socios posibles y sus expectativas\n"
                        "- Formalizar un compromiso sencillo"
                    ),
                },
                "pt": {
                    "title": "Da ideia ao projeto: a nota de intenção",
                    "summary": "Formular o seu projeto numa página e envolver os parceiros desde o início.",
                    "objectives": (
                        "- Redigir uma nota de intenção de uma página\n"
                        "- Identificar os parceiros possíveis e suas expectativas\n"
                        "- Formalizar um compromisso simples"
                    ),
                },
                "en": {
                    "title": "From idea to project: the statement of intent",
                    "summary": "State your project on one page and involve partners from the start.",
                    "objectives": (
                        "- Write a one-page statement of intent\n"
                        "- Identify possible partners and what they expect\n"
                        "- Put a simple commitment in writing"
                    ),
                },
            },
            modules=(
                Module(
                    key="intent",
                    title="Formuler le projet",
                    translations={
                        "es": {"title": "Formular el proyecto"},
                        "pt": {"title": "Formular o projeto"},
                        "en": {"title": "Stating the project"},
                    },
                    lessons=(CLEAR_INTENT, PARTNERS_FROM_START),
                ),
            ),
        ),
        Course(
            key="call-for-projects",
            title="Rédiger un appel à projets",
            summary="Un appel clair, des critères publiés, un jury transparent.",
            objectives=(
                "- Rédiger toutes les rubriques d'un appel à projets\n"
                "- Définir et pondérer des critères de sélection\n"
                "- Composer un jury et gérer les conflits d'intérêts"
            ),
            level="intermediate",
            audience=("staff", "admin"),
            prerequisites=("statement-of-intent",),
            translations={
                "es": {
                    "title": "Redactar una convocatoria",
                    "summary": "Una convocatoria clara, criterios publicados, un jurado transparente.",
                    "objectives": "- Redactar una convocatoria\n- Definir criterios de selección",
                },
            },
            revised={
                "objectives": (
                    "- Rédiger toutes les rubriques d'un appel à projets\n"
                    "- Définir et pondérer des critères de sélection\n"
                    "- Composer un jury et gérer les conflits d'intérêts\n"
                    "- Rendre l'appel accessible aux artistes émergents"
                ),
            },
            modules=(
                Module(key="write-the-call", title="Écrire l'appel", lessons=(CALL_SECTIONS,)),
                Module(key="select", title="Sélectionner", lessons=(FAIR_SELECTION,)),
            ),
        ),
        Course(
            key="local-partnerships",
            title="Travailler avec les artistes et partenaires locaux",
            summary="Des partenariats équilibrés et des contrats justes avec les artistes du territoire.",
            objectives=(
                "- Construire un partenariat utile aux artistes comme à l'Alliance\n"
                "- Rédiger un contrat complet et appliquer une grille de cachets"
            ),
            level="beginner",
            translations={
                "es": {
                    "title": "Trabajar con artistas y socios locales",
                    "summary": "Alianzas equilibradas y contratos justos con los artistas del territorio.",
                    "objectives": (
                        "- Construir una alianza útil tanto para los artistas como para la Alianza\n"
                        "- Redactar un contrato completo y aplicar una tabla de honorarios"
                    ),
                },
            },
            modules=(Module(key="artists", title="Avec les artistes", lessons=(LOCAL_ARTISTS, FAIR_CONTRACTS)),),
        ),
    ),
)

# ---------------------------------------------------------------------------------------------------------------
# Track: Financer et évaluer
# ---------------------------------------------------------------------------------------------------------------

BUDGET_LINES = Lesson(
    key="budget-lines",
    title="Les postes d'un budget de festival",
    minutes=20,
    body="""\
## Un budget en deux colonnes

Un budget prévisionnel présente les **dépenses** et les **recettes**, qui doivent s'équilibrer. Les financeurs
lisent d'abord sa cohérence avec le projet.

## Les dépenses d'un festival

- **Artistique** : cachets, droits d'auteur, transports, hébergement, repas des artistes ;
- **Technique** : location de son et lumière, techniciens, scène, groupe électrogène ;
- **Lieu et logistique** : location, sécurité, nettoyage, assurance, sanitaires, eau potable ;
- **Communication** : visuels, impression, publicité en ligne, photographe, captation ;
- **Accessibilité** : interprète en langue des signes, sous-titrage, rampe, places adaptées ;
- **Personnel** : part du temps de l'équipe, bénévoles (repas, transport) ;
- **Imprévus** : 5 à 10 % du total.

## Les recettes

Billetterie, bar, subventions (ambassade, Institut français, ville), mécénat, partenariats en nature, fonds
propres de l'Alliance.

## Valoriser l'apport en nature

Une salle prêtée, une publicité offerte par une radio, des heures de bénévolat : inscrivez-les des deux côtés du
budget. Cela montre le vrai coût du projet et la force de vos partenariats.
""",
    translations={
        "es": {
            "title": "Las partidas de un presupuesto de festival",
            "body": """\
## Un presupuesto en dos columnas

Un presupuesto presenta los **gastos** y los **ingresos**, que deben equilibrarse.

## Los gastos de un festival

Artístico, técnico, lugar y logística, comunicación, personal e imprevistos (5 a 10 % del total).
""",
        },
        "pt": {
            "title": "As rubricas de um orçamento de festival",
            "body": """\
## Um orçamento em duas colunas

Um orçamento apresenta as **despesas** e as **receitas**, que devem se equilibrar.

## As despesas de um festival

Artístico, técnico, local e logística, comunicação, pessoal e imprevistos (5 a 10 % do total).
""",
        },
        "en": {
            "title": "The lines of a festival budget",
            "body": """\
## A budget in two columns

A budget shows **expenses** and **income**, which must balance.

## A festival's expenses

Artistic, technical, venue and logistics, communication, staff and contingencies (5 to 10% of the total).
""",
        },
    },
    revised={
        "body": """\
## Un budget en deux colonnes

Un budget prévisionnel présente les **dépenses** et les **recettes**, qui doivent s'équilibrer. Les financeurs
lisent d'abord sa cohérence avec le projet.

## Les dépenses d'un festival

- **Artistique** : cachets, droits d'auteur, transports, hébergement, repas des artistes ;
- **Technique** : location de son et lumière, techniciens, scène, groupe électrogène ;
- **Lieu et logistique** : location, sécurité, nettoyage, assurance, sanitaires, eau potable ;
- **Communication** : visuels, impression, publicité en ligne, photographe, captation ;
- **Accessibilité** : interprète en langue des signes, sous-titrage, rampe, places adaptées ;
- **Écoresponsabilité** : gobelets réutilisables, tri des déchets, mesure de l'empreinte carbone ;
- **Personnel** : part du temps de l'équipe, bénévoles (repas, transport) ;
- **Imprévus** : 5 à 10 % du total.

## Les recettes

Billetterie, bar, subventions (ambassade, Institut français, ville), mécénat, partenariats en nature, fonds
propres de l'Alliance.

## Valoriser l'apport en nature

Une salle prêtée, une publicité offerte par une radio, des heures de bénévolat : inscrivez-les des deux côtés du
budget. Cela montre le vrai coût du projet et la force de vos partenariats.
""",
    },
    retranslated={
        "es": {
            "title": "Las partidas de un presupuesto de festival",
            "body": """\
## Un presupuesto en dos columnas

Un presupuesto presenta los **gastos** y los **ingresos**, que deben equilibrarse.

## Los gastos de un festival

Artístico, técnico, lugar y logística, comunicación, accesibilidad, ecorresponsabilidad (vasos reutilizables,
separación de residuos, medición de la huella de carbono), personal e imprevistos (5 a 10 % del total).
""",
        },
    },
)

COST_EVERYTHING = Lesson(
    key="cost-everything",
    title="Chiffrer les dépenses sans rien oublier",
    minutes=20,
    body="""\
## Des devis, pas des estimations

Pour chaque poste important, demandez **deux ou trois devis**. Gardez-les : les financeurs peuvent les demander,
et ils serviront pour l'édition suivante.

## Les oublis les plus fréquents

- les **taxes** et retenues à la source sur les cachets d'artistes étrangers ;
- les **frais bancaires** et de change sur les paiements internationaux ;
- le **transport du matériel** et des instruments ;
- les **repas** des bénévoles et des techniciens ;
- l'**assurance** annulation, indispensable pendant la saison des ouragans dans les Caraïbes ;
- l'**accessibilité**, trop souvent ajoutée à la fin, faute de ligne prévue.

## Un tableau vivant

Tenez votre budget dans un tableur à trois colonnes : **prévu**, **engagé** (devis signés), **réalisé**
(factures payées). Mettez-le à jour chaque semaine pendant la préparation : c'est ainsi qu'on repère un
dépassement à temps pour le compenser.

> Astuce : gardez le budget de l'édition précédente à côté. Les écarts importants méritent une explication.
""",
)

DIVERSIFY_INCOME = Lesson(
    key="diversify-income",
    title="Diversifier ses recettes : billetterie, mécénat, subventions",
    minutes=15,
    body="""\
## Ne pas dépendre d'un seul financeur

Un festival financé à 80 % par une seule subvention est fragile. Visez au moins **trois sources** de recettes.

## Les pistes

- **Billetterie** : un tarif plein, un tarif réduit (étudiants, élèves de l'Alliance) et des places gratuites
  pour les publics éloignés.
- **Mécénat** d'entreprises françaises implantées dans le pays ou d'entreprises locales : proposez des
  contreparties concrètes (places, visibilité, atelier pour leurs salariés).
- **Subventions** : ambassade de France, Institut français, ville, ministère de la culture, fonds de
  coopération régionale.
- **Financement participatif** pour un projet qui mobilise une communauté.
- **Recettes annexes** : bar, vente de disques des artistes (au profit des artistes).

## Le calendrier des financeurs

Les appels à subventions ont des dates limites souvent six à neuf mois avant l'événement. Tenez un calendrier
des guichets de l'année dès janvier, avec pour chacun la date limite, le montant possible, les pièces demandées
et la personne de l'équipe qui prépare le dossier.
""",
)

INDICATORS_BEFORE = Lesson(
    key="indicators-before",
    title="Définir des indicateurs avant le projet",
    minutes=15,
    body="""\
## On n'évalue bien que ce qu'on a prévu d'évaluer

Les indicateurs se choisissent **au moment de la note d'intention**, pas la veille du bilan. Sinon, il manque
toujours les chiffres qui auraient été utiles.

## Trois familles d'indicateurs

- **Réalisation** : nombre de concerts, d'ateliers, d'artistes programmés ;
- **Résultats** : fréquentation, part de nouveaux publics, part d'artistes locaux, part de femmes programmées ;
- **Impact** : ce qui a changé pour les artistes (contrats obtenus après le festival) ou pour les publics.

## Ajouter les indicateurs durables

- empreinte carbone par spectateur ;
- part de repas végétariens ;
- nombre d'événements avec interprétation en langue des signes.

## Prévoir la collecte

Pour chaque indicateur, notez qui le collecte, comment et quand. Un comptage à l'entrée, un questionnaire court
(trois questions, sur papier et en ligne), les chiffres de la billetterie. Comptez les personnes sans jamais
collecter plus de données personnelles que nécessaire : des totaux suffisent.
""",
)

USEFUL_REPORT = Lesson(
    key="useful-report",
    title="Le bilan : un document utile, pas une formalité",
    minutes=15,
    body="""\
## Pour qui écrit-on le bilan ?

Pour les financeurs, bien sûr, mais aussi pour l'équipe de l'année prochaine. Un bon bilan tient en **quatre
pages** et des annexes.

## Le plan

1. **Le projet en chiffres** : une demi-page avec les indicateurs prévus et obtenus.
2. **Ce qui a bien fonctionné**, avec des exemples et des citations du public ou des artistes.
3. **Ce qui a moins bien fonctionné** et pourquoi, sans chercher de coupable.
4. **Les recommandations** pour la prochaine édition.
5. **Le budget réalisé** comparé au prévisionnel, avec l'explication des écarts.

## Le partager

Envoyez le bilan aux partenaires avec un mot de remerciement et deux ou trois photos. Déposez-le dans la base de
ressources du réseau : une autre Alliance prépare peut-être le même projet.

## Le bilan en équipe

Avant de l'écrire, réunissez l'équipe, les bénévoles et si possible un ou deux artistes pendant une heure.
Chacun dit ce qu'il garderait, ce qu'il changerait et ce qu'il ajouterait. Ces réponses font les meilleures
recommandations.
""",
)

FUND_AND_EVALUATE = Track(
    key="fund-and-evaluate",
    title="Financer et évaluer",
    summary="Construire un budget solide, trouver des recettes et rendre compte des résultats.",
    authors=(LUCAS,),
    translations={
        "es": {
            "title": "Financiar y evaluar",
            "summary": "Construir un presupuesto sólido, encontrar ingresos y rendir cuentas de los resultados.",
        },
    },
    courses=(
        Course(
            key="festival-budget",
            title="Construire le budget d'un festival",
            summary="Un budget prévisionnel complet, chiffré sur devis, avec des recettes diversifiées.",
            objectives=(
                "- Lister tous les postes de dépenses d'un festival\n"
                "- Chiffrer à partir de devis et suivre le budget réalisé\n"
                "- Diversifier les sources de recettes"
            ),
            level="intermediate",
            audience=("staff", "admin"),
            translations={
                "es": {
                    "title": "Construir el presupuesto de un festival",
                    "summary": "Un presupuesto completo, calculado con cotizaciones, con ingresos diversificados.",
                    "objectives": (
                        "- Enumerar todas las partidas de gastos de un festival\n"
                        "- Calcular a partir de cotizaciones y seguir el presupuesto ejecutado\n"
                        "- Diversificar las fuentes de ingresos"
                    ),
                },
                "pt": {
                    "title": "Construir o orçamento de um festival",
                    "summary": "Um orçamento completo, calculado com orçamentos de fornecedores, com receitas "
                    "diversificadas.",
                    "objectives": (
                        "- Listar todas as rubricas de despesas de um festival\n"
                        "- Calcular a partir de orçamentos e acompanhar o orçamento executado\n"
                        "- Diversificar as fontes de receita"
                    ),
                },
                "en": {
                    "title": "Budgeting a festival",
                    "summary": "A complete budget, costed from quotes.",
                    "objectives": "- List every expense of a festival\n- Cost from quotes",
                },
            },
            revised={
                "summary": (
                    "Un budget prévisionnel complet, chiffré sur devis, avec des recettes diversifiées et une ligne "
                    "pour l'accessibilité et l'écoresponsabilité."
                ),
            },
            retranslated={
                "es": {
                    "title": "Construir el presupuesto de un festival",
                    "summary": "Un presupuesto completo, calculado con cotizaciones, con ingresos diversificados y "
                    "una partida para la accesibilidad y la ecorresponsabilidad.",
                    "objectives": (
                        "- Enumerar todas las partidas de gastos de un festival\n"
                        "- Calcular a partir de cotizaciones y seguir el presupuesto ejecutado\n"
                        "- Diversificar las fuentes de ingresos"
                    ),
                },
                "pt": {
                    "title": "Construir o orçamento de um festival",
                    "summary": "Um orçamento completo, calculado com orçamentos de fornecedores, com receitas "
                    "diversificadas e uma rubrica para a acessibilidade e a ecorresponsabilidade.",
                    "objectives": (
                        "- Listar todas as rubricas de despesas de um festival\n"
                        "- Calcular a partir de orçamentos e acompanhar o orçamento executado\n"
                        "- Diversificar as fontes de receita"
                    ),
                },
            },
            modules=(
                Module(
                    key="expenses",
                    title="Le budget prévisionnel",
                    translations={"es": {"title": "El presupuesto"}},
                    lessons=(BUDGET_LINES, COST_EVERYTHING),
                ),
                Module(key="income", title="Les recettes", lessons=(DIVERSIFY_INCOME,)),
            ),
        ),
        Course(
            key="evaluate-a-project",
            title="Évaluer un projet et en rendre compte",
            summary="Des indicateurs choisis dès le départ et un bilan qui sert à la prochaine édition.",
            objectives=(
                "- Choisir des indicateurs de réalisation, de résultat et d'impact\n"
                "- Organiser la collecte des données\n"
                "- Rédiger un bilan utile en quatre pages"
            ),
            level="intermediate",
            audience=("staff", "admin"),
            prerequisites=("festival-budget",),
            modules=(Module(key="evaluate", title="Évaluer", lessons=(INDICATORS_BEFORE, USEFUL_REPORT)),),
        ),
    ),
)

AXIS = Axis(
    code="project-management",
    title="Gestion de projet",
    description=(
        "Monter, financer et évaluer un projet culturel avec les artistes et les partenaires du territoire, de la "
        "note d'intention au bilan."
    ),
    tracks=(BUILD_A_PROJECT, FUND_AND_EVALUATE),
    translations={
        "es": {
            "title": "Gestión de proyectos",
            "description": "Montar, financiar y evaluar un proyecto cultural con los artistas y los socios del "
            "territorio, de la nota de intención al balance.",
        },
        "pt": {
            "title": "Gestão de projetos",
            "description": "Montar, financiar e avaliar um projeto cultural com os artistas e os parceiros do "
            "território, da nota de intenção ao balanço.",
        },
        "en": {
            "title": "Project management",
            "description": "Building, funding and evaluating a cultural project with local artists and partners, "
            "from the statement of intent to the final report.",
        },
    },
)
