// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The SSRF guard's libcurl half (DESIGN.md §6 "Fetching"), shared by every transfer that
// leaves the process (feed GETs, webhook POSTs): it checks the address actually connected,
// before the socket is opened and again before each request on a reused connection, against
// the AddressPolicy (fetch/address_policy.h). With a proxy, the hop's host is checked instead.
// Internal to fetch/curl/.
//
// The callbacks catch everything: an exception must never cross libcurl's C frames. Not
// thread-safe; one guard per easy handle, on the thread that drives it. Neither copyable nor
// movable: libcurl keeps its address.

#include <string>

#include <curl/curl.h>

#include "fetch/address_policy.h"
#include "fetch/fetch_options.h"

namespace vigie::fetch::curl {

class AddressGuard {
 public:
  // Requires: options and policy outlive the guard.
  AddressGuard(const FetchOptions& options, const AddressPolicy& policy)
      : options_(options), policy_(policy) {}
  AddressGuard(const AddressGuard&) = delete;
  AddressGuard& operator=(const AddressGuard&) = delete;
  AddressGuard(AddressGuard&&) = delete;
  AddressGuard& operator=(AddressGuard&&) = delete;
  ~AddressGuard() = default;

  // Sets CURLOPT_OPENSOCKETFUNCTION and CURLOPT_PREREQFUNCTION (and their data) on `easy`.
  // False when libcurl refuses an option.
  bool install(CURL* easy);

  // Whether the guard refused some address (the transfer then fails to connect or aborts),
  // and which (an address, or the host in proxy mode).
  bool blocked() const { return blocked_; }
  const std::string& blocked_ip() const { return blocked_ip_; }
  // A callback ran out of memory (the transfer was aborted).
  bool out_of_memory() const { return out_of_memory_; }

 private:
  static curl_socket_t on_open_socket(void* self, curlsocktype purpose,
                                      curl_sockaddr* address) noexcept;
  static int on_prereq(void* self, char* primary_ip, char* local_ip, int primary_port,
                       int local_port) noexcept;

  // Host and port of the hop being connected, from curl's current (effective) URL.
  bool current_hop(std::string& host, int& port) const;
  bool permits(const IpAddress& address, int port);

  const FetchOptions& options_;
  const AddressPolicy& policy_;
  CURL* easy_ = nullptr;
  bool blocked_ = false;
  bool out_of_memory_ = false;
  std::string blocked_ip_;
};

}  // namespace vigie::fetch::curl
