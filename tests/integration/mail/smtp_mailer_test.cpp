// SPDX-License-Identifier: AGPL-3.0-or-later
// SmtpMailer against a real SMTP server on loopback: delivery, bounces, deferrals, a server
// that is down, STARTTLS, implicit TLS, authentication, and a slow server.
#include "mail/smtp/smtp_mailer.h"

#include <gtest/gtest.h>

#include "http/http_fixture_server.h"
#include "mail/mime.h"
#include "smtp/smtp_fixture_server.h"
#include "support/temp_dir.h"

namespace vigie::mail::smtp {
namespace {

using testing::SmtpFixtureServer;
using testing::SmtpServerOptions;

std::string sample_message(const std::string& to) {
  Message m;
  m.from = {"veille@cci.example", "Cellule de veille"};
  m.to = {to, "Awa Diallo"};
  m.subject = "Alerte : le coton à la hausse";
  m.text = "Le prix du coton monte.\n.\nUne ligne avec un point seul ne coupe pas le message.\n";
  m.html = "<p>Le prix du coton <b>monte</b>.</p>";
  m.message_id = "<delivery-1.test@vigie>";
  m.date = core::from_unix(1'795'684'477);
  return render(m, "=_vigie_1");
}

std::unique_ptr<SmtpMailer> mailer(const std::string& url, SmtpOptions o = {}) {
  o.url = url;
  auto m = SmtpMailer::create(o);
  EXPECT_TRUE(m) << m.error().message;
  return std::move(*m);
}

class SmtpMailerTest : public ::testing::Test {
 protected:
  vigie::testing::TempDir dir_;
};

TEST_F(SmtpMailerTest, DeliversTheMessageIntactOnce) {
  SmtpFixtureServer server(dir_ / "mail");
  const auto msg = sample_message("awa@cci.example");
  auto out = mailer(server.url())->send({"veille@cci.example", "awa@cci.example"}, msg);
  ASSERT_EQ(out.status, SendStatus::Sent) << out.detail;
  auto got = server.messages();
  ASSERT_EQ(got.size(), 1U);
  EXPECT_EQ(got[0].mail_from, "veille@cci.example");
  EXPECT_EQ(got[0].rcpt_tos, std::vector<std::string>{"awa@cci.example"});
  // The lone dot was protected (dot-stuffing is undone by the server): nothing was cut.
  EXPECT_EQ(got[0].data, msg);
}

TEST_F(SmtpMailerTest, ClassifiesRejectionsAndDeferralsPerRecipient) {
  SmtpServerOptions opts;
  opts.reject = {"gone@cci.example"};
  opts.defer = {"busy@cci.example"};
  SmtpFixtureServer server(dir_ / "mail", opts);
  auto m = mailer(server.url());
  auto bounced = m->send({"veille@cci.example", "gone@cci.example"}, sample_message("x"));
  EXPECT_EQ(bounced.status, SendStatus::Permanent) << bounced.detail;
  EXPECT_EQ(bounced.smtp_code, 550);
  EXPECT_EQ(bounced.reason, "mail.rejected");
  auto deferred = m->send({"veille@cci.example", "busy@cci.example"}, sample_message("x"));
  EXPECT_EQ(deferred.status, SendStatus::Transient) << deferred.detail;
  EXPECT_EQ(deferred.smtp_code, 451);
  EXPECT_EQ(deferred.reason, "mail.deferred");
  auto fine = m->send({"veille@cci.example", "awa@cci.example"}, sample_message("x"));
  EXPECT_EQ(fine.status, SendStatus::Sent) << fine.detail;
  EXPECT_EQ(server.messages().size(), 1U);
}

TEST_F(SmtpMailerTest, AServerThatIsDownIsTransientAndWorksWhenBack) {
  SmtpFixtureServer server(dir_ / "mail");
  auto m = mailer(server.url());
  server.stop();
  auto down = m->send({"veille@cci.example", "awa@cci.example"}, sample_message("x"));
  EXPECT_EQ(down.status, SendStatus::Transient);
  EXPECT_EQ(down.reason, "mail.unreachable") << down.detail;
  server.restart();
  auto up = m->send({"veille@cci.example", "awa@cci.example"}, sample_message("x"));
  EXPECT_EQ(up.status, SendStatus::Sent) << up.detail;
  EXPECT_EQ(server.messages().size(), 1U);
}

TEST_F(SmtpMailerTest, UpgradesWithStartTlsAndAuthenticates) {
  auto tls = vigie::testing::write_self_signed_cert(dir_.path());
  SmtpServerOptions opts;
  opts.tls_cert = tls.cert;
  opts.tls_key = tls.key;
  opts.auth = "veille:s3cret";
  SmtpFixtureServer server(dir_ / "mail", opts);
  SmtpOptions o;
  o.require_tls = true;
  o.verify_peer = false;  // a throw-away certificate; verification is tested below
  const auto url = "smtp://veille:s3cret@127.0.0.1:" + std::to_string(server.port());
  auto ok = mailer(url, o)->send({"veille@cci.example", "awa@cci.example"}, sample_message("x"));
  ASSERT_EQ(ok.status, SendStatus::Sent) << ok.detail;
  auto got = server.messages();
  ASSERT_EQ(got.size(), 1U);
  EXPECT_TRUE(got[0].tls);
  EXPECT_TRUE(got[0].authenticated);

  const auto bad = "smtp://veille:wrong@127.0.0.1:" + std::to_string(server.port());
  auto denied =
      mailer(bad, o)->send({"veille@cci.example", "awa@cci.example"}, sample_message("x"));
  EXPECT_EQ(denied.status, SendStatus::Transient);  // our configuration, not a bounce
  EXPECT_EQ(denied.reason, "mail.auth_failed") << denied.detail;

  SmtpOptions strict;
  strict.require_tls = true;  // verify_peer stays on: the self-signed certificate is refused
  auto untrusted =
      mailer(url, strict)->send({"veille@cci.example", "awa@cci.example"}, sample_message("x"));
  EXPECT_EQ(untrusted.status, SendStatus::Transient);
  EXPECT_EQ(untrusted.reason, "mail.tls_failed") << untrusted.detail;
  EXPECT_EQ(server.messages().size(), 1U);
}

TEST_F(SmtpMailerTest, RequiredTlsIsNeverDowngradedToPlainText) {
  SmtpFixtureServer server(dir_ / "mail");  // offers no STARTTLS
  SmtpOptions o;
  o.require_tls = true;
  auto out =
      mailer(server.url(), o)->send({"veille@cci.example", "awa@cci.example"}, sample_message("x"));
  EXPECT_EQ(out.status, SendStatus::Transient);
  EXPECT_EQ(out.reason, "mail.tls_failed") << out.detail;
  EXPECT_TRUE(server.messages().empty());
}

TEST_F(SmtpMailerTest, SpeaksImplicitTls) {
  auto tls = vigie::testing::write_self_signed_cert(dir_.path());
  SmtpServerOptions opts;
  opts.tls_cert = tls.cert;
  opts.tls_key = tls.key;
  opts.implicit_tls = true;
  SmtpFixtureServer server(dir_ / "mail", opts);
  ASSERT_EQ(server.url().rfind("smtps://", 0), 0U);
  SmtpOptions o;
  o.verify_peer = false;
  auto out =
      mailer(server.url(), o)->send({"veille@cci.example", "awa@cci.example"}, sample_message("x"));
  ASSERT_EQ(out.status, SendStatus::Sent) << out.detail;
  EXPECT_TRUE(server.messages().at(0).tls);
}

TEST_F(SmtpMailerTest, ASlowServerCostsAtMostTheTimeout) {
  SmtpServerOptions opts;
  opts.delay_for = {"slow@cci.example=30"};
  SmtpFixtureServer server(dir_ / "mail", opts);
  SmtpOptions o;
  o.total_timeout = std::chrono::seconds(1);
  auto out = mailer(server.url(), o)
                 ->send({"veille@cci.example", "slow@cci.example"}, sample_message("x"));
  EXPECT_EQ(out.status, SendStatus::Transient);
  EXPECT_EQ(out.reason, "mail.timeout") << out.detail;
}

TEST(SmtpMailerCreate, RefusesOtherSchemes) {
  SmtpOptions o;
  o.url = "http://127.0.0.1:25";
  auto m = SmtpMailer::create(o);
  ASSERT_FALSE(m);
  EXPECT_EQ(m.error().reason, "mail.invalid_url");
}

}  // namespace
}  // namespace vigie::mail::smtp
