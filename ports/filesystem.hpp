// The guest filesystem tree under the sysroot. Every path is a guest path
// (absolute, as the library passes it); adapters must keep the resolution
// of every component, symlinks included, inside the sysroot.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "ports/result.hpp"

namespace gfsd::ports {

struct FileStat {
  int64_t dev = 0, ino = 0, mode = 0, nlink = 0, uid = 0, gid = 0, rdev = 0;
  int64_t size = 0, blksize = 0, blocks = 0;
  int64_t atime_sec = 0, atime_nsec = 0, mtime_sec = 0, mtime_nsec = 0;
  int64_t ctime_sec = 0, ctime_nsec = 0;
};

struct FsStat {
  int64_t bsize = 0, frsize = 0, blocks = 0, bfree = 0, bavail = 0;
  int64_t files = 0, ffree = 0, favail = 0, fsid = 0, flag = 0, namemax = 0;
};

struct XattrEntry {
  std::string name;
  std::string value;
};

// What a directory entry says it is (d_type); Unknown when the filesystem does not say.
enum class EntryType {
  Unknown,
  Regular,
  Directory,
  Symlink,
  BlockDevice,
  CharDevice,
  Fifo,
  Socket,
  Other,
};

struct DirEntry {
  int64_t ino = 0;
  EntryType type = EntryType::Unknown;
  std::string name;
};

// An open file (or device).
class File {
 public:
  virtual ~File() = default;
  // Up to n bytes; 0 at end of file.
  virtual Result<size_t> read(char* buf, size_t n) = 0;
  virtual Result<void> write(const char* buf, size_t n) = 0;
  virtual Result<void> seek(int64_t offset) = 0;
  // Closing reports errors that writes deferred (NFS, full disks).
  virtual Result<void> close() = 0;
};

enum class OpenFor {
  Read,
  WriteTruncate,  // create or truncate
  WriteAppend,    // create or append
  WriteExisting,  // must exist, no truncation (devices, offsets)
  WriteCreate,    // create if missing, no truncation (writes at an offset)
};

// Errors read "<path>: <strerror>" (perror style, the guest path), except
// where a method says it names the failing step: "open: <path>: ...".
class Filesystem {
 public:
  virtual ~Filesystem() = default;

  virtual Result<std::unique_ptr<File>> open(const std::string& path, OpenFor how,
                                             uint32_t create_mode = 0666) = 0;
  virtual Result<FileStat> stat(const std::string& path, bool follow) = 0;
  virtual Result<FsStat> statvfs(const std::string& path) = 0;
  // Entry names without "." and "..", in directory order.
  virtual Result<std::vector<std::string>> list_dir(const std::string& path) = 0;
  // Every entry, "." and ".." included, in directory order.
  virtual Result<std::vector<DirEntry>> read_dir(const std::string& path) = 0;
  virtual Result<std::string> readlink(const std::string& path) = 0;
  virtual Result<std::vector<XattrEntry>> list_xattrs(const std::string& path) = 0;  // no follow
  // Attribute names, in kernel order, of the path's target (follow) or of the entry itself.
  virtual Result<std::vector<std::string>> list_xattr_names(const std::string& path,
                                                            bool follow) = 0;
  // One attribute's value.
  virtual Result<std::string> get_xattr(const std::string& path, const std::string& name,
                                        bool follow) = 0;
  // Creates or replaces one attribute; a value over the kernel's size limit fails with E2BIG.
  virtual Result<void> set_xattr(const std::string& path, const std::string& name,
                                 const std::string& value, bool follow) = 0;
  virtual Result<void> remove_xattr(const std::string& path, const std::string& name,
                                    bool follow) = 0;
  // The canonical guest path (symlinks, "." and ".." resolved inside the sysroot).
  virtual Result<std::string> realpath(const std::string& path) = 0;

  virtual Result<void> mkdir(const std::string& path, uint32_t mode) = 0;
  virtual Result<void> rmdir(const std::string& path) = 0;
  virtual Result<void> unlink(const std::string& path) = 0;
  // Removes a file or a whole tree, never following symlinks; a missing path is
  // not an error. The error is about the first entry that could not be removed:
  // Error::path is that entry (a guest path), the message "<entry>: <strerror>".
  virtual Result<void> remove_tree(const std::string& path) = 0;
  // Makes a symlink at path (its last component is never followed). replace: an existing
  // non-directory is swapped for it atomically (made under a temporary name, then renamed over).
  virtual Result<void> symlink(const std::string& target, const std::string& path,
                               bool replace) = 0;
  // A hard link to existing (a final symlink in existing is not followed, as link(2) on Linux).
  virtual Result<void> link(const std::string& existing, const std::string& path) = 0;
  // rename(2); the error names `to`.
  virtual Result<void> rename(const std::string& from, const std::string& to) = 0;
  // mknod(2): mode holds the file type and permissions (umask applies).
  virtual Result<void> mknod(const std::string& path, uint32_t mode, uint32_t dev_major,
                             uint32_t dev_minor) = 0;
  virtual Result<void> chmod(const std::string& path, uint32_t mode) = 0;  // follows
  virtual Result<void> chown(const std::string& path, int64_t uid, int64_t gid, bool follow) = 0;
  // One pread(2) of up to count bytes (open for reading, follows symlinks); names the step.
  virtual Result<std::string> pread(const std::string& path, size_t count, int64_t offset) = 0;
  // One pwrite(2) (open for writing, no create, follows); the bytes written; names the step.
  virtual Result<size_t> pwrite(const std::string& path, const std::string& data,
                                int64_t offset) = 0;
  // Opens for writing (no create, follows symlinks), then ftruncate; names the step.
  virtual Result<void> truncate(const std::string& path, int64_t size) = 0;
  // utimensat(2) on the entry itself (no follow); nsec may be UTIME_NOW or UTIME_OMIT.
  virtual Result<void> set_times(const std::string& path, int64_t atime_sec, int64_t atime_nsec,
                                 int64_t mtime_sec, int64_t mtime_nsec) = 0;
  // Creates the file if missing, and sets its times to now (open, futimens, close);
  // names the step.
  virtual Result<void> touch(const std::string& path) = 0;
  // mkstemp: tmpl ends in XXXXXX (and then the suffix); returns the guest path made.
  // The error names the last name tried, as mkstemps leaves it.
  virtual Result<std::string> make_temp(const std::string& tmpl, size_t suffix_len) = 0;
  // mkdtemp: tmpl ends in XXXXXX; makes a directory of mode 0700 (umask applies) and
  // returns its guest path. The error names tmpl as given, as the original's does.
  virtual Result<std::string> make_temp_dir(const std::string& tmpl) = 0;
  // Sets the process umask (it governs files the daemon creates); returns the old one.
  virtual uint32_t set_umask(uint32_t mask) = 0;
  virtual Result<void> sync() = 0;
  // glob(3) inside the sysroot with brace expansion; mark: a '/' after each
  // directory. Sorted; no match is an empty list. Errors: "<pattern>: <strerror>",
  // or "glob failed: <pattern>" when glob gives no errno.
  virtual Result<std::vector<std::string>> glob(const std::string& pattern, bool mark) = 0;
};

}  // namespace gfsd::ports
