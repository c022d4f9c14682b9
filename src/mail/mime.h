// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Composing an email as bytes (RFC 5322, MIME, RFC 2047): pure, no I/O. Every message Vigie
// sends is multipart/alternative with a UTF-8 text part and a UTF-8 HTML part, both
// quoted-printable, CRLF line ends and no line over 78 characters, so it survives old relays.
// Header values are either plain ASCII or RFC 2047 encoded words; CR and LF never reach a
// header from a value (header injection is impossible by construction).

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/time.h"

namespace vigie::mail {

struct Mailbox {
  std::string address;  // validated by the caller (service::is_valid_email)
  std::string name;     // display name, any UTF-8; may be empty
};

struct Message {
  Mailbox from;
  Mailbox to;
  std::string subject;  // UTF-8
  std::string text;     // UTF-8 plain text
  std::string html;     // UTF-8 HTML document or fragment; empty: a text-only message
  // "<local@domain>": the idempotency key of a delivery, so a resend is recognisable.
  std::string message_id;
  core::Timestamp date{};
  // Extra headers (List-Unsubscribe, List-Unsubscribe-Post, Auto-Submitted...): names must be
  // plain header names; values are folded and encoded like the others.
  std::vector<std::pair<std::string, std::string>> headers;
};

// The whole message, ready for SMTP DATA. `boundary` separates the parts; it must not occur
// in the encoded bodies (quoted-printable output never contains "=_" followed by our prefix,
// so any "=_vigie..." string is safe).
std::string render(const Message& message, std::string_view boundary);

// Pieces exposed for tests.
std::string encode_quoted_printable(std::string_view utf8);
// A header value as RFC 2047 encoded words when it is not plain printable ASCII; folded.
std::string encode_header_value(std::string_view utf8, std::size_t name_length);
// "Name <address>" with the name quoted or encoded as needed.
std::string format_mailbox(const Mailbox& mailbox, std::size_t name_length);

}  // namespace vigie::mail
