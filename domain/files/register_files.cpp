#include "domain/files/file_actions.hpp"
#include "domain/register.hpp"

namespace gfsd::domain {

void register_files(api::Handlers& h) {
  h.touch = &touch;
  h.rm = &rm;
  h.rm_f = &rm_f;
  h.rm_rf = &rm_rf;
  h.truncate = &truncate;
  h.chmod = &chmod;
  h.chown = &chown;
  h.mktemp = &mktemp;
  h.mkdtemp = &mkdtemp;
  h.filesize = &filesize;
  h.umask = &umask;
  h.get_umask = &get_umask;
  h.sync = &sync;
  h.truncate_size = &truncate_size;
  h.lchown = &lchown;
  h.utimens = &utimens;

  h.mkdir = &mkdir;
  h.mkdir_p = &mkdir_p;
  h.rmdir = &rmdir;
  h.ls0 = &ls0;
  h.ll = &ll;
  h.llz = &llz;
  h.mkdir_mode = &mkdir_mode;
  h.readdir = &readdir;

  h.exists = &exists;
  h.is_file = &is_file;
  h.is_dir = &is_dir;
  h.is_symlink = &is_symlink;
  h.is_chardev = &is_chardev;
  h.is_blockdev = &is_blockdev;
  h.is_fifo = &is_fifo;
  h.is_socket = &is_socket;

  h.statns = &statns;
  h.lstatns = &lstatns;
  h.internal_lstatnslist = &internal_lstatnslist;
  h.statvfs = &statvfs;

  h.readlink = &readlink;
  h.internal_readlinklist = &internal_readlinklist;
  h.realpath = &realpath;
  h.case_sensitive_path = &case_sensitive_path;
  h.ln = &ln;
  h.ln_f = &ln_f;
  h.ln_s = &ln_s;
  h.ln_sf = &ln_sf;
  h.rename = &rename;

  h.mknod = &mknod;
  h.mkfifo = &mkfifo;
  h.mknod_b = &mknod_b;
  h.mknod_c = &mknod_c;

  h.getxattrs = &getxattrs;
  h.lgetxattrs = &lgetxattrs;
  h.getxattr = &getxattr;
  h.lgetxattr = &lgetxattr;
  h.setxattr = &setxattr;
  h.lsetxattr = &lsetxattr;
  h.removexattr = &removexattr;
  h.lremovexattr = &lremovexattr;
  h.internal_lxattrlist = &internal_lxattrlist;

  h.equal = &equal;
  h.isoinfo = &isoinfo;
  h.isoinfo_device = &isoinfo_device;

  h.pread = &pread;
  h.pwrite = &pwrite;

  h.internal_write = &internal_write;
  h.internal_write_append = &internal_write_append;
  h.write_file = &write_file;
  h.upload = &upload;
  h.download = &download;
}

}  // namespace gfsd::domain
