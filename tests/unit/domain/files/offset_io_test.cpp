// pread / pwrite.
#include <cerrno>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "files_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockFile;
using mocks::MockPorts;
using testing::_;
using testing::ByMove;
using testing::Return;

TEST(Pread, OneReadThroughThePort) {
  MockPorts m;
  EXPECT_CALL(m.fs, pread("/f", 10u, 3)).WillOnce(Return(std::string("345")));
  auto ctx = m.ctx();
  EXPECT_THAT(pread(ctx, "/f", 10, 3), HasValue(std::string("345")));
}

TEST(Pread, PortErrorsNameTheirStep) {
  MockPorts m;
  EXPECT_CALL(m.fs, pread("/d", 1u, 0)).WillOnce(Return(fail_errno(EISDIR, "pread: /d")));
  auto ctx = m.ctx();
  EXPECT_THAT(pread(ctx, "/d", 1, 0), IsError(EISDIR, "pread: /d: Is a directory"));
}

TEST(Pread, BadNumbersAfterTheFileOpens) {
  MockPorts m;
  EXPECT_CALL(m.fs, open("/f", ports::OpenFor::Read, _)).Times(3).WillRepeatedly([] {
    auto f = std::make_unique<testing::NiceMock<MockFile>>();
    return Result<std::unique_ptr<ports::File>>(std::move(f));
  });
  EXPECT_CALL(m.fs, pread(_, _, _)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(pread(ctx, "/f", -1, 0), IsError(0, "count is negative"));
  EXPECT_THAT(pread(ctx, "/f", 1, -1), IsError(0, "offset is negative"));
  EXPECT_THAT(pread(ctx, "/f", 4 * 1024 * 1024, 0),
              IsError(0, "/f: count is too large for the protocol, use smaller reads"));
}

TEST(Pread, AnOpenErrorWinsOverBadNumbers) {
  MockPorts m;
  EXPECT_CALL(m.fs, open("/gone", ports::OpenFor::Read, _))
      .WillOnce(Return(ByMove(Result<std::unique_ptr<ports::File>>(fail_errno(ENOENT, "/gone")))));
  auto ctx = m.ctx();
  EXPECT_THAT(pread(ctx, "/gone", -1, 0),
              IsError(ENOENT, "open: /gone: No such file or directory"));
}

TEST(Pread, JustUnderTheLimitIsAllowed) {
  MockPorts m;
  EXPECT_CALL(m.fs, pread("/f", 4u * 1024 * 1024 - 1, 0)).WillOnce(Return(std::string("x")));
  auto ctx = m.ctx();
  EXPECT_THAT(pread(ctx, "/f", 4 * 1024 * 1024 - 1, 0), HasValue(std::string("x")));
}

TEST(Pwrite, ReturnsTheBytesWritten) {
  MockPorts m;
  EXPECT_CALL(m.fs, pwrite("/f", "abc", 5)).WillOnce(Return(size_t{3}));
  auto ctx = m.ctx();
  EXPECT_THAT(pwrite(ctx, "/f", "abc", 5), HasValue(3));
}

TEST(Pwrite, NegativeOffsetBeforeAnything) {
  MockPorts m;
  EXPECT_CALL(m.fs, pwrite(_, _, _)).Times(0);
  EXPECT_CALL(m.fs, open(_, _, _)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(pwrite(ctx, "/gone", "x", -1), IsError(0, "offset is negative"));
}

TEST(Pwrite, PortErrorsNameTheirStep) {
  MockPorts m;
  EXPECT_CALL(m.fs, pwrite("/gone", "x", 0)).WillOnce(Return(fail_errno(ENOENT, "open: /gone")));
  auto ctx = m.ctx();
  EXPECT_THAT(pwrite(ctx, "/gone", "x", 0),
              IsError(ENOENT, "open: /gone: No such file or directory"));
}

}  // namespace
}  // namespace gfsd::domain::test
