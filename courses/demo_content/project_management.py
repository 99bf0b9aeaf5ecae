"""Axis 2 of the demo plan: project management."""

from __future__ import annotations

from . import Axis, Course, Embedded, Lesson, Module, Track

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

- Dedicar media página a describir la Alianza: el lector ya la conoce o la descubrirá en un anexo.
- Prometer todo a todo el mundo: un proyecto dirigido a «todos los públicos» a menudo no llega a ninguno.
- Olvidar la dimensión sostenible: desplazamientos, accesibilidad, espacio para los artistas locales.

> Ejercicio: escriba la nota de intención de un proyecto que está impulsando o que sueña con impulsar, en 300
> palabras como máximo. Pida a una persona externa que la lea: si puede resumirla en una frase, la nota es clara.
""",
        },
        "pt": {
            "title": "Formular uma intenção clara",
            "body": """\
## A nota de intenção, a pedra fundamental do projeto

Antes do orçamento, antes do cronograma, um projeto cultural precisa de uma **nota de intenção** de uma página. Ela
serve para convencer a direção, os parceiros e os financiadores, e para manter o rumo quando o projeto cresce.

## O que ela contém

1. **O diagnóstico**: o que falta ou o que já existe no território (“não há um palco aberto para jovens músicos em
   Manaus”).
2. **A ideia** em duas frases: o quê, para quem, onde, quando.
3. **Os públicos** visados e a forma de alcançá-los.
4. **Os parceiros** previstos e o que cada um traz.
5. **O que vai mudar** se o projeto der certo: para os artistas, os públicos, a Aliança.

## As armadilhas a evitar

- Descrever a Aliança por meia página: o leitor já a conhece ou vai conhecê-la pelo anexo.
- Prometer tudo a todos: um projeto que mira “todos os públicos” muitas vezes não atinge nenhum.
- Esquecer a dimensão sustentável: deslocamentos, acessibilidade, espaço para os artistas locais.

