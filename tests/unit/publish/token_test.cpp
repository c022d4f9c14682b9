// SPDX-License-Identifier: AGPL-3.0-or-later
#include "publish/token.h"

#include <string>

#include <gtest/gtest.h>

namespace vigie::publish {
namespace {

constexpr std::string_view kKey = "0123456789abcdef0123456789abcdef";

TEST(TokenTest, RoundTripsPayload) {
  const std::string payloads[] = {
      "", "1", "42", "7:1234", std::string(100, 'x'), std::string("\0\xff", 2)};
  for (const std::string& payload : payloads) {
    const std::string t = sign_token(kKey, kUnsubscribePurpose, payload);
    auto back = verify_token(kKey, kUnsubscribePurpose, t);
    ASSERT_TRUE(back.has_value()) << t;
    EXPECT_EQ(*back, payload);
    EXPECT_EQ(
        t.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_."),
        std::string::npos);
  }
}

TEST(TokenTest, RefusesOtherKeyPurposeOrAlteration) {
  const std::string t = sign_token(kKey, kUnsubscribePurpose, "42");
  EXPECT_FALSE(verify_token("another key", kUnsubscribePurpose, t));
  EXPECT_FALSE(verify_token(kKey, kFeedPurpose, t));
  EXPECT_FALSE(verify_token("", kUnsubscribePurpose, t));
  const std::string forged = sign_token(kKey, kUnsubscribePurpose, "43");
  const std::string spliced = t.substr(0, t.find('.')) + forged.substr(forged.find('.'));
  EXPECT_FALSE(verify_token(kKey, kUnsubscribePurpose, spliced));
  for (std::size_t i = 0; i < t.size(); ++i) {
    std::string bad = t;
    bad[i] = bad[i] == 'A' ? 'B' : 'A';
    EXPECT_FALSE(verify_token(kKey, kUnsubscribePurpose, bad)) << i;
  }
}

TEST(TokenTest, RefusesMalformed) {
  for (std::string_view bad : {"", ".", "abc", "NDI.", "NDI.!!!!", "NDI.x", "a.b.c"}) {
    EXPECT_FALSE(verify_token(kKey, kUnsubscribePurpose, bad)) << bad;
  }
}

TEST(TokenTest, Base64UrlVectors) {
  // RFC 4648 §10 vectors, in the URL alphabet without padding.
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"", ""},           {"f", "Zg"},          {"fo", "Zm8"},          {"foo", "Zm9v"},
      {"foob", "Zm9vYg"}, {"fooba", "Zm9vYmE"}, {"foobar", "Zm9vYmFy"}, {"\xfb\xff", "-_8"}};
  for (const auto& [plain, coded] : cases) {
    EXPECT_EQ(base64url_encode(plain), coded);
    EXPECT_EQ(base64url_decode(coded), std::string(plain));
  }
  EXPECT_FALSE(base64url_decode("Zh"));  // leftover bits set: not a canonical encoding
  EXPECT_FALSE(base64url_decode("Z"));
  EXPECT_FALSE(base64url_decode("Zm9v="));
}

TEST(TokenTest, HmacSha256MatchesRfc4231) {
  // RFC 4231 test case 2.
  EXPECT_EQ(hmac_sha256_hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

}  // namespace
}  // namespace vigie::publish
