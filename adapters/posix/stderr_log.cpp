#include "adapters/posix/stderr_log.hpp"

#include <unistd.h>

namespace gfsd::adapters {

namespace {
// One write(2) per line, so lines from the daemon and its children never mix.
void write_line(const std::string& line) {
  std::string buf = line;
  buf += '\n';
  const char* p = buf.data();
  size_t n = buf.size();
  while (n > 0) {
    const ssize_t w = ::write(2, p, n);
    if (w <= 0) return;
    p += w;
    n -= static_cast<size_t>(w);
  }
}
}  // namespace

void StderrLog::debug(const std::string& line) {
  if (verbose_) write_line(line);
}

void StderrLog::error(const std::string& line) { write_line(line); }

}  // namespace gfsd::adapters
