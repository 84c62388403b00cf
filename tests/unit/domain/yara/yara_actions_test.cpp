// yara_load, yara_destroy and internal_yara_scan over a mock libyara: the
// original's errors word for word, the rules file removed on every path, and
// the exact XDR bytes of the detections the library's yara_scan decodes.
#include "domain/yara/yara_actions.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <string>

#include "support/mock_yara.hpp"
#include "unit/domain/archives/archive_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MemoryRulesFile;
using mocks::MockPorts;
using mocks::MockYara;
using mocks::MockYaraTarget;
using ports::YaraLoadOutcome;
using ports::YaraLoadStatus;
using testing::_;
using testing::InSequence;
using testing::NiceMock;
using testing::Return;

using std::string_literals::operator""s;

constexpr const char* kRulesPath = "/tmp/yaraAbC123";

// The upload stream gives `chunks` in turn, then the end (or `last`).
void feed_upload(MockPorts& m, std::vector<std::string> chunks, Result<size_t> last = size_t{0}) {
  auto state = std::make_shared<std::pair<std::vector<std::string>, size_t>>(std::move(chunks), 0);
  ON_CALL(m.upload, read(_, _)).WillByDefault([state, last](char* buf, size_t n) -> Result<size_t> {
    auto& [all, i] = *state;
    if (i == all.size()) return last;
    const std::string& c = all[i++];
    EXPECT_LE(c.size(), n);
    std::memcpy(buf, c.data(), c.size());
    return c.size();
  });
}

YaraLoadOutcome outcome(YaraLoadStatus status, int errors = 0, int code = 0) {
  YaraLoadOutcome o;
  o.status = status;
  o.errors = errors;
  o.code = code;
  return o;
}

struct Fixture {
  MockPorts m;
  NiceMock<MockYara> yara;
  Ctx ctx = m.ctx();
  MemoryRulesFile* file = nullptr;  // the last rules file made
  bool removed = false;

  Fixture() {
    ctx.yara = &yara;
    ON_CALL(yara, create_rules_file()).WillByDefault([this] {
      auto f = std::make_unique<MemoryRulesFile>(kRulesPath, &removed);
      file = f.get();
      return Result<std::unique_ptr<ports::YaraRulesFile>>(std::move(f));
    });
  }
};

TEST(YaraLoad, TheUploadGoesToTheRulesFileWhichIsLoadedThenRemoved) {
  Fixture f;
  feed_upload(f.m, {"rule A { condition: ", "true }\n"});
  EXPECT_CALL(f.yara, load(_)).WillOnce([&](const ports::YaraRulesFile& rules) {
    EXPECT_EQ(&rules, f.file);
    EXPECT_EQ(f.file->content, "rule A { condition: true }\n");
    EXPECT_EQ(f.file->closes, 1);  // written out before libyara reads it
    EXPECT_FALSE(f.removed);
    return outcome(YaraLoadStatus::Loaded);
  });
  EXPECT_TRUE(yara_load(f.ctx));
  EXPECT_TRUE(f.removed);
}

TEST(YaraLoad, CompileErrorsAreCountedAndLogged) {
  Fixture f;
  feed_upload(f.m, {"rule {"});
  YaraLoadOutcome o = outcome(YaraLoadStatus::CompileErrors, 2);
  o.messages = {{true, 1, "syntax error, unexpected '{', expecting identifier"},
                {false, 4, "string \"$a\" may slow down scanning"},
                {true, 7, "undefined identifier \"x\""}};
  EXPECT_CALL(f.yara, load(_)).WillOnce(Return(o));
  {
    InSequence seq;
    EXPECT_CALL(f.m.log, error("Yara error (line 1): syntax error, unexpected '{', expecting identifier"));
    EXPECT_CALL(f.m.log, debug("Yara warning (line 4): string \"$a\" may slow down scanning"));
    EXPECT_CALL(f.m.log, error("Yara error (line 7): undefined identifier \"x\""));
  }
  EXPECT_THAT(yara_load(f.ctx), IsError(0, "found 2 errors when compiling the rules"));
  EXPECT_TRUE(f.removed);
}

