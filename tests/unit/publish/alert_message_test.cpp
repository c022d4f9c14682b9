// SPDX-License-Identifier: AGPL-3.0-or-later
// The alert email: subject and headers, French and English, and that hostile titles, comments
// and URLs can neither add a header nor run in the HTML part.
#include "publish/alert_message.h"

#include <gtest/gtest.h>

#include "message_test_util.h"
#include "sample_messages.h"

namespace vigie::publish {
namespace {

constexpr const char* kMessageId = "<delivery-42.1@veille.cci.example>";

mail::Message compose(const AlertContent& a) {
  return compose_alert_email(a, sample_from(), kMessageId, core::from_unix(1'795'788'400),
                             messages_for(a.lang));
}

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

// The text part with its wrapping undone (line breaks as spaces).
std::string unwrapped(std::string text) {
  for (char& c : text) {
    c = c == '\n' ? ' ' : c;
  }
  return text;
}

TEST(AlertMessage, FrenchSubjectNamesSeverityTopicAndTitle) {
  const mail::Message m = compose(sample_alert("fr"));
  EXPECT_EQ(m.subject,
            "[Vigie · Alerte critique] Coton : Le prix du coton <graine> grimpe de 12 % à "
            "Bobo-Dioulasso");
}

TEST(AlertMessage, EnglishSubjectAndWords) {
  const mail::Message m = compose(sample_alert("en"));
  EXPECT_EQ(m.subject,
            "[Vigie · Critical alert] Cotton: Le prix du coton <graine> grimpe de 12 % à "
            "Bobo-Dioulasso");
  EXPECT_TRUE(contains(m.text, "Hello Awa Diallo,"));
  EXPECT_TRUE(contains(m.text, "Analyst's comment:"));
  EXPECT_TRUE(contains(m.text, "Read on the portal: https://veille.cci.example/stories/41"));
  EXPECT_TRUE(contains(m.html, "<html lang=\"en\">"));
}

TEST(AlertMessage, SeverityTagsPerPriority) {
  struct Case {
    core::Priority severity;
    std::string_view fr;
    std::string_view en;
  };
  const Case cases[] = {
      {core::Priority::Normal, "[Vigie · Alerte]", "[Vigie · Alert]"},
      {core::Priority::High, "[Vigie · Alerte importante]", "[Vigie · Important alert]"},
      {core::Priority::Critical, "[Vigie · Alerte critique]", "[Vigie · Critical alert]"}};
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.fr));
    AlertContent a = sample_alert("fr");
    a.severity = c.severity;
    EXPECT_TRUE(compose(a).subject.starts_with(c.fr));
    a.lang = "en";
    EXPECT_TRUE(compose(a).subject.starts_with(c.en));
  }
}

TEST(AlertMessage, CarriesOneClickUnsubscribeAndListHeaders) {
  const AlertContent a = sample_alert("fr");
  const std::string msg = rendered(compose(a));
  EXPECT_EQ(header(msg, "List-Unsubscribe"), "<" + a.unsubscribe_url + ">");
  EXPECT_EQ(header(msg, "List-Unsubscribe-Post"), "List-Unsubscribe=One-Click");
  EXPECT_EQ(header(msg, "Auto-Submitted"), "auto-generated");
  EXPECT_EQ(header(msg, "List-Id"), "Alertes Vigie <topic-3.alerts.veille.cci.example>");
  EXPECT_EQ(header(msg, "Message-ID"), kMessageId);
  EXPECT_EQ(header(msg, "To"), "Awa Diallo <awa.diallo@firm.example>");
}

TEST(AlertMessage, NoUnsubscribeHeadersWithoutAUrl) {
  AlertContent a = sample_alert("fr");
  a.unsubscribe_url.clear();
  const std::string msg = rendered(compose(a));
  EXPECT_EQ(header(msg, "List-Unsubscribe"), "<absent>");
  EXPECT_EQ(header(msg, "List-Id"), "Alertes Vigie <topic-3.alerts.veille.cci.example>");
  EXPECT_FALSE(contains(compose(a).text, "Se désabonner"));
}

