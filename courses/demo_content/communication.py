"""Axis 1 of the demo plan: new forms of communication."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from . import Axis, Course, Lesson, Module, Track

MARIE_CLAIRE = "marie-claire.joseph@example.org"
VALENTINA = "valentina.gomez@example.org"

# ---------------------------------------------------------------------------------------------------------------
# Track: Stratégie numérique d'un lieu culturel (courses in order)
# ---------------------------------------------------------------------------------------------------------------

WHY_STRATEGY = Lesson(
    key="why-strategy",
    title="Pourquoi une stratégie avant les publications",
    minutes=12,
    body="""\
## Publier n'est pas communiquer

Beaucoup d'Alliances publient tous les jours… sans savoir ce que ces publications leur rapportent. Une
stratégie, c'est simplement répondre par écrit à trois questions **avant** d'ouvrir Instagram :

1. **Pour qui ?** Les élèves de français, les familles, le public des concerts, les partenaires, la presse.
2. **Pour quoi ?** Remplir une salle, faire connaître un artiste local, recruter des élèves, rendre des
   comptes à un partenaire.
3. **Avec quels moyens ?** Qui publie, combien d'heures par semaine, avec quel budget (même nul).

## Un objectif par réseau

Chaque réseau a son rôle. Par exemple :

- **Instagram** : l'envie (images des concerts, coulisses, visages de l'équipe) ;
- **Facebook** : l'information pratique et les événements, encore très utilisé par les publics de plus de 35 ans ;
- **WhatsApp** (liste de diffusion) : le rappel la veille et le jour même, là où le taux d'ouverture est le plus
  fort dans la région ;
- **LinkedIn** : les partenaires, les entreprises, le mécénat.

Mieux vaut **deux réseaux bien tenus** que cinq comptes abandonnés.

## À retenir

- Écrivez votre stratégie sur une page : publics, objectifs, réseaux, fréquence, responsable.
- Relisez-la chaque trimestre avec la direction.
- Un compte qui ne sert aucun objectif peut être mis en pause sans regret.

> Exercice : listez les comptes de votre Alliance et notez, pour chacun, l'objectif qu'il sert. Gardez cette
> liste : elle servira dans la leçon suivante.
""",
    translations={
        "es": {
            "title": "Por qué una estrategia antes de publicar",
            "body": """\
## Publicar no es comunicar

Muchas Alianzas publican todos los días… sin saber qué les aportan esas publicaciones. Una estrategia es
simplemente responder por escrito a tres preguntas **antes** de abrir Instagram:

1. **¿Para quién?** Los estudiantes de francés, las familias, el público de los conciertos, los socios, la prensa.
2. **¿Para qué?** Llenar una sala, dar a conocer a un artista local, captar estudiantes, rendir cuentas a un
   socio.
3. **¿Con qué medios?** Quién publica, cuántas horas por semana, con qué presupuesto (aunque sea nulo).

## Un objetivo por red

Cada red tiene su papel. Por ejemplo:

- **Instagram**: las ganas (imágenes de los conciertos, bastidores, rostros del equipo);
- **Facebook**: la información práctica y los eventos, todavía muy usado por el público de más de 35 años;
- **WhatsApp** (lista de difusión): el recordatorio la víspera y el mismo día, donde la tasa de apertura es la más
  alta de la región;
- **LinkedIn**: los socios, las empresas, el mecenazgo.

Más vale **dos redes bien llevadas** que cinco cuentas abandonadas.

## Para recordar

- Escriba su estrategia en una página: públicos, objetivos, redes, frecuencia, responsable.
- Reléala cada trimestre con la dirección.
- Una cuenta que no sirve a ningún objetivo puede ponerse en pausa sin remordimientos.

> Ejercicio: haga la lista de las cuentas de su Alianza y anote, para cada una, el objetivo al que sirve. Guarde
> esta lista: le servirá en la lección siguiente.
""",
        },
        "pt": {
            "title": "Por que uma estratégia antes das publicações",
            "body": """\
## Publicar não é comunicar

Muitas Alianças publicam todos os dias… sem saber o que essas publicações lhes trazem. Uma estratégia é
simplesmente responder por escrito a três perguntas **antes** de abrir o Instagram:

1. **Para quem?** Os alunos de francês, as famílias, o público dos shows, os parceiros, a imprensa.
2. **Para quê?** Lotar uma sala, divulgar um artista local, captar alunos, prestar contas a um parceiro.
3. **Com que meios?** Quem publica, quantas horas por semana, com que orçamento (mesmo zero).

## Um objetivo por rede

Cada rede tem o seu papel. Por exemplo:

- **Instagram**: o desejo (imagens dos shows, bastidores, rostos da equipe);
- **Facebook**: a informação prática e os eventos, ainda muito usado pelo público com mais de 35 anos;
- **WhatsApp** (lista de transmissão): o lembrete na véspera e no próprio dia, onde a taxa de abertura é a mais
  alta da região;
