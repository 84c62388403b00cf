#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cerrno>

#include "domain/security/security_actions.hpp"
#include "support/mock_ports.hpp"
#include "support/mock_security.hpp"

namespace gfsd::domain {
namespace {

using mocks::MockCapabilities;
using mocks::MockPorts;
using mocks::ParsedFrom;
using testing::_;
using testing::Return;

struct CapFixture {
  MockPorts m;
  testing::NiceMock<MockCapabilities> caps;
  Ctx ctx = m.ctx();
  CapFixture() { ctx.caps = &caps; }
};

TEST(CapGetFile, TheSetOfTheResolvedPath) {
  CapFixture f;
  EXPECT_CALL(f.m.fs, realpath("/lnk")).WillOnce(Return(std::string("/f")));
  EXPECT_CALL(f.caps, get("/sysroot/f")).WillOnce(Return(std::string("cap_net_raw=ep")));
  EXPECT_EQ(*cap_get_file(f.ctx, "/lnk"), "cap_net_raw=ep");
}

TEST(CapGetFile, NoAttributeIsAnEmptySet) {
  CapFixture f;
  EXPECT_CALL(f.caps, get("/sysroot/f")).WillOnce(Return(fail_with(ENODATA, "")));
  EXPECT_EQ(*cap_get_file(f.ctx, "/f"), "");
}

TEST(CapGetFile, OtherFailuresNameTheGuestPath) {
  CapFixture f;
  EXPECT_CALL(f.caps, get("/sysroot/nope")).WillOnce(Return(fail_with(ENOENT, "")));
  auto r = cap_get_file(f.ctx, "/nope");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().errnum, ENOENT);
  EXPECT_EQ(r.error().message, "/nope: No such file or directory");
}

TEST(CapGetFile, ENODATAFromAnotherStepIsAnError) {
  CapFixture f;
  EXPECT_CALL(f.caps, get).WillOnce(Return(fail_errno(ENODATA, "cap_to_text")));
  auto r = cap_get_file(f.ctx, "/f");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "cap_to_text: No data available");
}

TEST(CapSetFile, ParsesThenSetsOnTheEntryItself) {
  CapFixture f;
  // The last component is not followed: libcap must see a symlink to refuse it.
  EXPECT_CALL(f.m.fs, realpath("/dir")).WillOnce(Return(std::string("/real")));
  EXPECT_CALL(f.m.fs, realpath("/dir/lnk")).Times(0);
  EXPECT_CALL(f.caps, set("/sysroot/real/lnk", ParsedFrom("cap_net_raw+ep")))
      .WillOnce(Return(fail_with(EINVAL, "")));
  auto r = cap_set_file(f.ctx, "/dir/lnk", "cap_net_raw+ep");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().errnum, EINVAL);
  EXPECT_EQ(r.error().message, "/dir/lnk: Invalid argument");
}

TEST(CapSetFile, AFileInTheRoot) {
  CapFixture f;
  EXPECT_CALL(f.caps, set("/sysroot/f", ParsedFrom("="))).WillOnce(Return(Result<void>{}));
  EXPECT_TRUE(cap_set_file(f.ctx, "/f", "="));
}

TEST(CapSetFile, TextThatDoesNotParseIsRefusedFirst) {
  CapFixture f;
  EXPECT_CALL(f.caps, parse("garbage")).WillOnce(Return(fail_errno(EINVAL, "cap_from_text")));
  EXPECT_CALL(f.m.fs, realpath).Times(0);
  EXPECT_CALL(f.caps, set).Times(0);
  auto r = cap_set_file(f.ctx, "/nope", "garbage");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().errnum, EINVAL);
  EXPECT_EQ(r.error().message,
            "could not parse cap string: garbage: cap_from_text: Invalid argument");
}

TEST(CapSetFile, AMissingDirectoryNamesTheGuestPath) {
  CapFixture f;
  EXPECT_CALL(f.m.fs, realpath("/a/b")).WillOnce(Return(fail_errno(ENOENT, "realpath")));
  EXPECT_CALL(f.m.fs, stat("/a/b", false)).WillOnce(Return(fail_with(ENOENT, "")));
  EXPECT_CALL(f.m.fs, realpath("/a")).WillOnce(Return(fail_errno(ENOENT, "realpath")));
  EXPECT_CALL(f.caps, set).Times(0);
  auto r = cap_set_file(f.ctx, "/a/b/c", "cap_kill+p");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().errnum, ENOENT);
  EXPECT_EQ(r.error().message, "/a/b/c: No such file or directory");
}

}  // namespace
}  // namespace gfsd::domain
