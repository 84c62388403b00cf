#include "domain/blockio/blockio_actions.hpp"
#include "domain/register.hpp"

namespace gfsd::domain {

void register_blockio(api::Handlers& h) {
  h.pread_device = &pread_device;
  h.pwrite_device = &pwrite_device;
  h.copy_device_to_device = &copy_device_to_device;
  h.copy_device_to_file = &copy_device_to_file;
  h.copy_file_to_device = &copy_file_to_device;
  h.copy_file_to_file = &copy_file_to_file;
  h.copy_size = &copy_size;
  h.dd = &dd;
  h.upload_offset = &upload_offset;
  h.download_offset = &download_offset;
  h.blkdiscard = &blkdiscard;
  h.blkdiscardzeroes = &blkdiscardzeroes;
  h.fstrim = &fstrim;
  h.is_whole_device = &is_whole_device;
}

}  // namespace gfsd::domain
