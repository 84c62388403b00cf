#include "domain/partitions/parted.hpp"
#include "domain/partitions/partition_actions.hpp"

namespace gfsd::domain {

namespace {

constexpr const char* kUnknownLabel =
    "unknown partition type: common choices are \"gpt\" and \"msdos\"";

// parted's sector unit: "2048s".
std::string sectors(int64_t n) { return std::to_string(n) + "s"; }

}  // namespace

Result<void> check_partnum(int32_t partnum) {
  if (partnum <= 0) return fail("partition number must be >= 1");
  return {};
}

Result<void> part_init(Ctx& ctx, const std::string& device, const std::string& parttype) {
  const std::string label = parted_label_type(parttype);
  if (label.empty()) return fail(kUnknownLabel);
  return parted_change(ctx, device, {"mklabel", label});
}

Result<void> part_disk(Ctx& ctx, const std::string& device, const std::string& parttype) {
  const std::string label = parted_label_type(parttype);
  if (label.empty()) return fail(kUnknownLabel);
  // One partition from sector 128 to 128 sectors before the end: aligned, and
  // room for the GPT backup at the end. On GPT parted takes the "type" word
  // as the partition name, hence "p1".
  return parted_change(ctx, device,
                       {"mklabel", label, "mkpart", label == "gpt" ? "p1" : "primary", "128s",
                        "-128s"});
}

Result<void> part_add(Ctx& ctx, const std::string& device, const std::string& prlogex,
                      int64_t startsect, int64_t endsect) {
  std::string kind = prlogex;
  if (kind == "p") kind = "primary";
  else if (kind == "l") kind = "logical";
  else if (kind == "e") kind = "extended";
  if (kind != "primary" && kind != "logical" && kind != "extended")
    return fail("unknown partition type: " + prlogex +
                ": this should be \"primary\", \"logical\" or \"extended\"");
  if (startsect < 0) return fail("startsect cannot be negative");
  // endsect may be negative: counted from the end of the disk.
  return parted_change(ctx, device, {"mkpart", kind, sectors(startsect), sectors(endsect)});
}

Result<void> part_del(Ctx& ctx, const std::string& device, int32_t partnum) {
  GFSD_TRY(check_partnum(partnum));
  return parted_change(ctx, device, {"rm", std::to_string(partnum)});
}

Result<void> part_resize(Ctx& ctx, const std::string& device, int32_t partnum, int64_t endsect) {
  GFSD_TRY(check_partnum(partnum));
  auto r = parted_change(ctx, device, {"resizepart", std::to_string(partnum), sectors(endsect)});
  // The original's message for this one ends with a colon.
  if (!r) return fail(r.error().message + ":");
  return {};
}

Result<void> part_set_bootable(Ctx& ctx, const std::string& device, int32_t partnum,
                               bool bootable) {
  GFSD_TRY(check_partnum(partnum));
  return parted_change(ctx, device,
                       {"set", std::to_string(partnum), "boot", bootable ? "on" : "off"});
}

Result<void> part_set_name(Ctx& ctx, const std::string& device, int32_t partnum,
                           const std::string& name) {
  GFSD_TRY(check_partnum(partnum));
  return parted_change(ctx, device, {"name", std::to_string(partnum), name});
}

}  // namespace gfsd::domain
