// What inspection needs from the other areas of the daemon (filesystems,
// mounting, devices, partitions, LVM, md). Inspection code talks to this
// interface; make_inspect_deps gives the real one, tests a fake.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "api.hpp"
#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain::inspect {

class InspectDeps {
 public:
  virtual ~InspectDeps() = default;
  // Every filesystem and its type (list_filesystems), appliance device names.
  virtual Result<std::vector<std::pair<api::Mountable, std::string>>> list_filesystems() = 0;
  // Mounts on the sysroot itself ("/"), as mount_vfs does.
  virtual Result<void> mount_root(const std::string& options, const std::string& vfstype,
                                  const api::Mountable& mountable) = 0;
  virtual Result<void> umount_all() = 0;
  virtual Result<std::vector<std::string>> list_devices() = 0;
  virtual Result<std::vector<std::string>> list_partitions() = 0;
  // The device holding the filesystem with this UUID / LABEL (findfs), LVs
  // named /dev/VG/LV. Fails when there is none.
  virtual Result<std::string> findfs(const std::string& tag, const std::string& value) = 0;
  // /dev/VG/LV for a device-mapper name of an LV; nullopt when it is not an LV;
  // fails with ENOENT when the device does not exist.
  virtual Result<std::optional<std::string>> lv_canonical(const std::string& device) = 0;
  virtual Result<std::string> part_get_parttype(const std::string& device) = 0;
  virtual Result<std::vector<api::Partition>> part_list(const std::string& device) = 0;
  virtual Result<std::string> part_get_gpt_guid(const std::string& device, int32_t partnum) = 0;
  virtual Result<std::vector<std::string>> list_md_devices() = 0;
  // The "uuid" of md_detail, if it has one.
  virtual Result<std::optional<std::string>> md_uuid(const std::string& md) = 0;
};

// The daemon's own actions behind the interface.
std::unique_ptr<InspectDeps> make_inspect_deps(Ctx& ctx);

}  // namespace gfsd::domain::inspect
