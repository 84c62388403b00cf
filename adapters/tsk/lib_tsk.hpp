// ports::SleuthKit over libtsk, loaded on first use.
#pragma once

#include <memory>
#include <string>

#include "ports/sleuthkit.hpp"

namespace gfsd::adapters {

class LibTsk final : public ports::SleuthKit {
 public:
  bool available() override;
  Result<std::unique_ptr<ports::TskImage>> open_image(const std::string& device) override;
};

}  // namespace gfsd::adapters
