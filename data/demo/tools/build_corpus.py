#!/usr/bin/env python3
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Build Vigie's offline demo corpus: data/demo/feeds/*, stories.tsv, sources.opml, README.md.

Every text is hand-written in the modules beside this script (fictional but plausible). This
script only renders them into the feed formats Vigie reads, republishes multi-source stories
systematically (exact copies, light edits, translations) and writes the ground truth of which
items belong to the same story. Output is deterministic: run it again and nothing changes.

    python3 data/demo/tools/build_corpus.py          # writes the files under data/demo/
"""

import email.utils
import html
import json
import re
import sys
import unicodedata
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_model import Single, Story, T  # noqa: E402
from generated import generated_items  # noqa: E402
from singles_en import SINGLES_EN  # noqa: E402
from singles_fr1 import SINGLES_FR1  # noqa: E402
from singles_fr2 import SINGLES_FR2  # noqa: E402
from singles_other import SINGLES_OTHER  # noqa: E402
from singles_cajou import SINGLES_CAJOU  # noqa: E402
from stories_a import STORIES_A  # noqa: E402
from stories_b import STORIES_B  # noqa: E402
from stories_c import STORIES_C  # noqa: E402

DEMO = Path(__file__).resolve().parent.parent
FEEDS_DIR = DEMO / "feeds"

UTC = timezone.utc
MAURITIUS = timezone(timedelta(hours=4))
CHICAGO = ZoneInfo("America/Chicago")

# ---------------------------------------------------------------------------------------------
# Sources. folder = OPML category; tz = the zone the publisher's CMS writes dates in.
FEEDS = {
    "aoape": dict(file="aoape.xml", fmt="rss20", lang="fr", folder="Presse et agences",
                  title="Agence Ouest-Africaine de Presse économique (AOAPE)",
                  desc="Dépêches économiques de l’Afrique de l’Ouest : filières, commerce, finances, entreprises.",
                  site="https://www.aoape.example/", feed="https://www.aoape.example/rss/economie.xml",
                  author=("Rédaction AOAPE", "redaction@aoape.example"), tz=UTC),
    "sahel": dict(file="sahel-agri-info.atom", fmt="atom10", lang="fr", folder="Filières agricoles",
                  title="Sahel Agri Info", desc="L’information agricole et agro-industrielle du Sahel.",
                  site="https://www.sahelagri.example/", feed="https://www.sahelagri.example/feed/atom",
                  author=("Sahel Agri Info", "contact@sahelagri.example"), tz=UTC),
    "cmw": dict(file="cotton-market-weekly.xml", fmt="rss20", lang="en-us", folder="Filières agricoles",
                title="Cotton Market Weekly", desc="Prices, crops and trade news for the cotton industry.",
                site="https://www.cottonmarketweekly.example/", feed="https://www.cottonmarketweekly.example/feed/",
                author=("Cotton Market Weekly staff", "editor@cottonmarketweekly.example"), tz=CHICAGO),
    "cajou": dict(file="observatoire-cajou.rdf", fmt="rss10", lang="fr", folder="Filières agricoles",
                  title="Observatoire du Cajou", desc="Prix, campagnes et transformation de la noix de cajou en Afrique de l’Ouest.",
                  site="https://www.observatoire-cajou.example/", feed="https://www.observatoire-cajou.example/index.rdf",
                  author=("Observatoire du Cajou", "veille@observatoire-cajou.example"), tz=UTC),
    "uemoa": dict(file="uemoa-communiques.atom", fmt="atom10", lang="fr", folder="Institutions",
                  title="Commission de l’UEMOA – Communiqués", desc="Communiqués de presse de la Commission de l’Union économique et monétaire ouest-africaine.",
                  site="https://www.uemoa.example/fr/communiques", feed="https://www.uemoa.example/fr/communiques/atom.xml",
                  author=("Commission de l’UEMOA – Communication", "communication@uemoa.example"), tz=UTC),
    "ao": dict(file="appels-offres-ao.xml", fmt="rss20", lang="fr", folder="Marchés publics",
               title="Appels d’offres Afrique de l’Ouest", desc="Avis d’appels d’offres, manifestations d’intérêt, additifs et attributions publiés dans la région.",
               site="https://www.appels-offres-ao.example/", feed="https://www.appels-offres-ao.example/rss/tous.xml",
               author=("Appels d’offres AO", "avis@appels-offres-ao.example"), tz=UTC),
    "jo": dict(file="journal-officiel.xml", fmt="rss20", lang="fr", folder="Réglementation",
               title="Veille JO – textes réglementaires (Afrique de l’Ouest)", desc="Sélection de textes publiés aux journaux officiels : douanes, fiscalité, normes, phytosanitaire, OHADA.",
               site="https://www.jo-textes.example/", feed="https://www.jo-textes.example/rss.xml",
               author=("Veille JO", "veille@jo-textes.example"), tz=UTC),
    "wath": dict(file="west-africa-trade-hub.xml", fmt="rss20", lang="en", folder="Commerce et douanes",
                 title="West Africa Trade Hub – News", desc="News and insights on trade and investment in West Africa.",
                 site="https://www.watradehub.example/", feed="https://www.watradehub.example/news/feed",
                 author=("Trade Hub Communications", "news@watradehub.example"), tz=UTC),
    "mte": dict(file="mauritius-trade-easy.atom", fmt="atom10", lang="en", folder="Commerce et douanes",
                title="Mauritius Trade Easy – Alerts", desc="Trade information alerts: regulations, notifications, market access.",
                site="https://www.tradeeasy.example/", feed="https://www.tradeeasy.example/alerts/atom",
                author=("Trade Easy", "info@tradeeasy.example"), tz=MAURITIUS),
    "ccibf": dict(file="cci-burkina.xml", fmt="rss20", lang="fr", folder="Institutions",
                  title="CCI Burkina Faso – Actualités", desc="Actualités de la Chambre de commerce et d’industrie du Burkina Faso.",
                  site="https://www.cci-burkina.example/", feed="https://www.cci-burkina.example/actualites/rss",
                  author=("Service communication CCI-BF", "communication@cci-burkina.example"), tz=UTC),
    "apix": dict(file="apix-senegal.atom03.xml", fmt="atom03", lang="fr", folder="Institutions",
                 title="APIX Sénégal – Actualités", desc="Investissements, grands travaux et climat des affaires au Sénégal.",
                 site="https://www.apix.example/", feed="https://www.apix.example/atom.xml",
                 author=("APIX SA", "info@apix.example"), tz=UTC),
    "paa": dict(file="port-abidjan-avis.xml", fmt="rss091", lang="fr", folder="Logistique et ports",
                title="Port autonome d’Abidjan – Avis aux usagers", desc="Avis et communiqués du Port autonome d’Abidjan.",
                site="https://www.portabidjan.example/", feed="https://www.portabidjan.example/avis.rss",
                author=("Port autonome d’Abidjan", "usagers@portabidjan.example"), tz=UTC),
    "zlecaf": dict(file="zlecaf-afcfta-news.xml", fmt="rss20", lang="en", folder="Commerce et douanes",
                   title="AfCFTA / ZLECAf News", desc="News on the African Continental Free Trade Area – Actualités de la ZLECAf.",
                   site="https://www.afcfta-news.example/", feed="https://www.afcfta-news.example/feed.xml",
                   author=("AfCFTA News desk", "desk@afcfta-news.example"), tz=UTC),
    "textile": dict(file="veille-textile.json", fmt="json", lang="fr", folder="Filières agricoles",
                    title="Veille Textile-Habillement", desc="Veille sur la filière coton-textile-habillement en Afrique de l’Ouest et du Centre.",
                    site="https://www.veille-textile.example/", feed="https://www.veille-textile.example/feed.json",
                    author=("Cellule de veille textile", "veille@veille-textile.example"), tz=UTC),
    "caju": dict(file="caju-guine-bissau.xml", fmt="rss20", lang="pt-PT", folder="Filières agricoles",
                 title="Caju da Guiné-Bissau", desc="Notícias da fileira do caju na Guiné-Bissau.",
                 site="https://www.caju-gb.example/", feed="https://www.caju-gb.example/feed/",
                 author=("Redação Caju GB", "redacao@caju-gb.example"), tz=UTC),
    "blog": dict(file="carnets-export.atom", fmt="atom10", lang="fr", folder="Blogs et international",
                 title="Carnets d’export / Export notebook", desc="Notes d’une consultante en commerce international, Abidjan. Posts in French and English.",
                 site="https://carnets-export.example/", feed="https://carnets-export.example/atom.xml",
                 author=("Aïcha K.", "aicha@carnets-export.example"), tz=UTC),
    "es": dict(file="oficina-comercial-es.xml", fmt="rss20", lang="es-ES", folder="Blogs et international",
               title="Oportunidades de negocio – África Occidental", desc="Notas de mercado y oportunidades para empresas españolas en África Occidental.",
               site="https://www.oficina-comercial-ao.example/", feed="https://www.oficina-comercial-ao.example/rss",
               author=("Oficina Comercial", "abidjan@oficina-comercial-ao.example"), tz=UTC),
    "cacao": dict(file="cacao-cafe-hebdo.xml", fmt="rss20", lang="fr", folder="Filières agricoles",
                  title="Cacao & Café Hebdo", desc="L’actualité hebdomadaire des filières cacao et café.",
                  site="https://www.cacao-hebdo.example/", feed="https://www.cacao-hebdo.example/feed",
                  author=("Rédaction Cacao & Café Hebdo", "redaction@cacao-hebdo.example"), tz=UTC),
    "broken": dict(file="broken_unclosed_tags.xml", fmt="broken", lang="fr", folder="Filières agricoles",
                   title="Info-Marchés Sahel", desc="Prix et marchés agricoles au Sahel (flux mal formé, pour la démonstration de la récupération).",
                   site="https://www.infomarches-sahel.example/", feed="https://www.infomarches-sahel.example/rss",
                   author=("Info-Marchés Sahel", "sim@infomarches-sahel.example"), tz=UTC),
}

# Near-misses: different stories that a naive clusterer could merge. ("single", feed, slug) or
# ("story", key, feed).
TRAPS = [
    ("trap-prix-coton-semaine-12-13", [("single", "sahel", "prix-coton-s12"), ("single", "sahel", "prix-coton-s13")]),
    ("trap-cotlook-week-12-13", [("single", "cmw", "week-12"), ("single", "cmw", "week-13")]),
    ("trap-cajou-ci-semaine-14-15", [("single", "cajou", "prix-ci-s14"), ("single", "cajou", "prix-ci-s15")]),
    ("trap-cajou-semaine-14-ci-benin", [("single", "cajou", "prix-ci-s14"), ("single", "cajou", "prix-bj-s14")]),
    ("trap-ao-emballages-sofitex-cmdt", [("story", "ao-sofitex-emballages", "ao"), ("single", "ao", "cmdt-emballages")]),
    ("trap-cacao-prix-intermediaire-principale", [("single", "cacao", "prix-intermediaire"), ("story", "cacao-prix-principale-2026", "cacao")]),
    ("trap-carburant-burkina-janvier-juillet", [("single", "ccibf", "carburant-janvier"), ("story", "carburant-burkina-juillet", "ccibf")]),
    ("trap-paa-quai-12-14", [("single", "paa", "quai-12"), ("single", "paa", "quai-14")]),
    ("trap-uemoa-bulletin-coton-t1-t2", [("story", "uemoa-bulletin-coton", "uemoa"), ("single", "uemoa", "bulletin-t2")]),
    ("trap-prix-coton-graine-mali-burkina", [("story", "cmdt-campagne-2026", "aoape"), ("story", "sofitex-prix-2026", "aoape")]),
]

# Dates written without a timezone (a real-world quirk), by (feed, slug or story key).
NO_TZ = {("apix", "creations-2025"), ("textile", "faso-dan-fani"), ("blog", "veille-50-euros")}


@dataclass
class Item:
    feed: str
    title: str
    paras: list[str]
    when: datetime
    lang: str
    tags: list[str]
    author: tuple[str, str]
    image: tuple[str, str] | None = None
    key: str = ""               # slug (single) or story key
    story: str | None = None
    relation: str | None = None  # exact / edited / translated (relative to the story's reference)
    extra: dict = field(default_factory=dict)
    # filled in by assign_ids
    num: int = 0
    link: str = ""
    guid: str = ""


# ---------------------------------------------------------------------------------------------
# Building items.

def parse_when(s: str) -> datetime:
    dt = datetime.fromisoformat(s)
    assert dt.tzinfo is not None, s
    return dt


def apply_edits(text: T, opts: dict) -> tuple[str, list[str]]:
    paras = text.paragraphs()
    drop = set(opts.get("drop", []))
    paras = [p for i, p in enumerate(paras) if i not in drop]
    if "lead" in opts:
        paras[0] = opts["lead"] + paras[0]
    if "add" in opts:
        paras.append(opts["add"])
    return opts.get("title", text.title), paras


def story_items(story: Story) -> list[Item]:
    out = []
    ref_when = parse_when(story.when)
    for i, (feed, kind, opts) in enumerate(story.apps):
        lang = opts.get("lang", story.ref_lang)
        text = story.texts[lang]
        if kind in ("ref", "exact"):
            assert not (set(opts) - {"hours", "author"}), (story.key, feed, opts)
            title, paras = text.title, text.paragraphs()
        else:
            title, paras = apply_edits(text, opts)
        hours = opts.get("hours", 0 if i == 0 else 2 * i)
        assert (i == 0) == (kind == "ref"), (story.key, feed)
        out.append(Item(feed=feed, title=title, paras=paras, when=ref_when + timedelta(hours=hours),
                        lang=lang, tags=list(story.tags), author=FEEDS[feed]["author"],
                        image=story.image if kind != "translated" or feed not in ("cmw",) else None,
                        key=story.key, story=story.key,
                        relation="exact" if kind == "ref" else kind, extra=story.extra.get(feed, {})))
    return out


def single_item(s: Single) -> Item:
    author = FEEDS[s.feed]["author"]
    if s.author:
        author = (s.author, author[1])
    assert s.slug, s.text.title
    return Item(feed=s.feed, title=s.text.title, paras=s.text.paragraphs(), when=parse_when(s.when),
                lang=s.lang, tags=list(s.tags), author=author, image=s.image, key=s.slug, extra=s.extra)


def slugify(s: str, limit: int = 70) -> str:
    s = unicodedata.normalize("NFKD", s.replace("’", "-").replace("'", "-"))
    s = s.encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s[:limit].rstrip("-")


def assign_ids(items: list[Item]) -> None:
    """Number items per feed in date order and give each its link and GUID, in the style of the
    publisher's CMS."""
    by_feed: dict[str, list[Item]] = {}
    for it in items:
        by_feed.setdefault(it.feed, []).append(it)
    for feed, lst in by_feed.items():
        lst.sort(key=lambda x: (x.when, x.title))
        site = FEEDS[feed]["site"].rstrip("/")
        for i, it in enumerate(lst):
            n = 1001 + i if feed != "ao" else 101 + i
            it.num = n
            slug = slugify(it.title)
            d = it.when.astimezone(UTC)
            if feed == "aoape":
                it.link = f"{site}/{d:%Y/%m/%d}/{slug}"
                it.guid = it.link
            elif feed == "sahel":
                it.link = f"{site}/articles/{n}-{slug}"
                it.guid = f"tag:sahelagri.example,2026:articles/{n}"
            elif feed == "cmw":
                it.link = f"{site}/news/{d:%Y/%m}/{slug}/"
                it.guid = f"cmw-{d:%Y}-{n:05d}"
            elif feed == "cajou":
                it.link = f"{site}/notes/{d:%Y}/{slug}"
                it.guid = it.link
            elif feed == "uemoa":
                it.link = f"https://www.uemoa.example/fr/communiques/{slug}"
                it.guid = "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, it.link))
            elif feed == "ao":
                it.link = f"{site}/avis/{n}"
                it.guid = f"AOAO-2026-{n:05d}"
            elif feed == "jo":
                it.link = f"{site}/textes/{d:%Y-%m-%d}/{slug}"
                it.guid = it.link
            elif feed == "wath":
                it.link = f"{site}/news/{slug}/"
                it.guid = f"{site}/?p={n * 7}"
            elif feed == "mte":
                it.link = f"{site}/alerts/{n}"
                it.guid = f"tag:tradeeasy.example,2026:alert-{n}"
            elif feed == "ccibf":
                it.link = f"{site}/actualites/{slug}.html"
                it.guid = it.link
            elif feed == "apix":
                it.link = f"{site}/actualites/{d:%Y/%m}/{slug}"
                it.guid = f"tag:apix.example,{d:%Y-%m-%d}:{n}"
            elif feed == "paa":
                it.link = f"{site}/usagers/avis.php?id={n}"
                it.guid = it.link  # RSS 0.91 has no guid: the link identifies the item
            elif feed == "zlecaf":
                it.link = f"{site}/{it.lang}/{d:%Y/%m}/{slug}"
                it.guid = f"afcfta-news-{n}"
            elif feed == "textile":
                it.link = f"{site}/{d:%Y/%m}/{slug}/"
                it.guid = f"{site}?p={n}"
            elif feed == "caju":
                it.link = f"{site}/{d:%Y/%m/%d}/{slug}/"
                it.guid = f"{site}?p={n * 3}"
            elif feed == "blog":
                it.link = f"{site}{d:%Y/%m}/{slug}.html"
                it.guid = f"tag:carnets-export.example,{d:%Y}:post-{n}"
            elif feed == "es":
                it.link = f"{site}/notas/{n}-{slug}"
                it.guid = it.link
            elif feed == "cacao":
                it.link = f"{site}/{d:%Y/%m}/{slug}"
                it.guid = f"{site}/?p={n}"
            elif feed == "broken":
                it.link = f"{site}/bulletin/{n}"
                it.guid = it.link
            else:
                raise KeyError(feed)


