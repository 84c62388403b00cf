// Running external tools (the original daemon shells out for most actions).
#pragma once

#include <string>
#include <vector>

#include "ports/result.hpp"

namespace gfsd::ports {

struct ProcessResult {
  int status = 0;     // exit status; -1 when killed by a signal
  std::string out;    // stdout as produced
  std::string err;    // stderr, trailing newlines removed
};

struct RunOptions {
  bool chroot_sysroot = false;     // run inside the guest tree
  bool fold_stdout_on_stderr = false;
};

class ProcessRunner {
 public:
  virtual ~ProcessRunner() = default;
  // Fails only if the program could not be started at all.
  virtual Result<ProcessResult> run(const std::vector<std::string>& argv,
                                    const RunOptions& opts = {}) = 0;
};

}  // namespace gfsd::ports
