// Runs one call against the action table: the checks every action shares
// (known number, feature group, optargs bitmask), then the generated thunk.
// The XDR session and the gRPC console both come through here, from
// different threads: one dispatcher runs one action at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>

#include "api.hpp"
#include "domain/ctx.hpp"
#include "ports/result.hpp"
#include "proto/action_table.hpp"
#include "proto/xdr.hpp"

namespace gfsd::proto {

class Dispatcher {
 public:
  explicit Dispatcher(const api::Handlers& handlers);

  // Decodes args, runs the action and encodes the reply body into out.
  // On error nothing useful is left in out. Waits while another call runs.
  Result<void> call(domain::Ctx& ctx, int proc, uint64_t optargs_bitmask, const char* args,
                    size_t args_len, XdrEncoder& out) const;

  bool implemented(int proc) const;

 private:
  const api::Handlers& handlers_;
  mutable std::mutex running_;  // held for the whole action, streams included
};

// Message for an error reply whose body would not fit in a frame.
inline constexpr const char* kReplyTooBig =
    "guestfsd: failed to encode reply body\n(maybe the reply exceeds the maximum message size "
    "in the protocol?)";

}  // namespace gfsd::proto
