// SPDX-License-Identifier: AGPL-3.0-or-later
// Mail readers read our alerts and digests: Python's `email` package (Debian's
// /usr/bin/python3, the strict modern policy) parses the rendered bytes without a defect,
// decodes the subject, finds the RFC 8058 headers, a text part and an HTML part, and an HTML
// parser finds no element we did not write (a hostile title stays text).
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "message_test_util.h"
#include "publish/alert_message.h"
#include "publish/digest_message.h"
#include "sample_messages.h"
#include "support/temp_dir.h"

namespace vigie::publish {
namespace {

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return out + "'";
}

std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Prints, per message: defects, subject, the list headers, the parts' types, whether the
// plain part holds `needle`, and the set of HTML tags in the HTML part.
constexpr const char* kEmailScript = R"(
import sys, email, email.policy, html.parser
class Tags(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.tags = set(); self.text = ""
    def handle_starttag(self, tag, attrs): self.tags.add(tag)
    def handle_data(self, data): self.text += data
needle = sys.argv[1]
for path in sys.argv[2:]:
    m = email.message_from_bytes(open(path, "rb").read(), policy=email.policy.strict)
    defects = list(m.defects) + [d for p in m.walk() for d in p.defects]
    print("defects=%d" % len(defects))
    print("subject=" + str(m["Subject"]))
    for h in ("List-Unsubscribe", "List-Unsubscribe-Post", "Auto-Submitted", "List-Id"):
        print("%s=%s" % (h, m[h]))
    print("types=" + ",".join(p.get_content_type() for p in m.walk()))
    plain = m.get_body(("plain",)).get_content()
    print("plain_has_needle=%s" % (needle in plain))
    t = Tags(); t.feed(m.get_body(("html",)).get_content())
    print("tags=" + ",".join(sorted(t.tags)))
    print("html_has_needle=%s" % (needle in t.text))
)";

TEST(EmailInterop, PythonEmailReadsAlertAndDigest) {
  testing::TempDir dir;
  const std::string hostile = "Coton <script>alert(1)</script> & \"prix\"";
  AlertContent a = sample_alert("fr");
  a.title = hostile;
  DigestContent d = sample_digest("en");
  d.topics[0].stories[1].title = hostile;
  const mail::Message alert = compose_alert_email(a, sample_from(), "<delivery-1.1@cci.example>",
                                                  a.raised_at, messages_for("fr"));
  const mail::Message digest = compose_digest_email(d, sample_from(), "<delivery-2.1@cci.example>",
                                                    d.period_to, messages_for("en"));
  std::ofstream(dir / "alert.eml", std::ios::binary) << rendered(alert);
  std::ofstream(dir / "digest.eml", std::ios::binary) << rendered(digest);
  std::ofstream(dir / "check.py", std::ios::binary) << kEmailScript;
  const std::string cmd = "/usr/bin/python3 " + shell_quote((dir / "check.py").string()) + " "
                          + shell_quote(hostile) + " " + shell_quote((dir / "alert.eml").string())
                          + " " + shell_quote((dir / "digest.eml").string()) + " > "
                          + shell_quote((dir / "out").string()) + " 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0)  // NOLINT(cert-env33-c, concurrency-mt-unsafe): test
      << read_all(dir / "out");
  const std::string tags = "tags=a,body,br,h1,head,html,li,meta,p,span,table,td,title,tr,ul\n";
  const std::string expected =
      "defects=0\n"
      "subject=[Vigie · Alerte critique] Coton : " + hostile + "\n"
      "List-Unsubscribe=<" + a.unsubscribe_url + ">\n"
      "List-Unsubscribe-Post=List-Unsubscribe=One-Click\n"
      "Auto-Submitted=auto-generated\n"
      "List-Id=Alertes Vigie <topic-3.alerts.veille.cci.example>\n"
      "types=multipart/alternative,text/plain,text/html\n"
      "plain_has_needle=True\n" + tags +
      "html_has_needle=True\n"
      "defects=0\n"
      "subject=Vigie · Your weekly watch (3 stories)\n"
      "List-Unsubscribe=<" + d.unsubscribe_url + ">\n"
      "List-Unsubscribe-Post=List-Unsubscribe=One-Click\n"
      "Auto-Submitted=auto-generated\n"
      "List-Id=Vigie digest <digest-weekly.veille.cci.example>\n"
      "types=multipart/alternative,text/plain,text/html\n"
      "plain_has_needle=True\n"
      "tags=a,body,h2,h3,head,html,li,meta,p,table,td,title,tr,ul\n"
      "html_has_needle=True\n";
  EXPECT_EQ(read_all(dir / "out"), expected);
}

}  // namespace
}  // namespace vigie::publish
