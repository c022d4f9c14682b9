// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// One-click unsubscribe pages (issue #4, item 1; RFC 8058). The link in every email is
// BASE/unsubscribe/TOKEN:
// - GET shows what the link stops and a button (a plain form, no script), in the subscriber's
//   language; a GET never changes anything, since mail scanners follow links;
// - POST (the mail client's one-click body `List-Unsubscribe=One-Click`, or the form) removes
//   and confirms.
// A token that is malformed, forged or names nothing any more gets a neutral page (400/404
// from the one error mapping) that says nothing about whom it named.
//
// What a token names and the removal itself belong to the subscription service; they are
// injected here as two functions so that this page does not depend on how subscriptions are
// stored (main/ wires them).
//
// Thread-safety: as the injected functions.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "web/http.h"
#include "web/page.h"

namespace vigie::web {

// What an unsubscribe token stops, for the page.
struct UnsubscribeView {
  std::string lang = "fr";  // the subscriber's language: "fr" or "en"
  std::string email;        // where the messages go
  // "immediate" (alerts), "daily" or "weekly" (digests); empty when the token names nothing
  // any more (a second click on a digest link): the page then speaks of "these messages".
  std::string rhythm = "immediate";
  std::vector<std::string> topics;  // the topics' names
};

struct UnsubscribeActions {
  // What the token names, without changing anything. NotFound or InvalidInput for a bad token.
  std::function<core::Result<UnsubscribeView>(std::string_view token)> describe;
  // Removes what the token names and returns what it was. Same errors.
  std::function<core::Result<UnsubscribeView>(std::string_view token)> unsubscribe;
};

class UnsubscribeHandler {
 public:
  UnsubscribeHandler(UnsubscribeActions actions, Translations messages)
      : actions_(std::move(actions)), messages_(messages) {}

  core::Result<Response> show(const Request& request);
  core::Result<Response> confirm(const Request& request);

 private:
  core::Result<Response> invalid_or(const core::Error& error, const Request& request) const;
  std::string what(const UnsubscribeView& view, const core::Messages& m) const;

  UnsubscribeActions actions_;
  Translations messages_;
};

}  // namespace vigie::web
