// A Channel over one file descriptor: a virtio-serial port, a serial tty, a
// socket or whatever fd:N the launcher handed us.
#pragma once

#include <string>

#include "ports/channel.hpp"

namespace gfsd::adapters {

class FdChannel final : public ports::Channel {
 public:
  // name is only used in error messages; when owns is true the fd is closed
  // on destruction.
  FdChannel(int fd, bool owns, std::string name = "channel");
  ~FdChannel() override;
  FdChannel(const FdChannel&) = delete;
  FdChannel& operator=(const FdChannel&) = delete;

  Result<size_t> read(void* buf, size_t n) override;
  Result<void> write_all(const void* buf, size_t n) override;
  bool readable(int timeout_ms) override;

  int fd() const { return fd_; }

 private:
  int fd_;
  bool owns_;
  bool is_socket_;
  std::string name_;
};

}  // namespace gfsd::adapters
