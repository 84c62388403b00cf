// PosixProcessRunner's guest arguments and working directory against a real
// temporary tree: the sysroot is <tmp>/root, and <tmp>/outside holds what no
// guest path may reach; <tmp>/root<tmp>/outside is the decoy where absolute
// symlinks land when resolved as in a chroot.
#include "adapters/posix/posix_process_runner.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/mock_ports.hpp"

namespace gfsd::adapters {
namespace {

namespace fs = std::filesystem;
using Last = ports::GuestArg::Last;

void write_host(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
}

class PosixRunnerGuestPaths : public testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/gfsd-runner-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    tmp_ = tmpl;
    root_ = tmp_ + "/root";
    outside_ = tmp_ + "/outside";
    decoy_ = root_ + outside_;
    fs::create_directories(outside_);
    fs::create_directories(decoy_);
    write_host(outside_ + "/secret", "OUT");
    write_host(decoy_ + "/secret", "IN");
    write_host(root_ + "/f", "f");
    fs::create_symlink(outside_, root_ + "/abs");             // a directory outside
    fs::create_symlink(outside_ + "/secret", root_ + "/abs_secret");
    fs::create_symlink("../../../../../../../.." + outside_, root_ + "/rel");
    fs::create_symlink("abs_secret", root_ + "/chain");
    fs::create_symlink("loop2", root_ + "/loop1");
    fs::create_symlink("loop1", root_ + "/loop2");
    runner_ = std::make_unique<PosixProcessRunner>(root_, log_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(tmp_, ec);
  }

  Result<ports::ProcessResult> run(const std::vector<std::string>& argv,
                                   std::vector<ports::GuestArg> guest, std::string cwd = "") {
    ports::RunOptions opts;
    opts.guest_args = std::move(guest);
    opts.guest_cwd = std::move(cwd);
    return runner_->run(argv, opts);
  }

