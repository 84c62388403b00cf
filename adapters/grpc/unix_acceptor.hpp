// A gRPC console on a Unix socket that only the daemon's own user can use.
// gRPC cannot tell us who is at the other end of a connection, so we listen
// and accept ourselves (socket mode 0600), read each peer's uid with
// SO_PEERCRED, and hand the connection to gRPC only then: the daemon's own
// uid goes to the console; anyone else goes to a server whose every method
// answers PERMISSION_DENIED, and is logged.
#pragma once

#include <memory>
#include <string>
#include <thread>

#include <grpcpp/generic/async_generic_service.h>
#include <grpcpp/server.h>

#include "ports/result.hpp"
#include "ports/system.hpp"

namespace gfsd::adapters::grpc_console {

class UnixAcceptor {
 public:
  // Listens on path and serves its clients with console, which must be
  // started already (it needs no listening port of its own).
  static Result<std::unique_ptr<UnixAcceptor>> start(const std::string& path,
                                                     grpc::Server& console, ports::Log& log);
  // Stops accepting, removes the socket file, ends the refusing server.
  ~UnixAcceptor();
  UnixAcceptor(const UnixAcceptor&) = delete;
  UnixAcceptor& operator=(const UnixAcceptor&) = delete;

 private:
  UnixAcceptor(int listen_fd, int wake_read, int wake_write, std::string path,
               grpc::Server& console, ports::Log& log);
  void serve();
  void hand_over(int client);

  int listen_fd_;
  int wake_read_;   // readable once the destructor wants the thread to end
  int wake_write_;
  std::string path_;
  grpc::Server& console_;
  ports::Log& log_;
  std::unique_ptr<grpc::CallbackGenericService> refusing_service_;
  std::unique_ptr<grpc::Server> refusing_server_;
  std::thread thread_;
};

}  // namespace gfsd::adapters::grpc_console
