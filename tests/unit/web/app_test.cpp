// SPDX-License-Identifier: AGPL-3.0-or-later
// web::App without sockets: security headers on every response, the error mapping in one
// place (status, language, HTML or JSON, nothing technical shown), 404/405, the exception
// guard, the health check.
#include "web/app.h"

#include <gtest/gtest.h>

#include "web/error_response.h"
#include "web_fixture.h"

namespace vigie::web {
namespace {

class AppTest : public WebTest {};

void expect_security_headers(const Response& r) {
  EXPECT_NE(r.header("Content-Security-Policy").find("default-src 'none'"), std::string::npos);
  EXPECT_NE(r.header("Content-Security-Policy").find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(r.header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(r.header("Referrer-Policy"), "no-referrer");
  EXPECT_EQ(r.header("X-Frame-Options"), "DENY");
  EXPECT_FALSE(r.header("Cache-Control").empty());
  EXPECT_TRUE(r.header("Server").empty());
}

TEST(ErrorResponseTest, EachErrorCodeHasOneStatus) {
  const std::pair<core::ErrorCode, int> cases[] = {
      {core::ErrorCode::InvalidInput, 400}, {core::ErrorCode::PermissionDenied, 403},
      {core::ErrorCode::NotFound, 404},     {core::ErrorCode::Conflict, 409},
      {core::ErrorCode::Unavailable, 503},  {core::ErrorCode::Internal, 500},
  };
  for (auto [code, status] : cases) {
    SCOPED_TRACE(core::to_string(code));
    EXPECT_EQ(status_for(code), status);
  }
}

TEST_F(AppTest, EveryResponseCarriesTheSecurityHeaders) {
  keep(public_, "Coton");
  Request post = get("/unsubscribe/good-fr");
  post.method = "POST";
  for (const auto& req : {get("/healthz"), get("/feeds/topics/1.atom"), get("/nowhere"),
                          get("/unsubscribe/good-fr"), post, get("/unsubscribe/bad")}) {
    SCOPED_TRACE(req.method + " " + req.path);
    expect_security_headers(app_->handle(req));
  }
}

TEST_F(AppTest, UnknownPathIsA404PageInTheReadersLanguage) {
  auto fr = app_->handle(get("/nowhere"));
  EXPECT_EQ(fr.status, 404);
  EXPECT_EQ(fr.content_type, "text/html; charset=utf-8");
  EXPECT_NE(fr.body.find("<html lang=\"fr\">"), std::string::npos);
  EXPECT_NE(fr.body.find("Page introuvable"), std::string::npos) << fr.body;
  auto req = get("/nowhere");
  req.headers["accept-language"] = "en-GB,en;q=0.9,fr;q=0.8";
  auto en = app_->handle(req);
  EXPECT_NE(en.body.find("Page not found"), std::string::npos) << en.body;
}

TEST_F(AppTest, ApiClientsGetJsonErrors) {
  auto req = get("/nowhere");
  req.headers["Accept"] = "application/json";
  auto r = app_->handle(req);
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.content_type, "application/json");
  EXPECT_EQ(r.body, "{\"error\":{\"message\":\"Page introuvable\",\"status\":404}}\n");
}

TEST_F(AppTest, WrongMethodIs405WithAllow) {
  auto req = get("/feeds/topics/1.atom");
  req.method = "DELETE";
  auto r = app_->handle(req);
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("Allow"), "GET");
}

TEST_F(AppTest, HealthReportsTheStore) {
  auto ok = app_->handle(get("/healthz"));
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.body, "ok\n");
  healthy_ = false;
  auto down = app_->handle(get("/healthz"));
  EXPECT_EQ(down.status, 503);
  EXPECT_EQ(down.header("Retry-After"), "30");
  EXPECT_EQ(down.body.find("test: down"), std::string::npos) << "no technical detail shown";
}

TEST_F(AppTest, AHandlerThatThrowsIsA500AndTheServerGoesOn) {
  App app({{"GET", "/boom",
            [](const Request&) -> core::Result<Response> { throw std::runtime_error("secret"); }}},
          Translations{fr_, en_});
  auto r = app.handle(get("/boom"));
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body.find("secret"), std::string::npos);
  expect_security_headers(r);
}

TEST_F(AppTest, StatusesOfTheHttpLayerUseTheSamePages) {
  auto r = app_->status(413, get("/unsubscribe/x"));
  EXPECT_EQ(r.status, 413);
  EXPECT_NE(r.body.find("Requête trop volumineuse"), std::string::npos) << r.body;
  expect_security_headers(r);
}

TEST(PageTest, LanguageFollowsAcceptLanguageFrenchFirst) {
  const std::pair<const char*, const char*> cases[] = {
      {"", "fr"},
      {"en", "en"},
      {"en-US,en;q=0.9", "en"},
      {"de-DE,de;q=0.9,en;q=0.5,fr;q=0.8", "fr"},
      {"de", "fr"},
      {"fr-CA;q=0.2, EN;q=0.3", "en"},
      {"en;q=0", "fr"},
  };
  for (auto [header, lang] : cases) {
    SCOPED_TRACE(header);
    Request r;
    r.headers["Accept-Language"] = header;
    EXPECT_EQ(choose_lang(r), lang);
  }
}

TEST(PageTest, CspAllowsExactlyTheLayoutStyle) {
  const auto& csp = page_csp();
  EXPECT_NE(csp.find("style-src 'sha256-"), std::string::npos) << csp;
  EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos);
  EXPECT_EQ(csp.find("script-src"), std::string::npos);
  const auto page = render_page({"fr", "Titre <b>", "<p>x</p>"});
  EXPECT_NE(page.find("<title>Titre &lt;b&gt;</title>"), std::string::npos);
  EXPECT_EQ(page.find("<script"), std::string::npos);
}

}  // namespace
}  // namespace vigie::web
