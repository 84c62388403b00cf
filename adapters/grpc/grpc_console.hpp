// The gRPC debug console (proto/grpc/console.proto): a server on its own
// threads beside the XDR session, running actions through the same
// dispatcher (which runs one action at a time, whoever asks). The daemon loads
// it as a module (console_module.hpp); this header includes no gRPC header.
//
// The console runs any action as the daemon's user, so it serves only that
// user: on a Unix socket (mode 0600) each connection's peer uid is checked;
// on TCP, which any local user can reach, each call must carry a secret
// token that the daemon writes to a file only its user can read.
#pragma once

#include <memory>
#include <string>

#include "adapters/grpc/console_module.hpp"

namespace gfsd::adapters {

class GrpcConsole final : public DebugConsole {
 public:
  // Serves on address: "unix:PATH", or (TCP) "127.0.0.1:50051", "[::1]:0";
  // port 0 picks a free port. For TCP the token goes to token_file, or to
  // default_token_file(port) when that is empty. Fails if the address
  // cannot be bound or the token cannot be written.
  static Result<std::unique_ptr<GrpcConsole>> start(const std::string& address,
                                                    const std::string& token_file,
                                                    const proto::Dispatcher& dispatcher,
                                                    CtxFactory make_ctx, ports::Log& log);
  // Stops serving; calls still running are cancelled after a short grace.
  // Removes the socket file or the token file.
  ~GrpcConsole() override;
  GrpcConsole(const GrpcConsole&) = delete;
  GrpcConsole& operator=(const GrpcConsole&) = delete;

  // The address served, with the port actually bound.
  const std::string& address() const override;
  // Where the token of a TCP console is; empty for a Unix socket.
  const std::string& token_file() const override;

  struct Impl;

 private:
  explicit GrpcConsole(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace gfsd::adapters
