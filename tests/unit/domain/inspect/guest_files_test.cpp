// read_small_file splits as the original daemon did (every '\n' separates),
// over a real directory (the PosixFilesystem adapter).
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/mock_ports.hpp"
#include "adapters/posix/posix_filesystem.hpp"
#include "domain/inspect/guest_files.hpp"
#include "domain/inspect/release_files.hpp"

namespace gfsd::domain::inspect {
namespace {

namespace stdfs = std::filesystem;
using testing::ElementsAre;
using testing::Optional;

class ReadSmallFileTest : public testing::Test {
 protected:
  ReadSmallFileTest() {
    char tmpl[] = "/tmp/gfsd-small-file-XXXXXX";
    m_.config.sysroot = ::mkdtemp(tmpl);
    fs_ = std::make_unique<adapters::PosixFilesystem>(m_.config.sysroot);
  }
  ~ReadSmallFileTest() override { stdfs::remove_all(m_.config.sysroot); }

  void write(const std::string& name, const std::string& content) {
    std::ofstream(m_.config.sysroot + name, std::ios::binary) << content;
  }
  Ctx ctx() {
    return Ctx{m_.config, *fs_, m_.runner, m_.mounts, m_.devices, m_.log, m_.host, m_.progress, m_.state};
  }

  mocks::MockPorts m_;
  std::unique_ptr<adapters::PosixFilesystem> fs_;
};

TEST_F(ReadSmallFileTest, EveryNewlineSeparatesAsInTheOriginal) {
  write("/empty", "");
  write("/one", "a\n");
  write("/two", "a\n\nb");
  write("/blank", "\n\n");
  auto c = ctx();
  EXPECT_THAT(read_small_file(c, "/empty"), Optional(ElementsAre("")));
  EXPECT_THAT(read_small_file(c, "/one"), Optional(ElementsAre("a", "")));
  EXPECT_THAT(read_small_file(c, "/two"), Optional(ElementsAre("a", "", "b")));
  EXPECT_THAT(read_small_file(c, "/blank"), Optional(ElementsAre("", "", "")));
  EXPECT_EQ(read_small_file(c, "/missing"), std::nullopt);
}

// The original takes an empty /etc/SuSE-release for a product with an empty
// name: its line list is [""], never empty.
TEST_F(ReadSmallFileTest, AnEmptySuseReleaseIsStillParsed) {
  write("/SuSE-release", "");
  auto c = ctx();
  auto lines = read_small_file(c, "/SuSE-release");
  ASSERT_TRUE(lines);
  InspectionData d;
  EXPECT_TRUE(parse_suse_release(*lines, d));
  EXPECT_EQ(d.product_name, std::optional<std::string>(""));
}

}  // namespace
}  // namespace gfsd::domain::inspect
