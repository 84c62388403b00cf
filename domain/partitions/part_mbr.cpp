// MBR partition type bytes through sfdisk, as the original did.
#include <cctype>
#include <cstdio>

#include "domain/core/run_tool.hpp"
#include "domain/partitions/partition_actions.hpp"

namespace gfsd::domain {

namespace {

// Newer sfdisk has --part-type instead of --print-id / --change-id. Probed once.
// `ocaml_wording`: the failure is worded as the original's OCaml half did.
Result<bool> sfdisk_has_part_type(Ctx& ctx, bool ocaml_wording) {
  if (ctx.state.sfdisk_has_part_type >= 0) return ctx.state.sfdisk_has_part_type == 1;
  Result<std::string> help =
      ocaml_wording ? run_or_fail_exit_status(ctx, {"sfdisk", "--help"})
                    : run_or_fail_stderr(ctx, {"sfdisk", "--help"});
  if (!help) {
    if (ocaml_wording) return forward(help.error());
    return fail("sfdisk --help: " + help.error().message);
  }
  const bool has = help->find("--part-type") != std::string::npos;
  ctx.state.sfdisk_has_part_type = has ? 1 : 0;
  return has;
}

// sscanf(" %x"): leading blanks, then hex digits.
Result<int32_t> parse_hex_id(const std::string& out) {
  size_t i = 0;
  while (i < out.size() && std::isspace(static_cast<unsigned char>(out[i]))) ++i;
  if (i + 1 < out.size() && out[i] == '0' && (out[i + 1] == 'x' || out[i + 1] == 'X')) i += 2;
  uint32_t v = 0;
  const size_t start = i;
  for (; i < out.size() && std::isxdigit(static_cast<unsigned char>(out[i])); ++i) {
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(out[i])));
    v = v * 16 + static_cast<uint32_t>(c <= '9' ? c - '0' : c - 'a' + 10);
  }
  if (i == start) return fail("scanf: bad input: " + out);
  return static_cast<int32_t>(v);
}

}  // namespace

Result<int32_t> part_get_mbr_id(Ctx& ctx, const std::string& device, int32_t partnum) {
  GFSD_TRY(check_partnum(partnum));
  auto has = sfdisk_has_part_type(ctx, true);
  if (!has) return forward(has.error());
  ctx.devices.settle("");
  auto out = run_or_fail_exit_status(
      ctx, {"sfdisk", *has ? "--part-type" : "--print-id", device, std::to_string(partnum)});
  if (!out) return forward(out.error());
  ctx.devices.settle("");
  return parse_hex_id(*out);
}

Result<void> part_set_mbr_id(Ctx& ctx, const std::string& device, int32_t partnum,
                             int32_t idbyte) {
  GFSD_TRY(check_partnum(partnum));
  auto has = sfdisk_has_part_type(ctx, false);
  if (!has) return forward(has.error());
  const std::string param = *has ? "--part-type" : "--change-id";
  char hex[16];
  std::snprintf(hex, sizeof hex, "%x", static_cast<unsigned>(idbyte));
  ctx.devices.settle("");
  auto r = run_or_fail_stderr(ctx, {"sfdisk", param, device, std::to_string(partnum), hex});
  if (!r) return fail("sfdisk " + param + ": " + r.error().message);
  ctx.devices.settle("");
  return {};
}

Result<std::string> part_get_mbr_part_type(Ctx& ctx, const std::string& device, int32_t partnum) {
  auto parttype = part_get_parttype(ctx, device);
  if (!parttype) return forward(parttype.error());
  auto id = part_get_mbr_id(ctx, device, partnum);
  if (!id) return forward(id.error());
  if (*parttype != "msdos") return std::string("primary");
  if (partnum > 4) return std::string("logical");
  // 0x05 and 0x0f (LBA) are extended partitions.
  return std::string(*id == 0x05 || *id == 0x0f ? "extended" : "primary");
}

}  // namespace gfsd::domain
