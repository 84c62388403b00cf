// What the generated per-action thunks (codec_N.cpp) are written against.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api.hpp"
#include "ports/result.hpp"
#include "proto/xdr.hpp"
#include "structs_codec.hpp"

namespace gfsd::proto {

// One request as a thunk sees it.
struct Call {
  domain::Ctx& ctx;
  const api::Handlers& handlers;
  XdrDecoder& in;
  XdrEncoder& out;
  uint64_t optargs_bitmask;
};

using Thunk = Result<void> (*)(Call&);

// Fills table[proc] for every action.
void register_all_thunks(Thunk* table);
// Whether h has a function for that procedure.
bool handler_present(const api::Handlers& h, int proc);

inline tl::unexpected<Error> decode_failed() {
  return fail("daemon failed to decode procedure arguments");
}

inline tl::unexpected<Error> not_supported(const char* name) {
  return fail_with(ENOTSUP, std::string(name) + ": not supported by this daemon");
}

// Optional arguments are always on the wire; only a set bit makes them count.
template <class T>
bool get_opt(XdrDecoder& d, uint64_t mask, int bit, std::optional<T>& out) {
  T v{};
  if (!d.get(v)) return false;
  if ((mask >> bit) & 1u) out = std::move(v);
  return true;
}

inline bool put(XdrEncoder& e, int32_t v) { return e.put(v); }
inline bool put(XdrEncoder& e, int64_t v) { return e.put(v); }
inline bool put(XdrEncoder& e, bool v) { return e.put(v); }
inline bool put(XdrEncoder& e, const std::string& v) { return e.put(v); }
inline bool put(XdrEncoder& e, const std::vector<std::string>& v) { return e.put(v); }
inline bool put(XdrEncoder& e, const api::Hashtable& v) { return e.put(v); }

template <class T>
bool put(XdrEncoder& e, const std::vector<T>& v) {
  if (!e.put(static_cast<uint32_t>(v.size()))) return false;
  for (const auto& x : v)
    if (!put(e, x)) return false;
  return true;
}

template <class T>
bool get(XdrDecoder& d, std::vector<T>& v) {
  uint32_t n;
  if (!d.get(n) || n > d.remaining()) return false;
  v.assign(n, T{});
  for (auto& x : v)
    if (!get(d, x)) return false;
  return true;
}

}  // namespace gfsd::proto
