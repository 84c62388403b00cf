// LVM2 through the lvm(8) program, as the original did (register_lvm puts
// these in the table; most are in the "lvm2" optgroup, checked by the dispatcher).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api.hpp"
#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// lvm_list.cpp
Result<std::vector<std::string>> pvs(Ctx& ctx);
Result<std::vector<std::string>> vgs(Ctx& ctx);
Result<std::vector<std::string>> lvs(Ctx& ctx);

// lvm_full.cpp
Result<std::vector<api::LvmPv>> pvs_full(Ctx& ctx);
Result<std::vector<api::LvmVg>> vgs_full(Ctx& ctx);
Result<std::vector<api::LvmLv>> lvs_full(Ctx& ctx);

// lvm_create.cpp
Result<void> pvcreate(Ctx& ctx, const std::string& device);
Result<void> vgcreate(Ctx& ctx, const std::string& volgroup,
                      const std::vector<std::string>& physvols);
Result<void> lvcreate(Ctx& ctx, const std::string& logvol, const std::string& volgroup,
                      int32_t mbytes);
Result<void> lvcreate_free(Ctx& ctx, const std::string& logvol, const std::string& volgroup,
                           int32_t percent);

// lvm_resize.cpp
Result<void> lvresize(Ctx& ctx, const std::string& device, int32_t mbytes);
Result<void> lvresize_free(Ctx& ctx, const std::string& lv, int32_t percent);
Result<void> pvresize(Ctx& ctx, const std::string& device);
Result<void> pvresize_size(Ctx& ctx, const std::string& device, int64_t size);

// lvm_remove.cpp
Result<void> lvm_remove_all(Ctx& ctx);
Result<void> lvremove(Ctx& ctx, const std::string& device);
Result<void> vgremove(Ctx& ctx, const std::string& vgname);
Result<void> pvremove(Ctx& ctx, const std::string& device);

// lvm_rename.cpp
Result<void> lvrename(Ctx& ctx, const std::string& logvol, const std::string& newlogvol);
Result<void> vgrename(Ctx& ctx, const std::string& volgroup, const std::string& newvolgroup);

// lvm_meta.cpp
Result<std::string> vgmeta(Ctx& ctx, const std::string& vgname);

// lvm_uuids.cpp
Result<std::string> pvuuid(Ctx& ctx, const std::string& device);
Result<std::string> vguuid(Ctx& ctx, const std::string& vgname);
Result<std::string> lvuuid(Ctx& ctx, const std::string& device);
Result<std::vector<std::string>> vgpvuuids(Ctx& ctx, const std::string& vgname);
Result<std::vector<std::string>> vglvuuids(Ctx& ctx, const std::string& vgname);
Result<void> pvchange_uuid(Ctx& ctx, const std::string& device);
Result<void> pvchange_uuid_all(Ctx& ctx);
Result<void> vgchange_uuid(Ctx& ctx, const std::string& vg);
Result<void> vgchange_uuid_all(Ctx& ctx);

// lvm_activate.cpp
Result<void> vg_activate(Ctx& ctx, bool activate, const std::vector<std::string>& volgroups);
Result<void> vg_activate_all(Ctx& ctx, bool activate);
Result<void> lvm_scan(Ctx& ctx, bool activate);
Result<void> vgscan(Ctx& ctx);

// lvm_filter.cpp
Result<void> lvm_set_filter(Ctx& ctx, const std::vector<std::string>& devices);
Result<void> lvm_clear_filter(Ctx& ctx);

// lv_canonical.cpp
// The canonical /dev/VG/LV name of a device-mapper device, or nullopt if the
// device is no LV (errors: "stat: <path>" with the errno, lvm's own).
Result<std::optional<std::string>> lv_canonical(Ctx& ctx, const std::string& device);
Result<bool> is_lv(Ctx& ctx, const api::Mountable& mountable);
Result<std::string> lvm_canonical_lv_name(Ctx& ctx, const std::string& lvname);
Result<std::vector<std::string>> list_dm_devices(Ctx& ctx);

}  // namespace gfsd::domain
