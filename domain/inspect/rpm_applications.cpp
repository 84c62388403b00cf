// internal_list_rpm_applications: what librpm says is installed in the guest
// mounted on the sysroot (the library's inspect_list_applications2 for RPM guests).
#include <algorithm>

#include "domain/core/host_path.hpp"
#include "domain/inspect/inspect_actions.hpp"

namespace gfsd::domain {

Result<std::vector<api::Application2>> internal_list_rpm_applications(Ctx& ctx) {
  if (ctx.rpm == nullptr) return fail("no support for RPM guests because librpm was missing at compile time");
  auto root = resolved_host_path(ctx, "/");
  if (!root) return forward(root.error());
  auto packages = ctx.rpm->installed_packages(*root);
  if (!packages) return forward(packages.error());
  ctx.log.error("librpm returned " + std::to_string(packages->size()) + " installed packages");
  std::vector<api::Application2> apps;
  apps.reserve(packages->size());
  for (auto& p : *packages) {
    api::Application2 a;
    a.app2_name = std::move(p.name);
    a.app2_epoch = p.epoch;
    a.app2_version = std::move(p.version);
    a.app2_release = std::move(p.release);
    a.app2_arch = std::move(p.arch);
    a.app2_url = std::move(p.url);
    a.app2_summary = std::move(p.summary);
    a.app2_description = std::move(p.description);
    apps.push_back(std::move(a));
  }
  // By name, bytewise. Packages of the same name (gpg-pubkey, kernel) come
  // in reverse database order, as the original's sort of its list leaves them.
  std::reverse(apps.begin(), apps.end());
  std::stable_sort(apps.begin(), apps.end(), [](const api::Application2& a, const api::Application2& b) {
    return a.app2_name < b.app2_name;
  });
  return apps;
}

}  // namespace gfsd::domain