# ---------------------------------------------------------------------------------------------
# Text helpers.

LINK_RE = re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\)")

ENTITY_MAP = {
    "é": "&eacute;", "è": "&egrave;", "ê": "&ecirc;", "à": "&agrave;", "â": "&acirc;", "ç": "&ccedil;",
    "ô": "&ocirc;", "î": "&icirc;", "ï": "&iuml;", "ù": "&ugrave;", "û": "&ucirc;", "É": "&Eacute;",
    "’": "&rsquo;", "«": "&laquo;", "»": "&raquo;", "–": "&ndash;", "\u00a0": "&nbsp;", "œ": "&oelig;",
}


def plain(p: str) -> str:
    return LINK_RE.sub(lambda m: m.group(1), p)


def words(item: Item) -> int:
    return sum(len(re.findall(r"\w+(?:[’'-]\w+)*", plain(p))) for p in item.paras)


def summary(item: Item, limit: int = 40) -> str:
    first = plain(item.paras[0])
    w = first.split()
    if len(w) <= limit + 5:
        return first
    return " ".join(w[:limit]) + (" […]" if item.lang.startswith("fr") else "…")


def para_html(p: str, xhtml: bool = False) -> str:
    out, pos = [], 0
    for m in LINK_RE.finditer(p):
        out.append(escape(p[pos:m.start()]))
        out.append(f'<a href={quoteattr(m.group(2))}>{escape(m.group(1))}</a>')
        pos = m.end()
    out.append(escape(p[pos:]))
    return "<p>" + "".join(out) + "</p>"


