// SPDX-License-Identifier: AGPL-3.0-or-later
// vigie_bench_fixture_server: a loopback feed farm for the fetch-pass benchmark.
//
//   vigie_bench_fixture_server --feeds 2000 --port 0 [--items 20] [--threads 64]
//
// Serves /feed/<i>.xml for i in [0, feeds): a generated RSS 2.0 document of `items` items with
// a stable ETag and Last-Modified. Answers 304 to a matching If-None-Match (or, without one, to
// an If-Modified-Since not older than Last-Modified, RFC 9110 §13.1.3), and gzip when the
// request accepts it. Prints "listening on 127.0.0.1:<port>" once ready and, on SIGINT or
// SIGTERM, the totals it sent (status line, headers and body bytes per response).

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <httplib.h>
#include <unistd.h>
#include <zlib.h>

namespace {

// Fixed so that every run serves the same bytes; the date of the last change of every feed.
constexpr const char* kLastModified = "Wed, 26 Nov 2025 08:00:00 GMT";

struct Feed {
  std::string etag;
  std::string plain;
  std::string gzip;
};

std::string gzip(const std::string& in) {
  z_stream z{};
  if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("deflateInit2 failed");
  }
  std::string out(deflateBound(&z, static_cast<uLong>(in.size())) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) {
    throw std::runtime_error("deflate failed");
  }
  return out;
}

// Varied prose from a fixed vocabulary: real feeds do not repeat one sentence, and their
// compression ratio (about 3:1, not 10:1) decides what a conditional pass saves.
constexpr const char* kWords[] = {"coton",
                                  "fibre",
                                  "campagne",
                                  "prix",
                                  "producteurs",
                                  "exportations",
                                  "cajou",
                                  "anacarde",
                                  "transformation",
                                  "karité",
                                  "sésame",
                                  "mangue",
                                  "cacao",
                                  "douane",
                                  "tarif",
                                  "extérieur",
                                  "commun",
                                  "UEMOA",
                                  "CEDEAO",
                                  "ZLECAf",
                                  "règles",
                                  "origine",
                                  "certificat",
                                  "phytosanitaire",
                                  "appel",
                                  "offres",
                                  "marché",
                                  "public",
                                  "lot",
                                  "soumission",
                                  "date",
                                  "limite",
                                  "port",
                                  "Abidjan",
                                  "Dakar",
                                  "Lomé",
                                  "Cotonou",
                                  "conteneurs",
                                  "fret",
                                  "tonnes",
                                  "hectares",
                                  "rendement",
                                  "pluviométrie",
                                  "semences",
                                  "engrais",
                                  "subvention",
                                  "crédit",
                                  "banque",
                                  "PME",
                                  "TPE",
                                  "chambre",
                                  "commerce",
                                  "industrie",
                                  "agence",
                                  "promotion",
                                  "investissements",
                                  "norme",
                                  "qualité",
                                  "traçabilité",
                                  "déforestation",
                                  "règlement",
                                  "européen",
                                  "acheteurs",
                                  "négociants",
                                  "égreneurs",
                                  "filature",
                                  "textile",
                                  "habillement",
                                  "salon",
                                  "foire",
                                  "Ouagadougou",
                                  "Bamako",
                                  "Niamey",
                                  "hausse",
                                  "baisse",
                                  "stabilité",
                                  "cours",
                                  "indice",
                                  "Cotlook",
                                  "livre",
                                  "kilogramme",
                                  "FCFA",
                                  "euros",
                                  "dollars",
                                  "ministre",
                                  "décret",
                                  "arrêté",
                                  "communiqué",
                                  "annonce",
                                  "rapport",
                                  "étude",
                                  "enquête",
                                  "veille",
                                  "alerte",
                                  "le",
                                  "la",
                                  "les",
                                  "des",
                                  "du",
                                  "de",
                                  "et",
                                  "à",
                                  "en",
                                  "pour",
                                  "sur",
                                  "avec",
                                  "dans",
                                  "une",
                                  "un",
                                  "par",
                                  "au",
                                  "aux",
                                  "selon",
                                  "après",
                                  "avant",
                                  "depuis",
                                  "entre",
                                  "vers"};

std::string prose(std::uint64_t& state, std::size_t words) {
  std::string out;
  for (std::size_t w = 0; w < words; ++w) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;  // LCG: deterministic
    out += kWords[(state >> 33) % std::size(kWords)];
    out += (w % 17 == 16) ? ". " : " ";
  }
  return out;
}

// A realistic item: a title, a link, a GUID, a date, a summary and full HTML content of
// 120-250 words, about 2 KB, as news sites publish them.
std::string make_feed(std::size_t feed, std::size_t items) {
  std::string xml = fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
      "<channel>\n<title>Source {0}</title><link>http://source{0}.test/</link>\n"
      "<description>Veille économique, source {0}</description><ttl>60</ttl>\n",
      feed);
  std::uint64_t state = feed * 7919 + 17;
  for (std::size_t i = 0; i < items; ++i) {
    const std::string title = prose(state, 8);
    const std::string summary = prose(state, 30);
    const std::string body = prose(state, 120 + (state >> 40) % 130);
    xml += fmt::format(
        "<item><title>{4}</title>\n"
        "<link>http://source{0}.test/articles/{1}</link><guid>urn:source{0}:item{1}</guid>\n"
        "<pubDate>Wed, 26 Nov 2025 {2:02}:{3:02}:00 GMT</pubDate>\n"
        "<description>{5}</description>\n"
        "<content:encoded><![CDATA[<p>{6}</p>]]></content:encoded></item>\n",
        feed, i, (i / 60) % 24, i % 60, title, summary, body);
  }
  xml += "</channel></rss>\n";
  return xml;
}

