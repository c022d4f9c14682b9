# SPDX-License-Identifier: AGPL-3.0-or-later
"""Single-source items in English (and the French half of the bilingual feeds): Cotton Market
Weekly, West Africa Trade Hub, Mauritius Trade Easy, AfCFTA/ZLECAf news, the export blog."""

from corpus_model import Single as S, T

SINGLES_EN = [
    # --- Cotton Market Weekly ---
    S("cmw", "2026-02-06T15:00:00-06:00", ["cotton", "Bangladesh", "demand", "West Africa"], T(
        "Bangladesh spinners step up purchases of West African cotton",
        """
Spinning mills in Bangladesh have increased their purchases of West African cotton for shipment between March and June, merchants said this week, attracted by competitive basis levels and good availability of new-crop lint from Côte d'Ivoire, Mali and Burkina Faso.

West African styles were offered at around 10 to 12 cents over the A Index equivalent, a discount to Brazilian and US growths of similar staple. Some mills also cited improved contamination levels in recent shipments, following investments in bale wrapping and classing in several countries.

Bangladesh remains the largest destination for West African lint, followed by Vietnam, Pakistan and China. Merchants warned, however, that port congestion at Chittagong and freight costs via transhipment hubs could erode part of the price advantage.
"""), lang="en", slug="bangladesh-demand", author="Cotton Market Weekly staff"),
    S("cmw", "2026-06-05T14:30:00-05:00", ["cotton", "ICAC", "consumption", "forecast"], T(
        "ICAC trims world cotton consumption forecast for 2026/27",
        """
The International Cotton Advisory Committee lowered its forecast of world cotton mill use for 2026/27 to 25.4 million tonnes, from 25.8 million a month earlier, citing slower growth in the global economy and continued substitution by polyester in price-sensitive segments.

World production is projected at 25.9 million tonnes, implying a small build in ending stocks. The Secretariat's price projection for the season average of the A Index was set at a range centred on 80 cents per pound.

For African producers, the committee noted record or near-record crops in Cameroon and Côte d'Ivoire, offset by smaller areas in parts of the Sahel because of insecurity and the high cost of inputs. Africa's share of world exports is forecast at around 13%.
"""), lang="en", slug="icac-forecast", author="Cotton Market Weekly staff"),
    S("cmw", "2026-09-11T16:00:00-05:00", ["freight", "containers", "West Africa", "Asia"], T(
        "Freight update: container rates from West Africa to Asia ease further",
        """
Container freight rates from West African ports to the main cotton destinations in Asia fell for a third consecutive month in August, according to shippers and forwarders. A 40-foot container from Abidjan or Cotonou to Chittagong via a transhipment hub was quoted between $2,600 and $2,900, down from over $3,500 in the spring.

New capacity on Asia-Africa services and weaker demand for southbound cargo explain the decline. For cotton exporters, each $500 change in freight per container is worth roughly 1 cent per pound of lint, a significant share of margins.

Shippers nevertheless report irregular schedules and transhipment delays of up to two weeks at some hubs, which complicates the timing of letter-of-credit shipments.
"""), lang="en", slug="freight-asia", author="Cotton Market Weekly staff"),

    # --- West Africa Trade Hub news ---
    S("wath", "2026-01-13T10:00:00+00:00", ["ECOWAS", "ETLS", "regional trade", "how-to"], T(
        "How small exporters can use the ECOWAS Trade Liberalisation Scheme",
        """
The ECOWAS Trade Liberalisation Scheme (ETLS) allows goods originating in one member state to enter another free of import duties. Unprocessed agricultural products, livestock and handicrafts qualify automatically, without a certificate of origin. Industrial products must be approved under the scheme by a national committee and accompanied by an ECOWAS certificate of origin.

In practice, many small exporters still pay duties because border officials are unaware of the approval, because the certificate is missing or because the product's tariff classification is disputed. Trade Hub advisers recommend that exporters keep a copy of their product approval, obtain certificates before each shipment and use the complaint mechanisms of the national ETLS committee when duties are wrongly charged.

The Trade Hub's [regional office](https://www.watradehub.example/contact/) can help firms prepare approval applications and document cases of non-compliance at borders.
"""), lang="en", slug="etls-howto", author="Trade Hub Communications"),
    S("wath", "2026-03-09T09:00:00+00:00", ["market information", "cross-border trade", "Ghana", "Côte d'Ivoire"], T(
        "Cross-border traders launch SMS price service on the Ghana–Côte d'Ivoire border",
        """
An association of cross-border traders operating between Ghana and Côte d'Ivoire has launched an SMS service sending weekly wholesale prices of maize, yam, onion, tomato and plantain in ten border and urban markets, with support from the Trade Hub.

Prices are collected by trained members in each market and checked by the association before being sent to subscribers in English and French. Over 2,400 traders signed up in the first month, most of them women.

Traders say the service reduces the risk of buying or selling at the wrong price and helps them decide where to send goods. The association plans to add exchange rates between the cedi and the CFA franc, a frequent source of losses for small traders.
"""), lang="en", slug="sms-prices", author="Trade Hub Communications"),
    S("wath", "2026-04-28T11:00:00+00:00", ["cashew", "processing", "Ghana", "working capital"], T(
        "Ghana's cashew processors seek working capital as raw nut prices climb",
        """
Cashew processors in Ghana say they are struggling to buy enough raw nuts to keep their factories running, as prices climbed above 10 cedis per kilogram at the start of the season, driven by strong demand from Asian traders buying for export.

Processors need to buy most of their annual requirement within three to four months, which requires large amounts of working capital. Bank loans are expensive and short-term, and few lenders accept stocks of raw nuts as collateral.

The processors' association is asking the government to set up a warehouse receipt system and a dedicated credit line. It says that factories operated at about 40% of capacity last year, and that several units risk closing if financing does not improve.
"""), lang="en", slug="ghana-cashew-capital", author="Trade Hub Communications"),
    S("wath", "2026-05-19T10:00:00+00:00", ["women traders", "simplified trade regime", "Benin", "Nigeria"], T(
        "Simplified trade regime pilot for small traders at the Seme border",
        """
A pilot simplified trade regime for small consignments has started at the Seme–Krake border between Nigeria and Benin. Traders carrying goods worth less than $2,000 can clear them with a single simplified declaration and a list of eligible products, without using a customs agent.

The pilot is aimed at the thousands of small traders, most of them women, who cross the border every day with agricultural products, textiles and household goods. Surveys show they often pay informal charges and face harassment because they do not know the rules.

Information desks staffed by trained facilitators have been opened on both sides of the border. The results of the pilot will be presented to ECOWAS trade ministers before a possible extension to other borders.
"""), lang="en", slug="seme-str", author="Trade Hub Communications"),
    S("wath", "2026-06-26T10:00:00+00:00", ["cold chain", "pack house", "Ghana", "horticulture"], T(
        "New pack house in Ghana's Volta region opens cold chain to smallholder exporters",
        """
A pack house with cold storage for 300 tonnes opened in Ghana's Volta region, giving smallholder pineapple, mango and vegetable growers access to export-grade sorting, washing and pre-cooling facilities.

The facility is operated by a farmer-owned company that charges a per-carton fee, allowing small exporters to meet European and Middle Eastern buyers' requirements without investing in their own infrastructure. It is certified under a leading food safety standard.

Growers say the lack of cold chain facilities has long forced them to sell to middlemen at low prices. The operator plans to add a solar-powered cold room in a second phase to reduce electricity costs.
"""), lang="en", slug="volta-packhouse", author="Trade Hub Communications"),
    S("wath", "2026-08-06T10:00:00+00:00", ["certification", "grants", "SMEs", "exports"], T(
        "Trade Hub grants help 14 SMEs obtain export certifications",
        """
Fourteen small and medium-sized enterprises from six West African countries have obtained export certifications with co-funding from the Trade Hub's matching grant programme. Certifications include organic, fair trade, food safety management and good agricultural practice standards.

The companies process shea, cashew, mango, sesame, hibiscus and spices. Several have since signed contracts with new buyers in Europe and North America, which require these certifications as a condition of purchase.

The grant covers up to half of the cost of audits, consultants and laboratory tests. A new call for applications will open in October for firms with at least two years of export experience.
"""), lang="en", slug="certification-grants", author="Trade Hub Communications"),
    S("wath", "2026-09-22T10:00:00+00:00", ["shea", "buyers", "Ghana", "cosmetics"], T(
        "US cosmetics buyers tour shea cooperatives in northern Ghana",
        """
A delegation of eight US cosmetics and personal care companies visited shea cooperatives in northern Ghana this month, to meet suppliers and assess their capacity to deliver traceable, high-quality shea butter.

The buyers visited processing centres in Tamale and surrounding villages, where women's groups demonstrated their production methods and quality controls. Several buyers said they were looking for suppliers able to deliver between 20 and 100 tonnes a year with full traceability to the collector.

Cooperatives said the visit was an opportunity to explain the costs of quality and traceability. Two companies signed letters of intent during the tour.
"""), lang="en", slug="shea-buyers-tour", author="Trade Hub Communications"),
    S("wath", "2026-11-12T10:00:00+00:00", ["corridor", "Lomé", "one-stop border post", "transit"], T(
        "Lomé–Ouagadougou corridor: transit times down 20% after joint border post opens",
        """
Average transit times for trucks on the Lomé–Ouagadougou corridor have fallen by about 20% since the joint border post at Cinkassé became fully operational, according to the corridor management authority.

At the joint post, customs, police and phytosanitary officers of both countries carry out controls once, in a shared facility, instead of twice on each side of the border. Average crossing time fell from more than 20 hours to under 8 hours.

Transporters welcomed the improvement but said roadblocks and informal payments along the corridor continue to add time and cost. The authority plans to publish quarterly corridor performance indicators.
"""), lang="en", slug="cinkasse-osbp", author="Trade Hub Communications"),

    # --- Mauritius Trade Easy (non-notification alerts) ---
    S("mte", "2026-10-21T09:00:00+04:00", ["HS 2027", "nomenclature", "tariff", "exporters"], T(
        "HS 2027: what Mauritian exporters need to know about the new nomenclature",
        """
The seventh edition of the Harmonized System (HS 2027) will enter into force on January 1, 2027, with about 300 sets of amendments. Mauritius Customs will publish the updated national tariff in November, and Trade Easy's tariff and regulations tools will be updated on the same date.

Changes affect, among others, products of the fishing industry, textile articles, electrical equipment and some chemical products. Exporters should check whether the HS code of their products changes, because importers in partner countries will use the new codes on their customs declarations and certificates of origin.

Preferential tariff schedules under trade agreements, including the AfCFTA, COMESA and SADC schedules, will be transposed into HS 2027. Until transposition is complete, correlation tables will be used. Trade Easy users can subscribe to alerts for the HS codes they follow.
"""), lang="en", slug="hs-2027"),
    S("mte", "2026-03-16T09:00:00+04:00", ["export credit insurance", "Africa", "finance"], T(
        "New export credit insurance cover for sales to African markets",
        """
Mauritian exporters selling to African markets can now insure their receivables against commercial and political risks under a new cover launched by the state export credit agency. The cover applies to sales on credit terms of up to 180 days to buyers in 30 African countries.

The policy covers up to 90% of the invoice value in case of buyer default, insolvency, transfer restrictions or political events preventing payment. Premiums depend on the country risk and on the buyer's rating, with a reduced rate for small exporters in their first two years.

The scheme aims to reduce a key obstacle to exports towards Africa: the difficulty of assessing and securing payment from new buyers. Information on eligible countries and premium rates is available in the Trade Easy finance section.
"""), lang="en", slug="credit-insurance"),

    # --- AfCFTA / ZLECAf news (bilingual) ---
    S("zlecaf", "2026-01-15T10:00:00+00:00", ["AfCFTA", "e-Tariff Book", "tariff schedules"], T(
        "AfCFTA e-Tariff Book updated with 20 new schedules",
        """
The AfCFTA Secretariat has added the provisional schedules of tariff concessions of 20 additional State Parties to the e-Tariff Book, the online tool that lets traders look up the preferential duty applicable to a product in a given destination market, along with the rule of origin.

The tool now covers more than 45 State Parties. Users can search the [e-Tariff Book](https://etariff.afcfta.example/) by HS code or product description and see the base rate, the applicable preferential rate and the phase-down schedule over the liberalisation period.

The Secretariat reminds users that the preferential rate only applies if the national customs administration has implemented the schedule in its own systems, and advises exporters to check with customs in the destination country before shipment.
"""), lang="en", slug="etariff-update"),
    S("zlecaf", "2026-04-09T10:00:00+00:00", ["PAPSS", "payments", "WAEMU", "banks"], T(
        "PAPSS connects 15 commercial banks in the WAEMU area",
        """
Fifteen commercial banks in the West African Economic and Monetary Union have joined the Pan-African Payment and Settlement System (PAPSS), allowing their customers to pay suppliers in other African countries in local currency, without going through US dollars or euros.

The system settles payments in near-real time and handles currency conversion between the CFA franc and other African currencies. Exporters and importers using participating banks can send and receive payments for intra-African trade at lower cost.

Business groups welcomed the connection, saying that the cost and delay of cross-border payments has been a persistent barrier for small firms. Banks are expected to offer the service through their online platforms in the coming months.
"""), lang="en", slug="papss-waemu"),
    S("zlecaf", "2026-06-19T10:00:00+00:00", ["digital trade", "protocol", "ratification"], T(
        "AfCFTA digital trade protocol: ratifications reach 20",
        """
The AfCFTA protocol on digital trade has now been ratified by 20 State Parties, the Secretariat said, bringing it closer to entry into force. The protocol covers electronic transactions, digital identities, cross-border data flows, online consumer protection and the use of electronic signatures and documents in trade.

For small businesses, the protocol's provisions on the mutual recognition of electronic signatures and the acceptance of electronic trade documents could reduce the paperwork involved in cross-border sales.

Several annexes, including those on rules of origin for digital products and on cross-border payments, are still under negotiation and are expected to be finalised next year.
"""), lang="en", slug="digital-protocol"),
    S("zlecaf", "2026-09-14T10:00:00+00:00", ["SMEs", "helpdesk", "AfCFTA Secretariat"], T(
        "AfCFTA Secretariat pilots helpdesk for small businesses",
        """
The AfCFTA Secretariat has launched a pilot helpdesk for small and medium-sized enterprises in six countries, including Côte d'Ivoire and Senegal. Entrepreneurs can submit questions by web form, email or messaging app on tariffs, rules of origin, certificates and market access.

Questions are answered within five working days by Secretariat staff or by national AfCFTA committees. Frequent questions and answers will be published in English, French, Arabic and Portuguese.

The Secretariat said that awareness of the agreement among small firms remains low, and that many still believe it is not yet in force. The pilot will be assessed after six months.
"""), lang="en", slug="sme-helpdesk"),
    S("zlecaf", "2026-11-17T10:00:00+00:00", ["intra-African trade", "statistics", "report"], T(
        "Intra-African trade grew 8% in 2025, report finds",
        """
Trade between African countries grew by 8% in 2025 to about $220 billion, according to an annual report on African trade published this week. Intra-African trade accounts for roughly 15% of the continent's total trade, a share that has changed little over the past decade.

The report notes strong growth in trade in processed foods, pharmaceuticals and building materials, and identifies the implementation of AfCFTA tariff schedules as a factor in several regional corridors. It also points to persistent obstacles: high transport costs, non-tariff barriers and limited trade finance.

Regional economic communities in West and East Africa recorded the highest internal trade shares. The report recommends prioritising cross-border infrastructure and the digitisation of trade procedures.
"""), lang="en", slug="intra-african-trade-2025"),
    S("zlecaf", "2026-02-26T10:00:00+00:00", ["ZLECAf", "stratégie nationale", "Côte d'Ivoire"], T(
        "ZLECAf : la Côte d’Ivoire adopte sa stratégie nationale de mise en œuvre",
        """
Le gouvernement ivoirien a adopté sa stratégie nationale de mise en œuvre de la ZLECAf, qui identifie huit chaînes de valeur prioritaires : cacao transformé, anacarde, coton-textile, caoutchouc, produits pharmaceutiques, matériaux de construction, plastiques et services numériques.

La stratégie prévoit des actions de renforcement des capacités des PME exportatrices, la mise à niveau des infrastructures qualité (normalisation, métrologie, accréditation), et un dispositif d’information sur les marchés africains. Un comité national de suivi associant le secteur privé se réunira tous les six mois.

Le ministère du Commerce estime que la ZLECAf pourrait augmenter les exportations ivoiriennes vers le reste de l’Afrique de 20 % d’ici 2030, à condition que les obstacles non tarifaires soient levés.
"""), lang="fr", slug="strategie-ci"),
    S("zlecaf", "2026-03-13T10:00:00+00:00", ["ZLECAf", "concessions tarifaires", "Burkina Faso"], T(
        "ZLECAf : le Burkina Faso fait adopter sa liste de concessions tarifaires",
        """
La liste de concessions tarifaires présentée par le Burkina Faso, dans le cadre de l’offre commune de la CEDEAO, a été validée par le comité des douanes de la ZLECAf. Elle prévoit la libéralisation de 90 % des lignes tarifaires sur dix ans, 7 % sur treize ans, et l’exclusion de 3 % des lignes.

Parmi les produits exclus ou sensibles figurent certaines viandes, le sucre, les tissus imprimés et le ciment. Les matières premières agricoles et les intrants industriels sont en revanche libéralisés dès les premières années.

L’administration des douanes doit maintenant intégrer ces taux dans son système informatique pour que les importateurs puissent en bénéficier. Une campagne d’information des opérateurs économiques est prévue avec la Chambre de commerce.
"""), lang="fr", slug="liste-bf"),
    S("zlecaf", "2026-07-16T10:00:00+00:00", ["ZLECAf", "femmes", "jeunes", "protocole"], T(
        "Protocole sur les femmes et les jeunes dans le commerce : consultations nationales lancées",
        """
Les consultations nationales sur le protocole de la ZLECAf relatif aux femmes et aux jeunes dans le commerce ont débuté dans plusieurs pays d’Afrique de l’Ouest. Elles réunissent des associations de commerçantes, des organisations de jeunes entrepreneurs et des administrations.

Le protocole vise à faciliter l’accès des femmes et des jeunes aux opportunités de l’accord : information sur les règles, accès au financement, simplification des formalités pour les petits envois, lutte contre le harcèlement aux frontières.

Les participantes aux consultations ont souligné l’importance d’un régime commercial simplifié pour les petites transactions transfrontalières, sur le modèle des dispositifs existant dans certaines communautés économiques régionales.
"""), lang="fr", slug="protocole-femmes"),
    S("zlecaf", "2026-08-13T10:00:00+00:00", ["ZLECAf", "certificat d'origine", "guide pratique"], T(
        "Guide pratique : obtenir un certificat d’origine ZLECAf",
        """
Pour bénéficier du tarif préférentiel de la ZLECAf, une marchandise doit être originaire d’un État partie selon les règles d’origine de l’accord, et accompagnée d’un certificat d’origine ou d’une déclaration d’origine de l’exportateur agréé.

La démarche comprend quatre étapes : vérifier le code SH du produit et la règle d’origine applicable dans le [livre tarifaire électronique](https://etariff.afcfta.example/fr/) ; constituer le dossier justificatif (factures des matières premières, description du processus de production) ; déposer la demande auprès de l’autorité compétente, généralement la Chambre de commerce ou l’administration des douanes ; conserver les justificatifs pendant au moins cinq ans en cas de contrôle a posteriori.

Une erreur fréquente consiste à confondre l’origine et la provenance : un produit importé puis réexporté sans transformation suffisante n’est pas originaire.
"""), lang="fr", slug="guide-certificat"),
    S("zlecaf", "2026-10-27T10:00:00+00:00", ["obstacles non tarifaires", "ZLECAf", "signalement"], T(
        "Obstacles non tarifaires : un outil en ligne pour les signaler",
        """
Le mécanisme de signalement des obstacles non tarifaires de la ZLECAf permet à toute entreprise confrontée à une barrière au commerce — exigence documentaire injustifiée, contrôle répété, interdiction arbitraire, retard de dédouanement — de la signaler [en ligne](https://www.tradebarriers.example/), de manière anonyme si elle le souhaite.

Chaque signalement est transmis aux points focaux nationaux des pays concernés, qui disposent de délais fixés pour y répondre et, le cas échéant, lever l’obstacle. Le suivi des cas est public.

Depuis sa mise en service, le mécanisme a reçu plus de 200 signalements, dont près de la moitié ont été résolus. Les transporteurs et les exportateurs de produits agricoles sont les principaux utilisateurs.
"""), lang="fr", slug="otn-mecanisme"),

    # --- Carnets d'export / Export notebook (bilingual blog) ---
    S("blog", "2026-02-17T07:30:00+00:00", ["appels d'offres", "PME", "conseils"], T(
        "Cinq questions à se poser avant de répondre à un appel d’offres",
        """
Chaque semaine, des dirigeants de PME me montrent un avis d’appel d’offres en me demandant s’ils doivent y aller. Ma réponse commence toujours par cinq questions.

Un : ai-je les références exigées ? Les avis précisent des marchés similaires exécutés ; sans eux, l’offre sera écartée, même excellente. Deux : puis-je fournir la garantie de soumission à temps ? Les banques mettent parfois deux semaines à l’émettre. Trois : le délai est-il réaliste ? Un dossier complet demande souvent dix jours de travail. Quatre : puis-je tenir le prix si les coûts bougent, surtout le carburant et le fret ? Cinq : l’acheteur paie-t-il à temps ? Renseignez-vous auprès d’autres fournisseurs.

Si vous répondez non à deux de ces questions, passez votre tour ou cherchez un partenaire. Et mettez en place une veille : mieux vaut voir les avis le jour de leur publication que trois jours avant la date limite.
"""), lang="fr", slug="cinq-questions-ao", author="Aïcha K."),
    S("blog", "2026-04-14T07:30:00+00:00", ["Incoterms", "exports", "advice"], T(
        "Incoterms for first-time exporters: why FCA often beats EXW",
        """
First-time exporters often quote EXW (ex works) because it seems the simplest: the buyer collects the goods at your warehouse and handles everything else. In West Africa, that is rarely a good idea.

Under EXW, the buyer is responsible for export clearance, but in practice customs will ask for the exporter's documents, and the foreign buyer cannot easily clear goods out of Burkina Faso or Senegal. You end up doing the work without having priced it. VAT refunds can also become a problem, because you cannot always prove the goods left the country.

FCA (free carrier) at your premises or at a named depot keeps the arrangement simple but makes you responsible for export clearance, which you can control. For containers going through Abidjan, Dakar or Tema, FCA at the port terminal is usually the cleanest option. Keep CIF and FOB for bulk and conventional vessels.
"""), lang="en", slug="incoterms-fca", author="Aïcha K."),
    S("blog", "2026-06-09T07:30:00+00:00", ["veille", "outils", "PME", "intelligence économique"], T(
        "Ma veille à moins de 50 euros par mois : le dispositif que je recommande aux PME",
        """
On me demande souvent quel outil de veille acheter. Ma réponse : commencez par définir vos axes de veille, pas par choisir un outil. Trois ou quatre questions suffisent : qui sont mes concurrents et que font-ils ? Quels appels d’offres me concernent ? Quelles réglementations vont changer mon métier ? Quels prix dois-je suivre ?

Ensuite, listez les sources : une trentaine de flux RSS bien choisis (agences de presse, institutions, journaux officiels, sites de marchés publics), quelques alertes sur des moteurs de recherche, et surtout vos sources humaines — clients, transitaires, banquiers, collègues rencontrés dans les salons.

Un lecteur de flux gratuit ou peu coûteux fait le reste (j’en parlais déjà dans [ce billet sur les flux RSS](https://carnets-export.example/2025/11/flux-rss-pour-debutants.html)). Le vrai coût, c’est le temps : une demi-heure par jour, et une heure le vendredi pour rédiger une note de deux pages à l’équipe. Capitalisez : classez ce que vous gardez avec des mots-clés, pour le retrouver six mois plus tard.
"""), lang="fr", slug="veille-50-euros", author="Aïcha K."),
    S("blog", "2026-05-26T07:30:00+00:00", ["FILAHA", "Algiers", "trade fair", "agriculture"], T(
        "What I learned at FILAHA 2026 in Algiers",
        """
I spent three days at [FILAHA](https://www.filaha.example/), the international agriculture and agri-food fair in Algiers, with a small delegation of West African processors. It was my first visit, and it changed my view of North Africa as a market for our products.

Algerian importers were interested in dried mango, cashew kernels, shea butter and hibiscus, products they currently source mostly from Asia or through European traders. The main questions were about regularity of supply, packaging in Arabic and French, and halal certification for some processed foods.

Practical lessons: bring samples with full technical sheets, have a price list in euros and in dollars, and be ready to discuss payment by letter of credit. Transport remains the weak point: there is no direct shipping line from Abidjan or Dakar, and overland routes are long. But with AfCFTA preferences coming into force, it is worth a second look.
"""), lang="en", slug="filaha-2026", author="Aïcha K."),
    S("blog", "2026-09-29T07:30:00+00:00", ["fret", "logistique", "prix", "conseils"], T(
        "Prix du fret : pourquoi votre devis a doublé en trois mois",
        """
Un client transformateur de cajou m’a appelé la semaine dernière, furieux : son transitaire lui annonçait un devis presque deux fois plus élevé qu’au printemps pour le même conteneur vers l’Asie. Le fret maritime a pourtant baissé. Alors, que s’est-il passé ?

En décortiquant le devis, on trouve : des surcharges de congestion appliquées par l’armateur, des frais de stationnement parce que le conteneur est resté trop longtemps au terminal, une surcharge carburant du transport routier, et des frais documentaires facturés deux fois.

Conseils : demandez toujours un devis détaillé ligne par ligne, comparez au moins deux transitaires, négociez la franchise de stationnement, et anticipez les documents pour ne pas immobiliser le conteneur. Le fret lui-même n’est souvent qu’une partie de la facture.
"""), lang="fr", slug="prix-fret", author="Aïcha K."),
]
