// A console module built for "another guestfsd": its ABI stamp differs from
// the daemon's, so the daemon must refuse it before calling anything else.
#include <cstdlib>

#include "adapters/grpc/console_module.hpp"

extern "C" {

__attribute__((visibility("default"))) gfsd::adapters::ConsoleAbiStamp gfsd_grpc_console_stamp() {
  gfsd::adapters::ConsoleAbiStamp stamp;
  stamp.abi = gfsd::adapters::kConsoleModuleAbi + 1000;
  return stamp;
}

__attribute__((visibility("default")))
gfsd::Result<std::unique_ptr<gfsd::adapters::DebugConsole>> gfsd_grpc_console_start(
    const gfsd::adapters::ConsoleRequest&) {
  std::abort();  // a mismatched module must never be started
}

}  // extern "C"
