# SPDX-License-Identifier: AGPL-3.0-or-later
"""Items whose real-world counterparts are templated: weekly price reports, tender notices, WTO
notification alerts. Figures and commentary are written per item here; the wording around them
is the template."""

from corpus_model import Single, T
from templates import award, corrigendum, date_fr, tender


# ---------------------------------------------------------------------------------------------
# Cotton Market Weekly: weekly A Index review (week, date, A index avg, change, ICE Dec, WA basis,
# commentary). Weeks 12 and 13 form a documented trap pair (same template, different weeks).
CMW_WEEKS = [
    (3, "2026-01-16", 81.40, +0.65, 66.10, 11.50,
     "Mills in South Asia returned after the year-end holidays and bought steadily for February-March shipment. West African offers were plentiful, with Ivorian and Malian new crop arriving at Abidjan."),
    (7, "2026-02-13", 80.15, -0.90, 65.20, 11.00,
     "Prices eased after the monthly supply and demand report raised the estimate of world stocks. Merchants reported good sales of Burkina Faso and Cameroon styles to Vietnam and Bangladesh."),
    (10, "2026-03-06", 79.60, -0.35, 64.85, 10.75,
     "A quiet week, with mills covering nearby needs only. Several West African ginning companies reported that most of the 2025/26 crop had already been committed."),
    (12, "2026-03-20", 78.95, -0.40, 64.30, 10.50,
     "Futures drifted lower on beneficial rains in the US Southern Plains. Demand for West African cotton was limited to small lots of remaining high grades; the C4 statement at the WTO drew attention but had no price effect."),
    (13, "2026-03-27", 79.70, +0.75, 65.05, 10.50,
     "A short-covering rally lifted futures mid-week. Chinese buying of Brazilian cotton supported sentiment, while West African sellers were largely sold out of the current crop and began quoting 2026/27 forward."),
    (14, "2026-04-03", 80.35, +0.65, 65.60, 10.75,
     "Prices extended gains on firm export sales. Forward offers of 2026/27 West African cotton were made at 10.75 to 11.50 cents on, with limited interest from mills so early."),
    (18, "2026-05-01", 78.80, -1.10, 64.00, 10.25,
     "The market weakened on improved planting prospects. In West Africa, the seed cotton price announcements in Mali and Burkina Faso were in line with expectations."),
    (22, "2026-05-29", 77.95, -0.50, 63.40, 10.00,
     "Sowing started in the south of Mali and Burkina Faso with the first rains. Mills remained hand-to-mouth buyers, citing weak yarn demand."),
    (26, "2026-06-26", 79.10, +0.85, 64.55, 10.25,
     "A weather scare in Texas supported futures. Seasonal forecasts of above-normal rainfall in the Sahel were seen as positive for 2026/27 West African output, barring pest pressure."),
    (31, "2026-07-31", 80.60, +0.70, 65.90, 10.50,
     "Prices rose on a smaller-than-expected US crop estimate. Crop conditions in West Africa were reported good to very good, with some localised flooding in Mali."),
    (35, "2026-08-28", 81.25, +0.30, 66.40, 10.75,
     "Steady trade. Merchants reported the first firm sales of 2026/27 Ivorian cotton for November-December shipment to Bangladesh."),
    (40, "2026-10-02", 82.10, +0.55, 67.20, 11.00,
     "Harvest began in the northern parts of Côte d'Ivoire and Benin. Quality of the early pickings was described as good, with low contamination."),
    (44, "2026-10-30", 81.55, -0.45, 66.75, 11.25,
     "Buying markets for seed cotton opened in Mali and Burkina Faso. Prices eased slightly on improved US harvest progress."),
    (47, "2026-11-20", 82.40, +0.60, 67.50, 11.25,
     "Mills showed renewed interest in West African styles for January-March shipment. Cameroon reported good progress of its buying campaign."),
]


def cmw_week(w, day, a, chg, ice, basis, comment) -> Single:
    direction = "up" if chg > 0 else "down"
    body = f"""
The Cotlook A Index averaged {a:.2f} cents per pound in week {w}, {direction} {abs(chg):.2f} cents from the previous week. ICE December futures settled at {ice:.2f} cents on Friday.

West African styles (1-1/8", CFA Zone) were offered at about {basis:.2f} cents over the A Index equivalent, CFR Far East.

{comment}

Figures are indicative and based on our weekly survey of merchants. Subscribers can download the full table of quotations, including Indian, Brazilian and US styles, from the members' area.
"""
    return Single("cmw", f"{day}T16:00:00-05:00", ["cotton", "prices", "Cotlook A Index", "weekly review"],
                  T(f"Cotlook A Index weekly review: week {w}, 2026", body),
                  lang="en", author="Cotton Market Weekly staff", slug=f"week-{w}")


