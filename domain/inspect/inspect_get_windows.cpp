// Windows-only facts: an error for other guests.
#include "domain/inspect/inspect_actions.hpp"

namespace gfsd::domain {

namespace {

template <class F>
Result<std::string> windows_fact(Ctx& ctx, const api::Mountable& root, F get,
                                 const char* missing) {
  auto data = inspect::search_for_root(ctx, root);
  if (!data) return forward(data.error());
  const std::optional<std::string>& v = get(**data);
  if (!v) return fail(missing);
  return *v;
}

}  // namespace

Result<std::string> inspect_get_windows_systemroot(Ctx& ctx, const api::Mountable& root) {
  return windows_fact(
      ctx, root, [](const inspect::InspectionData& d) -> auto& { return d.windows_systemroot; },
      "not a Windows guest, or systemroot could not be determined");
}

Result<std::string> inspect_get_windows_software_hive(Ctx& ctx, const api::Mountable& root) {
  return windows_fact(
      ctx, root, [](const inspect::InspectionData& d) -> auto& { return d.windows_software_hive; },
      "not a Windows guest, or software hive not found");
}

Result<std::string> inspect_get_windows_system_hive(Ctx& ctx, const api::Mountable& root) {
  return windows_fact(
      ctx, root, [](const inspect::InspectionData& d) -> auto& { return d.windows_system_hive; },
      "not a Windows guest, or system hive not found");
}

Result<std::string> inspect_get_windows_current_control_set(Ctx& ctx,
                                                            const api::Mountable& root) {
  return windows_fact(
      ctx, root,
      [](const inspect::InspectionData& d) -> auto& { return d.windows_current_control_set; },
      "not a Windows guest, or CurrentControlSet could not be determined");
}

}  // namespace gfsd::domain
