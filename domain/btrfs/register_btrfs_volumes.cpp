#include "domain/btrfs/btrfs_volumes.hpp"
#include "domain/register.hpp"

namespace gfsd::domain {

void register_btrfs_volumes(api::Handlers& h) {
  h.mkfs_btrfs = &mkfs_btrfs;

  h.btrfs_subvolume_create = &btrfs_subvolume_create;
  h.btrfs_subvolume_delete = &btrfs_subvolume_delete;
  h.btrfs_subvolume_snapshot = &btrfs_subvolume_snapshot;
  h.btrfs_subvolume_set_default = &btrfs_subvolume_set_default;
  h.btrfs_subvolume_show = &btrfs_subvolume_show;

  h.btrfs_filesystem_balance = &btrfs_filesystem_balance;
  h.btrfs_filesystem_defragment = &btrfs_filesystem_defragment;
  h.btrfs_filesystem_resize = &btrfs_filesystem_resize;
  h.btrfs_filesystem_show = &btrfs_filesystem_show;
  h.btrfs_filesystem_sync = &btrfs_filesystem_sync;

  h.btrfs_device_add = &btrfs_device_add;
  h.btrfs_device_delete = &btrfs_device_delete;
  h.btrfs_replace = &btrfs_replace;

  h.btrfs_set_seeding = &btrfs_set_seeding;
  h.btrfstune_seeding = &btrfstune_seeding;
  h.btrfstune_enable_extended_inode_refs = &btrfstune_enable_extended_inode_refs;
  h.btrfstune_enable_skinny_metadata_extent_refs = &btrfstune_enable_skinny_metadata_extent_refs;

  h.btrfs_fsck = &btrfs_fsck;
  h.btrfs_image = &btrfs_image;
  h.btrfs_rescue_chunk_recover = &btrfs_rescue_chunk_recover;
  h.btrfs_rescue_super_recover = &btrfs_rescue_super_recover;
}

}  // namespace gfsd::domain
