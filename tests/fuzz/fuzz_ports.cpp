#include "fuzz/fuzz_ports.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <type_traits>
#include <vector>

#include "proto/frame.hpp"
#include "proto/protocol.hpp"

namespace gfsd::fuzz {

using testing::_;
using testing::Invoke;
using testing::Return;

namespace {

constexpr size_t kMaxFakeSize = 1 << 20;
// What any other file takes before ENOSPC. The fake disk must be finite:
// zero-free-space writes until ENOSPC, and with no limit it never returned
// (a fuzzing timeout, corpus/session/zero-free-space-endless-disk).
constexpr size_t kDiskRoom = 2 * kMaxFakeSize;
// Files one input may open for writing before ENOSPC (a disk's inodes). Also
// finite for the same reason: fill-dir with n = 2^31 created files until the
// fuzzing timeout (corpus/args/fill-dir-endless-inodes).
constexpr size_t kDiskFiles = 10000;
size_t files_written = 0;

bool contains(const std::string& s, const char* part) { return s.find(part) != std::string::npos; }

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// Reads `size` bytes of a pattern; takes writes until `room` is used up, then
// fails with ENOSPC (a full disk).
class FakeFile final : public ports::File {
 public:
  FakeFile(size_t size, size_t room) : size_(size), room_(room) {}

  Result<size_t> read(char* buf, size_t n) override {
    const size_t k = std::min(n, size_ - pos_);
    for (size_t i = 0; i < k; ++i) buf[i] = static_cast<char>('a' + (pos_ + i) % 26);
    pos_ += k;
    return k;
  }
  Result<void> write(const char*, size_t n) override {
    if (n > room_) return fail_errno(ENOSPC, "write");
    room_ -= n;
    return {};
  }
  Result<void> seek(int64_t offset) override {
    if (offset < 0) return fail_errno(EINVAL, "seek");
    pos_ = std::min(static_cast<size_t>(offset), size_);
    return {};
  }
  Result<void> close() override { return {}; }

