// File streams of FileIn/FileOut actions, as the domain sees them.
// The session implements both on top of the channel's chunk protocol.
#pragma once

#include <cstddef>

#include "ports/result.hpp"

namespace gfsd::ports {

// FileIn: the chunks the library sends after the request.
class UploadStream {
 public:
  virtual ~UploadStream() = default;
  // Up to n bytes of file data; 0 at the end of the file. Fails with
  // ECANCELED if the library cancelled the transfer, EPROTO if a chunk was
  // malformed; either way the session drains what is left of the stream.
  virtual Result<size_t> read(char* buf, size_t n) = 0;
};

// FileOut: the reply goes first, then the file data in chunks.
class DownloadStream {
 public:
  virtual ~DownloadStream() = default;
  // Sends the OK reply. After this, errors can no longer be reported as text.
  virtual Result<void> start() = 0;
  // Queues file data; fails if the library cancelled the transfer.
  virtual Result<void> write(const char* data, size_t n) = 0;
  // Sends the final chunk.
  virtual Result<void> finish() = 0;
};

// Progress of a long operation; the session rate-limits and frames it.
class Progress {
 public:
  virtual ~Progress() = default;
  virtual void report(uint64_t position, uint64_t total) = 0;
};

}  // namespace gfsd::ports
