// SPDX-License-Identifier: AGPL-3.0-or-later
#include "ingest/date_parser.h"

#include <initializer_list>

#include <gtest/gtest.h>

#include "core/time.h"

namespace vigie::ingest {
namespace {

struct DateCase {
  const char* text;
  const char* expected;  // UTC, as format_iso8601 prints it
};

void expect_dates(const DateCase* begin, const DateCase* end) {
  for (const DateCase* c = begin; c != end; ++c) {
    SCOPED_TRACE(c->text);
    const auto t = parse_date(c->text);
    ASSERT_TRUE(t.has_value());
    EXPECT_EQ(core::format_iso8601(*t), c->expected);
  }
}

TEST(DateParserTest, ReadsRfc822AndTheWaysFeedsBreakIt) {
  const std::initializer_list<DateCase> cases = {
      {"Tue, 10 Jun 2003 04:00:00 GMT", "2003-06-10T04:00:00Z"},
      {"Tue, 10 Jun 2003 04:00:00 +0000", "2003-06-10T04:00:00Z"},
      {"Tue, 10 Jun 2003 04:00:00 -0400", "2003-06-10T08:00:00Z"},
      {"Tue, 10 Jun 2003 04:00:00 +05:30", "2003-06-09T22:30:00Z"},
      {"Tue, 10 Jun 2003 04:00:00 +02", "2003-06-10T02:00:00Z"},
      {"Tue, 10 Jun 2003 04:00 GMT", "2003-06-10T04:00:00Z"},     // no seconds
      {"10 Jun 2003 04:00:00 GMT", "2003-06-10T04:00:00Z"},       // no day name
      {"Fri, 10 Jun 2003 04:00:00 GMT", "2003-06-10T04:00:00Z"},  // wrong day name
      {"Tue, 10 Jun 03 04:00:00 GMT", "2003-06-10T04:00:00Z"},    // two-digit year
      {"Sat, 01 Jan 99 00:00:00 GMT", "1999-01-01T00:00:00Z"},
      {"Sun, 1 Jan 2023 00:00:00 GMT", "2023-01-01T00:00:00Z"},   // one-digit day
      {"tue, 10 jun 2003 04:00:00 gmt", "2003-06-10T04:00:00Z"},  // lower case
      {"TUE, 10 JUN 2003 04:00:00 GMT", "2003-06-10T04:00:00Z"},
      {"Tue,10 Jun 2003 04:00:00 GMT", "2003-06-10T04:00:00Z"},    // no space after comma
      {"Tue, 10 June 2003 04:00:00 GMT", "2003-06-10T04:00:00Z"},  // full month name
      {"Tue, 10 Sept 2003 04:00:00 GMT", "2003-09-10T04:00:00Z"},
      {"Tue, 10 Jun 2003", "2003-06-10T00:00:00Z"},  // no time
      {"10 Jun 2003", "2003-06-10T00:00:00Z"},
      {"Tue, 10 Jun 2003 04:00:00", "2003-06-10T04:00:00Z"},  // no zone: UTC
      {"Tue, 10 Jun 2003 04:00:00 +0200 (CEST)", "2003-06-10T02:00:00Z"},
      {"Tuesday, 10-Jun-03 04:00:00 GMT", "2003-06-10T04:00:00Z"},  // RFC 850
      {"Jun 10, 2003", "2003-06-10T00:00:00Z"},                     // month first
      {"June 10, 2003 3:04 pm", "2003-06-10T15:04:00Z"},
      {"June 10, 2003 12:30 AM", "2003-06-10T00:30:00Z"},
      {"Tue, 10 Jun 2003 04:00:00.123 GMT", "2003-06-10T04:00:00Z"},
      {"Tue, 10 Jun 2003 04:00:00 0200", "2003-06-10T02:00:00Z"},  // sign forgotten
      {"Tue, 10 Jun 2003 24:00:00 GMT", "2003-06-11T00:00:00Z"},
      {"  Tue, 10 Jun 2003 04:00:00 GMT\n  ", "2003-06-10T04:00:00Z"},
      {"Sun Nov  6 08:49:37 1994", "1994-11-06T08:49:37Z"},     // asctime
      {"Mon Jan 2 15:04:05 MST 2006", "2006-01-02T22:04:05Z"},  // Unix date
  };
  expect_dates(std::begin(cases), std::end(cases));
}

TEST(DateParserTest, ReadsNamedAndNumericZones) {
  const std::initializer_list<DateCase> cases = {
      {"Wed, 02 Oct 2002 08:00:00 EST", "2002-10-02T13:00:00Z"},
      {"Wed, 02 Oct 2002 08:00:00 EDT", "2002-10-02T12:00:00Z"},
      {"Wed, 02 Oct 2002 08:00:00 CST", "2002-10-02T14:00:00Z"},
      {"Wed, 02 Oct 2002 08:00:00 CDT", "2002-10-02T13:00:00Z"},
      {"Wed, 02 Oct 2002 08:00:00 MST", "2002-10-02T15:00:00Z"},
      {"Wed, 02 Oct 2002 08:00:00 MDT", "2002-10-02T14:00:00Z"},
      {"Wed, 02 Oct 2002 08:00:00 PST", "2002-10-02T16:00:00Z"},
      {"Wed, 02 Oct 2002 08:00:00 PDT", "2002-10-02T15:00:00Z"},
      {"Wed, 02 Oct 2002 08:00:00 UT", "2002-10-02T08:00:00Z"},
      {"Wed, 02 Oct 2002 08:00:00 UTC", "2002-10-02T08:00:00Z"},
      {"Wed, 02 Oct 2002 08:00:00 Z", "2002-10-02T08:00:00Z"},
      {"Wed, 02 Oct 2002 08:00:00 CET", "2002-10-02T07:00:00Z"},
      {"Wed, 02 Oct 2002 08:00:00 CEST", "2002-10-02T06:00:00Z"},
      {"Wed, 02 Oct 2002 08:00:00 WAT", "2002-10-02T07:00:00Z"},
      {"Wed, 02 Oct 2002 08:00:00 EAT", "2002-10-02T05:00:00Z"},
      {"Wed, 02 Oct 2002 08:00:00 JST", "2002-10-01T23:00:00Z"},
      {"Wed, 02 Oct 2002 08:00:00 GMT+2", "2002-10-02T06:00:00Z"},
      {"Wed, 02 Oct 2002 08:00:00 GMT-05:00", "2002-10-02T13:00:00Z"},
      {"Wed, 02 Oct 2002 08:00:00 A", "2002-10-02T08:00:00Z"},  // military: RFC 2822 §4.3
      {"Wed, 02 Oct 2002 08:00:00 Y", "2002-10-02T08:00:00Z"},
      {"Wed, 02 Oct 2002 08:00:00 XYZT", "2002-10-02T08:00:00Z"},  // unknown name: UTC
  };
  expect_dates(std::begin(cases), std::end(cases));
}

TEST(DateParserTest, ReadsMonthNamesInOtherLanguages) {
  const std::initializer_list<DateCase> cases = {
      {"lun., 05 févr. 2024 10:00:00 +0100", "2024-02-05T09:00:00Z"},
      {"5 février 2024", "2024-02-05T00:00:00Z"},
      {"5 FÉVRIER 2024", "2024-02-05T00:00:00Z"},
      {"14 juillet 2023 à 14h30", "2023-07-14T14:30:00Z"},
      {"1 août 2023", "2023-08-01T00:00:00Z"},
      {"1 aout 2023", "2023-08-01T00:00:00Z"},
      {"24 déc. 2023", "2023-12-24T00:00:00Z"},
      {"3 janv. 2024 08:15", "2024-01-03T08:15:00Z"},
      {"mar, 02 ene 2024 10:00:00 GMT", "2024-01-02T10:00:00Z"},  // Spanish: "mar" is Tuesday
      {"15 de marzo de 2024", "2024-03-15T00:00:00Z"},
      {"10 dic 2024", "2024-12-10T00:00:00Z"},
      {"7 de setembro de 2022", "2022-09-07T00:00:00Z"},
      {"3 März 2021", "2021-03-03T00:00:00Z"},
      {"3 Okt 2021", "2021-10-03T00:00:00Z"},
      {"12 maggio 2020", "2020-05-12T00:00:00Z"},
      {"12 mei 2020", "2020-05-12T00:00:00Z"},
  };
  expect_dates(std::begin(cases), std::end(cases));
}

TEST(DateParserTest, ReadsIso8601AndW3cdtf) {
  const std::initializer_list<DateCase> cases = {
      {"2003-12-13T18:30:02Z", "2003-12-13T18:30:02Z"},
      {"2003-12-13T18:30:02.25Z", "2003-12-13T18:30:02Z"},
      {"2003-12-13T18:30:02+01:00", "2003-12-13T17:30:02Z"},
      {"2003-12-13T18:30:02.25+01:00", "2003-12-13T17:30:02Z"},
      {"2003-12-13T18:30:02-0500", "2003-12-13T23:30:02Z"},
      {"2003-12-13T18:30:02+01", "2003-12-13T17:30:02Z"},
      {"2003-12-13T18:30Z", "2003-12-13T18:30:00Z"},
      {"2003-12-13T18:30:02", "2003-12-13T18:30:02Z"},  // no zone: UTC
      {"2003-12-13 18:30:02", "2003-12-13T18:30:02Z"},
      {"2003-12-13 18:30:02 +0100", "2003-12-13T17:30:02Z"},
      {"2003-12-13t18:30:02z", "2003-12-13T18:30:02Z"},
      {"2003-12-13", "2003-12-13T00:00:00Z"},
      {"2003-12", "2003-12-01T00:00:00Z"},
      {"2003", "2003-01-01T00:00:00Z"},
      {"2003-347", "2003-12-13T00:00:00Z"},  // ordinal
      {"20031213", "2003-12-13T00:00:00Z"},  // basic format
      {"20031213T183002Z", "2003-12-13T18:30:02Z"},
      {"20031213T1830Z", "2003-12-13T18:30:00Z"},
      {"2003/12/13", "2003-12-13T00:00:00Z"},
      {"2003-1-5", "2003-01-05T00:00:00Z"},
      {"2016-12-31T23:59:60Z", "2017-01-01T00:00:00Z"},  // leap second
      {"2004-02-29T00:00:00Z", "2004-02-29T00:00:00Z"},
      {"1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z"},
  };
  expect_dates(std::begin(cases), std::end(cases));
}

TEST(DateParserTest, RefusesWhatIsNotADate) {
  for (const char* s :
       {"", "   ", "yesterday", "Tue, 10 Foo 2003 04:00:00 GMT", "31 Feb 2003", "2003-02-30",
        "2003-13-01", "2003-12-13T25:00:00Z", "2003-12-13T18:61:00Z", "Tue, 10 Jun 2003 25:00 GMT",
        "10 Jun", "Jun 2003", "2003-12-13T18:30:02+25:00", "2003-12-13T18:30:02Zjunk", "1700000000",
        "2001-366", "<b>10 Jun 2003</b>", "10 Jun 2003 13:00 pm",
        "Tue, 10 Jun 2003 04:00:00 GMT Tue, 10 Jun 2003 04:00:00 GMT Tue, 10 Jun 2003 04:00:00"}) {
    SCOPED_TRACE(s);
    EXPECT_FALSE(parse_date(s).has_value());
  }
}

}  // namespace
}  // namespace vigie::ingest
