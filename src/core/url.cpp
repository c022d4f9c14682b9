// SPDX-License-Identifier: AGPL-3.0-or-later
#include "core/url.h"

#include <array>
#include <charconv>
#include <string>
#include <vector>

namespace vigie::core {
namespace {

// The five components of RFC 3986 §3, as views into the input. A relative reference has no
// scheme; `has_authority` tells "//host" apart from an empty authority-less path.
struct Parts {
  std::string_view scheme;
  bool has_authority = false;
  std::string_view authority;
  std::string_view path;
  bool has_query = false;
  std::string_view query;
  bool has_fragment = false;
  std::string_view fragment;
};

bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
char to_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = to_lower(c);
  }
  return out;
}

// Feeds routinely wrap URLs in spaces and line breaks; WHATWG URL parsing trims C0 controls and
// spaces at both ends and drops tabs and newlines anywhere, and so do we.
std::string clean(std::string_view s) {
  std::size_t b = 0;
  std::size_t e = s.size();
  while (b < e && static_cast<unsigned char>(s[b]) <= 0x20) {
    ++b;
  }
  while (e > b && static_cast<unsigned char>(s[e - 1]) <= 0x20) {
    --e;
  }
  std::string out;
  out.reserve(e - b);
  for (std::size_t i = b; i < e; ++i) {
    if (s[i] != '\t' && s[i] != '\n' && s[i] != '\r') {
      out.push_back(s[i]);
    }
  }
  return out;
}

// Length of a valid scheme at the start of s followed by ':', or 0.
std::size_t scheme_length(std::string_view s) {
  if (s.empty() || !is_alpha(s[0])) {
    return 0;
  }
  for (std::size_t i = 1; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ':') {
      return i;
    }
    if (!is_alpha(c) && !is_digit(c) && c != '+' && c != '-' && c != '.') {
      return 0;
    }
  }
  return 0;
}

Parts split(std::string_view s) {
  Parts p;
  if (const std::size_t n = scheme_length(s); n > 0) {
    p.scheme = s.substr(0, n);
    s.remove_prefix(n + 1);
  }
  if (const std::size_t hash = s.find('#'); hash != std::string_view::npos) {
    p.has_fragment = true;
    p.fragment = s.substr(hash + 1);
    s = s.substr(0, hash);
  }
  if (const std::size_t q = s.find('?'); q != std::string_view::npos) {
    p.has_query = true;
    p.query = s.substr(q + 1);
    s = s.substr(0, q);
  }
  if (s.size() >= 2 && s[0] == '/' && s[1] == '/') {
    p.has_authority = true;
    s.remove_prefix(2);
    const std::size_t slash = s.find('/');
    p.authority = s.substr(0, slash);
    s = slash == std::string_view::npos ? std::string_view{} : s.substr(slash);
  }
  p.path = s;
  return p;
}

// RFC 3986 §5.2.4.
std::string remove_dot_segments(std::string_view in) {
  std::vector<std::string_view> out;
  const bool absolute = !in.empty() && in[0] == '/';
  std::size_t i = absolute ? 1 : 0;
  bool trailing_slash = false;
  while (i <= in.size()) {
    const std::size_t slash = in.find('/', i);
    const std::size_t end = slash == std::string_view::npos ? in.size() : slash;
    const std::string_view seg = in.substr(i, end - i);
    const bool last = slash == std::string_view::npos;
    if (seg == ".") {
      trailing_slash = last;
    } else if (seg == "..") {
      if (!out.empty()) {
        out.pop_back();
      }
      trailing_slash = last;
    } else {
      out.push_back(seg);
      trailing_slash = false;
    }
    if (last) {
      break;
    }
    i = slash + 1;
  }
  std::string result;
  result.reserve(in.size());
  if (absolute) {
    result.push_back('/');
  }
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (k > 0) {
      result.push_back('/');
    }
    result.append(out[k]);
  }
  if (trailing_slash && !out.empty()) {
    result.push_back('/');
  }
  return result;
}

bool has_special_authority(std::string_view scheme) {
  return scheme == "http" || scheme == "https" || scheme == "ftp" || scheme == "file"
         || scheme == "ws" || scheme == "wss";
}

std::optional<int> default_port(std::string_view scheme) {
  if (scheme == "http" || scheme == "ws") {
    return 80;
  }
  if (scheme == "https" || scheme == "wss") {
    return 443;
  }
  if (scheme == "ftp") {
    return 21;
  }
  return std::nullopt;
}