# Sahel Agri Info: "Prix du coton : semaine N" (FCFA conversion and cottonseed/cake prices).
SAHEL_WEEKS = [
    (11, "2026-03-13", 79.80, 1_062, 115, 190,
     "Les huileries de Koutiala et de Bobo-Dioulasso ont ralenti leurs achats de graines, leurs stocks étant suffisants jusqu’en mai."),
    (12, "2026-03-20", 78.95, 1_051, 115, 195,
     "Le tourteau se raffermit à l’approche de la période de soudure pour le bétail ; les éleveurs anticipent leurs achats."),
    (13, "2026-03-27", 79.70, 1_061, 120, 200,
     "La graine de coton se négocie en hausse à Garoua, où la Sodecoton a terminé ses enlèvements ; la demande des huiliers reste forte."),
    (14, "2026-04-03", 80.35, 1_069, 120, 205,
     "Les prix du tourteau atteignent leur plus haut niveau depuis un an sur les marchés de Ouagadougou et de Bamako."),
]


def sahel_week(w, day, a, fcfa_kg, seed, cake, comment) -> Single:
    body = f"""
L’indice Cotlook A a terminé la semaine {w} à {a:.2f} cents la livre, soit environ {fcfa_kg} FCFA le kilogramme de fibre au taux de change du vendredi. Les sociétés cotonnières de la sous-région ont poursuivi l’exécution de leurs contrats de vente.

Sur les marchés locaux, la graine de coton destinée aux huileries s’échangeait en moyenne à {seed} FCFA le kilogramme, et le tourteau de coton à {cake} FCFA le kilogramme, prix de gros relevés à Bobo-Dioulasso, Koutiala et Garoua.

{comment}

Sahel Agri Info publie chaque vendredi ce relevé des prix de la fibre et des sous-produits du coton, à partir des cotations internationales et des relevés de ses correspondants.
"""
    return Single("sahel", f"{day}T17:00:00+00:00", ["coton", "prix", "marchés", "tourteau"],
                  T(f"Prix du coton : semaine {w}", body), slug=f"prix-coton-s{w}",
                  author="Service Marchés")


# Observatoire du Cajou: weekly farm-gate price reports by country.
CAJOU_WEEKS = [
    ("ci", "Côte d’Ivoire", 12, "2026-03-20", 425, [("Bondoukou", 410, 440), ("Korhogo", 420, 450), ("Séguéla", 400, 430)], 47,
     "Les achats démarrent lentement : les exportateurs attendent l’arrivée des navires et les pisteurs se plaignent du manque de liquidités."),
    ("ci", "Côte d’Ivoire", 13, "2026-03-27", 425, [("Bondoukou", 420, 450), ("Korhogo", 425, 460), ("Odienné", 410, 440)], 47,
     "Le rythme des achats s’accélère avec l’arrivée de nouveaux acheteurs asiatiques ; les prix dépassent le plancher dans la plupart des zones."),
    ("ci", "Côte d’Ivoire", 14, "2026-04-03", 425, [("Bondoukou", 430, 470), ("Korhogo", 440, 480), ("Bouaké", 430, 460)], 48,
     "Forte concurrence entre exportateurs et transformateurs locaux ; la qualité reste bonne malgré quelques lots humides signalés à Bouaké."),
    ("ci", "Côte d’Ivoire", 15, "2026-04-10", 425, [("Bondoukou", 440, 480), ("Korhogo", 450, 490), ("Séguéla", 430, 470)], 48,
     "Les prix atteignent leur plus haut niveau de la campagne ; les brigades de contrôle signalent peu d’achats sous le prix plancher."),
    ("bj", "Bénin", 14, "2026-04-03", 400, [("Parakou", 380, 420), ("Djougou", 370, 410), ("Savalou", 390, 420)], 49,
     "Les achats sont désormais réservés aux unités de transformation agréées, depuis l’entrée en vigueur de l’interdiction d’exporter des noix brutes."),
    ("bj", "Bénin", 16, "2026-04-17", 400, [("Parakou", 400, 430), ("Djougou", 390, 420), ("Glazoué", 400, 430)], 49,
     "Les paiements aux producteurs s’améliorent, mais des retards persistent dans le nord ; les stocks s’accumulent dans les magasins des coopératives."),
    ("bf", "Burkina Faso", 14, "2026-04-03", 350, [("Banfora", 350, 390), ("Orodara", 340, 380), ("Gaoua", 330, 370)], 46,
     "Des noix burkinabè continuent de traverser la frontière vers la Côte d’Ivoire et le Ghana, attirées par des prix plus élevés."),
    ("gw", "Guinée-Bissau", 15, "2026-04-10", 350, [("Bafatá", 360, 400), ("Gabú", 350, 390), ("Oio", 370, 410)], 50,
     "Les exportateurs indiens se positionnent tôt sur une noix de très bonne qualité ; le prix de référence est largement dépassé."),
]


