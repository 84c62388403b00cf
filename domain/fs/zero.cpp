// zero, zero_device, is_zero, is_zero_device: blocks already zero are not
// rewritten (so that thin and sparse disks stay sparse).
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

#include "domain/core/host_path.hpp"
#include "domain/devices/device_actions.hpp"
#include "domain/fs/fs_actions.hpp"
#include "domain/mount/mount_ops.hpp"

namespace gfsd::domain {

namespace {

constexpr size_t kBlock = 4096;  // what is compared, and rewritten when not zero
// Devices are read, and free space filled, in blocks this large: under TCG
// each system call costs tens of microseconds, and the original's 4-8 KiB
// steps made these scans slower with us than with it.
constexpr size_t kBigBlock = 256 * 1024;

// The first 16 bytes one by one, the rest against itself shifted by 16:
// memcmp is vectorised, a byte loop is not (and under TCG every guest
// instruction counts).
bool all_zero(const char* p, size_t n) {
  const size_t head = std::min<size_t>(n, 16);
  for (size_t i = 0; i < head; ++i)
    if (p[i] != '\0') return false;
  return n == head || std::memcmp(p, p + 16, n - 16) == 0;
}

// Read and write handles on one device.
struct DeviceHandles {
  std::unique_ptr<ports::File> in, out;
};

Result<DeviceHandles> open_device(Ctx& ctx, const std::string& device) {
  auto out = ctx.devices.open(device, ports::OpenFor::WriteExisting);
  if (!out) return fail_errno(out.error().errnum, device);
  auto in = ctx.devices.open(device, ports::OpenFor::Read);
  if (!in) return fail_errno(in.error().errnum, device);
  return DeviceHandles{std::move(*in), std::move(*out)};
}

// Reads up to n bytes at pos; fewer only at the end of the device.
Result<size_t> read_at(ports::File& f, int64_t pos, char* buf, size_t n) {
  GFSD_TRY(f.seek(pos));
  size_t got = 0;
  while (got < n) {
    auto r = f.read(buf + got, n - got);
    if (!r) return forward(r.error());
    if (*r == 0) break;
    got += *r;
  }
  return got;
}

Result<void> write_zeros_at(ports::File& f, int64_t pos, size_t n) {
  static const char zeros[kBlock] = {};
  GFSD_TRY(f.seek(pos));
  return f.write(zeros, n);
}

Result<void> close_both(DeviceHandles& h, const std::string& device) {
  (void)h.in->close();
  auto c = h.out->close();
  if (!c) return fail_errno(c.error().errnum, "close: " + device);
  return {};
}

Result<bool> scan_for_zeros(ports::File& f, const std::string& name) {
  auto buf = std::make_unique<char[]>(kBigBlock);
  for (;;) {
    auto n = f.read(buf.get(), kBigBlock);
    if (!n) {
      (void)f.close();
      return fail_errno(n.error().errnum, "read: " + name);
    }
    if (*n == 0) break;
    if (!all_zero(buf.get(), *n)) {
      (void)f.close();
      return false;
    }
  }
  auto c = f.close();
  if (!c) return fail_errno(c.error().errnum, "close: " + name);
  return true;
}

}  // namespace

// The first 128 KiB: enough to wipe partition tables and superblocks.
Result<void> zero(Ctx& ctx, const std::string& device) {
  auto h = open_device(ctx, device);
  if (!h) return forward(h.error());
  char buf[kBlock];
  for (size_t i = 0; i < 32; ++i) {
    const auto pos = static_cast<int64_t>(i * kBlock);
    auto n = read_at(*h->in, pos, buf, kBlock);
    if (!n || *n != kBlock) {
      (void)close_both(*h, device);
      return fail_errno(n ? 0 : n.error().errnum, "pread: " + device);
    }
    if (!all_zero(buf, kBlock)) {
      auto w = write_zeros_at(*h->out, pos, kBlock);
      if (!w) {
        (void)close_both(*h, device);
        return fail_errno(w.error().errnum, "pwrite: " + device);
      }
    }
    ctx.progress.report(i, 32);
  }
  return close_both(*h, device);
}

Result<void> zero_device(Ctx& ctx, const std::string& device) {
  auto size = blockdev_getsize64(ctx, device);
  if (!size) return forward(size.error());
  auto h = open_device(ctx, device);
  if (!h) return forward(h.error());
  const auto total = static_cast<uint64_t>(*size);
  auto buf = std::make_unique<char[]>(kBigBlock);
  for (uint64_t pos = 0; pos < total;) {
    const size_t n = static_cast<size_t>(std::min<uint64_t>(kBigBlock, total - pos));
    auto r = read_at(*h->in, static_cast<int64_t>(pos), buf.get(), n);
    if (!r) {
      (void)close_both(*h, device);
      return fail_errno(r.error().errnum,
                        "pread: " + device + " at offset " + std::to_string(pos));
    }
    // Only the 4 KiB blocks that are not zero yet are written, as before.
    for (size_t off = 0; off < n; off += kBlock) {
      const size_t len = std::min(kBlock, n - off);
      if (all_zero(buf.get() + off, len)) continue;
      auto w = write_zeros_at(*h->out, static_cast<int64_t>(pos + off), len);
      if (!w) {
        (void)close_both(*h, device);
        return fail_errno(w.error().errnum, "pwrite: " + device + " (with " +
                                                std::to_string(total) + " bytes left to write)");
      }
    }
    pos += n;
    ctx.progress.report(pos, total);
  }
  return close_both(*h, device);
}

Result<bool> is_zero(Ctx& ctx, const std::string& path) {
  auto f = ctx.fs.open(path, ports::OpenFor::Read, 0);
  if (!f) return fail_errno(f.error().errnum, "open: " + path);
  return scan_for_zeros(**f, path);
}

Result<bool> is_zero_device(Ctx& ctx, const std::string& device) {
  auto f = ctx.devices.open(device, ports::OpenFor::Read);
  if (!f) return fail_errno(f.error().errnum, "open: " + device);
  return scan_for_zeros(**f, device);
}

// Fills the free space with a file of zeroes, then deletes it. Progress
// follows the free blocks going down.
Result<void> zero_free_space(Ctx& ctx, const std::string& directory) {
  // A random 8.3 name, so that any filesystem (FAT too) takes it.
  auto name = ctx.fs.make_temp(directory + "/XXXXXXXX.XXX", 4);
  if (!name) return fail_errno(name.error().errnum, "open: " + host_name_for_message(ctx, directory));
  const std::string host_name = host_name_for_message(ctx, *name);
  auto f = ctx.fs.open(*name, ports::OpenFor::WriteExisting, 0600);
  if (!f) return fail_errno(f.error().errnum, "open: " + host_name);
  auto sv = ctx.fs.statvfs(*name);
  if (!sv) return fail_errno(sv.error().errnum, "fstatvfs");
  const auto bfree_initial = static_cast<uint64_t>(sv->bfree);

  // 256 KiB per write; the free blocks are counted every 4 MiB (the
  // original counts them on every other 4 KiB write, by a slip of its mask).
  const auto zeros = std::make_unique<char[]>(kBigBlock);
  for (unsigned skip = 0;; ) {
    auto w = (*f)->write(zeros.get(), kBigBlock);
    if (!w) {
      if (w.error().errnum == ENOSPC) break;  // the expected end
      (void)(*f)->close();
      (void)ctx.fs.unlink(*name);
      return fail_errno(w.error().errnum, "write: " + host_name);
    }
    ++skip;
    if ((skip & 15) == 0) {
      if (auto now = ctx.fs.statvfs(*name))
        ctx.progress.report(bfree_initial - static_cast<uint64_t>(now->bfree), bfree_initial);
    }
  }
  (void)(*f)->close();  // a full filesystem may well fail this
  sync_disks(ctx);
  ctx.progress.report(bfree_initial, bfree_initial);
  auto u = ctx.fs.unlink(*name);
  if (!u) return fail_errno(u.error().errnum, "unlink: " + host_name);
  return {};
}

}  // namespace gfsd::domain
