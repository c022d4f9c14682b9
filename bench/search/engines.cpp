// SPDX-License-Identifier: AGPL-3.0-or-later
#include "engines.h"

#include <map>
#include <stdexcept>
#include <string_view>

#include <sqlite3.h>
#include <xapian.h>

#include "match/highlight.h"
#include "match/query.h"
#include "storage/xapian/xapian_index.h"

namespace vigie::bench {
namespace {

// Commit every this many items while building: bounds the writers' memory.
constexpr std::uint64_t kCommitEvery = 50'000;

std::string join_tags(const std::vector<std::string>& tags) {
  std::string out;
  for (const auto& t : tags) {
    out += '|';
    out += t;
  }
  return out;
}

class VigieEngine final : public Engine {
 public:
  VigieEngine(const std::filesystem::path& dir, const Corpus* texts,
              std::size_t max_near_candidates, std::size_t max_ranked_matches, bool read_only)
      : texts_(texts) {
    auto index = storage::XapianIndex::open(dir, {.max_near_candidates = max_near_candidates,
                                                  .max_ranked_matches = max_ranked_matches,
                                                  .read_only = read_only});
    if (!index) {
      throw std::runtime_error(index.error().message);
    }
    index_ = std::move(*index);
    position_ = index_->committed_position();
  }

  std::string name() const override { return texts_ != nullptr ? "vigie" : "vigie-ids"; }

  void build(const Corpus& corpus, std::uint64_t first, std::uint64_t last) override {
    std::vector<storage::IndexDocument> batch;
    for (std::uint64_t id = first; id <= last; ++id) {
      batch.push_back(corpus.item(id));
      if (batch.size() == 1000 || id == last) {
        check(index_->add(batch));
        batch.clear();
      }
      if (id % kCommitEvery == 0 || id == last) {
        check(index_->commit(++position_));
      }
    }
  }

  std::size_t search(const BenchQuery& q, Sort sort) override {
    auto parsed = match::parse_query(q.vigie);
    if (!parsed) {
      throw std::runtime_error(q.vigie + ": " + parsed.error().message);
    }
    storage::SearchRequest r{
        *parsed, 1, 0, 20,
        sort == Sort::Date ? storage::SearchSort::Date : storage::SearchSort::Relevance};
    auto results = index_->search(r);
    if (!results) {
      throw std::runtime_error(results.error().message);
    }
    if (texts_ != nullptr) {
      // As SearchService does: titles and snippets from the stored item (here regenerated).
      for (const auto& hit : results->hits) {
        if (hit.id <= static_cast<core::ItemId>(texts_->size())) {
          const auto doc = texts_->item(static_cast<std::uint64_t>(hit.id));
          marked_ =
              match::highlight_html(doc.title, doc.lang, *parsed, match::HighlightTarget::Title);
          marked_ += match::snippet_html(doc.text, doc.lang, *parsed, 32);
        }
      }
    }
    return results->hits.size();
  }

  bool add_and_find(const storage::IndexDocument& doc, const std::string& word) override {
    check(index_->add(std::span(&doc, 1)));
    check(index_->commit(++position_));
    BenchQuery q;
    q.vigie = word;
    return search(q, Sort::Relevance) == 1;
  }

  std::uint64_t count() override { return index_->document_count().value_or(0); }

 private:
  static void check(const core::Status& s) {
    if (!s) {
      throw std::runtime_error(s.error().message);
    }
  }

