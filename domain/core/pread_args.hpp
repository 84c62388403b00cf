// The numbers of a pread or pread_device call, checked in the original's
// order and words (both actions share them).
#pragma once

#include <cstdint>
#include <string>

namespace gfsd::domain {

// What is wrong with them, or "" when nothing is. name: the file or device.
inline std::string pread_arguments_problem(const std::string& name, int32_t count,
                                           int64_t offset) {
  constexpr int32_t kMessageMax = 4 * 1024 * 1024;  // GUESTFS_MESSAGE_MAX: no reply can carry it
  if (count < 0) return "count is negative";
  if (offset < 0) return "offset is negative";
  if (count >= kMessageMax) return name + ": count is too large for the protocol, use smaller reads";
  return "";
}

}  // namespace gfsd::domain