def body_html(item: Item, entities: bool = False, xhtml: bool = False) -> str:
    parts = []
    if item.image:
        src, alt = item.image
        end = " />" if xhtml else ">"
        parts.append(f'<p><img src={quoteattr(src)} alt={quoteattr(alt)} width="640" height="427"{end}</p>')
    parts += [para_html(p, xhtml) for p in item.paras]
    h = "\n".join(parts)
    if entities:
        h = h.replace(" :", "\u00a0:").replace(" ;", "\u00a0;")
        h = "".join(ENTITY_MAP.get(c, c) for c in h)
    return h


def cdata(s: str) -> str:
    assert "]]>" not in s
    return f"<![CDATA[{s}]]>"


# ---------------------------------------------------------------------------------------------
# Date formats.

def local(item: Item) -> datetime:
    return item.when.astimezone(FEEDS[item.feed]["tz"])


def rfc822(dt: datetime, style: str = "offset") -> str:
    if style == "gmt":
        return email.utils.format_datetime(dt.astimezone(UTC), usegmt=True)
    if style == "2digit":
        d = dt.astimezone(UTC)
        return d.strftime("%a, %d %b %y %H:%M:%S GMT")
    return email.utils.format_datetime(dt)


def rfc3339(item: Item, z: bool = False) -> str:
    dt = local(item)
    if (item.feed, item.key) in NO_TZ:
        return dt.replace(tzinfo=None).isoformat()
    s = dt.isoformat()
    return s.replace("+00:00", "Z") if z else s


