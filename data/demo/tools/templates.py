# SPDX-License-Identifier: AGPL-3.0-or-later
"""Texts that are templated in real life too: tender notices, weekly price reports, SPS/TBT
notification alerts. The boilerplate is the usual wording of such notices; what varies (buyer,
lots, figures, commentary) is written per notice."""

from corpus_model import T

MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
        "septembre", "octobre", "novembre", "décembre"]


NOMBRES = {2: "deux", 3: "trois", 4: "quatre", 5: "cinq"}


def en_pays(country: str) -> str:
    """'Mali' -> 'au Mali', 'Côte d’Ivoire' -> 'en Côte d’Ivoire'."""
    if country in ("Côte d’Ivoire", "Guinée", "Guinée-Bissau", "Mauritanie"):
        return "en " + country
    return "au " + country


def date_fr(iso: str) -> str:
    """'2026-03-05' -> '5 mars 2026'."""
    y, m, d = (int(x) for x in iso[:10].split("-"))
    return f"{'1er' if d == 1 else d} {MOIS[m - 1]} {y}"


def fcfa(n: int) -> str:
    """French thousands grouping with a narrow no-break space replaced by a plain no-break space."""
    return f"{n:,}".replace(",", "\u00a0") + "\u00a0FCFA"


def tender(kind: str, ref: str, buyer: str, country: str, obj: str, lots: list[str], funding: str,
           deadline: str, hour: str, office: str, price: int, bond: int, quals: str,
           extra: str = "") -> T:
    """Render a notice. kind: 'AAO' (open call for tenders, goods and works), 'AMI' (expression
    of interest, consultants), 'AAON' (national open call, shorter)."""
    if kind == "AMI":
        title = f"Avis à manifestation d’intérêt n° {ref} – {obj}"
        body = f"""
{buyer} dispose de fonds {funding} et envisage d’en utiliser une partie pour financer les services de consultant relatifs à la mission suivante : {obj}.

Les services comprennent notamment : {'; '.join(lots)}.

{buyer} invite les cabinets et bureaux d’études éligibles à manifester leur intérêt à fournir les services décrits ci-dessus. Les candidats intéressés doivent fournir les informations démontrant qu’ils possèdent les qualifications requises et une expérience pertinente : {quals}.

Les consultants seront sélectionnés selon la méthode de sélection fondée sur la qualité et le coût, conformément aux procédures en vigueur. Les candidats peuvent s’associer pour renforcer leurs compétences respectives, en précisant la forme de l’association.

Les manifestations d’intérêt rédigées en français doivent être déposées à l’adresse ci-après : {office}, au plus tard le {date_fr(deadline)} à {hour}, heure locale, avec la mention « Manifestation d’intérêt n° {ref} ». Les termes de référence peuvent être obtenus gratuitement à la même adresse ou par courrier électronique.
{extra}"""
    else:
        lots_txt = " ; ".join(f"lot {i + 1} : {l}" for i, l in enumerate(lots))
        n = len(lots)
        lots_sentence = (f"Le marché est constitué de {NOMBRES.get(n, n)} lots : {lots_txt}. Les candidats peuvent soumissionner pour un ou plusieurs lots."
                         if n > 1 else f"Le marché est constitué d’un lot unique : {lots[0]}.")
        scope = "national" if kind == "AAON" else "international"
        title = f"Avis d’appel d’offres {'national' if kind == 'AAON' else 'ouvert'} n° {ref} – {obj}"
        body = f"""
{buyer} dispose de fonds {funding} et a l’intention d’utiliser une partie de ces fonds pour effectuer des paiements au titre du marché de {obj[0].lower() + obj[1:]}.

{buyer} sollicite des offres sous pli fermé de la part de candidats éligibles et répondant aux qualifications requises. {lots_sentence}

La passation du marché sera conduite par appel d’offres ouvert {scope} tel que défini par la réglementation des marchés publics en vigueur {en_pays(country)}, et ouvert à tous les candidats éligibles. Les exigences en matière de qualification sont : {quals}.

Les candidats intéressés peuvent obtenir des informations et consulter gratuitement le dossier d’appel d’offres auprès de : {office}, du lundi au vendredi de 8 h à 15 h. Le dossier complet peut être acheté contre paiement non remboursable de {fcfa(price)}.

Les offres devront être déposées à la même adresse au plus tard le {date_fr(deadline)} à {hour}. Les offres remises en retard ne seront pas acceptées. Elles seront ouvertes le même jour en présence des représentants des candidats qui souhaitent y assister. Chaque offre doit être accompagnée d’une garantie de soumission de {fcfa(bond)}{' par lot' if n > 1 else ''} et demeurer valable pendant 90 jours.
{extra}"""
    return T(title, body)


def corrigendum(ref: str, buyer: str, obj: str, old: str, new: str, reason: str) -> T:
    title = f"Additif n° 1 à l’avis d’appel d’offres n° {ref} – report de la date limite"
    body = f"""
{buyer} porte à la connaissance des candidats intéressés par l’avis d’appel d’offres n° {ref} relatif au marché de {obj[0].lower() + obj[1:]} que la date limite de dépôt des offres, initialement fixée au {date_fr(old)}, est reportée au {date_fr(new)} à 10 h 00.

Ce report est motivé par {reason}. Les autres dispositions du dossier d’appel d’offres demeurent inchangées. Les candidats ayant déjà déposé leur offre peuvent la retirer et la modifier jusqu’à la nouvelle date limite.

L’ouverture des plis aura lieu le même jour à 10 h 30 dans la salle de réunion de l’autorité contractante, en présence des soumissionnaires qui le souhaitent. Le présent additif fait partie intégrante du dossier d’appel d’offres.
"""
    return T(title, body)


def award(ref: str, buyer: str, obj: str, winners: list[tuple[str, str, int]], n_bids: int) -> T:
    title = f"Avis d’attribution provisoire – marché n° {ref}"
    lines = " ; ".join(f"{lot} : {who}, pour un montant de {fcfa(amount)} TTC" for lot, who, amount in winners)
    body = f"""
En application de la réglementation des marchés publics, {buyer} informe les candidats ayant participé à l’appel d’offres n° {ref} relatif au marché de {obj[0].lower() + obj[1:]} des résultats de l’évaluation des offres.

{n_bids} offres ont été reçues et ouvertes en séance publique. Après évaluation et vérification des qualifications, la commission d’attribution propose l’attribution provisoire suivante : {lines}.

Les soumissionnaires non retenus peuvent obtenir, sur demande écrite, les motifs du rejet de leur offre. Tout candidat qui s’estime lésé dispose d’un délai de cinq jours ouvrables à compter de la publication du présent avis pour introduire un recours gracieux auprès de l’autorité contractante, ou saisir l’organe de régulation des marchés publics.
"""
    return T(title, body)
