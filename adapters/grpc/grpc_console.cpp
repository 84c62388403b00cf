#include "adapters/grpc/grpc_console.hpp"

#include <chrono>
#include <utility>

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server.h>
#include <grpcpp/server_builder.h>

#include "adapters/grpc/console_service.hpp"
#include "proto/protocol.hpp"

namespace gfsd::adapters {

namespace {

// Room for the largest XDR request (a BufferIn argument) in its Struct form.
constexpr int kMaxReceive = 2 * static_cast<int>(proto::kMessageMax);
constexpr auto kShutdownGrace = std::chrono::seconds(2);

// "host:0" becomes "host:<port bound>"; unix sockets keep their name.
std::string bound_address(const std::string& address, int port) {
  if (address.rfind("unix:", 0) == 0 || address.rfind("unix-abstract:", 0) == 0) return address;
  const auto colon = address.rfind(':');
  if (colon == std::string::npos) return address;
  return address.substr(0, colon + 1) + std::to_string(port);
}

}  // namespace

struct GrpcConsole::Impl {
  Impl(const proto::Dispatcher& dispatcher, CtxFactory make_ctx, ports::Log& log)
      : service(dispatcher, std::move(make_ctx), log) {}

  grpc_console::ConsoleService service;
  std::unique_ptr<grpc::Server> server;
  std::string address;
};

GrpcConsole::GrpcConsole(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

GrpcConsole::~GrpcConsole() {
  impl_->server->Shutdown(std::chrono::system_clock::now() + kShutdownGrace);
  impl_->server->Wait();
}

const std::string& GrpcConsole::address() const { return impl_->address; }

Result<std::unique_ptr<GrpcConsole>> GrpcConsole::start(const std::string& address,
                                                         const proto::Dispatcher& dispatcher,
                                                         CtxFactory make_ctx, ports::Log& log) {
  auto impl = std::make_unique<Impl>(dispatcher, std::move(make_ctx), log);
  // So that grpcurl and other generic clients can discover the service.
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(address, grpc::InsecureServerCredentials(), &port);
  builder.RegisterService(&impl->service);
  builder.SetMaxReceiveMessageSize(kMaxReceive);
  impl->server = builder.BuildAndStart();
  if (!impl->server || port == 0) return fail("cannot serve the gRPC console on " + address);
  impl->address = bound_address(address, port);
  return std::unique_ptr<GrpcConsole>(new GrpcConsole(std::move(impl)));
}

}  // namespace gfsd::adapters
