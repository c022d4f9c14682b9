// SPDX-License-Identifier: AGPL-3.0-or-later
// The unsubscribe pages through web::App: GET never removes and shows a form in the
// subscriber's language; POST (RFC 8058 one-click body or the form) removes; a bad token gets
// a neutral page; a store that is down is a 503.
#include "web/unsubscribe_handler.h"

#include <gtest/gtest.h>

#include "web_fixture.h"

namespace vigie::web {
namespace {

class UnsubscribeHandlerTest : public WebTest {
 protected:
  Response post(const std::string& token, std::string body = "List-Unsubscribe=One-Click") {
    Request r = get("/unsubscribe/" + token);
    r.method = "POST";
    r.headers["Content-Type"] = "application/x-www-form-urlencoded";
    r.body = std::move(body);
    return app_->handle(r);
  }
};

TEST_F(UnsubscribeHandlerTest, GetShowsAConfirmFormInTheSubscribersLanguage) {
  auto fr = app_->handle(get("/unsubscribe/good-fr"));
  EXPECT_EQ(fr.status, 200);
  EXPECT_EQ(unsubscribed_, 0) << "a GET never removes (mail scanners follow links)";
  EXPECT_EQ(fr.content_type, "text/html; charset=utf-8");
  EXPECT_NE(fr.body.find("<html lang=\"fr\">"), std::string::npos);
  EXPECT_NE(fr.body.find("Vous ne recevrez plus les alertes à l&#39;adresse mo@filature.example"),
            std::string::npos)
      << fr.body;
  EXPECT_NE(fr.body.find("Karité &lt;bio&gt;"), std::string::npos) << "escaped";
  EXPECT_NE(fr.body.find("<form method=\"post\">"), std::string::npos);
  EXPECT_NE(fr.body.find("name=\"List-Unsubscribe\" value=\"One-Click\""), std::string::npos);
  EXPECT_EQ(fr.body.find("<script"), std::string::npos);
  EXPECT_EQ(fr.header("Content-Security-Policy"), page_csp());

  auto en = app_->handle(get("/unsubscribe/good-en"));
  EXPECT_NE(en.body.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(en.body.find("You will no longer receive weekly digests at mo@filature.example"),
            std::string::npos)
      << en.body;
}

TEST_F(UnsubscribeHandlerTest, PostRemovesAndConfirms) {
  auto one_click = post("good-en");
  EXPECT_EQ(one_click.status, 200);
  EXPECT_EQ(unsubscribed_, 1);
  EXPECT_NE(one_click.body.find("You are unsubscribed"), std::string::npos) << one_click.body;
  auto form = post("good-fr", "");
  EXPECT_EQ(form.status, 200);
  EXPECT_EQ(unsubscribed_, 2);
  EXPECT_NE(form.body.find("Désabonnement enregistré"), std::string::npos) << form.body;
}

TEST_F(UnsubscribeHandlerTest, BadTokenGetsANeutralPage) {
  for (bool is_post : {false, true}) {
    SCOPED_TRACE(is_post ? "POST" : "GET");
    auto r = is_post ? post("forged") : app_->handle(get("/unsubscribe/forged"));
    EXPECT_EQ(r.status, 404);
    EXPECT_NE(r.body.find("Lien non valide"), std::string::npos) << r.body;
    EXPECT_EQ(r.body.find("filature"), std::string::npos);
  }
  EXPECT_EQ(unsubscribed_, 1) << "the action ran once, and refused";
}

TEST_F(UnsubscribeHandlerTest, StoreDownIsA503) {
  auto r = post("busy");
  EXPECT_EQ(r.status, 503);
  EXPECT_NE(r.body.find("Service momentanément indisponible"), std::string::npos) << r.body;
}

}  // namespace
}  // namespace vigie::web
