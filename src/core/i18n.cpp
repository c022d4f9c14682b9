// SPDX-License-Identifier: AGPL-3.0-or-later
#include "core/i18n.h"

#include <cctype>
#include <optional>

namespace vigie::core {
namespace {

// Decodes one PO string literal body ("..." without the quotes). nullopt on a bad escape.
std::optional<std::string> unescape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\') {
      out.push_back(s[i]);
      continue;
    }
    if (++i == s.size()) {
      return std::nullopt;
    }
    switch (s[i]) {
      case 'n':
        out.push_back('\n');
        break;
      case 't':
        out.push_back('\t');
        break;
      case 'r':
        out.push_back('\r');
        break;
      case '"':
        out.push_back('"');
        break;
      case '\\':
        out.push_back('\\');
        break;
      default:
        return std::nullopt;
    }
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())) != 0) {
    s.remove_prefix(1);
  }
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0) {
    s.remove_suffix(1);
  }
  return s;
}

// Extracts the quoted string at the start of `s`; nullopt when it is not one.
std::optional<std::string> quoted(std::string_view s) {
  s = trim(s);
  if (s.size() < 2 || s.front() != '"' || s.back() != '"') {
    return std::nullopt;
  }
  return unescape(s.substr(1, s.size() - 2));
}

}  // namespace

Result<Catalog> Catalog::parse_po(std::string_view po) {
  Catalog cat;
  enum class Field { None, Id, Str, Ctxt } field = Field::None;
  std::string id;
  std::string str;
  bool have_entry = false;
  auto flush = [&] {
    if (have_entry && !id.empty() && !str.empty()) {
      cat.entries_[id] = str;
    }
    id.clear();
    str.clear();
    have_entry = false;
  };
  std::size_t line_no = 0;
  while (!po.empty()) {
    const std::size_t nl = po.find('\n');
    std::string_view line = trim(po.substr(0, nl));
    po.remove_prefix(nl == std::string_view::npos ? po.size() : nl + 1);
    ++line_no;
    if (line.empty() || line.front() == '#') {
      continue;
    }
    std::optional<std::string> value;
    if (line.starts_with("msgctxt ")) {
      flush();
      field = Field::Ctxt;
      value = quoted(line.substr(8));
    } else if (line.starts_with("msgid ")) {
      if (field != Field::Ctxt) {
        flush();
      }
      field = Field::Id;
      have_entry = true;
      value = quoted(line.substr(6));
    } else if (line.starts_with("msgstr ")) {
      field = Field::Str;
      value = quoted(line.substr(7));
    } else if (line.front() == '"') {
      value = quoted(line);
    } else {
      return make_error(ErrorCode::InvalidInput, "i18n.bad_catalog",
                        "i18n: unexpected text at line " + std::to_string(line_no));
    }
    if (!value) {
      return make_error(ErrorCode::InvalidInput, "i18n.bad_catalog",
                        "i18n: bad string at line " + std::to_string(line_no));
    }
    if (field == Field::Id) {
      id += *value;
    } else if (field == Field::Str) {
      str += *value;
    }
  }
  flush();
  return cat;
}

const std::string* Catalog::find(std::string_view key) const {
  auto it = entries_.find(key);
  return it == entries_.end() ? nullptr : &it->second;
}

std::string Messages::get(std::string_view key) const {
  if (const auto* m = primary_.find(key)) {
    return *m;
  }
  if (const auto* m = fallback_.find(key)) {
    return *m;
  }
  // "fetch.http_503" -> "fetch.http_5xx": one message for a family of codes.
  if (key.size() >= 3 && std::isdigit(static_cast<unsigned char>(key.back())) != 0) {
    std::string family(key.substr(0, key.size() - 2));
    family += "xx";
    if (const auto* m = primary_.find(family)) {
      return *m;
    }
    if (const auto* m = fallback_.find(family)) {
      return *m;
    }
  }
  return std::string(key);
}

std::string choose_language(std::string_view vigie_lang, std::string_view lang) {
  for (std::string_view v : {vigie_lang, lang}) {
    if (v.size() >= 2) {
      const std::string code{static_cast<char>(std::tolower(static_cast<unsigned char>(v[0]))),
                             static_cast<char>(std::tolower(static_cast<unsigned char>(v[1])))};
      if (code == "fr" || code == "en") {
        return code;
      }
    }
  }
  return "fr";
}

}  // namespace vigie::core
