// SPDX-License-Identifier: AGPL-3.0-or-later
// The contract every storage::Store backend passes (STYLE.md H5). One suite, parameterised by
// backend factory; PostgreSQL joins the list when its backend exists (issue #2 leaves the seam).
#include <functional>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "backends.h"
#include "storage/store.h"
#include "support/temp_dir.h"

namespace vigie::storage {
namespace {

class StoreContractTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    store_ = GetParam().open(dir_);
    ASSERT_NE(store_, nullptr);
    auto op = store_->ensure_operator("CCI Test");
    ASSERT_TRUE(op) << op.error().message;
    org_ = op->id;
  }

  core::Source add_feed(const std::string& url, core::Timestamp next = core::from_unix(0)) {
    core::Source s;
    s.org_id = org_;
    s.url = url;
    s.title = "Feed " + url;
    s.tags = {"Agriculture", "Coton"};
    s.health.next_check_at = next;
    auto added = store_->add_source(s);
    EXPECT_TRUE(added) << added.error().message;
    return added.value_or(core::Source{});
  }

  core::Item make_item(const core::Source& src, const std::string& guid, const std::string& text) {
    core::Item it;
    it.org_id = org_;
    it.source_id = src.id;
    it.guid = guid;
    it.url = "https://news.example/" + guid;
    it.canonical_url = it.url;
    it.title = "Title " + guid;
    it.text = text;
    it.content_hash = "hash-" + text;
    it.fetched_at = core::from_unix(1'767'225'600);
    it.published_at = core::from_unix(1'767'000'000);
    it.lang = "fr";
    it.simhash = 0xF000'0000'0000'0001ULL;  // high bit set: must survive the signed column
    it.categories = {"coton", "prix"};
    return it;
  }

  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
  core::OrgId org_ = 0;
};

TEST_P(StoreContractTest, EnsureOperatorIsIdempotent) {
  auto again = store_->ensure_operator("CCI Test");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->id, org_);
  auto member = store_->create_member(org_, "Filature du Sahel");
  ASSERT_TRUE(member);
  EXPECT_EQ(member->operator_id, org_);
  auto orgs = store_->list_orgs();
  ASSERT_TRUE(orgs);
  EXPECT_EQ(orgs->size(), 2U);
  auto dup = store_->create_member(org_, "Filature du Sahel");
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().code, core::ErrorCode::Conflict);
}

TEST_P(StoreContractTest, AddsListsUpdatesAndRemovesSources) {
  core::Source a = add_feed("https://a.example/feed");
  EXPECT_GT(a.id, 0);
  EXPECT_EQ(a.tags, (std::vector<std::string>{"Agriculture", "Coton"}));

  core::Source dup;
  dup.org_id = org_;
  dup.url = "https://a.example/feed";
  auto conflict = store_->add_source(dup);
  ASSERT_FALSE(conflict);
  EXPECT_EQ(conflict.error().code, core::ErrorCode::Conflict);
  EXPECT_EQ(conflict.error().reason, "storage.conflict");

  a.title = "Renamed";
  a.country = "BF";
  ASSERT_TRUE(store_->update_source(a));
  auto found = store_->find_source_by_url(org_, "https://a.example/feed");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->title, "Renamed");
  EXPECT_EQ(found->country, "BF");

  add_feed("https://b.example/feed");
  auto all = store_->list_sources(org_);
  ASSERT_TRUE(all);
  EXPECT_EQ(all->size(), 2U);

  ASSERT_TRUE(store_->remove_source(a.id));
  auto gone = store_->get_source(a.id);
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().code, core::ErrorCode::NotFound);
  auto missing = store_->remove_source(a.id);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, core::ErrorCode::NotFound);
}