bool accepts_gzip(const httplib::Request& req) {
  std::string value = req.get_header_value("Accept-Encoding");
  std::transform(value.begin(), value.end(), value.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return value.find("gzip") != std::string::npos;
}

// If-None-Match is a list of entity tags or "*"; weak comparison (RFC 9110 §13.1.2).
bool etag_matches(const std::string& header, const std::string& etag) {
  if (header.find('*') != std::string::npos) {
    return true;
  }
  const std::string opaque = etag.substr(etag.find('"'));
  return header.find(opaque) != std::string::npos;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Loopback feed farm for the fetch-pass benchmark"};
  std::size_t feed_count = 2000;
  std::size_t items = 20;
  int port = 0;
  std::size_t threads = 64;
  app.add_option("--feeds", feed_count, "Number of feeds served as /feed/<i>.xml");
  app.add_option("--items", items, "Items per feed");
  app.add_option("--port", port, "Port on 127.0.0.1 (0: any free port)");
  app.add_option("--threads", threads, "Server worker threads");
  CLI11_PARSE(app, argc, argv);

  // Signals are taken by a sigwait thread, so the handler-free main loop stays simple; block
  // them before any thread starts so that every thread inherits the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  std::vector<Feed> feeds(feed_count);
  for (std::size_t i = 0; i < feed_count; ++i) {
    feeds[i].plain = make_feed(i, items);
    feeds[i].gzip = gzip(feeds[i].plain);
    feeds[i].etag = fmt::format("\"feed-{}-v1\"", i);
  }

  std::atomic<std::uint64_t> bytes_sent{0};
  std::atomic<std::uint64_t> responses{0};
  std::atomic<std::uint64_t> not_modified{0};

  httplib::Server server;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  // cpp-httplib writes headers and body separately; with Nagle on, each response can wait for
  // the client's delayed ACK (~40 ms) and the benchmark would measure that instead.
  server.set_tcp_nodelay(true);
  // Like a production server (nginx keeps 1000 requests per connection); cpp-httplib's default
  // of 5 would make the client reconnect every few feeds. Each open connection holds a worker
  // thread, hence the generous --threads default.
  server.set_keep_alive_max_count(1000);
  server.Get(R"(/feed/(\d+)\.xml)", [&](const httplib::Request& req, httplib::Response& res) {
    const std::size_t index = std::stoul(req.matches[1].str());
    if (index >= feeds.size()) {
      res.status = 404;
      return;
    }
    const Feed& feed = feeds[index];
    res.set_header("ETag", feed.etag);
    res.set_header("Last-Modified", kLastModified);
    res.set_header("Vary", "Accept-Encoding");
    const std::string inm = req.get_header_value("If-None-Match");
    const bool fresh = !inm.empty() ? etag_matches(inm, feed.etag)
                                    : req.get_header_value("If-Modified-Since") == kLastModified;
    if (fresh) {
      res.status = 304;
      ++not_modified;
      return;
    }
    // application/rss+xml is not a type cpp-httplib compresses by itself, so the body goes
    // out exactly as chosen here.
    if (accepts_gzip(req)) {
      res.set_header("Content-Encoding", "gzip");
      res.set_content(feed.gzip, "application/rss+xml");
    } else {
      res.set_content(feed.plain, "application/rss+xml");
    }
  });
  server.set_logger([&](const httplib::Request&, const httplib::Response& res) {
    // The library has added its own headers (Content-Length, Keep-Alive) to `res` by now.
    // "HTTP/1.1 200 OK\r\n" or "HTTP/1.1 304 Not Modified\r\n", then the blank line.
    std::uint64_t n = (res.status == 304 ? 28 : 17) + 2;
    for (const auto& [name, value] : res.headers) {
      n += name.size() + value.size() + 4;
    }
    bytes_sent += n + res.body.size();
    ++responses;
  });

  const int bound = port == 0 ? server.bind_to_any_port("127.0.0.1")
                              : (server.bind_to_port("127.0.0.1", port) ? port : -1);
  if (bound <= 0) {
    std::fprintf(stderr, "cannot bind 127.0.0.1:%d\n", port);
    return 1;
  }
  std::atomic<bool> signalled{false};
  std::thread stopper([&] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    signalled = true;
    server.stop();
  });
  std::printf("listening on 127.0.0.1:%d (%zu feeds)\n", bound, feed_count);
  std::fflush(stdout);
  server.listen_after_bind();
  if (!signalled) {
    kill(getpid(), SIGTERM);  // process-directed: wakes the sigwait thread
  }
  stopper.join();
  std::printf("responses=%llu not_modified=%llu bytes_sent=%llu\n",
              static_cast<unsigned long long>(responses.load()),
              static_cast<unsigned long long>(not_modified.load()),
              static_cast<unsigned long long>(bytes_sent.load()));
  return 0;
}
