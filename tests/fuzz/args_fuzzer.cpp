// Fuzz target: argument decoding of every procedure in the table, through
// the dispatcher and the generated thunks, into the real actions over inert
// ports. Input: two bytes (big-endian) pick an entry of the action table
// (modulo its size); for an action with optional arguments one more byte is
// the optargs bitmask; the rest is the XDR argument body.
//
// The oracle is a validator written from protocol.md §1.3 and the table
// alone: the dispatcher must report "daemon failed to decode procedure
// arguments" exactly when the body is not a complete, exact encoding of the
// arguments, so that no action ever runs on a guess.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>

#include "api.hpp"
#include "domain/internal/features.hpp"
#include "domain/register.hpp"
#include "fuzz/fuzz_ports.hpp"
#include "proto/action_table.hpp"
#include "proto/dispatcher.hpp"
#include "proto/frame.hpp"
#include "proto/protocol.hpp"
#include "proto/xdr.hpp"

namespace gfsd::fuzz {
namespace {

using proto::ArgKind;

const char kDecodeFailed[] = "daemon failed to decode procedure arguments";

class Walker {
 public:
  Walker(const uint8_t* d, size_t n) : d_(d), n_(n) {}
  bool at_end() const { return pos_ == n_; }

  bool word(uint32_t& w) {
    if (n_ - pos_ < 4) return false;
    w = proto::get_be32(reinterpret_cast<const char*>(d_ + pos_));
    pos_ += 4;
    return true;
  }
  bool skip(size_t k) {
    if (n_ - pos_ < k) return false;
    pos_ += k;
    return true;
  }
  // string<> or opaque<>: length, bytes, padding (of any value).
  bool bytes(bool no_nul) {
    uint32_t len;
    if (!word(len)) return false;
    const size_t padded = (static_cast<size_t>(len) + 3) & ~size_t{3};
    if (n_ - pos_ < padded) return false;
    if (no_nul && std::memchr(d_ + pos_, 0, len) != nullptr) return false;
    pos_ += padded;
    return true;
  }
  bool boolean() {
    uint32_t b;
    return word(b) && b <= 1;
  }
  bool list() {
    uint32_t count;
    if (!word(count)) return false;
    for (uint32_t i = 0; i < count; ++i)
      if (!bytes(true)) return false;
    return true;
  }
  bool arg(ArgKind k) {
    switch (k) {
      case ArgKind::FileIn:
      case ArgKind::FileOut:
        return true;  // not in the body
      case ArgKind::StringList:
      case ArgKind::DeviceList:
      case ArgKind::FilenameList:
        return list();
      case ArgKind::Int:
        return skip(4);
      case ArgKind::Int64:
        return skip(8);
      case ArgKind::Bool:
        return boolean();
      case ArgKind::OptString: {
        uint32_t present;
        if (!word(present) || present > 1) return false;
        return present == 0 || bytes(true);
      }
      case ArgKind::BufferIn:
        return bytes(false);
      default:
        return bytes(true);  // every kind of String
    }
  }

 private:
  const uint8_t* d_;
  size_t n_;
  size_t pos_ = 0;
};

bool valid_body(const proto::ActionInfo& a, const uint8_t* d, size_t n) {
  Walker w(d, n);
  for (int i = 0; i < a.nargs; ++i)
    if (!w.arg(a.args[i].kind)) return false;
  for (int i = 0; i < a.noptargs; ++i)
    if (!w.arg(a.optargs[i].kind)) return false;
  return w.at_end();
}

bool bitmask_ok(const proto::ActionInfo& a, uint64_t mask) {
  if (a.noptargs == 0) return mask == 0;
  return a.noptargs >= 64 || (mask >> a.noptargs) == 0;
}

struct Fixture {
  Fixture() : out(new char[proto::kMessageMax]) { domain::register_all(handlers); }
  FuzzPorts ports;
  api::Handlers handlers;
  proto::Dispatcher dispatcher{handlers};
  std::unique_ptr<char[]> out;
};

}  // namespace
}  // namespace gfsd::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gfsd;
  using namespace gfsd::fuzz;
  // Destroyed at exit, before gmock's leak check.
  static Fixture fixture;
  Fixture* f = &fixture;
  if (size < 2) return 0;
  const size_t index = ((size_t{data[0]} << 8) | data[1]) % static_cast<size_t>(proto::kNumActionList);
  const proto::ActionInfo& a = proto::kActionList[index];
  data += 2;
  size -= 2;
  uint64_t mask = 0;
  if (a.noptargs > 0) {
    if (size < 1) return 0;
    mask = data[0];
    ++data;
    --size;
  }

  f->ports.state = {};
  new_fake_disk();
  domain::Ctx ctx = f->ports.ctx();
  proto::XdrEncoder out(f->out.get(), proto::kMessageMax - proto::kHeaderSize);
  const Result<void> r = f->dispatcher.call(ctx, a.proc, mask, reinterpret_cast<const char*>(data),
                                            size, out);

  const bool decode_failed = !r && r.error().message == kDecodeFailed;
  if (a.optgroup[0] != '\0' &&
      domain::optgroup_availability(ctx, a.optgroup) != domain::Availability::Available) {
    FUZZ_CHECK(!r && r.error().errnum == ENOTSUP, std::string(a.name) + ": unavailable group");
    return 0;
  }
  if (!bitmask_ok(a, mask)) {
    FUZZ_CHECK(!r && !decode_failed, std::string(a.name) + ": a bad bitmask got past the check");
    return 0;
  }
  const bool valid = valid_body(a, data, size);
  FUZZ_CHECK(decode_failed == !valid,
             std::string(a.name) + (valid ? ": a valid body failed to decode"
                                          : ": an invalid body was accepted"));
  if (valid && !f->dispatcher.implemented(a.proc))
    FUZZ_CHECK(!r && r.error().errnum == ENOTSUP, std::string(a.name) + ": empty slot");
  return 0;
}
