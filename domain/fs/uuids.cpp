// Filesystem UUIDs: set_e2uuid / get_e2uuid, set_uuid, set_uuid_random.
#include <cerrno>

#include "domain/core/run_tool.hpp"
#include "domain/fs/fs_actions.hpp"

namespace gfsd::domain {

namespace {

// Does btrfstune know -U / -u (btrfs-progs >= 4.1)? Its usage text, which
// the original looked for on stderr only, says.
bool btrfstune_sets_uuids(Ctx& ctx) {
  auto r = ctx.runner.run({"btrfstune", "--help"});
  if (!r) return false;
  return r->err.find("-U") != std::string::npos && r->err.find("-u") != std::string::npos;
}

// btrfstune's exit status is not looked at, as in the original.
Result<void> btrfstune(Ctx& ctx, const std::vector<std::string>& args, const std::string& device) {
  if (!btrfstune_sets_uuids(ctx))
    return fail_with(ENOTSUP, "btrfs filesystems' UUID cannot be changed");
  std::vector<std::string> argv{"btrfstune", "-f"};
  argv.insert(argv.end(), args.begin(), args.end());
  argv.push_back(device);
  auto r = ctx.runner.run(argv);
  if (!r) return fail(device + ": " + r.error().message);
  if (r->status < 0) return fail(device + ": " + r->err);
  return {};
}

Result<void> xfs_admin_uuid(Ctx& ctx, const std::string& device, const std::string& uuid) {
  return run_ok_or_fail_prefixed(ctx, {"xfs_admin", "-U", uuid, device}, device + ": ",
                                 stdout_on_stderr());
}

bool is_extfs(const std::string& t) { return t == "ext2" || t == "ext3" || t == "ext4"; }

}  // namespace

Result<void> set_e2uuid(Ctx& ctx, const std::string& device, const std::string& uuid) {
  return run_ok_or_fail_prefixed(ctx, {"tune2fs", "-U", uuid, device});
}

Result<std::string> get_e2uuid(Ctx& ctx, const std::string& device) {
  return vfs_uuid(ctx, api::Mountable{api::MountableType::Device, device, ""});
}

Result<void> set_uuid(Ctx& ctx, const std::string& device, const std::string& uuid) {
  auto type = blkid_tag(ctx, device, "TYPE");
  if (!type) return forward(type.error());
  const std::string& t = *type;
  if (is_extfs(t)) {
    // The tools' magic values would not set the UUID asked for.
    if (uuid == "clear" || uuid == "random" || uuid == "time") return fail("e2: invalid new UUID");
    return set_e2uuid(ctx, device, uuid);
  }
  if (t == "xfs") {
    if (uuid == "nil" || uuid == "generate") return fail("xfs: invalid new UUID");
    return xfs_admin_uuid(ctx, device, uuid);
  }
  if (t == "swap") return run_ok_or_fail_prefixed(ctx, {"swaplabel", "-U", uuid, device});
  if (t == "btrfs") return btrfstune(ctx, {"-U", uuid}, device);
  return fail_with(ENOTSUP, "don't know how to set the UUID for '" + t + "' filesystems");
}

Result<void> set_uuid_random(Ctx& ctx, const std::string& device) {
  auto type = blkid_tag(ctx, device, "TYPE");
  if (!type) return forward(type.error());
  const std::string& t = *type;
  // The original makes a UUID first whatever the type (uuidgen), and hands it
  // to swaplabel as uuidgen printed it.
  auto made = run_or_fail_prefixed(ctx, {"uuidgen"});
  if (!made) return forward(made.error());
  const std::string& uuid = *made;
  if (is_extfs(t)) return set_e2uuid(ctx, device, "random");
  if (t == "xfs") return xfs_admin_uuid(ctx, device, "generate");
  if (t == "swap") return run_ok_or_fail_prefixed(ctx, {"swaplabel", "-U", uuid, device});
  if (t == "btrfs") return btrfstune(ctx, {"-u"}, device);
  return fail_with(ENOTSUP, "don't know how to set the random UUID for '" + t + "' filesystems");
}

}  // namespace gfsd::domain
