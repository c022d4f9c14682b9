// SPDX-License-Identifier: AGPL-3.0-or-later
#include "fetch/address_policy.h"

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <string>
#include <utility>

namespace vigie::fetch {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
    s.remove_suffix(1);
  }
  return s;
}

// Strict dotted quad: inet_aton() would also accept "127.1", "0x7f.0.0.1" and "0177.0.0.1",
// the classic ways of sneaking loopback past a string check. We accept only the canonical form.
std::optional<std::array<std::uint8_t, 4>> parse_ipv4(std::string_view s) {
  std::array<std::uint8_t, 4> out{};
  std::size_t part = 0;
  while (true) {
    std::size_t len = 0;
    while (len < s.size() && is_digit(s[len])) {
      ++len;
    }
    if (len == 0 || len > 3 || (len > 1 && s[0] == '0')) {
      return std::nullopt;
    }
    unsigned value = 0;
    std::from_chars(s.data(), s.data() + len, value);
    if (value > 255 || part >= 4) {
      return std::nullopt;
    }
    out[part++] = static_cast<std::uint8_t>(value);
    s.remove_prefix(len);
    if (s.empty()) {
      break;
    }
    if (s.front() != '.') {
      return std::nullopt;
    }
    s.remove_prefix(1);
  }
  if (part != 4) {
    return std::nullopt;
  }
  return out;
}

// Parses "h16:h16:..." groups of one side of "::". `allow_v4_tail` lets the last group be a
// dotted quad (RFC 4291 §2.2 form 3), which counts as two groups.
bool parse_groups(std::string_view s, bool allow_v4_tail, std::vector<std::uint16_t>& out) {
  if (s.empty()) {
    return true;
  }
  while (true) {
    const std::size_t colon = s.find(':');
    const std::string_view group = s.substr(0, colon);
    if (colon == std::string_view::npos && allow_v4_tail
        && group.find('.') != std::string_view::npos) {
      const auto v4 = parse_ipv4(group);
      if (!v4) {
        return false;
      }
      out.push_back(static_cast<std::uint16_t>(((*v4)[0] << 8) | (*v4)[1]));
      out.push_back(static_cast<std::uint16_t>(((*v4)[2] << 8) | (*v4)[3]));
      return true;
    }
    if (group.empty() || group.size() > 4) {
      return false;
    }
    unsigned value = 0;
    for (const char c : group) {
      const int h = hex_value(c);
      if (h < 0) {
        return false;
      }
      value = (value << 4) | static_cast<unsigned>(h);
    }
    out.push_back(static_cast<std::uint16_t>(value));
    if (colon == std::string_view::npos) {
      return true;
    }
    s.remove_prefix(colon + 1);
  }
}

std::optional<IpAddress> parse_ipv6(std::string_view s) {
  std::vector<std::uint16_t> head;
  std::vector<std::uint16_t> tail;
  const std::size_t gap = s.find("::");
  if (gap == std::string_view::npos) {
    if (!parse_groups(s, true, head) || head.size() != 8) {
      return std::nullopt;
    }
  } else {
    const std::string_view left = s.substr(0, gap);
    const std::string_view right = s.substr(gap + 2);
    if (right.find("::") != std::string_view::npos || !parse_groups(left, false, head)
        || !parse_groups(right, true, tail) || head.size() + tail.size() > 7) {
      return std::nullopt;
    }
  }
  IpAddress a;
  a.family = IpAddress::Family::V6;
  std::vector<std::uint16_t> groups = head;
  groups.resize(8 - tail.size(), 0);
  groups.insert(groups.end(), tail.begin(), tail.end());
  for (std::size_t i = 0; i < 8; ++i) {
    a.bytes[2 * i] = static_cast<std::uint8_t>(groups[i] >> 8);
    a.bytes[2 * i + 1] = static_cast<std::uint8_t>(groups[i] & 0xff);
  }
  return a;
}

