// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// CurlWebhookClient: WebhookClient over libcurl (fetch/webhook_client.h for the behaviour and
// the outcome rules). It takes the FetchOptions of the feed client: the same SSRF guard and
// allow-list, timeouts, proxy and CA settings. Redirects are never followed, and nothing of
// the feed client's politeness applies (one POST per delivery). Only main/ and tests name this
// class.
//
// Thread-safety: post_json may be called from several threads at once (each call has its own
// easy handle; options and policy are immutable).

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.h"
#include "fetch/address_policy.h"
#include "fetch/fetch_options.h"
#include "fetch/webhook_client.h"

namespace vigie::fetch {

class CurlWebhookClient final : public WebhookClient {
 public:
  // Returns fetch.invalid_options (see validate_fetch_options) or fetch.internal when libcurl
  // cannot be initialised.
  static core::Result<std::unique_ptr<CurlWebhookClient>> create(FetchOptions options);

  // See WebhookClient::post_json. Blocks for at most options.total_timeout.
  PostOutcome post_json(const std::string& url,
                        const std::vector<std::pair<std::string, std::string>>& headers,
                        std::string_view body) override;

 private:
  CurlWebhookClient(FetchOptions options, AddressPolicy policy)
      : options_(std::move(options)), policy_(std::move(policy)) {}

  FetchOptions options_;
  AddressPolicy policy_;
};

}  // namespace vigie::fetch
