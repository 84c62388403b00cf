// LUKS: the cryptsetup command lines, where the keys go (in-memory files the
// runner names, never argv), the error texts, and udev settling.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/luks/luks_actions.hpp"
#include "unit/domain/fs/fs_test_util.hpp"

namespace gfsd::domain::test {
namespace {

using mocks::MockPorts;
using testing::_;
using testing::AllOf;
using testing::HasSubstr;
using testing::InSequence;
using testing::Not;
using testing::Return;

using DataArgs = std::vector<ports::RunOptions::DataArg>;

// The keys handed to the program, with the argv entries their paths go into.
inline auto KeysAt(DataArgs args) {
  return testing::Field("data_args", &ports::RunOptions::data_args, args);
}
const DataArgs kNoKeys;

const Argv kBlkidType{"blkid", "-c", "/dev/null", "-o", "value", "-s", "TYPE", "/dev/sda1"};
const std::string kWrongKey = "No key available with this passphrase.";

TEST(CryptsetupOpen, DetectsLuksOpensWithTheKeyInAFileThenSettles) {
  MockPorts m;
  InSequence seq;
  EXPECT_CALL(m.devices, kind("/dev/mapper/cr")).WillOnce(Return(ports::DeviceKind::Missing));
  EXPECT_CALL(m.runner, run(kBlkidType, _)).WillOnce(Return(exited(0, "crypto_LUKS\n")));
  EXPECT_CALL(m.runner, run(Argv{"cryptsetup", "-d", "", "open", "/dev/sda1", "cr", "--type",
                                 "luks"},
                            KeysAt({{2, "pass word\n"}})))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.devices, settle(""));
  auto ctx = m.ctx();
  EXPECT_TRUE(cryptsetup_open(ctx, "/dev/sda1", "pass word\n", "cr", {}));
}

TEST(CryptsetupOpen, BitLockerReadOnly) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(kBlkidType, _)).WillOnce(Return(exited(0, "BitLocker\n")));
  EXPECT_CALL(m.runner, run(Argv{"cryptsetup", "-d", "", "--readonly", "open", "/dev/sda1",
                                 "win", "--type", "bitlk"},
                            KeysAt({{2, "k"}})))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_TRUE(cryptsetup_open(ctx, "/dev/sda1", "k", "win", {.readonly = true, .crypttype = {}}));
}

TEST(CryptsetupOpen, AGivenTypeIsNotProbed) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"cryptsetup", "-d", "", "open", "/dev/sda1", "cr", "--type",
                                 "plain"},
                            KeysAt({{2, "k"}})))
      .WillOnce(Return(exited(0)));
  auto ctx = m.ctx();
  EXPECT_TRUE(
      cryptsetup_open(ctx, "/dev/sda1", "k", "cr", {.readonly = false, .crypttype = "plain"}));
}

TEST(CryptsetupOpen, UnknownContentIsRefusedBeforeCryptsetup) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(kBlkidType, _))
      .WillOnce(Return(exited(0, "ext4\n")))
      .WillOnce(Return(exited(2)));  // blkid found nothing
  EXPECT_CALL(m.devices, settle(_)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(cryptsetup_open(ctx, "/dev/sda1", "k", "cr", {}),
              IsError(0, "ext4: unknown encrypted device type"));
  EXPECT_THAT(cryptsetup_open(ctx, "/dev/sda1", "k", "cr", {}),
              IsError(0, ": unknown encrypted device type"));
}

TEST(CryptsetupOpen, AnExistingMapperNodeIsRefused) {
  MockPorts m;
  EXPECT_CALL(m.devices, kind("/dev/mapper/cr")).WillOnce(Return(ports::DeviceKind::Block));
  EXPECT_CALL(m.runner, run(_, _)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(cryptsetup_open(ctx, "/dev/sda1", "k", "cr", {}),
              IsError(0, "/dev/mapper/cr: device already exists"));
}

TEST(CryptsetupOpen, AWrongKeyIsCryptsetupsWordsAndNoSettle) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(_, _)).WillOnce(Return(exited(2, "", kWrongKey)));
  EXPECT_CALL(m.devices, settle(_)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(luks_open(ctx, "/dev/sda1", "wrong", "cr"),
              IsError(0, "cryptsetup exited with status 2: " + kWrongKey));
}

