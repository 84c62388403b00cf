// Readable values (google.protobuf.Struct / Value) to and from the XDR
// bodies the dispatcher speaks, driven by the action table: arguments are
// matched by name, results rendered by the action's return kind.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "ports/result.hpp"
#include "proto/action_table.hpp"
#include "proto/grpc/console.pb.h"

namespace gfsd::adapters::grpc_console {

namespace pb = ::guestfsd::console::v1;

struct EncodedArgs {
  std::string xdr;  // the args body, as an XDR request carries it
  uint64_t optargs_bitmask = 0;
};

// Every wire argument must be in call.args (or call.buffers for BufferIn);
// optional ones may be left out. Errors are EINVAL with the argument's name.
Result<EncodedArgs> encode_args(const proto::ActionInfo& action, const pb::CallRequest& call);

// Renders a reply body into reply.result (reply.buffer for RBufferOut).
Result<void> decode_reply(const proto::ActionInfo& action, const char* body, size_t len,
                          pb::CallReply& reply);

// UTF-8 as it is, any other byte as "\xNN" (protobuf strings must be UTF-8).
std::string readable_text(std::string_view bytes);

}  // namespace gfsd::adapters::grpc_console
