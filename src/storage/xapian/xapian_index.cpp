// SPDX-License-Identifier: AGPL-3.0-or-later
#include "storage/xapian/xapian_index.h"

#include <atomic>
#include <charconv>
#include <cmath>
#include <future>
#include <limits>
#include <mutex>
#include <set>
#include <string>
#include <system_error>
#include <tuple>
#include <unordered_set>
#include <utility>
#include <vector>

#include <xapian.h>

#include "storage/xapian/date_order.h"
#include "storage/xapian/query_compiler.h"
#include "storage/xapian/schema.h"

namespace vigie::storage {
namespace {

namespace xs = xapian_schema;

tl::unexpected<core::Error> io_error(const Xapian::Error& e) {
  return core::make_error(core::ErrorCode::Unavailable, "search.io",
                          "xapian: " + e.get_description());
}

std::set<std::string> parse_langs(const std::string& s) {
  std::set<std::string> out;
  std::size_t begin = 0;
  while (begin < s.size()) {
    std::size_t end = s.find(',', begin);
    if (end == std::string::npos) {
      end = s.size();
    }
    if (end > begin) {
      out.insert(s.substr(begin, end - begin));
    }
    begin = end + 1;
  }
  return out;
}

std::string join_langs(const std::set<std::string>& langs) {
  std::string out;
  for (const auto& l : langs) {
    if (!out.empty()) {
      out.push_back(',');
    }
    out += l;
  }
  return out;
}

std::uint64_t parse_position(const std::string& s) {
  std::uint64_t v = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc{} && ptr == s.data() + s.size() ? v : 0;
}

// A reader Database and what it knew at its last (re)open.
struct Reader {
  Xapian::Database db;
  std::uint64_t epoch = 0;       // clear() invalidates readers of older epochs
  std::uint64_t generation = 0;  // commits seen
  std::set<std::string> langs;
  xs::BlockDates block_dates;
};

void load(Reader& r, std::uint64_t generation) {
  r.generation = generation;
  r.langs = parse_langs(r.db.get_metadata(std::string(xs::kLangsKey)));
  r.block_dates = xs::BlockDates::decode(r.db.get_metadata(std::string(xs::kBlockDatesKey)));
}

std::int64_t date_of(const Xapian::Document& doc) {
  return static_cast<std::int64_t>(
      std::llround(Xapian::sortable_unserialise(doc.get_value(xs::kDateSlot))));
}

// Runs `query` and returns hits [first, first + count) in the requested order.
Xapian::MSet run(const Xapian::Database& db, const Xapian::Query& query, SearchSort sort,
                 std::size_t first, std::size_t count) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  if (sort == SearchSort::Date) {
    enquire.set_sort_by_value_then_relevance(xs::kDateSlot, true);
  }
  return enquire.get_mset(static_cast<Xapian::doccount>(first),
                          static_cast<Xapian::doccount>(count));
}

void append_hits(const Xapian::MSet& mset, SearchResults& out) {
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    SearchHit hit;
    hit.id = static_cast<core::ItemId>(*it);
    hit.score = it.get_weight();
    hit.date = core::from_unix(date_of(it.get_document()));
    out.hits.push_back(std::move(hit));
  }
}

Xapian::Query within_ids(const Xapian::Query& query, Xapian::docid first, Xapian::docid last) {
  auto* range = new xs::DocidRangeSource(first, last);
  return Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(range->release()));
}

