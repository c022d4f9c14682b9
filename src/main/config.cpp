// SPDX-License-Identifier: AGPL-3.0-or-later
#include "main/config.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "core/i18n.h"
#include "core/time.h"
#include "service/people_service.h"

namespace vigie::main {
namespace {

core::Error invalid(std::string message) {
  return {core::ErrorCode::InvalidInput, "config.invalid", "config: " + std::move(message)};
}

std::vector<std::string> split_list(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ',') {
      if (!cur.empty()) {
        out.push_back(cur);
      }
      cur.clear();
    } else if (c != ' ' && c != '\t') {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) {
    out.push_back(cur);
  }
  return out;
}

template <class T>
core::Status read_int(const toml::node& node, const std::string& key, T& out) {
  auto v = node.value<std::int64_t>();
  if (!v || *v < 0) {
    return tl::unexpected(invalid(key + " must be a non-negative integer"));
  }
  out = static_cast<T>(*v);
  return {};
}

core::Status read_string(const toml::node& node, const std::string& key, std::string& out) {
  auto v = node.value<std::string>();
  if (!v) {
    return tl::unexpected(invalid(key + " must be a string"));
  }
  out = *v;
  return {};
}

core::Status read_bool(const toml::node& node, const std::string& key, bool& out) {
  auto v = node.value<bool>();
  if (!v) {
    return tl::unexpected(invalid(key + " must be true or false"));
  }
  out = *v;
  return {};
}

core::Status apply_table(Config& c, const std::string& section, const toml::table& t) {
  for (const auto& [k, node] : t) {
    const std::string key =
        section.empty() ? std::string(k.str()) : section + "." + std::string(k.str());
    core::Status st;
    if (key == "operator") {
      st = read_string(node, key, c.operator_name);
    } else if (key == "lang") {
      st = read_string(node, key, c.lang);
    } else if (key == "storage.db") {
      st = read_string(node, key, c.storage.db_path);
    } else if (key == "storage.index") {
      st = read_string(node, key, c.storage.index_path);
    } else if (key == "fetch.allow") {
      if (const auto* arr = node.as_array()) {
        c.fetch.allow.clear();
        for (const auto& e : *arr) {
          if (auto s = e.value<std::string>()) {
            c.fetch.allow.push_back(*s);
          } else {
            return tl::unexpected(invalid("fetch.allow must be a list of strings"));
          }
        }
      } else {
        return tl::unexpected(invalid("fetch.allow must be a list of strings"));
      }
    } else if (key == "fetch.proxy") {
      st = read_string(node, key, c.fetch.proxy);
    } else if (key == "fetch.user_agent") {
      st = read_string(node, key, c.fetch.user_agent);
    } else if (key == "fetch.max_concurrent") {
      st = read_int(node, key, c.fetch.max_concurrent);
    } else if (key == "fetch.per_host_max_concurrent") {
      st = read_int(node, key, c.fetch.per_host_max_concurrent);
    } else if (key == "fetch.per_host_min_delay_ms") {
      st = read_int(node, key, c.fetch.per_host_min_delay_ms);
    } else if (key == "fetch.timeout_seconds") {
      st = read_int(node, key, c.fetch.timeout_seconds);
    } else if (key == "fetch.max_body_bytes") {
      st = read_int(node, key, c.fetch.max_body_bytes);
    } else if (key == "worker.batch_size") {
      st = read_int(node, key, c.worker.batch_size);
    } else if (key == "worker.idle_seconds") {
      st = read_int(node, key, c.worker.idle_seconds);
    } else if (key == "secret_key_file") {
      st = read_string(node, key, c.secret_key_file);
    } else if (key == "mail.smtp_url") {
      st = read_string(node, key, c.mail.smtp_url);
    } else if (key == "mail.from") {
      st = read_string(node, key, c.mail.from);
    } else if (key == "mail.require_tls") {
      st = read_bool(node, key, c.mail.require_tls);
    } else if (key == "mail.ca_file") {
      st = read_string(node, key, c.mail.ca_file);
    } else if (key == "mail.timeout_seconds") {
      st = read_int(node, key, c.mail.timeout_seconds);
    } else if (key == "web.base_url") {
      st = read_string(node, key, c.web.base_url);
    } else if (key == "web.listen") {
      st = read_string(node, key, c.web.listen);
    } else if (key == "web.threads") {
      st = read_int(node, key, c.web.threads);
    } else if (key == "outbox.give_up_hours") {
      st = read_int(node, key, c.outbox.give_up_hours);
    } else if (key == "outbox.workers") {
      st = read_int(node, key, c.outbox.workers);
    } else if (key == "outbox.poll_seconds") {
      st = read_int(node, key, c.outbox.poll_seconds);
    } else if (section.empty() && node.is_table()
               && (key == "storage" || key == "fetch" || key == "worker" || key == "mail"
                   || key == "web" || key == "outbox")) {
      st = apply_table(c, key, *node.as_table());
    } else {
      return tl::unexpected(
          invalid(fmt::format("unknown key '{}' at line {}", key, node.source().begin.line)));
    }
    if (!st) {
      return st;
    }
  }
  return {};
}

}  // namespace

