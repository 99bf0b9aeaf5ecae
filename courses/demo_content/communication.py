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
            "title": "Por qué definir una estrategia antes de publicar",
            "body": """\
## Publicar no es comunicar

Muchas Alianzas publican todos los días… sin saber qué les aportan esas publicaciones. Tener una estrategia es
simplemente responder por escrito tres preguntas **antes** de abrir Instagram:

1. **¿Para quién?** Los estudiantes de francés, las familias, el público de los conciertos, los socios, la prensa.
2. **¿Para qué?** Llenar una sala, dar a conocer a un artista local, atraer estudiantes, rendir cuentas a un socio.
3. **¿Con qué recursos?** Quién publica, cuántas horas por semana, con qué presupuesto (aunque sea cero).

## Un objetivo por red

Cada red cumple una función. Por ejemplo:

- **Instagram**: despertar las ganas de venir (fotos de los conciertos, detrás de escena, las caras del equipo);
- **Facebook**: la información práctica y los eventos; el público de más de 35 años todavía lo usa mucho;
- **WhatsApp** (lista de difusión): el recordatorio la víspera y el mismo día, el canal con la tasa de apertura más
  alta de la región;
- **LinkedIn**: los socios, las empresas, el patrocinio.

Más vale **dos redes bien atendidas** que cinco cuentas abandonadas.

## Para recordar

- Escriba su estrategia en una sola página: públicos, objetivos, redes, frecuencia, responsable.
- Revísela cada trimestre con la dirección.
- Una cuenta que no sirve a ningún objetivo se puede pausar sin culpa.

> Ejercicio: haga la lista de las cuentas de su Alianza y anote, para cada una, el objetivo al que responde. Guarde
> esa lista: la va a necesitar en la próxima lección.
""",
        },
        "pt": {
            "title": "Por que definir uma estratégia antes de publicar",
            "body": """\
## Publicar não é comunicar

Muitas Alianças publicam todos os dias… sem saber o que essas publicações trazem de retorno. Ter uma estratégia é
simplesmente responder por escrito a três perguntas **antes** de abrir o Instagram:

1. **Para quem?** Os alunos de francês, as famílias, o público dos shows, os parceiros, a imprensa.
2. **Para quê?** Lotar uma sala, divulgar um artista local, atrair alunos, prestar contas a um parceiro.
3. **Com que recursos?** Quem publica, quantas horas por semana, com que orçamento (mesmo que seja zero).

## Um objetivo por rede

Cada rede tem a sua função. Por exemplo:

- **Instagram**: dar vontade de vir (fotos dos shows, bastidores, os rostos da equipe);
- **Facebook**: a informação prática e os eventos; o público acima de 35 anos ainda usa muito;
- **WhatsApp** (lista de transmissão): o lembrete na véspera e no dia, o canal com a maior taxa de abertura da
  região;
- **LinkedIn**: os parceiros, as empresas, o patrocínio.

Mais vale **duas redes bem cuidadas** do que cinco contas abandonadas.

## Para lembrar

- Escreva a sua estratégia em uma página: públicos, objetivos, redes, frequência, responsável.
- Revise-a a cada trimestre com a direção.
- Uma conta que não serve a nenhum objetivo pode ser pausada sem culpa.

> Exercício: liste as contas da sua Aliança e anote, para cada uma, o objetivo a que ela atende. Guarde essa lista:
> você vai precisar dela na próxima lição.
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
            "title": "Mapear a sus públicos",
            "body": """\
## ¿Quiénes son realmente sus públicos?

Antes de elegir un tono o un formato, mire los datos que ya tiene:

- las **estadísticas de las cuentas** (edad, ciudad, horarios de conexión);
- la **base de datos de estudiantes** (edad, barrio, motivos de inscripción);
- la **taquilla** o las listas de inscripción a los eventos.

## De tres a cinco perfiles, no más

Describa cada perfil en pocas líneas. Por ejemplo, para una Alianza de Medellín:

- *Laura, 24 años*, estudiante de música, va a los conciertos y conoció la Alianza por Instagram;
- *Jorge, 45 años*, padre de un estudiante, revisa Facebook por la noche y quiere saber qué hace su hijo;
- *La Fundación aliada*, que espera cifras y fotos para su informe anual.

Para cada perfil, anote: qué busca, dónde lo lee a usted, en qué idioma y a qué hora.

## Los idiomas

En la mayoría de las Alianzas debe predominar el idioma local: el francés llega como complemento, en un pie de foto
o una cita. Piense también en el criollo, el portugués o las lenguas indígenas donde se hablan.

## Tarea

Retome la lista de cuentas de la lección anterior y asocie a cada cuenta uno o dos perfiles. Si un perfil importante
no tiene ninguna cuenta que lo atienda, esa es su prioridad del año.
""",
        },
        "pt": {
            "title": "Mapear os seus públicos",
            "body": """\
## Quem são de verdade os seus públicos?

Antes de escolher um tom ou um formato, olhe os dados que você já tem:

- as **estatísticas das contas** (idade, cidade, horários de acesso);
- o **cadastro de alunos** (idade, bairro, motivos da matrícula);
- a **bilheteria** ou as listas de inscrição nos eventos.

## De três a cinco perfis, no máximo

Descreva cada perfil em poucas linhas. Por exemplo, para uma Aliança de Belo Horizonte:

- *Luana, 24 anos*, estudante de música, vai aos shows e conheceu a Aliança pelo Instagram;
- *Jorge, 45 anos*, pai de aluno, olha o Facebook à noite e quer saber o que o filho está fazendo;
- *A Fundação parceira*, que espera números e fotos para o seu relatório anual.

Para cada perfil, anote: o que ele procura, onde ele lê você, em que idioma e em que horário.

## Os idiomas

Na maioria das Alianças, o idioma local deve predominar: o francês entra como complemento, numa legenda ou numa
citação. Pense também no crioulo, no espanhol ou nas línguas indígenas onde elas são faladas.

## Mãos à obra

Retome a lista de contas da lição anterior e associe a cada conta um ou dois perfis. Se um perfil importante não for
atendido por nenhuma conta, essa é a sua prioridade do ano.
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
    translations={
        "pt": {
            "title": "Construir uma linha editorial e um calendário",
            "body": """\
## A linha editorial em uma frase

Uma linha editorial diz **do que falamos e como**. Exemplo: “Mostramos a cena cultural de Porto Alegre que se
constrói na Aliança, com humor, em português, e sempre damos a informação prática.”

## Quadros fixos

Os quadros fixos economizam tempo e fidelizam o público:

- **Segunda dos artistas**: o perfil de um artista local que se apresenta no mês;
- **Palavra da semana**: uma expressão francesa ilustrada, para os alunos;
- **Bastidores**: a montagem de uma exposição, a passagem de som de um show;
- **Lembrete prático**: data, horário, local, preço, acessibilidade.

## O calendário editorial

Uma planilha simples basta, com uma linha por publicação: data, rede, quadro, texto, imagem, responsável, situação
(ideia, pronto, publicado). Prepare os eventos com **um mês de antecedência** e deixe espaço para a atualidade.

## Dicas práticas

- Concentre a produção: meio período por semana para preparar imagens e textos.
- Use o agendamento de publicações das plataformas em vez de publicar na hora, à noite.
- Anote as datas fortes da rede: Fête de la Musique (21 de junho), Mês da Francofonia (março), Noite das Ideias.
- Tenha uma reserva de três ou quatro publicações “atemporais” para as semanas mais corridas.
""",
        },
    },
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
            "title": "Grabar un video vertical con el celular",
            "body": """\
Una demostración de ocho minutos, grabada en la Alianza Francesa de Bogotá, con un simple celular.
""",
            "transcript": """\
Hola a todas y a todos. Hoy vamos a grabar un video vertical para anunciar un concierto, con un celular y nada más.

Primera regla: la luz. Nos ponemos de frente a una ventana, nunca de espaldas. Segunda regla: el sonido. El
micrófono del celular funciona bien si está a menos de un metro; más lejos, un pequeño micrófono de solapa hace toda
la diferencia.

Sostenemos el celular en vertical, a la altura de los ojos, y limpiamos el lente con un paño. Grabamos tomas cortas,
de tres a cinco segundos cada una: una toma abierta de la sala, un primer plano de las manos del guitarrista, una
cara que sonríe.

Los tres primeros segundos lo deciden todo: empiece con la imagen más fuerte y ponga la fecha y el lugar en
pantalla. Agregue siempre subtítulos: mucha gente mira sin sonido, y son indispensables para las personas sordas o
con discapacidad auditiva.

Para terminar, cerramos con una información clara: «Viernes 7 p. m., entrada libre, sala accesible en silla de
ruedas». Gracias y hasta pronto.
""",
        },
        "pt": {
            "title": "Gravar um vídeo vertical com o celular",
            "body": """\
Uma demonstração de oito minutos, gravada na Aliança Francesa de Bogotá, só com um celular.
""",
            "transcript": """\
Olá a todas e a todos. Hoje vamos gravar um vídeo vertical para divulgar um show, com um celular e mais nada.

Primeira regra: a luz. A gente se posiciona de frente para uma janela, nunca de costas. Segunda regra: o som. O
microfone do celular dá conta se você estiver a menos de um metro; mais longe que isso, um microfone de lapela
pequeno faz toda a diferença.

Seguramos o celular na vertical, na altura dos olhos, e limpamos a lente com um pano. Gravamos tomadas curtas, de
três a cinco segundos cada: um plano aberto da sala, um close nas mãos do violonista, um rosto sorrindo.

Os três primeiros segundos decidem tudo: comece pela imagem mais forte e escreva a data e o local na tela. Coloque
sempre legendas: muita gente assiste sem som, e elas são indispensáveis para as pessoas surdas ou com deficiência
auditiva.

Por fim, fechamos com uma informação clara: “Sexta, 19h, entrada franca, sala acessível para cadeira de rodas.”
Obrigado e até breve.
""",
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
    translations={
        "es": {
            "title": "Contar un evento antes, durante y después",
            "body": """\
## Un evento, tres momentos de comunicación

**Antes** (desde tres semanas hasta la víspera):

- el anuncio con la imagen oficial y toda la información práctica;
- un perfil del artista o un fragmento de audio;
- un recordatorio la víspera, por lista de WhatsApp y en historias.

**Durante**:

- algunas historias cortas (no el concierto completo: respete los derechos del artista);
- una foto del público, con el consentimiento de las personas reconocibles;
- una persona del equipo a cargo de esas publicaciones, no la organizadora, que ya tiene demasiado que hacer.

**Después** (dentro de las 48 horas):

- un agradecimiento a los artistas, a los socios y al público;
- una selección de tres a cinco fotos;
- el anuncio de la próxima cita.

## Buenos hábitos

- **Etiquete** a los artistas y a los socios: ellos compartirán.
- **Describa las imágenes** (texto alternativo): los lectores de pantalla lo necesitan.
- **Archive** las mejores fotos en una carpeta compartida, con el nombre del fotógrafo y la autorización de uso: le
  servirán de nuevo para el balance y el informe de actividades.

> Consejo: prepare una «ficha de evento» modelo con todos los textos desde el momento de la programación. El día del
> evento, solo queda publicar.
""",
        },
        "pt": {
            "title": "Contar um evento antes, durante e depois",
            "body": """\
## Um evento, três momentos de comunicação

**Antes** (de três semanas até a véspera):

- o anúncio com a arte oficial e todas as informações práticas;
- um perfil do artista ou um trecho de áudio;
- um lembrete na véspera, pela lista do WhatsApp e nos stories.

**Durante**:

- alguns stories curtos (não o show inteiro: respeite os direitos do artista);
- uma foto do público, com o consentimento das pessoas reconhecíveis;
- uma pessoa da equipe responsável por essas publicações, e não a organizadora sobrecarregada.

**Depois** (em até 48 horas):

- um agradecimento aos artistas, aos parceiros e ao público;
- uma seleção de três a cinco fotos;
- o anúncio do próximo encontro.

## Bons hábitos

- **Marque** os artistas e os parceiros: eles vão compartilhar.
- **Descreva as imagens** (texto alternativo): os leitores de tela precisam disso.
- **Arquive** as melhores fotos numa pasta compartilhada, com o nome do fotógrafo e a autorização de uso: elas vão
  servir de novo para o balanço e o relatório de atividades.

> Dica: prepare uma “ficha de evento” padrão com todos os textos já na programação. No dia, só falta publicar.
""",
        },
    },
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
    translations={
        "es": {
            "title": "Escribir para redes sociales en varios idiomas",
            "body": """\
## Un idioma principal y complementos

En un mismo mensaje, no ponga tres párrafos seguidos en tres idiomas: el lector se pierde. Elija:

- un **idioma principal**, el de la mayoría de sus públicos (español, portugués, inglés, criollo…);
- el **francés** en una frase corta de gancho o en una cita, que marca la identidad de la Alianza;
- **versiones separadas** para los anuncios importantes (dos publicaciones, o el texto completo en el enlace).

## Escribir corto y claro

- Una idea por frase, frases de menos de 20 palabras.
- La información práctica primero: qué, cuándo, dónde, cuánto.
- Emojis con moderación: los lectores de pantalla los leen todos («nota musical, nota musical…»).
- Los hashtags en CamelCase (#FeteDeLaMusique) para que se lean correctamente.

## Revisar antes de publicar

Pida que lo revise una persona cuya lengua materna sea la del texto. Las herramientas de traducción automática
sirven para un primer borrador, nunca para el texto final de un afiche o de un comunicado.
""",
        },
    },
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
    translations={
        "es": {
            "title": "Elegir indicadores útiles",
            "body": """\
## Las cifras que halagan y las que ayudan

El número de seguidores da gusto, pero dice poco. Parta de sus objetivos (lección 1 del itinerario):

| Objetivo | Indicador útil |
|---|---|
| Llenar la sala | clics hacia la taquilla, inscripciones, asistencia real |
| Atraer estudiantes | solicitudes de información que llegan por las redes |
| Dar a conocer a un artista | veces compartido, menciones, nuevos seguidores del artista |
| Rendir cuentas a un socio | alcance de las publicaciones que lo mencionan |

## Cinco indicadores, no cincuenta

Quédese con **cinco indicadores como máximo**, siempre los mismos, medidos cada mes. Compare un mes con el mismo mes
del año anterior y no con el mes anterior: la temporada cultural y las vacaciones escolares lo cambian todo.

## El vínculo entre lo digital y lo presencial

Pida a la recepción que pregunte «¿Cómo nos conoció?» y que anote la respuesta. Use enlaces con seguimiento
(parámetros UTM) en las publicaciones para saber qué red trae realmente las inscripciones.
""",
        },
        "pt": {
            "title": "Escolher indicadores úteis",
            "body": """\
## Os números que envaidecem e os que ajudam

O número de seguidores agrada, mas diz pouca coisa. Parta dos seus objetivos (lição 1 da trilha):

| Objetivo | Indicador útil |
|---|---|
| Lotar a sala | cliques para a bilheteria, inscrições, público presente de fato |
| Atrair alunos | pedidos de informação vindos das redes |
| Divulgar um artista | compartilhamentos, menções, novos seguidores do artista |
| Prestar contas a um parceiro | alcance das publicações que o mencionam |

## Cinco indicadores, não cinquenta

Fique com **cinco indicadores no máximo**, sempre os mesmos, medidos todo mês. Compare um mês com o mesmo mês do ano
anterior, e não com o mês anterior: a temporada cultural e as férias escolares mudam tudo.

## A ligação entre o on-line e o presencial

Peça à recepção que pergunte “Como você conheceu a Aliança?” e anote a resposta. Use links rastreáveis (parâmetros
UTM) nas publicações para saber qual rede traz de verdade as inscrições.
""",
        },
    },
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
    translations={
        "es": {
            "title": "Un tablero mensual en una hora",
            "body": """\
## Una hora al mes

Reserve una hora el primer lunes de cada mes. En una hoja de cálculo compartida:

1. registre sus cinco indicadores para cada red;
2. anote las **tres publicaciones** que mejor funcionaron y **por qué**, según usted;
3. anote la que decepcionó;
4. escriba **una decisión** para el mes siguiente («más videos de detrás de escena», «publicar el martes por la
   mañana»).

## Compartir, no archivar

Envíe a la dirección media página: las cifras, los tres aciertos, la decisión. Preséntela en la reunión de equipo:
los profesores y la recepción suelen tener las mejores ideas de contenido.

## Ajustar sin cambiarlo todo

Una estrategia se evalúa en un trimestre, no en una semana. Cambie un solo elemento a la vez (el horario, el
formato, el tono) para saber qué produjo el efecto.

> Consejo: guarde el tablero del año anterior en el mismo archivo, una pestaña por año. Así las comparaciones se
> hacen de un vistazo.
""",
        },
        "pt": {
            "title": "Um painel mensal em uma hora",
            "body": """\
## Uma hora por mês

Reserve uma hora na primeira segunda-feira do mês. Numa planilha compartilhada:

1. registre os seus cinco indicadores para cada rede;
2. anote as **três publicações** que funcionaram melhor e **por quê**, na sua opinião;
3. anote a que decepcionou;
4. escreva **uma decisão** para o mês seguinte (“mais vídeos de bastidores”, “publicar na terça de manhã”).

## Compartilhar, não arquivar

Mande para a direção meia página: os números, os três acertos, a decisão. Apresente-a na reunião de equipe: os
professores e a recepção costumam ter as melhores ideias de conteúdo.

## Ajustar sem mudar tudo

Uma estratégia se avalia num trimestre, não numa semana. Mude um só elemento de cada vez (o horário, o formato, o
tom) para saber o que produziu o efeito.

> Dica: guarde o painel do ano anterior no mesmo arquivo, uma aba por ano. Assim as comparações se fazem num piscar
> de olhos.
""",
        },
    },
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
                    translations={
                        "es": {"title": "Planificar sus publicaciones"},
                        "pt": {"title": "Planejar as publicações"},
                    },
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
                    "summary": "Contar un evento, grabar un video con el celular, escribir en varios idiomas.",
                    "objectives": (
                        "- Planificar la comunicación de un evento antes, durante y después\n"
                        "- Grabar y subtitular un video corto\n"
                        "- Escribir mensajes claros para públicos multilingües"
                    ),
                },
                "pt": {
                    "title": "Criar conteúdos que dão vontade de vir",
                    "summary": "Contar um evento, gravar um vídeo com o celular, escrever em vários idiomas.",
                    "objectives": (
                        "- Planejar a comunicação de um evento antes, durante e depois\n"
                        "- Gravar e legendar um vídeo curto\n"
                        "- Escrever mensagens claras para públicos multilíngues"
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
                    "summary": "Contar un evento, grabar y subtitular un video con el celular, escribir en varios "
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
                    translations={
                        "es": {
                            "title": "Contar y mostrar",
                        },
                        "pt": {
                            "title": "Contar e mostrar",
                        },
                    },
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
            translations={
                "es": {
                    "title": "Medir y ajustar su presencia en línea",
                    "summary": "Indicadores útiles y un tablero mensual que se completa en una hora.",
                    "objectives": (
                        "- Elegir cinco indicadores ligados a sus objetivos\n"
                        "- Llevar un tablero mensual\n"
                        "- Tomar una decisión al mes a partir de las cifras"
                    ),
                },
                "pt": {
                    "title": "Medir e ajustar a presença on-line",
                    "summary": "Indicadores úteis e um painel mensal que se preenche em uma hora.",
                    "objectives": (
                        "- Escolher cinco indicadores ligados aos seus objetivos\n"
                        "- Manter um painel mensal\n"
                        "- Tomar uma decisão por mês a partir dos números"
                    ),
                },
            },
            modules=(
                Module(
                    key="indicators",
                    title="Mesurer ce qui compte",
                    translations={
                        "es": {
                            "title": "Medir lo que cuenta",
                        },
                        "pt": {
                            "title": "Medir o que importa",
                        },
                    },
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
            "title": "Preparar la transmisión: equipo humano, equipamiento y conexión",
            "body": """\
## El equipo mínimo

Para transmitir un concierto en vivo se necesitan al menos **tres funciones**, aunque las cubran dos personas:

- el **sonido**, que prepara una mezcla específica para la transmisión (distinta del sonido de sala);
- la **imagen**, que pasa de una cámara a otra;
- la persona **en línea**, que modera los comentarios y resuelve los problemas.

## El equipamiento, del más sencillo al más completo

1. Un celular en un trípode y una salida de la consola de sonido: suficiente para un micrófono abierto.
2. Dos o tres cámaras, un switcher de video y una computadora con un programa de transmisión libre (OBS Studio).
3. Una unidad técnica completa alquilada a un proveedor local para un gran evento.

## La conexión, lo más importante

- Pruebe la velocidad de **subida** (no la de bajada) en el lugar exacto donde estará la mesa técnica, a la hora del
  concierto.
- Prevea al menos el doble de la velocidad de transmisión: 5 Mbit/s de subida para una transmisión en 720p.
- Conecte la computadora por cable, nunca por wifi.
- Tenga un **plan B**: un celular con un plan de datos, listo para tomar el relevo.

## Una transmisión sobria y accesible

Una transmisión en 480p y una versión solo de audio suelen bastar: consumen menos energía y llegan a los públicos
con conexiones débiles, que son muchos en la región.
""",
        },
        "pt": {
            "title": "Preparar a transmissão: equipe, equipamento, conexão",
            "body": """\
## A equipe mínima

Para transmitir um show ao vivo, são necessárias pelo menos **três funções**, mesmo que duas pessoas deem conta
delas:

- o **som**, que prepara uma mixagem específica para a transmissão (diferente do som da sala);
- a **imagem**, que faz os cortes entre as câmeras;
- a pessoa **on-line**, que modera os comentários e resolve os problemas.

## O equipamento, do mais simples ao mais completo

1. Um celular num tripé e uma saída da mesa de som: suficiente para um palco aberto.
2. Duas ou três câmeras, um switcher de vídeo e um computador com um programa livre de transmissão (OBS Studio).
3. Uma estrutura técnica completa alugada de um fornecedor local para um grande evento.

## A conexão, o ponto crítico

- Teste a velocidade de **upload** (e não a de download) no lugar exato onde ficará a técnica, no horário do show.
- Garanta pelo menos o dobro da taxa de transmissão: 5 Mbit/s de upload para uma transmissão em 720p.
- Ligue o computador no cabo, nunca no wi-fi.
- Tenha um **plano B**: um celular com pacote de dados, pronto para assumir.

## Uma transmissão enxuta e acessível

Uma transmissão em 480p e uma versão só em áudio muitas vezes bastam: consomem menos energia e alcançam os públicos
com conexão fraca, que são muitos na região.
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
    translations={
        "es": {
            "title": "Derechos y remuneración de los artistas en las transmisiones en vivo",
            "body": """\
## Un concierto transmitido no es un concierto gratuito

Transmitir en línea es usar la imagen, la voz y las obras de un artista. Antes del concierto, deje por escrito:

- la **autorización de transmisión** en vivo y cuánto tiempo quedará disponible la grabación (48 horas, un mes, sin
  límite);
- la **remuneración** correspondiente, además de los honorarios por la presentación en sala;
- las **plataformas** incluidas (página de la Alianza, canal de la red, socios);
- los derechos sobre las **obras** interpretadas: repertorio propio del artista o versiones declaradas a la sociedad
  de gestión colectiva del país.

## Las buenas prácticas de la red

- Un contrato firmado **antes** de la fecha, nunca después.
- Los honorarios en una línea aparte del presupuesto, según una tabla que todos conocen.
- El crédito sistemático a los artistas, a los técnicos y al lugar en la descripción del video.
- Una copia de la grabación entregada al artista, que podrá usarla para su promoción.

> Para la Fiesta de la Música en línea, la red ofrece un modelo de autorización en cuatro idiomas: pídalo a la
> coordinación regional.
""",
        },
        "pt": {
            "title": "Direitos e remuneração dos artistas nas transmissões ao vivo",
            "body": """\
## Show transmitido não é show de graça

Transmitir on-line é usar a imagem, a voz e as obras de um artista. Antes do show, coloque por escrito:

- a **autorização de transmissão** ao vivo e por quanto tempo a gravação fica disponível (48 horas, um mês, sem
  prazo);
- a **remuneração** correspondente, além do cachê da apresentação presencial;
- as **plataformas** envolvidas (página da Aliança, canal da rede, parceiros);
- os direitos sobre as **obras** executadas: repertório próprio do artista ou músicas de terceiros informadas ao
  ECAD ou à entidade de gestão coletiva do país.

## As boas práticas da rede

- Contrato assinado **antes** da data, nunca depois.
- O cachê numa linha à parte do orçamento, segundo uma tabela que todos conhecem.
- Os créditos dos artistas, dos técnicos e do local sempre na descrição do vídeo.
- Uma cópia da gravação entregue ao artista, que poderá usá-la na sua divulgação.

> Para a Fête de la Musique on-line, a rede oferece um modelo de autorização em quatro idiomas: peça à coordenação
> regional.
""",
        },
    },
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
    translations={
        "es": {
            "title": "La mesa técnica de transmisión: visita comentada",
            "body": """\
Una visita a la mesa técnica instalada para la Fiesta de la Música en línea, con el equipo técnico.
""",
            "transcript": """\
Estamos en la mesa técnica instalada al fondo de la sala, una hora antes del concierto.

A la izquierda, la consola de sonido: recibe todos los micrófonos del escenario. Nuestro técnico prepara dos
mezclas: una para la sala y otra para la transmisión. El público en línea escucha con audífonos o en un celular, así
que hace falta más voz y menos bajos.

Al centro, el switcher de video y tres cámaras: una fija en plano abierto, otra en trípode para los primeros planos
y una en mano que se mueve por la sala. La realizadora anuncia cada cambio de toma en voz alta.

A la derecha, la computadora de transmisión, conectada por cable. En la pantalla vigilamos la velocidad y los
comentarios. Una segunda computadora, con conexión 4G, está lista para retomar la transmisión si se cae la fibra.

Último punto: los subtítulos. Para las intervenciones habladas, una persona escribe en vivo un resumen de lo que se
dice, que aparece en la parte inferior de la pantalla. Para la música, indicamos el título y el artista.

Veinte minutos antes del inicio, lanzamos una transmisión de prueba privada. Todo funciona: podemos abrir las
puertas.
""",
        },
        "pt": {
            "title": "A técnica da transmissão: visita comentada",
            "body": """\
Uma visita à técnica montada para a Fête de la Musique on-line, com a equipe técnica.
""",
            "transcript": """\
Estamos na técnica montada no fundo da sala, uma hora antes do show.

À esquerda, a mesa de som: ela recebe todos os microfones do palco. O nosso técnico prepara duas mixagens: uma para
a sala e outra para a transmissão. O público on-line ouve no fone ou no celular, então é preciso mais voz e menos
grave.

No centro, o switcher de vídeo e três câmeras: uma fixa em plano aberto, uma no tripé para os closes e uma no ombro,
que circula. A diretora anuncia cada corte em voz alta.

À direita, o computador da transmissão, ligado no cabo. Na tela, acompanhamos a taxa de upload e os comentários. Um
segundo computador, com conexão 4G, está pronto para assumir a transmissão se a fibra cair.

Último ponto: as legendas. Nas falas, uma pessoa digita ao vivo um resumo do que é dito, que aparece na parte de
baixo da tela. Na música, indicamos o título e o artista.

Vinte minutos antes do início, fazemos uma transmissão de teste privada. Tudo funcionando: podemos abrir as portas.
""",
        },
    },
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
    translations={
        "es": {
            "title": "El día de la transmisión: guion técnico y plan B",
            "body": """\
## El guion técnico

El guion técnico es el documento que todo el equipo tiene a la vista. Una línea por segmento:

| Hora | Segmento | Sonido | Imagen | En línea |
|---|---|---|---|---|
| 18:45 | Transmisión de prueba privada | mezcla de transmisión | cámara 1 | revisar imagen y sonido |
| 19:00 | Pantalla de espera + música | reproducción | imagen fija | mensaje de bienvenida |
| 19:05 | Palabras de la directora | micrófono inalámbrico 1 | cámara 2 | subtítulos |
| 19:10 | Concierto | mezcla de transmisión | alternancia | moderación |

## El plan B

Escriba de antemano qué hace cada quien si:

- se cae la conexión: se pasa a la 4G y se publica un mensaje de disculpa;
- el sonido satura: se vuelve a la cámara fija y al sonido ambiente mientras se corrige;
- aparece un comentario de odio: se borra, se bloquea a la cuenta y no se responde en público.

## Después de la transmisión

Corte la transmisión **antes** de desmontar. Verifique que la grabación esté completa, agregue los subtítulos y la
descripción, y luego publique la grabación en los plazos acordados con los artistas.
""",
        },
        "pt": {
            "title": "O dia D: roteiro e plano B",
            "body": """\
## O roteiro

O roteiro é o documento que toda a equipe tem diante dos olhos. Uma linha por bloco:

| Horário | Bloco | Som | Imagem | On-line |
|---|---|---|---|---|
| 18:45 | Transmissão de teste privada | mix da transmissão | câmera 1 | conferir imagem e som |
| 19:00 | Tela de espera + música | playback | arte fixa | mensagem de boas-vindas |
| 19:05 | Fala da diretora | microfone sem fio 1 | câmera 2 | legendas |
| 19:10 | Show | mix da transmissão | alternância | moderação |

## O plano B

Escreva com antecedência o que cada pessoa faz se:

- a conexão cair: passar para o 4G e publicar uma mensagem de desculpas;
- o som estourar: voltar para a câmera fixa e o som ambiente enquanto se corrige;
- aparecer um comentário de ódio: apagar, bloquear, não responder em público.

## Depois da transmissão

Encerre a transmissão **antes** de desmontar. Confira se a gravação está completa, acrescente as legendas e a
descrição e publique a gravação nos prazos combinados com os artistas.
""",
        },
    },
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
    translations={
        "es": {
            "title": "Pensar la sala y la pantalla al mismo tiempo",
            "body": """\
## Dos públicos, un solo encuentro

En un encuentro híbrido (mesa redonda, conferencia, Noche de las Ideas), el público en línea se siente olvidado muy
rápido. Dele un lugar desde la preparación:

- un **micrófono para cada ponente**, y otro para las preguntas de la sala;
- una persona que **lleve la voz** del público conectado y lea sus preguntas;
- un **encuadre fijo** que muestre a los ponentes de frente, y no de espaldas al público.

## El ritmo

- Intervenciones de siete minutos como máximo.
- Una pregunta en línea por cada pregunta en la sala.
- Una pausa de cinco minutos después de una hora.

## Accesibilidad

Envíe los materiales con anticipación, describa en voz alta las imágenes proyectadas y prevea subtítulos o
interpretación en lengua de señas para los encuentros importantes.

## Probar antes

Haga un ensayo técnico la víspera con los ponentes a distancia: micrófono, cámara, pantalla compartida, retorno de
sonido. Anote un número de teléfono de cada uno, por si la conexión se cae durante el encuentro.
""",
        },
        "pt": {
            "title": "Pensar a sala e a tela ao mesmo tempo",
            "body": """\
## Dois públicos, um só encontro

Num encontro híbrido (mesa-redonda, palestra, Noite das Ideias), o público on-line logo se sente esquecido. Dê a ele
um lugar desde a preparação:

- um **microfone para cada palestrante**, e um microfone para as perguntas da plateia;
- uma pessoa que **dê voz** ao público conectado e leia as perguntas dele;
- um **enquadramento fixo** que mostre os palestrantes de frente, e não de costas para a plateia.

## O ritmo

- Falas de no máximo sete minutos.
- Uma pergunta on-line para cada pergunta da sala.
- Um intervalo de cinco minutos depois de uma hora.

## Acessibilidade

Envie os materiais com antecedência, descreva em voz alta as imagens projetadas e providencie legendas ou
interpretação em língua de sinais nos encontros importantes.

## Testar antes

Faça um ensaio técnico na véspera com os palestrantes remotos: microfone, câmera, compartilhamento de tela, retorno
de som. Anote um telefone de cada um, caso a conexão caia durante o encontro.
""",
        },
    },
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
    translations={
        "pt": {
            "title": "Oficina prática: mediar uma mesa-redonda híbrida",
            "body": """\
Uma oficina ao vivo de 90 minutos com Valentina Gómez (Aliança Francesa de Buenos Aires): cada participante media
cinco minutos de uma mesa-redonda fictícia, com perguntas da plateia e da tela.

Para se preparar: uma pergunta para fazer aos palestrantes, um fone com microfone e, se possível, uma conexão por
cabo.
""",
        },
    },
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
    translations={
        "es": {
            "title": "Subtitular y hacer accesible una transmisión en vivo",
            "body": """\
## Por qué subtitular en vivo

Los subtítulos sirven a las personas sordas o con discapacidad auditiva, pero también a quienes miran sin sonido, en
el transporte o en la oficina, y a quienes no dominan el idioma del ponente.

## Tres soluciones según los recursos

1. **Subtítulos automáticos** de las plataformas: gratuitos, útiles, pero hay que revisarlos; se equivocan con los
   nombres propios y las palabras extranjeras.
2. **Subtitulado en vivo** por una persona capacitada (estenotipia): confiable, para reservar a los encuentros
   importantes.
3. **Interpretación en la lengua de señas** del país (LSC, LSM, Libras…), insertada en la pantalla.

## Los detalles que importan

- Comunique con anticipación a la persona que subtitula los nombres de los ponentes y los términos técnicos.
- Ubique al intérprete de lengua de señas en un recuadro suficientemente grande, nunca recortado.
- Anuncie en la difusión del evento lo que se ofrece: «con subtítulos en español, con interpretación en LSC».
""",
        },
        "pt": {
            "title": "Legendar e tornar acessível uma transmissão ao vivo",
            "body": """\
## Por que legendar ao vivo

As legendas servem às pessoas surdas ou com deficiência auditiva, mas também a quem assiste sem som, no transporte
ou no escritório, e a quem não domina o idioma de quem fala.

## Três soluções conforme os recursos

1. **Legendas automáticas** das plataformas: gratuitas, úteis, mas precisam de revisão; erram nomes próprios e
   palavras estrangeiras.
2. **Legendagem ao vivo** por uma pessoa treinada (estenotipia): confiável, para reservar aos encontros importantes.
3. **Interpretação na língua de sinais** do país (Libras, LSC, LSM…), inserida na tela.

## Os detalhes que contam

- Envie com antecedência à pessoa que faz a legendagem os nomes dos palestrantes e os termos técnicos.
- Coloque o intérprete de Libras numa janela grande o bastante, nunca cortada.
- Anuncie na divulgação do evento o que é oferecido: “com legendas em português e interpretação em Libras”.
""",
        },
    },
)

LIVE_STREAMING = Track(
    key="live-streaming",
    title="Diffuser en direct",
    summary="Diffuser un concert, animer une rencontre hybride, rendre un direct accessible.",
    authors=(VALENTINA,),
    translations={
        "es": {
            "title": "Transmitir en vivo",
            "summary": (
                "Transmitir un concierto, moderar un encuentro híbrido, hacer accesible una transmisión en vivo."
            ),
        },
        "pt": {
            "title": "Transmitir ao vivo",
            "summary": "Transmitir um show, mediar um encontro híbrido, tornar acessível uma transmissão ao vivo.",
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
                    "title": "Transmitir un concierto en vivo",
                    "summary": (
                        "De la preparación técnica a la publicación de la grabación: transmitir un concierto sin "
                        "malas sorpresas."
                    ),
                    "objectives": (
                        "- Formar el equipo y elegir el equipamiento adecuado para su espacio\n"
                        "- Asegurar los derechos y la remuneración de los artistas\n"
                        "- Conducir una transmisión en vivo con un guion técnico y un plan B"
                    ),
                },
                "pt": {
                    "title": "Transmitir um show ao vivo",
                    "summary": (
                        "Da preparação técnica à publicação da gravação: transmitir um show sem surpresas "
                        "desagradáveis."
                    ),
                    "objectives": (
                        "- Montar a equipe e escolher o equipamento adequado ao seu espaço\n"
                        "- Garantir os direitos e a remuneração dos artistas\n"
                        "- Conduzir uma transmissão ao vivo com roteiro e plano B"
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
                    "title": "Moderar un encuentro híbrido",
                    "summary": "Mesas redondas y conferencias con público en la sala y en línea.",
                    "objectives": (
                        "- Preparar un encuentro para la sala y la pantalla\n"
                        "- Hacer participar al público en línea\n"
                        "- Ofrecer subtítulos e interpretación"
                    ),
                },
                "pt": {
                    "title": "Mediar um encontro híbrido",
                    "summary": "Mesas-redondas e palestras com público presencial e on-line.",
                    "objectives": (
                        "- Preparar um encontro para a sala e para a tela\n"
                        "- Fazer o público on-line participar\n"
                        "- Oferecer legendas e interpretação"
                    ),
                },
            },
            modules=(
                Module(
                    key="hybrid",
                    title="Salle et écran",
                    translations={
                        "es": {
                            "title": "Sala y pantalla",
                        },
                        "pt": {
                            "title": "Sala e tela",
                        },
                    },
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
            "description": "Redes sociales, contenidos en video, transmisiones en vivo: comunicarse con sus "
            "públicos donde están, con los recursos de un equipo pequeño.",
        },
        "pt": {
            "title": "Novas formas de comunicação",
            "description": "Redes sociais, conteúdos em vídeo, transmissões ao vivo: falar com os públicos onde "
            "eles estão, com os recursos de uma equipe pequena.",
        },
        "en": {
            "title": "New forms of communication",
            "description": "Social media, video content, live streaming: reaching audiences where they are, with "
            "the means of a small team.",
        },
    },
)
