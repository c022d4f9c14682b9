// SPDX-License-Identifier: AGPL-3.0-or-later
#include "ingest/utf8.h"

#include <algorithm>
#include <string>

#include <gtest/gtest.h>

namespace vigie::ingest {
namespace {

struct Case {
  const char* name;
  std::string bytes;
  bool valid;
  std::string repaired;  // repair_utf8(bytes)
};

class Utf8Test : public ::testing::TestWithParam<Case> {};

// scan_utf8 and repair_utf8 read UTF-8 by Unicode's table 3-7 (text::decode_utf8): a
// sequence that is not well-formed is read as windows-1252 bytes, one by one.
TEST_P(Utf8Test, ScansAndRepairsByTable37) {
  const Case& c = GetParam();
  EXPECT_EQ(scan_utf8(c.bytes).valid, c.valid);
  const bool non_ascii =
      std::any_of(c.bytes.begin(), c.bytes.end(), [](char b) { return (b & 0x80) != 0; });
  EXPECT_EQ(scan_utf8(c.bytes).non_ascii, non_ascii);
  EXPECT_EQ(repair_utf8(c.bytes), c.repaired);
  EXPECT_EQ(scan_utf8(repair_utf8(c.bytes)).valid, true);
}

INSTANTIATE_TEST_SUITE_P(
    Table, Utf8Test,
    ::testing::Values(
        Case{"Ascii", "Le coton du Burkina, 2026", true, "Le coton du Burkina, 2026"},
        Case{"TwoBytes", "C\xC3\xB4te", true, "C\xC3\xB4te"},
        Case{"ThreeBytes", "\xE2\x82\xAC 5", true, "\xE2\x82\xAC 5"},
        Case{"FourBytes", "\xF0\x9F\x8C\x8D", true, "\xF0\x9F\x8C\x8D"},
        Case{"LastScalarValue", "\xF4\x8F\xBF\xBF", true, "\xF4\x8F\xBF\xBF"},
        Case{"Latin1Byte", "C\xF4te", false, "C\xC3\xB4te"},
        Case{"Windows1252Euro", "\x80 5", false, "\xE2\x82\xAC 5"},
        Case{"OverlongTwoBytes", "\xC0\xAF", false, "\xC3\x80\xC2\xAF"},
        Case{"OverlongThreeBytes", "\xE0\x80\xAF", false, "\xC3\xA0\xE2\x82\xAC\xC2\xAF"},
        Case{"Surrogate", "\xED\xA0\x80", false, "\xC3\xAD\xC2\xA0\xE2\x82\xAC"},
        Case{"PastU10FFFF", "\xF4\x90\x80\x80", false, "\xC3\xB4\xC2\x90\xE2\x82\xAC\xE2\x82\xAC"},
        Case{"BadLeadByte", "\xF5\x80", false, "\xC3\xB5\xE2\x82\xAC"},
        Case{"Truncated", "ab\xE2\x82", false, "ab\xC3\xA2\xE2\x80\x9A"},
        Case{"ContinuationAlone", "\xBF", false, "\xC2\xBF"}),
    [](const auto& c) { return std::string(c.param.name); });

TEST(Utf8Test, RepairSaysWhetherItSawAMultiByteSequence) {
  bool multibyte = true;
  repair_utf8("plain", &multibyte);
  EXPECT_FALSE(multibyte);
  repair_utf8("C\xC3\xB4te", &multibyte);
  EXPECT_TRUE(multibyte);
  repair_utf8("C\xF4te", &multibyte);
  EXPECT_FALSE(multibyte);
}

}  // namespace
}  // namespace vigie::ingest
