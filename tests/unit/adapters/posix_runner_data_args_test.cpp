// PosixProcessRunner's data arguments (secrets such as LUKS keys): the program
// reads them from an anonymous in-memory file named on its command line, and
// neither argv nor the verbose log ever holds them.
#include "adapters/posix/posix_process_runner.hpp"

#include <cerrno>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/mock_ports.hpp"

namespace gfsd::adapters {
namespace {

using testing::_;
using testing::HasSubstr;
using testing::Not;
using testing::Return;

const std::string kSecret = "s3cret key\nwith a newline";

class PosixRunnerDataArgs : public testing::Test {
 protected:
  PosixRunnerDataArgs() {
    ON_CALL(log_, verbose()).WillByDefault(Return(true));
    ON_CALL(log_, debug(_)).WillByDefault([this](const std::string& l) { logged_.push_back(l); });
  }
  Result<ports::ProcessResult> run(const std::vector<std::string>& argv,
                                   std::vector<ports::RunOptions::DataArg> data) {
    ports::RunOptions opts;
    opts.data_args = std::move(data);
    return runner_.run(argv, opts);
  }

  testing::NiceMock<mocks::MockLog> log_;
  std::vector<std::string> logged_;
  PosixProcessRunner runner_{"", log_};
};

TEST_F(PosixRunnerDataArgs, TheProgramReadsTheDataByThePathAppended) {
  auto r = run({"sh", "-c", "printf %s \"$1\"; echo; cat \"$1\"", "sh", ""}, {{4, kSecret}});
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->status, 0) << r->err;
  const auto newline = r->out.find('\n');
  ASSERT_NE(newline, std::string::npos);
  EXPECT_THAT(r->out.substr(0, newline), testing::MatchesRegex("/proc/self/fd/[0-9]+"));
  EXPECT_EQ(r->out.substr(newline + 1), kSecret);
}

TEST_F(PosixRunnerDataArgs, AnOptionPrefixAndTwoFilesAtOnce) {
  auto r = run({"sh", "-c", "cat \"${1#--key-file=}\" \"$2\"", "sh", "--key-file=", ""},
               {{4, "old"}, {5, "new"}});
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->status, 0) << r->err;
  EXPECT_EQ(r->out, "oldnew");
}

// A regular file, as the original's temporary key file was: programs such as
// cryptsetup treat an empty pipe ("Nothing to read on input") and an empty
// file differently, and the in-memory file is in no directory.
TEST_F(PosixRunnerDataArgs, ARegularFileInNoDirectoryEvenWhenEmpty) {
  auto r = run({"sh", "-c", "stat -L -c %F \"$1\"; readlink \"$1\"", "sh", ""}, {{4, ""}});
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->status, 0) << r->err;
  EXPECT_THAT(r->out, testing::StartsWith("regular empty file\n/memfd:"));
}

TEST_F(PosixRunnerDataArgs, LargeDataArrivesWhole) {
  const std::string big(3 << 20, 'k');
  auto r = run({"wc", "-c", ""}, {{2, big}});
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_THAT(r->out, testing::StartsWith(std::to_string(big.size()) + " "));
}

TEST_F(PosixRunnerDataArgs, NeitherDataNorStdinIsLogged) {
  ports::RunOptions opts;
  opts.data_args = {{3, kSecret}};
  bool fed = false;
  opts.stdin_source = [&](char* buf, size_t n) -> Result<size_t> {
    if (fed) return size_t{0};
    fed = true;
    const std::string other = "stdin secret";
    const size_t k = std::min(n, other.size());
    other.copy(buf, k);
    return k;
  };
  // The program echoes neither; it fails so that its stderr is logged too.
  auto r = runner_.run(
      {"sh", "-c", "cat >/dev/null; cat \"$0\" >/dev/null; echo failed >&2; exit 3", ""}, opts);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->status, 3);
  ASSERT_FALSE(logged_.empty());
  for (const auto& line : logged_) {
    EXPECT_THAT(line, Not(HasSubstr("s3cret")));
    EXPECT_THAT(line, Not(HasSubstr("stdin secret")));
  }
  EXPECT_THAT(logged_.front(), testing::StartsWith("commandrvf: sh -c"));
}

TEST_F(PosixRunnerDataArgs, BadUsesAreRefused) {
  auto no_arg = run({"true"}, {{3, "x"}});
  ASSERT_FALSE(no_arg);
  EXPECT_EQ(no_arg.error().errnum, EINVAL);
  ports::RunOptions chrooted;
  chrooted.chroot_sysroot = true;
  chrooted.data_args = {{1, "x"}};
  auto in_guest = runner_.run({"cat", ""}, chrooted);
  ASSERT_FALSE(in_guest);
  EXPECT_EQ(in_guest.error().errnum, EINVAL);
}

}  // namespace
}  // namespace gfsd::adapters
