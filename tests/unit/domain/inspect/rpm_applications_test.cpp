#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/mock_ports.hpp"
#include "domain/inspect/inspect_actions.hpp"

namespace gfsd::domain {
namespace {

using testing::Return;

ports::RpmPackage pkg(const std::string& name, const std::string& version, int32_t epoch = 0) {
  ports::RpmPackage p;
  p.name = name;
  p.version = version;
  p.epoch = epoch;
  p.release = "1.fc39";
  p.arch = "x86_64";
  p.url = "(none)";
  p.summary = "s";
  p.description = "d";
  return p;
}

TEST(RpmApplications, SortedByNameSameNamesInReverseDatabaseOrder) {
  mocks::MockPorts m;
  EXPECT_CALL(m.rpm, installed_packages("/sysroot/"))
      .WillOnce(Return(std::vector<ports::RpmPackage>{
          pkg("zlib", "1.2"), pkg("gpg-pubkey", "a"), pkg("bash", "5.2", 1), pkg("gpg-pubkey", "b")}));
  auto ctx = m.ctx();
  auto apps = internal_list_rpm_applications(ctx);
  ASSERT_TRUE(apps);
  ASSERT_EQ(apps->size(), 4u);
  EXPECT_EQ((*apps)[0].app2_name, "bash");
  EXPECT_EQ((*apps)[0].app2_epoch, 1);
  EXPECT_EQ((*apps)[1].app2_version, "b");
  EXPECT_EQ((*apps)[2].app2_version, "a");
  EXPECT_EQ((*apps)[3].app2_name, "zlib");
  EXPECT_EQ((*apps)[3].app2_url, "(none)");
  EXPECT_EQ((*apps)[3].app2_display_name, "");
}

TEST(RpmApplications, DatabaseErrorsPassThrough) {
  mocks::MockPorts m;
  EXPECT_CALL(m.rpm, installed_packages("/sysroot/")).WillOnce(Return(fail("rpmtsInitIterator")));
  auto ctx = m.ctx();
  EXPECT_EQ(internal_list_rpm_applications(ctx).error().message, "rpmtsInitIterator");
}

}  // namespace
}  // namespace gfsd::domain
