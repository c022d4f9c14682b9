// SPDX-License-Identifier: AGPL-3.0-or-later
// The email rule of PeopleService: an address ends up in mail headers, so it must be plain.
#include "service/people_service.h"

#include <gtest/gtest.h>

namespace vigie::service {
namespace {

struct EmailCase {
  const char* email;
  bool valid;
};

TEST(IsValidEmail, AcceptsPlainAddressesAndRefusesAnythingThatCouldInjectAHeader) {
  const EmailCase cases[] = {
      {"awa@cci.example", true},
      {"awa.diallo+veille@cci-bf.example", true},
      {"O'Brien@mail.example.org", true},
      {"root@localhost", true},
      {"", false},
      {"awa", false},
      {"@cci.example", false},
      {"awa@", false},
      {"awa@@cci.example", false},
      {"a@b@cci.example", false},
      {"awa@cci", false},  // no dot: a typo more often than a real domain
      {".awa@cci.example", false},
      {"awa.@cci.example", false},
      {"a..wa@cci.example", false},
      {"awa@cci..example", false},
      {"awa@-cci.example", false},
      {"awa diallo@cci.example", false},
      {"awa@cci.example\r\nBcc: all@x.example", false},
      {"awa@cci.example\nBcc: all@x.example", false},
      {"Awa <awa@cci.example>", false},
      {"awa@cci.example, bob@cci.example", false},
      {"\"awa\"@cci.example", false},
      {"awa@cci.example;", false},
      {"awa@[127.0.0.1]", false},
      {"aïcha@cci.example", false},  // internationalised addresses: not yet
  };
  for (const auto& c : cases) {
    EXPECT_EQ(is_valid_email(c.email), c.valid) << c.email;
  }
  EXPECT_FALSE(is_valid_email(std::string(65, 'a') + "@cci.example"));
  EXPECT_TRUE(is_valid_email(std::string(64, 'a') + "@cci.example"));
  EXPECT_FALSE(is_valid_email("a@" + std::string(250, 'b') + ".example"));
}

}  // namespace
}  // namespace vigie::service
