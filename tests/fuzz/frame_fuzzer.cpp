// Fuzz target: the session's frame reader. The input is everything a peer
// sends on one connection (after one control byte, see README.md): length
// words, CANCEL words, request frames, chunk frames. Every action is an empty
// slot here (ENOTSUP), so the daemon's answer to each frame is predictable,
// and a small model of protocol.md §1.4/§1.9/§2.3 written from the spec says
// which replies must come, in what order, and how the connection ends.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "api.hpp"
#include "fuzz/daemon_output.hpp"
#include "fuzz/fuzz_ports.hpp"
#include "fuzz/session_rig.hpp"
#include "proto/action_table.hpp"
#include "proto/dispatcher.hpp"
#include "proto/frame.hpp"
#include "proto/session.hpp"
#include "proto/xdr.hpp"

namespace gfsd::fuzz {
namespace {

using proto::kCancelFlag;
using proto::kMessageMax;

struct Expected {
  int32_t proc;
  uint32_t serial;
  bool cancel_before;  // a FileIn call: CANCEL word, drain, then the reply
};

struct Model {
  std::vector<Expected> replies;
  proto::Session::End end = proto::Session::End::Eof;
};

class Input {
 public:
  Input(const uint8_t* d, size_t n) : d_(d), n_(n) {}
  size_t left() const { return n_ - pos_; }
  bool word(uint32_t& w) {
    if (left() < 4) return false;
    w = proto::get_be32(reinterpret_cast<const char*>(d_ + pos_));
    pos_ += 4;
    return true;
  }
  const char* take(size_t k) {
    const char* p = reinterpret_cast<const char*>(d_ + pos_);
    pos_ += k;
    return p;
  }

 private:
  const uint8_t* d_;
  size_t n_;
  size_t pos_ = 0;
};

// The drain of a FileIn stream after the daemon's CANCEL word: chunk frames
// are read and dropped until one that ends the stream (cancel = 1 or no
// data); bare CANCEL words and malformed chunks are skipped. False if the
// connection cannot go on (the stream ended, or a frame too long).
bool drain(Input& in) {
  for (;;) {
    uint32_t len;
    if (!in.word(len)) return false;
    if (len == kCancelFlag) continue;
    if (len > kMessageMax || in.left() < len) return false;
    const char* p = in.take(len);
    if (len < 8) continue;
    const uint32_t cancel = proto::get_be32(p);
    const uint32_t dlen = proto::get_be32(p + 4);
    if (dlen > proto::kMaxChunkSize || 8 + ((dlen + 3) & ~3u) > len || cancel > 1) continue;
    if (cancel == 1 || dlen == 0) return true;
  }
}

Model model(Input in) {
  Model m;
  for (;;) {
    if (in.left() == 0) return m;  // Eof
    uint32_t len;
    m.end = proto::Session::End::ProtocolError;
    if (!in.word(len)) return m;
    m.end = proto::Session::End::Eof;
    if (len == kCancelFlag) continue;
    m.end = proto::Session::End::ProtocolError;
    if (len > kMessageMax || in.left() < len || len < proto::kHeaderSize) return m;
    m.end = proto::Session::End::Eof;
    proto::XdrDecoder d(in.take(len), len);
    proto::Header h;
    FUZZ_CHECK(proto::get_header(d, h), "header of 40 bytes or more");
    const bool header_ok = h.prog == proto::kProgram && h.vers == proto::kProtocolVersion &&
                           h.direction == proto::Direction::Call && h.status == proto::Status::Ok;
    const proto::ActionInfo* info = proto::find_action(h.proc);
    const bool file_in = header_ok && info && info->has(proto::kFileIn);
    if (file_in && !drain(in)) {
      m.end = proto::Session::End::ProtocolError;
      return m;
    }
    m.replies.push_back({h.proc, h.serial, file_in});
  }
}

struct Fixture {
  api::Handlers empty;  // every action answers ENOTSUP
  SessionRig rig{empty};
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
  ch.max_read = data[0] == 0 ? SIZE_MAX : data[0];  // pieces of 1..255 bytes, or whole
  domain::Ctx ctx = rig.ports.ctx();
  const auto end = rig.serve(ctx);

  const Model m = model(Input(data + 1, size - 1));
  FUZZ_CHECK(end == m.end, "session ended with " + std::to_string(static_cast<int>(end)) +
                               ", the model says " + std::to_string(static_cast<int>(m.end)));
  const DaemonOutput out = check_daemon_output(ch.output, false);
  FUZZ_CHECK(out.replies.size() == m.replies.size(),
             std::to_string(out.replies.size()) + " replies, the model says " +
                 std::to_string(m.replies.size()));
  for (size_t i = 0; i < m.replies.size(); ++i) {
    const SeenReply& r = out.replies[i];
    FUZZ_CHECK(r.hdr.proc == m.replies[i].proc && r.hdr.serial == m.replies[i].serial,
               "reply " + std::to_string(i) + " answers another request");
    FUZZ_CHECK(r.hdr.status == proto::Status::Error, "an empty table answered OK");
    FUZZ_CHECK(r.cancel_before == m.replies[i].cancel_before,
               "CANCEL word for reply " + std::to_string(i));
  }
  if (end == proto::Session::End::Eof) FUZZ_CHECK(ch.consumed() == ch.size(), "input left over");
  return 0;
}
