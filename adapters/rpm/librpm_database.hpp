// ports::RpmDatabase over librpm, in a chrooted child process (librpm keeps
// files and NSS state open that the daemon must not inherit).
#pragma once

#include <string>

#include "ports/rpm_database.hpp"

namespace gfsd::adapters {

class LibRpmDatabase final : public ports::RpmDatabase {
 public:
  Result<std::vector<ports::RpmPackage>> installed_packages(const std::string& root) override;
};

}  // namespace gfsd::adapters
