// End to end: the real libguestfs C API (Debian's libguestfs0) boots the real appliance
// and talks to whichever daemon LIBGUESTFS_PATH selects (ours when CTest runs this;
// unset it to run the same assertions against the original daemon).
//
// One appliance for the whole suite: under TCG a launch costs ~20-40 s.
#include <guestfs.h>

#include <gtest/gtest.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <random>
#include <csignal>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

guestfs_h* g = nullptr;

std::string last_error() {
  const char* e = guestfs_last_error(g);
  return e ? e : "";
}

// Frees the string (or string list) the C API returns.
std::string take(char* s) {
  std::string out = s ? s : "";
  free(s);
  return out;
}

class CapiEnvironment : public ::testing::Environment {
 public:
  void SetUp() override {
    g = guestfs_create();
    ASSERT_NE(g, nullptr);
    ASSERT_EQ(guestfs_add_drive_scratch(g, INT64_C(512) * 1024 * 1024, -1), 0) << last_error();
    ASSERT_EQ(guestfs_launch(g), 0) << last_error();
    ASSERT_EQ(guestfs_mkfs(g, "ext4", "/dev/sda"), 0) << last_error();
    ASSERT_EQ(guestfs_mount(g, "/dev/sda", "/"), 0) << last_error();
  }
  void TearDown() override {
    if (!g) return;
    EXPECT_EQ(guestfs_shutdown(g), 0) << last_error();
    guestfs_close(g);
    g = nullptr;
  }
};

const auto* const kEnv = ::testing::AddGlobalTestEnvironment(new CapiEnvironment);

