// MD RAID: the mdadm command lines, the checks before them, the parsing of
// mdadm --detail --export and /proc/mdstat, and which arrays are listed.
#include <algorithm>
#include <cstring>
#include <memory>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/md/md_actions.hpp"
#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockFile;
using mocks::MockPorts;
using testing::_;
using testing::ElementsAre;
using testing::InSequence;
using testing::Return;
using Names = std::vector<std::string>;

// A file that gives `content` in reads of at most `chunk` bytes, then EOF.
Result<std::unique_ptr<ports::File>> file_of(const std::string& content, size_t chunk = 4096) {
  auto f = std::make_unique<testing::NiceMock<MockFile>>();
  auto pos = std::make_shared<size_t>(0);
  ON_CALL(*f, read(_, _)).WillByDefault([=](char* buf, size_t n) -> Result<size_t> {
    const size_t k = std::min({n, chunk, content.size() - *pos});
    std::memcpy(buf, content.data() + *pos, k);
    *pos += k;
    return k;
  });
  ON_CALL(*f, close()).WillByDefault(Return(Result<void>{}));
  return Result<std::unique_ptr<ports::File>>(std::move(f));
}

// ---- md_create -------------------------------------------------------------

const Argv kCreate{"mdadm", "--create", "--run", "/dev/md127", "--level"};

Argv create_argv(std::vector<std::string> rest) {
  Argv a = kCreate;
  a.insert(a.end(), rest.begin(), rest.end());
  return a;
}

TEST(MdCreate, DefaultsRaid1OfAllDevicesThenSettles) {
  MockPorts m;
  InSequence seq;
  EXPECT_CALL(m.runner, run(create_argv({"raid1", "--raid-devices", "2", "/dev/sda1", "/dev/sdb1"}),
                            _))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.devices, settle(""));
  auto ctx = m.ctx();
  EXPECT_TRUE(md_create(ctx, "/dev/md127", {"/dev/sda1", "/dev/sdb1"}, {}));
}

TEST(MdCreate, MissingSlotsSpareAndChunk) {
  MockPorts m;
  // Bit 1 set: the second slot is "missing"; the devices fill slots 0, 2, 3.
  EXPECT_CALL(m.runner, run(create_argv({"5", "--raid-devices", "3", "--spare-devices", "1",
                                         "--chunk", "64", "/dev/sda1", "missing", "/dev/sdb1",
                                         "/dev/sdc1"}),
                            _))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  api::opt::md_create opt;
  opt.missingbitmap = 2;
  opt.nrdevices = 3;
  opt.spare = 1;
  opt.chunk = 65536;
  opt.level = "5";
  EXPECT_TRUE(md_create(ctx, "/dev/md127", {"/dev/sda1", "/dev/sdb1", "/dev/sdc1"}, opt));
}

TEST(MdCreate, MissingBitsBeyondTheDevices) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(create_argv({"raid1", "--raid-devices", "3", "/dev/sda1", "missing",
                                         "missing"}),
                            _))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  api::opt::md_create opt;
  opt.missingbitmap = 6;
  EXPECT_TRUE(md_create(ctx, "/dev/md127", {"/dev/sda1"}, opt));
}

// Bit 2 set with one device: slot 1 would need a second device. The
// original's command line ended there (it added its list's NULL), so the
// "missing" of slot 2 never reached mdadm.
TEST(MdCreate, AGapAfterTheLastDeviceEndsTheCommandLine) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(create_argv({"raid1", "--raid-devices", "2", "/dev/sda1"}), _))
      .WillOnce(Return(exited(2, "", "mdadm: You haven't given enough devices")));
  auto ctx = m.ctx();
  api::opt::md_create opt;
  opt.missingbitmap = 4;
  EXPECT_THAT(md_create(ctx, "/dev/md127", {"/dev/sda1"}, opt),
              IsError(0, "mdadm: /dev/md127: mdadm: You haven't given enough devices"));
}

TEST(MdCreate, FailureNamesTheArrayAndDoesNotSettle) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(_, _))
      .WillOnce(Return(exited(1, "", "mdadm: cannot open /dev/sda1: Device or resource busy")))
      .WillOnce(Return(fail_errno(ENOENT, "mdadm")));
  EXPECT_CALL(m.devices, settle(_)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(md_create(ctx, "/dev/md127", {"/dev/sda1", "/dev/sdb1"}, {}),
              IsError(0, "mdadm: /dev/md127: mdadm: cannot open /dev/sda1: Device or resource "
                         "busy"));
  EXPECT_THAT(md_create(ctx, "/dev/md127", {"/dev/sda1", "/dev/sdb1"}, {}),
              IsError(0, "mdadm: /dev/md127: mdadm: No such file or directory"));
}

