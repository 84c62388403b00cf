#include "app/kernel_cmdline.hpp"

#include <sstream>
#include <string_view>

namespace gfsd::app {

KernelFlags parse_kernel_cmdline(const std::string& cmdline) {
  KernelFlags flags;
  // Plain substring tests, as documented: the appliance's /init matches the
  // same way, so "xguestfs_verbose=1x" counts too.
  flags.verbose = cmdline.find("guestfs_verbose=1") != std::string::npos;
  flags.network = cmdline.find("guestfs_network=1") != std::string::npos;

  static constexpr std::string_view kChannel = "guestfs_channel=";
  static constexpr std::string_view kGrpc = "guestfs_grpc=";
  std::istringstream words(cmdline);  // >> splits on any whitespace, newline included
  std::string word;
  while (words >> word) {
    if (word.size() > kChannel.size() && word.compare(0, kChannel.size(), kChannel) == 0)
      flags.channel = word.substr(kChannel.size());
    if (word.size() > kGrpc.size() && word.compare(0, kGrpc.size(), kGrpc) == 0)
      flags.grpc = word.substr(kGrpc.size());
  }
  return flags;
}

void apply_kernel_flags(Options& opts, const KernelFlags& flags) {
  opts.verbose = opts.verbose || flags.verbose;
  opts.network = opts.network || flags.network;
  if (opts.channel.empty() && flags.channel) opts.channel = *flags.channel;
  if (opts.grpc.empty() && flags.grpc && flags.grpc->size() > 5 && flags.grpc->rfind("unix:", 0) == 0)
    opts.grpc = *flags.grpc;
}

}  // namespace gfsd::app
