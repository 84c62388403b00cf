// The Sleuth Kit (libtsk): a walk over every name of a filesystem, deleted ones
// included, read straight from the device (internal_filesystem_walk,
// internal_find_inode).
//
// Opening takes two steps, image then filesystem, because the two failures
// are reported differently, and the caller sends its reply between opening
// and walking.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "ports/result.hpp"

namespace gfsd::ports {

// One name met by the walk, copied out of libtsk's structures; the views are
// valid for the duration of the visit only.
struct TskEntry {
  // libtsk's name types (TSK_FS_NAME_TYPE_ENUM) in its order; Other for a
  // value libtsk has no short name for.
  enum class Type : uint8_t {
    Undef,
    Fifo,
    Chr,
    Dir,
    Blk,
    Reg,
    Lnk,
    Sock,
    Shad,
    Wht,
    Virt,
    VirtDir,
    Other
  };

  // The metadata (inode) the name points to, when libtsk could read it.
  struct Meta {
    bool allocated = false;   // the inode is in use
    bool compressed = false;  // its content is stored compressed
    int64_t size = 0;
    int64_t nlink = 0;
    int64_t atime = 0, atime_nsec = 0;
    int64_t mtime = 0, mtime_nsec = 0;
    int64_t ctime = 0, ctime_nsec = 0;
    int64_t crtime = 0, crtime_nsec = 0;
    std::string_view link;  // a symbolic link's target; empty when there is none
  };

  std::string_view parent;  // the directory's path as libtsk gives it: "" at the root, "a/b/" below
  std::string_view name;
  uint64_t inode = 0;    // the address of the metadata the name points to
  bool is_root = false;  // inode is the filesystem's root directory
  Type type = Type::Undef;
  bool unallocated = false;  // the name itself is unallocated (a deleted entry)
  const Meta* meta = nullptr;
};

class TskFilesystem {
 public:
  virtual ~TskFilesystem() = default;
  using Visit = std::function<Result<void>(const TskEntry&)>;
  // Every name from the root directory down (subdirectories recursed into),
  // allocated and unallocated, without libtsk's virtual orphan directory, in
  // libtsk's order; "." and ".." entries included. A visit that fails stops
  // the walk and its error is returned as is; a failure of libtsk's own is
  // returned with libtsk's message.
  virtual Result<void> walk(const Visit& visit) = 0;
};

class TskImage {
 public:
  virtual ~TskImage() = default;
  // The filesystem on the image, its type detected. A failure's message is
  // libtsk's error text, empty when libtsk recorded none. The image must
  // outlive the filesystem.
  virtual Result<std::unique_ptr<TskFilesystem>> open_filesystem() = 0;
};

class SleuthKit {
 public:
  virtual ~SleuthKit() = default;
  // Whether libtsk can be loaded: the libtsk feature group is reported
  // unavailable otherwise (domain/internal/features.cpp).
  virtual bool available() = 0;
  // An appliance device opened as a disk image, its format detected. A
  // failure's message is libtsk's error text, empty when libtsk recorded none.
  virtual Result<std::unique_ptr<TskImage>> open_image(const std::string& device) = 0;
};

}  // namespace gfsd::ports
