// SPDX-License-Identifier: AGPL-3.0-or-later
#include "lucene_index.h"

#include <atomic>
#include <ctime>
#include <mutex>
#include <stdexcept>
#include <unordered_set>
#include <utility>
#include <vector>

#include <LuceneHeaders.h>
#include <PositionIncrementAttribute.h>
#include <SerialMergeScheduler.h>
#include <StringUtils.h>
#include <TermAttribute.h>

#include "match/evaluator.h"
#include "storage/xapian/schema.h"
#include "text/text.h"

namespace vigie::bench {
namespace {

namespace L = Lucene;
namespace xs = storage::xapian_schema;
using L::String;  // LUCENE_CLASS names it unqualified

std::int64_t thread_cpu_ns() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

[[noreturn]] void rethrow(const L::LuceneException& e) {
  throw std::runtime_error("lucene: " + L::StringUtils::toUTF8(e.getError()));
}

L::String wide(std::string_view utf8) {
  return L::StringUtils::toUnicode(reinterpret_cast<const std::uint8_t*>(utf8.data()),
                                   static_cast<std::int32_t>(utf8.size()));
}

struct StreamToken {
  std::string term;  // UTF-8, folded
  std::int32_t increment = 1;
};

// Decodes UTF-8 (valid: text::tokenize output) into `out`, which has room for one wchar_t per
// byte. Returns the length in wchar_t (UTF-32 on Linux, as Lucene++'s String).
std::int32_t decode_utf8(const std::string& in, wchar_t* out) {
  std::int32_t n = 0;
  for (std::size_t i = 0; i < in.size();) {
    const auto c = static_cast<unsigned char>(in[i]);
    char32_t cp = 0;
    std::size_t len = 1;
    if (c < 0x80) {
      cp = c;
    } else if (c < 0xE0) {
      cp = c & 0x1FU;
      len = 2;
    } else if (c < 0xF0) {
      cp = c & 0x0FU;
      len = 3;
    } else {
      cp = c & 0x07U;
      len = 4;
    }
    for (std::size_t k = 1; k < len && i + k < in.size(); ++k) {
      cp = (cp << 6U) | (static_cast<unsigned char>(in[i + k]) & 0x3FU);
    }
    out[n++] = static_cast<wchar_t>(cp);
    i += len;
  }
  return n;
}

// Vigie's tokens as a Lucene TokenStream: no analysis, positions as given.
class VectorStream : public L::TokenStream {
 public:
  explicit VectorStream(std::vector<StreamToken> tokens) : tokens_(std::move(tokens)) {
    term_ = addAttribute<L::TermAttribute>();
    increment_ = addAttribute<L::PositionIncrementAttribute>();
  }
  ~VectorStream() override = default;
  LUCENE_CLASS(VectorStream);

  bool incrementToken() override {
    if (next_ >= tokens_.size()) {
      return false;
    }
    clearAttributes();
    const StreamToken& t = tokens_[next_++];
    wchar_t* buffer = term_->resizeTermBuffer(static_cast<std::int32_t>(t.term.size())).get();
    term_->setTermLength(decode_utf8(t.term, buffer));
    increment_->setPositionIncrement(t.increment);
    return true;
  }
  void reset() override { next_ = 0; }