TEST(MdCreate, BadOptionalArgumentsAreRefusedBeforeMdadm) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(_, _)).Times(0);
  auto ctx = m.ctx();
  const Names two{"/dev/sda1", "/dev/sdb1"};
  api::opt::md_create o;
  o.spare = -1;
  EXPECT_THAT(md_create(ctx, "/dev/md0", two, o), IsError(0, "spare must not be negative"));
  o = {};
  o.nrdevices = 1;
  EXPECT_THAT(md_create(ctx, "/dev/md0", two, o), IsError(0, "nrdevices is less than 2"));
  o = {};
  o.level = "raid7";
  EXPECT_THAT(md_create(ctx, "/dev/md0", two, o), IsError(0, "unknown level parameter: raid7"));
  o = {};
  o.chunk = 1000;
  EXPECT_THAT(md_create(ctx, "/dev/md0", two, o),
              IsError(0, "chunk size must be a multiple of 1024 bytes"));
  o = {};
  o.nrdevices = 3;
  EXPECT_THAT(md_create(ctx, "/dev/md0", two, o),
              IsError(0, "devices (2) + bits set in missingbitmap (0) is not equal to nrdevices "
                         "(3) + spare (0)"));
  o = {};
  o.spare = 1;  // the default nrdevices already counts every device
  o.missingbitmap = -1;
  EXPECT_THAT(md_create(ctx, "/dev/md0", two, o),
              IsError(0, "devices (2) + bits set in missingbitmap (64) is not equal to "
                         "nrdevices (66) + spare (1)"));
}

TEST(MdCreate, EveryKnownLevelIsPassedAsGiven) {
  for (const char* level : {"linear", "raid0", "0", "stripe", "raid1", "1", "mirror", "raid4", "4",
                            "raid5", "5", "raid6", "6", "raid10", "10"}) {
    MockPorts m;
    EXPECT_CALL(m.runner,
                run(create_argv({level, "--raid-devices", "2", "/dev/sda1", "/dev/sdb1"}), _))
        .WillOnce(Return(exited(0)));
    auto ctx = m.ctx();
    api::opt::md_create o;
    o.level = level;
    EXPECT_TRUE(md_create(ctx, "/dev/md127", {"/dev/sda1", "/dev/sdb1"}, o)) << level;
  }
}

// ---- md_stop, md_detail ----------------------------------------------------

TEST(MdStop, StderrIsTheError) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"mdadm", "--stop", "/dev/md127"}, _))
      .WillOnce(Return(exited(0)))
      .WillOnce(Return(exited(1, "", "mdadm: Cannot get exclusive access to /dev/md127")));
  auto ctx = m.ctx();
  EXPECT_TRUE(md_stop(ctx, "/dev/md127"));
  EXPECT_THAT(md_stop(ctx, "/dev/md127"),
              IsError(0, "mdadm: Cannot get exclusive access to /dev/md127"));
}

TEST(MdDetail, KeysWithoutMdPrefixInLowerCase) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"mdadm", "-D", "--export", "/dev/md127"}, _))
      .WillOnce(Return(exited(0,
                              "\nMD_LEVEL=raid1\nMD_DEVICES=2\nMD_METADATA=1.2\n"
                              "MD_UUID=cfa81b59:b6cfbd53:3f02085b:58f4a2e1\n"
                              "MD_NAME=host:0\n# a comment\n\nMD_DEVICE_dev_sda1_ROLE=0\n"
                              "MD_DEVICE_dev_sda1_DEV=/dev/sda1\nNO_PREFIX=a=b\nBARE\n"
                              "MD_x_Mixed=\r\n")));
  auto ctx = m.ctx();
  EXPECT_THAT(md_detail(ctx, "/dev/md127"),
              HasValue(api::Hashtable{{"level", "raid1"},
                                      {"devices", "2"},
                                      {"metadata", "1.2"},
                                      {"uuid", "cfa81b59:b6cfbd53:3f02085b:58f4a2e1"},
                                      {"name", "host:0"},
                                      {"device_dev_sda1_role", "0"},
                                      {"device_dev_sda1_dev", "/dev/sda1"},
                                      {"no_prefix", "a=b"},
                                      {"bare", ""},
                                      {"x_mixed", ""}}));
}

TEST(MdDetail, FailureIsWordedAsACommandFailure) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"mdadm", "-D", "--export", "/dev/sda"}, _))
      .WillOnce(Return(exited(1, "", "mdadm: /dev/sda does not appear to be an md device")))
      .WillOnce(Return(exited(0, " \n\t")));
  auto ctx = m.ctx();
  EXPECT_THAT(md_detail(ctx, "/dev/sda"),
              IsError(0, "mdadm exited with status 1: mdadm: /dev/sda does not appear to be an "
                         "md device"));
  EXPECT_THAT(md_detail(ctx, "/dev/sda"), HasValue(api::Hashtable{}));
}

// ---- md_stat ---------------------------------------------------------------

const std::string kMdstat =
    "Personalities : [raid1] [raid6] [raid5] [raid4]\n"
    "md127 : active raid1 sdb1[1](F) sdc1[2](S)(W) sda1[0]\n"
    "      1047552 blocks super 1.2 [2/1] [U_]\n"
    "\n"
    "md1 : active raid5 sdd[0] sde[1]\n"
    "unused devices: <none>\n";

