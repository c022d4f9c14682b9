// SPDX-License-Identifier: AGPL-3.0-or-later
#include "ingest/encoding.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <utility>
#include <vector>

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

#include "ingest/utf8.h"

namespace vigie::ingest {

DecodedDocument::DecodedDocument(std::string_view borrowed, std::string encoding)
    : borrowed_(borrowed), encoding_(std::move(encoding)) {}

DecodedDocument::DecodedDocument(std::string owned, std::string encoding,
                                 std::optional<std::string> problem)
    : owned_(std::move(owned)), encoding_(std::move(encoding)), problem_(std::move(problem)) {}

namespace {

char lower_ascii(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string trim_lower(std::string_view s) {
  while (!s.empty()
         && (s.front() == ' ' || s.front() == '\t' || s.front() == '"' || s.front() == '\'')) {
    s.remove_prefix(1);
  }
  while (!s.empty()
         && (s.back() == ' ' || s.back() == '\t' || s.back() == '"' || s.back() == '\'')) {
    s.remove_suffix(1);
  }
  std::string out(s);
  for (char& c : out) {
    c = lower_ascii(c);
  }
  return out;
}

// Canonical names for the charsets we handle without ICU, and the WHATWG equivalences.
std::string canonical_charset(std::string name) {
  if (name == "utf8" || name == "utf-8" || name == "unicode-1-1-utf-8"
      || name == "x-unicode20utf8") {
    return "utf-8";
  }
  if (name == "iso-8859-1" || name == "iso8859-1" || name == "iso_8859-1" || name == "latin1"
      || name == "latin-1" || name == "l1" || name == "us-ascii" || name == "ascii"
      || name == "ansi_x3.4-1968" || name == "cp1252" || name == "windows-1252"
      || name == "x-cp1252" || name == "cp819" || name == "ibm819" || name == "iso-ir-100") {
    return "windows-1252";
  }
  if (name == "gb2312" || name == "x-gbk" || name == "gbk" || name == "csgb2312") {
    return "gbk";
  }
  return name;
}

// IANA charset names are short ASCII tokens (RFC 2978 §2.3). Anything else is noise, and must
// not reach messages meant for people.
bool is_charset_name(std::string_view name) {
  if (name.empty() || name.size() > 40) {
    return false;
  }
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'
           || c == ':' || c == '+';
  });
}

bool is_utf16_or_32(std::string_view name) {
  return name.rfind("utf-16", 0) == 0 || name.rfind("utf-32", 0) == 0 || name.rfind("ucs-", 0) == 0
         || name == "unicode";
}

std::string from_windows1252(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x80) {
      out.push_back(c);
    } else {
      append_utf8(out, windows1252_to_unicode(b));
    }
  }
  return out;
}

struct ConversionFlags {
  mutable bool substituted = false;
};

// Records that a byte sequence had no mapping, then substitutes U+FFFD as ICU would.
void record_and_substitute(const void* context, UConverterToUnicodeArgs* args,
                           const char* code_units, int32_t length, UConverterCallbackReason reason,
                           UErrorCode* err) {
  if (reason == UCNV_ILLEGAL || reason == UCNV_UNASSIGNED || reason == UCNV_IRREGULAR) {
    static_cast<const ConversionFlags*>(context)->substituted = true;
  }
  UCNV_TO_U_CALLBACK_SUBSTITUTE(nullptr, args, code_units, length, reason, err);
}

