// Every procedure in the table decodes its arguments exactly, and the checks
// shared by all actions answer as the original daemon does.
#include "proto/dispatcher.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/mock_libraries.hpp"
#include "support/mock_ports.hpp"
#include "proto/text_codec.hpp"
#include "stub_handlers.hpp"

namespace gfsd::proto {
namespace {

using testing::Return;

std::string sample(ArgKind k) {
  switch (k) {
    case ArgKind::Pathname: case ArgKind::MountableOrPath: case ArgKind::DevOrPath: return "/x";
    case ArgKind::Device: case ArgKind::Mountable: case ArgKind::DeviceList: return "/dev/sda";
    case ArgKind::Guid: return "01234567-89AB-CDEF-0123-456789ABCDEF";
    case ArgKind::StringList: case ArgKind::FilenameList: return "a b";
    case ArgKind::Int: case ArgKind::Int64: return "1";
    case ArgKind::Bool: return "true";
    default: return "s";
  }
}

class DispatcherTest : public testing::Test {
 protected:
  DispatcherTest() {
    ON_CALL(ports.host, program_exists).WillByDefault(Return(true));
    ON_CALL(ports.host, kernel_has_filesystem).WillByDefault(Return(true));
    ON_CALL(ports.host, path_exists).WillByDefault(Return(true));
    ON_CALL(ports.mounts, list())
        .WillByDefault(Return(Result<std::vector<ports::MountEntry>>(std::vector<ports::MountEntry>{})));
  }

  std::string args_for(const ActionInfo& a) {
    TextCall call;
    for (int i = 0; i < a.nargs; ++i)
      if (a.args[i].kind != ArgKind::FileIn && a.args[i].kind != ArgKind::FileOut)
        call.args.push_back(sample(a.args[i].kind));
    std::string buf(4096, '\0');
    XdrEncoder e(buf.data(), buf.size());
    EXPECT_TRUE(encode_args(a, call, e)) << a.name;
    buf.resize(e.size());
    return buf;
  }

  Result<void> call(const Dispatcher& d, int proc, const std::string& args, uint64_t mask = 0) {
    auto ctx = ports.ctx();
    libs.attach(ctx);
    std::string out(1 << 16, '\0');
    XdrEncoder e(out.data(), out.size());
    return d.call(ctx, proc, mask, args.data(), args.size(), e);
  }

  mocks::MockPorts ports;
  mocks::MockLibraries libs;  // every library loads
  api::Handlers empty;
};

TEST_F(DispatcherTest, EveryProcedureDecodesItsArgumentsExactly) {
  // Every slot filled, so that grouped actions get past the feature check too,
  // and a root mounted, so that path arguments get past "mount first".
  ON_CALL(ports.mounts, list())
      .WillByDefault(Return(Result<std::vector<ports::MountEntry>>(
          std::vector<ports::MountEntry>{{"/dev/sda1", "/sysroot", "ext4"}})));
  ON_CALL(ports.devices, probe(testing::_)).WillByDefault(Return(Result<void>{}));
  const api::Handlers stubs = api::stub_handlers();
  const Dispatcher d(stubs);
  for (int i = 0; i < kNumActionList; ++i) {
    const ActionInfo& a = kActionList[i];
    const std::string args = args_for(a);
    auto r = call(d, a.proc, args);
    ASSERT_FALSE(r) << a.name;
    EXPECT_EQ(r.error().errnum, ENOTSUP) << a.name;
    EXPECT_EQ(r.error().message, "stub handler") << a.name;
    if (!args.empty()) {
      auto shorter = call(d, a.proc, args.substr(0, args.size() - 1));
      ASSERT_FALSE(shorter);
      EXPECT_EQ(shorter.error().message, "daemon failed to decode procedure arguments") << a.name;
    }
    auto longer = call(d, a.proc, args + std::string(4, '\0'));
    ASSERT_FALSE(longer);
    EXPECT_EQ(longer.error().message, "daemon failed to decode procedure arguments") << a.name;
  }
}

// An empty slot answers ENOTSUP; in a feature group, the whole group is then
// unavailable, so its actions answer as the original does for a missing group.
TEST_F(DispatcherTest, EmptySlotsAnswerNotSupported) {
  const Dispatcher d(empty);
  for (int i = 0; i < kNumActionList; ++i) {
    const ActionInfo& a = kActionList[i];
    auto r = call(d, a.proc, args_for(a));
    ASSERT_FALSE(r) << a.name;
    EXPECT_EQ(r.error().errnum, ENOTSUP) << a.name;
    if (a.optgroup[0] == '\0')
      EXPECT_EQ(r.error().message, std::string(a.name) + ": not supported by this daemon");
    else
      EXPECT_EQ(r.error().message, std::string("feature '") + a.optgroup +
                                       "' is not available in this\nbuild of libguestfs.  Read "
                                       "'AVAILABILITY' in the guestfs(3) man page for\nhow to "
                                       "check for the availability of features.")
          << a.name;
  }
}

TEST_F(DispatcherTest, UnavailableFeatureGroup) {
  ON_CALL(ports.host, program_exists("lvm")).WillByDefault(Return(false));
  const api::Handlers stubs = api::stub_handlers();
  const Dispatcher d(stubs);
  auto r = call(d, find_action("lvs")->proc, "");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().errnum, ENOTSUP);
  EXPECT_EQ(r.error().message,
            "feature 'lvm2' is not available in this\nbuild of libguestfs.  Read 'AVAILABILITY' "
            "in the guestfs(3) man page for\nhow to check for the availability of features.");
}

TEST_F(DispatcherTest, UnknownOptargBitsBeyondTheLast) {
  const Dispatcher d(empty);
  const ActionInfo* mkfs = find_action("mkfs");
  // args_for encodes all five optargs (blocksize, features, inode, sectorsize,
  // label) with their unset values.
  auto ok_bits = call(d, mkfs->proc, args_for(*mkfs), 0x1f);
  // All five bits are known: the call gets as far as "not supported".
  ASSERT_FALSE(ok_bits);
  EXPECT_EQ(ok_bits.error().errnum, ENOTSUP);
  auto bad = call(d, mkfs->proc, "", 0x20);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message.rfind("unknown option in optional arguments bitmask", 0), 0u);
}

