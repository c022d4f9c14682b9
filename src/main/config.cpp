// SPDX-License-Identifier: AGPL-3.0-or-later
#include "main/config.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "core/i18n.h"

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
    } else if (key == "web.listen") {
      st = read_string(node, key, c.web.listen);
    } else if (key == "web.base_url") {
      st = read_string(node, key, c.web.base_url);
    } else if (key == "web.secret_key_file") {
      st = read_string(node, key, c.web.secret_key_file);
    } else if (key == "web.threads") {
      st = read_int(node, key, c.web.threads);
    } else if (section.empty() && node.is_table()
               && (key == "storage" || key == "fetch" || key == "worker" || key == "web")) {
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
  if (!web.base_url.starts_with("http://") && !web.base_url.starts_with("https://")) {
    return tl::unexpected(invalid("web.base_url must start with http:// or https://"));
  }
  if (web.threads == 0 || web.threads > 256) {
    return tl::unexpected(invalid("web.threads must be between 1 and 256"));
  }
  return {};
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

std::string Config::effective_secret_key_path() const {
  if (!web.secret_key_file.empty()) {
    return web.secret_key_file;
  }
  return (std::filesystem::path(storage.db_path).parent_path() / "secret.key").string();
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
  if (const auto* v = get("VIGIE_BASE_URL")) {
    config.web.base_url = *v;
  }
  if (const auto* v = get("VIGIE_SECRET_KEY_FILE")) {
    config.web.secret_key_file = *v;
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