core::Status Config::validate() const {
  if (storage.db_path.empty()) {
    return tl::unexpected(invalid("storage.db must not be empty"));
  }
  if (fetch.max_concurrent == 0 || fetch.per_host_max_concurrent == 0) {
    return tl::unexpected(invalid("fetch concurrency limits must be at least 1"));
  }
  if (fetch.max_body_bytes < 1024) {
    return tl::unexpected(invalid("fetch.max_body_bytes must be at least 1024"));
  }
  if (lang != "fr" && lang != "en") {
    return tl::unexpected(invalid("lang must be fr or en"));
  }
  if (!mail.smtp_url.empty() && !mail.smtp_url.starts_with("smtp://")
      && !mail.smtp_url.starts_with("smtps://")) {
    return tl::unexpected(invalid("mail.smtp_url must start with smtp:// or smtps://"));
  }
  if (auto from = parse_from(mail.from); !from) {
    return tl::unexpected(from.error());
  }
  if (!web.base_url.starts_with("http://") && !web.base_url.starts_with("https://")) {
    return tl::unexpected(invalid("web.base_url must be an absolute http(s) URL"));
  }
  if (web.threads == 0 || web.threads > 256) {
    return tl::unexpected(invalid("web.threads must be between 1 and 256"));
  }
  if (outbox.give_up_hours < 1 || outbox.workers == 0 || outbox.workers > 64
      || outbox.poll_seconds < 1) {
    return tl::unexpected(invalid(
        "outbox.give_up_hours and outbox.poll_seconds must be at least 1, outbox.workers 1 to 64"));
  }
  if (!fixed_now.empty() && !core::parse_iso8601_strict(fixed_now)) {
    return tl::unexpected(invalid("VIGIE_NOW must be YYYY-MM-DDTHH:MM:SSZ"));
  }
  return {};
}

std::string Config::effective_secret_key_path() const {
  if (!secret_key_file.empty()) {
    return secret_key_file;
  }
  const auto dir = std::filesystem::path(storage.db_path).parent_path();
  return (dir.empty() ? std::filesystem::path("secret.key") : dir / "secret.key").string();
}

core::Result<MailboxText> parse_from(std::string_view text) {
  MailboxText m;
  const auto lt = text.rfind('<');
  if (lt != std::string_view::npos && text.ends_with('>')) {
    m.address = std::string(text.substr(lt + 1, text.size() - lt - 2));
    std::string_view name = text.substr(0, lt);
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) {
      name.remove_suffix(1);
    }
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"') {
      name = name.substr(1, name.size() - 2);
    }
    m.name = std::string(name);
  } else {
    m.address = std::string(text);
  }
  if (!service::is_valid_email(m.address) || std::any_of(m.name.begin(), m.name.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x20;
      })) {
    return tl::unexpected(
        invalid("mail.from must be an address or \"Name <address>\": " + std::string(text)));
  }
  return m;
}

