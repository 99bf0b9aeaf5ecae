"""Axis 3 of the demo plan: sustainable development in cultural practices (environment, accessibility)."""

from __future__ import annotations

from . import Axis, Course, Lesson, Module, Track

MARIE_CLAIRE = "marie-claire.joseph@example.org"
VALENTINA = "valentina.gomez@example.org"

# ---------------------------------------------------------------------------------------------------------------
# Track: Éco-concevoir un événement
# ---------------------------------------------------------------------------------------------------------------

ORDERS_OF_MAGNITUDE = Lesson(
    key="orders-of-magnitude",
    title="Climat et culture : les ordres de grandeur",
    minutes=15,
    body="""\
## D'où viennent les émissions d'un événement ?

On pense d'abord aux gobelets en plastique. Ils comptent, mais les ordres de grandeur sont ailleurs :

- **Les déplacements des publics** représentent souvent les trois quarts de l'empreinte d'un festival.
- **Les déplacements des artistes**, surtout en avion : un aller-retour Paris-Bogotá pèse environ 2,6 tonnes
  de CO2e par personne, Paris-Buenos Aires environ 3,4 tonnes. Une personne en France émet environ 9 tonnes par an.
- **Les achats** : matériel, scénographie, impression, objets promotionnels.
- **L'énergie** : climatisation, éclairage, groupe électrogène.
- **Les repas** : environ 0,5 kg CO2e pour un repas végétarien, jusqu'à 7 kg avec du bœuf.

## Ce que cela change pour nos Alliances

- Inviter un artiste d'Europe ? **Mutualisez** les dates avec d'autres Alliances de la région et allongez le
  séjour (résidence, ateliers).
- Choisissez des lieux **desservis par les transports en commun** et indiquez-les dans la communication.
- Proposez une **restauration végétarienne** par défaut.

## Les trois piliers

Le réseau aborde le développement durable par trois piliers : **environnement**, **accessibilité**,
**citoyenneté**. Un événement écoresponsable reste accessible à toutes et à tous : chaque mesure écologique garde
une solution pour les personnes handicapées (par exemple, des places de stationnement réservées dans un plan
« sans voiture »).
""",
    translations={
        "es": {
            "title": "Clima y cultura: los órdenes de magnitud",
            "body": """\
## ¿De dónde vienen las emisiones de un evento?

Pensamos primero en los vasos de plástico. Cuentan, pero los órdenes de magnitud están en otra parte:

- **Los desplazamientos del público** representan a menudo las tres cuartas partes de la huella de un festival.
- **Los desplazamientos de los artistas**, sobre todo en avión: un viaje de ida y vuelta París-Bogotá pesa unas
  2,6 toneladas de CO2e por persona, París-Buenos Aires unas 3,4 toneladas. Una persona en Francia emite unas
  9 toneladas al año.
- **Las compras**: material, escenografía, impresión, objetos promocionales.
- **La energía**: aire acondicionado, iluminación, generador.
- **Las comidas**: unos 0,5 kg CO2e por una comida vegetariana, hasta 7 kg con carne de res.

## Lo que esto cambia para nuestras Alianzas

- ¿Invitar a un artista de Europa? **Comparta** las fechas con otras Alianzas de la región y alargue la estadía
  (residencia, talleres).
- Elija lugares **servidos por el transporte público** e indíquelos en la comunicación.
- Proponga una **comida vegetariana** por defecto.

## Los tres pilares

La red aborda el desarrollo sostenible a través de tres pilares: **medio ambiente**, **accesibilidad**,
**ciudadanía**. Un evento ecorresponsable sigue siendo accesible para todas y todos: cada medida ecológica
mantiene una solución para las personas con discapacidad (por ejemplo, estacionamientos reservados en un plan
«sin auto»).
""",
        },
        "pt": {
            "title": "Clima e cultura: as ordens de grandeza",
            "body": """\
## De onde vêm as emissões de um evento?

Pensamos primeiro nos copos de plástico. Eles contam, mas as ordens de grandeza estão em outro lugar:

- **Os deslocamentos do público** representam muitas vezes três quartos da pegada de um festival.
- **Os deslocamentos dos artistas**, sobretudo de avião: uma ida e volta Paris-Bogotá pesa cerca de 2,6 toneladas
  de CO2e por pessoa, Paris-Buenos Aires cerca de 3,4 toneladas. Uma pessoa na França emite cerca de 9 toneladas
  por ano.
- **As compras**: equipamento, cenografia, impressão, brindes.
- **A energia**: ar-condicionado, iluminação, gerador.
- **As refeições**: cerca de 0,5 kg CO2e para uma refeição vegetariana, até 7 kg com carne bovina.

## O que isso muda para as nossas Alianças

- Convidar um artista da Europa? **Compartilhe** as datas com outras Alianças da região e prolongue a estadia
  (residência, oficinas).
- Escolha locais **servidos pelo transporte público** e indique-os na comunicação.
- Proponha uma **alimentação vegetariana** por padrão.

## Os três pilares

A rede aborda o desenvolvimento sustentável por três pilares: **meio ambiente**, **acessibilidade**,
**cidadania**. Um evento ecorresponsável continua acessível a todas e todos: cada medida ecológica mantém uma
solução para as pessoas com deficiência (por exemplo, vagas reservadas num plano «sem carro»).
""",
        },
    },
)

