// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// A plain Composer: short text-and-HTML alerts and digests in French or English and a small
// JSON body for webhooks. Stands in until the full templates of publish/ are wired
// (TODO(#4): replace with the publish composer once merged). Pure and thread-safe.

#include "service/composer.h"

namespace vigie::service {

class BasicComposer final : public Composer {
 public:
  core::Result<mail::Message> alert_email(const AlertContent& content) override;
  core::Result<mail::Message> digest_email(const DigestContent& content) override;
  core::Result<std::string> alert_webhook(const AlertContent& content) override;
  core::Result<std::string> digest_webhook(const DigestContent& content) override;
};

}  // namespace vigie::service
