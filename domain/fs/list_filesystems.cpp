// list_filesystems: every block device that can hold a filesystem, probed
// with blkid, in the original's order: whole devices, device-mapper devices,
// partitions, md arrays, LVs, Windows LDM volumes.
#include <algorithm>

#include "domain/devices/device_actions.hpp"
#include "domain/devices/partition_names.hpp"
#include "domain/fs/fs_actions.hpp"
#include "domain/lvm/lvm_actions.hpp"
#include "domain/md/md_actions.hpp"
#include "domain/partitions/partition_actions.hpp"

namespace gfsd::domain {

namespace {

using Devices = std::vector<std::string>;

// A device with partitions holds no filesystem of its own: does
// /sys/block/<dev>/ have <dev>N entries?
Result<bool> is_partitioned(Ctx& ctx, const std::string& device) {
  std::string dev = device;
  if (dev.rfind("/dev/mapper/", 0) == 0) {
    auto real = ctx.devices.realpath(dev);
    if (!real) return fail(real.error().message);
    dev = *real;
  }
  const std::string name = dev.rfind("/dev/", 0) == 0 ? dev.substr(5) : dev;
  auto entries = ctx.devices.list_dir("/sys/block/" + name);
  if (!entries) return fail(entries.error().message);
  return std::any_of(entries->begin(), entries->end(),
                     [&](const std::string& e) { return e.rfind(name, 0) == 0; });
}

Result<Devices> without_partitioned(Ctx& ctx, Devices devices) {
  Devices out;
  for (auto& d : devices) {
    auto p = is_partitioned(ctx, d);
    if (!p) return forward(p.error());
    if (!*p) out.push_back(std::move(d));
  }
  return out;
}

// GPT types of partitions that are members or metadata, never filesystems.
bool is_reserved_gpt_type(const std::string& t) {
  return t == "5808C8AA-7E8F-42E0-85D2-E1E90434CFB3" ||  // Windows LDM metadata
         t == "AF9B60A0-1431-4F62-BC68-3311714A69AD" ||  // Windows LDM data
         t == "E3C9E316-0B5C-4DB8-817D-F92DF00215AE" ||  // Microsoft reserved
         t == "CADDEBF1-4400-4DE8-B103-12117DCF3CCF";    // Windows snapshot
}

// MBR extended partitions and the Windows LDM / reserved kinds are skipped.
Result<bool> can_hold_filesystem(Ctx& ctx, const std::string& partition) {
  auto parts = split_device_partition(partition);
  if (!parts) return forward(parts.error());
  const std::string device = "/dev/" + parts->disk;
  const auto partnum = static_cast<int32_t>(parts->part);
  auto parttype = part_get_parttype(ctx, device);
  if (!parttype) return forward(parttype.error());
  const bool mbr = *parttype == "msdos";
  if (!mbr && *parttype != "gpt") return true;
  if (mbr) {
    auto kind = part_get_mbr_part_type(ctx, device, partnum);
    if (!kind) return forward(kind.error());
    if (*kind == "extended") return false;
    if (partnum == 1 && has_bogus_mbr(ctx, device)) return true;
  }
  // sgdisk reports MBR type bytes as their GPT equivalents.
  auto gpt_type = part_get_gpt_type(ctx, device, partnum);
  if (!gpt_type) return forward(gpt_type.error());
  return !is_reserved_gpt_type(*gpt_type);
}

// Adds what blkid says is on device: nothing for containers (PVs, RAID
// members, LUKS, BitLocker), "unknown" when it says nothing, and for btrfs the
// device itself plus each subvolume other than the default one.
Result<void> add_filesystems(Ctx& ctx, const std::string& device, api::Hashtable& out) {
  const api::Mountable whole{api::MountableType::Device, device, ""};
  auto type = vfs_type(ctx, whole);
  if (!type) {
    ctx.log.debug("check_with_vfs_type: " + device + ": " + type.error().message);
    type = std::string();
  }
  const std::string& t = *type;
  if (t.empty()) {
    out.emplace_back(device, "unknown");
    return {};
  }
  if (t.size() >= 7 && t.compare(t.size() - 7, 7, "_member") == 0) return {};
  if (t == "crypto_LUKS" || t == "BitLocker") return {};
  if (t != "btrfs") {
    out.emplace_back(device, t);
    return {};
  }
  auto vols = btrfs_subvolume_list(ctx, whole);
  if (!vols) return forward(vols.error());
  auto default_id = btrfs_subvolume_get_default(ctx, whole);
  if (!default_id) return forward(default_id.error());
  out.emplace_back(device, t);
  for (const auto& v : *vols)
    if (static_cast<int64_t>(v.btrfssubvolume_id) != *default_id)
      out.emplace_back("btrfsvol:" + device + "/" + v.btrfssubvolume_path, "btrfs");
  return {};
}

Result<void> add_all(Ctx& ctx, const Devices& devices, api::Hashtable& out) {
  for (const auto& d : devices) GFSD_TRY(add_filesystems(ctx, d, out));
  return {};
}

}  // namespace

Result<api::Hashtable> list_filesystems(Ctx& ctx) {
  const bool has_lvm2 = ctx.host.program_exists("lvm");
  const bool has_ldm = ctx.host.program_exists("ldmtool");
  api::Hashtable out;

  auto devices = list_devices(ctx);
  if (!devices) return forward(devices.error());
  auto whole = without_partitioned(ctx, std::move(*devices));
  if (!whole) return forward(whole.error());
  GFSD_TRY(add_all(ctx, *whole, out));

  // Device-mapper devices that are not LVs (LUKS opened directly, say).
  auto dms = list_dm_devices(ctx);
  if (!dms) return forward(dms.error());
  auto dm_whole = without_partitioned(ctx, std::move(*dms));
  if (!dm_whole) return forward(dm_whole.error());
  GFSD_TRY(add_all(ctx, *dm_whole, out));

  auto partitions = list_partitions(ctx);
  if (!partitions) return forward(partitions.error());
  for (const auto& p : *partitions) {
    auto ok = can_hold_filesystem(ctx, p);
    if (!ok) return forward(ok.error());
    if (*ok) GFSD_TRY(add_filesystems(ctx, p, out));
  }

  auto mds = list_md_devices(ctx);
  if (!mds) return forward(mds.error());
  auto md_whole = without_partitioned(ctx, std::move(*mds));
  if (!md_whole) return forward(md_whole.error());
  GFSD_TRY(add_all(ctx, *md_whole, out));

  if (has_lvm2) {
    auto lv_list = lvs(ctx);
    if (!lv_list) return forward(lv_list.error());
    GFSD_TRY(add_all(ctx, *lv_list, out));
  }
  if (has_ldm) {
    auto ldm = list_ldm_volumes(ctx);
    if (!ldm) return forward(ldm.error());
    GFSD_TRY(add_all(ctx, *ldm, out));
  }
  return out;
}

}  // namespace gfsd::domain
