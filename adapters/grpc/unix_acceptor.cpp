#include "adapters/grpc/unix_acceptor.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <utility>

#include <grpcpp/server_builder.h>
#include <grpcpp/server_posix.h>

#include "adapters/grpc/reflection_option.hpp"
#include "adapters/transport/unix_socket.hpp"

namespace gfsd::adapters::grpc_console {

namespace {

constexpr auto kShutdownGrace = std::chrono::seconds(1);
constexpr int kRetryAfterErrorMs = 100;

// Every method, whatever its name, ends with PERMISSION_DENIED: a refused
// peer learns why, and nothing of the console is reachable from here.
class RefusingService final : public grpc::CallbackGenericService {
 public:
  grpc::ServerGenericBidiReactor* CreateReactor(grpc::GenericCallbackServerContext*) override {
    class Refusal final : public grpc::ServerGenericBidiReactor {
     public:
      Refusal() {
        Finish(grpc::Status(grpc::StatusCode::PERMISSION_DENIED,
                            "this console serves only the user the daemon runs as"));
      }
      void OnDone() override { delete this; }
    };
    return new Refusal;
  }
};

}  // namespace

Result<std::unique_ptr<UnixAcceptor>> UnixAcceptor::start(const std::string& path,
                                                          grpc::Server& console,
                                                          ports::Log& log) {
  int wake[2];
  if (::pipe2(wake, O_CLOEXEC) < 0) return fail_errno(errno, "pipe");
  auto fd = listen_owner_only(path, true);
  if (!fd) {
    ::close(wake[0]);
    ::close(wake[1]);
    return forward(fd.error());
  }
  std::unique_ptr<UnixAcceptor> acceptor(
      new UnixAcceptor(*fd, wake[0], wake[1], path, console, log));
  grpc::ServerBuilder builder;
  builder.SetOption(std::make_unique<ReflectionOption>(false));
  builder.RegisterCallbackGenericService(acceptor->refusing_service_.get());
  acceptor->refusing_server_ = builder.BuildAndStart();
  if (!acceptor->refusing_server_) return fail("cannot start the gRPC console on unix:" + path);
  acceptor->thread_ = std::thread([a = acceptor.get()] { a->serve(); });
  return acceptor;
}

UnixAcceptor::UnixAcceptor(int listen_fd, int wake_read, int wake_write, std::string path,
                           grpc::Server& console, ports::Log& log)
    : listen_fd_(listen_fd),
      wake_read_(wake_read),
      wake_write_(wake_write),
      path_(std::move(path)),
      console_(console),
      log_(log),
      refusing_service_(std::make_unique<RefusingService>()) {}

UnixAcceptor::~UnixAcceptor() {
  if (thread_.joinable()) {
    const char stop = 0;
    while (::write(wake_write_, &stop, 1) < 0 && errno == EINTR) {
    }
    thread_.join();
  }
  ::close(listen_fd_);
  ::unlink(path_.c_str());
  ::close(wake_read_);
  ::close(wake_write_);
  if (refusing_server_) {
    refusing_server_->Shutdown(std::chrono::system_clock::now() + kShutdownGrace);
    refusing_server_->Wait();
  }
}

void UnixAcceptor::serve() {
  for (;;) {
    struct pollfd fds[2] = {{listen_fd_, POLLIN, 0}, {wake_read_, POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      log_.error("guestfsd: gRPC console: poll: " + std::string(std::strerror(errno)));
      return;
    }
    if (fds[1].revents != 0) return;
    const int client = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
    if (client >= 0) {
      hand_over(client);
      continue;
    }
    if (errno == EINTR || errno == EAGAIN || errno == ECONNABORTED) continue;
    // Out of descriptors or memory: keep the console, try again shortly.
    log_.error("guestfsd: gRPC console: accept: " + std::string(std::strerror(errno)));
    ::poll(nullptr, 0, kRetryAfterErrorMs);
  }
}

void UnixAcceptor::hand_over(int client) {
  const auto peer = peer_of(client);
  if (!peer) {
    log_.error("guestfsd: gRPC console: refused a connection: " + peer.error().message);
    ::close(client);
    return;
  }
  if (is_our_user(*peer)) {
    grpc::AddInsecureChannelFromFd(&console_, client);  // gRPC owns the fd from here
    return;
  }
  log_.error("guestfsd: gRPC console: refused a connection from " + describe_peer(*peer) +
             ": only uid " + std::to_string(::geteuid()) + " may use it");
  grpc::AddInsecureChannelFromFd(refusing_server_.get(), client);
}

}  // namespace gfsd::adapters::grpc_console
