#!/usr/bin/env python3
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Writes a deterministic corpus of varied feed documents for the parse benchmark.

Usage: gen_corpus.py OUT_DIR [COUNT] [SEED]

XML feeds go to OUT_DIR, JSON Feeds to OUT_DIR/json.

Every format the parser reads (RSS 0.91/0.92/1.0/2.0, Atom 0.3/1.0, JSON Feed 1.0/1.1), sizes
from a handful of items to several hundred, short and long HTML bodies, French and English
text, and several encodings (UTF-8, windows-1252 declared or not, ISO-8859-1, UTF-16). The same
seed gives the same files, so figures compare across runs.
"""
import json
import os
import random
import sys
from xml.sax.saxutils import escape

WORDS_FR = ("économie exportations coton cacao marché prix douane tarif appel offres entreprise "
            "filière chambre commerce région développement investissement agriculture port "
            "énergie numérique formation emploi croissance banque crédit PME TPE réglementation "
            "brevet innovation logistique transport qualité norme certification salon").split()
WORDS_EN = ("economy export cotton cocoa market price customs tariff tender company sector "
            "chamber trade region development investment agriculture port energy digital "
            "training employment growth bank credit regulation patent innovation logistics "
            "transport quality standard certification fair").split()


def sentence(rng, words, n):
    s = " ".join(rng.choice(words) for _ in range(n))
    return s[0].upper() + s[1:] + "."


def html_body(rng, words, paragraphs):
    parts = []
    for p in range(paragraphs):
        text = " ".join(sentence(rng, words, rng.randint(8, 20)) for _ in range(rng.randint(2, 5)))
        if rng.random() < 0.5:
            text += ' <a href="/article/%d">%s</a>' % (rng.randint(1, 99999), rng.choice(words))
        if rng.random() < 0.3:
            text = text.replace(" ", " <strong>", 1).replace(".", "</strong>.", 1)
        parts.append("<p>%s</p>" % text)
        if rng.random() < 0.2:
            parts.append('<p><img src="/img/%d.jpg" alt="%s" width="600" height="400"></p>'
                         % (rng.randint(1, 9999), rng.choice(words)))
    if rng.random() < 0.2:
        parts.append("<ul>%s</ul>" % "".join("<li>%s</li>" % sentence(rng, words, 6)
                                            for _ in range(3)))
    return "\n".join(parts)


def rfc822(rng):
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return "%s, %02d %s %d %02d:%02d:%02d %s" % (
        rng.choice(days), rng.randint(1, 28), rng.choice(months), rng.randint(2015, 2025),
        rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59),
        rng.choice(["GMT", "+0000", "+0100", "-0500", "EST", "+0200"]))


def iso(rng):
    return "%d-%02d-%02dT%02d:%02d:%02d%s" % (
        rng.randint(2015, 2025), rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23),
        rng.randint(0, 59), rng.randint(0, 59), rng.choice(["Z", "+01:00", "-05:00", ".123Z"]))


def item_fields(rng, words, host, i, long_bodies):
    title = sentence(rng, words, rng.randint(4, 12))[:-1]
    if rng.random() < 0.15:
        title += " &amp; " + rng.choice(words)
    body = html_body(rng, words, rng.randint(3, 12) if long_bodies else rng.randint(1, 2))
    summary = sentence(rng, words, rng.randint(15, 40))
    return {
        "title": title,
        "link": "https://%s/%d/%s-%d" % (host, rng.randint(2015, 2025), rng.choice(words), i),
        "summary": summary,
        "body": body,
        "author": rng.choice(["Awa Traoré", "Jean Dupont", "Fatou Diallo", "Ana Souza",
                              "Moussa Keita", "Marie Martin"]),
        "categories": rng.sample(words, rng.randint(0, 4)),
        "enclosure": rng.random() < 0.15,
    }


def rss20(rng, words, host, n, long_bodies, encoding):
    out = ['<?xml version="1.0" encoding="%s"?>' % encoding if encoding else "",
           '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
           'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" '
           'xmlns:media="http://search.yahoo.com/mrss/">',
           "<channel>", "<title>%s</title>" % escape(sentence(rng, words, 4)[:-1]),
           "<link>https://%s/</link>" % host,
           "<description>%s</description>" % escape(sentence(rng, words, 10)),
           "<language>%s</language>" % ("fr" if words is WORDS_FR else "en"),
           "<lastBuildDate>%s</lastBuildDate>" % rfc822(rng),
           '<atom:link href="https://%s/feed" rel="self" type="application/rss+xml"/>' % host]
    use_content = rng.random() < 0.6
    for i in range(n):
        f = item_fields(rng, words, host, i, long_bodies)
        out.append("<item>")
        out.append("<title>%s</title>" % f["title"])
        out.append("<link>%s</link>" % f["link"])
        out.append('<guid isPermaLink="true">%s</guid>' % f["link"])
        out.append("<pubDate>%s</pubDate>" % rfc822(rng))
        if use_content:
            out.append("<description>%s</description>" % escape(f["summary"]))
            out.append("<content:encoded><![CDATA[%s]]></content:encoded>" % f["body"])
            out.append("<dc:creator>%s</dc:creator>" % f["author"])
        else:
            out.append("<description>%s</description>" % escape(f["body"]))
        for c in f["categories"]:
            out.append("<category>%s</category>" % c)
        if f["enclosure"]:
            out.append('<enclosure url="https://%s/media/%d.mp3" length="%d" type="audio/mpeg"/>'
                       % (host, i, rng.randint(10**5, 10**8)))
            out.append('<media:thumbnail url="https://%s/media/%d.jpg"/>' % (host, i))
        out.append("</item>")
    out.append("</channel></rss>")
    return "\n".join(x for x in out if x)


def rss_old(rng, words, host, n, long_bodies, version):
    out = ['<?xml version="1.0" encoding="utf-8"?>', '<rss version="%s"><channel>' % version,
           "<title>%s</title>" % escape(sentence(rng, words, 3)[:-1]),
           "<link>http://%s/</link>" % host, "<description>Old RSS</description>"]
    for i in range(n):
        f = item_fields(rng, words, host, i, long_bodies)
        out.append("<item><title>%s</title><link>%s</link><description>%s</description></item>"
                   % (f["title"], f["link"], escape(f["body"])))
    out.append("</channel></rss>")
    return "\n".join(out)


def rss10(rng, words, host, n, long_bodies):
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
           'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns="http://purl.org/rss/1.0/">',
           '<channel rdf:about="http://%s/rss"><title>%s</title><link>http://%s/</link>'
           '<description>RDF</description></channel>' % (host, escape(sentence(rng, words, 3)),
                                                          host)]
    for i in range(n):
        f = item_fields(rng, words, host, i, long_bodies)
        out.append('<item rdf:about="%s"><title>%s</title><link>%s</link>'
                   '<description>%s</description><dc:date>%s</dc:date>'
                   '<dc:creator>%s</dc:creator>%s</item>'
                   % (f["link"], f["title"], f["link"], escape(f["body"]), iso(rng), f["author"],
                      "".join("<dc:subject>%s</dc:subject>" % c for c in f["categories"])))
    out.append("</rdf:RDF>")
    return "\n".join(out)


def atom10(rng, words, host, n, long_bodies):
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="%s">'
           % ("fr" if words is WORDS_FR else "en"),
           "<title>%s</title>" % escape(sentence(rng, words, 4)[:-1]),
           '<link href="https://%s/"/>' % host,
           '<link rel="self" href="https://%s/atom.xml"/>' % host,
           "<id>tag:%s,2024:feed</id><updated>%s</updated>" % (host, iso(rng)),
           "<author><name>Rédaction</name><email>contact@%s</email></author>" % host]
    xhtml = rng.random() < 0.3
    for i in range(n):
        f = item_fields(rng, words, host, i, long_bodies)
        out.append("<entry><title>%s</title>" % f["title"])
        out.append('<link href="%s"/><id>tag:%s,2024:%d</id>' % (f["link"], host, i))
        out.append("<published>%s</published><updated>%s</updated>" % (iso(rng), iso(rng)))
        out.append("<summary>%s</summary>" % escape(f["summary"]))
        if xhtml:
            body = f["body"].replace("<br>", "<br/>")
            body = body.replace('height="400">', 'height="400"/>')
            out.append('<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">%s'
                       "</div></content>" % body)
        else:
            out.append('<content type="html">%s</content>' % escape(f["body"]))
        out.append("<author><name>%s</name></author>" % f["author"])
        for c in f["categories"]:
            out.append('<category term="%s"/>' % c)
        out.append("</entry>")
    out.append("</feed>")
    return "\n".join(out)


def atom03(rng, words, host, n, long_bodies):
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<feed version="0.3" xmlns="http://purl.org/atom/ns#">',
           "<title>%s</title>" % escape(sentence(rng, words, 3)[:-1]),
           '<link rel="alternate" type="text/html" href="http://%s/"/>' % host,
           "<modified>%s</modified>" % iso(rng)]
    for i in range(n):
        f = item_fields(rng, words, host, i, long_bodies)
        out.append('<entry><title>%s</title><link rel="alternate" type="text/html" href="%s"/>'
                   "<id>tag:%s,2004:%d</id><issued>%s</issued><modified>%s</modified>"
                   '<content type="text/html" mode="escaped">%s</content></entry>'
                   % (f["title"], f["link"], host, i, iso(rng), iso(rng), escape(f["body"])))
    out.append("</feed>")
    return "\n".join(out)


def jsonfeed(rng, words, host, n, long_bodies, version):
    items = []
    for i in range(n):
        f = item_fields(rng, words, host, i, long_bodies)
        item = {"id": f["link"], "url": f["link"], "title": f["title"].replace("&amp;", "&"),
                "content_html": f["body"], "summary": f["summary"],
                "date_published": iso(rng), "tags": f["categories"]}
        if version == "1.1":
            item["authors"] = [{"name": f["author"]}]
        else:
            item["author"] = {"name": f["author"]}
        if f["enclosure"]:
            item["attachments"] = [{"url": "https://%s/m/%d.mp3" % (host, i),
                                    "mime_type": "audio/mpeg", "size_in_bytes": 123456}]
        items.append(item)
    doc = {"version": "https://jsonfeed.org/version/%s" % version,
           "title": sentence(rng, words, 3)[:-1], "home_page_url": "https://%s/" % host,
           "feed_url": "https://%s/feed.json" % host, "items": items}
    return json.dumps(doc, ensure_ascii=rng.random() < 0.5, indent=rng.choice([None, 2]))


def main():
    out_dir = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 240
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 20260101
    rng = random.Random(seed)
    os.makedirs(out_dir, exist_ok=True)
    kinds = ["rss20", "rss20", "rss20", "rss20", "atom10", "atom10", "rss10", "jsonfeed11",
             "rss20_cp1252", "rss20_cp1252_nodecl", "rss20_latin1", "rss20_utf16", "rss091",
             "rss092", "atom03", "jsonfeed10"]
    total = 0
    for k in range(count):
        kind = kinds[k % len(kinds)]
        words = WORDS_FR if rng.random() < 0.6 else WORDS_EN
        host = "source%d.example.org" % k
        n = rng.choice([5, 10, 10, 15, 20, 20, 25, 30, 50, 100, 300])
        long_bodies = rng.random() < 0.5
        ext = ".json" if kind.startswith("json") else ".xml"
        if kind == "rss20":
            data = rss20(rng, words, host, n, long_bodies, "utf-8").encode("utf-8")
        elif kind == "rss20_cp1252":
            data = rss20(rng, words, host, n, long_bodies, "windows-1252").encode("cp1252", "replace")
        elif kind == "rss20_cp1252_nodecl":
            data = rss20(rng, words, host, n, long_bodies, None).encode("cp1252", "replace")
        elif kind == "rss20_latin1":
            data = rss20(rng, words, host, n, long_bodies, "ISO-8859-1").encode("latin-1", "replace")
        elif kind == "rss20_utf16":
            data = rss20(rng, words, host, n, long_bodies, "UTF-16").encode("utf-16")
        elif kind in ("rss091", "rss092"):
            data = rss_old(rng, words, host, n, long_bodies, kind[3] + "." + kind[4:]).encode()
        elif kind == "rss10":
            data = rss10(rng, words, host, n, long_bodies).encode("utf-8")
        elif kind == "atom10":
            data = atom10(rng, words, host, n, long_bodies).encode("utf-8")
        elif kind == "atom03":
            data = atom03(rng, words, host, n, long_bodies).encode("utf-8")
        else:
            data = jsonfeed(rng, words, host, n, long_bodies, kind[-2] + "." + kind[-1]
                            if kind.endswith("11") else "1").encode("utf-8")
        # JSON Feed goes to its own folder: feedparser does not read it, and the comparison
        # must use the same files on both sides.
        folder = os.path.join(out_dir, "json") if ext == ".json" else out_dir
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, "%03d_%s%s" % (k, kind, ext))
        with open(path, "wb") as f:
            f.write(data)
        total += len(data)
    print("corpus: %d files, %.1f MB in %s" % (count, total / 1e6, out_dir))


if __name__ == "__main__":
    main()