  const Corpus* texts_;  // null: ids only
  std::string marked_;
  std::unique_ptr<storage::XapianIndex> index_;
  std::uint64_t position_ = 0;
};

class Fts5Engine final : public Engine {
 public:
  explicit Fts5Engine(const std::filesystem::path& dir) {
    std::filesystem::create_directories(dir);
    if (sqlite3_open((dir / "fts.db").c_str(), &db_) != SQLITE_OK) {
      throw std::runtime_error("fts5: cannot open");
    }
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=NORMAL");
    exec("PRAGMA cache_size=-262144");  // 256 MiB, so page reads are not the bottleneck
    exec(
        "CREATE VIRTUAL TABLE IF NOT EXISTS docs USING fts5(title, body, source UNINDEXED, "
        "lang UNINDEXED, country UNINDEXED, tags UNINDEXED, date UNINDEXED, "
        "tokenize = 'unicode61 remove_diacritics 2')");
  }
  ~Fts5Engine() override {
    for (auto& [sql, stmt] : statements_) {
      sqlite3_finalize(stmt);
    }
    sqlite3_close(db_);
  }
  Fts5Engine(const Fts5Engine&) = delete;
  Fts5Engine& operator=(const Fts5Engine&) = delete;

  std::string name() const override { return "fts5"; }

  void build(const Corpus& corpus, std::uint64_t first, std::uint64_t last) override {
    exec("BEGIN");
    for (std::uint64_t id = first; id <= last; ++id) {
      insert(corpus.item(id));
      if (id % kCommitEvery == 0 && id != last) {
        exec("COMMIT");
        exec("BEGIN");
      }
    }
    exec("COMMIT");
  }

  std::size_t search(const BenchQuery& q, Sort sort) override {
    const std::string sql =
        "SELECT rowid, snippet(docs, 1, '<mark>', '</mark>', '…', 32), "
        "highlight(docs, 0, '<mark>', '</mark>') FROM docs WHERE docs MATCH ?1 "
        + q.fts_sql + (sort == Sort::Date ? " ORDER BY date DESC" : " ORDER BY rank") + " LIMIT 20";
    sqlite3_stmt* stmt = prepare(sql);
    sqlite3_bind_text(stmt, 1, q.fts.c_str(), static_cast<int>(q.fts.size()), SQLITE_TRANSIENT);
    std::size_t n = 0;
    int rc = 0;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      ++n;
    }
    if (rc != SQLITE_DONE) {
      throw std::runtime_error("fts5: " + q.fts + ": " + sqlite3_errmsg(db_));
    }
    sqlite3_reset(stmt);
    return n;
  }

  bool add_and_find(const storage::IndexDocument& doc, const std::string& word) override {
    insert(doc);  // autocommit: durable on return
    BenchQuery q;
    q.fts = "\"" + word + "\"";
    return search(q, Sort::Relevance) == 1;
  }

  std::uint64_t count() override {
    sqlite3_stmt* stmt = prepare("SELECT count(*) FROM docs");
    std::uint64_t n = 0;
    if (sqlite3_step(stmt) == SQLITE_ROW) {
      n = static_cast<std::uint64_t>(sqlite3_column_int64(stmt, 0));
    }
    sqlite3_reset(stmt);
    return n;
  }

