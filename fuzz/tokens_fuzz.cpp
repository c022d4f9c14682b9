// SPDX-License-Identifier: AGPL-3.0-or-later
// Signed tokens come back in URLs anyone can edit (one-click unsubscribe, a subscriber's feed).
// Whatever the URL holds: verify_token never accepts what sign_token did not make, and a
// payload has exactly one token (no second spelling passes: base64url is canonical); and
// base64url reads back what it writes. The input is the token to check; the same bytes serve
// as a payload to sign.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_fail.h"
#include "publish/token.h"

namespace {

constexpr std::string_view kKey = "fuzz-key-0123456789abcdef0123456789abcdef";

[[noreturn]] void fail(std::string_view what, std::string_view input) {
  vigie::fuzz::fail(what, {{"input", input}});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace vigie::publish;  // NOLINT(google-build-using-namespace): fuzz entry point
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  // A token from the URL: accepted only as the one spelling sign_token gives its payload.
  for (const std::string_view purpose : {kUnsubscribePurpose, kFeedPurpose}) {
    if (const auto payload = verify_token(kKey, purpose, input)) {
      if (sign_token(kKey, purpose, *payload) != input) {
        fail("a token other than sign_token's passes", input);
      }
    }
  }

  // The same bytes as a payload: signed, it verifies for its purpose only.
  const std::string token = sign_token(kKey, kFeedPurpose, input);
  const auto back = verify_token(kKey, kFeedPurpose, token);
  if (!back || *back != input) {
    fail("a signed payload does not verify", input);
  }
  if (verify_token(kKey, kUnsubscribePurpose, token)) {
    fail("a token passes for another purpose", input);
  }

  // base64url: what decodes encodes back to the same text.
  if (const auto bytes = base64url_decode(input)) {
    if (base64url_encode(*bytes) != input) {
      fail("base64url has two spellings for one byte string", input);
    }
  }
  const auto decoded = base64url_decode(base64url_encode(input));
  if (!decoded || *decoded != input) {
    fail("base64url does not read back what it writes", input);
  }
  return 0;
}
