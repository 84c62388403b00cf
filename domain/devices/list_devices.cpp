#include <cctype>
#include <cerrno>

#include "domain/devices/device_actions.hpp"
#include "domain/devices/partition_names.hpp"

namespace gfsd::domain {

namespace {

constexpr const char* kLabelDir = "/dev/disk/guestfs";

// The partitions of /dev/<disk> as /sys/block/<disk>/<disk>N entries, sorted.
Result<void> add_partitions(Ctx& ctx, const std::string& disk, std::vector<std::string>& out) {
  auto entries = ctx.devices.list_dir("/sys/block/" + disk);
  // The original read the directory with OCaml's Sys.readdir: no errno.
  if (!entries) return fail(entries.error().message);
  std::vector<std::string> parts;
  for (const auto& e : *entries)
    if (e.rfind(disk, 0) == 0) parts.push_back("/dev/" + e);
  sort_device_names(parts);
  out.insert(out.end(), parts.begin(), parts.end());
  return {};
}

bool is_md_device(const std::string& name) {
  return name.size() >= 3 && name.rfind("md", 0) == 0 &&
         std::isdigit(static_cast<unsigned char>(name[2]));
}

}  // namespace

Result<std::vector<std::string>> list_devices(Ctx& ctx) { return ctx.devices.scan_disks(); }

Result<std::vector<std::string>> list_partitions(Ctx& ctx) {
  std::vector<std::string> out;
  for (const auto& disk : ctx.devices.scan_disks())
    GFSD_TRY(add_partitions(ctx, disk.substr(5), out));
  // md devices are not in /dev/disk/by-path; their partitions come last,
  // in /sys/block's order.
  auto block = ctx.devices.list_dir("/sys/block");
  if (!block) return fail(block.error().message);
  for (const auto& name : *block)
    if (is_md_device(name)) GFSD_TRY(add_partitions(ctx, name, out));
  return out;
}

Result<int32_t> nr_devices(Ctx& ctx) {
  return static_cast<int32_t>(ctx.devices.scan_disks().size());
}

Result<api::Hashtable> list_disk_labels(Ctx& ctx) {
  api::Hashtable out;
  auto names = ctx.devices.list_dir(kLabelDir);
  if (!names) {
    // No labelled disk: udev never made the directory.
    if (names.error().errnum == ENOENT) return out;
    return fail_errno(names.error().errnum, std::string("opendir: ") + kLabelDir);
  }
  for (const auto& label : *names) {
    if (label.empty() || label[0] == '.') continue;
    const std::string path = std::string(kLabelDir) + "/" + label;
    auto dev = ctx.devices.realpath(path);
    if (!dev) return fail_errno(dev.error().errnum, "realpath: " + path);
    out.emplace_back(label, std::move(*dev));
  }
  return out;
}

}  // namespace gfsd::domain
