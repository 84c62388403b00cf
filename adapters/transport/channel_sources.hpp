// Where the daemon's channel comes from: a device or path (virtio-serial,
// serial tty), an inherited fd:N, or a Unix socket we listen on.
#pragma once

#include <memory>
#include <string>

#include "ports/channel.hpp"
#include "ports/result.hpp"
#include "ports/system.hpp"

namespace gfsd::adapters {

inline constexpr const char* kDefaultChannel = "/dev/virtio-ports/org.libguestfs.channel.0";

struct ChannelSpec {
  std::string channel;  // empty: kDefaultChannel
  bool listen = false;
};

// A path or fd:N source hands out its channel once, then nullptr. A listening
// source accepts one client per next() call, so clients can follow each other.
Result<std::unique_ptr<ports::ChannelSource>> make_channel_source(const ChannelSpec& spec,
                                                                  ports::Log& log);

}  // namespace gfsd::adapters