 private:
  std::vector<StreamToken> tokens_;
  std::size_t next_ = 0;
  L::TermAttributePtr term_;
  L::PositionIncrementAttributePtr increment_;
};

// Tokens of one field as xapian_schema::build_document takes them.
std::vector<text::Token> field_tokens(std::string_view text) {
  auto tokens = text::tokenize(text);
  std::erase_if(tokens, [](const text::Token& t) { return t.term.size() > match::kMaxTermBytes; });
  return tokens;
}

// Appends `tokens` whose positions start `base` after the stream's last position.
void append(std::vector<StreamToken>& out, const std::vector<text::Token>& tokens,
            std::int64_t& last, std::int64_t base) {
  for (const auto& t : tokens) {
    const std::int64_t pos = base + t.position;
    out.push_back({t.term, static_cast<std::int32_t>(pos - last)});
    last = pos;
  }
}

L::FieldPtr positional(const wchar_t* name, std::vector<StreamToken> tokens) {
  return L::newLucene<L::Field>(name, L::newLucene<VectorStream>(std::move(tokens)));
}

L::FieldPtr keyword(const wchar_t* name, std::string_view value, bool stored = false) {
  auto f =
      L::newLucene<L::Field>(name, wide(value), stored ? L::Field::STORE_YES : L::Field::STORE_NO,
                             L::Field::INDEX_NOT_ANALYZED_NO_NORMS);
  f->setOmitTermFreqAndPositions(true);
  return f;
}

void add_filter(L::DocumentPtr& doc, const wchar_t* name, std::string_view raw) {
  const std::string value = match::normalize_filter_value(raw);
  if (!value.empty() && value.size() <= match::kMaxTermBytes) {
    doc->add(keyword(name, value));
  }
}

// Every document id a query matches.
class AllDocs : public L::Collector {
 public:
  ~AllDocs() override = default;
  LUCENE_CLASS(AllDocs);
  void setScorer(const L::ScorerPtr& /*scorer*/) override {}
  void collect(std::int32_t doc) override { docs.push_back(base_ + doc); }
  void setNextReader(const L::IndexReaderPtr& /*reader*/, std::int32_t base) override {
    base_ = base;
  }
  bool acceptsDocsOutOfOrder() override { return true; }

  std::vector<std::int32_t> docs;

 private:
  std::int32_t base_ = 0;
};

L::QueryPtr term_query(const wchar_t* field, std::string_view value) {
  return L::newLucene<L::TermQuery>(L::newLucene<L::Term>(field, wide(value)));
}

}  // namespace

struct LuceneIndex::Impl {
  L::FSDirectoryPtr dir;
  L::IndexWriterPtr writer;
  L::IndexReaderPtr nrt;

  std::mutex stems_mu;
  std::unordered_set<std::string> listed;  // guarded by stems_mu: lang + '\0' + word
  std::set<std::string> langs;             // guarded by stems_mu
  std::atomic<std::uint64_t> synonym_docs{0};
  std::atomic<std::int64_t> build_ns{0};
  std::atomic<std::int64_t> write_ns{0};

  // As XapianIndex::Impl::list_stems, a synonym document instead of add_synonym.
  void list_stems(const std::string& lang, const std::vector<std::string_view>& words) {
    std::vector<std::pair<std::string, std::string_view>> fresh;
    {
      std::lock_guard lock(stems_mu);
      langs.insert(lang);
      std::string key;
      for (const auto w : words) {
        key.assign(lang);
        key.push_back('\0');
        key += w;
        if (listed.insert(key).second) {
          if (std::string stem = xs::stem_key(lang, w); !stem.empty()) {
            fresh.emplace_back(std::move(stem), w);
          }
        }
      }
    }
    for (const auto& [key, word] : fresh) {
      auto doc = L::newLucene<L::Document>();
      doc->add(keyword(L"zkey", key));
      doc->add(
          L::newLucene<L::Field>(L"zword", wide(word), L::Field::STORE_YES, L::Field::INDEX_NO));
      writer->addDocument(doc);
      ++synonym_docs;
    }
  }

  L::IndexReaderPtr reader() {
    auto r = writer->getReader();
    if (nrt) {
      nrt->close();
    }
    nrt = r;
    return r;
  }

