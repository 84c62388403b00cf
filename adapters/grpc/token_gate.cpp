#include "adapters/grpc/token_gate.hpp"

#include <string_view>

#include "adapters/grpc/console_token.hpp"

namespace gfsd::adapters::grpc_console {

grpc::Status TokenGate::admit(const grpc::ServerContext& context, const char* rpc) const {
  const auto& metadata = context.client_metadata();
  const auto found = metadata.find(kTokenMetadata);
  const char* why = "no token";
  if (found != metadata.end()) {
    std::string_view value(found->second.data(), found->second.size());
    why = "a wrong token";
    if (value.substr(0, kTokenScheme.size()) == kTokenScheme) {
      value.remove_prefix(kTokenScheme.size());
      if (token_matches(value, token_)) return grpc::Status::OK;
    }
  }
  log_.error(std::string("guestfsd: gRPC console: refused ") + rpc + " from " + context.peer() +
             ": " + why);
  return grpc::Status(grpc::StatusCode::UNAUTHENTICATED,
                      "this console serves only calls carrying its token "
                      "('authorization: Bearer <token>', the token from the daemon's token file)");
}

}  // namespace gfsd::adapters::grpc_console
