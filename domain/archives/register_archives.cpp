#include "domain/archives/archive_actions.hpp"
#include "domain/register.hpp"

namespace gfsd::domain {

void register_archives(api::Handlers& h) {
  h.compress_out = &compress_out;
  h.compress_device_out = &compress_device_out;
  h.cpio_out = &cpio_out;
  h.mksquashfs = &mksquashfs;

  h.syslinux = &syslinux;
  h.extlinux = &extlinux;
  h.grub_install = &grub_install;

  h.rsync = &rsync;
  h.rsync_in = &rsync_in;
  h.rsync_out = &rsync_out;
}

}  // namespace gfsd::domain