ECO_CHECKLIST = Lesson(
    key="eco-checklist",
    title="La checklist éco-événement du réseau",
    minutes=15,
    body="""\
## Une liste courte, utilisée à chaque événement

Le réseau propose une checklist à remplir pour chaque événement. Elle tient sur une page et se prépare avec
l'équipe trois semaines avant la date.

## Avant

- [ ] Le lieu est accessible en transports en commun et de plain-pied ; les informations d'accès sont publiées.
- [ ] Les artistes venant de loin ont d'autres dates dans la région ou un programme de plusieurs jours.
- [ ] Les supports imprimés sont limités ; les affiches sont sans date pour être réutilisées.
- [ ] Les objets promotionnels sont évités ou utiles et locaux.

## Pendant

- [ ] De l'eau potable gratuite et des gobelets réutilisables, pas de bouteilles en plastique.
- [ ] Des repas végétariens et des traiteurs locaux.
- [ ] Le tri des déchets avec une filière confirmée (pas seulement des poubelles de couleur).
- [ ] La climatisation réglée à 26 °C au plus bas, portes fermées.

## Après

- [ ] Les déchets pesés sur un échantillon, les trajets des artistes notés.
- [ ] Le bilan de la checklist partagé avec l'équipe, une amélioration choisie pour la prochaine fois.

> La checklist n'est pas un examen : cocher « non » est utile, c'est ce qui montre où progresser.
""",
)

CATERING_WASTE = Lesson(
    key="catering-waste",
    title="Restauration, eau et déchets",
    minutes=15,
    body="""\
## L'eau

Dans beaucoup de villes de la région, l'eau du robinet n'est pas potable. Louez une **fontaine** ou des bonbonnes
de grande contenance et proposez des gobelets réutilisables consignés, lavés sur place ou par un prestataire.

## Les repas

- Un menu **végétarien par défaut** pour les artistes, l'équipe et les invités, avec une option sur demande.
- Des **traiteurs locaux** et des produits de saison.
- Des quantités ajustées aux inscriptions réelles, et une solution pour les restes (partage avec l'équipe,
  association locale).

## Les déchets

Près de la moitié des déchets de la région sont organiques, et une petite part seulement est recyclée. Des
poubelles de tri ne suffisent pas :

1. Trouvez une **filière** qui reprend vraiment les déchets triés (recycleur, coopérative, ville) et gardez une
   lettre ou un reçu.
2. Réduisez à la source : pas de vaisselle jetable, pas de sachets individuels.
3. **Compostez** les déchets organiques si un jardin ou une ferme urbaine voisine peut les accueillir.
4. **Pesez** les déchets d'un événement type une fois par an pour suivre les progrès.
""",
)

