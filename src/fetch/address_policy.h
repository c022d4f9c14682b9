// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The SSRF guard's pure half: IP address parsing, classification of special-purpose ranges
// (IANA IPv4 and IPv6 special-purpose registries, RFC 6890 and successors), and the allow-list.
// The curl client calls AddressPolicy::permits() with the address it is about to connect to on
// every hop; nothing here does I/O.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace vigie::fetch {

struct IpAddress {
  enum class Family { V4, V6 };
  Family family = Family::V4;
  // Network byte order. An IPv4 address uses bytes[0..3] and leaves the rest zero.
  std::array<std::uint8_t, 16> bytes{};

  friend bool operator==(const IpAddress&, const IpAddress&) = default;
};

IpAddress make_ipv4(std::uint8_t a, std::uint8_t b, std::uint8_t c, std::uint8_t d);

// Parses a textual address: dotted-quad IPv4 (four decimal parts, no leading zeros, so no
// octal or hex surprises) or IPv6 (RFC 4291 §2.2, "::" and an embedded dotted quad allowed;
// no brackets, no zone id). nullopt otherwise.
std::optional<IpAddress> parse_ip_address(std::string_view text);

// "192.0.2.1", "2001:db8::1" (RFC 5952 compressed form).
std::string to_string(const IpAddress& address);

// The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:a.b.c.d), else nullopt.
std::optional<IpAddress> unmap_ipv4(const IpAddress& address);

// Which special-purpose range an address falls in. IPv6 forms that embed an IPv4 address
// (mapped ::ffff:0:0/96, compatible ::/96, NAT64 64:ff9b::/96, 6to4 2002::/16) are classified
// by the embedded IPv4 address, so ::ffff:10.0.0.1 is Private, not Public.
enum class AddressRange {
  Public,         // globally routable unicast
  Unspecified,    // 0.0.0.0, ::
  ThisNetwork,    // 0.0.0.0/8
  Loopback,       // 127.0.0.0/8, ::1
  Private,        // 10/8, 172.16/12, 192.168/16, 64:ff9b:1::/48
  SharedCgnat,    // 100.64.0.0/10 (RFC 6598)
  LinkLocal,      // 169.254.0.0/16 (cloud metadata lives here), fe80::/10
  UniqueLocal,    // fc00::/7, and deprecated site-local fec0::/10
  Multicast,      // 224.0.0.0/4, ff00::/8
  Broadcast,      // 255.255.255.255
  Documentation,  // 192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32
  Benchmarking,   // 198.18.0.0/15
  Reserved,       // 240/4, 192.0.0/24, 192.88.99/24, 2001::/23, 100::/64, IPv6 outside 2000::/3
};

AddressRange classify_address(const IpAddress& address);

// Stable lower-case name for logs: "public", "loopback", "link_local", ...
const char* to_string(AddressRange range);

// A CIDR block. The network bytes beyond prefix_length are zero.
struct Cidr {
  IpAddress network;
  int prefix_length = 0;
};

// "10.0.0.0/8", "fe80::/10"; a bare address is a /32 or /128. Host bits set are refused
// ("10.0.0.1/8"): that is usually a typo.
std::optional<Cidr> parse_cidr(std::string_view text);

// True when `address` lies in `block`. Families must match; an IPv4-mapped IPv6 address is
// compared as the IPv4 address it carries.
bool cidr_contains(const Cidr& block, const IpAddress& address);

// Decides whether a connection may be made. Immutable after construction; thread-safe.
class AddressPolicy {
 public:
  // Default-constructed: no exceptions, only public addresses pass.
  AddressPolicy() = default;

  // Parses allow-list entries (syntax in fetch_options.h: CIDR, bare address, host:port,
  // [v6]:port). Returns fetch.invalid_options (InvalidInput) naming the first bad entry.
  static core::Result<AddressPolicy> from_allow_list(std::span<const std::string> entries);

  // True when the client may connect to `address`:`port` for a request whose URL host (of the
  // current hop) is `url_host`: public addresses always; others only when a CIDR entry contains
  // the address, or a host:port entry names this port and either the URL host (case
  // insensitive) or the address itself.
  bool permits(const IpAddress& address, int port, std::string_view url_host) const;

  // For proxy mode, where the client never sees the destination address: true unless
  // `url_host` is an IP literal (or "localhost", "*.localhost") that permits() would refuse.
  bool permits_host(std::string_view url_host, int port) const;

 private:
  struct HostPort {
    std::string host;  // lower case; an IPv6 literal without brackets
    int port = 0;
  };
  std::vector<Cidr> cidrs_;
  std::vector<HostPort> host_ports_;
};

}  // namespace vigie::fetch
