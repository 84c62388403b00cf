// The inspect_get_* answers about one root: "unknown" / 0 when not found out.
#include "domain/inspect/inspect_actions.hpp"

namespace gfsd::domain {

using inspect::InspectionData;
using inspect::search_for_root;

namespace {

// The named fact of the root as text, or "unknown".
template <class F>
Result<std::string> fact(Ctx& ctx, const api::Mountable& root, F get) {
  auto data = search_for_root(ctx, root);
  if (!data) return forward(data.error());
  return get(**data).value_or("unknown");
}

template <class T>
std::optional<std::string> named(const std::optional<T>& v) {
  if (!v) return std::nullopt;
  return inspect::to_string(*v);
}

}  // namespace

Result<std::string> inspect_get_type(Ctx& ctx, const api::Mountable& root) {
  return fact(ctx, root, [](const InspectionData& d) { return named(d.os_type); });
}

Result<std::string> inspect_get_distro(Ctx& ctx, const api::Mountable& root) {
  return fact(ctx, root, [](const InspectionData& d) { return named(d.distro); });
}

Result<std::string> inspect_get_package_format(Ctx& ctx, const api::Mountable& root) {
  return fact(ctx, root, [](const InspectionData& d) { return named(d.package_format); });
}

Result<std::string> inspect_get_package_management(Ctx& ctx, const api::Mountable& root) {
  return fact(ctx, root, [](const InspectionData& d) { return named(d.package_management); });
}

Result<std::string> inspect_get_product_name(Ctx& ctx, const api::Mountable& root) {
  return fact(ctx, root, [](const InspectionData& d) { return d.product_name; });
}

Result<std::string> inspect_get_product_variant(Ctx& ctx, const api::Mountable& root) {
  return fact(ctx, root, [](const InspectionData& d) { return d.product_variant; });
}

Result<std::string> inspect_get_arch(Ctx& ctx, const api::Mountable& root) {
  return fact(ctx, root, [](const InspectionData& d) { return d.arch; });
}

Result<std::string> inspect_get_hostname(Ctx& ctx, const api::Mountable& root) {
  return fact(ctx, root, [](const InspectionData& d) { return d.hostname; });
}

Result<int32_t> inspect_get_major_version(Ctx& ctx, const api::Mountable& root) {
  auto data = search_for_root(ctx, root);
  if (!data) return forward(data.error());
  return (*data)->version ? (*data)->version->major : 0;
}

Result<int32_t> inspect_get_minor_version(Ctx& ctx, const api::Mountable& root) {
  auto data = search_for_root(ctx, root);
  if (!data) return forward(data.error());
  return (*data)->version ? (*data)->version->minor : 0;
}

// Deprecated: every inspected OS is an installed one. Like the original,
// these do not look at the inspection data at all.
Result<std::string> inspect_get_format(Ctx&, const api::Mountable&) {
  return std::string("installed");
}
Result<bool> inspect_is_live(Ctx&, const api::Mountable&) { return false; }
Result<bool> inspect_is_netinst(Ctx&, const api::Mountable&) { return false; }
Result<bool> inspect_is_multipart(Ctx&, const api::Mountable&) { return false; }

}  // namespace gfsd::domain
