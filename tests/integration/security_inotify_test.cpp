// The library-backed security actions (acl_*, cap_*) and the inotify actions
// run by a real daemon on its private tmpfs /sysroot: what they do to real
// files, that nothing leads them out of the sysroot, and that repeating them
// (errors included) leaves no descriptor behind in the daemon.
//
// GFSD_TEST_DAEMON=/usr/sbin/guestfsd runs the same calls on the original;
// the confinement test is ours only (the original's watch follows a symlink
// out of the sysroot).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "integration/fixture.hpp"

namespace gfsd::test {
namespace {

namespace fs = std::filesystem;

ArgsFn args(const std::vector<std::string>& strings) {
  return [strings](proto::XdrEncoder& e) {
    for (const auto& s : strings) e.put(s);
  };
}
ArgsFn int_arg(int32_t v) {
  return [v](proto::XdrEncoder& e) { e.put(v); };
}
ArgsFn watch_args(const std::string& path, uint32_t mask) {
  return [path, mask](proto::XdrEncoder& e) {
    e.put(path);
    e.put(static_cast<int32_t>(mask));
  };
}

bool make_file(const std::string& path) {
  std::ofstream f(path);
  f << "x\n";
  return static_cast<bool>(f);
}

size_t open_descriptors(pid_t pid) {
  std::error_code ec;
  size_t n = 0;
  for (auto it = fs::directory_iterator("/proc/" + std::to_string(pid) + "/fd", ec);
       !ec && it != fs::directory_iterator(); it.increment(ec))
    ++n;
  return n;
}

// The error reply's errno and message, or "OK".
std::string outcome(const Reply& r) {
  if (!r.problem.empty()) return "PROBLEM " + r.problem;
  if (r.ok) return "OK";
  return r.err + ": " + r.message;
}

class SecurityInotify : public ::testing::Test {
 protected:
  void SetUp() override {
    GFSD_REQUIRE_NAMESPACES();
    ASSERT_TRUE(s_.start());
    root_ = s_.daemon().host_path("");
    ASSERT_TRUE(make_file(root_ + "/f"));
    ASSERT_EQ(::mkdir((root_ + "/d").c_str(), 0755), 0);
  }
  TestClient& c() { return s_.client(); }

  // One round of every call, the failing ones included.
  void one_round() {
    EXPECT_REPLY_OK(c().call("inotify_init", int_arg(0)));
    EXPECT_REPLY_OK(c().call("inotify_init", int_arg(0)));  // replaces the first
    EXPECT_REPLY_OK(c().call("inotify_add_watch", watch_args("/", IN_ALL_EVENTS)));
    EXPECT_FALSE(c().call("inotify_add_watch", watch_args("/nope", IN_ALL_EVENTS)).ok);
    EXPECT_REPLY_OK(c().call("inotify_read"));
    EXPECT_REPLY_OK(c().call("inotify_files"));
    EXPECT_REPLY_OK(c().call("inotify_close"));
    EXPECT_FALSE(c().call("inotify_close").ok);

    EXPECT_REPLY_OK(
        c().call("acl_set_file", args({"/f", "access", "u::rw-,g::r--,o::r--,u:0:r,m::r"})));
    EXPECT_REPLY_OK(c().call("acl_get_file", args({"/f", "access"})));
    EXPECT_FALSE(c().call("acl_set_file", args({"/f", "access", "garbage"})).ok);
    EXPECT_FALSE(c().call("acl_get_file", args({"/nope", "access"})).ok);
    EXPECT_REPLY_OK(c().call("acl_set_file", args({"/d", "default", "u::rwx,g::r-x,o::r-x"})));
    EXPECT_REPLY_OK(c().call("acl_delete_def_file", args({"/d"})));
    EXPECT_REPLY_OK(c().call("cap_set_file", args({"/f", "cap_net_raw+ep"})));
    EXPECT_REPLY_OK(c().call("cap_get_file", args({"/f"})));
    EXPECT_FALSE(c().call("cap_set_file", args({"/f", "garbage"})).ok);
    EXPECT_FALSE(c().call("cap_get_file", args({"/nope"})).ok);
  }

