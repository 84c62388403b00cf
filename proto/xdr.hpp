// Bounded XDR encoding and decoding on memory buffers (RFC 4506, byte for
// byte what libtirpc's xdrmem streams produce). Strings are read straight
// into std::string; a count is checked against the bytes left before
// anything is allocated for it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace gfsd::proto {

class XdrEncoder {
 public:
  XdrEncoder(char* buf, size_t cap);
  XdrEncoder(const XdrEncoder&) = delete;
  XdrEncoder& operator=(const XdrEncoder&) = delete;

  bool put(int32_t v);
  bool put(uint32_t v);
  bool put(int64_t v);
  bool put(uint64_t v);
  bool put(bool v);
  bool put(float v);
  bool put_char(char v);  // rpcgen's char: widened to 4 bytes
  bool put(const std::string& s);  // string<>
  bool put_bytes(const std::string& s) { return put(s); }  // opaque<>
  bool put_raw(const char* data, size_t n);  // length word + bytes + padding
  bool put_fixed(const std::string& s, size_t n);  // opaque[n], zero-filled
  bool put(const std::vector<std::string>& v);
  bool put(const std::vector<std::pair<std::string, std::string>>& kv);  // flattened
  bool put(const std::optional<std::string>& s);

  // False once anything did not fit; nothing is written after that.
  bool ok() const { return ok_; }
  size_t size() const { return pos_; }  // bytes written so far

 private:
  bool put_opaque(const char* data, size_t n);
  char* buf_;
  size_t cap_;
  size_t pos_ = 0;
  bool ok_ = true;
};

class XdrDecoder {
 public:
  XdrDecoder(const char* buf, size_t len);
  XdrDecoder(const XdrDecoder&) = delete;
  XdrDecoder& operator=(const XdrDecoder&) = delete;

  bool get(int32_t& v);
  bool get(uint32_t& v);
  bool get(int64_t& v);
  bool get(uint64_t& v);
  bool get(bool& v);  // only 0 and 1 are accepted
  bool get(float& v);
  bool get_char(char& v);
  bool get(std::string& s);        // a string: no NUL bytes inside
  bool get_bytes(std::string& s);  // opaque<>: any bytes
  bool get_fixed(std::string& s, size_t n);
  bool get(std::vector<std::string>& v);
  bool get(std::vector<std::pair<std::string, std::string>>& kv);
  bool get(std::optional<std::string>& s);

  size_t remaining() const { return len_ - pos_; }
  bool at_end() const { return remaining() == 0; }

 private:
  bool get_len(uint32_t& n, size_t min_item);
  bool get_opaque(std::string& s, size_t n);
  const char* buf_;
  size_t len_;
  size_t pos_ = 0;
};

}  // namespace gfsd::proto
