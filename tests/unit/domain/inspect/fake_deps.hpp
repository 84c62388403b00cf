// An InspectDeps whose answers a test sets.
#pragma once

#include <cerrno>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <gmock/gmock.h>

#include "domain/inspect/inspect_deps.hpp"

namespace gfsd::domain::inspect::test {

class FakeDeps : public InspectDeps {
 public:
  std::vector<std::pair<api::Mountable, std::string>> filesystems;
  std::vector<std::string> devices{"/dev/sda"};
  std::vector<std::string> partitions;
  std::map<std::string, std::string> by_uuid, by_label;  // value -> device
  std::map<std::string, std::string> lvs;                // /dev/mapper name -> /dev/VG/LV
  std::vector<std::string> missing_devices;              // lv_canonical: ENOENT
  std::map<std::string, std::string> parttypes;          // device -> msdos / gpt
  std::map<std::string, std::vector<api::Partition>> part_lists;
  std::map<std::pair<std::string, int32_t>, std::string> gpt_guids;
  std::vector<std::string> md_devices;
  std::map<std::string, std::string> md_uuids;
  // Called on mount_root / umount_all (to switch the visible tree).
  std::function<bool(const api::Mountable&)> on_mount = [](const api::Mountable&) { return true; };
  std::function<void()> on_umount = [] {};
  std::vector<std::string> mounts;  // "options|vfstype|device" of each mount_root

  Result<std::vector<std::pair<api::Mountable, std::string>>> list_filesystems() override {
    return filesystems;
  }
  Result<void> mount_root(const std::string& options, const std::string& vfstype,
                          const api::Mountable& m) override {
    mounts.push_back(options + "|" + vfstype + "|" + m.device);
    if (!on_mount(m)) return fail("mount: failed");
    return {};
  }
  Result<void> umount_all() override {
    on_umount();
    return {};
  }
  Result<std::vector<std::string>> list_devices() override { return devices; }
  Result<std::vector<std::string>> list_partitions() override { return partitions; }
  Result<std::string> findfs(const std::string& tag, const std::string& value) override {
    const auto& table = tag == "UUID" ? by_uuid : by_label;
    auto it = table.find(value);
    if (it == table.end()) return fail("findfs exited with status 1: unable to resolve");
    return it->second;
  }
  Result<std::optional<std::string>> lv_canonical(const std::string& device) override {
    for (const auto& m : missing_devices)
      if (m == device) return fail_errno(ENOENT, "stat: " + device);
    auto it = lvs.find(device);
    if (it == lvs.end()) return std::optional<std::string>();
    return std::optional<std::string>(it->second);
  }
  Result<std::string> part_get_parttype(const std::string& device) override {
    auto it = parttypes.find(device);
    if (it == parttypes.end()) return fail("unrecognised disk label");
    return it->second;
  }
  Result<std::vector<api::Partition>> part_list(const std::string& device) override {
    return part_lists[device];
  }
  Result<std::string> part_get_gpt_guid(const std::string& device, int32_t partnum) override {
    return gpt_guids[{device, partnum}];
  }
  Result<std::vector<std::string>> list_md_devices() override { return md_devices; }
  Result<std::optional<std::string>> md_uuid(const std::string& md) override {
    auto it = md_uuids.find(md);
    if (it == md_uuids.end()) return std::optional<std::string>();
    return std::optional<std::string>(it->second);
  }
};

// A successful inspect_os whose roots match `matcher`.
MATCHER_P(HasRoots, matcher, "") {
  if (!arg) {
    *result_listener << "failed: " << arg.error().message;
    return false;
  }
  return testing::ExplainMatchResult(matcher, *arg, result_listener);
}

inline api::Mountable dev(const std::string& d) {
  api::Mountable m;
  m.device = d;
  return m;
}

}  // namespace gfsd::domain::inspect::test
