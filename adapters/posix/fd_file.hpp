// ports::File over an owned file descriptor (files in the guest, devices).
#pragma once

#include <memory>
#include <string>

#include "ports/filesystem.hpp"

namespace gfsd::adapters {

class FdFile final : public ports::File {
 public:
  // name is used in error messages only.
  FdFile(int fd, std::string name) : fd_(fd), name_(std::move(name)) {}
  ~FdFile() override;
  FdFile(const FdFile&) = delete;
  FdFile& operator=(const FdFile&) = delete;

  Result<size_t> read(char* buf, size_t n) override;
  Result<void> write(const char* buf, size_t n) override;
  Result<void> seek(int64_t offset) override;
  Result<void> close() override;

 private:
  int fd_;
  std::string name_;
};

// Opens with the flags that match OpenFor (O_CLOEXEC|O_NOCTTY always).
int open_flags(ports::OpenFor how);

}  // namespace gfsd::adapters
