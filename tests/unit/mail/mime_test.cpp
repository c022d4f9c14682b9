// SPDX-License-Identifier: AGPL-3.0-or-later
// MIME composition: quoted-printable bodies, RFC 2047 headers, the message's shape, and that
// no value can smuggle a header in.
#include "mail/mime.h"

#include <sstream>

#include <gtest/gtest.h>

namespace vigie::mail {
namespace {

// Decodes quoted-printable (test oracle): soft breaks removed, =XX decoded, CRLF -> LF.
std::string decode_qp(const std::string& in) {
  std::string out;
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '=' && i + 2 < in.size() && in[i + 1] == '\r' && in[i + 2] == '\n') {
      i += 2;
    } else if (in[i] == '=' && i + 2 < in.size()) {
      out += static_cast<char>(std::stoi(in.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else if (in[i] == '\r' && i + 1 < in.size() && in[i + 1] == '\n') {
      out += '\n';
      ++i;
    } else {
      out += in[i];
    }
  }
  return out;
}

std::vector<std::string> crlf_lines(const std::string& s) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (;;) {
    const auto end = s.find("\r\n", start);
    if (end == std::string::npos) {
      lines.push_back(s.substr(start));
      return lines;
    }
    lines.push_back(s.substr(start, end - start));
    start = end + 2;
  }
}

TEST(QuotedPrintable, RoundTripsFrenchTextWithinLineLimits) {
  const std::string cases[] = {
      "",
      "Prix du coton : hausse de 12 % à Bobo-Dioulasso",
      "ligne 1\nligne 2\r\nligne 3\n",
      "égalité = 100 %, tarif = 5 €",
      std::string(300, 'x') + "é" + std::string(100, 'y'),
      "espace final \ntab final\t\n",
      ".ligne qui commence par un point\nFrom here on\n",
      "\xE6\x97\xA5\xE6\x9C\xAC and \xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A",
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c);
    const auto enc = encode_quoted_printable(c);
    std::string expected = c;
    for (std::size_t p; (p = expected.find("\r\n")) != std::string::npos;) {
      expected.erase(p, 1);
    }
    EXPECT_EQ(decode_qp(enc), expected);
    for (const auto& line : crlf_lines(enc)) {
      EXPECT_LE(line.size(), 76U) << line;
      EXPECT_TRUE(line.empty() || (line.back() != ' ' && line.back() != '\t')) << line;
      EXPECT_NE(line.rfind('.', 0), 0U) << "a line starts with a dot: " << line;
      EXPECT_NE(line.rfind("From ", 0), 0U) << line;
      for (char b : line) {
        const auto ch = static_cast<unsigned char>(b);
        EXPECT_TRUE(ch >= 0x20 && ch < 0x7f) << "raw byte " << static_cast<int>(ch);
      }
    }
  }
}

TEST(HeaderValue, PlainAsciiStaysReadableAndOtherTextIsEncoded) {
  EXPECT_EQ(encode_header_value("Cotton prices rise", 7), "Cotton prices rise");
  const auto fr = encode_header_value("Alerte : le coton à la hausse", 7);
  EXPECT_EQ(fr.rfind("=?UTF-8?B?", 0), 0U) << fr;
  // Something that looks like an encoded word is encoded, not passed through.
  EXPECT_EQ(encode_header_value("=?UTF-8?B?SGk=?=", 7).rfind("=?UTF-8?B?", 0), 0U);
  // Long non-ASCII text: several encoded words, each line within 78 columns.
  const std::string title = "Sénégal : la filière anacarde exporte davantage vers l'Asie en 2026";
  const auto enc = encode_header_value(title, 7);
  for (const auto& line : crlf_lines(enc)) {
    EXPECT_LE(line.size() + 9, 78U) << line;
  }
}

TEST(HeaderValue, LineBreaksInValuesCannotStartAHeader) {
  for (const char* evil : {"Hello\r\nBcc: victim@x.example", "Hello\nBcc: victim@x.example",
                           "Hello\rBcc: victim@x.example", "Aïe\r\nBcc: victim@x.example"}) {
    const auto lines = crlf_lines(encode_header_value(evil, 7));
    for (std::size_t i = 1; i < lines.size(); ++i) {
      EXPECT_EQ(lines[i].rfind(' ', 0), 0U) << "a continuation line must be folded: " << lines[i];
    }
    EXPECT_EQ(lines[0].find('\r'), std::string::npos);
  }
  Message m;
  m.from = {"veille@cci.example", "Veille\r\nBcc: x@y.example"};
  m.to = {"awa@cci.example\r\nBcc: x@y.example", ""};
  m.subject = "Sujet\r\nBcc: x@y.example";
  m.message_id = "<1@vigie>\r\nBcc: x@y.example";
  m.headers = {{"List-Unsubscribe", "<https://v.example/u/abc>\r\nBcc: x@y.example"}};
  const auto out = render(m, "=_vigie_b");
  for (const auto& line : crlf_lines(out)) {
    EXPECT_NE(line.rfind("Bcc:", 0), 0U) << out;
  }
}

TEST(Mailbox, QuotesOrEncodesDisplayNames) {
  EXPECT_EQ(format_mailbox({"awa@cci.example", ""}, 2), "awa@cci.example");
  EXPECT_EQ(format_mailbox({"awa@cci.example", "Awa Diallo"}, 2), "Awa Diallo <awa@cci.example>");
  EXPECT_EQ(format_mailbox({"v@cci.example", "Veille, CCI \"BF\""}, 4),
            "\"Veille, CCI \\\"BF\\\"\" <v@cci.example>");
  const auto enc = format_mailbox({"m@socoma.example", "Moussa Traoré"}, 2);
  EXPECT_EQ(enc.rfind("=?UTF-8?B?", 0), 0U);
  EXPECT_NE(enc.find("\r\n <m@socoma.example>"), std::string::npos);
}

TEST(Date, IsRfc5322InUtc) {
  EXPECT_EQ(core::format_rfc5322(core::from_unix(1'795'770'877)),
            "Fri, 27 Nov 2026 09:14:37 +0000");
  EXPECT_EQ(core::format_rfc5322(core::from_unix(0)), "Thu, 1 Jan 1970 00:00:00 +0000");
}

TEST(Render, BuildsMultipartAlternativeWithBothParts) {
  Message m;
  m.from = {"veille@cci.example", "Cellule de veille"};
  m.to = {"awa@cci.example", "Awa Diallo"};
  m.subject = "Alerte : coton";
  m.text = "Le prix du coton monte.\n";
  m.html = "<p>Le prix du coton <b>monte</b>.</p>";
  m.message_id = "<delivery-42.abc@vigie>";
  m.date = core::from_unix(1'795'770'877);
  m.headers = {{"List-Unsubscribe", "<https://v.example/u/tok>"},
               {"List-Unsubscribe-Post", "List-Unsubscribe=One-Click"}};
  const auto out = render(m, "=_vigie_42");
  EXPECT_NE(out.find("Date: Fri, 27 Nov 2026 09:14:37 +0000\r\n"), std::string::npos);
  EXPECT_NE(out.find("From: Cellule de veille <veille@cci.example>\r\n"), std::string::npos);
  EXPECT_NE(out.find("To: Awa Diallo <awa@cci.example>\r\n"), std::string::npos);
  EXPECT_NE(out.find("Message-ID: <delivery-42.abc@vigie>\r\n"), std::string::npos);
  EXPECT_NE(out.find("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"), std::string::npos);
  EXPECT_NE(out.find("Content-Type: multipart/alternative; boundary=\"=_vigie_42\"\r\n\r\n"),
            std::string::npos);
  const auto text_at = out.find("Content-Type: text/plain; charset=utf-8");
  const auto html_at = out.find("Content-Type: text/html; charset=utf-8");
  ASSERT_NE(text_at, std::string::npos);
  ASSERT_NE(html_at, std::string::npos);
  EXPECT_LT(text_at, html_at);  // the preferred (richer) part comes last
  EXPECT_EQ(out.substr(out.size() - 16), "--=_vigie_42--\r\n");
  EXPECT_EQ(out.find("\n", 0) - 1, out.find("\r\n", 0));  // CRLF line ends throughout
  for (std::size_t p = out.find('\n'); p != std::string::npos; p = out.find('\n', p + 1)) {
    ASSERT_EQ(out[p - 1], '\r') << "bare LF at " << p;
  }
}

TEST(Render, TextOnlyMessageHasOnePart) {
  Message m;
  m.from = {"veille@cci.example", ""};
  m.to = {"awa@cci.example", ""};
  m.subject = "Digest";
  m.text = "Rien de neuf.";
  const auto out = render(m, "=_unused");
  EXPECT_EQ(out.find("multipart"), std::string::npos);
  EXPECT_NE(out.find("Content-Type: text/plain; charset=utf-8\r\n"), std::string::npos);
}

}  // namespace
}  // namespace vigie::mail
