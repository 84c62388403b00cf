// What a daemon may send on a connection (protocol.md §1.4, §1.7, §1.9-1.11),
// checked from the bytes alone, independently of the session code: the launch
// word, then replies, progress messages, CANCEL words during a FileIn call,
// and after an OK reply to a FileOut call its chunks up to an end or cancel
// chunk. Anything else aborts (FUZZ_CHECK).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "proto/protocol.hpp"

namespace gfsd::fuzz {

struct SeenReply {
  proto::Header hdr;
  bool cancel_before = false;  // the daemon sent a CANCEL word during the request
  std::string err;             // error replies: errno name and message
  std::string message;
};

struct DaemonOutput {
  std::vector<SeenReply> replies;
  size_t chunks = 0;    // FileOut chunks, end and cancel chunks included
  size_t progress = 0;  // progress messages
  bool cut = false;     // the output stops in the middle of something
};

// may_be_cut: the daemon's writes failed at some point, so the output may end
// anywhere (otherwise a cut is a violation).
DaemonOutput check_daemon_output(const std::string& out, bool may_be_cut);

}  // namespace gfsd::fuzz
