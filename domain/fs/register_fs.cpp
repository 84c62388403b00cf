#include "domain/fs/fs_actions.hpp"
#include "domain/register.hpp"

namespace gfsd::domain {

void register_fs(api::Handlers& h) {
  h.vfs_type = &vfs_type;
  h.vfs_label = &vfs_label;
  h.vfs_uuid = &vfs_uuid;
  h.blkid = &blkid;
  h.mkfs = &mkfs;
  h.mkfs_b = &mkfs_b;
  h.set_label = &set_label;
  h.set_e2label = &set_e2label;
  h.get_e2label = &get_e2label;
  h.fsck = &fsck;
  h.e2fsck = &e2fsck;
  h.e2fsck_f = &e2fsck_f;
  h.internal_parse_mountable = &internal_parse_mountable;
  h.list_filesystems = &list_filesystems;
  h.btrfs_subvolume_list = &btrfs_subvolume_list;
  h.btrfs_subvolume_get_default = &btrfs_subvolume_get_default;
  h.zero = &zero;
  h.filesystem_available = &filesystem_available;
  h.mke2fs = &mke2fs;
  h.zero_free_space = &zero_free_space;
  h.ntfs_3g_probe = &ntfs_3g_probe;
  h.ntfsresize = &ntfsresize;
  h.ntfsresize_size = &ntfsresize_size;
  h.ntfsfix = &ntfsfix;
  h.ntfsclone_out = &ntfsclone_out;
  h.ntfsclone_in = &ntfsclone_in;
  h.wipefs = &wipefs;
  h.zerofree = &zerofree;
  h.xfs_info = &xfs_info;
  h.xfs_admin = &xfs_admin;
  h.xfs_growfs = &xfs_growfs;
  h.xfs_repair = &xfs_repair;
  h.vfs_minimum_size = &vfs_minimum_size;
  h.tune2fs_l = &tune2fs_l;
  h.tune2fs = &tune2fs;
  h.resize2fs = &resize2fs;
  h.resize2fs_size = &resize2fs_size;
  h.resize2fs_M = &resize2fs_M;
  h.mke2journal = &mke2journal;
  h.mke2journal_L = &mke2journal_L;
  h.mke2journal_U = &mke2journal_U;
  h.mke2fs_J = &mke2fs_J;
  h.mke2fs_JL = &mke2fs_JL;
  h.mke2fs_JU = &mke2fs_JU;
  h.get_e2attrs = &get_e2attrs;
  h.set_e2attrs = &set_e2attrs;
  h.get_e2generation = &get_e2generation;
  h.set_e2generation = &set_e2generation;
  h.mklost_and_found = &mklost_and_found;
  h.set_e2uuid = &set_e2uuid;
  h.get_e2uuid = &get_e2uuid;
  h.set_uuid = &set_uuid;
  h.set_uuid_random = &set_uuid_random;
  h.mkswap = &mkswap;
  h.mkswap_L = &mkswap_L;
  h.mkswap_U = &mkswap_U;
  h.mkswap_file = &mkswap_file;
  h.swapon_device = &swapon_device;
  h.swapoff_device = &swapoff_device;
  h.swapon_file = &swapon_file;
  h.swapoff_file = &swapoff_file;
  h.swapon_label = &swapon_label;
  h.swapoff_label = &swapoff_label;
  h.swapon_uuid = &swapon_uuid;
  h.swapoff_uuid = &swapoff_uuid;
  h.zero_device = &zero_device;
  h.is_zero = &is_zero;
  h.is_zero_device = &is_zero_device;
  h.findfs_uuid = &findfs_uuid;
  h.findfs_label = &findfs_label;
}

}  // namespace gfsd::domain
