// The libacl and libcap adapters with the real libraries, on files of the
// build host: what does not depend on the file system's ACL or xattr support.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "adapters/acl/lib_acl.hpp"
#include "adapters/capabilities/lib_cap.hpp"
#include "adapters/selinux/lib_selinux.hpp"

namespace gfsd::adapters {
namespace {

class TempFile {
 public:
  explicit TempFile(mode_t mode) {
    char tmpl[] = "/tmp/gfsd-acl-XXXXXX";
    const int fd = ::mkstemp(tmpl);
    if (fd < 0) return;
    ::fchmod(fd, mode);
    ::close(fd);
    path_ = tmpl;
  }
  ~TempFile() {
    if (!path_.empty()) ::unlink(path_.c_str());
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

TEST(LibAcl, TheAccessAclOfAPlainFileInTheLongTextForm) {
  LibAcl acls;
  ASSERT_TRUE(acls.available());
  TempFile f(0640);
  ASSERT_FALSE(f.path().empty());
  auto text = acls.get(f.path(), ports::AclType::Access);
  ASSERT_TRUE(text) << text.error().message;
  EXPECT_EQ(*text, "user::rw-\ngroup::r--\nother::---\n");
}

TEST(LibAcl, ParseErrorsCarryLibaclsErrno) {
  LibAcl acls;
  auto ok = acls.parse("u::r-x,g::r-x,o::r-x,m::rwx,u:500:rw,g:600:x");
  EXPECT_TRUE(ok);
  // An unknown name: the errno the name lookup left (ENOENT in the appliance,
  // whatever this host's NSS modules leave here). Garbage in the permissions: EINVAL.
  auto unknown = acls.parse("u::r-x,u:no-such-user-gfsd:rw");
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().errnum, 0);
  EXPECT_EQ(unknown.error().message,
            std::string("acl_from_text: ") + std::strerror(unknown.error().errnum));
  auto bad = acls.parse("u::zzz");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().errnum, EINVAL);
}

TEST(LibAcl, AFileThatIsNotThereFailsWithTheErrnoAlone) {
  LibAcl acls;
  auto r = acls.get("/nonexistent-gfsd/x", ports::AclType::Access);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().errnum, ENOENT);
  EXPECT_EQ(r.error().message, "");
  auto d = acls.delete_default("/nonexistent-gfsd/x");
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().errnum, ENOENT);
  EXPECT_EQ(d.error().message, "");
}

TEST(LibCap, ParseAndRefusals) {
  LibCap caps;
  ASSERT_TRUE(caps.available());
  EXPECT_TRUE(caps.parse("cap_net_raw+ep"));
  EXPECT_TRUE(caps.parse(""));
  auto bad = caps.parse("garbage");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().errnum, EINVAL);
  EXPECT_EQ(bad.error().message, "cap_from_text: Invalid argument");

  TempFile f(0644);
  ASSERT_FALSE(f.path().empty());
  // No security.capability attribute: ENODATA, left to the caller to judge.
  auto none = caps.get(f.path());
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().errnum, ENODATA);
  EXPECT_EQ(none.error().message, "");
  // libcap sets only on regular files, never through a symlink.
  auto parsed = caps.parse("cap_kill+p");
  ASSERT_TRUE(parsed);
  auto on_dir = caps.set("/tmp", **parsed);
  ASSERT_FALSE(on_dir);
  EXPECT_EQ(on_dir.error().errnum, EINVAL);
  EXPECT_EQ(on_dir.error().message, "");
}

TEST(LibSELinux, Loads) {
  LibSELinux se;
  EXPECT_TRUE(se.available());
}

}  // namespace
}  // namespace gfsd::adapters
