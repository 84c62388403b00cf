#include "proto/xdr.hpp"

#include <cstring>

namespace gfsd::proto {

namespace {
inline size_t padded(size_t n) { return (n + 3) & ~size_t{3}; }
}  // namespace

XdrEncoder::XdrEncoder(char* buf, size_t cap) {
  xdrmem_create(&x_, buf, static_cast<u_int>(cap), XDR_ENCODE);
}
XdrEncoder::~XdrEncoder() { xdr_destroy(&x_); }

bool XdrEncoder::put(int32_t v) { return note(xdr_int(&x_, &v)); }
bool XdrEncoder::put(uint32_t v) { return note(xdr_u_int(&x_, &v)); }
bool XdrEncoder::put(int64_t v) { return note(xdr_int64_t(&x_, &v)); }
bool XdrEncoder::put(uint64_t v) { return note(xdr_uint64_t(&x_, &v)); }
bool XdrEncoder::put(bool v) {
  bool_t b = v ? 1 : 0;
  return note(xdr_bool(&x_, &b));
}
bool XdrEncoder::put(float v) { return note(xdr_float(&x_, &v)); }
bool XdrEncoder::put_char(char v) { return note(xdr_char(&x_, &v)); }

bool XdrEncoder::put_raw(const char* data, size_t n) {
  if (n > UINT32_MAX) return note(false);
  u_int len = static_cast<u_int>(n);
  return note(xdr_u_int(&x_, &len) && xdr_opaque(&x_, const_cast<char*>(data), len));
}
bool XdrEncoder::put(const std::string& s) { return put_raw(s.data(), s.size()); }

bool XdrEncoder::put_fixed(const std::string& s, size_t n) {
  std::string tmp = s;
  tmp.resize(n, '\0');
  return note(xdr_opaque(&x_, tmp.data(), static_cast<u_int>(n)));
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

size_t XdrEncoder::size() { return xdr_getpos(&x_); }

XdrDecoder::XdrDecoder(const char* buf, size_t len) : len_(len) {
  // xdrmem wants a mutable pointer but never writes when decoding.
  xdrmem_create(&x_, const_cast<char*>(buf), static_cast<u_int>(len), XDR_DECODE);
}
XdrDecoder::~XdrDecoder() { xdr_destroy(&x_); }

size_t XdrDecoder::remaining() { return len_ - xdr_getpos(&x_); }

bool XdrDecoder::get(int32_t& v) { return xdr_int(&x_, &v); }
bool XdrDecoder::get(uint32_t& v) { return xdr_u_int(&x_, &v); }
bool XdrDecoder::get(int64_t& v) { return xdr_int64_t(&x_, &v); }
bool XdrDecoder::get(uint64_t& v) { return xdr_uint64_t(&x_, &v); }
bool XdrDecoder::get(bool& v) {
  int32_t b;
  if (!xdr_int(&x_, &b) || (b != 0 && b != 1)) return false;
  v = b == 1;
  return true;
}
bool XdrDecoder::get(float& v) { return xdr_float(&x_, &v); }
bool XdrDecoder::get_char(char& v) { return xdr_char(&x_, &v); }

// Reads a count and checks that the rest of the buffer can hold that many
// items of at least min_item bytes, so a hostile count cannot make us allocate.
bool XdrDecoder::get_len(uint32_t& n, size_t min_item) {
  if (!xdr_u_int(&x_, &n)) return false;
  return min_item == 0 || n <= remaining() / min_item;
}

bool XdrDecoder::get_bytes(std::string& s) {
  uint32_t n;
  if (!get_len(n, 1) || padded(n) > remaining()) return false;
  s.resize(n);
  return xdr_opaque(&x_, s.data(), n);
}

bool XdrDecoder::get(std::string& s) {
  return get_bytes(s) && std::memchr(s.data(), '\0', s.size()) == nullptr;
}

bool XdrDecoder::get_fixed(std::string& s, size_t n) {
  if (padded(n) > remaining()) return false;
  s.resize(n);
  return xdr_opaque(&x_, s.data(), static_cast<u_int>(n));
}

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
