// ports::Augeas over libaugeas.
#pragma once

#include <memory>
#include <string>

#include "ports/augeas.hpp"

namespace gfsd::adapters {

class LibAugeas final : public ports::Augeas {
 public:
  Result<std::unique_ptr<ports::AugeasTree>> open(const std::string& root,
                                                  int32_t flags) override;
};

}  // namespace gfsd::adapters
