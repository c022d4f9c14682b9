// SPDX-License-Identifier: AGPL-3.0-or-later
#include "encoders.h"

#include <stdexcept>
#include <string_view>
#include <vector>

#include <brotli/encode.h>
#include <zlib.h>
#include <zstd.h>

#include "http_fixture_server.h"

namespace vigie::testing {
namespace {

constexpr std::size_t kMiB = std::size_t{1024} * 1024;

// Runs deflate over `input` with the given window bits (15 zlib, 31 gzip, -15 raw) and flush.
std::string deflate_with(std::string_view input, int window_bits, int flush) {
  z_stream z{};
  if (deflateInit2(&z, 9, Z_DEFLATED, window_bits, 9, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("deflateInit2 failed");
  }
  std::string out(deflateBound(&z, static_cast<uLong>(input.size())) + 64, '\0');
  // zlib's API is not const-correct; it never writes through next_in.
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
  z.avail_in = static_cast<uInt>(input.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, flush);
  const bool ok = (flush == Z_FINISH) ? rc == Z_STREAM_END : rc == Z_OK && z.avail_in == 0;
  out.resize(z.total_out);
  deflateEnd(&z);
  if (!ok) {
    throw std::runtime_error("deflate failed");
  }
  return out;
}

void put_le32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) {
    out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
  }
}

}  // namespace

std::string_view coding_token(ContentCoding coding) {
  switch (coding) {
    case ContentCoding::Identity:
      return "";
    case ContentCoding::Gzip:
      return "gzip";
    case ContentCoding::Deflate:
      return "deflate";
    case ContentCoding::Brotli:
      return "br";
    case ContentCoding::Zstd:
      return "zstd";
  }
  return "";
}

std::string encode_body(std::string_view body, ContentCoding coding) {
  switch (coding) {
    case ContentCoding::Identity:
      return std::string(body);
    case ContentCoding::Gzip:
      return deflate_with(body, 15 + 16, Z_FINISH);
    case ContentCoding::Deflate:
      return deflate_with(body, 15, Z_FINISH);
    case ContentCoding::Brotli: {
      std::string out(BrotliEncoderMaxCompressedSize(body.size()) + 16, '\0');
      std::size_t size = out.size();
      if (BrotliEncoderCompress(BROTLI_DEFAULT_QUALITY, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT,
                                body.size(), reinterpret_cast<const std::uint8_t*>(body.data()),
                                &size, reinterpret_cast<std::uint8_t*>(out.data()))
          == BROTLI_FALSE) {
        throw std::runtime_error("BrotliEncoderCompress failed");
      }
      out.resize(size);
      return out;
    }
    case ContentCoding::Zstd: {
      std::string out(ZSTD_compressBound(body.size()), '\0');
      const std::size_t size = ZSTD_compress(out.data(), out.size(), body.data(), body.size(), 3);
      if (ZSTD_isError(size) != 0U) {
        throw std::runtime_error("ZSTD_compress failed");
      }
      out.resize(size);
      return out;
    }
  }
  throw std::runtime_error("unknown coding");
}

GzipBomb make_gzip_bomb(std::uint64_t decompressed_bytes) {
  GzipBomb bomb;
  bomb.repeats = std::max<std::uint64_t>(1, (decompressed_bytes + kMiB - 1) / kMiB);
  // RFC 1952 member header: magic, CM=8 (deflate), no flags, no mtime, XFL=2 (max
  // compression), OS=255 (unknown).
  bomb.head = std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff", 10);
  const std::string zeros(kMiB, '\0');
  bomb.block = deflate_with(zeros, -15, Z_FULL_FLUSH);
  bomb.tail = deflate_with("", -15, Z_FINISH);
  const auto crc_block = static_cast<uLong>(
      crc32(0L, reinterpret_cast<const Bytef*>(zeros.data()), static_cast<uInt>(zeros.size())));
  uLong crc = crc_block;
  for (std::uint64_t i = 1; i < bomb.repeats; ++i) {
    crc = crc32_combine(crc, crc_block, static_cast<z_off_t>(kMiB));
  }
  put_le32(bomb.tail, static_cast<std::uint32_t>(crc));
  put_le32(bomb.tail, static_cast<std::uint32_t>((bomb.repeats * kMiB) & 0xffffffffULL));
  return bomb;
}

}  // namespace vigie::testing
