// The copy loop behind copy_{device,file}_to_{device,file}: large blocks read
// and written inside the daemon, holes kept on request.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/ctx.hpp"
#include "ports/result.hpp"

namespace gfsd::domain {

struct CopyRequest {
  // Device names or guest paths, as the messages show them.
  std::string src, dest;
  bool src_is_device = false;
  bool dest_is_device = false;
  // The optional arguments; unset ones take the defaults (offsets 0, size:
  // to the end of the source, no sparse, no append).
  std::optional<int64_t> srcoffset, destoffset, size;
  bool sparse = false;
  bool append = false;          // files only: the callers refuse it for devices
  bool unlink_dest_on_failure = false;
};

Result<void> copy_blocks(Ctx& ctx, const CopyRequest& req);

// The four actions share one set of optional arguments.
template <class Opt>
CopyRequest copy_request(const std::string& src, bool src_is_device, const std::string& dest,
                         bool dest_is_device, const Opt& o) {
  CopyRequest r;
  r.src = src;
  r.dest = dest;
  r.src_is_device = src_is_device;
  r.dest_is_device = dest_is_device;
  r.srcoffset = o.srcoffset;
  r.destoffset = o.destoffset;
  r.size = o.size;
  r.sparse = o.sparse.value_or(false);
  r.append = o.append.value_or(false);
  return r;
}

}  // namespace gfsd::domain