def cajou_week(cc, country, w, day, floor, zones, kor, comment) -> Single:
    zones_txt = " ; ".join(f"{z} : {lo} à {hi} FCFA" for z, lo, hi in zones)
    body = f"""
Prix bord champ relevés par nos correspondants en semaine {w} ({country}), en FCFA par kilogramme de noix brute : {zones_txt}. Le prix plancher officiel est de {floor} FCFA/kg.

Le rendement au décorticage (KOR) moyen des échantillons analysés s’établit à {kor} livres par sac de 80 kg ; le taux d’humidité moyen est conforme aux exigences.

{comment}

Ces relevés sont indicatifs. Ils sont établis chaque semaine de campagne à partir des observations de nos correspondants sur les marchés et dans les magasins de collecte.
"""
    return Single("cajou", f"{day}T12:00:00+00:00", ["cajou", "prix bord champ", country, "relevé hebdomadaire"],
                  T(f"Prix bord champ du cajou – {country} – semaine {w}", body),
                  slug=f"prix-{cc}-s{w}", author="Observatoire du Cajou")


# Tender notices: (published, kind, ref, buyer, country, object, lots, funding, deadline, hour,
# office, price, bond, qualifications, slug, tags)
TENDERS = [
    ("2026-07-08", "AAO", "2026-022/CMDT/DG/DA",
     "La Compagnie malienne pour le développement des textiles (CMDT)", "Mali",
     "Fourniture de toiles d’emballage et de feuillards pour les balles de fibre de coton, campagne 2026-2027",
     ["1 900 000 mètres de toile d’emballage en polypropylène tissé", "150 tonnes de feuillards en acier galvanisé"],
     "propres au titre de son budget 2026-2027", "2026-08-10", "10 h 00",
     "la Direction des approvisionnements de la CMDT, route de Koulikoro, Bamako",
     100_000, 4_000_000,
     "un chiffre d’affaires moyen d’au moins 400 millions de FCFA sur les trois derniers exercices et au moins deux marchés similaires exécutés",
     "cmdt-emballages", ["Mali", "coton", "fournitures"]),
    ("2026-02-03", "AAO", "2026-003/MARAH/SG/DMP",
     "Le ministère de l’Agriculture, des Ressources animales et halieutiques", "Burkina Faso",
     "Fourniture d’engrais NPK et d’urée au profit des producteurs pour la campagne agricole 2026-2027",
     ["12 000 tonnes d’engrais NPK 14-23-14 pour les régions des Hauts-Bassins et des Cascades",
      "9 000 tonnes d’engrais NPK 14-23-14 pour les régions de la Boucle du Mouhoun et du Centre-Ouest",
      "8 000 tonnes d’urée 46 % pour l’ensemble des régions"],
     "du budget de l’État, exercice 2026", "2026-03-05", "9 h 00",
     "la Direction des marchés publics du ministère, 03 BP 7010, Ouagadougou",
     200_000, 30_000_000,
     "un chiffre d’affaires moyen de 5 milliards de FCFA, une expérience d’au moins trois marchés de fourniture d’engrais et une autorisation de fabricant",
     "engrais-bf", ["Burkina Faso", "engrais", "intrants agricoles"]),
    ("2026-03-10", "AAON", "2026-07/CBD/SG/DMP",
     "La commune de Bobo-Dioulasso", "Burkina Faso",
     "Travaux de réhabilitation du marché de fruits et légumes de Bobo-Dioulasso",
     ["gros œuvre, toiture et voirie intérieure", "électricité, éclairage et adduction d’eau"],
     "du budget communal et de l’appui du programme national de développement urbain", "2026-04-09", "9 h 00",
     "le secrétariat de la Direction des marchés publics de la mairie centrale, Bobo-Dioulasso",
     50_000, 2_500_000,
     "un agrément technique de catégorie B2 au moins pour le lot 1 et un agrément électricité pour le lot 2",
     "marche-bobo", ["Burkina Faso", "travaux", "marché"]),
    ("2026-04-07", "AMI", "2026-012/CCA/DG",
     "Le Conseil du coton et de l’anacarde (CCA)", "Côte d’Ivoire",
     "Étude sur la compétitivité de la transformation locale de la noix de cajou en Côte d’Ivoire",
     ["l’analyse des coûts de transformation par catégorie d’unités", "la comparaison avec les principaux pays transformateurs",
      "des recommandations sur les mesures d’incitation"],
     "de son budget de fonctionnement 2026", "2026-04-28", "10 h 00",
     "le secrétariat de la Direction générale du CCA, Plateau, Abidjan",
     0, 0,
     "au moins deux études de filières agricoles ou agro-industrielles réalisées au cours des cinq dernières années",
     "cca-etude", ["Côte d'Ivoire", "cajou", "étude"]),
    ("2026-05-05", "AAO", "2026/SENELEC/DAL/017",
     "La Société nationale d’électricité du Sénégal", "Sénégal",
     "Fourniture de compteurs prépayés monophasés et triphasés",
     ["150 000 compteurs monophasés à prépaiement", "20 000 compteurs triphasés à prépaiement",
      "un système de gestion et de vente de crédits"],
     "propres", "2026-06-16", "10 h 00",
     "la Direction des achats et de la logistique, 28 rue Vincens, Dakar",
     300_000, 50_000_000,
     "une certification des compteurs selon les normes internationales en vigueur et au moins trois marchés similaires",
     "compteurs-senegal", ["Sénégal", "énergie", "fournitures"]),
    ("2026-06-01", "AAO", "2026-05/ONAHA/DG",
     "L’Office national des aménagements hydro-agricoles (ONAHA)", "Niger",
     "Travaux d’aménagement de 500 hectares de périmètres irrigués dans la région de Tillabéri",
     ["aménagement de 250 hectares à Kollo", "aménagement de 250 hectares à Say"],
     "de la Banque africaine de développement", "2026-07-20", "10 h 00",
     "la Direction générale de l’ONAHA, avenue du Fleuve Niger, Niamey",
     150_000, 25_000_000,
     "au moins deux marchés d’aménagements hydro-agricoles d’envergure comparable et un matériel de terrassement suffisant",
     "onaha-perimetres", ["Niger", "irrigation", "travaux"]),
    ("2026-01-12", "AAO", "2026-002/PAFA/UGP",
     "Le Programme d’appui aux filières agricoles (PAFA)", "Bénin",
     "Fourniture et installation de décortiqueuses de noix de cajou au profit de groupements de transformatrices",
     ["60 décortiqueuses semi-automatiques", "30 fours de séchage et 30 dépelliculeuses"],
     "de l’Association internationale de développement", "2026-02-12", "10 h 00",
     "l’unité de gestion du programme, quartier Haie Vive, Cotonou",
     75_000, 3_000_000,
     "au moins deux fournitures d’équipements agro-alimentaires et un service après-vente établi au Bénin",
     "pafa-decortiqueuses", ["Bénin", "cajou", "équipements"]),
    ("2026-03-16", "AMI", "2026-004/CCI-CI/DG",
     "La Chambre de commerce et d’industrie de Côte d’Ivoire", "Côte d’Ivoire",
     "Mise en place d’un dispositif de veille économique et stratégique au service des entreprises ressortissantes",
     ["l’identification des besoins de veille des entreprises et des axes de veille prioritaires",
      "la conception du dispositif, des livrables (bulletins, alertes, portail) et de l’organisation de la cellule",
      "le choix et le paramétrage des outils de collecte et de diffusion",
      "la formation des veilleurs et l’accompagnement pendant six mois"],
     "du programme d’appui au secteur privé", "2026-04-06", "12 h 00",
     "la Direction générale de la Chambre, 6 avenue Joseph Anoma, Plateau, Abidjan",
     0, 0,
     "au moins deux missions de mise en place de cellules ou de dispositifs de veille pour des chambres consulaires, agences ou organisations professionnelles",
     "cci-veille", ["Côte d'Ivoire", "veille", "intelligence économique"]),
    ("2026-08-04", "AAO", "2026/PAD/DT/025",
     "Le Port autonome de Dakar", "Sénégal",
     "Fourniture et installation de prises reefer et d’équipements électriques pour le terminal fruitier",
     ["240 prises pour conteneurs réfrigérés et leurs armoires", "un poste de transformation 30/0,4 kV"],
     "propres", "2026-09-15", "10 h 00",
     "la Direction technique du Port autonome de Dakar, 21 boulevard de la Libération, Dakar",
     150_000, 10_000_000,
     "au moins deux marchés d’installations électriques portuaires ou industrielles d’un montant comparable",
     "pad-reefer", ["Sénégal", "port", "équipements"]),
    ("2026-04-14", "AAON", "2026-18/MS/SG/DAF",
     "Le ministère de la Santé et de l’Hygiène publique", "Togo",
     "Fourniture de blouses, tenues de bloc et draps en coton au profit des centres hospitaliers",
     ["12 000 blouses et 8 000 tenues de bloc en tissu 100 % coton", "20 000 draps et alèses en coton"],
     "du budget de l’État, exercice 2026", "2026-05-14", "9 h 00",
     "la Direction des affaires financières du ministère, Lomé",
     50_000, 1_500_000,
     "des échantillons conformes et une préférence de 15 % accordée aux offres de produits confectionnés dans l’espace UEMOA à partir de tissus régionaux",
     "togo-tenues", ["Togo", "textile", "fournitures"]),
    ("2026-04-02", "AAON", "2026-01/SONAGESS/DG",
     "La Société nationale de gestion du stock de sécurité alimentaire (SONAGESS)", "Burkina Faso",
     "Acquisition de céréales locales pour la reconstitution du stock national de sécurité",
     ["8 000 tonnes de maïs blanc livrées à Bobo-Dioulasso", "7 000 tonnes de sorgho blanc livrées à Ouagadougou",
      "5 000 tonnes de mil livrées à Kaya"],
     "de l’État", "2026-04-30", "9 h 00",
     "la Direction générale de la SONAGESS, Ouagadougou",
     50_000, 5_000_000,
     "la preuve de capacités de stockage et de collecte et une préférence accordée aux organisations de producteurs",
     "sonagess-cereales", ["Burkina Faso", "céréales", "sécurité alimentaire"]),
    ("2026-06-08", "AMI", "2026-006/APEX-BF/DG",
     "L’Agence pour la promotion des exportations du Burkina (APEX-Burkina)", "Burkina Faso",
     "Études de marché à l’exportation pour le beurre de karité et le sésame décortiqué",
     ["l’analyse de la demande en Europe, en Asie et en Afrique du Nord",
      "l’identification des exigences réglementaires et des normes par marché",
      "la constitution d’un fichier d’acheteurs qualifiés"],
     "du programme d’appui à la compétitivité des exportations", "2026-06-29", "10 h 00",
     "le secrétariat de l’APEX-Burkina, avenue de l’Indépendance, Ouagadougou",
     0, 0,
     "au moins trois études de marchés export pour des produits agricoles transformés",
     "apex-etudes", ["Burkina Faso", "karité", "sésame", "étude"]),
    ("2026-07-13", "AAO", "2026-033/AGEROUTE/DMP",
     "L’Agence de gestion des routes (AGEROUTE)", "Côte d’Ivoire",
     "Travaux d’entretien périodique de pistes rurales dans les zones de production cotonnière",
     ["420 km de pistes dans les régions du Poro et du Tchologo", "380 km de pistes dans les régions de la Bagoué et du Béré"],
     "du Fonds d’entretien routier", "2026-08-17", "10 h 00",
     "la Direction des marchés publics de l’AGEROUTE, Cocody, Abidjan",
     200_000, 20_000_000,
     "au moins trois marchés de travaux routiers similaires et le matériel de terrassement minimum exigé",
     "ageroute-pistes", ["Côte d'Ivoire", "routes", "coton", "travaux"]),
    ("2026-08-10", "AAON", "2026-009/MEN/SG/DFM",
     "Le ministère de l’Éducation nationale", "Mali",
     "Fourniture de tenues scolaires confectionnées en tissu de coton produit localement",
     ["150 000 tenues pour les régions de Sikasso et de Koulikoro", "100 000 tenues pour les régions de Ségou et de Mopti"],
     "du budget national, exercice 2026", "2026-09-09", "9 h 00",
     "la Direction des finances et du matériel du ministère, Bamako",
     75_000, 5_000_000,
     "la preuve de l’origine locale du tissu et la capacité de production suffisante dans les délais",
     "mali-tenues", ["Mali", "textile", "fournitures"]),
    ("2026-01-19", "AAON", "2026-001/INTERFEL/SE",
     "L’interprofession des fruits et légumes", "Côte d’Ivoire",
     "Fourniture de pièges à mouches des fruits et d’attractifs pour la campagne mangue 2026",
     ["25 000 pièges à phéromones et attractifs alimentaires", "2 000 litres d’appâts protéiques homologués"],
     "des cotisations de ses membres et d’un appui de l’Union européenne", "2026-02-09", "10 h 00",
     "le secrétariat exécutif de l’interprofession, Korhogo",
     25_000, 500_000,
     "l’homologation des produits proposés par le Comité pilote des pesticides et une livraison avant le 1er mars",
     "pieges-mangue", ["Côte d'Ivoire", "mangue", "phytosanitaire"]),
    ("2026-09-14", "AMI", "2026-021/CEDEAO/DCI",
     "La Commission de la CEDEAO", "Nigeria",
     "Étude sur les obstacles non tarifaires et les pratiques anormales sur les corridors commerciaux de la région",
     ["la collecte de données sur six corridors prioritaires", "l’évaluation de leur coût pour les entreprises",
      "des recommandations et un mécanisme de suivi"],
     "de son budget programme", "2026-10-12", "12 h 00",
     "la Direction du commerce, Commission de la CEDEAO, Asokoro, Abuja",
     0, 0,
     "des références d’études sur le commerce transfrontalier et la facilitation des échanges en Afrique de l’Ouest",
     "cedeao-otn", ["CEDEAO", "corridors", "étude"]),
    ("2026-10-05", "AAO", "2026-14/ON/PDG/DAF",
     "L’Office du Niger", "Mali",
     "Fourniture de motoculteurs, de batteuses et de décortiqueuses de riz au profit des exploitations familiales",
     ["400 motoculteurs avec accessoires", "150 batteuses à riz", "80 mini-rizeries"],
     "de la Banque islamique de développement", "2026-11-16", "10 h 00",
     "la Direction administrative et financière de l’Office du Niger, Ségou",
     150_000, 12_000_000,
     "un réseau de service après-vente au Mali et la fourniture de pièces de rechange pendant trois ans",
     "office-niger-materiel", ["Mali", "riz", "mécanisation"]),
    ("2026-09-08", "AAON", "2026-03/CR-SAV/DMP",
     "Le Conseil régional des Savanes", "Côte d’Ivoire",
     "Construction de magasins de stockage de noix de cajou au profit des coopératives",
     ["quatre magasins de 500 tonnes dans le département de Korhogo", "trois magasins de 500 tonnes dans le département de Ferkessédougou"],
     "du budget régional", "2026-10-08", "10 h 00",
     "le siège du Conseil régional, Korhogo",
     50_000, 3_000_000,
     "un agrément de bâtiment et au moins deux constructions de magasins ou d’entrepôts similaires",
     "magasins-cajou", ["Côte d'Ivoire", "cajou", "stockage", "travaux"]),
    ("2026-10-19", "AAO", "2026-011/SONACOS/DG",
     "La Société nationale de commercialisation des oléagineux du Sénégal (SONACOS)", "Sénégal",
     "Fourniture de sacs de jute pour la collecte de l’arachide, campagne 2026-2027",
     ["1 500 000 sacs de jute de 100 kg", "600 000 sacs de jute de 50 kg"],
     "propres", "2026-11-10", "10 h 00",
     "la Direction des approvisionnements de la SONACOS, 32-36 rue du Docteur Calmette, Dakar",
     100_000, 6_000_000,
     "des échantillons conformes et des délais de livraison compatibles avec l’ouverture de la campagne",
     "sonacos-sacs", ["Sénégal", "arachide", "fournitures"]),
    ("2026-11-09", "AMI", "2026-002/FAPME/DG",
     "Le Fonds d’appui aux petites et moyennes entreprises", "Niger",
     "Sélection de structures d’accompagnement des PME bénéficiaires de financements",
     ["l’appui à l’élaboration de plans d’affaires bancables", "la tenue d’une comptabilité conforme au SYSCOHADA",
      "le suivi post-financement pendant vingt-quatre mois"],
     "de l’État et de ses partenaires", "2026-11-30", "10 h 00",
     "la Direction générale du Fonds, Niamey",
     0, 0,
     "une expérience d’au moins cinq ans dans l’accompagnement des PME et des experts-comptables inscrits à l’Ordre",
     "fapme-accompagnement", ["Niger", "PME", "accompagnement"]),
    ("2026-02-10", "AAO", "2026-004/NSCT/DG",
     "La Nouvelle société cotonnière du Togo (NSCT)", "Togo",
     "Fourniture de produits phytosanitaires pour la protection du cotonnier, campagne 2026-2027",
     ["insecticides homologués pour le programme de protection standard", "herbicides de prélevée et de post-levée"],
     "propres", "2026-03-12", "10 h 00",
     "la Direction générale de la NSCT, Atakpamé",
     100_000, 8_000_000,
     "l’homologation des produits par le Comité sahélien des pesticides ou le comité national et une autorisation du fabricant",
     "nsct-phyto", ["Togo", "coton", "intrants agricoles"]),
    ("2026-05-18", "AAON", "2026-02/CZ/SG",
     "La commune de Ziguinchor", "Sénégal",
     "Aménagement d’une aire de séchage et de conditionnement de mangues au marché Saint-Maur",
     ["dallage, hangars et clôture", "équipements de séchage solaire et de conditionnement"],
     "du fonds de dotation de la décentralisation", "2026-06-17", "10 h 00",
     "le bureau des marchés de la mairie de Ziguinchor",
     30_000, 800_000,
     "au moins un marché similaire et la disponibilité d’un conducteur de travaux qualifié",
     "ziguinchor-sechage", ["Sénégal", "mangue", "travaux"]),
]