> Exercício: escreva a nota de intenção de um projeto que você conduz ou sonha conduzir, em no máximo 300 palavras.
> Peça a alguém de fora que a leia: se a pessoa conseguir resumi-la em uma frase, a nota está clara.
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
    translations={
        "es": {
            "title": "Involucrar a los socios desde el principio",
            "body": """\
## Un socio no es un patrocinador de último minuto

Los proyectos que perduran son los que los socios **ayudaron a construir**. Invítelos desde la nota de intención, no
cuando el programa ya está cerrado.

## Mapear a los socios posibles

- **Institucionales**: alcaldía, ministerio o secretaría de cultura, embajada, universidades;
- **Culturales**: salas, festivales, colectivos de artistas, radios comunitarias;
- **Económicos**: empresas francesas o locales, hoteles, empresas de transporte;
- **Sociales**: juntas de vecinos, organizaciones de personas con discapacidad, escuelas.

Para cada uno, anote lo que puede aportar (dinero, espacio, público, visibilidad, conocimientos) y lo que espera a
cambio (imagen, contenidos, acceso a un público, formación).

## Formalizar de manera sencilla

Una **carta de compromiso** de una página suele bastar: objeto, aportes de cada parte, calendario, visibilidad,
contacto. Da confianza a los financiadores y evita malentendidos.

## Cuidar la relación

Mantenga informados a sus socios durante el proyecto, invítelos al evento y envíeles el balance. Un socio al que se
le agradece y se le mantiene al tanto vuelve al año siguiente, y se lo cuenta a otros.
""",
        },
        "pt": {
            "title": "Envolver os parceiros desde o início",
            "body": """\
## Parceiro não é patrocinador de última hora

Os projetos que duram são aqueles que os parceiros **ajudaram a construir**. Convide-os já na nota de intenção, e
não quando a programação estiver fechada.

## Mapear os parceiros possíveis

- **Institucionais**: prefeitura, ministério ou secretaria de cultura, embaixada, universidades;
- **Culturais**: salas, festivais, coletivos de artistas, rádios comunitárias;
- **Empresariais**: empresas francesas ou locais, hotéis, empresas de transporte;
- **Sociedade civil**: associações de moradores, organizações de pessoas com deficiência, escolas.

Para cada um, anote o que ele pode trazer (dinheiro, espaço, público, visibilidade, conhecimento) e o que ele espera
(imagem, conteúdos, acesso a um público, formação).

## Formalizar de forma simples

Uma **carta de compromisso** de uma página muitas vezes basta: objeto, contribuições de cada parte, cronograma,
visibilidade, contato. Ela dá segurança aos financiadores e evita mal-entendidos.

## Cuidar da relação

Mantenha os parceiros informados durante o projeto, convide-os para o evento e envie o balanço. Um parceiro que
recebe agradecimentos e notícias volta no ano seguinte, e fala de você para outros.
""",
        },
    },
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
    retranslated={
        "es": {
            "title": "Las secciones de una convocatoria abierta y equitativa",
            "body": """\
## Para qué sirve una convocatoria

Una convocatoria permite seleccionar artistas, colectivos u organizaciones **de manera abierta y equitativa**: una
residencia, la programación de la Fiesta de la Música, una exposición, un proyecto de mediación.

## Las secciones indispensables

1. **El contexto**: quién convoca y por qué, en pocas líneas.
2. **El objeto**: lo que se espera, con ejemplos.
3. **Quién puede postular**: situación legal, edad, lugar de residencia, idioma.
4. **Lo que se ofrece**: honorarios o beca (monto exacto), espacio, equipos, acompañamiento, visibilidad.
5. **Los criterios de selección**, ponderados si es posible.
6. **El calendario**: apertura, fecha límite (con la hora y el huso horario), publicación de los resultados, fechas
   del proyecto.
7. **La postulación**: documentos solicitados, formato, tamaño máximo, dónde enviarla.
8. **El contacto** para las preguntas.

## Hacer accesible la convocatoria

- Publíquela en el idioma local (y en francés si es útil), en un formato que se lea bien en el celular.
- Ofrezca otra forma de postular (video, audio) para las personas que se expresan mejor de forma oral.
- Limite los documentos solicitados: cada documento de más desanima a los artistas emergentes.
""",
        },
        "pt": {
            "title": "As seções de um edital aberto e justo",
            "body": """\
## Para que serve um edital

Um edital permite selecionar artistas, coletivos ou associações **de forma aberta e justa**: uma residência, a
programação da Fête de la Musique, uma exposição, um projeto de mediação.

## As seções indispensáveis

1. **O contexto**: quem lança o edital e por quê, em poucas linhas.
2. **O objeto**: o que se espera, com exemplos.
3. **Quem pode se inscrever**: situação jurídica (pessoa física, MEI, associação), idade, local de residência,
   idioma.
4. **O que é oferecido**: cachê ou bolsa (valor exato), espaço, equipamento, acompanhamento, visibilidade.
5. **Os critérios de seleção**, com pesos se possível.
6. **O cronograma**: abertura, prazo final (com horário e fuso horário), divulgação do resultado, datas do projeto.
7. **A inscrição**: documentos exigidos, formato, tamanho máximo, para onde enviar.
8. **O contato** para dúvidas.

## Tornar o edital acessível

- Publique-o no idioma local (e em francês, se for útil), num formato legível no celular.
- Ofereça outra forma de inscrição (vídeo, áudio) para quem se expressa melhor oralmente.
- Limite os documentos exigidos: cada documento a mais desanima os artistas emergentes.
""",
        },
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
    translations={
        "es": {
            "title": "Criterios de selección y jurado transparentes",
            "body": """\
## Criterios publicados de antemano

Los criterios de selección figuran en la convocatoria y no cambian sobre la marcha. Por ejemplo:

| Criterio | Peso |
|---|---|
| Calidad artística y originalidad | 40 % |
| Vínculo con el territorio y sus públicos | 25 % |
| Viabilidad (calendario, presupuesto, equipo) | 20 % |
| Enfoque sostenible e inclusivo | 15 % |

## Un jurado conformado con cuidado

- De tres a cinco personas, con al menos una **externa** a la Alianza.
- Un equilibrio entre mujeres y hombres y una diversidad de disciplinas.
- Una regla de **conflicto de intereses**: un miembro que conoce de cerca a un postulante no califica esa
  postulación.

## Responder a todos los postulantes

Cada postulante recibe una respuesta, aunque sea negativa, y si es posible una frase sobre su propuesta. De eso
también depende la reputación de una Alianza entre los artistas. Conserve las planillas de calificación: justifican
las decisiones si un postulante o un financiador lo pregunta.
""",
        },
    },
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
    translations={
        "es": {
            "title": "Construir una alianza con artistas locales",
            "body": """\
## Socios, no proveedores

Los artistas de su territorio no son solo nombres en un afiche. Una colaboración exitosa les aporta tanto como a la
Alianza:

- **visibilidad** en la red (webshow Alliances sonores, revista ¿Que Onda?, Fiesta de la Música en línea);
- **encuentros** con artistas franceses o de otros países de la región;
- un **espacio** para ensayar, crear, grabar;
- una **remuneración** justa y pagada a tiempo.

## Construir juntos

Invite a los artistas a proponer, no solo a ejecutar. Una residencia de creación, un taller con los estudiantes, una
carta blanca en la programación: estos formatos crean vínculos duraderos.

## Darle seguimiento a la relación

Lleve un registro de los artistas con los que trabaja: disciplina, contacto, proyectos anteriores, intereses.
Compártalo con las Alianzas vecinas: una gira de tres fechas en la región vale más que un solo concierto.
""",
        },
        "pt": {
            "title": "Construir uma parceria com artistas locais",
            "body": """\
## Parceiros, não prestadores de serviço

Os artistas do seu território não são apenas nomes num cartaz. Uma parceria bem-sucedida traz para eles tanto quanto
para a Aliança:

- **visibilidade** na rede (webshow Alliances sonores, revista ¿Que Onda?, Fête de la Musique on-line);
- **encontros** com artistas franceses ou de outros países da região;
- um **espaço** para ensaiar, criar, gravar;
- uma **remuneração** justa e paga em dia.

## Construir junto

Convide os artistas a propor, e não só a executar. Uma residência artística, uma oficina com os alunos, uma carta
branca na programação: esses formatos criam laços duradouros.

## Acompanhar a relação

Mantenha um cadastro dos artistas com quem você trabalha: linguagem artística, contato, projetos anteriores,
vontades. Compartilhe-o com as Alianças vizinhas: uma turnê de três datas na região vale mais do que um show
isolado.
""",
        },
    },
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
    translations={
        "es": {
            "title": "Contratos y honorarios: las bases de un trato justo",
            "body": """\
## Siempre un contrato por escrito

Incluso para un concierto pequeño, incluso con un amigo de la Alianza, un contrato firmado **antes de la fecha**
protege a todos. Especifica:

- la presentación (fecha, duración, lugar, ensayos);
- los **honorarios**, y aparte los gastos de transporte, alojamiento y comidas;
- los derechos de grabación y de transmisión en línea;
- las condiciones de cancelación, incluso por causas climáticas (temporada de huracanes, inundaciones);
- el plazo de pago.

## Una tabla de honorarios

Establezca una tabla conocida por todos, por tipo de presentación (concierto, taller, conferencia, residencia).
Evita las negociaciones desiguales y garantiza un trato equitativo entre artistas.

## Pagar rápido

Un artista emergente suele vivir al día. Apunte a pagar dentro de los **30 días** siguientes a la presentación y
siga ese plazo como un indicador. Para un artista que viene de otro país, defina la forma de pago desde la firma del
contrato: las transferencias internacionales tardan y tienen comisiones.
""",
        },
        "pt": {
            "title": "Contratos e cachês: as bases de uma relação justa",
            "body": """\
## Sempre um contrato por escrito

Mesmo para um show pequeno, mesmo com um amigo da Aliança, um contrato assinado **antes da data** protege todo
mundo. Ele especifica:

- a apresentação (data, duração, local, ensaios);
- o **cachê** e, à parte, as despesas de transporte, hospedagem e alimentação;
- os direitos de gravação e de transmissão on-line;
- as condições de cancelamento, inclusive por motivo climático (temporada de furacões, enchentes);
- o prazo de pagamento.

## Uma tabela de cachês

Defina uma tabela conhecida por todos, por tipo de apresentação (show, oficina, palestra, residência). Ela evita
negociações desiguais e garante um tratamento justo entre os artistas.

## Pagar rápido

Um artista em início de carreira muitas vezes vive com o dinheiro contado do mês. Procure pagar em até **30 dias**
após a apresentação e acompanhe esse prazo como um indicador. Para um artista vindo de outro país, combine a forma
de pagamento já na assinatura do contrato: as transferências internacionais demoram e têm tarifas.
""",
        },
    },
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
            "summary": "Da nota de intenção ao edital, com os artistas e os parceiros do território.",
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
            "summary": (
                "Da nota de intenção ao edital, com os artistas e os parceiros do território, numa abordagem justa e "
                "sustentável."
            ),
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
                    "summary": "Formular su proyecto en una página e involucrar a los socios desde el principio.",
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
                Module(
                    key="write-the-call",
                    title="Écrire l'appel",
                    translations={"es": {"title": "Escribir la convocatoria"}, "pt": {"title": "Escrever o edital"}},
                    lessons=(CALL_SECTIONS,),
                ),
                Module(
                    key="select",
                    title="Sélectionner",
                    translations={"es": {"title": "Seleccionar"}, "pt": {"title": "Selecionar"}},
                    lessons=(FAIR_SELECTION,),
                ),
            ),
            retranslated={
                "es": {
                    "title": "Redactar una convocatoria",
                    "summary": "Una convocatoria clara, criterios publicados, un jurado transparente.",
                    "objectives": (
                        "- Redactar todas las secciones de una convocatoria\n"
                        "- Definir y ponderar criterios de selección\n"
                        "- Conformar un jurado y manejar los conflictos de intereses\n"
                        "- Hacer la convocatoria accesible a los artistas emergentes"
                    ),
                },
                "pt": {
                    "title": "Redigir um edital",
                    "summary": "Um edital claro, critérios publicados, uma comissão de seleção transparente.",
                    "objectives": (
                        "- Redigir todas as seções de um edital\n"
                        "- Definir os critérios de seleção e seus pesos\n"
                        "- Compor uma comissão de seleção e lidar com conflitos de interesse\n"
                        "- Tornar o edital acessível aos artistas emergentes"
                    ),
                },
            },
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
                    "summary": "Colaboraciones equilibradas y contratos justos con los artistas del territorio.",
                    "objectives": (
                        "- Construir una colaboración útil tanto para los artistas como para la Alianza\n"
                        "- Redactar un contrato completo y aplicar una tabla de honorarios"
                    ),
                },
                "pt": {
                    "title": "Trabalhar com artistas e parceiros locais",
                    "summary": "Parcerias equilibradas e contratos justos com os artistas do território.",
                    "objectives": (
                        "- Construir uma parceria útil tanto para os artistas quanto para a Aliança\n"
                        "- Redigir um contrato completo e aplicar uma tabela de cachês"
                    ),
                },
            },
            modules=(
                Module(
                    key="artists",
                    title="Avec les artistes",
                    translations={"es": {"title": "Con los artistas"}, "pt": {"title": "Com os artistas"}},
                    lessons=(LOCAL_ARTISTS, FAIR_CONTRACTS),
                ),
            ),
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

