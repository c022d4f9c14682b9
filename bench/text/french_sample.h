// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// A realistic news item for the text benchmarks: French economic news, about 3 KB, with the
// accents, elisions, typographic apostrophes, non-breaking spaces and numbers of real feeds.

#include <string_view>

namespace vigie::bench {

inline constexpr std::string_view kFrenchItem =
    "Abidjan, 12 mars – Le Conseil du café-cacao a relevé mardi le prix garanti aux producteurs "
    "à 1\u00a0800\u00a0francs CFA le kilogramme pour la campagne intermédiaire, une hausse "
    "inédite destinée à freiner la contrebande vers les pays voisins. Les planteurs "
    "réclamaient depuis plusieurs semaines une revalorisation, alors que les cours mondiaux du "
    "cacao ont atteint des sommets historiques à Londres et à New York. «\u00a0C’est une "
    "décision attendue, mais elle ne compensera pas la baisse des volumes\u00a0», estime un "
    "responsable d’une coopérative de la région de Soubré, qui rappelle que la récolte "
    "intermédiaire devrait reculer de près de 30\u00a0% par rapport à l’an dernier en raison "
    "de la sécheresse et de la maladie du swollen shoot.\n\n"
    "Selon les exportateurs, les arrivées de fèves dans les ports d’Abidjan et de San Pedro "
    "s’élevaient à 1,2 million de tonnes au 10 mars, contre 1,5 million à la même date de la "
    "saison précédente. Les broyeurs, qui transforment localement près de la moitié de la "
    "production, s’inquiètent d’un approvisionnement insuffisant pour faire tourner leurs "
    "usines à pleine capacité. L’Association des exportateurs demande à l’État de revoir le "
    "calendrier des ventes anticipées, afin d’éviter des défauts de livraison qui "
    "pénaliseraient la réputation de l’origine ivoirienne sur le marché international.\n\n"
    "Au Ghana voisin, le Cocobod a lui aussi annoncé une augmentation du prix au producteur, "
    "tandis que le gouvernement négocie un nouveau prêt syndiqué pour financer l’achat de la "
    "récolte. Les analystes jugent que l’écart de prix entre les deux pays, longtemps à "
    "l’origine de flux transfrontaliers importants, devrait se réduire. Ils soulignent "
    "toutefois que la volatilité des cours, amplifiée par les fonds spéculatifs, rend "
    "difficile toute prévision au-delà de quelques mois.\n\n"
    "Pour les petites et moyennes entreprises de la filière – transporteurs, fournisseurs "
    "d’intrants, coopératives –, la situation reste tendue. Beaucoup ont dû renégocier leurs "
    "crédits de campagne avec les banques, qui exigent désormais des garanties plus élevées. "
    "La Chambre de commerce et d’industrie rappelle que des dispositifs d’accompagnement "
    "existent, notamment le fonds de garantie mis en place avec l’appui de la Banque "
    "africaine de développement, et invite les entreprises à se rapprocher de ses conseillers. "
    "Elle organisera le 28 mars à Abidjan une journée d’information sur les nouvelles règles "
    "européennes relatives à la déforestation importée, qui s’appliqueront aux exportations "
    "de cacao, de café et d’hévéa à partir de la fin de l’année.\n\n"
    "Le règlement impose aux importateurs de prouver que les produits ne proviennent pas de "
    "terres déboisées après décembre 2020, grâce à la géolocalisation des parcelles. Les "
    "autorités ivoiriennes affirment avoir recensé plus d’un million de producteurs et "
    "délivré des cartes à la majorité d’entre eux, mais les professionnels craignent que les "
    "coûts de mise en conformité ne retombent sur les plus petits exploitants.";

}  // namespace vigie::bench
