# SPDX-License-Identifier: AGPL-3.0-or-later
"""Single-source items in French, part 2: CCI Burkina, APIX, Port d'Abidjan, textile, cocoa,
and the market bulletin published as a broken feed."""

from corpus_model import Single as S, T

SINGLES_FR2 = [
    # --- CCI Burkina Faso ---
    S("ccibf", "2026-01-05T18:00:00+00:00", ["énergie", "carburant", "Burkina Faso", "prix"], T(
        "Burkina Faso : les prix du gasoil et du super à la pompe baissent de 25 FCFA",
        """
Le Comité interministériel de détermination des prix des hydrocarbures a décidé une baisse de 25 FCFA le litre des prix à la pompe du super sans plomb et du gasoil, applicable à compter du lundi 5 janvier 2026 à zéro heure. Le litre de super est désormais vendu à 850 FCFA et celui de gasoil à 775 FCFA.

Cette baisse fait suite au repli des cours internationaux du pétrole au quatrième trimestre 2025. Le gouvernement précise que les prix feront l’objet d’un réexamen trimestriel, en fonction de l’évolution des cours et du coût d’approvisionnement.

La Chambre de commerce et d’industrie salue une mesure favorable à la compétitivité des entreprises, notamment dans le transport et l’industrie, et invite les opérateurs à répercuter la baisse sur leurs prix de vente lorsque cela est possible.
"""), slug="carburant-janvier"),
    S("ccibf", "2026-02-02T09:00:00+00:00", ["formation", "exportation", "PME"], T(
        "Formation : « Réussir à l’export », session de février 2026",
        """
La Chambre de commerce et d’industrie du Burkina Faso organise du 16 au 20 février 2026, à Ouagadougou, une session de formation intitulée « Réussir à l’export : de la première commande à la fidélisation du client étranger ».

Le programme aborde le diagnostic export de l’entreprise, la recherche de marchés et la veille commerciale, la fixation du prix à l’export et les Incoterms, les documents d’exportation (certificat d’origine, certificat phytosanitaire, déclaration en douane), le paiement international et le financement des opérations.

La formation s’adresse aux dirigeants et cadres de PME exportatrices ou en projet d’exportation. Les frais de participation sont de 150 000 FCFA, réduits à 100 000 FCFA pour les ressortissants à jour de leur cotisation. Les inscriptions sont reçues au service formation de la Chambre jusqu’au 10 février, ou via le [formulaire en ligne](https://www.cci-burkina.example/formation/inscription).
"""), slug="formation-export"),
    S("ccibf", "2026-04-13T10:00:00+00:00", ["veille", "marchés publics", "service aux entreprises"], T(
        "La Chambre lance un service de veille sur les appels d’offres pour ses ressortissants",
        """
La Chambre de commerce et d’industrie du Burkina Faso lance un service de veille sur les marchés publics et privés destiné à ses ressortissants. Chaque entreprise abonnée définit ses axes de veille : secteurs, types de marchés, zones géographiques, montants. Elle reçoit ensuite par courriel ou par SMS les avis d’appel d’offres correspondants, publiés au Burkina Faso et dans les pays voisins.

Le service s’appuie sur une cellule de veille de trois personnes qui surveille quotidiennement les quotidiens des marchés publics, les sites des autorités contractantes, des partenaires techniques et financiers et des organisations régionales. Une lettre hebdomadaire récapitule les opportunités de la semaine.

L’abonnement annuel est de 60 000 FCFA pour les PME et de 150 000 FCFA pour les grandes entreprises. Une période d’essai gratuite d’un mois est proposée : [s’inscrire](https://www.cci-burkina.example/veille-marches/essai).
"""), slug="veille-ao"),
    S("ccibf", "2026-09-07T11:00:00+00:00", ["mission commerciale", "Ghana", "karité", "sésame"], T(
        "Mission commerciale à Accra pour les transformateurs de karité et de sésame",
        """
La Chambre de commerce et d’industrie organise du 23 au 27 novembre 2026 une mission commerciale à Accra, au Ghana, à l’intention des entreprises burkinabè de transformation du karité, du sésame et de la noix de cajou.

Le programme comprend des rencontres d’affaires avec des importateurs, des distributeurs et des industriels ghanéens, des visites d’entreprises et une séance d’information sur l’utilisation des préférences tarifaires de la ZLECAf et du schéma de libéralisation des échanges de la CEDEAO.

Les entreprises participantes doivent présenter des produits conformes aux normes et disposer d’une capacité d’exportation régulière. Les frais de participation couvrent l’organisation des rendez-vous, l’interprétation et le transport local. La date limite d’inscription est fixée au 15 octobre.
"""), slug="mission-accra"),
    S("ccibf", "2026-06-22T09:30:00+00:00", ["création d'entreprise", "formalités", "guichet unique"], T(
        "Création d’entreprise : les formalités désormais bouclées en 24 heures",
        """
Le Centre de formalités des entreprises, géré par la Chambre de commerce et d’industrie, annonce que le délai de création d’une entreprise individuelle ou d’une société à responsabilité limitée est désormais de 24 heures, contre 72 heures auparavant, pour les dossiers complets.

Cette réduction résulte de la dématérialisation de la procédure : immatriculation au registre du commerce, attribution de l’identifiant financier unique et déclaration auprès de la caisse de sécurité sociale sont désormais traitées dans un même circuit électronique. Les usagers peuvent déposer leur dossier [en ligne](https://www.cci-burkina.example/cfe/) et suivre son avancement.

Le Centre rappelle que les statuts des sociétés peuvent être établis sous seing privé, sans recours obligatoire au notaire, pour les SARL au capital inférieur à 5 millions de FCFA.
"""), slug="creation-24h"),
    S("ccibf", "2026-11-16T09:00:00+00:00", ["exportation", "événement", "Bobo-Dioulasso"], T(
        "Journées de l’export 2026 : rendez-vous à Bobo-Dioulasso les 3 et 4 décembre",
        """
La Chambre de commerce et d’industrie organise les Journées de l’export 2026 les 3 et 4 décembre à Bobo-Dioulasso, en partenariat avec l’Agence pour la promotion des exportations. L’événement réunira exportateurs, transitaires, banques, assureurs et administrations.

Au programme : des ateliers pratiques sur le certificat d’origine électronique, le financement des exportations, les exigences du marché européen en matière de traçabilité et les opportunités de la ZLECAf ; des consultations individuelles avec des experts ; et la remise des trophées de l’exportateur de l’année dans trois catégories.

La participation est gratuite pour les ressortissants de la Chambre, sur inscription. Les entreprises souhaitant exposer leurs produits disposent d’un espace dédié.
"""), slug="journees-export"),

    # --- APIX Sénégal ---
    S("apix", "2026-04-16T10:00:00+00:00", ["investissement", "Code des investissements", "agréments", "Sénégal"], T(
        "Code des investissements : 42 agréments accordés au premier trimestre 2026",
        """
L’APIX a accordé 42 agréments au Code des investissements au cours du premier trimestre 2026, pour un montant total d’investissements projetés de 318 milliards de FCFA et 4 100 emplois directs annoncés.

L’agro-industrie arrive en tête avec 14 projets, dont plusieurs unités de transformation de fruits, de céréales locales et de produits halieutiques, suivie des services (9 projets), de l’industrie manufacturière (8 projets) et du tourisme (6 projets). Près de la moitié des projets seront implantés hors de la région de Dakar.

Les PME représentent 60 % des projets agréés. L’APIX rappelle que les investisseurs peuvent déposer leur demande d’agrément en ligne et que le délai de traitement est de quinze jours ouvrables.
"""), slug="agrements-t1"),
    S("apix", "2026-01-19T11:00:00+00:00", ["création d'entreprise", "Sénégal", "BCE"], T(
        "Bureau d’appui à la création d’entreprise : plus de 28 000 entreprises créées en 2025",
        """
Le Bureau d’appui à la création d’entreprise (BCE) de l’APIX a enregistré 28 400 créations d’entreprises en 2025, en hausse de 9 % sur un an. Les entreprises individuelles représentent 71 % des créations, les SARL 24 % et les sociétés anonymes 2 %.

Le commerce reste le premier secteur, mais la part des services numériques, de l’agro-transformation et du BTP progresse. Un tiers des entreprises créées ont une femme pour dirigeante.

La plateforme de création en ligne a traité 38 % des dossiers. L’APIX annonce pour 2026 l’ouverture d’antennes du BCE dans quatre nouvelles régions et l’intégration de l’immatriculation fiscale et sociale dans une procédure unique.
"""), slug="creations-2025"),
    S("apix", "2026-08-18T09:30:00+00:00", ["zone économique spéciale", "Diamniadio", "industrie"], T(
        "Zone économique spéciale de Diamniadio : trois nouvelles unités industrielles inaugurées",
        """
Trois nouvelles unités industrielles ont été inaugurées dans la zone économique spéciale de Diamniadio : une usine de fabrication d’emballages en carton, une unité d’assemblage de compteurs électriques et un atelier de confection de vêtements professionnels.

Ces investissements, d’un montant cumulé de 27 milliards de FCFA, doivent créer 900 emplois. La zone compte désormais 31 entreprises en activité, dont plusieurs orientées vers l’exportation dans la sous-région.

L’APIX souligne que l’usine d’emballages répond à une demande forte des exportateurs de fruits et légumes, qui importaient jusqu’ici l’essentiel de leurs cartons. Les entreprises installées bénéficient du régime des zones économiques spéciales, avec un guichet unique pour les formalités.
"""), slug="zes-diamniadio"),
    S("apix", "2026-07-13T08:00:00+00:00", ["forum", "investissement", "Dakar", "événement"], T(
        "Invest in Sénégal 2026 : le forum se tiendra les 24 et 25 novembre à Diamniadio",
        """
La troisième édition du forum Invest in Sénégal se tiendra les 24 et 25 novembre 2026 au Centre international de conférences Abdou Diouf de Diamniadio. Plus de 2 000 participants sont attendus, dont des investisseurs de 60 pays.

Le forum présentera un portefeuille de projets dans l’agro-industrie, l’économie bleue, l’énergie, le numérique et les infrastructures. Des rencontres B2B et B2G seront organisées sur rendez-vous, ainsi que des visites de sites dans les agropoles et les zones économiques spéciales.

Les entreprises sénégalaises, en particulier les PME à la recherche de partenaires techniques ou financiers, sont invitées à soumettre leurs projets sur [le site du forum](https://www.investinsenegal.example/projets) avant le 15 septembre pour figurer dans le catalogue officiel.
"""), slug="forum-invest"),
    S("apix", "2026-10-07T10:00:00+00:00", ["agropole", "Casamance", "travaux", "agro-industrie"], T(
        "Agropole Sud : lancement des travaux de la plateforme de Ziguinchor",
        """
Les travaux de construction de la plateforme industrielle de l’agropole Sud ont été lancés à Ziguinchor. Le site, d’une superficie de 40 hectares, accueillera des unités de transformation de la mangue, de l’anacarde, des agrumes et des produits halieutiques.

La première phase comprend la viabilisation du site, la construction d’un entrepôt frigorifique de 2 000 tonnes, d’une plateforme de conditionnement et d’un centre de services aux entreprises. Sa livraison est prévue fin 2027.

L’APIX, chargée de la promotion de l’agropole, a déjà enregistré des marques d’intérêt de quinze entreprises nationales et étrangères. Les transformateurs locaux pourront louer des ateliers équipés, une formule adaptée aux petites unités.
"""), slug="agropole-sud"),

    # --- Port autonome d'Abidjan : avis aux usagers ---
    S("paa", "2026-02-09T08:00:00+00:00", ["avis aux usagers", "quai", "travaux"], T(
        "Avis aux usagers : fermeture temporaire du quai n° 12",
        """
Le Port autonome d’Abidjan informe l’ensemble des usagers, armateurs, consignataires, manutentionnaires et transitaires que le quai n° 12 sera fermé à toute opération du lundi 16 février au dimanche 8 mars 2026 inclus, pour des travaux de réhabilitation des défenses et de la poutre de couronnement.

Pendant cette période, les navires conventionnels habituellement accueillis au quai n° 12 seront réorientés vers les quais n° 10 et n° 11, selon le planning établi par la Capitainerie. Les consignataires sont priés de transmettre leurs prévisions d’escale au moins 72 heures à l’avance.

La Direction générale remercie les usagers de leur compréhension et les invite à se rapprocher de la Capitainerie pour toute information complémentaire.
"""), slug="quai-12"),
    S("paa", "2026-04-20T08:00:00+00:00", ["avis aux usagers", "quai", "travaux"], T(
        "Avis aux usagers : fermeture temporaire du quai n° 14",
        """
Le Port autonome d’Abidjan informe l’ensemble des usagers que le quai n° 14 (terminal vraquier) sera fermé du lundi 4 mai au vendredi 22 mai 2026, pour des travaux de dragage au pied de quai et de remplacement des bollards d’amarrage.

Les navires vraquiers de clinker et d’engrais seront accueillis au quai n° 15 et, en cas de besoin, en opérations de transbordement sur rade, selon les conditions fixées par la Capitainerie. Des surestaries pourraient être constatées en raison de la réduction de la capacité d’accueil.

Les importateurs d’engrais en vue de la campagne cotonnière sont invités à anticiper leurs arrivées ou à les décaler après la réouverture du quai. La Direction générale remercie les usagers pour leur compréhension.
"""), slug="quai-14"),
    S("paa", "2026-03-04T08:00:00+00:00", ["avis aux usagers", "terminal fruitier", "horaires"], T(
        "Avis aux usagers : horaires d’ouverture du terminal fruitier pendant la campagne mangue",
        """
Le Port autonome d’Abidjan informe les exportateurs de fruits et légumes, les transitaires et les transporteurs que, pendant la campagne d’exportation de la mangue, le terminal fruitier sera ouvert sans interruption, 24 heures sur 24 et 7 jours sur 7, du 23 mars au 31 mai 2026.

Les conteneurs réfrigérés devront être présentés au terminal au plus tard douze heures avant la clôture du navire concerné, avec l’ensemble des documents requis, notamment le certificat phytosanitaire électronique et la déclaration d’exportation.

Les camions frigorifiques bénéficieront d’un couloir prioritaire à l’entrée du port, sur présentation du bon de réservation. Les usagers sont invités à respecter les consignes de sécurité et les règles de circulation à l’intérieur du domaine portuaire.
"""), slug="terminal-fruitier"),
    S("paa", "2026-05-11T08:00:00+00:00", ["avis aux usagers", "camions", "rendez-vous", "congestion"], T(
        "Avis aux usagers : mise en service du système de rendez-vous pour les camions",
        """
Le Port autonome d’Abidjan informe les transporteurs, transitaires et chargeurs qu’un système de prise de rendez-vous en ligne pour l’accès des camions aux terminaux sera mis en service le 1er juin 2026.

Tout camion se présentant pour l’enlèvement ou la livraison d’un conteneur devra disposer d’un créneau horaire réservé sur la plateforme, lié au numéro du conteneur et à l’immatriculation du véhicule. Les camions sans rendez-vous seront orientés vers le parc d’attente extérieur.

Ce dispositif vise à réduire la congestion aux abords du port et les temps d’attente, qui dépassent régulièrement dix heures aux heures de pointe. Une période de rodage d’un mois permettra aux usagers de se familiariser avec la plateforme.
"""), slug="rdv-camions"),
    S("paa", "2026-06-15T08:00:00+00:00", ["avis aux usagers", "tarifs", "stationnement", "conteneurs"], T(
        "Avis aux usagers : nouveaux tarifs de stationnement des conteneurs au 1er juillet 2026",
        """
Le Port autonome d’Abidjan informe les usagers que de nouveaux tarifs de stationnement des conteneurs pleins à l’import entreront en vigueur le 1er juillet 2026. La franchise de stationnement est ramenée de dix à sept jours calendaires à compter du déchargement.

Au-delà de la franchise, le tarif journalier est fixé à 5 000 FCFA par conteneur de 20 pieds et 10 000 FCFA par conteneur de 40 pieds pendant les sept jours suivants, puis doublé au-delà. Les conteneurs en transit vers les pays de l’hinterland conservent une franchise de quinze jours.

Cette mesure vise à accélérer l’enlèvement des marchandises et à libérer de l’espace sur les terminaux. Les importateurs sont invités à anticiper les formalités de dédouanement.
"""), slug="tarifs-stationnement"),
    S("paa", "2026-09-01T08:00:00+00:00", ["sûreté", "ISPS", "exercice"], T(
        "Communiqué : exercice de sûreté portuaire le jeudi 10 septembre 2026",
        """
Le Port autonome d’Abidjan informe les usagers et les riverains qu’un exercice de sûreté portuaire, conforme au Code international pour la sûreté des navires et des installations portuaires (ISPS), se déroulera le jeudi 10 septembre 2026 de 9 h à 13 h sur le terminal pétrolier et dans le canal de Vridi.

L’exercice mobilisera les services de la Capitainerie, la police portuaire, la Marine nationale et les sapeurs-pompiers. Une présence importante de moyens d’intervention et des restrictions temporaires de circulation sont à prévoir.

Les usagers sont priés de ne pas s’alarmer et de se conformer aux consignes des agents. Les mouvements de navires dans le canal seront suspendus pendant environ deux heures.
"""), slug="exercice-isps"),
    S("paa", "2026-09-28T08:00:00+00:00", ["cacao", "campagne", "magasins", "avis aux usagers"], T(
        "Avis aux usagers : dispositions pour la campagne cacao 2026-2027",
        """
À l’approche de l’ouverture de la campagne principale de commercialisation du cacao, le Port autonome d’Abidjan informe les exportateurs, les magasiniers et les transporteurs des dispositions suivantes.

Seuls les magasins agréés par le Conseil du café-cacao et situés dans la zone portuaire ou ses extensions pourront recevoir des fèves destinées à l’exportation. Les camions devront être munis du bon de livraison électronique et de la fiche de traçabilité des lots.

Le stationnement des camions de produits est interdit le long du boulevard portuaire ; un parc dédié de 400 places est mis à disposition à Vridi. Les usagers sont invités à respecter strictement ces dispositions, destinées à fluidifier la circulation pendant le pic de la campagne.
"""), slug="campagne-cacao-port"),
    S("paa", "2026-10-12T08:00:00+00:00", ["navigation", "canal de Vridi", "restriction"], T(
        "Avis aux navigateurs : restriction de navigation dans le canal de Vridi",
        """
Le Port autonome d’Abidjan informe les capitaines de navires, les agents maritimes et les pilotes que, en raison de travaux de pose de câbles sous-marins, la navigation dans le canal de Vridi sera soumise à restriction du 19 au 30 octobre 2026.

Pendant cette période, le croisement des navires d’une longueur supérieure à 250 mètres est interdit dans le canal, et la vitesse est limitée à 6 nœuds. Les mouvements seront planifiés par la Capitainerie en fonction des marées et des fenêtres de travaux.

Les agents maritimes sont priés de confirmer les heures d’arrivée prévues des navires au moins 48 heures à l’avance afin de permettre une programmation optimale des entrées et sorties.
"""), slug="vridi-restriction"),
    S("paa", "2026-11-09T08:00:00+00:00", ["dématérialisation", "bon à enlever", "douanes"], T(
        "Avis aux usagers : dématérialisation du bon à enlever à compter du 1er décembre",
        """
Le Port autonome d’Abidjan informe les usagers qu’à compter du 1er décembre 2026, le bon à enlever (BAE) des marchandises sera exclusivement délivré sous forme électronique, via le système de communauté portuaire.

Le BAE électronique sera émis automatiquement après la mainlevée douanière et le paiement des frais portuaires et de manutention. Les agents de sortie des terminaux le vérifieront par lecture du code QR, sans présentation de document papier.

Les transitaires sont invités à vérifier que leurs comptes sur le système de communauté portuaire sont actifs et à jour. Une assistance est disponible au guichet des usagers, du lundi au vendredi de 7 h 30 à 17 h 30.
"""), slug="bae-electronique"),

    # --- Veille Textile-Habillement (JSON Feed) ---
    S("textile", "2026-01-14T10:00:00+00:00", ["filature", "Burkina Faso", "investissement"], T(
        "Filature : un projet de 30 000 broches annoncé à Koudougou",
        """
Un consortium associant des investisseurs burkinabè et un industriel turc a présenté un projet de filature de 30 000 broches à Koudougou, au Burkina Faso. L’usine transformerait chaque année 12 000 tonnes de fibre de coton locale en fils destinés au tissage et au tricotage.

L’investissement, estimé à 45 milliards de FCFA, bénéficierait des avantages du Code des investissements et d’un accès prioritaire à la fibre de la SOFITEX. Le projet prévoit aussi une unité de tricotage et de teinture dans une seconde phase.

Le Burkina Faso ne transforme aujourd’hui qu’une part infime de sa fibre. Les promoteurs comptent sur la demande régionale en fils, aujourd’hui largement importés d’Asie, et sur les règles d’origine de la ZLECAf, qui favoriseront les vêtements fabriqués à partir de fils et de tissus africains.
"""), slug="filature-koudougou"),
    S("textile", "2026-03-19T10:00:00+00:00", ["wax", "importations", "Côte d'Ivoire", "concurrence"], T(
        "Wax : les importations asiatiques bousculent les industriels ivoiriens",
        """
Les importations de tissus imprimés de type wax en provenance d’Asie ont atteint un niveau record en 2025, selon les statistiques douanières. Vendus parfois à moins de la moitié du prix des tissus produits localement, ils captent une part croissante du marché ouest-africain.

Les industriels ivoiriens du textile dénoncent la sous-évaluation systématique de ces importations et la contrefaçon de leurs motifs, protégés par des dépôts à l’OAPI. Ils saluent l’arrêté fixant des valeurs de référence en douane, tout en réclamant des contrôles plus stricts aux frontières terrestres.

Pour les distributeurs, la demande des consommateurs reste tirée par le prix. Certains industriels misent sur la montée en gamme, avec des collections limitées, des tissus certifiés et la mise en avant de l’origine africaine du coton.
"""), slug="wax-importations"),
    S("textile", "2026-04-27T10:00:00+00:00", ["Faso Dan Fani", "tissage", "Burkina Faso", "artisanat"], T(
        "Faso Dan Fani : la demande institutionnelle soutient les tisserandes",
        """
Le port du Faso Dan Fani, pagne tissé en coton burkinabè, lors des cérémonies officielles et de la fête du 8 mars continue de soutenir l’activité de milliers de tisserandes, selon une étude présentée par la fédération nationale des tisserands.

L’étude estime le chiffre d’affaires de la filière à près de 20 milliards de FCFA par an. Mais les tisserandes dépendent largement des fils importés, plus réguliers que les fils locaux, et leurs marges restent faibles face au coût des intrants et à la concurrence de tissus imitant le Faso Dan Fani.

La fédération demande une appellation protégée, en cours d’instruction, et un approvisionnement en fils issus du coton local à prix négocié. Plusieurs créateurs de mode intègrent désormais le Faso Dan Fani dans des collections vendues à l’international.
"""), slug="faso-dan-fani"),
    S("textile", "2026-06-16T10:00:00+00:00", ["fibre", "prix", "filatures", "volatilité"], T(
        "Prix de la fibre : les filatures régionales face à la volatilité",
        """
Les filatures ouest-africaines, peu nombreuses et de taille modeste, achètent leur fibre aux sociétés cotonnières à des prix alignés sur les cours internationaux. Les fortes variations de l’indice Cotlook A au premier semestre ont compliqué leur gestion des stocks et de la trésorerie.

Contrairement aux grands groupes asiatiques, elles n’ont pas accès aux instruments de couverture sur les marchés à terme, faute de volumes suffisants et de lignes bancaires adaptées. Certaines négocient des contrats à prix fixe avec les sociétés cotonnières, sur une partie de leurs besoins annuels.

Les professionnels plaident pour un mécanisme régional de fixation d’un prix préférentiel de la fibre destinée à la transformation locale, sur le modèle de dispositifs existant dans d’autres pays producteurs. La question figure à l’ordre du jour de la prochaine réunion de l’association régionale des cotonniers.
"""), slug="prix-fibre-filatures"),
    S("textile", "2026-08-20T10:00:00+00:00", ["Mali", "textile", "relance industrielle"], T(
        "Ségou : relance d’une unité textile intégrée après trois ans d’arrêt",
        """
Une unité textile intégrée de Ségou, au Mali, à l’arrêt depuis 2023, a redémarré ses activités de filature et de tissage après une restructuration financière et l’entrée d’un nouvel actionnaire de référence. Elle emploie 450 personnes dans cette première phase.

L’usine produit des fils et des tissus écrus à partir de fibre de coton malienne, livrés à des imprimeurs et à des confectionneurs locaux. Le plan de relance prévoit la modernisation des métiers à tisser et l’installation d’une centrale solaire pour réduire la facture énergétique, qui représentait près d’un quart des coûts de production.

Les autorités maliennes ont accordé des avantages fiscaux et un accès prioritaire à la fibre. L’entreprise vise le marché de l’uniforme scolaire et des tenues professionnelles, où la commande publique pourrait jouer un rôle d’amorçage.
"""), slug="segou-relance"),
    S("textile", "2026-10-08T10:00:00+00:00", ["mode durable", "Dakar", "événement", "créateurs"], T(
        "Dakar : rencontre des créateurs africains de mode durable",
        """
Une centaine de créateurs de mode, de tisserands, de teinturiers et d’acheteurs se sont réunis à Dakar pour une rencontre consacrée à la mode durable en Afrique. Les débats ont porté sur l’utilisation du coton africain biologique, les teintures naturelles comme l’indigo et le bogolan, et le recyclage des textiles.

Plusieurs marques européennes de distribution étaient présentes pour identifier des fournisseurs capables de garantir la traçabilité du coton jusqu’à la parcelle. Les créateurs ont souligné la difficulté de s’approvisionner en tissus africains de qualité constante, en quantités suffisantes.

Les organisateurs annoncent la création d’une plateforme en ligne mettant en relation créateurs, ateliers de confection et fournisseurs de tissus de la sous-région.
"""), slug="mode-durable-dakar"),
    S("textile", "2026-11-18T10:00:00+00:00", ["traçabilité", "coton", "marques", "identité préservée"], T(
        "Traçabilité : les marques demandent du coton « à identité préservée »",
        """
Plusieurs grandes marques d’habillement demandent désormais à leurs fournisseurs de coton africain des lots « à identité préservée », dont l’origine peut être tracée jusqu’au groupement de producteurs, et non plus seulement jusqu’au pays. Cette exigence s’ajoute aux certifications existantes.

Pour les sociétés cotonnières, cela suppose de séparer les flux de coton graine dès la collecte, de les égrener par lots identifiés et de conserver l’identification des balles jusqu’à l’exportation. Certaines expérimentent des marqueurs ADN ou des analyses isotopiques pour vérifier l’origine.

Le surcoût est estimé entre 2 et 5 cents par livre de fibre. Les acheteurs se disent prêts à le partager, mais seulement pour une partie de leurs volumes.
"""), slug="identite-preservee"),

    # --- Cacao & Café Hebdo ---
    S("cacao", "2026-03-31T20:00:00+00:00", ["cacao", "Côte d'Ivoire", "prix bord champ", "campagne intermédiaire"], T(
        "Cacao : le prix bord champ de la campagne intermédiaire fixé à 2 800 FCFA le kilo",
        """
Le Conseil du café-cacao a annoncé mardi soir le prix bord champ garanti du cacao pour la campagne intermédiaire 2025-2026, qui s’ouvre le 1er avril : 2 800 FCFA le kilogramme, soit une hausse de 200 FCFA par rapport à la campagne principale.

Le régulateur explique cette hausse par la bonne tenue des cours sur les marchés de Londres et de New York au premier trimestre, et par le souci de limiter la fuite des fèves vers les pays voisins, où les prix ont été relevés. La récolte intermédiaire est estimée à 500 000 tonnes.

Les exportateurs devront présenter des fèves de grade I ou II, avec un taux d’humidité inférieur à 8 %. Les planteurs sont invités à signaler tout achat à un prix inférieur au prix officiel.
"""), slug="prix-intermediaire"),
    S("cacao", "2026-01-21T09:00:00+00:00", ["café", "robusta", "Côte d'Ivoire", "relance"], T(
        "Café : la Côte d’Ivoire veut relancer la production de robusta",
        """
La Côte d’Ivoire veut porter sa production de café robusta de 80 000 à 200 000 tonnes d’ici 2030, selon le programme de relance présenté par le Conseil du café-cacao. Le pays, qui fut le troisième producteur mondial dans les années 1970, a vu sa production s’effondrer faute de renouvellement des vergers.

Le programme prévoit la distribution de plants de variétés clonales à haut rendement, la réhabilitation de 100 000 hectares de vieilles caféières et un appui aux coopératives pour le traitement post-récolte. Le prix bord champ du café vert, fixé à 1 500 FCFA, doit encourager les producteurs.

Les torréfacteurs locaux, en croissance, souhaitent disposer de cafés de meilleure qualité, notamment pour le marché des capsules et du café soluble en Afrique de l’Ouest.
"""), slug="robusta-relance"),
    S("cacao", "2026-10-02T12:00:00+00:00", ["cacao", "Ghana", "prix au producteur"], T(
        "Ghana : le prix au producteur du cacao relevé pour la campagne 2026-2027",
        """
Le Ghana Cocoa Board a annoncé un nouveau prix au producteur pour la campagne principale 2026-2027, en hausse de 8 % en monnaie locale par rapport à la campagne précédente. Converti en francs CFA, le prix ghanéen reste légèrement supérieur au prix ivoirien, ce qui fait craindre des flux transfrontaliers de fèves.

Le régulateur ghanéen a également annoncé un programme de paiement des producteurs par monnaie mobile, pour réduire les délais et les risques liés aux transports de fonds. La production ghanéenne, affectée ces dernières années par la maladie du swollen shoot et l’orpaillage illégal, est attendue en légère reprise.

Les autorités des deux pays se sont engagées à renforcer les contrôles aux frontières et à harmoniser leurs politiques de prix dans le cadre de leur initiative commune.
"""), slug="ghana-prix"),
    S("cacao", "2026-02-25T09:00:00+00:00", ["cacao", "swollen shoot", "maladies", "réhabilitation"], T(
        "Swollen shoot : 90 000 hectares de vergers à réhabiliter en 2026",
        """
Le programme national de lutte contre la maladie du swollen shoot prévoit la réhabilitation de 90 000 hectares de vergers de cacao en 2026, principalement dans les régions de la Nawa, du Haut-Sassandra et de la Marahoué. Les arbres malades sont arrachés et remplacés par des plants de variétés tolérantes.

Les planteurs touchés reçoivent une compensation pendant la période sans production, ainsi que des plants de bananiers et de cultures vivrières. Le programme, financé par le régulateur et des partenaires internationaux, reste cependant en deçà de l’ampleur de la maladie, qui touche plusieurs centaines de milliers d’hectares.

Les chercheurs rappellent qu’aucun traitement curatif n’existe et que la détection précoce, grâce à des tests moléculaires et à l’imagerie aérienne, est essentielle pour limiter la propagation.
"""), slug="swollen-shoot"),
    S("cacao", "2026-05-13T09:00:00+00:00", ["cacao", "broyage", "transformation locale"], T(
        "Broyage : la capacité ivoirienne de transformation du cacao dépasse 800 000 tonnes",
        """
La capacité installée de broyage de cacao en Côte d’Ivoire a dépassé 800 000 tonnes par an avec la mise en service de deux nouvelles unités à Abidjan et à San Pedro. Le pays reste le premier broyeur mondial de fèves à l’origine.

Les broyeurs produisent du beurre, de la poudre et de la masse de cacao, exportés principalement vers l’Europe et l’Amérique du Nord. Ils bénéficient d’un régime fiscal incitatif, mais la valeur ajoutée locale reste limitée, la fabrication du chocolat étant réalisée pour l’essentiel dans les pays consommateurs.

Les petites chocolateries ivoiriennes, en plein essor, peinent encore à accéder au beurre et à la masse de cacao en petites quantités et à des prix compétitifs. Un projet de centrale d’achat mutualisée est à l’étude.
"""), slug="broyage"),
    S("cacao", "2026-07-09T09:00:00+00:00", ["cacao", "Cameroun", "qualité", "prime"], T(
        "Cameroun : la prime à la qualité du cacao relevée pour les coopératives",
        """
Le Conseil interprofessionnel du cacao et du café du Cameroun a relevé la prime à la qualité versée aux coopératives qui livrent des fèves bien fermentées et séchées, certifiées par les laboratoires agréés. La prime passe de 100 à 150 FCFA par kilogramme pour le grade supérieur.

Le Cameroun cherche à se positionner sur le marché des cacaos fins et de qualité supérieure, mieux rémunérés. Plusieurs coopératives de la région du Centre ont obtenu des distinctions dans des concours internationaux.

L’interprofession met également en place des centres de fermentation et de séchage collectifs, équipés de séchoirs solaires, pour limiter les défauts liés au séchage au feu de bois, qui donne aux fèves un goût de fumée rédhibitoire pour les chocolatiers.
"""), slug="cameroun-qualite"),
    S("cacao", "2026-08-24T09:00:00+00:00", ["chocolat", "PME", "Côte d'Ivoire", "distribution"], T(
        "Chocolat : une PME ivoirienne s’attaque à la grande distribution régionale",
        """
Une chocolaterie artisanale d’Abidjan, créée il y a six ans par deux anciennes cadres de l’industrie, a signé un contrat de distribution avec une chaîne de supermarchés présente dans cinq pays d’Afrique de l’Ouest. Ses tablettes et pâtes à tartiner seront vendues dans 120 magasins.

L’entreprise, qui emploie 35 personnes, a dû investir dans une ligne de conditionnement et obtenir une certification de sécurité sanitaire des aliments. Elle s’approvisionne directement auprès de trois coopératives, avec lesquelles elle a signé des contrats à prix garantis supérieurs au prix bord champ.

La dirigeante souligne que la chaleur reste le principal défi logistique : la chaîne de distribution doit garantir un transport et un stockage à moins de 25 °C, ce qui n’est pas encore la norme dans la région.
"""), slug="chocolat-pme"),
    S("cacao", "2026-06-11T09:00:00+00:00", ["cacao durable", "norme", "ARS 1000", "certification"], T(
        "Cacao durable : la norme régionale africaine ARS 1000 désormais appliquée aux exportations",
        """
La norme africaine pour le cacao durable (ARS 1000), élaborée par la Côte d’Ivoire et le Ghana, s’applique désormais à une part croissante des exportations des deux pays. Plus de 400 coopératives ivoiriennes ont obtenu la certification, selon l’organisme national de normalisation.

La norme couvre les pratiques agricoles, les conditions de travail, la protection de l’environnement et la traçabilité. Elle doit permettre aux pays producteurs de disposer de leur propre référentiel, reconnu par les acheteurs, au lieu de dépendre des certifications privées.

Les coopératives certifiées bénéficient d’une prime, mais les coûts d’audit et de mise en conformité restent élevés pour les plus petites. Un mécanisme d’audit de groupe est à l’étude.
"""), slug="ars-1000"),
    S("cacao", "2026-06-25T09:00:00+00:00", ["cacao", "arrivages", "ports", "campagne intermédiaire"], T(
        "Campagne intermédiaire : les arrivages de cacao aux ports en hausse de 12 %",
        """
Les arrivages de cacao dans les ports d’Abidjan et de San Pedro ont atteint 1,62 million de tonnes depuis le début de la campagne le 1er octobre jusqu’au 21 juin, en hausse de 12 % par rapport à la même période de la campagne précédente, selon les estimations des exportateurs.

La récolte intermédiaire, qui a débuté en avril, bénéficie de pluies régulières et de la floraison abondante observée en début d’année. La qualité est jugée correcte, avec une proportion de petites fèves un peu plus élevée que d’habitude.

Les exportateurs signalent cependant des retards de chargement liés à la congestion des magasins portuaires. Les broyeurs locaux profitent de la disponibilité des fèves pour reconstituer leurs stocks.
"""), slug="arrivages"),

    # --- Info-Marchés Sahel (published as a broken feed) ---
    S("broken", "2026-02-14T07:00:00+00:00", ["bétail", "marchés", "Burkina Faso"], T(
        "Marché à bétail de Pouytenga : les prix des bovins en hausse",
        """
Sur le marché à bétail de Pouytenga, l’un des plus importants de la sous-région, les prix des bovins ont progressé de 8 à 10 % au cours du mois écoulé. Un taureau de trois ans se négocie entre 450 000 et 550 000 FCFA, contre 400 000 à 500 000 FCFA en janvier.

La demande des marchés côtiers, notamment du Ghana, de la Côte d’Ivoire et du Togo, reste soutenue. L’offre est en revanche limitée par le coût de l’aliment bétail et par les difficultés de convoyage depuis certaines zones d’élevage.

Les commerçants signalent également une hausse des frais de transport par camion vers les ports et les grandes villes côtières. Les prix devraient rester fermes jusqu’aux fêtes de fin de carême.
"""), slug="betail-pouytenga"),
    S("broken", "2026-03-06T07:00:00+00:00", ["céréales", "maïs", "prix", "Burkina Faso"], T(
        "Céréales : le prix du maïs recule sur les marchés de Bobo-Dioulasso",
        """
Le prix du maïs a reculé sur les marchés de gros de Bobo-Dioulasso, à 165 FCFA le kilogramme en moyenne début mars, contre 185 FCFA un mois plus tôt, selon le système d’information sur les marchés.

La bonne récolte 2025 et le déstockage des commerçants avant la période des semis expliquent cette baisse. Les achats institutionnels de la société nationale de gestion du stock de sécurité sont attendus en avril et pourraient soutenir les prix.

Le sorgho et le mil restent stables, à respectivement 210 et 230 FCFA le kilogramme. Les éleveurs de volaille, grands consommateurs de maïs, profitent de la baisse pour constituer des stocks d’aliment.
"""), slug="mais-bobo"),
    S("broken", "2026-04-03T07:00:00+00:00", ["riz", "production", "vallée du Kou"], T(
        "Riz local : la vallée du Kou attend une bonne récolte de contre-saison",
        """
Les riziculteurs du périmètre irrigué de la vallée du Kou, près de Bobo-Dioulasso, s’attendent à une bonne récolte de contre-saison, avec des rendements estimés à 5,5 tonnes par hectare. Les travaux d’entretien des canaux réalisés en fin d’année ont amélioré la distribution de l’eau.

Le riz paddy est acheté entre 175 et 190 FCFA le kilogramme par les étuveuses et les décortiqueurs de la zone. Le riz étuvé local, de plus en plus apprécié des consommateurs urbains, se vend 550 FCFA le kilogramme sur les marchés de Bobo-Dioulasso.

Les groupements d’étuveuses demandent un appui pour acquérir des équipements de vannage et de tri, afin d’éliminer les impuretés et de concurrencer le riz importé sur la qualité.
"""), slug="riz-kou"),
    S("broken", "2026-05-15T07:00:00+00:00", ["oignon", "prix", "Ouagadougou"], T(
        "Oignon : les prix s’envolent sur les marchés de Ouagadougou",
        """
Le prix de l’oignon a fortement augmenté sur les marchés de Ouagadougou, atteignant 800 FCFA le kilogramme début mai, contre 350 FCFA en février. La fin de la récolte de contre-saison et l’épuisement des stocks expliquent cette flambée saisonnière.

Une grande partie de l’oignon produit au Burkina Faso est vendue à bas prix au moment de la récolte, faute de capacités de conservation. Les magasins de conservation construits ces dernières années, d’une capacité de 10 à 30 tonnes, permettent aux producteurs qui en disposent de vendre à meilleur prix.

Les commerçants prévoient une stabilisation des prix avec l’arrivée des oignons du Niger, attendue dans les prochaines semaines.
"""), slug="oignon-ouaga"),
]
