# SPDX-License-Identifier: AGPL-3.0-or-later
"""Multi-source stories, part A: cotton, textile, cashew, shea. Fictional but plausible."""

from corpus_model import Story, T

STORIES_A = [
    Story(
        key="cmdt-campagne-2026",
        when="2026-04-21T16:30:00+00:00",
        tags=["coton", "Mali", "campagne agricole", "prix au producteur"],
        image=("https://www.aoape.example/img/2026/04/champ-coton-koutiala.jpg",
               "Champ de coton près de Koutiala"),
        texts={
            "fr": T(
                "Mali : la CMDT fixe le prix du coton graine à 300 FCFA le kilo pour 2026-2027",
                """
La Compagnie malienne pour le développement des textiles (CMDT) a annoncé mardi à Bamako le prix d’achat du coton graine de premier choix pour la campagne 2026-2027 : 300 FCFA le kilogramme, soit le même niveau que la campagne précédente. Le prix du coton de deuxième choix est fixé à 275 FCFA.

La décision a été prise à l’issue de la réunion du conseil d’administration élargi aux représentants de la Confédération des sociétés coopératives de producteurs de coton (C-SCPC). Selon la direction générale, le maintien du prix tient compte de la baisse des cours mondiaux de la fibre depuis janvier et du coût des engrais, dont le prix de cession aux producteurs reste subventionné à 14 000 FCFA le sac de 50 kg.

La CMDT vise une production de 720 000 tonnes de coton graine, contre 668 000 tonnes lors de la campagne écoulée. Les superficies emblavées devraient atteindre 820 000 hectares, principalement dans les zones de Koutiala, Sikasso, Bougouni et Fana. Les semis doivent commencer dès les premières pluies utiles, attendues fin mai dans le sud du pays.

Les producteurs, qui réclamaient 325 FCFA, ont pris acte de la décision. « Nous aurions voulu davantage, mais la subvention des intrants est maintenue et c’est un point essentiel pour nos membres », a déclaré un responsable de la C-SCPC. Les premiers marchés d’achat de coton graine ouvriront en novembre.
""",
            ),
            "en": T(
                "Mali's CMDT keeps seed cotton price at CFA 300/kg for 2026/27",
                """
Mali's state-controlled cotton company CMDT said on Tuesday it would pay farmers CFA 300 per kilogram for first-grade seed cotton in the 2026/27 season, unchanged from last year. Second-grade cotton will be bought at CFA 275/kg.

The decision was taken by an enlarged board meeting that included the national federation of cotton growers' cooperatives. Management cited the decline in world lint prices since January, with the Cotlook A Index trading around 79 cents per pound, and the cost of fertiliser, which remains subsidised at CFA 14,000 per 50 kg bag.

CMDT is targeting 720,000 tonnes of seed cotton, up from 668,000 tonnes last season, on about 820,000 hectares. Growers had asked for CFA 325/kg but accepted the price because the input subsidy was maintained. Buying markets are due to open in November.
""",
            ),
        },
        apps=[
            ("aoape", "ref", {}),
            ("sahel", "edited", {
                "title": "Coton malien : prix inchangé à 300 FCFA/kg pour la campagne 2026-2027",
                "drop": [3],
                "add": "Au Burkina Faso voisin, la SOFITEX doit annoncer son propre prix dans les prochaines semaines.",
                "hours": 5}),
            ("cmw", "translated", {"lang": "en", "hours": 14}),
            ("textile", "edited", {
                "title": "Campagne 2026-2027 : la CMDT maintient le prix du coton graine",
                "drop": [2], "hours": 30}),
        ],
    ),
    Story(
        key="sofitex-prix-2026",
        when="2026-05-11T17:00:00+00:00",
        tags=["coton", "Burkina Faso", "SOFITEX", "prix au producteur"],
        texts={
            "fr": T(
                "Burkina Faso : le prix du coton graine fixé à 310 FCFA le kilo",
                """
L’Association interprofessionnelle du coton du Burkina (AICB) a fixé lundi à Ouagadougou le prix plancher d’achat du coton graine de premier choix à 310 FCFA le kilogramme pour la campagne 2026-2027, contre 300 FCFA la saison passée. Le coton de deuxième choix sera payé 285 FCFA.

La hausse de 10 FCFA est financée en partie par le fonds de lissage de la filière, alimenté lors des campagnes où les cours internationaux étaient favorables. Les sociétés cotonnières, SOFITEX en tête, ainsi que Faso Coton et SOCOMA, appliqueront ce prix dans leurs zones respectives.

Le prix des intrants reste inchangé : 15 000 FCFA le sac d’engrais NPK et 12 500 FCFA le sac d’urée, grâce à une subvention de l’État évaluée à 28 milliards de FCFA. L’interprofession espère relancer une production tombée à 490 000 tonnes lors de la campagne 2025-2026, loin du record de 800 000 tonnes atteint il y a une dizaine d’années.

Les producteurs de l’Union nationale des producteurs de coton du Burkina (UNPCB) ont salué « un signal positif », tout en rappelant les difficultés d’accès aux zones de production de l’Est et de la Boucle du Mouhoun pour des raisons sécuritaires.
""",
            ),
            "en": T(
                "Burkina Faso raises seed cotton price to CFA 310/kg",
                """
Burkina Faso's cotton inter-professional body AICB on Monday set the minimum price for first-grade seed cotton at CFA 310 per kilogram for the 2026/27 season, up from CFA 300 last season. Second-grade cotton will fetch CFA 285/kg.

The increase is partly funded by the sector's price-smoothing fund. SOFITEX, Faso Coton and SOCOMA will apply the price in their respective zones. Fertiliser prices are unchanged at CFA 15,000 per bag of NPK thanks to a state subsidy of about CFA 28 billion.

The industry hopes to lift output from 490,000 tonnes of seed cotton in 2025/26, far below the record of some 800,000 tonnes reached about a decade ago. Insecurity in the East and in the Boucle du Mouhoun still limits access to several growing areas, the growers' union UNPCB said.
""",
            ),
        },
        apps=[
            ("aoape", "ref", {}),
            ("ccibf", "exact", {"hours": 6}),
            ("sahel", "edited", {
                "title": "Coton : le Burkina relève le prix au producteur à 310 FCFA/kg",
                "drop": [3],
                "lead": "Ouagadougou, 11 mai 2026 (AOAPE) – ",
                "hours": 9}),
            ("cmw", "translated", {"lang": "en", "hours": 20}),
            ("wath", "translated", {
                "lang": "en", "hours": 52,
                "title": "Burkina Faso lifts farm-gate cotton price by CFA 10",
                "add": "Cotton is Burkina Faso's second export earner after gold, and the price decision is closely watched by ginners in neighbouring Mali and Côte d'Ivoire."}),
        ],
    ),
    Story(
        key="sodecoton-record",
        when="2026-03-02T17:15:00+00:00",
        tags=["coton", "Cameroun", "Sodecoton", "production"],
        texts={
            "fr": T(
                "Cameroun : la Sodecoton annonce une production record de 395 000 tonnes",
                """
La Société de développement du coton du Cameroun (Sodecoton) a clôturé sa campagne d’achat 2025-2026 avec 395 000 tonnes de coton graine, un record historique, a indiqué lundi son directeur général lors d’une conférence de presse à Garoua.

Ce résultat, en hausse de 8 % sur un an, s’explique par une pluviométrie régulière dans les régions du Nord et de l’Extrême-Nord, par l’extension des superficies à 265 000 hectares et par la diffusion de variétés plus productives mises au point avec l’Institut de recherche agricole pour le développement (IRAD). Le rendement moyen dépasse 1 490 kg à l’hectare.

La société prévoit d’égrener l’ensemble de la récolte d’ici fin mai dans ses neuf usines. Environ 160 000 tonnes de fibre devraient être produites, dont l’essentiel sera exporté vers l’Asie, principalement le Bangladesh, le Vietnam et la Chine. Une part croissante est toutefois réservée aux transformateurs locaux, dont la CICAM.

La Sodecoton a versé 82 milliards de FCFA aux 250 000 producteurs de son bassin, a précisé la direction, qui annonce également un programme de renouvellement de deux usines d’égrenage financé par un prêt syndiqué de banques locales.
""",
            ),
            "en": T(
                "Cameroon's Sodecoton reports record 395,000 t seed cotton crop",
                """
Cameroon's cotton company Sodecoton closed its 2025/26 buying season with a record 395,000 tonnes of seed cotton, up 8% year on year, its managing director told reporters in Garoua on Monday.

Regular rainfall in the North and Far North regions, an area expanded to 265,000 hectares and higher-yielding varieties developed with the national research institute IRAD lifted average yields above 1,490 kg per hectare.

The company expects to produce about 160,000 tonnes of lint once ginning ends in late May at its nine plants. Most of it will be shipped to Bangladesh, Vietnam and China, although local spinner CICAM is taking a growing share. Sodecoton said it paid CFA 82 billion to some 250,000 growers and plans to refurbish two gins with a syndicated loan from local banks.
""",
            ),
        },
        apps=[
            ("aoape", "ref", {}),
            ("cmw", "translated", {"lang": "en", "hours": 26}),
            ("textile", "edited", {
                "title": "Sodecoton : 395 000 tonnes, une campagne record au Nord-Cameroun",
                "drop": [3],
                "add": "Pour les filateurs de la sous-région, cette récolte abondante devrait détendre l’offre de fibre de qualité moyenne au second semestre.",
                "hours": 40}),
        ],
    ),
    Story(
        key="uemoa-bulletin-coton",
        when="2026-02-10T10:00:00+00:00",
        tags=["coton", "UEMOA", "veille stratégique", "bulletin"],
        texts={
            "fr": T(
                "La cellule de veille coton de l’UEMOA publie son bulletin du premier trimestre 2026",
                """
La Commission de l’UEMOA, à travers le Point focal régional coton (PFRC), a publié le bulletin trimestriel de sa cellule de veille stratégique sur la filière coton-textile. Ce numéro couvre la période d’octobre à décembre 2025 et s’adresse aux sociétés cotonnières, aux interprofessions, aux points focaux nationaux et aux partenaires techniques.

Le bulletin consacre son dossier principal à la qualité de la fibre : taux de contamination, classement, et effets des nouvelles exigences de traçabilité des acheteurs asiatiques et européens. Il présente également l’évolution de l’indice Cotlook A, les prévisions de production des huit États membres et un point sur les négociations commerciales à l’OMC.

La cellule de veille, mise en place avec l’appui du Centre du commerce international (ITC), s’appuie sur quatre types de sources : les points focaux nationaux, les institutions publiques des États membres, les foires et conférences, et les sources en ligne spécialisées. Des alertes sont en outre envoyées à une liste restreinte de destinataires lorsqu’une information peut avoir un impact fort sur la filière.

Le bulletin est téléchargeable gratuitement sur le [portail coton de l’UEMOA](https://coton.uemoa.example/bulletins/2026-t1). Les opérateurs peuvent s’abonner aux alertes en écrivant au PFRC.
""",
            ),
        },
        apps=[
            ("uemoa", "ref", {}),
            ("aoape", "edited", {
                "title": "Coton-textile : l’UEMOA diffuse son bulletin de veille trimestriel",
                "drop": [2],
                "lead": "Ouagadougou, 10 février 2026 (AOAPE) – ",
                "hours": 4}),
            ("textile", "exact", {"hours": 23}),
        ],
    ),
    Story(
        key="c4-omc-subventions",
        when="2026-03-18T16:40:00-05:00",
        ref_lang="en",
        tags=["cotton", "WTO", "Cotton-4", "subsidies"],
        texts={
            "en": T(
                "Cotton-4 press WTO members on subsidies ahead of ministerial meeting",
                """
Benin, Burkina Faso, Chad and Mali, the so-called Cotton-4, called on World Trade Organization members on Wednesday to agree on a timetable to cut trade-distorting domestic support for cotton before the next ministerial conference.

Speaking at the WTO sub-committee on cotton in Geneva, the group's coordinator said African producers continued to lose export revenue because of subsidies paid elsewhere, which depress world prices. The C4 submitted a paper estimating that support to cotton growers in the largest producing members exceeded $5 billion in the latest notified year.

The group also asked for faster progress on the development assistance side of the cotton dossier, including funding for by-products such as cottonseed oil and cake, and for local processing of lint. Several delegations welcomed the paper but said an outcome on domestic support would depend on the broader agriculture negotiations.

Cotton accounts for a large share of merchandise exports in the four countries and supports millions of rural households. Analysts say prices near 80 cents per pound leave little margin for West African ginners once freight and financing costs are counted.
""",
            ),
            "fr": T(
                "OMC : les pays du Coton-4 réclament un calendrier de réduction des subventions",
                """
Le Bénin, le Burkina Faso, le Mali et le Tchad, regroupés au sein du Coton-4, ont demandé mercredi aux membres de l’Organisation mondiale du commerce (OMC) de s’accorder sur un calendrier de réduction des soutiens internes qui faussent le commerce du coton, avant la prochaine conférence ministérielle.

Devant le sous-comité du coton à Genève, le coordonnateur du groupe a rappelé que les producteurs africains continuent de perdre des recettes d’exportation à cause des subventions versées ailleurs, qui pèsent sur les cours mondiaux. Selon un document déposé par le C4, le soutien aux producteurs de coton des principaux pays producteurs a dépassé 5 milliards de dollars lors de la dernière année notifiée.

Le groupe demande aussi des progrès sur le volet « aide au développement » du dossier, notamment pour la valorisation des sous-produits (huile et tourteau de coton) et la transformation locale de la fibre. Plusieurs délégations ont salué la contribution, tout en liant l’issue aux négociations agricoles d’ensemble.

Le coton représente une part importante des exportations de marchandises des quatre pays et fait vivre des millions de ménages ruraux.
""",
            ),
        },
        apps=[
            ("cmw", "ref", {}),
            ("aoape", "translated", {"lang": "fr", "hours": 17}),
            ("uemoa", "translated", {
                "lang": "fr", "hours": 48,
                "title": "Dossier coton à l’OMC : l’UEMOA soutient la position du Coton-4",
                "drop": [3],
                "add": "La Commission de l’UEMOA, qui suit le dossier à travers son Point focal régional coton, a réaffirmé son soutien à la démarche des quatre pays."}),
        ],
    ),
    Story(
        key="egrenage-boundiali",
        when="2026-06-08T16:20:00+00:00",
        tags=["coton", "Côte d'Ivoire", "égrenage", "industrie"],
        image=("https://www.aoape.example/img/2026/06/usine-egrenage.jpg",
               "Ligne d’égrenage de la nouvelle usine"),
        texts={
            "fr": T(
                "Côte d’Ivoire : une nouvelle usine d’égrenage de coton inaugurée à Boundiali",
                """
Une usine d’égrenage d’une capacité de 60 000 tonnes de coton graine par campagne a été inaugurée lundi à Boundiali, dans le nord de la Côte d’Ivoire. L’unité appartient à une société cotonnière privée qui opère dans la zone de la Bagoué et du Poro.

L’investissement, estimé à 18 milliards de FCFA, comprend deux lignes d’égrenage à scies, une presse à balles à haute densité et un laboratoire de classement équipé d’une chaîne HVI permettant de mesurer la longueur, la résistance et la maturité de la fibre. Le site emploiera 240 personnes en pleine campagne, dont une centaine de saisonniers.

Le ministre de l’Agriculture a souligné que cette usine réduira les distances de transport du coton graine, source de pertes et de surcoûts pour les producteurs. La Côte d’Ivoire a produit environ 430 000 tonnes de coton graine en 2025-2026 et vise 600 000 tonnes à l’horizon 2030.

Les graines issues de l’égrenage seront livrées aux huileries locales, tandis que la fibre sera exportée par le port d’Abidjan ou vendue aux filatures de la sous-région.
""",
            ),
        },
        apps=[
            ("aoape", "ref", {}),
            ("sahel", "exact", {"hours": 3}),
            ("textile", "edited", {
                "title": "Boundiali : 60 000 tonnes de capacité d’égrenage supplémentaires",
                "drop": [3],
                "add": "Pour les filatures régionales, la présence d’un laboratoire HVI sur site est une bonne nouvelle : le classement instrumental facilite les contrats sur spécifications.",
                "hours": 27}),
        ],
    ),
    Story(
        key="gdiz-textile-export",
        when="2026-07-13T14:00:00+00:00",
        ref_lang="en",
        tags=["textile", "Benin", "GDIZ", "exports", "AGOA"],
        texts={
            "en": T(
                "Benin's Glo-Djigbé zone ships first garment orders to US retailers",
                """
Garment factories in Benin's Glo-Djigbé Industrial Zone (GDIZ) have shipped their first containers of T-shirts and polo shirts to American retailers, the zone's operator said on Monday, marking a step in the country's plan to turn more of its cotton into finished goods at home.

The shipments, about 40 containers over the past month, were made from locally ginned and spun Beninese cotton, allowing exporters to document the full origin of the product. The operator said three garment units were now running, employing some 6,500 workers, most of them women.

Benin exports most of its cotton lint raw. The government wants to process half of its fibre locally by 2030. Buyers increasingly ask for traceability from farm to garment, which the integrated model in the zone can provide.

Exporters still face uncertainty over preferential access to the US market, which depends on the renewal of trade preference legislation. Officials said the zone was also courting European buyers and would use the AfCFTA to sell within Africa.
""",
            ),
            "fr": T(
                "Bénin : les usines textiles de la GDIZ expédient leurs premières commandes vers les États-Unis",
                """
Les usines de confection de la zone industrielle de Glo-Djigbé (GDIZ), au Bénin, ont expédié leurs premiers conteneurs de t-shirts et de polos à destination de distributeurs américains, a annoncé lundi l’opérateur de la zone.

Une quarantaine de conteneurs sont partis au cours du mois écoulé. Les vêtements sont fabriqués à partir de coton béninois égrené et filé sur place, ce qui permet de documenter toute l’origine du produit, une exigence de plus en plus fréquente chez les acheteurs. Trois unités de confection fonctionnent désormais et emploient environ 6 500 personnes, majoritairement des femmes.

Le Bénin exporte l’essentiel de sa fibre à l’état brut et ambitionne d’en transformer la moitié localement d’ici 2030. L’accès préférentiel au marché américain reste toutefois suspendu au renouvellement de la législation sur les préférences commerciales ; la zone prospecte aussi les acheteurs européens et le marché africain dans le cadre de la ZLECAf.
""",
            ),
        },
        apps=[
            ("wath", "ref", {}),
            ("textile", "translated", {"lang": "fr", "hours": 20}),
            ("blog", "edited", {
                "title": "Made in Benin, from boll to T-shirt: GDIZ ships to the US",
                "drop": [3],
                "add": "For small West African apparel firms, the lesson is that full traceability is becoming a selling point in itself, not only a compliance cost.",
                "hours": 75}),
        ],
    ),
    Story(
        key="cajou-prix-ci-2026",
        when="2026-02-05T15:00:00+00:00",
        tags=["cajou", "Côte d'Ivoire", "prix bord champ", "campagne"],
        image=("https://www.observatoire-cajou.example/img/noix-brutes.jpg",
               "Noix de cajou brutes séchées au soleil"),
        texts={
            "fr": T(
                "Cajou : le prix bord champ fixé à 425 FCFA le kilo en Côte d’Ivoire",
                """
Le gouvernement ivoirien a fixé à 425 FCFA le kilogramme le prix plancher bord champ de la noix de cajou brute pour la campagne de commercialisation 2026, ouverte officiellement le 6 février. Le prix est identique à celui de 2025.

Le Conseil du coton et de l’anacarde (CCA) précise que le prix de référence magasin export est fixé à 475 FCFA et que les acheteurs agréés devront respecter un taux d’humidité maximal de 10 % et un rendement au décorticage (KOR) d’au moins 46 livres par sac de 80 kg.

La Côte d’Ivoire, premier producteur mondial, attend une récolte d’environ 1,3 million de tonnes. Les autorités veulent porter le taux de transformation locale au-delà de 35 % et rappellent que les exportations par voie terrestre de noix brutes restent interdites pendant la campagne.

Des brigades de contrôle seront déployées dans les principaux bassins de production, notamment à Bondoukou, Korhogo, Séguéla et Odienné, pour vérifier l’application du prix plancher. Les producteurs sont invités à signaler tout achat en dessous du prix officiel via le numéro vert du CCA.
""",
            ),
            "en": T(
                "Côte d'Ivoire holds cashew farm-gate price at CFA 425/kg",
                """
Côte d'Ivoire has set the minimum farm-gate price for raw cashew nuts at CFA 425 per kilogram for the 2026 marketing season, which opened on February 6, unchanged from 2025.

The regulator, the Cotton and Cashew Council, said the reference export warehouse price was CFA 475/kg and that licensed buyers must respect a maximum moisture content of 10% and a minimum kernel outturn ratio of 46 lbs per 80 kg bag.

The world's largest producer expects a crop of about 1.3 million tonnes. The government wants to raise local processing above 35% of output and reminded traders that overland exports of raw nuts remain banned during the season. Inspection teams will be deployed in the main growing areas, including Bondoukou, Korhogo, Séguéla and Odienné.
""",
            ),
            "pt": T(
                "Costa do Marfim mantém preço do caju ao produtor em 425 francos CFA",
                """
O governo da Costa do Marfim fixou em 425 francos CFA por quilograma o preço mínimo da castanha de caju bruta ao produtor para a campanha de comercialização de 2026, aberta a 6 de fevereiro. O valor é igual ao do ano passado.

Segundo o Conselho do Algodão e do Caju, o preço de referência no armazém de exportação é de 475 francos CFA e os compradores autorizados devem respeitar uma humidade máxima de 10 % e um rendimento mínimo de 46 libras por saco de 80 quilos.

O maior produtor mundial espera uma colheita de cerca de 1,3 milhões de toneladas. Para os operadores da Guiné-Bissau, a decisão marfinense serve de referência na fixação do preço nacional, dado o risco de escoamento de castanha através das fronteiras quando a diferença de preços é grande.
""",
            ),
        },
        apps=[
            ("cajou", "ref", {}),
            ("aoape", "exact", {"hours": 2}),
            ("sahel", "edited", {
                "title": "Anacarde : la Côte d’Ivoire maintient le prix plancher à 425 FCFA",
                "drop": [3], "hours": 8}),
            ("wath", "translated", {"lang": "en", "hours": 22}),
            ("caju", "translated", {"lang": "pt", "hours": 30}),
        ],
    ),
    Story(
        key="caju-gb-taxa-exportacao",
        when="2026-03-24T10:30:00+00:00",
        ref_lang="pt",
        tags=["caju", "Guiné-Bissau", "exportação", "fiscalidade"],
        texts={
            "pt": T(
                "Guiné-Bissau reduz taxa sobre exportação de castanha de caju",
                """
O Conselho de Ministros da Guiné-Bissau aprovou a redução da taxa sobre a exportação de castanha de caju bruta de 6 % para 4 % do preço de referência, com efeito imediato para a campanha de 2026. O preço de referência para efeitos fiscais foi fixado em 950 dólares por tonelada.

A medida responde a um pedido da Associação Nacional dos Exportadores, que alertava para a perda de competitividade face aos portos vizinhos. Segundo o ministro do Comércio, a descida da taxa deve também reduzir o contrabando de castanha para os países vizinhos, que terá atingido dezenas de milhares de toneladas no ano passado.

O caju representa mais de 90 % das exportações do país e é a principal fonte de rendimento de grande parte das famílias rurais. O governo espera exportar cerca de 200 mil toneladas este ano através do porto de Bissau.

As organizações de produtores saudaram a decisão, mas pediram que a redução se traduza num preço mais alto ao produtor, e não apenas em margens maiores para os intermediários.
""",
            ),
            "fr": T(
                "Guinée-Bissau : la taxe à l’exportation de la noix de cajou ramenée à 4 %",
                """
Le Conseil des ministres de Guinée-Bissau a approuvé la baisse de la taxe sur les exportations de noix de cajou brutes de 6 % à 4 % du prix de référence, avec effet immédiat pour la campagne 2026. Le prix de référence fiscal est fixé à 950 dollars la tonne.

La mesure répond à une demande de l’association nationale des exportateurs, qui dénonçait une perte de compétitivité face aux ports voisins. Selon le ministre du Commerce, elle doit aussi freiner la contrebande de noix vers les pays limitrophes, estimée à plusieurs dizaines de milliers de tonnes l’an dernier.

Le cajou représente plus de 90 % des exportations du pays. Le gouvernement table sur 200 000 tonnes exportées cette année par le port de Bissau. Les organisations de producteurs ont salué la décision tout en demandant qu’elle se traduise par un meilleur prix au producteur, et pas seulement par des marges plus élevées pour les intermédiaires.
""",
            ),
        },
        apps=[
            ("caju", "ref", {}),
            ("cajou", "translated", {"lang": "fr", "hours": 19}),
            ("aoape", "translated", {"lang": "fr", "hours": 21}),
        ],
    ),
    Story(
        key="benin-cajou-transformation",
        when="2026-01-28T09:00:00+00:00",
        tags=["cajou", "Bénin", "transformation locale", "interdiction d'exportation"],
        texts={
            "fr": T(
                "Bénin : l’exportation de noix de cajou brutes interdite à partir du 1er avril",
                """
Le gouvernement béninois a confirmé mercredi en Conseil des ministres l’interdiction d’exporter des noix de cajou brutes à compter du 1er avril 2026. Toute la production nationale devra désormais être transformée localement, a indiqué le porte-parole du gouvernement.

La mesure s’inscrit dans la stratégie d’industrialisation autour de la zone économique spéciale de Glo-Djigbé, où plusieurs unités de décorticage sont en cours d’installation. Leur capacité cumulée atteindra 150 000 tonnes par an en 2027, pour une production nationale estimée entre 130 000 et 180 000 tonnes selon les années.

Les exportateurs disposent d’un délai jusqu’au 31 mars pour solder les stocks de la campagne précédente. Un mécanisme d’achat par un organisme public garantira aux producteurs l’écoulement de leur récolte à un prix minimal qui sera annoncé en mars.

Plusieurs négociants interrogés par l’AOAPE s’inquiètent d’un risque de baisse des prix au producteur si les capacités de transformation ne sont pas opérationnelles à temps. Les organisations paysannes demandent des garanties sur les délais de paiement.
""",
            ),
            "en": T(
                "Benin to ban raw cashew exports from April 1",
                """
Benin's government confirmed on Wednesday that exports of raw cashew nuts will be banned from April 1, 2026, and that the entire national crop must be processed in the country, the government spokesman said after the weekly cabinet meeting.

The move is part of an industrial strategy built around the Glo-Djigbé special economic zone, where several shelling plants are being installed with combined capacity expected to reach 150,000 tonnes a year in 2027. National output varies between 130,000 and 180,000 tonnes.

Exporters have until March 31 to clear stocks from the previous season. A public buyer will guarantee farmers a minimum price, to be announced in March. Traders fear farm-gate prices could fall if processing capacity is not ready in time, while farmer organisations are asking for guarantees on payment delays.
""",
            ),
        },
        apps=[
            ("aoape", "ref", {}),
            ("cajou", "edited", {
                "title": "Le Bénin interdit l’exportation de noix brutes dès le 1er avril 2026",
                "drop": [3],
                "add": "L’Observatoire suivra l’évolution des prix bord champ dans les départements du Borgou, de la Donga et des Collines au cours des prochaines semaines.",
                "hours": 7}),
            ("wath", "translated", {"lang": "en", "hours": 29}),
            ("broken", "exact", {"hours": 50}),
        ],
    ),
    Story(
        key="ci-subvention-transformation-cajou",
        when="2026-08-19T13:10:00+00:00",
        tags=["cajou", "Côte d'Ivoire", "transformation locale", "subvention"],
        texts={
            "fr": T(
                "Côte d’Ivoire : une subvention de 400 FCFA par kilo d’amande de cajou exportée",
                """
Les transformateurs ivoiriens de noix de cajou bénéficieront d’une subvention de 400 FCFA par kilogramme d’amande blanche exportée, a annoncé le Conseil du coton et de l’anacarde (CCA) à l’issue d’une réunion avec l’Association des transformateurs. Le dispositif, financé par une partie du droit unique de sortie sur les noix brutes, s’applique aux exportations réalisées à partir du 1er septembre.

Pour en bénéficier, les unités doivent être agréées, tenir une comptabilité conforme au SYSCOHADA révisé et justifier l’origine ivoirienne des noix transformées. Les dossiers seront instruits trimestriellement. Le CCA estime le coût du dispositif à 24 milliards de FCFA pour la première année.

Le secteur de la transformation compte une quarantaine d’unités industrielles et plusieurs centaines de petites unités artisanales, souvent dirigées par des femmes. Leur taux d’utilisation des capacités reste faible, autour de 55 %, faute de fonds de roulement pour constituer des stocks de noix en début de campagne.

Les transformateurs saluent la mesure mais réclament aussi un meilleur accès au crédit de campagne et une réduction du coût de l’électricité, deuxième poste de charges après la matière première.
""",
            ),
        },
        apps=[
            ("cajou", "ref", {}),
            ("aoape", "edited", {
                "title": "Anacarde : Abidjan subventionne l’exportation d’amandes transformées",
                "drop": [2],
                "lead": "Abidjan, 19 août 2026 (AOAPE) – ",
                "hours": 6}),
        ],
    ),
    Story(
        key="gb-abertura-campanha",
        when="2026-03-30T08:00:00+00:00",
        ref_lang="pt",
        tags=["caju", "Guiné-Bissau", "campanha", "preço de referência"],
        texts={
            "pt": T(
                "Aberta a campanha de comercialização do caju 2026 com preço de referência de 350 francos CFA",
                """
O Governo da Guiné-Bissau abriu oficialmente, em Bafatá, a campanha de comercialização da castanha de caju de 2026, com um preço mínimo de referência ao produtor de 350 francos CFA por quilograma, contra 300 francos no ano anterior.

O ministro do Comércio apelou aos comerciantes intermediários para respeitarem o preço fixado e anunciou a criação de brigadas mistas de fiscalização nas regiões de Oio, Cacheu, Bafatá e Gabú. As balanças utilizadas na compra serão verificadas pelos serviços de metrologia.

As previsões apontam para uma produção entre 200 e 220 mil toneladas, dependendo das condições climáticas das próximas semanas. A qualidade das primeiras castanhas, segundo os exportadores, é boa, com rendimentos acima das 48 libras por saco.

Os bancos comerciais comprometeram-se a financiar a campanha com cerca de 40 mil milhões de francos CFA, mas os exportadores lembram que o acesso ao crédito continua difícil para as empresas mais pequenas.
""",
            ),
            "fr": T(
                "Guinée-Bissau : ouverture de la campagne cajou 2026 avec un prix de référence de 350 FCFA",
                """
Le gouvernement bissau-guinéen a ouvert officiellement à Bafatá la campagne de commercialisation de la noix de cajou 2026, avec un prix minimal de référence au producteur de 350 FCFA le kilogramme, contre 300 FCFA l’an dernier.

Le ministre du Commerce a appelé les intermédiaires à respecter ce prix et annoncé des brigades mixtes de contrôle dans les régions d’Oio, Cacheu, Bafatá et Gabú. Les balances utilisées lors des achats seront vérifiées par le service de métrologie.

La production est attendue entre 200 000 et 220 000 tonnes. Selon les exportateurs, la qualité des premières noix est bonne, avec des rendements supérieurs à 48 livres par sac. Les banques commerciales se sont engagées à financer la campagne à hauteur d’environ 40 milliards de FCFA, mais l’accès au crédit reste difficile pour les petites entreprises.
""",
            ),
            "es": T(
                "Guinea-Bisáu abre la campaña del anacardo 2026 con un precio de referencia de 350 francos CFA",
                """
El Gobierno de Guinea-Bisáu abrió oficialmente en Bafatá la campaña de comercialización del anacardo de 2026, con un precio mínimo de referencia para el productor de 350 francos CFA por kilo, frente a 300 francos el año pasado.

El ministro de Comercio pidió a los intermediarios que respeten el precio y anunció brigadas mixtas de control en las regiones de Oio, Cacheu, Bafatá y Gabú. Se prevé una producción de entre 200.000 y 220.000 toneladas, con una calidad inicial considerada buena por los exportadores.

Para las empresas españolas de maquinaria de procesado y de logística, la campaña abre oportunidades, aunque la financiación sigue siendo el principal cuello de botella: los bancos locales han comprometido unos 40.000 millones de francos CFA, insuficientes para las empresas más pequeñas.
""",
            ),
        },
        apps=[
            ("caju", "ref", {}),
            ("cajou", "translated", {"lang": "fr", "hours": 26}),
            ("es", "translated", {"lang": "es", "hours": 96}),
        ],
    ),
    Story(
        key="karite-burkina-exportations",
        when="2026-06-23T10:45:00+00:00",
        tags=["karité", "Burkina Faso", "exportations", "coopératives féminines"],
        image=("https://www.sahelagri.example/media/2026/06/beurre-karite.jpg",
               "Production de beurre de karité dans une coopérative de Léo"),
        texts={
            "fr": T(
                "Karité : les exportations burkinabè de beurre en forte hausse",
                """
Les exportations de beurre de karité du Burkina Faso ont atteint 38 000 tonnes en 2025, en hausse de 21 % sur un an, selon les chiffres publiés par la Table filière karité (TFK). Les amandes brutes, dont l’exportation est soumise à autorisation depuis 2024, reculent à 95 000 tonnes.

La TFK attribue cette évolution à l’essor des unités de transformation semi-industrielles et à la structuration des coopératives féminines, qui assurent l’essentiel de la collecte et de la production artisanale. Près de 300 groupements sont désormais certifiés biologique ou commerce équitable, ce qui leur ouvre les marchés cosmétiques européens et nord-américains.

Les prix payés aux collectrices ont progressé, à 250 FCFA le kilo d’amandes en moyenne contre 190 FCFA deux ans plus tôt. Mais les transformatrices signalent des difficultés d’approvisionnement en bois de chauffe et en eau, et demandent un appui pour l’acquisition de presses et de foyers améliorés.

La TFK prépare pour novembre un salon du karité à Bobo-Dioulasso, en marge duquel des rencontres d’affaires avec des acheteurs étrangers seront organisées.
""",
            ),
            "en": T(
                "Burkina Faso shea butter exports jump 21%",
                """
Burkina Faso exported 38,000 tonnes of shea butter in 2025, up 21% from a year earlier, according to figures released by the national shea sector platform. Exports of raw kernels, which have required a licence since 2024, fell to 95,000 tonnes.

The platform credits the growth of semi-industrial processing units and better-organised women's cooperatives, which handle most collection and artisanal production. About 300 groups now hold organic or fair-trade certification, opening doors to cosmetics buyers in Europe and North America.

Prices paid to women collectors rose to an average of CFA 250 per kg of kernels, against CFA 190 two years earlier. Processors, however, report shortages of firewood and water and are asking for help to buy presses and improved stoves. A shea fair with buyer meetings is planned in Bobo-Dioulasso in November.
""",
            ),
        },
        apps=[
            ("sahel", "ref", {}),
            ("ccibf", "exact", {"hours": 24}),
            ("wath", "translated", {"lang": "en", "hours": 48}),
        ],
    ),
    Story(
        key="shea-alliance-conference",
        when="2026-04-08T09:00:00+00:00",
        ref_lang="en",
        tags=["shea", "conference", "Côte d'Ivoire", "sustainability"],
        texts={
            "en": T(
                "Shea industry meets in Abidjan to tackle sustainability and traceability",
                """
More than 600 participants from 25 countries gathered in Abidjan this week for the annual shea industry conference, where buyers, processors and women's cooperatives discussed how to meet rising sustainability requirements without squeezing the collectors at the bottom of the chain.

Cosmetics and food companies told the conference that traceability to the cooperative level would soon be a standard request in their supply contracts. Several pilots using mobile phones to record purchases from collectors were presented, including one in northern Ghana covering 12,000 women.

Tree protection was another theme. Shea parklands are being cleared for charcoal and for mechanised farming in parts of the Sahel, and delegates called for tree-planting programmes and for recognising shea trees in land-use plans. The conference also launched a working group on fair pricing for kernels, after two years of volatile prices.

The next edition will take place in Ouagadougou in 2027, organisers announced.
""",
            ),
            "fr": T(
                "Karité : la filière réunie à Abidjan autour de la durabilité et de la traçabilité",
                """
Plus de 600 participants venus de 25 pays se sont retrouvés cette semaine à Abidjan pour la conférence annuelle de la filière karité. Acheteurs, transformateurs et coopératives de femmes ont débattu des moyens de répondre aux exigences croissantes de durabilité sans pénaliser les collectrices, premier maillon de la chaîne.

Les industriels de la cosmétique et de l’agroalimentaire ont indiqué que la traçabilité jusqu’à la coopérative deviendra bientôt une clause standard de leurs contrats. Plusieurs projets pilotes d’enregistrement des achats par téléphone mobile ont été présentés, dont l’un couvre 12 000 femmes dans le nord du Ghana.

La protection des parcs à karité a également été au cœur des échanges : dans certaines zones du Sahel, les arbres sont abattus pour le charbon de bois ou pour l’agriculture mécanisée. La prochaine édition se tiendra à Ouagadougou en 2027.
""",
            ),
        },
        apps=[
            ("wath", "ref", {}),
            ("sahel", "translated", {"lang": "fr", "hours": 30}),
            ("blog", "edited", {
                "title": "Notes from the Abidjan shea conference: traceability is coming",
                "drop": [2],
                "add": "My take for small processors: start recording who you buy from now, even in a notebook. When the buyer asks, you will have an answer.",
                "hours": 60}),
        ],
    ),
]
