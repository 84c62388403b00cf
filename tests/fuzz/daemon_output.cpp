#include "fuzz/daemon_output.hpp"

#include "fuzz/fuzz_ports.hpp"
#include "proto/action_table.hpp"
#include "proto/frame.hpp"
#include "proto/text_codec.hpp"
#include "proto/xdr.hpp"

namespace gfsd::fuzz {

namespace {

using proto::kCancelFlag;
using proto::kHeaderSize;
using proto::kMaxChunkSize;
using proto::kMessageMax;
using proto::kProgressFlag;

size_t pad4(size_t n) { return (n + 3) & ~size_t{3}; }

class Reader {
 public:
  explicit Reader(const std::string& s) : s_(s) {}
  bool at_end() const { return pos_ == s_.size(); }
  bool word(uint32_t& w) {
    if (s_.size() - pos_ < 4) return false;
    w = proto::get_be32(s_.data() + pos_);
    pos_ += 4;
    return true;
  }
  bool bytes(size_t n, const char*& p) {
    if (s_.size() - pos_ < n) return false;
    p = s_.data() + pos_;
    pos_ += n;
    return true;
  }

 private:
  const std::string& s_;
  size_t pos_ = 0;
};

struct Progress {
  int32_t proc;
  uint32_t serial;
};

bool read_progress(Reader& r, Progress& p) {
  const char* body;
  if (!r.bytes(proto::kProgressSize, body)) return false;
  proto::XdrDecoder d(body, proto::kProgressSize);
  uint64_t position, total;
  FUZZ_CHECK(d.get(p.proc) && d.get(p.serial) && d.get(position) && d.get(total), "progress");
  return true;
}

std::string describe(const proto::Header& h) {
  return "proc " + std::to_string(h.proc) + " serial " + std::to_string(h.serial) +
         " status " + std::to_string(static_cast<int>(h.status));
}

// One reply frame of length len. False when the output ends inside it.
bool read_reply(Reader& r, uint32_t len, SeenReply& seen) {
  FUZZ_CHECK(len >= kHeaderSize && len <= kMessageMax, "reply length " + std::to_string(len));
  const char* body;
  if (!r.bytes(len, body)) return false;
  proto::XdrDecoder d(body, len);
  proto::Header& h = seen.hdr;
  FUZZ_CHECK(proto::get_header(d, h), "reply header");
  FUZZ_CHECK(h.prog == proto::kProgram && h.vers == proto::kProtocolVersion, describe(h));
  FUZZ_CHECK(h.direction == proto::Direction::Reply, describe(h));
  FUZZ_CHECK(h.progress_hint == 0 && h.optargs_bitmask == 0, describe(h));
  const proto::ActionInfo* info = proto::find_action(h.proc);
  if (seen.cancel_before)
    FUZZ_CHECK(info && info->has(proto::kFileIn), "CANCEL word before a reply to " + describe(h));
  if (h.status == proto::Status::Error) {
    FUZZ_CHECK(d.get(seen.err) && d.get(seen.message) && d.at_end(), "error body " + describe(h));
    FUZZ_CHECK(seen.message.size() <= proto::kErrorLen, "error message length");
    return true;
  }
  FUZZ_CHECK(h.status == proto::Status::Ok, describe(h));
  FUZZ_CHECK(info != nullptr, "OK reply to an unknown procedure: " + describe(h));
  auto rendered = proto::render_ret(*info, d);
  FUZZ_CHECK(rendered.has_value(), std::string("reply body of ") + info->name);
  return true;
}

// The chunks after an OK reply to a FileOut call. False when the output ends
// before the end or cancel chunk.
bool read_chunks(Reader& r, const proto::Header& req, DaemonOutput& out) {
  for (;;) {
    uint32_t w;
    if (!r.word(w)) return false;
    if (w == kProgressFlag) {
      Progress p;
      if (!read_progress(r, p)) return false;
      FUZZ_CHECK(p.proc == req.proc && p.serial == req.serial, "progress of another call");
      ++out.progress;
      continue;
    }
    FUZZ_CHECK(w >= 8 && w <= 8 + kMaxChunkSize, "chunk length " + std::to_string(w));
    const char* body;
    if (!r.bytes(w, body)) return false;
    const uint32_t cancel = proto::get_be32(body);
    const uint32_t dlen = proto::get_be32(body + 4);
    FUZZ_CHECK(cancel <= 1 && dlen <= kMaxChunkSize && 8 + pad4(dlen) == w, "chunk framing");
    FUZZ_CHECK(cancel == 0 || dlen == 0, "a cancel chunk with data");
    ++out.chunks;
    if (cancel || dlen == 0) return true;
  }
}

}  // namespace

DaemonOutput check_daemon_output(const std::string& bytes, bool may_be_cut) {
  DaemonOutput out;
  Reader r(bytes);
  uint32_t w;
  if (!r.word(w)) {
    out.cut = true;
    FUZZ_CHECK(may_be_cut, "no launch word");
    return out;
  }
  FUZZ_CHECK(w == proto::kLaunchFlag, "first word is not the launch word");
  bool cancel_pending = false;
  while (!r.at_end()) {
    bool complete = r.word(w);
    if (complete && w == kCancelFlag) {
      FUZZ_CHECK(!cancel_pending, "two CANCEL words for one call");
      cancel_pending = true;
      continue;
    }
    if (complete && w == kProgressFlag) {
      Progress p;
      complete = read_progress(r, p);
      if (complete) {
        ++out.progress;
        continue;
      }
    } else if (complete) {
      SeenReply seen;
      seen.cancel_before = cancel_pending;
      complete = read_reply(r, w, seen);
      if (complete) {
        cancel_pending = false;
        out.replies.push_back(seen);
        const proto::ActionInfo* info = proto::find_action(seen.hdr.proc);
        if (seen.hdr.status == proto::Status::Ok && info->has(proto::kFileOut) &&
            !read_chunks(r, seen.hdr, out)) {
          // The stream stopped before its end chunk.
          FUZZ_CHECK(may_be_cut, std::string("unfinished ") + info->name + " stream");
          out.cut = true;
          return out;
        }
        continue;
      }
    }
    out.cut = true;
    FUZZ_CHECK(may_be_cut, "output ends inside a message");
    return out;
  }
  return out;
}

}  // namespace gfsd::fuzz