CIRCULAR_STAGING = Lesson(
    key="circular-staging",
    title="Scénographie circulaire et achats responsables",
    minutes=15,
    body="""\
## Réutiliser avant d'acheter

Décors, mobilier d'exposition, signalétique : avant chaque achat, posez trois questions.

1. Peut-on **réutiliser** ce que l'on a déjà ?
2. Peut-on **emprunter** ou **louer** (à une autre Alliance, un théâtre, une école d'art) ?
3. Si l'on achète, pourra-t-on **réutiliser** l'objet, le donner ou le recycler ensuite ?

## Concevoir pour démonter

- Des modules standard (panneaux, caisses) plutôt que des décors uniques.
- Des assemblages vissés plutôt que collés.
- Des visuels sans date, ou une date sur un bandeau amovible.

## Des achats responsables

Une règle d'achat simple, écrite et connue de l'équipe : produits durables et réparables, fournisseurs locaux,
commerce équitable quand c'est possible, deux devis au-delà d'un certain montant. Tenez un **inventaire partagé**
du matériel : il évite de racheter ce qui dort dans une réserve.

Partagez cet inventaire avec les Alliances et les lieux culturels de votre ville : prêter une cimaise ou un
vidéoprojecteur rend service et crée des liens.
""",
)

GUIDE_LINK = Lesson(
    key="ministry-guide",
    title="Ressource : la transition écologique de la culture",
    kind="link",
    minutes=20,
    required=False,
    url="https://www.culture.gouv.fr/fr/thematiques/transition-ecologique",
    body="""\
La page du ministère de la Culture sur la transition écologique rassemble le *Guide d'orientation et
d'inspiration* (2023), les objectifs de mesure de l'empreinte des événements et de nombreux exemples de lieux
culturels. Parcourez la partie consacrée aux événements et notez deux idées applicables dans votre Alliance.
""",
)

FOOTPRINT_SCOPE = Lesson(
    key="footprint-scope",
    title="Périmètre et données à collecter",
    minutes=20,
    body="""\
## Mesurer d'abord

Mesurer l'empreinte carbone d'un événement, c'est savoir où agir. Une première mesure, même imparfaite, est déjà
un progrès : la seconde sera meilleure.

## Le périmètre

Choisissez ce que vous mesurez et dites-le dans le bilan :

- **Énergie** : électricité (factures ou compteur), carburant du groupe électrogène ;
- **Déplacements** : artistes, équipe, public ;
- **Repas** : nombre de repas par type ;
- **Achats et déchets** : matériel, impressions, kilos de déchets.

## Les données à collecter

| Poste | Donnée | Source |
|---|---|---|
| Électricité | kWh | relevé du compteur avant et après |
| Groupe électrogène | litres | bons de carburant |
| Artistes | trajets, mode, distance | carnet de voyage |
| Public | mode et distance | questionnaire sur un échantillon |
| Repas | nombre par type | factures du traiteur |
| Impression | nombre d'exemplaires | bons de commande |

## Les facteurs d'émission

Chaque donnée est multipliée par un **facteur d'émission** (kg CO2e par kWh, par km, par repas). Notez toujours
la source et l'année du facteur utilisé : les facteurs de l'électricité changent beaucoup d'un pays à l'autre.
""",
)

TRAVEL_EMISSIONS = Lesson(
    key="travel-emissions",
    title="Calculer les déplacements des artistes et des publics",
    minutes=20,
    body="""\
## Les artistes

Tenez un **carnet de voyage** pour chaque événement : trajet, mode de transport, nombre de personnes. Pour l'avion,
comptez environ 152 g CO2e par passager et par kilomètre sur les longs courriers (effets hors CO2 compris).

Exemple : un trio venu de Paris pour trois dates à Bogotá, Medellín et Quito.

- Trois allers-retours Paris-Bogotá : environ 3 × 2,6 = 7,8 t CO2e.
- Réparti sur trois dates : 2,6 t par concert au lieu de 7,8 t pour un concert unique.

## Les publics

Un questionnaire de trois questions, sur un échantillon de 50 à 100 personnes, suffit :

1. D'où venez-vous (quartier ou ville) ?
2. Comment êtes-vous venu (à pied, vélo, bus, voiture, moto, taxi) ?
3. Combien de personnes dans le véhicule ?

Extrapolez ensuite à la fréquentation totale.

## Agir

- Mutualiser les tournées avec les Alliances voisines.
- Programmer dans des lieux desservis par les transports en commun.
- Publier les itinéraires à pied, en vélo et en bus dans chaque annonce.
""",
    revised={"title": "Calculer les émissions liées aux déplacements des artistes et des publics"},
)