TEST(YaraLoad, EveryOtherFailureInTheOriginalsWords) {
  const std::vector<std::pair<YaraLoadOutcome, std::pair<int, std::string>>> cases = {
      {outcome(YaraLoadStatus::InitializeFailed), {0, "failed initializing yara"}},
      {outcome(YaraLoadStatus::CompilerFailed), {0, "yr_compiler_create"}},
      {outcome(YaraLoadStatus::SourceUnreadable), {0, "unable to open rules file"}},
      {outcome(YaraLoadStatus::OutOfMemory), {ENOMEM, "yr_compiler_get_rules: Cannot allocate memory"}},
      // No reply at all came from the original for these two.
      {outcome(YaraLoadStatus::BuildFailed, 0, 3), {0, "yr_compiler_get_rules: error 3"}},
      {outcome(YaraLoadStatus::Rejected, 0, 8), {0, "yr_rules_load: error 8"}},
  };
  for (const auto& [o, expected] : cases) {
    Fixture f;
    feed_upload(f.m, {"x"});
    EXPECT_CALL(f.yara, load(_)).WillOnce(Return(o));
    EXPECT_THAT(yara_load(f.ctx), IsError(expected.first, expected.second));
    EXPECT_TRUE(f.removed);
  }
}

TEST(YaraLoad, NoRulesFileNoLoad) {
  Fixture f;
  EXPECT_CALL(f.yara, create_rules_file()).WillOnce(Return(fail_with(ENOSPC, "")));
  EXPECT_CALL(f.yara, load(_)).Times(0);
  EXPECT_THAT(yara_load(f.ctx), IsError(ENOSPC, "mkstemp: No space left on device"));
}

TEST(YaraLoad, AFailedUploadKeepsTheOldRulesAndRemovesTheFile) {
  struct Case {
    Result<size_t> last;
    int write_errno, close_errno;
    int errnum;
    std::string message;
  };
  const std::vector<Case> cases = {
      {fail_with(ECANCELED, ""), 0, 0, 0, "file upload cancelled"},
      {fail_with(EPROTO, ""), 0, 0, 0, std::string("write error: ") + kRulesPath},
      {size_t{0}, ENOSPC, 0, 0, std::string("write error: ") + kRulesPath},
      {size_t{0}, 0, EIO, EIO, "close: Input/output error"},
  };
  for (const auto& c : cases) {
    Fixture f;
    feed_upload(f.m, {"rule A { condition: true }"}, c.last);
    EXPECT_CALL(f.yara, create_rules_file()).WillOnce([&] {
      auto file = std::make_unique<MemoryRulesFile>(kRulesPath, &f.removed);
      file->write_errno = c.write_errno;
      file->close_errno = c.close_errno;
      return Result<std::unique_ptr<ports::YaraRulesFile>>(std::move(file));
    });
    EXPECT_CALL(f.yara, load(_)).Times(0);
    EXPECT_CALL(f.yara, destroy()).Times(0);
    EXPECT_THAT(yara_load(f.ctx), IsError(c.errnum, c.message));
    EXPECT_TRUE(f.removed);
  }
}

TEST(YaraDestroy, NeedsRules) {
  Fixture f;
  EXPECT_CALL(f.yara, loaded()).WillOnce(Return(false)).WillOnce(Return(true));
  EXPECT_CALL(f.yara, destroy()).Times(1);
  EXPECT_THAT(yara_destroy(f.ctx), IsError(0, "no yara rules loaded"));
  EXPECT_TRUE(yara_destroy(f.ctx));
}

struct ScanFixture : Fixture {
  std::shared_ptr<Download> down = record_download(m);
  ScanFixture() { ON_CALL(yara, loaded()).WillByDefault(Return(true)); }
};

// A target whose scan reports `rules` as matching, then returns `end`.
Result<std::unique_ptr<ports::YaraTarget>> target_matching(std::vector<std::string> rules,
                                                           Result<void> end = {}) {
  auto t = std::make_unique<NiceMock<MockYaraTarget>>();
  EXPECT_CALL(*t, scan(_)).WillOnce(
      [rules, end](const std::function<Result<void>(std::string_view)>& on_match) -> Result<void> {
        for (const auto& r : rules) GFSD_TRY(on_match(r));
        return end;
      });
  return std::unique_ptr<ports::YaraTarget>(std::move(t));
}

