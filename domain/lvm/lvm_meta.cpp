// vgmeta: a volume group's metadata as lvm vgcfgbackup writes it. lvm writes
// only to a file (through a temporary name beside it), so the backup goes to
// a scratch file of the appliance that is read back and removed.
#include <cerrno>

#include "domain/core/read_to_end.hpp"
#include "domain/core/run_tool.hpp"
#include "domain/core/text.hpp"
#include "domain/lvm/lvm_actions.hpp"
#include "domain/lvm/lvm_output.hpp"

namespace gfsd::domain {

namespace {

// GUESTFS_MESSAGE_MAX less room for the reply's header, as the original.
constexpr size_t kMaxMetadata = 4 * 1024 * 1024 - 1000;

Result<std::string> read_appliance_file(Ctx& ctx, const std::string& path) {
  auto file = ctx.devices.open(path, ports::OpenFor::Read);
  if (!file) return fail(path);
  auto data = read_to_end(**file, kMaxMetadata);
  if (!data && data.error().errnum == E2BIG) return fail("metadata is too large for message buffer");
  if (!data) return fail_errno(data.error().errnum, "read: " + path);
  GFSD_TRY((*file)->close());
  return data;
}

}  // namespace

Result<std::string> vgmeta(Ctx& ctx, const std::string& vgname) {
  auto made = run_or_fail_exit_status(ctx, {"mktemp", "/tmp/vgmetaXXXXXX"});
  if (!made) return fail("mkstemp: " + made.error().message);
  const auto lines = split_lines(*made);
  if (lines.empty()) return fail("mkstemp: no file name");
  const std::string tmp = lines[0];

  auto backup = run_lvm_or_fail_stderr(ctx, {"vgcfgbackup", "-f", tmp, vgname});
  if (!backup) {
    ctx.devices.remove_file(tmp);
    return fail("vgcfgbackup: " + backup.error().message);
  }
  auto data = read_appliance_file(ctx, tmp);
  ctx.devices.remove_file(tmp);
  return data;
}

}  // namespace gfsd::domain
