// The exported entry points of guestfsd-grpc-console.so (console_module.hpp).
// Built into the module only, never into a static library a program links.
#include "adapters/grpc/console_module.hpp"
#include "adapters/grpc/grpc_console.hpp"

extern "C" {

__attribute__((visibility("default"))) gfsd::adapters::ConsoleAbiStamp gfsd_grpc_console_stamp() {
  return {};
}

__attribute__((visibility("default")))
gfsd::Result<std::unique_ptr<gfsd::adapters::DebugConsole>> gfsd_grpc_console_start(
    const gfsd::adapters::ConsoleRequest& request) {
  auto started = gfsd::adapters::GrpcConsole::start(request.address, request.token_file,
                                                    *request.dispatcher, request.make_ctx,
                                                    *request.log);
  if (!started) return gfsd::forward(started.error());
  return std::unique_ptr<gfsd::adapters::DebugConsole>(std::move(*started));
}

}  // extern "C"