 private:
  void exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      const std::string msg = err != nullptr ? err : "?";
      sqlite3_free(err);
      throw std::runtime_error(std::string("fts5: ") + sql + ": " + msg);
    }
  }

  sqlite3_stmt* prepare(const std::string& sql) {
    auto it = statements_.find(sql);
    if (it != statements_.end()) {
      return it->second;
    }
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr)
        != SQLITE_OK) {
      throw std::runtime_error("fts5: " + sql + ": " + sqlite3_errmsg(db_));
    }
    statements_.emplace(sql, stmt);
    return stmt;
  }

  void insert(const storage::IndexDocument& d) {
    sqlite3_stmt* stmt = prepare(
        "INSERT OR REPLACE INTO docs(rowid, title, body, source, lang, country, tags, date) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    const std::string tags = join_tags(d.tags);
    sqlite3_bind_int64(stmt, 1, d.id);
    auto text = [&](int i, const std::string& s) {
      sqlite3_bind_text(stmt, i, s.c_str(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    };
    text(2, d.title);
    text(3, d.text);
    text(4, d.source);
    text(5, d.lang);
    text(6, d.country);
    text(7, tags);
    sqlite3_bind_int64(stmt, 8, core::to_unix(d.date()));
    if (sqlite3_step(stmt) != SQLITE_DONE) {
      throw std::runtime_error(std::string("fts5: insert: ") + sqlite3_errmsg(db_));
    }
    sqlite3_reset(stmt);
  }

  sqlite3* db_ = nullptr;
  std::map<std::string, sqlite3_stmt*> statements_;
};

class RawXapianEngine final : public Engine {
 public:
  explicit RawXapianEngine(const std::filesystem::path& dir)
      : db_(dir.string(), Xapian::DB_CREATE_OR_OPEN) {
    parser_.set_database(db_);
    parser_.set_stemmer(Xapian::Stem("french"));
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser_.add_prefix("title", "S");
    parser_.set_default_op(Xapian::Query::OP_AND);
  }

  std::string name() const override { return "xapian"; }

  void build(const Corpus& corpus, std::uint64_t first, std::uint64_t last) override {
    for (std::uint64_t id = first; id <= last; ++id) {
      add(corpus.item(id));
      if (id % kCommitEvery == 0) {
        db_.commit();
      }
    }
    db_.commit();
  }

  std::size_t search(const BenchQuery& q, Sort sort) override {
    constexpr unsigned kFlags =
        Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD;
    Xapian::Query query = parser_.parse_query(q.xapian, kFlags);
    for (const auto& f : q.xapian_filters) {
      query = Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(f));
    }
    if (q.date_range) {
      query = Xapian::Query(
          Xapian::Query::OP_FILTER, query,
          Xapian::Query(Xapian::Query::OP_VALUE_RANGE, 0,
                        Xapian::sortable_serialise(static_cast<double>(q.date_range->first)),
                        Xapian::sortable_serialise(static_cast<double>(q.date_range->second - 1))));
    }
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    if (sort == Sort::Date) {
      enquire.set_sort_by_value_then_relevance(0, true);
    }
    return enquire.get_mset(0, 20).size();
  }

  bool add_and_find(const storage::IndexDocument& doc, const std::string& word) override {
    add(doc);
    db_.commit();
    BenchQuery q;
    q.xapian = word;
    return search(q, Sort::Relevance) == 1;
  }

  std::uint64_t count() override { return db_.get_doccount(); }

 private:
  void add(const storage::IndexDocument& d) {
    Xapian::Document doc;
    generator_.set_document(doc);
    generator_.set_stemmer(Xapian::Stem(d.lang == "en" ? "english" : "french"));
    generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    generator_.index_text(d.title, 1, "S");
    generator_.index_text(d.title, 3);
    generator_.increase_termpos(100);
    generator_.index_text(d.text);
    doc.add_boolean_term("L" + d.lang);
    doc.add_boolean_term("C" + d.country);
    doc.add_boolean_term("K" + std::to_string(d.source_id));
    for (const auto& t : d.tags) {
      doc.add_boolean_term("T" + t);
    }
    doc.add_value(0, Xapian::sortable_serialise(static_cast<double>(core::to_unix(d.date()))));
    db_.replace_document(static_cast<Xapian::docid>(d.id), doc);
  }

  Xapian::WritableDatabase db_;
  Xapian::TermGenerator generator_;
  Xapian::QueryParser parser_;
};

}  // namespace

std::unique_ptr<Engine> make_vigie_engine(const std::filesystem::path& dir, const Corpus* texts,
                                          std::size_t max_near_candidates,
                                          std::size_t max_ranked_matches, bool read_only) {
  return std::make_unique<VigieEngine>(dir, texts, max_near_candidates, max_ranked_matches,
                                       read_only);
}
std::unique_ptr<Engine> make_fts5_engine(const std::filesystem::path& dir) {
  return std::make_unique<Fts5Engine>(dir);
}
std::unique_ptr<Engine> make_raw_xapian_engine(const std::filesystem::path& dir) {
  return std::make_unique<RawXapianEngine>(dir);
}

}  // namespace vigie::bench
