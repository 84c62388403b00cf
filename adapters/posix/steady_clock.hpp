#pragma once

#include <chrono>

#include "ports/system.hpp"

namespace gfsd::adapters {

class SteadyClock final : public ports::Clock {
 public:
  int64_t now_us() override {
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
  }
};

}  // namespace gfsd::adapters