  std::string tmp_, root_, outside_, decoy_;
  testing::NiceMock<mocks::MockLog> log_;
  std::unique_ptr<PosixProcessRunner> runner_;
};

TEST_F(PosixRunnerGuestPaths, SymlinksInTheParentStayInside) {
  for (const char* p : {"/abs/secret", "/rel/secret", "/abs/../outside/secret"}) {
    auto r = run({"cat", p}, {{1, Last::AsIs}});
    ASSERT_TRUE(r) << p << ": " << r.error().message;
    EXPECT_EQ(r->status, 0) << p << ": " << r->err;
    EXPECT_EQ(r->out, "IN") << p;
  }
}

TEST_F(PosixRunnerGuestPaths, FollowResolvesTheLastSymlinkInside) {
  for (const char* p : {"/abs_secret", "/chain"}) {
    auto r = run({"cat", p}, {{1, Last::Follow}});
    ASSERT_TRUE(r) << p;
    EXPECT_EQ(r->out, "IN") << p;
  }
  auto loop = run({"cat", "/loop1"}, {{1, Last::Follow}});
  ASSERT_FALSE(loop);
  EXPECT_EQ(loop.error().errnum, ELOOP);
}

TEST_F(PosixRunnerGuestPaths, AsIsPassesTheLastComponentByName) {
  // readlink sees the symlink itself, not its target.
  auto r = run({"readlink", "/abs_secret"}, {{1, Last::AsIs}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->out, outside_ + "/secret\n");
}

TEST_F(PosixRunnerGuestPaths, WholeDirectoriesAndTheWorkingDirectory) {
  // "/abs/" is resolved whole: the program gets the directory itself.
  auto whole = run({"sh", "-c", "cat \"$0\"secret", "/abs/"}, {{3, Last::AsIs}});
  ASSERT_TRUE(whole);
  EXPECT_EQ(whole->out, "IN");
  auto cwd = run({"cat", "secret"}, {}, "/rel");
  ASSERT_TRUE(cwd);
  EXPECT_EQ(cwd->out, "IN");
}

TEST_F(PosixRunnerGuestPaths, ErrorsNameTheGuestPath) {
  auto missing_parent = run({"cat", "/nodir/x"}, {{1, Last::AsIs}});
  ASSERT_FALSE(missing_parent);
  EXPECT_EQ(missing_parent.error().errnum, ENOENT);
  EXPECT_EQ(missing_parent.error().message,
            "cat: cannot access '/nodir/x': No such file or directory");
  auto bad_cwd = run({"true"}, {}, "/f");
  ASSERT_FALSE(bad_cwd);
  EXPECT_EQ(bad_cwd.error().errnum, ENOTDIR);
  // The program's own message reads <sysroot><guest path>, as before.
  auto missing = run({"cat", "/missing"}, {{1, Last::AsIs}});
  ASSERT_TRUE(missing);
  EXPECT_NE(missing->status, 0);
  EXPECT_EQ(missing->err, "cat: " + root_ + "/missing: No such file or directory");
}

// The child does no $PATH search of its own (the parent planned it before
// fork): the order, the skipping and the errors are execvp's.
class PosixRunnerPathSearch : public PosixRunnerGuestPaths {
 protected:
  void SetUp() override {
    PosixRunnerGuestPaths::SetUp();
    const char* old = ::getenv("PATH");
    saved_path_ = old ? old : "";
    for (const char* d : {"/p1", "/p2", "/p3"}) fs::create_directories(tmp_ + d);
  }
  void TearDown() override {
    ::setenv("PATH", saved_path_.c_str(), 1);
    PosixRunnerGuestPaths::TearDown();
  }
  void script(const std::string& path, const std::string& text, fs::perms mode) {
    write_host(path, "#!/bin/sh\n" + text + "\n");
    fs::permissions(path, mode);
  }
  std::string saved_path_;
};

TEST_F(PosixRunnerPathSearch, FirstExecutableOnThePathWins) {
  script(tmp_ + "/p2/gfsdprog", "echo two", fs::perms::owner_all);
  script(tmp_ + "/p3/gfsdprog", "echo three", fs::perms::owner_all);
  ::setenv("PATH", (tmp_ + "/p1:" + tmp_ + "/nothere:" + tmp_ + "/p2:" + tmp_ + "/p3").c_str(), 1);
  auto r = run({"gfsdprog"}, {});
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->out, "two\n");
}

TEST_F(PosixRunnerPathSearch, ANonExecutableIsSkippedButSaysPermissionDenied) {
  script(tmp_ + "/p1/gfsdprog", "echo one", fs::perms::owner_read);
  ::setenv("PATH", (tmp_ + "/p1:" + tmp_ + "/p2").c_str(), 1);
  // Even root cannot execute a file without an x bit.
  auto denied = run({"gfsdprog"}, {});
  ASSERT_FALSE(denied);
  EXPECT_EQ(denied.error().errnum, EACCES);
  EXPECT_EQ(denied.error().message, "gfsdprog: Permission denied");
  script(tmp_ + "/p2/gfsdprog", "echo two", fs::perms::owner_all);
  auto found = run({"gfsdprog"}, {});
  ASSERT_TRUE(found);
  EXPECT_EQ(found->out, "two\n");
}

TEST_F(PosixRunnerPathSearch, MissingProgramAndExplicitNames) {
  ::setenv("PATH", (tmp_ + "/p1").c_str(), 1);
  auto missing = run({"gfsd-no-such-program"}, {});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().errnum, ENOENT);
  EXPECT_EQ(missing.error().message, "gfsd-no-such-program: No such file or directory");
  // A name with a slash is not searched for.
  script(tmp_ + "/p2/gfsdprog", "echo direct", fs::perms::owner_all);
  auto direct = run({tmp_ + "/p2/gfsdprog"}, {});
  ASSERT_TRUE(direct);
  EXPECT_EQ(direct->out, "direct\n");
}

}  // namespace
}  // namespace gfsd::adapters
