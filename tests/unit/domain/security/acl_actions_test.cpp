#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cerrno>

#include "domain/security/security_actions.hpp"
#include "support/mock_ports.hpp"
#include "support/mock_security.hpp"

namespace gfsd::domain {
namespace {

using mocks::MockAcls;
using mocks::MockPorts;
using mocks::ParsedFrom;
using ports::AclType;
using testing::_;
using testing::Return;

struct AclFixture {
  MockPorts m;
  testing::NiceMock<MockAcls> acls;
  Ctx ctx = m.ctx();
  AclFixture() { ctx.acls = &acls; }
};

TEST(AclGetFile, AccessAndDefaultOfTheResolvedPath) {
  AclFixture f;
  EXPECT_CALL(f.acls, get("/sysroot/dir/f", AclType::Access))
      .WillOnce(Return(std::string("user::rw-\ngroup::r--\nother::r--\n")));
  EXPECT_CALL(f.acls, get("/sysroot/dir", AclType::Default)).WillOnce(Return(std::string()));
  EXPECT_EQ(*acl_get_file(f.ctx, "/dir/f", "access"), "user::rw-\ngroup::r--\nother::r--\n");
  EXPECT_EQ(*acl_get_file(f.ctx, "/dir", "default"), "");
}

TEST(AclGetFile, SymlinksAreResolvedInsideTheSysroot) {
  AclFixture f;
  EXPECT_CALL(f.m.fs, realpath("/abs")).WillOnce(Return(std::string("/etc/passwd")));
  EXPECT_CALL(f.acls, get("/sysroot/etc/passwd", AclType::Access))
      .WillOnce(Return(std::string("x")));
  EXPECT_EQ(*acl_get_file(f.ctx, "/abs", "access"), "x");
}

TEST(AclGetFile, AnUnknownTypeIsRefusedFirst) {
  AclFixture f;
  EXPECT_CALL(f.acls, get).Times(0);
  auto r = acl_get_file(f.ctx, "/f", "foo");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().errnum, 0);
  EXPECT_EQ(r.error().message, "invalid acltype parameter: foo");
}

TEST(AclGetFile, TheLibrarysFailureNamesTheGuestPath) {
  AclFixture f;
  EXPECT_CALL(f.acls, get("/sysroot/f", AclType::Default)).WillOnce(Return(fail_with(EACCES, "")));
  auto r = acl_get_file(f.ctx, "/f", "default");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().errnum, EACCES);
  EXPECT_EQ(r.error().message, "/f: Permission denied");
}

TEST(AclGetFile, AnotherStepsFailureIsPassedOn) {
  AclFixture f;
  EXPECT_CALL(f.acls, get).WillOnce(Return(fail_errno(ENOMEM, "acl_to_text")));
  auto r = acl_get_file(f.ctx, "/f", "access");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().errnum, ENOMEM);
  EXPECT_EQ(r.error().message, "acl_to_text: Cannot allocate memory");
}

TEST(AclGetFile, AnUnresolvablePathIsWordedAsTheLibrarysError) {
  AclFixture f;
  // A dangling symlink: it exists, but names nothing.
  EXPECT_CALL(f.m.fs, realpath("/dangle")).WillOnce(Return(fail_errno(ENOENT, "realpath")));
  EXPECT_CALL(f.m.fs, stat("/dangle", false)).WillOnce(Return(ports::FileStat{}));
  EXPECT_CALL(f.acls, get).Times(0);
  auto r = acl_get_file(f.ctx, "/dangle", "access");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().errnum, ENOENT);
  EXPECT_EQ(r.error().message, "/dangle: No such file or directory");
}

TEST(AclSetFile, ParsesThenSets) {
  AclFixture f;
  const std::string text = "u::r-x,g::r-x,o::r-x,m::rwx,u:500:rw,g:600:x";
  EXPECT_CALL(f.acls, parse(text));
  EXPECT_CALL(f.acls, set("/sysroot/f", AclType::Access, ParsedFrom(text)))
      .WillOnce(Return(Result<void>{}));
  EXPECT_TRUE(acl_set_file(f.ctx, "/f", "access", text));
}

TEST(AclSetFile, TextThatDoesNotParseIsRefusedBeforeThePathIsLookedAt) {
  AclFixture f;
  const std::string text = "u::r-x,g::r-x,o::r-x,m::rwx,u:notauser:rw";
  EXPECT_CALL(f.acls, parse(text)).WillOnce(Return(fail_errno(ENOENT, "acl_from_text")));
  EXPECT_CALL(f.m.fs, realpath).Times(0);
  EXPECT_CALL(f.acls, set).Times(0);
  auto r = acl_set_file(f.ctx, "/nope/x", "access", text);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().errnum, ENOENT);
  EXPECT_EQ(r.error().message,
            "could not parse acl string: u::r-x,g::r-x,o::r-x,m::rwx,u:notauser:rw: "
            "acl_from_text: No such file or directory");
}

TEST(AclSetFile, TheTypeIsCheckedBeforeTheText) {
  AclFixture f;
  EXPECT_CALL(f.acls, parse).Times(0);
  auto r = acl_set_file(f.ctx, "/f", "bogus", "garbage");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "invalid acltype parameter: bogus");
}

TEST(AclSetFile, TheKernelsRefusalNamesTheGuestPath) {
  AclFixture f;
  // Named entries without a mask: libacl parses it, the file system refuses it.
  EXPECT_CALL(f.acls, set("/sysroot/f", AclType::Access, _))
      .WillOnce(Return(fail_with(EINVAL, "")));
  auto r = acl_set_file(f.ctx, "/f", "access", "u::r-x,g::r-x,o::r-x,u:500:rw,g:600:x");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().errnum, EINVAL);
  EXPECT_EQ(r.error().message, "/f: Invalid argument");
}

TEST(AclSetFile, DefaultAclOnADirectory) {
  AclFixture f;
  EXPECT_CALL(f.acls, set("/sysroot/d", AclType::Default, ParsedFrom("u::r-x,g::r-x,o::r-x")))
      .WillOnce(Return(Result<void>{}));
  EXPECT_TRUE(acl_set_file(f.ctx, "/d", "default", "u::r-x,g::r-x,o::r-x"));
}

TEST(AclDeleteDefFile, OnTheResolvedPath) {
  AclFixture f;
  EXPECT_CALL(f.acls, delete_default("/sysroot/d")).WillOnce(Return(Result<void>{}));
  EXPECT_TRUE(acl_delete_def_file(f.ctx, "/d"));
}

TEST(AclDeleteDefFile, FailureNamesTheGuestPath) {
  AclFixture f;
  EXPECT_CALL(f.acls, delete_default("/sysroot/nope")).WillOnce(Return(fail_with(ENOENT, "")));
  auto r = acl_delete_def_file(f.ctx, "/nope");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().errnum, ENOENT);
  EXPECT_EQ(r.error().message, "/nope: No such file or directory");
}

TEST(Acl, WithoutThePortTheFeatureIsUnavailable) {
  MockPorts m;
  auto ctx = m.ctx();
  auto r = acl_delete_def_file(ctx, "/d");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().errnum, ENOTSUP);
}

}  // namespace
}  // namespace gfsd::domain
