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

Lo primero que nos viene a la mente son los vasos de plástico. Cuentan, pero lo grueso de las emisiones está en otra
parte:

- **Los desplazamientos del público** suelen representar las tres cuartas partes de la huella de un festival.
- **Los desplazamientos de los artistas**, sobre todo en avión: un viaje de ida y vuelta París-Bogotá equivale a
  unas 2,6 toneladas de CO2e por persona, París-Buenos Aires a unas 3,4 toneladas. Una persona en Francia emite unas
  9 toneladas al año.
- **Las compras**: equipos, escenografía, impresión, artículos promocionales.
- **La energía**: aire acondicionado, iluminación, planta eléctrica.
- **Las comidas**: unos 0,5 kg CO2e por una comida vegetariana, hasta 7 kg si lleva carne de res.

## Lo que esto cambia para nuestras Alianzas

- ¿Va a invitar a un artista de Europa? **Organice una gira** con otras Alianzas de la región y alargue la estadía
  (residencia, talleres).
- Elija lugares **bien conectados con el transporte público** e indíquelo en la difusión.
- Ofrezca **comida vegetariana** como opción por defecto.

## Los tres pilares

La red aborda el desarrollo sostenible desde tres pilares: **medio ambiente**, **accesibilidad** y **ciudadanía**.
Un evento ecorresponsable sigue siendo accesible para todas y todos: cada medida ecológica conserva una solución
para las personas con discapacidad (por ejemplo, estacionamientos reservados en un plan «sin auto»).
""",
        },
        "pt": {
            "title": "Clima e cultura: as ordens de grandeza",
            "body": """\
## De onde vêm as emissões de um evento?

A gente pensa primeiro nos copos de plástico. Eles contam, mas o grosso das emissões está em outro lugar:

- **Os deslocamentos do público** muitas vezes representam três quartos da pegada de um festival.
- **Os deslocamentos dos artistas**, sobretudo de avião: uma viagem de ida e volta Paris-Bogotá equivale a cerca de
  2,6 toneladas de CO2e por pessoa, Paris-Buenos Aires a cerca de 3,4 toneladas. Uma pessoa na França emite cerca de
  9 toneladas por ano.
- **As compras**: equipamento, cenografia, impressão, brindes.
- **A energia**: ar-condicionado, iluminação, gerador.
- **As refeições**: cerca de 0,5 kg CO2e por uma refeição vegetariana, até 7 kg com carne bovina.

## O que isso muda para as nossas Alianças

- Vai convidar um artista da Europa? **Monte uma turnê** com outras Alianças da região e prolongue a estadia
  (residência, oficinas).
- Escolha locais **bem servidos pelo transporte público** e informe isso na divulgação.
- Ofereça **comida vegetariana** como padrão.

## Os três pilares

