#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cerrno>

#include "domain/security/security_actions.hpp"
#include "support/mock_ports.hpp"
#include "support/mock_security.hpp"

namespace gfsd::domain {
namespace {

using mocks::MockPorts;
using mocks::MockSELinux;
using testing::Return;

TEST(Getcon, TheContextAsTheLibraryGivesIt) {
  MockPorts m;
  testing::NiceMock<MockSELinux> se;
  auto ctx = m.ctx();
  ctx.selinux = &se;
  // AppArmor's label in the appliance, newline included, as the original answers.
  EXPECT_CALL(se, current_context()).WillOnce(Return(std::string("unconfined\n")));
  EXPECT_EQ(*getcon(ctx), "unconfined\n");
}

TEST(Getcon, FailureIsPerrorStyle) {
  MockPorts m;
  testing::NiceMock<MockSELinux> se;
  auto ctx = m.ctx();
  ctx.selinux = &se;
  EXPECT_CALL(se, current_context()).WillOnce(Return(fail_with(EINVAL, "")));
  auto r = getcon(ctx);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().errnum, EINVAL);
  EXPECT_EQ(r.error().message, "getcon: Invalid argument");
}

TEST(Setcon, PassesTheContextAndWordsTheFailure) {
  MockPorts m;
  testing::NiceMock<MockSELinux> se;
  auto ctx = m.ctx();
  ctx.selinux = &se;
  EXPECT_CALL(se, set_context("system_u:system_r:kernel_t:s0"))
      .WillOnce(Return(fail_with(EINVAL, "")));
  EXPECT_CALL(se, set_context("ok_t")).WillOnce(Return(Result<void>{}));
  auto r = setcon(ctx, "system_u:system_r:kernel_t:s0");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().errnum, EINVAL);
  EXPECT_EQ(r.error().message, "setcon: Invalid argument");
  EXPECT_TRUE(setcon(ctx, "ok_t"));
}

}  // namespace
}  // namespace gfsd::domain
