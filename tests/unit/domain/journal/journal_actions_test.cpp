// The journal actions over a mock sd-journal: the original's errors, word
// for word, and what each action asks of the library.
#include "domain/journal/journal_actions.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cerrno>
#include <cstdint>
#include <limits>

#include "support/mock_journal.hpp"
#include "support/mock_ports.hpp"
#include "unit/domain/files/files_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockJournal;
using mocks::MockPorts;
using testing::_;
using testing::InSequence;
using testing::NiceMock;
using testing::Return;

struct Fixture {
  MockPorts m;
  NiceMock<MockJournal> journal;
  Ctx ctx = m.ctx();
  explicit Fixture(bool open = true) {
    ctx.journal = &journal;
    ON_CALL(journal, is_open()).WillByDefault(Return(open));
  }
};

std::string need_open(const std::string& function) {
  return function + ": you must call 'journal-open' first to initialize the journal handle";
}

TEST(JournalNeedsOpen, EveryCallNamesTheOriginalsFunction) {
  Fixture f(false);
  EXPECT_CALL(f.journal, close()).Times(0);
  EXPECT_THAT(journal_close(f.ctx), IsError(0, need_open("do_journal_close")));
  EXPECT_THAT(journal_next(f.ctx), IsError(0, need_open("do_journal_next")));
  EXPECT_THAT(journal_skip(f.ctx, 1), IsError(0, need_open("do_journal_skip")));
  // Even a skip of 0 needs the journal.
  EXPECT_THAT(journal_skip(f.ctx, 0), IsError(0, need_open("do_journal_skip")));
  EXPECT_THAT(journal_get_data_threshold(f.ctx),
              IsError(0, need_open("do_journal_get_data_threshold")));
  EXPECT_THAT(journal_set_data_threshold(f.ctx, 10),
              IsError(0, need_open("do_journal_set_data_threshold")));
  EXPECT_THAT(journal_get_realtime_usec(f.ctx),
              IsError(0, need_open("do_journal_get_realtime_usec")));
  EXPECT_CALL(f.m.download, start()).Times(0);
  EXPECT_THAT(internal_journal_get(f.ctx), IsError(0, need_open("do_internal_journal_get")));
}

TEST(JournalOpen, ClosesTheOldOneThenOpensTheSysrootDirectory) {
  Fixture f(true);
  InSequence seq;
  EXPECT_CALL(f.journal, close());
  EXPECT_CALL(f.journal, open("/sysroot/var/log/journal")).WillOnce(Return(Result<void>{}));
  EXPECT_TRUE(journal_open(f.ctx, "/var/log/journal"));
}

TEST(JournalOpen, SymlinksAreResolvedInsideTheSysroot) {
  Fixture f;
  EXPECT_CALL(f.m.fs, realpath("/var/log/journal"))
      .WillOnce(Return(Result<std::string>("/run/log/journal")));
  EXPECT_CALL(f.journal, open("/sysroot/run/log/journal")).WillOnce(Return(Result<void>{}));
  EXPECT_TRUE(journal_open(f.ctx, "/var/log/journal"));
}

TEST(JournalOpen, FailureIsPerrorStyleWithTheGuestPath) {
  Fixture f;
  EXPECT_CALL(f.journal, open("/sysroot/nope")).WillOnce(Return(fail_with(ENOENT, "")));
  EXPECT_THAT(journal_open(f.ctx, "/nope"),
              IsError(ENOENT, "sd_journal_open_directory: /nope: No such file or directory"));
}

TEST(JournalOpen, AnUnresolvablePathIsNeverOpened) {
  Fixture f;
  // A symlink loop: it exists, but names nothing.
  EXPECT_CALL(f.m.fs, realpath("/loop")).WillOnce(Return(fail_with(ELOOP, "")));
  EXPECT_CALL(f.m.fs, stat("/loop", false)).WillOnce(Return(Result<ports::FileStat>(stat_of(kSymlink))));
  EXPECT_CALL(f.journal, open(_)).Times(0);
  EXPECT_THAT(journal_open(f.ctx, "/loop"),
              IsError(ELOOP, "sd_journal_open_directory: /loop: Too many levels of symbolic links"));
}

