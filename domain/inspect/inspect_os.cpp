#include <algorithm>
#include <memory>
#include <regex>

#include "domain/inspect/check_filesystem.hpp"
#include "domain/inspect/inspect_actions.hpp"

namespace gfsd::domain {

namespace inspect {

namespace {

bool is_root_of(const Fs& fs, Distro d) {
  return fs.role == Role::Root && fs.data.distro == d;
}

// CoreOS keeps its OS on one of two /usr filesystems (USR-A, USR-B): the one
// with the higher version is taken as the active one.
Result<std::vector<Fs>> collect_coreos_inspection_info(std::vector<Fs> fses) {
  std::vector<Fs> roots, usrs, others;
  for (const auto& f : fses) {
    if (is_root_of(f, Distro::CoreOs))
      roots.push_back(f);
    else if (f.role == Role::Usr && f.data.distro == Distro::CoreOs)
      usrs.push_back(f);
    else
      others.push_back(f);
  }
  // The original builds these lists back to front, and the result keeps
  // that order.
  std::reverse(usrs.begin(), usrs.end());
  std::reverse(others.begin(), others.end());

  if (roots.empty()) return fses;
  if (roots.size() > 1) return fail("multiple CoreOS root filesystems found");
  if (usrs.empty()) return fses;

  auto version_of = [](const Fs& f) { return f.data.version.value_or(Version{0, 0}); };
  std::stable_sort(usrs.begin(), usrs.end(), [&](const Fs& a, const Fs& b) {
    const Version va = version_of(a), vb = version_of(b);
    return va.major != vb.major ? va.major > vb.major : va.minor > vb.minor;
  });
  Fs root = roots.front();
  merge_inspection_data(usrs.front().data, root.data);
  std::vector<Fs> out{std::move(root)};
  out.insert(out.end(), others.begin(), others.end());
  return out;
}

bool is_bsd_type(const std::optional<OsType>& t) {
  return t == OsType::FreeBsd || t == OsType::NetBsd || t == OsType::OpenBsd;
}

// On the BSDs an MBR partition (/dev/sda1..4) may shadow the real root
// (probably /dev/sda5): drop the shadow if another root of the same type exists.
std::vector<Fs> check_for_duplicated_bsd_root(std::vector<Fs> fses) {
  static const std::regex primary(R"(^/dev/(?:h|s|v)d.[1234]$)");
  auto is_primary = [](const api::Mountable& m) {
    return m.type == api::MountableType::Device && std::regex_search(m.device, primary);
  };
  auto bsd_primary = std::find_if(fses.begin(), fses.end(), [&](const Fs& f) {
    return f.role == Role::Root && is_bsd_type(f.data.os_type) && is_primary(f.mountable);
  });
  if (bsd_primary == fses.end()) return fses;
  const OsType type = *bsd_primary->data.os_type;
  const bool shadow_exists = std::any_of(fses.begin(), fses.end(), [&](const Fs& f) {
    return &f != &*bsd_primary && f.role == Role::Root && f.data.os_type == type;
  });
  if (shadow_exists) fses.erase(bsd_primary);
  return fses;
}

// A separate /usr named in a Linux root's fstab lends the root its facts.
void collect_linux_inspection_info(Ctx& ctx, std::vector<Fs>& fses) {
  for (auto& root : fses) {
    if (root.role != Role::Root || is_root_of(root, Distro::CoreOs)) continue;
    auto usr = std::find_if(fses.begin(), fses.end(), [&](const Fs& f) {
      if (f.role != Role::Usr) return false;
      return std::any_of(root.data.fstab.begin(), root.data.fstab.end(), [&](const FstabEntry& e) {
        return same_mountable(e.mountable, f.mountable);
      });
    });
    if (usr == fses.end()) continue;
    ctx.log.debug("collect_linux_inspection_info_for: merging:\n" + describe(*usr) + "into:\n" +
                  describe(root));
    merge_inspection_data(usr->data, root.data);
  }
}

}  // namespace

Result<std::vector<Fs>> combine_filesystems(Ctx& ctx, std::vector<Fs> fses) {
  auto coreos = collect_coreos_inspection_info(std::move(fses));
  if (!coreos) return forward(coreos.error());
  auto out = check_for_duplicated_bsd_root(std::move(*coreos));
  collect_linux_inspection_info(ctx, out);
  return out;
}

Result<std::vector<std::string>> inspect_os_with(Ctx& ctx, InspectDeps& deps) {
  GFSD_TRY(deps.umount_all());
  auto filesystems = deps.list_filesystems();
  if (!filesystems) return forward(filesystems.error());

  std::vector<Fs> fses;
  for (const auto& [mountable, vfs_type] : *filesystems) {
    auto fs = check_for_filesystem_on(ctx, deps, mountable, vfs_type);
    if (!fs) return forward(fs.error());
    if (*fs) fses.push_back(std::move(**fs));
  }
  if (ctx.log.verbose()) {
    std::string text = "inspect_os: fses:\n";
    for (const auto& f : fses) text += describe(f);
    ctx.log.debug(text);
  }

  auto combined = combine_filesystems(ctx, std::move(fses));
  if (!combined) return forward(combined.error());
  auto inspection = std::make_shared<Inspection>();
  inspection->filesystems = std::move(*combined);
  ctx.state.inspection = std::move(inspection);
  return inspect_get_roots(ctx);
}

}  // namespace inspect

Result<std::vector<std::string>> inspect_os(Ctx& ctx) {
  auto deps = inspect::make_inspect_deps(ctx);
  return inspect::inspect_os_with(ctx, *deps);
}

Result<std::vector<std::string>> inspect_get_roots(Ctx& ctx) {
  std::vector<std::string> roots;
  if (!ctx.state.inspection) return roots;
  std::string text = "inspect_get_roots: roots:\n";
  for (const auto& fs : ctx.state.inspection->filesystems) {
    if (fs.role != inspect::Role::Root) continue;
    roots.push_back(inspect::mountable_to_string(fs.mountable));
    text += inspect::describe(fs);
  }
  ctx.log.debug(text);
  return roots;
}

}  // namespace gfsd::domain
