#pragma once

#include "ports/system.hpp"

namespace gfsd::adapters {

class PosixHostProbe final : public ports::HostProbe {
 public:
  bool program_exists(const std::string& name) override;
  bool kernel_has_filesystem(const std::string& fstype) override;
  bool path_exists(const std::string& path) override;
  Result<ports::KernelIdentity> uname() override;
};

}  // namespace gfsd::adapters
