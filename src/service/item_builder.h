// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Turns one parsed feed entry into a storable Item: identity (GUID, canonical URL, content
// hash), plain text for the index, language, SimHash. Pure and thread-safe.

#include "core/feed.h"
#include "core/model.h"

namespace vigie::service {

// `feed_language` is the feed's declared language (hint for detection; may be empty).
core::Item build_item(const core::Source& source, const core::FeedEntry& entry,
                      std::string_view feed_language, core::Timestamp fetched_at);

}  // namespace vigie::service
