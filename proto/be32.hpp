// Big-endian 32-bit words, as every XDR unit, length word and flag word is
// sent. Inline: the codec and the session call them for every word.
#pragma once

#include <cstdint>

namespace gfsd::proto {

inline void put_be32(char* buf, uint32_t v) {
  buf[0] = static_cast<char>(v >> 24);
  buf[1] = static_cast<char>(v >> 16);
  buf[2] = static_cast<char>(v >> 8);
  buf[3] = static_cast<char>(v);
}

inline uint32_t get_be32(const char* buf) {
  const auto* b = reinterpret_cast<const unsigned char*>(buf);
  return (uint32_t{b[0]} << 24) | (uint32_t{b[1]} << 16) | (uint32_t{b[2]} << 8) | b[3];
}

}  // namespace gfsd::proto
