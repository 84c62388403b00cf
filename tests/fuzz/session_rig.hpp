// One XDR session over a ByteChannel and the fake ports, kept for every input
// of a fuzzer (its buffers are large) and reset between inputs.
#pragma once

#include <cstddef>
#include <cstdint>

#include "api.hpp"
#include "fuzz/fuzz_ports.hpp"
#include "proto/dispatcher.hpp"
#include "proto/session.hpp"

namespace gfsd::fuzz {

struct SessionRig {
  explicit SessionRig(const api::Handlers& handlers) : dispatcher(handlers) {}

  // Feeds the input (the control byte at data[0] is the caller's) to the
  // channel and clears the clock, port state and fake disk.
  void load(const uint8_t* data, size_t size) {
    ch.reset(data, size);
    clock.reset();
    ports.state = {};
    new_fake_disk();
  }

  // Serves the loaded input, with progress reports going to the session.
  proto::Session::End serve(domain::Ctx& ctx) {
    ports.progress_to = &session;
    const auto end = session.run(ctx);
    ports.progress_to = nullptr;
    return end;
  }

  FuzzPorts ports;
  SteppingClock clock;
  proto::Dispatcher dispatcher;
  ByteChannel ch;
  proto::Session session{ch, dispatcher, clock, ports.log};
};

}  // namespace gfsd::fuzz
