// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// A topic feed with the awkward content real stories carry: accents, markup in summaries,
// ampersands in URLs, characters XML cannot hold, an entry without author or link.
#include "publish/feed_writer.h"

namespace vigie::publish {

inline FeedDocument sample_feed() {
  FeedDocument f;
  f.id = "tag:vigie.cci.example,2026:topic/3";
  f.title = "Coton & filière textile — veille CCI";
  f.subtitle = "Les faits marquants retenus par la cellule de veille";
  f.home_url = "https://veille.cci.example/topics/3";
  f.self_url = "https://veille.cci.example/feeds/topics/3.atom?key=s3cr3t&v=1";
  f.language = "fr";
  f.author = "CCI Burkina Faso";
  f.updated = core::from_unix(1'795'770'877);
  FeedEntry a;
  a.id = "tag:vigie.cci.example,2026:story/41";
  a.title = "Le prix du coton <graine> grimpe de 12 % à Bobo-Dioulasso";
  a.link = "https://veille.cci.example/stories/41?from=feed&lang=fr";
  a.summary_html = "<p>Selon la <b>SOFITEX</b>, la campagne 2026 &amp; ses prix…</p>";
  a.author = "Awa Diallo";
  a.categories = {"coton", "prix & marchés"};
  a.published = core::from_unix(1'795'700'000);
  a.updated = core::from_unix(1'795'760'000);
  FeedEntry b;
  b.id = "tag:vigie.cci.example,2026:story/40";
  b.title = std::string("Contr\x01ole\xff des normes ") + "\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A";
  b.link = "https://veille.cci.example/stories/40";
  b.summary_html = "";
  b.published = core::from_unix(1'795'600'000);
  b.updated = core::from_unix(1'795'600'000);
  f.entries = {a, b};
  return f;
}

}  // namespace vigie::publish
