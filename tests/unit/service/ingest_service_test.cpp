// SPDX-License-Identifier: AGPL-3.0-or-later
// IngestService with watch topics over an in-memory store: prepare() matches items against the
// topics last loaded so the writer only writes; store() uses those matches only while that
// snapshot is current, and the signals of high-priority topics are raised once per item.
#include "service/ingest_service.h"

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "storage/sqlite/sqlite_store.h"
#include "support/fake_clock.h"
#include "support/memory_store.h"

namespace vigie::service {
namespace {

std::string rss(const std::string& guid, const std::string& title) {
  return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Agence</title>"
         "<link>https://agence.example/</link><item><guid>"
         + guid + "</guid><title>" + title + "</title><link>https://agence.example/" + guid
         + "</link><description>" + title + "</description></item></channel></rss>";
}

class IngestServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(testing::open_memory_store(store_, org_));
    core::Source src;
    src.org_id = org_;
    src.url = "https://agence.example/rss";
    auto added = store_->add_source(src);
    ASSERT_TRUE(added) << added.error().message;
    source_ = *added;
    ingest_ = std::make_unique<IngestService>(*store_, clock_);
  }

  core::TopicId add_topic(const std::string& query, core::Priority p = core::Priority::Normal) {
    core::Topic t;
    t.org_id = org_;
    t.name = query;
    t.query = query;
    t.priority = p;
    auto added = store_->add_topic(t);
    EXPECT_TRUE(added) << added.error().message;
    return added ? added->id : 0;
  }

  // The topics the stored item `id` matched, ascending.
  std::vector<core::TopicId> matched(core::ItemId id) {
    auto m = store_->matches_of_item(id);
    EXPECT_TRUE(m) << m.error().message;
    std::vector<core::TopicId> out;
    for (const auto& x : m ? *m : std::vector<core::TopicMatch>{}) {
      out.push_back(x.topic_id);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  core::ItemId store(PreparedDocument doc) {
    auto r = ingest_->store(std::move(doc));
    EXPECT_TRUE(r) << r.error().message;
    if (!r || r->stats.inserted_ids.size() != 1) {
      ADD_FAILURE() << "expected one inserted item";
      return 0;
    }
    return r->stats.inserted_ids.front();
  }

  testing::FakeClock clock_;
  std::unique_ptr<storage::sqlite::SqliteStore> store_;
  std::unique_ptr<IngestService> ingest_;
  core::OrgId org_ = 0;
  core::Source source_;
};

TEST_F(IngestServiceTest, PrepareMatchesWithTheLoadedTopicsAndStoreWritesThoseMatches) {
  const core::TopicId cotton = add_topic("coton");
  add_topic("cacao");
  // Nothing is loaded before the first store: prepare() leaves matching to store().
  auto first = ingest_->prepare(source_, rss("a", "Le coton du Mali"), {});
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->topics, nullptr);
  EXPECT_EQ(matched(store(std::move(*first))), std::vector<core::TopicId>{cotton});

  auto second = ingest_->prepare(source_, rss("b", "Récolte de coton au Bénin"), {});
  ASSERT_TRUE(second) << second.error().message;
  ASSERT_NE(second->topics, nullptr);
  ASSERT_EQ(second->matches.size(), 1U);
  ASSERT_EQ(second->matches.front().size(), 1U);
  EXPECT_EQ(second->matches.front().front().topic_id, cotton);
  EXPECT_EQ(matched(store(std::move(*second))), std::vector<core::TopicId>{cotton});
}

TEST_F(IngestServiceTest, ATopicAddedBetweenPrepareAndStoreIsMatchedByStore) {
  const core::TopicId cotton = add_topic("coton");
  ASSERT_NE(store(*ingest_->prepare(source_, rss("a", "Le coton du Mali"), {})), 0);
  auto doc = ingest_->prepare(source_, rss("b", "Coton et cacao au Togo"), {});
  ASSERT_TRUE(doc) << doc.error().message;
  ASSERT_NE(doc->topics, nullptr);  // prepared with the snapshot that has only "coton"
  const core::TopicId cocoa = add_topic("cacao");
  std::vector<core::TopicId> want{cotton, cocoa};
  std::sort(want.begin(), want.end());
  EXPECT_EQ(matched(store(std::move(*doc))), want);
}

TEST_F(IngestServiceTest, AHighPriorityMatchRaisesOneSignalPerItemWhateverTheOtherMatches) {
  const core::TopicId gold = add_topic("or", core::Priority::High);
  add_topic("mali");
  add_topic("mine", core::Priority::Critical);
  ASSERT_NE(store(*ingest_->prepare(source_, rss("a", "Une mine d'or au Mali"), {})), 0);
  ASSERT_NE(store(*ingest_->prepare(source_, rss("b", "Le prix de l'or"), {})), 0);
  auto signals = store_->list_signals(org_, {});
  ASSERT_TRUE(signals) << signals.error().message;
  // "a": gold and mine (not the normal "mali"); "b": gold.
  ASSERT_EQ(signals->size(), 3U);
  EXPECT_EQ(std::count_if(signals->begin(), signals->end(),
                          [&](const core::Signal& s) { return s.topic_id == gold; }),
            2);
  for (const auto& s : *signals) {
    EXPECT_EQ(s.kind, core::kSignalTopicMatch);
  }
  // Storing "b" again, changed, keeps one signal per topic and item.
  ASSERT_TRUE(ingest_->store(*ingest_->prepare(source_, rss("b", "Le prix de l'or monte"), {})));
  signals = store_->list_signals(org_, {});
  ASSERT_TRUE(signals);
  EXPECT_EQ(signals->size(), 3U);
}

}  // namespace
}  // namespace vigie::service
