// The RPM package database of a guest (librpm), for inspection.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ports/result.hpp"

namespace gfsd::ports {

// One installed package, fields as librpm formats them ("(none)" when unset).
struct RpmPackage {
  std::string name;
  int32_t epoch = 0;
  std::string version, release, arch, url, summary, description;
};

class RpmDatabase {
 public:
  virtual ~RpmDatabase() = default;
  // The packages installed in the guest whose root directory is `root` (an
  // appliance path), in database order. librpm runs chrooted there, with the
  // guest's own rpm configuration. Errors are worded by the step that failed
  // ("rpmtsInitIterator" when the database cannot be opened).
  virtual Result<std::vector<RpmPackage>> installed_packages(const std::string& root) = 0;
};

}  // namespace gfsd::ports
