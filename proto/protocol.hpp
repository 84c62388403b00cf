// Wire constants of the guestfs protocol (libguestfs 1.48, protocol version 4).
#pragma once

#include <cstddef>
#include <cstdint>

namespace gfsd::proto {

inline constexpr uint32_t kProgram = 0x2000F5F5;
inline constexpr uint32_t kProtocolVersion = 4;
inline constexpr uint32_t kMessageMax = 4 * 1024 * 1024;  // largest length word
inline constexpr uint32_t kLaunchFlag = 0xf5f55ff5;
inline constexpr uint32_t kCancelFlag = 0xffffeeee;
inline constexpr uint32_t kProgressFlag = 0xffff5555;
inline constexpr size_t kErrorLen = 65536;    // longest error_message
inline constexpr size_t kMaxChunkSize = 8192;  // longest file chunk
inline constexpr size_t kHeaderSize = 40;
inline constexpr size_t kProgressSize = 24;

enum class Direction : int32_t { Call = 0, Reply = 1 };
enum class Status : int32_t { Ok = 0, Error = 1 };

struct Header {
  uint32_t prog = kProgram;
  uint32_t vers = kProtocolVersion;
  int32_t proc = 0;
  Direction direction = Direction::Call;
  uint32_t serial = 0;
  uint64_t progress_hint = 0;
  uint64_t optargs_bitmask = 0;
  Status status = Status::Ok;
};

}  // namespace gfsd::proto