A rede trata o desenvolvimento sustentável a partir de três pilares: **meio ambiente**, **acessibilidade** e
**cidadania**. Um evento ecorresponsável continua acessível a todas e todos: cada medida ecológica mantém uma
solução para as pessoas com deficiência (por exemplo, vagas reservadas num plano “sem carro”).
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
    translations={
        "es": {
            "title": "La lista de verificación de eventos ecorresponsables de la red",
            "body": """\
## Una lista corta, para usar en cada evento

La red propone una lista de verificación para completar en cada evento. Cabe en una página y se prepara con el
equipo tres semanas antes de la fecha.

## Antes

- [ ] Se puede llegar al lugar en transporte público y sin escalones; la información de acceso está publicada.
- [ ] Los artistas que vienen de lejos tienen otras fechas en la región o un programa de varios días.
- [ ] Los impresos se limitan al mínimo; los afiches no llevan fecha para poder reutilizarlos.
- [ ] Se evitan los artículos promocionales, o son útiles y de producción local.

## Durante

- [ ] Agua potable gratuita y vasos reutilizables, sin botellas de plástico.
- [ ] Comidas vegetarianas y proveedores de catering locales.
- [ ] Separación de residuos con un gestor confirmado (no solo contenedores de colores).
- [ ] El aire acondicionado a 26 °C como mínimo, con las puertas cerradas.

## Después

- [ ] Los residuos pesados en una muestra, los trayectos de los artistas anotados.
- [ ] El balance de la lista compartido con el equipo, y una mejora elegida para la próxima vez.

> La lista no es un examen: marcar «no» es útil, porque muestra dónde se puede mejorar.
""",
        },
        "pt": {
            "title": "O checklist de evento ecorresponsável da rede",
            "body": """\
## Uma lista curta, usada em todo evento

A rede propõe um checklist para preencher a cada evento. Ele cabe em uma página e é preparado com a equipe três
semanas antes da data.

## Antes

- [ ] O local tem acesso por transporte público e sem degraus; as informações de acesso estão publicadas.
- [ ] Os artistas que vêm de longe têm outras datas na região ou uma programação de vários dias.
- [ ] Os materiais impressos são poucos; os cartazes não têm data, para poderem ser reaproveitados.
- [ ] Os brindes são evitados, ou são úteis e produzidos localmente.

## Durante

- [ ] Água potável gratuita e copos reutilizáveis, nada de garrafas plásticas.
- [ ] Refeições vegetarianas e bufês locais.
- [ ] Coleta seletiva com destino confirmado (não só lixeiras coloridas).
- [ ] Ar-condicionado a no mínimo 26 °C, com as portas fechadas.

## Depois

- [ ] Os resíduos pesados por amostragem, os trajetos dos artistas anotados.
- [ ] O resultado do checklist compartilhado com a equipe, e uma melhoria escolhida para a próxima vez.

> O checklist não é uma prova: marcar “não” é útil, é o que mostra onde melhorar.
""",
        },
    },
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
    translations={
        "es": {
            "title": "Comida, agua y residuos",
            "body": """\
## El agua

En muchas ciudades de la región, el agua de la llave no es potable. Alquile un **dispensador** o botellones de gran
capacidad y ofrezca vasos reutilizables con depósito, lavados en el lugar o por un proveedor.

## Las comidas

- Un menú **vegetariano por defecto** para los artistas, el equipo y los invitados, con otra opción a pedido.
- **Proveedores locales** y productos de temporada.
- Cantidades ajustadas a las inscripciones reales, y una solución para las sobras (repartirlas en el equipo,
  donarlas a una organización local).

## Los residuos

Casi la mitad de los residuos de la región son orgánicos, y solo una pequeña parte se recicla. No basta con poner
contenedores de separación:

1. Encuentre un **gestor** que de verdad recoja los residuos separados (reciclador, cooperativa de recicladores,
   municipio) y guarde una carta o un recibo.
2. Reduzca en la fuente: nada de vajilla desechable ni de sobres individuales.
3. **Composte** los residuos orgánicos si una huerta o una granja urbana cercana puede recibirlos.
4. **Pese** los residuos de un evento tipo una vez al año para seguir los avances.
""",
        },
        "pt": {
            "title": "Alimentação, água e resíduos",
            "body": """\
## A água

Em muitas cidades da região, a água da torneira não é potável. Alugue um **bebedouro** ou galões de grande
capacidade e ofereça copos reutilizáveis com caução, lavados no local ou por uma empresa contratada.

## As refeições

- Um cardápio **vegetariano como padrão** para os artistas, a equipe e os convidados, com outra opção sob pedido.
- **Fornecedores locais** e produtos da estação.
- Quantidades ajustadas às inscrições reais, e uma solução para as sobras (dividir com a equipe, doar a uma
  organização local).

## Os resíduos

Quase metade dos resíduos da região é orgânica, e só uma pequena parte é reciclada. Lixeiras de coleta seletiva não
bastam:

1. Encontre um **destino** que realmente receba os resíduos separados (empresa de reciclagem, cooperativa de
   catadores, prefeitura) e guarde uma declaração ou um recibo.
2. Reduza na origem: nada de louça descartável nem de sachês individuais.
3. **Composte** os resíduos orgânicos se uma horta ou fazenda urbana próxima puder recebê-los.
4. **Pese** os resíduos de um evento típico uma vez por ano para acompanhar o progresso.
""",
        },
    },
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
    translations={
        "es": {
            "title": "Escenografía circular y compras responsables",
            "body": """\
## Reutilizar antes de comprar

Escenografía, mobiliario de exposición, señalización: antes de cada compra, hágase tres preguntas.

1. ¿Podemos **reutilizar** lo que ya tenemos?
2. ¿Podemos **pedirlo prestado** o **alquilarlo** (a otra Alianza, un teatro, una escuela de artes)?
3. Si lo compramos, ¿podremos **reutilizarlo**, donarlo o reciclarlo después?

## Diseñar para desmontar

- Módulos estándar (paneles, cajas) en lugar de escenografías únicas.
- Uniones atornilladas en lugar de pegadas.
- Piezas gráficas sin fecha, o con la fecha en una franja removible.

## Compras responsables

Una regla de compras sencilla, escrita y conocida por el equipo: productos duraderos y reparables, proveedores
locales, comercio justo cuando sea posible, dos cotizaciones por encima de cierto monto. Lleve un **inventario
compartido** del material: evita volver a comprar lo que está guardado en una bodega.

Comparta ese inventario con las Alianzas y los espacios culturales de su ciudad: prestar un panel de exposición o un
proyector es un favor que crea lazos.
""",
        },
        "pt": {
            "title": "Cenografia circular e compras responsáveis",
            "body": """\
## Reaproveitar antes de comprar

Cenários, mobiliário de exposição, sinalização: antes de cada compra, faça três perguntas.

1. Dá para **reaproveitar** o que já temos?
2. Dá para **pegar emprestado** ou **alugar** (de outra Aliança, de um teatro, de uma escola de artes)?
3. Se comprarmos, vamos poder **reaproveitar**, doar ou reciclar depois?

## Projetar para desmontar

- Módulos padrão (painéis, caixas) em vez de cenários únicos.
- Montagens parafusadas em vez de coladas.
- Peças gráficas sem data, ou com a data numa faixa removível.

## Compras responsáveis

Uma regra de compras simples, escrita e conhecida pela equipe: produtos duráveis e consertáveis, fornecedores
locais, comércio justo quando possível, dois orçamentos acima de um certo valor. Mantenha um **inventário
compartilhado** do material: ele evita comprar de novo o que está parado num depósito.

Compartilhe esse inventário com as Alianças e os espaços culturais da sua cidade: emprestar um painel de exposição
ou um projetor ajuda os outros e cria laços.
""",
        },
    },
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
    translations={
        "es": {
            "title": "Recurso: la transición ecológica de la cultura",
            "body": """\
La página del Ministerio de Cultura de Francia sobre la transición ecológica reúne la *Guía de orientación e
inspiración* (2023, en francés), los objetivos de medición de la huella de los eventos y muchos ejemplos de espacios
culturales. Recorra la parte dedicada a los eventos y anote dos ideas que pueda aplicar en su Alianza.
""",
        },
        "pt": {
            "title": "Recurso: a transição ecológica da cultura",
            "body": """\
A página do Ministério da Cultura da França sobre a transição ecológica reúne o *Guia de orientação e inspiração*
(2023, em francês), as metas de medição da pegada dos eventos e muitos exemplos de espaços culturais. Percorra a
parte dedicada aos eventos e anote duas ideias que você possa aplicar na sua Aliança.
""",
        },
    },
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
    translations={
        "es": {
            "title": "Alcance y datos que hay que recopilar",
            "body": """\
## Primero, medir

Medir la huella de carbono de un evento es saber dónde actuar. Una primera medición, aunque sea imperfecta, ya es un
avance: la segunda será mejor.

## El alcance

Decida qué va a medir y dígalo en el balance:

- **Energía**: electricidad (facturas o medidor), combustible de la planta eléctrica;
- **Desplazamientos**: artistas, equipo, público;
- **Comidas**: número de comidas por tipo;
- **Compras y residuos**: equipos, impresos, kilos de residuos.

## Los datos que hay que recopilar

| Fuente de emisión | Dato | Dónde se obtiene |
|---|---|---|
| Electricidad | kWh | lectura del medidor antes y después |
| Planta eléctrica | litros | facturas de combustible |
| Artistas | trayectos, medio de transporte, distancia | registro de viajes |
| Público | medio de transporte y distancia | cuestionario a una muestra |
| Comidas | número por tipo | facturas del catering |
| Impresión | número de ejemplares | órdenes de compra |

## Los factores de emisión

Cada dato se multiplica por un **factor de emisión** (kg CO2e por kWh, por km, por comida). Anote siempre la fuente
y el año del factor que usó: los factores de la electricidad cambian mucho de un país a otro.
""",
        },
        "pt": {
            "title": "Escopo e dados a coletar",
            "body": """\
## Primeiro, medir

Medir a pegada de carbono de um evento é saber onde agir. Uma primeira medição, mesmo imperfeita, já é um avanço: a
segunda será melhor.

## O escopo

Escolha o que você vai medir e diga isso no balanço:

- **Energia**: eletricidade (contas ou medidor), combustível do gerador;
- **Deslocamentos**: artistas, equipe, público;
- **Refeições**: número de refeições por tipo;
- **Compras e resíduos**: equipamento, impressos, quilos de resíduos.

## Os dados a coletar

| Fonte de emissão | Dado | Onde obter |
|---|---|---|
| Eletricidade | kWh | leitura do medidor antes e depois |
| Gerador | litros | notas de combustível |
| Artistas | trajetos, meio de transporte, distância | registro de viagens |
| Público | meio de transporte e distância | questionário por amostragem |
| Refeições | número por tipo | notas fiscais do bufê |
| Impressão | número de exemplares | pedidos de compra |

## Os fatores de emissão

Cada dado é multiplicado por um **fator de emissão** (kg CO2e por kWh, por km, por refeição). Anote sempre a fonte e
o ano do fator usado: os fatores da eletricidade mudam muito de um país para outro.
""",
        },
    },
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
    translations={
        "es": {
            "title": "Calcular los desplazamientos de los artistas y del público",
            "body": """\
## Los artistas

Lleve un **registro de viajes** para cada evento: trayecto, medio de transporte, número de personas. Para el avión,
cuente unos 152 g CO2e por pasajero y por kilómetro en los vuelos de larga distancia (incluidos los efectos
distintos del CO2).

Ejemplo: un trío que viene de París para tres fechas en Bogotá, Medellín y Quito.

- Tres viajes de ida y vuelta París-Bogotá: unas 3 × 2,6 = 7,8 t CO2e.
- Repartido en tres fechas: 2,6 t por concierto en lugar de 7,8 t para un concierto único.

## El público

Basta un cuestionario de tres preguntas, aplicado a una muestra de 50 a 100 personas:

1. ¿De dónde viene (barrio o ciudad)?
2. ¿Cómo llegó (a pie, en bicicleta, en bus, en carro, en moto, en taxi)?
3. ¿Cuántas personas venían en el vehículo?

Luego extrapole los resultados a la asistencia total.

## Actuar

- Organizar giras en conjunto con las Alianzas vecinas.
- Programar en lugares bien conectados con el transporte público.
- Publicar en cada anuncio cómo llegar a pie, en bicicleta y en bus.
""",
        },
        "pt": {
            "title": "Calcular os deslocamentos dos artistas e do público",
            "body": """\
## Os artistas

Mantenha um **registro de viagens** para cada evento: trajeto, meio de transporte, número de pessoas. Para o avião,
conte cerca de 152 g CO2e por passageiro e por quilômetro nos voos de longa distância (incluídos os efeitos além do
CO2).

Exemplo: um trio vindo de Paris para três datas em Bogotá, Medellín e Quito.

- Três viagens de ida e volta Paris-Bogotá: cerca de 3 × 2,6 = 7,8 t CO2e.
- Divididas por três datas: 2,6 t por show, em vez de 7,8 t para um show único.

## O público

Um questionário de três perguntas, aplicado a uma amostra de 50 a 100 pessoas, é suficiente:

1. De onde você vem (bairro ou cidade)?
2. Como você veio (a pé, de bicicleta, de ônibus, de carro, de moto, de táxi ou aplicativo)?
3. Quantas pessoas estavam no veículo?

Depois, extrapole para o público total.

## Agir

- Montar turnês em conjunto com as Alianças vizinhas.
- Programar em locais bem servidos pelo transporte público.
- Publicar em cada anúncio como chegar a pé, de bicicleta e de ônibus.
""",
        },
    },
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
    translations={
        "es": {
            "title": "Recurso: la Base Empreinte de la ADEME",
            "body": """\
La Base Empreinte de la ADEME, la agencia francesa de transición ecológica, publica los factores de emisión de
referencia (transporte, energía, alimentación, compras), en francés. Busque el factor «avion long courrier» (avión
de larga distancia) y el de una comida vegetariana, y compárelos con las cifras de la lección anterior.
""",
        },
    },
)