TEST(LuksOpen, LuksTypeAndReadOnlyVariant) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"cryptsetup", "-d", "", "open", "/dev/sda1", "cr", "--type",
                                 "luks"},
                            KeysAt({{2, "k"}})))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.runner, run(Argv{"cryptsetup", "-d", "", "--readonly", "open", "/dev/sda1",
                                 "ro", "--type", "luks"},
                            KeysAt({{2, "k"}})))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.devices, settle("")).Times(2);
  auto ctx = m.ctx();
  EXPECT_TRUE(luks_open(ctx, "/dev/sda1", "k", "cr"));
  EXPECT_TRUE(luks_open_ro(ctx, "/dev/sda1", "k", "ro"));
}

TEST(CryptsetupClose, ClosesTheMapNameThenSettles) {
  MockPorts m;
  InSequence seq;
  EXPECT_CALL(m.runner, run(Argv{"cryptsetup", "close", "cr"}, KeysAt(kNoKeys)))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.devices, settle(""));
  EXPECT_CALL(m.runner, run(Argv{"cryptsetup", "close", "cr"}, _))
      .WillOnce(Return(exited(4, "", "Device cr is still in use.")));
  auto ctx = m.ctx();
  EXPECT_TRUE(cryptsetup_close(ctx, "/dev/mapper/cr"));
  EXPECT_THAT(luks_close(ctx, "/dev/mapper/cr"),
              IsError(0, "cryptsetup exited with status 4: Device cr is still in use."));
}

TEST(CryptsetupClose, OnlyMapperDevices) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(_, _)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(cryptsetup_close(ctx, "/dev/sda1"),
              IsError(0, "/dev/sda1: you must call this on the /dev/mapper device created by "
                         "cryptsetup-open"));
}

TEST(LuksFormat, KeyFileLastThenSettles) {
  MockPorts m;
  InSequence seq;
  EXPECT_CALL(m.runner, run(Argv{"cryptsetup", "-q", "--key-slot", "0", "luksFormat",
                                 "/dev/sda1", ""},
                            KeysAt({{6, "key"}})))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.devices, settle(""));
  EXPECT_CALL(m.runner, run(Argv{"cryptsetup", "-q", "--cipher", "aes-xts-plain64", "--key-slot",
                                 "7", "luksFormat", "/dev/sda1", ""},
                            KeysAt({{8, ""}})))
      .WillOnce(Return(exited(0)));
  EXPECT_CALL(m.devices, settle(""));
  auto ctx = m.ctx();
  EXPECT_TRUE(luks_format(ctx, "/dev/sda1", "key", 0));
  EXPECT_TRUE(luks_format_cipher(ctx, "/dev/sda1", "", 7, "aes-xts-plain64"));
}

TEST(LuksFormat, FailureIsStderrWithoutSettle) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(_, _))
      .WillOnce(Return(exited(1, "", "Cannot use device /dev/sda1 which is in use.")));
  EXPECT_CALL(m.devices, settle(_)).Times(0);
  auto ctx = m.ctx();
  EXPECT_THAT(luks_format(ctx, "/dev/sda1", "key", 0),
              IsError(0, "Cannot use device /dev/sda1 which is in use."));
}

TEST(LuksAddKey, BothKeysInFilesOfTheirOwn) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"cryptsetup", "-q", "-d", "", "--key-slot", "1", "luksAddKey",
                                 "/dev/sda1", ""},
                            KeysAt({{3, "old"}, {8, "new"}})))
      .WillOnce(Return(exited(0)))
      .WillOnce(Return(exited(2, "", kWrongKey)));
  EXPECT_CALL(m.devices, settle(_)).Times(0);
  auto ctx = m.ctx();
  EXPECT_TRUE(luks_add_key(ctx, "/dev/sda1", "old", "new", 1));
  EXPECT_THAT(luks_add_key(ctx, "/dev/sda1", "old", "new", 1), IsError(0, kWrongKey));
}