BASE_EMPREINTE = Lesson(
    key="base-empreinte",
    title="Ressource : la Base Empreinte de l'ADEME",
    kind="link",
    minutes=15,
    required=False,
    url="https://base-empreinte.ademe.fr/",
    body="""\
La Base Empreinte de l'ADEME publie les facteurs d'émission de référence (transports, énergie, alimentation,
achats). Cherchez le facteur « avion long courrier » et celui d'un repas végétarien, et comparez-les aux
chiffres de la leçon précédente.
""",
)

ECO_DESIGN = Track(
    key="eco-design",
    title="Éco-concevoir un événement",
    summary="Comprendre les ordres de grandeur, appliquer la checklist du réseau, mesurer l'empreinte carbone.",
    translations={
        "es": {
            "title": "Ecodiseñar un evento",
            "summary": "Comprender los órdenes de magnitud, aplicar la lista de control de la red, medir la huella "
            "de carbono.",
        },
        "pt": {
            "title": "Ecoconceber um evento",
            "summary": "Compreender as ordens de grandeza, aplicar a checklist da rede, medir a pegada de carbono.",
        },
        "en": {
            "title": "Eco-designing an event",
            "summary": "Understand the orders of magnitude, apply the network's checklist, measure the carbon "
            "footprint.",
        },
    },
    courses=(
        Course(
            key="eco-design-event",
            title="Éco-concevoir un événement",
            summary="Transport, restauration, déchets, scénographie : les leviers qui comptent vraiment.",
            objectives=(
                "- Connaître les principaux postes d'émissions d'un événement culturel\n"
                "- Appliquer la checklist éco-événement du réseau\n"
                "- Réduire les déchets et choisir des achats responsables"
            ),
            level="beginner",
            translations={
                "es": {
                    "title": "Ecodiseñar un evento",
                    "summary": "Transporte, comida, residuos, escenografía: las palancas que realmente cuentan.",
                    "objectives": (
                        "- Conocer las principales fuentes de emisiones de un evento cultural\n"
                        "- Aplicar la lista de control eco-evento de la red\n"
                        "- Reducir los residuos y elegir compras responsables"
                    ),
                },
                "pt": {
                    "title": "Ecoconceber um evento",
                    "summary": "Transporte, alimentação, resíduos, cenografia: as alavancas que realmente contam.",
                    "objectives": (
                        "- Conhecer as principais fontes de emissões de um evento cultural\n"
                        "- Aplicar a checklist eco-evento da rede\n"
                        "- Reduzir os resíduos e escolher compras responsáveis"
                    ),
                },
                "en": {
                    "title": "Eco-designing an event",
                    "summary": "Transport, catering, waste, staging: the levers that really count.",
                    "objectives": (
                        "- Know the main sources of emissions of a cultural event\n"
                        "- Apply the network's eco-event checklist\n"
                        "- Reduce waste and choose responsible purchases"
                    ),
                },
            },
            modules=(
                Module(
                    key="principles",
                    title="Les principes",
                    translations={
                        "es": {"title": "Los principios"},
                        "pt": {"title": "Os princípios"},
                        "en": {"title": "The principles"},
                    },
                    lessons=(ORDERS_OF_MAGNITUDE, ECO_CHECKLIST),
                ),
                Module(
                    key="in-practice",
                    title="Dans la pratique",
                    translations={"es": {"title": "En la práctica"}, "pt": {"title": "Na prática"}},
                    lessons=(CATERING_WASTE, CIRCULAR_STAGING),
                ),
            ),
        ),
        Course(
            key="carbon-footprint",
            title="Mesurer l'empreinte carbone d'un événement",
            summary="Périmètre, données, facteurs d'émission : une première mesure réaliste.",
            objectives=(
                "- Définir le périmètre d'une mesure d'empreinte\n"
                "- Collecter les données d'énergie, de déplacements et de repas\n"
                "- Calculer les émissions des déplacements et en tirer des actions"
            ),
            level="intermediate",
            audience=("staff", "admin"),
            prerequisites=("eco-design-event",),
            authors=(VALENTINA,),
            translations={
                "es": {
                    "title": "Medir la huella de carbono de un evento",
                    "summary": "Perímetro, datos, factores de emisión: una primera medición realista.",
                    "objectives": (
                        "- Definir el perímetro de una medición de huella\n"
                        "- Recopilar los datos de energía, desplazamientos y comidas\n"
                        "- Calcular las emisiones de los desplazamientos y sacar acciones"
                    ),
                },
            },
            modules=(
                Module(
                    key="measure",
                    title="Mesurer",
                    lessons=(FOOTPRINT_SCOPE, TRAVEL_EMISSIONS, BASE_EMPREINTE, GUIDE_LINK),
                ),
            ),
        ),
    ),
)

