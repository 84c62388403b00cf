#include "adapters/grpc/grpc_console.hpp"

#include <chrono>
#include <optional>
#include <utility>

#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server.h>
#include <grpcpp/server_builder.h>

#include "adapters/grpc/console_service.hpp"
#include "adapters/grpc/console_token.hpp"
#include "adapters/grpc/reflection_option.hpp"
#include "adapters/grpc/token_gate.hpp"
#include "adapters/grpc/unix_acceptor.hpp"
#include "proto/protocol.hpp"

namespace gfsd::adapters {

namespace {

// Room for the largest XDR request (a BufferIn argument) in its Struct form.
constexpr int kMaxReceive = 2 * static_cast<int>(proto::kMessageMax);
constexpr auto kShutdownGrace = std::chrono::seconds(2);

// "unix:/run/x.sock" and "unix:///run/x.sock" are both /run/x.sock.
std::string unix_path(const std::string& address) {
  std::string path = address.substr(5);
  if (path.rfind("//", 0) == 0) path.erase(0, 2);
  return path;
}

// "host:0" becomes "host:<port bound>".
std::string bound_address(const std::string& address, int port) {
  const auto colon = address.rfind(':');
  if (colon == std::string::npos) return address;
  return address.substr(0, colon + 1) + std::to_string(port);
}

bool is_unix_address(const std::string& address) { return address.rfind("unix:", 0) == 0; }

}  // namespace

struct GrpcConsole::Impl {
  Impl(const proto::Dispatcher& dispatcher, CtxFactory make_ctx, ports::Log& log,
       std::optional<std::string> secret)
      : gate(secret ? std::make_optional<grpc_console::TokenGate>(*secret, log) : std::nullopt),
        service(dispatcher, std::move(make_ctx), log, gate ? &*gate : nullptr),
        token(std::move(secret)) {}

  ~Impl() {
    acceptor.reset();  // no new connections while the server winds down
    if (server) {
      server->Shutdown(std::chrono::system_clock::now() + kShutdownGrace);
      server->Wait();
    }
    if (token && !token_file.empty()) remove_token_file(token_file, *token);
  }

  std::optional<grpc_console::TokenGate> gate;
  grpc_console::ConsoleService service;
  std::optional<std::string> token;
  std::unique_ptr<grpc::Server> server;
  std::unique_ptr<grpc_console::UnixAcceptor> acceptor;
  std::string address;
  std::string token_file;
};

GrpcConsole::GrpcConsole(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

GrpcConsole::~GrpcConsole() = default;

const std::string& GrpcConsole::address() const { return impl_->address; }
const std::string& GrpcConsole::token_file() const { return impl_->token_file; }

Result<std::unique_ptr<GrpcConsole>> GrpcConsole::start(const std::string& address,
                                                         const std::string& token_file,
                                                         const proto::Dispatcher& dispatcher,
                                                         CtxFactory make_ctx, ports::Log& log) {
  const bool unix_socket = is_unix_address(address);
  std::optional<std::string> token;
  if (!unix_socket) {
    auto made = generate_token();
    if (!made) return forward(made.error());
    token = std::move(*made);
  }
  auto impl = std::make_unique<Impl>(dispatcher, std::move(make_ctx), log, token);
  grpc::ServerBuilder builder;
  int port = 0;
  // Reflection only on a Unix socket, whose connections are checked as a
  // whole; on TCP the token is checked by our methods, and the reflection
  // service has no place for that check.
  builder.SetOption(std::make_unique<grpc_console::ReflectionOption>(unix_socket));
  if (!unix_socket) builder.AddListeningPort(address, grpc::InsecureServerCredentials(), &port);
  builder.RegisterService(&impl->service);
  builder.SetMaxReceiveMessageSize(kMaxReceive);
  impl->server = builder.BuildAndStart();
  if (!impl->server || (!unix_socket && port == 0))
    return fail("cannot serve the gRPC console on " + address);

  if (unix_socket) {
    auto acceptor = grpc_console::UnixAcceptor::start(unix_path(address), *impl->server, log);
    if (!acceptor) return fail("cannot serve the gRPC console on " + address + ": " +
                               acceptor.error().message);
    impl->acceptor = std::move(*acceptor);
    impl->address = address;
    return std::unique_ptr<GrpcConsole>(new GrpcConsole(std::move(impl)));
  }

  impl->address = bound_address(address, port);
  std::string file = token_file;
  if (file.empty()) {
    auto fallback = default_token_file(std::to_string(port));
    if (!fallback) return fail(fallback.error().message + " (--grpc-token-file)");
    file = *fallback;
  }
  GFSD_TRY(write_token_file(file, *impl->token));
  impl->token_file = file;
  return std::unique_ptr<GrpcConsole>(new GrpcConsole(std::move(impl)));
}

}  // namespace gfsd::adapters