TEST_P(StoreContractTest, DueSourcesAreTheEnabledOnesWhoseTimeHasCome) {
  core::Source late = add_feed("https://late.example/feed", core::from_unix(2000));
  core::Source early = add_feed("https://early.example/feed", core::from_unix(1000));
  core::Source later = add_feed("https://future.example/feed", core::from_unix(5000));
  core::Source off = add_feed("https://off.example/feed", core::from_unix(0));
  off.enabled = false;
  ASSERT_TRUE(store_->update_source(off));
  (void)later;

  auto due = store_->due_sources(core::from_unix(3000), 10);
  ASSERT_TRUE(due);
  ASSERT_EQ(due->size(), 2U);
  EXPECT_EQ((*due)[0].id, early.id);
  EXPECT_EQ((*due)[1].id, late.id);
  auto one = store_->due_sources(core::from_unix(3000), 1);
  ASSERT_TRUE(one);
  EXPECT_EQ(one->size(), 1U);
}

TEST_P(StoreContractTest, RecordsFetchHealth) {
  core::Source s = add_feed("https://a.example/feed");
  core::SourceHealth h;
  h.last_attempt_at = core::from_unix(100);
  h.last_error_reason = "fetch.http_503";
  h.last_error_message = "fetch: HTTP 503 from a.example";
  h.consecutive_failures = 3;
  h.next_check_at = core::from_unix(900);
  h.etag = "\"abc\"";
  h.last_modified = "Tue, 03 Mar 2026 10:00:00 GMT";
  h.interval_seconds = 1800;
  ASSERT_TRUE(store_->record_fetch_outcome(s.id, h));
  auto got = store_->get_source(s.id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->health.last_attempt_at, h.last_attempt_at);
  EXPECT_FALSE(got->health.last_success_at.has_value());
  EXPECT_EQ(got->health.last_error_reason, h.last_error_reason);
  EXPECT_EQ(got->health.consecutive_failures, 3);
  EXPECT_EQ(got->health.next_check_at, h.next_check_at);
  EXPECT_EQ(got->health.etag, h.etag);
  EXPECT_EQ(got->health.last_modified, h.last_modified);
  EXPECT_EQ(got->health.interval_seconds, 1800);
}

TEST_P(StoreContractTest, StoresEachItemOncePerSource) {
  core::Source s = add_feed("https://a.example/feed");
  std::vector<core::Item> items = {make_item(s, "g1", "coton"), make_item(s, "g2", "cajou")};
  auto first = store_->upsert_items(s.id, items);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->inserted, 2U);
  EXPECT_EQ(first->inserted_ids.size(), 2U);

  auto again = store_->upsert_items(s.id, items);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->inserted, 0U);
  EXPECT_EQ(again->unchanged, 2U);

  // Same GUID, new text: an update, not a new item.
  items[0].text = "coton graine";
  items[0].content_hash = "hash-coton graine";
  // A new GUID but the same canonical URL: the same item (feeds that regenerate GUIDs).
  core::Item regen = make_item(s, "g2-regenerated", "cajou");
  regen.canonical_url = items[1].canonical_url;
  // A new GUID and URL with the same content hash: the same item again.
  core::Item copy = make_item(s, "g3", "cajou");
  copy.canonical_url = "https://news.example/other";
  std::vector<core::Item> batch = {items[0], regen, copy};
  auto third = store_->upsert_items(s.id, batch);
  ASSERT_TRUE(third);
  EXPECT_EQ(third->updated, 1U);
  EXPECT_EQ(third->unchanged, 2U);
  EXPECT_EQ(third->inserted, 0U);

  auto count = store_->count_items(org_);
  ASSERT_TRUE(count);
  EXPECT_EQ(*count, 2U);

  // Another source may hold the same story: stored once per source, not once overall.
  core::Source other = add_feed("https://b.example/feed");
  std::vector<core::Item> mirrored = {make_item(other, "g1", "coton")};
  auto fourth = store_->upsert_items(other.id, mirrored);
  ASSERT_TRUE(fourth);
  EXPECT_EQ(fourth->inserted, 1U);
}