Un presupuesto proyectado presenta los **gastos** y los **ingresos**, que deben estar equilibrados. Lo primero que
miran los financiadores es su coherencia con el proyecto.

## Los gastos de un festival

- **Artísticos**: honorarios, derechos de autor, transporte, alojamiento y comidas de los artistas;
- **Técnicos**: alquiler de sonido e iluminación, técnicos, escenario, planta eléctrica;
- **Lugar y logística**: alquiler, seguridad, limpieza, seguros, baños, agua potable;
- **Comunicación**: diseño gráfico, impresión, publicidad en línea, fotógrafo, grabación en video;
- **Accesibilidad**: intérprete de lengua de señas, subtítulos, rampa, lugares adaptados;
- **Ecorresponsabilidad**: vasos reutilizables, separación de residuos, medición de la huella de carbono;
- **Personal**: parte del tiempo del equipo, voluntarios (comidas, transporte);
- **Imprevistos**: del 5 al 10 % del total.

## Los ingresos

Taquilla, bar, subvenciones (embajada, Institut français, municipio), patrocinio, alianzas en especie, fondos
propios de la Alianza.

## Valorizar los aportes en especie

Una sala prestada, una cuña de radio regalada, horas de voluntariado: regístrelos en las dos columnas del
presupuesto. Así se ve el costo real del proyecto y la fuerza de sus alianzas.
""",
        },
        "pt": {
            "title": "As rubricas de um orçamento de festival",
            "body": """\
