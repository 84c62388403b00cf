// ports::SELinux over libselinux (libselinux.so.1, loaded on first use).
#pragma once

#include <string>

#include "ports/selinux.hpp"

namespace gfsd::adapters {

class LibSELinux final : public ports::SELinux {
 public:
  bool available() override;
  Result<std::string> current_context() override;
  Result<void> set_context(const std::string& context) override;
};

}  // namespace gfsd::adapters
