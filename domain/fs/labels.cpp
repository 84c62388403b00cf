#include "domain/core/run_tool.hpp"
#include "domain/fs/fs_actions.hpp"

namespace gfsd::domain {

namespace {

constexpr size_t kXfsLabelMax = 12;
constexpr size_t kSwapLabelMax = 16;

Result<void> too_long(const std::string& label, const char* what, size_t max) {
  return fail(label + ": " + what + " labels are limited to " + std::to_string(max) + " bytes");
}

Result<void> xfs_label(Ctx& ctx, const std::string& device, const std::string& label) {
  // "---" is xfs_admin's way to clear the label: not what set_label means.
  if (label == "---") return fail("xfs: invalid new label");
  if (label.size() > kXfsLabelMax) return too_long(label, "xfs", kXfsLabelMax);
  return run_ok_or_fail_prefixed(ctx, {"xfs_admin", "-L", label, device}, device + ": ",
                                 stdout_on_stderr());
}

Result<void> swap_label(Ctx& ctx, const std::string& device, const std::string& label) {
  if (label.size() > kSwapLabelMax) return too_long(label, "Linux swap", kSwapLabelMax);
  return run_ok_or_fail_prefixed(ctx, {"swaplabel", "-L", label, device});
}

}  // namespace

Result<void> check_ext2_label(const std::string& label) {
  constexpr size_t kExt2LabelMax = 16;
  if (label.size() > kExt2LabelMax) return too_long(label, "ext2/3/4", kExt2LabelMax);
  return {};
}

Result<void> set_e2label(Ctx& ctx, const std::string& device, const std::string& label) {
  GFSD_TRY(check_ext2_label(label));
  return run_ok_or_fail_prefixed(ctx, {"e2label", device, label});
}

Result<std::string> get_e2label(Ctx& ctx, const std::string& device) {
  return vfs_label(ctx, api::Mountable{api::MountableType::Device, device, ""});
}

Result<void> set_label(Ctx& ctx, const api::Mountable& mountable, const std::string& label) {
  auto type = vfs_type(ctx, mountable);
  if (!type) return forward(type.error());
  const std::string& t = *type;
  const std::string& dev = mountable.device;
  if (t == "btrfs")
    return run_ok_or_fail_prefixed(ctx, {"btrfs", "filesystem", "label", dev, label});
  if (t == "msdos" || t == "fat" || t == "vfat")
    return run_ok_or_fail_prefixed(ctx, {"dosfslabel", dev, label});
  if (t == "ext2" || t == "ext3" || t == "ext4") return set_e2label(ctx, dev, label);
  if (t == "ntfs") return run_ok_or_fail_prefixed(ctx, {"ntfslabel", dev, label});
  if (t == "xfs") return xfs_label(ctx, dev, label);
  if (t == "swap") return swap_label(ctx, dev, label);
  return fail_with(ENOTSUP, "don't know how to set the label for '" + t + "' filesystems");
}

}  // namespace gfsd::domain
