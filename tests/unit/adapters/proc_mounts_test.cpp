#include "adapters/posix/proc_mounts.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace gfsd::adapters {
namespace {

TEST(ParseMountinfo, FieldsAndEscapes) {
  const std::string text =
      "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n"
      "40 22 0:35 / /sysroot rw - tmpfs tmpfs rw\n"
      "41 40 8:2 / /sysroot/with\\040space rw,noatime master:1 shared:2 - xfs /dev/sdb1 rw\n";
  const auto m = parse_mountinfo(text);
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].target, "/");
  EXPECT_EQ(m[0].source, "/dev/sda1");
  EXPECT_EQ(m[0].fstype, "ext4");
  EXPECT_EQ(m[1].target, "/sysroot");
  EXPECT_EQ(m[2].target, "/sysroot/with space");
  EXPECT_EQ(m[2].fstype, "xfs");
}

TEST(ParseMountinfo, SkipsMalformedLines) {
  EXPECT_TRUE(parse_mountinfo("garbage\n1 2 3\n").empty());
}

TEST(ProcMounts, ListsThisProcessMounts) {
  ProcMounts mounts;
  auto first = mounts.list();
  ASSERT_TRUE(first);
  bool has_root = false;
  for (const auto& e : *first) has_root |= e.target == "/";
  EXPECT_TRUE(has_root);
  auto again = mounts.list();  // served from the cache when nothing changed
  ASSERT_TRUE(again);
  EXPECT_EQ(again->size(), first->size());
}

TEST(MountIsUnder, TheDirItselfOrBelowItNeverASiblingWithTheSamePrefix) {
  EXPECT_TRUE(ports::mount_is_under("/sysroot", "/sysroot"));
  EXPECT_TRUE(ports::mount_is_under("/sysroot/boot", "/sysroot"));
  EXPECT_FALSE(ports::mount_is_under("/sysroot2", "/sysroot"));
  EXPECT_FALSE(ports::mount_is_under("/", "/sysroot"));
  EXPECT_TRUE(ports::mount_is_under("/", ""));  // no sysroot: every mount counts
}

TEST(ProcMounts, HasMountsUnderAgreesWithTheList) {
  ProcMounts m;
  ASSERT_TRUE(m.list());
  EXPECT_THAT(m.has_mounts_under("/"), testing::Optional(true));
  EXPECT_THAT(m.has_mounts_under("/no/such/mount/point"), testing::Optional(false));
}

}  // namespace
}  // namespace gfsd::adapters
