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

std::string read_host(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
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

TEST_F(PosixRunnerGuestPaths, FollowDirOnlyIntoDirectories) {
  write_host(root_ + "/g", "g");
  auto into = run({"mv", "/f", "/abs"}, {{1, Last::AsIs}, {2, Last::FollowDir}});
  ASSERT_TRUE(into);
  EXPECT_EQ(into->status, 0) << into->err;
  EXPECT_EQ(read_host(decoy_ + "/f"), "f");
  EXPECT_FALSE(fs::exists(outside_ + "/f"));
  // A symlink to a file is replaced, as rename does.
  auto over = run({"mv", "/g", "/abs_secret"}, {{1, Last::AsIs}, {2, Last::FollowDir}});
  ASSERT_TRUE(over);
  EXPECT_EQ(over->status, 0) << over->err;
  EXPECT_FALSE(fs::is_symlink(root_ + "/abs_secret"));
  EXPECT_EQ(read_host(root_ + "/abs_secret"), "g");
  EXPECT_EQ(read_host(decoy_ + "/secret"), "IN");
  EXPECT_EQ(read_host(outside_ + "/secret"), "OUT");
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

}  // namespace
}  // namespace gfsd::adapters
