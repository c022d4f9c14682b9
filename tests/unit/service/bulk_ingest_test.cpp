// SPDX-License-Identifier: AGPL-3.0-or-later
// BulkIngest with the real store (SQLite in memory) and index (Xapian in a temp dir): documents
// prepared on several threads are stored in input order, each reported once in that order
// (errors included), and everything stored is searchable when run() returns, the index having
// caught up while documents were still being stored.
#include "service/bulk_ingest.h"

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "match/query.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/xapian/xapian_index.h"
#include "support/fake_clock.h"
#include "support/memory_store.h"
#include "support/temp_dir.h"

namespace vigie::service {
namespace {

// A feed of `items` entries; every title carries the document's own word `doc<n>`.
std::string feed(std::size_t n, std::size_t items) {
  std::string out =
      "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Agence</title>"
      "<link>https://agence.example/</link>";
  for (std::size_t i = 0; i < items; ++i) {
    out += fmt::format(
        "<item><guid>d{0}-{1}</guid><title>Cotonniers doc{0} numero{1}</title>"
        "<link>https://agence.example/{0}/{1}</link><description>Campagne cotonniere {0} "
        "{1}</description></item>",
        n, i);
  }
  return out + "</channel></rss>";
}

class BulkIngestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(testing::open_memory_store(store_, org_));
    auto index = storage::XapianIndex::open(dir_ / "index");
    ASSERT_TRUE(index) << index.error().message;
    index_ = std::move(*index);
    ingest_ = std::make_unique<IngestService>(*store_, clock_);
    sync_ = std::make_unique<IndexSync>(*store_, *index_);
  }

  core::Source source(std::size_t n) {
    core::Source s;
    s.org_id = org_;
    s.kind = core::SourceKind::Import;
    s.url = fmt::format("local:doc{}", n);
    s.title = s.url;
    auto added = store_->add_source(s);
    EXPECT_TRUE(added) << added.error().message;
    return added ? *added : s;
  }

  std::uint64_t hits(const std::string& text) {
    auto q = match::parse_query(text);
    EXPECT_TRUE(q) << q.error().message;
    storage::SearchRequest r;
    r.query = *q;
    r.org_id = org_;
    auto res = index_->search(r);
    EXPECT_TRUE(res) << res.error().message;
    return res ? res->estimated_total : 0;
  }

  testing::TempDir dir_;
  std::unique_ptr<storage::sqlite::SqliteStore> store_;
  std::unique_ptr<storage::XapianIndex> index_;
  core::OrgId org_ = 0;
  testing::FakeClock clock_;
  std::unique_ptr<IngestService> ingest_;
  std::unique_ptr<IndexSync> sync_;
};

TEST_F(BulkIngestTest, StoresInInputOrderReportsEachDocumentOnceAndIndexesEverything) {
  // 40 documents of 30 items (more than kIndexBatch, so indexing runs while storing), the
  // 13th of which is not a feed.
  constexpr std::size_t kDocs = 40;
  constexpr std::size_t kItems = 30;
  static_assert((kDocs - 1) * kItems > BulkIngest::kIndexBatch);
  std::vector<core::Source> sources;
  for (std::size_t n = 0; n < kDocs; ++n) {
    sources.push_back(source(n));
  }
  std::size_t given = 0;
  std::vector<std::string> reported;
  std::vector<std::string> failed;
  BulkIngest bulk(*ingest_, *sync_, 3);
  auto status = bulk.run(
      [&]() -> std::optional<BulkDocument> {
        if (given == kDocs) {
          return std::nullopt;
        }
        const std::size_t n = given++;
        return BulkDocument{
            sources[n], n == 12 ? std::string("ceci n'est pas un flux") : feed(n, kItems), {}};
      },
      [&](const BulkDocument& d, core::Result<IngestReport> report) {
        reported.push_back(d.source.url);
        if (!report) {
          failed.push_back(d.source.url + " " + report.error().reason);
        } else {
          EXPECT_EQ(report->stats.inserted, kItems) << d.source.url;
        }
      });
  ASSERT_TRUE(status) << status.error().message;

  std::vector<std::string> expected;
  for (const auto& s : sources) {
    expected.push_back(s.url);
  }
  EXPECT_EQ(reported, expected);
  EXPECT_EQ(failed, std::vector<std::string>{"local:doc12 ingest.not_a_feed"});

  // Ids follow the input order: every item of a document comes before the next document's.
  auto ids = store_->item_ids_after(0, 10'000);
  ASSERT_TRUE(ids) << ids.error().message;
  ASSERT_EQ(ids->size(), (kDocs - 1) * kItems);
  auto items = store_->get_items(*ids);
  ASSERT_TRUE(items) << items.error().message;
  std::sort(items->begin(), items->end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  std::vector<core::SourceId> order;
  for (const auto& it : *items) {
    if (order.empty() || order.back() != it.source_id) {
      order.push_back(it.source_id);
    }
  }
  std::vector<core::SourceId> expected_order;
  for (std::size_t n = 0; n < kDocs; ++n) {
    if (n != 12) {
      expected_order.push_back(sources[n].id);
    }
  }
  EXPECT_EQ(order, expected_order);

  // Everything is indexed and committed: the first, a middle and the last document.
  EXPECT_EQ(hits("cotonniers"), (kDocs - 1) * kItems);
  EXPECT_EQ(hits("doc0"), kItems);
  EXPECT_EQ(hits("doc20"), kItems);
  EXPECT_EQ(hits("doc39"), kItems);
  EXPECT_EQ(hits("doc12"), 0U);
  auto head = store_->index_log_head();
  ASSERT_TRUE(head) << head.error().message;
  EXPECT_EQ(index_->committed_position(), *head);
}

TEST_F(BulkIngestTest, NothingToIngestIsNotAnError) {
  BulkIngest bulk(*ingest_, *sync_, 2);
  std::size_t reported = 0;
  auto status = bulk.run([]() -> std::optional<BulkDocument> { return std::nullopt; },
                         [&](const BulkDocument&, core::Result<IngestReport>) { ++reported; });
  ASSERT_TRUE(status) << status.error().message;
  EXPECT_EQ(reported, 0U);
}

}  // namespace
}  // namespace vigie::service
