// SPDX-License-Identifier: AGPL-3.0-or-later
#include "fetch/address_policy.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace vigie::fetch {
namespace {

IpAddress ip(const char* text) {
  const auto a = parse_ip_address(text);
  EXPECT_TRUE(a.has_value()) << text;
  return a.value_or(IpAddress{});
}

TEST(AddressPolicyTest, ParsesAndPrintsAddressesCanonically) {
  struct Case {
    const char* input;
    const char* printed;
  };
  const Case cases[] = {
      {"192.0.2.1", "192.0.2.1"},
      {"0.0.0.0", "0.0.0.0"},
      {"255.255.255.255", "255.255.255.255"},
      {"::", "::"},
      {"::1", "::1"},
      {"2001:DB8:0:0:0:0:0:1", "2001:db8::1"},
      {"2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"},
      {"fe80::1:2", "fe80::1:2"},
      {"::ffff:10.0.0.1", "::ffff:10.0.0.1"},
      {"::ffff:a00:1", "::ffff:10.0.0.1"},
      {"64:ff9b::192.0.2.33", "64:ff9b::c000:221"},
      {"1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"},
      {"1:0:0:4:0:0:0:8", "1:0:0:4::8"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.input);
    const auto a = parse_ip_address(c.input);
    ASSERT_TRUE(a.has_value());
    EXPECT_EQ(to_string(*a), c.printed);
  }
}

TEST(AddressPolicyTest, RefusesNonCanonicalAndMalformedAddresses) {
  const char* cases[] = {"",
                         "127.1",
                         "2130706433",
                         "0x7f.0.0.1",
                         "0177.0.0.1",
                         "127.0.0.01",
                         "256.0.0.1",
                         "1.2.3.4.5",
                         "1.2.3.",
                         "localhost",
                         ":::",
                         "1::2::3",
                         "1:2:3:4:5:6:7:8:9",
                         "12345::",
                         "fe80::1%eth0",
                         "[::1]",
                         "::ffff:1.2.3",
                         "g::1",
                         " 1.2.3.4",
                         "1:2:3:4:5:6:7::8:9"};
  for (const char* c : cases) {
    SCOPED_TRACE(c);
    EXPECT_FALSE(parse_ip_address(c).has_value());
  }
}

TEST(AddressPolicyTest, ClassifiesSpecialPurposeRanges) {
  struct Case {
    const char* address;
    AddressRange range;
  };
  const Case cases[] = {
      {"8.8.8.8", AddressRange::Public},
      {"1.1.1.1", AddressRange::Public},
      {"0.0.0.0", AddressRange::Unspecified},
      {"0.1.2.3", AddressRange::ThisNetwork},
      {"10.0.0.1", AddressRange::Private},
      {"10.255.255.255", AddressRange::Private},
      {"100.64.0.1", AddressRange::SharedCgnat},
      {"100.127.255.255", AddressRange::SharedCgnat},
      {"100.128.0.1", AddressRange::Public},
      {"127.0.0.1", AddressRange::Loopback},
      {"127.255.0.9", AddressRange::Loopback},
      {"169.254.169.254", AddressRange::LinkLocal},
      {"172.15.255.255", AddressRange::Public},
      {"172.16.0.1", AddressRange::Private},
      {"172.31.255.255", AddressRange::Private},
      {"172.32.0.1", AddressRange::Public},
      {"192.0.0.8", AddressRange::Reserved},
      {"192.0.2.10", AddressRange::Documentation},
      {"192.88.99.1", AddressRange::Reserved},
      {"192.168.1.1", AddressRange::Private},
      {"198.18.0.1", AddressRange::Benchmarking},
      {"198.19.255.255", AddressRange::Benchmarking},
      {"198.51.100.7", AddressRange::Documentation},
      {"203.0.113.7", AddressRange::Documentation},
      {"224.0.0.1", AddressRange::Multicast},
      {"239.255.255.250", AddressRange::Multicast},
      {"240.0.0.1", AddressRange::Reserved},
      {"255.255.255.255", AddressRange::Broadcast},
      {"::", AddressRange::Unspecified},
      {"::1", AddressRange::Loopback},
      {"::ffff:127.0.0.1", AddressRange::Loopback},
      {"::ffff:10.0.0.1", AddressRange::Private},
      {"::ffff:169.254.169.254", AddressRange::LinkLocal},
      {"::ffff:8.8.8.8", AddressRange::Public},
      {"::127.0.0.1", AddressRange::Loopback},
      {"::10.0.0.1", AddressRange::Private},
      {"64:ff9b::10.0.0.1", AddressRange::Private},
      {"64:ff9b::8.8.8.8", AddressRange::Public},
      {"64:ff9b:1::1", AddressRange::Private},
      {"100::1", AddressRange::Reserved},
      {"2001::1", AddressRange::Reserved},
      {"2001:db8::1", AddressRange::Documentation},
      {"2002:a00:1::1", AddressRange::Private},
      {"2002:808:808::1", AddressRange::Public},
      {"2a00:1450:4007:80e::200e", AddressRange::Public},
      {"fc00::1", AddressRange::UniqueLocal},
      {"fd12:3456::1", AddressRange::UniqueLocal},
      {"fe80::1", AddressRange::LinkLocal},
      {"febf::1", AddressRange::LinkLocal},
      {"fec0::1", AddressRange::UniqueLocal},
      {"ff02::1", AddressRange::Multicast},
      {"4000::1", AddressRange::Reserved},
      {"::2:0:0:1", AddressRange::Reserved},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.address);
    EXPECT_STREQ(to_string(classify_address(ip(c.address))), to_string(c.range));
  }
}

