// SPDX-License-Identifier: AGPL-3.0-or-later
#include "main/config.h"

#include <gtest/gtest.h>

namespace vigie::main {
namespace {

TEST(ConfigTest, DefaultsAreValid) {
  Config c;
  EXPECT_TRUE(c.validate());
  EXPECT_EQ(c.storage.db_path, "vigie.db");
  EXPECT_EQ(c.effective_index_path(), "vigie.index");
  c.storage.db_path = "/srv/vigie/base";
  EXPECT_EQ(c.effective_index_path(), "/srv/vigie/base.index");
}

TEST(ConfigTest, ReadsEveryKnownKeyFromToml) {
  Config c;
  const char* toml = R"(
operator = "CCI Burkina"
lang = "en"
[storage]
db = "/srv/vigie.db"
[fetch]
allow = ["127.0.0.1:8080", "10.0.0.0/8"]
proxy = "http://proxy.cci.example:3128"
max_concurrent = 8
per_host_min_delay_ms = 2000
[worker]
idle_seconds = 60
)";
  auto st = apply_toml(c, toml, "test.toml");
  ASSERT_TRUE(st) << st.error().message;
  EXPECT_EQ(c.operator_name, "CCI Burkina");
  EXPECT_EQ(c.lang, "en");
  EXPECT_EQ(c.storage.db_path, "/srv/vigie.db");
  EXPECT_EQ(c.fetch.allow, (std::vector<std::string>{"127.0.0.1:8080", "10.0.0.0/8"}));
  EXPECT_EQ(c.fetch.proxy, "http://proxy.cci.example:3128");
  EXPECT_EQ(c.fetch.max_concurrent, 8U);
  EXPECT_EQ(c.fetch.per_host_min_delay_ms, 2000);
  EXPECT_EQ(c.worker.idle_seconds, 60);
}

TEST(ConfigTest, RefusesUnknownKeysAndWrongTypesWithTheKeyNamed) {
  struct Case {
    const char* name;
    const char* toml;
    const char* expected_in_message;
  };
  const Case cases[] = {
      {"typo", "[fetch]\nmax_concurent = 3\n", "fetch.max_concurent"},
      {"wrong type", "[fetch]\nmax_concurrent = \"many\"\n", "fetch.max_concurrent"},
      {"negative", "[worker]\nidle_seconds = -1\n", "worker.idle_seconds"},
      {"syntax", "[fetch\n", "test.toml"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    Config cfg;
    auto st = apply_toml(cfg, c.toml, "test.toml");
    ASSERT_FALSE(st);
    EXPECT_EQ(st.error().reason, "config.invalid");
    EXPECT_NE(st.error().message.find(c.expected_in_message), std::string::npos)
        << st.error().message;
  }
}

TEST(ConfigTest, EnvironmentOverridesTheFile) {
  Config c;
  ASSERT_TRUE(apply_toml(c, "[storage]\ndb = \"file.db\"\n", "t"));
  ASSERT_TRUE(apply_env(c, {{"VIGIE_DB", "env.db"},
                            {"VIGIE_FETCH_ALLOW", "127.0.0.1:8080, 127.0.0.0/8"},
                            {"VIGIE_LANG", "en_GB.UTF-8"}}));
  EXPECT_EQ(c.storage.db_path, "env.db");
  EXPECT_EQ(c.fetch.allow, (std::vector<std::string>{"127.0.0.1:8080", "127.0.0.0/8"}));
  EXPECT_EQ(c.lang, "en");
}

TEST(ConfigTest, LangFromLangOnlyWhenItNamesALanguageWeHave) {
  Config c;
  c.lang = "en";
  ASSERT_TRUE(apply_env(c, {{"LANG", "C.UTF-8"}}));
  EXPECT_EQ(c.lang, "en");
  ASSERT_TRUE(apply_env(c, {{"LANG", "fr_SN.UTF-8"}}));
  EXPECT_EQ(c.lang, "fr");
}

TEST(ConfigTest, ValidationNamesTheField) {
  Config c;
  c.fetch.max_concurrent = 0;
  auto st = c.validate();
  ASSERT_FALSE(st);
  EXPECT_NE(st.error().message.find("concurrency"), std::string::npos);
}

}  // namespace
}  // namespace vigie::main
