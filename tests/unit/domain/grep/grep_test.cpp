// grep and its eleven deprecated names: the argv each builds, the guest file
// given as stdin, exit status 1 as "no match", and the original's error texts.
#include <cerrno>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/grep/grep_actions.hpp"
#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::AllOf;
using testing::Field;
using testing::Return;

using Lines = std::vector<std::string>;

// The file reaches grep as its stdin, opened inside the guest by the runner;
// no argument names it.
auto OnGuestStdin(const std::string& path) {
  return AllOf(Field(&ports::RunOptions::stdin_guest_file, path), GuestArgs({}),
               Chrooted(false));
}

TEST(Grep, PlainGrepReadsTheFileOnStdinAndSplitsLines) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"grep", "abc"}, OnGuestStdin("/test-grep.txt")))
      .WillOnce(Return(exited(0, "abc\nabc123\n")));
  auto ctx = m.ctx();
  EXPECT_THAT(grep(ctx, "abc", "/test-grep.txt", {}), HasValue(Lines{"abc", "abc123"}));
}

TEST(Grep, ExitOneIsNoMatchNotAnError) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"grep", "nomatch"}, OnGuestStdin("/f")))
      .WillOnce(Return(exited(1, "")));
  auto ctx = m.ctx();
  EXPECT_THAT(grep(ctx, "nomatch", "/f", {}), HasValue(Lines{}));
}

TEST(Grep, OptionalFlagsInTheOriginalsOrder) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"grep", "-E", "-i", "a|b"}, OnGuestStdin("/f")))
      .WillOnce(Return(exited(0, "A\n")));
  EXPECT_CALL(m.runner, run(Argv{"zgrep", "-F", "-i", "a.b"}, OnGuestStdin("/f.gz")))
      .WillOnce(Return(exited(0, "a.b\n")));
  EXPECT_CALL(m.runner, run(Argv{"zgrep", "x"}, OnGuestStdin("/f.gz")))
      .WillOnce(Return(exited(0, "x\n")));
  auto ctx = m.ctx();
  api::opt::grep ei;
  ei.extended = true;
  ei.insensitive = true;
  EXPECT_THAT(grep(ctx, "a|b", "/f", ei), HasValue(Lines{"A"}));
  api::opt::grep fiz;
  fiz.fixed = true;
  fiz.insensitive = true;
  fiz.compressed = true;
  EXPECT_THAT(grep(ctx, "a.b", "/f.gz", fiz), HasValue(Lines{"a.b"}));
  api::opt::grep z;
  z.compressed = true;
  z.extended = false;  // given as false: no flag
  EXPECT_THAT(grep(ctx, "x", "/f.gz", z), HasValue(Lines{"x"}));
}

TEST(Grep, ExtendedAndFixedTogetherAreRefusedBeforeAnythingRuns) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(_, _)).Times(0);
  auto ctx = m.ctx();
  api::opt::grep ef;
  ef.extended = true;
  ef.fixed = true;
  EXPECT_THAT(grep(ctx, "abc", "/f", ef),
              IsError(0, "can't use 'extended' and 'fixed' flags at the same time"));
}

TEST(Grep, FileThatCannotBeOpenedIsTheRunnersPathError) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"grep", "abc"}, OnGuestStdin("/missing")))
      .WillOnce(Return(fail_errno(ENOENT, "/missing")));
  auto ctx = m.ctx();
  EXPECT_THAT(grep(ctx, "abc", "/missing", {}),
              IsError(ENOENT, "/missing: No such file or directory"));
}

TEST(Grep, StatusTwoOrASignalIsRegexColonStderr) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"grep", "abc"}, OnGuestStdin("/directory")))
      .WillOnce(Return(exited(2, "", "grep: (standard input): Is a directory")));
  EXPECT_CALL(m.runner, run(Argv{"grep", "["}, OnGuestStdin("/f")))
      .WillOnce(Return(exited(2, "", "grep: Invalid regular expression")));
  EXPECT_CALL(m.runner, run(Argv{"zgrep", "abc"}, OnGuestStdin("/directory")))
      .WillOnce(Return(exited(2, "", "\ngzip: stdin: Is a directory")));
  EXPECT_CALL(m.runner, run(Argv{"grep", "k"}, OnGuestStdin("/f")))
      .WillOnce(Return(exited(-1, "partial\n", "")));
  auto ctx = m.ctx();
  EXPECT_THAT(grep(ctx, "abc", "/directory", {}),
              IsError(0, "abc: grep: (standard input): Is a directory"));
  EXPECT_THAT(grep(ctx, "[", "/f", {}), IsError(0, "[: grep: Invalid regular expression"));
  EXPECT_THAT(zgrep(ctx, "abc", "/directory"), IsError(0, "abc: \ngzip: stdin: Is a directory"));
  EXPECT_THAT(grep(ctx, "k", "/f", {}), IsError(0, "k: "));
}

TEST(Grep, OutputIsReadUpToANulAndEmptyLinesKept) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"grep", "a"}, OnGuestStdin("/f")))
      .WillOnce(Return(exited(0, std::string("a\n\na2\nb\0c\n", 11))));
  auto ctx = m.ctx();
  EXPECT_THAT(grep(ctx, "a", "/f", {}), HasValue(Lines{"a", "", "a2", "b"}));
}

using Alias = Result<std::vector<std::string>> (*)(Ctx&, const std::string&, const std::string&);

struct AliasCase {
  const char* name;
  Alias fn;
  Argv argv;
};

TEST(Grep, EachDeprecatedNameIsGrepWithItsFlags) {
  const std::vector<AliasCase> cases = {
      {"egrep", &egrep, {"grep", "-E", "re"}},
      {"fgrep", &fgrep, {"grep", "-F", "re"}},
      {"grepi", &grepi, {"grep", "-i", "re"}},
      {"egrepi", &egrepi, {"grep", "-E", "-i", "re"}},
      {"fgrepi", &fgrepi, {"grep", "-F", "-i", "re"}},
      {"zgrep", &zgrep, {"zgrep", "re"}},
      {"zegrep", &zegrep, {"zgrep", "-E", "re"}},
      {"zfgrep", &zfgrep, {"zgrep", "-F", "re"}},
      {"zgrepi", &zgrepi, {"zgrep", "-i", "re"}},
      {"zegrepi", &zegrepi, {"zgrep", "-E", "-i", "re"}},
      {"zfgrepi", &zfgrepi, {"zgrep", "-F", "-i", "re"}},
  };
  for (const auto& c : cases) {
    MockPorts m;
    EXPECT_CALL(m.runner, run(c.argv, OnGuestStdin("/p"))).WillOnce(Return(exited(0, "hit\n")));
    auto ctx = m.ctx();
    EXPECT_THAT(c.fn(ctx, "re", "/p"), HasValue(Lines{"hit"})) << c.name;
  }
}

}  // namespace
}  // namespace gfsd::domain::test
