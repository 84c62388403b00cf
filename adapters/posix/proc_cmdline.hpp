// The kernel command line as the running kernel reports it.
#pragma once

#include <string>
#include <utility>

#include "ports/system.hpp"

namespace gfsd::adapters {

class ProcCmdline final : public ports::KernelCmdline {
 public:
  // The path is a parameter only so tests can point it elsewhere.
  explicit ProcCmdline(std::string path = "/proc/cmdline") : path_(std::move(path)) {}
  // The whole file; an empty string when it cannot be read (no /proc).
  std::string read() override;

 private:
  std::string path_;
};

}  // namespace gfsd::adapters
