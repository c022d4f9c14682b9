// SPDX-License-Identifier: AGPL-3.0-or-later
#include "cli/context.h"

#include <fstream>
#include <ostream>
#include <sstream>

#include "cli/commands.h"

namespace vigie::cli {

void CliContext::fail(const core::Error& error) {
  err << "vigie: " << messages.get(error.reason);
  if (!error.message.empty()) {
    err << " (" << error.message << ")";
  }
  err << '\n';
  if (exit_code == 0) {
    exit_code = 1;
  }
}

void CliContext::write_output(const std::string& file, std::string_view text) {
  if (file.empty() || file == "-") {
    out << text;
    return;
  }
  std::ofstream f(file, std::ios::binary | std::ios::trunc);
  f << text;
  if (!f) {
    fail({core::ErrorCode::Internal, "cli.cannot_write", "cli: cannot write " + file});
  }
}

std::string html_to_terminal(std::string_view html, bool terminal) {
  const char* open = terminal ? "\x1b[1m" : "[";
  const char* close = terminal ? "\x1b[0m" : "]";
  std::string out;
  out.reserve(html.size());
  for (std::size_t i = 0; i < html.size();) {
    auto starts = [&](std::string_view s) { return html.substr(i, s.size()) == s; };
    if (starts("<mark>")) {
      out += open;
      i += 6;
    } else if (starts("</mark>")) {
      out += close;
      i += 7;
    } else if (starts("&amp;")) {
      out += '&';
      i += 5;
    } else if (starts("&lt;")) {
      out += '<';
      i += 4;
    } else if (starts("&gt;")) {
      out += '>';
      i += 4;
    } else if (starts("&quot;")) {
      out += '"';
      i += 6;
    } else if (starts("&#39;")) {
      out += '\'';
      i += 5;
    } else if (html[i] == '\n' || html[i] == '\r') {
      out += ' ';  // one line per snippet in the console
      ++i;
    } else {
      out += html[i++];
    }
  }
  return out;
}

core::Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return core::make_error(core::ErrorCode::NotFound, "cli.cannot_read",
                            "cli: cannot read " + path);
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) {
    return core::make_error(core::ErrorCode::Internal, "cli.cannot_read",
                            "cli: error while reading " + path);
  }
  return ss.str();
}

void add_all_commands(CLI::App& app, CliContext& ctx) {
  add_init_command(app, ctx);
  add_parse_command(app, ctx);
  add_ingest_command(app, ctx);
  add_sources_command(app, ctx);
  add_search_command(app, ctx);
  add_reindex_command(app, ctx);
  add_fetch_command(app, ctx);
  add_worker_command(app, ctx);
  add_stories_command(app, ctx);
  add_topics_command(app, ctx);
  add_signals_command(app, ctx);
  add_orgs_command(app, ctx);
  add_users_command(app, ctx);
  add_triage_commands(app, ctx);
  add_subscriptions_command(app, ctx);
  add_alert_list_command(app, ctx);
  add_alerts_command(app, ctx);
  add_deliver_command(app, ctx);
  add_feed_command(app, ctx);
  add_serve_command(app, ctx);
}

}  // namespace vigie::cli
