// mke2fs with its many optional arguments, each mapped to one mke2fs option
// in the original's order; the checks all come before the device is wiped.
#include <cerrno>

#include "domain/core/arg_checks.hpp"
#include "domain/core/device_names.hpp"
#include "domain/core/run_tool.hpp"
#include "domain/fs/fs_actions.hpp"

namespace gfsd::domain {

namespace {

using Argv = std::vector<std::string>;

template <class T>
Result<void> add_number(Argv& argv, const std::optional<T>& v, const char* name, const char* flag,
                        const std::string& prefix = "") {
  if (!v) return {};
  if (*v < 0) return fail(std::string(name) + " must be >= 0");
  argv.insert(argv.end(), {flag, prefix + std::to_string(*v)});
  return {};
}

void add_string(Argv& argv, const std::optional<std::string>& v, const char* flag) {
  if (v) argv.insert(argv.end(), {flag, *v});
}

// "-O feature" or "-O ^feature" (likewise -E with on/off values).
void add_switch(Argv& argv, const std::optional<bool>& v, const char* flag, const char* on,
                const char* off) {
  if (v) argv.insert(argv.end(), {flag, *v ? on : off});
}

// The journal device: a device name is translated like a Device argument;
// LABEL=... and UUID=... go as they are.
Result<std::string> journal_device(Ctx& ctx, const std::string& jdev) {
  if (!is_device_parameter(ctx, jdev)) return "device=" + jdev;
  if (ctx.devices.kind(jdev) == ports::DeviceKind::RootDevice)
    return fail(jdev + ": device not found");
  std::string dev = translate_device_name(jdev, ctx.devices.disks_in_order());
  auto ok = ctx.devices.probe(dev);
  if (!ok) {
    const int err = ok.error().errnum;
    bool found = false;
    if (err == ENXIO || err == ENOENT) {
      for (const auto& alt : device_name_fallbacks(jdev)) {
        if (ctx.devices.probe(alt)) {
          dev = alt;
          found = true;
          break;
        }
      }
    }
    if (!found) return fail_errno(err, jdev);
  }
  return "device=" + dev;
}

}  // namespace

Result<void> mke2fs(Ctx& ctx, const std::string& device, const api::opt::mke2fs& o) {
  Argv argv{"mke2fs"};
  GFSD_TRY(add_number(argv, o.blocksize, "blocksize", "-b"));
  GFSD_TRY(add_number(argv, o.fragsize, "fragsize", "-f"));
  if (o.forcecreate.value_or(false)) argv.push_back("-F");
  GFSD_TRY(add_number(argv, o.blockspergroup, "blockspergroup", "-g"));
  GFSD_TRY(add_number(argv, o.numberofgroups, "numberofgroups", "-G"));
  GFSD_TRY(add_number(argv, o.bytesperinode, "bytesperinode", "-i"));
  GFSD_TRY(add_number(argv, o.inodesize, "inodesize", "-I"));
  GFSD_TRY(add_number(argv, o.journalsize, "journalsize", "-J", "size="));
  if (o.journaldevice) {
    auto j = journal_device(ctx, *o.journaldevice);
    if (!j) return forward(j.error());
    argv.insert(argv.end(), {"-J", *j});
  }
  add_string(argv, o.label, "-L");
  GFSD_TRY(add_number(argv, o.reservedblockspercentage, "reservedblockspercentage", "-m"));
  add_string(argv, o.lastmounteddir, "-M");
  GFSD_TRY(add_number(argv, o.numberofinodes, "numberofinodes", "-N"));
  add_string(argv, o.creatoros, "-o");
  if (o.writesbandgrouponly.value_or(false)) argv.push_back("-S");
  if (o.fstype) {
    const std::string& t = *o.fstype;
    if (t != "ext2" && t != "ext3" && t != "ext4")
      return fail(t + ": not a valid extended filesystem type");
    argv.insert(argv.end(), {"-t", t});
  }
  add_string(argv, o.usagetype, "-T");
  add_string(argv, o.uuid, "-U");
  GFSD_TRY(add_number(argv, o.mmpupdateinterval, "mmpupdateinterval", "-E", "mmp_update_interval="));
  GFSD_TRY(add_number(argv, o.stridesize, "stridesize", "-E", "stride="));
  GFSD_TRY(add_number(argv, o.stripewidth, "stripewidth", "-E", "stripe_width="));
  GFSD_TRY(add_number(argv, o.maxonlineresize, "maxonlineresize", "-E", "resize="));
  add_switch(argv, o.lazyitableinit, "-E", "lazy_itable_init=1", "lazy_itable_init=0");
  add_switch(argv, o.lazyjournalinit, "-E", "lazy_journal_init=1", "lazy_journal_init=0");
  if (o.testfs.value_or(false)) argv.insert(argv.end(), {"-E", "test_fs"});
  add_switch(argv, o.discard, "-E", "discard", "nodiscard");
  add_switch(argv, o.extent, "-O", "extent", "^extent");
  add_switch(argv, o.filetype, "-O", "filetype", "^filetype");
  add_switch(argv, o.flexbg, "-O", "flexbg", "^flexbg");
  add_switch(argv, o.hasjournal, "-O", "has_journal", "^has_journal");
  add_switch(argv, o.journaldev, "-O", "journal_dev", "^journal_dev");
  add_switch(argv, o.largefile, "-O", "large_file", "^large_file");
  add_switch(argv, o.quota, "-O", "quota", "^quota");
  add_switch(argv, o.resizeinode, "-O", "resize_inode", "^resize_inode");
  add_switch(argv, o.sparsesuper, "-O", "sparse_super", "^sparse_super");
  add_switch(argv, o.uninitbg, "-O", "uninit_bg", "^uninit_bg");
  argv.push_back(device);
  if (o.blockscount) {
    if (*o.blockscount < 0) return fail("blockscount must be >= 0");
    argv.push_back(std::to_string(*o.blockscount));
  }

  wipe_device_before_mkfs(ctx, device);
  return run_ok_or_fail_prefixed(ctx, argv, device + ": ");
}

}  // namespace gfsd::domain