CORRIGENDA = [
    ("2026-02-26", "2026-003/MARAH/SG/DMP", "Le ministère de l’Agriculture, des Ressources animales et halieutiques",
     "Fourniture d’engrais NPK et d’urée au profit des producteurs pour la campagne agricole 2026-2027",
     "2026-03-05", "2026-03-19",
     "la nécessité de répondre aux nombreuses demandes d’éclaircissements des candidats sur les spécifications techniques des engrais",
     "engrais-bf-additif", ["Burkina Faso", "engrais", "additif"]),
    ("2026-08-11", "2026-033/AGEROUTE/DMP", "L’Agence de gestion des routes (AGEROUTE)",
     "Travaux d’entretien périodique de pistes rurales dans les zones de production cotonnière",
     "2026-08-17", "2026-08-31",
     "la visite de site obligatoire, reprogrammée en raison des fortes pluies qui ont rendu plusieurs pistes impraticables",
     "ageroute-additif", ["Côte d'Ivoire", "routes", "additif"]),
]

AWARDS = [
    ("2026-04-20", "2026-002/PAFA/UGP", "Le Programme d’appui aux filières agricoles (PAFA)",
     "Fourniture et installation de décortiqueuses de noix de cajou au profit de groupements de transformatrices",
     [("lot 1", "Agro-Équipements du Bénin SARL", 186_500_000), ("lot 2", "Groupement Sahel Machines / Techni-Froid", 94_200_000)],
     7, "pafa-attribution", ["Bénin", "cajou", "attribution"]),
    ("2026-06-05", "2026-01/SONAGESS/DG", "La Société nationale de gestion du stock de sécurité alimentaire (SONAGESS)",
     "Acquisition de céréales locales pour la reconstitution du stock national de sécurité",
     [("lot 1", "Union des coopératives céréalières des Hauts-Bassins", 1_360_000_000),
      ("lot 2", "Faso Grains SA", 1_330_000_000),
      ("lot 3", "Fédération des producteurs du Centre-Nord", 1_075_000_000)],
     11, "sonagess-attribution", ["Burkina Faso", "céréales", "attribution"]),
]


