// SPDX-License-Identifier: AGPL-3.0-or-later
#include "ingest/json_feed_reader.h"

#include <exception>
#include <new>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace vigie::ingest {
namespace {

using Json = nlohmann::json;

constexpr std::size_t kMaxDepth = 64;
// A JSON value costs tens of bytes in the DOM for as little as two in the text ("0,"): past
// this many, the rest of the document is ignored. Real feeds hold tens of thousands.
constexpr std::size_t kMaxValues = 1'000'000;
constexpr std::size_t kMaxPerItem = 1000;  // tags, attachments, authors

// nlohmann's SAX events into a DOM, keeping whatever was complete when a syntax error stops
// the parse (a feed cut short still has its first items), and refusing absurd nesting.
// bugprone-exception-escape: only through nlohmann's destructor, which may allocate; running
// out of memory there ends the process, as anywhere else.
class DomBuilder {  // NOLINT(bugprone-exception-escape)
 public:
  bool null() { return put(Json(nullptr)) != nullptr; }
  bool boolean(bool v) { return put(Json(v)) != nullptr; }
  bool number_integer(Json::number_integer_t v) { return put(Json(v)) != nullptr; }
  bool number_unsigned(Json::number_unsigned_t v) { return put(Json(v)) != nullptr; }
  bool number_float(Json::number_float_t v, const std::string& /*text*/) {
    return put(Json(v)) != nullptr;
  }
  bool string(std::string& v) { return put(Json(std::move(v))) != nullptr; }
  bool binary(Json::binary_t& /*v*/) { return true; }
  bool start_object(std::size_t /*elements*/) { return open(Json::object()); }
  bool key(std::string& k) {
    key_ = std::move(k);
    return true;
  }
  bool end_object() {
    stack_.pop_back();
    return true;
  }
  bool start_array(std::size_t /*elements*/) { return open(Json::array()); }
  bool end_array() {
    stack_.pop_back();
    return true;
  }
  bool parse_error(std::size_t position, const std::string& /*last_token*/,
                   const nlohmann::detail::exception& /*ex*/) {
    error_at_ = position;
    return false;
  }

  Json& root() { return root_; }
  std::optional<std::size_t> error_at() const { return error_at_; }
  bool too_deep() const { return too_deep_; }
  bool too_many() const { return too_many_; }

 private:
  Json* put(Json&& v) {
    if (++values_ > kMaxValues) {
      too_many_ = true;
      return nullptr;
    }
    if (stack_.empty()) {
      root_ = std::move(v);
      return &root_;
    }
    Json& parent = *stack_.back();
    if (parent.is_object()) {
      Json& slot = parent[key_];
      slot = std::move(v);
      return &slot;
    }
    parent.push_back(std::move(v));
    return &parent.back();
  }
  bool open(Json&& v) {
    if (stack_.size() >= kMaxDepth) {
      too_deep_ = true;
      return false;
    }
    Json* container = put(std::move(v));
    if (container == nullptr) {
      return false;
    }
    stack_.push_back(container);
    return true;
  }

