# SPDX-License-Identifier: AGPL-3.0-or-later
"""Single-source items in French, part 1: AOAPE wire, Sahel Agri Info, UEMOA, Journal officiel."""

from corpus_model import Single as S, T

SINGLES_FR1 = [
    # --- Agence Ouest-Africaine de Presse économique (wire) ---
    S("aoape", "2026-01-09T10:20:00+00:00", ["coton", "Mali", "CMDT", "paiements"], T(
        "Mali : la CMDT annonce le paiement intégral des producteurs de coton pour la campagne 2025-2026",
        """
Bamako, 9 janvier 2026 (AOAPE) – La Compagnie malienne pour le développement des textiles (CMDT) a annoncé jeudi avoir soldé l’ensemble des sommes dues aux producteurs de coton au titre de la campagne 2025-2026, soit 196 milliards de FCFA pour 668 000 tonnes de coton graine achetées.

Les paiements ont été effectués pour l’essentiel par virement sur les comptes des coopératives ouverts dans les banques et les institutions de microfinance partenaires, un dispositif qui a réduit les délais à moins de trois semaines après l’enlèvement du coton.

La direction générale a indiqué que les crédits d’intrants de la campagne avaient été recouvrés à 97 %. Les coopératives présentant des impayés supérieurs à 10 % ne pourront pas bénéficier des avances de la prochaine campagne sans plan de remboursement.
"""), slug="cmdt-paiements"),
    S("aoape", "2026-01-16T08:05:00+00:00", ["arachide", "Sénégal", "récolte", "exportation"], T(
        "Sénégal : la production d’arachide estimée à 1,6 million de tonnes",
        """
Dakar, 16 janvier 2026 (AOAPE) – La production d’arachide du Sénégal pour la campagne 2025-2026 est estimée à 1,6 million de tonnes, en hausse de 7 % sur un an, selon les résultats définitifs de l’enquête agricole publiés par le ministère de l’Agriculture.

Le prix au producteur a été fixé à 305 FCFA le kilogramme en début de campagne. Les huiliers locaux, dont la capacité de trituration dépasse 600 000 tonnes, se plaignent toutefois de difficultés d’approvisionnement face aux exportateurs de graines, principalement vers la Chine.

Le gouvernement a maintenu la taxe à l’exportation de 40 FCFA par kilogramme, destinée à protéger l’industrie locale. Les exportateurs demandent sa suppression, estimant qu’elle pénalise les producteurs sans garantir de débouchés aux huileries, dont plusieurs tournent à moins de la moitié de leur capacité.
"""), slug="arachide-senegal"),
    S("aoape", "2026-03-25T17:45:00+00:00", ["BCEAO", "politique monétaire", "taux directeur", "crédit"], T(
        "BCEAO : le principal taux directeur maintenu à 3,25 %",
        """
Dakar, 25 mars 2026 (AOAPE) – Le Comité de politique monétaire de la Banque centrale des États de l’Afrique de l’Ouest (BCEAO) a décidé mercredi de maintenir inchangé à 3,25 % le taux d’intérêt minimum de soumission aux appels d’offres d’injection de liquidité, ainsi que le taux du guichet de prêt marginal à 5,25 %.

Le Comité relève que l’inflation dans l’Union s’est établie à 2,1 % en glissement annuel au quatrième trimestre 2025, dans la cible de 1 % à 3 %, grâce notamment à la bonne tenue des récoltes céréalières. La croissance économique de l’Union est estimée à 6,3 % pour 2025.

Les organisations professionnelles espéraient une baisse des taux pour soutenir le crédit aux petites et moyennes entreprises, dont l’encours ne représente qu’une faible part des crédits bancaires. La BCEAO indique qu’elle poursuivra le dispositif de soutien au financement des PME, qui permet aux banques de refinancer les crédits accordés aux entreprises éligibles.
"""), slug="bceao-taux"),
    S("aoape", "2026-08-11T12:00:00+00:00", ["énergie", "électricité", "Mali", "industrie"], T(
        "Mali : hausse des tarifs d’électricité pour les clients industriels",
        """
Bamako, 11 août 2026 (AOAPE) – La société nationale d’électricité a annoncé une hausse moyenne de 12 % des tarifs appliqués aux clients industriels et commerciaux raccordés en moyenne tension, à compter du 1er septembre. Les tarifs des ménages aux tranches sociales restent inchangés.

La direction invoque le coût du combustible des centrales thermiques et la nécessité de financer la maintenance du réseau, dont les défaillances ont entraîné des délestages prolongés en 2025. Le gouvernement s’est engagé à apurer une partie des arriérés dus par l’État à la société.

Les industriels, notamment dans l’agroalimentaire et l’égrenage de coton, estiment que la hausse pèsera sur leur compétitivité face aux importations. Plusieurs unités étudient l’installation de centrales solaires en autoproduction, encouragée par une exonération de droits de douane sur les panneaux et les batteries.
"""), slug="electricite-mali"),
    S("aoape", "2026-09-03T09:30:00+00:00", ["soja", "Togo", "agriculture biologique", "exportation"], T(
        "Togo : le soja biologique s’impose comme deuxième produit agricole d’exportation",
        """
Lomé, 3 septembre 2026 (AOAPE) – Les exportations de soja biologique du Togo ont atteint 95 000 tonnes en 2025, faisant de cette légumineuse le deuxième produit agricole d’exportation du pays après le coton, selon les données de l’organe national de contrôle de la certification.

La quasi-totalité de la production est expédiée vers l’Union européenne, où elle entre dans l’alimentation animale biologique. Plus de 60 000 producteurs sont engagés dans la filière, encadrés par une quinzaine d’exportateurs qui financent la certification de groupe.

Les contrôles renforcés de l’UE sur les produits biologiques importés, après la découverte de résidus de pesticides dans des lots d’origine africaine en 2024, ont obligé les exportateurs à investir dans des laboratoires d’analyse et dans la traçabilité. Le gouvernement souhaite désormais développer la trituration locale pour exporter de l’huile et des tourteaux.
"""), slug="soja-togo"),
    S("aoape", "2026-11-05T07:50:00+00:00", ["hévéa", "caoutchouc", "Côte d'Ivoire", "prix bord champ"], T(
        "Côte d’Ivoire : le prix du caoutchouc naturel bord champ remonte à 420 FCFA le kilo",
        """
Abidjan, 5 novembre 2026 (AOAPE) – Le prix bord champ du caoutchouc naturel (fonds de tasse) est fixé à 420 FCFA le kilogramme pour le mois de novembre, contre 395 FCFA en octobre, selon le mécanisme de fixation mensuelle indexé sur les cours de Singapour.

La Côte d’Ivoire, premier producteur africain, a produit plus de 1,6 million de tonnes de caoutchouc en 2025. La transformation locale, assurée par une vingtaine d’usines, couvre environ 60 % des volumes, le reste étant exporté sous forme de fonds de tasse.

La filière se prépare à l’application du règlement européen sur la déforestation, qui couvre le caoutchouc. Les usiniers ont commencé à géolocaliser les plantations de leurs fournisseurs, une tâche complexe pour des centaines de milliers de petits planteurs.
"""), slug="hevea-prix"),
    S("aoape", "2026-10-22T14:10:00+00:00", ["oignon", "Niger", "exportation", "corridors"], T(
        "Niger : les exportations d’oignon reprennent vers le Ghana et la Côte d’Ivoire",
        """
Niamey, 22 octobre 2026 (AOAPE) – Les premiers camions d’oignons violets de Galmi ont repris la route des marchés côtiers du Ghana et de la Côte d’Ivoire, après plusieurs mois de perturbations sur les corridors de transit, ont indiqué des commerçants de la région de Tahoua.

Le prix au départ de Madaoua s’établit autour de 18 000 FCFA le sac de 100 kg, en baisse par rapport au pic de juillet, lorsque la pénurie avait fait flamber les cours sur les marchés d’Accra et d’Abidjan. Les transporteurs signalent encore des contrôles nombreux et des prélèvements informels aux frontières.

Le Niger est l’un des premiers producteurs d’oignon d’Afrique de l’Ouest. Faute d’infrastructures de conservation, une part importante de la récolte est perdue ou vendue à bas prix pendant les mois de pointe. Un programme de construction de magasins de stockage ventilés est en cours dans les zones de production.
"""), slug="oignon-niger"),

    # --- Sahel Agri Info ---
    S("sahel", "2026-08-25T09:00:00+00:00", ["sésame", "Burkina Faso", "prix"], T(
        "Sésame : les prix bord champ reculent à l’approche de la récolte",
        """
Les prix du sésame payés aux producteurs ont reculé de 10 à 15 % au cours des quatre dernières semaines dans les principales zones de production du Burkina Faso, à mesure que les commerçants écoulent leurs stocks avant l’arrivée de la nouvelle récolte.

Sur les marchés de Dédougou et de Tougan, le kilogramme s’échangeait entre 650 et 700 FCFA à la mi-août, contre 780 FCFA début juillet. Les acheteurs chinois, principaux clients, restent prudents en attendant l’estimation de la production 2026, annoncée en hausse grâce à une bonne pluviométrie.

Les groupements de producteurs conseillent à leurs membres de ne pas brader leurs stocks et de privilégier les ventes groupées, qui ont permis l’an dernier d’obtenir en moyenne 40 FCFA de plus par kilo. Le sésame blanc décortiqué, destiné au Japon et à la Corée, continue de bénéficier d’une prime de qualité.
"""), slug="sesame-prix-aout"),
    S("sahel", "2026-07-17T11:30:00+00:00", ["ravageurs", "chenille légionnaire", "Mali", "maïs", "alerte"], T(
        "Alerte : infestations de chenille légionnaire d’automne dans le sud du Mali",
        """
Les services de protection des végétaux signalent des infestations de chenille légionnaire d’automne sur des parcelles de maïs dans les cercles de Sikasso, Koutiala et Bougouni, où des taux d’attaque de 20 à 40 % ont été relevés sur de jeunes plants.

Les fortes pluies de début juillet, suivies de courtes séquences sèches, ont créé des conditions favorables au ravageur. Les agents recommandent une surveillance hebdomadaire des champs, la destruction manuelle des masses d’œufs et, au-delà d’un seuil de 20 % de plants attaqués, l’utilisation de produits homologués à base de Bacillus thuringiensis ou d’émamectine.

Les producteurs sont invités à ne pas utiliser de produits non homologués vendus sur les marchés, souvent inefficaces et dangereux pour la santé. Des stocks de biopesticides ont été prépositionnés dans les directions régionales de l’agriculture.
"""), slug="chenille-mali"),
    S("sahel", "2026-02-12T08:00:00+00:00", ["niébé", "Niger", "Nigeria", "commerce régional"], T(
        "Niébé : le Niger veut mieux encadrer ses exportations vers le Nigeria",
        """
Le ministère nigérien du Commerce a lancé une concertation avec les commerçants et les organisations paysannes pour mieux encadrer les exportations de niébé vers le Nigeria, principal débouché de la production nationale.

Chaque année, plusieurs centaines de milliers de tonnes franchissent la frontière, pour l’essentiel de manière informelle. Les autorités souhaitent enregistrer ces flux, mieux connaître les prix et permettre aux producteurs de bénéficier davantage de la valeur du produit, qui peut doubler entre les marchés de collecte de Maradi et ceux de Kano.

Les organisations paysannes demandent des infrastructures de stockage avec traitement hermétique contre les bruches, qui permettraient de conserver le niébé plusieurs mois et de vendre à la période de soudure, lorsque les prix sont les plus élevés. Un système d’information sur les prix par SMS est également envisagé.
"""), slug="niebe-niger"),
    S("sahel", "2026-06-04T10:15:00+00:00", ["karité", "collecte", "prix", "Mali"], T(
        "Karité : démarrage de la collecte des noix, des prix en hausse",
        """
La collecte des noix de karité a démarré dans les parcs arborés du sud du Mali et de l’ouest du Burkina Faso, avec des prix d’achat en hausse par rapport à l’an dernier. Sur le marché de Koutiala, les amandes sèches se négocient entre 230 et 260 FCFA le kilogramme.

La floraison a été jugée bonne par les collectrices, malgré des feux de brousse tardifs dans certaines zones. Les exportateurs, qui préfinancent souvent les coopératives, anticipent une demande soutenue des industriels de la cosmétique et de l’équivalent beurre de cacao.

Les projets d’appui rappellent l’importance du séchage et du stockage : des amandes mal séchées développent des moisissures et une acidité élevée, qui déclassent le beurre produit. Des aires de séchage et des magasins ont été construits dans une trentaine de villages cette année.
"""), slug="karite-collecte"),
    S("sahel", "2026-05-20T13:40:00+00:00", ["mangue séchée", "agriculture biologique", "Burkina Faso", "transformation"], T(
        "Bobo-Dioulasso : une nouvelle unité de mangue séchée certifiée biologique",
        """
Une unité de transformation de mangue séchée d’une capacité de 400 tonnes de produit fini par an a été mise en service à Bobo-Dioulasso. Détenue par une coopérative de 300 membres, dont une majorité de femmes, elle est certifiée biologique et commerce équitable.

L’usine utilise des séchoirs à gaz associés à un préchauffage solaire, ce qui réduit la consommation d’énergie de près d’un tiers par rapport aux équipements traditionnels. Sa production est destinée à des distributeurs en France, en Suisse et en Allemagne, avec lesquels des contrats pluriannuels ont été signés.

Le Burkina Faso est l’un des principaux fournisseurs de mangue séchée biologique du marché européen. La filière est toutefois freinée par le coût des emballages, importés pour la plupart, et par le préfinancement de la matière première, achetée en quelques semaines en début de campagne.
"""), slug="mangue-sechee-bobo"),
    S("sahel", "2026-04-09T09:20:00+00:00", ["engrais", "subvention", "Sénégal", "hivernage"], T(
        "Sénégal : la subvention des engrais reconduite pour l’hivernage 2026",
        """
Le gouvernement sénégalais a reconduit la subvention des engrais et des semences pour la campagne agricole 2026, avec une enveloppe de 120 milliards de FCFA. Le sac de 50 kg d’engrais NPK sera cédé aux producteurs à 8 000 FCFA, et celui d’urée à 9 000 FCFA.

La mise en place des intrants doit débuter dès le mois de mai, afin d’éviter les retards constatés lors des campagnes précédentes. Le ministère de l’Agriculture annonce un système de ciblage des bénéficiaires par enrôlement numérique des producteurs, pour limiter les détournements.

Les organisations paysannes saluent la reconduction mais demandent une meilleure adaptation des formules d’engrais aux sols, appauvris dans le bassin arachidier. Des essais de formules spécifiques menés par la recherche agricole seront étendus cette année.
"""), slug="engrais-senegal"),
    S("sahel", "2026-10-14T15:00:00+00:00", ["coton biologique", "Bénin", "textile", "superficies"], T(
        "Coton biologique : le Bénin veut doubler ses superficies d’ici 2028",
        """
Le Bénin ambitionne de porter les superficies de coton biologique de 12 000 à 25 000 hectares d’ici 2028, selon la feuille de route présentée par l’interprofession. La demande des marques textiles pour une fibre biologique et traçable progresse plus vite que l’offre mondiale.

Le coton biologique est payé aux producteurs avec une prime de 20 % par rapport au coton conventionnel, mais les rendements sont plus faibles et la période de conversion de trois ans décourage de nombreux agriculteurs. L’interprofession prévoit un accompagnement financier pendant cette période et la fourniture de biopesticides.

La fibre biologique béninoise est en partie transformée dans la zone industrielle de Glo-Djigbé, où une filature dédiée doit démarrer en 2027. Les acheteurs exigent une séparation stricte des flux à l’égrenage, ce qui impose des lignes ou des journées réservées dans les usines.
"""), slug="coton-bio-benin"),
    S("sahel", "2026-11-10T08:30:00+00:00", ["criquet pèlerin", "FAO", "Niger", "risques"], T(
        "Criquet pèlerin : situation calme selon la FAO, vigilance maintenue au Niger",
        """
Le dernier bulletin de surveillance du criquet pèlerin de la FAO décrit une situation calme dans l’ensemble de la région occidentale, avec seulement des adultes isolés signalés dans l’Aïr, au Niger, et dans l’Adrar des Ifoghas, au Mali.

Les bonnes pluies de l’été ont toutefois créé des conditions écologiques favorables à la reproduction dans certaines zones, et la FAO recommande de maintenir les prospections jusqu’en décembre. Les unités nationales de lutte antiacridienne disposent de stocks de pesticides suffisants, mais l’accès à certaines zones reste limité pour des raisons de sécurité.

Une invasion de criquets pèlerins peut détruire des récoltes entières en quelques jours. La dernière recrudescence majeure en Afrique de l’Ouest remonte à 2004-2005.
"""), slug="criquet"),

    # --- UEMOA Commission ---
    S("uemoa", "2026-05-12T10:00:00+00:00", ["coton", "UEMOA", "veille stratégique", "bulletin"], T(
        "La cellule de veille coton de l’UEMOA publie son bulletin du deuxième trimestre 2026",
        """
Le Point focal régional coton (PFRC) de la Commission de l’UEMOA a publié le bulletin de veille du deuxième trimestre 2026. Ce numéro couvre la période de janvier à mars 2026 et fait le point sur la fin de la commercialisation du coton graine dans les États membres.

Le dossier principal est consacré aux coûts de l’égrenage et à la valorisation des sous-produits : graines, huile et tourteaux. Le bulletin propose aussi une synthèse des annonces de prix au producteur pour la campagne 2026-2027 et une analyse des perspectives de la demande asiatique.

Une rubrique nouvelle présente les projets de transformation locale de la fibre dans la région, de la filature à la confection. Le bulletin est disponible sur le [portail coton de l’UEMOA](https://coton.uemoa.example/bulletins/2026-t2).
"""), slug="bulletin-t2"),
    S("uemoa", "2026-03-27T18:00:00+00:00", ["UEMOA", "Conseil des ministres", "communiqué"], T(
        "Communiqué final de la première session ordinaire du Conseil des ministres statutaire de l’année 2026",
        """
Le Conseil des ministres statutaire de l’UEMOA a tenu sa première session ordinaire de l’année 2026 à Ouagadougou. Il a examiné le rapport semestriel d’exécution de la surveillance multilatérale, qui fait état d’une croissance régionale robuste et d’une inflation contenue, mais d’un déficit budgétaire moyen encore supérieur à la norme communautaire de 3 % du PIB.

Le Conseil a adopté plusieurs textes, dont un règlement relatif aux statistiques du commerce extérieur et une décision portant programme régional d’appui aux petites et moyennes entreprises. Il a également approuvé le budget rectificatif de la Commission.

Le Conseil a exhorté les États membres à accélérer la transposition des directives fiscales et à poursuivre l’apurement des arriérés intérieurs, qui pèsent sur la trésorerie des entreprises, notamment des PME fournisseurs de l’État.
"""), slug="conseil-ministres-mars"),
    S("uemoa", "2026-04-21T09:30:00+00:00", ["UEMOA", "innovation", "PME", "prix"], T(
        "Lancement de la troisième édition du Prix régional de l’innovation pour les PME",
        """
La Commission de l’UEMOA lance la troisième édition du Prix régional de l’innovation destiné aux petites et moyennes entreprises et aux start-up des huit États membres. Le concours récompense des innovations de produit, de procédé ou d’organisation ayant un impact démontré sur la compétitivité de l’entreprise.

Trois catégories sont ouvertes : transformation agroalimentaire, économie numérique et énergies renouvelables. Les lauréats recevront une dotation de 10 à 25 millions de FCFA, un accompagnement pour la protection de leur propriété intellectuelle auprès de l’OAPI et une participation à un salon international.

Les candidatures sont reçues jusqu’au 30 juin 2026 auprès des points focaux nationaux, généralement logés dans les chambres de commerce. Le règlement du concours et le formulaire de candidature sont disponibles sur [le site de la Commission](https://www.uemoa.example/fr/prix-innovation-2026).
"""), slug="prix-innovation"),
    S("uemoa", "2026-07-08T11:00:00+00:00", ["normes", "agroalimentaire", "qualité", "UEMOA"], T(
        "Qualité : douze normes régionales harmonisées adoptées pour les produits agroalimentaires",
        """
Le Comité régional de normalisation de l’UEMOA a adopté douze normes harmonisées portant sur des produits agroalimentaires d’intérêt régional, parmi lesquels le beurre de karité, la noix de cajou brute, l’amande de cajou, le sésame, les mangues séchées et le riz étuvé.

Ces normes fixent les caractéristiques de qualité, les méthodes d’échantillonnage et d’analyse, ainsi que les règles d’étiquetage. Elles sont d’application volontaire, mais les États membres peuvent les rendre obligatoires par voie réglementaire. Elles serviront de référence pour la certification des produits et pour les contrôles aux frontières intérieures.

La Commission souligne que l’harmonisation doit réduire les obstacles techniques au commerce entre États membres, où des exigences divergentes obligent parfois les exportateurs à refaire les analyses à chaque frontière.
"""), slug="normes-agro"),
    S("uemoa", "2026-08-14T10:00:00+00:00", ["inflation", "prix", "statistiques", "UEMOA"], T(
        "Indice harmonisé des prix à la consommation : l’inflation à 2,4 % en juin 2026",
        """
L’inflation dans l’Union, mesurée par l’indice harmonisé des prix à la consommation (IHPC), s’est établie à 2,4 % en glissement annuel en juin 2026, contre 2,0 % en mai, selon la note mensuelle de la Commission de l’UEMOA.

La hausse est principalement imputable aux prix des produits alimentaires frais, notamment les légumes et le poisson, en période de soudure, ainsi qu’à la hausse des prix des carburants dans deux États membres. L’inflation sous-jacente, hors produits frais et énergie, reste modérée à 1,6 %.

Les écarts entre États membres restent importants, de 0,8 % à 4,1 %. La Commission prévoit un ralentissement de l’inflation au dernier trimestre avec l’arrivée des nouvelles récoltes.
"""), slug="ihpc-juin"),
    S("uemoa", "2026-10-06T12:00:00+00:00", ["libre circulation", "corridors", "transport", "pratiques anormales"], T(
        "Corridors : la Commission rappelle l’interdiction des prélèvements illicites",
        """
La Commission de l’UEMOA rappelle aux États membres que les contrôles sur les corridors routiers doivent se limiter aux postes autorisés et que tout prélèvement non prévu par les textes est interdit. Le dernier rapport de l’Observatoire des pratiques anormales fait état, en moyenne, de 2,3 contrôles et de 14 000 FCFA de prélèvements informels par tranche de 100 kilomètres.

Ces pratiques renchérissent le coût du transport, allongent les délais et pénalisent particulièrement les produits périssables comme les fruits, les légumes et le bétail. Elles découragent aussi le commerce formel des petites entreprises.

La Commission invite les transporteurs et les commerçants à signaler les pratiques abusives via [la plateforme de l’Observatoire](https://opa.uemoa.example/signalement) et annonce une campagne de sensibilisation des forces de contrôle sur les principaux axes.
"""), slug="corridors-prelevements"),
    S("uemoa", "2026-06-18T09:00:00+00:00", ["facilitation des échanges", "atelier", "Lomé"], T(
        "Facilitation des échanges : atelier régional de validation à Lomé",
        """
La Commission de l’UEMOA a organisé à Lomé un atelier régional de validation du rapport d’évaluation de la mise en œuvre de l’Accord de l’OMC sur la facilitation des échanges dans les États membres. Les comités nationaux de facilitation des échanges, les administrations douanières et le secteur privé y ont pris part.

Le rapport relève des progrès dans la publication des procédures, les décisions anticipées en matière de classement tarifaire et la mise en place de guichets uniques. Il souligne en revanche des retards dans la gestion coordonnée des frontières et dans la mainlevée des marchandises périssables.

Les participants ont adopté une feuille de route 2026-2028 qui prévoit notamment la publication en ligne de toutes les formalités d’importation et d’exportation et la réduction des délais de dédouanement à moins de 48 heures.
"""), slug="atelier-lome"),
    S("uemoa", "2026-11-03T10:30:00+00:00", ["énergie", "électricité", "marché régional"], T(
        "Énergie : la Commission plaide pour l’accélération du marché régional de l’électricité",
        """
À l’ouverture d’une conférence régionale sur l’énergie à Abidjan, le commissaire chargé des infrastructures a plaidé pour l’accélération de la mise en place du marché régional de l’électricité, afin de réduire le coût de l’énergie pour les entreprises.

Le prix moyen du kilowattheure payé par les industriels de l’Union reste parmi les plus élevés au monde, ce qui freine la transformation locale des matières premières agricoles. L’interconnexion des réseaux nationaux permettrait de mieux valoriser les capacités hydroélectriques et solaires disponibles.

La Commission a rappelé le programme régional d’énergie solaire, qui finance des centrales et des mini-réseaux dans les zones rurales, et annoncé une étude sur la tarification des échanges transfrontaliers d’électricité.
"""), slug="energie-marche"),
    S("uemoa", "2026-01-27T09:00:00+00:00", ["semences", "agriculture", "programme régional"], T(
        "Agriculture : lancement du programme régional de semences certifiées",
        """
La Commission de l’UEMOA a lancé à Bamako un programme régional de production et de diffusion de semences certifiées, doté de 35 milliards de FCFA sur cinq ans. Il vise à porter le taux d’utilisation de semences certifiées de 15 % à 40 % pour les céréales, le niébé et l’arachide.

Le programme appuiera les entreprises semencières privées et les coopératives de multiplication, renforcera les laboratoires nationaux de contrôle et mettra en œuvre le catalogue régional des variétés. Les semences certifiées dans un État membre pourront circuler librement dans l’Union.

Les entreprises semencières saluent le programme, qui devrait élargir leur marché, mais demandent que les subventions publiques aux semences ne faussent pas la concurrence au détriment des producteurs privés.
"""), slug="semences"),

    # --- Journal officiel - textes réglementaires (sélection régionale) ---
    S("jo", "2026-01-07T08:00:00+00:00", ["douanes", "loi de finances", "Burkina Faso", "droits et taxes"], T(
        "[Burkina Faso] Loi de finances pour l’exécution du budget de l’État, gestion 2026 : dispositions douanières",
        """
La loi de finances pour la gestion 2026, publiée au Journal officiel, comporte plusieurs dispositions douanières intéressant les entreprises. Le taux du prélèvement communautaire de solidarité reste fixé à 1 % et la redevance statistique à 1 % de la valeur en douane.

Les équipements de production d’énergie solaire, y compris les panneaux, les onduleurs et les batteries, demeurent exonérés de droits de douane et de TVA à l’importation. Une exonération nouvelle est accordée aux équipements de transformation des produits agricoles locaux acquis par les entreprises agréées au Code des investissements.

La loi institue également une taxe spécifique sur les emballages plastiques non biodégradables importés, au taux de 200 FCFA par kilogramme, et relève le droit d’accises sur les boissons sucrées. Un délai de trois mois est accordé aux importateurs pour écouler les stocks dédouanés avant l’entrée en vigueur.
"""), slug="lf-2026-bf"),
    S("jo", "2026-01-22T08:00:00+00:00", ["guichet unique", "commerce extérieur", "Mali", "décret"], T(
        "[Mali] Décret n° 2026-0041/P-RM portant création, attributions et organisation du guichet unique du commerce extérieur",
        """
Le décret crée un guichet unique électronique du commerce extérieur, placé sous la tutelle du ministre chargé du Commerce. Il centralise l’ensemble des formalités préalables à l’importation et à l’exportation : déclarations d’importation, certificats d’origine, certificats phytosanitaires et sanitaires, autorisations spéciales et paiement des frais associés.

Les administrations concernées sont tenues de traiter les demandes exclusivement via la plateforme dans les délais fixés par arrêté. Les documents électroniques délivrés ont la même valeur juridique que les documents papier. Un comité de pilotage associant le secteur privé suit la mise en œuvre.

Le décret prévoit une période de transition de six mois pendant laquelle les procédures papier restent admises. Les frais de service sont fixés par arrêté conjoint des ministres chargés du Commerce et des Finances.
"""), slug="guce-mali"),
    S("jo", "2026-02-18T08:00:00+00:00", ["sucre", "TCI", "Sénégal", "protection", "arrêté"], T(
        "[Sénégal] Arrêté fixant les modalités d’application de la taxe conjoncturelle à l’importation sur le sucre",
        """
L’arrêté précise les modalités d’application de la taxe conjoncturelle à l’importation (TCI) sur les sucres de canne et de betterave relevant des positions tarifaires 1701.14, 1701.99 et 1701.91 du tarif extérieur commun de la CEDEAO.

La TCI est déclenchée lorsque la valeur CAF du sucre importé est inférieure au prix de déclenchement fixé à 380 000 FCFA la tonne. Son montant est égal à la différence entre le prix de déclenchement et la valeur CAF constatée, dans la limite du plafond fixé par la réglementation communautaire.

Les importateurs doivent déclarer la valeur des marchandises sur la base des factures commerciales, contrôlées au regard des cotations internationales. L’arrêté entre en vigueur à la date de sa signature et abroge les dispositions antérieures contraires.
"""), slug="tci-sucre"),
    S("jo", "2026-10-19T08:00:00+00:00", ["céréales", "interdiction d'exportation", "Niger", "sécurité alimentaire"], T(
        "[Niger] Arrêté portant interdiction temporaire d’exportation des céréales locales",
        """
Par arrêté conjoint des ministres chargés du Commerce et de l’Agriculture, l’exportation du mil, du sorgho et du maïs produits localement est temporairement interdite jusqu’au 31 mars 2027, afin de garantir l’approvisionnement des marchés nationaux et de reconstituer le stock national de sécurité.

L’interdiction ne s’applique pas aux produits transformés (farines, semoules) ni aux céréales en transit sous douane en provenance d’autres pays. Des dérogations peuvent être accordées au titre de l’aide humanitaire ou d’engagements contractuels antérieurs dûment justifiés.

Les infractions sont passibles de la saisie des marchandises et des moyens de transport, sans préjudice des sanctions prévues par le Code des douanes. Les organisations régionales rappellent que ces mesures sont contraires aux principes de libre circulation des produits du cru.
"""), slug="interdiction-cereales"),
    S("jo", "2026-04-14T08:00:00+00:00", ["Code des investissements", "PME", "Côte d'Ivoire", "incitations"], T(
        "[Côte d’Ivoire] Décret fixant les modalités d’application du Code des investissements pour les petites et moyennes entreprises",
        """
Le décret précise les conditions dans lesquelles les PME peuvent bénéficier des avantages du Code des investissements. Le seuil d’investissement minimal est ramené à 50 millions de FCFA pour les projets réalisés hors du district d’Abidjan, et à 100 millions de FCFA dans le district.

Les PME agréées bénéficient d’une exonération de droits de douane sur les équipements, d’une réduction de l’impôt sur les bénéfices pendant cinq à quinze ans selon la zone d’implantation, et d’un crédit d’impôt au titre des emplois créés. La transformation des produits agricoles locaux ouvre droit à une majoration des avantages.

Le dossier d’agrément est déposé auprès de l’agence de promotion des investissements, qui dispose de vingt jours ouvrables pour statuer. Les entreprises agréées doivent produire chaque année un rapport sur l’état d’exécution de leur programme.
"""), slug="code-invest-ci"),
    S("jo", "2026-02-04T08:00:00+00:00", ["cajou", "qualité", "Côte d'Ivoire", "normes", "arrêté"], T(
        "[Côte d’Ivoire] Arrêté relatif aux normes de qualité de la noix de cajou brute commercialisée",
        """
L’arrêté fixe les caractéristiques minimales de qualité de la noix de cajou brute commercialisée sur le territoire et destinée à l’exportation : taux d’humidité maximal de 10 %, taux de noix défectueuses inférieur à 8 %, absence de corps étrangers et rendement en amandes (KOR) d’au moins 46 livres par sac de 80 kilogrammes.

Les contrôles de qualité sont effectués par des agents assermentés à l’entrée des magasins agréés et avant l’exportation. Les lots non conformes peuvent être reconditionnés ou déclassés ; ils ne peuvent en aucun cas être exportés en l’état.

L’arrêté impose l’utilisation de sacs en jute neufs et interdit le mouillage des noix, une pratique frauduleuse destinée à augmenter le poids. Il entre en vigueur à l’ouverture de la campagne de commercialisation 2026.
"""), slug="normes-cajou-ci"),
    S("jo", "2026-06-10T08:00:00+00:00", ["certificat de conformité", "importation", "normes", "Burkina Faso"], T(
        "[Burkina Faso] Arrêté fixant la liste des produits soumis au certificat de conformité à l’importation",
        """
L’arrêté fixe la liste des produits dont l’importation est subordonnée à la présentation d’un certificat de conformité aux normes nationales ou, à défaut, aux normes internationales. Sont notamment concernés les matériaux de construction (ciment, fers à béton), les pneumatiques, les appareils électriques, les huiles alimentaires, les jouets et les engrais.

Le certificat est délivré dans le pays d’exportation par un organisme d’inspection agréé, sur la base d’une vérification documentaire, d’une inspection physique et, si nécessaire, d’essais en laboratoire. Les marchandises arrivant sans certificat sont soumises à une inspection à destination aux frais de l’importateur, majorée d’une pénalité.

Le programme entre en vigueur le 1er septembre 2026. Les importateurs sont invités à informer leurs fournisseurs des nouvelles exigences.
"""), slug="conformite-import-bf"),
    S("jo", "2026-07-15T08:00:00+00:00", ["pesticides", "homologation", "Sénégal", "décret"], T(
        "[Sénégal] Décret portant réglementation de la distribution et de l’utilisation des pesticides",
        """
Le décret encadre la distribution et l’utilisation des pesticides à usage agricole. Seuls les produits homologués par le Comité sahélien des pesticides (CSP) peuvent être importés, stockés, vendus ou utilisés. Les distributeurs doivent être agréés et disposer de locaux de stockage conformes.

Les applicateurs professionnels doivent suivre une formation et détenir une attestation délivrée par les services de protection des végétaux. La vente de pesticides au détail dans des contenants non étiquetés, courante sur les marchés, est interdite.

Le décret institue un registre national des importations et des ventes et prévoit des contrôles de résidus sur les produits destinés à l’exportation, afin de réduire les refoulements liés au dépassement des limites maximales de résidus dans les pays importateurs.
"""), slug="pesticides-senegal"),
    S("jo", "2026-08-26T08:00:00+00:00", ["karité", "normes", "Mali", "homologation"], T(
        "[Mali] Arrêté portant homologation de la norme malienne sur le beurre de karité",
        """
L’arrêté homologue la norme malienne relative au beurre de karité non raffiné, élaborée sur la base de la norme régionale harmonisée. Elle définit trois grades de qualité selon la teneur en acides gras libres, l’indice de peroxyde, l’humidité et les impuretés insolubles.

La norme précise les exigences d’emballage et d’étiquetage : dénomination, grade, poids net, numéro de lot, date de production et nom du producteur ou du groupement. Les méthodes d’analyse de référence sont celles de l’Organisation internationale de normalisation.

L’application de la norme est volontaire pour le marché intérieur, mais obligatoire pour les lots destinés à l’exportation, qui doivent être accompagnés d’un bulletin d’analyse délivré par un laboratoire accrédité.
"""), slug="norme-karite-mali"),
    S("jo", "2026-09-24T08:00:00+00:00", ["marchés publics", "délais de paiement", "Bénin", "PME"], T(
        "[Bénin] Ordonnance relative aux délais de paiement dans la commande publique",
        """
L’ordonnance fixe à soixante jours le délai maximal de paiement des sommes dues aux titulaires de marchés publics, à compter de la réception de la facture conforme. Le dépassement de ce délai ouvre de plein droit le paiement d’intérêts moratoires au taux d’intérêt légal majoré de deux points.

Les autorités contractantes doivent publier trimestriellement l’état des factures en instance de paiement. Les PME titulaires de marchés peuvent céder leurs créances à des établissements de crédit par un mécanisme simplifié de nantissement, avec confirmation de la créance par le comptable public dans un délai de dix jours.

Le texte vise à réduire les tensions de trésorerie des entreprises, en particulier des PME, dont les retards de paiement publics constituent l’une des premières causes de défaillance.
"""), slug="delais-paiement-benin"),
    S("jo", "2026-11-12T08:00:00+00:00", ["phytosanitaire", "redevances", "Côte d'Ivoire", "exportation"], T(
        "[Côte d’Ivoire] Arrêté fixant le barème des redevances pour prestations phytosanitaires",
        """
L’arrêté fixe le barème des redevances perçues pour l’inspection et la certification phytosanitaires des végétaux et produits végétaux à l’exportation, à l’importation et en transit. La redevance d’inspection à l’exportation est fixée à 2 FCFA par kilogramme, avec un minimum de 10 000 FCFA par certificat.

Les redevances sont payées en ligne via le guichet unique du commerce extérieur au moment de la demande de certificat. Les exportateurs de produits transformés localement bénéficient d’un abattement de 50 %.

Le produit des redevances est affecté au financement des inspections, du réseau de surveillance des organismes nuisibles et des laboratoires de diagnostic. L’arrêté entre en vigueur le 1er janvier 2027.
"""), slug="redevances-phyto-ci"),
    S("jo", "2026-05-06T08:00:00+00:00", ["OHADA", "entreprenant", "Togo", "formalisation"], T(
        "[Togo] Décret fixant les mesures incitatives au profit de l’entreprenant",
        """
Le décret met en œuvre le statut de l’entreprenant prévu par l’Acte uniforme OHADA relatif au droit commercial général. L’entrepreneur individuel qui se déclare comme entreprenant au centre de formalités des entreprises bénéficie d’une immatriculation gratuite et d’un régime fiscal forfaitaire simplifié pendant trois ans.

L’entreprenant tient une comptabilité de trésorerie selon le système minimal du SYSCOHADA révisé : un simple livre de recettes et de dépenses suffit. Il peut accéder aux programmes publics d’accompagnement et aux marchés publics réservés aux petites entreprises.

Le statut est ouvert aux activités dont le chiffre d’affaires annuel ne dépasse pas 30 millions de FCFA pour le commerce et 10 millions de FCFA pour les services. Au-delà de ces seuils pendant deux années consécutives, l’entreprenant doit se transformer en entreprise individuelle ou en société.
"""), slug="entreprenant-togo"),
    S("jo", "2026-03-10T08:00:00+00:00", ["textile", "valeur en douane", "Côte d'Ivoire", "wax"], T(
        "[Côte d’Ivoire] Arrêté portant valeurs de référence en douane pour les tissus imprimés importés",
        """
L’arrêté fixe les valeurs de référence utilisées par l’administration des douanes pour le contrôle de la valeur déclarée des tissus imprimés importés, notamment les tissus de type wax et fancy, relevant du chapitre 52 du tarif des douanes.

La valeur de référence est fixée à 1 800 FCFA le mètre pour le wax et à 900 FCFA le mètre pour le fancy. Lorsque la valeur déclarée est inférieure, l’importateur doit justifier le prix payé par des documents probants ; à défaut, la valeur de référence sert de base au contrôle.

Le texte vise à lutter contre la sous-évaluation massive de ces produits, qui pénalise l’industrie textile locale et prive l’État de recettes. Les industriels du secteur réclamaient cette mesure depuis plusieurs années.
"""), slug="valeurs-tissus"),
    S("jo", "2026-10-29T08:00:00+00:00", ["zone économique spéciale", "Guinée", "décret", "investissement"], T(
        "[Guinée] Décret portant création de la zone économique spéciale agro-industrielle de Boké",
        """
Le décret crée une zone économique spéciale à vocation agro-industrielle dans la préfecture de Boké, d’une superficie de 1 200 hectares. Elle est destinée à accueillir des unités de transformation de noix de cajou, de fruits, d’huile de palme et de produits halieutiques.

Les entreprises installées dans la zone bénéficient d’un régime douanier suspensif, d’une exonération d’impôt sur les sociétés pendant dix ans et d’un guichet unique pour les formalités administratives. Elles doivent exporter au moins 60 % de leur production ou transformer au moins 70 % de matières premières d’origine nationale.

La gestion de la zone est confiée à une société de développement à capitaux publics et privés, chargée de l’aménagement, de la commercialisation des parcelles et de la fourniture des services communs.
"""), slug="zes-boke"),
]