bool parse_authority(std::string_view a, Url& u) {
  if (const std::size_t at = a.rfind('@'); at != std::string_view::npos) {
    u.userinfo = std::string(a.substr(0, at));
    a.remove_prefix(at + 1);
  }
  std::string_view host = a;
  std::string_view port;
  bool has_port = false;
  const bool bracketed = !a.empty() && a[0] == '[';
  if (bracketed) {
    const std::size_t close = a.find(']');
    if (close == std::string_view::npos) {
      return false;
    }
    host = a.substr(1, close - 1);
    const std::string_view rest = a.substr(close + 1);
    if (!rest.empty()) {
      if (rest[0] != ':') {
        return false;
      }
      has_port = true;
      port = rest.substr(1);
    }
  } else if (const std::size_t colon = a.rfind(':'); colon != std::string_view::npos) {
    host = a.substr(0, colon);
    has_port = true;
    port = a.substr(colon + 1);
  }
  for (const char c : host) {
    const auto uc = static_cast<unsigned char>(c);
    if (uc <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|'
        || c == '\\' || c == '^' || c == '`' || c == '/' || c == '@' || c == '[' || c == ']') {
      return false;
    }
    // A colon belongs in an IPv6 literal, which has brackets: "a::0]:80" is no host (and would
    // print as "[a::0]]:80"; found by fuzz_dates_urls).
    if (c == ':' && !bracketed) {
      return false;
    }
  }
  u.host = lower(host);
  if (has_port && !port.empty()) {
    if (port.size() > 5) {
      return false;
    }
    int value = 0;
    const auto [ptr, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (ec != std::errc{} || ptr != port.data() + port.size() || value > 65535) {
      return false;
    }
    u.port = value;
  }
  return true;
}

std::string compose(std::string_view scheme, bool has_authority, std::string_view authority,
                    std::string_view path, bool has_query, std::string_view query,
                    bool has_fragment, std::string_view fragment) {
  std::string out;
  out.reserve(scheme.size() + authority.size() + path.size() + query.size() + fragment.size() + 8);
  out.append(scheme);
  out.push_back(':');
  if (has_authority) {
    out.append("//");
    out.append(authority);
  }
  out.append(path);
  if (has_query) {
    out.push_back('?');
    out.append(query);
  }
  if (has_fragment) {
    out.push_back('#');
    out.append(fragment);
  }
  return out;
}

// RFC 3986 §5.2.3.
std::string merge(const Parts& base, std::string_view ref_path) {
  if (base.has_authority && base.path.empty()) {
    std::string out = "/";
    out.append(ref_path);
    return out;
  }
  const std::size_t slash = base.path.rfind('/');
  if (slash == std::string_view::npos) {
    return std::string(ref_path);
  }
  std::string out(base.path.substr(0, slash + 1));
  out.append(ref_path);
  return out;
}

constexpr std::array<std::string_view, 14> kTrackingParams = {
    "fbclid", "gclid",  "dclid",  "msclkid", "yclid", "mc_cid",  "mc_eid",
    "_ga",    "igshid", "twclid", "_hsenc",  "_hsmi", "mkt_tok", "wt.mc_id"};

bool is_tracking_param(std::string_view name) {
  const std::string l = lower(name);
  if (l.rfind("utm_", 0) == 0) {
    return true;
  }
  for (const std::string_view t : kTrackingParams) {
    if (l == t) {
      return true;
    }
  }
  return false;
}

int hex_value(char c) {
  if (is_digit(c)) {
    return c - '0';
  }
  const char l = to_lower(c);
  if (l >= 'a' && l <= 'f') {
    return l - 'a' + 10;
  }
  return -1;
}

bool is_unreserved(char c) {
  return is_alpha(c) || is_digit(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

// RFC 3986 §6.2.2.1-2: upper-case percent-encoding hex digits and decode unreserved characters,
// so "%7e" and "~" compare equal. Spaces and control characters, and a '%' that starts no
// escape, are encoded, so that the result reads back as itself: a canonical form must not
// change when canonicalised again (a trailing space was trimmed on the second pass, and
// "%%34%31" decoded to "%41"; found by fuzz_dates_urls).
std::string normalize_percent(std::string_view s) {
  constexpr std::string_view kHex = "0123456789ABCDEF";
  const auto escape = [&](std::string& out, unsigned char b) {
    out.push_back('%');
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 0xF]);
  };
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b == '%') {
      const int hi = i + 2 < s.size() ? hex_value(s[i + 1]) : -1;
      const int lo = i + 2 < s.size() ? hex_value(s[i + 2]) : -1;
      if (hi < 0 || lo < 0) {
        escape(out, b);
        continue;
      }
      const auto decoded = static_cast<unsigned char>(hi * 16 + lo);
      if (is_unreserved(static_cast<char>(decoded))) {
        out.push_back(static_cast<char>(decoded));
      } else {
        escape(out, decoded);
      }
      i += 2;
      continue;
    }
    if (b <= 0x20 || b == 0x7F) {
      escape(out, b);
      continue;
    }
    out.push_back(static_cast<char>(b));
  }
  return out;
}

}  // namespace