std::uint32_t v4_value(const std::uint8_t* b) {
  return (std::uint32_t{b[0]} << 24) | (std::uint32_t{b[1]} << 16) | (std::uint32_t{b[2]} << 8)
         | std::uint32_t{b[3]};
}

struct V4Range {
  std::uint32_t network;
  int bits;
  AddressRange range;
};

constexpr std::uint32_t v4(unsigned a, unsigned b, unsigned c, unsigned d) {
  return (a << 24) | (b << 16) | (c << 8) | d;
}

// IANA IPv4 Special-Purpose Address Registry, most specific first.
constexpr std::array<V4Range, 18> kV4Ranges{{
    {v4(0, 0, 0, 0), 32, AddressRange::Unspecified},
    {v4(255, 255, 255, 255), 32, AddressRange::Broadcast},
    {v4(0, 0, 0, 0), 8, AddressRange::ThisNetwork},
    {v4(10, 0, 0, 0), 8, AddressRange::Private},
    {v4(100, 64, 0, 0), 10, AddressRange::SharedCgnat},
    {v4(127, 0, 0, 0), 8, AddressRange::Loopback},
    {v4(169, 254, 0, 0), 16, AddressRange::LinkLocal},
    {v4(172, 16, 0, 0), 12, AddressRange::Private},
    {v4(192, 0, 0, 0), 24, AddressRange::Reserved},
    {v4(192, 0, 2, 0), 24, AddressRange::Documentation},
    {v4(192, 88, 99, 0), 24, AddressRange::Reserved},
    {v4(192, 168, 0, 0), 16, AddressRange::Private},
    {v4(198, 18, 0, 0), 15, AddressRange::Benchmarking},
    {v4(198, 51, 100, 0), 24, AddressRange::Documentation},
    {v4(203, 0, 113, 0), 24, AddressRange::Documentation},
    {v4(224, 0, 0, 0), 4, AddressRange::Multicast},
    {v4(240, 0, 0, 0), 4, AddressRange::Reserved},
    {v4(0, 0, 0, 0), 0, AddressRange::Public},
}};

AddressRange classify_v4(std::uint32_t value) {
  for (const V4Range& r : kV4Ranges) {
    const std::uint32_t mask = r.bits == 0 ? 0 : ~std::uint32_t{0} << (32 - r.bits);
    if ((value & mask) == r.network) {
      return r.range;
    }
  }
  return AddressRange::Public;
}

bool bytes_are_zero(const IpAddress& a, std::size_t from, std::size_t to) {
  return std::all_of(a.bytes.begin() + static_cast<std::ptrdiff_t>(from),
                     a.bytes.begin() + static_cast<std::ptrdiff_t>(to),
                     [](std::uint8_t b) { return b == 0; });
}

unsigned group(const IpAddress& a, std::size_t i) {
  return static_cast<unsigned>((a.bytes[2 * i] << 8) | a.bytes[2 * i + 1]);
}

// IPv6 forms that carry an IPv4 address and reach it: classified by that address.
std::optional<AddressRange> classify_v6_embedding_v4(const IpAddress& a) {
  const auto& b = a.bytes;
  if (bytes_are_zero(a, 0, 10)) {
    if (b[10] == 0xff && b[11] == 0xff) {  // ::ffff:0:0/96, IPv4-mapped
      return classify_v4(v4_value(&b[12]));
    }
    if (b[10] == 0 && b[11] == 0) {
      if (bytes_are_zero(a, 12, 15) && b[15] <= 1) {
        return b[15] == 0 ? AddressRange::Unspecified : AddressRange::Loopback;
      }
      return classify_v4(v4_value(&b[12]));  // ::/96, deprecated IPv4-compatible
    }
  }
  if (group(a, 0) == 0x64 && group(a, 1) == 0xff9b) {
    if (bytes_are_zero(a, 4, 12)) {  // 64:ff9b::/96, NAT64 reaches the embedded IPv4 address
      return classify_v4(v4_value(&b[12]));
    }
    if (group(a, 2) == 1) {  // 64:ff9b:1::/48, local-use NAT64 (RFC 8215)
      return AddressRange::Private;
    }
  }
  if (group(a, 0) == 0x2002) {  // 6to4: the relay forwards to the embedded IPv4 address
    return classify_v4(v4_value(&b[2]));
  }
  return std::nullopt;
}

