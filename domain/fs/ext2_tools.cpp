// ext2/3/4 maintenance through e2fsprogs: tune2fs -l and tune2fs, resize2fs,
// the external journal variants of mke2fs, and the minimum size.
#include <cctype>
#include <cerrno>
#include <cinttypes>
#include <climits>
#include <cstdio>
#include <cstdlib>

#include "domain/core/run_tool.hpp"
#include "domain/core/sysroot_mounts.hpp"
#include "domain/core/text.hpp"
#include "domain/fs/fs_actions.hpp"

namespace gfsd::domain {

namespace {

bool is_extfs(const std::string& t) { return t == "ext2" || t == "ext3" || t == "ext4"; }

Result<void> check_extfs(const std::string& fstype) {
  if (!is_extfs(fstype)) return fail(fstype + ": not a valid extended filesystem type");
  return {};
}

// Is device mounted at or below the sysroot (same device number)?
Result<bool> is_device_mounted(Ctx& ctx, const std::string& device) {
  auto want = ctx.devices.rdev(device);
  if (!want) return fail_errno(want.error().errnum, "stat: " + device);
  auto list = sysroot_mounts(ctx);
  if (!list) return forward(list.error());
  for (const auto& m : *list) {
    auto have = ctx.devices.rdev(m.source);
    if (have && *have == *want) return true;
  }
  return false;
}

// resize2fs refuses an unchecked filesystem: check it first unless mounted.
Result<void> e2fsck_unless_mounted(Ctx& ctx, const std::string& device) {
  auto mounted = is_device_mounted(ctx, device);
  if (!mounted) return forward(mounted.error());
  if (*mounted) return {};
  api::opt::e2fsck opts;
  opts.forceall = true;
  return e2fsck(ctx, device, opts);
}

Result<void> mke2fs_with_journal(Ctx& ctx, const std::string& fstype, int32_t blocksize,
                                 const std::string& device, const std::string& journal) {
  wipe_device_before_mkfs(ctx, device);
  return run_ok_or_fail_prefixed(ctx, {"mke2fs", "-F", "-t", fstype, "-J", journal, "-b",
                                       std::to_string(blocksize), device});
}

Result<void> mke2journal_with(Ctx& ctx, int32_t blocksize, std::vector<std::string> extra,
                              const std::string& device) {
  std::vector<std::string> argv{"mke2fs", "-F", "-O", "journal_dev", "-b",
                                std::to_string(blocksize)};
  argv.insert(argv.end(), extra.begin(), extra.end());
  argv.push_back(device);
  wipe_device_before_mkfs(ctx, device);
  return run_ok_or_fail_prefixed(ctx, argv);
}

}  // namespace

// "key: value" pairs of the superblock listing; "<none>" and the like are "".
Result<api::Hashtable> tune2fs_l(Ctx& ctx, const std::string& device) {
  auto out = run_or_fail_prefixed(ctx, {"tune2fs", "-l", device});
  if (!out) return forward(out.error());
  std::string text = *out;
  if (text.rfind("tune2fs ", 0) == 0 || text.rfind("tune4fs ", 0) == 0) {
    const size_t nl = text.find('\n');
    if (nl == std::string::npos) return fail("truncated output");
    text.erase(0, nl + 1);
  }
  api::Hashtable pairs;
  for (const auto& line : split_lines(text)) {
    // The original stopped at the first empty line.
    if (line.empty()) break;
    const size_t colon = line.find(':');
    if (colon == std::string::npos) {
      pairs.emplace_back(line, "");
      continue;
    }
    size_t v = colon + 1;
    while (v < line.size() && std::isspace(static_cast<unsigned char>(line[v]))) ++v;
    std::string value = line.substr(v);
    if (value == "<none>" || value == "<not available>" || value == "(none)") value.clear();
    pairs.emplace_back(line.substr(0, colon), value);
  }
  return pairs;
}

Result<void> tune2fs(Ctx& ctx, const std::string& device, const api::opt::tune2fs& o) {
  std::vector<std::string> argv{"tune2fs"};
  auto add = [&](const char* flag, const std::string& value) {
    argv.insert(argv.end(), {flag, value});
  };
  if (o.force.value_or(false)) argv.push_back("-f");
  if (o.maxmountcount) {
    if (*o.maxmountcount < 0) return fail("maxmountcount cannot be negative");
    add("-c", std::to_string(*o.maxmountcount));
  }
  if (o.mountcount) {
    if (*o.mountcount < 0) return fail("mountcount cannot be negative");
    add("-C", std::to_string(*o.mountcount));
  }
  if (o.errorbehavior) {
    const std::string& e = *o.errorbehavior;
    if (e != "continue" && e != "remount-ro" && e != "panic")
      return fail("invalid errorbehavior parameter: " + e);
    add("-e", e);
  }
  if (o.group) {
    if (*o.group < 0) return fail("group cannot be negative");
    add("-g", std::to_string(*o.group));
  }
  if (o.intervalbetweenchecks) {
    if (*o.intervalbetweenchecks < 0) return fail("intervalbetweenchecks cannot be negative");
    // "<N>s": seconds, which tune2fs has long accepted without documenting it.
    add("-i", *o.intervalbetweenchecks > 0 ? std::to_string(*o.intervalbetweenchecks) + "s" : "0");
  }
  if (o.reservedblockspercentage) {
    if (*o.reservedblockspercentage < 0)
      return fail("reservedblockspercentage cannot be negative");
    add("-m", std::to_string(*o.reservedblockspercentage));
  }
  if (o.lastmounteddirectory) add("-M", *o.lastmounteddirectory);
  if (o.reservedblockscount) {
    if (*o.reservedblockscount < 0) return fail("reservedblockscount cannot be negative");
    add("-r", std::to_string(*o.reservedblockscount));
  }
  if (o.user) {
    if (*o.user < 0) return fail("user cannot be negative");
    add("-u", std::to_string(*o.user));
  }
  argv.push_back(device);
  return run_ok_or_fail_prefixed(ctx, argv, device + ": ");
}

Result<void> resize2fs(Ctx& ctx, const std::string& device) {
  GFSD_TRY(e2fsck_unless_mounted(ctx, device));
  return run_ok_or_fail_prefixed(ctx, {"resize2fs", device});
}

Result<void> resize2fs_size(Ctx& ctx, const std::string& device, int64_t size) {
  // resize2fs is given kilobytes ("K" suffix).
  if (size & 1023) return fail(std::to_string(size) + ": size must be a round number of kilobytes");
  GFSD_TRY(e2fsck_unless_mounted(ctx, device));
  return run_ok_or_fail_prefixed(ctx, {"resize2fs", device, std::to_string(size / 1024) + "K"});
}

Result<void> resize2fs_M(Ctx& ctx, const std::string& device) {
  GFSD_TRY(e2fsck_unless_mounted(ctx, device));
  return run_ok_or_fail_prefixed(ctx, {"resize2fs", "-M", device});
}

// Bytes: resize2fs -P's estimate in blocks, times the block size.
Result<int64_t> ext_minimum_size(Ctx& ctx, const std::string& device) {
  auto out = run_or_fail_prefixed(ctx, {"resize2fs", "-P", "-f", device});
  if (!out) return forward(out.error());
  static const std::string kPattern = "Estimated minimum size of the filesystem: ";
  for (const auto& line : split_lines(*out)) {
    if (line.rfind(kPattern, 0) != 0) continue;
    // As gnulib's xstrtol: text after the number is ignored.
    const auto blocks = leading_integer(std::string_view(line).substr(kPattern.size()), 10);
    if (!blocks) return fail("cannot parse minimum size");
    auto sb = tune2fs_l(ctx, device);
    if (!sb) return forward(sb.error());
    for (const auto& [key, value] : *sb) {
      if (key != "Block size") continue;
      const auto bs = leading_integer(value, 10);
      if (!bs || *bs <= 0) return fail("cannot parse block size");
      if (INT64_MAX / *bs < *blocks) return fail("filesystem size too big: overflow");
      return *blocks * *bs;
    }
    return fail("missing 'Block size' in tune2fs_l output");
  }
  return fail("minimum size not found. Check output format:\n" + *out);
}

Result<void> mke2journal(Ctx& ctx, int32_t blocksize, const std::string& device) {
  return mke2journal_with(ctx, blocksize, {}, device);
}

Result<void> mke2journal_L(Ctx& ctx, int32_t blocksize, const std::string& label,
                           const std::string& device) {
  GFSD_TRY(check_ext2_label(label));
  return mke2journal_with(ctx, blocksize, {"-L", label}, device);
}

Result<void> mke2journal_U(Ctx& ctx, int32_t blocksize, const std::string& uuid,
                           const std::string& device) {
  return mke2journal_with(ctx, blocksize, {"-U", uuid}, device);
}

Result<void> mke2fs_J(Ctx& ctx, const std::string& fstype, int32_t blocksize,
                      const std::string& device, const std::string& journal) {
  GFSD_TRY(check_extfs(fstype));
  return mke2fs_with_journal(ctx, fstype, blocksize, device, "device=" + journal);
}

Result<void> mke2fs_JL(Ctx& ctx, const std::string& fstype, int32_t blocksize,
                       const std::string& device, const std::string& label) {
  GFSD_TRY(check_extfs(fstype));
  GFSD_TRY(check_ext2_label(label));
  return mke2fs_with_journal(ctx, fstype, blocksize, device, "device=LABEL=" + label);
}

Result<void> mke2fs_JU(Ctx& ctx, const std::string& fstype, int32_t blocksize,
                       const std::string& device, const std::string& uuid) {
  GFSD_TRY(check_extfs(fstype));
  return mke2fs_with_journal(ctx, fstype, blocksize, device, "device=UUID=" + uuid);
}

}  // namespace gfsd::domain
