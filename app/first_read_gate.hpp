// A Channel that runs a step once, before its first read: the start-up udev
// settle waits there instead of before the launch word.
//
// The original settles udev and then sends the launch word. We start
// `udevadm settle` first, send the launch word at once, and wait for udevadm
// before reading the first request: the library's own launch work overlaps
// udev's, and still no request is served on devices udev has not finished.
#pragma once

#include <functional>
#include <utility>

#include "ports/channel.hpp"

namespace gfsd::app {

class FirstReadGate final : public ports::Channel {
 public:
  // `before` runs at most once, however many gates share it (--listen makes
  // one per client): running it empties it.
  FirstReadGate(ports::Channel& inner, std::function<void()>& before)
      : inner_(inner), before_(before) {}

  Result<size_t> read(void* buf, size_t n) override {
    pass();
    return inner_.read(buf, n);
  }
  Result<void> write_all(const void* buf, size_t n) override { return inner_.write_all(buf, n); }
  bool readable(int timeout_ms) override {
    pass();
    return inner_.readable(timeout_ms);
  }

 private:
  void pass() {
    if (before_) std::exchange(before_, nullptr)();
  }

  ports::Channel& inner_;
  std::function<void()>& before_;
};

}  // namespace gfsd::app