TEST(AddressPolicyTest, ParsesCidrBlocksAndRefusesHostBits) {
  struct Case {
    const char* text;
    bool valid;
    int prefix;
  };
  const Case cases[] = {
      {"10.0.0.0/8", true, 8},   {"127.0.0.1", true, 32}, {"::1", true, 128},
      {"fe80::/10", true, 10},   {"0.0.0.0/0", true, 0},  {"10.0.0.1/8", false, 0},
      {"10.0.0.0/33", false, 0}, {"10.0.0.0/", false, 0}, {"10.0.0.0/08", false, 0},
      {"fe80::1/10", false, 0},  {"::/129", false, 0},    {"host/8", false, 0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    const auto block = parse_cidr(c.text);
    ASSERT_EQ(block.has_value(), c.valid);
    if (block) {
      EXPECT_EQ(block->prefix_length, c.prefix);
    }
  }
}

TEST(AddressPolicyTest, CidrContainmentComparesMappedAddressesAsIpv4) {
  const auto block = parse_cidr("127.0.0.0/8");
  ASSERT_TRUE(block);
  EXPECT_TRUE(cidr_contains(*block, ip("127.9.9.9")));
  EXPECT_TRUE(cidr_contains(*block, ip("::ffff:127.0.0.1")));
  EXPECT_FALSE(cidr_contains(*block, ip("128.0.0.1")));
  EXPECT_FALSE(cidr_contains(*block, ip("::1")));
  const auto mapped = parse_cidr("::ffff:10.1.0.0/112");
  ASSERT_TRUE(mapped);
  EXPECT_TRUE(cidr_contains(*mapped, ip("10.1.2.3")));
  EXPECT_FALSE(cidr_contains(*mapped, ip("10.2.0.1")));
}

TEST(AddressPolicyTest, WithoutAllowListOnlyPublicAddressesPass) {
  const AddressPolicy policy;
  EXPECT_TRUE(policy.permits(ip("8.8.8.8"), 443, "dns.example"));
  EXPECT_TRUE(policy.permits(ip("::ffff:8.8.8.8"), 80, "x"));
  const char* refused[] = {"127.0.0.1", "10.0.0.1",         "169.254.169.254", "100.64.0.1",
                           "::1",       "::ffff:127.0.0.1", "fd00::1",         "0.0.0.0",
                           "::",        "224.0.0.1",        "fe80::1"};
  for (const char* a : refused) {
    SCOPED_TRACE(a);
    EXPECT_FALSE(policy.permits(ip(a), 80, "example.org"));
  }
}

TEST(AddressPolicyTest, AllowListEntriesReallowExactlyWhatTheyName) {
  const std::vector<std::string> entries = {"10.1.0.0/16", "intranet.lan:8080", "127.0.0.1:9000",
                                            "[::1]:9001"};
  const auto policy = AddressPolicy::from_allow_list(entries);
  ASSERT_TRUE(policy) << policy.error().message;
  struct Case {
    const char* name;
    const char* address;
    int port;
    const char* host;
    bool permitted;
  };
  const Case cases[] = {
      {"cidr covers", "10.1.2.3", 80, "a.lan", true},
      {"cidr mapped", "::ffff:10.1.2.3", 80, "a.lan", true},
      {"outside cidr", "10.2.0.1", 80, "a.lan", false},
      {"host and port", "192.168.1.5", 8080, "intranet.lan", true},
      {"host case-insensitive", "192.168.1.5", 8080, "INTRANET.lan", true},
      {"host, other port", "192.168.1.5", 8081, "intranet.lan", false},
      {"other host, same port", "192.168.1.5", 8080, "evil.lan", false},
      {"address and port", "127.0.0.1", 9000, "localhost", true},
      {"address, other port", "127.0.0.1", 9002, "localhost", false},
      {"v6 address and port", "::1", 9001, "ip6-localhost", true},
      {"metadata never", "169.254.169.254", 80, "metadata", false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(policy->permits(ip(c.address), c.port, c.host), c.permitted);
  }
}

TEST(AddressPolicyTest, RefusesMalformedAllowListEntries) {
  const char* cases[] = {"",          "10.0.0.1/8", "host",         "host:0", "host:65536",
                         "host:http", "[::1]",      "[nothost]:80", ":80",    "10.0.0.0/40"};
  for (const char* c : cases) {
    SCOPED_TRACE(c);
    const std::vector<std::string> entries = {c};
    const auto policy = AddressPolicy::from_allow_list(entries);
    ASSERT_FALSE(policy);
    EXPECT_EQ(policy.error().reason, "fetch.invalid_options");
  }
}

TEST(AddressPolicyTest, ProxyModeRefusesLiteralAndLocalhostHostsOnly) {
  const AddressPolicy policy;
  struct Case {
    const char* host;
    bool permitted;
  };
  const Case cases[] = {
      {"example.org", true},  {"8.8.8.8", true},     {"127.0.0.1", false},
      {"10.0.0.1", false},    {"::1", false},        {"localhost", false},
      {"a.localhost", false}, {"localhost.", false}, {"127.1", false},
      {"2130706433", false},  {"0x7f000001", false}, {"feeds.example.org", true},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.host);
    EXPECT_EQ(policy.permits_host(c.host, 80), c.permitted);
  }
}

}  // namespace
}  // namespace vigie::fetch