TEST_P(StoreContractTest, RoundTripsEveryItemField) {
  core::Source s = add_feed("https://a.example/feed");
  core::Item it = make_item(s, "g1", "Le prix du coton graine est fixé à 300 FCFA/kg.");
  it.summary_html = "<p>résumé</p>";
  it.content_html = "<p>contenu</p>";
  it.author = "Awa Traoré (awa@aoape.example)";
  it.updated_at = core::from_unix(1'767'100'000);
  std::vector<core::Item> one = {it};
  auto st = store_->upsert_items(s.id, one);
  ASSERT_TRUE(st);
  auto got = store_->get_item(st->inserted_ids.at(0));
  ASSERT_TRUE(got);
  EXPECT_EQ(got->guid, it.guid);
  EXPECT_EQ(got->org_id, org_);
  EXPECT_EQ(got->source_id, s.id);
  EXPECT_EQ(got->title, it.title);
  EXPECT_EQ(got->summary_html, it.summary_html);
  EXPECT_EQ(got->content_html, it.content_html);
  EXPECT_EQ(got->text, it.text);
  EXPECT_EQ(got->author, it.author);
  EXPECT_EQ(got->categories, it.categories);
  EXPECT_EQ(got->published_at, it.published_at);
  EXPECT_EQ(got->updated_at, it.updated_at);
  EXPECT_EQ(got->fetched_at, it.fetched_at);
  EXPECT_EQ(got->lang, "fr");
  EXPECT_EQ(got->simhash, it.simhash);
  EXPECT_EQ(got->content_hash, it.content_hash);
  auto missing = store_->get_item(999'999);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, core::ErrorCode::NotFound);
}

TEST_P(StoreContractTest, LogsEveryChangeForTheSearchIndexInOrder) {
  core::Source s = add_feed("https://a.example/feed");
  std::vector<core::Item> items = {make_item(s, "g1", "a"), make_item(s, "g2", "b")};
  auto st = store_->upsert_items(s.id, items);
  ASSERT_TRUE(st);
  items[1].content_hash = "changed";
  ASSERT_TRUE(store_->upsert_items(s.id, items));

  auto log = store_->index_log_after(0, 100);
  ASSERT_TRUE(log);
  ASSERT_EQ(log->size(), 3U);
  EXPECT_EQ((*log)[0].item_id, st->inserted_ids[0]);
  EXPECT_EQ((*log)[1].item_id, st->inserted_ids[1]);
  EXPECT_EQ((*log)[2].item_id, st->inserted_ids[1]);
  EXPECT_LT((*log)[0].seq, (*log)[1].seq);

  ASSERT_TRUE(store_->trim_index_log((*log)[1].seq));
  auto rest = store_->index_log_after(0, 100);
  ASSERT_TRUE(rest);
  EXPECT_EQ(rest->size(), 1U);
  auto head = store_->index_log_head();
  ASSERT_TRUE(head);
  EXPECT_EQ(*head, (*log)[2].seq);

  ASSERT_TRUE(store_->remove_source(s.id));
  auto removed = store_->index_log_after((*log)[2].seq, 100);
  ASSERT_TRUE(removed);
  ASSERT_EQ(removed->size(), 2U);
  EXPECT_TRUE((*removed)[0].removed);
  auto head_after = store_->index_log_head();
  ASSERT_TRUE(head_after);
  EXPECT_EQ(*head_after, (*removed)[1].seq);
}

TEST_P(StoreContractTest, ListsItemIdsInPagesForReindexing) {
  core::Source s = add_feed("https://a.example/feed");
  std::vector<core::Item> items;
  for (int i = 0; i < 5; ++i) {
    items.push_back(make_item(s, "g" + std::to_string(i), std::to_string(i)));
  }
  ASSERT_TRUE(store_->upsert_items(s.id, items));
  auto page1 = store_->item_ids_after(0, 3);
  ASSERT_TRUE(page1);
  ASSERT_EQ(page1->size(), 3U);
  auto page2 = store_->item_ids_after(page1->back(), 3);
  ASSERT_TRUE(page2);
  EXPECT_EQ(page2->size(), 2U);
  auto fetched = store_->get_items(*page2);
  ASSERT_TRUE(fetched);
  EXPECT_EQ(fetched->size(), 2U);
}

core::Topic make_topic(core::OrgId org, const std::string& name, core::Priority priority) {
  core::Topic t;
  t.org_id = org;
  t.name = name;
  t.description = "Question " + name;
  t.query = "coton OR cajou";
  t.languages = {"fr", "en"};
  t.variants = {{"en", "cotton"}, {"es", "algodón"}};
  t.priority = priority;
  t.audience = core::Audience::Members;
  t.created_at = core::from_unix(1'767'225'600);
  t.updated_at = t.created_at;
  return t;
}

TEST_P(StoreContractTest, AddsFindsUpdatesAndRemovesTopics) {
  auto v0 = store_->topics_version();
  ASSERT_TRUE(v0);
  auto added = store_->add_topic(make_topic(org_, "Coton", core::Priority::High));
  ASSERT_TRUE(added) << added.error().message;
  EXPECT_GT(added->id, 0);
  auto v1 = store_->topics_version();
  ASSERT_TRUE(v1);
  EXPECT_NE(*v1, *v0);

  auto got = store_->get_topic(added->id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->name, "Coton");
  EXPECT_EQ(got->query, "coton OR cajou");
  EXPECT_EQ(got->languages, (std::vector<std::string>{"fr", "en"}));
  EXPECT_EQ(got->variants, (std::vector<core::TopicVariant>{{"en", "cotton"}, {"es", "algodón"}}));
  EXPECT_EQ(got->priority, core::Priority::High);
  EXPECT_EQ(got->audience, core::Audience::Members);
  EXPECT_TRUE(got->enabled);
  EXPECT_EQ(got->created_at, core::from_unix(1'767'225'600));

  auto dup = store_->add_topic(make_topic(org_, "Coton", core::Priority::Normal));
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().code, core::ErrorCode::Conflict);
  auto member = store_->create_member(org_, "Filature");
  ASSERT_TRUE(member);
  EXPECT_TRUE(store_->add_topic(make_topic(member->id, "Coton", core::Priority::Normal)))
      << "names are unique per organisation only";

  core::Topic changed = *got;
  changed.name = "Coton et cajou";
  changed.enabled = false;
  changed.variants.clear();
  changed.updated_at = core::from_unix(1'767'300'000);
  ASSERT_TRUE(store_->update_topic(changed));
  auto v2 = store_->topics_version();
  ASSERT_TRUE(v2);
  EXPECT_NE(*v2, *v1);
  auto found = store_->find_topic_by_name(org_, "Coton et cajou");
  ASSERT_TRUE(found);
  EXPECT_FALSE(found->enabled);
  EXPECT_TRUE(found->variants.empty());
  EXPECT_EQ(found->updated_at, core::from_unix(1'767'300'000));
  EXPECT_FALSE(store_->find_topic_by_name(org_, "Coton"));

  ASSERT_TRUE(store_->add_topic(make_topic(org_, "Anacarde", core::Priority::Normal)));
  auto listed = store_->list_topics(org_);
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 2U);
  EXPECT_EQ(listed->front().name, "Anacarde");

  ASSERT_TRUE(store_->remove_topic(found->id));
  auto gone = store_->get_topic(found->id);
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().code, core::ErrorCode::NotFound);
  auto again = store_->remove_topic(found->id);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, core::ErrorCode::NotFound);
  auto v3 = store_->topics_version();
  ASSERT_TRUE(v3);
  EXPECT_NE(*v3, *v2);
}

TEST_P(StoreContractTest, StoresEveryMatchOfAnItemThatMatchesManyTopics) {
  // Enough topics for rows to go in by several statements and one by one (SQLite batches them).
  core::Source s = add_feed("https://many.example/feed");
  std::vector<core::TopicMatch> want;
  for (int i = 0; i < 37; ++i) {
    auto t =
        store_->add_topic(make_topic(org_, "Sujet " + std::to_string(i),
                                     i % 5 == 0 ? core::Priority::High : core::Priority::Normal));
    ASSERT_TRUE(t) << t.error().message;
    want.push_back({0, t->id, 100.0 - i, {"mot" + std::to_string(i), "\"guillemets\""}});
  }
  const ItemMatcher matcher =
      [&](const core::Item&) -> core::Result<std::vector<core::TopicMatch>> { return want; };
  std::vector<core::Item> items = {make_item(s, "a", "texte")};
  auto st = store_->upsert_items(s.id, items, matcher);
  ASSERT_TRUE(st) << st.error().message;
  ASSERT_EQ(st->inserted_ids.size(), 1U);
  auto got = store_->matches_of_item(st->inserted_ids.front());
  ASSERT_TRUE(got) << got.error().message;
  ASSERT_EQ(got->size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {  // best score first, as added
    EXPECT_EQ((*got)[i].topic_id, want[i].topic_id);
    EXPECT_DOUBLE_EQ((*got)[i].score, want[i].score);
    EXPECT_EQ((*got)[i].matched_terms, want[i].matched_terms);
  }
  SignalFilter all;
  all.limit = 100;
  auto signals = store_->list_signals(org_, all);
  ASSERT_TRUE(signals) << signals.error().message;
  EXPECT_EQ(signals->size(), 8U);  // topics 0, 5, ..., 35 are high
}

TEST_P(StoreContractTest, StoresMatchesAndSignalsWithTheItems) {
  core::Source s = add_feed("https://m.example/feed");
  auto high = store_->add_topic(make_topic(org_, "Coton", core::Priority::High));
  auto normal = store_->add_topic(make_topic(org_, "Cajou", core::Priority::Normal));
  ASSERT_TRUE(high && normal);
  std::vector<core::Item> items = {make_item(s, "a", "coton"), make_item(s, "b", "cajou"),
                                   make_item(s, "c", "rien")};
  std::vector<std::string> seen;
  const ItemMatcher matcher =
      [&](const core::Item& it) -> core::Result<std::vector<core::TopicMatch>> {
    seen.push_back(it.guid);
    if (it.text == "coton") {
      return std::vector<core::TopicMatch>{{0, high->id, 2.5, {"coton"}},
                                           {0, normal->id, 1.0, {"coton"}}};
    }
    if (it.text == "cajou") {
      return std::vector<core::TopicMatch>{{0, normal->id, 1.5, {"cajou"}}};
    }
    return std::vector<core::TopicMatch>{};
  };
  auto st = store_->upsert_items(s.id, items, matcher);
  ASSERT_TRUE(st) << st.error().message;
  ASSERT_EQ(st->inserted_ids.size(), 3U);
  EXPECT_EQ(seen, (std::vector<std::string>{"a", "b", "c"}));
  const core::ItemId a = st->inserted_ids[0];

  auto of_a = store_->matches_of_item(a);
  ASSERT_TRUE(of_a);
  ASSERT_EQ(of_a->size(), 2U);
  EXPECT_EQ((*of_a)[0].topic_id, high->id);
  EXPECT_EQ((*of_a)[0].item_id, a);
  EXPECT_DOUBLE_EQ((*of_a)[0].score, 2.5);
  EXPECT_EQ((*of_a)[0].matched_terms, std::vector<std::string>{"coton"});

  auto page = store_->matches_of_topic(normal->id, 0, 1);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->size(), 1U);
  EXPECT_EQ(page->front().item_id, st->inserted_ids[1]) << "newest item first";
  auto page2 = store_->matches_of_topic(normal->id, 1, 10);
  ASSERT_TRUE(page2);
  ASSERT_EQ(page2->size(), 1U);
  EXPECT_EQ(page2->front().item_id, a);
  EXPECT_EQ(store_->count_matches_of_topic(normal->id).value_or(0), 2U);

  // Only the high-priority topic raised a signal.
  auto signals = store_->list_signals(org_, {});
  ASSERT_TRUE(signals);
  ASSERT_EQ(signals->size(), 1U);
  const core::Signal& sig = signals->front();
  EXPECT_EQ(sig.kind, core::kSignalTopicMatch);
  EXPECT_EQ(sig.severity, core::Priority::High);
  EXPECT_EQ(sig.audience, core::Audience::Members);
  EXPECT_EQ(sig.topic_id, high->id);
  EXPECT_EQ(sig.item_id, a);
  EXPECT_FALSE(sig.story_id);
  EXPECT_EQ(sig.title, "Title a");
  EXPECT_EQ(sig.state, core::SignalState::New);
  EXPECT_EQ(sig.created_at, items[0].fetched_at);

  // Unchanged items are not matched again; a changed item's matches are replaced and its
  // signal is not raised twice.
  seen.clear();
  items[0].content_hash = "hash-changed";
  auto again = store_->upsert_items(s.id, items, matcher);
  ASSERT_TRUE(again);
  EXPECT_EQ(seen, std::vector<std::string>{"a"});
  EXPECT_EQ(store_->list_signals(org_, {}).value_or(std::vector<core::Signal>{}).size(), 1U);

  // A matcher error rolls the whole batch back.
  const ItemMatcher failing = [](const core::Item&) -> core::Result<std::vector<core::TopicMatch>> {
    return core::make_error(core::ErrorCode::Internal, "service.test", "boom");
  };
  auto failed =
      store_->upsert_items(s.id, std::vector<core::Item>{make_item(s, "d", "neuf")}, failing);
  ASSERT_FALSE(failed);
  EXPECT_EQ(store_->count_items(org_).value_or(0), 3U);

  // Removing the topic drops its matches and keeps its signals, without the topic.
  ASSERT_TRUE(store_->remove_topic(high->id));
  auto after = store_->matches_of_item(a);
  ASSERT_TRUE(after);
  ASSERT_EQ(after->size(), 1U);
  EXPECT_EQ(after->front().topic_id, normal->id);
  auto kept = store_->list_signals(org_, {});
  ASSERT_TRUE(kept);
  ASSERT_EQ(kept->size(), 1U);
  EXPECT_FALSE(kept->front().topic_id);
}

TEST_P(StoreContractTest, AddsListsAndUpdatesSignals) {
  core::Signal alert;
  alert.org_id = org_;
  alert.kind = std::string(core::kSignalAnalystAlert);
  alert.severity = core::Priority::Critical;
  alert.story_id = 42;
  alert.title = "Alerte";
  alert.created_at = core::from_unix(1'767'225'600);
  auto a = store_->add_signal(alert);
  ASSERT_TRUE(a);
  alert.kind = "finance_alert";
  alert.story_id.reset();
  auto b = store_->add_signal(alert);
  ASSERT_TRUE(b);
  EXPECT_GT(b->id, a->id);

  auto all = store_->list_signals(org_, {});
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 2U);
  EXPECT_EQ(all->front().id, b->id) << "newest first";
  EXPECT_EQ((*all)[1].story_id, 42);

  ASSERT_TRUE(store_->set_signal_state(a->id, core::SignalState::Reviewed));
  SignalFilter by_state;
  by_state.state = core::SignalState::Reviewed;
  auto reviewed = store_->list_signals(org_, by_state);
  ASSERT_TRUE(reviewed);
  ASSERT_EQ(reviewed->size(), 1U);
  EXPECT_EQ(reviewed->front().id, a->id);
  SignalFilter by_kind;
  by_kind.kind = "finance_alert";
  auto finance = store_->list_signals(org_, by_kind);
  ASSERT_TRUE(finance);
  ASSERT_EQ(finance->size(), 1U);
  EXPECT_EQ(finance->front().id, b->id);
  SignalFilter second_page;
  second_page.offset = 1;
  second_page.limit = 5;
  auto paged = store_->list_signals(org_, second_page);
  ASSERT_TRUE(paged);
  ASSERT_EQ(paged->size(), 1U);
  EXPECT_EQ(paged->front().id, a->id);
  auto missing = store_->set_signal_state(9999, core::SignalState::Closed);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, core::ErrorCode::NotFound);
}

TEST_P(StoreContractTest, FindsOrganisationsByIdAndName) {
  auto member = store_->create_member(org_, "SOCOMA");
  ASSERT_TRUE(member);
  auto by_id = store_->get_org(member->id);
  ASSERT_TRUE(by_id);
  EXPECT_EQ(by_id->name, "SOCOMA");
  EXPECT_EQ(by_id->operator_id, org_);
  auto by_name = store_->find_org_by_name("CCI Test");
  ASSERT_TRUE(by_name);
  EXPECT_EQ(by_name->kind, core::OrgKind::Operator);
  EXPECT_EQ(store_->get_org(9999).error().reason, "storage.not_found");
  EXPECT_EQ(store_->find_org_by_name("nobody").error().reason, "storage.not_found");
}

TEST_P(StoreContractTest, CreatesFindsUpdatesAndRemovesUsers) {
  core::User u;
  u.email = "Awa.Diallo@cci.example";
  u.name = "Awa Diallo";
  u.lang = "fr";
  u.created_at = core::from_unix(1'767'225'600);
  auto created = store_->create_user(u);
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_GT(created->id, 0);

  // Emails are unique without regard to case.
  auto found = store_->find_user_by_email("awa.diallo@CCI.example");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, created->id);
  EXPECT_EQ(found->email, "Awa.Diallo@cci.example");
  EXPECT_EQ(found->created_at, u.created_at);
  core::User dup = u;
  dup.email = "awa.diallo@cci.example";
  EXPECT_EQ(store_->create_user(dup).error().reason, "storage.conflict");

  core::User changed = *found;
  changed.lang = "en";
  changed.active = false;
  ASSERT_TRUE(store_->update_user(changed));
  auto again = store_->get_user(created->id);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->lang, "en");
  EXPECT_FALSE(again->active);

  ASSERT_TRUE(store_->remove_user(created->id));
  EXPECT_EQ(store_->get_user(created->id).error().reason, "storage.not_found");
  EXPECT_EQ(store_->remove_user(created->id).error().reason, "storage.not_found");
  core::User ghost;
  ghost.id = created->id;
  ghost.email = "ghost@cci.example";
  EXPECT_EQ(store_->update_user(ghost).error().reason, "storage.not_found");
}

TEST_P(StoreContractTest, KeepsOneMembershipPerUserAndOrganisation) {
  auto member = store_->create_member(org_, "SOCOMA");
  ASSERT_TRUE(member);
  core::User u;
  u.email = "moussa@socoma.example";
  auto user = store_->create_user(u);
  ASSERT_TRUE(user);
  core::User other_user;
  other_user.email = "other@cci.example";
  ASSERT_TRUE(store_->create_user(other_user));

  ASSERT_TRUE(store_->set_membership({user->id, member->id, core::Role::Member}));
  ASSERT_TRUE(store_->set_membership({user->id, org_, core::Role::Analyst}));
  ASSERT_TRUE(store_->set_membership({user->id, org_, core::Role::Admin}));  // role changes
  auto ms = store_->memberships_of(user->id);
  ASSERT_TRUE(ms);
  ASSERT_EQ(ms->size(), 2U);
  EXPECT_EQ((*ms)[0].org_id, org_);
  EXPECT_EQ((*ms)[0].role, core::Role::Admin);
  EXPECT_EQ((*ms)[1].org_id, member->id);

  auto of_member = store_->list_users(member->id);
  ASSERT_TRUE(of_member);
  ASSERT_EQ(of_member->size(), 1U);
  EXPECT_EQ((*of_member)[0].email, "moussa@socoma.example");
  auto everyone = store_->list_users(std::nullopt);
  ASSERT_TRUE(everyone);
  EXPECT_EQ(everyone->size(), 2U);

  EXPECT_EQ(store_->set_membership({9999, org_, core::Role::Admin}).error().reason,
            "storage.not_found");
  EXPECT_EQ(store_->set_membership({user->id, 9999, core::Role::Admin}).error().reason,
            "storage.not_found");
  ASSERT_TRUE(store_->remove_membership(user->id, member->id));
  EXPECT_EQ(store_->remove_membership(user->id, member->id).error().reason, "storage.not_found");

  // Removing the user removes the remaining membership.
  ASSERT_TRUE(store_->remove_user(user->id));
  auto left = store_->list_users(org_);
  ASSERT_TRUE(left);
  EXPECT_TRUE(left->empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreContractTest, store_backends(), backend_name);

}  // namespace
}  // namespace vigie::storage
