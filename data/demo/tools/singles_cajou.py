# SPDX-License-Identifier: AGPL-3.0-or-later
"""Single-source items of the Observatoire du Cajou (French), including two longer analyses."""

from corpus_model import Single as S, T

SINGLES_CAJOU = [
    S("cajou", "2026-04-24T09:00:00+00:00", ["cajou", "conjoncture", "amande", "marché mondial"], T(
        "Note de conjoncture : le marché mondial de l’amande de cajou au premier trimestre 2026",
        """
Le marché mondial de l’amande de cajou a connu au premier trimestre 2026 une hausse modérée des prix, tirée par une demande soutenue en Amérique du Nord, en Europe et au Moyen-Orient, et par des stocks limités chez les transformateurs vietnamiens et indiens à la fin de 2025. L’amande blanche entière de calibre W320, référence du marché, s’est échangée entre 3,40 et 3,65 dollars la livre FOB, contre 3,20 à 3,40 dollars un an plus tôt.

Du côté de l’offre de noix brutes, l’Afrique de l’Ouest confirme son rôle central. La Côte d’Ivoire, premier producteur mondial, attend environ 1,3 million de tonnes ; le Bénin a basculé vers la transformation locale obligatoire ; la Guinée-Bissau a réduit sa taxe à l’exportation pour reconquérir des parts de marché face aux flux frontaliers. Le Cambodge, devenu un fournisseur majeur du Vietnam, poursuit sa progression, ce qui limite la dépendance des décortiqueurs asiatiques vis-à-vis de l’Afrique.

Pour les transformateurs africains, la conjoncture est paradoxale. Le prix de l’amande est favorable, mais le prix de la noix brute l’est aussi pour les vendeurs, et la concurrence des acheteurs asiatiques fait monter le coût de la matière première en début de campagne, au moment où les usines doivent constituer leurs stocks. La marge brute de transformation, calculée par l’Observatoire sur la base d’un rendement de 48 livres par sac, s’établit à environ 14 % du prix de vente, un niveau insuffisant pour couvrir les charges financières des unités endettées.

Les mesures publiques se multiplient : subventions à l’amande exportée, interdictions ou restrictions d’exportation de noix brutes, zones économiques dédiées. Leur efficacité dépendra de l’accès au fonds de roulement, principal goulot d’étranglement identifié par les transformateurs interrogés par l’Observatoire, loin devant l’énergie et la main-d’œuvre.

Perspectives : l’Observatoire s’attend à une stabilité des prix de l’amande au deuxième trimestre, avec un risque de baisse si la récolte ouest-africaine dépasse les prévisions. Les transformateurs sont invités à sécuriser une partie de leurs ventes par des contrats à terme avec leurs clients et à négocier avec leurs banques des lignes de crédit de campagne adossées aux stocks.
"""), slug="conjoncture-t1", author="Cellule analyse"),
    S("cajou", "2026-06-18T09:00:00+00:00", ["cajou", "Vietnam", "importations", "noix brutes"], T(
        "Vietnam : les importations de noix brutes africaines au plus haut",
        """
Le Vietnam a importé 1,6 million de tonnes de noix de cajou brutes sur les cinq premiers mois de 2026, dont près de 70 % en provenance d’Afrique, selon les statistiques douanières vietnamiennes. La Côte d’Ivoire, le Ghana, la Guinée-Bissau et le Nigeria sont les principaux fournisseurs africains.

Les décortiqueurs vietnamiens profitent d’une main-d’œuvre qualifiée, de lignes fortement mécanisées et d’un accès au crédit bancaire à bas coût, qui leur permettent d’acheter de grandes quantités en début de campagne africaine. Ils réexportent ensuite l’amande vers les États-Unis, l’Europe et la Chine.

Pour les pays africains qui cherchent à développer leur propre transformation, cette dépendance vis-à-vis d’un acheteur dominant constitue à la fois un débouché sûr pour les producteurs et une concurrence redoutable pour l’approvisionnement des usines locales.
"""), slug="vietnam-importations"),
    S("cajou", "2026-07-23T09:00:00+00:00", ["cajou", "Togo", "transformation", "investissement"], T(
        "Togo : une unité de transformation de 10 000 tonnes inaugurée à Sokodé",
        """
Une unité de transformation de noix de cajou d’une capacité de 10 000 tonnes par an a été inaugurée à Sokodé, dans la région centrale du Togo. L’usine, entièrement mécanisée, emploie 420 personnes et produit des amandes blanches destinées à l’Europe et au Moyen-Orient.

Le promoteur, un groupe agro-industriel régional, a bénéficié du régime de zone franche et d’un financement bancaire garanti par un fonds régional. Il s’approvisionne auprès de 6 000 producteurs organisés en coopératives, avec lesquels il a signé des contrats d’achat sur trois ans.

Le Togo, producteur modeste, compte sur la transformation pour valoriser sa production et attirer des noix des pays voisins. Les autorités annoncent un programme de plantation de variétés améliorées dans les régions Centrale et de la Kara.
"""), slug="togo-sokode"),
    S("cajou", "2026-09-10T09:00:00+00:00", ["cajou", "Côte d'Ivoire", "bilan de campagne", "transformation locale"], T(
        "Bilan de la campagne 2026 en Côte d’Ivoire : 1,25 million de tonnes commercialisées",
        """
La campagne de commercialisation de la noix de cajou 2026 s’est achevée en Côte d’Ivoire avec environ 1,25 million de tonnes commercialisées, un volume légèrement inférieur aux prévisions de début d’année, selon les données consolidées par l’Observatoire à partir des statistiques du régulateur et des relevés de ses correspondants.

Le prix plancher de 425 FCFA le kilogramme a été globalement respecté. Les prix bord champ ont même largement dépassé ce niveau à partir de la fin mars, atteignant 480 à 500 FCFA dans les zones de Korhogo et de Bondoukou au plus fort de la concurrence entre acheteurs. Les brigades de contrôle ont relevé des achats sous le prix plancher surtout en fin de campagne, lorsque la qualité des noix se dégrade avec les premières pluies.

Les exportations de noix brutes ont atteint un peu plus de 900 000 tonnes, principalement vers le Vietnam et l’Inde. La transformation locale a progressé, à environ 340 000 tonnes de noix usinées, soit un taux de transformation proche de 27 %, contre 22 % l’année précédente. Cette hausse s’explique par la mise en service de plusieurs unités industrielles et par la subvention à l’amande exportée annoncée en août, qui a incité certains transformateurs à reconstituer des stocks.

Plusieurs difficultés persistent. Les transformateurs ont eu du mal à financer leurs achats en début de campagne, quand les prix montaient rapidement ; les exportateurs ont signalé des délais d’attente au port d’Abidjan et de San Pedro ; et les flux de noix vers les pays voisins, bien que réduits, n’ont pas disparu dans les zones frontalières du nord-est.

L’Observatoire recommande pour la prochaine campagne la généralisation des récépissés d’entrepôt, qui permettraient aux coopératives de stocker et d’obtenir un crédit adossé aux noix, et la publication hebdomadaire des prix par zone, pour renforcer la position des producteurs dans les négociations.
"""), slug="bilan-ci-2026", author="Cellule analyse"),
    S("cajou", "2026-10-15T09:00:00+00:00", ["cajou", "pomme de cajou", "valorisation", "innovation"], T(
        "Pomme de cajou : des pistes de valorisation encore peu exploitées",
        """
La pomme de cajou, le faux-fruit auquel est attachée la noix, représente chaque année plusieurs millions de tonnes en Afrique de l’Ouest, dont plus de 90 % pourrissent au sol. Un atelier organisé à Bouaké a réuni chercheurs, entrepreneurs et coopératives pour faire le point sur les pistes de valorisation.

Jus, sirops, confitures, vinaigre, alcool, aliment pour bétail, biogaz : les débouchés sont nombreux, mais se heurtent à la périssabilité du fruit, qui fermente en quelques heures, et à la dispersion de la production. Les projets qui fonctionnent sont installés à proximité immédiate des vergers et traitent le fruit le jour de la récolte.

Les participants ont plaidé pour des équipements de pressage mobiles et pour un accompagnement des groupements de femmes, déjà actives dans la transformation artisanale, afin de structurer une filière complémentaire à celle de la noix.
"""), slug="pomme-cajou"),
    S("cajou", "2026-11-19T09:00:00+00:00", ["cajou", "Ghana", "régulation", "interprofession"], T(
        "Ghana : le régulateur du cajou met en place l’enregistrement des acheteurs",
        """
L’autorité de développement de l’anacarde et des cultures arboricoles du Ghana a annoncé l’enregistrement obligatoire de tous les acheteurs, exportateurs et transformateurs de noix de cajou à partir de la campagne 2027. Chaque opérateur recevra un numéro d’identification qui devra figurer sur les documents de transport et d’exportation.

L’objectif est de mieux connaître les flux, de lutter contre les achats de noix immatures en début de campagne et de limiter le transit de noix en provenance des pays voisins déclarées comme ghanéennes. L’autorité envisage également de fixer un prix indicatif au producteur.

Les exportateurs craignent une nouvelle charge administrative, mais les transformateurs saluent une mesure qui pourrait leur donner accès à des données fiables sur les volumes disponibles.
"""), slug="ghana-enregistrement"),
]
