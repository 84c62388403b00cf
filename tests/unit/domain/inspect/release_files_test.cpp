#include "domain/inspect/release_files.hpp"

#include <gtest/gtest.h>

#include "domain/core/text.hpp"
#include "domain/inspect/text_parsing.hpp"

namespace gfsd::domain::inspect {
namespace {

TEST(OsRelease, DebianGivesOnlyTheMajorSoTheSearchGoesOn) {
  InspectionData d;
  EXPECT_FALSE(parse_os_release(split_lines("PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n"
                                            "VERSION_ID=\"12\"\nID=debian\n"),
                                d));
  // What was read stays: /etc/debian_version refines it later.
  EXPECT_EQ(d.distro, Distro::Debian);
  EXPECT_EQ(d.product_name, "Debian GNU/Linux 12 (bookworm)");
  EXPECT_EQ(d.version, (Version{12, 0}));
}

TEST(OsRelease, FedoraIsConclusive) {
  InspectionData d;
  EXPECT_TRUE(parse_os_release(
      split_lines("NAME=\"Fedora Linux\"\nVERSION_ID=39\nID=fedora\n"
                  "PRETTY_NAME=\"Fedora Linux 39 (Server Edition)\"\n"),
      d));
  EXPECT_EQ(d.distro, Distro::Fedora);
  EXPECT_EQ(d.version, (Version{39, 0}));
}

TEST(OsRelease, RollingDistroGetsVersionZero) {
  InspectionData d;
  EXPECT_TRUE(parse_os_release(split_lines("ID=arch\nPRETTY_NAME=\"Arch Linux\"\n"), d));
  EXPECT_EQ(d.version, (Version{0, 0}));
}

TEST(OsRelease, UnknownIdOrNoVersionIsNotEnough) {
  InspectionData d;
  EXPECT_FALSE(parse_os_release(split_lines("ID=mystery\nPRETTY_NAME=x\nVERSION_ID=1.2\n"), d));
  EXPECT_EQ(d.distro, std::nullopt);
  InspectionData e;
  EXPECT_FALSE(parse_os_release(split_lines("ID=ubuntu\nPRETTY_NAME=x\n"), e));
}

TEST(OsRelease, NeoKylinVersionForm) {
  InspectionData d;
  EXPECT_TRUE(parse_os_release(split_lines("ID=neokylin\nPRETTY_NAME=N\nVERSION_ID=V7Update3\n"), d));
  EXPECT_EQ(d.version, (Version{7, 3}));
}

TEST(OsRelease, OpenSuseVariantsAndSled) {
  EXPECT_EQ(distro_of_os_release_id("opensuse-leap"), Distro::OpenSuse);
  EXPECT_EQ(distro_of_os_release_id("sled"), Distro::Sles);
  EXPECT_EQ(distro_of_os_release_id("Debian"), std::nullopt);
}

TEST(LsbRelease, UbuntuAndBareFiles) {
  InspectionData d;
  EXPECT_TRUE(parse_lsb_release(split_lines("DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=10.04\n"
                                            "DISTRIB_CODENAME=lucid\n"
                                            "DISTRIB_DESCRIPTION=\"Ubuntu 10.04.1 LTS\"\n"),
                                d));
  EXPECT_EQ(d.distro, Distro::Ubuntu);
  EXPECT_EQ(d.product_name, "Ubuntu 10.04.1 LTS");
  EXPECT_EQ(d.version, (Version{10, 4}));
  InspectionData e;
  EXPECT_FALSE(parse_lsb_release(split_lines("LSB_VERSION=1.3\n"), e));
}

TEST(SuseRelease, SlesVersionAndPatchLevel) {
  InspectionData d;
  EXPECT_TRUE(parse_suse_release(
      split_lines("SUSE Linux Enterprise Server 11 (x86_64)\nVERSION = 11\nPATCHLEVEL = 2\n"), d));
  EXPECT_EQ(d.distro, Distro::Sles);
  EXPECT_EQ(d.version, (Version{11, 2}));
  EXPECT_EQ(d.product_name, "SUSE Linux Enterprise Server 11 (x86_64)");
}

TEST(SuseRelease, OpenSuseAndOthers) {
  InspectionData d;
  EXPECT_TRUE(parse_suse_release(split_lines("openSUSE 11.1 (x86_64)\nVERSION = 11.1\n"), d));
  EXPECT_EQ(d.distro, Distro::OpenSuse);
  EXPECT_EQ(d.version, (Version{11, 1}));
  InspectionData e;
  EXPECT_TRUE(parse_suse_release(split_lines("Something else\n"), e));
  EXPECT_EQ(e.distro, std::nullopt);
  EXPECT_EQ(e.product_name, "Something else");
}

TEST(Generic, WithPatternTheMatchDecides) {
  const std::regex rhel(R"(Red Hat.*release (\d+)\.(\d+))");
  InspectionData d;
  EXPECT_TRUE(parse_generic("Red Hat Enterprise Linux release 8.9 (Ootpa)", Distro::Rhel, &rhel, d));
  EXPECT_EQ(d.version, (Version{8, 9}));
  // A failed match still leaves the name and distro set, as the original does.
  InspectionData e;
  EXPECT_FALSE(parse_generic("CentOS Linux release 7.9.2009 (Core)", Distro::Rhel, &rhel, e));
  EXPECT_EQ(e.distro, Distro::Rhel);
  EXPECT_EQ(e.version, std::nullopt);
}

TEST(Generic, SingleGroupPatternsGiveMinorZero) {
  const std::regex fedora(R"(Fedora release (\d+))");
  InspectionData d;
  EXPECT_TRUE(parse_generic("Fedora release 20 (Heisenbug)", Distro::Fedora, &fedora, d));
  EXPECT_EQ(d.version, (Version{20, 0}));
}

TEST(Generic, WithoutPatternBestEffort) {
  InspectionData d;
  EXPECT_TRUE(parse_generic("bookworm/sid", Distro::Debian, nullptr, d));
  EXPECT_EQ(d.product_name, "bookworm/sid");
  EXPECT_EQ(d.version, std::nullopt);
  InspectionData e;
  EXPECT_FALSE(parse_generic("", Distro::Debian, nullptr, e));
  EXPECT_EQ(e.distro, std::nullopt);
}

}  // namespace
}  // namespace gfsd::domain::inspect