# ---------------------------------------------------------------------------------------------
# Renderers.

def x(s: str) -> str:
    return escape(s)


def channel_date(items: list[Item], style: str = "offset") -> str:
    return rfc822(max(i.when for i in items).astimezone(UTC), style)


def render_rss20(key: str, items: list[Item]) -> str:
    f = FEEDS[key]
    date_style = {"ccibf": "gmt", "ao": "gmt"}.get(key, "offset")
    ns = ['xmlns:dc="http://purl.org/dc/elements/1.1/"', 'xmlns:atom="http://www.w3.org/2005/Atom"']
    if key == "aoape":
        ns.append('xmlns:content="http://purl.org/rss/1.0/modules/content/"')
    if key == "ao":
        ns.append('xmlns:ao="https://www.appels-offres-ao.example/ns/avis/1.0"')
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<rss version="2.0" {" ".join(ns)}>', "<channel>",
           f"  <title>{x(f['title'])}</title>",
           f"  <link>{x(f['site'])}</link>",
           f"  <description>{x(f['desc'])}</description>",
           f"  <language>{f['lang']}</language>",
           f'  <atom:link href={quoteattr(f["feed"])} rel="self" type="application/rss+xml" />',
           f"  <lastBuildDate>{channel_date(items, date_style)}</lastBuildDate>",
           "  <generator>Demo CMS 4.2</generator>",
           "  <ttl>60</ttl>"]
    if key == "aoape":
        out += ["  <image>", "    <url>https://www.aoape.example/img/logo-aoape.png</url>",
                f"    <title>{x(f['title'])}</title>", f"    <link>{x(f['site'])}</link>", "  </image>"]
    for it in sorted(items, key=lambda i: i.when, reverse=True):
        out.append("  <item>")
        out.append(f"    <title>{x(it.title)}</title>")
        out.append(f"    <link>{x(it.link)}</link>")
        perma = "true" if it.guid == it.link else "false"
        out.append(f'    <guid isPermaLink="{perma}">{x(it.guid)}</guid>')
        out.append(f"    <pubDate>{rfc822(local(it), date_style)}</pubDate>")
        if key in ("cmw", "wath", "ccibf"):
            out.append(f"    <author>{x(it.author[1])} ({x(it.author[0])})</author>")
        else:
            out.append(f"    <dc:creator>{x(it.author[0])}</dc:creator>")
        if key == "zlecaf":
            out.append(f"    <dc:language>{it.lang}</dc:language>")
        for t in it.tags:
            dom = ' domain="https://www.appels-offres-ao.example/secteurs"' if key == "ao" else ""
            out.append(f"    <category{dom}>{x(t)}</category>")
        if key == "aoape":
            out.append(f"    <description>{x(summary(it))}</description>")
            out.append(f"    <content:encoded>{cdata(body_html(it, entities=True))}</content:encoded>")
            if it.image:
                out.append(f'    <enclosure url={quoteattr(it.image[0])} length="{90000 + it.num * 37}" type="image/jpeg" />')
        elif key in ("wath", "caju", "es"):
            # HTML escaped as text rather than wrapped in CDATA.
            out.append(f"    <description>{x(body_html(it))}</description>")
        else:
            out.append(f"    <description>{cdata(body_html(it, entities=(key == 'ccibf')))}</description>")
        if key == "ao" and it.extra:
            e = it.extra
            out.append(f"    <ao:reference>{x(e['reference'])}</ao:reference>")
            out.append(f"    <ao:type>{x(e['kind'])}</ao:type>")
            out.append(f"    <ao:buyer>{x(e['buyer'])}</ao:buyer>")
            if "country" in e:
                out.append(f"    <ao:country>{x(e['country'])}</ao:country>")
            if "deadline" in e:
                out.append(f"    <ao:deadline>{e['deadline']}T10:00:00Z</ao:deadline>")
            if "lots" in e:
                out.append(f"    <ao:lots>{e['lots']}</ao:lots>")
        out.append("  </item>")
    out += ["</channel>", "</rss>", ""]
    return "\n".join(out)


