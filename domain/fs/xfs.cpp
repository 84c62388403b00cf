// XFS through xfsprogs: xfs_info (parsed), xfs_admin, xfs_growfs, xfs_repair.
#include <cctype>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <optional>

#include "domain/core/host_path.hpp"
#include "domain/core/run_tool.hpp"
#include "domain/core/text.hpp"
#include "domain/fs/fs_actions.hpp"

namespace gfsd::domain {

namespace {

// Up to the first ' ', ',' or '='.
std::string field_at(const std::string& s, size_t pos) {
  return s.substr(pos, s.find_first_of(" ,=", pos) - pos);
}

template <class T>
Result<void> parse_number(T& out, const std::string& text) {
  unsigned long long v = 0;
  if (std::sscanf(text.c_str(), "%llu", &v) != 1)
    return fail("cannot parse numeric field from xfs_info: " + text);
  out = static_cast<T>(v);
  return {};
}

// `xfs_info` lines: "section =name key=value key=value, ..."; which section a
// key belongs to decides bsize=, blocks=, sectsz= and sunit=.
Result<api::Xfsinfo> parse_xfs_info(const std::vector<std::string>& lines) {
  api::Xfsinfo x;
  // Fields xfs_info did not show stay at -1, as in the original.
  constexpr uint32_t kUnset32 = static_cast<uint32_t>(-1);
  constexpr uint64_t kUnset64 = static_cast<uint64_t>(-1);
  for (uint32_t* f : {&x.xfs_inodesize, &x.xfs_agcount, &x.xfs_agsize, &x.xfs_sectsize,
                      &x.xfs_attr, &x.xfs_blocksize, &x.xfs_imaxpct, &x.xfs_sunit, &x.xfs_swidth,
                      &x.xfs_dirversion, &x.xfs_dirblocksize, &x.xfs_cimode, &x.xfs_logblocksize,
                      &x.xfs_logblocks, &x.xfs_logversion, &x.xfs_logsectsize, &x.xfs_logsunit,
                      &x.xfs_lazycount, &x.xfs_rtextsize})
    *f = kUnset32;
  x.xfs_datablocks = x.xfs_rtblocks = x.xfs_rtextents = kUnset64;

  std::string section;
  bool have_section = false;
  for (const auto& line : lines) {
    if (!line.empty() && std::isalpha(static_cast<unsigned char>(line[0]))) {
      section = field_at(line, 0);
      have_section = true;
    }
    auto find = [&](const char* key) -> std::optional<std::string> {
      const size_t p = line.find(key);
      if (p == std::string::npos) return std::nullopt;
      return field_at(line, p + std::strlen(key));
    };
    if (auto v = find("meta-data=")) x.xfs_mntpoint = *v;
    if (auto v = find("isize=")) GFSD_TRY(parse_number(x.xfs_inodesize, *v));
    if (auto v = find("agcount=")) GFSD_TRY(parse_number(x.xfs_agcount, *v));
    if (auto v = find("agsize=")) GFSD_TRY(parse_number(x.xfs_agsize, *v));
    if (auto v = find("sectsz="); v && have_section) {
      if (section == "meta-data") GFSD_TRY(parse_number(x.xfs_sectsize, *v));
      else if (section == "log") GFSD_TRY(parse_number(x.xfs_logsectsize, *v));
    }
    if (auto v = find("attr=")) GFSD_TRY(parse_number(x.xfs_attr, *v));
    if (auto v = find("bsize="); v && have_section) {
      if (section == "data") GFSD_TRY(parse_number(x.xfs_blocksize, *v));
      else if (section == "naming") GFSD_TRY(parse_number(x.xfs_dirblocksize, *v));
      else if (section == "log") GFSD_TRY(parse_number(x.xfs_logblocksize, *v));
    }
    if (auto v = find("blocks="); v && have_section) {
      if (section == "data") GFSD_TRY(parse_number(x.xfs_datablocks, *v));
      else if (section == "log") GFSD_TRY(parse_number(x.xfs_logblocks, *v));
      else if (section == "realtime") GFSD_TRY(parse_number(x.xfs_rtblocks, *v));
    }
    if (auto v = find("imaxpct=")) GFSD_TRY(parse_number(x.xfs_imaxpct, *v));
    if (auto v = find("sunit="); v && have_section) {
      if (section == "data") GFSD_TRY(parse_number(x.xfs_sunit, *v));
      else if (section == "log") GFSD_TRY(parse_number(x.xfs_logsunit, *v));
    }
    if (auto v = find("swidth=")) GFSD_TRY(parse_number(x.xfs_swidth, *v));
    if (auto v = find("naming   =version ")) GFSD_TRY(parse_number(x.xfs_dirversion, *v));
    if (auto v = find("ascii-ci=")) GFSD_TRY(parse_number(x.xfs_cimode, *v));
    if (auto v = find("log      =")) x.xfs_logname = *v;
    if (auto v = find("version=")) GFSD_TRY(parse_number(x.xfs_logversion, *v));
    if (auto v = find("lazy-count=")) GFSD_TRY(parse_number(x.xfs_lazycount, *v));
    if (auto v = find("realtime =")) x.xfs_rtname = *v;
    if (auto v = find("rtextents=")) GFSD_TRY(parse_number(x.xfs_rtextents, *v));
  }
  return x;
}

Result<void> not_negative(const std::optional<int64_t>& v, const char* name) {
  if (v && *v < 0) return fail(std::string(name) + " must be >= 0");
  return {};
}

}  // namespace

Result<api::Xfsinfo> xfs_info(Ctx& ctx, const api::DevOrPath& pathordevice) {
  std::string target = pathordevice.name;
  if (!pathordevice.is_device) {
    // xfs_info is a script that looks the mount point up by name: no pinned
    // descriptor path, the name resolved inside the sysroot instead.
    auto where = resolved_host_path(ctx, pathordevice.name);
    if (!where) return fail_errno(where.error().errnum, pathordevice.name);
    target = *where;
  }
  auto out = run_or_fail_prefixed(ctx, {"xfs_info", target}, "");
  if (!out) return forward(out.error());
  return parse_xfs_info(split_lines(*out));
}

Result<void> xfs_admin(Ctx& ctx, const std::string& device, const api::opt::xfs_admin& o) {
  std::vector<std::string> argv{"xfs_admin"};
  if (o.extunwritten.value_or(false)) argv.push_back("-e");
  if (o.imgfile.value_or(false)) argv.push_back("-f");
  if (o.v2log.value_or(false)) argv.push_back("-j");
  if (o.projid32bit.value_or(false)) argv.push_back("-p");
  if (o.lazycounter) argv.insert(argv.end(), {"-c", *o.lazycounter ? "1" : "0"});
  if (o.label) {
    if (o.label->size() > 12)
      return fail(*o.label + ": xfs labels are limited to 12 bytes");
    argv.insert(argv.end(), {"-L", *o.label});
  }
  if (o.uuid) argv.insert(argv.end(), {"-U", *o.uuid});
  argv.push_back(device);
  return run_ok_or_fail_prefixed(ctx, argv, device + ": ", stdout_on_stderr());
}

Result<void> xfs_growfs(Ctx& ctx, const std::string& path, const api::opt::xfs_growfs& o) {
  std::vector<std::string> argv{"xfs_growfs"};
  if (o.datasec.value_or(false)) argv.push_back("-d");
  if (o.logsec.value_or(false)) argv.push_back("-l");
  if (o.rtsec.value_or(false)) argv.push_back("-r");
  GFSD_TRY(not_negative(o.datasize, "datasize"));
  if (o.datasize) argv.insert(argv.end(), {"-D", std::to_string(*o.datasize)});
  GFSD_TRY(not_negative(o.logsize, "logsize"));
  if (o.logsize) argv.insert(argv.end(), {"-L", std::to_string(*o.logsize)});
  GFSD_TRY(not_negative(o.rtsize, "rtsize"));
  if (o.rtsize) argv.insert(argv.end(), {"-R", std::to_string(*o.rtsize)});
  GFSD_TRY(not_negative(o.rtextsize, "rtextsize"));
  if (o.rtextsize) argv.insert(argv.end(), {"-e", std::to_string(*o.rtextsize)});
  if (o.maxpct) {
    if (*o.maxpct < 0) return fail("maxpct must be >= 0");
    argv.insert(argv.end(), {"-m", std::to_string(*o.maxpct)});
  }
  auto where = resolved_host_path(ctx, path);  // a script too, as xfs_info
  if (!where) return fail_errno(where.error().errnum, path);
  argv.push_back(*where);
  return run_ok_or_fail_prefixed(ctx, argv, path + ": ");
}

// The exit status is the answer (0: clean, 1: damage found or fixed).
Result<int32_t> xfs_repair(Ctx& ctx, const api::DevOrPath& device, const api::opt::xfs_repair& o) {
  std::vector<std::string> argv{"xfs_repair"};
  if (o.forcelogzero.value_or(false)) argv.push_back("-L");
  if (o.nomodify.value_or(false)) argv.push_back("-n");
  if (o.noprefetch.value_or(false)) argv.push_back("-P");
  if (o.forcegeometry.value_or(false)) argv.insert(argv.end(), {"-o", "force_geometry"});
  GFSD_TRY(not_negative(o.maxmem, "maxmem"));
  if (o.maxmem) argv.insert(argv.end(), {"-m", std::to_string(*o.maxmem)});
  GFSD_TRY(not_negative(o.ihashsize, "ihashsize"));
  if (o.ihashsize) argv.insert(argv.end(), {"-o", "ihash=" + std::to_string(*o.ihashsize)});
  GFSD_TRY(not_negative(o.bhashsize, "bhashsize"));
  if (o.bhashsize) argv.insert(argv.end(), {"-o", "bhash=" + std::to_string(*o.bhashsize)});
  GFSD_TRY(not_negative(o.agstride, "agstride"));
  if (o.agstride) argv.insert(argv.end(), {"-o", "ag_stride=" + std::to_string(*o.agstride)});
  if (o.logdev) argv.insert(argv.end(), {"-l", *o.logdev});
  if (o.rtdev) argv.insert(argv.end(), {"-r", *o.rtdev});
  ports::RunOptions opts;
  if (device.is_device) {
    argv.push_back(device.name);
  } else {
    // An image file in the guest, opened by xfs_repair: resolved inside it.
    argv.insert(argv.end(), {"-f", device.name});
    opts.guest_args = {{argv.size() - 1, ports::GuestArg::Last::Follow}};
  }
  auto r = ctx.runner.run(argv, opts);
  if (!r) return fail(device.name + ": " + r.error().message);
  if (r->status < 0) return fail(device.name + ": " + r->err);
  return r->status;
}

}  // namespace gfsd::domain
