// SPDX-License-Identifier: AGPL-3.0-or-later
// Who may read a non-public topic's feed: the audience rule, case by case. (The handler tests
// in tests/unit/web cover tokens and rendering end to end.)
#include "service/feed_service.h"

#include <gtest/gtest.h>

namespace vigie::service {
namespace {

TEST(FeedServiceTest, AudienceAdmitsStaffMembersOrEveryoneAsTheTopicSays) {
  constexpr core::OrgId kOperator = 1;
  const core::Organisation op{kOperator, "CCI", core::OrgKind::Operator, std::nullopt};
  const core::Organisation firm{2, "Filature", core::OrgKind::Member, kOperator};
  const core::Organisation foreign{3, "Ailleurs", core::OrgKind::Member, 99};
  const std::vector<core::Organisation> orgs{op, firm, foreign};
  using A = core::Audience;
  using R = core::Role;
  const struct {
    const char* name;
    A audience;
    std::vector<core::Membership> memberships;
    bool active;
    bool admitted;
  } cases[] = {
      {"public_anyone", A::Public, {}, true, true},
      {"public_inactive", A::Public, {}, false, false},
      {"internal_analyst", A::Internal, {{1, kOperator, R::Analyst}}, true, true},
      {"internal_admin", A::Internal, {{1, kOperator, R::Admin}}, true, true},
      {"internal_firm_member", A::Internal, {{1, 2, R::Member}}, true, false},
      {"internal_inactive_admin", A::Internal, {{1, kOperator, R::Admin}}, false, false},
      {"members_firm_member", A::Members, {{1, 2, R::Member}}, true, true},
      {"members_analyst", A::Members, {{1, kOperator, R::Analyst}}, true, true},
      {"members_other_operators_firm", A::Members, {{1, 3, R::Member}}, true, false},
      {"members_nobody", A::Members, {}, true, false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    core::User u;
    u.id = 1;
    u.active = c.active;
    EXPECT_EQ(audience_admits(c.audience, u, c.memberships, orgs, kOperator), c.admitted);
  }
}

}  // namespace
}  // namespace vigie::service
