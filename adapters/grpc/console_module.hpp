// The boundary between the daemon and its gRPC console module.
//
// The daemon links no gRPC, protobuf or abseil library: the console is built
// as a module of its own (guestfsd-grpc-console.so) that `--grpc` loads with
// dlopen (app/console_loader.cpp). This header is all the two share, and it
// includes no gRPC header.
//
// The module is built from the same tree as the daemon and resolves the
// daemon's own symbols (the dispatcher, the codecs, the socket helpers) from
// the executable, which exports them. C++ types cross the boundary, so the
// daemon refuses a module whose ABI stamp (below) differs from its own.
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

// A console being served; destroying it stops the service.
class DebugConsole {
 public:
  virtual ~DebugConsole() = default;
  // The address served, with the port actually bound.
  virtual const std::string& address() const = 0;
  // Where the token of a TCP console is; empty for a Unix socket.
  virtual const std::string& token_file() const = 0;
};

struct ConsoleRequest {
  std::string address;     // "unix:PATH" or (TCP) "HOST:PORT"
  std::string token_file;  // empty: the default place for the port
  const proto::Dispatcher* dispatcher = nullptr;
  CtxFactory make_ctx;
  ports::Log* log = nullptr;
};

// The module's file name, looked for beside the executable and then in the
// installed module directory (CMake GUESTFSD_MODULE_DIR).
inline constexpr const char* kConsoleModuleFile = "guestfsd-grpc-console.so";

// Changes whenever a type above, the Ctx, the Dispatcher or the ports change
// shape; the compiler and the sizes are checked beside it.
inline constexpr int kConsoleModuleAbi = 1;

struct ConsoleAbiStamp {
  int abi = kConsoleModuleAbi;
  unsigned ctx_size = sizeof(domain::Ctx);
  unsigned dispatcher_size = sizeof(proto::Dispatcher);
  unsigned request_size = sizeof(ConsoleRequest);
  const char* compiler = __VERSION__;
};

// The module's two exported symbols.
inline constexpr const char* kConsoleStampSymbol = "gfsd_grpc_console_stamp";
inline constexpr const char* kConsoleStartSymbol = "gfsd_grpc_console_start";
using ConsoleStampFn = ConsoleAbiStamp (*)();
using ConsoleStartFn = Result<std::unique_ptr<DebugConsole>> (*)(const ConsoleRequest&);

}  // namespace gfsd::adapters