// Hits [offset, offset + limit) by relevance of `query`, whose matches all lie in `span`.
// Ranking reads every match, so when Xapian estimates more than `max_ranked` of them (a
// common word, a short prefix, in a large index; max_ranked not 0), and the newest ids
// expected to hold about max_ranked of them do hold at least a tenth of that (estimates of
// phrases run high), the order is: the matches among those newest ids, by relevance, then the
// older matches, by relevance (XapianIndexOptions::max_ranked_matches). The split depends on
// the index and the query only, never on the page, so every match is in exactly one page.
// Throws Xapian::Error.
void relevance_page(const Xapian::Database& db, const Xapian::Query& query, xs::DocidSpan span,
                    std::size_t max_ranked, std::size_t offset, std::size_t limit,
                    SearchResults& out) {
  if (max_ranked > 0 && span.last > span.first) {
    // Asking for no hits makes Xapian estimate from term statistics, cheaply.
    const Xapian::doccount estimate =
        run(db, query, SearchSort::Relevance, 0, 0).get_matches_estimated();
    if (estimate > max_ranked) {
      const std::uint64_t ids = span.last - span.first + 1;
      const auto newest = static_cast<Xapian::docid>(ids * max_ranked / estimate + 1);
      const Xapian::docid floor = span.last - std::min(newest, span.last - span.first) + 1;
      const Xapian::Query newer = within_ids(query, floor, span.last);
      // Checking at least `enough` matches tells whether the newest ids hold that many.
      const auto enough = static_cast<Xapian::doccount>(std::max<std::size_t>(1, max_ranked / 10));
      Xapian::Enquire enquire(db);
      enquire.set_query(newer);
      const Xapian::MSet first = enquire.get_mset(static_cast<Xapian::doccount>(offset),
                                                  static_cast<Xapian::doccount>(limit), enough);
      if (first.get_matches_lower_bound() >= enough) {
        out.ranked_from_id = floor;
        out.estimated_total = estimate;
        append_hits(first, out);
        if (first.size() == limit) {
          return;
        }
        // The newer matches ended within this page, or before it: count them exactly.
        std::size_t newer_count = offset + first.size();
        if (first.empty() && offset > 0) {
          newer_count = enquire.get_mset(0, 0, static_cast<Xapian::doccount>(offset))
                            .get_matches_lower_bound();
        }
        const Xapian::MSet older =
            run(db, within_ids(query, span.first, floor - 1), SearchSort::Relevance,
                offset > newer_count ? offset - newer_count : 0, limit - first.size());
        append_hits(older, out);
        return;
      }
    }
  }
  const Xapian::MSet mset = run(db, query, SearchSort::Relevance, offset, limit);
  out.estimated_total = mset.get_matches_estimated();
  append_hits(mset, out);
}

tl::unexpected<core::Error> read_only_error() {
  return core::make_error(core::ErrorCode::Unavailable, "search.read_only",
                          "xapian: index opened read-only");
}

Xapian::WritableDatabase create_empty(const std::string& dir) {
  Xapian::WritableDatabase db(dir, Xapian::DB_CREATE_OR_OVERWRITE);
  db.set_metadata(std::string(xs::kSchemaKey), std::string(xs::kSchemaVersion));
  db.commit();
  return db;
}

}  // namespace

struct XapianIndex::Impl {
  std::string dir;
  XapianIndexOptions options;

  std::mutex write_mu;
  // Guarded by write_mu. Always inside a transaction, so nothing reaches the disk before
  // commit(): neither Xapian's automatic flushes nor the destructor's implicit commit.
  Xapian::WritableDatabase writer;
  std::set<std::string> langs;     // guarded by write_mu: languages with stem terms
  xs::BlockDates block_dates;      // guarded by write_mu
  bool block_dates_dirty = false;  // guarded by write_mu
  // Guarded by write_mu: lang + '\0' + word for the words already in the synonym table
  // (schema.h), committed or in the open transaction. A cache: emptied when it grows large,
  // and whenever the transaction is lost, so a word is never taken for listed when it is not.
  std::unordered_set<std::string> listed;
  std::string listed_key;  // guarded by write_mu: scratch

  // Lists each of `words` under its stem in the synonym table, unless known to be there.
  // Throws Xapian::Error.
  void list_stems(const std::string& lang, const std::vector<std::string>& words) {
    // About 50 MB at most; a corpus's vocabulary grows slowly, so this is rarely reached.
    constexpr std::size_t kMaxListed = 1U << 20;
    for (const auto& w : words) {
      listed_key.assign(lang);
      listed_key.push_back('\0');
      listed_key += w;
      if (listed.contains(listed_key)) {
        continue;
      }
      if (const std::string key = xs::stem_key(lang, w); !key.empty()) {
        writer.add_synonym(key, w);
      }
      if (listed.size() >= kMaxListed) {
        listed.clear();
      }
      listed.insert(listed_key);
    }
  }

  mutable std::atomic<std::uint64_t> position{0};  // read-only: the writer's, as last seen
  std::atomic<std::uint64_t> generation{1};
  std::atomic<std::uint64_t> epoch{1};

  mutable std::mutex pool_mu;
  mutable std::vector<std::unique_ptr<Reader>> idle;  // guarded by pool_mu

