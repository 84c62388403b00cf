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
  h.filesize = &filesize;
  h.umask = &umask;
  h.sync = &sync;

  h.mkdir = &mkdir;
  h.mkdir_p = &mkdir_p;
  h.rmdir = &rmdir;
  h.ls0 = &ls0;
  h.ll = &ll;

  h.exists = &exists;
  h.is_file = &is_file;
  h.is_dir = &is_dir;
  h.is_symlink = &is_symlink;

  h.statns = &statns;
  h.lstatns = &lstatns;
  h.internal_lstatnslist = &internal_lstatnslist;
  h.statvfs = &statvfs;

  h.readlink = &readlink;
  h.internal_readlinklist = &internal_readlinklist;

  h.lgetxattrs = &lgetxattrs;
  h.internal_lxattrlist = &internal_lxattrlist;

  h.internal_write = &internal_write;
  h.internal_write_append = &internal_write_append;
  h.upload = &upload;
  h.download = &download;
}

}  // namespace gfsd::domain
