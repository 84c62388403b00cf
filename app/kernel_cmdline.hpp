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
  // The word guestfs_grpc=unix:PATH (last one wins): the debug console in an
  // appliance made with its module (deploy/make-appliance.sh --grpc-console).
  std::optional<std::string> grpc;
};

KernelFlags parse_kernel_cmdline(const std::string& cmdline);

// Kernel flags can only switch verbose/network on; guestfs_channel is used
// only when the command line gave no -c/--channel, guestfs_grpc only when it
// gave no --grpc and only for a Unix socket (TCP needs --grpc-allow-tcp).
void apply_kernel_flags(Options& opts, const KernelFlags& flags);

}  // namespace gfsd::app