  // A reader up to date with the last commit. Throws Xapian::Error.
  std::unique_ptr<Reader> acquire() const {
    if (options.read_only) {
      return acquire_follower();
    }
    std::unique_ptr<Reader> r;
    {
      std::lock_guard lock(pool_mu);
      if (!idle.empty()) {
        r = std::move(idle.back());
        idle.pop_back();
      }
    }
    // Read the counters before reopening: a commit landing in between only causes one more
    // reopen next time, never a missed one.
    const std::uint64_t e = epoch.load();
    const std::uint64_t g = generation.load();
    if (!r || r->epoch != e) {
      r = std::make_unique<Reader>(Reader{Xapian::Database(dir), e, 0, {}, {}});
      load(*r, g);
    } else if (r->generation != g) {
      r->db.reopen();
      load(*r, g);
    }
    return r;
  }

  // Read-only: another process commits, so every search checks for a new revision (reopen()
  // only reads the version file when nothing changed).
  std::unique_ptr<Reader> acquire_follower() const {
    std::unique_ptr<Reader> r;
    {
      std::lock_guard lock(pool_mu);
      if (!idle.empty()) {
        r = std::move(idle.back());
        idle.pop_back();
      }
    }
    if (!r) {
      r = std::make_unique<Reader>(Reader{Xapian::Database(dir), 0, 0, {}, {}});
      follow(*r);
    } else if (r->db.reopen()) {
      follow(*r);
    }
    return r;
  }

  void follow(Reader& r) const {
    if (r.db.get_metadata(std::string(xs::kSchemaKey)) != xs::kSchemaVersion) {
      throw Xapian::DatabaseVersionError("index being rebuilt with another schema");
    }
    load(r, 0);
    position = parse_position(r.db.get_metadata(std::string(xs::kPositionKey)));
  }

  void release(std::unique_ptr<Reader> r) const {
    std::lock_guard lock(pool_mu);
    if (idle.size() < options.max_idle_readers) {
      idle.push_back(std::move(r));
    }
  }
};

