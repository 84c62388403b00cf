// The uploaded rules' file: made by mkstemp in /tmp, outside the guest, and
// removed when the object goes, whatever happened to the upload or the load.
#pragma once

#include <memory>
#include <string>

#include "ports/yara.hpp"

namespace gfsd::adapters {

class HostRulesFile final : public ports::YaraRulesFile {
 public:
  // The file, or the errno of mkstemp.
  static Result<std::unique_ptr<HostRulesFile>> create();
  ~HostRulesFile() override;
  HostRulesFile(const HostRulesFile&) = delete;
  HostRulesFile& operator=(const HostRulesFile&) = delete;

  const std::string& path() const override { return path_; }
  Result<size_t> read(char* buf, size_t n) override;
  Result<void> write(const char* buf, size_t n) override;
  Result<void> seek(int64_t offset) override;
  Result<void> close() override;

 private:
  HostRulesFile(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}

  int fd_;
  std::string path_;
};

}  // namespace gfsd::adapters
