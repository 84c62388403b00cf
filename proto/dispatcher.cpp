#include "proto/dispatcher.hpp"

#include <array>
#include <exception>
#include <string>

#include "domain/internal/features.hpp"
#include "proto/codec_support.hpp"

namespace gfsd::proto {

namespace {

const std::array<Thunk, api::kMaxProcNr + 1>& thunks() {
  static const auto table = [] {
    std::array<Thunk, api::kMaxProcNr + 1> t{};
    register_all_thunks(t.data());
    return t;
  }();
  return table;
}

}  // namespace

Dispatcher::Dispatcher(const api::Handlers& handlers) : handlers_(handlers) {}

bool Dispatcher::implemented(int proc) const { return handler_present(handlers_, proc); }

Result<void> Dispatcher::call(domain::Ctx& ctx, int proc, uint64_t optargs_bitmask,
                              const char* args, size_t args_len, XdrEncoder& out) const {
  // The feature probe below runs domain code too.
  const std::lock_guard<std::mutex> one_at_a_time(running_);
  // Feature groups are judged against the table that dispatches (features.hpp).
  ctx.handlers = &handlers_;
  const ActionInfo* info = find_action(proc);
  if (!info)
    return fail("dispatch_incoming_message: unknown procedure number " + std::to_string(proc) +
                ", set LIBGUESTFS_PATH to point to the matching libguestfs appliance directory");

  if (info->optgroup[0] != '\0' &&
      domain::optgroup_availability(ctx, info->optgroup) != domain::Availability::Available)
    return fail_with(ENOTSUP, std::string("feature '") + info->optgroup +
                                  "' is not available in this\nbuild of libguestfs.  Read "
                                  "'AVAILABILITY' in the guestfs(3) man page for\nhow to check "
                                  "for the availability of features.");

  if (info->noptargs > 0) {
    const uint64_t known = info->noptargs >= 64 ? ~uint64_t{0} : (uint64_t{1} << info->noptargs) - 1;
    if (optargs_bitmask & ~known)
      return fail(
          "unknown option in optional arguments bitmask (this can happen if a program is "
          "compiled against a newer version of libguestfs, then run against an older version of "
          "the daemon)");
  } else if (optargs_bitmask != 0) {
    return fail(
        "header optargs_bitmask field must be passed as 0 for calls that don't take optional "
        "arguments");
  }

  XdrDecoder in(args, args_len);
  Call c{ctx, handlers_, in, out, optargs_bitmask};
  Result<void> r;
  try {
    r = thunks()[static_cast<size_t>(proc)](c);
  } catch (const std::exception& e) {
    return fail(std::string("internal error: ") + info->name + ": " + e.what());
  }
  if (r && !out.ok()) return fail(kReplyTooBig);
  return r;
}

}  // namespace gfsd::proto
