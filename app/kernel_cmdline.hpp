// guestfs_* flags on the Linux command line (see guestfsd(8), FILES).
#pragma once

#include <optional>
#include <string>

#include "app/options.hpp"

namespace gfsd::app {

struct KernelFlags {
  bool verbose = false;                // guestfs_verbose=1 anywhere in the line
  bool network = false;                // guestfs_network=1 anywhere in the line
  std::optional<std::string> channel;  // the word guestfs_channel=PATH (last one wins)
};

KernelFlags parse_kernel_cmdline(const std::string& cmdline);

// Kernel flags can only switch verbose/network on; guestfs_channel is used
// only when the command line gave no -c/--channel.
void apply_kernel_flags(Options& opts, const KernelFlags& flags);

}  // namespace gfsd::app
