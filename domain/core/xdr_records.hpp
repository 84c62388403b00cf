// XDR records that some FileOut actions stream as their file content
// (internal_journal_get, internal_yara_scan, internal_filesystem_walk,
// internal_find_inode): the library reads the downloaded file back with its
// xdr_guestfs_int_* functions, so each record is built exactly as rpcgen's code
// would encode the struct (RFC 4506: big-endian words, 4-byte padding).
//
// Not the protocol's encoder (proto/xdr.hpp): the domain may not see the
// protocol layer, and these records are file content, unbounded and built one
// at a time, not reply messages in a fixed buffer.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gfsd::domain {

class XdrRecord {
 public:
  void u32(uint32_t v);
  void i64(int64_t v) { u64(static_cast<uint64_t>(v)); }
  void u64(uint64_t v);
  void character(char c) { u32(static_cast<uint32_t>(static_cast<int32_t>(c))); }  // rpcgen's char
  void opaque(std::string_view bytes);  // string<> and opaque<>: length, bytes, padding

  const std::string& bytes() const { return out_; }
  void clear() { out_.clear(); }

 private:
  std::string out_;
};

}  // namespace gfsd::domain