  Served s_;
  std::string root_;
};

TEST_F(SecurityInotify, RepeatedCallsLeaveNoDescriptorBehind) {
  one_round();  // libraries loaded, anything they keep open for good is open now
  const size_t before = open_descriptors(s_.daemon().pid());
  ASSERT_GT(before, 0u);
  for (int i = 0; i < 200 && !HasFailure(); ++i) one_round();
  EXPECT_EQ(open_descriptors(s_.daemon().pid()), before);
  // Left open at the end: the daemon's one descriptor, no more.
  EXPECT_REPLY_OK(c().call("inotify_init", int_arg(0)));
  EXPECT_EQ(open_descriptors(s_.daemon().pid()), before + 1);
}

TEST_F(SecurityInotify, AclsAndCapabilitiesOnRealFiles) {
  ASSERT_REPLY_OK(c().call(
      "acl_set_file", args({"/f", "access", "u::r-x,g::r-x,o::r-x,m::rwx,u:500:rw,g:600:x"})));
  Reply got = c().call("acl_get_file", args({"/f", "access"}));
  ASSERT_REPLY_OK(got);
  EXPECT_EQ(as_string(got),
            "user::r-x\nuser:500:rw-\ngroup::r-x\ngroup:600:--x\nmask::rwx\nother::r-x\n");
  EXPECT_EQ(outcome(c().call("acl_set_file",
                             args({"/f", "access", "u::r-x,g::r-x,o::r-x,u:500:rw,g:600:x"}))),
            "EINVAL: /f: Invalid argument");
  EXPECT_EQ(outcome(c().call("acl_set_file", args({"/f", "default", "u::r-x,g::r-x,o::r-x"}))),
            "EACCES: /f: Permission denied");
  EXPECT_EQ(outcome(c().call("acl_get_file", args({"/f", "foo"}))),
            ": invalid acltype parameter: foo");

  ASSERT_REPLY_OK(c().call("acl_set_file", args({"/d", "default", "u::r-x,g::r-x,o::r-x"})));
  EXPECT_EQ(as_string(c().call("acl_get_file", args({"/d", "default"}))),
            "user::r-x\ngroup::r-x\nother::r-x\n");
  ASSERT_REPLY_OK(c().call("acl_delete_def_file", args({"/d"})));
  EXPECT_EQ(as_string(c().call("acl_get_file", args({"/d", "default"}))), "");

  EXPECT_EQ(as_string(c().call("cap_get_file", args({"/f"}))), "");
  ASSERT_REPLY_OK(c().call("cap_set_file", args({"/f", "cap_net_raw+ep"})));
  EXPECT_EQ(as_string(c().call("cap_get_file", args({"/f"}))), "cap_net_raw=ep");
  EXPECT_EQ(outcome(c().call("cap_set_file", args({"/d", "cap_kill+p"}))),
            "EINVAL: /d: Invalid argument");
  // A symlink is refused, not followed, as libcap does in the original's chroot.
  ASSERT_EQ(::symlink("f", (root_ + "/lnk").c_str()), 0);
  EXPECT_EQ(outcome(c().call("cap_set_file", args({"/lnk", "cap_kill+p"}))),
            "EINVAL: /lnk: Invalid argument");
  EXPECT_EQ(as_string(c().call("cap_get_file", args({"/lnk"}))), "cap_net_raw=ep");
}

TEST_F(SecurityInotify, EventsOfAWatchedDirectory) {
  EXPECT_EQ(outcome(c().call("inotify_read")),
            ": do_inotify_read: you must call 'inotify_init' first to initialize inotify");
  ASSERT_REPLY_OK(c().call("inotify_init", int_arg(0)));
  Reply wd = c().call("inotify_add_watch", watch_args("/d", IN_CREATE));
  ASSERT_REPLY_OK(wd);
  ASSERT_TRUE(make_file(root_ + "/d/zz"));
  ASSERT_TRUE(make_file(root_ + "/d/B"));
  ASSERT_TRUE(make_file(root_ + "/d/_x"));
  Reply events = c().call("inotify_read");
  ASSERT_REPLY_OK(events);
  auto list = as_struct_list(events, "inotify_event");
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 3u);
  EXPECT_EQ((*list)[0]["in_name"], "zz");
  EXPECT_EQ((*list)[0]["in_wd"], std::to_string(*as_int64(wd)));
  EXPECT_EQ((*list)[0]["in_mask"], std::to_string(IN_CREATE));
  ASSERT_TRUE(make_file(root_ + "/d/a"));
  ASSERT_TRUE(make_file(root_ + "/d/zz2"));
  EXPECT_EQ(as_strings(c().call("inotify_files")), (std::vector<std::string>{"a", "zz2"}));
  EXPECT_EQ(as_strings(c().call("inotify_files")), std::vector<std::string>{});
  EXPECT_REPLY_OK(c().call("inotify_rm_watch", int_arg(static_cast<int32_t>(*as_int64(wd)))));
  EXPECT_EQ(outcome(c().call("inotify_rm_watch", int_arg(99))), "EINVAL: 99: Invalid argument");
  EXPECT_REPLY_OK(c().call("inotify_close"));
}

// 8000 events with the longest names (about 2.2 MB as the reply encodes them,
// past the 2 MiB the original's room check allows): the whole queue is taken in
// one read and so comes back in one reply, as with the original; then nothing.
TEST_F(SecurityInotify, AQueueOfLongNamesComesBackInOneReply) {
  ASSERT_REPLY_OK(c().call("inotify_init", int_arg(0)));
  ASSERT_REPLY_OK(c().call("inotify_add_watch", watch_args("/d", IN_CREATE)));
  constexpr int kFiles = 8000;
  for (int i = 0; i < kFiles; ++i) {
    std::string name = std::to_string(i);
    name += std::string(255 - name.size(), 'n');
    const int fd = ::open((root_ + "/d/" + name).c_str(), O_CREAT | O_WRONLY | O_CLOEXEC, 0644);
    ASSERT_GE(fd, 0) << name;
    ::close(fd);
  }
  Reply first = c().call("inotify_read");
  ASSERT_REPLY_OK(first);
  auto events = as_struct_list(first, "inotify_event");
  ASSERT_TRUE(events);
  EXPECT_EQ(events->size(), static_cast<size_t>(kFiles));
  EXPECT_EQ((*events)[kFiles - 1]["in_name"].substr(0, 4), "7999");
  auto rest = as_struct_list(c().call("inotify_read"), "inotify_event");
  ASSERT_TRUE(rest);
  EXPECT_TRUE(rest->empty());
  EXPECT_REPLY_OK(c().call("inotify_close"));
}

// A symlink to a directory outside the sysroot resolves inside it, as in a
// chroot: the watch, the ACL and the capabilities land on the decoy at the
// same path below /sysroot, never on the directory outside.
TEST_F(SecurityInotify, SymlinksOutOfTheSysrootStayInside) {
  TempDir outside;
  ASSERT_FALSE(outside.path().empty());
  ASSERT_TRUE(make_file(outside.path() + "/secret"));
  const std::string decoy = root_ + outside.path();
  fs::create_directories(decoy);
  ASSERT_TRUE(make_file(decoy + "/secret"));
  ASSERT_EQ(::symlink(outside.path().c_str(), (root_ + "/out").c_str()), 0);

  ASSERT_REPLY_OK(c().call("inotify_init", int_arg(0)));
  ASSERT_REPLY_OK(c().call("inotify_add_watch", watch_args("/out", IN_CREATE)));
  ASSERT_TRUE(make_file(outside.path() + "/made-outside"));
  ASSERT_TRUE(make_file(decoy + "/made-inside"));
  EXPECT_EQ(as_strings(c().call("inotify_files")), std::vector<std::string>{"made-inside"});
  EXPECT_REPLY_OK(c().call("inotify_close"));

  ASSERT_REPLY_OK(c().call("acl_set_file",
                           args({"/out/secret", "access", "u::rw-,g::r--,o::---,u:0:r,m::r"})));
  ASSERT_REPLY_OK(c().call("cap_set_file", args({"/out/secret", "cap_net_raw+ep"})));
  char buf[256];
  const std::string real = outside.path() + "/secret";
  EXPECT_LT(::getxattr(real.c_str(), "system.posix_acl_access", buf, sizeof buf), 0);
  EXPECT_LT(::getxattr(real.c_str(), "security.capability", buf, sizeof buf), 0);
  EXPECT_GT(::getxattr((decoy + "/secret").c_str(), "security.capability", buf, sizeof buf), 0);
}

}  // namespace
}  // namespace gfsd::test