void mdstat_is(MockPorts& m, const std::string& content, size_t chunk = 4096) {
  EXPECT_CALL(m.devices, open("/proc/mdstat", ports::OpenFor::Read))
      .WillRepeatedly([=](auto&&, auto) { return file_of(content, chunk); });
}

api::Mdstat member(const std::string& dev, int32_t index, const std::string& flags) {
  api::Mdstat s;
  s.mdstat_device = dev;
  s.mdstat_index = index;
  s.mdstat_flags = flags;
  return s;
}

TEST(MdStat, MembersOfTheArraysLine) {
  MockPorts m;
  mdstat_is(m, kMdstat, 7);  // lines arrive in pieces
  auto ctx = m.ctx();
  auto r = md_stat(ctx, "/dev/md127");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_THAT(*r, ElementsAre(member("/dev/sdb1", 1, "F"), member("/dev/sdc1", 2, "SW"),
                              member("/dev/sda1", 0, "")));
  auto md1 = md_stat(ctx, "md1");  // the /dev/ prefix is optional
  ASSERT_TRUE(md1) << md1.error().message;
  EXPECT_THAT(*md1, ElementsAre(member("/dev/sdd", 0, ""), member("/dev/sde", 1, "")));
}

TEST(MdStat, ANameMustBeFollowedBySpaceColonSpace) {
  MockPorts m;
  mdstat_is(m, kMdstat);
  auto ctx = m.ctx();
  EXPECT_THAT(md_stat(ctx, "/dev/md12"), IsError(0, "md12: MD device not found"));
  EXPECT_THAT(md_stat(ctx, "/dev/md"), IsError(0, "md: MD device not found"));
}

TEST(MdStat, NoMembersIsAnEmptyList) {
  MockPorts m;
  mdstat_is(m, "md0 : inactive\n");
  auto ctx = m.ctx();
  EXPECT_THAT(md_stat(ctx, "/dev/md0"), HasValue(std::vector<api::Mdstat>{}));
}

// Words are split at single spaces (so "sdc[ 3]" is two words, neither a
// member); brackets out of order are no member; %i reads hex and octal and
// skips a tab.
TEST(MdStat, WordsAsTheOriginalReadThem) {
  MockPorts m;
  mdstat_is(m, "md0 : active  raid1 x]y[ sda[0x10](F) sdb[010] sdc[ 3] sdd[\t4]\n");
  auto ctx = m.ctx();
  auto r = md_stat(ctx, "/dev/md0");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_THAT(*r, ElementsAre(member("/dev/sda", 16, "F"), member("/dev/sdb", 8, ""),
                              member("/dev/sdd", 4, "")));
}

TEST(MdStat, BadMemberWords) {
  MockPorts m;
  auto ctx = m.ctx();
  mdstat_is(m, "md0 : active raid1 [0]\n");
  EXPECT_THAT(md_stat(ctx, "/dev/md0"), IsError(0, "device entry is too short: [0]\n"));
  testing::Mock::VerifyAndClearExpectations(&m.devices);
  mdstat_is(m, "md0 : active raid1 sda[x]\n");
  EXPECT_THAT(md_stat(ctx, "/dev/md0"), IsError(0, "not a device number: x"));
}

TEST(MdStat, NoMdstatFile) {
  MockPorts m;
  EXPECT_CALL(m.devices, open("/proc/mdstat", ports::OpenFor::Read))
      .WillOnce([](auto&&, auto) -> Result<std::unique_ptr<ports::File>> {
        return fail_errno(ENOENT, "/proc/mdstat");
      });
  auto ctx = m.ctx();
  EXPECT_THAT(md_stat(ctx, "/dev/md0"),
              IsError(ENOENT, "fopen: /proc/mdstat: No such file or directory"));
}

// ---- list_md_devices -------------------------------------------------------

TEST(ListMdDevices, AssembledArraysSortedAsDevices) {
  MockPorts m;
  ON_CALL(m.devices, list_dir("/sys/block"))
      .WillByDefault(Return(Names{"sda", "md10", "md2", "md", "mdx", "md3", "md127", "md0p1"}));
  for (const char* md : {"md10", "md2", "md127"})
    ON_CALL(m.devices, list_dir("/sys/block/" + std::string(md) + "/md"))
        .WillByDefault(Return(Names{"array_state"}));
  // md3 has no md/ directory (fails by default); md127 was never assembled.
  ON_CALL(m.devices, open(_, ports::OpenFor::Read)).WillByDefault([](const std::string& p, auto) {
    return file_of(p == "/sys/block/md127/md/array_state" ? "clear\n" : "active\n");
  });
  auto ctx = m.ctx();
  EXPECT_THAT(list_md_devices(ctx), HasValue(Names{"/dev/md2", "/dev/md10"}));
}

TEST(ListMdDevices, UnreadableSysBlock) {
  MockPorts m;
  ON_CALL(m.devices, list_dir("/sys/block"))
      .WillByDefault(Return(fail_errno(ENOENT, "/sys/block")));
  auto ctx = m.ctx();
  EXPECT_THAT(list_md_devices(ctx), IsError(0, "/sys/block: No such file or directory"));
}

}  // namespace
}  // namespace gfsd::domain::test
