// SPDX-License-Identifier: AGPL-3.0-or-later
#include "address_guard.h"

#include <cstring>
#include <optional>
#include <utility>

#include <sys/socket.h>

#include "core/url.h"

namespace vigie::fetch::curl {
namespace {

// The address and port in the sockaddr curl is about to connect to.
std::optional<std::pair<IpAddress, int>> decode_sockaddr(const curl_sockaddr& a) {
  const auto* raw = reinterpret_cast<const unsigned char*>(&a.addr);
  // sockaddr_in and sockaddr_in6 both start with family (2 bytes) and port (2 bytes, network
  // order); the address is at offset 4 (IPv4) or 8 (IPv6, after flowinfo).
  if (a.family == AF_INET && a.addrlen >= 8) {
    IpAddress ip = make_ipv4(raw[4], raw[5], raw[6], raw[7]);
    return std::pair{ip, (raw[2] << 8) | raw[3]};
  }
  if (a.family == AF_INET6 && a.addrlen >= 24) {
    IpAddress ip;
    ip.family = IpAddress::Family::V6;
    std::memcpy(ip.bytes.data(), raw + 8, 16);
    return std::pair{ip, (raw[2] << 8) | raw[3]};
  }
  return std::nullopt;
}

}  // namespace

bool AddressGuard::install(CURL* easy) {
  easy_ = easy;
  return curl_easy_setopt(easy, CURLOPT_OPENSOCKETFUNCTION, &AddressGuard::on_open_socket)
             == CURLE_OK
         && curl_easy_setopt(easy, CURLOPT_OPENSOCKETDATA, static_cast<void*>(this)) == CURLE_OK
         && curl_easy_setopt(easy, CURLOPT_PREREQFUNCTION, &AddressGuard::on_prereq) == CURLE_OK
         && curl_easy_setopt(easy, CURLOPT_PREREQDATA, static_cast<void*>(this)) == CURLE_OK;
}

bool AddressGuard::current_hop(std::string& host, int& port) const {
  char* url = nullptr;
  if (curl_easy_getinfo(easy_, CURLINFO_EFFECTIVE_URL, &url) != CURLE_OK || url == nullptr) {
    return false;
  }
  const auto parsed = core::parse_url(url);
  if (!parsed) {
    return false;
  }
  host = parsed->host;
  port = parsed->port.value_or(parsed->scheme == "https" ? 443 : 80);
  return true;
}

bool AddressGuard::permits(const IpAddress& address, int port) {
  std::string host;
  int url_port = 0;
  if (current_hop(host, url_port) && policy_.permits(address, port, host)) {
    return true;
  }
  blocked_ = true;
  blocked_ip_ = to_string(address);
  return false;
}

curl_socket_t AddressGuard::on_open_socket(void* self, curlsocktype purpose,
                                           curl_sockaddr* address) noexcept {
  auto* g = static_cast<AddressGuard*>(self);
  try {
    if (purpose != CURLSOCKTYPE_IPCXN || address == nullptr) {
      g->blocked_ = true;
      return CURL_SOCKET_BAD;
    }
    // With a proxy every connection goes to the proxy the operator configured; the hop's host
    // is checked in on_prereq instead. Without one, this is the destination itself, checked
    // before any packet is sent to it.
    if (g->options_.proxy.empty()) {
      const auto decoded = decode_sockaddr(*address);
      if (!decoded || !g->permits(decoded->first, decoded->second)) {
        g->blocked_ = true;
        return CURL_SOCKET_BAD;
      }
    }
    return ::socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
  } catch (...) {
    g->out_of_memory_ = true;
    return CURL_SOCKET_BAD;
  }
}

int AddressGuard::on_prereq(void* self, char* primary_ip, char* /*local_ip*/, int primary_port,
                            int /*local_port*/) noexcept {
  auto* g = static_cast<AddressGuard*>(self);
  try {
    if (g->options_.proxy.empty()) {
      // Second look at the peer of every request, reused connections included.
      const auto address = parse_ip_address(primary_ip == nullptr ? "" : primary_ip);
      if (!address || !g->permits(*address, primary_port)) {
        g->blocked_ = true;
        return CURL_PREREQFUNC_ABORT;
      }
      return CURL_PREREQFUNC_OK;
    }
    std::string host;
    int port = 0;
    if (!g->current_hop(host, port) || !g->policy_.permits_host(host, port)) {
      g->blocked_ = true;
      g->blocked_ip_ = host;
      return CURL_PREREQFUNC_ABORT;
    }
    return CURL_PREREQFUNC_OK;
  } catch (...) {
    g->out_of_memory_ = true;
    return CURL_PREREQFUNC_ABORT;
  }
}

}  // namespace vigie::fetch::curl
