# SPDX-License-Identifier: AGPL-3.0-or-later
"""Multi-source stories, part C: regulation, tenders, SME finance, ports, energy, weather, fairs."""

from corpus_model import Story, T
from templates import tender

STORIES_C = [
    Story(
        key="syscohada-depot-etats-financiers",
        when="2026-04-02T09:00:00+00:00",
        tags=["SYSCOHADA", "états financiers", "fiscalité", "OHADA"],
        texts={
            "fr": T(
                "États financiers SYSCOHADA : la date limite de dépôt fixée au 30 juin 2026",
                """
Un arrêté du ministre chargé des Finances publié au Journal officiel fixe au 30 juin 2026 la date limite de dépôt des états financiers annuels de l’exercice 2025, établis selon le Système comptable OHADA révisé (SYSCOHADA). Le dépôt s’effectue exclusivement en ligne, sur la plateforme de télédéclaration de l’administration fiscale, qui alimente également la centrale des bilans.

Les entreprises relevant du système normal doivent produire le bilan, le compte de résultat, le tableau des flux de trésorerie et les notes annexes. Celles qui relèvent du système minimal de trésorerie, réservé aux très petites entités, déposent un état simplifié des recettes et des dépenses.

Le texte rappelle que les états financiers doivent être visés par un expert-comptable inscrit à l’Ordre ou par un centre de gestion agréé, faute de quoi ils sont réputés non déposés. Le retard de dépôt est sanctionné par une amende de 500 000 FCFA, majorée de 100 000 FCFA par mois de retard supplémentaire.

L’administration fiscale signale que près de 30 % des liasses reçues l’an dernier comportaient des incohérences entre le bilan et le tableau des flux. Un guide de contrôle de cohérence est annexé à l’arrêté.
""",
            ),
        },
        apps=[
            ("jo", "ref", {}),
            ("ccibf", "edited", {
                "title": "Rappel aux entreprises : dépôt des états financiers avant le 30 juin",
                "drop": [3],
                "add": "Le centre de formalités de la Chambre de commerce organise des permanences d’appui à la télédéclaration pour les PME du 2 au 26 juin.",
                "hours": 72}),
            ("apix", "exact", {"hours": 96}),
        ],
    ),
    Story(
        key="senegal-decret-phytosanitaire",
        when="2026-05-19T10:00:00+00:00",
        tags=["phytosanitaire", "Sénégal", "exportation", "fruits et légumes", "décret"],
        texts={
            "fr": T(
                "Décret relatif au contrôle phytosanitaire des fruits et légumes destinés à l’exportation",
                """
Un décret publié au Journal officiel de la République du Sénégal réorganise le contrôle phytosanitaire des fruits et légumes frais destinés à l’exportation. Il rend obligatoire l’enregistrement des exportateurs, des vergers et des stations de conditionnement auprès de la Direction de la protection des végétaux (DPV).

Chaque lot exporté devra être traçable jusqu’à la parcelle de production. Les stations de conditionnement devront disposer d’un plan de maîtrise des organismes nuisibles, tenir un registre des traitements et permettre l’accès des inspecteurs à tout moment pendant la campagne. Le certificat phytosanitaire ne sera délivré qu’après inspection du lot conditionné.

Le décret prévoit des sanctions graduées : avertissement, suspension temporaire de l’enregistrement, puis retrait en cas de récidive, notamment après des interceptions répétées dans les pays importateurs. Les frais d’inspection sont fixés par arrêté conjoint des ministres chargés de l’Agriculture et des Finances.

Le texte entre en vigueur trois mois après sa publication, soit pour la campagne de la mangue 2026-2027. Les exportateurs de haricots verts, de melons et de mangues, principaux produits concernés, sont invités à se faire enregistrer dès maintenant.
""",
            ),
            "en": T(
                "Senegal tightens phytosanitary controls on fresh fruit and vegetable exports",
                """
Senegal has published a decree reorganising plant health controls on fresh fruit and vegetables for export. Exporters, orchards and packing houses must now register with the Plant Protection Directorate (DPV), and each consignment must be traceable to the production plot.

Packing houses need a pest management plan and a treatment register, and must allow inspectors access at any time during the season. Phytosanitary certificates will only be issued after inspection of the packed lot. Sanctions range from warnings to suspension and withdrawal of registration, particularly after repeated interceptions abroad.

The decree enters into force three months after publication, in time for the 2026/27 mango season. Importers in Mauritius and elsewhere sourcing green beans, melons and mangoes from Senegal should expect suppliers to provide registration numbers on shipping documents.
""",
            ),
        },
        apps=[
            ("jo", "ref", {}),
            ("apix", "edited", {
                "title": "Exportations horticoles : un nouveau cadre phytosanitaire au Sénégal",
                "drop": [2],
                "add": "L’APIX accompagne les investisseurs du secteur horticole dans les démarches d’enregistrement auprès de la DPV à travers son guichet unique.",
                "hours": 26}),
            ("mte", "translated", {"lang": "en", "hours": 50}),
        ],
    ),
    Story(
        key="uemoa-tva-facture-normalisee",
        when="2026-09-08T09:00:00+00:00",
        tags=["UEMOA", "TVA", "facture électronique", "fiscalité", "directive"],
        texts={
            "fr": T(
                "UEMOA : une directive généralise la facture électronique normalisée pour la TVA",
                """
Le Conseil des ministres de l’UEMOA a adopté une directive portant harmonisation des règles de facturation en matière de taxe sur la valeur ajoutée. Elle impose aux États membres de généraliser, d’ici au 1er janvier 2029, la facture électronique normalisée, certifiée par l’administration fiscale au moment de son émission.

Le texte fixe les mentions obligatoires communes, le format des données échangées et les conditions de conservation, dix ans au minimum. Il prévoit un calendrier progressif : grandes entreprises d’abord, puis moyennes, et enfin les entreprises relevant du régime du réel simplifié. Les petites entreprises pourront utiliser une application gratuite mise à disposition par l’administration.

Selon la Commission, la facture normalisée doit réduire la fraude à la TVA, qui représenterait jusqu’à un tiers des recettes potentielles dans certains États membres, et faciliter les remboursements de crédits de TVA aux exportateurs, souvent retardés faute de pièces justificatives fiables.

Les États membres disposent de dix-huit mois pour transposer la directive dans leur législation nationale. La Commission accompagnera les administrations fiscales dans l’interconnexion de leurs plateformes.
""",
            ),
        },
        apps=[
            ("uemoa", "ref", {}),
            ("jo", "edited", {
                "title": "Directive UEMOA relative à la facturation en matière de TVA",
                "drop": [2],
                "add": "La directive sera transposée en droit national par une loi de finances rectificative ; un décret d’application précisera le calendrier par catégorie d’entreprises.",
                "hours": 120}),
            ("aoape", "exact", {"hours": 5}),
        ],
    ),
    Story(
        key="ao-sofitex-emballages",
        extra={"ao": {"reference": "2026-017/SOFITEX/DG/DAP", "kind": "AAO", "buyer": "La Société burkinabè des fibres textiles (SOFITEX)", "country": "Burkina Faso", "deadline": "2026-08-06", "lots": 3}},
        when="2026-07-06T08:00:00+00:00",
        tags=["appel d'offres", "coton", "Burkina Faso", "SOFITEX", "fournitures"],
        texts={
            "fr": tender(
                "AAO", "2026-017/SOFITEX/DG/DAP",
                "La Société burkinabè des fibres textiles (SOFITEX)", "Burkina Faso",
                "Fourniture de toiles d’emballage et de feuillards pour les balles de fibre de coton, campagne 2026-2027",
                ["2 400 000 mètres de toile d’emballage en polypropylène tissé",
                 "180 tonnes de feuillards en acier galvanisé",
                 "45 000 étiquettes d’identification code-barres des balles"],
                "propres au titre de son budget 2026-2027",
                "2026-08-06", "9 h 00",
                "la Direction des approvisionnements de la SOFITEX, avenue William Ponty, Bobo-Dioulasso",
                100_000, 5_000_000,
                "un chiffre d’affaires moyen d’au moins 500 millions de FCFA sur les trois derniers exercices, au moins deux marchés similaires exécutés et des échantillons conformes aux spécifications",
            ),
        },
        apps=[
            ("ao", "ref", {}),
            ("ccibf", "edited", {
                "title": "Opportunité d’affaires : la SOFITEX achète toiles d’emballage et feuillards",
                "drop": [0, 2],
                "add": "Les entreprises membres de la Chambre peuvent consulter le dossier au Centre d’information sur les marchés publics, au siège de la Chambre à Ouagadougou.",
                "hours": 30}),
        ],
    ),
    Story(
        key="ao-paa-dragage",
        extra={"ao": {"reference": "PAA/DT/2026-031", "kind": "AAO", "buyer": "Le Port autonome d’Abidjan (PAA)", "country": "Côte d’Ivoire", "deadline": "2026-07-09", "lots": 2}},
        when="2026-05-25T07:30:00+00:00",
        tags=["appel d'offres", "port", "Côte d'Ivoire", "travaux", "dragage"],
        texts={
            "fr": tender(
                "AAO", "PAA/DT/2026-031",
                "Le Port autonome d’Abidjan (PAA)", "Côte d’Ivoire",
                "Travaux de dragage d’entretien du chenal d’accès et des bassins portuaires",
                ["dragage du chenal d’accès et du canal de Vridi (environ 1 200 000 m³)",
                 "dragage des bassins et des postes à quai du port de pêche et du terminal fruitier (environ 450 000 m³)"],
                "propres au titre de son programme d’investissement 2026",
                "2026-07-09", "10 h 00",
                "la Direction technique du Port autonome d’Abidjan, secrétariat de la commission des marchés, 2e étage, immeuble de la Capitainerie, Treichville",
                300_000, 40_000_000,
                "au moins deux contrats de dragage d’un volume supérieur à 500 000 m³ exécutés au cours des dix dernières années, la disponibilité d’au moins une drague aspiratrice en marche et une ligne de crédit de 2 milliards de FCFA",
            ),
        },
        apps=[
            ("ao", "ref", {}),
            ("paa", "exact", {"hours": 2}),
        ],
    ),
    Story(
        key="ao-apix-ami-zone",
        extra={"ao": {"reference": "2026-009/APIX/DG", "kind": "AMI", "buyer": "L’Agence pour la promotion des investissements et des grands travaux (APIX SA)", "country": "Sénégal", "deadline": "2026-07-03", "lots": 4}},
        when="2026-06-15T08:30:00+00:00",
        tags=["appel d'offres", "Sénégal", "APIX", "étude de faisabilité", "agro-industrie"],
        texts={
            "fr": tender(
                "AMI", "2026-009/APIX/DG",
                "L’Agence pour la promotion des investissements et des grands travaux (APIX SA)", "Sénégal",
                "Étude de faisabilité d’une zone agro-industrielle dédiée à la transformation de l’anacarde et de la mangue en Casamance",
                ["le diagnostic des filières anacarde et mangue en Casamance et l’évaluation des volumes transformables",
                 "l’analyse des sites potentiels et de leurs besoins en infrastructures (énergie, eau, voirie)",
                 "l’élaboration du modèle économique et financier de la zone, y compris un partenariat public-privé",
                 "l’étude d’impact environnemental et social préliminaire"],
                "de l’État du Sénégal dans le cadre de son budget d’investissement",
                "2026-07-03", "12 h 00",
                "le secrétariat de la Direction générale de l’APIX, 52-54 rue Mohamed V, Dakar",
                0, 0,
                "au moins trois études de faisabilité de zones économiques ou de projets agro-industriels d’un coût supérieur à 10 milliards de FCFA réalisées au cours des dix dernières années, dont une en Afrique de l’Ouest",
            ),
        },
        apps=[
            ("ao", "ref", {}),
            ("apix", "edited", {
                "title": "Casamance : l’APIX lance l’étude d’une zone agro-industrielle anacarde-mangue",
                "drop": [3],
                "add": "Cette étude s’inscrit dans le programme des agropoles, qui vise à rapprocher les unités de transformation des bassins de production.",
                "hours": 20}),
        ],
    ),
    Story(
        key="ao-uemoa-portail-coton",
        extra={"ao": {"reference": "2026-044/UEMOA/DSAME", "kind": "AMI", "buyer": "La Commission de l’Union économique et monétaire ouest-africaine (UEMOA)", "country": "Burkina Faso", "deadline": "2026-10-20", "lots": 4}},
        when="2026-09-21T09:00:00+00:00",
        tags=["appel d'offres", "UEMOA", "coton", "veille stratégique", "portail"],
        texts={
            "fr": tender(
                "AMI", "2026-044/UEMOA/DSAME",
                "La Commission de l’Union économique et monétaire ouest-africaine (UEMOA)", "Burkina Faso",
                "Refonte du portail d’information sur la filière coton-textile et mise en place d’un service d’alertes",
                ["l’analyse des besoins des utilisateurs (sociétés cotonnières, interprofessions, points focaux nationaux)",
                 "la refonte du portail et la migration des bulletins de veille publiés depuis 2014",
                 "la mise en place d’un service d’alertes par courriel et par SMS pour les opérateurs de la filière",
                 "la formation des veilleurs du Point focal régional coton et l’assistance technique pendant douze mois"],
                "au titre du programme régional d’appui à la filière coton-textile",
                "2026-10-20", "11 h 00",
                "la Direction des marchés publics de la Commission de l’UEMOA, 380 avenue du Professeur Joseph Ki-Zerbo, Ouagadougou",
                0, 0,
                "au moins deux portails d’information ou systèmes de veille réalisés pour des institutions publiques ou régionales, une équipe comprenant un spécialiste de la veille stratégique et un ingénieur logiciel expérimenté",
            ),
        },
        apps=[
            ("ao", "ref", {}),
            ("uemoa", "edited", {
                "title": "Portail coton-textile : la Commission recrute un cabinet pour la refonte",
                "drop": [0, 3],
                "add": "Le portail actuel et les bulletins de la cellule de veille coton restent accessibles pendant toute la durée des travaux.",
                "hours": 6}),
            ("textile", "exact", {"hours": 30}),
        ],
    ),
    Story(
        key="boad-ligne-pme",
        when="2026-06-02T12:00:00+00:00",
        tags=["financement", "PME", "BOAD", "banques", "UEMOA"],
        texts={
            "fr": T(
                "La BOAD ouvre une ligne de refinancement de 50 milliards de FCFA pour les PME",
                """
La Banque ouest-africaine de développement (BOAD) a signé à Lomé des accords de ligne de refinancement d’un montant total de 50 milliards de FCFA avec onze banques commerciales des huit pays de l’UEMOA. Les fonds sont destinés exclusivement aux petites et moyennes entreprises, notamment dans l’agro-transformation, l’artisanat de production et les services à l’exportation.

Les prêts accordés par les banques partenaires pourront atteindre 500 millions de FCFA par entreprise, sur une durée de sept ans au maximum, avec un différé de remboursement de dix-huit mois. Le taux d’intérêt final ne pourra pas dépasser 8 % par an. Une garantie partielle de portefeuille couvrira jusqu’à 50 % des pertes éventuelles des banques.

La BOAD exige que les entreprises bénéficiaires présentent des états financiers conformes au SYSCOHADA révisé et un plan d’affaires. Les PME dirigées par des femmes et celles situées hors des capitales bénéficieront d’un quota réservé de 30 % de l’enveloppe.

Les organisations patronales saluent l’initiative, tout en rappelant que le principal obstacle reste la capacité des PME à monter des dossiers bancables ; plusieurs chambres de commerce annoncent des programmes d’accompagnement.
""",
            ),
            "en": T(
                "West African development bank BOAD opens CFA 50 billion credit line for SMEs",
                """
The West African Development Bank (BOAD) has signed refinancing agreements worth CFA 50 billion (about $83 million) with eleven commercial banks in the eight WAEMU countries, to be lent exclusively to small and medium-sized enterprises in agro-processing, manufacturing crafts and export services.

Loans can reach CFA 500 million per company over up to seven years, with an 18-month grace period, at a final interest rate capped at 8%. A partial portfolio guarantee covers up to half of the banks' losses. Borrowers must present financial statements under the revised OHADA accounting system and a business plan.

Thirty percent of the envelope is reserved for women-led firms and companies outside capital cities. Business groups welcomed the line but said the main obstacle remains SMEs' ability to prepare bankable applications.
""",
            ),
        },
        apps=[
            ("aoape", "ref", {}),
            ("uemoa", "edited", {
                "title": "Financement des PME : 50 milliards de FCFA de la BOAD via onze banques",
                "drop": [3],
                "add": "La Commission de l’UEMOA se félicite de cette initiative, conforme aux orientations de la politique industrielle commune.",
                "hours": 20}),
            ("apix", "edited", {
                "title": "PME : une nouvelle ligne de crédit BOAD accessible via les banques sénégalaises",
                "drop": [2],
                "add": "Au Sénégal, trois banques partenaires participent au dispositif ; la liste est disponible auprès du Bureau d’appui à la création d’entreprise de l’APIX.",
                "hours": 28}),
            ("wath", "translated", {"lang": "en", "hours": 36}),
            ("ccibf", "exact", {"hours": 48}),
        ],
    ),
    Story(
        key="afreximbank-garantie-pme",
        when="2026-10-13T10:00:00+00:00",
        ref_lang="en",
        tags=["finance", "Afreximbank", "AfCFTA", "SME exporters", "guarantee"],
        texts={
            "en": T(
                "Afreximbank launches $500 million guarantee facility for SME exporters trading under AfCFTA",
                """
The African Export-Import Bank (Afreximbank) has launched a $500 million facility to guarantee trade finance extended by local banks to small and medium-sized exporters shipping goods under the African Continental Free Trade Area.

The facility will cover up to 75% of the risk on pre-export finance, letters of credit and invoice discounting, for transactions of up to $2 million. Eligible firms must export goods that meet AfCFTA rules of origin, and transactions will be settled where possible through the Pan-African Payment and Settlement System (PAPSS).

Intra-African trade finance is widely cited as a barrier for small exporters: banks often demand full cash collateral for cross-border deals with unfamiliar buyers. The bank said the guarantee would also cover exporters in least-developed and landlocked countries at a reduced fee.

Partner banks in West Africa, East Africa and Southern Africa are expected to sign participation agreements by the end of the year.
""",
            ),
            "fr": T(
                "Afreximbank lance une garantie de 500 millions de dollars pour les PME exportatrices de la ZLECAf",
                """
La Banque africaine d’import-export (Afreximbank) a lancé un mécanisme de 500 millions de dollars destiné à garantir les financements du commerce accordés par les banques locales aux petites et moyennes entreprises exportatrices dans le cadre de la ZLECAf.

La garantie couvrira jusqu’à 75 % du risque sur le préfinancement des exportations, les lettres de crédit et l’escompte de factures, pour des opérations allant jusqu’à 2 millions de dollars. Les marchandises exportées devront respecter les règles d’origine de la ZLECAf et les règlements passeront, autant que possible, par le système panafricain de paiement et de règlement (PAPSS).

Le financement du commerce intra-africain est souvent cité comme un frein pour les petits exportateurs, les banques exigeant fréquemment une couverture intégrale en espèces pour des acheteurs qu’elles connaissent mal. Les exportateurs des pays les moins avancés et des pays enclavés bénéficieront d’une commission réduite.
""",
            ),
        },
        apps=[
            ("zlecaf", "ref", {}),
            ("wath", "exact", {"hours": 8}),
            ("aoape", "translated", {"lang": "fr", "hours": 22}),
            ("blog", "edited", {
                "title": "A $500m guarantee for small exporters: will local banks use it?",
                "drop": [3],
                "add": "I asked two bankers in Abidjan and one in Dakar: all three said the 25% of risk left on their books is still the problem for first-time exporters.",
                "hours": 96}),
        ],
    ),
    Story(
        key="paa-tc2-record",
        when="2026-07-21T09:00:00+00:00",
        tags=["port", "Abidjan", "conteneurs", "logistique"],
        texts={
            "fr": T(
                "Port d’Abidjan : le second terminal à conteneurs franchit le cap du million d’EVP",
                """
Le second terminal à conteneurs du Port autonome d’Abidjan a traité 1 020 000 EVP (équivalent vingt pieds) sur les douze derniers mois, franchissant pour la première fois le cap du million depuis sa mise en service. Le port dans son ensemble a manutentionné 2,1 millions d’EVP sur la même période.

La direction attribue cette performance à l’arrivée de navires de plus grande capacité, jusqu’à 14 000 EVP, rendue possible par l’élargissement du canal de Vridi et l’approfondissement des postes à quai à 16 mètres. Le temps d’attente moyen des navires en rade est passé de 36 à 14 heures.

Le trafic de transit vers le Burkina Faso, le Mali et le Niger progresse de 11 %, porté par la reprise des échanges sur le corridor ferroviaire et routier. Les exportations de cacao, de noix de cajou et de coton restent les principaux flux sortants en conteneurs.

Les chargeurs signalent toutefois une hausse des frais de manutention et de stationnement, et demandent davantage de visibilité sur les tarifs appliqués par les différents terminaux.
""",
            ),
            "en": T(
                "Abidjan's second container terminal handles over one million TEU in a year",
                """
The second container terminal at the Port of Abidjan handled 1.02 million TEU over the past twelve months, passing the one-million mark for the first time since it opened. The port as a whole handled 2.1 million TEU in the period.

Management credited larger vessels of up to 14,000 TEU, made possible by the widening of the Vridi canal and 16-metre berths, and said average waiting time at anchor had fallen from 36 to 14 hours. Transit traffic to Burkina Faso, Mali and Niger rose 11%.

Cocoa, cashew and cotton remain the main containerised exports. Shippers, however, complain about rising handling and storage charges and want more transparency on tariffs across terminals.
""",
            ),
        },
        apps=[
            ("paa", "ref", {}),
            ("aoape", "edited", {
                "title": "Abidjan : plus d’un million de conteneurs EVP pour le TC2",
                "drop": [3],
                "lead": "Abidjan, 21 juillet 2026 (AOAPE) – ",
                "hours": 4}),
            ("wath", "translated", {"lang": "en", "hours": 30}),
        ],
    ),
    Story(
        key="carburant-burkina-juillet",
        when="2026-06-30T19:00:00+00:00",
        tags=["énergie", "carburant", "Burkina Faso", "prix"],
        texts={
            "fr": T(
                "Burkina Faso : les prix du gasoil et du super à la pompe relevés de 50 FCFA",
                """
Le Comité interministériel de détermination des prix des hydrocarbures a décidé d’augmenter de 50 FCFA le litre les prix à la pompe du super sans plomb et du gasoil, à compter du mercredi 1er juillet 2026 à zéro heure. Le litre de super passe à 900 FCFA et celui de gasoil à 825 FCFA. Le prix du pétrole lampant reste inchangé.

Le gouvernement justifie cette hausse par le renchérissement des produits pétroliers sur le marché international et par le coût du transport depuis les ports côtiers, qui pèse sur les finances de la société nationale d’importation. La subvention implicite supportée par l’État est estimée à 60 milliards de FCFA sur le premier semestre.

Les transporteurs routiers annoncent une réunion avec le ministère des Transports pour discuter d’un éventuel ajustement des tarifs de fret. Les industriels rappellent que le gasoil alimente aussi de nombreux groupes électrogènes, en raison des délestages.

La Chambre de commerce invite les entreprises à réévaluer leurs coûts logistiques et énergétiques dans leurs offres en cours, notamment pour les marchés publics à prix ferme.
""",
            ),
        },
        apps=[
            ("ccibf", "ref", {}),
            ("aoape", "exact", {"hours": 3}),
            ("sahel", "edited", {
                "title": "Hausse de 50 FCFA du litre de carburant au Burkina : quel impact pour les transformateurs ?",
                "drop": [3],
                "add": "Pour les unités de transformation agricole qui fonctionnent au groupe électrogène, la hausse représente un surcoût de l’ordre de 6 % sur la facture énergétique.",
                "hours": 20}),
            ("broken", "exact", {"hours": 30}),
        ],
    ),
    Story(
        key="presass-prevision-2026",
        when="2026-05-08T16:00:00+00:00",
        tags=["météo", "saison des pluies", "Sahel", "prévisions saisonnières", "risques"],
        texts={
            "fr": T(
                "Saison des pluies 2026 : des cumuls supérieurs à la normale attendus sur la majeure partie du Sahel",
                """
Les prévisions saisonnières présentées à Niamey par le centre régional AGRHYMET et les services météorologiques nationaux annoncent des cumuls pluviométriques supérieurs à la moyenne sur la majeure partie de la bande sahélienne pour la période juin-septembre 2026, notamment au Sénégal, au Mali, au Burkina Faso et au Niger.

Les experts prévoient un démarrage précoce à normal de la saison dans l’ouest du Sahel, mais un démarrage tardif dans l’est du Tchad. Des séquences sèches longues sont possibles en début de saison dans le sud du Mali et le nord du Burkina Faso, des zones de production du coton et des céréales.

Les écoulements des fleuves Niger et Sénégal devraient être supérieurs à la moyenne, avec un risque élevé d’inondations dans les zones habituellement touchées. Les services recommandent d’adapter le calendrier des semis, de privilégier des variétés adaptées et de renforcer la surveillance phytosanitaire, une forte humidité favorisant certains ravageurs.

Ces prévisions seront mises à jour fin juin et fin juillet. Les producteurs sont invités à suivre les bulletins décadaires diffusés par les services agrométéorologiques nationaux.
""",
            ),
            "en": T(
                "Sahel seasonal forecast points to above-normal rains, flood risk for 2026",
                """
Seasonal forecasts presented in Niamey by the regional AGRHYMET centre and national weather services point to above-average rainfall across most of the Sahel for June to September 2026, notably in Senegal, Mali, Burkina Faso and Niger.

An early to normal onset is expected in the western Sahel, but long dry spells are possible early in the season in southern Mali and northern Burkina Faso, both important cotton areas. Flows of the Niger and Senegal rivers should be above average, with a high risk of flooding.

For the cotton trade, forecasters' advice to adapt sowing dates and to watch for pests favoured by humidity matters: a wet season in 2024 cut yields in parts of the region through jassid and whitefly pressure. Updates are due at the end of June and July.
""",
            ),
        },
        apps=[
            ("sahel", "ref", {}),
            ("aoape", "edited", {
                "title": "Prévisions saisonnières : une saison des pluies excédentaire au Sahel",
                "drop": [3],
                "lead": "Niamey, 8 mai 2026 (AOAPE) – ",
                "hours": 6}),
            ("cmw", "translated", {"lang": "en", "hours": 60}),
        ],
    ),
    Story(
        key="siao-2026",
        when="2026-03-17T11:00:00+00:00",
        tags=["SIAO", "salon", "artisanat", "Ouagadougou", "événement"],
        image=("https://www.cci-burkina.example/images/siao-2026.jpg",
               "Affiche du SIAO 2026"),
        texts={
            "fr": T(
                "SIAO 2026 : le Salon international de l’artisanat de Ouagadougou se tiendra du 30 octobre au 8 novembre",
                """
La 18e édition du Salon international de l’artisanat de Ouagadougou (SIAO) se tiendra du 30 octobre au 8 novembre 2026 sur le site de Ouaga 2000, a annoncé le comité d’organisation. Le thème retenu est « Artisanat africain, innovation et accès aux marchés dans la ZLECAf ».

Près de 3 000 exposants et 400 acheteurs professionnels sont attendus, en provenance d’une trentaine de pays. Outre les pavillons nationaux, l’édition 2026 comprendra un espace dédié au textile et au coton biologique, un village du karité et un pôle consacré au design et aux objets de décoration.

Des rencontres d’affaires B2B seront organisées sur rendez-vous préalable, avec l’appui de la Chambre de commerce et d’industrie du Burkina Faso. Les artisans et PME souhaitant exposer doivent s’inscrire [en ligne](https://www.siao.example/inscription) avant le 31 juillet ; des stands subventionnés sont prévus pour les groupements de femmes et les jeunes entrepreneurs.

Le SIAO, créé en 1988, est l’un des principaux rendez-vous de l’artisanat africain. La dernière édition avait enregistré plus de 250 000 visiteurs et un volume de transactions estimé à plusieurs milliards de FCFA.
""",
            ),
            "en": T(
                "SIAO 2026: Ouagadougou crafts fair set for October 30 to November 8",
                """
The 18th International Arts and Crafts Fair of Ouagadougou (SIAO) will run from October 30 to November 8, 2026, at the Ouaga 2000 site, organisers announced. This year's theme is African crafts, innovation and market access under the AfCFTA.

About 3,000 exhibitors and 400 professional buyers from some thirty countries are expected. New this year: a textile and organic cotton area, a shea village and a design hub. B2B meetings will be arranged on prior appointment with the Burkina Faso Chamber of Commerce.

For buyers of handmade textiles, leather goods and shea cosmetics, the SIAO remains one of the best places to meet many small producers at once. Registration for exhibitors closes on July 31.
""",
            ),
            "es": T(
                "SIAO 2026: el Salón Internacional de Artesanía de Uagadugú, del 30 de octubre al 8 de noviembre",
                """
La 18.ª edición del Salón Internacional de Artesanía de Uagadugú (SIAO) se celebrará del 30 de octubre al 8 de noviembre de 2026 en el recinto de Ouaga 2000, bajo el lema «Artesanía africana, innovación y acceso a los mercados en la ZLECAf».

Se esperan unos 3.000 expositores y 400 compradores profesionales de una treintena de países, con espacios dedicados al textil y al algodón orgánico, al karité y al diseño. La Cámara de Comercio de Burkina Faso organizará encuentros de negocios con cita previa.

Para las empresas españolas de decoración, moda y cosmética natural, el SIAO es una oportunidad para identificar proveedores artesanales. La Oficina Comercial puede facilitar el contacto con los organizadores y con la Cámara de Comercio local.
""",
            ),
        },
        apps=[
            ("ccibf", "ref", {}),
            ("aoape", "exact", {"hours": 5}),
            ("apix", "edited", {
                "title": "Salon : le SIAO 2026 ouvre ses inscriptions aux exposants",
                "drop": [3],
                "add": "Les artisans et PME sénégalais intéressés par une participation groupée peuvent se rapprocher de la Chambre des métiers de Dakar.",
                "hours": 50}),
            ("textile", "edited", {
                "title": "SIAO 2026 : un espace dédié au textile et au coton biologique",
                "drop": [3],
                "add": "Pour les tisserandes, teinturiers et confectionneurs, l’espace textile sera l’occasion de présenter le Faso Dan Fani, le bogolan et les tissus teints à l’indigo à des acheteurs professionnels.",
                "hours": 70}),
            ("blog", "translated", {"lang": "en", "hours": 120}),
            ("es", "translated", {"lang": "es", "hours": 150}),
        ],
    ),
    Story(
        key="fiara-2026",
        when="2026-03-02T10:00:00+00:00",
        tags=["FIARA", "foire", "agriculture", "Dakar", "événement"],
        texts={
            "fr": T(
                "Dakar accueille la FIARA 2026, foire de l’agriculture et des ressources animales",
                """
La 25e Foire internationale de l’agriculture et des ressources animales (FIARA) se tiendra du 14 au 30 avril 2026 au Centre international du commerce extérieur du Sénégal (CICES), à Dakar. Le thème de cette édition porte sur la transformation locale et la souveraineté alimentaire.

Plus de 1 500 exposants sont attendus : organisations de producteurs, fournisseurs d’intrants et d’équipements, transformateurs, institutions financières et projets de développement. Une journée sera consacrée aux filières d’exportation, notamment l’anacarde, la mangue et les produits halieutiques, avec des rencontres entre producteurs et acheteurs étrangers.

L’APIX animera un pavillon investissement présentant les agropoles en cours de développement et les mesures d’incitation prévues par le Code des investissements pour les projets agro-industriels.

Les entreprises désireuses d’exposer ou d’organiser une rencontre d’affaires peuvent s’inscrire auprès du comité d’organisation jusqu’au 31 mars.
""",
            ),
            "es": T(
                "FIARA 2026: Dakar acoge la feria internacional de agricultura y recursos animales",
                """
La 25.ª Feria Internacional de Agricultura y Recursos Animales (FIARA) se celebrará del 14 al 30 de abril de 2026 en el CICES de Dakar, centrada en la transformación local y la soberanía alimentaria.

Se esperan más de 1.500 expositores, entre ellos organizaciones de productores, proveedores de insumos y equipos, transformadores y entidades financieras. Habrá una jornada dedicada a las cadenas de exportación —anacardo, mango y productos pesqueros— con encuentros entre productores y compradores extranjeros.

Las empresas españolas de maquinaria agrícola, riego y envasado encontrarán en la FIARA un escaparate para el mercado senegalés y regional. La inscripción de expositores está abierta hasta el 31 de marzo.
""",
            ),
        },
        apps=[
            ("apix", "ref", {}),
            ("aoape", "edited", {
                "title": "Sénégal : la FIARA 2026 mise sur la transformation locale",
                "drop": [2],
                "lead": "Dakar, 2 mars 2026 (AOAPE) – ",
                "hours": 7}),
            ("es", "translated", {"lang": "es", "hours": 80}),
        ],
    ),
]
