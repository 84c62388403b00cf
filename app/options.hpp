// The daemon's command line (see guestfsd(8)).
#pragma once

#include <string>

#include "ports/result.hpp"

namespace gfsd::app {

struct Options {
  std::string channel;   // -c/--channel PATH|fd:N; empty: the default port
  bool listen = false;   // -l/--listen
  bool network = false;  // -n/--network
  bool live = false;     // -r: operate on / instead of /sysroot
  bool verbose = false;  // -v/--verbose
  bool test = false;     // -t/--test (undocumented)
  bool help = false;     // -?/--help
  std::string grpc;      // --grpc ADDR: the gRPC debug console; empty: none
  bool grpc_allow_tcp = false;  // --grpc-allow-tcp: a TCP console (with a token) is wanted
  std::string grpc_token_file;  // --grpc-token-file PATH; empty: the default place
};

// --grpc's argument in gRPC's syntax: "PORT" and ":PORT" mean
// 127.0.0.1:PORT (loopback unless told otherwise); "HOST:PORT", "[V6]:PORT"
// and "unix:PATH" are taken as they are. Port 0 picks a free port.
Result<std::string> grpc_address(const std::string& arg);

// Errors carry a one-line message starting with "guestfsd: ". A TCP --grpc
// address is refused without --grpc-allow-tcp: any local user can reach it.
Result<Options> parse_options(int argc, char** argv);

// The synopsis and one line per documented option, newline-terminated.
std::string usage_text();

}  // namespace gfsd::app
