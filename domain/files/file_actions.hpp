// The file and directory actions (register_files puts them in the table),
// and the small helpers they share.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "api.hpp"
#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// file_ops.cpp
Result<void> touch(Ctx& ctx, const std::string& path);
Result<void> rm(Ctx& ctx, const std::string& path);
Result<void> rm_f(Ctx& ctx, const std::string& path);
Result<void> rm_rf(Ctx& ctx, const std::string& path);
Result<void> truncate(Ctx& ctx, const std::string& path);
Result<void> chmod(Ctx& ctx, int32_t mode, const std::string& path);
Result<void> chown(Ctx& ctx, int32_t owner, int32_t group, const std::string& path);
Result<std::string> mktemp(Ctx& ctx, const std::string& tmpl, const api::opt::mktemp& opts);
Result<int64_t> filesize(Ctx& ctx, const std::string& path);
Result<int32_t> umask(Ctx& ctx, int32_t mask);
Result<int32_t> get_umask(Ctx& ctx);
Result<void> sync(Ctx& ctx);
Result<void> truncate_size(Ctx& ctx, const std::string& path, int64_t size);
Result<void> lchown(Ctx& ctx, int32_t owner, int32_t group, const std::string& path);
Result<void> utimens(Ctx& ctx, const std::string& path, int64_t atsecs, int64_t atnsecs,
                     int64_t mtsecs, int64_t mtnsecs);

// dir_ops.cpp
Result<void> mkdir(Ctx& ctx, const std::string& path);
Result<void> mkdir_p(Ctx& ctx, const std::string& path);
Result<void> rmdir(Ctx& ctx, const std::string& path);
Result<void> ls0(Ctx& ctx, const std::string& dir);
Result<std::string> ll(Ctx& ctx, const std::string& path);
Result<std::string> llz(Ctx& ctx, const std::string& path);
Result<void> mkdir_mode(Ctx& ctx, const std::string& path, int32_t mode);
Result<std::vector<api::Dirent>> readdir(Ctx& ctx, const std::string& dir);

// tests_is.cpp
Result<bool> exists(Ctx& ctx, const std::string& path);
Result<bool> is_file(Ctx& ctx, const std::string& path, const api::opt::is_file& opts);
Result<bool> is_dir(Ctx& ctx, const std::string& path, const api::opt::is_dir& opts);
Result<bool> is_symlink(Ctx& ctx, const std::string& path);
Result<bool> is_chardev(Ctx& ctx, const std::string& path, const api::opt::is_chardev& opts);
Result<bool> is_blockdev(Ctx& ctx, const std::string& path, const api::opt::is_blockdev& opts);
Result<bool> is_fifo(Ctx& ctx, const std::string& path, const api::opt::is_fifo& opts);
Result<bool> is_socket(Ctx& ctx, const std::string& path, const api::opt::is_socket& opts);

// equal.cpp
Result<bool> equal(Ctx& ctx, const std::string& file1, const std::string& file2);

// mkdtemp.cpp
Result<std::string> mkdtemp(Ctx& ctx, const std::string& tmpl);

// isoinfo.cpp
Result<api::Isoinfo> isoinfo(Ctx& ctx, const std::string& isofile);
Result<api::Isoinfo> isoinfo_device(Ctx& ctx, const std::string& device);

// stat_ops.cpp
Result<api::Statns> statns(Ctx& ctx, const std::string& path);
Result<api::Statns> lstatns(Ctx& ctx, const std::string& path);
Result<std::vector<api::Statns>> internal_lstatnslist(Ctx& ctx, const std::string& path,
                                                      const std::vector<std::string>& names);
Result<api::Statvfs> statvfs(Ctx& ctx, const std::string& path);

// link_ops.cpp
Result<std::string> readlink(Ctx& ctx, const std::string& path);
Result<std::vector<std::string>> internal_readlinklist(Ctx& ctx, const std::string& path,
                                                       const std::vector<std::string>& names);
Result<std::string> realpath(Ctx& ctx, const std::string& path);
Result<std::string> case_sensitive_path(Ctx& ctx, const std::string& path);
Result<void> ln(Ctx& ctx, const std::string& target, const std::string& linkname);
Result<void> ln_f(Ctx& ctx, const std::string& target, const std::string& linkname);
Result<void> rename(Ctx& ctx, const std::string& oldpath, const std::string& newpath);

