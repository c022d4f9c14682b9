// SPDX-License-Identifier: AGPL-3.0-or-later
#include "storage/xapian/xapian_index.h"

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "match/evaluator.h"
#include "query_generator.h"
#include "storage/xapian/date_order.h"
#include "temp_dir.h"

namespace vigie::storage {
namespace {

IndexDocument make_doc(core::ItemId id, std::string title, std::string text,
                       const char* date = "2026-02-01T00:00:00Z") {
  IndexDocument d;
  d.id = id;
  d.org_id = 1;
  d.source_id = 7;
  d.source = "Agence Ecofin";
  d.title = std::move(title);
  d.text = std::move(text);
  d.lang = "fr";
  d.country = "CI";
  d.tags = {"Coton Bio"};
  d.author = "Awa Traoré";
  d.published = core::parse_iso8601_strict(date);
  d.fetched_at = *core::parse_iso8601_strict("2026-03-01T00:00:00Z");
  return d;
}

class XapianIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto index = XapianIndex::open(dir_ / "index");
    ASSERT_TRUE(index.has_value()) << index.error().message;
    index_ = std::move(*index);
  }

  std::vector<core::ItemId> ids(const char* query, SearchSort sort = SearchSort::Relevance,
                                core::OrgId org = 1) {
    auto q = match::parse_query(query);
    EXPECT_TRUE(q.has_value()) << query;
    SearchRequest r{*q, org, 0, 100, sort};
    auto results = index_->search(r);
    EXPECT_TRUE(results.has_value()) << results.error().message;
    std::vector<core::ItemId> out;
    for (const auto& h : results->hits) {
      out.push_back(h.id);
    }
    return out;
  }

  static std::vector<core::ItemId> sorted(std::vector<core::ItemId> v) {
    std::sort(v.begin(), v.end());
    return v;
  }

  testing::TempDir dir_;
  std::unique_ptr<XapianIndex> index_;
};

TEST_F(XapianIndexTest, FindsCommittedDocumentsOnly) {
  const IndexDocument docs[] = {make_doc(1, "Le prix du coton", "Les cours du coton montent.")};
  ASSERT_TRUE(index_->add(docs).has_value());
  EXPECT_TRUE(ids("coton").empty());
  ASSERT_TRUE(index_->commit(1).has_value());
  EXPECT_EQ(ids("coton"), (std::vector<core::ItemId>{1}));
}

TEST_F(XapianIndexTest, ReplacesDocumentsWithTheSameIdAndRemovesThem) {
  const IndexDocument v1[] = {make_doc(5, "Coton", "récolte"), make_doc(6, "Cajou", "noix")};
  ASSERT_TRUE(index_->add(v1).has_value());
  ASSERT_TRUE(index_->commit(1).has_value());
  const IndexDocument v2[] = {make_doc(5, "Anacarde", "exportations")};
  ASSERT_TRUE(index_->add(v2).has_value());
  ASSERT_TRUE(index_->commit(2).has_value());
  EXPECT_TRUE(ids("coton").empty());
  EXPECT_EQ(ids("anacarde"), (std::vector<core::ItemId>{5}));
  const core::ItemId gone[] = {6, 99, -1};
  ASSERT_TRUE(index_->remove(gone).has_value());
  ASSERT_TRUE(index_->commit(3).has_value());
  EXPECT_TRUE(ids("noix").empty());
  EXPECT_EQ(index_->document_count().value_or(0), 1U);
}

// "coton" is its own French stem, so the index keeps no stem term for it (schema.h): its word
// term, in a French document, stands for the stem.
TEST_F(XapianIndexTest, FindsAWordThatIsItsOwnStemByItsInflectionsInItsLanguageOnly) {
  IndexDocument unknown = make_doc(3, "Coton", "coton");
  unknown.lang = "und";
  const IndexDocument docs[] = {make_doc(1, "Coton", "récolte"), make_doc(2, "Cajou", "coton"),
                                unknown};
  ASSERT_TRUE(index_->add(docs).has_value());
  ASSERT_TRUE(index_->commit(1).has_value());
  EXPECT_EQ(sorted(ids("cotons")), (std::vector<core::ItemId>{1, 2}));
  EXPECT_EQ(ids("title:cotons"), (std::vector<core::ItemId>{1}));
  EXPECT_EQ(sorted(ids("coton")), (std::vector<core::ItemId>{1, 2, 3}));
}