  // What query_compiler.cpp's Compiler::word makes for Field::Any.
  L::QueryPtr word(const std::string& term, const L::IndexSearcherPtr& searcher) {
    auto any = L::newLucene<L::BooleanQuery>();
    any->add(term_query(L"any", term), L::BooleanClause::SHOULD);
    for (const auto& lang : langs) {
      const std::string stem = text::stem(term, lang);
      std::vector<std::string> same;
      auto listed_words = L::newLucene<AllDocs>();
      searcher->search(term_query(L"zkey", xs::stem_term(xs::kStemPrefix, lang, stem)),
                       listed_words);
      for (const std::int32_t d : listed_words->docs) {
        const std::string w = L::StringUtils::toUTF8(searcher->doc(d)->get(L"zword"));
        if (w != term) {
          same.push_back(w);
        }
      }
      if (stem != term && text::stem(stem, lang) == stem) {
        same.push_back(stem);
      }
      if (same.empty()) {
        continue;
      }
      auto words = L::newLucene<L::BooleanQuery>();
      for (const auto& w : same) {
        words->add(term_query(L"any", w), L::BooleanClause::SHOULD);
      }
      auto in_lang = L::newLucene<L::BooleanQuery>();
      in_lang->add(words, L::BooleanClause::MUST);
      in_lang->add(term_query(L"lang", lang), L::BooleanClause::MUST);
      any->add(in_lang, L::BooleanClause::SHOULD);
    }
    return any;
  }
};

LuceneIndex::LuceneIndex(const std::filesystem::path& directory, const LuceneOptions& options)
    : impl_(std::make_unique<Impl>()) {
  try {
    impl_->dir = L::FSDirectory::open(directory.wstring());
    impl_->writer =
        L::newLucene<L::IndexWriter>(impl_->dir, L::newLucene<L::KeywordAnalyzer>(), options.create,
                                     L::IndexWriter::MaxFieldLengthUNLIMITED);
    if (options.serial_merges) {
      impl_->writer->setMergeScheduler(L::newLucene<L::SerialMergeScheduler>());
    }
    impl_->writer->setUseCompoundFile(options.compound_files);
  } catch (const L::LuceneException& e) {
    rethrow(e);
  }
}

LuceneIndex::~LuceneIndex() {
  try {
    if (impl_->nrt) {
      impl_->nrt->close();
    }
    impl_->writer->close();
    impl_->dir->close();
  } catch (const L::LuceneException&) {
    // A benchmark: nothing to do about it here.
  }
}

void LuceneIndex::add(const storage::IndexDocument& d) {
  try {
    const std::int64_t t0 = thread_cpu_ns();
    std::string lang = match::normalize_filter_value(d.lang);
    if (!match::has_stemmer(lang)) {
      lang.clear();
    }
    const auto title = field_tokens(d.title);
    const auto body = field_tokens(d.text);
    std::vector<StreamToken> any;
    std::vector<StreamToken> title_only;
    any.reserve(title.size() + body.size());
    title_only.reserve(title.size());
    std::int64_t last = -1;
    append(any, title, last, 0);
    std::int64_t last_title = -1;
    append(title_only, title, last_title, 0);
    const std::int64_t body_base =
        (title.empty() ? 0 : static_cast<std::int64_t>(title.back().position) + 1) + xs::kFieldGap;
    append(any, body, last, body_base);
    std::vector<std::string_view> words;
    if (!lang.empty()) {
      std::unordered_set<std::string_view> seen;
      seen.reserve(title.size() + body.size());
      for (const auto* f : {&title, &body}) {
        for (const auto& t : *f) {
          if (seen.insert(t.term).second) {
            words.push_back(t.term);
          }
        }
      }
    }
    auto doc = L::newLucene<L::Document>();
    const std::string id = std::to_string(d.id);
    doc->add(keyword(L"id", id, true));
    doc->add(positional(L"any", std::move(any)));
    doc->add(positional(L"title", std::move(title_only)));
    for (const auto& [name, text] : {std::pair{L"source", &d.source}, {L"author", &d.author}}) {
      std::vector<StreamToken> tokens;
      std::int64_t l = -1;
      append(tokens, match::FieldTokens::build(*text, {}).tokens, l, 0);
      doc->add(positional(name, std::move(tokens)));
    }
    doc->add(keyword(L"org", std::to_string(d.org_id)));
    doc->add(keyword(L"sid", std::to_string(d.source_id)));
    add_filter(doc, L"lang", d.lang);
    add_filter(doc, L"country", d.country);
    for (const auto& tag : d.tags) {
      add_filter(doc, L"tag", tag);
    }
    char date[16];
    std::snprintf(date, sizeof date, "%011lld", static_cast<long long>(core::to_unix(d.date())));
    doc->add(keyword(L"date", date));
    const std::int64_t t1 = thread_cpu_ns();
    if (!lang.empty()) {
      impl_->list_stems(lang, words);
    }
    impl_->writer->updateDocument(L::newLucene<L::Term>(L"id", wide(id)), doc);
    const std::int64_t t2 = thread_cpu_ns();
    impl_->build_ns += t1 - t0;
    impl_->write_ns += t2 - t1;
  } catch (const L::LuceneException& e) {
    rethrow(e);
  }
}

void LuceneIndex::remove(core::ItemId id) {
  try {
    impl_->writer->deleteDocuments(L::newLucene<L::Term>(L"id", wide(std::to_string(id))));
  } catch (const L::LuceneException& e) {
    rethrow(e);
  }
}

std::uint64_t LuceneIndex::committed_position() {
  try {
    auto data = L::IndexReader::getCommitUserData(impl_->dir);
    const std::string position = L::StringUtils::toUTF8(data.get(L"vigie.position"));
    return position.empty() ? 0 : std::stoull(position);  // empty: the creation's commit
  } catch (const L::LuceneException& e) {
    rethrow(e);
  }
}

std::uint64_t LuceneIndex::count(core::OrgId org) {
  try {
    auto searcher = L::newLucene<L::IndexSearcher>(impl_->reader());
    auto all = L::newLucene<AllDocs>();
    searcher->search(term_query(L"org", std::to_string(org)), all);
    return all->docs.size();
  } catch (const L::LuceneException& e) {
    rethrow(e);
  }
}

void LuceneIndex::commit(std::uint64_t position) {
  try {
    auto data = L::MapStringString::newInstance();
    data.put(L"vigie.position", wide(std::to_string(position)));
    impl_->writer->commit(data);
  } catch (const L::LuceneException& e) {
    rethrow(e);
  }
}

void LuceneIndex::reopen() {
  try {
    auto searcher = L::newLucene<L::IndexSearcher>(impl_->reader());
    searcher->search(term_query(L"lang", "fr"), 1);
  } catch (const L::LuceneException& e) {
    rethrow(e);
  }
}

std::set<core::ItemId> LuceneIndex::search(std::string_view text, std::string_view lang,
                                           core::OrgId org) {
  try {
    auto searcher = L::newLucene<L::IndexSearcher>(impl_->reader());
    const auto tokens = text::tokenize(text);
    auto query = L::newLucene<L::BooleanQuery>();
    if (tokens.size() == 1) {
      query->add(impl_->word(tokens.front().term, searcher), L::BooleanClause::MUST);
    } else {
      auto phrase = L::newLucene<L::PhraseQuery>();
      for (const auto& t : tokens) {
        phrase->add(L::newLucene<L::Term>(L"any", wide(t.term)),
                    static_cast<std::int32_t>(t.position));
      }
      query->add(phrase, L::BooleanClause::MUST);
    }
    query->add(term_query(L"org", std::to_string(org)), L::BooleanClause::MUST);
    if (!lang.empty()) {
      query->add(term_query(L"lang", match::normalize_filter_value(lang)), L::BooleanClause::MUST);
    }
    auto all = L::newLucene<AllDocs>();
    searcher->search(query, all);
    std::set<core::ItemId> ids;
    for (const std::int32_t d : all->docs) {
      ids.insert(std::stoll(L::StringUtils::toUTF8(searcher->doc(d)->get(L"id"))));
    }
    return ids;
  } catch (const L::LuceneException& e) {
    rethrow(e);
  }
}

LuceneCpu LuceneIndex::cpu() const {
  return {static_cast<double>(impl_->build_ns.load()) / 1e9,
          static_cast<double>(impl_->write_ns.load()) / 1e9};
}

std::uint64_t LuceneIndex::synonym_documents() const {
  return impl_->synonym_docs.load();
}

}  // namespace vigie::bench