 private:
  size_t size_;
  size_t room_;
  size_t pos_ = 0;
};

// "missing" anywhere in a path makes it not exist; "full" makes writes to it
// fail after fake_size(path) bytes, any other file after kDiskRoom bytes.
Result<std::unique_ptr<ports::File>> open_fake(const std::string& path, ports::OpenFor how) {
  if (contains(path, "missing")) return fail_errno(ENOENT, path);
  if (how != ports::OpenFor::Read && ++files_written > kDiskFiles) return fail_errno(ENOSPC, path);
  const size_t room = contains(path, "full") ? fake_size(path) : kDiskRoom;
  return std::unique_ptr<ports::File>(std::make_unique<FakeFile>(fake_size(path), room));
}

Result<ports::FileStat> stat_fake(const std::string& path, bool follow) {
  if (contains(path, "missing")) return fail_errno(ENOENT, path);
  ports::FileStat st;
  st.size = static_cast<int64_t>(fake_size(path));
  if (path == "/" || contains(path, "dir"))
    st.mode = 040755;
  else if (!follow && contains(path, "link"))
    st.mode = 0120777;
  else
    st.mode = 0100644;
  return st;
}

// What the doubles answered before they failed by default: success with an
// empty value, so that an action gets past its first write or mount.
struct EmptySuccess {
  template <class T>
  operator Result<T>() const {  // NOLINT: converts to any Result by design
    if constexpr (std::is_void_v<T>)
      return Result<void>{};
    else
      return Result<T>(T{});
  }
};

auto empty_success() {
  return [](auto&&...) { return EmptySuccess{}; };
}

}  // namespace

void check_failed(const char* file, int line, const char* cond, const std::string& what) {
  std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n  %s\n", file, line, cond, what.c_str());
  std::abort();
}

void new_fake_disk() { files_written = 0; }

size_t fake_size(const std::string& path) {
  size_t end = path.size();
  size_t begin = end;
  while (begin > 0 && path[begin - 1] >= '0' && path[begin - 1] <= '9') --begin;
  size_t n = 0;
  for (size_t i = begin; i < end && n <= kMaxFakeSize; ++i)
    n = n * 10 + static_cast<size_t>(path[i] - '0');
  return std::min(n, kMaxFakeSize);
}

FuzzPorts::FuzzPorts() {
  // Every other Result call succeeds with an empty value; no input reaches a
  // real file, process or device either way.
  ON_CALL(fs, statvfs).WillByDefault(empty_success());
  ON_CALL(fs, list_xattrs).WillByDefault(empty_success());
  ON_CALL(fs, set_xattr).WillByDefault(empty_success());
  ON_CALL(fs, remove_xattr).WillByDefault(empty_success());
  ON_CALL(fs, mkdir).WillByDefault(empty_success());
  ON_CALL(fs, rmdir).WillByDefault(empty_success());
  ON_CALL(fs, unlink).WillByDefault(empty_success());
  ON_CALL(fs, remove_tree).WillByDefault(empty_success());
  ON_CALL(fs, symlink).WillByDefault(empty_success());
  ON_CALL(fs, link).WillByDefault(empty_success());
  ON_CALL(fs, rename).WillByDefault(empty_success());
  ON_CALL(fs, mknod).WillByDefault(empty_success());
  ON_CALL(fs, chmod).WillByDefault(empty_success());
  ON_CALL(fs, chown).WillByDefault(empty_success());
  ON_CALL(fs, truncate).WillByDefault(empty_success());
  ON_CALL(fs, set_times).WillByDefault(empty_success());
  ON_CALL(fs, touch).WillByDefault(empty_success());
  ON_CALL(fs, sync).WillByDefault(empty_success());
  ON_CALL(fs, glob).WillByDefault(empty_success());
  ON_CALL(mounts, umount).WillByDefault(empty_success());
  ON_CALL(devices, list_dir).WillByDefault(empty_success());
  ON_CALL(devices, realpath).WillByDefault(empty_success());
  ON_CALL(devices, rdev).WillByDefault(empty_success());
  ON_CALL(devices, write_file).WillByDefault(empty_success());
  ON_CALL(host, uname).WillByDefault(empty_success());
  ON_CALL(upload, read).WillByDefault(empty_success());
  ON_CALL(download, start).WillByDefault(empty_success());
  ON_CALL(download, write).WillByDefault(empty_success());
  ON_CALL(download, finish).WillByDefault(empty_success());
  ON_CALL(augeas, open).WillByDefault(empty_success());
  ON_CALL(hivex, open).WillByDefault(empty_success());
  ON_CALL(rpm, installed_packages).WillByDefault(empty_success());

  ON_CALL(fs, open(_, _, _)).WillByDefault(Invoke([](const std::string& p, ports::OpenFor how, uint32_t) {
    return open_fake(p, how);
  }));
  ON_CALL(fs, stat(_, _)).WillByDefault(Invoke(stat_fake));
  ON_CALL(fs, list_dir(_)).WillByDefault(Invoke([](const std::string& p) -> Result<std::vector<std::string>> {
    if (contains(p, "missing")) return fail_errno(ENOENT, p);
    return std::vector<std::string>{"a", "file20", "dir"};
  }));
  ON_CALL(fs, read_dir(_)).WillByDefault(Invoke([](const std::string& p) -> Result<std::vector<ports::DirEntry>> {
    if (contains(p, "missing")) return fail_errno(ENOENT, p);
    return std::vector<ports::DirEntry>{{1, ports::EntryType::Directory, "."},
                                        {2, ports::EntryType::Regular, "a"},
                                        {3, ports::EntryType::Symlink, "link"}};
  }));
  ON_CALL(fs, readlink(_)).WillByDefault(Return(Result<std::string>(std::string("../target"))));
  ON_CALL(fs, realpath(_)).WillByDefault(Invoke([](const std::string& p) -> Result<std::string> {
    if (contains(p, "missing")) return fail_errno(ENOENT, p);
    return p;
  }));
  ON_CALL(fs, list_xattr_names(_, _))
      .WillByDefault(Return(Result<std::vector<std::string>>(std::vector<std::string>{"user.a", "user.b"})));
  ON_CALL(fs, get_xattr(_, _, _)).WillByDefault(Return(Result<std::string>(std::string("value"))));
  ON_CALL(fs, pread(_, _, _)).WillByDefault(Invoke([](const std::string&, size_t count, int64_t) {
    return Result<std::string>(std::string(std::min<size_t>(count, 100), 'x'));
  }));
  ON_CALL(fs, pwrite(_, _, _)).WillByDefault(Invoke([](const std::string&, const std::string& d, int64_t) {
    return Result<size_t>(d.size());
  }));
  ON_CALL(fs, make_temp(_, _)).WillByDefault(Invoke([](const std::string& t, size_t) {
    return Result<std::string>(t);
  }));
  ON_CALL(fs, set_umask(_)).WillByDefault(Return(022u));

  ON_CALL(runner, run(_, _))
      .WillByDefault(Return(Result<ports::ProcessResult>(fail_with(ENOENT, "no processes when fuzzing"))));

  ON_CALL(mounts, list())
      .WillByDefault(Return(Result<std::vector<ports::MountEntry>>(
          std::vector<ports::MountEntry>{{"/dev/sda1", "/sysroot", "ext4"}})));

  ON_CALL(devices, kind(_)).WillByDefault(Invoke([](const std::string& p) {
    if (starts_with(p, "/dev/sd")) return ports::DeviceKind::Block;
    if (p == "/dev/vg") return ports::DeviceKind::Directory;
    return ports::DeviceKind::Missing;
  }));
  ON_CALL(devices, probe(_)).WillByDefault(Invoke([](const std::string& p) -> Result<void> {
    if (starts_with(p, "/dev/sd")) return {};
    return fail_errno(ENOENT, p);
  }));
  ON_CALL(devices, open(_, _)).WillByDefault(Invoke([](const std::string& p, ports::OpenFor how) {
    return open_fake(p, how);
  }));
  ON_CALL(devices, size(_)).WillByDefault(Invoke([](const std::string& p) {
    return Result<int64_t>(static_cast<int64_t>(fake_size(p)));
  }));

  ON_CALL(host, program_exists(_)).WillByDefault(Return(true));
  ON_CALL(host, kernel_has_filesystem(_)).WillByDefault(Return(true));
  ON_CALL(host, path_exists(_)).WillByDefault(Return(true));
  ON_CALL(progress, report(_, _)).WillByDefault(Invoke([this](uint64_t position, uint64_t total) {
    if (progress_to) progress_to->report(position, total);
  }));
  // Verbose, so that the debug lines are formatted too (and dropped).
  ON_CALL(log, verbose()).WillByDefault(Return(true));
}

void ByteChannel::reset(const uint8_t* data, size_t size) {
  data_ = data;
  size_ = size;
  pos_ = 0;
  max_read = SIZE_MAX;
  write_budget = SIZE_MAX;
  always_readable = false;
  output.clear();
  write_failed = false;
}

Result<size_t> ByteChannel::read(void* buf, size_t n) {
  const size_t k = std::min({n, max_read, size_ - pos_});
  std::memcpy(buf, data_ + pos_, k);
  pos_ += k;
  return k;
}

Result<void> ByteChannel::write_all(const void* buf, size_t n) {
  if (write_failed) return fail_errno(EPIPE, "write");
  const size_t room = write_budget - std::min(write_budget, output.size());
  if (n > room) {
    output.append(static_cast<const char*>(buf), room);
    write_failed = true;
    return fail_errno(EPIPE, "write");
  }
  output.append(static_cast<const char*>(buf), n);
  return {};
}

bool ByteChannel::readable(int) {
  if (pos_ >= size_ || always_readable) return true;  // the end of the stream is readable too
  if (size_ - pos_ < 4) return false;
  return proto::get_be32(reinterpret_cast<const char*>(data_ + pos_)) == proto::kCancelFlag;
}

void configure_channel(uint8_t control, ByteChannel& ch) {
  static constexpr size_t kPieces[] = {SIZE_MAX, 1, 3, 4, 7, 64, 4096, SIZE_MAX};
  static constexpr size_t kBudgets[] = {40, 100, 9000, 30000};
  ch.max_read = kPieces[control & 7];
  ch.always_readable = (control & 8) != 0;
  ch.write_budget = (control & 0x30) == 0x30 ? kBudgets[control >> 6] : SIZE_MAX;
}

}  // namespace gfsd::fuzz
