// Runs tools with fork/exec: no shell, stdin from /dev/null, stdout and
// stderr captured through pipes.
#pragma once

#include <string>

#include "ports/process_runner.hpp"
#include "ports/system.hpp"

namespace gfsd::adapters {

class PosixProcessRunner final : public ports::ProcessRunner {
 public:
  PosixProcessRunner(std::string sysroot, ports::Log& log)
      : sysroot_(std::move(sysroot)), log_(log) {}

  Result<ports::ProcessResult> run(const std::vector<std::string>& argv,
                                   const ports::RunOptions& opts) override;

 private:
  std::string sysroot_;
  ports::Log& log_;
};

}  // namespace gfsd::adapters