// symlink_ops.cpp
Result<void> ln_s(Ctx& ctx, const std::string& target, const std::string& linkname);
Result<void> ln_sf(Ctx& ctx, const std::string& target, const std::string& linkname);

// node_ops.cpp
Result<void> mknod(Ctx& ctx, int32_t mode, int32_t devmajor, int32_t devminor,
                   const std::string& path);
Result<void> mkfifo(Ctx& ctx, int32_t mode, const std::string& path);
Result<void> mknod_b(Ctx& ctx, int32_t mode, int32_t devmajor, int32_t devminor,
                     const std::string& path);
Result<void> mknod_c(Ctx& ctx, int32_t mode, int32_t devmajor, int32_t devminor,
                     const std::string& path);

// offset_io.cpp
Result<std::string> pread(Ctx& ctx, const std::string& path, int32_t count, int64_t offset);
Result<int32_t> pwrite(Ctx& ctx, const std::string& path, const std::string& content,
                       int64_t offset);

// xattr_ops.cpp
Result<std::vector<api::Xattr>> getxattrs(Ctx& ctx, const std::string& path);
Result<std::vector<api::Xattr>> lgetxattrs(Ctx& ctx, const std::string& path);
Result<std::string> getxattr(Ctx& ctx, const std::string& path, const std::string& name);
Result<std::string> lgetxattr(Ctx& ctx, const std::string& path, const std::string& name);
Result<void> setxattr(Ctx& ctx, const std::string& xattr, const std::string& val, int32_t vallen,
                      const std::string& path);
Result<void> lsetxattr(Ctx& ctx, const std::string& xattr, const std::string& val,
                       int32_t vallen, const std::string& path);
Result<void> removexattr(Ctx& ctx, const std::string& xattr, const std::string& path);
Result<void> lremovexattr(Ctx& ctx, const std::string& xattr, const std::string& path);
Result<std::vector<api::Xattr>> internal_lxattrlist(Ctx& ctx, const std::string& path,
                                                    const std::vector<std::string>& names);

// transfer.cpp
Result<void> internal_write(Ctx& ctx, const std::string& path, const std::string& content);
Result<void> internal_write_append(Ctx& ctx, const std::string& path, const std::string& content);
Result<void> write_file(Ctx& ctx, const std::string& path, const std::string& content,
                        int32_t size);
Result<void> upload(Ctx& ctx, const api::DevOrPath& file);
// The FileIn stream written to an open file, which is then closed (upload,
// upload_offset); `name` is the target as the messages show it.
// A failing close is reported as `close_context` + ": " + strerror (the
// original words it "close" for upload, "close: <name>" for debug_upload).
Result<void> receive_upload_into(Ctx& ctx, ports::File& file, const std::string& name,
                                 const std::string& close_context = "close");
Result<void> download(Ctx& ctx, const api::DevOrPath& file);

namespace files {

// File type bits of st_mode (Linux values; the domain includes no OS headers).
inline constexpr int64_t kTypeMask = 0170000;
inline constexpr int64_t kTypeRegular = 0100000;
inline constexpr int64_t kTypeDirectory = 0040000;
inline constexpr int64_t kTypeSymlink = 0120000;
inline constexpr int64_t kTypeFifo = 0010000;
inline constexpr int64_t kTypeCharDevice = 0020000;
inline constexpr int64_t kTypeBlockDevice = 0060000;
inline constexpr int64_t kTypeSocket = 0140000;

inline bool has_type(int64_t mode, int64_t type) { return (mode & kTypeMask) == type; }

// "<dir>/<name>", without doubling the slash of "/".
inline std::string join_path(const std::string& dir, const std::string& name) {
  if (!dir.empty() && dir.back() == '/') return dir + name;
  return dir + "/" + name;
}

// The original's numbers in messages are printed with %o.
inline std::string octal(uint32_t v) {
  std::string s;
  do {
    s.insert(s.begin(), static_cast<char>('0' + (v & 7)));
    v >>= 3;
  } while (v != 0);
  return s;
}

}  // namespace files

}  // namespace gfsd::domain
