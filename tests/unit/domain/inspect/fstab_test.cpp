#include "domain/inspect/fstab.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fake_deps.hpp"

namespace gfsd::domain::inspect {
namespace {

using test::dev;
using test::FakeDeps;

FstabLine line(const std::string& spec, const std::string& file, const std::string& type = "ext4") {
  FstabLine l;
  l.spec = spec;
  l.file = file;
  l.vfstype = type;
  return l;
}

// The resolved entry as "mountable -> mountpoint", or "-" when ignored.
std::string resolve(FakeDeps& deps, const FstabLine& l, OsType os = OsType::Linux,
                    const MdMap& md = {}) {
  auto r = resolve_fstab_line(deps, l, dev("/dev/root-of-test"), os, md);
  if (!r) return "error: " + r.error().message;
  if (!*r) return "-";
  return mountable_to_string((*r)->mountable) + " -> " + (*r)->mountpoint;
}

TEST(Fstab, UuidAndLabelGoThroughFindfs) {
  FakeDeps deps;
  deps.by_uuid["6b1a"] = "/dev/guestvg/home";
  deps.by_label["BOOT"] = "/dev/sda1";
  EXPECT_EQ(resolve(deps, line("UUID=6b1a", "/home")), "/dev/guestvg/home -> /home");
  EXPECT_EQ(resolve(deps, line("UUID=\"6b1a\"", "/home")), "/dev/guestvg/home -> /home");
  EXPECT_EQ(resolve(deps, line("LABEL=BOOT", "/boot")), "/dev/sda1 -> /boot");
  // Not on any disk: left out.
  EXPECT_EQ(resolve(deps, line("UUID=nope", "/data")), "-");
}

TEST(Fstab, MapperNamesBecomeLvNames) {
  FakeDeps deps;
  deps.lvs["/dev/mapper/guestvg-root"] = "/dev/guestvg/root";
  deps.missing_devices.push_back("/dev/mapper/gone-lv");
  EXPECT_EQ(resolve(deps, line("/dev/mapper/guestvg-root", "/")), "/dev/guestvg/root -> /");
  EXPECT_EQ(resolve(deps, line("/dev/mapper/luks-1", "/x")), "/dev/mapper/luks-1 -> /x");
  EXPECT_EQ(resolve(deps, line("/dev/mapper/gone-lv", "/y")), "/dev/mapper/gone-lv -> /y");
}

TEST(Fstab, DiskNamesMapByIndexToPartitionsOnly) {
  FakeDeps deps;
  deps.devices = {"/dev/sda", "/dev/sdb"};
  EXPECT_EQ(resolve(deps, line("/dev/xvdb1", "/srv")), "/dev/sdb1 -> /srv");
  EXPECT_EQ(resolve(deps, line("/dev/vda2", "/")), "/dev/sda2 -> /");
  // Whole disks and disks the appliance lacks stay as written.
  EXPECT_EQ(resolve(deps, line("/dev/vdb", "/raw")), "/dev/vdb -> /raw");
  EXPECT_EQ(resolve(deps, line("/dev/sdc1", "/c")), "/dev/sdc1 -> /c");
  EXPECT_EQ(resolve(deps, line("/dev/hd0s1", "/h")), "/dev/sda1 -> /h");
}

TEST(Fstab, DiskByIdOnlyForASingleDisk) {
  FakeDeps deps;
  EXPECT_EQ(resolve(deps, line("/dev/disk/by-id/ata-QEMU_HARDDISK-part3", "/")), "/dev/sda3 -> /");
  deps.devices = {"/dev/sda", "/dev/sdb"};
  EXPECT_EQ(resolve(deps, line("/dev/disk/by-id/ata-QEMU_HARDDISK-part3", "/")),
            "/dev/disk/by-id/ata-QEMU_HARDDISK-part3 -> /");
}

TEST(Fstab, MdNamesThroughMdadmConf) {
  FakeDeps deps;
  MdMap md{{"/dev/md/root", "/dev/md127"}, {"/dev/md0", "/dev/md127"}};
  EXPECT_EQ(resolve(deps, line("/dev/md0", "/"), OsType::Linux, md), "/dev/md127 -> /");
  EXPECT_EQ(resolve(deps, line("/dev/md1", "/"), OsType::Linux, md), "/dev/md1 -> /");
}

TEST(Fstab, IgnoredEntries) {
  FakeDeps deps;
  EXPECT_EQ(resolve(deps, line("/dev/fd0", "/mnt/floppy")), "-");
  EXPECT_EQ(resolve(deps, line("/dev/cdrom", "/mnt/cd")), "-");
  EXPECT_EQ(resolve(deps, line("/dev/cd0", "/cdrom")), "-");
  EXPECT_EQ(resolve(deps, line("proc", "/proc", "proc")), "-");
  EXPECT_EQ(resolve(deps, line("tmpfs", "/tmp", "tmpfs")), "-");
  EXPECT_EQ(resolve(deps, line("/dev/sda3", "/dev/shm")), "-");
  EXPECT_EQ(resolve(deps, line("/dev/sda3", "/media/usb")), "-");
  EXPECT_EQ(resolve(deps, line("/dev/sda3", "/sys")), "-");
  // "/media" itself is kept, and the mount point is canonicalised.
  EXPECT_EQ(resolve(deps, line("/dev/sda3", "//media//")), "/dev/sda3 -> /media");
  FstabLine no_type = line("/dev/sda3", "/x");
  no_type.vfstype.reset();
  EXPECT_EQ(resolve(deps, no_type), "-");
}

TEST(Fstab, RootSpecs) {
  FakeDeps deps;
  EXPECT_EQ(resolve(deps, line("/dev/root", "/")), "/dev/root-of-test -> /");
  EXPECT_EQ(resolve(deps, line("/dev/ada0s1a", "/", "ufs"), OsType::FreeBsd),
            "/dev/root-of-test -> /");
  EXPECT_EQ(resolve(deps, line("/dev/ada0s1d", "/var", "ufs"), OsType::FreeBsd), "/dev/sda7 -> /var");
  EXPECT_EQ(resolve(deps, line("/dev/ada0p2", "/usr", "ufs"), OsType::FreeBsd), "/dev/sda2 -> /usr");
  EXPECT_EQ(resolve(deps, line("/dev/sd0e", "/home", "ffs"), OsType::NetBsd), "/dev/sda7 -> /home");
  EXPECT_EQ(resolve(deps, line("/dev/wd0e", "/h", "ffs"), OsType::NetBsd), "/dev/wd0e -> /h");
}

TEST(Fstab, BtrfsSubvolumes) {
  FakeDeps deps;
  FstabLine l = line("/dev/sda2", "/home", "btrfs");
  l.opts.emplace_back(std::string("compress"), std::string("zstd"));
  l.opts.emplace_back(std::string("subvol"), std::string("@home"));
  EXPECT_EQ(resolve(deps, l), "btrfsvol:/dev/sda2/@home -> /home");
  FstabLine whole = line("/dev/sda2", "/", "btrfs");
  EXPECT_EQ(resolve(deps, whole), "/dev/sda2 -> /");
}

TEST(Fstab, MdUuidSpellings) {
  EXPECT_EQ(parse_md_uuid("a1b2c3d4:e5f60718:293a4b5c:6d7e8f90"), "a1b2c3d4e5f60718293a4b5c6d7e8f90");
  EXPECT_EQ(parse_md_uuid("A1B2C3D4-E5F6-0718-293A-4B5C6D7E8F90"), "A1B2C3D4E5F60718293A4B5C6D7E8F90");
  EXPECT_EQ(parse_md_uuid("a1b2"), std::nullopt);
  EXPECT_EQ(parse_md_uuid("g1b2c3d4:e5f60718:293a4b5c:6d7e8f90"), std::nullopt);
}

TEST(Fstab, PartitionNames) {
  EXPECT_TRUE(is_partition_name("/dev/sda1"));
  EXPECT_FALSE(is_partition_name("/dev/sda"));
  EXPECT_FALSE(is_partition_name("/dev/sda0"));
  EXPECT_TRUE(is_partition_name("/dev/md0p1"));
}

}  // namespace
}  // namespace gfsd::domain::inspect