// U_FAILURE() yields ICU's UBool; this says bool.
bool failed(UErrorCode err) {
  return err > U_ZERO_ERROR;
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

// nullopt when ICU does not know the charset.
std::optional<std::string> convert_with_icu(std::string_view bytes, const std::string& charset,
                                            bool& substituted) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> cnv(ucnv_open(charset.c_str(), &err));
  if (failed(err) || !cnv) {
    return std::nullopt;
  }
  ConversionFlags flags;
  ucnv_setToUCallBack(cnv.get(), record_and_substitute, &flags, nullptr, nullptr, &err);
  if (failed(err)
      || bytes.size() > static_cast<std::size_t>(std::numeric_limits<int32_t>::max() / 4)) {
    return std::nullopt;
  }
  const auto source_length = static_cast<int32_t>(bytes.size());
  std::string out(bytes.size() * 3 + 16, '\0');
  int32_t n = ucnv_toAlgorithmic(UCNV_UTF8, cnv.get(), out.data(), static_cast<int32_t>(out.size()),
                                 bytes.data(), source_length, &err);
  if (err == U_BUFFER_OVERFLOW_ERROR) {
    err = U_ZERO_ERROR;
    ucnv_resetToUnicode(cnv.get());
    flags.substituted = false;
    out.assign(static_cast<std::size_t>(n) + 1, '\0');
    n = ucnv_toAlgorithmic(UCNV_UTF8, cnv.get(), out.data(), static_cast<int32_t>(out.size()),
                           bytes.data(), source_length, &err);
  }
  if (failed(err) || n < 0) {
    return std::nullopt;
  }
  out.resize(static_cast<std::size_t>(n));
  substituted = flags.substituted;
  return out;
}

struct Bom {
  std::size_t length = 0;
  const char* charset = nullptr;
};

Bom detect_bom(std::string_view b) {
  auto starts = [&](std::string_view prefix) { return b.substr(0, prefix.size()) == prefix; };
  using namespace std::string_view_literals;
  if (starts("\xEF\xBB\xBF"sv)) {
    return {3, "utf-8"};
  }
  if (starts("\xFF\xFE\x00\x00"sv)) {
    return {4, "utf-32le"};
  }
  if (starts("\x00\x00\xFE\xFF"sv)) {
    return {4, "utf-32be"};
  }
  if (starts("\xFF\xFE"sv)) {
    return {2, "utf-16le"};
  }
  if (starts("\xFE\xFF"sv)) {
    return {2, "utf-16be"};
  }
  // XML 1.0 appendix F: "<" or "<?" in a wide encoding without a BOM.
  if (starts("\x3C\x00\x00\x00"sv)) {
    return {0, "utf-32le"};
  }
  if (starts("\x00\x00\x00\x3C"sv)) {
    return {0, "utf-32be"};
  }
  if (starts("\x3C\x00\x3F\x00"sv) || starts("\x3C\x00\x72\x00"sv)
      || starts("\x3C\x00\x66\x00"sv)) {
    return {0, "utf-16le"};
  }
  if (starts("\x00\x3C\x00\x3F"sv) || starts("\x00\x3C\x00\x72"sv)
      || starts("\x00\x3C\x00\x66"sv)) {
    return {0, "utf-16be"};
  }
  return {};
}