def tender_items() -> list[Single]:
    out = []
    for (pub, kind, ref, buyer, country, obj, lots, funding, deadline, hour, office, price, bond,
         quals, slug, tags) in TENDERS:
        t = tender(kind, ref, buyer, country, obj, lots, funding, deadline, hour, office, price, bond, quals)
        out.append(Single("ao", f"{pub}T07:30:00+00:00", ["appel d'offres"] + tags, t, slug=slug,
                          extra={"deadline": deadline, "buyer": buyer, "country": country,
                                 "reference": ref, "kind": kind, "lots": len(lots)}))
    for pub, ref, buyer, obj, old, new, reason, slug, tags in CORRIGENDA:
        out.append(Single("ao", f"{pub}T07:30:00+00:00", ["appel d'offres"] + tags,
                          corrigendum(ref, buyer, obj, old, new, reason), slug=slug,
                          extra={"deadline": new, "buyer": buyer, "reference": ref, "kind": "additif"}))
    for pub, ref, buyer, obj, winners, n, slug, tags in AWARDS:
        out.append(Single("ao", f"{pub}T07:30:00+00:00", ["appel d'offres"] + tags,
                          award(ref, buyer, obj, winners, n), slug=slug,
                          extra={"buyer": buyer, "reference": ref, "kind": "attribution"}))
    return out