TEST(LuksKillSlot, SlotAfterTheDevice) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"cryptsetup", "-q", "-d", "", "luksKillSlot", "/dev/sda1", "2"},
                            KeysAt({{3, "k"}})))
      .WillOnce(Return(exited(0)))
      .WillOnce(Return(exited(2, "", kWrongKey)));
  auto ctx = m.ctx();
  EXPECT_TRUE(luks_kill_slot(ctx, "/dev/sda1", "k", 2));
  EXPECT_THAT(luks_kill_slot(ctx, "/dev/sda1", "k", 2), IsError(0, kWrongKey));
}

TEST(LuksUuid, TrimmedOutputOrStderr) {
  MockPorts m;
  EXPECT_CALL(m.runner, run(Argv{"cryptsetup", "luksUUID", "/dev/sda1"}, KeysAt(kNoKeys)))
      .WillOnce(Return(exited(0, "  bd3ca0eb-3224-42a9-80a4-c10501fa8c9c\n")))
      .WillOnce(Return(exited(1, "", "Device /dev/sda1 is not a valid LUKS device.")));
  auto ctx = m.ctx();
  EXPECT_THAT(luks_uuid(ctx, "/dev/sda1"),
              HasValue(std::string("bd3ca0eb-3224-42a9-80a4-c10501fa8c9c")));
  EXPECT_THAT(luks_uuid(ctx, "/dev/sda1"),
              IsError(0, "Device /dev/sda1 is not a valid LUKS device."));
}

// Every action that takes a key, failing: the key is in no argv entry, no
// error message and no log line, only in the data the runner puts in files.
TEST(LuksKeys, NeverInArgvMessagesOrTheLog) {
  MockPorts m;
  const std::string key = "Key-0f-Test", newkey = "N3w-Key-0f-Test";
  std::vector<std::string> seen;  // argv entries and log lines
  std::vector<std::string> data;  // what went into the key files
  ON_CALL(m.log, verbose()).WillByDefault(Return(true));
  ON_CALL(m.log, debug(_)).WillByDefault([&](const std::string& l) { seen.push_back(l); });
  ON_CALL(m.log, error(_)).WillByDefault([&](const std::string& l) { seen.push_back(l); });
  ON_CALL(m.runner, run(_, _)).WillByDefault([&](const Argv& argv, const ports::RunOptions& o) {
    seen.insert(seen.end(), argv.begin(), argv.end());
    for (const auto& d : o.data_args) data.push_back(d.data);
    if (argv[0] == "blkid") return exited(0, "crypto_LUKS\n");
    return exited(2, "", kWrongKey);
  });
  auto ctx = m.ctx();
  std::vector<Result<void>> results;
  results.push_back(cryptsetup_open(ctx, "/dev/sda1", key, "cr", {}));
  results.push_back(luks_open(ctx, "/dev/sda1", key, "cr"));
  results.push_back(luks_open_ro(ctx, "/dev/sda1", key, "cr"));
  results.push_back(luks_format(ctx, "/dev/sda1", key, 0));
  results.push_back(luks_format_cipher(ctx, "/dev/sda1", key, 0, "aes"));
  results.push_back(luks_add_key(ctx, "/dev/sda1", key, newkey, 1));
  results.push_back(luks_kill_slot(ctx, "/dev/sda1", key, 1));
  for (const auto& r : results) {
    ASSERT_FALSE(r);
    seen.push_back(r.error().message);
  }
  EXPECT_EQ(data.size(), 8u);
  EXPECT_EQ(std::count(data.begin(), data.end(), key), 7);
  EXPECT_EQ(std::count(data.begin(), data.end(), newkey), 1);
  for (const auto& s : seen) {
    EXPECT_THAT(s, AllOf(Not(HasSubstr("Key-0f")), Not(HasSubstr("N3w"))));
  }
}

}  // namespace
}  // namespace gfsd::domain::test
