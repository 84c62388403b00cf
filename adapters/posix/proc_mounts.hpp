// The mount table from /proc/self/mountinfo. The parsed table is cached and
// re-read only when the kernel flags a change (POLLPRI on the open file), so
// the "is the root mounted?" check of every Pathname call costs one poll(2).
#pragma once

#include <string>
#include <vector>

#include "ports/system.hpp"

namespace gfsd::adapters {

class ProcMounts final : public ports::Mounts {
 public:
  ProcMounts() = default;
  ~ProcMounts() override;
  ProcMounts(const ProcMounts&) = delete;
  ProcMounts& operator=(const ProcMounts&) = delete;

  Result<std::vector<ports::MountEntry>> list() override;
  Result<void> umount(const std::string& target, bool force, bool lazy) override;
  Result<bool> has_mounts_under(const std::string& dir) override;  // no copy, no allocation

 private:
  Result<void> refresh();  // re-reads the table if the kernel flagged a change
  int fd_ = -1;
  bool valid_ = false;
  std::vector<ports::MountEntry> cache_;
};

// Parses mountinfo text (exposed for tests).
std::vector<ports::MountEntry> parse_mountinfo(const std::string& text);

}  // namespace gfsd::adapters