class TempFile {
 public:
  TempFile() {
    char tmpl[] = "/tmp/gfsd-e2e-XXXXXX";
    int fd = mkstemp(tmpl);
    if (fd >= 0) close(fd);
    path_ = tmpl;
  }
  ~TempFile() { unlink(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::string random_bytes(size_t n, unsigned seed) {
  std::mt19937 gen(seed);
  std::string s(n, '\0');
  for (auto& c : s) c = static_cast<char>(gen());
  return s;
}

std::string read_local(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_local(const std::string& path, const std::string& data) {
  std::ofstream(path, std::ios::binary).write(data.data(), static_cast<std::streamsize>(data.size()));
}

std::string local_sha256(const std::string& path) {
  std::string cmd = "sha256sum '" + path + "'";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return "";
  char buf[128] = {};
  std::string out = fgets(buf, sizeof buf, p) ? buf : "";
  pclose(p);
  return out.substr(0, out.find(' '));
}

// Sizes around and well past the 8 KiB chunk: not multiples of it, so the last
// chunk is short.
class TransferRoundTrip : public ::testing::TestWithParam<size_t> {};

TEST_P(TransferRoundTrip, UploadThenDownloadGivesTheSameBytes) {
  const size_t size = GetParam();
  const std::string data = random_bytes(size, static_cast<unsigned>(size));
  TempFile src, back;
  write_local(src.path(), data);
  const std::string remote = "/roundtrip-" + std::to_string(size);

  ASSERT_EQ(guestfs_upload(g, src.path().c_str(), remote.c_str()), 0) << last_error();
  EXPECT_EQ(guestfs_filesize(g, remote.c_str()), static_cast<int64_t>(size));
  ASSERT_EQ(guestfs_download(g, remote.c_str(), back.path().c_str()), 0) << last_error();
  EXPECT_TRUE(read_local(back.path()) == data) << "downloaded bytes differ";

  // The daemon's own checksum of what it stored agrees with ours of what we sent.
  EXPECT_EQ(take(guestfs_checksum(g, "sha256", remote.c_str())), local_sha256(src.path()))
      << last_error();
}

INSTANTIATE_TEST_SUITE_P(Sizes, TransferRoundTrip,
                         ::testing::Values(size_t{0}, size_t{8191}, size_t{8192} * 3 + 17,
                                           size_t{3} * 1024 * 1024 + 5));

TEST(Errors, ReachTheCallerWithTheirErrno) {
  ASSERT_EQ(guestfs_mkdir(g, "/errors"), 0) << last_error();
  ASSERT_EQ(guestfs_touch(g, "/errors/file"), 0) << last_error();

  EXPECT_EQ(guestfs_rm(g, "/errors/missing"), -1);
  EXPECT_EQ(guestfs_last_errno(g), ENOENT);
  EXPECT_NE(last_error().find("/errors/missing"), std::string::npos) << last_error();

  EXPECT_EQ(guestfs_mkdir(g, "/errors"), -1);
  EXPECT_EQ(guestfs_last_errno(g), EEXIST);

  EXPECT_EQ(guestfs_rmdir(g, "/errors/file"), -1);
  EXPECT_EQ(guestfs_last_errno(g), ENOTDIR);

  TempFile src;
  write_local(src.path(), "x");
  EXPECT_EQ(guestfs_upload(g, src.path().c_str(), "/errors/no/such/dir"), -1);
  EXPECT_EQ(guestfs_last_errno(g), ENOENT);

  // The daemon is still serving after the errors.
  EXPECT_EQ(guestfs_ping_daemon(g), 0) << last_error();
}

TEST(OptionalArguments, AreHonoured) {
  ASSERT_EQ(guestfs_mkdir_p(g, "/opt/dir"), 0) << last_error();
  const std::string name = take(
      guestfs_mktemp(g, "/opt/dir/tmpXXXXXX", GUESTFS_MKTEMP_SUFFIX, ".txt", -1));
  ASSERT_FALSE(name.empty()) << last_error();
  EXPECT_EQ(name.rfind("/opt/dir/tmp", 0), 0u) << name;
  EXPECT_EQ(name.substr(name.size() - 4), ".txt") << name;
  EXPECT_EQ(guestfs_is_file(g, name.c_str()), 1);

  ASSERT_EQ(guestfs_ln_s(g, name.c_str(), "/opt/link"), 0) << last_error();
  EXPECT_EQ(guestfs_is_file_opts(g, "/opt/link", -1), 0);
  EXPECT_EQ(guestfs_is_file_opts(g, "/opt/link", GUESTFS_IS_FILE_OPTS_FOLLOWSYMLINKS, 1, -1), 1);
}

struct ProgressLog {
  std::vector<std::pair<uint64_t, uint64_t>> events;  // (position, total)
};

void on_progress(guestfs_h*, void* opaque, uint64_t, int, int, const char*, size_t,
                 const uint64_t* array, size_t array_len) {
  // array: proc_nr, serial, position, total
  if (array_len >= 4) static_cast<ProgressLog*>(opaque)->events.emplace_back(array[2], array[3]);
}

TEST(Progress, IsReportedDuringALongDownload) {
  // Progress messages start 2 s into a call. The download must outlast that however
  // fast the daemon is, so the local side is a pipe whose reader waits 3 s before
  // draining it: the library, then the daemon, block on full buffers meanwhile.
  const int64_t size = INT64_C(64) * 1024 * 1024;  // far more than the buffers between us
  ASSERT_EQ(guestfs_touch(g, "/big"), 0) << last_error();
  ASSERT_EQ(guestfs_truncate_size(g, "/big", size), 0) << last_error();

  int fds[2];
  ASSERT_EQ(pipe2(fds, O_CLOEXEC), 0);
  const std::string sink = "/dev/fd/" + std::to_string(fds[1]);
  std::atomic<uint64_t> drained{0};
  std::thread reader([&] {
    std::this_thread::sleep_for(std::chrono::seconds(3));
    std::vector<char> buffer(256 * 1024);
    for (;;) {
      ssize_t n = read(fds[0], buffer.data(), buffer.size());
      if (n <= 0) break;
      drained += static_cast<uint64_t>(n);
    }
  });

  ProgressLog log;
  int handle = guestfs_set_event_callback(g, on_progress, GUESTFS_EVENT_PROGRESS, 0, &log);
  ASSERT_GE(handle, 0);
  const auto started = std::chrono::steady_clock::now();
  const int r = guestfs_download(g, "/big", sink.c_str());
  const auto took = std::chrono::steady_clock::now() - started;
  guestfs_delete_event_callback(g, handle);
  close(fds[1]);  // the reader sees end of file
  reader.join();
  close(fds[0]);
  ASSERT_EQ(r, 0) << last_error();
  EXPECT_EQ(drained.load(), static_cast<uint64_t>(size));
  ASSERT_GE(took, std::chrono::seconds(3)) << "the reader did not hold the download open";

  ASSERT_FALSE(log.events.empty()) << "no progress callback during a download that lasted over 3 s";
  uint64_t previous = 0;
  for (const auto& [position, total] : log.events) {
    EXPECT_EQ(total, static_cast<uint64_t>(size));
    EXPECT_GE(position, previous);
    previous = position;
  }
  EXPECT_EQ(log.events.back().first, static_cast<uint64_t>(size)) << "no final 100% event";
}

TEST(Cancel, UploadCancelledByTheUserFailsWithEintrAndTheDaemonGoesOn) {
  signal(SIGPIPE, SIG_IGN);  // the feeder learns the upload is over from EPIPE
  int fds[2];
  ASSERT_EQ(pipe2(fds, O_CLOEXEC), 0);
  const std::string source = "/dev/fd/" + std::to_string(fds[0]);

  // Feed data without end; after 4 MiB cancel from this thread, as a program's UI
  // thread would, and go on writing so the library never waits on an empty pipe.
  std::atomic<size_t> written{0};
  std::thread feeder([&] {
    const std::string block(64 * 1024, 'c');
    bool cancelled = false;
    for (;;) {
      ssize_t n = write(fds[1], block.data(), block.size());
      if (n <= 0) break;
      written += static_cast<size_t>(n);
      if (!cancelled && written >= 4u * 1024 * 1024) {
        guestfs_user_cancel(g);
        cancelled = true;
      }
    }
  });
  const int r = guestfs_upload(g, source.c_str(), "/cancelled");
  const int err = guestfs_last_errno(g);
  close(fds[0]);  // the feeder's next write fails with EPIPE
  feeder.join();
  close(fds[1]);

  EXPECT_EQ(r, -1);
  EXPECT_EQ(err, EINTR) << last_error();
  EXPECT_GE(written.load(), 4u * 1024 * 1024);
  EXPECT_EQ(guestfs_ping_daemon(g), 0) << last_error();
  EXPECT_EQ(guestfs_mkdir(g, "/after-cancel"), 0) << last_error();
  EXPECT_EQ(guestfs_is_dir(g, "/after-cancel"), 1);
}

}  // namespace
