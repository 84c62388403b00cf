// ports::Filesystem on the real guest tree under the sysroot.
//
// Every guest path is resolved with openat2(RESOLVE_IN_ROOT) relative to a
// fresh descriptor of the sysroot, so absolute symlinks, relative symlinks and
// ".." components all stay inside it, without forking or chroot(2).
// Operations that must not follow a final symlink resolve the parent that
// way and then act on the last component with an *at() call.
#pragma once

#include <string>

#include "ports/filesystem.hpp"

namespace gfsd::adapters {

class PosixFilesystem final : public ports::Filesystem {
 public:
  // sysroot: "/sysroot", or "" in live mode (the guest is "/").
  explicit PosixFilesystem(std::string sysroot);

  Result<std::unique_ptr<ports::File>> open(const std::string& path, ports::OpenFor how,
                                            uint32_t create_mode) override;
  Result<ports::FileStat> stat(const std::string& path, bool follow) override;
  Result<ports::FsStat> statvfs(const std::string& path) override;
  Result<std::vector<std::string>> list_dir(const std::string& path) override;
  Result<std::vector<ports::DirEntry>> read_dir(const std::string& path) override;
  Result<std::string> readlink(const std::string& path) override;
  Result<std::vector<ports::XattrEntry>> list_xattrs(const std::string& path) override;
  Result<std::vector<std::string>> list_xattr_names(const std::string& path,
                                                    bool follow) override;
  Result<std::string> get_xattr(const std::string& path, const std::string& name,
                                bool follow) override;
  Result<void> set_xattr(const std::string& path, const std::string& name,
                         const std::string& value, bool follow) override;
  Result<void> remove_xattr(const std::string& path, const std::string& name,
                            bool follow) override;
  Result<std::string> realpath(const std::string& path) override;

  Result<void> mkdir(const std::string& path, uint32_t mode) override;
  Result<void> rmdir(const std::string& path) override;
  Result<void> unlink(const std::string& path) override;
  Result<void> remove_tree(const std::string& path) override;
  Result<void> symlink(const std::string& target, const std::string& path,
                       bool replace) override;
  Result<void> link(const std::string& existing, const std::string& path) override;
  Result<void> rename(const std::string& from, const std::string& to) override;
  Result<void> mknod(const std::string& path, uint32_t mode, uint32_t dev_major,
                     uint32_t dev_minor) override;
  Result<void> chmod(const std::string& path, uint32_t mode) override;
  Result<void> chown(const std::string& path, int64_t uid, int64_t gid, bool follow) override;
  Result<std::string> pread(const std::string& path, size_t count, int64_t offset) override;
  Result<size_t> pwrite(const std::string& path, const std::string& data,
                        int64_t offset) override;
  Result<void> truncate(const std::string& path, int64_t size) override;
  Result<void> set_times(const std::string& path, int64_t atime_sec, int64_t atime_nsec,
                         int64_t mtime_sec, int64_t mtime_nsec) override;
  Result<void> touch(const std::string& path) override;
  Result<std::string> make_temp(const std::string& tmpl, size_t suffix_len) override;
  Result<std::string> make_temp_dir(const std::string& tmpl) override;
  uint32_t set_umask(uint32_t mask) override;
  Result<void> sync() override;
  Result<std::vector<std::string>> glob(const std::string& pattern, bool mark) override;

 private:
  std::string root_;  // host path of the guest's "/"
};

}  // namespace gfsd::adapters