## Um orçamento em duas colunas

Um orçamento previsto apresenta as **despesas** e as **receitas**, que precisam se equilibrar. Os financiadores
olham primeiro a coerência dele com o projeto.

## As despesas de um festival

- **Artísticas**: cachês, direitos autorais, transporte, hospedagem e alimentação dos artistas;
- **Técnicas**: locação de som e luz, técnicos, palco, gerador;
- **Local e logística**: aluguel, segurança, limpeza, seguro, banheiros, água potável;
- **Comunicação**: artes gráficas, impressão, anúncios on-line, fotógrafo, registro em vídeo;
- **Acessibilidade**: intérprete de Libras, legendas, rampa, lugares reservados;
- **Ecorresponsabilidade**: copos reutilizáveis, coleta seletiva, medição da pegada de carbono;
- **Pessoal**: parte do tempo da equipe, voluntários (alimentação, transporte);
- **Imprevistos**: de 5 a 10 % do total.

## As receitas

Bilheteria, bar, apoios públicos (embaixada, Institut français, prefeitura), patrocínio, parcerias com contrapartida
em bens ou serviços, recursos próprios da Aliança.

## Valorizar as contribuições não financeiras

Uma sala emprestada, uma divulgação cedida por uma rádio, horas de trabalho voluntário: registre-as dos dois lados
do orçamento. Isso mostra o custo real do projeto e a força das suas parcerias.
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
    translations={
        "es": {
            "title": "Calcular los gastos sin olvidar nada",
            "body": """\
## Cotizaciones, no estimaciones

Para cada partida importante, pida **dos o tres cotizaciones**. Guárdelas: los financiadores pueden pedirlas, y le
servirán para la próxima edición.

## Los olvidos más frecuentes

- los **impuestos** y retenciones en la fuente sobre los honorarios de artistas extranjeros;
- las **comisiones bancarias** y de cambio en los pagos internacionales;
- el **transporte de los equipos** y de los instrumentos;
- las **comidas** de los voluntarios y de los técnicos;
- el **seguro** de cancelación, indispensable durante la temporada de huracanes en el Caribe;
- la **accesibilidad**, que muchas veces se agrega al final porque no tenía una partida prevista.

## Una planilla viva

Lleve su presupuesto en una hoja de cálculo con tres columnas: **previsto**, **comprometido** (cotizaciones
firmadas) y **ejecutado** (facturas pagadas). Actualícela cada semana durante la preparación: así se detecta un
sobrecosto a tiempo para compensarlo.

> Consejo: tenga a mano el presupuesto de la edición anterior. Las diferencias importantes merecen una explicación.
""",
        },
        "pt": {
            "title": "Orçar as despesas sem esquecer nada",
            "body": """\
## Orçamentos de fornecedores, não estimativas

Para cada item importante, peça **dois ou três orçamentos**. Guarde-os: os financiadores podem pedi-los, e eles vão
servir para a próxima edição.

## Os esquecimentos mais comuns

- os **impostos** e retenções na fonte sobre os cachês de artistas estrangeiros;
- as **tarifas bancárias** e de câmbio nos pagamentos internacionais;
- o **transporte do equipamento** e dos instrumentos;
- a **alimentação** dos voluntários e dos técnicos;
- o **seguro** contra cancelamento, indispensável na temporada de furacões no Caribe;
- a **acessibilidade**, muitas vezes acrescentada no fim por falta de uma linha prevista.

## Uma planilha viva

Mantenha o orçamento numa planilha com três colunas: **previsto**, **contratado** (orçamentos aprovados) e
**realizado** (notas fiscais pagas). Atualize-a toda semana durante a preparação: é assim que se percebe um estouro
a tempo de compensá-lo.

> Dica: deixe ao lado o orçamento da edição anterior. As diferenças grandes merecem uma explicação.
""",
        },
    },
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
    translations={
        "es": {
            "title": "Diversificar los ingresos: taquilla, patrocinio, subvenciones",
            "body": """\
## No depender de un solo financiador

Un festival financiado en un 80 % por una sola subvención es frágil. Busque al menos **tres fuentes** de ingresos.

## Las opciones

- **Taquilla**: una tarifa general, una tarifa reducida (universitarios, estudiantes de la Alianza) y entradas
  gratuitas para los públicos que tienen menos acceso a la cultura.
- **Patrocinio** de empresas francesas establecidas en el país o de empresas locales: ofrezca contrapartidas
  concretas (entradas, visibilidad, un taller para sus empleados).
- **Subvenciones**: Embajada de Francia, Institut français, municipio, ministerio de cultura, fondos de cooperación
  regional.
- **Financiamiento colectivo** para un proyecto que moviliza a una comunidad.
- **Ingresos complementarios**: bar, venta de discos de los artistas (a beneficio de los artistas).

## El calendario de los financiadores

Las convocatorias de financiamiento suelen cerrar entre seis y nueve meses antes del evento. Desde enero, lleve un
calendario de las convocatorias del año con, para cada una, la fecha límite, el monto posible, los documentos
solicitados y la persona del equipo que prepara la postulación.
""",
        },
        "pt": {
            "title": "Diversificar as receitas: bilheteria, patrocínio, editais de fomento",
            "body": """\
## Não depender de um só financiador

Um festival financiado em 80 % por um único apoio é frágil. Procure ter pelo menos **três fontes** de receita.

## Os caminhos

- **Bilheteria**: uma inteira, uma meia-entrada (estudantes, alunos da Aliança) e ingressos gratuitos para os
  públicos com menos acesso à cultura.
- **Patrocínio** de empresas francesas instaladas no país ou de empresas locais, inclusive por meio das leis de
  incentivo à cultura: ofereça contrapartidas concretas (ingressos, visibilidade, oficina para os funcionários).
- **Apoios públicos**: Embaixada da França, Institut français, prefeitura, secretaria ou ministério da cultura,
  fundos de cooperação regional.
- **Financiamento coletivo** para um projeto que mobiliza uma comunidade.
- **Receitas complementares**: bar, venda de discos dos artistas (em benefício dos artistas).

## O calendário dos financiadores

Os editais de fomento costumam ter prazos de seis a nove meses antes do evento. Desde janeiro, mantenha um
calendário dos editais do ano com, para cada um, o prazo, o valor possível, os documentos exigidos e a pessoa da
equipe que prepara a inscrição.
""",
        },
    },
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
    translations={
        "es": {
            "title": "Definir indicadores antes del proyecto",
            "body": """\
## Solo se evalúa bien lo que se planeó evaluar

Los indicadores se eligen **al escribir la nota de intención**, no la víspera del balance. Si no, siempre faltan las
cifras que habrían sido útiles.

## Tres familias de indicadores

- **Actividades**: número de conciertos, de talleres, de artistas programados;
- **Resultados**: asistencia, proporción de públicos nuevos, de artistas locales, de mujeres programadas;
- **Impacto**: lo que cambió para los artistas (contratos obtenidos después del festival) o para los públicos.

## Agregar indicadores de sostenibilidad

- huella de carbono por espectador;
- proporción de comidas vegetarianas;
- número de eventos con interpretación en lengua de señas.

## Planificar la recolección

Para cada indicador, anote quién lo recoge, cómo y cuándo: un conteo en la entrada, un cuestionario corto (tres
preguntas, en papel y en línea), las cifras de la taquilla. Cuente a las personas sin recoger nunca más datos
personales de los necesarios: los totales bastan.
""",
        },
        "pt": {
            "title": "Definir indicadores antes do projeto",
            "body": """\
## Só se avalia bem o que se planejou avaliar

Os indicadores são escolhidos **na hora da nota de intenção**, e não na véspera do balanço. Senão, sempre faltam os
números que teriam sido úteis.

## Três famílias de indicadores

- **Realização**: número de shows, de oficinas, de artistas programados;
- **Resultados**: público presente, proporção de novos públicos, de artistas locais, de mulheres na programação;
- **Impacto**: o que mudou para os artistas (contratos conseguidos depois do festival) ou para os públicos.

## Incluir indicadores de sustentabilidade

- pegada de carbono por espectador;
- proporção de refeições vegetarianas;
- número de eventos com interpretação em Libras.

## Planejar a coleta

Para cada indicador, anote quem coleta, como e quando: uma contagem na entrada, um questionário curto (três
perguntas, no papel e on-line), os números da bilheteria. Conte as pessoas sem nunca coletar mais dados pessoais do
que o necessário: totais bastam.
""",
        },
    },
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
    translations={
        "es": {
            "title": "El balance: un documento útil, no un trámite",
            "body": """\
## ¿Para quién se escribe el balance?

Para los financiadores, claro, pero también para el equipo del año que viene. Un buen balance cabe en **cuatro
páginas**, más los anexos.

## La estructura

1. **El proyecto en cifras**: media página con los indicadores previstos y los obtenidos.
2. **Lo que funcionó bien**, con ejemplos y citas del público o de los artistas.
3. **Lo que funcionó menos bien** y por qué, sin buscar culpables.
4. **Las recomendaciones** para la próxima edición.
5. **El presupuesto ejecutado** comparado con el proyectado, con la explicación de las diferencias.

## Compartirlo

Envíe el balance a los socios con unas palabras de agradecimiento y dos o tres fotos. Súbalo a la base de recursos
de la red: tal vez otra Alianza esté preparando el mismo proyecto.

## El balance en equipo

Antes de escribirlo, reúna durante una hora al equipo, a los voluntarios y, si es posible, a uno o dos artistas.
Cada uno dice qué conservaría, qué cambiaría y qué agregaría. Esas respuestas son las mejores recomendaciones.
""",
        },
        "pt": {
            "title": "O balanço: um documento útil, não uma formalidade",
            "body": """\
## Para quem se escreve o balanço?

Para os financiadores, claro, mas também para a equipe do ano que vem. Um bom balanço cabe em **quatro páginas**,
mais os anexos.

## O roteiro

1. **O projeto em números**: meia página com os indicadores previstos e alcançados.
2. **O que funcionou bem**, com exemplos e falas do público ou dos artistas.
3. **O que funcionou menos bem** e por quê, sem procurar culpados.
4. **As recomendações** para a próxima edição.
5. **O orçamento realizado** comparado com o previsto, com a explicação das diferenças.

## Compartilhar

Envie o balanço aos parceiros com uma mensagem de agradecimento e duas ou três fotos. Deposite-o na base de recursos
da rede: talvez outra Aliança esteja preparando o mesmo projeto.

## O balanço em equipe

Antes de escrever, reúna por uma hora a equipe, os voluntários e, se possível, um ou dois artistas. Cada um diz o
que manteria, o que mudaria e o que acrescentaria. Essas respostas rendem as melhores recomendações.
""",
        },
    },
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
        "pt": {
            "title": "Financiar e avaliar",
            "summary": "Montar um orçamento sólido, encontrar receitas e prestar contas dos resultados.",
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
                    translations={
                        "es": {"title": "El presupuesto proyectado"},
                        "pt": {"title": "O orçamento previsto"},
                    },
                    lessons=(BUDGET_LINES, COST_EVERYTHING),
                ),
                Module(
                    key="income",
                    title="Les recettes",
                    translations={"es": {"title": "Los ingresos"}, "pt": {"title": "As receitas"}},
                    lessons=(DIVERSIFY_INCOME,),
                ),
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
            translations={
                "es": {
                    "title": "Evaluar un proyecto y rendir cuentas",
                    "summary": (
                        "Indicadores elegidos desde el principio y un balance que sirve para la próxima edición."
                    ),
                    "objectives": (
                        "- Elegir indicadores de actividades, de resultados y de impacto\n"
                        "- Organizar la recolección de datos\n"
                        "- Redactar un balance útil en cuatro páginas"
                    ),
                },
                "pt": {
                    "title": "Avaliar um projeto e prestar contas",
                    "summary": "Indicadores escolhidos desde o início e um balanço que serve para a próxima edição.",
                    "objectives": (
                        "- Escolher indicadores de realização, de resultado e de impacto\n"
                        "- Organizar a coleta de dados\n"
                        "- Redigir um balanço útil em quatro páginas"
                    ),
                },
            },
            modules=(
                Module(
                    key="evaluate",
                    title="Évaluer",
                    translations={"es": {"title": "Evaluar"}, "pt": {"title": "Avaliar"}},
                    lessons=(INDICATORS_BEFORE, USEFUL_REPORT),
                ),
            ),
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

