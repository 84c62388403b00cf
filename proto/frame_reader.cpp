#include "proto/frame_reader.hpp"

#include <algorithm>
#include <cstring>

namespace gfsd::proto {

FrameReader::FrameReader(ports::Channel& channel, size_t largest, size_t window)
    : channel_(channel), window_(window), cap_(largest + 2 * window), buf_(new char[cap_]) {}

// Moves what is left to the front once the read position has gone a window
// in, so the traffic keeps reusing the same (resident) pages instead of
// walking through the whole buffer; what is moved is at most one partial
// frame. Also moves when n would not fit behind the read position.
void FrameReader::make_room(size_t n) {
  if (pos_ == end_) {
    pos_ = end_ = 0;
    return;
  }
  if (pos_ >= window_ || cap_ - pos_ < n + window_) {
    std::memmove(buf_.get(), buf_.get() + pos_, end_ - pos_);
    end_ -= pos_;
    pos_ = 0;
  }
}

FrameReader::Status FrameReader::fill() {
  make_room(0);
  const size_t room = cap_ - end_;
  if (room == 0) return Status::Ok;  // full: the caller has bytes to take
  auto r = channel_.read(buf_.get() + end_, std::min(room, window_));
  if (!r) return Status::Failed;
  if (*r == 0) return Status::Eof;
  end_ += *r;
  return Status::Ok;
}

FrameReader::Status FrameReader::take(size_t n, const char** out) {
  if (end_ - pos_ < n) {
    make_room(n);
    while (end_ - pos_ < n) {
      const size_t missing = n - (end_ - pos_);
      const size_t want = std::min(std::max(missing, window_), cap_ - end_);
      auto r = channel_.read(buf_.get() + end_, want);
      if (!r) return Status::Failed;
      if (*r == 0) return end_ == pos_ ? Status::Eof : Status::Failed;
      end_ += *r;
    }
  }
  *out = buf_.get() + pos_;
  pos_ += n;
  return Status::Ok;
}

}  // namespace gfsd::proto
