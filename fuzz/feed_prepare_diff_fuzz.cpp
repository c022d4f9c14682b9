// SPDX-License-Identifier: AGPL-3.0-or-later
// Differential target for prepare_xml's out-of-band text (PrepareOptions::text_out_of_band):
// every document is read both ways, with its text decoded by prepare_xml and with the text
// left for libxml2 to read. Both must agree on whether the document is a feed and whether it
// is bozo, and on the first reason; a document read cleanly the old way must give the very
// same feed (compared as JSON) the new way. Seeds: tests/fixtures/feeds.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "fuzz_fail.h"
#include "ingest/encoding.h"
#include "ingest/feed_adapter.h"
#include "ingest/feed_json.h"
#include "ingest/xml_prepare.h"
#include "ingest/xml_reader.h"

namespace {

struct Outcome {
  bool feed = false;
  std::string error;    // the error reason when not a feed
  std::string json;     // the adapted feed
  std::string problem;  // prepare's and the reader's reasons, in that order
  bool bozo = false;
};

// The first reason of a list: libxml2's count of further errors may differ (see below).
std::string first_reason(const std::string& s) {
  return s.substr(0, s.find(" (and "));
}

Outcome read(std::string_view utf8, bool out_of_band) {
  Outcome o;
  const vigie::ingest::PreparedXml xml =
      vigie::ingest::prepare_xml(utf8, vigie::ingest::PrepareOptions{out_of_band});
  auto r = vigie::ingest::read_xml_feed(xml, "https://fuzz.example.org/feed.xml", 100);
  if (!r) {
    o.error = r.error().reason;
    return o;
  }
  o.feed = true;
  o.bozo = xml.problem().has_value() || r->problem.has_value();
  o.problem = xml.problem().value_or("") + "|" + first_reason(r->problem.value_or(""));
  const vigie::ingest::AdaptOptions adapt{"https://fuzz.example.org/feed.xml", false, nullptr};
  o.json = vigie::ingest::to_json(vigie::ingest::adapt_xml_feed(std::move(r->feed), adapt));
  return o;
}

// Where the two readings part.
[[noreturn]] void fail(std::string_view what, const std::string& old_way,
                       const std::string& new_way) {
  vigie::fuzz::fail(what, {{"libxml2 reads the text", old_way}, {"out of band", new_way}});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const vigie::ingest::DecodedDocument doc = vigie::ingest::decode_document(bytes, "");
  const Outcome old_way = read(doc.text(), false);
  const Outcome new_way = read(doc.text(), true);
  if (old_way.feed != new_way.feed || old_way.error != new_way.error) {
    fail("feed or not differs", old_way.error, new_way.error);
  }
  if (!old_way.feed) {
    return 0;
  }
  if (old_way.bozo != new_way.bozo) {
    fail("bozo differs", old_way.problem, new_way.problem);
  }
  if (old_way.problem != new_way.problem) {
    fail("first reason differs", old_way.problem, new_way.problem);
  }
  if (!old_way.bozo && old_way.json != new_way.json) {
    fail("feed differs", old_way.json, new_way.json);
  }
  return 0;
}