# Mauritius Trade Easy: WTO notification alerts.
# (date, type, member, code, number, short, products, hs, desc, objective, adoption, comments, advice)
MTE_ALERTS = [
    ("2026-01-26", "SPS", "India", "IND", 412, "import conditions for raw cashew nuts",
     "Raw cashew nuts in shell", "0801.31",
     "The draft order requires that consignments of raw cashew nuts be fumigated with an approved fumigant at origin and accompanied by a phytosanitary certificate with an additional declaration stating freedom from storage pests. Consignments arriving without the declaration will be fumigated at the importer's cost.",
     "plant protection", "1 April 2026", "25 March 2026",
     "West African exporters ship most of their raw cashew to India; Mauritian traders involved in re-export should ensure fumigation certificates are issued before loading."),
    ("2026-02-11", "SPS", "European Union", "EU", 1748, "maximum residue levels for several pesticides in fruit",
     "Fresh fruit including mangoes, pineapples, papayas and avocados", "0804, 0807",
     "The draft regulation lowers the maximum residue levels (MRLs) for four insecticides and one fungicide to the limit of determination in a range of products, following the non-renewal of their approval in the EU. Transitional provisions apply to products produced before the date of application.",
     "food safety", "second half of 2026", "12 April 2026",
     "Exporters of tropical fruit should check with growers which active substances are used and arrange residue testing before shipment."),
    ("2026-03-23", "TBT", "Kenya", "KEN", 1590, "standard for packaged honey",
     "Natural honey", "0409",
     "The notified draft Kenya Standard specifies requirements and methods of sampling and test for honey intended for direct consumption, including limits for moisture, hydroxymethylfurfural and sugar content, and labelling requirements including the botanical and geographical origin.",
     "consumer information, quality requirements", "60 days after notification", "22 May 2026",
     "Mauritian and West African honey exporters targeting East Africa should align labels with the standard; AfCFTA preferences do not exempt products from technical regulations."),
    ("2026-05-11", "TBT", "South Africa", "ZAF", 301, "labelling of textile products",
     "Textiles and clothing", "50-63",
     "The draft regulation requires that textile products sold in South Africa bear a permanent label indicating fibre content in percentages, country of origin, care instructions using standard symbols, and the identity of the importer or manufacturer.",
     "consumer information", "1 January 2027", "10 July 2026",
     "Mauritian garment exporters, for whom South Africa is the first African market, should review care labels and origin marking now."),
    ("2026-07-06", "SPS", "China", "CHN", 1410, "registration of overseas food manufacturers",
     "Processed foods including nuts, seeds, edible oils and dried fruit", "08, 12, 15, 20",
     "The draft amendment extends the list of product categories for which overseas manufacturers must be recommended by the competent authority of the exporting country before registration. Registration numbers must appear on inner and outer packaging.",
     "food safety", "1 November 2026", "4 September 2026",
     "Exporters of sesame, cashew kernels and shea products to China should contact their competent authority to confirm the registration route."),
    ("2026-08-17", "SPS", "European Union", "EU", 1802, "increased official controls on sesame seeds",
     "Sesame seeds", "1207.40",
     "The draft implementing regulation raises the frequency of identity and physical checks on sesame seeds from several origins, including two West African countries, because of repeated findings of Salmonella and ethylene oxide residues. Consignments must be accompanied by results of sampling and analysis performed at origin.",
     "food safety", "October 2026", "16 October 2026",
     "Sesame exporters should work only with accredited laboratories and keep analytical reports with shipping documents."),
    ("2026-09-02", "SPS", "United States", "USA", 3421, "food traceability recordkeeping",
     "Foods on the Food Traceability List, including fresh herbs, tropical tree fruits and some seafood", "various",
     "The notification announces amended compliance dates for the food traceability rule, requiring firms that manufacture, process, pack or hold listed foods to keep key data elements for critical tracking events and provide them to the authorities within 24 hours on request.",
     "food safety", "already adopted; compliance date amended", "not applicable",
     "Exporters of fresh produce and seafood to the US should ask importers which data elements they will require and set up records accordingly."),
    ("2026-10-13", "TBT", "Saudi Arabia", "SAU", 1215, "halal requirements for processed food",
     "Processed food products containing animal-derived ingredients", "16-21",
     "The draft technical regulation requires halal certification by a body accredited by the national halal centre for listed processed food products, with the certificate number and the logo of the certification body shown on the label.",
     "consumer information, religious requirements", "180 days after publication", "12 December 2026",
     "Food processors considering Gulf markets should identify recognised certification bodies before committing to labels."),
    ("2026-06-22", "SPS", "United Kingdom", "GBR", 88, "import requirements for plants and plant products",
     "Fresh fruit and vegetables, cut flowers, seeds for sowing", "06-08, 1209",
     "The notified amendment updates the list of regulated pests and the special requirements for certain commodities, including new requirements for mangoes and peppers from countries where specified fruit flies are present, and moves several low-risk commodities to a reduced checks regime.",
     "plant protection", "1 September 2026", "21 August 2026",
     "Fresh produce exporters should verify that phytosanitary certificates carry the new additional declarations for fruit flies."),
    ("2026-11-10", "TBT", "Egypt", "EGY", 452, "registration of exporters of food products",
     "Food products, including tea, coffee, spices and processed fruit", "09, 20, 21",
     "The notified decree requires foreign manufacturers of listed food products to register with the import control authority before their products can be cleared, with documents on quality management and product specifications.",
     "prevention of deceptive practices, consumer protection", "1 March 2027", "9 January 2027",
     "Exporters interested in North African markets under the AfCFTA should start the registration early; processing times of several months are reported."),
]


def mte_alert(date, typ, member, code, num, short, products, hs, desc, objective, adoption, comments, advice) -> Single:
    committee = "Sanitary and Phytosanitary Measures" if typ == "SPS" else "Technical Barriers to Trade"
    body = f"""
{member} has notified the WTO Committee on {committee} of a measure concerning {short} (document G/{typ}/N/{code}/{num}).

Products covered: {products} (HS {hs}).

{desc}

Objective: {objective}. Proposed date of adoption or entry into force: {adoption}. Final date for comments: {comments}.

{advice} Trade Easy users following the HS codes above have been notified by email; the full text can be requested from the national enquiry point.
"""
    return Single("mte", f"{date}T08:30:00+04:00", ["WTO notification", typ, member, "alert"],
                  T(f"{typ} notification alert: {member} – {short}", body), lang="en",
                  slug=f"{typ.lower()}-{code.lower()}-{num}")


def generated_items() -> list[Single]:
    items = [cmw_week(*w) for w in CMW_WEEKS]
    items += [sahel_week(*w) for w in SAHEL_WEEKS]
    items += [cajou_week(*w) for w in CAJOU_WEEKS]
    items += tender_items()
    items += [mte_alert(*a) for a in MTE_ALERTS]
    return items
