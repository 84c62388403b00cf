#include "domain/inspect/registry.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/inspect/hostname.hpp"

namespace gfsd::domain::inspect {
namespace {

using testing::ElementsAre;

TEST(Registry, DriveLetterKeys) {
  EXPECT_EQ(drive_letter_of_key("\\DosDevices\\C:"), "C");
  EXPECT_EQ(drive_letter_of_key("\\dosdevices\\e:"), "e");
  EXPECT_EQ(drive_letter_of_key("\\DosDevices\\1:"), std::nullopt);
  EXPECT_EQ(drive_letter_of_key("\\??\\Volume{1234}"), std::nullopt);
  EXPECT_EQ(drive_letter_of_key("\\DosDevices\\C"), std::nullopt);
}

TEST(Registry, GptBlobGuidInWindowsByteOrder) {
  // GUID 01020304-0506-0708-090a-0b0c0d0e0f10 as Windows stores it.
  const std::string blob = std::string("DMIO:ID:") +
                           std::string("\x04\x03\x02\x01\x06\x05\x08\x07", 8) +
                           std::string("\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10", 8);
  EXPECT_EQ(gpt_guid_of_blob(blob), "01020304-0506-0708-090a-0b0c0d0e0f10");
  EXPECT_EQ(gpt_guid_of_blob("DMIO:ID:short"), std::nullopt);
}

TEST(Registry, MbrBlobDiskIdAndOffset) {
  const std::string blob("\xde\xad\xbe\xef\x00\x00\x10\x00\x00\x00\x00\x00", 12);
  auto m = mbr_of_blob(blob);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->disk_id, std::string("\xde\xad\xbe\xef", 4));
  EXPECT_EQ(m->offset, 1048576);
  EXPECT_EQ(mbr_of_blob(blob + "x"), std::nullopt);
}

TEST(Registry, BootIniSystemRoots) {
  std::vector<std::string> lines = {
      "[boot loader]",
      "timeout=30",
      "[operating systems]",
      "multi(0)disk(0)rdisk(0)partition(1)\\WINNT=\"Windows 2000\" /fastdetect\r",
      "junk(0)",
      "multi(0)disk(0)rdisk(0)partition(2)\\OTHER=\"x\"",
  };
  EXPECT_THAT(boot_ini_systemroots(lines), ElementsAre("/WINNT"));
  EXPECT_TRUE(boot_ini_systemroots({"[boot loader]"}).empty());
}

TEST(Hostname, FirstLineThatIsNoComment) {
  EXPECT_EQ(hostname_from_lines({"# comment", "", "web1", "x"}), "web1");
  EXPECT_EQ(hostname_from_lines({"", "#"}), std::nullopt);
}

TEST(Hostname, RcConfForms) {
  EXPECT_EQ(hostname_from_rc_conf({"ifconfig_re0=\"DHCP\"", "hostname=\"bsd.example.com\""}),
            "bsd.example.com");
  EXPECT_EQ(hostname_from_rc_conf({"hostname='b'"}), "b");
  EXPECT_EQ(hostname_from_rc_conf({"hostname=plain"}), "plain");
  EXPECT_EQ(hostname_from_rc_conf({"sshd_enable=YES"}), std::nullopt);
}

}  // namespace
}  // namespace gfsd::domain::inspect