TEST(AlertMessage, FormatsDatesPerLanguage) {
  EXPECT_TRUE(
      contains(unwrapped(compose(sample_alert("fr")).text), "le 27 novembre 2026 à 14:05 UTC."));
  EXPECT_TRUE(
      contains(unwrapped(compose(sample_alert("en")).text), "on 27 November 2026, 14:05 UTC."));
  EXPECT_TRUE(contains(compose(sample_alert("fr")).text, "(publié le 26 novembre 2026)"));
  EXPECT_EQ(format_long_date(core::from_unix(0), messages_for("fr")), "1 janvier 1970 à 00:00 UTC");
  EXPECT_EQ(format_long_date(core::from_unix(1'786'924'799), messages_for("en")),
            "16 August 2026, 23:59 UTC");
}

TEST(AlertMessage, LeadSaysWhoRaisedTheSignal) {
  AlertContent a = sample_alert("fr");
  a.signal_kind = std::string(core::kSignalTopicMatch);
  EXPECT_TRUE(
      contains(compose(a).text, "Un article correspondant à votre axe de veille « Coton »"));
  a.signal_kind = std::string(core::kSignalAnalystAlert);
  EXPECT_TRUE(contains(compose(a).text, "La cellule de veille a signalé cette information"));
}

TEST(AlertMessage, HostileTitleAndCommentCannotAddHeaders) {
  AlertContent a = sample_alert("fr");
  a.title = "Prix du coton\r\nBcc: everyone@evil.example\r\n\r\n<b>body</b>";
  a.topic_name = "Coton\nX-Injected: 1";
  a.recipient.name = "Awa\r\nCc: boss@evil.example";
  a.comment = "ligne 1\r\nBcc: other@evil.example";
  const std::string msg = rendered(compose(a));
  for (const auto& [name, value] : header_fields(msg)) {
    EXPECT_NE(name, "Bcc");
    EXPECT_NE(name, "Cc");
    EXPECT_NE(name, "X-Injected");
  }
  EXPECT_FALSE(contains(compose(a).subject, "\n"));
}

TEST(AlertMessage, HtmlEscapesEveryValue) {
  AlertContent a = sample_alert("fr");
  a.title = "<script>alert('t')</script>";
  a.comment = "<img src=x onerror=alert(1)>";
  a.excerpt = "a & b <i>c</i>";
  a.topic_name = "\"Coton\" <b>";
  a.sources = {SourceRef{"<script>s</script>", "https://x.example/?a=1&b=\"2\"", std::nullopt}};
  const mail::Message m = compose(a);
  EXPECT_FALSE(contains(m.html, "<script"));
  EXPECT_FALSE(contains(m.html, "<img"));
  EXPECT_FALSE(contains(m.html, "<i>"));
  EXPECT_TRUE(contains(m.html, "&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;"));
  EXPECT_TRUE(contains(m.html, "a &amp; b &lt;i&gt;c&lt;/i&gt;"));
  EXPECT_TRUE(contains(m.html, "href=\"https://x.example/?a=1&amp;b=&quot;2&quot;\""));
  // The text part is plain text: shown as typed, never interpreted.
  EXPECT_TRUE(contains(m.text, "<script>alert('t')</script>"));
}

TEST(AlertMessage, LinksOnlyToWebUrls) {
  AlertContent a = sample_alert("fr");
  a.sources = {SourceRef{"Piège", "javascript:alert(1)", std::nullopt}};
  a.story_url = "data:text/html,<b>x</b>";
  const mail::Message m = compose(a);
  EXPECT_FALSE(contains(m.html, "javascript:"));
  EXPECT_FALSE(contains(m.html, "data:text"));
  EXPECT_TRUE(contains(m.html, "Piège"));
}

TEST(AlertMessage, HtmlHasNoImageScriptOrExternalResource) {
  const mail::Message m = compose(sample_alert("fr"));
  for (std::string_view bad : {"<img", "<script", "<link", "<style", "src=", "url(", "<iframe"}) {
    SCOPED_TRACE(std::string(bad));
    EXPECT_FALSE(contains(m.html, bad));
  }
  EXPECT_TRUE(contains(m.html, "max-width:600px"));
}

TEST(AlertMessage, LongTitleIsCutInTheSubjectAndFoldedInTheHeader) {
  AlertContent a = sample_alert("fr");
  a.title.clear();
  for (int i = 0; i < 40; ++i) {
    a.title += "Filière coton " + std::to_string(i) + " ";
  }
  const mail::Message m = compose(a);
  EXPECT_TRUE(m.subject.ends_with("\u2026"));
  EXPECT_LT(m.subject.size(), 260U);
  // The Subject field is folded into lines of at most 78 characters (RFC 5322 §2.1.1).
  const std::string msg = rendered(m);
  bool in_subject = false;
  int subject_lines = 0;
  for (const std::string& line : crlf_lines(msg.substr(0, msg.find("\r\n\r\n")))) {
    const bool continuation = !line.empty() && line[0] == ' ';
    in_subject = line.starts_with("Subject:") || (in_subject && continuation);
    if (in_subject) {
      ++subject_lines;
      EXPECT_LE(line.size(), 78U) << line;
    }
  }
  EXPECT_GT(subject_lines, 2);
  // The body keeps the whole title, wrapped at 72 columns in the text part.
  EXPECT_TRUE(contains(m.text, "Filière coton 39"));
}

TEST(AlertMessage, TextPartWrapsAt72Columns) {
  AlertContent a = sample_alert("fr");
  a.excerpt = std::string(30, 'x') + " " + std::string(30, 'y') + " " + std::string(30, 'z');
  const mail::Message m = compose(a);
  std::size_t start = 0;
  while (start < m.text.size()) {
    std::size_t end = m.text.find('\n', start);
    end = end == std::string::npos ? m.text.size() : end;
    const std::string line = m.text.substr(start, end - start);
    if (!contains(line, "https://")) {  // URLs are never cut
      std::size_t points = 0;
      for (char c : line) {
        points += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1 : 0;
      }
      EXPECT_LE(points, 72U) << line;
    }
    start = end + 1;
  }
}

TEST(AlertMessage, BlankOrAbsentCommentIsOmitted) {
  for (const std::optional<std::string>& comment :
       {std::optional<std::string>{}, std::optional<std::string>{" \n\t "}}) {
    AlertContent a = sample_alert("fr");
    a.comment = comment;
    const mail::Message m = compose(a);
    EXPECT_FALSE(contains(m.text, "Commentaire du veilleur"));
    EXPECT_FALSE(contains(m.html, "Commentaire du veilleur"));
  }
  const mail::Message with = compose(sample_alert("fr"));
  EXPECT_TRUE(contains(with.text, "Commentaire du veilleur :\n  À suivre : impact direct"));
  EXPECT_TRUE(contains(with.html, "Commentaire du veilleur"));
}

TEST(AlertMessage, GreetsWithoutANameWhenThereIsNone) {
  AlertContent a = sample_alert("fr");
  a.recipient.name.clear();
  EXPECT_TRUE(compose(a).text.starts_with("Bonjour,\n"));
}

TEST(AlertMessage, MessageIdNamesTheDeliveryAndTheBaseUrlHost) {
  EXPECT_EQ(delivery_message_id(42, 1, "https://veille.cci.example/"),
            "<delivery-42.1@veille.cci.example>");
  EXPECT_EQ(delivery_message_id(7, 3, "http://127.0.0.1:8080"), "<delivery-7.3@127.0.0.1>");
  EXPECT_EQ(delivery_message_id(7, 3, "http://[::1]:8080"), "<delivery-7.3@vigie.invalid>");
  EXPECT_EQ(delivery_message_id(7, 3, ""), "<delivery-7.3@vigie.invalid>");
}

}  // namespace
}  // namespace vigie::publish
