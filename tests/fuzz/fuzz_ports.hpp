// What the fuzz targets run against: the gmock doubles of tests/support with
// defaults that let actions get somewhere (a mounted /sysroot, files that
// read and write, /dev/sd* devices) while no input can reach a real file, a
// process or a device; and a channel over the fuzz input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "support/mock_ports.hpp"
#include "ports/channel.hpp"
#include "ports/system.hpp"

// A broken invariant is a crash, so that libFuzzer keeps the input.
#define FUZZ_CHECK(cond, what)                                                    \
  do {                                                                            \
    if (!(cond)) ::gfsd::fuzz::check_failed(__FILE__, __LINE__, #cond, (what)); \
  } while (0)

namespace gfsd::fuzz {

[[noreturn]] void check_failed(const char* file, int line, const char* cond,
                               const std::string& what);

// Size a fake file reports and reads: the number the path ends with (capped
// at 1 MiB), 0 without one. "/dl/f20000" reads 20000 bytes.
size_t fake_size(const std::string& path);

// Empties the fake disk (its count of files written) for the next input.
void new_fake_disk();

// Ports whose defaults are safe for any argument. Built once per process:
// the mocks carry no state between inputs except what a test sets.
struct FuzzPorts : mocks::MockPorts {
  FuzzPorts();
  // Where the progress port's reports go (the session under test), if anywhere.
  ports::Progress* progress_to = nullptr;
};

// The library's side of one connection, scripted by the fuzz input: reads
// come from the input (in pieces of at most max_read bytes), writes collect
// in `output`, and optionally start failing after write_budget bytes, like
// a peer that went away.
class ByteChannel final : public ports::Channel {
 public:
  // A new stream: the next input, nothing written yet.
  void reset(const uint8_t* data, size_t size);

  size_t max_read = SIZE_MAX;
  size_t write_budget = SIZE_MAX;
  // Whether readable() says yes for anything (a peer that pipelines), or only
  // for a CANCEL word and the end of the stream (the library's way).
  bool always_readable = false;

  std::string output;
  bool write_failed = false;

  Result<size_t> read(void* buf, size_t n) override;
  Result<void> write_all(const void* buf, size_t n) override;
  bool readable(int timeout_ms) override;

  size_t consumed() const { return pos_; }
  size_t size() const { return size_; }

 private:
  const uint8_t* data_ = nullptr;
  size_t size_ = 0;
  size_t pos_ = 0;
};

// Applies the first input byte to a channel's behaviour (read piece size,
// write budget, readable policy), as described in tests/fuzz/README.md.
// (One channel and one session serve all inputs: a session's buffers are
// large, and allocating them per input would make fuzzing 20 times slower.)
void configure_channel(uint8_t control, ByteChannel& ch);

// A clock that moves 250 ms per look, so that progress messages are due.
class SteppingClock final : public ports::Clock {
 public:
  int64_t now_us() override { return now_ += 250'000; }
  void reset() { now_ = 0; }

 private:
  int64_t now_ = 0;
};

}  // namespace gfsd::fuzz