def render_atom10(key: str, items: list[Item]) -> str:
    f = FEEDS[key]
    z = key == "sahel"
    updated = max(items, key=lambda i: i.when)
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{f["lang"]}">',
           f"  <title>{x(f['title'])}</title>",
           f"  <subtitle>{x(f['desc'])}</subtitle>",
           f'  <link rel="alternate" type="text/html" href={quoteattr(f["site"])} />',
           f'  <link rel="self" type="application/atom+xml" href={quoteattr(f["feed"])} />',
           f"  <id>{x(f['feed'])}</id>",
           f"  <updated>{rfc3339(updated, z)}</updated>",
           f"  <author><name>{x(f['author'][0])}</name><email>{x(f['author'][1])}</email></author>",
           '  <generator uri="https://cms.example/" version="2.1">Demo CMS</generator>']
    if key == "mte":
        out.append("  <rights>© Ministry of Foreign Affairs, Regional Integration and International Trade (demo)</rights>")
    for it in sorted(items, key=lambda i: i.when, reverse=True):
        lang_attr = f' xml:lang="{it.lang}"' if key == "blog" else ""
        out.append(f"  <entry{lang_attr}>")
        out.append(f"    <title>{x(it.title)}</title>")
        out.append(f'    <link rel="alternate" type="text/html" href={quoteattr(it.link)} />')
        out.append(f"    <id>{x(it.guid)}</id>")
        out.append(f"    <published>{rfc3339(it, z)}</published>")
        upd = Item(**{**it.__dict__, "when": it.when + timedelta(minutes=(it.num % 5) * 17)})
        out.append(f"    <updated>{rfc3339(upd, z)}</updated>")
        if it.author != f["author"]:
            out.append(f"    <author><name>{x(it.author[0])}</name></author>")
        for t in it.tags:
            out.append(f'    <category term={quoteattr(slugify(t))} label={quoteattr(t)} />')
        out.append(f'    <summary type="text">{x(summary(it))}</summary>')
        if key == "uemoa":
            out.append('    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">')
            out.append(body_html(it, xhtml=True))
            out.append("    </div></content>")
        else:
            out.append(f'    <content type="html">{x(body_html(it))}</content>')
        out.append("  </entry>")
    out += ["</feed>", ""]
    return "\n".join(out)


def render_atom03(key: str, items: list[Item]) -> str:
    f = FEEDS[key]
    updated = max(items, key=lambda i: i.when)
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           f'<feed version="0.3" xmlns="http://purl.org/atom/ns#" xml:lang="{f["lang"]}">',
           f"  <title mode=\"escaped\" type=\"text/html\">{x(f['title'])}</title>",
           f"  <tagline>{x(f['desc'])}</tagline>",
           f'  <link rel="alternate" type="text/html" href={quoteattr(f["site"])} />',
           f"  <id>tag:apix.example,2005:actualites</id>",
           f"  <modified>{rfc3339(updated, True)}</modified>",
           f"  <author><name>{x(f['author'][0])}</name><email>{x(f['author'][1])}</email></author>",
           "  <generator>Blog engine 0.9</generator>"]
    for it in sorted(items, key=lambda i: i.when, reverse=True):
        out.append("  <entry>")
        out.append(f"    <title>{x(it.title)}</title>")
        out.append(f'    <link rel="alternate" type="text/html" href={quoteattr(it.link)} />')
        out.append(f"    <id>{x(it.guid)}</id>")
        out.append(f"    <issued>{rfc3339(it, True)}</issued>")
        out.append(f"    <modified>{rfc3339(it, True)}</modified>")
        out.append(f"    <summary>{x(summary(it))}</summary>")
        out.append(f'    <content type="text/html" mode="escaped">{x(body_html(it))}</content>')
        out.append("  </entry>")
    out += ["</feed>", ""]
    return "\n".join(out)