AddressRange classify_v6(const IpAddress& a) {
  if (const auto embedded = classify_v6_embedding_v4(a)) {
    return *embedded;
  }
  const auto& b = a.bytes;
  if (group(a, 0) == 0x100 && bytes_are_zero(a, 2, 8)) {  // 100::/64, discard-only
    return AddressRange::Reserved;
  }
  if (group(a, 0) == 0x2001) {
    // 2001:db8::/32 documentation; the rest of 2001::/23 is Teredo, ORCHID and the like.
    if (group(a, 1) == 0x0db8) {
      return AddressRange::Documentation;
    }
    if (group(a, 1) < 0x200) {
      return AddressRange::Reserved;
    }
  }
  if ((b[0] & 0xfe) == 0xfc) {
    return AddressRange::UniqueLocal;
  }
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) {
    return AddressRange::LinkLocal;
  }
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) {  // fec0::/10, deprecated site-local
    return AddressRange::UniqueLocal;
  }
  if (b[0] == 0xff) {
    return AddressRange::Multicast;
  }
  if ((b[0] & 0xe0) != 0x20) {  // only 2000::/3 is allocated global unicast
    return AddressRange::Reserved;
  }
  return AddressRange::Public;
}

bool prefix_equal(const IpAddress& a, const IpAddress& b, int bits) {
  const auto full = static_cast<std::size_t>(bits / 8);
  if (!std::equal(a.bytes.begin(), a.bytes.begin() + static_cast<std::ptrdiff_t>(full),
                  b.bytes.begin())) {
    return false;
  }
  const int rest = bits % 8;
  if (rest == 0) {
    return true;
  }
  const auto mask = static_cast<std::uint8_t>(0xff << (8 - rest));
  return (a.bytes[full] & mask) == (b.bytes[full] & mask);
}

int parse_port(std::string_view s) {
  int port = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), port);
  if (s.empty() || ec != std::errc{} || end != s.data() + s.size() || port < 1 || port > 65535) {
    return 0;
  }
  return port;
}

// WHATWG URL parsing, which curl follows, reads "127.1", "2130706433" and "0x7f.1" as IPv4
// addresses. In proxy mode we never see the address, so such hosts are treated as suspect.
bool looks_numeric_host(std::string_view host) {
  if (!host.empty() && host.back() == '.') {
    host.remove_suffix(1);
  }
  const std::size_t dot = host.rfind('.');
  std::string_view last = dot == std::string_view::npos ? host : host.substr(dot + 1);
  if (last.empty()) {
    return false;
  }
  if (last.size() > 1 && last[0] == '0' && (last[1] == 'x' || last[1] == 'X')) {
    last.remove_prefix(2);
    return std::all_of(last.begin(), last.end(), [](char c) { return hex_value(c) >= 0; });
  }
  return std::all_of(last.begin(), last.end(), is_digit);
}

bool is_localhost_name(std::string_view host) {
  if (!host.empty() && host.back() == '.') {
    host.remove_suffix(1);
  }
  constexpr std::string_view kLocal = "localhost";
  constexpr std::string_view kLocalSuffix = ".localhost";
  return host == kLocal
         || (host.size() > kLocalSuffix.size()
             && host.substr(host.size() - kLocalSuffix.size()) == kLocalSuffix);
}

}  // namespace

IpAddress make_ipv4(std::uint8_t a, std::uint8_t b, std::uint8_t c, std::uint8_t d) {
  IpAddress out;
  out.bytes[0] = a;
  out.bytes[1] = b;
  out.bytes[2] = c;
  out.bytes[3] = d;
  return out;
}

std::optional<IpAddress> parse_ip_address(std::string_view text) {
  if (text.find(':') != std::string_view::npos) {
    return parse_ipv6(text);
  }
  const auto v4 = parse_ipv4(text);
  if (!v4) {
    return std::nullopt;
  }
  return make_ipv4((*v4)[0], (*v4)[1], (*v4)[2], (*v4)[3]);
}

