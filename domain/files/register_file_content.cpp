#include "domain/files/content_actions.hpp"
#include "domain/register.hpp"

namespace gfsd::domain {

void register_file_content(api::Handlers& h) {
  h.copy_attributes = &copy_attributes;
  h.head = &head;
  h.head_n = &head_n;
  h.tail = &tail;
  h.tail_n = &tail_n;
  h.wc_l = &wc_l;
  h.wc_w = &wc_w;
  h.wc_c = &wc_c;
  h.cp = &cp;
  h.cp_a = &cp_a;
  h.cp_r = &cp_r;
  h.mv = &mv;
  h.du = &du;
  h.checksum = &checksum;
  h.checksum_device = &checksum_device;
  h.checksums_out = &checksums_out;
  h.file = &file;
  h.hexdump = &hexdump;
  h.strings = &strings;
  h.strings_e = &strings_e;
  h.tar_in = &tar_in;
  h.tar_out = &tar_out;
  h.tgz_in = &tgz_in;
  h.tgz_out = &tgz_out;
  h.txz_in = &txz_in;
  h.txz_out = &txz_out;
  h.base64_in = &base64_in;
  h.base64_out = &base64_out;
  h.find0 = &find0;
  h.fill = &fill;
  h.glob_expand = &glob_expand;
  h.fill_pattern = &fill_pattern;
  h.fill_dir = &fill_dir;
  h.fallocate = &fallocate;
  h.fallocate64 = &fallocate64;
}

}  // namespace gfsd::domain
