// ports::Hivex over libhivex.
#pragma once

#include <memory>
#include <string>

#include "ports/hivex.hpp"

namespace gfsd::adapters {

class LibHivex final : public ports::Hivex {
 public:
  Result<std::unique_ptr<ports::Hive>> open(const std::string& path, int32_t flags) override;
};

}  // namespace gfsd::adapters
