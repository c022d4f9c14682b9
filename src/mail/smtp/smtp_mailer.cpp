// SPDX-License-Identifier: AGPL-3.0-or-later
#include "mail/smtp/smtp_mailer.h"

#include <cstring>

#include <curl/curl.h>
#include <fmt/format.h>

namespace vigie::mail::smtp {
namespace {

struct ReadState {
  std::string_view data;
  std::size_t offset = 0;
};

std::size_t read_body(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* state = static_cast<ReadState*>(user);
  const std::size_t room = size * count;
  const std::size_t n = std::min(room, state->data.size() - state->offset);
  std::memcpy(buffer, state->data.data() + state->offset, n);
  state->offset += n;
  return n;
}

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

SendOutcome classify(int curl_code, long smtp_code, std::string detail) {
  SendOutcome o;
  o.smtp_code = static_cast<int>(smtp_code);
  o.detail = std::move(detail);
  if (curl_code == CURLE_OK) {
    o.status = SendStatus::Sent;
    return o;
  }
  switch (curl_code) {
    case CURLE_LOGIN_DENIED:
      // A configuration problem of ours, not a bounce: keep the delivery and retry.
      o.status = SendStatus::Transient;
      o.reason = "mail.auth_failed";
      return o;
    case CURLE_USE_SSL_FAILED:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
      o.status = SendStatus::Transient;
      o.reason = "mail.tls_failed";
      return o;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
      o.status = SendStatus::Transient;
      o.reason = "mail.unreachable";
      return o;
    case CURLE_OPERATION_TIMEDOUT:
      o.status = SendStatus::Transient;
      o.reason = "mail.timeout";
      return o;
    default:
      break;
  }
  // The dialogue failed on a reply: the code says whether the server refused for good.
  if (smtp_code >= 500 && smtp_code < 600) {
    o.status = SendStatus::Permanent;
    o.reason = "mail.rejected";
  } else if (smtp_code >= 400 && smtp_code < 500) {
    o.status = SendStatus::Transient;
    o.reason = "mail.deferred";
  } else {
    o.status = SendStatus::Transient;
    o.reason = "mail.failed";
  }
  return o;
}

core::Result<std::unique_ptr<SmtpMailer>> SmtpMailer::create(const SmtpOptions& options) {
  if (!starts_with(options.url, "smtp://") && !starts_with(options.url, "smtps://")) {
    return core::make_error(core::ErrorCode::InvalidInput, "mail.invalid_url",
                            "mail: the SMTP URL must start with smtp:// or smtps://");
  }
  curl_global_init(CURL_GLOBAL_DEFAULT);  // idempotent after the first call
  return std::unique_ptr<SmtpMailer>(new SmtpMailer(options));
}

SendOutcome SmtpMailer::send(const Envelope& envelope, std::string_view message) {
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) {
    return {SendStatus::Transient, 0, "mail.failed", "mail: curl_easy_init failed"};
  }
  CURL* c = curl.get();
  // The path of an smtp URL is the EHLO domain.
  std::string url = options_.url;
  if (url.find('/', url.find("://") + 3) == std::string::npos) {
    url += "/" + options_.helo_domain;
  }
  const std::string from = "<" + envelope.from + ">";
  std::unique_ptr<curl_slist, SlistDeleter> rcpt(
      curl_slist_append(nullptr, ("<" + envelope.to + ">").c_str()));
  ReadState body{message, 0};
  char error[CURL_ERROR_SIZE] = {0};

  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt.get());
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_READFUNCTION, read_body);
  curl_easy_setopt(c, CURLOPT_READDATA, &body);
  curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
  curl_easy_setopt(
      c, CURLOPT_USE_SSL,
      options_.require_tls ? static_cast<long>(CURLUSESSL_ALL) : static_cast<long>(CURLUSESSL_TRY));
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, options_.verify_peer ? 1L : 0L);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, options_.verify_peer ? 2L : 0L);
  if (!options_.ca_file.empty()) {
    curl_easy_setopt(c, CURLOPT_CAINFO, options_.ca_file.c_str());
  }
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, static_cast<long>(options_.connect_timeout.count()));
  curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(options_.total_timeout.count()));
  // libcurl waits for the reply to the end of DATA outside CURLOPT_TIMEOUT, up to this
  // separate limit (two minutes by default): without it a slow server holds a sender that long.
  curl_easy_setopt(c, CURLOPT_SERVER_RESPONSE_TIMEOUT,
                   static_cast<long>(options_.total_timeout.count()));
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_NOPROXY, "*");  // never through a proxy from the environment
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);

  const CURLcode rc = curl_easy_perform(c);
  long code = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
  std::string detail = rc == CURLE_OK
                           ? std::string()
                           : fmt::format("smtp: {} (curl {}: {}), last reply {}",
                                         error[0] != 0 ? error : curl_easy_strerror(rc),
                                         static_cast<int>(rc), curl_easy_strerror(rc), code);
  return classify(static_cast<int>(rc), code, std::move(detail));
}

}  // namespace vigie::mail::smtp
