// sleep: the daemon does nothing for a while (tests use it for timeouts).
#include <chrono>
#include <thread>

#include "domain/system/misc_actions.hpp"

namespace gfsd::domain {

uint32_t sleep_seconds(int32_t secs) { return static_cast<uint32_t>(secs); }

// A negative count wraps as it did for the original's sleep(3): -1 means
// about 136 years. Never fails.
Result<void> sleep(Ctx&, int32_t secs) {
  std::this_thread::sleep_for(std::chrono::seconds(sleep_seconds(secs)));
  return {};
}

}  // namespace gfsd::domain
