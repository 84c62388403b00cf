#include "domain/lvm/lvm_actions.hpp"
#include "domain/register.hpp"

namespace gfsd::domain {

void register_lvm(api::Handlers& h) {
  h.pvs = &pvs;
  h.vgs = &vgs;
  h.lvs = &lvs;
  h.pvs_full = &pvs_full;
  h.vgs_full = &vgs_full;
  h.lvs_full = &lvs_full;

  h.pvcreate = &pvcreate;
  h.vgcreate = &vgcreate;
  h.lvcreate = &lvcreate;
  h.lvcreate_free = &lvcreate_free;
  h.lvresize = &lvresize;
  h.lvresize_free = &lvresize_free;
  h.pvresize = &pvresize;
  h.pvresize_size = &pvresize_size;

  h.lvm_remove_all = &lvm_remove_all;
  h.lvremove = &lvremove;
  h.vgremove = &vgremove;
  h.pvremove = &pvremove;
  h.lvrename = &lvrename;
  h.vgrename = &vgrename;
  h.vgmeta = &vgmeta;

  h.pvuuid = &pvuuid;
  h.vguuid = &vguuid;
  h.lvuuid = &lvuuid;
  h.vgpvuuids = &vgpvuuids;
  h.vglvuuids = &vglvuuids;
  h.pvchange_uuid = &pvchange_uuid;
  h.pvchange_uuid_all = &pvchange_uuid_all;
  h.vgchange_uuid = &vgchange_uuid;
  h.vgchange_uuid_all = &vgchange_uuid_all;

  h.vg_activate = &vg_activate;
  h.vg_activate_all = &vg_activate_all;
  h.lvm_scan = &lvm_scan;
  h.vgscan = &vgscan;

  h.lvm_set_filter = &lvm_set_filter;
  h.lvm_clear_filter = &lvm_clear_filter;

  h.is_lv = &is_lv;
  h.lvm_canonical_lv_name = &lvm_canonical_lv_name;
  h.list_dm_devices = &list_dm_devices;
}

}  // namespace gfsd::domain
