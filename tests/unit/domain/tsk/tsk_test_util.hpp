// Shared bits of the TSK tests: expected XDR bytes built independently of
// domain::XdrRecord, and names for scripted walks.
#pragma once

#include <cstdint>
#include <string>

#include "support/mock_tsk.hpp"

namespace gfsd::domain::test {

// Big-endian words and padded strings, written out by hand.
struct Bytes {
  std::string s;
  Bytes& w32(uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8)
      s.push_back(static_cast<char>((v >> shift) & 0xff));
    return *this;
  }
  Bytes& w64(uint64_t v) {
    return w32(static_cast<uint32_t>(v >> 32)).w32(static_cast<uint32_t>(v));
  }
  Bytes& str(const std::string& v) {
    w32(static_cast<uint32_t>(v.size()));
    s += v;
    s.append((4 - v.size() % 4) % 4, '\0');
    return *this;
  }
};

inline ports::TskEntry::Meta meta_of(int64_t size, bool allocated = true) {
  ports::TskEntry::Meta m;
  m.allocated = allocated;
  m.size = size;
  m.nlink = 1;
  m.atime = 1000;
  m.atime_nsec = 1;
  m.mtime = 2000;
  m.mtime_nsec = 2;
  m.ctime = 3000;
  m.ctime_nsec = 3;
  m.crtime = 4000;
  m.crtime_nsec = 4;
  return m;
}

// A name with metadata; a regular file unless said otherwise.
inline mocks::ScriptedName name_of(std::string parent, std::string name, uint64_t inode,
                                   ports::TskEntry::Type type = ports::TskEntry::Type::Reg) {
  mocks::ScriptedName n;
  n.parent = std::move(parent);
  n.name = std::move(name);
  n.inode = inode;
  n.type = type;
  n.meta = meta_of(10);
  return n;
}

// The record of a name_of() entry (size 10, the times of meta_of), as
// bytes: inode, type, size, name, flags, the eight time words, nlink, link, spare.
inline std::string record_of(const std::string& path, uint64_t inode, char type, uint32_t flags = 1,
                             int64_t size = 10, const std::string& link = "") {
  Bytes b;
  b.w64(inode)
      .w32(static_cast<uint32_t>(type))
      .w64(static_cast<uint64_t>(size))
      .str(path)
      .w32(flags);
  b.w64(1000).w64(1).w64(2000).w64(2).w64(3000).w64(3).w64(4000).w64(4);
  b.w64(1).str(link).w64(0);
  return b.s;
}

}  // namespace gfsd::domain::test