std::string Config::effective_index_path() const {
  if (!storage.index_path.empty()) {
    return storage.index_path;
  }
  const std::string& db = storage.db_path;
  if (db.size() > 3 && db.ends_with(".db")) {
    return db.substr(0, db.size() - 3) + ".index";
  }
  return db + ".index";
}

core::Status apply_toml(Config& config, std::string_view toml_text, const std::string& origin) {
  // Debian's toml++ is built with exceptions: a syntax error throws; it is turned into an
  // Error here, at the edge (STYLE.md H4).
  toml::table table;
  try {
    table = toml::parse(toml_text, origin);
  } catch (const toml::parse_error& e) {
    return tl::unexpected(
        invalid(fmt::format("{} line {}: {}", origin, e.source().begin.line, e.description())));
  }
  return apply_table(config, "", table);
}

core::Status load_config_file(Config& config) {
  if (config.config_path.empty()) {
    return {};
  }
  std::ifstream in(config.config_path, std::ios::binary);
  if (!in) {
    return core::make_error(core::ErrorCode::InvalidInput, "config.unreadable",
                            "config: cannot read " + config.config_path);
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return apply_toml(config, ss.str(), config.config_path);
}

core::Status apply_env(Config& config, const std::map<std::string, std::string>& env) {
  auto get = [&](const char* name) -> const std::string* {
    auto it = env.find(name);
    return it == env.end() || it->second.empty() ? nullptr : &it->second;
  };
  if (const auto* v = get("VIGIE_DB")) {
    config.storage.db_path = *v;
  }
  if (const auto* v = get("VIGIE_INDEX")) {
    config.storage.index_path = *v;
  }
  if (const auto* v = get("VIGIE_FETCH_ALLOW")) {
    for (auto& e : split_list(*v)) {
      config.fetch.allow.push_back(std::move(e));
    }
  }
  if (const auto* v = get("VIGIE_FETCH_PROXY")) {
    config.fetch.proxy = *v;
  }
  if (const auto* v = get("VIGIE_LISTEN")) {
    config.web.listen = *v;
  }
  if (const auto* v = get("VIGIE_SMTP_URL")) {
    config.mail.smtp_url = *v;
  }
  if (const auto* v = get("VIGIE_SMTP_FROM")) {
    config.mail.from = *v;
  }
  if (const auto* v = get("VIGIE_BASE_URL")) {
    config.web.base_url = *v;
  }
  if (const auto* v = get("VIGIE_SECRET_KEY_FILE")) {
    config.secret_key_file = *v;
  }
  if (const auto* v = get("VIGIE_OUTBOX_GIVE_UP_HOURS")) {
    long hours = 0;
    auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), hours);
    if (ec != std::errc() || p != v->data() + v->size()) {
      return tl::unexpected(invalid("VIGIE_OUTBOX_GIVE_UP_HOURS must be a number of hours"));
    }
    config.outbox.give_up_hours = hours;
  }
  if (const auto* v = get("VIGIE_NOW")) {
    config.fixed_now = *v;
  }
  if (const auto* v = get("VIGIE_OPERATOR")) {
    config.operator_name = *v;
  }
  // VIGIE_LANG wins; LANG counts only when it names a language we have (LANG=C must not
  // override the configuration file).
  if (const auto* v = get("VIGIE_LANG")) {
    config.lang = core::choose_language(*v, "");
  } else if (const auto* l = get("LANG");
             l != nullptr && (l->starts_with("fr") || l->starts_with("en"))) {
    config.lang = core::choose_language("", *l);
  }
  return {};
}

}  // namespace vigie::main
