#include "domain/btrfs/btrfs_upkeep.hpp"
#include "domain/register.hpp"

namespace gfsd::domain {

void register_btrfs_upkeep(api::Handlers& h) {
  h.btrfs_balance_pause = &btrfs_balance_pause;
  h.btrfs_balance_cancel = &btrfs_balance_cancel;
  h.btrfs_balance_resume = &btrfs_balance_resume;
  h.btrfs_balance_status = &btrfs_balance_status;
  h.btrfs_scrub_start = &btrfs_scrub_start;
  h.btrfs_scrub_cancel = &btrfs_scrub_cancel;
  h.btrfs_scrub_resume = &btrfs_scrub_resume;
  h.btrfs_scrub_status = &btrfs_scrub_status;
  h.btrfs_quota_enable = &btrfs_quota_enable;
  h.btrfs_quota_rescan = &btrfs_quota_rescan;
  h.btrfs_qgroup_limit = &btrfs_qgroup_limit;
  h.btrfs_qgroup_create = &btrfs_qgroup_create;
  h.btrfs_qgroup_destroy = &btrfs_qgroup_destroy;
  h.btrfs_qgroup_show = &btrfs_qgroup_show;
  h.btrfs_qgroup_assign = &btrfs_qgroup_assign;
  h.btrfs_qgroup_remove = &btrfs_qgroup_remove;
}

}  // namespace gfsd::domain