// Stems live in the synonym table (schema.h), which clear() empties: words indexed again
// must be listed again, and reopening must not lose them.
TEST_F(XapianIndexTest, FindsInflectionsAfterAClearAndAReopen) {
  const IndexDocument docs[] = {make_doc(1, "Récoltes", "exportations")};
  ASSERT_TRUE(index_->add(docs).has_value());
  ASSERT_TRUE(index_->commit(1).has_value());
  EXPECT_EQ(ids("récolte exportation"), (std::vector<core::ItemId>{1}));
  ASSERT_TRUE(index_->clear().has_value());
  ASSERT_TRUE(index_->add(docs).has_value());
  ASSERT_TRUE(index_->commit(1).has_value());
  EXPECT_EQ(ids("récolte exportation"), (std::vector<core::ItemId>{1}));
  index_.reset();
  auto reopened = XapianIndex::open(dir_ / "index");
  ASSERT_TRUE(reopened.has_value()) << reopened.error().message;
  index_ = std::move(*reopened);
  EXPECT_EQ(ids("title:récolte exportation"), (std::vector<core::ItemId>{1}));
}

TEST_F(XapianIndexTest, KeepsEachOrganisationsDocumentsApart) {
  IndexDocument other = make_doc(2, "Coton", "coton");
  other.org_id = 2;
  const IndexDocument docs[] = {make_doc(1, "Coton", "coton"), other};
  ASSERT_TRUE(index_->add(docs).has_value());
  ASSERT_TRUE(index_->commit(1).has_value());
  EXPECT_EQ(ids("coton", SearchSort::Relevance, 1), (std::vector<core::ItemId>{1}));
  EXPECT_EQ(ids("coton", SearchSort::Relevance, 2), (std::vector<core::ItemId>{2}));
  EXPECT_EQ(ids("-sport", SearchSort::Relevance, 2), (std::vector<core::ItemId>{2}));
  EXPECT_TRUE(ids("coton", SearchSort::Relevance, 3).empty());
}

TEST_F(XapianIndexTest, PersistsTheCommittedPositionWithTheDocuments) {
  const IndexDocument docs[] = {make_doc(1, "Coton", "coton")};
  ASSERT_TRUE(index_->add(docs).has_value());
  ASSERT_TRUE(index_->commit(42).has_value());
  const IndexDocument later[] = {make_doc(2, "Cajou", "cajou")};
  ASSERT_TRUE(index_->add(later).has_value());  // never committed
  EXPECT_EQ(index_->committed_position(), 42U);
  index_.reset();
  auto reopened = XapianIndex::open(dir_ / "index");
  ASSERT_TRUE(reopened.has_value()) << reopened.error().message;
  index_ = std::move(*reopened);
  EXPECT_EQ(index_->committed_position(), 42U);
  EXPECT_EQ(ids("coton"), (std::vector<core::ItemId>{1}));
  EXPECT_TRUE(ids("cajou").empty());
}

TEST_F(XapianIndexTest, RefusesASecondWriterOnTheSameDirectory) {
  auto second = XapianIndex::open(dir_ / "index");
  ASSERT_FALSE(second.has_value());
  EXPECT_EQ(second.error().reason, "search.locked");
}

TEST_F(XapianIndexTest, ClearEmptiesTheIndexAndResetsThePosition) {
  const IndexDocument docs[] = {make_doc(1, "Coton", "coton")};
  ASSERT_TRUE(index_->add(docs).has_value());
  ASSERT_TRUE(index_->commit(9).has_value());
  EXPECT_EQ(ids("coton").size(), 1U);
  ASSERT_TRUE(index_->clear().has_value());
  EXPECT_EQ(index_->committed_position(), 0U);
  EXPECT_TRUE(ids("coton").empty());
  ASSERT_TRUE(index_->add(docs).has_value());
  ASSERT_TRUE(index_->commit(1).has_value());
  EXPECT_EQ(ids("coton").size(), 1U);
}

