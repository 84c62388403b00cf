#include "domain/lvm/lvm_labels.hpp"

#include <cerrno>
#include <string_view>

namespace gfsd::domain {

namespace {

constexpr size_t kSector = 512;
constexpr size_t kLabelSectors = 4;  // lvm looks for its label in sectors 0 to 3

// An LVM label header: "LABELONE" at the start of the sector, "LVM2 001" at byte 24.
bool has_lvm_label(std::string_view head) {
  for (size_t s = 0; s < kLabelSectors && (s + 1) * kSector <= head.size(); ++s) {
    const std::string_view sector = head.substr(s * kSector, kSector);
    if (sector.substr(0, 8) == "LABELONE" && sector.substr(24, 8) == "LVM2 001") return true;
  }
  return false;
}

}  // namespace

bool no_lvm_label_anywhere(Ctx& ctx) {
  auto names = ctx.devices.list_dir("/sys/class/block");  // disks and partitions
  if (!names) return false;
  // An active LV or an opened LUKS or other mapping: leave it to lvm, before
  // reading any device (with LVs active, the reads would only add to lvm's time).
  for (const auto& name : *names)
    if (name.rfind("dm-", 0) == 0) return false;
  for (const auto& name : *names) {
    auto head = ctx.devices.read_head_uncached("/dev/" + name, kLabelSectors * kSector);
    if (!head) {
      // A drive with no medium, or a node with no device behind it (an unbound
      // loop or nbd): lvm cannot find a PV there either.
      const int e = head.error().errnum;
      if (e == ENOMEDIUM || e == ENXIO) continue;
      return false;
    }
    if (has_lvm_label(*head)) return false;
  }
  ctx.log.debug("no LVM label on any block device: lvm not run");
  return true;
}

}  // namespace gfsd::domain