TEST(InternalYaraScan, NeedsRulesBeforeAnything) {
  ScanFixture f;
  EXPECT_CALL(f.yara, loaded()).WillOnce(Return(false));
  EXPECT_CALL(f.yara, open_target(_)).Times(0);
  EXPECT_CALL(f.m.download, start()).Times(0);
  EXPECT_THAT(internal_yara_scan(f.ctx, "/text.txt"), IsError(0, "no yara rules loaded"));
}

TEST(InternalYaraScan, EachDetectionIsAnXdrRecordOfPathAndRule) {
  ScanFixture f;
  EXPECT_CALL(f.yara, open_target("/sysroot/text.txt"))
      .WillOnce(Return(target_matching({"TestRule", "Another_rule1"})));
  ASSERT_TRUE(internal_yara_scan(f.ctx, "/text.txt"));
  // string<>: length, bytes, zero padding to 4; the name is the path as given.
  const std::string expected =
      "\0\0\0\x09" "/text.txt\0\0\0"  "\0\0\0\x08" "TestRule"
      "\0\0\0\x09" "/text.txt\0\0\0"  "\0\0\0\x0d" "Another_rule1\0\0\0"s;
  EXPECT_EQ(f.down->data, expected);
  EXPECT_TRUE(f.down->finished);
}

TEST(InternalYaraScan, NoMatchIsAnEmptyFile) {
  ScanFixture f;
  EXPECT_CALL(f.yara, open_target("/sysroot/a/b")).WillOnce(Return(target_matching({})));
  ASSERT_TRUE(internal_yara_scan(f.ctx, "/a/b"));
  EXPECT_TRUE(f.down->started);
  EXPECT_EQ(f.down->data, "");
  EXPECT_TRUE(f.down->finished);
}

TEST(InternalYaraScan, AFileThatCannotBeOpenedIsPerrorStyle) {
  ScanFixture f;
  EXPECT_CALL(f.yara, open_target("/sysroot/missing")).WillOnce(Return(fail_with(ENOENT, "")));
  EXPECT_CALL(f.m.download, start()).Times(0);
  EXPECT_THAT(internal_yara_scan(f.ctx, "/missing"),
              IsError(ENOENT, "/missing: No such file or directory"));
}

TEST(InternalYaraScan, AnUnresolvablePathIsNeverOpened) {
  ScanFixture f;
  EXPECT_CALL(f.m.fs, realpath("/dangling")).WillOnce(Return(fail_with(ENOENT, "")));
  EXPECT_CALL(f.m.fs, stat("/dangling", false))
      .WillOnce(Return(Result<ports::FileStat>(stat_of(kSymlink))));
  EXPECT_CALL(f.yara, open_target(_)).Times(0);
  EXPECT_THAT(internal_yara_scan(f.ctx, "/dangling"),
              IsError(ENOENT, "/dangling: No such file or directory"));
}

TEST(InternalYaraScan, AScanErrorAfterTheReplyCancels) {
  ScanFixture f;
  EXPECT_CALL(f.yara, open_target(_))
      .WillOnce(Return(target_matching({"A"}, fail("yr_rules_scan_fd: error 4"))));
  EXPECT_CALL(f.m.download, finish()).Times(0);
  EXPECT_THAT(internal_yara_scan(f.ctx, "/dir"), IsError(0, "yr_rules_scan_fd: error 4"));
  EXPECT_TRUE(f.down->started);
}

TEST(InternalYaraScan, ACancelledTransferStopsTheScan) {
  ScanFixture f;
  EXPECT_CALL(f.m.download, write(_, _)).WillOnce(Return(fail_with(ECANCELED, "file transfer cancelled")));
  EXPECT_CALL(f.yara, open_target(_)).WillOnce(Return(target_matching({"A", "B"})));
  EXPECT_CALL(f.m.download, finish()).Times(0);
  EXPECT_THAT(internal_yara_scan(f.ctx, "/f"), IsError(ECANCELED, "file transfer cancelled"));
}

}  // namespace
}  // namespace gfsd::domain::test