# Shown once every demo has loaded, when the knowledge base offers its budget template (``courses.demo``).
EMBEDDED = (
    Embedded(
        topic="festival-budget",
        course="festival-budget",
        module="expenses",
        lesson=Lesson(
            key="network-budget-template",
            kind="embed",
            title="Partir d'un modèle de budget du réseau",
            minutes=10,
            required=False,
            body=(
                "Inutile de partir d'une page blanche : une Alliance du réseau a partagé son modèle de budget dans "
                "la base de connaissances. Ouvrez-le, comparez ses postes avec ceux de la leçon précédente et "
                "gardez ceux qui servent votre festival."
            ),
            translations={
                "es": {
                    "title": "Partir de una plantilla de presupuesto de la red",
                    "body": (
                        "No hace falta empezar de cero: una Alianza de la red compartió su plantilla de presupuesto "
                        "en la base de conocimientos. Ábrala, compare sus partidas con las de la lección anterior y "
                        "conserve las que sirven a su festival."
                    ),
                },
                "pt": {
                    "title": "Partir de um modelo de orçamento da rede",
                    "body": (
                        "Não é preciso começar do zero: uma Aliança da rede compartilhou seu modelo de orçamento na "
                        "base de conhecimento. Abra-o, compare suas rubricas com as da lição anterior e fique com as "
                        "que servem ao seu festival."
                    ),
                },
                "en": {
                    "title": "Start from a budget template shared by the network",
                    "body": (
                        "No need to start from a blank page: an Alliance of the network shared its budget template "
                        "in the knowledge base. Open it, compare its lines with those of the previous lesson and "
                        "keep the ones your festival needs."
                    ),
                },
            },
        ),
    ),
)
