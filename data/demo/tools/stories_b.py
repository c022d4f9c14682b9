# SPDX-License-Identifier: AGPL-3.0-or-later
"""Multi-source stories, part B: cocoa, EUDR, sesame, mango, AfCFTA, customs. Fictional."""

from corpus_model import Story, T

STORIES_B = [
    Story(
        key="cacao-prix-principale-2026",
        when="2026-09-30T21:30:00+00:00",
        tags=["cacao", "Côte d'Ivoire", "prix bord champ", "campagne principale"],
        image=("https://www.cacao-hebdo.example/photos/feves-sechage.jpg",
               "Fèves de cacao au séchage"),
        texts={
            "fr": T(
                "Cacao : le prix bord champ de la campagne principale fixé à 2 800 FCFA le kilo",
                """
Le Conseil du café-cacao a fixé mercredi soir à 2 800 FCFA le kilogramme le prix garanti bord champ du cacao pour la campagne principale 2026-2027, qui s’ouvre ce jeudi 1er octobre. Le prix du café vert est fixé à 1 500 FCFA.

Ce niveau, identique à celui de la campagne intermédiaire, reflète le maintien des cours internationaux à un niveau élevé malgré leur repli depuis le début de l’année. Les ventes anticipées de la récolte 2026-2027 ont été réalisées à un prix moyen CAF de 1 850 000 FCFA la tonne, selon le régulateur.

La production ivoirienne est attendue autour de 1,9 million de tonnes, en légère hausse grâce à une pluviométrie favorable en juillet et août. Le Conseil rappelle que seuls les acheteurs agréés munis de la carte du producteur peuvent enlever les fèves, dans le cadre du système de traçabilité mis en place pour répondre au règlement européen contre la déforestation.

Les coopératives saluent la stabilité du prix mais signalent une hausse des coûts de transport entre les zones de production et les ports d’Abidjan et de San Pedro.
""",
            ),
            "en": T(
                "Côte d'Ivoire sets main-crop cocoa farm-gate price at CFA 2,800/kg",
                """
Côte d'Ivoire's Coffee and Cocoa Council set the guaranteed farm-gate price for the 2026/27 main crop at CFA 2,800 per kilogram on Wednesday evening, ahead of the season's opening on October 1. Green coffee will be bought at CFA 1,500/kg.

The price is unchanged from the mid-crop and reflects world prices that remain high despite falling since January. Forward sales of the 2026/27 crop were made at an average CIF price of CFA 1.85 million per tonne, the regulator said.

The world's top grower expects about 1.9 million tonnes, helped by good rainfall in July and August. Only licensed buyers holding the farmer's card may collect beans, part of the traceability system introduced to comply with the EU deforestation regulation. Cooperatives welcomed the price but flagged higher trucking costs to Abidjan and San Pedro ports.
""",
            ),
        },
        apps=[
            ("cacao", "ref", {}),
            ("aoape", "exact", {"hours": 3}),
            ("sahel", "edited", {
                "title": "Côte d’Ivoire : 2 800 FCFA/kg pour le cacao de la campagne 2026-2027",
                "drop": [3], "hours": 14}),
            ("wath", "translated", {"lang": "en", "hours": 16}),
        ],
    ),
    Story(
        key="cacao-tracabilite-carte",
        when="2026-05-27T11:00:00+00:00",
        tags=["cacao", "traçabilité", "EUDR", "Côte d'Ivoire"],
        texts={
            "fr": T(
                "Traçabilité du cacao : 1,1 million de cartes du producteur distribuées",
                """
Le Conseil du café-cacao a annoncé avoir distribué 1,1 million de cartes du producteur, soit la quasi-totalité des planteurs recensés lors du recensement national des vergers. La carte, dotée d’une puce, enregistre chaque livraison de fèves et la parcelle d’origine, géolocalisée par polygone.

Ce dispositif doit permettre aux exportateurs de fournir la preuve que le cacao vendu en Europe ne provient pas de terres déboisées après le 31 décembre 2020, comme l’exige le règlement européen sur la déforestation (RDUE). Les données sont centralisées dans une plateforme nationale de traçabilité, accessible aux acheteurs agréés et, sur demande, aux autorités des pays importateurs.

Le régulateur reconnaît que 8 % des parcelles restent à cartographier, notamment dans l’ouest du pays. Des équipes mobiles seront déployées d’ici à septembre, avant l’ouverture de la campagne principale.

Les exportateurs de taille moyenne jugent le système utile mais coûteux : la vérification des données et la gestion des non-conformités mobilisent du personnel qu’ils n’avaient pas prévu. Certains envisagent de mutualiser ces fonctions au sein de leurs groupements.
""",
            ),
            "en": T(
                "Ivorian cocoa regulator says 1.1 million farmer cards issued for traceability",
                """
Côte d'Ivoire's Coffee and Cocoa Council says it has issued 1.1 million smart farmer cards, covering almost every grower recorded in the national farm census. Each card records deliveries and the plot of origin, mapped as a polygon.

The system is designed to let exporters prove that cocoa sold in Europe was not grown on land deforested after December 31, 2020, as required by the EU Deforestation Regulation (EUDR). Data is held on a national traceability platform open to licensed buyers and, on request, to importing-country authorities.

About 8% of plots, mostly in the west, are still to be mapped; mobile teams will finish the work by September. Mid-sized exporters find the system useful but say checking data and handling non-conformities requires staff they had not budgeted, and some are considering sharing those functions.
""",
            ),
        },
        apps=[
            ("cacao", "ref", {}),
            ("aoape", "edited", {
                "title": "Cacao ivoirien : la carte du producteur généralisée avant la campagne",
                "drop": [3],
                "lead": "Abidjan, 27 mai 2026 (AOAPE) – ",
                "hours": 5}),
            ("blog", "translated", {"lang": "en", "hours": 80}),
        ],
    ),
    Story(
        key="eudr-calendrier",
        when="2026-06-30T12:00:00+04:00",
        ref_lang="en",
        tags=["EUDR", "deforestation", "European Union", "regulation", "cocoa", "coffee"],
        texts={
            "en": T(
                "EUDR: EU confirms application date and publishes simplified due diligence guidance",
                """
The European Commission has confirmed that the EU Deforestation Regulation (EUDR) will apply to large and medium operators from December 30, 2026, and to micro and small enterprises from June 30, 2027. It has also published updated guidance on simplified due diligence for products from countries classified as low risk.

The regulation covers cattle, cocoa, coffee, oil palm, rubber, soya and wood, and derived products listed in its annex, such as chocolate, leather and furniture. Operators placing these products on the EU market must submit a due diligence statement showing that they were produced on land not deforested after December 31, 2020, in line with the laws of the country of production.

Exporters in Mauritius and in other African countries should note that the obligations fall on the EU importer, but in practice buyers will ask suppliers for geolocation of plots and for evidence of legality. Côte d'Ivoire, Ghana and Cameroon are classified as standard risk under the benchmarking published last year.

Trade Easy users can find the list of HS codes concerned in the [Regulations section](https://www.tradeeasy.example/regulations/eudr) of the portal.
""",
            ),
            "fr": T(
                "RDUE : l’Union européenne confirme le calendrier et publie un guide de diligence simplifiée",
                """
La Commission européenne a confirmé que le règlement sur la déforestation (RDUE) s’appliquera aux grands et moyens opérateurs à partir du 30 décembre 2026, et aux micro et petites entreprises à partir du 30 juin 2027. Elle a également publié un guide actualisé sur la diligence raisonnée simplifiée pour les produits issus de pays classés à faible risque.

Le règlement vise le cacao, le café, l’huile de palme, le caoutchouc, le soja, le bois et les bovins, ainsi que les produits dérivés listés en annexe. Les opérateurs qui mettent ces produits sur le marché européen doivent déposer une déclaration de diligence raisonnée prouvant qu’ils proviennent de terres non déboisées après le 31 décembre 2020.

Pour les exportateurs ivoiriens, ghanéens et camerounais, dont les pays sont classés à risque standard, la géolocalisation des parcelles et la preuve de légalité deviennent des pièces exigées par les acheteurs, même si l’obligation juridique pèse sur l’importateur européen.
""",
            ),
        },
        apps=[
            ("mte", "ref", {}),
            ("wath", "exact", {"hours": 10}),
            ("cacao", "translated", {"lang": "fr", "hours": 22}),
            ("blog", "edited", {
                "title": "EUDR dates are now fixed: what small exporters should do this year",
                "drop": [3],
                "add": "If you sell cocoa, coffee or rubber to Europe through a trader, ask them now which data they will need from you, and in which format.",
                "hours": 70}),
        ],
    ),
    Story(
        key="sesame-burkina-agrement",
        when="2026-09-15T10:00:00+00:00",
        tags=["sésame", "Burkina Faso", "exportation", "agrément"],
        texts={
            "fr": T(
                "Sésame : le Burkina impose un agrément aux exportateurs dès la campagne 2026-2027",
                """
Les exportateurs de sésame du Burkina Faso devront détenir un agrément délivré par le ministère du Commerce à partir de l’ouverture de la campagne 2026-2027, le 1er novembre. Un arrêté publié la semaine dernière fixe les conditions : être inscrit au registre du commerce, disposer d’un magasin de stockage conforme et justifier d’une capacité financière minimale de 50 millions de FCFA.

Selon le ministère, la mesure vise à assainir une filière où de nombreux intermédiaires ponctuels achètent sans respecter les prix de référence ni les normes de qualité, ce qui a conduit à des refoulements de cargaisons en Asie et en Europe pour présence de salmonelles ou de résidus de pesticides.

Le Burkina a exporté environ 230 000 tonnes de sésame en 2025, principalement vers la Chine, le Japon et la Turquie. Le sésame est devenu la troisième culture d’exportation du pays après le coton et la noix de cajou.

L’interprofession sésame a accueilli favorablement le texte, tout en demandant un délai pour les petites entreprises qui doivent mettre leurs magasins aux normes.
""",
            ),
            "en": T(
                "Burkina Faso to require licences for sesame exporters from November",
                """
Sesame exporters in Burkina Faso will need a licence from the trade ministry from the start of the 2026/27 season on November 1, under an order published last week. Applicants must be listed in the trade register, own a compliant warehouse and show minimum financial capacity of CFA 50 million.

The ministry says the rule is meant to clean up a trade where many occasional middlemen ignore reference prices and quality standards, leading to rejected shipments in Asia and Europe over salmonella or pesticide residues.

Burkina Faso exported about 230,000 tonnes of sesame in 2025, mainly to China, Japan and Turkey; sesame is now its third export crop after cotton and cashew. The sesame inter-professional body welcomed the order but asked for extra time for small firms to upgrade their warehouses.
""",
            ),
        },
        apps=[
            ("sahel", "ref", {}),
            ("ccibf", "edited", {
                "title": "Exportation de sésame : ce que l’agrément change pour les entreprises",
                "drop": [2],
                "add": "La Chambre de commerce organise une séance d’information sur la constitution du dossier d’agrément le 6 octobre à Ouagadougou et le 8 octobre à Bobo-Dioulasso.",
                "hours": 28}),
            ("wath", "translated", {"lang": "en", "hours": 55}),
        ],
    ),
    Story(
        key="mangue-mouche-des-fruits",
        when="2026-04-15T09:20:00+04:00",
        ref_lang="en",
        tags=["mango", "fruit fly", "SPS", "European Union", "interceptions"],
        texts={
            "en": T(
                "SPS alert: rise in EU interceptions of West African mangoes for fruit fly",
                """
The EU plant health interception system recorded 27 consignments of mangoes from West Africa intercepted for harmful organisms between January and March 2026, compared with 11 in the same period last year. Most were due to fruit flies of the genus Bactrocera, listed as priority pests in the EU.

Consignments from Côte d'Ivoire, Mali and Burkina Faso account for the bulk of the interceptions. Under the EU plant health rules, each interception triggers a notification to the exporting country, and repeated findings can lead to reinforced checks or emergency measures.

Exporters are advised to strengthen orchard sanitation (collecting fallen fruit), use approved bait traps and ensure sorting and packing in registered stations. National plant protection organisations are expected to step up pre-export inspections for the peak season starting in April.

Mauritian exporters of fresh fruit should also review their pest-free area documentation, since several interceptions concerned mixed consignments shipped through European hubs.
""",
            ),
            "fr": T(
                "Mangues : hausse des interceptions en Europe pour cause de mouches des fruits",
                """
Le système européen de notification des interceptions phytosanitaires a enregistré 27 lots de mangues en provenance d’Afrique de l’Ouest interceptés pour organismes nuisibles entre janvier et mars 2026, contre 11 sur la même période l’an dernier. La plupart concernent des mouches des fruits du genre Bactrocera, organismes de quarantaine prioritaires dans l’UE.

Les envois de Côte d’Ivoire, du Mali et du Burkina Faso représentent l’essentiel des cas. Chaque interception donne lieu à une notification au pays exportateur ; des constats répétés peuvent entraîner des contrôles renforcés, voire des mesures d’urgence.

Les exportateurs sont invités à renforcer l’assainissement des vergers par le ramassage des fruits tombés, à utiliser les pièges homologués et à conditionner dans des stations agréées. Les services de protection des végétaux prévoient d’intensifier les inspections avant exportation pour le pic de campagne qui débute en avril.
""",
            ),
        },
        apps=[
            ("mte", "ref", {}),
            ("sahel", "translated", {"lang": "fr", "hours": 20}),
            ("ccibf", "translated", {
                "lang": "fr", "hours": 44,
                "title": "Alerte aux exportateurs de mangues : les interceptions se multiplient en Europe",
                "add": "La Direction de la protection des végétaux et du conditionnement rappelle que les certificats phytosanitaires ne seront délivrés qu’aux lots conditionnés dans des stations agréées."}),
        ],
    ),
    Story(
        key="mangue-campagne-ci",
        when="2026-03-26T08:40:00+00:00",
        tags=["mangue", "Côte d'Ivoire", "campagne", "exportation"],
        texts={
            "fr": T(
                "Côte d’Ivoire : ouverture de la campagne d’exportation de la mangue à Korhogo",
                """
La campagne d’exportation de la mangue 2026 a été officiellement lancée jeudi à Korhogo, en présence des représentants de l’interprofession, des services phytosanitaires et des transitaires. Les exportateurs prévoient d’expédier entre 38 000 et 42 000 tonnes de mangues fraîches, essentiellement de la variété Kent, vers l’Europe.

Les premiers conteneurs réfrigérés quitteront les stations de conditionnement de la région du Poro dès la semaine prochaine, pour rejoindre le port d’Abidjan en 18 à 24 heures par la route. Un convoi ferroviaire réfrigéré sera testé pour la première fois sur l’axe Ferkessédougou-Abidjan.

L’interprofession a rappelé les exigences de l’Union européenne en matière de mouches des fruits et annoncé que 120 inspecteurs seraient mobilisés dans les vergers et les stations. Seuls les lots accompagnés d’un certificat phytosanitaire électronique pourront être embarqués.

La mangue fait vivre près de 15 000 producteurs dans le nord du pays. La transformation en mangue séchée et en purée progresse, avec une dizaine d’unités en activité.
""",
            ),
        },
        apps=[
            ("sahel", "ref", {}),
            ("paa", "edited", {
                "title": "Campagne mangue 2026 : dispositions pour les conteneurs réfrigérés",
                "drop": [3],
                "add": "Le Port autonome d’Abidjan informe les usagers que des prises reefer supplémentaires sont mises à disposition au terminal fruitier pendant toute la durée de la campagne.",
                "hours": 30}),
            ("aoape", "exact", {"hours": 4}),
        ],
    ),
    Story(
        key="zlecaf-regles-origine-textile",
        when="2026-02-20T17:00:00+00:00",
        ref_lang="en",
        tags=["AfCFTA", "rules of origin", "textiles", "automotive"],
        texts={
            "en": T(
                "AfCFTA Council of Ministers adopts rules of origin for textiles and clothing",
                """
The AfCFTA Council of Ministers has adopted the outstanding rules of origin for textiles and clothing and for automotive products, closing one of the longest-running files of the negotiations, the AfCFTA Secretariat said on Friday.

For clothing, the rules follow a two-stage approach: during a transition period of five years, garments made in a State Party from imported fabric will qualify as originating, provided cutting and sewing take place locally. After that period, a double transformation rule will apply, requiring the fabric itself to be woven or knitted in Africa.

For vehicles, a regional value content of 40% will apply initially, rising to 60% over ten years. Member states may request temporary derogations for specific products where regional supply is insufficient.

The Secretariat said the adopted texts would be published in the e-Tariff Book and that customs administrations would receive training. Business associations welcomed the clarity but warned that certificates of origin must be issued quickly and at low cost for small exporters to benefit.
""",
            ),
            "fr": T(
                "ZLECAf : le Conseil des ministres adopte les règles d’origine du textile et de l’habillement",
                """
Le Conseil des ministres de la Zone de libre-échange continentale africaine (ZLECAf) a adopté les règles d’origine en suspens pour le textile-habillement et l’automobile, refermant l’un des dossiers les plus longs des négociations, a annoncé vendredi le Secrétariat.

Pour les vêtements, une approche en deux temps est retenue : pendant une période transitoire de cinq ans, un vêtement confectionné dans un État partie à partir de tissu importé sera considéré comme originaire, à condition que la coupe et la couture soient réalisées sur place. Ensuite, la règle de la double transformation s’appliquera : le tissu lui-même devra être tissé ou tricoté en Afrique.

Pour les véhicules, une teneur en valeur régionale de 40 % s’appliquera au départ, portée à 60 % en dix ans. Les textes seront publiés dans le livre tarifaire électronique et les administrations douanières seront formées. Les organisations patronales saluent la clarification mais rappellent que les certificats d’origine doivent être délivrés rapidement et à faible coût pour que les petites entreprises en profitent.
""",
            ),
        },
        apps=[
            ("zlecaf", "ref", {}),
            ("aoape", "translated", {"lang": "fr", "hours": 16}),
            ("textile", "translated", {
                "lang": "fr", "hours": 40,
                "title": "Règles d’origine ZLECAf : la double transformation s’appliquera après cinq ans",
                "drop": [2],
                "add": "Pour les confectionneurs de la sous-région, la période transitoire est une fenêtre pour nouer des partenariats avec les filatures et tissages africains."}),
        ],
    ),
    Story(
        key="zlecaf-gti-extension",
        when="2026-05-05T13:00:00+00:00",
        ref_lang="en",
        tags=["AfCFTA", "Guided Trade Initiative", "Senegal", "Burkina Faso"],
        texts={
            "en": T(
                "AfCFTA Guided Trade Initiative extended to twelve more countries, including Senegal and Burkina Faso",
                """
The AfCFTA Secretariat announced that its Guided Trade Initiative, launched to demonstrate that goods can move under the agreement's preferential tariffs, will be extended to twelve additional State Parties this year, including Senegal, Burkina Faso, Côte d'Ivoire and Benin.

Under the initiative, exporters selected by national AfCFTA committees are matched with buyers in other participating countries and accompanied through the first shipments: obtaining certificates of origin, clearing customs under the new tariff schedules and settling payments through the Pan-African Payment and Settlement System.

More than 40 countries will be taking part by the end of the year. Products traded so far include tea, coffee, ceramic tiles, batteries, processed cashew, shea butter and garments. The Secretariat said the initiative had exposed practical bottlenecks, notably customs systems not yet updated with preferential rates.

Companies wishing to take part should contact their national AfCFTA committee or chamber of commerce.
""",
            ),
            "fr": T(
                "ZLECAf : l’initiative de commerce guidé étendue à douze nouveaux pays, dont le Sénégal et le Burkina Faso",
                """
Le Secrétariat de la ZLECAf a annoncé l’extension de l’Initiative de commerce guidé à douze nouveaux États parties cette année, parmi lesquels le Sénégal, le Burkina Faso, la Côte d’Ivoire et le Bénin. L’initiative vise à démontrer que les marchandises peuvent circuler aux tarifs préférentiels de l’accord.

Les exportateurs sélectionnés par les comités nationaux ZLECAf sont mis en relation avec des acheteurs d’autres pays participants et accompagnés lors des premières expéditions : obtention du certificat d’origine, dédouanement selon les nouvelles listes tarifaires et paiement via le système panafricain de paiement et de règlement (PAPSS).

Plus de 40 pays participeront d’ici la fin de l’année. Parmi les produits déjà échangés figurent le thé, le café, les carreaux de céramique, les batteries, la noix de cajou transformée, le beurre de karité et les vêtements. Le Secrétariat reconnaît que l’initiative a mis au jour des obstacles pratiques, notamment des systèmes douaniers pas encore paramétrés avec les taux préférentiels.
""",
            ),
        },
        apps=[
            ("zlecaf", "ref", {}),
            ("apix", "translated", {"lang": "fr", "hours": 26}),
            ("ccibf", "translated", {
                "lang": "fr", "hours": 50,
                "title": "Commerce guidé ZLECAf : les entreprises burkinabè invitées à se porter candidates",
                "drop": [2],
                "add": "Les entreprises intéressées peuvent retirer le formulaire de candidature auprès du guichet ZLECAf de la Chambre de commerce, à Ouagadougou et à Bobo-Dioulasso, jusqu’au 30 juin."}),
            ("mte", "edited", {
                "title": "AfCFTA Guided Trade Initiative grows: twelve new participants announced",
                "drop": [3],
                "add": "Mauritius has taken part in the initiative since its first phase; Mauritian exporters can consult the AfCFTA tariff schedules in the Trade Easy tariff tool.",
                "hours": 36}),
        ],
    ),
    Story(
        key="senegal-certificat-origine-electronique",
        when="2026-07-02T10:00:00+00:00",
        tags=["ZLECAf", "Sénégal", "certificat d'origine", "dématérialisation"],
        texts={
            "fr": T(
                "Le Sénégal délivre ses premiers certificats d’origine ZLECAf électroniques",
                """
Le Sénégal a délivré cette semaine ses premiers certificats d’origine électroniques dans le cadre de la ZLECAf, a annoncé l’APIX. Les certificats sont émis via la plateforme du guichet unique du commerce extérieur et transmis directement aux douanes du pays de destination, qui peuvent en vérifier l’authenticité en ligne grâce à un code QR.

Les premiers bénéficiaires sont trois PME exportatrices de produits halieutiques transformés, de jus de fruits et de cosmétiques à base de karité, à destination du Ghana, du Cameroun et du Rwanda. Le délai de délivrance passe de trois jours en moyenne à quelques heures, et le coût du formulaire papier est supprimé.

Le dispositif s’appuie sur la signature électronique qualifiée des agents habilités de la Chambre de commerce et de la Direction du commerce extérieur. Il sera étendu aux certificats d’origine CEDEAO d’ici la fin de l’année.

L’APIX invite les entreprises à mettre à jour leur profil exportateur sur la plateforme et à vérifier la classification tarifaire de leurs produits avant toute demande.
""",
            ),
            "en": T(
                "Senegal issues first electronic AfCFTA certificates of origin",
                """
Senegal issued its first electronic certificates of origin under the AfCFTA this week, the investment promotion agency APIX said. Certificates are generated through the country's trade single window and sent directly to customs in the destination country, which can check them online with a QR code.

The first users are three small exporters of processed fish, fruit juice and shea-based cosmetics, shipping to Ghana, Cameroon and Rwanda. Issuance time falls from about three days to a few hours, and the fee for the paper form is dropped.

The system relies on qualified electronic signatures of authorised officers at the Chamber of Commerce and the foreign trade directorate, and will be extended to ECOWAS certificates of origin by the end of the year. It is one of the first fully paperless AfCFTA certificates on the continent, the Secretariat noted.
""",
            ),
        },
        apps=[
            ("apix", "ref", {}),
            ("zlecaf", "translated", {"lang": "en", "hours": 30}),
            ("aoape", "edited", {
                "title": "ZLECAf : Dakar passe au certificat d’origine dématérialisé",
                "drop": [3],
                "lead": "Dakar, 2 juillet 2026 (AOAPE) – ",
                "hours": 8}),
        ],
    ),
    Story(
        key="cedeao-tec-revision",
        when="2026-01-20T15:30:00+00:00",
        tags=["CEDEAO", "tarif extérieur commun", "TEC", "douanes"],
        texts={
            "fr": T(
                "CEDEAO : révision du tarif extérieur commun pour 130 lignes tarifaires",
                """
Le Conseil des ministres de la CEDEAO a adopté à Abuja une révision du tarif extérieur commun (TEC) portant sur 130 lignes tarifaires, qui entrera en vigueur le 1er juillet 2026. Les modifications concernent principalement des intrants industriels, reclassés dans des bandes à taux réduit, et quelques produits finis transférés vers la cinquième bande à 35 %.

Parmi les produits dont le droit baisse figurent certains fils de coton, des emballages pour produits agricoles et des équipements de transformation agroalimentaire, désormais taxés à 5 % contre 10 % ou 20 %. À l’inverse, les tissus imprimés de type wax, certaines préparations à base de concentré de tomate et les jus de fruits passent à 35 %, pour protéger les industries régionales.

La Commission de la CEDEAO précise que les mesures complémentaires de protection prévues par le TEC, notamment la taxe d’ajustement à l’importation, restent applicables. Les États membres doivent transposer la révision dans leurs lois de finances ou par voie réglementaire.

Les chambres de commerce recommandent aux importateurs de vérifier dès maintenant la nouvelle position tarifaire de leurs produits, afin d’anticiper l’effet sur leurs prix de revient.
""",
            ),
            "en": T(
                "ECOWAS revises common external tariff on 130 tariff lines",
                """
ECOWAS ministers meeting in Abuja have adopted a revision of the common external tariff (CET) covering 130 tariff lines, effective July 1, 2026. Most changes move industrial inputs to lower-duty bands, while a few finished goods are shifted to the fifth band at 35%.

Products with lower duties include certain cotton yarns, packaging for agricultural produce and food-processing equipment, now at 5% instead of 10% or 20%. Printed wax-type fabrics, some tomato-paste preparations and fruit juices move to 35% to protect regional industries.

Complementary protection measures such as the import adjustment tax remain available. Member states must transpose the revision through finance laws or regulations. Mauritius Trade Easy users trading with West Africa should check the applicable rates in each destination country before quoting.
""",
            ),
        },
        apps=[
            ("aoape", "ref", {}),
            ("zlecaf", "exact", {"hours": 12}),
            ("ccibf", "edited", {
                "title": "TEC CEDEAO révisé : les importateurs invités à vérifier leurs positions tarifaires",
                "drop": [2],
                "add": "Le service Information économique de la Chambre peut accompagner les entreprises dans la recherche de la position tarifaire et du taux applicable.",
                "hours": 30}),
            ("mte", "translated", {"lang": "en", "hours": 46}),
        ],
    ),
    Story(
        key="uemoa-interconnexion-douanes",
        when="2026-03-11T09:00:00+00:00",
        tags=["UEMOA", "douanes", "transit", "interconnexion", "Burkina Faso", "Côte d'Ivoire"],
        texts={
            "fr": T(
                "Transit : les systèmes douaniers ivoirien et burkinabè désormais interconnectés",
                """
La Commission de l’UEMOA a annoncé la mise en service de l’interconnexion des systèmes informatiques douaniers de la Côte d’Ivoire et du Burkina Faso sur le corridor Abidjan-Ouagadougou. Les déclarations de transit saisies au départ d’Abidjan sont désormais transmises automatiquement au bureau de destination, sans nouvelle saisie.

Selon la Commission, cette interconnexion doit réduire de deux jours en moyenne la durée du transit, limiter les fraudes liées aux déclarations papier et faciliter l’apurement des cautions de transit, source récurrente de litiges pour les transporteurs et les commissionnaires en douane.

Le projet fait partie du programme régional de facilitation des échanges, qui prévoit d’interconnecter l’ensemble des administrations douanières des États membres d’ici 2028. Les corridors Lomé-Ouagadougou et Dakar-Bamako seront les prochains à en bénéficier.

Un comité de suivi associant les douanes, les conseils des chargeurs et les organisations de transporteurs se réunira chaque trimestre pour évaluer le fonctionnement du dispositif et traiter les difficultés signalées par les opérateurs.
""",
            ),
        },
        apps=[
            ("uemoa", "ref", {}),
            ("aoape", "edited", {
                "title": "Corridor Abidjan-Ouagadougou : le transit douanier dématérialisé",
                "drop": [3],
                "lead": "Ouagadougou, 11 mars 2026 (AOAPE) – ",
                "hours": 3}),
            ("paa", "edited", {
                "title": "Avis aux usagers : interconnexion douanière avec le Burkina Faso",
                "drop": [2, 3],
                "add": "Les commissionnaires en douane opérant au Port autonome d’Abidjan sont invités à se rapprocher du bureau des douanes du port pour toute question relative aux nouvelles modalités de déclaration de transit.",
                "hours": 22}),
            ("ccibf", "exact", {"hours": 26}),
        ],
    ),
    Story(
        key="maurice-zlecaf-expedition",
        when="2026-08-04T11:30:00+04:00",
        ref_lang="en",
        tags=["AfCFTA", "Mauritius", "exports", "Ghana"],
        texts={
            "en": T(
                "Mauritian firms ship sugar specialties and textiles to Ghana under AfCFTA preferences",
                """
Two Mauritian companies shipped special sugars and knitted garments to Ghana this week under AfCFTA preferential tariffs, the Ministry of Foreign Affairs, Regional Integration and International Trade said. The consignments were cleared at Tema with zero duty on presentation of AfCFTA certificates of origin issued in Port Louis.

The ministry said the shipments demonstrate that small island exporters can use the agreement to reach West African markets, despite the distance and limited direct shipping lines. Freight was routed through a transhipment hub, adding about twelve days to transit time.

Exporters interested in West African markets can consult product-specific tariff schedules, rules of origin and import formalities for Ghana, Côte d'Ivoire and Senegal on Trade Easy. The ministry is also organising a trade mission to Accra and Abidjan in November.
""",
            ),
            "fr": T(
                "ZLECAf : des entreprises mauriciennes exportent vers le Ghana en franchise de droits",
                """
Deux entreprises mauriciennes ont expédié cette semaine des sucres spéciaux et des vêtements en maille vers le Ghana en bénéficiant des tarifs préférentiels de la ZLECAf, a annoncé le ministère mauricien des Affaires étrangères, de l’Intégration régionale et du Commerce international. Les marchandises ont été dédouanées à Tema en franchise de droits sur présentation de certificats d’origine ZLECAf délivrés à Port-Louis.

Pour le ministère, ces envois montrent que les exportateurs d’un petit État insulaire peuvent atteindre les marchés ouest-africains malgré la distance et la rareté des lignes maritimes directes ; le fret a transité par un port de transbordement, allongeant le délai d’environ douze jours.

Une mission commerciale mauricienne est prévue à Accra et à Abidjan en novembre, une occasion pour les importateurs ouest-africains de rencontrer des fournisseurs de l’océan Indien.
""",
            ),
        },
        apps=[
            ("mte", "ref", {}),
            ("zlecaf", "edited", {
                "title": "Mauritius–Ghana: AfCFTA preferences used for sugar and garments",
                "drop": [2],
                "add": "The AfCFTA Secretariat said island states had a particular interest in services and logistics provisions of the agreement.",
                "hours": 20}),
            ("aoape", "translated", {"lang": "fr", "hours": 44}),
        ],
    ),
    Story(
        key="ci-guichet-unique-ephyto",
        when="2026-02-16T08:00:00+00:00",
        tags=["Côte d'Ivoire", "guichet unique", "certificat phytosanitaire", "ePhyto"],
        texts={
            "fr": T(
                "Avis aux usagers : généralisation du certificat phytosanitaire électronique",
                """
Le Port autonome d’Abidjan informe les chargeurs, commissionnaires en douane et consignataires qu’à compter du 2 mars 2026, les certificats phytosanitaires des produits végétaux exportés seront exclusivement délivrés sous forme électronique via le guichet unique du commerce extérieur (GUCE).

Le certificat électronique, conforme à la norme ePhyto de la Convention internationale pour la protection des végétaux, est transmis directement aux services phytosanitaires des pays importateurs reliés au hub international. Pour les autres destinations, une version imprimée sécurisée, avec code de vérification, peut être éditée depuis la plateforme.

Les demandes doivent être déposées au moins 48 heures avant l’empotage. L’inspection physique des marchandises reste obligatoire et sera programmée via le GUCE. Aucun certificat papier manuscrit ne sera accepté à l’embarquement après le 2 mars.

Une session de formation destinée aux exportateurs de cacao, de café, de mangue, d’ananas et de noix de cajou se tiendra le 24 février au siège du GUCE. L’inscription est gratuite mais obligatoire.
""",
            ),
            "en": T(
                "Côte d'Ivoire makes electronic phytosanitary certificates mandatory from March 2",
                """
Côte d'Ivoire will issue phytosanitary certificates for exported plant products only in electronic form from March 2, 2026, through its trade single window, the Port of Abidjan told shippers and customs brokers.

The certificates follow the IPPC ePhyto standard and are sent directly to plant protection services in importing countries connected to the international hub; for other destinations a secure printout with a verification code is available. Applications must be filed at least 48 hours before stuffing, and physical inspection remains compulsory.

Mauritian importers of Ivorian produce should expect to receive certificates through the hub; the National Plant Protection Office in Mauritius is connected and can verify them on arrival.
""",
            ),
        },
        apps=[
            ("paa", "ref", {}),
            ("aoape", "edited", {
                "title": "Côte d’Ivoire : le certificat phytosanitaire devient 100 % électronique",
                "drop": [3],
                "lead": "Abidjan, 16 février 2026 (AOAPE) – ",
                "hours": 6}),
            ("mte", "translated", {"lang": "en", "hours": 40}),
        ],
    ),
]
