// SPDX-License-Identifier: AGPL-3.0-or-later
#include "service/delivery_service.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <random>
#include <thread>
#include <vector>

#include <fmt/format.h>

namespace vigie::service {
namespace {

struct Outcome {
  mail::SendStatus status = mail::SendStatus::Transient;
  int code = 0;
  std::string reason;
  std::string detail;
};

const char* outcome_name(mail::SendStatus s) {
  switch (s) {
    case mail::SendStatus::Sent:
      return "sent";
    case mail::SendStatus::Permanent:
      return "permanent";
    case mail::SendStatus::Transient:
      break;
  }
  return "transient";
}

struct Sender {
  mail::Mailer& mailer;
  fetch::WebhookClient& webhooks;
  Outcome operator()(const OutgoingEmail& e) const {
    auto o = mailer.send(e.envelope, e.message);
    return {o.status, o.smtp_code, std::move(o.reason), std::move(o.detail)};
  }
  Outcome operator()(const OutgoingWebhook& w) const {
    auto o = webhooks.post_json(w.url, w.headers, w.body);
    const auto status = o.sent        ? mail::SendStatus::Sent
                        : o.transient ? mail::SendStatus::Transient
                                      : mail::SendStatus::Permanent;
    return {status, o.http_status, std::move(o.reason), std::move(o.detail)};
  }
};

void add(DeliveryReport& into, const DeliveryReport& r) {
  into.claimed += r.claimed;
  into.sent += r.sent;
  into.retrying += r.retrying;
  into.failed += r.failed;
  into.errors += r.errors;
}

}  // namespace

std::chrono::seconds retry_delay(int attempt, double u, std::chrono::seconds first,
                                 std::chrono::seconds cap) {
  std::chrono::seconds d = first;
  for (int i = 1; i < attempt && d < cap; ++i) {
    d *= 2;
  }
  d = std::min(d, cap);
  u = std::clamp(u, 0.0, 1.0);
  const auto half = static_cast<double>(d.count()) / 2.0;
  return std::chrono::seconds(static_cast<std::int64_t>(std::llround(half + u * half)));
}

DeliveryService::DeliveryService(storage::DeliveryStore& outbox, OutboxRenderer& renderer,
                                 mail::Mailer& mailer, fetch::WebhookClient& webhooks,
                                 const core::Clock& clock, DeliveryOptions options,
                                 std::function<double()> random01)
    : outbox_(outbox),
      renderer_(renderer),
      mailer_(mailer),
      webhooks_(webhooks),
      clock_(clock),
      options_(options),
      random_(std::move(random01)) {
  options_.workers = std::max<std::size_t>(options_.workers, 1);
  options_.claim_batch = std::max<std::size_t>(options_.claim_batch, 1);
  if (!random_) {
    random_ = [gen = std::mt19937_64(std::random_device{}())]() mutable {
      return std::uniform_real_distribution<double>(0.0, 1.0)(gen);
    };
  }
}

double DeliveryService::random01() {
  std::lock_guard lock(random_mutex_);
  return random_();
}

void DeliveryService::deliver(const core::Delivery& delivery, DeliveryReport& report) {
  const core::Timestamp started = clock_.now();
  storage::AttemptResult result;
  result.attempt.delivery_id = delivery.id;
  result.attempt.number = delivery.attempts + 1;
  Outcome outcome;
  if (started >= delivery.give_up_at) {
    // Claimed too late (the workers were down): an alert days old is no longer news.
    outcome = {mail::SendStatus::Permanent, 0, "outbox.gave_up",
               "not sent: the give-up time had passed"};
  } else if (auto rendered = renderer_.render(delivery, started); !rendered) {
    const auto code = rendered.error().code;
    const bool permanent = code == core::ErrorCode::NotFound
                           || code == core::ErrorCode::PermissionDenied
                           || code == core::ErrorCode::InvalidInput;
    outcome = {permanent ? mail::SendStatus::Permanent : mail::SendStatus::Transient, 0,
               rendered.error().reason, rendered.error().message};
  } else {
    outcome = std::visit(Sender{mailer_, webhooks_}, *rendered);
  }
  const core::Timestamp now = clock_.now();
  result.attempt.at = now;
  result.attempt.code = outcome.code;
  result.attempt.outcome = outcome_name(outcome.status);
  result.attempt.reason = outcome.reason;
  result.attempt.detail = outcome.detail;
  switch (outcome.status) {
    case mail::SendStatus::Sent:
      result.new_state = core::DeliveryState::Sent;
      ++report.sent;
      break;
    case mail::SendStatus::Permanent:
      result.new_state = core::DeliveryState::Failed;
      ++report.failed;
      break;
    case mail::SendStatus::Transient: {
      const auto next = now
                        + retry_delay(result.attempt.number, random01(), options_.first_retry,
                                      options_.max_retry);
      if (next >= delivery.give_up_at) {
        result.new_state = core::DeliveryState::Failed;
        result.attempt.reason = "outbox.gave_up";
        result.attempt.detail = fmt::format("{}: {}", outcome.reason, outcome.detail);
        ++report.failed;
      } else {
        result.new_state = core::DeliveryState::Pending;
        result.next_attempt_at = next;
        ++report.retrying;
      }
      break;
    }
  }
  if (auto st = outbox_.record_attempt(result); !st) {
    // The row stays Sending; its lease expires and another pass sends it again (same
    // Message-ID).
    ++report.errors;
  }
}

namespace {

template <class T>
core::Result<T> not_found_as_outbox(core::Result<T> r, core::DeliveryId id) {
  if (!r && r.error().code == core::ErrorCode::NotFound) {
    return core::make_error(core::ErrorCode::NotFound, "outbox.not_found",
                            fmt::format("outbox: no delivery {}", id));
  }
  return r;
}

}  // namespace

core::Result<std::vector<core::Delivery>> DeliveryService::list(
    core::OrgId org, const storage::DeliveryFilter& filter) {
  return outbox_.list_deliveries(org, filter);
}

core::Result<core::Delivery> DeliveryService::get(core::DeliveryId id) {
  return not_found_as_outbox(outbox_.get_delivery(id), id);
}

core::Result<std::vector<core::DeliveryAttempt>> DeliveryService::attempts_of(core::DeliveryId id) {
  if (auto d = get(id); !d) {
    return tl::unexpected(d.error());
  }
  return outbox_.attempts_of(id);
}

core::Status DeliveryService::retry(core::DeliveryId id) {
  auto st = not_found_as_outbox(outbox_.retry_delivery(id, clock_.now()), id);
  if (!st && st.error().code == core::ErrorCode::Conflict) {
    return core::make_error(core::ErrorCode::Conflict, "outbox.not_retryable",
                            fmt::format("outbox: delivery {} is not failed or cancelled", id));
  }
  return st;
}

core::Result<DeliveryReport> DeliveryService::run_pass() {
  std::atomic<std::size_t> budget{options_.max_per_pass};
  std::atomic<bool> any_claim_ok{false};
  std::vector<DeliveryReport> reports(options_.workers);
  std::vector<core::Error> errors(options_.workers);
  {
    std::vector<std::jthread> threads;
    threads.reserve(options_.workers);
    for (std::size_t i = 0; i < options_.workers; ++i) {
      threads.emplace_back([this, i, &budget, &any_claim_ok, &reports, &errors] {
        // A thread entry point: nothing may escape (STYLE.md H4).
        try {
          for (;;) {
            const std::size_t left = budget.load();
            if (left == 0) {
              return;
            }
            const core::Timestamp now = clock_.now();
            auto claimed = outbox_.claim_deliveries(now, now + options_.lease,
                                                    std::min(options_.claim_batch, left));
            if (!claimed) {
              errors[i] = claimed.error();
              return;
            }
            any_claim_ok = true;
            if (claimed->empty()) {
              return;
            }
            budget -= std::min(budget.load(), claimed->size());
            reports[i].claimed += claimed->size();
            for (const auto& d : *claimed) {
              deliver(d, reports[i]);
            }
          }
        } catch (const std::exception& e) {
          errors[i] = {core::ErrorCode::Internal, "outbox.internal",
                       std::string("outbox: ") + e.what()};
        }
      });
    }
  }
  DeliveryReport total;
  for (const auto& r : reports) {
    add(total, r);
  }
  if (!any_claim_ok) {
    for (const auto& e : errors) {
      if (!e.reason.empty()) {
        return tl::unexpected(e);
      }
    }
  }
  return total;
}

}  // namespace vigie::service