ECO_DESIGN = Track(
    key="eco-design",
    title="Éco-concevoir un événement",
    summary="Comprendre les ordres de grandeur, appliquer la checklist du réseau, mesurer l'empreinte carbone.",
    translations={
        "es": {
            "title": "Ecodiseño de eventos",
            "summary": (
                "Entender los órdenes de magnitud, aplicar la lista de verificación de la red, medir la huella de "
                "carbono."
            ),
        },
        "pt": {
            "title": "Ecodesign de eventos",
            "summary": "Entender as ordens de grandeza, aplicar o checklist da rede, medir a pegada de carbono.",
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
                    "title": "Ecodiseño de un evento",
                    "summary": "Transporte, comida, residuos, escenografía: los aspectos que realmente pesan.",
                    "objectives": (
                        "- Conocer las principales fuentes de emisiones de un evento cultural\n"
                        "- Aplicar la lista de verificación de eventos ecorresponsables de la red\n"
                        "- Reducir los residuos y elegir compras responsables"
                    ),
                },
                "pt": {
                    "title": "Ecodesign de um evento",
                    "summary": "Transporte, alimentação, resíduos, cenografia: o que realmente faz diferença.",
                    "objectives": (
                        "- Conhecer as principais fontes de emissões de um evento cultural\n"
                        "- Aplicar o checklist de evento ecorresponsável da rede\n"
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
                    "summary": "Alcance, datos, factores de emisión: una primera medición realista.",
                    "objectives": (
                        "- Definir el alcance de una medición de huella\n"
                        "- Recopilar los datos de energía, desplazamientos y comidas\n"
                        "- Calcular las emisiones de los desplazamientos y definir acciones a partir de ellas"
                    ),
                },
                "pt": {
                    "title": "Medir a pegada de carbono de um evento",
                    "summary": "Escopo, dados, fatores de emissão: uma primeira medição realista.",
                    "objectives": (
                        "- Definir o escopo de uma medição de pegada\n"
                        "- Coletar os dados de energia, deslocamentos e refeições\n"
                        "- Calcular as emissões dos deslocamentos e definir ações a partir delas"
                    ),
                },
            },
            modules=(
                Module(
                    key="measure",
                    title="Mesurer",
                    translations={
                        "es": {
                            "title": "Medir",
                        },
                        "pt": {
                            "title": "Medir",
                        },
                    },
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

## Los hábitos básicos

- **Contrastes**: texto oscuro sobre fondo claro, nunca información dada solo por el color.
- **Textos alternativos**: cada imagen publicada lleva una descripción («Afiche del concierto de Los Gaiteros,
  viernes 7 p. m.»).
- **Videos subtitulados**, incluidos los ruidos útiles («aplausos», «música suave»).
- **Documentos** en HTML o en PDF etiquetado, no un afiche escaneado.
- **Enlaces explícitos**: «Leer el programa completo» en lugar de «haga clic aquí».

## En las redes sociales

- Use el campo de texto alternativo que ofrece cada plataforma.
- Evite el texto incrustado en la imagen sin repetirlo en el texto de la publicación.
- Limite los emojis y colóquelos al final de la frase.

## El sitio web

Apunte a la conformidad con las **WCAG 2.2 nivel AA** (o con la norma de su país) y publique una declaración de
accesibilidad que diga lo que funciona, lo que todavía no funciona y cómo obtener una alternativa.
""",
        },
        "pt": {
            "title": "O básico da comunicação acessível",
            "body": """\
## Uma comunicação acessível serve a todo mundo

Cerca de uma pessoa em cada seis vive com alguma deficiência. Uma comunicação acessível inclui essas pessoas, e
também fica mais clara para os idosos, para quem lê num idioma estrangeiro ou numa tela pequena.

## Os cuidados básicos

- **Contraste**: texto escuro sobre fundo claro, nunca uma informação dada só pela cor.
- **Texto alternativo**: toda imagem publicada tem descrição (“Cartaz do show de Los Gaiteros, sexta-feira, 19h”).
- **Vídeos legendados**, incluindo os sons que importam (“aplausos”, “música suave”).
- **Documentos** em HTML ou em PDF acessível, e não um cartaz escaneado.
- **Links explícitos**: “Ler a programação completa”, e não “clique aqui”.

## Nas redes sociais

- Use o campo de texto alternativo que cada plataforma oferece.
- Evite texto dentro da imagem sem repeti-lo na publicação.
- Use poucos emojis e coloque-os no fim da frase.

## O site

Busque a conformidade com as **WCAG 2.2 nível AA** (ou com o eMAG, no caso de órgãos públicos) e publique uma
declaração de acessibilidade que diga o que funciona, o que ainda não funciona e como obter uma alternativa.
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
    translations={
        "es": {
            "title": "Escribir en lectura fácil",
            "body": """\
## ¿Qué es la lectura fácil?

La **lectura fácil** (*facile à lire et à comprendre* en francés, *leitura fácil* en portugués, *easy-to-read* en
inglés) es una forma de escribir pensada con y para las personas con discapacidad intelectual. También ayuda a
quienes están aprendiendo el idioma, y a muchas otras personas.

## Las reglas principales

- Una idea por frase, frases cortas.
- Palabras sencillas y de uso común; explicar las palabras difíciles.
- Siempre las mismas palabras para las mismas cosas.
- Números en cifras y no en letras («3» y no «tres»).
- Una tipografía sin serifa, de buen tamaño, alineada a la izquierda.
- Una imagen que ilustre cada idea importante.

## Un ejemplo

*Antes*: «La Alianza Francesa tiene el agrado de invitarle a la velada inaugural de la exposición fotográfica, que
se llevará a cabo en la galería principal».

*Después*: «El viernes 12 de marzo, a las 6 de la tarde, abrimos una exposición de fotos. La exposición está en la
sala grande. La entrada es gratis».

## Revisar con las personas concernidas

Un texto en lectura fácil se revisa con personas que lo necesitan. Una organización local de personas con
discapacidad puede ser una aliada valiosa para eso.
""",
        },
        "pt": {
            "title": "Escrever em leitura fácil",
            "body": """\
## O que é a leitura fácil?

A **leitura fácil** (*facile à lire et à comprendre* em francês, *lectura fácil* em espanhol, *easy-to-read* em
inglês) é uma forma de escrever pensada com e para as pessoas com deficiência intelectual. Ela também ajuda quem
está aprendendo o idioma, e muita gente mais.

## As regras principais

- Uma ideia por frase, frases curtas.
- Palavras simples e do dia a dia; explicar as palavras difíceis.
- Sempre as mesmas palavras para as mesmas coisas.
- Números em algarismos e não por extenso (“3” e não “três”).
- Uma fonte sem serifa, de bom tamanho, alinhada à esquerda.
- Uma imagem que ilustre cada ideia importante.

## Um exemplo

*Antes*: “A Aliança Francesa tem o prazer de convidá-lo para a noite de abertura da exposição fotográfica, que será
realizada na galeria principal.”

*Depois*: “Na sexta-feira, 12 de março, às 18h, vamos abrir uma exposição de fotos. A exposição fica na sala grande.
A entrada é grátis.”

## Revisar com as pessoas interessadas

Um texto em leitura fácil é revisado com pessoas que precisam dele. Uma associação local de pessoas com deficiência
pode se tornar uma parceira valiosa para isso.
""",
        },
    },
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
    translations={
        "es": {
            "title": "Recurso: presentación de las WCAG por el W3C",
            "body": """\
La presentación oficial de las Pautas de Accesibilidad para el Contenido Web (WCAG), en francés; el sitio del W3C la
ofrece también en español. Lea los cuatro principios (perceptible, operable, comprensible, robusto) e identifique
tres criterios que su sitio o sus redes todavía no cumplen.
""",
        },
        "pt": {
            "title": "Recurso: apresentação das WCAG pelo W3C",
            "body": """\
A apresentação oficial das Diretrizes de Acessibilidade para Conteúdo Web (WCAG), em francês; o site do W3C também a
oferece em português. Leia os quatro princípios (perceptível, operável, compreensível, robusto) e identifique três
critérios que o seu site ou as suas redes ainda não cumprem.
""",
        },
    },
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
    translations={
        "pt": {
            "title": "Receber o público com deficiência",
            "body": """\
## Quatro grandes tipos de deficiência

A acolhida se prepara para quatro grandes tipos de deficiência: **física**, **visual**, **auditiva**, **intelectual
ou psicossocial**. Muitas deficiências são invisíveis.

## Acolher é antes de tudo uma atitude

- Ofereça ajuda, não imponha nada, e pergunte como ajudar.
- Fale com a pessoa, e não com o acompanhante ou o intérprete dela.
- Diante de uma pessoa surda, olhe para ela e articule bem, sem gritar.
- Descreva o espaço para uma pessoa cega e anuncie-se ao chegar.

## O que se prepara com antecedência

- Um caminho sem degraus da rua até a sala, e banheiros acessíveis.
- Lugares para cadeira de rodas que possam ser reservados, com um lugar para o acompanhante, sem custo extra.
- Um aro magnético para as pessoas que usam aparelho auditivo, se a sala tiver.
- Um plano de evacuação que leve em conta as pessoas com mobilidade reduzida.

## Formar a equipe

As pessoas da recepção, da bilheteria e da sala precisam conhecer esses cuidados. Uma formação curta no início do
semestre, com uma associação local, faz uma grande diferença.
""",
        },
    },
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
    translations={
        "es": {
            "title": "Anunciar las condiciones de acceso de cada evento",
            "body": """\
## Una información que casi siempre falta

Una persona en silla de ruedas, sorda o ciega necesita saber **antes** de desplazarse si podrá disfrutar del evento.
Sin esa información, no viene.

## El bloque «accesibilidad» de cada anuncio

Agregue a cada página de evento y a cada publicación un bloque corto:

- **Acceso**: sin escalones / con un escalón / en un piso alto sin ascensor;
- **Subtítulos** o **interpretación** en lengua de señas: sí / no;
- **Bucle magnético**: sí / no;
- **Contacto** para preparar la visita: un número de WhatsApp y un correo electrónico.

## Ser honestos

Si el lugar no es accesible, dígalo y proponga una alternativa (otra fecha en un lugar accesible, una transmisión en
línea subtitulada). La confianza nace de la información exacta, no de la promesa. Verifique usted mismo el acceso de
un lugar aliado antes de anunciarlo: basta un escalón olvidado para cerrar la puerta.
""",
        },
        "pt": {
            "title": "Divulgar as condições de acesso de cada evento",
            "body": """\
## Uma informação que quase sempre falta

Uma pessoa em cadeira de rodas, surda ou cega precisa saber **antes** de sair de casa se vai poder aproveitar o
evento. Sem essa informação, ela não vem.

## O bloco “acessibilidade” de cada anúncio

Acrescente a cada página de evento e a cada publicação um bloco curto:

- **Acesso**: sem degraus / com um degrau / em andar superior sem elevador;
- **Legendas** ou **interpretação** em Libras: sim / não;
- **Aro magnético**: sim / não;
- **Contato** para preparar a visita: um número de WhatsApp e um e-mail.

## Ser honesto

Se o local não for acessível, diga isso e proponha uma alternativa (outra data num local acessível, uma transmissão
on-line legendada). A confiança vem da informação exata, não da promessa. Verifique você mesmo o acesso de um local
parceiro antes de anunciá-lo: basta um degrau esquecido para fechar a porta.
""",
        },
    },
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
        "pt": {
            "title": "Acessibilidade e inclusão",
            "summary": "Comunicar de forma acessível e receber bem todos os públicos.",
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
                    translations={
                        "es": {"title": "Escribir y publicar de forma accesible"},
                        "pt": {"title": "Escrever e publicar de forma acessível"},
                    },
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
            translations={
                "es": {
                    "title": "Recibir a todos los públicos",
                    "summary": (
                        "Preparar la atención a las personas con discapacidad y anunciar con claridad las "
                        "condiciones de acceso."
                    ),
                    "objectives": (
                        "- Conocer los cuatro grandes tipos de discapacidad y las buenas prácticas de atención\n"
                        "- Publicar las condiciones de acceso de cada evento"
                    ),
                },
                "pt": {
                    "title": "Receber bem todos os públicos",
                    "summary": (
                        "Preparar o atendimento às pessoas com deficiência e divulgar com clareza as condições de "
                        "acesso."
                    ),
                    "objectives": (
                        "- Conhecer os quatro grandes tipos de deficiência e os cuidados no atendimento\n"
                        "- Publicar as condições de acesso de cada evento"
                    ),
                },
            },
            modules=(
                Module(
                    key="welcome",
                    title="Accueillir",
                    translations={"es": {"title": "Recibir"}, "pt": {"title": "Receber"}},
                    lessons=(FOUR_FAMILIES, ANNOUNCE_ACCESS),
                ),
            ),
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