  Json root_;
  std::vector<Json*> stack_;  // the open containers, outermost first
  std::string key_;
  std::optional<std::size_t> error_at_;
  bool too_deep_ = false;
  bool too_many_ = false;
  std::size_t values_ = 0;
};

std::string str(const Json& obj, const char* key) {
  const auto it = obj.find(key);
  if (it == obj.end() || !it->is_string()) {
    return {};
  }
  return it->get<std::string>();
}

// JSON Feed ids are strings, but numbers are common in the wild.
std::optional<std::string> id_of(const Json& item) {
  const auto it = item.find("id");
  if (it == item.end()) {
    return std::nullopt;
  }
  if (it->is_string()) {
    return it->get<std::string>();
  }
  if (it->is_number_integer()) {
    return std::to_string(it->get<std::int64_t>());
  }
  if (it->is_number_unsigned()) {
    return std::to_string(it->get<std::uint64_t>());
  }
  if (it->is_number()) {
    return it->dump();
  }
  return std::nullopt;
}

std::vector<wire::JsonAuthor> authors_of(const Json& obj) {
  std::vector<wire::JsonAuthor> out;
  const auto add = [&out](const Json& a) {
    if (a.is_object()) {
      wire::JsonAuthor author{str(a, "name"), str(a, "url")};
      if (!author.name.empty() || !author.url.empty()) {
        out.push_back(std::move(author));
      }
    }
  };
  if (const auto it = obj.find("authors"); it != obj.end() && it->is_array()) {
    for (const Json& a : *it) {
      if (out.size() >= kMaxPerItem) {
        break;
      }
      add(a);
    }
  }
  if (const auto it = obj.find("author"); out.empty() && it != obj.end()) {
    add(*it);  // JSON Feed 1.0
  }
  return out;
}

wire::JsonItem item_of(const Json& o) {
  wire::JsonItem item;
  item.id = id_of(o);
  item.url = str(o, "url");
  item.external_url = str(o, "external_url");
  item.title = str(o, "title");
  item.content_html = str(o, "content_html");
  item.content_text = str(o, "content_text");
  item.summary = str(o, "summary");
  item.image = str(o, "image");
  item.date_published = str(o, "date_published");
  item.date_modified = str(o, "date_modified");
  item.authors = authors_of(o);
  if (const auto it = o.find("tags"); it != o.end() && it->is_array()) {
    for (const Json& t : *it) {
      if (item.tags.size() >= kMaxPerItem) {
        break;
      }
      if (t.is_string()) {
        item.tags.push_back(t.get<std::string>());
      }
    }
  }
  if (const auto it = o.find("attachments"); it != o.end() && it->is_array()) {
    for (const Json& a : *it) {
      if (item.attachments.size() >= kMaxPerItem) {
        break;
      }
      if (!a.is_object()) {
        continue;
      }
      wire::JsonAttachment att{str(a, "url"), str(a, "mime_type"), str(a, "title"), {}};
      if (const auto size = a.find("size_in_bytes");
          size != a.end() && size->is_number_integer() && size->get<std::int64_t>() >= 0) {
        att.size_in_bytes = size->get<std::int64_t>();
      }
      if (!att.url.empty()) {
        item.attachments.push_back(std::move(att));
      }
    }
  }
  return item;
}

core::Error not_a_feed(const std::string& why) {
  return core::Error{core::ErrorCode::InvalidInput, "ingest.not_a_feed",
                     "ingest: not a feed: " + why};
}

void read_feed_members(const Json& root, wire::JsonFeed& feed);

core::Result<JsonReadResult> read(std::string_view utf8, std::size_t max_entries) {
  DomBuilder dom;
  Json::sax_parse(utf8.begin(), utf8.end(), &dom);
  Json& root = dom.root();
  if (!root.is_object()) {
    return tl::unexpected(not_a_feed("JSON text that is not an object"));
  }
  JsonReadResult r;
  std::optional<std::string> problem;
  if (dom.too_deep()) {
    problem = "JSON nested deeper than 64 levels: the rest was ignored";
  } else if (dom.too_many()) {
    problem = "more than a million JSON values: the rest was ignored";
  } else if (dom.error_at()) {
    problem = "JSON syntax error at byte " + std::to_string(*dom.error_at())
              + ": what came before it was kept";
  }
  const std::string version = str(root, "version");
  const auto items = root.find("items");
  const bool has_items = items != root.end() && items->is_array();
  if (version.find("jsonfeed.org/version/1.1") != std::string::npos) {
    r.feed.format = core::FeedFormat::JsonFeed11;
  } else if (version.find("jsonfeed.org/version/1") != std::string::npos) {
    r.feed.format = core::FeedFormat::JsonFeed10;
  } else if (has_items) {
    r.feed.format = core::FeedFormat::JsonFeed11;
    problem = problem ? problem : "no JSON Feed version";
  } else {
    return tl::unexpected(not_a_feed("a JSON object that is not a JSON Feed"));
  }
  read_feed_members(root, r.feed);
  if (has_items) {
    for (const Json& o : *items) {
      if (r.feed.items.size() >= max_entries) {
        problem = problem ? problem
                          : "more than " + std::to_string(max_entries)
                                + " entries: the rest were ignored";
        break;
      }
      if (o.is_object()) {
        r.feed.items.push_back(item_of(o));
      } else if (!problem) {
        problem = "an item that is not a JSON object was skipped";
      }
    }
  } else if (!problem) {
    problem = "no items array";
  }
  r.problem = std::move(problem);
  return r;
}

void read_feed_members(const Json& root, wire::JsonFeed& feed) {
  feed.title = str(root, "title");
  feed.home_page_url = str(root, "home_page_url");
  feed.feed_url = str(root, "feed_url");
  feed.description = str(root, "description");
  feed.language = str(root, "language");
  feed.authors = authors_of(root);
  if (const auto hubs = root.find("hubs"); hubs != root.end() && hubs->is_array()) {
    for (const Json& h : *hubs) {
      if (h.is_object() && !str(h, "url").empty()) {
        feed.hub_urls.push_back(str(h, "url"));
      }
    }
  }
}

}  // namespace

core::Result<JsonReadResult> read_json_feed(std::string_view utf8, std::size_t max_entries) {
  try {
    return read(utf8, max_entries);
  } catch (const std::bad_alloc&) {
    return core::make_error(core::ErrorCode::Internal, "ingest.out_of_memory",
                            "ingest: ran out of memory while reading JSON");
  } catch (const std::exception& e) {
    // nlohmann throws only on misuse (a type error we did not guard against): report it.
    return core::make_error(core::ErrorCode::Internal, "ingest.internal",
                            std::string("ingest: JSON Feed reader: ") + e.what());
  }
}

}  // namespace vigie::ingest