XapianIndex::XapianIndex(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
XapianIndex::~XapianIndex() = default;

core::Result<std::unique_ptr<XapianIndex>> XapianIndex::open(const std::filesystem::path& directory,
                                                             const XapianIndexOptions& options) {
  std::error_code ec;
  if (!options.read_only) {
    std::filesystem::create_directories(directory, ec);
  }
  if (ec) {
    return core::make_error(core::ErrorCode::Unavailable, "search.io",
                            "xapian: cannot create " + directory.string() + ": " + ec.message());
  }
  auto impl = std::make_unique<Impl>();
  impl->dir = directory.string();
  impl->options = options;
  if (options.read_only) {
    try {
      impl->release(impl->acquire());
    } catch (const Xapian::Error& e) {
      return io_error(e);
    }
    return std::unique_ptr<XapianIndex>(new XapianIndex(std::move(impl)));
  }
  try {
    impl->writer = Xapian::WritableDatabase(impl->dir, Xapian::DB_CREATE_OR_OPEN);
    const std::string schema = impl->writer.get_metadata(std::string(xs::kSchemaKey));
    if (schema != xs::kSchemaVersion) {
      // A new directory, or an index whose terms meant something else: start empty.
      impl->writer.close();
      impl->writer = create_empty(impl->dir);
    }
    impl->position = parse_position(impl->writer.get_metadata(std::string(xs::kPositionKey)));
    impl->langs = parse_langs(impl->writer.get_metadata(std::string(xs::kLangsKey)));
    impl->block_dates =
        xs::BlockDates::decode(impl->writer.get_metadata(std::string(xs::kBlockDatesKey)));
    impl->writer.begin_transaction();
  } catch (const Xapian::DatabaseLockError& e) {
    return core::make_error(core::ErrorCode::Unavailable, "search.locked",
                            "xapian: " + e.get_description());
  } catch (const Xapian::Error& e) {
    return io_error(e);
  }
  return std::unique_ptr<XapianIndex>(new XapianIndex(std::move(impl)));
}

namespace {

// Documents built ahead of the writer, with the language of their stem terms.
struct Built {
  std::vector<Xapian::Document> docs;
  std::vector<std::string> langs;
  std::vector<std::vector<std::string>> words;  // distinct words of stemmed documents
};

Built build_chunk(std::span<const IndexDocument> documents) {
  Built out;
  out.docs.reserve(documents.size());
  out.langs.resize(documents.size());
  out.words.resize(documents.size());
  for (std::size_t i = 0; i < documents.size(); ++i) {
    out.docs.push_back(xs::build_document(documents[i], out.langs[i], out.words[i]));
  }
  return out;
}

// Documents built at a time. Building (tokenising, stemming, Xapian's per-document term map)
// is about a third of the cost of adding a document and needs no lock, so a batch larger
// than one chunk is built a chunk ahead on another thread while this one writes.
constexpr std::size_t kBuildChunk = 64;

}  // namespace

core::Status XapianIndex::add(std::span<const IndexDocument> documents) {
  if (impl_->options.read_only) {
    return read_only_error();
  }
  for (const auto& d : documents) {
    if (d.id < 1 || d.id > std::numeric_limits<Xapian::docid>::max()) {
      return core::make_error(core::ErrorCode::InvalidInput, "search.item_id_range",
                              "xapian: item id " + std::to_string(d.id) + " out of range");
    }
  }
  std::lock_guard lock(impl_->write_mu);
  try {
    std::future<Built> ahead;
    for (std::size_t start = 0; start < documents.size(); start += kBuildChunk) {
      const auto chunk = documents.subspan(start, std::min(kBuildChunk, documents.size() - start));
      Built built = ahead.valid() ? ahead.get() : build_chunk(chunk);
      if (const std::size_t next = start + kBuildChunk; next < documents.size()) {
        ahead = std::async(std::launch::async, build_chunk,
                           documents.subspan(next, std::min(kBuildChunk, documents.size() - next)));
      }
      for (std::size_t i = 0; i < chunk.size(); ++i) {
        const IndexDocument& d = chunk[i];
        const std::string& lang = built.langs[i];
        if (!lang.empty() && impl_->langs.insert(lang).second) {
          // Part of the same transaction as the documents that need it.
          impl_->writer.set_metadata(std::string(xs::kLangsKey), join_langs(impl_->langs));
        }
        impl_->list_stems(lang, built.words[i]);
        impl_->writer.replace_document(static_cast<Xapian::docid>(d.id), built.docs[i]);
        impl_->block_dates.note(static_cast<Xapian::docid>(d.id), core::to_unix(d.date()));
        impl_->block_dates_dirty = true;
      }
    }
  } catch (const Xapian::Error& e) {
    return io_error(e);
  }
  return {};
}

core::Status XapianIndex::remove(std::span<const core::ItemId> ids) {
  if (impl_->options.read_only) {
    return read_only_error();
  }
  std::lock_guard lock(impl_->write_mu);
  try {
    for (core::ItemId id : ids) {
      if (id < 1 || id > std::numeric_limits<Xapian::docid>::max()) {
        continue;  // never added
      }
      try {
        impl_->writer.delete_document(static_cast<Xapian::docid>(id));
      } catch (const Xapian::DocNotFoundError&) {
        // Removing what is not there is a no-op: replays apply changes twice.
      }
    }
  } catch (const Xapian::Error& e) {
    return io_error(e);
  }
  return {};
}

core::Status XapianIndex::commit(std::uint64_t log_position) {
  if (impl_->options.read_only) {
    return read_only_error();
  }
  std::lock_guard lock(impl_->write_mu);
  try {
    impl_->writer.set_metadata(std::string(xs::kPositionKey), std::to_string(log_position));
    if (impl_->block_dates_dirty) {
      impl_->writer.set_metadata(std::string(xs::kBlockDatesKey), impl_->block_dates.encode());
    }
    impl_->writer.commit_transaction();
    impl_->block_dates_dirty = false;
  } catch (const Xapian::Error& e) {
    // The transaction is cancelled: what was added since the last commit is lost, which the
    // caller's replay from committed_position() repairs.
    impl_->listed.clear();
    try {
      impl_->writer.begin_transaction();
    } catch (const Xapian::Error&) {
      // The next add() or commit() reports the broken database.
    }
    return io_error(e);
  }
  try {
    impl_->writer.begin_transaction();
  } catch (const Xapian::Error& e) {
    return io_error(e);
  }
  impl_->position = log_position;
  ++impl_->generation;
  return {};
}

std::uint64_t XapianIndex::committed_position() const {
  return impl_->position.load();
}

core::Status XapianIndex::clear() {
  if (impl_->options.read_only) {
    return read_only_error();
  }
  std::lock_guard lock(impl_->write_mu);
  impl_->listed.clear();
  try {
    impl_->writer.cancel_transaction();
    impl_->writer.close();
    impl_->writer = create_empty(impl_->dir);
    impl_->writer.begin_transaction();
  } catch (const Xapian::Error& e) {
    return io_error(e);
  }
  impl_->langs.clear();
  impl_->block_dates.clear();
  impl_->block_dates_dirty = false;
  impl_->position = 0;
  ++impl_->epoch;
  ++impl_->generation;
  return {};
}

core::Result<std::uint64_t> XapianIndex::document_count() const {
  try {
    auto reader = impl_->acquire();
    const std::uint64_t n = reader->db.get_doccount();
    impl_->release(std::move(reader));
    return n;
  } catch (const Xapian::Error& e) {
    return io_error(e);
  }
}

core::Result<SearchResults> XapianIndex::search(const SearchRequest& request) const {
  if (request.limit > kMaxSearchLimit) {
    return core::make_error(core::ErrorCode::InvalidInput, "search.limit",
                            "xapian: limit " + std::to_string(request.limit) + " above "
                                + std::to_string(kMaxSearchLimit));
  }
  // A reader falls behind when two commits land while it runs (glass keeps one old revision):
  // it reopens and runs again. Commits are seconds apart in practice; a few attempts suffice.
  constexpr int kAttempts = 10;
  std::unique_ptr<Reader> reader;
  for (int attempt = 1;; ++attempt) {
    try {
      if (!reader) {
        reader = impl_->acquire();
      }
      auto compiled =
          xs::compile_query(request.query, reader->db, reader->langs,
                            {static_cast<Xapian::termcount>(impl_->options.max_prefix_expansion),
                             static_cast<Xapian::doccount>(impl_->options.max_near_candidates)});
      if (!compiled) {
        impl_->release(std::move(reader));
        return tl::unexpected(compiled.error());
      }
      // The organisation's filter, unless every document is the organisation's (one
      // organisation per install, the common case): ANDing a posting list as long as the
      // index is a pass over every document for nothing.
      const std::string org = std::string(xs::kOrgPrefix) + std::to_string(request.org_id);
      Xapian::Query query =
          reader->db.get_termfreq(org) == reader->db.get_doccount()
              ? *compiled
              : Xapian::Query(Xapian::Query::OP_FILTER, *compiled, Xapian::Query(org));
      // A query that requires dates can only match in the id blocks whose dates meet them
      // (date_order.h): the rest of the index is skipped, whichever the sort.
      xs::DocidSpan span{1, reader->db.get_lastdocid()};
      std::vector<xs::DocidSpan> spans{span};
      if (const auto dates = xs::required_dates(request.query)) {
        spans.clear();
        if (dates->from <= dates->until) {
          spans = reader->block_dates.spans_of(dates->from, dates->until);
        }
        while (!spans.empty() && spans.back().first > span.last) {
          spans.pop_back();  // blocks not committed yet
        }
        if (spans.empty()) {
          impl_->release(std::move(reader));
          return SearchResults{};
        }
        spans.back().last = std::min(spans.back().last, span.last);
        span.first = spans.front().first;
        span.last = spans.back().last;
        if (spans.size() > 1 || span.first > 1 || span.last < reader->db.get_lastdocid()) {
          auto* source = new xs::DocidSpansSource(spans);
          query = Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(source->release()));
        }
      }
      SearchResults out;
      if (request.sort == SearchSort::Date) {
        // Highest document ids first (date_order.h).
        for (const auto& h : xs::newest_first(reader->db, query, reader->block_dates, spans,
                                              request.offset, request.limit)) {
          out.hits.push_back({static_cast<core::ItemId>(h.id), h.weight, core::from_unix(h.date)});
        }
        // The windowed runs do not see every match: estimate the total on the whole query
        // (asking for no hits makes Xapian estimate from term statistics, cheaply).
        out.estimated_total =
            run(reader->db, query, SearchSort::Relevance, 0, 0).get_matches_estimated();
      } else {
        relevance_page(reader->db, query, span, impl_->options.max_ranked_matches, request.offset,
                       request.limit, out);
      }
      impl_->release(std::move(reader));
      return out;
    } catch (const Xapian::DatabaseModifiedError& e) {
      if (attempt == kAttempts) {
        return io_error(e);
      }
      try {
        if (reader) {
          reader->db.reopen();
          load(*reader, impl_->generation.load());
        }
      } catch (const Xapian::DatabaseModifiedError&) {
        reader.reset();
      } catch (const Xapian::Error& again) {
        return io_error(again);
      }
    } catch (const Xapian::Error& e) {
      return io_error(e);  // the reader is dropped: it may be broken
    }
  }
}

}  // namespace vigie::storage