# ---------------------------------------------------------------------------------------------------------------
# Track: Accessibilité et inclusion
# ---------------------------------------------------------------------------------------------------------------

ACCESSIBLE_BASICS = Lesson(
    key="accessible-basics",
    title="Les bases de la communication accessible",
    minutes=15,
    body="""\
## Une communication accessible sert tout le monde

Environ une personne sur six vit avec un handicap. Une communication accessible les inclut, et elle est aussi
plus claire pour les personnes âgées, les personnes qui lisent dans une langue étrangère ou sur un petit écran.

## Les réflexes de base

- **Contrastes** : texte foncé sur fond clair, jamais d'information donnée seulement par la couleur.
- **Textes alternatifs** : chaque image publiée est décrite (« Affiche du concert de Los Gaiteros, vendredi 19 h »).
- **Vidéos sous-titrées**, y compris les bruits utiles (« applaudissements », « musique douce »).
- **Documents** en HTML ou en PDF balisé, pas une affiche scannée.
- **Liens explicites** : « Lire le programme complet » plutôt que « cliquez ici ».

## Sur les réseaux sociaux

- Utilisez le champ de texte alternatif proposé par chaque plateforme.
- Évitez le texte incrusté dans l'image sans le reprendre dans la publication.
- Limitez les émojis et placez-les en fin de phrase.

## Le site web

Visez la conformité aux **WCAG 2.2 niveau AA** (ou au RGAA), et publiez une déclaration d'accessibilité qui dit
ce qui fonctionne, ce qui ne fonctionne pas encore et comment obtenir une alternative.
""",
    translations={
        "es": {
            "title": "Las bases de la comunicación accesible",
            "body": """\
## Una comunicación accesible sirve a todo el mundo

Alrededor de una persona de cada seis vive con una discapacidad. Una comunicación accesible las incluye, y también
es más clara para las personas mayores, las personas que leen en un idioma extranjero o en una pantalla pequeña.

## Los reflejos básicos

- **Contrastes**: texto oscuro sobre fondo claro, nunca información dada solo por el color.
- **Textos alternativos**: cada imagen publicada está descrita («Afiche del concierto de Los Gaiteros, viernes 7 p. m.»).
- **Videos subtitulados**, incluidos los ruidos útiles («aplausos», «música suave»).
- **Documentos** en HTML o en PDF etiquetado, no un afiche escaneado.
- **Enlaces explícitos**: «Leer el programa completo» en lugar de «haga clic aquí».

## En las redes sociales

- Use el campo de texto alternativo que ofrece cada plataforma.
- Evite el texto incrustado en la imagen sin retomarlo en la publicación.
- Limite los emojis y colóquelos al final de la frase.

## El sitio web

Apunte a la conformidad con las **WCAG 2.2 nivel AA** (o el RGAA) y publique una declaración de accesibilidad que
diga lo que funciona, lo que todavía no funciona y cómo obtener una alternativa.
""",
        },
        "en": {
            "title": "The basics of accessible communication",
            "body": """\
## Accessible communication serves everyone

About one person in six lives with a disability. Accessible communication includes them, and it is also clearer
for older people, people reading in a foreign language or on a small screen.

## The basic reflexes

- **Contrast**: dark text on a light background, never information given by colour alone.
- **Alternative text**: every image you post is described ("Poster for the Los Gaiteros concert, Friday 7 pm").
- **Captioned videos**, including useful sounds ("applause", "soft music").
- **Documents** in HTML or tagged PDF, not a scanned poster.
- **Explicit links**: "Read the full programme" rather than "click here".

## On social media

- Use the alternative-text field each platform offers.
- Avoid text embedded in the image without repeating it in the post.
- Limit emojis and put them at the end of a sentence.

## The website

Aim for **WCAG 2.2 level AA** conformance (or RGAA), and publish an accessibility statement that says what works,
what does not work yet and how to get an alternative.
""",
        },
    },
)

