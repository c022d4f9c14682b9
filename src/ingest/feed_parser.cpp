// SPDX-License-Identifier: AGPL-3.0-or-later
#include "ingest/feed_parser.h"

#include <new>
#include <optional>
#include <utility>

#include "ingest/encoding.h"
#include "ingest/feed_adapter.h"
#include "ingest/json_feed_reader.h"
#include "ingest/utf8.h"
#include "ingest/xml_prepare.h"
#include "ingest/xml_reader.h"

namespace vigie::ingest {
namespace {

// Collects the reasons a document is bozo, in the order the stages met them.
class BozoReasons {
 public:
  void add(const std::optional<std::string>& why) {
    if (!why || why->empty()) {
      return;
    }
    if (!text_.empty()) {
      text_.append("; ");
    }
    // Reasons quote the document (names, charsets) and reach people and JSON: keep them UTF-8.
    if (scan_utf8(*why).valid) {
      text_.append(*why);
    } else {
      text_.append(repair_utf8(*why));
    }
  }
  void apply(core::ParsedFeed& feed) const {
    if (!text_.empty()) {
      feed.bozo = true;
      feed.bozo_reason = text_;
    }
  }

 private:
  std::string text_;
};

char first_significant(std::string_view s) {
  for (const char c : s) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      return c;
    }
  }
  return '\0';
}

core::Result<core::ParsedFeed> parse(std::string_view bytes, const ParseOptions& options) {
  if (bytes.size() > options.max_bytes) {
    return core::make_error(core::ErrorCode::InvalidInput, "ingest.too_large",
                            "ingest: document of " + std::to_string(bytes.size())
                                + " bytes, over the limit of " + std::to_string(options.max_bytes));
  }
  const DecodedDocument doc = decode_document(bytes, options.content_type);
  BozoReasons bozo;
  bozo.add(doc.problem());
  const AdaptOptions adapt{options.base_url, options.keep_images, &options.keep_entry};

  const char first = first_significant(doc.text());
  if (first == '\0') {
    return core::make_error(core::ErrorCode::InvalidInput, "ingest.not_a_feed",
                            "ingest: not a feed: empty document");
  }
  if (first == '{') {
    auto read = read_json_feed(doc.text(), options.max_entries);
    if (!read) {
      return tl::unexpected(std::move(read.error()));
    }
    core::ParsedFeed feed = adapt_json_feed(std::move(read->feed), adapt);
    bozo.add(read->problem);
    bozo.apply(feed);
    return feed;
  }
  const PreparedXml xml = prepare_xml(doc.text());
  auto read = read_xml_feed(xml, options.base_url, options.max_entries);
  if (!read) {
    return tl::unexpected(std::move(read.error()));
  }
  core::ParsedFeed feed = adapt_xml_feed(std::move(read->feed), adapt);
  bozo.add(xml.problem());
  bozo.add(read->problem);
  bozo.apply(feed);
  return feed;
}

}  // namespace

core::Result<core::ParsedFeed> parse_feed(std::string_view bytes, const ParseOptions& options) {
  try {
    return parse(bytes, options);
  } catch (const std::bad_alloc&) {
    return core::make_error(core::ErrorCode::Internal, "ingest.out_of_memory",
                            "ingest: ran out of memory while parsing a feed");
  }
}

}  // namespace vigie::ingest
