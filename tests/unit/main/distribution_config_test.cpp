// SPDX-License-Identifier: AGPL-3.0-or-later
// The distribution settings: [mail], [web], [outbox] and their VIGIE_* variables, the sender
// address, and the secret key file created on first use.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "main/config.h"
#include "main/secret_key.h"
#include "support/temp_dir.h"

namespace vigie::main {
namespace {

TEST(DistributionConfigTest, ReadsMailWebAndOutboxFromTomlThenEnvironment) {
  Config c;
  const char* toml = R"(
secret_key_file = "/etc/vigie/key"
[mail]
smtp_url = "smtps://veille:secret@mail.cci.example:465"
from = "Veille CCI <veille@cci.example>"
require_tls = true
timeout_seconds = 30
[web]
base_url = "https://veille.cci.example"
[outbox]
give_up_hours = 24
workers = 8
poll_seconds = 5
)";
  auto st = apply_toml(c, toml, "test.toml");
  ASSERT_TRUE(st) << st.error().message;
  EXPECT_EQ(c.mail.smtp_url, "smtps://veille:secret@mail.cci.example:465");
  EXPECT_TRUE(c.mail.require_tls);
  EXPECT_EQ(c.mail.timeout_seconds, 30);
  EXPECT_EQ(c.web.base_url, "https://veille.cci.example");
  EXPECT_EQ(c.outbox.give_up_hours, 24);
  EXPECT_EQ(c.outbox.workers, 8U);
  EXPECT_EQ(c.effective_secret_key_path(), "/etc/vigie/key");
  ASSERT_TRUE(c.validate());

  ASSERT_TRUE(apply_env(c, {{"VIGIE_SMTP_URL", "smtp://127.0.0.1:2525"},
                            {"VIGIE_SMTP_FROM", "veille@cci.example"},
                            {"VIGIE_BASE_URL", "http://127.0.0.1:9000"},
                            {"VIGIE_OUTBOX_GIVE_UP_HOURS", "72"},
                            {"VIGIE_SECRET_KEY_FILE", "/run/secrets/vigie"}}));
  EXPECT_EQ(c.mail.smtp_url, "smtp://127.0.0.1:2525");
  EXPECT_EQ(c.mail.from, "veille@cci.example");
  EXPECT_EQ(c.web.base_url, "http://127.0.0.1:9000");
  EXPECT_EQ(c.outbox.give_up_hours, 72);
  EXPECT_EQ(c.effective_secret_key_path(), "/run/secrets/vigie");
  EXPECT_TRUE(c.validate());
  EXPECT_FALSE(apply_env(c, {{"VIGIE_OUTBOX_GIVE_UP_HOURS", "two days"}}));
}

TEST(DistributionConfigTest, RefusesWhatCannotWork) {
  struct Case {
    const char* name;
    void (*change)(Config&);
  };
  const Case cases[] = {
      {"http smtp url", [](Config& c) { c.mail.smtp_url = "http://mail.example"; }},
      {"sender with CR LF", [](Config& c) { c.mail.from = "x@y.example\r\nBcc: a@b.example"; }},
      {"sender without address", [](Config& c) { c.mail.from = "Veille CCI"; }},
      {"relative base url", [](Config& c) { c.web.base_url = "veille.cci.example"; }},
      {"zero workers", [](Config& c) { c.outbox.workers = 0; }},
      {"zero give-up", [](Config& c) { c.outbox.give_up_hours = 0; }},
      {"bad VIGIE_NOW", [](Config& c) { c.fixed_now = "yesterday"; }},
  };
  for (const auto& k : cases) {
    SCOPED_TRACE(k.name);
    Config c;
    k.change(c);
    auto st = c.validate();
    ASSERT_FALSE(st);
    EXPECT_EQ(st.error().reason, "config.invalid");
  }
}

TEST(DistributionConfigTest, ParsesTheSenderWithOrWithoutADisplayName) {
  auto plain = parse_from("veille@cci.example");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->address, "veille@cci.example");
  EXPECT_EQ(plain->name, "");
  auto named = parse_from("Veille CCI <veille@cci.example>");
  ASSERT_TRUE(named);
  EXPECT_EQ(named->address, "veille@cci.example");
  EXPECT_EQ(named->name, "Veille CCI");
  auto quoted = parse_from("\"Veille, CCI\" <veille@cci.example>");
  ASSERT_TRUE(quoted);
  EXPECT_EQ(quoted->name, "Veille, CCI");
}

TEST(DistributionConfigTest, TheSecretKeyLivesBesideTheDatabaseByDefault) {
  Config c;
  c.storage.db_path = "/srv/vigie/vigie.db";
  EXPECT_EQ(c.effective_secret_key_path(), "/srv/vigie/secret.key");
  c.storage.db_path = "vigie.db";
  EXPECT_EQ(c.effective_secret_key_path(), "secret.key");
}

TEST(SecretKeyTest, IsCreatedOnceWithOwnerOnlyPermissionsThenReused) {
  testing::TempDir dir;
  const auto path = (dir.path() / "secret.key").string();
  auto first = load_or_create_secret_key(path);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->size(), 64U);
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777U, 0600U);
  auto again = load_or_create_secret_key(path);
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, *first);
  std::ofstream(dir.path() / "short.key") << "tiny\n";
  auto short_key = load_or_create_secret_key((dir.path() / "short.key").string());
  ASSERT_FALSE(short_key);
  EXPECT_EQ(short_key.error().reason, "config.secret_key");
}

}  // namespace
}  // namespace vigie::main