EASY_TO_READ = Lesson(
    key="easy-to-read",
    title="Écrire en facile à lire et à comprendre (FALC)",
    minutes=20,
    body="""\
## Qu'est-ce que le FALC ?

Le **facile à lire et à comprendre** (*lectura fácil*, *leitura fácil*, *easy-to-read*) est une manière d'écrire
conçue avec et pour les personnes ayant un handicap intellectuel. Elle aide aussi les personnes qui apprennent la
langue, et beaucoup d'autres.

## Les règles principales

- Une idée par phrase, des phrases courtes.
- Des mots simples et courants ; expliquer les mots difficiles.
- Toujours les mêmes mots pour les mêmes choses.
- Des chiffres plutôt que des lettres (« 3 » et non « trois »).
- Une police sans empattement, assez grande, aligné à gauche.
- Une image qui illustre chaque idée importante.

## Un exemple

*Avant* : « L'Alliance Française a le plaisir de vous convier à la soirée d'inauguration de l'exposition
photographique, qui se tiendra dans la galerie principale. »

*Après* : « Vendredi 12 mars, à 18 heures, nous ouvrons une exposition de photos. L'exposition est dans la
grande salle. L'entrée est gratuite. »

## Relire avec les personnes concernées

Un texte en FALC se relit avec des personnes qui en ont besoin. Une association locale de personnes handicapées
peut devenir un partenaire précieux pour cela.
""",
)

WCAG_LINK = Lesson(
    key="wcag-overview",
    title="Ressource : présentation des WCAG par le W3C",
    kind="link",
    minutes=15,
    required=False,
    url="https://www.w3.org/WAI/standards-guidelines/wcag/fr",
    body="""\
La présentation officielle des Règles pour l'accessibilité des contenus Web (WCAG), en français. Lisez les quatre
principes (perceptible, utilisable, compréhensible, robuste) et repérez trois critères que votre site ou vos
réseaux ne respectent pas encore.
""",
)

FOUR_FAMILIES = Lesson(
    key="four-families",
    title="Accueillir les publics handicapés",
    minutes=15,
    body="""\
## Quatre familles de handicap

L'accueil se prépare pour quatre grandes familles de handicap : **moteur**, **visuel**, **auditif**, **mental ou
psychique**. Beaucoup de handicaps sont invisibles.

## L'accueil, c'est d'abord une attitude

- Proposez votre aide, n'imposez rien, et demandez comment aider.
- Parlez à la personne, pas à son accompagnateur ou à son interprète.
- Face à une personne sourde, regardez-la et articulez sans crier.
- Décrivez l'espace à une personne aveugle et annoncez-vous en arrivant.

## Ce qui se prépare à l'avance

- Un cheminement de plain-pied de la rue à la salle, et des toilettes accessibles.
- Des places pour fauteuil roulant réservables, avec une place pour l'accompagnateur, sans supplément.
- Une boucle magnétique pour les personnes appareillées, si la salle en est équipée.
- Un plan d'évacuation qui prévoit les personnes à mobilité réduite.

## Former l'équipe

Les personnes à l'accueil, au guichet et en salle doivent connaître ces réflexes. Une courte formation à la
rentrée, avec une association locale, fait une grande différence.
""",
)

ANNOUNCE_ACCESS = Lesson(
    key="announce-access",
    title="Annoncer les conditions d'accès de chaque événement",
    minutes=10,
    body="""\
## Une information qui manque presque toujours

Une personne en fauteuil roulant, sourde ou aveugle doit savoir **avant** de se déplacer si elle pourra profiter
de l'événement. Sans information, elle ne vient pas.

## Le bloc « accessibilité » de chaque annonce

Ajoutez à chaque page d'événement et à chaque publication un bloc court :

- **Accès** : de plain-pied / avec une marche / à l'étage sans ascenseur ;
- **Sous-titres** ou **interprétation** en langue des signes : oui / non ;
- **Boucle magnétique** : oui / non ;
- **Contact** pour préparer sa venue : un numéro WhatsApp et une adresse électronique.

## Être honnête

Si le lieu n'est pas accessible, dites-le et proposez une alternative (une autre date dans un lieu accessible,
une diffusion en ligne sous-titrée). La confiance vient de l'information exacte, pas de la promesse. Vérifiez
vous-même l'accès d'un lieu partenaire avant de l'annoncer : une marche oubliée suffit à fermer la porte.
""",
)