// Well-formed UTF-16 without a leading U+FEFF, converted without ICU (whose converter costs
// ten times more per byte). nullopt for anything else (odd length, unpaired surrogates, a
// second BOM), which ICU then converts with its own substitutions.
std::optional<std::string> from_utf16(std::string_view bytes, bool little_endian) {
  if (bytes.size() % 2 != 0) {
    return std::nullopt;
  }
  const auto* in = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t units = bytes.size() / 2;
  const unsigned hi = little_endian ? 1 : 0;
  const auto unit = [&](std::size_t k) -> std::uint32_t {
    return (static_cast<std::uint32_t>(in[2 * k + hi]) << 8U) | in[2 * k + (1 - hi)];
  };
  std::string out(units * 3, '\0');  // a unit is at most 3 bytes of UTF-8; a pair, 4 for 2
  auto* o = reinterpret_cast<unsigned char*>(out.data());
  // Markup and most Western text are ASCII: four units at a time while they are.
  const std::uint64_t non_ascii = little_endian ? 0xFF80FF80FF80FF80ULL : 0x80FF80FF80FF80FFULL;
  const unsigned low_shift = little_endian ? 0 : 8;
  for (std::size_t k = 0; k < units; ++k) {
    while (std::endian::native == std::endian::little && k + 4 <= units) {
      std::uint64_t w = 0;
      std::memcpy(&w, in + 2 * k, 8);  // little-endian host: unit k in the low bits
      if ((w & non_ascii) != 0) {
        break;
      }
      for (unsigned u = 0; u < 4; ++u) {
        *o++ = static_cast<unsigned char>(w >> (16U * u + low_shift));
      }
      k += 4;
    }
    if (k >= units) {
      break;
    }
    std::uint32_t cp = unit(k);
    if (cp < 0x80) {
      *o++ = static_cast<unsigned char>(cp);
    } else if (cp < 0x800) {
      *o++ = static_cast<unsigned char>(0xC0U | (cp >> 6U));
      *o++ = static_cast<unsigned char>(0x80U | (cp & 0x3FU));
    } else if (cp < 0xD800 || cp > 0xDFFF) {
      if (cp == 0xFEFF && k == 0) {
        return std::nullopt;
      }
      *o++ = static_cast<unsigned char>(0xE0U | (cp >> 12U));
      *o++ = static_cast<unsigned char>(0x80U | ((cp >> 6U) & 0x3FU));
      *o++ = static_cast<unsigned char>(0x80U | (cp & 0x3FU));
    } else {
      if (cp >= 0xDC00 || k + 1 >= units) {
        return std::nullopt;
      }
      const std::uint32_t low = unit(k + 1);
      if (low < 0xDC00 || low > 0xDFFF) {
        return std::nullopt;
      }
      cp = 0x10000U + ((cp - 0xD800U) << 10U) + (low - 0xDC00U);
      ++k;
      *o++ = static_cast<unsigned char>(0xF0U | (cp >> 18U));
      *o++ = static_cast<unsigned char>(0x80U | ((cp >> 12U) & 0x3FU));
      *o++ = static_cast<unsigned char>(0x80U | ((cp >> 6U) & 0x3FU));
      *o++ = static_cast<unsigned char>(0x80U | (cp & 0x3FU));
    }
  }
  out.resize(static_cast<std::size_t>(o - reinterpret_cast<unsigned char*>(out.data())));
  return out;
}

DecodedDocument decode_wide(std::string_view bytes, const Bom& bom) {
  const std::string charset = bom.charset;
  const std::string_view body = bytes.substr(bom.length);
  bool substituted = false;
  std::optional<std::string> text;
  if (charset == "utf-16le" || charset == "utf-16be") {
    text = from_utf16(body, charset == "utf-16le");
  }
  if (!text) {
    text = convert_with_icu(body, charset, substituted);
  }
  if (!text) {
    bool multibyte = false;
    std::string repaired = repair_utf8(body, &multibyte);
    return {std::move(repaired), "utf-8", "cannot convert from " + charset + ": read as UTF-8"};
  }
  std::optional<std::string> problem;
  if (substituted) {
    problem = "bytes invalid in " + charset + " replaced with U+FFFD";
  }
  return {std::move(*text), charset, std::move(problem)};
}

using Declared = std::vector<std::pair<std::string, const char*>>;  // charset, where it said so

// The charsets the HTTP header and the XML declaration name, in that order, without
// duplicates. A UTF-16 declaration on 8-bit bytes (no BOM, no zero bytes in "<?xml") is a
// common slip that XML parsers ignore too: the bytes would not even have reached here.
Declared declared_charsets(std::string_view body, std::string_view content_type) {
  Declared declared;
  if (auto http = charset_from_content_type(content_type)) {
    declared.emplace_back(canonical_charset(*http), "HTTP");
  }
  if (auto xml = charset_from_xml_declaration(body)) {
    std::string c = canonical_charset(*xml);
    if (declared.empty() || declared.front().first != c) {
      declared.emplace_back(std::move(c), "XML declaration");
    }
  }
  std::erase_if(declared, [](const auto& d) { return is_utf16_or_32(d.first); });
  return declared;
}

