#include <cstring>

#include "domain/core/text.hpp"
#include "domain/fs/fs_actions.hpp"

namespace gfsd::domain {

namespace {

constexpr size_t kXfsLabelMax = 12;

bool is_extfs(const std::string& t) { return t == "ext2" || t == "ext3" || t == "ext4"; }
bool is_fat(const std::string& t) { return t == "fat" || t == "vfat" || t == "msdos"; }
bool is_power_of_2(int32_t v) { return v > 0 && (v & (v - 1)) == 0; }

// mkfs.fat >= 4.2 writes a partition table on whole disks unless told
// --mbr=n; older versions lack the option. Its usage text says which.
bool fat_has_mbr_option(Ctx& ctx) {
  auto r = ctx.runner.run({"mkfs.fat"});
  return r && r->status == 1 && r->err.find("--mbr[=") != std::string::npos;
}

// The device's logical sector size (blockdev --getss).
Result<int32_t> sector_size(Ctx& ctx, const std::string& device) {
  ctx.devices.settle("");
  auto r = ctx.runner.run({"blockdev", "--getss", device});
  if (!r) return forward(r.error());
  if (r->status != 0) return fail("blockdev: " + r->err);
  const auto v = leading_integer(r->out, 0);
  if (!v) return fail("blockdev: expected output, but got nothing");
  return static_cast<int32_t>(*v);
}

Result<void> add_blocksize(Ctx& ctx, const std::string& fstype, const std::string& device,
                           int32_t blocksize, std::vector<std::string>& argv) {
  if (!is_power_of_2(blocksize)) return fail("block size must be > 0 and a power of 2");
  if (fstype == "vfat" || fstype == "msdos") {
    // FAT takes a cluster size in sectors.
    auto ss = sector_size(ctx, device);
    if (!ss) return forward(ss.error());
    const int32_t per_cluster = *ss == 0 ? 0 : blocksize / *ss;
    if (per_cluster < 1 || per_cluster > 128)
      return fail("unsupported cluster size for " + fstype + " filesystem (requested cluster size = " +
                  std::to_string(blocksize) + ", sector size = " + std::to_string(*ss) +
                  ", trying sectors per cluster = " + std::to_string(per_cluster) + ")");
    argv.insert(argv.end(), {"-s", std::to_string(per_cluster)});
  } else if (fstype == "ntfs") {
    argv.insert(argv.end(), {"-c", std::to_string(blocksize)});
  } else if (fstype == "btrfs") {
    return fail("blocksize cannot be set on btrfs filesystems, use 'mkfs-btrfs'");
  } else if (fstype == "xfs") {
    argv.insert(argv.end(), {"-b", "size=" + std::to_string(blocksize)});
  } else {
    argv.insert(argv.end(), {"-b", std::to_string(blocksize)});
  }
  return {};
}

Result<void> add_label(const std::string& fstype, const std::string& label,
                       std::vector<std::string>& argv) {
  if (is_extfs(fstype)) {
    GFSD_TRY(check_ext2_label(label));
    argv.insert(argv.end(), {"-L", label});
  } else if (is_fat(fstype)) {
    argv.insert(argv.end(), {"-n", label});
  } else if (fstype == "ntfs" || fstype == "btrfs") {
    argv.insert(argv.end(), {"-L", label});
  } else if (fstype == "xfs") {
    if (label.size() > kXfsLabelMax)
      return fail(label + ": xfs labels are limited to " + std::to_string(kXfsLabelMax) +
                  " bytes");
    argv.insert(argv.end(), {"-L", label});
  } else if (fstype == "f2fs") {
    argv.insert(argv.end(), {"-l", label});
  } else {
    return fail("don't know how to set the label for '" + fstype + "' filesystems");
  }
  return {};
}

}  // namespace

void wipe_device_before_mkfs(Ctx& ctx, const std::string& device) {
  // Old signatures (btrfs especially) confuse the new filesystem's tools.
  (void)ctx.runner.run({"wipefs", "-a", "--force", device});
}

Result<void> mkfs(Ctx& ctx, const std::string& fstype, const std::string& device,
                  const api::opt::mkfs& opts) {
  const bool extfs = is_extfs(fstype);
  // mke2fs directly for ext2/3/4: mkfs(8) would swallow its -F.
  std::vector<std::string> argv{extfs ? "mke2fs" : "mkfs", "-t", fstype};
  if (extfs) argv.push_back("-F");
  if (fstype == "ntfs") argv.insert(argv.end(), {"-Q", "-F"});
  if (fstype == "reiserfs" || fstype == "jfs" || fstype == "xfs") argv.push_back("-f");
  if (fstype == "gfs" || fstype == "gfs2")
    argv.insert(argv.end(), {"-p", "lock_nolock", "-j", "1", "-O"});
  if (is_fat(fstype)) {
    argv.push_back("-I");
    if (fat_has_mbr_option(ctx)) argv.push_back("--mbr=n");
  }
  if (opts.blocksize) GFSD_TRY(add_blocksize(ctx, fstype, device, *opts.blocksize, argv));
  if (opts.features) argv.insert(argv.end(), {"-O", *opts.features});
  if (opts.inode) {
    if (!extfs) return fail("inode size (-I) can only be set on ext2/3/4 filesystems");
    if (*opts.inode <= 0) return fail("inode size must be larger than zero");
    argv.insert(argv.end(), {"-I", std::to_string(*opts.inode)});
  }
  if (opts.sectorsize) {
    if (fstype != "ufs") return fail("sector size (-S) can only be set on ufs filesystems");
    if (*opts.sectorsize <= 0) return fail("sector size must be larger than zero");
    argv.insert(argv.end(), {"-S", std::to_string(*opts.sectorsize)});
  }
  if (opts.label) GFSD_TRY(add_label(fstype, *opts.label, argv));
  argv.push_back(device);

  wipe_device_before_mkfs(ctx, device);
  auto r = ctx.runner.run(argv);
  if (!r) return forward(r.error());
  if (r->status != 0) return fail(fstype + ": " + device + ": " + r->err);
  return {};
}

Result<void> mkfs_b(Ctx& ctx, const std::string& fstype, int32_t blocksize,
                    const std::string& device) {
  api::opt::mkfs opts;
  opts.blocksize = blocksize;
  return mkfs(ctx, fstype, device, opts);
}

}  // namespace gfsd::domain
