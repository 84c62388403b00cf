#include <optional>

#include "domain/core/run_tool.hpp"
#include "domain/core/text.hpp"
#include "domain/fs/fs_actions.hpp"

namespace gfsd::domain {

namespace {

// `blkid -c /dev/null -o value -s TAG DEVICE` (-c /dev/null: no cache).
// Exit status 2 means the tag is not there.
Result<ports::ProcessResult> run_blkid_tag(Ctx& ctx, const std::string& device,
                                           const std::string& tag) {
  return ctx.runner.run({"blkid", "-c", "/dev/null", "-o", "value", "-s", tag, device});
}

std::string without_one_newline(std::string s) {
  if (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

}  // namespace

Result<std::string> blkid_tag(Ctx& ctx, const std::string& device, const std::string& tag) {
  auto r = run_blkid_tag(ctx, device, tag);
  if (!r) return forward(r.error());
  if (r->status == 2) return std::string();
  if (r->status < 0) return fail(device + ": " + r->err);
  if (r->status != 0)
    return fail(device + ": " + r->err + " (blkid returned " + std::to_string(r->status) + ")");
  return without_one_newline(std::move(r->out));
}

namespace {

// A label read by a filesystem's own tool, its stderr as the error.
Result<std::string> label_from_tool(Ctx& ctx, const std::vector<std::string>& argv) {
  auto out = run_or_fail_stderr(ctx, argv);
  if (!out) return forward(out.error());
  return without_one_newline(std::move(*out));
}

}  // namespace

Result<std::string> vfs_type(Ctx& ctx, const api::Mountable& mountable) {
  auto r = run_blkid_tag(ctx, mountable.device, "TYPE");
  if (!r) return forward(r.error());
  if (r->status == 0) return without_one_newline(std::move(r->out));
  if (r->status == 2) return std::string();
  if (r->status < 0) return fail("external command ‘blkid’ killed by signal");
  return fail("blkid: " + mountable.device + ": TYPE: " + r->err);
}

Result<std::string> vfs_label(Ctx& ctx, const api::Mountable& mountable) {
  auto type = vfs_type(ctx, mountable);
  if (type) {
    if (*type == "btrfs" && ctx.host.program_exists("btrfs") &&
        ctx.host.kernel_has_filesystem("btrfs"))
      return label_from_tool(ctx, {"btrfs", "filesystem", "label", mountable.device});
    if (*type == "ntfs" && ctx.host.program_exists("ntfsresize"))
      return label_from_tool(ctx, {"ntfslabel", mountable.device});
  }
  return blkid_tag(ctx, mountable.device, "LABEL");
}

Result<std::string> vfs_uuid(Ctx& ctx, const api::Mountable& mountable) {
  return blkid_tag(ctx, mountable.device, "UUID");
}

Result<api::Hashtable> blkid(Ctx& ctx, const std::string& device) {
  // Low-level probing (-p) with I/O limits (-i): the appliance's blkid has both.
  auto text =
      run_or_fail_stderr(ctx, {"blkid", "-c", "/dev/null", "-p", "-i", "-o", "export", device});
  if (!text) return forward(text.error());
  api::Hashtable out;
  for (const auto& line : split_lines(*text)) {
    if (line.empty()) continue;
    const size_t eq = line.find('=');
    if (eq == std::string::npos) {
      ctx.log.debug("blkid: unexpected blkid output ignored: " + line);
      continue;
    }
    out.emplace_back(line.substr(0, eq), line.substr(eq + 1));
  }
  return out;
}

}  // namespace gfsd::domain
