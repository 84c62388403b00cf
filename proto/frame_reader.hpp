// The library's byte stream, read in large pieces and handed out in place.
//
// The library sends a request frame (length word + body) and, for FileIn,
// a run of chunk frames. Reading the length word and the body separately
// costs two system calls per request and per 8 KiB chunk; this reader asks
// the channel for up to a window's worth at a time, so one read(2) usually
// brings a whole request, or a dozen upload chunks, and parsing happens on
// the bytes where they landed (no copy into a second buffer).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

#include "ports/channel.hpp"

namespace gfsd::proto {

class FrameReader {
 public:
  enum class Status {
    Ok,
    Eof,     // the stream ended cleanly, before the first byte asked for
    Failed,  // a read error, or the stream ended inside what was asked for
  };

  // largest: the longest piece take() will ever be asked for; window: how
  // much to ask the channel for beyond what is needed. Memory: the buffer
  // is largest + 2 windows, but only the pages the traffic touches are
  // resident (usually the first two windows).
  FrameReader(ports::Channel& channel, size_t largest, size_t window);

  // Makes the next n bytes contiguous and consumes them. The pointer stays
  // valid until the next call to take(), fill() or reset().
  Status take(size_t n, const char** out);

  // Bytes received and not yet taken.
  size_t buffered() const { return end_ - pos_; }
  // The first buffered bytes (buffered() of them), for a look without taking.
  const char* peek() const { return buf_.get() + pos_; }
  // One read from the channel into the buffer (blocks if nothing is there).
  Status fill();
  // Forgets everything buffered: a new stream starts.
  void reset() { pos_ = end_ = 0; }

 private:
  void make_room(size_t n);

  ports::Channel& channel_;
  size_t window_;
  size_t cap_;
  std::unique_ptr<char[]> buf_;
  size_t pos_ = 0;  // next byte to hand out
  size_t end_ = 0;  // one past the last byte received
};

}  // namespace gfsd::proto
