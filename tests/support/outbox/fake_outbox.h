// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Fakes for the delivery service's unit tests: an in-memory DeliveryStore (claims, attempts
// and state moves as the contract says), a renderer that turns a delivery into a tiny email
// or webhook, and a mailer and webhook sender whose outcome per target the test chooses.
// All thread-safe.

#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "fetch/webhook_client.h"
#include "service/outbox_renderer.h"
#include "storage/store.h"

namespace vigie::testing {

class FakeDeliveryStore final : public storage::DeliveryStore {
 public:
  // Adds a pending delivery due at `due`; returns its id.
  core::DeliveryId add(core::Delivery d) {
    std::lock_guard lock(mutex_);
    d.id = next_id_++;
    rows_[d.id] = d;
    return d.id;
  }
  void set_give_up_after(std::chrono::seconds delay) override { give_up_ = delay; }
  core::Result<core::Delivery> add_digest(const core::Delivery& digest) override {
    core::Delivery d = digest;
    d.give_up_at = d.created_at + give_up_;
    d.id = add(d);
    return d;
  }
  core::Result<std::vector<core::Delivery>> claim_deliveries(core::Timestamp now,
                                                             core::Timestamp lease_until,
                                                             std::size_t limit) override {
    std::lock_guard lock(mutex_);
    ++claims_;
    std::vector<core::Delivery> out;
    for (auto& [id, d] : rows_) {
      if (out.size() >= limit) {
        break;
      }
      const bool due =
          (d.state == core::DeliveryState::Pending && d.next_attempt_at <= now)
          || (d.state == core::DeliveryState::Sending && d.lease_until && *d.lease_until <= now);
      if (due) {
        d.state = core::DeliveryState::Sending;
        d.lease_until = lease_until;
        out.push_back(d);
      }
    }
    return out;
  }
  core::Status record_attempt(const storage::AttemptResult& r) override {
    std::lock_guard lock(mutex_);
    auto it = rows_.find(r.attempt.delivery_id);
    if (it == rows_.end()) {
      return core::make_error(core::ErrorCode::NotFound, "storage.not_found", "fake");
    }
    auto& d = it->second;
    attempts_[d.id].push_back(r.attempt);
    d.attempts = r.attempt.number;
    d.state = r.new_state;
    d.lease_until.reset();
    if (r.new_state == core::DeliveryState::Sent) {
      d.sent_at = r.attempt.at;
    } else {
      d.last_error = r.attempt.reason;
    }
    if (r.new_state == core::DeliveryState::Pending) {
      d.next_attempt_at = r.next_attempt_at;
    }
    return {};
  }
  core::Status retry_delivery(core::DeliveryId id, core::Timestamp now) override {
    std::lock_guard lock(mutex_);
    auto& d = rows_.at(id);
    d.state = core::DeliveryState::Pending;
    d.next_attempt_at = now;
    d.give_up_at = now + give_up_;
    return {};
  }
  core::Result<core::Delivery> get_delivery(core::DeliveryId id) override {
    std::lock_guard lock(mutex_);
    return rows_.at(id);
  }
  core::Result<std::vector<core::Delivery>> list_deliveries(
      core::OrgId, const storage::DeliveryFilter&) override {
    std::lock_guard lock(mutex_);
    std::vector<core::Delivery> out;
    for (const auto& [id, d] : rows_) {
      out.push_back(d);
    }
    return out;
  }
  core::Result<std::vector<core::DeliveryAttempt>> attempts_of(core::DeliveryId id) override {
    std::lock_guard lock(mutex_);
    return attempts_[id];
  }
  core::Result<core::Signal> get_signal(core::SignalId) override {
    return core::make_error(core::ErrorCode::NotFound, "storage.not_found", "fake");
  }
  std::size_t claims() const {
    std::lock_guard lock(mutex_);
    return claims_;
  }

 private:
  mutable std::mutex mutex_;
  std::map<core::DeliveryId, core::Delivery> rows_;
  std::map<core::DeliveryId, std::vector<core::DeliveryAttempt>> attempts_;
  core::DeliveryId next_id_ = 1;
  std::chrono::seconds give_up_{48 * 3600};
  std::size_t claims_ = 0;
};

// Email deliveries become "To: <target>" messages; webhooks a body naming the delivery.
// Targets listed in `fail_render` fail with the given error.
class FakeRenderer final : public service::OutboxRenderer {
 public:
  std::map<std::string, core::Error> fail_render;
  core::Result<service::Outgoing> render(const core::Delivery& d, core::Timestamp) override {
    if (auto it = fail_render.find(d.target); it != fail_render.end()) {
      return tl::unexpected(it->second);
    }
    if (d.channel == core::Channel::Webhook) {
      return service::OutgoingWebhook{d.target,
                                      {{"X-Vigie-Delivery", std::to_string(d.id)}},
                                      "{\"delivery\":" + std::to_string(d.id) + "}"};
    }
    return service::OutgoingEmail{{"veille@cci.example", d.target}, "To: " + d.target + "\r\n"};
  }
};

// Sends succeed unless the recipient has a scripted outcome (consumed in order; the last one
// repeats). `before_send`, when set, runs first (to block a send in concurrency tests).
class FakeMailer final : public mail::Mailer {
 public:
  mail::SendOutcome send(const mail::Envelope& e, std::string_view) override {
    if (before_send) {
      before_send(e.to);
    }
    std::lock_guard lock(mutex_);
    sent_to_.push_back(e.to);
    auto it = script.find(e.to);
    if (it == script.end() || it->second.empty()) {
      return {mail::SendStatus::Sent, 250, "", "ok"};
    }
    auto o = it->second.front();
    if (it->second.size() > 1) {
      it->second.erase(it->second.begin());
    }
    return o;
  }
  std::vector<std::string> sent_to() const {
    std::lock_guard lock(mutex_);
    return sent_to_;
  }
  std::map<std::string, std::vector<mail::SendOutcome>> script;  // set before the pass
  std::function<void(const std::string&)> before_send;

 private:
  mutable std::mutex mutex_;
  std::vector<std::string> sent_to_;
};

// Answers 200 unless the URL has a scripted status (408, 429, 5xx transient, others
// permanent, as fetch/webhook_client.h classifies them).
class FakeWebhookClient final : public fetch::WebhookClient {
 public:
  fetch::PostOutcome post_json(const std::string& url,
                               const std::vector<std::pair<std::string, std::string>>&,
                               std::string_view body) override {
    std::lock_guard lock(mutex_);
    posted.emplace_back(url, std::string(body));
    auto it = statuses.find(url);
    const int status = it == statuses.end() ? 200 : it->second;
    fetch::PostOutcome o;
    o.http_status = status;
    o.sent = status >= 200 && status < 300;
    o.transient = status == 408 || status == 429 || status >= 500;
    o.reason = o.sent ? "" : "fetch.http_" + std::to_string(status);
    return o;
  }
  std::map<std::string, int> statuses;
  std::vector<std::pair<std::string, std::string>> posted;

 private:
  std::mutex mutex_;
};

}  // namespace vigie::testing