Result<bool> yes(domain::Ctx&, const std::string&, const api::opt::is_file&) { return true; }

TEST_F(DispatcherTest, PathnameChecksRunInTheStockOrder) {
  api::Handlers h;
  h.is_file = &yes;
  const Dispatcher d(h);
  const int proc = find_action("is_file")->proc;
  // Relative path first, then "mount first".
  auto rel = call(d, proc, std::string("\0\0\0\1x\0\0\0\0\0\0\0", 12));
  ASSERT_FALSE(rel);
  EXPECT_EQ(rel.error().message, "is_file_stub: path must start with a / character");
  auto unmounted = call(d, proc, std::string("\0\0\0\1/\0\0\0\0\0\0\0", 12));
  ASSERT_FALSE(unmounted);
  EXPECT_EQ(unmounted.error().message,
            "is_file_stub: you must call 'mount' first to mount the root filesystem");
  ON_CALL(ports.mounts, list())
      .WillByDefault(Return(Result<std::vector<ports::MountEntry>>(
          std::vector<ports::MountEntry>{{"/dev/sda1", "/sysroot/boot", "ext4"}})));
  EXPECT_TRUE(call(d, proc, std::string("\0\0\0\1/\0\0\0\0\0\0\0", 12)));
}

TEST_F(DispatcherTest, ImplementedReflectsTheHandlers) {
  api::Handlers h;
  h.is_file = &yes;
  const Dispatcher d(h);
  EXPECT_TRUE(d.implemented(find_action("is_file")->proc));
  EXPECT_FALSE(d.implemented(find_action("is_dir")->proc));
  EXPECT_FALSE(d.implemented(9999));
}

TEST_F(DispatcherTest, AStrayExceptionBecomesAnInternalError) {
  api::Handlers h;
  h.is_file = [](domain::Ctx&, const std::string&, const api::opt::is_file&) -> Result<bool> {
    throw std::runtime_error("boom");
  };
  ON_CALL(ports.mounts, list())
      .WillByDefault(Return(Result<std::vector<ports::MountEntry>>(
          std::vector<ports::MountEntry>{{"x", "/sysroot", "tmpfs"}})));
  const Dispatcher d(h);
  auto r = call(d, find_action("is_file")->proc, std::string("\0\0\0\1/\0\0\0\0\0\0\0", 12));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "internal error: is_file: boom");
}

}  // namespace
}  // namespace gfsd::proto
