#include "proto/xdr.hpp"

#include <algorithm>
#include <cstring>

#include "proto/be32.hpp"

namespace gfsd::proto {

// RFC 4506 on a memory buffer, as libtirpc's xdrmem streams encode it (the
// daemon once used those; the bytes are the same): big-endian 4-byte units,
// hypers as two of them high first, opaque data zero-padded to 4, chars
// widened to a signed int. No library: the call path stays inline, and the
// daemon does not pull in libtirpc and, through it, the Kerberos libraries.

namespace {

inline size_t padded(size_t n) { return (n + 3) & ~size_t{3}; }

}  // namespace

// ---- encoding -------------------------------------------------------------------

XdrEncoder::XdrEncoder(char* buf, size_t cap) : buf_(buf), cap_(cap) {}

bool XdrEncoder::put(uint32_t v) {
  if (!ok_ || cap_ - pos_ < 4) return ok_ = false;
  put_be32(buf_ + pos_, v);
  pos_ += 4;
  return true;
}
bool XdrEncoder::put(int32_t v) { return put(static_cast<uint32_t>(v)); }
bool XdrEncoder::put(uint64_t v) {
  return put(static_cast<uint32_t>(v >> 32)) && put(static_cast<uint32_t>(v));
}
bool XdrEncoder::put(int64_t v) { return put(static_cast<uint64_t>(v)); }
bool XdrEncoder::put(bool v) { return put(uint32_t{v ? 1u : 0u}); }
bool XdrEncoder::put(float v) {
  uint32_t bits;
  static_assert(sizeof bits == sizeof v);
  std::memcpy(&bits, &v, sizeof bits);
  return put(bits);
}
bool XdrEncoder::put_char(char v) { return put(static_cast<int32_t>(v)); }

// n bytes and zeros up to the next multiple of 4.
bool XdrEncoder::put_opaque(const char* data, size_t n) {
  const size_t total = padded(n);
  if (!ok_ || total < n || cap_ - pos_ < total) return ok_ = false;
  if (n > 0) std::memcpy(buf_ + pos_, data, n);
  std::memset(buf_ + pos_ + n, 0, total - n);
  pos_ += total;
  return true;
}

bool XdrEncoder::put_raw(const char* data, size_t n) {
  if (n > UINT32_MAX) return ok_ = false;
  return put(static_cast<uint32_t>(n)) && put_opaque(data, n);
}
bool XdrEncoder::put(const std::string& s) { return put_raw(s.data(), s.size()); }

// opaque[n]: s cut or zero-filled to n bytes, then padded.
bool XdrEncoder::put_fixed(const std::string& s, size_t n) {
  const size_t have = std::min(s.size(), n);
  const size_t total = padded(n);
  if (!ok_ || total < n || cap_ - pos_ < total) return ok_ = false;
  std::memcpy(buf_ + pos_, s.data(), have);
  std::memset(buf_ + pos_ + have, 0, total - have);
  pos_ += total;
  return true;
}

bool XdrEncoder::put(const std::vector<std::string>& v) {
  if (!put(static_cast<uint32_t>(v.size()))) return false;
  for (const auto& s : v)
    if (!put(s)) return false;
  return true;
}

bool XdrEncoder::put(const std::vector<std::pair<std::string, std::string>>& kv) {
  if (!put(static_cast<uint32_t>(kv.size() * 2))) return false;
  for (const auto& [k, v] : kv)
    if (!put(k) || !put(v)) return false;
  return true;
}

bool XdrEncoder::put(const std::optional<std::string>& s) {
  if (!put(s.has_value())) return false;
  return !s || put(*s);
}

// ---- decoding -------------------------------------------------------------------

XdrDecoder::XdrDecoder(const char* buf, size_t len) : buf_(buf), len_(len) {}

bool XdrDecoder::get(uint32_t& v) {
  if (len_ - pos_ < 4) return false;
  v = get_be32(buf_ + pos_);
  pos_ += 4;
  return true;
}
bool XdrDecoder::get(int32_t& v) {
  uint32_t u;
  if (!get(u)) return false;
  v = static_cast<int32_t>(u);
  return true;
}
bool XdrDecoder::get(uint64_t& v) {
  if (len_ - pos_ < 8) return false;
  v = (uint64_t{get_be32(buf_ + pos_)} << 32) | get_be32(buf_ + pos_ + 4);
  pos_ += 8;
  return true;
}
bool XdrDecoder::get(int64_t& v) {
  uint64_t u;
  if (!get(u)) return false;
  v = static_cast<int64_t>(u);
  return true;
}
bool XdrDecoder::get(bool& v) {
  uint32_t b;
  if (len_ - pos_ < 4) return false;
  b = get_be32(buf_ + pos_);
  if (b != 0 && b != 1) return false;
  pos_ += 4;
  v = b == 1;
  return true;
}
bool XdrDecoder::get(float& v) {
  uint32_t bits;
  if (!get(bits)) return false;
  std::memcpy(&v, &bits, sizeof v);
  return true;
}
bool XdrDecoder::get_char(char& v) {
  uint32_t u;
  if (!get(u)) return false;
  v = static_cast<char>(u);  // the low byte, as xdr_char keeps it
  return true;
}

// Reads a count and checks that the rest of the buffer can hold that many
// items of at least min_item bytes, so a hostile count cannot make us allocate.
bool XdrDecoder::get_len(uint32_t& n, size_t min_item) {
  if (!get(n)) return false;
  return min_item == 0 || n <= remaining() / min_item;
}

// n bytes, then the padding (not checked, as xdrmem does not).
bool XdrDecoder::get_opaque(std::string& s, size_t n) {
  if (padded(n) < n || padded(n) > remaining()) return false;
  s.assign(buf_ + pos_, n);
  pos_ += padded(n);
  return true;
}

bool XdrDecoder::get_bytes(std::string& s) {
  uint32_t n;
  return get_len(n, 1) && get_opaque(s, n);
}

bool XdrDecoder::get(std::string& s) {
  return get_bytes(s) && std::memchr(s.data(), '\0', s.size()) == nullptr;
}

bool XdrDecoder::get_fixed(std::string& s, size_t n) { return get_opaque(s, n); }

bool XdrDecoder::get(std::vector<std::string>& v) {
  uint32_t n;
  if (!get_len(n, 4)) return false;
  v.clear();
  v.reserve(n);
  for (uint32_t i = 0; i < n; ++i) {
    v.emplace_back();
    if (!get(v.back())) return false;
  }
  return true;
}

bool XdrDecoder::get(std::vector<std::pair<std::string, std::string>>& kv) {
  uint32_t n;
  if (!get_len(n, 4) || n % 2 != 0) return false;
  kv.clear();
  kv.reserve(n / 2);
  for (uint32_t i = 0; i < n / 2; ++i) {
    kv.emplace_back();
    if (!get(kv.back().first) || !get(kv.back().second)) return false;
  }
  return true;
}

bool XdrDecoder::get(std::optional<std::string>& s) {
  bool present;
  if (!get(present)) return false;
  if (!present) {
    s.reset();
    return true;
  }
  s.emplace();
  return get(*s);
}

}  // namespace gfsd::proto