ACCESSIBILITY = Track(
    key="accessibility-inclusion",
    title="Accessibilité et inclusion",
    summary="Communiquer de façon accessible et accueillir tous les publics.",
    authors=(MARIE_CLAIRE,),
    translations={
        "es": {
            "title": "Accesibilidad e inclusión",
            "summary": "Comunicar de forma accesible y acoger a todos los públicos.",
        },
        "en": {
            "title": "Accessibility and inclusion",
            "summary": "Communicating accessibly and welcoming every audience.",
        },
    },
    courses=(
        Course(
            key="accessible-communication",
            title="Communiquer de façon accessible",
            summary="Textes alternatifs, sous-titres, contrastes, FALC : une communication lisible par toutes et tous.",
            objectives=(
                "- Appliquer les règles de base de la communication accessible\n"
                "- Écrire un texte en facile à lire et à comprendre\n"
                "- Connaître les principes des WCAG"
            ),
            level="beginner",
            authors=(VALENTINA,),
            translations={
                "es": {
                    "title": "Comunicar de forma accesible",
                    "summary": "Textos alternativos, subtítulos, contrastes, lectura fácil: una comunicación legible "
                    "para todas y todos.",
                    "objectives": (
                        "- Aplicar las reglas básicas de la comunicación accesible\n"
                        "- Escribir un texto en lectura fácil\n"
                        "- Conocer los principios de las WCAG"
                    ),
                },
                "pt": {
                    "title": "Comunicar de forma acessível",
                    "summary": "Textos alternativos, legendas, contrastes, leitura fácil: uma comunicação legível "
                    "por todas e todos.",
                    "objectives": (
                        "- Aplicar as regras básicas da comunicação acessível\n"
                        "- Escrever um texto em leitura fácil\n"
                        "- Conhecer os princípios das WCAG"
                    ),
                },
                "en": {
                    "title": "Communicating accessibly",
                    "summary": "Alternative text, captions, contrast, easy-to-read: communication everyone can read.",
                    "objectives": (
                        "- Apply the basic rules of accessible communication\n"
                        "- Write an easy-to-read text\n"
                        "- Know the principles of WCAG"
                    ),
                },
            },
            modules=(
                Module(
                    key="accessible-writing",
                    title="Écrire et publier accessible",
                    translations={"es": {"title": "Escribir y publicar de forma accesible"}},
                    lessons=(ACCESSIBLE_BASICS, EASY_TO_READ, WCAG_LINK),
                ),
            ),
        ),
        Course(
            key="welcome-every-audience",
            title="Accueillir tous les publics",
            summary="Préparer l'accueil des personnes handicapées et annoncer clairement les conditions d'accès.",
            objectives=(
                "- Connaître les quatre familles de handicap et les bons réflexes d'accueil\n"
                "- Publier les conditions d'accès de chaque événement"
            ),
            level="beginner",
            modules=(Module(key="welcome", title="Accueillir", lessons=(FOUR_FAMILIES, ANNOUNCE_ACCESS)),),
        ),
    ),
)

AXIS = Axis(
    code="sustainable-development",
    title="Développement durable dans les pratiques culturelles",
    description=("Environnement, accessibilité, citoyenneté : des événements plus sobres, ouverts à toutes et à tous."),
    tracks=(ECO_DESIGN, ACCESSIBILITY),
    translations={
        "es": {
            "title": "Desarrollo sostenible en las prácticas culturales",
            "description": "Medio ambiente, accesibilidad, ciudadanía: eventos más sobrios, abiertos a todas y todos.",
        },
        "pt": {
            "title": "Desenvolvimento sustentável nas práticas culturais",
            "description": "Meio ambiente, acessibilidade, cidadania: eventos mais sóbrios, abertos a todas e todos.",
        },
        "en": {
            "title": "Sustainable development in cultural practices",
            "description": "Environment, accessibility, citizenship: more sober events, open to everyone.",
        },
    },
    revised={
        "description": (
            "Environnement, accessibilité, citoyenneté : des événements plus sobres, ouverts à toutes et à tous, "
            "mesurés pour progresser d'une année à l'autre."
        ),
    },
    retranslated={
        "es": {
            "title": "Desarrollo sostenible en las prácticas culturales",
            "description": "Medio ambiente, accesibilidad, ciudadanía: eventos más sobrios, abiertos a todas y "
            "todos, medidos para progresar de un año a otro.",
        },
    },
)
