// Reading the SOFTWARE and SYSTEM hives of a Windows guest.
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

#include "domain/core/host_path.hpp"
#include "domain/devices/partition_names.hpp"
#include "domain/inspect/registry.hpp"
#include "domain/inspect/text_parsing.hpp"
#include "domain/inspect/windows.hpp"

namespace gfsd::domain::inspect {

namespace {

constexpr int64_t kRegBinary = 3;

tl::unexpected<Error> hive_error(const char* what, const Error& e) {
  return fail_errno(e.errnum, std::string("hivex: ") + what);
}

// Opens a hive of the guest read-only, as the original does (unsafe mode,
// verbose with the daemon).
Result<std::unique_ptr<ports::Hive>> open_hive(Ctx& ctx, const std::string& path) {
  if (ctx.hivex == nullptr) return fail("hivex is not available");
  int32_t flags = ports::kHiveOpenUnsafe;
  if (ctx.config.verbose) flags |= ports::kHiveOpenVerbose;
  auto where = resolved_host_path(ctx, path);
  if (!where) return fail_errno(where.error().errnum, "hivex: open: " + path);
  auto h = ctx.hivex->open(*where, flags);
  if (!h) return fail_errno(h.error().errnum, "hivex: open: " + path);
  return std::move(*h);
}

// The node at path below node, or nullopt if some key is missing.
Result<std::optional<int64_t>> get_node(ports::Hive& h, int64_t node,
                                        const std::vector<std::string>& path) {
  for (const auto& name : path) {
    auto child = h.node_get_child(node, name);
    if (!child) return hive_error("node_get_child", child.error());
    if (*child == 0) return std::optional<int64_t>();
    node = *child;
  }
  return std::optional<int64_t>(node);
}

using KeyedValues = std::vector<std::pair<std::string, int64_t>>;

Result<KeyedValues> keyed_values(ports::Hive& h, int64_t node) {
  auto values = h.node_values(node);
  if (!values) return hive_error("node_values", values.error());
  KeyedValues out;
  for (int64_t v : *values) {
    auto key = h.value_key(v);
    if (!key) return hive_error("value_key", key.error());
    out.emplace_back(std::move(*key), v);
  }
  return out;
}

// The first value with this key (exact case).
std::optional<int64_t> lookup(const KeyedValues& values, const std::string& key) {
  for (const auto& [k, v] : values)
    if (k == key) return v;
  return std::nullopt;
}

Result<std::string> value_string(ports::Hive& h, int64_t v) {
  auto s = h.value_string(v);
  if (!s) return hive_error("value_string", s.error());
  return std::move(*s);
}

Result<int32_t> value_dword(ports::Hive& h, int64_t v) {
  auto d = h.value_dword(v);
  if (!d) return hive_error("value_dword", d.error());
  return *d;
}

Result<void> with_hive(Ctx& ctx, const std::string& path,
                       const std::function<Result<void>(ports::Hive&, int64_t)>& body) {
  auto h = open_hive(ctx, path);
  if (!h) return forward(h.error());
  auto root = (*h)->root();
  if (!root) return hive_error("root", root.error());
  return body(**h, *root);
}

// MBR: the disk whose signature (at 0x1b8) matches, and its partition that
// starts at the given byte offset.
Result<std::optional<std::string>> map_mbr_blob(Ctx& ctx, InspectDeps& deps,
                                                const std::vector<std::string>& devices,
                                                const MbrBlob& blob) {
  for (const auto& dev : devices) {
    auto type = deps.part_get_parttype(dev);
    if (!type) return forward(type.error());
    if (*type != "msdos") continue;
    auto file = ctx.devices.open(dev, ports::OpenFor::Read);
    if (!file) return forward(file.error());
    GFSD_TRY((*file)->seek(0x1b8));
    char id[4];
    auto n = (*file)->read(id, sizeof id);
    if (!n) return forward(n.error());
    (void)(*file)->close();
    if (*n < sizeof id) return fail("pread: " + dev + ": short read");
    if (std::string(id, sizeof id) != blob.disk_id) continue;
    auto parts = deps.part_list(dev);
    if (!parts) return forward(parts.error());
    for (const auto& p : *parts)
      if (p.part_start == blob.offset)
        return std::optional<std::string>(dev + std::to_string(p.part_num));
    return std::optional<std::string>();
  }
  return std::optional<std::string>();
}

// GPT: the partition with this GUID.
Result<std::optional<std::string>> map_gpt_blob(InspectDeps& deps,
                                                const std::vector<std::string>& partitions,
                                                const std::string& guid) {
  for (const auto& part : partitions) {
    auto split = split_device_partition(part);
    if (!split) return forward(split.error());
    if (split->part == 0) return fail("device name is not a partition");
    const std::string dev = "/dev/" + split->disk;
    auto type = deps.part_get_parttype(dev);
    if (!type) return forward(type.error());
    if (*type != "gpt") continue;
    auto g = deps.part_get_gpt_guid(dev, static_cast<int32_t>(split->part));
    if (!g) return forward(g.error());
    if (lowercase(*g) == guid) return std::optional<std::string>(part);
  }
  return std::optional<std::string>();
}

// HKLM\SYSTEM\MountedDevices: "\DosDevices\X:" values whose data locate a partition.
Result<void> get_drive_mappings(Ctx& ctx, InspectDeps& deps, ports::Hive& h, int64_t root,
                                InspectionData& data) {
  auto node = get_node(h, root, {"MountedDevices"});
  if (!node) return forward(node.error());
  if (!*node) {
    ctx.log.debug("check_windows_system_registry: cannot find drive mappings");
    return {};
  }
  auto values = h.node_values(**node);
  if (!values) return hive_error("node_values", values.error());
  std::optional<std::vector<std::string>> devices, partitions;  // read when first needed
  std::vector<DriveMapping> mappings;
  for (int64_t v : *values) {
    auto key = h.value_key(v);
    if (!key) return hive_error("value_key", key.error());
    auto letter = drive_letter_of_key(*key);
    if (!letter) continue;
    auto value = h.value_value(v);
    if (!value) return hive_error("value_value", value.error());
    if (value->type != kRegBinary) continue;
    std::optional<std::string> device;
    if (auto guid = gpt_guid_of_blob(value->data)) {
      ctx.log.debug("map_registry_disk_blob_gpt: searching for GUID " + *guid);
      if (!partitions) {
        auto p = deps.list_partitions();
        if (!p) return forward(p.error());
        partitions = std::move(*p);
      }
      auto d = map_gpt_blob(deps, *partitions, *guid);
      if (!d) return forward(d.error());
      device = *d;
    } else if (auto mbr = mbr_of_blob(value->data)) {
      if (!devices) {
        auto d = deps.list_devices();
        if (!d) return forward(d.error());
        devices = std::move(*d);
      }
      auto d = map_mbr_blob(ctx, deps, *devices, *mbr);
      if (!d) return forward(d.error());
      device = *d;
    }
    if (device) mappings.push_back(DriveMapping{*letter, *device});
  }
  data.drive_mappings = std::move(mappings);
  return {};
}

// "ControlSet001" from HKLM\SYSTEM\Select\Current.
Result<std::optional<std::string>> get_current_control_set(Ctx& ctx, ports::Hive& h,
                                                           int64_t root) {
  auto node = get_node(h, root, {"Select"});
  if (!node) return forward(node.error());
  std::optional<int64_t> current;
  if (*node) {
    auto v = h.node_get_value(**node, "Current");
    if (!v) return hive_error("node_get_value", v.error());
    if (*v != 0) current = *v;
  }
  if (!current) {
    ctx.log.debug("check_windows_system_registry: cannot locate HKLM\\SYSTEM\\Select");
    return std::optional<std::string>();
  }
  auto n = value_dword(h, *current);
  if (!n) return forward(n.error());
  char buf[32];
  std::snprintf(buf, sizeof buf, "ControlSet%03d", *n);
  return std::optional<std::string>(buf);
}

Result<std::optional<std::string>> get_hostname(Ctx& ctx, ports::Hive& h, int64_t root,
                                                const std::string& control_set) {
  auto node = get_node(h, root, {control_set, "Services", "Tcpip", "Parameters"});
  if (!node) return forward(node.error());
  std::optional<int64_t> value;
  if (*node) {
    auto values = keyed_values(h, **node);
    if (!values) return forward(values.error());
    value = lookup(*values, "Hostname");
  }
  if (!value) {
    ctx.log.debug("check_windows_system_registry: cannot locate HKLM\\SYSTEM\\" + control_set +
                  "\\Services\\Tcpip\\Parameters and/or Hostname key");
    return std::optional<std::string>();
  }
  auto s = value_string(h, *value);
  if (!s) return forward(s.error());
  return std::optional<std::string>(*s);
}

}  // namespace

Result<void> check_windows_software_registry(Ctx& ctx, const std::string& hive_path,
                                             InspectionData& data) {
  return with_hive(ctx, hive_path, [&](ports::Hive& h, int64_t root) -> Result<void> {
    auto node = get_node(h, root, {"Microsoft", "Windows NT", "CurrentVersion"});
    if (!node) return forward(node.error());
    auto cannot_locate = [&ctx] {
      ctx.log.debug(
          "check_windows_software_registry: cannot locate HKLM\\SOFTWARE\\Microsoft\\Windows "
          "NT\\CurrentVersion");
      return Result<void>{};
    };
    if (!*node) return cannot_locate();
    auto values = keyed_values(h, **node);
    if (!values) return forward(values.error());

    if (auto v = lookup(*values, "ProductName")) {
      auto s = value_string(h, *v);
      if (!s) return forward(s.error());
      data.product_name = *s;
    }
    // Windows 10 and later keep the version in two DWORDs; before, a string.
    auto major_v = lookup(*values, "CurrentMajorVersionNumber");
    auto minor_v = lookup(*values, "CurrentMinorVersionNumber");
    if (major_v && minor_v) {
      auto major = value_dword(h, *major_v);
      if (!major) return forward(major.error());
      auto minor = value_dword(h, *minor_v);
      if (!minor) return forward(minor.error());
      data.version = Version{*major, *minor};
    } else {
      auto v = lookup(*values, "CurrentVersion");
      // Without any version, the rest of the key is not looked at either.
      if (!v) return cannot_locate();
      auto s = value_string(h, *v);
      if (!s) return forward(s.error());
      if (auto parsed = parse_major_minor(*s)) data.version = parsed;
    }
    if (auto v = lookup(*values, "InstallationType")) {
      auto s = value_string(h, *v);
      if (!s) return forward(s.error());
      data.product_variant = *s;
    }
    return {};
  });
}

Result<void> check_windows_system_registry(Ctx& ctx, InspectDeps& deps,
                                           const std::string& hive_path, InspectionData& data) {
  return with_hive(ctx, hive_path, [&](ports::Hive& h, int64_t root) -> Result<void> {
    GFSD_TRY(get_drive_mappings(ctx, deps, h, root, data));
    auto control_set = get_current_control_set(ctx, h, root);
    if (!control_set) return forward(control_set.error());
    data.windows_current_control_set = *control_set;
    if (!*control_set) return {};
    auto hostname = get_hostname(ctx, h, root, **control_set);
    if (!hostname) return forward(hostname.error());
    data.hostname = *hostname;
    return {};
  });
}

}  // namespace gfsd::domain::inspect