TEST_F(XapianIndexTest, SortsByDateNewestFirst) {
  const IndexDocument docs[] = {
      make_doc(1, "Coton", "coton", "2025-06-01T00:00:00Z"),
      make_doc(2, "Coton coton coton", "coton coton", "2024-01-01T00:00:00Z"),
      make_doc(3, "Coton", "texte", "2026-01-01T00:00:00Z"),
  };
  ASSERT_TRUE(index_->add(docs).has_value());
  ASSERT_TRUE(index_->commit(1).has_value());
  EXPECT_EQ(ids("coton", SearchSort::Date), (std::vector<core::ItemId>{3, 1, 2}));
  EXPECT_EQ(ids("coton date:2025..2026"), (std::vector<core::ItemId>{1, 3}));
}

TEST_F(XapianIndexTest, SortsByDateExactlyWhateverTheIdOrder) {
  // Ids spread over many id blocks, dates mostly rising with ids, plus old ids with new dates
  // (a backfilled feed) and new ids with old dates: the newest-first shortcut must not miss
  // any of them.
  std::mt19937 rng(7);
  std::vector<IndexDocument> docs;
  std::vector<std::pair<std::int64_t, core::ItemId>> by_date;
  const std::int64_t start = 1'700'000'000;
  for (core::ItemId i = 1; i <= 120; ++i) {
    const core::ItemId id = i * 2'500 + static_cast<core::ItemId>(rng() % 1000);
    std::int64_t date = start + i * 86'400 + static_cast<std::int64_t>(rng() % 1000);
    if (i % 17 == 0) {
      date += 400 * 86'400;  // old id, newest date
    } else if (i % 13 == 0) {
      date -= 300 * 86'400;  // new id, old date
    }
    IndexDocument d = make_doc(id, "Coton", "coton");
    d.published = core::from_unix(date);
    docs.push_back(d);
    by_date.emplace_back(date, id);
  }
  ASSERT_TRUE(index_->add(docs).has_value());
  ASSERT_TRUE(index_->commit(1).has_value());
  std::sort(by_date.rbegin(), by_date.rend());
  auto q = match::parse_query("coton");
  ASSERT_TRUE(q.has_value());
  for (std::size_t offset : {0U, 5U, 40U, 110U}) {
    for (std::size_t limit : {1U, 7U, 20U}) {
      SCOPED_TRACE(::testing::Message() << "offset " << offset << " limit " << limit);
      auto r = index_->search(SearchRequest{*q, 1, offset, limit, SearchSort::Date});
      ASSERT_TRUE(r.has_value()) << r.error().message;
      EXPECT_EQ(r->estimated_total, 120U);
      std::vector<core::ItemId> expected;
      for (std::size_t k = offset; k < std::min(offset + limit, by_date.size()); ++k) {
        expected.push_back(by_date[k].second);
      }
      std::vector<core::ItemId> got;
      for (const auto& h : r->hits) {
        got.push_back(h.id);
      }
      EXPECT_EQ(got, expected);
    }
  }
}