std::optional<Url> parse_url(std::string_view s) {
  const std::string cleaned = clean(s);
  const Parts p = split(cleaned);
  if (p.scheme.empty()) {
    return std::nullopt;
  }
  Url u;
  u.scheme = lower(p.scheme);
  if (p.has_authority && !parse_authority(p.authority, u)) {
    return std::nullopt;
  }
  u.path = std::string(p.path);
  if (p.has_query) {
    u.query = std::string(p.query);
  }
  if (p.has_fragment) {
    u.fragment = std::string(p.fragment);
  }
  return u;
}

std::string to_string(const Url& u) {
  std::string out = u.scheme;
  out.push_back(':');
  if (!u.host.empty() || !u.userinfo.empty() || u.port || has_special_authority(u.scheme)) {
    out.append("//");
    if (!u.userinfo.empty()) {
      out.append(u.userinfo);
      out.push_back('@');
    }
    if (u.host.find(':') != std::string::npos) {
      out.push_back('[');
      out.append(u.host);
      out.push_back(']');
    } else {
      out.append(u.host);
    }
    if (u.port) {
      out.push_back(':');
      out.append(std::to_string(*u.port));
    }
    if (!u.path.empty() && u.path[0] != '/') {
      out.push_back('/');
    }
  } else if (u.path.size() >= 2 && u.path[0] == '/' && u.path[1] == '/') {
    // Without an authority a path may not start with "//" (RFC 3986 §3.3), or it would read
    // back as one: "at:////a" has an empty authority, not "a" (found by fuzz_dates_urls).
    out.append("//");
  }
  out.append(u.path);
  if (u.query) {
    out.push_back('?');
    out.append(*u.query);
  }
  if (u.fragment) {
    out.push_back('#');
    out.append(*u.fragment);
  }
  return out;
}

std::string resolve_url(std::string_view base, std::string_view ref) {
  std::string r_text = clean(ref);
  const Parts r = split(r_text);
  if (!r.scheme.empty()) {
    return r_text;
  }
  const std::string b_text = clean(base);
  const Parts b = split(b_text);
  if (b.scheme.empty()) {
    return r_text;
  }
  // RFC 3986 §5.2.2, with the scheme of the base.
  if (r.has_authority) {
    return compose(b.scheme, true, r.authority, remove_dot_segments(r.path), r.has_query, r.query,
                   r.has_fragment, r.fragment);
  }
  if (r.path.empty()) {
    return compose(b.scheme, b.has_authority, b.authority, b.path, r.has_query || b.has_query,
                   r.has_query ? r.query : b.query, r.has_fragment, r.fragment);
  }
  std::string path =
      r.path[0] == '/' ? remove_dot_segments(r.path) : remove_dot_segments(merge(b, r.path));
  return compose(b.scheme, b.has_authority, b.authority, path, r.has_query, r.query, r.has_fragment,
                 r.fragment);
}

std::string canonicalize_url(std::string_view s) {
  std::optional<Url> parsed = parse_url(s);
  if (!parsed) {
    return std::string(s);
  }
  Url& u = *parsed;
  u.fragment.reset();
  if (u.port && default_port(u.scheme) == u.port) {
    u.port.reset();
  }
  u.path = normalize_percent(u.path);
  if (has_special_authority(u.scheme)) {
    u.path = remove_dot_segments(u.path);
    if (u.path.empty()) {
      u.path.push_back('/');  // not `= "/"`: g++ 12 -O2 reports a bogus -Wrestrict on it
    }
  }
  if (u.query) {
    std::string kept;
    std::string_view q = *u.query;
    while (true) {
      const std::size_t amp = q.find('&');
      const std::string_view param = q.substr(0, amp);
      const std::string_view name = param.substr(0, param.find('='));
      if (!param.empty() && !is_tracking_param(name)) {
        if (!kept.empty()) {
          kept.push_back('&');
        }
        kept.append(normalize_percent(param));
      }
      if (amp == std::string_view::npos) {
        break;
      }
      q.remove_prefix(amp + 1);
    }
    if (kept.empty()) {
      u.query.reset();
    } else {
      u.query = std::move(kept);
    }
  }
  return to_string(u);
}

bool is_http_url(std::string_view s) {
  const std::optional<Url> u = parse_url(s);
  return u && (u->scheme == "http" || u->scheme == "https") && !u->host.empty();
}

}  // namespace vigie::core
