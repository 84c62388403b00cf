// Feature groups tell the truth: a group is available only when every one of
// its actions has a handler and the appliance has what the group needs.
#include "domain/internal/features.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "support/mock_libraries.hpp"
#include "support/mock_ports.hpp"
#include "optgroups.hpp"
#include "domain/register.hpp"
#include "proto/action_table.hpp"
#include "proto/codec_support.hpp"
#include "stub_handlers.hpp"

namespace gfsd::domain {
namespace {

using testing::Return;

class FeaturesTest : public testing::Test {
 protected:
  FeaturesTest() {
    register_all(registered);
    // An appliance that has every program and filesystem.
    ON_CALL(ports.host, program_exists).WillByDefault(Return(true));
    ON_CALL(ports.host, kernel_has_filesystem).WillByDefault(Return(true));
    ON_CALL(ports.host, path_exists).WillByDefault(Return(true));
  }
  // ... and every library the daemon loads on first use.
  Ctx library_ctx() {
    auto ctx = ports.ctx();
    libs.attach(ctx);
    return ctx;
  }
  Availability with(const api::Handlers* h, const std::string& group) {
    auto ctx = library_ctx();
    ctx.handlers = h;
    return optgroup_availability(ctx, group);
  }
  mocks::MockPorts ports;
  mocks::MockLibraries libs;
  api::Handlers registered;
};

// A group served by a library is available only when its port can load the
// library, and never without the port.
TEST_F(FeaturesTest, LibraryGroupsNeedTheirLibrary) {
  struct Row {
    const char* group;
    std::function<void(bool)> set;
    std::function<void(Ctx&)> drop;
  };
  const Row rows[] = {
      {"acl", [&](bool v) { ON_CALL(libs.acls, available()).WillByDefault(Return(v)); },
       [](Ctx& c) { c.acls = nullptr; }},
      {"linuxcaps", [&](bool v) { ON_CALL(libs.caps, available()).WillByDefault(Return(v)); },
       [](Ctx& c) { c.caps = nullptr; }},
      {"selinux", [&](bool v) { ON_CALL(libs.selinux, available()).WillByDefault(Return(v)); },
       [](Ctx& c) { c.selinux = nullptr; }},
      {"journal", [&](bool v) { ON_CALL(libs.journal, available()).WillByDefault(Return(v)); },
       [](Ctx& c) { c.journal = nullptr; }},
      {"inotify", [&](bool v) { ON_CALL(libs.inotify, available()).WillByDefault(Return(v)); },
       [](Ctx& c) { c.inotify = nullptr; }},
      {"libyara", [&](bool v) { ON_CALL(libs.yara, available()).WillByDefault(Return(v)); },
       [](Ctx& c) { c.yara = nullptr; }},
      {"libtsk", [&](bool v) { ON_CALL(libs.tsk, available()).WillByDefault(Return(v)); },
       [](Ctx& c) { c.tsk = nullptr; }},
  };
  for (const auto& row : rows) {
    EXPECT_EQ(with(&registered, row.group), Availability::Available) << row.group;
    row.set(false);
    EXPECT_EQ(with(&registered, row.group), Availability::Unavailable) << row.group;
    row.set(true);
    auto ctx = library_ctx();
    ctx.handlers = &registered;
    row.drop(ctx);
    EXPECT_EQ(optgroup_availability(ctx, row.group), Availability::Unavailable) << row.group;
  }
}

// The groups of the action table, from the table itself.
std::vector<std::string> table_groups() {
  std::vector<std::string> out;
  for (int i = 0; i < proto::kNumActionList; ++i) {
    const std::string g = proto::kActionList[i].optgroup;
    if (!g.empty() && std::find(out.begin(), out.end(), g) == out.end()) out.push_back(g);
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST_F(FeaturesTest, EveryGroupOfTheTableIsKnownAndHasAProbe) {
  std::vector<std::string> generated;
  for (const auto& g : api::kOptGroups) generated.emplace_back(g.name);
  EXPECT_EQ(generated, table_groups());
  for (const auto& g : table_groups()) EXPECT_TRUE(optgroup_has_probe(g)) << g;
  EXPECT_EQ(probes_without_group(), std::vector<std::string>{});
}

TEST_F(FeaturesTest, NoGroupWithAnEmptySlotIsAvailable) {
  for (const auto& g : api::kOptGroups) {
    bool all_present = true;
    for (int i = 0; i < proto::kNumActionList; ++i) {
      const auto& a = proto::kActionList[i];
      if (a.optgroup == std::string(g.name) && !proto::handler_present(registered, a.proc))
        all_present = false;
    }
    EXPECT_EQ(g.complete(registered), all_present) << g.name;
    EXPECT_EQ(with(&registered, g.name) == Availability::Available, all_present) << g.name;
  }
}

TEST_F(FeaturesTest, GroupsFinishedInThisBuildAreAvailable) {
  // What tools rely on today; removing one handler of these withdraws a group.
  for (const char* g : {"lvm2", "ntfs3g", "linuxxattrs", "hivex", "mknod", "gdisk", "xfs",
                        "ntfsprogs", "linuxfsuuid", "wipefs", "zerofree", "xz", "luks",
                        "mdadm", "scrub", "linuxmodules", "f2fs", "selinuxrelabel",
                        "blkdiscard", "blkdiscardzeroes", "fstrim"})
    EXPECT_EQ(with(&registered, g), Availability::Available) << g;
}

// The Debian appliance has no setfiles: selinux_relabel is there, its group is not.
TEST_F(FeaturesTest, SelinuxRelabelNeedsSetfiles) {
  ON_CALL(ports.host, program_exists("setfiles")).WillByDefault(Return(false));
  EXPECT_EQ(with(&registered, "selinuxrelabel"), Availability::Unavailable);
  ON_CALL(ports.host, program_exists("scrub")).WillByDefault(Return(false));
  EXPECT_EQ(with(&registered, "scrub"), Availability::Unavailable);
  ON_CALL(ports.host, program_exists("resize.f2fs")).WillByDefault(Return(false));
  EXPECT_EQ(with(&registered, "f2fs"), Availability::Unavailable);
}

TEST_F(FeaturesTest, AFullTableStillNeedsTheAppliancesProgram) {
  const api::Handlers stubs = api::stub_handlers();
  EXPECT_EQ(with(&stubs, "luks"), Availability::Available);
  ON_CALL(ports.host, program_exists("cryptsetup")).WillByDefault(Return(false));
  EXPECT_EQ(with(&stubs, "luks"), Availability::Unavailable);
  ON_CALL(ports.host, kernel_has_filesystem("btrfs")).WillByDefault(Return(false));
  EXPECT_EQ(with(&stubs, "btrfs"), Availability::Unavailable);
  ON_CALL(ports.host, path_exists("/proc/modules")).WillByDefault(Return(false));
  EXPECT_EQ(with(&stubs, "linuxmodules"), Availability::Unavailable);
}

TEST_F(FeaturesTest, WithoutAHandlerTableNoGroupWithActionsIsAvailable) {
  for (const auto& g : api::kOptGroups) EXPECT_EQ(with(nullptr, g.name), Availability::Unavailable);
}

TEST_F(FeaturesTest, RetiredGroupsAreAlwaysAvailableAndUnknownOnesAreSaidSo) {
  EXPECT_EQ(with(nullptr, "augeas"), Availability::Available);
  EXPECT_EQ(with(nullptr, "realpath"), Availability::Available);
  EXPECT_EQ(with(&registered, "nosuchgroup"), Availability::UnknownGroup);
  EXPECT_EQ(with(&registered, ""), Availability::UnknownGroup);
}

TEST_F(FeaturesTest, AllGroupsListsEveryKnownGroupSorted) {
  auto expected = table_groups();
  expected.push_back("augeas");
  expected.push_back("realpath");
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(all_optgroups(), expected);
  EXPECT_EQ(all_optgroups().size(), 38u);  // as the original lists them
}

}  // namespace
}  // namespace gfsd::domain
