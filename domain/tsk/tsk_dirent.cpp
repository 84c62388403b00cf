#include "domain/tsk/tsk_dirent.hpp"

#include <string>

namespace gfsd::domain {

bool tsk_skips_entry(const ports::TskEntry& e) {
  const bool dot = e.name == "." || e.name == "..";
  return dot && !(e.is_root && e.name == ".");
}

char tsk_type_letter(ports::TskEntry::Type t) {
  using Type = ports::TskEntry::Type;
  switch (t) {
    case Type::Fifo:
      return 'f';
    case Type::Chr:
      return 'c';
    case Type::Dir:
      return 'd';
    case Type::Blk:
      return 'b';
    case Type::Reg:
      return 'r';
    case Type::Lnk:
      return 'l';
    case Type::Sock:
      return 's';
    case Type::Shad:
      return 'h';
    case Type::Wht:
      return 'w';
    case Type::Undef:
    case Type::Virt:
    case Type::VirtDir:
    case Type::Other:
      return 'u';
  }
  return 'u';
}

uint32_t tsk_flags(const ports::TskEntry& e) {
  uint32_t flags = kTskUnallocated;
  if (!e.unallocated)
    flags |= kTskAllocated;
  else if (e.meta != nullptr && e.meta->allocated)
    flags |= kTskReallocated;
  if (e.meta != nullptr && e.meta->compressed) flags |= kTskCompressed;
  return flags;
}

void encode_tsk_dirent(const ports::TskEntry& e, XdrRecord& out) {
  std::string name;
  name.reserve(e.parent.size() + e.name.size());
  name.append(e.parent).append(e.name);

  // Without metadata the size reads -1 and the times 0.
  static const ports::TskEntry::Meta kNoMeta = [] {
    ports::TskEntry::Meta m;
    m.size = -1;
    return m;
  }();
  const ports::TskEntry::Meta& m = e.meta != nullptr ? *e.meta : kNoMeta;

  // Field order of struct guestfs_int_tsk_dirent (generator/structs.ml).
  out.u64(e.inode);
  out.character(tsk_type_letter(e.type));
  out.i64(m.size);
  out.opaque(name);
  out.u32(tsk_flags(e));
  out.i64(m.atime);
  out.i64(m.atime_nsec);
  out.i64(m.mtime);
  out.i64(m.mtime_nsec);
  out.i64(m.ctime);
  out.i64(m.ctime_nsec);
  out.i64(m.crtime);
  out.i64(m.crtime_nsec);
  out.i64(m.nlink);
  out.opaque(m.link);
  out.i64(0);  // tsk_spare1
}

}  // namespace gfsd::domain