TEST_F(XapianIndexTest, SortsByDateThenRelevanceThenIdAcrossIdBlocks) {
  // Rare matches spread over many id blocks (each searched once, top down), dates shared by
  // three documents of different relevance: the page is Xapian's date, then relevance, then
  // ascending id order, whatever the offset.
  std::vector<IndexDocument> docs;
  const std::int64_t start = 1'700'000'000;
  for (core::ItemId i = 1; i <= 90; ++i) {
    const core::ItemId id = i * 997;
    std::string text = "filler texte";
    if (i % 2 == 0) {
      for (core::ItemId k = 0; k <= i % 3; ++k) {
        text += " coton";
      }
    }
    IndexDocument d = make_doc(id, "Titre", text);
    d.published = core::from_unix(start + (i / 3) * 86'400);
    docs.push_back(d);
  }
  ASSERT_TRUE(index_->add(docs).has_value());
  ASSERT_TRUE(index_->commit(1).has_value());
  auto q = match::parse_query("coton");
  ASSERT_TRUE(q.has_value());
  auto by_relevance = index_->search(SearchRequest{*q, 1, 0, 100, SearchSort::Relevance});
  ASSERT_TRUE(by_relevance.has_value());
  ASSERT_EQ(by_relevance->hits.size(), 45U);
  auto expected_all = by_relevance->hits;
  std::sort(expected_all.begin(), expected_all.end(), [](const SearchHit& a, const SearchHit& b) {
    if (a.date != b.date) {
      return a.date > b.date;
    }
    if (a.score != b.score) {
      return a.score > b.score;
    }
    return a.id < b.id;
  });
  for (std::size_t offset : {0U, 3U, 20U, 44U, 50U}) {
    for (std::size_t limit : {1U, 5U, 20U}) {
      SCOPED_TRACE(::testing::Message() << "offset " << offset << " limit " << limit);
      auto r = index_->search(SearchRequest{*q, 1, offset, limit, SearchSort::Date});
      ASSERT_TRUE(r.has_value()) << r.error().message;
      std::vector<core::ItemId> expected;
      for (std::size_t k = offset; k < std::min(offset + limit, expected_all.size()); ++k) {
        expected.push_back(expected_all[k].id);
      }
      std::vector<core::ItemId> got;
      for (const auto& h : r->hits) {
        got.push_back(h.id);
      }
      EXPECT_EQ(got, expected);
    }
  }
}

TEST(BlockDatesTest, KeepsEachBlocksOldestAndNewestDate) {
  namespace xs = xapian_schema;
  constexpr Xapian::docid kB = xs::kDocidsPerBlock;
  xs::BlockDates dates;
  dates.note(5, 100);
  dates.note(kB - 1, 300);
  dates.note(3 * kB + 2, 900);
  dates.note(3 * kB + 9, 50);  // a new id with an old date
  dates.note(4 * kB + 1, 500);
  dates.note(5 * kB, 1000);
  const xs::BlockDates again = xs::BlockDates::decode(dates.encode());
  EXPECT_EQ(again.encode(), dates.encode());
  using Spans = std::vector<std::pair<Xapian::docid, Xapian::docid>>;
  for (const xs::BlockDates* d : {static_cast<const xs::BlockDates*>(&dates), &again}) {
    EXPECT_EQ(d->newest_below(3 * kB), 300);
    EXPECT_EQ(d->newest_below(3 * kB + 1), 900);
    struct Case {
      std::int64_t from, until;
      Spans spans;
    };
    for (const Case& c : {Case{100, 300, {{1, kB - 1}, {3 * kB, 4 * kB - 1}}},  // block 3: 50..900
                          Case{950, 2000, {{5 * kB, 6 * kB - 1}}},
                          Case{301, 899, {{3 * kB, 5 * kB - 1}}},  // blocks 3 and 4, merged
                          Case{40, 60, {{3 * kB, 4 * kB - 1}}},    // below block 0's oldest
                          Case{1001, 2000, {}}, Case{10, 49, {}}}) {
      SCOPED_TRACE(::testing::Message() << c.from << ".." << c.until);
      Spans got;
      for (const auto& s : d->spans_of(c.from, c.until)) {
        got.emplace_back(s.first, s.last);
      }
      EXPECT_EQ(got, c.spans);
    }
  }
}

TEST(DocidSpansSourceTest, StepsAndSkipsThroughItsSpans) {
  namespace xs = xapian_schema;
  xs::DocidSpansSource source({{2, 4}, {10, 10}, {20, 22}});
  EXPECT_EQ(source.get_termfreq_est(), 7U);
  std::vector<Xapian::docid> seen;
  for (source.next(0); !source.at_end(); source.next(0)) {
    seen.push_back(source.get_docid());
  }
  EXPECT_EQ(seen, (std::vector<Xapian::docid>{2, 3, 4, 10, 20, 21, 22}));
  xs::DocidSpansSource skipping({{2, 4}, {10, 10}, {20, 22}});
  skipping.skip_to(3, 0);
  EXPECT_EQ(skipping.get_docid(), 3U);
  skipping.skip_to(5, 0);
  EXPECT_EQ(skipping.get_docid(), 10U);
  skipping.skip_to(10, 0);
  EXPECT_EQ(skipping.get_docid(), 10U);
  skipping.skip_to(21, 0);
  EXPECT_EQ(skipping.get_docid(), 21U);
  skipping.next(0);
  EXPECT_EQ(skipping.get_docid(), 22U);
  skipping.skip_to(23, 0);
  EXPECT_TRUE(skipping.at_end());
}

TEST_F(XapianIndexTest, FindsExactlyTheMatchesOfARequiredDateRangeAcrossIdBlocks) {
  // Ids over many id blocks with dates rising, plus ids of any age dated inside the ranges
  // searched (a backfilled feed) and new ids with very old dates: skipping the blocks whose
  // dates cannot meet a required range must not lose any match, in either sort.
  std::mt19937 rng(11);
  std::map<core::ItemId, IndexDocument> docs;
  std::vector<IndexDocument> batch;
  const std::int64_t start = 1'704'067'200;  // 2024-01-01
  for (core::ItemId i = 1; i <= 200; ++i) {
    const core::ItemId id = i * 2'000 + static_cast<core::ItemId>(rng() % 1000);
    std::int64_t date = start + i * 86'400 + i;  // unique dates: one order for both sorts
    if (i % 23 == 0) {
      date = start + 75 * 86'400 + i;  // 2024-03-16
    } else if (i % 19 == 0) {
      date = start - 400 * 86'400 + i;
    }
    IndexDocument d = make_doc(id, "Bulletin", i % 3 == 0 ? "coton prix" : "coton");
    d.published = core::from_unix(date);
    docs[id] = d;
    batch.push_back(d);
  }
  // The newest id, dated before everything: its block's dates meet every range.
  IndexDocument top = make_doc(500'000, "Bulletin", "coton prix");
  top.published = core::from_unix(start - 900 * 86'400);
  docs[top.id] = top;
  batch.push_back(top);
  ASSERT_TRUE(index_->add(batch).has_value());
  ASSERT_TRUE(index_->commit(1).has_value());
  std::map<core::ItemId, match::EvalDocument> evals;
  for (const auto& [id, d] : docs) {
    evals.emplace(id, testing::eval_document(d));
  }
  for (const char* text :
       {"coton date:2024-03-01..2024-03-31", "date:2024-03-01..2024-03-31",
        "prix date:>=2024-06-15", "coton date:<2024-01-20",
        "coton date:2024-03-01..2024-03-31 date:2024-03-16..2024-06-01",
        "coton date:2024-03-01..2024-03-05 date:2024-05-01..2024-05-05",
        "coton date:2024-03-01..2024-03-31 -prix",
        "(coton date:2024-03-01..2024-03-31) OR (prix date:2024-05-01..2024-05-31)",
        "date:2022-01-01..2022-12-31", "date:2030-01-01..2030-12-31"}) {
    SCOPED_TRACE(text);
    auto q = match::parse_query(text);
    ASSERT_TRUE(q.has_value()) << q.error().message;
    std::vector<std::pair<core::Timestamp, core::ItemId>> expected;
    for (const auto& [id, d] : docs) {
      if (match::evaluate(*q, evals.at(id))) {
        expected.emplace_back(d.date(), id);
      }
    }
    std::sort(expected.rbegin(), expected.rend());  // newest first
    std::vector<core::ItemId> expected_ids;
    for (const auto& e : expected) {
      expected_ids.push_back(e.second);
    }
    auto all = index_->search(SearchRequest{*q, 1, 0, kMaxSearchLimit, SearchSort::Relevance});
    ASSERT_TRUE(all.has_value()) << all.error().message;
    std::vector<core::ItemId> got;
    for (const auto& h : all->hits) {
      got.push_back(h.id);
    }
    EXPECT_EQ(sorted(got), sorted(expected_ids));
    for (std::size_t offset : {0U, 3U}) {
      for (std::size_t limit : {2U, 100U}) {
        SCOPED_TRACE(::testing::Message() << "offset " << offset << " limit " << limit);
        auto r = index_->search(SearchRequest{*q, 1, offset, limit, SearchSort::Date});
        ASSERT_TRUE(r.has_value()) << r.error().message;
        std::vector<core::ItemId> page;
        for (const auto& h : r->hits) {
          page.push_back(h.id);
        }
        std::vector<core::ItemId> want;
        for (std::size_t k = offset; k < std::min(offset + limit, expected_ids.size()); ++k) {
          want.push_back(expected_ids[k]);
        }
        EXPECT_EQ(page, want);
      }
    }
  }
}

TEST_F(XapianIndexTest, RanksAHugeResultSetAmongItsNewestMatchesFirst) {
  // More matches than max_ranked_matches: the newest ids expected to hold about that many
  // come first, by relevance, then the older ones, by relevance; every match exactly once,
  // whatever the page. Fewer matches, or newest-first: the plain order.
  auto bounded = XapianIndex::open(dir_ / "bounded", {.max_ranked_matches = 10});
  ASSERT_TRUE(bounded.has_value()) << bounded.error().message;
  std::vector<IndexDocument> docs;
  for (core::ItemId id = 1; id <= 100; ++id) {
    std::string text = "filler texte";
    for (core::ItemId k = 0; k <= (id * 7) % 5; ++k) {
      text += " coton";
    }
    if (id % 20 == 0) {
      text += " prix";
    }
    docs.push_back(make_doc(id, "Bulletin", text));
  }
  for (auto* index : {index_.get(), bounded->get()}) {
    ASSERT_TRUE(index->add(docs).has_value());
    ASSERT_TRUE(index->commit(1).has_value());
  }
  auto search = [](const XapianIndex& index, const char* text, std::size_t offset,
                   std::size_t limit, SearchSort sort = SearchSort::Relevance) {
    auto q = match::parse_query(text);
    EXPECT_TRUE(q.has_value()) << text;
    auto r = index.search(SearchRequest{*q, 1, offset, limit, sort});
    EXPECT_TRUE(r.has_value()) << r.error().message;
    return *r;
  };
  const SearchResults all = search(**bounded, "coton", 0, 1000);
  const SearchResults plain = search(*index_, "coton", 0, 1000);
  EXPECT_EQ(plain.ranked_from_id, 0);
  // 100 matches, 10 ranked: the newest 100 * 10 / 100 + 1 ids.
  ASSERT_EQ(all.ranked_from_id, 90);
  EXPECT_EQ(all.estimated_total, 100U);
  std::vector<core::ItemId> expected;  // the plain order, newer tier first, stable
  for (bool newer : {true, false}) {
    for (const auto& h : plain.hits) {
      if ((h.id >= all.ranked_from_id) == newer) {
        expected.push_back(h.id);
      }
    }
  }
  std::vector<core::ItemId> got;
  for (const auto& h : all.hits) {
    got.push_back(h.id);
  }
  ASSERT_EQ(got, expected);
  for (std::size_t offset : {0U, 5U, 10U, 11U, 12U, 50U, 99U, 100U, 120U}) {
    for (std::size_t limit : {1U, 7U, 20U}) {
      SCOPED_TRACE(::testing::Message() << "offset " << offset << " limit " << limit);
      std::vector<core::ItemId> page;
      for (const auto& h : search(**bounded, "coton", offset, limit).hits) {
        page.push_back(h.id);
      }
      const std::vector<core::ItemId> want(
          expected.begin() + static_cast<std::ptrdiff_t>(std::min(offset, expected.size())),
          expected.begin()
              + static_cast<std::ptrdiff_t>(std::min(offset + limit, expected.size())));
      EXPECT_EQ(page, want);
    }
  }
  // Five matches: ranked together.
  const SearchResults rare = search(**bounded, "prix", 0, 100);
  EXPECT_EQ(rare.ranked_from_id, 0);
  std::vector<core::ItemId> rare_ids;
  for (const auto& h : rare.hits) {
    rare_ids.push_back(h.id);
  }
  std::vector<core::ItemId> rare_plain;
  for (const auto& h : search(*index_, "prix", 0, 100).hits) {
    rare_plain.push_back(h.id);
  }
  EXPECT_EQ(rare_ids, rare_plain);
  // Estimated huge, but the newest ids hold none of the matches: ranked together.
  std::vector<IndexDocument> newer;
  for (core::ItemId id = 101; id <= 200; ++id) {
    newer.push_back(make_doc(id, "Bulletin", "autre texte"));
  }
  for (auto* index : {index_.get(), bounded->get()}) {
    ASSERT_TRUE(index->add(newer).has_value());
    ASSERT_TRUE(index->commit(2).has_value());
  }
  const SearchResults old_only = search(**bounded, "coton", 0, 1000);
  EXPECT_EQ(old_only.ranked_from_id, 0);
  std::vector<core::ItemId> old_ids;
  for (const auto& h : old_only.hits) {
    old_ids.push_back(h.id);
  }
  std::vector<core::ItemId> plain_ids;
  for (const auto& h : plain.hits) {
    plain_ids.push_back(h.id);
  }
  EXPECT_EQ(old_ids, plain_ids);
  // Newest first is exact whatever the size.
  const SearchResults by_date = search(**bounded, "coton", 0, 1000, SearchSort::Date);
  EXPECT_EQ(by_date.ranked_from_id, 0);
  EXPECT_EQ(by_date.hits.size(), 100U);
}

TEST_F(XapianIndexTest, RanksTitleMatchesAboveBodyMatches) {
  const IndexDocument docs[] = {
      make_doc(1, "Marchés agricoles", "Le cajou et le coton sont cotés."),
      make_doc(2, "Le cajou progresse", "Les marchés agricoles sont calmes."),
  };
  ASSERT_TRUE(index_->add(docs).has_value());
  ASSERT_TRUE(index_->commit(1).has_value());
  EXPECT_EQ(ids("cajou"), (std::vector<core::ItemId>{2, 1}));
}

TEST_F(XapianIndexTest, ReturnsIdsDatesAndScores) {
  const IndexDocument docs[] = {
      make_doc(1, "Le <prix> du coton", "Les exportations de coton & de cajou augmentent.")};
  ASSERT_TRUE(index_->add(docs).has_value());
  ASSERT_TRUE(index_->commit(1).has_value());
  auto q = match::parse_query("coton exportation -sport");
  ASSERT_TRUE(q.has_value());
  auto r = index_->search(SearchRequest{*q, 1});
  ASSERT_TRUE(r.has_value()) << r.error().message;
  ASSERT_EQ(r->hits.size(), 1U);
  EXPECT_EQ(r->estimated_total, 1U);
  EXPECT_EQ(r->hits[0].id, 1);
  EXPECT_EQ(core::format_iso8601(r->hits[0].date), "2026-02-01T00:00:00Z");
  EXPECT_GT(r->hits[0].score, 0.0);
}

TEST_F(XapianIndexTest, PagesThroughResults) {
  std::vector<IndexDocument> docs;
  for (core::ItemId id = 1; id <= 30; ++id) {
    docs.push_back(make_doc(id, "Coton", "coton"));
  }
  ASSERT_TRUE(index_->add(docs).has_value());
  ASSERT_TRUE(index_->commit(1).has_value());
  auto q = match::parse_query("coton");
  ASSERT_TRUE(q.has_value());
  std::vector<core::ItemId> seen;
  for (std::size_t offset = 0; offset < 30; offset += 7) {
    auto r = index_->search(SearchRequest{*q, 1, offset, 7, SearchSort::Relevance});
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->estimated_total, 30U);
    for (const auto& h : r->hits) {
      seen.push_back(h.id);
    }
  }
  EXPECT_EQ(sorted(seen).size(), 30U);
  EXPECT_EQ(std::unique(seen.begin(), seen.end()), seen.end());
}

TEST_F(XapianIndexTest, RefusesOutOfRangeIdsAndLimits) {
  const IndexDocument docs[] = {make_doc(0, "Coton", "coton")};
  auto added = index_->add(docs);
  ASSERT_FALSE(added.has_value());
  EXPECT_EQ(added.error().reason, "search.item_id_range");
  auto q = match::parse_query("coton");
  ASSERT_TRUE(q.has_value());
  auto r = index_->search(SearchRequest{*q, 1, 0, kMaxSearchLimit + 1});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().reason, "search.limit");
}

TEST_F(XapianIndexTest, SearchesFromManyThreadsWhileTheWriterCommits) {
  constexpr int kCommits = 20;
  std::atomic<int> failures{0};
  {
    std::vector<std::jthread> readers;
    for (int t = 0; t < 3; ++t) {
      readers.emplace_back([&](std::stop_token stop) {
        auto q = match::parse_query("coton");
        while (!stop.stop_requested()) {
          auto r = index_->search(SearchRequest{*q, 1});
          if (!r.has_value()) {
            ADD_FAILURE() << r.error().message;
            ++failures;
          }
        }
      });
    }
    for (int i = 1; i <= kCommits; ++i) {
      const IndexDocument docs[] = {make_doc(i, "Coton", "coton")};
      ASSERT_TRUE(index_->add(docs).has_value());
      ASSERT_TRUE(index_->commit(static_cast<std::uint64_t>(i)).has_value());
    }
  }
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(ids("coton").size(), static_cast<std::size_t>(kCommits));
}

TEST_F(XapianIndexTest, AReadOnlyIndexFollowsTheWritersCommits) {
  const IndexDocument first[] = {make_doc(1, "Coton", "coton")};
  ASSERT_TRUE(index_->add(first).has_value());
  ASSERT_TRUE(index_->commit(1).has_value());
  // The writer keeps its lock: a second writer is refused, a reader is not.
  auto second = XapianIndex::open(dir_ / "index");
  ASSERT_FALSE(second.has_value());
  EXPECT_EQ(second.error().reason, "search.locked");
  auto reader = XapianIndex::open(dir_ / "index", {.read_only = true});
  ASSERT_TRUE(reader.has_value()) << reader.error().message;
  auto q = match::parse_query("coton");
  ASSERT_TRUE(q.has_value());
  auto found = [&] {
    auto r = (*reader)->search(SearchRequest{*q, 1});
    EXPECT_TRUE(r.has_value()) << r.error().message;
    return r ? r->hits.size() : 0U;
  };
  EXPECT_EQ(found(), 1U);
  EXPECT_EQ((*reader)->committed_position(), 1U);

  // What the writer has not committed is not seen; what it commits is, at the next search.
  const IndexDocument more[] = {make_doc(2, "Coton", "coton"), make_doc(3, "Coton", "coton")};
  ASSERT_TRUE(index_->add(more).has_value());
  EXPECT_EQ(found(), 1U);
  ASSERT_TRUE(index_->commit(2).has_value());
  EXPECT_EQ(found(), 3U);
  EXPECT_EQ((*reader)->committed_position(), 2U);

  EXPECT_EQ((*reader)->add(more).error().reason, "search.read_only");
  EXPECT_EQ((*reader)->commit(3).error().reason, "search.read_only");
  EXPECT_EQ((*reader)->clear().error().reason, "search.read_only");
}

TEST_F(XapianIndexTest, NearLooksAmongTheNewestCandidatesOutsideNotOnly) {
  auto capped = XapianIndex::open(dir_ / "capped", {.max_near_candidates = 3});
  ASSERT_TRUE(capped.has_value()) << capped.error().message;
  std::vector<IndexDocument> docs;
  for (core::ItemId id = 1; id <= 6; ++id) {
    docs.push_back(make_doc(id, "Bulletin", "le prix du coton sur le marché"));
  }
  docs.push_back(make_doc(7, "Bulletin", "le marché"));
  ASSERT_TRUE((*capped)->add(docs).has_value());
  ASSERT_TRUE((*capped)->commit(1).has_value());
  auto search = [&](const char* query) {
    auto q = match::parse_query(query);
    EXPECT_TRUE(q.has_value()) << query;
    auto r = (*capped)->search(SearchRequest{*q, 1, 0, 100});
    EXPECT_TRUE(r.has_value()) << r.error().message;
    std::vector<core::ItemId> out;
    for (const auto& h : r->hits) {
      out.push_back(h.id);
    }
    return sorted(out);
  };
  // Six documents hold both words: only the newest three are examined.
  EXPECT_EQ(search("prix NEAR/1 coton"), (std::vector<core::ItemId>{4, 5, 6}));
  // Under NOT the NEAR stays exact: no document with the pair gets through.
  EXPECT_EQ(search("marché -prix NEAR/1 coton"), (std::vector<core::ItemId>{7}));
}

TEST_F(XapianIndexTest, AReadOnlyIndexMustExist) {
  auto reader = XapianIndex::open(dir_ / "absent", {.read_only = true});
  ASSERT_FALSE(reader.has_value());
  EXPECT_EQ(reader.error().reason, "search.io");
}

}  // namespace
}  // namespace vigie::storage
