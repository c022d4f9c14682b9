// SPDX-License-Identifier: AGPL-3.0-or-later
// The digest email: subject per rhythm and language, highlights first, each story once,
// grouped by topic, blank comments omitted, everything escaped.
#include "publish/digest_message.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "message_test_util.h"
#include "sample_messages.h"

namespace vigie::publish {
namespace {

mail::Message compose(const DigestContent& d) {
  return compose_digest_email(d, sample_from(), "<delivery-43.1@veille.cci.example>",
                              core::from_unix(1'795'794'400), messages_for(d.lang));
}

std::size_t count_of(const std::string& s, std::string_view needle) {
  std::size_t n = 0;
  for (auto at = s.find(needle); at != std::string::npos; at = s.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

TEST(DigestMessage, SubjectPerRhythmAndLanguage) {
  struct Case {
    std::string lang;
    core::Rhythm rhythm;
    std::string subject;
  };
  const Case cases[] = {
      {"fr", core::Rhythm::Weekly, "Vigie · Votre veille de la semaine (3 articles)"},
      {"fr", core::Rhythm::Daily, "Vigie · Votre veille du jour (3 articles)"},
      {"en", core::Rhythm::Weekly, "Vigie · Your weekly watch (3 stories)"},
      {"en", core::Rhythm::Daily, "Vigie · Your daily watch (3 stories)"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.subject);
    DigestContent d = sample_digest(c.lang);
    d.rhythm = c.rhythm;
    EXPECT_EQ(compose(d).subject, c.subject);
  }
}

TEST(DigestMessage, SingularForOneStory) {
  DigestContent d = sample_digest("fr");
  d.topics.resize(1);
  d.topics[0].stories.resize(1);
  EXPECT_EQ(story_count(d), 1U);
  EXPECT_EQ(compose(d).subject, "Vigie · Votre veille de la semaine (1 article)");
  d.lang = "en";
  EXPECT_EQ(compose(d).subject, "Vigie · Your weekly watch (1 story)");
}

TEST(DigestMessage, HighlightsComeFirstAndEachStoryOnce) {
  const mail::Message m = compose(sample_digest("fr"));
  for (const std::string* part : {&m.text, &m.html}) {
    const auto highlights = part->find("Faits marquants");
    const auto highlighted = part->find("Le prix du coton grimpe");
    const auto other = part->find("Campagne cotonnière");
    const auto tenders = part->find("Appels d&#39;offres BTP") != std::string::npos
                             ? part->find("Appels d&#39;offres BTP")
                             : part->find("Appels d'offres BTP");
    ASSERT_NE(highlights, std::string::npos);
    EXPECT_LT(highlights, highlighted);
    EXPECT_LT(highlighted, other);
    EXPECT_LT(other, tenders);
    EXPECT_EQ(count_of(*part, "Le prix du coton grimpe"), 1U);
  }
  // The highlight says which topic it came from.
  EXPECT_NE(m.text.find("* Le prix du coton grimpe de 12 %\n  Axe de veille : Coton\n"),
            std::string::npos);
  EXPECT_NE(m.text.find("== Coton ==\n\n* Campagne cotonnière"), std::string::npos);
}

TEST(DigestMessage, TopicWithOnlyHighlightsHasNoSectionOfItsOwn) {
  DigestContent d = sample_digest("en");
  d.topics[0].stories[0].highlight = true;  // both Coton stories are highlights now
  const mail::Message m = compose(d);
  EXPECT_EQ(m.text.find("== Coton =="), std::string::npos);
  EXPECT_NE(m.text.find("== Highlights =="), std::string::npos);
  EXPECT_NE(m.text.find("== Appels d'offres BTP =="), std::string::npos);
}

TEST(DigestMessage, NoHighlightsSectionWithoutHighlights) {
  DigestContent d = sample_digest("fr");
  d.topics[0].stories[1].highlight = false;
  EXPECT_EQ(compose(d).text.find("Faits marquants"), std::string::npos);
}

TEST(DigestMessage, BlankCommentOmittedAndCommentShown) {
  const mail::Message m = compose(sample_digest("fr"));
  EXPECT_EQ(count_of(m.text, "Commentaire du veilleur"), 1U);
  EXPECT_NE(m.text.find("Impact direct sur les égreneurs."), std::string::npos);
}

TEST(DigestMessage, PeriodAndHeaders) {
  const DigestContent d = sample_digest("fr");
  const mail::Message m = compose(d);
  std::string text = m.text;
  std::replace(text.begin(), text.end(), '\n', ' ');
  EXPECT_NE(text.find("du 20 novembre 2026 à 15:45 UTC au 27 novembre 2026 à 15:45 UTC"),
            std::string::npos);
  const std::string msg = rendered(m);
  EXPECT_EQ(header(msg, "List-Id"), "Veille Vigie <digest-weekly.veille.cci.example>");
  EXPECT_EQ(header(msg, "List-Unsubscribe"), "<" + d.unsubscribe_url + ">");
  EXPECT_EQ(header(msg, "List-Unsubscribe-Post"), "List-Unsubscribe=One-Click");
  EXPECT_EQ(header(msg, "Auto-Submitted"), "auto-generated");
}

TEST(DigestMessage, EscapesHostileValues) {
  DigestContent d = sample_digest("fr");
  d.topics[1].name = "<script>x</script>\r\nBcc: a@evil.example";
  d.topics[1].stories[0].title = "<b onmouseover=alert(1)>t</b>";
  d.topics[1].stories[0].comment = "</td></table><script>y</script>";
  const mail::Message m = compose(d);
  EXPECT_EQ(m.html.find("<script"), std::string::npos);
  EXPECT_EQ(m.html.find("<b "), std::string::npos);
  EXPECT_NE(m.html.find("&lt;/td&gt;&lt;/table&gt;"), std::string::npos);
  for (const auto& [name, value] : header_fields(rendered(m))) {
    EXPECT_NE(name, "Bcc");
  }
}

}  // namespace
}  // namespace vigie::publish
