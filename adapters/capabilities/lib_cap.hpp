// ports::Capabilities over libcap (libcap.so.2, loaded on first use).
#pragma once

#include <memory>
#include <string>

#include "ports/capabilities.hpp"

namespace gfsd::adapters {

class LibCap final : public ports::Capabilities {
 public:
  bool available() override;
  Result<std::unique_ptr<ports::ParsedCaps>> parse(const std::string& text) override;
  Result<std::string> get(const std::string& host_path) override;
  Result<void> set(const std::string& host_path, const ports::ParsedCaps& caps) override;
};

}  // namespace gfsd::adapters
