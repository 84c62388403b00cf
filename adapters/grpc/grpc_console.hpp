// The gRPC debug console (proto/grpc/console.proto): a server on its own
// threads beside the XDR session, running actions through the same
// dispatcher (which runs one action at a time, whoever asks). This header
// keeps gRPC out of the composition root's compile.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "domain/ctx.hpp"
#include "ports/result.hpp"
#include "ports/system.hpp"
#include "proto/dispatcher.hpp"

namespace gfsd::adapters {

// Builds the context of one action around that call's progress port.
using CtxFactory = std::function<domain::Ctx(ports::Progress&)>;

class GrpcConsole {
 public:
  // Serves on address (gRPC syntax: "127.0.0.1:50051", "[::1]:0", "unix:/path";
  // port 0 picks a free port). Fails if the address cannot be bound.
  static Result<std::unique_ptr<GrpcConsole>> start(const std::string& address,
                                                    const proto::Dispatcher& dispatcher,
                                                    CtxFactory make_ctx, ports::Log& log);
  // Stops serving; calls still running are cancelled after a short grace.
  ~GrpcConsole();
  GrpcConsole(const GrpcConsole&) = delete;
  GrpcConsole& operator=(const GrpcConsole&) = delete;

  // The address served, with the port actually bound.
  const std::string& address() const;

  struct Impl;

 private:
  explicit GrpcConsole(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace gfsd::adapters
