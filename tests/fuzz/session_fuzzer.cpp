// Fuzz target: a whole connection with the real action table over inert
// ports, to exercise the FileIn chunk stream (chunks, end and cancel chunks,
// bare CANCEL words, malformed chunks, uploads that fail half-way), the
// FileOut stream (CANCEL words from the peer, a peer that stops reading),
// progress messages and every implemented action's reply encoding. The first
// input byte sets the channel's behaviour (README.md); the rest is what the
// peer sends. The daemon's output must be a valid stream (daemon_output.hpp).
#include <cstddef>
#include <cstdint>

#include "api.hpp"
#include "domain/register.hpp"
#include "fuzz/daemon_output.hpp"
#include "fuzz/fuzz_ports.hpp"
#include "fuzz/session_rig.hpp"
#include "proto/dispatcher.hpp"
#include "proto/session.hpp"

namespace gfsd::fuzz {
namespace {

struct Fixture {
  Fixture() { domain::register_all(handlers); }
  api::Handlers handlers;
  SessionRig rig{handlers};
};

}  // namespace
}  // namespace gfsd::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gfsd;
  using namespace gfsd::fuzz;
  // Destroyed at exit, before gmock's leak check.
  static Fixture fixture;
  Fixture* f = &fixture;
  if (size == 0) return 0;
  SessionRig& rig = f->rig;
  ByteChannel& ch = rig.ch;
  rig.load(data + 1, size - 1);
  configure_channel(data[0], ch);
  domain::Ctx ctx = rig.ports.ctx();
  const auto end = rig.serve(ctx);
  FUZZ_CHECK(ctx.upload == nullptr && ctx.download == nullptr, "streams left attached");

  const bool broken = end == proto::Session::End::ProtocolError;
  FUZZ_CHECK(!ch.write_failed || broken, "a failed write went unnoticed");
  check_daemon_output(ch.output, broken);
  if (end == proto::Session::End::Eof) FUZZ_CHECK(ch.consumed() == ch.size(), "input left over");
  return 0;
}
