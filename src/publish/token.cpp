// SPDX-License-Identifier: AGPL-3.0-or-later
#include "publish/token.h"

#include <array>
#include <cstdint>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "core/assert.h"

namespace vigie::publish {
namespace {

constexpr std::string_view kAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::array<unsigned char, 32> hmac(std::string_view key, std::string_view message) {
  std::array<unsigned char, 32> out{};
  unsigned int len = 0;
  const unsigned char* r = HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
                                reinterpret_cast<const unsigned char*>(message.data()),
                                message.size(), out.data(), &len);
  VIGIE_CHECK(r != nullptr && len == out.size(), "HMAC-SHA256 failed");
  return out;
}

std::string signed_text(std::string_view purpose, std::string_view payload) {
  std::string text;
  text.reserve(purpose.size() + 1 + payload.size());
  text.append(purpose).append("\n").append(payload);
  return text;
}

std::uint32_t byte(char c) {
  return static_cast<std::uint8_t>(c);
}

int decode_char(char c) {
  const auto pos = kAlphabet.find(c);
  return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

}  // namespace

std::string base64url_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() * 4 + 2) / 3);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const std::uint32_t v = (byte(bytes[i]) << 16) | (byte(bytes[i + 1]) << 8) | byte(bytes[i + 2]);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += kAlphabet[v & 63];
  }
  const std::size_t rest = bytes.size() - i;
  if (rest > 0) {
    std::uint32_t v = byte(bytes[i]) << 16;
    if (rest == 2) {
      v |= byte(bytes[i + 1]) << 8;
    }
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    if (rest == 2) {
      out += kAlphabet[(v >> 6) & 63];
    }
  }
  return out;
}

std::optional<std::string> base64url_decode(std::string_view text) {
  if (text.size() % 4 == 1) {
    return std::nullopt;
  }
  std::string out;
  out.reserve(text.size() * 3 / 4);
  std::uint32_t acc = 0;
  int bits = 0;
  for (char c : text) {
    const int d = decode_char(c);
    if (d < 0) {
      return std::nullopt;
    }
    acc = (acc << 6) | static_cast<std::uint32_t>(d);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  // Leftover bits must be zero, so each byte string has exactly one encoding.
  if ((acc & ((1U << bits) - 1)) != 0) {
    return std::nullopt;
  }
  return out;
}

std::string sign_token(std::string_view key, std::string_view purpose, std::string_view payload) {
  VIGIE_ASSERT(!key.empty(), "a token needs a key");
  const auto mac = hmac(key, signed_text(purpose, payload));
  return base64url_encode(payload) + "."
         + base64url_encode(
             std::string_view(reinterpret_cast<const char*>(mac.data()), mac.size()));
}

std::optional<std::string> verify_token(std::string_view key, std::string_view purpose,
                                        std::string_view token) {
  if (key.empty() || token.size() > 4096) {
    return std::nullopt;
  }
  const auto dot = token.find('.');
  if (dot == std::string_view::npos) {
    return std::nullopt;
  }
  auto payload = base64url_decode(token.substr(0, dot));
  auto given = base64url_decode(token.substr(dot + 1));
  if (!payload || !given || given->size() != 32) {
    return std::nullopt;
  }
  const auto mac = hmac(key, signed_text(purpose, *payload));
  if (CRYPTO_memcmp(mac.data(), given->data(), mac.size()) != 0) {
    return std::nullopt;
  }
  return payload;
}

std::string hmac_sha256_hex(std::string_view key, std::string_view message) {
  static constexpr std::string_view kHex = "0123456789abcdef";
  const auto mac = hmac(key, message);
  std::string out;
  out.reserve(64);
  for (unsigned char b : mac) {
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

}  // namespace vigie::publish