std::string to_string(const IpAddress& address) {
  const auto& b = address.bytes;
  const auto quad = [](const std::uint8_t* p) {
    return std::to_string(p[0]) + '.' + std::to_string(p[1]) + '.' + std::to_string(p[2]) + '.'
           + std::to_string(p[3]);
  };
  if (address.family == IpAddress::Family::V4) {
    return quad(b.data());
  }
  if (unmap_ipv4(address)) {
    return "::ffff:" + quad(&b[12]);
  }
  std::array<unsigned, 8> groups{};
  for (std::size_t i = 0; i < 8; ++i) {
    groups[i] = static_cast<unsigned>((b[2 * i] << 8) | b[2 * i + 1]);
  }
  // RFC 5952 §4.2: compress the longest run of two or more zero groups, the first on a tie.
  std::size_t best_start = 8;
  std::size_t best_len = 1;
  for (std::size_t i = 0; i < 8;) {
    std::size_t j = i;
    while (j < 8 && groups[j] == 0) {
      ++j;
    }
    if (j - i > best_len) {
      best_start = i;
      best_len = j - i;
    }
    i = j == i ? i + 1 : j;
  }
  constexpr std::string_view kHex = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < 8; ++i) {
    if (i == best_start) {
      out += "::";
      i += best_len - 1;
      continue;
    }
    if (!out.empty() && out.back() != ':') {
      out += ':';
    }
    std::string h;
    unsigned g = groups[i];
    do {
      h.insert(h.begin(), kHex[g & 0xf]);
      g >>= 4;
    } while (g != 0);
    out += h;
  }
  return out;
}

std::optional<IpAddress> unmap_ipv4(const IpAddress& address) {
  const auto& b = address.bytes;
  if (address.family != IpAddress::Family::V6 || !bytes_are_zero(address, 0, 10) || b[10] != 0xff
      || b[11] != 0xff) {
    return std::nullopt;
  }
  return make_ipv4(b[12], b[13], b[14], b[15]);
}

AddressRange classify_address(const IpAddress& address) {
  if (address.family == IpAddress::Family::V4) {
    return classify_v4(v4_value(address.bytes.data()));
  }
  return classify_v6(address);
}

const char* to_string(AddressRange range) {
  switch (range) {
    case AddressRange::Public:
      return "public";
    case AddressRange::Unspecified:
      return "unspecified";
    case AddressRange::ThisNetwork:
      return "this_network";
    case AddressRange::Loopback:
      return "loopback";
    case AddressRange::Private:
      return "private";
    case AddressRange::SharedCgnat:
      return "shared_cgnat";
    case AddressRange::LinkLocal:
      return "link_local";
    case AddressRange::UniqueLocal:
      return "unique_local";
    case AddressRange::Multicast:
      return "multicast";
    case AddressRange::Broadcast:
      return "broadcast";
    case AddressRange::Documentation:
      return "documentation";
    case AddressRange::Benchmarking:
      return "benchmarking";
    case AddressRange::Reserved:
      return "reserved";
  }
  return "reserved";
}

std::optional<Cidr> parse_cidr(std::string_view text) {
  const std::size_t slash = text.find('/');
  const auto address = parse_ip_address(text.substr(0, slash));
  if (!address) {
    return std::nullopt;
  }
  const int max_bits = address->family == IpAddress::Family::V4 ? 32 : 128;
  int bits = max_bits;
  if (slash != std::string_view::npos) {
    const std::string_view b = text.substr(slash + 1);
    const auto [end, ec] = std::from_chars(b.data(), b.data() + b.size(), bits);
    if (b.empty() || ec != std::errc{} || end != b.data() + b.size() || bits < 0 || bits > max_bits
        || (b.size() > 1 && b[0] == '0')) {
      return std::nullopt;
    }
  }
  Cidr block{*address, bits};
  IpAddress zero;
  zero.family = address->family;
  // Host bits must be zero: compare with the address masked to the prefix.
  IpAddress masked = zero;
  for (std::size_t i = 0; i < 16; ++i) {
    const int keep = std::clamp(bits - static_cast<int>(i) * 8, 0, 8);
    const auto mask = static_cast<std::uint8_t>(keep == 0 ? 0 : 0xff << (8 - keep));
    masked.bytes[i] = static_cast<std::uint8_t>(address->bytes[i] & mask);
  }
  if (!(masked == *address)) {
    return std::nullopt;
  }
  return block;
}

