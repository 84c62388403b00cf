#include "domain/register.hpp"

namespace gfsd::domain {

void register_all(api::Handlers& h) {
  register_internal(h);
  register_files(h);
  register_mount(h);
  register_fs(h);
  register_command(h);
  register_file_content(h);
  register_augeas(h);
  register_hivex(h);
  register_inspect(h);
  register_devices(h);
  register_partitions(h);
  register_lvm(h);
  register_luks(h);
  register_md(h);
  register_blockio(h);
  register_grep(h);
  register_filearch(h);
  register_system(h);
  register_btrfs_volumes(h);
  register_btrfs_upkeep(h);
  register_misc(h);
  register_archives(h);
  register_security(h);
  register_inotify(h);
  register_journal(h);
  register_yara(h);
  register_tsk(h);
  register_ldm(h);
}

}  // namespace gfsd::domain
