// SPDX-License-Identifier: AGPL-3.0-or-later
// `vigie orgs` and `vigie users` end to end: what an administrator types to set up the people
// of a chamber and its member firms before the portal exists.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_fixture.h"

namespace vigie {
namespace {

TEST_F(CliTest, SetsUpMemberFirmsAndTheirUsers) {
  auto org = vigie({"orgs", "add", "SOCOMA Sarl"});
  ASSERT_EQ(org.exit_code, 0) << org.err;
  auto orgs = vigie({"orgs", "list", "--json"});
  ASSERT_EQ(orgs.exit_code, 0) << orgs.err;
  auto oj = nlohmann::json::parse(orgs.out);
  ASSERT_EQ(oj.size(), 2U);
  EXPECT_EQ(oj[1]["name"], "SOCOMA Sarl");
  EXPECT_EQ(oj[1]["kind"], "member");

  ASSERT_EQ(vigie({"users", "add", "awa@cci.example", "--name", "Awa Diallo"}).exit_code, 0);
  ASSERT_EQ(vigie({"users", "add", "moussa@socoma.example", "--name", "Moussa Traoré", "--lang",
                   "en", "--org", "SOCOMA Sarl"})
                .exit_code,
            0);
  auto list = vigie({"users", "list", "--json"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  auto uj = nlohmann::json::parse(list.out);
  ASSERT_EQ(uj.size(), 2U);
  EXPECT_EQ(uj[0]["memberships"][0]["role"], "analyst");  // operator staff by default
  EXPECT_EQ(uj[1]["memberships"][0]["org"], "SOCOMA Sarl");
  EXPECT_EQ(uj[1]["memberships"][0]["role"], "member");
  EXPECT_EQ(uj[1]["lang"], "en");
  EXPECT_EQ(uj[1]["name"], "Moussa Traoré");

  auto firm = vigie({"users", "list", "--org", "SOCOMA Sarl"}, "fr");
  ASSERT_EQ(firm.exit_code, 0) << firm.err;
  EXPECT_NE(firm.out.find("moussa@socoma.example"), std::string::npos);
  EXPECT_EQ(firm.out.find("awa@cci.example"), std::string::npos);
  EXPECT_NE(firm.out.find("adhérent"), std::string::npos) << firm.out;

  ASSERT_EQ(vigie({"users", "grant", "awa@cci.example", "--role", "admin"}).exit_code, 0);
  ASSERT_EQ(vigie({"users", "edit", "AWA@cci.example", "--lang", "en", "--active", "no"}).exit_code,
            0);
  auto awa = vigie({"users", "show", "awa@cci.example", "--json"});
  ASSERT_EQ(awa.exit_code, 0) << awa.err;
  auto aj = nlohmann::json::parse(awa.out)[0];
  EXPECT_EQ(aj["memberships"][0]["role"], "admin");
  EXPECT_EQ(aj["lang"], "en");
  EXPECT_EQ(aj["active"], false);

  ASSERT_EQ(vigie({"users", "revoke", "moussa@socoma.example", "--org", "SOCOMA Sarl"}).exit_code,
            0);
  ASSERT_EQ(vigie({"users", "remove", "moussa@socoma.example"}).exit_code, 0);
  auto gone = vigie({"users", "show", "moussa@socoma.example"});
  EXPECT_EQ(gone.exit_code, 1);
  EXPECT_NE(gone.err.find("no such user"), std::string::npos) << gone.err;
}

TEST_F(CliTest, RefusesBadPeopleInputWithAReadableReason) {
  ASSERT_EQ(vigie({"orgs", "add", "SOCOMA"}).exit_code, 0);
  struct Case {
    std::vector<std::string> args;
    std::string message;  // in French
  };
  const std::vector<Case> cases = {
      {{"users", "add", "not-an-address"}, "adresse électronique invalide"},
      {{"users", "add", "a@b.example\r\nBcc: x@y.example"}, "adresse électronique invalide"},
      {{"users", "add", "x@y.example", "--lang", "de"}, "langue inconnue"},
      {{"users", "add", "x@y.example", "--org", "Nulle part"}, "organisation introuvable"},
      {{"users", "add", "x@y.example", "--org", "SOCOMA", "--role", "analyst"},
       "ce rôle ne convient pas"},
      {{"users", "add", "x@y.example", "--role", "chef"}, "rôle inconnu"},
      {{"orgs", "add", "SOCOMA"}, "cette organisation existe déjà"},
      {{"users", "revoke", "nobody@y.example"}, "utilisateur introuvable"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.args[2]);
    auto r = vigie(c.args, "fr");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
  }
  ASSERT_EQ(vigie({"users", "add", "x@y.example"}).exit_code, 0);
  auto dup = vigie({"users", "add", "X@Y.example"}, "fr");
  EXPECT_EQ(dup.exit_code, 1);
  EXPECT_NE(dup.err.find("un utilisateur a déjà cette adresse"), std::string::npos) << dup.err;
}

}  // namespace
}  // namespace vigie