bool cidr_contains(const Cidr& block, const IpAddress& address) {
  const IpAddress a = unmap_ipv4(address).value_or(address);
  const IpAddress n = unmap_ipv4(block.network).value_or(block.network);
  int bits = block.prefix_length;
  if (block.network.family == IpAddress::Family::V6 && n.family == IpAddress::Family::V4) {
    bits = std::max(0, bits - 96);  // a ::ffff:a.b.c.d/n block covers the IPv4 /(n - 96)
  }
  if (a.family != n.family) {
    return false;
  }
  return prefix_equal(a, n, bits);
}

core::Result<AddressPolicy> AddressPolicy::from_allow_list(std::span<const std::string> entries) {
  AddressPolicy policy;
  for (const std::string& raw : entries) {
    const std::string_view entry = trim(raw);
    const auto bad = [&raw](const char* why) {
      return core::make_error(core::ErrorCode::InvalidInput, "fetch.invalid_options",
                              "fetch: allow_list entry \"" + raw + "\": " + why);
    };
    if (entry.empty()) {
      return bad("empty");
    }
    if (entry.find('/') != std::string_view::npos || parse_ip_address(entry)) {
      const auto block = parse_cidr(entry);
      if (!block) {
        return bad("not a CIDR block with zero host bits");
      }
      policy.cidrs_.push_back(*block);
      continue;
    }
    std::string_view host;
    std::string_view port;
    if (entry.front() == '[') {
      const std::size_t close = entry.find("]:");
      if (close == std::string_view::npos) {
        return bad("expected [address]:port");
      }
      host = entry.substr(1, close - 1);
      port = entry.substr(close + 2);
      if (!parse_ipv6(host)) {
        return bad("not an IPv6 address between brackets");
      }
    } else {
      const std::size_t colon = entry.rfind(':');
      if (colon == std::string_view::npos || colon == 0) {
        return bad("expected a CIDR block, an address or host:port");
      }
      host = entry.substr(0, colon);
      port = entry.substr(colon + 1);
    }
    const int port_number = parse_port(port);
    if (port_number == 0) {
      return bad("port must be 1..65535");
    }
    policy.host_ports_.push_back(HostPort{lower(host), port_number});
  }
  return policy;
}

bool AddressPolicy::permits(const IpAddress& address, int port, std::string_view url_host) const {
  const IpAddress a = unmap_ipv4(address).value_or(address);
  if (classify_address(a) == AddressRange::Public) {
    return true;
  }
  if (std::any_of(cidrs_.begin(), cidrs_.end(),
                  [&a](const Cidr& c) { return cidr_contains(c, a); })) {
    return true;
  }
  const std::string host = lower(url_host);
  return std::any_of(host_ports_.begin(), host_ports_.end(), [&](const HostPort& hp) {
    if (hp.port != port) {
      return false;
    }
    if (hp.host == host) {
      return true;
    }
    const auto literal = parse_ip_address(hp.host);
    return literal && unmap_ipv4(*literal).value_or(*literal) == a;
  });
}

bool AddressPolicy::permits_host(std::string_view url_host, int port) const {
  const std::string host = lower(url_host);
  if (const auto literal = parse_ip_address(host)) {
    return permits(*literal, port, host);
  }
  if (is_localhost_name(host)) {
    return permits(make_ipv4(127, 0, 0, 1), port, host);
  }
  return !looks_numeric_host(host);
}

}  // namespace vigie::fetch
