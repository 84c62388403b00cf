#include "domain/hivex/hivex_actions.hpp"

#include <cerrno>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/mock_ports.hpp"

namespace gfsd::domain {
namespace {

using mocks::MockHive;
using mocks::MockPorts;
using testing::_;
using testing::ElementsAre;
using testing::NiceMock;
using testing::Return;

MockHive* open_hive(MockPorts& m) {
  auto hive = std::make_unique<NiceMock<MockHive>>();
  auto* raw = hive.get();
  m.state.hive = std::move(hive);
  return raw;
}

TEST(HivexOpen, FlagsFromTheOptionalArgumentsAndSysrootPath) {
  MockPorts m;
  EXPECT_CALL(m.hivex, open("/sysroot/Windows/System32/config/SYSTEM",
                            ports::kHiveOpenWrite | ports::kHiveOpenUnsafe))
      .WillOnce([](const std::string&, int32_t) {
        return Result<std::unique_ptr<ports::Hive>>(std::make_unique<NiceMock<MockHive>>());
      });
  auto ctx = m.ctx();
  api::opt::hivex_open opts;
  opts.write = true;
  opts.unsafe = true;
  opts.verbose = false;
  EXPECT_TRUE(hivex_open(ctx, "/Windows/System32/config/SYSTEM", opts));
  EXPECT_TRUE(m.state.hive);
}

TEST(HivexOpen, FailureIsPerrorStyle) {
  MockPorts m;
  open_hive(m);
  EXPECT_CALL(m.hivex, open("/sysroot/nope", 0)).WillOnce(Return(fail_with(ENOENT, "")));
  auto ctx = m.ctx();
  auto r = hivex_open(ctx, "/nope", {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().errnum, ENOENT);
  EXPECT_EQ(r.error().message, "hivex failed to open /nope: No such file or directory");
  EXPECT_FALSE(m.state.hive);
}

TEST(Hivex, NeedsAnOpenHive) {
  MockPorts m;
  auto ctx = m.ctx();
  EXPECT_EQ(hivex_root(ctx).error().message,
            "do_hivex_root: you must call 'hivex-open' first to initialize the hivex handle");
  EXPECT_EQ(hivex_value_utf8(ctx, 1).error().message,
            "do_hivex_value_string: you must call 'hivex-open' first to initialize the hivex handle");
}

TEST(Hivex, NodesAndValues) {
  MockPorts m;
  auto* h = open_hive(m);
  EXPECT_CALL(*h, root()).WillOnce(Return(int64_t{4128}));
  EXPECT_CALL(*h, node_children(4128)).WillOnce(Return(std::vector<int64_t>{10, 20}));
  EXPECT_CALL(*h, node_values(10)).WillOnce(Return(std::vector<int64_t>{}));
  EXPECT_CALL(*h, node_get_child(4128, "missing")).WillOnce(Return(int64_t{0}));
  EXPECT_CALL(*h, value_value(7)).WillOnce(Return(ports::HiveValueData{3, std::string("a\0b", 3)}));
  EXPECT_CALL(*h, node_name(99)).WillOnce(Return(fail_with(EINVAL, "")));
  auto ctx = m.ctx();
  EXPECT_EQ(*hivex_root(ctx), 4128);
  EXPECT_THAT(*hivex_node_children(ctx, 4128), ElementsAre(api::HivexNode{10}, api::HivexNode{20}));
  EXPECT_TRUE(hivex_node_values(ctx, 10)->empty());
  EXPECT_EQ(*hivex_node_get_child(ctx, 4128, "missing"), 0);
  EXPECT_EQ(*hivex_value_value(ctx, 7), std::string("a\0b", 3));
  auto bad = hivex_node_name(ctx, 99);
  EXPECT_EQ(bad.error().errnum, EINVAL);
  EXPECT_EQ(bad.error().message, "failed: Invalid argument");
}

TEST(HivexCommit, PathChecksForTheOptionalFileName) {
  MockPorts m;
  auto* h = open_hive(m);
  EXPECT_CALL(*h, commit("")).WillOnce(Return(fail_with(EROFS, "")));
  auto ctx = m.ctx();
  EXPECT_EQ(hivex_commit(ctx, std::nullopt).error().message, "commit failed: Read-only file system");
  EXPECT_EQ(hivex_commit(ctx, std::string("rel")).error().message,
            "do_hivex_commit: path must start with a / character");
  ON_CALL(m.mounts, list()).WillByDefault(Return(std::vector<ports::MountEntry>{}));
  EXPECT_EQ(hivex_commit(ctx, std::string("/x")).error().message,
            "do_hivex_commit: you must call 'mount' first to mount the root filesystem");
  ON_CALL(m.mounts, list())
      .WillByDefault(Return(std::vector<ports::MountEntry>{{"/dev/sda1", "/sysroot", "ntfs"}}));
  EXPECT_CALL(*h, commit("/sysroot/x")).WillOnce(Return(fail_with(ENOSPC, "")));
  EXPECT_EQ(hivex_commit(ctx, std::string("/x")).error().message,
            "/x: commit failed: No space left on device");
}

TEST(HivexClose, DropsTheHive) {
  MockPorts m;
  open_hive(m);
  auto ctx = m.ctx();
  EXPECT_TRUE(hivex_close(ctx));
  EXPECT_FALSE(m.state.hive);
}

}  // namespace
}  // namespace gfsd::domain
