// SPDX-License-Identifier: AGPL-3.0-or-later
// OPML files come from users and from other readers. Beyond not crashing: whatever parses must
// survive our export unchanged (parse(write(d)) == d), the property the import/export promises.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "ingest/opml/opml.h"

namespace {

// opml.h documents one exception to the round trip: a tag other than a feed's first travels in
// the OPML 2.0 category attribute, where "," separates entries and surrounding "/" are
// trimmed.
bool round_trips(const vigie::ingest::OpmlDocument& doc) {
  for (const auto& feed : doc.feeds) {
    for (std::size_t i = 1; i < feed.tags.size(); ++i) {
      const std::string& t = feed.tags[i];
      if (t.find(',') != std::string::npos || t.front() == '/' || t.back() == '/') {
        return false;
      }
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto doc = vigie::ingest::parse_opml(bytes);
  if (!doc || !round_trips(*doc)) {
    return 0;
  }
  const std::string out = vigie::ingest::write_opml(*doc, "Thu, 01 Jan 2026 00:00:00 GMT");
  const auto again = vigie::ingest::parse_opml(out);
  if (!again || !(*again == *doc)) {
    std::fprintf(stderr, "OPML export does not re-import unchanged:\n%s\n", out.c_str());
    std::abort();
  }
  return 0;
}
