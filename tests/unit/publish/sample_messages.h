// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The shipped catalogs (data/i18n) and an alert and a digest with the awkward content real
// stories carry: accents, markup and CR/LF in titles and comments, a hostile source URL.
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "core/i18n.h"
#include "publish/alert_message.h"
#include "publish/digest_message.h"

namespace vigie::publish {

inline core::Catalog shipped_catalog(const std::string& lang) {
  std::ifstream in(std::string(VIGIE_I18N_DIR) + "/" + lang + ".po", std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  auto cat = core::Catalog::parse_po(s.str());
  EXPECT_TRUE(cat.has_value()) << lang;
  return cat ? *cat : core::Catalog{};
}

inline const core::Messages& messages_for(const std::string& lang) {
  static const core::Messages fr(shipped_catalog("fr"), shipped_catalog("en"), "fr");
  static const core::Messages en(shipped_catalog("en"), shipped_catalog("en"), "en");
  return lang == "en" ? en : fr;
}

inline mail::Mailbox sample_from() {
  return mail::Mailbox{"veille@cci.example", "Veille CCI"};
}

inline AlertContent sample_alert(const std::string& lang = "fr") {
  AlertContent a;
  a.lang = lang;
  a.recipient = mail::Mailbox{"awa.diallo@firm.example", "Awa Diallo"};
  a.topic_id = 3;
  a.topic_name = lang == "en" ? "Cotton" : "Coton";
  a.severity = core::Priority::Critical;
  a.signal_kind = std::string(core::kSignalAnalystAlert);
  a.signal_id = 7;
  a.story_id = 41;
  a.title = "Le prix du coton <graine> grimpe de 12 % à Bobo-Dioulasso";
  a.excerpt =
      "Selon la SOFITEX, la campagne 2026 s'ouvre sur un prix d'achat au producteur en forte "
      "hausse, porté par la demande asiatique & la faiblesse des stocks.";
  a.sources = {
      SourceRef{"Sidwaya — Le coton grimpe", "https://sidwaya.example/coton?id=1&lang=fr",
                core::from_unix(1'795'700'000)},
      SourceRef{"", "https://lefaso.example/article/2", std::nullopt},
  };
  a.comment = "À suivre : impact direct sur les égreneurs membres.\nVoir la note de mars.";
  a.story_url = "https://veille.cci.example/stories/41";
  a.unsubscribe_url = "https://veille.cci.example/unsubscribe/eyJzIjoiMTIifQ.c2lnbmF0dXJl";
  a.raised_at = core::from_unix(1'795'788'300);  // 2026-11-27T14:05:00Z
  return a;
}

inline DigestContent sample_digest(const std::string& lang = "fr") {
  DigestContent d;
  d.lang = lang;
  d.recipient = mail::Mailbox{"awa.diallo@firm.example", "Awa Diallo"};
  d.rhythm = core::Rhythm::Weekly;
  d.period_from = core::from_unix(1'795'189'500);
  d.period_to = core::from_unix(1'795'794'300);
  DigestTopic cotton;
  cotton.topic_id = 3;
  cotton.name = "Coton";
  cotton.stories = {
      DigestStory{40,
                  "Campagne cotonnière : les semis débutent",
                  "https://veille.cci.example/stories/40",
                  {SourceRef{"AIB", "https://aib.example/semis", std::nullopt}},
                  false,
                  std::nullopt,
                  "Les semis ont commencé dans les Hauts-Bassins."},
      DigestStory{41,
                  "Le prix du coton grimpe de 12 %",
                  "https://veille.cci.example/stories/41",
                  {SourceRef{"Sidwaya", "https://sidwaya.example/coton", std::nullopt}},
                  true,
                  std::string("Impact direct sur les égreneurs."),
                  "Selon la SOFITEX…"},
  };
  DigestTopic tenders;
  tenders.topic_id = 5;
  tenders.name = "Appels d'offres BTP";
  tenders.stories = {
      DigestStory{52,
                  "Route Ouaga–Kaya : appel d'offres publié",
                  "https://veille.cci.example/stories/52",
                  {},
                  false,
                  std::string("   "),
                  ""},
  };
  d.topics = {cotton, tenders};
  d.unsubscribe_url = "https://veille.cci.example/unsubscribe/ZDoxMjp3ZWVrbHk6ZW1haWw.c2ln";
  d.portal_url = "https://veille.cci.example/";
  return d;
}

}  // namespace vigie::publish
