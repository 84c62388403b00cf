// Log lines go to stderr, which the appliance routes to the serial console
// (the library shows them as appliance messages).
#pragma once

#include <string>

#include "ports/system.hpp"

namespace gfsd::adapters {

class StderrLog final : public ports::Log {
 public:
  explicit StderrLog(bool verbose) : verbose_(verbose) {}
  bool verbose() const override { return verbose_; }
  void debug(const std::string& line) override;
  void error(const std::string& line) override;

 private:
  bool verbose_;
};

}  // namespace gfsd::adapters
