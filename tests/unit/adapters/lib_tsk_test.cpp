// LibTsk against real images on the build host: libtsk's own messages for
// what it cannot open, and a walk over an ext4 image made by mke2fs (files,
// a directory, a symlink, a deleted file), so that the copying out of
// libtsk's structures is checked, not only the domain's use of it.
#include "adapters/tsk/lib_tsk.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include <gtest/gtest.h>

namespace gfsd::adapters {
namespace {

namespace fs = std::filesystem;
using Type = ports::TskEntry::Type;

struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "lib_tsk_test.XXXXXX").string();
    path = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

// What the walk saw of one name.
struct Seen {
  uint64_t inode = 0;
  Type type = Type::Other;
  bool is_root = false;
  bool unallocated = false;
  bool has_meta = false;
  bool meta_allocated = false;
  int64_t size = 0;
  int64_t nlink = 0;
  int64_t mtime = 0;
  std::string link;
};

TEST(LibTsk, IsAvailableOnTheBuildHost) {
  LibTsk tsk;
  EXPECT_TRUE(tsk.available());
}

TEST(LibTsk, AMissingImageIsLibtsksMessage) {
  LibTsk tsk;
  auto img = tsk.open_image("/nonexistent/lib_tsk_test.img");
  ASSERT_FALSE(img);
  EXPECT_NE(img.error().message.find("/nonexistent/lib_tsk_test.img"), std::string::npos)
      << img.error().message;
}

TEST(LibTsk, ZerosHaveNoFilesystem) {
  TempDir dir;
  const auto path = (dir.path / "zeros.img").string();
  std::ofstream(path).close();
  fs::resize_file(path, 1 << 20);
  LibTsk tsk;
  auto img = tsk.open_image(path);
  ASSERT_TRUE(img) << img.error().message;
  auto fsys = (*img)->open_filesystem();
  ASSERT_FALSE(fsys);
  EXPECT_EQ(fsys.error().message, "Cannot determine file system type");
}

TEST(LibTsk, WalksAnExt4Image) {
  if (std::system("command -v mke2fs >/dev/null 2>&1 && command -v debugfs >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "mke2fs and debugfs are needed to make the image";
  TempDir dir;
  const fs::path content = dir.path / "content";
  fs::create_directories(content / "dir");
  std::ofstream(content / "dir" / "file") << "hello";
  std::ofstream(content / "gone") << "deleted soon";
  fs::create_symlink("dir/file", content / "link");
  const auto image = (dir.path / "ext4.img").string();
  const std::string make = "mke2fs -q -F -t ext4 -d '" + content.string() + "' '" + image +
                           "' 4M >/dev/null 2>&1 && debugfs -w -R 'rm gone' '" + image +
                           "' >/dev/null 2>&1";
  ASSERT_EQ(std::system(make.c_str()), 0) << make;

  LibTsk tsk;
  auto img = tsk.open_image(image);
  ASSERT_TRUE(img) << img.error().message;
  auto fsys = (*img)->open_filesystem();
  ASSERT_TRUE(fsys) << fsys.error().message;
  std::multimap<std::string, Seen> seen;
  auto walked = (*fsys)->walk([&](const ports::TskEntry& e) -> Result<void> {
    Seen s;
    s.inode = e.inode;
    s.type = e.type;
    s.is_root = e.is_root;
    s.unallocated = e.unallocated;
    if (e.meta != nullptr) {
      s.has_meta = true;
      s.meta_allocated = e.meta->allocated;
      s.size = e.meta->size;
      s.nlink = e.meta->nlink;
      s.mtime = e.meta->mtime;
      s.link = std::string(e.meta->link);
    }
    seen.emplace(std::string(e.parent) + std::string(e.name), s);
    return {};
  });
  ASSERT_TRUE(walked) << walked.error().message;

  ASSERT_EQ(seen.count("."), 1u);
  EXPECT_EQ(seen.find(".")->second.inode, 2u);
  EXPECT_TRUE(seen.find(".")->second.is_root);
  EXPECT_EQ(seen.find(".")->second.type, Type::Dir);
  EXPECT_EQ(seen.count("dir/."), 1u);  // the walk gives the dot entries; the domain drops them
  EXPECT_FALSE(seen.find("dir/.")->second.is_root);
  EXPECT_TRUE(seen.find("dir/..")->second.is_root);

  ASSERT_EQ(seen.count("dir/file"), 1u);
  const Seen& file = seen.find("dir/file")->second;
  EXPECT_EQ(file.type, Type::Reg);
  EXPECT_FALSE(file.unallocated);
  EXPECT_TRUE(file.has_meta);
  EXPECT_TRUE(file.meta_allocated);
  EXPECT_EQ(file.size, 5);
  EXPECT_EQ(file.nlink, 1);
  EXPECT_GT(file.mtime, 0);

  ASSERT_EQ(seen.count("link"), 1u);
  EXPECT_EQ(seen.find("link")->second.type, Type::Lnk);
  EXPECT_EQ(seen.find("link")->second.link, "dir/file");

  ASSERT_EQ(seen.count("gone"), 1u);
  EXPECT_TRUE(seen.find("gone")->second.unallocated);
  EXPECT_FALSE(seen.find("gone")->second.meta_allocated);
}

TEST(LibTsk, AFailingVisitStopsTheWalkWithItsError) {
  if (std::system("command -v mke2fs >/dev/null 2>&1") != 0) GTEST_SKIP() << "mke2fs is needed";
  TempDir dir;
  const auto image = (dir.path / "empty.img").string();
  ASSERT_EQ(std::system(("mke2fs -q -F -t ext4 '" + image + "' 4M >/dev/null 2>&1").c_str()), 0);
  LibTsk tsk;
  auto img = tsk.open_image(image);
  ASSERT_TRUE(img);
  auto fsys = (*img)->open_filesystem();
  ASSERT_TRUE(fsys);
  int visits = 0;
  auto walked = (*fsys)->walk([&](const ports::TskEntry&) -> Result<void> {
    ++visits;
    return fail_with(ECANCELED, "stop here");
  });
  ASSERT_FALSE(walked);
  EXPECT_EQ(walked.error().errnum, ECANCELED);
  EXPECT_EQ(walked.error().message, "stop here");
  EXPECT_EQ(visits, 1);
}

}  // namespace
}  // namespace gfsd::adapters