// Bytes that are not valid UTF-8: the first declared legacy charset that converts them.
// `skipped` says which declarations did not fit, for the problem text.
std::optional<DecodedDocument> decode_declared(std::string_view body, const Declared& declared,
                                               std::string& skipped) {
  for (const auto& [charset, source] : declared) {
    if (charset == "utf-8") {
      skipped = "declared as utf-8 (" + std::string(source) + ") but not valid UTF-8";
      continue;
    }
    bool substituted = false;
    std::optional<std::string> text = charset == "windows-1252"
                                          ? from_windows1252(body)
                                          : convert_with_icu(body, charset, substituted);
    if (!text) {
      skipped = "unknown charset " + charset + " (" + std::string(source) + ")";
      continue;
    }
    std::optional<std::string> problem;
    if (!skipped.empty()) {
      problem = skipped;
      problem->append(": read as ").append(charset);
    } else if (substituted) {
      problem = "bytes invalid in " + charset + " replaced with U+FFFD";
    }
    return DecodedDocument(std::move(*text), charset, std::move(problem));
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> charset_from_content_type(std::string_view content_type) {
  std::size_t pos = 0;
  while ((pos = content_type.find(';', pos)) != std::string_view::npos) {
    ++pos;
    std::string_view param = content_type.substr(pos);
    param = param.substr(0, param.find(';'));
    while (!param.empty() && (param.front() == ' ' || param.front() == '\t')) {
      param.remove_prefix(1);
    }
    const std::size_t eq = param.find('=');
    if (eq == std::string_view::npos) {
      continue;
    }
    if (trim_lower(param.substr(0, eq)) == "charset") {
      std::string value = trim_lower(param.substr(eq + 1));
      if (is_charset_name(value)) {
        return value;
      }
    }
  }
  return std::nullopt;
}

std::optional<std::string> charset_from_xml_declaration(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
  }
  if (bytes.substr(0, 5) != "<?xml") {
    return std::nullopt;
  }
  const std::string_view decl = bytes.substr(0, bytes.find("?>", 5));
  if (decl.size() > 512) {
    return std::nullopt;
  }
  std::size_t pos = decl.find("encoding");
  if (pos == std::string_view::npos) {
    return std::nullopt;
  }
  pos += 8;
  while (pos < decl.size()
         && (decl[pos] == ' ' || decl[pos] == '\t' || decl[pos] == '\r' || decl[pos] == '\n'
             || decl[pos] == '=')) {
    ++pos;
  }
  if (pos >= decl.size() || (decl[pos] != '"' && decl[pos] != '\'')) {
    return std::nullopt;
  }
  const char quote = decl[pos];
  const std::size_t end = decl.find(quote, pos + 1);
  if (end == std::string_view::npos) {
    return std::nullopt;
  }
  std::string value = trim_lower(decl.substr(pos + 1, end - pos - 1));
  if (!is_charset_name(value)) {
    return std::nullopt;
  }
  return value;
}

bool is_valid_utf8(std::string_view s) {
  return scan_utf8(s).valid;
}

DecodedDocument decode_document(std::string_view bytes, std::string_view content_type) {
  const Bom bom = detect_bom(bytes);
  if (bom.charset != nullptr && std::strcmp(bom.charset, "utf-8") != 0) {
    return decode_wide(bytes, bom);
  }
  const std::string_view body = bytes.substr(bom.length);
  // A UTF-8 BOM outweighs any declaration (RFC 7303 §3).
  const Declared declared = bom.length == 0 ? declared_charsets(body, content_type) : Declared{};

  const Utf8Scan scan = scan_utf8(body);
  if (scan.valid) {
    if (!scan.non_ascii || declared.empty() || declared.front().first == "utf-8") {
      return {body, "utf-8"};
    }
    // Declared legacy, but the bytes are valid UTF-8 with multi-byte sequences.
    std::string problem = "declared as " + declared.front().first;
    problem.append(" (").append(declared.front().second);
    problem.append(") but the bytes are valid UTF-8: read as utf-8");
    return {std::string(body), "utf-8", std::move(problem)};
  }
  std::string skipped;
  if (std::optional<DecodedDocument> d = decode_declared(body, declared, skipped)) {
    return std::move(*d);
  }
  if (skipped.empty()) {
    skipped = "not valid UTF-8";
  }
  // Mostly UTF-8 with stray bytes, or a legacy document that never said so: both are read right
  // by taking every byte that is not part of a UTF-8 sequence as windows-1252.
  bool multibyte = false;
  std::string repaired = repair_utf8(body, &multibyte);
  return {std::move(repaired), multibyte ? "utf-8" : "windows-1252",
          skipped + ": invalid bytes read as windows-1252"};
}

}  // namespace vigie::ingest