def render_rss10(key: str, items: list[Item]) -> str:
    f = FEEDS[key]
    items = sorted(items, key=lambda i: i.when, reverse=True)
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"',
           '         xmlns="http://purl.org/rss/1.0/"',
           '         xmlns:dc="http://purl.org/dc/elements/1.1/"',
           '         xmlns:content="http://purl.org/rss/1.0/modules/content/">',
           f"  <channel rdf:about={quoteattr(f['feed'])}>",
           f"    <title>{x(f['title'])}</title>",
           f"    <link>{x(f['site'])}</link>",
           f"    <description>{x(f['desc'])}</description>",
           "    <dc:language>fr</dc:language>",
           f"    <dc:publisher>{x(f['title'])}</dc:publisher>",
           f"    <dc:date>{max(i.when for i in items).astimezone(UTC).isoformat()}</dc:date>",
           "    <items>", "      <rdf:Seq>"]
    out += [f"        <rdf:li rdf:resource={quoteattr(it.guid)} />" for it in items]
    out += ["      </rdf:Seq>", "    </items>", "  </channel>"]
    for it in items:
        out.append(f"  <item rdf:about={quoteattr(it.guid)}>")
        out.append(f"    <title>{x(it.title)}</title>")
        out.append(f"    <link>{x(it.link)}</link>")
        out.append(f"    <description>{x(summary(it))}</description>")
        # W3CDTF, minutes precision on some items as many RDF generators wrote them
        d = it.when.astimezone(UTC)
        out.append(f"    <dc:date>{d.strftime('%Y-%m-%dT%H:%M') + '+00:00' if it.num % 3 == 0 else d.isoformat()}</dc:date>")
        out.append(f"    <dc:creator>{x(it.author[0])}</dc:creator>")
        out.append(f"    <dc:language>{it.lang}</dc:language>")
        for t in it.tags:
            out.append(f"    <dc:subject>{x(t)}</dc:subject>")
        out.append(f"    <content:encoded>{cdata(body_html(it))}</content:encoded>")
        out.append("  </item>")
    out += ["</rdf:RDF>", ""]
    return "\n".join(out)


def render_rss091(key: str, items: list[Item]) -> bytes:
    """Netscape RSS 0.91 in ISO-8859-1, as an old port CMS would publish it: no GUIDs, a DOCTYPE
    naming the Netscape DTD (never to be fetched), two-digit years in dates."""
    f = FEEDS[key]
    out = ['<?xml version="1.0" encoding="ISO-8859-1"?>',
           '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"',
           '            "http://my.netscape.com/publish/formats/rss-0.91.dtd">',
           '<rss version="0.91">', "<channel>",
           f"<title>{x(f['title'])}</title>",
           f"<link>{x(f['site'])}</link>",
           f"<description>{x(f['desc'])}</description>",
           "<language>fr</language>",
           f"<pubDate>{channel_date(items, '2digit')}</pubDate>",
           "<webMaster>usagers@portabidjan.example</webMaster>"]
    for it in sorted(items, key=lambda i: i.when, reverse=True):
        out.append("<item>")
        out.append(f"<title>{x(it.title)}</title>")
        out.append(f"<link>{x(it.link)}</link>")
        out.append(f"<description>{x(body_html(it))}</description>")
        out.append(f"<pubDate>{rfc822(local(it), '2digit')}</pubDate>")
        out.append("</item>")
    out += ["</channel>", "</rss>", ""]
    return "\n".join(out).encode("iso-8859-1", "xmlcharrefreplace")


def render_json(key: str, items: list[Item]) -> str:
    f = FEEDS[key]
    doc = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": f["title"],
        "home_page_url": f["site"],
        "feed_url": f["feed"],
        "description": f["desc"],
        "language": "fr-FR",
        "icon": f["site"] + "icon-512.png",
        "authors": [{"name": f["author"][0], "url": f["site"] + "a-propos/"}],
        "items": [],
    }
    for it in sorted(items, key=lambda i: i.when, reverse=True):
        entry = {"id": it.guid, "url": it.link, "title": it.title,
                 "content_html": body_html(it), "summary": summary(it),
                 "date_published": rfc3339(it)}
        if it.num % 4 == 0:
            entry["date_modified"] = rfc3339(Item(**{**it.__dict__, "when": it.when + timedelta(hours=3)}))
        if it.image:
            entry["image"] = it.image[0]
        if it.author != f["author"]:
            entry["authors"] = [{"name": it.author[0]}]
        entry["tags"] = it.tags
        entry["language"] = it.lang
        doc["items"].append(entry)
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def render_broken(key: str, items: list[Item]) -> str:
    """An RSS 2.0 feed with real-world damage: an undefined entity (&eacute; outside CDATA), raw
    HTML with unclosed <p> and <br> in a description, and an unclosed <category>. For showing
    the recover mode and the bozo flag; it must still yield every item."""
    f = FEEDS[key]
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<rss version="2.0">', "<channel>",
           f"<title>{x(f['title'])}</title>",
           f"<link>{x(f['site'])}</link>",
           "<description>Prix et march&eacute;s agricoles au Sahel</description>",
           "<language>fr</language>"]
    for n, it in enumerate(sorted(items, key=lambda i: i.when, reverse=True)):
        out.append("<item>")
        title = x(it.title)
        if n == 0:
            title = title.replace("é", "&eacute;", 1)          # undefined entity in XML
        out.append(f"<title>{title}</title>")
        out.append(f"<link>{x(it.link)}</link>")
        out.append(f"<guid>{x(it.guid)}</guid>")
        out.append(f"<pubDate>{rfc822(local(it))}</pubDate>")
        if n == 1:
            out.append(f"<category>{x(it.tags[0])}")             # never closed
        else:
            out += [f"<category>{x(t)}</category>" for t in it.tags]
        if n == 2:
            # raw, unescaped HTML with unclosed paragraphs and a <br>
            raw = "".join(f"<p>{x(plain(p))}" for p in it.paras)
            out.append(f"<description>{raw}<br></description>")
        else:
            out.append(f"<description>{cdata(body_html(it))}</description>")
        out.append("</item>")
    out += ["</channel>", "</rss>", ""]
    return "\n".join(out)


RENDER = {"rss20": render_rss20, "atom10": render_atom10, "atom03": render_atom03, "rss10": render_rss10,
          "rss091": render_rss091, "json": render_json, "broken": render_broken}

FORMAT_NAMES = {"rss20": "RSS 2.0", "atom10": "Atom 1.0", "atom03": "Atom 0.3", "rss10": "RSS 1.0 (RDF, Dublin Core)",
                "rss091": "RSS 0.91 (Netscape, ISO-8859-1)", "json": "JSON Feed 1.1",
                "broken": "RSS 2.0, deliberately malformed"}


# ---------------------------------------------------------------------------------------------
# Assembly and outputs.

