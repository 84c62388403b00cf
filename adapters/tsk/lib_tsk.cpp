#include "adapters/tsk/lib_tsk.hpp"

#include <tsk/libtsk.h>

#include <exception>

#include "adapters/posix/lazy_library.hpp"

namespace gfsd::adapters {

namespace {

#define TSK_FUNCTIONS(X) \
  X(tsk_error_get)       \
  X(tsk_error_get_errno) \
  X(tsk_fs_dir_walk)     \
  X(tsk_fs_open_img)     \
  X(tsk_img_open_sing)

// Loaded on first use: library().get() in every entry point, then lib().
GFSD_LAZY_API(TskApi, TSK_FUNCTIONS, "libtsk.so.19")

// libtsk's message for its last failure (kept per thread), empty when it
// recorded none.
std::string last_error() {
  if (lib().tsk_error_get_errno() == 0) return {};
  const char* text = lib().tsk_error_get();
  return text ? text : "";
}

ports::TskEntry::Type name_type(TSK_FS_NAME_TYPE_ENUM t) {
  using Type = ports::TskEntry::Type;
  switch (t) {
    case TSK_FS_NAME_TYPE_UNDEF:
      return Type::Undef;
    case TSK_FS_NAME_TYPE_FIFO:
      return Type::Fifo;
    case TSK_FS_NAME_TYPE_CHR:
      return Type::Chr;
    case TSK_FS_NAME_TYPE_DIR:
      return Type::Dir;
    case TSK_FS_NAME_TYPE_BLK:
      return Type::Blk;
    case TSK_FS_NAME_TYPE_REG:
      return Type::Reg;
    case TSK_FS_NAME_TYPE_LNK:
      return Type::Lnk;
    case TSK_FS_NAME_TYPE_SOCK:
      return Type::Sock;
    case TSK_FS_NAME_TYPE_SHAD:
      return Type::Shad;
    case TSK_FS_NAME_TYPE_WHT:
      return Type::Wht;
    case TSK_FS_NAME_TYPE_VIRT:
      return Type::Virt;
    case TSK_FS_NAME_TYPE_VIRT_DIR:
      return Type::VirtDir;
  }
  return Type::Other;
}

ports::TskEntry::Meta copy_meta(const TSK_FS_META& m) {
  ports::TskEntry::Meta out;
  out.allocated = (m.flags & TSK_FS_META_FLAG_ALLOC) != 0;
  out.compressed = (m.flags & TSK_FS_META_FLAG_COMP) != 0;
  out.size = m.size;
  out.nlink = m.nlink;
  out.atime = m.atime;
  out.atime_nsec = m.atime_nano;
  out.mtime = m.mtime;
  out.mtime_nsec = m.mtime_nano;
  out.ctime = m.ctime;
  out.ctime_nsec = m.ctime_nano;
  out.crtime = m.crtime;
  out.crtime_nsec = m.crtime_nano;
  if (m.link != nullptr) out.link = m.link;
  return out;
}

// What the C callback needs: the visit, and the error that stopped the walk.
struct WalkState {
  const ports::TskFilesystem::Visit* visit = nullptr;
  Error error;
  bool stopped = false;
};

TSK_WALK_RET_ENUM on_name(TSK_FS_FILE* file, const char* path, void* data) {
  auto& state = *static_cast<WalkState*>(data);
  // Nothing may unwind through libtsk's C frames.
  try {
    const TSK_FS_NAME& n = *file->name;
    ports::TskEntry e;
    e.parent = path != nullptr ? path : "";
    e.name = n.name != nullptr ? n.name : "";
    e.inode = n.meta_addr;
    e.is_root = file->fs_info != nullptr && n.meta_addr == file->fs_info->root_inum;
    e.type = name_type(n.type);
    e.unallocated = (n.flags & TSK_FS_NAME_FLAG_UNALLOC) != 0;
    ports::TskEntry::Meta meta;
    if (file->meta != nullptr) {
      meta = copy_meta(*file->meta);
      e.meta = &meta;
    }
    auto r = (*state.visit)(e);
    if (r) return TSK_WALK_CONT;
    state.error = r.error();
  } catch (const std::exception& ex) {
    state.error = Error{0, std::string("internal error: ") + ex.what()};
  }
  state.stopped = true;
  return TSK_WALK_ERROR;
}

class LibTskFilesystem final : public ports::TskFilesystem {
 public:
  explicit LibTskFilesystem(TSK_FS_INFO* fs) : fs_(fs) {}
  ~LibTskFilesystem() override { fs_->close(fs_); }
  LibTskFilesystem(const LibTskFilesystem&) = delete;
  LibTskFilesystem& operator=(const LibTskFilesystem&) = delete;

  Result<void> walk(const Visit& visit) override {
    const auto flags = static_cast<TSK_FS_DIR_WALK_FLAG_ENUM>(
        TSK_FS_DIR_WALK_FLAG_ALLOC | TSK_FS_DIR_WALK_FLAG_UNALLOC | TSK_FS_DIR_WALK_FLAG_RECURSE |
        TSK_FS_DIR_WALK_FLAG_NOORPHAN);
    WalkState state;
    state.visit = &visit;
    if (lib().tsk_fs_dir_walk(fs_, fs_->root_inum, flags, &on_name, &state) == 0) return {};
    if (state.stopped) return tl::unexpected<Error>(state.error);
    return fail(last_error());
  }

 private:
  TSK_FS_INFO* fs_;
};

class LibTskImage final : public ports::TskImage {
 public:
  explicit LibTskImage(TSK_IMG_INFO* img) : img_(img) {}
  ~LibTskImage() override { img_->close(img_); }
  LibTskImage(const LibTskImage&) = delete;
  LibTskImage& operator=(const LibTskImage&) = delete;

  Result<std::unique_ptr<ports::TskFilesystem>> open_filesystem() override {
    TSK_FS_INFO* fs = lib().tsk_fs_open_img(img_, 0, TSK_FS_TYPE_DETECT);
    if (fs == nullptr) return fail(last_error());
    return std::unique_ptr<ports::TskFilesystem>(std::make_unique<LibTskFilesystem>(fs));
  }

 private:
  TSK_IMG_INFO* img_;
};

}  // namespace

bool LibTsk::available() { return library().get().has_value(); }

Result<std::unique_ptr<ports::TskImage>> LibTsk::open_image(const std::string& device) {
  // Loaded here, before any fork, on the first use.
  if (auto api = library().get(); !api) return forward(api.error());
  TSK_IMG_INFO* img = lib().tsk_img_open_sing(device.c_str(), TSK_IMG_TYPE_DETECT, 0);
  if (img == nullptr) return fail(last_error());
  return std::unique_ptr<ports::TskImage>(std::make_unique<LibTskImage>(img));
}

}  // namespace gfsd::adapters
