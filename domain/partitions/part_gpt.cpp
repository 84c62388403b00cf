// GPT fields through sgdisk (optgroup "gdisk"), as the original did. sgdisk
// writes its report and its errors on stdout, so stdout is folded on stderr.
#include <algorithm>
#include <cinttypes>
#include <cstdio>

#include "domain/core/run_tool.hpp"
#include "domain/core/text.hpp"
#include "domain/partitions/partition_actions.hpp"

namespace gfsd::domain {

namespace {

// sgdisk DEVICE ARGS...; errors "sgdisk DEVICE ARGS...: <output>".
Result<void> sgdisk_change(Ctx& ctx, const std::string& device,
                           const std::vector<std::string>& args) {
  std::vector<std::string> argv{"sgdisk", device};
  argv.insert(argv.end(), args.begin(), args.end());
  auto r = run_or_fail_stderr(ctx, argv, stdout_on_stderr());
  if (r) return {};
  std::string what;
  for (const auto& a : argv) what += (what.empty() ? "" : " ") + a;
  return fail(what + ": " + r.error().message);
}

std::string leading(const std::string& value, const char* allowed) {
  return value.substr(0, value.find_first_not_of(allowed));
}

constexpr const char* kGuidChars = "-0123456789ABCDEF";

// The value of "FIELD: value" in `sgdisk DEVICE -i PARTNUM`.
Result<std::string> sgdisk_info_field(Ctx& ctx, const std::string& device, int32_t partnum,
                                      const std::string& field) {
  GFSD_TRY(check_partnum(partnum));
  ctx.devices.settle("");
  auto r =
      ctx.runner.run({"sgdisk", device, "-i", std::to_string(partnum)}, stdout_on_stderr());
  if (!r) return forward(r.error());
  if (r->status != 0) return fail("sgdisk: " + r->err);
  ctx.devices.settle("");
  const std::string out = trim(r->err);
  size_t pos = 0;
  while (pos <= out.size()) {
    size_t end = out.find('\n', pos);
    if (end == std::string::npos) end = out.size();
    const std::string line = out.substr(pos, end - pos);
    if (line.rfind(field, 0) == 0 && line.size() >= field.size() + 2 && line[field.size()] == ':') {
      std::string value = line.substr(field.size() + 1);
      return value.substr(std::min(value.size(), value.find_first_not_of(" \t\n\r\f\v")));
    }
    pos = end + 1;
  }
  return fail(device + ": sgdisk output did not contain '" + field + "'");
}

}  // namespace

Result<void> part_set_gpt_type(Ctx& ctx, const std::string& device, int32_t partnum,
                               const std::string& guid) {
  GFSD_TRY(check_partnum(partnum));
  return sgdisk_change(ctx, device, {"-t", std::to_string(partnum) + ":" + guid});
}

Result<void> part_set_gpt_guid(Ctx& ctx, const std::string& device, int32_t partnum,
                               const std::string& guid) {
  GFSD_TRY(check_partnum(partnum));
  return sgdisk_change(ctx, device, {"-u", std::to_string(partnum) + ":" + guid});
}

Result<std::string> part_get_gpt_type(Ctx& ctx, const std::string& device, int32_t partnum) {
  auto v = sgdisk_info_field(ctx, device, partnum, "Partition GUID code");
  if (!v) return forward(v.error());
  return leading(*v, kGuidChars);
}

Result<std::string> part_get_gpt_guid(Ctx& ctx, const std::string& device, int32_t partnum) {
  auto v = sgdisk_info_field(ctx, device, partnum, "Partition unique GUID");
  if (!v) return forward(v.error());
  return leading(*v, kGuidChars);
}

Result<int64_t> part_get_gpt_attributes(Ctx& ctx, const std::string& device, int32_t partnum) {
  auto v = sgdisk_info_field(ctx, device, partnum, "Attribute flags");
  if (!v) return forward(v.error());
  const std::string hex = leading(*v, "0123456789ABCDEF");
  if (hex.empty() || hex.size() > 16) return fail("Int64.of_string");
  return static_cast<int64_t>(std::stoull(hex, nullptr, 16));
}

Result<void> part_set_gpt_attributes(Ctx& ctx, const std::string& device, int32_t partnum,
                                     int64_t attributes) {
  GFSD_TRY(check_partnum(partnum));
  char arg[64];
  std::snprintf(arg, sizeof arg, "%d:=:%" PRIX64, partnum, static_cast<uint64_t>(attributes));
  ctx.devices.settle("");
  auto r = ctx.runner.run({"sgdisk", device, "-A", arg}, stdout_on_stderr());
  if (!r) return forward(r.error());
  if (r->status != 0) return fail("sgdisk: " + r->err);
  ctx.devices.settle("");
  return {};
}

Result<std::string> part_get_disk_guid(Ctx& ctx, const std::string& device) {
  static const std::string kPattern = "Disk identifier (GUID):";
  auto r = ctx.runner.run({"sgdisk", device, "-p"}, stdout_on_stderr());
  if (!r) return forward(r.error());
  if (r->status != 0) return fail("sgdisk " + device + " -p: " + r->err);
  // With stdout folded, the report is in the error stream.
  for (const auto& line : split_lines(r->err)) {
    if (line.rfind(kPattern, 0) != 0) continue;
    std::string value = line.substr(kPattern.size());
    value.erase(0, std::min(value.size(), value.find_first_not_of(" \t")));
    return leading(value, kGuidChars);
  }
  return fail("sgdisk output did not contain disk GUID. See LIBGUESTFS_DEBUG output for more details");
}

Result<void> part_set_disk_guid(Ctx& ctx, const std::string& device, const std::string& guid) {
  return sgdisk_change(ctx, device, {"-U", guid});
}

Result<void> part_set_disk_guid_random(Ctx& ctx, const std::string& device) {
  return sgdisk_change(ctx, device, {"-U", "R"});
}

Result<void> part_expand_gpt(Ctx& ctx, const std::string& device) {
  auto r = run_or_fail_stderr(ctx, {"sgdisk", "-e", device}, stdout_on_stderr());
  if (!r) return fail("sgdisk -e " + device + ": " + r.error().message);
  return {};
}

}  // namespace gfsd::domain
