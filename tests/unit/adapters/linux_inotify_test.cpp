#include "adapters/posix/linux_inotify.hpp"

#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>

namespace gfsd::adapters {
namespace {

// One kernel record: the header, then the name padded with NULs to name_len.
std::string record(int wd, uint32_t mask, uint32_t cookie, const std::string& name,
                   uint32_t name_len) {
  struct inotify_event head {};
  head.wd = wd;
  head.mask = mask;
  head.cookie = cookie;
  head.len = name_len;
  std::string out(reinterpret_cast<const char*>(&head), sizeof head);
  std::string padded = name;
  padded.resize(name_len, '\0');
  return out + padded;
}

TEST(DecodeInotifyEvents, WholeRecordsWithTheirNamesUpToTheFirstNul) {
  const std::string bytes = record(1, IN_CREATE, 0, "g", 16) +
                            record(2, IN_IGNORED, 0, "", 0) +
                            record(1, IN_MOVED_FROM, 42, "sixteen-chars-xx", 16);
  std::vector<ports::InotifyEvent> out;
  size_t consumed = 0;
  ASSERT_TRUE(decode_inotify_events(bytes.data(), bytes.size(), consumed, out));
  EXPECT_EQ(consumed, bytes.size());
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].wd, 1);
  EXPECT_EQ(out[0].mask, static_cast<uint32_t>(IN_CREATE));
  EXPECT_EQ(out[0].name, "g");
  EXPECT_EQ(out[1].mask, static_cast<uint32_t>(IN_IGNORED));
  EXPECT_EQ(out[1].name, "");
  EXPECT_EQ(out[2].cookie, 42u);
  EXPECT_EQ(out[2].name, "sixteen-chars-xx");
}

TEST(DecodeInotifyEvents, AnIncompleteRecordIsLeftForLater) {
  const std::string whole = record(1, IN_CREATE, 0, "a", 16);
  const std::string bytes = whole + record(1, IN_CREATE, 0, "b", 16).substr(0, 20);
  std::vector<ports::InotifyEvent> out;
  size_t consumed = 0;
  ASSERT_TRUE(decode_inotify_events(bytes.data(), bytes.size(), consumed, out));
  EXPECT_EQ(consumed, whole.size());
  ASSERT_EQ(out.size(), 1u);
  // A header alone, its name not there yet.
  out.clear();
  const std::string head_only = record(1, IN_CREATE, 0, "b", 16).substr(0, sizeof(inotify_event));
  ASSERT_TRUE(decode_inotify_events(head_only.data(), head_only.size(), consumed, out));
  EXPECT_EQ(consumed, 0u);
  EXPECT_TRUE(out.empty());
}

TEST(DecodeInotifyEvents, ANameLongerThanPathMaxIsAnError) {
  const std::string bytes = record(1, IN_CREATE, 0, "x", PATH_MAX + 16);
  std::vector<ports::InotifyEvent> out;
  size_t consumed = 0;
  auto r = decode_inotify_events(bytes.data(), bytes.size(), consumed, out);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "event->len = " + std::to_string(PATH_MAX + 16) + " > PATH_MAX");
}

class TempDirectory {
 public:
  TempDirectory() {
    char tmpl[] = "/tmp/gfsd-inotify-XXXXXX";
    if (::mkdtemp(tmpl) != nullptr) path_ = tmpl;
  }
  ~TempDirectory() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

TEST(LinuxInotify, WatchesAndReadsWithTheKernel) {
  TempDirectory dir;
  ASSERT_FALSE(dir.path().empty());
  LinuxInotify ino;
  EXPECT_TRUE(ino.available());
  EXPECT_FALSE(ino.is_open());
  ASSERT_TRUE(ino.open());
  EXPECT_TRUE(ino.is_open());
  auto none = ino.read_queued();
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());

  auto wd = ino.add_watch(dir.path(), IN_CREATE | IN_DELETE);
  ASSERT_TRUE(wd);
  const int fd = ::open((dir.path() + "/made").c_str(), O_CREAT | O_WRONLY | O_CLOEXEC, 0644);
  ASSERT_GE(fd, 0);
  ::close(fd);
  auto events = ino.read_queued();
  ASSERT_TRUE(events);
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].wd, *wd);
  EXPECT_EQ((*events)[0].mask, static_cast<uint32_t>(IN_CREATE));
  EXPECT_EQ((*events)[0].name, "made");

  ASSERT_TRUE(ino.rm_watch(static_cast<int32_t>(*wd)));
  auto again = ino.rm_watch(static_cast<int32_t>(*wd));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().errnum, EINVAL);
  EXPECT_EQ(again.error().message, "");
  auto ignored = ino.read_queued();
  ASSERT_TRUE(ignored);
  ASSERT_EQ(ignored->size(), 1u);
  EXPECT_EQ((*ignored)[0].mask, static_cast<uint32_t>(IN_IGNORED));

  auto missing = ino.add_watch(dir.path() + "/nope", IN_CREATE);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().errnum, ENOENT);

  ASSERT_TRUE(ino.close());
  EXPECT_FALSE(ino.is_open());
  EXPECT_EQ(ino.close().error().errnum, EBADF);
  EXPECT_EQ(ino.read_queued().error().message, "read: Bad file descriptor");
}

TEST(LinuxInotify, OpenTwiceIsRefusedAndTheDestructorCloses) {
  const auto before = std::distance(std::filesystem::directory_iterator("/proc/self/fd"),
                                    std::filesystem::directory_iterator());
  {
    LinuxInotify ino;
    ASSERT_TRUE(ino.open());
    EXPECT_EQ(ino.open().error().errnum, EBUSY);
  }
  const auto after = std::distance(std::filesystem::directory_iterator("/proc/self/fd"),
                                   std::filesystem::directory_iterator());
  EXPECT_EQ(after, before);
}

}  // namespace
}  // namespace gfsd::adapters
