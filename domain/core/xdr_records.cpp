#include "domain/core/xdr_records.hpp"

namespace gfsd::domain {

void XdrRecord::u32(uint32_t v) {
  const char word[4] = {static_cast<char>(v >> 24), static_cast<char>(v >> 16),
                        static_cast<char>(v >> 8), static_cast<char>(v)};
  out_.append(word, 4);
}

void XdrRecord::u64(uint64_t v) {
  u32(static_cast<uint32_t>(v >> 32));
  u32(static_cast<uint32_t>(v));
}

void XdrRecord::opaque(std::string_view bytes) {
  u32(static_cast<uint32_t>(bytes.size()));
  out_.append(bytes);
  out_.append((4 - bytes.size() % 4) % 4, '\0');
}

}  // namespace gfsd::domain