TEST(JournalClose, ClosesTheHandle) {
  Fixture f;
  EXPECT_CALL(f.journal, close());
  EXPECT_TRUE(journal_close(f.ctx));
}

TEST(JournalNext, MoreOrNotAndErrors) {
  Fixture f;
  EXPECT_CALL(f.journal, next())
      .WillOnce(Return(Result<bool>(true)))
      .WillOnce(Return(Result<bool>(false)))
      .WillOnce(Return(fail_with(EBADMSG, "")));
  EXPECT_THAT(journal_next(f.ctx), HasValue(true));
  EXPECT_THAT(journal_next(f.ctx), HasValue(false));
  EXPECT_THAT(journal_next(f.ctx), IsError(EBADMSG, "sd_journal_next: Bad message"));
}

TEST(JournalSkip, ZeroAsksNothing) {
  Fixture f;
  EXPECT_CALL(f.journal, skip_forward(_)).Times(0);
  EXPECT_CALL(f.journal, skip_backward(_)).Times(0);
  EXPECT_THAT(journal_skip(f.ctx, 0), HasValue(int64_t{0}));
}

TEST(JournalSkip, ForwardAndBackwardByTheMagnitude) {
  Fixture f;
  EXPECT_CALL(f.journal, skip_forward(5u)).WillOnce(Return(Result<int64_t>(5)));
  EXPECT_CALL(f.journal, skip_backward(3u)).WillOnce(Return(Result<int64_t>(2)));
  EXPECT_CALL(f.journal, skip_backward(uint64_t{1} << 63)).WillOnce(Return(fail_with(ERANGE, "")));
  EXPECT_THAT(journal_skip(f.ctx, 5), HasValue(int64_t{5}));
  EXPECT_THAT(journal_skip(f.ctx, -3), HasValue(int64_t{2}));
  EXPECT_THAT(journal_skip(f.ctx, std::numeric_limits<int64_t>::min()),
              IsError(ERANGE,
                      "failed to skip -9223372036854775808 journal entries: Numerical result out "
                      "of range"));
}

TEST(JournalThreshold, GetAndSet) {
  Fixture f;
  EXPECT_CALL(f.journal, data_threshold())
      .WillOnce(Return(Result<uint64_t>(65536)))
      .WillOnce(Return(Result<uint64_t>(std::numeric_limits<uint64_t>::max())))
      .WillOnce(Return(fail_with(EINVAL, "")));
  EXPECT_CALL(f.journal, set_data_threshold(0u)).WillOnce(Return(Result<void>{}));
  // A negative threshold is a huge size_t to the library, as it was.
  EXPECT_CALL(f.journal, set_data_threshold(std::numeric_limits<uint64_t>::max()))
      .WillOnce(Return(fail_with(EINVAL, "")));
  EXPECT_THAT(journal_get_data_threshold(f.ctx), HasValue(int64_t{65536}));
  EXPECT_THAT(journal_get_data_threshold(f.ctx), HasValue(int64_t{-1}));
  EXPECT_THAT(journal_get_data_threshold(f.ctx),
              IsError(EINVAL, "sd_journal_get_data_threshold: Invalid argument"));
  EXPECT_TRUE(journal_set_data_threshold(f.ctx, 0));
  EXPECT_THAT(journal_set_data_threshold(f.ctx, -1),
              IsError(EINVAL, "sd_journal_set_data_threshold: Invalid argument"));
}

TEST(JournalRealtime, TheEntrysTimeOrTheLibrarysError) {
  Fixture f;
  EXPECT_CALL(f.journal, realtime_usec())
      .WillOnce(Return(Result<uint64_t>(1700000000000000)))
      .WillOnce(Return(fail_with(EADDRNOTAVAIL, "")));
  EXPECT_THAT(journal_get_realtime_usec(f.ctx), HasValue(int64_t{1700000000000000}));
  EXPECT_THAT(journal_get_realtime_usec(f.ctx),
              IsError(EADDRNOTAVAIL, "sd_journal_get_realtime_usec: Cannot assign requested address"));
}

}  // namespace
}  // namespace gfsd::domain::test
