// Fills the Handlers table: every area registers the actions it implements.
// An action nobody registers answers ENOTSUP.
#pragma once

#include "api.hpp"

namespace gfsd::domain {

void register_all(api::Handlers& h);

// One per area, each defined next to its actions.
void register_internal(api::Handlers& h);
void register_files(api::Handlers& h);
void register_mount(api::Handlers& h);
void register_fs(api::Handlers& h);
void register_command(api::Handlers& h);
void register_file_content(api::Handlers& h);
void register_augeas(api::Handlers& h);
void register_hivex(api::Handlers& h);
void register_inspect(api::Handlers& h);
void register_devices(api::Handlers& h);
void register_partitions(api::Handlers& h);
void register_lvm(api::Handlers& h);
void register_luks(api::Handlers& h);
void register_md(api::Handlers& h);
void register_blockio(api::Handlers& h);
void register_grep(api::Handlers& h);
void register_filearch(api::Handlers& h);
void register_system(api::Handlers& h);
void register_btrfs_volumes(api::Handlers& h);  // domain/btrfs: make, subvolumes, devices, tune
void register_btrfs_upkeep(api::Handlers& h);   // domain/btrfs: balance, scrub, quotas
void register_misc(api::Handlers& h);           // sfdisk family, df, dmesg, 9p, ntfscat_i
void register_archives(api::Handlers& h);       // domain/archives: archives, boot loaders, rsync
void register_security(api::Handlers& h);     // domain/security: acl_*, cap_*, getcon, setcon
void register_inotify(api::Handlers& h);      // domain/inotify: inotify_*
void register_journal(api::Handlers& h);      // domain/journal: journal_*, internal_journal_get
void register_yara(api::Handlers& h);         // domain/yara: yara_load, yara_destroy, internal_yara_scan
void register_tsk(api::Handlers& h);          // domain/tsk: internal_filesystem_walk, internal_find_inode, download_inode, download_blocks
void register_ldm(api::Handlers& h);          // domain/ldm: ldmtool_*

}  // namespace gfsd::domain
