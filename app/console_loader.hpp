// Loads the gRPC debug console module (adapters/grpc/console_module.hpp) for
// --grpc and starts it. The module is looked for beside the executable, then
// in the installed module directory; a missing, unloadable or mismatched module
// is a clear error, and the daemon without --grpc never looks for it.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "adapters/grpc/console_module.hpp"
#include "ports/result.hpp"

namespace gfsd::app {

// Where the module is looked for, in order.
std::vector<std::string> console_module_candidates();

Result<std::unique_ptr<adapters::DebugConsole>> start_console_module(
    const adapters::ConsoleRequest& request);

}  // namespace gfsd::app
