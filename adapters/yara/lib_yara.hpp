// ports::Yara over libyara, loaded on first use.
#pragma once

#include <memory>
#include <string>

#include "ports/yara.hpp"

struct YR_RULES;

namespace gfsd::adapters {

class LibYara final : public ports::Yara {
 public:
  LibYara() = default;
  ~LibYara() override;
  LibYara(const LibYara&) = delete;
  LibYara& operator=(const LibYara&) = delete;

  bool available() override;
  Result<std::unique_ptr<ports::YaraRulesFile>> create_rules_file() override;
  ports::YaraLoadOutcome load(const ports::YaraRulesFile& rules) override;
  bool loaded() const override { return rules_ != nullptr; }
  void destroy() override;
  Result<std::unique_ptr<ports::YaraTarget>> open_target(const std::string& host_path) override;

 private:
  ports::YaraLoadOutcome compile(const std::string& path);

  bool initialized_ = false;  // yr_initialize once, yr_finalize at the end
  YR_RULES* rules_ = nullptr;
};

}  // namespace gfsd::adapters