- **LinkedIn**: os parceiros, as empresas, o patrocínio.

Mais vale **duas redes bem cuidadas** do que cinco contas abandonadas.

## Para lembrar

- Escreva a sua estratégia numa página: públicos, objetivos, redes, frequência, responsável.
- Releia-a a cada trimestre com a direção.
- Uma conta que não serve a nenhum objetivo pode ser pausada sem remorso.

> Exercício: liste as contas da sua Aliança e anote, para cada uma, o objetivo que ela serve. Guarde essa lista:
> ela vai servir na próxima lição.
""",
        },
        "en": {
            "title": "Why a strategy comes before posting",
            "body": """\
## Posting is not communicating

Many Alliances post every day… without knowing what those posts bring them. A strategy is simply answering three
questions in writing **before** opening Instagram:

1. **For whom?** French learners, families, concert audiences, partners, the press.
2. **What for?** Filling a hall, making a local artist known, recruiting learners, reporting to a partner.
3. **With what means?** Who posts, how many hours a week, with what budget (even none).

## One goal per network

Each network has its role. For example:

- **Instagram**: desire (concert pictures, behind the scenes, the team's faces);
- **Facebook**: practical information and events, still widely used by audiences over 35;
- **WhatsApp** (broadcast list): the reminder the day before and on the day, where open rates are the highest in
  the region;
- **LinkedIn**: partners, companies, sponsorship.

**Two networks well kept** are better than five abandoned accounts.

## Remember

- Write your strategy on one page: audiences, goals, networks, frequency, who is in charge.
- Review it every quarter with the director.
- An account that serves no goal can be paused without regret.

> Exercise: list your Alliance's accounts and note, for each, the goal it serves. Keep this list: you will need
> it in the next lesson.
""",
        },
    },
)

MAP_AUDIENCES = Lesson(
    key="map-audiences",
    title="Cartographier ses publics",
    minutes=15,
    body="""\
## Qui sont vraiment vos publics ?

Avant de choisir un ton ou un format, regardez les données que vous avez déjà :

- les **statistiques des comptes** (âge, ville, heures de connexion) ;
- le **fichier des élèves** (âge, quartier, motivations d'inscription) ;
- la **billetterie** ou les listes d'inscription aux événements.

## Trois à cinq profils, pas plus

Décrivez chaque profil en quelques lignes. Par exemple, pour une Alliance de Medellín :

- *Laura, 24 ans*, étudiante en musique, suit les concerts, découvre l'Alliance par Instagram ;
- *Jorge, 45 ans*, parent d'élève, lit Facebook le soir, veut savoir ce que fait son enfant ;
- *La Fondation partenaire*, qui attend des chiffres et des photos pour son rapport annuel.

Pour chaque profil, notez : ce qu'il cherche, où il vous lit, dans quelle langue, à quelle heure.

## Les langues

Dans la plupart des Alliances, la langue locale doit dominer : le français vient en complément, en
légende ou en citation. Pensez aussi au créole, au portugais ou aux langues autochtones là où elles sont parlées.

## À faire

Reprenez la liste de comptes de la leçon précédente et associez à chaque compte un ou deux profils. Si un
profil important n'est servi par aucun compte, c'est votre priorité pour l'année.
""",
    translations={
        "es": {
            "title": "Cartografiar a sus públicos",
            "body": """\
## ¿Quiénes son realmente sus públicos?

Antes de elegir un tono o un formato, mire los datos que ya tiene: las estadísticas de las cuentas, el archivo de
estudiantes y la taquilla o las listas de inscripción.

## De tres a cinco perfiles

Describa cada perfil en pocas líneas: lo que busca, dónde lo lee, en qué idioma y a qué hora.
""",
        },
    },
    revised={
        "body": """\
## Qui sont vraiment vos publics ?

Avant de choisir un ton ou un format, regardez les données que vous avez déjà :

- les **statistiques des comptes** (âge, ville, heures de connexion) ;
- le **fichier des élèves** (âge, quartier, motivations d'inscription) ;
- la **billetterie** ou les listes d'inscription aux événements ;
- les **questions reçues** par messagerie, qui disent ce que les gens ne trouvent pas.

## Trois à cinq profils, pas plus

Décrivez chaque profil en quelques lignes. Par exemple, pour une Alliance de Medellín :

- *Laura, 24 ans*, étudiante en musique, suit les concerts, découvre l'Alliance par Instagram ;
- *Jorge, 45 ans*, parent d'élève, lit Facebook le soir, veut savoir ce que fait son enfant ;
- *La Fondation partenaire*, qui attend des chiffres et des photos pour son rapport annuel.

Pour chaque profil, notez : ce qu'il cherche, où il vous lit, dans quelle langue, à quelle heure, et ce qui
l'empêcherait de venir (prix, horaires, transport, accessibilité).

## Les langues

Dans la plupart des Alliances, la langue locale doit dominer : le français vient en complément, en
légende ou en citation. Pensez aussi au créole, au portugais ou aux langues autochtones là où elles sont parlées.

## À faire

Reprenez la liste de comptes de la leçon précédente et associez à chaque compte un ou deux profils. Si un
profil important n'est servi par aucun compte, c'est votre priorité pour l'année.
""",
    },
)

EDITORIAL_LINE = Lesson(
    key="editorial-line",
    title="Construire une ligne éditoriale et un calendrier",
    minutes=20,
    body="""\
## La ligne éditoriale en une phrase

Une ligne éditoriale dit **ce dont on parle et comment**. Exemple : « Nous montrons la scène culturelle de
Valparaíso qui se construit à l'Alliance, avec humour, en espagnol, et nous donnons toujours l'information
pratique. »

## Des rubriques récurrentes

Les rubriques font gagner du temps et fidélisent :

- **Le lundi des artistes** : un portrait d'artiste local programmé dans le mois ;
- **Le mot de la semaine** : une expression française illustrée, pour les élèves ;
- **Coulisses** : le montage d'une expo, la balance d'un concert ;
- **Rappel pratique** : date, heure, lieu, prix, accessibilité.

## Le calendrier éditorial

Un simple tableur suffit, avec une ligne par publication : date, réseau, rubrique, texte, visuel, responsable,
statut (idée, prêt, publié). Préparez **un mois à l'avance** pour les événements et laissez de la place pour
l'actualité.

## Conseils pratiques

- Regroupez la production : une demi-journée par semaine pour préparer visuels et textes.
- Utilisez la programmation de publications des plateformes plutôt que de publier « en direct » le soir.
- Prévoyez les dates fortes du réseau : Fête de la musique (21 juin), Mois de la Francophonie (mars),
  Nuit des idées.
- Gardez une réserve de trois ou quatre publications « intemporelles » pour les semaines chargées.
""",
)

VERTICAL_VIDEO = Lesson(
    key="vertical-video",
    title="Tourner une vidéo verticale avec un téléphone",
    kind="video",
    minutes=8,
    url="https://video.example.org/sonores/2027/video-verticale-telephone",
    body="Une démonstration de huit minutes, tournée à l'Alliance Française de Bogotá, avec un simple téléphone.",
    transcript="""\
Bonjour à toutes et à tous. Aujourd'hui, on tourne une vidéo verticale pour annoncer un concert, avec un
téléphone et rien d'autre.

Première règle : la lumière. On se place face à une fenêtre, jamais dos à elle. Deuxième règle : le son. Le
micro du téléphone est correct si vous êtes à moins d'un mètre ; au-delà, un petit micro-cravate fait toute la
différence.

On tient le téléphone à la verticale, à hauteur des yeux, et on nettoie l'objectif avec un tissu. On filme des
plans courts : trois à cinq secondes chacun. Un plan large de la salle, un plan serré sur les mains du
guitariste, un visage qui sourit.

Les trois premières secondes décident de tout : commencez par l'image la plus forte, et écrivez la date et le
lieu à l'écran. Ajoutez toujours des sous-titres : beaucoup de personnes regardent sans le son, et c'est
indispensable pour les personnes sourdes ou malentendantes.

Enfin, on termine par une information claire : « Vendredi 19 heures, entrée libre, salle accessible en fauteuil. »
Merci, et à bientôt.""",
    translations={
        "es": {
            "title": "Grabar un video vertical con un teléfono",
            "body": "Una demostración de ocho minutos, grabada en la Alianza Francesa de Bogotá, con un simple teléfono.",
            "transcript": """\
Hola a todas y a todos. Hoy grabamos un video vertical para anunciar un concierto, con un teléfono y nada más.

Primera regla: la luz. Nos ponemos frente a una ventana, nunca de espaldas. Segunda regla: el sonido. El micrófono
del teléfono sirve si está a menos de un metro; más lejos, un pequeño micrófono de solapa marca la diferencia.

Sostenemos el teléfono en vertical, a la altura de los ojos, y limpiamos el objetivo con un paño. Grabamos planos
cortos: de tres a cinco segundos cada uno. Un plano general de la sala, un plano cerrado de las manos del
guitarrista, un rostro que sonríe.

Los tres primeros segundos lo deciden todo: empiece por la imagen más fuerte y escriba la fecha y el lugar en
pantalla. Agregue siempre subtítulos: mucha gente mira sin sonido, y es indispensable para las personas sordas o
con discapacidad auditiva.

Por último, terminamos con una información clara: «Viernes 7 de la noche, entrada libre, sala accesible en silla
de ruedas». Gracias y hasta pronto.""",
        },
    },
)

TELL_AN_EVENT = Lesson(
    key="tell-an-event",
    title="Raconter un événement avant, pendant et après",
    minutes=15,
    body="""\
## Un événement, trois moments de communication

**Avant** (trois semaines à la veille) :

- l'annonce avec le visuel officiel et toutes les informations pratiques ;
- un portrait de l'artiste ou un extrait sonore ;
- un rappel la veille, par liste WhatsApp et en story.

**Pendant** :

- quelques stories courtes (pas tout le concert : respectez les droits de l'artiste) ;
- une photo du public, avec l'accord des personnes reconnaissables ;
- une personne de l'équipe chargée de ces publications, pas l'organisatrice débordée.

**Après** (dans les 48 heures) :

- un remerciement aux artistes, aux partenaires et au public ;
- une sélection de trois à cinq photos ;
- l'annonce du prochain rendez-vous.

## Les bons réflexes

- **Identifiez** les artistes et les partenaires : ils partageront.
- **Décrivez les images** (texte alternatif) : les lecteurs d'écran en ont besoin.
- **Archivez** les meilleures photos dans un dossier partagé, avec le nom du photographe et l'autorisation
  d'utilisation : elles resserviront pour le bilan et le rapport d'activité.

> Astuce : préparez une « fiche événement » type avec tous les textes dès la programmation. Le jour J, il ne reste
> qu'à publier.
""",
)

WRITE_MULTILINGUAL = Lesson(
    key="write-multilingual",
    title="Écrire pour les réseaux en plusieurs langues",
    minutes=12,
    body="""\
## Une langue principale, des compléments

Sur un même message, ne juxtaposez pas trois paragraphes dans trois langues : le lecteur décroche. Choisissez :

- une **langue principale**, celle de la majorité de vos publics (espagnol, portugais, anglais, créole…) ;
- le **français** en accroche courte ou en citation, qui signale l'identité de l'Alliance ;
- des **versions séparées** pour les annonces importantes (deux publications, ou le texte complet dans le lien).

## Écrire court et clair

- Une idée par phrase, des phrases de moins de 20 mots.
- L'information pratique en premier : quoi, quand, où, combien.
- Des émojis avec modération : les lecteurs d'écran les lisent tous (« note de musique, note de musique… »).
- Les mots-dièse en CamelCase (#FeteDeLaMusique) pour qu'ils soient lus correctement.

## Relire avant de publier

Faites relire par une personne dont c'est la langue maternelle. Les outils de traduction automatique aident pour
un premier jet, jamais pour le texte final d'une affiche ou d'un communiqué.
""",
)

CHOOSE_INDICATORS = Lesson(
    key="choose-indicators",
    title="Choisir des indicateurs utiles",
    minutes=15,
    body="""\
## Les chiffres qui flattent et ceux qui aident

Le nombre d'abonnés fait plaisir, mais il dit peu de chose. Partez de vos objectifs (leçon 1 du parcours) :

| Objectif | Indicateur utile |
|---|---|
| Remplir la salle | clics vers la billetterie, inscriptions, entrées réelles |
| Recruter des élèves | demandes d'information venant des réseaux |
| Faire connaître un artiste | partages, mentions, nouveaux abonnés de l'artiste |
| Rendre compte à un partenaire | portée des publications qui le citent |

## Cinq indicateurs, pas cinquante

Retenez **cinq indicateurs au maximum**, toujours les mêmes, mesurés chaque mois. Comparez un mois avec le même
mois de l'année précédente plutôt qu'avec le mois précédent : la saison culturelle et les vacances scolaires
changent tout.

## Le lien entre en ligne et hors ligne

Demandez à l'accueil : « Comment nous avez-vous connus ? » et notez la réponse. Utilisez des liens suivis
(paramètres UTM) dans les publications pour savoir quel réseau amène vraiment les inscriptions.
""",
)

MONTHLY_DASHBOARD = Lesson(
    key="monthly-dashboard",
    title="Un tableau de bord mensuel en une heure",
    minutes=20,
    body="""\
## Une heure par mois

Bloquez une heure le premier lundi du mois. Dans un tableur partagé :

1. relevez vos cinq indicateurs pour chaque réseau ;
2. notez les **trois publications** qui ont le mieux fonctionné et **pourquoi** à votre avis ;
3. notez celle qui a déçu ;
4. écrivez **une décision** pour le mois suivant (« plus de vidéos de coulisses », « publier le mardi matin »).

## Partager, pas archiver

Envoyez à la direction une demi-page : les chiffres, les trois réussites, la décision. Présentez-la en réunion
d'équipe : les enseignants et l'accueil ont souvent les meilleures idées de contenus.

## Ajuster sans tout changer

Une stratégie se juge sur un trimestre, pas sur une semaine. Changez un seul élément à la fois (l'heure, le
format, le ton) pour savoir ce qui a produit l'effet.

> Astuce : gardez le tableau de bord de l'année précédente dans le même fichier, un onglet par année. Les
> comparaisons se font alors en un coup d'œil.
""",
)

DIGITAL_STRATEGY = Track(
    key="digital-strategy",
    title="Stratégie numérique d'un lieu culturel",
    summary=(
        "Définir, produire et mesurer la présence en ligne d'une Alliance ou d'un Institut : trois cours à suivre "
        "dans l'ordre."
    ),
    enforce_order=True,
    authors=(MARIE_CLAIRE,),
    translations={
        "es": {
            "title": "Estrategia digital de un espacio cultural",
            "summary": "Definir, producir y medir la presencia en línea de una Alianza o un Instituto: tres cursos "
            "a seguir en orden.",
        },
        "pt": {
            "title": "Estratégia digital de um espaço cultural",
            "summary": "Definir, produzir e medir a presença on-line de uma Aliança ou de um Instituto: três cursos "
            "para seguir em ordem.",
        },
        "en": {
            "title": "Digital strategy for a cultural venue",
            "summary": "Define, produce and measure the online presence of an Alliance or Institut: three courses "
            "taken in order.",
        },
    },
    courses=(
        Course(
            key="social-media-strategy",
            title="Définir la stratégie réseaux sociaux de son Alliance",
            summary="Publics, objectifs, réseaux et calendrier : la stratégie sur une page.",
            objectives=(
                "- Formuler les objectifs de communication de son lieu\n"
                "- Décrire trois à cinq profils de publics\n"
                "- Construire une ligne éditoriale et un calendrier de publication"
            ),
            level="beginner",
            audience=("staff",),
            translations={
                "es": {
                    "title": "Definir la estrategia de redes sociales de su Alianza",
                    "summary": "Públicos, objetivos, redes y calendario: la estrategia en una página.",
                    "objectives": (
                        "- Formular los objetivos de comunicación de su espacio\n"
                        "- Describir de tres a cinco perfiles de públicos\n"
                        "- Construir una línea editorial y un calendario de publicación"
                    ),
                },
                "pt": {
                    "title": "Definir a estratégia de redes sociais da sua Aliança",
                    "summary": "Públicos, objetivos, redes e calendário: a estratégia numa página.",
                    "objectives": (
                        "- Formular os objetivos de comunicação do seu espaço\n"
                        "- Descrever de três a cinco perfis de público\n"
                        "- Construir uma linha editorial e um calendário de publicação"
                    ),
                },
                "en": {
                    "title": "Defining your Alliance's social-media strategy",
                    "summary": "Audiences, goals, networks and calendar: the strategy on one page.",
                    "objectives": (
                        "- State the communication goals of your venue\n"
                        "- Describe three to five audience profiles\n"
                        "- Build an editorial line and a publishing calendar"
                    ),
                },
            },
            modules=(
                Module(
                    key="know-audiences",
                    title="Connaître ses publics",
                    translations={"es": {"title": "Conocer a sus públicos"}, "pt": {"title": "Conhecer os públicos"}},
                    lessons=(WHY_STRATEGY, MAP_AUDIENCES),
                ),
                Module(
                    key="plan-publications",
                    title="Planifier ses publications",
                    translations={"es": {"title": "Planificar sus publicaciones"}},
                    lessons=(EDITORIAL_LINE,),
                ),
            ),
        ),
        Course(
            key="engaging-content",
            title="Créer des contenus qui donnent envie de venir",
            summary="Raconter un événement, tourner une vidéo au téléphone, écrire en plusieurs langues.",
            objectives=(
                "- Planifier la communication d'un événement avant, pendant et après\n"
                "- Tourner et sous-titrer une vidéo courte\n"
                "- Écrire des messages clairs pour des publics multilingues"
            ),
            level="beginner",
            audience=("staff",),
            translations={
                "es": {
                    "title": "Crear contenidos que den ganas de venir",
                    "summary": "Contar un evento, grabar un video con el teléfono, escribir en varios idiomas.",
                    "objectives": (
                        "- Planificar la comunicación de un evento antes, durante y después\n"
                        "- Grabar y subtitular un video corto\n"
                        "- Escribir mensajes claros para públicos multilingües"
                    ),
                },
                "pt": {
                    "title": "Criar conteúdos que dão vontade de vir",
                    "summary": "Contar um evento, gravar um vídeo com o celular.",
                    "objectives": (
                        "- Planejar a comunicação de um evento antes, durante e depois\n- Gravar um vídeo curto"
                    ),
                },
            },
            revised={
                "summary": (
                    "Raconter un événement, tourner et sous-titrer une vidéo au téléphone, écrire en plusieurs "
                    "langues sans perdre ses lecteurs."
                ),
            },
            retranslated={
                "es": {
                    "title": "Crear contenidos que den ganas de venir",
                    "summary": "Contar un evento, grabar y subtitular un video con el teléfono, escribir en varios "
                    "idiomas sin perder a sus lectores.",
                    "objectives": (
                        "- Planificar la comunicación de un evento antes, durante y después\n"
                        "- Grabar y subtitular un video corto\n"
                        "- Escribir mensajes claros para públicos multilingües"
                    ),
                },
            },
            modules=(
                Module(
                    key="tell-and-show",
                    title="Raconter et montrer",
                    lessons=(TELL_AN_EVENT, VERTICAL_VIDEO, WRITE_MULTILINGUAL),
                ),
            ),
        ),
        Course(
            key="measure-online-presence",
            title="Mesurer et ajuster sa présence en ligne",
            summary="Des indicateurs utiles et un tableau de bord mensuel qui tient en une heure.",
            objectives=(
                "- Choisir cinq indicateurs liés à ses objectifs\n"
                "- Tenir un tableau de bord mensuel\n"
                "- Prendre une décision par mois à partir des chiffres"
            ),
            level="intermediate",
            audience=("staff", "admin"),
            prerequisites=("social-media-strategy",),
            modules=(
                Module(
                    key="indicators",
                    title="Mesurer ce qui compte",
                    lessons=(CHOOSE_INDICATORS, MONTHLY_DASHBOARD),
                ),
            ),
        ),
    ),
)

# ---------------------------------------------------------------------------------------------------------------
# Track: Diffuser en direct
# ---------------------------------------------------------------------------------------------------------------

PREPARE_STREAM = Lesson(
    key="prepare-stream",
    title="Préparer la captation : équipe, matériel, connexion",
    minutes=20,
    body="""\
## L'équipe minimale

Pour diffuser un concert en direct, il faut au moins **trois rôles**, même tenus par deux personnes :

- la **régie son**, qui prépare un mixage spécifique pour le direct (différent du son de salle) ;
- la **régie image**, qui passe d'une caméra à l'autre ;
- la personne **en ligne**, qui modère les commentaires et répond aux problèmes.

## Le matériel, du plus simple au plus complet

1. Un téléphone sur pied et une sortie de la console son : suffisant pour une scène ouverte.
2. Deux ou trois caméras, un mélangeur vidéo et un ordinateur avec un logiciel de diffusion libre (OBS Studio).
3. Une régie complète louée à un prestataire local pour un grand événement.

## La connexion, nerf de la guerre

- Testez le débit **montant** (et non descendant) à l'endroit exact de la régie, à l'heure du concert.
- Prévoyez au moins le double du débit de diffusion : 5 Mbit/s montants pour une diffusion en 720p.
- Branchez l'ordinateur en câble, jamais en wifi.
- Gardez un **plan B** : un téléphone avec un forfait de données, prêt à prendre le relais.

## Penser sobre et accessible

Une diffusion en 480p et une version audio seule suffisent souvent : elles consomment moins d'énergie et
atteignent les publics dont la connexion est faible, nombreux dans la région.
""",
    translations={
        "es": {
            "title": "Preparar la grabación: equipo, material, conexión",
            "body": """\
## El equipo mínimo

Para transmitir un concierto en directo se necesitan al menos **tres roles**: la regía de sonido, la regía de
imagen y la persona **en línea**, que modera los comentarios.

## La conexión

Pruebe la velocidad de **subida** en el lugar exacto de la regía, a la hora del concierto, conecte el ordenador
por cable y tenga un **plan B**.
""",
        },
        "pt": {
            "title": "Preparar a captação: equipe, equipamento, conexão",
            "body": """\
## A equipe mínima

Para transmitir um show ao vivo são necessários pelo menos **três papéis**: a técnica de som, a técnica de
imagem e a pessoa **on-line**, que modera os comentários.

## A conexão

Teste a velocidade de **upload** no lugar exato da técnica, na hora do show, ligue o computador por cabo e tenha
um **plano B**.
""",
        },
    },
)

STREAM_RIGHTS = Lesson(
    key="stream-rights",
    title="Droits et rémunération des artistes pour le direct",
    minutes=15,
    body="""\
## Un concert diffusé n'est pas un concert gratuit

Diffuser en ligne, c'est utiliser l'image, la voix et les œuvres d'un artiste. Avant le concert, mettez par
écrit :

- l'**autorisation de diffusion** en direct, et sa durée de disponibilité en replay (48 heures, un mois, sans
  limite) ;
- la **rémunération** correspondante, en plus du cachet de la prestation en salle ;
- les **plateformes** concernées (page de l'Alliance, chaîne du réseau, partenaires) ;
- les droits sur les **œuvres** jouées : répertoire propre de l'artiste ou reprises déclarées à la société de
  gestion collective du pays.

## Les bonnes pratiques du réseau

- Un contrat signé **avant** la date, jamais après.
- Un cachet inscrit comme une ligne à part du budget, selon une grille connue de tous.
- Le crédit systématique des artistes, des techniciens et du lieu dans la description de la vidéo.
- Une copie de l'enregistrement remise à l'artiste, qui pourra s'en servir pour sa promotion.

> Pour la Fête de la musique en ligne, le réseau fournit un modèle d'autorisation en quatre langues : demandez-le
> à la coordination régionale.
""",
)

CONTROL_ROOM_VIDEO = Lesson(
    key="control-room-video",
    title="Régie de diffusion : visite commentée",
    kind="video",
    minutes=12,
    url="https://video.example.org/sonores/2027/regie-diffusion-concert",
    body="Une visite de la régie mise en place pour la Fête de la musique en ligne, avec l'équipe technique.",
    transcript="""\
Nous sommes dans la régie installée au fond de la salle, une heure avant le concert.

À gauche, la console son : elle reçoit tous les micros de la scène. Notre technicien prépare deux mixages : un
pour la salle, un pour le direct. Le public en ligne écoute au casque ou sur un téléphone, il faut donc plus de
voix et moins de basses.

Au centre, le mélangeur vidéo et trois caméras : une fixe en plan large, une sur pied pour les plans serrés, et
une à l'épaule qui circule. La réalisatrice annonce chaque changement de plan à voix haute.

À droite, l'ordinateur de diffusion, branché en câble. Sur l'écran, on surveille le débit et les commentaires.
Un second ordinateur, avec une connexion 4G, est prêt à reprendre la diffusion si la fibre tombe.

Dernier point : le sous-titrage. Pour les prises de parole, une personne tape en direct un résumé des
interventions, affiché en bas de l'écran. Pour la musique, on indique le titre et l'artiste.

Vingt minutes avant le début, on lance une diffusion test privée. Tout fonctionne : on peut ouvrir les portes.""",
)

DAY_OF_STREAM = Lesson(
    key="day-of-stream",
    title="Le jour J : conduite et plan B",
    minutes=15,
    body="""\
## La conduite

La conduite est le document que toute l'équipe a sous les yeux. Une ligne par séquence :

| Heure | Séquence | Son | Image | En ligne |
|---|---|---|---|---|
| 18:45 | Diffusion test privée | mix direct | caméra 1 | vérifier image et son |
| 19:00 | Écran d'attente + musique | lecture | visuel | message d'accueil |
| 19:05 | Mot de la directrice | micro HF 1 | caméra 2 | sous-titres |
| 19:10 | Concert | mix direct | alternance | modération |

## Le plan B

Écrivez à l'avance ce que chacun fait si :

- la connexion tombe : bascule sur la 4G, message d'excuse en ligne ;
- le son sature : retour à la caméra fixe et au son d'ambiance le temps de corriger ;
- un commentaire est haineux : suppression, blocage, pas de réponse publique.

## Après le direct

Coupez la diffusion **avant** de démonter. Vérifiez que l'enregistrement est complet, ajoutez les sous-titres et
la description, puis publiez le replay dans les délais convenus avec les artistes.
""",
)

HYBRID_ROOM = Lesson(
    key="hybrid-room",
    title="Penser la salle et l'écran en même temps",
    minutes=15,
    body="""\
## Deux publics, une seule rencontre

Dans une rencontre hybride (table ronde, conférence, Nuit des idées), le public en ligne se sent vite oublié.
Donnez-lui une place dès la préparation :

- un **micro pour chaque intervenant**, et un micro pour les questions de la salle ;
- une personne qui **porte la voix** des internautes et lit leurs questions ;
- un **cadre fixe** qui montre les intervenants de face, et non de dos au public.

## Le rythme

- Des interventions de sept minutes au plus.
- Une question en ligne pour chaque question en salle.
- Une pause de cinq minutes au bout d'une heure.

## Accessibilité

Envoyez les supports à l'avance, décrivez oralement les images projetées, et prévoyez des sous-titres ou une
interprétation en langue des signes pour les rencontres importantes.

## Tester avant

Faites une répétition technique la veille avec les intervenants à distance : micro, caméra, partage d'écran,
retour son. Notez un numéro de téléphone pour chacun, au cas où la connexion tomberait pendant la rencontre.
""",
)

HYBRID_WORKSHOP = Lesson(
    key="hybrid-workshop",
    title="Atelier pratique : animer une table ronde hybride",
    kind="live",
    minutes=90,
    required=False,
    body="""\
Un atelier en direct de 90 minutes avec Valentina Gómez (Alliance Française de Buenos Aires) : chaque
participant anime cinq minutes d'une table ronde fictive, avec des questions de la salle et de l'écran.

Pour vous préparer : une question à poser aux intervenants, un casque avec micro et, si possible, une connexion
par câble.
""",
)

LIVE_CAPTIONS = Lesson(
    key="live-captions",
    title="Sous-titrer et rendre accessible un direct",
    minutes=15,
    release_at=datetime(2027, 3, 3, 9, 0, tzinfo=ZoneInfo("America/Bogota")).astimezone(UTC),
    body="""\
## Pourquoi sous-titrer en direct

Les sous-titres servent aux personnes sourdes et malentendantes, mais aussi à tous ceux qui regardent sans le son,
dans les transports ou au bureau, et aux personnes qui ne maîtrisent pas la langue de l'intervenant.

## Trois solutions selon les moyens

1. **Sous-titrage automatique** des plateformes : gratuit, utile, mais à relire ; il se trompe sur les noms
   propres et les mots étrangers.
2. **Vélotypie** ou saisie en direct par une personne formée : fiable, à réserver pour les rencontres
   importantes.
3. **Interprétation en langue des signes** du pays (LSC, LSM, Libras…), incrustée à l'écran.

## Les détails qui comptent

- Communiquez à l'avance les noms des intervenants et les mots techniques à la personne qui sous-titre.
- Placez l'interprète en langue des signes dans un cadre assez grand, jamais coupé.
- Annoncez dans la communication de l'événement ce qui est proposé : « sous-titré en espagnol, interprété en LSC ».
""",
)

LIVE_STREAMING = Track(
    key="live-streaming",
    title="Diffuser en direct",
    summary="Diffuser un concert, animer une rencontre hybride, rendre un direct accessible.",
    authors=(VALENTINA,),
    translations={
        "es": {
            "title": "Transmitir en directo",
            "summary": "Transmitir un concierto, animar un encuentro híbrido, hacer accesible un directo.",
        },
        "pt": {
            "title": "Transmitir ao vivo",
            "summary": "Transmitir um show, animar um encontro híbrido, tornar acessível uma transmissão ao vivo.",
        },
    },
    courses=(
        Course(
            key="stream-a-concert",
            title="Diffuser un concert en direct",
            summary="De la préparation technique au replay : diffuser un concert sans mauvaise surprise.",
            objectives=(
                "- Constituer l'équipe et choisir le matériel adapté à son lieu\n"
                "- Sécuriser les droits et la rémunération des artistes\n"
                "- Mener un direct avec une conduite et un plan B"
            ),
            level="intermediate",
            audience=("staff",),
            prerequisites=("social-media-strategy",),
            translations={
                "es": {
                    "title": "Transmitir un concierto en directo",
                    "summary": "De la preparación técnica a la repetición: transmitir un concierto sin sorpresas.",
                    "objectives": (
                        "- Formar el equipo y elegir el material adaptado a su espacio\n"
                        "- Asegurar los derechos y la remuneración de los artistas\n"
                        "- Llevar un directo con una escaleta y un plan B"
                    ),
                },
                "pt": {
                    "title": "Transmitir um show ao vivo",
                    "summary": "Da preparação técnica ao replay: transmitir um show sem surpresas.",
                    "objectives": (
                        "- Montar a equipe e escolher o equipamento adequado ao seu espaço\n"
                        "- Garantir os direitos e a remuneração dos artistas\n"
                        "- Conduzir uma transmissão com roteiro e plano B"
                    ),
                },
            },
            modules=(
                Module(
                    key="before-the-stream",
                    title="Préparer",
                    translations={"es": {"title": "Preparar"}, "pt": {"title": "Preparar"}},
                    lessons=(PREPARE_STREAM, STREAM_RIGHTS),
                ),
                Module(
                    key="stream-day",
                    title="Le jour J",
                    translations={"es": {"title": "El día D"}, "pt": {"title": "O dia D"}},
                    lessons=(CONTROL_ROOM_VIDEO, DAY_OF_STREAM),
                ),
            ),
        ),
        Course(
            key="hybrid-meetings",
            title="Animer une rencontre hybride",
            summary="Tables rondes et conférences avec un public en salle et en ligne.",
            objectives=(
                "- Préparer une rencontre pour la salle et l'écran\n"
                "- Faire participer le public en ligne\n"
                "- Proposer des sous-titres et une interprétation"
            ),
            level="beginner",
            translations={
                "es": {
                    "title": "Animar un encuentro híbrido",
                    "summary": "Mesas redondas y conferencias con público en sala y en línea.",
                    "objectives": (
                        "- Preparar un encuentro para la sala y la pantalla\n"
                        "- Hacer participar al público en línea\n"
                        "- Ofrecer subtítulos e interpretación"
                    ),
                },
            },
            modules=(
                Module(
                    key="hybrid",
                    title="Salle et écran",
                    lessons=(HYBRID_ROOM, HYBRID_WORKSHOP, LIVE_CAPTIONS),
                ),
            ),
        ),
    ),
)

AXIS = Axis(
    code="communication",
    title="Nouvelles formes de communication",
    description=(
        "Réseaux sociaux, contenus vidéo, diffusion en direct : communiquer avec ses publics là où ils sont, "
        "avec les moyens d'une petite équipe."
    ),
    tracks=(DIGITAL_STRATEGY, LIVE_STREAMING),
    translations={
        "es": {
            "title": "Nuevas formas de comunicación",
            "description": "Redes sociales, contenidos de video, transmisión en directo: comunicar con sus "
            "públicos donde están, con los medios de un equipo pequeño.",
        },
        "pt": {
            "title": "Novas formas de comunicação",
            "description": "Redes sociais, conteúdos em vídeo, transmissão ao vivo: comunicar com os públicos onde "
            "eles estão, com os meios de uma equipe pequena.",
        },
        "en": {
            "title": "New forms of communication",
            "description": "Social media, video content, live streaming: reaching audiences where they are, with "
            "the means of a small team.",
        },
    },
)
