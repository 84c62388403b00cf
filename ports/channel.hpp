// The byte stream to the library, and where such streams come from.
#pragma once

#include <cstddef>
#include <memory>

#include "ports/result.hpp"

namespace gfsd::ports {

class Channel {
 public:
  virtual ~Channel() = default;
  // Reads up to n bytes; 0 means end of stream.
  virtual Result<size_t> read(void* buf, size_t n) = 0;
  virtual Result<void> write_all(const void* buf, size_t n) = 0;
  // True when a read would not block (data or EOF) within timeout_ms.
  virtual bool readable(int timeout_ms) = 0;
};

// Hands out channels: one for a device, path or fd; one per client for a listening socket.
class ChannelSource {
 public:
  virtual ~ChannelSource() = default;
  // The next channel to serve, or nullptr when there will be no more.
  virtual Result<std::unique_ptr<Channel>> next() = 0;
};

}  // namespace gfsd::ports
