#include "proto/frame.hpp"

#include <cstring>

#include "proto/errnos.hpp"

namespace gfsd::proto {

bool put_header(XdrEncoder& e, const Header& h) {
  return e.put(h.prog) && e.put(h.vers) && e.put(h.proc) &&
         e.put(static_cast<int32_t>(h.direction)) && e.put(h.serial) && e.put(h.progress_hint) &&
         e.put(h.optargs_bitmask) && e.put(static_cast<int32_t>(h.status));
}

bool get_header(XdrDecoder& d, Header& h) {
  int32_t direction, status;
  if (!(d.get(h.prog) && d.get(h.vers) && d.get(h.proc) && d.get(direction) && d.get(h.serial) &&
        d.get(h.progress_hint) && d.get(h.optargs_bitmask) && d.get(status)))
    return false;
  h.direction = static_cast<Direction>(direction);
  h.status = static_cast<Status>(status);
  return true;
}

bool put_error(XdrEncoder& e, int errnum, const std::string& message) {
  const std::string name = errno_to_name(errnum);
  if (message.size() <= kErrorLen) return e.put(name) && e.put(message);
  return e.put(name) && e.put_raw(message.data(), kErrorLen);
}

size_t encode_chunk(char* buf, bool cancel, const char* data, size_t n) {
  XdrEncoder e(buf + 4, kMaxChunkSize + 12);
  e.put(static_cast<int32_t>(cancel ? 1 : 0));
  e.put_raw(data, n);
  const size_t len = e.size();
  put_be32(buf, static_cast<uint32_t>(len));
  return len + 4;
}

void encode_progress(char* buf, int32_t proc, uint32_t serial, uint64_t position, uint64_t total) {
  put_be32(buf, kProgressFlag);
  XdrEncoder e(buf + 4, kProgressSize);
  e.put(proc);
  e.put(serial);
  e.put(position);
  e.put(total);
}

}  // namespace gfsd::proto
