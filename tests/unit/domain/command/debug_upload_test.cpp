#include <cerrno>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/command/command_actions.hpp"
#include "unit/domain/files/files_test_util.hpp"
#include "unit/domain/files/upload_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::ByMove;
using testing::Return;

// The appliance's own tree, apart from the guest's.
struct ApplianceTree {
  MockPorts m;
  testing::NiceMock<mocks::MockFilesystem> appliance;
  Ctx ctx() {
    Ctx c = m.ctx();
    c.appliance_fs = &appliance;
    return c;
  }
};

TEST(DebugUpload, WritesTheApplianceFileWithTheMode) {
  ApplianceTree t;
  SinkFile sink;
  EXPECT_CALL(t.appliance, open("/usr/bin/tool", ports::OpenFor::WriteTruncate, 0755u))
      .WillOnce(Return(ByMove(sink.take())));
  EXPECT_CALL(t.m.fs, open(_, _, _)).Times(0);  // never the guest's tree
  feed_upload(t.m, {"#!/bin/sh\n", "exit 0\n"});
  auto ctx = t.ctx();
  EXPECT_TRUE(debug_upload(ctx, "/usr/bin/tool", 0755));
  EXPECT_EQ(sink.written, "#!/bin/sh\nexit 0\n");
}

TEST(DebugUpload, InternalUploadIsTheSame) {
  ApplianceTree t;
  SinkFile sink;
  EXPECT_CALL(t.appliance, open("/tmp/x", ports::OpenFor::WriteTruncate, 0644u))
      .WillOnce(Return(ByMove(sink.take())));
  feed_upload(t.m, {"x"});
  auto ctx = t.ctx();
  EXPECT_TRUE(internal_upload(ctx, "/tmp/x", 0644));
  EXPECT_EQ(sink.written, "x");
}

TEST(DebugUpload, OpenAndCloseFailuresNameTheFile) {
  ApplianceTree t;
  EXPECT_CALL(t.appliance, open("/nodir/f", _, _))
      .WillOnce(Return(ByMove(FileResult(fail_errno(ENOENT, "/nodir/f")))));
  auto ctx = t.ctx();
  EXPECT_THAT(debug_upload(ctx, "/nodir/f", 0644),
              IsError(ENOENT, "/nodir/f: No such file or directory"));

  SinkFile sink;
  EXPECT_CALL(*sink.file, close()).WillOnce(Return(fail_errno(EIO, "close")));
  EXPECT_CALL(t.appliance, open("/f", _, _)).WillOnce(Return(ByMove(sink.take())));
  feed_upload(t.m, {});
  EXPECT_THAT(debug_upload(ctx, "/f", 0644), IsError(EIO, "close: /f: Input/output error"));
}

TEST(DebugUpload, WriteErrorAndCancellation) {
  ApplianceTree t;
  SinkFile sink;
  EXPECT_CALL(*sink.file, write(_, _)).WillOnce(Return(fail_errno(ENOSPC, "write")));
  EXPECT_CALL(t.appliance, open("/f", _, _)).WillOnce(Return(ByMove(sink.take())));
  feed_upload(t.m, {"a"});
  auto ctx = t.ctx();
  EXPECT_THAT(debug_upload(ctx, "/f", 0644), IsError(0, "write error: /f"));

  SinkFile sink2;
  EXPECT_CALL(t.appliance, open("/g", _, _)).WillOnce(Return(ByMove(sink2.take())));
  EXPECT_CALL(t.m.upload, read(_, _)).WillOnce(Return(fail_with(ECANCELED, "cancelled")));
  EXPECT_THAT(debug_upload(ctx, "/g", 0644), IsError(0, "file upload cancelled"));
}

TEST(InternalRhbz914931, CountOutOfRange) {
  MockPorts m;
  EXPECT_CALL(m.upload, read(_, _)).Times(0);  // the session drains the stream
  auto ctx = m.ctx();
  for (int32_t count : {0, -1, 1001})
    EXPECT_THAT(internal_rhbz914931(ctx, count), IsError(0, "count out of range"));
}

TEST(InternalRhbz914931, AnUploadShorterThanTheCountSucceeds) {
  MockPorts m;
  feed_upload(m, {});  // no chunk: nothing to wait for, no crash
  auto ctx = m.ctx();
  EXPECT_TRUE(internal_rhbz914931(ctx, 1000));
  EXPECT_CALL(m.upload, read(_, _)).WillOnce(Return(fail_with(ECANCELED, "cancelled")));
  EXPECT_THAT(internal_rhbz914931(ctx, 5), IsError(0, "file upload cancelled"));
}

TEST(InternalRhbz914931DeathTest, TheDaemonDiesAtTheCountthChunk) {
  MockPorts m;
  feed_upload(m, {"a", "b"});
  auto ctx = m.ctx();
  EXPECT_DEATH((void)internal_rhbz914931(ctx, 2), "");
}

}  // namespace
}  // namespace gfsd::domain::test
