// SPDX-License-Identifier: AGPL-3.0-or-later
#include "web/http.h"

#include <algorithm>
#include <cctype>

namespace vigie::web {
namespace {

char lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return lower(x) == lower(y);
         });
}

template <class Map>
std::string find_or_empty(const Map& map, std::string_view key) {
  const auto it = map.find(key);
  return it == map.end() ? std::string() : it->second;
}

}  // namespace

bool CaseInsensitiveLess::operator()(std::string_view a, std::string_view b) const {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                      [](char x, char y) { return lower(x) < lower(y); });
}

std::string Request::header(std::string_view name) const {
  return find_or_empty(headers, name);
}
std::string Request::query_param(std::string_view name) const {
  return find_or_empty(query, name);
}
std::string Request::param(std::string_view name) const {
  return find_or_empty(params, name);
}

void Response::set_header(std::string_view name, std::string value) {
  for (auto& [k, v] : headers) {
    if (iequals(k, name)) {
      v = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::string(name), std::move(value));
}

std::string Response::header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (iequals(k, name)) {
      return v;
    }
  }
  return {};
}

}  // namespace vigie::web
