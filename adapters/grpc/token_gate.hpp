// The per-call check of a TCP console: every RPC of the service asks the
// gate first, and a call without the token is refused before it runs.
#pragma once

#include <string>
#include <utility>

#include <grpcpp/server_context.h>
#include <grpcpp/support/status.h>

#include "ports/system.hpp"

namespace gfsd::adapters::grpc_console {

class TokenGate {
 public:
  TokenGate(std::string token, ports::Log& log) : token_(std::move(token)), log_(log) {}

  // OK when the call carries "authorization: Bearer <token>"; otherwise
  // UNAUTHENTICATED, and a log line naming the RPC and the peer (never
  // what the peer sent).
  grpc::Status admit(const grpc::ServerContext& context, const char* rpc) const;

 private:
  std::string token_;
  ports::Log& log_;
};

}  // namespace gfsd::adapters::grpc_console
