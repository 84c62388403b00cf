// Reading an open file (a guest file, an appliance scratch file) to its end.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "ports/filesystem.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

// Everything up to EOF; a read error as the file gives it. More than `limit`
// bytes is the error E2BIG, found without reading on past the limit.
inline Result<std::string> read_to_end(ports::File& file, size_t limit = SIZE_MAX) {
  std::string data;
  char buf[16384];
  for (;;) {
    auto n = file.read(buf, sizeof buf);
    if (!n) return forward(n.error());
    if (*n == 0) return data;
    data.append(buf, *n);
    if (data.size() > limit) return fail_with(E2BIG, "file is larger than the limit");
  }
}

}  // namespace gfsd::domain
