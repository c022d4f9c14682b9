// SPDX-License-Identifier: AGPL-3.0-or-later
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "text/text.h"

namespace vigie::text {
namespace {

TEST(Sha256Test, MatchesTheStandardTestVectors) {
  struct Case {
    std::string_view input;
    std::string_view hex;
  };
  const Case cases[] = {
      {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(sha256_hex(c.input), c.hex);
  }
}

TEST(Sha256Test, HashesBinaryBytesAndAMillionAs) {
  EXPECT_EQ(sha256_hex(std::string(1'000'000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  const std::string with_nul("a\0b", 3);
  EXPECT_EQ(sha256_hex(with_nul).size(), 64U);
  EXPECT_NE(sha256_hex(with_nul), sha256_hex("ab"));
}

}  // namespace
}  // namespace vigie::text