def collect() -> tuple[list[Item], list[Story]]:
    stories = STORIES_A + STORIES_B + STORIES_C
    keys = [s.key for s in stories]
    assert len(keys) == len(set(keys)), "duplicate story keys"
    items: list[Item] = []
    for s in stories:
        items += story_items(s)
    singles = SINGLES_FR1 + SINGLES_FR2 + SINGLES_EN + SINGLES_OTHER + SINGLES_CAJOU + generated_items()
    seen = set()
    for s in singles:
        assert (s.feed, s.slug) not in seen, (s.feed, s.slug)
        seen.add((s.feed, s.slug))
        items.append(single_item(s))
    assign_ids(items)
    guids = [(i.feed, i.guid) for i in items]
    assert len(guids) == len(set(guids)), "duplicate GUIDs"
    return items, stories


def find(items: list[Item], ref: tuple) -> Item:
    kind, a, b = ref
    if kind == "single":
        hits = [i for i in items if i.feed == a and i.key == b and i.story is None]
    else:
        hits = [i for i in items if i.story == a and i.feed == b]
    assert len(hits) == 1, (ref, len(hits))
    return hits[0]


def write_stories_tsv(items: list[Item], stories: list[Story]) -> str:
    lines = ["# Ground truth for story clustering over the demo corpus (generated by tools/build_corpus.py).",
             "# story_key<TAB>feed_file<TAB>item_guid<TAB>relation",
             "# item_guid is the item's guid/id (rdf:about for RSS 1.0; the link for RSS 0.91, which has no guid).",
             "# relation is relative to the story's reference item, which is the first line of each story",
             "# and is marked exact: exact = same title and text; edited = same language, lightly edited",
             "# (title changed, paragraph cut, sentence added, dateline prefix); translated = another language",
             "# (possibly also edited). Keys starting with trap- list items that are NOT the same story",
             "# although they look alike; their relation column is 'distinct'."]
    for s in stories:
        for it in sorted([i for i in items if i.story == s.key], key=lambda i: i.when):
            lines.append(f"{s.key}\t{FEEDS[it.feed]['file']}\t{it.guid}\t{it.relation}")
    for key, refs in TRAPS:
        for r in refs:
            it = find(items, r)
            lines.append(f"{key}\t{FEEDS[it.feed]['file']}\t{it.guid}\tdistinct")
    return "\n".join(lines) + "\n"


def write_opml(items: list[Item]) -> str:
    folders: dict[str, list[str]] = {}
    for key, f in FEEDS.items():
        folders.setdefault(f["folder"], []).append(key)
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">', "  <head>",
           "    <title>Vigie – sources de démonstration (fictives)</title>",
           "    <dateCreated>Mon, 30 Nov 2026 08:00:00 GMT</dateCreated>",
           "    <ownerName>Vigie demo</ownerName>",
           "    <docs>http://opml.org/spec2.opml</docs>",
           "  </head>", "  <body>"]
    fmt_type = {"rss20": "rss", "rss10": "rss", "rss091": "rss", "broken": "rss", "atom10": "atom", "atom03": "atom", "json": "json"}
    for folder in ["Presse et agences", "Filières agricoles", "Commerce et douanes", "Marchés publics",
                   "Institutions", "Réglementation", "Logistique et ports", "Blogs et international"]:
        out.append(f"    <outline text={quoteattr(folder)} title={quoteattr(folder)}>")
        for key in folders.get(folder, []):
            f = FEEDS[key]
            lang = f["lang"].split("-")[0]
            out.append(f'      <outline type="{fmt_type[f["fmt"]]}" text={quoteattr(f["title"])} title={quoteattr(f["title"])}'
                       f' xmlUrl={quoteattr(f["feed"])} htmlUrl={quoteattr(f["site"])} language="{lang}"'
                       f' description={quoteattr(f["desc"])} />')
        out.append("    </outline>")
    out += ["  </body>", "</opml>", ""]
    return "\n".join(out)


