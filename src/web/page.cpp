// SPDX-License-Identifier: AGPL-3.0-or-later
#include "web/page.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <vector>

#include "publish/token.h"
#include "text/text.h"

namespace vigie::web {
namespace {

// The layout's only style. Its SHA-256 goes into the CSP, so it must stay byte-identical to
// what render_page writes between <style> and </style>.
constexpr std::string_view kStyle =
    "body{font:16px/1.5 system-ui,sans-serif;color:#1b1b1b;background:#f6f6f4;margin:0}"
    "main{max-width:34rem;margin:3rem auto;padding:1.5rem 2rem;background:#fff;"
    "border:1px solid #ddd;border-radius:6px}"
    "h1{font-size:1.4rem;margin-top:0}"
    "button{font:inherit;padding:.5rem 1.2rem;border:0;border-radius:4px;background:#1d4f91;"
    "color:#fff;cursor:pointer}"
    ".muted{color:#555;font-size:.9rem}";

int hex_value(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  return std::tolower(static_cast<unsigned char>(c)) - 'a' + 10;
}

// base64 (standard alphabet, padded) of the SHA-256 of `text`, as CSP hash sources want.
std::string sha256_base64(std::string_view text) {
  const std::string hex = text::sha256_hex(text);
  std::string bytes;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    bytes.push_back(static_cast<char>(hex_value(hex[i]) * 16 + hex_value(hex[i + 1])));
  }
  std::string b64 = publish::base64url_encode(bytes);
  std::replace(b64.begin(), b64.end(), '-', '+');
  std::replace(b64.begin(), b64.end(), '_', '/');
  while (b64.size() % 4 != 0) {
    b64.push_back('=');
  }
  return b64;
}

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
    s.remove_suffix(1);
  }
  return std::string(s);
}

}  // namespace

std::string choose_lang(const Request& request) {
  // "en-GB,en;q=0.9,fr;q=0.8": take the first language (by weight, then order) that we have.
  const std::string header = request.header("Accept-Language");
  std::string best = "fr";
  double best_q = 0;
  std::size_t start = 0;
  while (start < header.size()) {
    auto end = header.find(',', start);
    if (end == std::string::npos) {
      end = header.size();
    }
    const std::string part = trim(std::string_view(header).substr(start, end - start));
    start = end + 1;
    const auto semi = part.find(';');
    std::string tag = trim(std::string_view(part).substr(0, semi));
    double q = 1;
    if (semi != std::string::npos) {
      const auto qpos = part.find("q=", semi);
      if (qpos != std::string::npos) {
        q = std::strtod(part.c_str() + qpos + 2, nullptr);
      }
    }
    std::transform(tag.begin(), tag.end(), tag.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const std::string primary = tag.substr(0, tag.find('-'));
    if ((primary == "fr" || primary == "en") && q > best_q) {
      best = primary;
      best_q = q;
    }
  }
  return best;
}

std::string render_page(const Page& page) {
  std::string out;
  out += "<!DOCTYPE html>\n<html lang=\"";
  out += text::html_escape(page.lang);
  out +=
      "\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"robots\" content=\"noindex\">\n<title>";
  out += text::html_escape(page.title);
  out += "</title>\n<style>";
  out += kStyle;
  out += "</style>\n</head>\n<body>\n<main>\n<h1>";
  out += text::html_escape(page.title);
  out += "</h1>\n";
  out += page.body_html;
  out += "\n</main>\n</body>\n</html>\n";
  return out;
}

const std::string& page_csp() {
  static const std::string kCsp = "default-src 'none'; style-src 'sha256-" + sha256_base64(kStyle)
                                  + "'; form-action 'self'; base-uri 'none'; "
                                    "frame-ancestors 'none'";
  return kCsp;
}

void set_page(Response& response, const Page& page) {
  response.content_type = "text/html; charset=utf-8";
  response.body = render_page(page);
  response.set_header("Content-Security-Policy", page_csp());
}

}  // namespace vigie::web