def write_readme(items: list[Item], stories: list[Story]) -> str:
    from collections import Counter
    langs_all = Counter(i.lang for i in items)
    rows = []
    for key, f in FEEDS.items():
        lst = [i for i in items if i.feed == key]
        lc = Counter(i.lang for i in lst)
        langs = ", ".join(f"{l} {n}" for l, n in sorted(lc.items()))
        in_stories = sum(1 for i in lst if i.story)
        rows.append(f"| {f['title']} | `feeds/{f['file']}` | {FORMAT_NAMES[f['fmt']]} | `{f['feed']}` | {len(lst)} | {in_stories} | {langs} |")
    sizes = Counter(len([i for i in items if i.story == s.key]) for s in stories)
    rel = Counter(i.relation for i in items if i.story)
    n_ref = len(stories)
    traps = "\n".join(f"- `{k}`: " + " / ".join(f"{FEEDS[find(items, r).feed]['file']} « {find(items, r).title} »" for r in refs)
                      for k, refs in TRAPS)
    total_words = sum(words(i) for i in items)
    return f"""# Vigie demo corpus (fictional)

Offline sample feeds for Vigie's demo and for tests: the demo starts from nothing, imports these
files and shows that they are searchable; the tests use the same files as fixtures, notably to
measure how well Vigie clusters "one story across many sources".

**Everything here is fictional.** The sources, articles, figures, quotations, tender notices and
regulations were written by hand for this corpus. Real institution and company names (UEMOA,
CEDEAO/ECOWAS, CMDT, SOFITEX, Sodecoton, BOAD, APIX, the Port of Abidjan, Afreximbank...) appear
only to make the economic-watch context plausible; the events attributed to them in 2026 are
invented. Every web address uses the reserved `.example` domain. No text was fetched from the
internet.

## Layout

- `feeds/`: {len(FEEDS)} feed files, {len(items)} items, {total_words} words of text, dated from January to
  November 2026. Each item has a title, link, GUID/id, date, author, categories, a summary
  and/or full HTML content (paragraphs, some links, some images, entities), 80-400 words.
- `stories.tsv`: ground truth for story clustering (see below).
- `sources.opml`: OPML 2.0 list of all sources, in folders ("Presse et agences", "Filières
  agricoles", "Commerce et douanes", "Marchés publics", "Institutions", "Réglementation",
  "Logistique et ports", "Blogs et international"). Its `xmlUrl`s are the fictional publishers'
  addresses; the table below maps each one to its file.
- `tools/`: the generator and the hand-written texts it renders, plus a checker.
  - `build_corpus.py` writes `feeds/*`, `stories.tsv`, `sources.opml` and this README
    (`python3 data/demo/tools/build_corpus.py`; the output is deterministic).
  - `stories_a.py`, `stories_b.py`, `stories_c.py`: the multi-source stories (texts per language
    and where each is republished, with which edits); `singles_*.py`: items published once;
    `generated.py` + `templates.py`: items that are templated in real life too (weekly price
    reports, tender notices, WTO notification alerts), with figures and commentary written per
    item.
  - `check_corpus.py`: checks well-formedness, loads every feed with python3-feedparser, compares
    entry counts, and resolves every GUID of `stories.tsv`
    (`/usr/bin/python3 data/demo/tools/check_corpus.py`). feedparser 6.0 does not read JSON Feed,
    so the checker validates that file's JSON Feed 1.1 structure itself.

## Sources, files and counts

| source | file | format | `xmlUrl` in sources.opml | items | in multi-source stories | languages |
|---|---|---|---|---|---|---|
{chr(10).join(rows)}
| **total** | | | | **{len(items)}** | **{sum(1 for i in items if i.story)}** | {", ".join(f"{l} {n}" for l, n in sorted(langs_all.items()))} |

## Story repetition (`stories.tsv`)

{n_ref} stories appear in 2 to 6 sources each ({", ".join(f"{n} stories in {k} sources" for k, n in sorted(sizes.items()))}),
as real wires are republished:

- **exact** ({rel['exact'] - n_ref} items besides the {n_ref} references): identical wire copy (same title and words) under another URL
  and GUID; only the markup and entity encoding of the publisher's CMS may differ;
- **edited** ({rel['edited']} items): the same release lightly edited — new title, a paragraph cut, a sentence
  added, a dateline such as "Ouagadougou, 11 mai 2026 (AOAPE) – " put in front;
- **translated** ({rel['translated']} items): the story in another language (French ↔ English, and Portuguese or
  Spanish for a few), sometimes edited as well. Related, but not near-duplicate text.

Format: `story_key<TAB>feed_file<TAB>item_guid<TAB>relation`. The first line of each story is its
reference item (marked `exact`); the relation of every other line is relative to that
reference. `item_guid` is the guid/id as the feed gives it (`rdf:about` in RSS 1.0; the link in
RSS 0.91, which has no guid). Lines starting with `#` are comments.

Trap groups (keys starting `trap-`, relation `distinct`) list items that look alike but are
**not** the same story:

{traps}

The tender feed is also full of notices sharing the same boilerplate for different buyers and
lots, and the weekly price reports repeat one template each week.

## Real-world quirks, on purpose

- Formats: RSS 2.0 (with `content:encoded`, `dc:`, a custom namespace for tender metadata
  in the tender feed), RSS 1.0/RDF with Dublin Core, RSS 0.91 (Netscape DOCTYPE naming an
  external DTD that must never be fetched; ISO-8859-1 with numeric character references), Atom
  1.0 (HTML escaped, XHTML inline, per-entry `xml:lang` in the bilingual blog), Atom 0.3
  (`issued`/`modified`, `mode="escaped"`), JSON Feed 1.1, and one bilingual RSS 2.0 feed with
  `dc:language` per item.
- HTML content as CDATA, as escaped text, and as inline XHTML; named entities (`&eacute;`,
  `&nbsp;`, `&rsquo;`) inside CDATA in the AOAPE and CCI Burkina feeds.
- Dates: RFC 822 with `+0000`, with `GMT`, with a US offset (`-0500`/`-0600`), with a two-digit
  year (`Mon, 09 Feb 26 08:00:00 GMT`, port feed); RFC 3339 with `Z`, `+00:00` and `+04:00`;
  W3CDTF to the minute in RSS 1.0; three dates with no timezone at all (Atom 0.3, JSON Feed,
  Atom 1.0).
- `feeds/broken_unclosed_tags.xml` is deliberately malformed (an undefined entity outside CDATA,
  an unclosed `<category>`, raw HTML with unclosed `<p>` and `<br>` in a description) to show
  salvage in recover mode: a lenient parser still gets all its items, with the bozo flag set.
  Every other file is well-formed XML or valid JSON.
"""


def main() -> None:
    items, stories = collect()
    FEEDS_DIR.mkdir(parents=True, exist_ok=True)
    bad = [(i.feed, i.key, i.title, words(i)) for i in items if not 80 <= words(i) <= 400]
    if bad:
        for b in bad:
            print("word count out of range:", b, file=sys.stderr)
        sys.exit(1)
    for key, f in FEEDS.items():
        lst = [i for i in items if i.feed == key]
        assert lst, key
        data = RENDER[f["fmt"]](key, lst)
        path = FEEDS_DIR / f["file"]
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    (DEMO / "stories.tsv").write_text(write_stories_tsv(items, stories), encoding="utf-8")
    (DEMO / "sources.opml").write_text(write_opml(items), encoding="utf-8")
    (DEMO / "README.md").write_text(write_readme(items, stories), encoding="utf-8")
    stats = {"items": len(items), "stories": len(stories), "story_items": sum(1 for i in items if i.story),
             "per_feed": {}, "per_lang": {}}
    for it in items:
        pf = stats["per_feed"].setdefault(FEEDS[it.feed]["file"], {})
        pf[it.lang] = pf.get(it.lang, 0) + 1
        stats["per_lang"][it.lang] = stats["per_lang"].get(it.lang, 0) + 1
    (DEMO / "tools" / "last_build_stats.json").write_text(json.dumps(stats, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    print(json.dumps(stats, indent=1, ensure_ascii=False, sort_keys=True))
    print("words: min", min(words(i) for i in items), "max", max(words(i) for i in items),
          "total", sum(words(i) for i in items))


if __name__ == "__main__":
    main()
